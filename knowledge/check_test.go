package knowledge

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// article writes a valid article with the given id, title and body, for
// tests that change one thing at a time.
func article(id, title, body string) string {
	return fmt.Sprintf(`---
id: %s
title: %s
summary: One line.
roles: [splw]
locality: national
synonyms: [sample]
owner: Training hub team
reviewed: 2026-01-02
sources:
  - title: "NHS England: a page"
    url: https://www.england.nhs.uk/page/
    as_of: 2025-05-16
---
%s
`, id, title, body)
}

func TestLoadWith(t *testing.T) {
	shippedFS := fstest.MapFS{
		"a.md": {Data: []byte(article("a", "Article A", "## One\nAbout apples."))},
		"b.md": {Data: []byte(article("b", "Article B", "## One\nAbout bananas."))},
	}
	tests := []struct {
		name      string
		extra     fs.FS
		wantIDs   string
		wantTitle map[string]string
		search    string // a query whose first hit must be search's entry
		searchHit string
	}{
		{"no extra", nil, "a b", map[string]string{"b": "Article B"}, "bananas", "b"},
		{"empty extra", fstest.MapFS{}, "a b", nil, "apples", "a"},
		{"extra adds", fstest.MapFS{
			"c.md": {Data: []byte(article("c", "Article C", "## One\nAbout cherries."))},
		}, "a b c", nil, "cherries", "c"},
		{"extra replaces by id", fstest.MapFS{
			"b.md": {Data: []byte(article("b", "Local B", "## One\nAbout blackberries."))},
		}, "a b", map[string]string{"b": "Local B"}, "blackberries", "b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := LoadWith(shippedFS, tt.extra)
			if err != nil {
				t.Fatalf("LoadWith: %v", err)
			}
			var ids []string
			for _, e := range b.Entries() {
				ids = append(ids, e.ID)
			}
			if got := strings.Join(ids, " "); got != tt.wantIDs {
				t.Errorf("LoadWith ids = %q, want %q", got, tt.wantIDs)
			}
			for id, title := range tt.wantTitle {
				if e, _ := b.Entry(id); e == nil || e.Title != title {
					t.Errorf("Entry(%q) = %+v, want title %q", id, e, title)
				}
			}
			r := b.Search(tt.search, SearchOptions{})
			if len(r.Hits) == 0 || r.Hits[0].Entry.ID != tt.searchHit {
				t.Errorf("Search(%q) = %v, want %s first", tt.search, hitIDs(r), tt.searchHit)
			}
		})
	}
}

func TestLoadWithFaults(t *testing.T) {
	shippedFS := fstest.MapFS{"a.md": {Data: []byte(article("a", "Article A", "Body."))}}
	extra := fstest.MapFS{"broken.md": {Data: []byte("no front matter")}}
	_, err := LoadWith(shippedFS, extra)
	if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "broken.md") {
		t.Errorf("LoadWith(bad extra) = %v, want ErrInvalid naming broken.md", err)
	}
}

func TestCheck(t *testing.T) {
	now := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	good := article("good", "A good article", "## Summary\nFine.")
	tests := []struct {
		name  string
		files map[string]string
		want  []string // a fragment of each fault, in order
	}{
		{"good", map[string]string{"good.md": good}, nil},
		{"reviewed today is fine", map[string]string{"good.md": strings.Replace(good, "2026-01-02", "2026-06-01", 1)}, nil},
		{"reviewed in the future", map[string]string{"good.md": strings.Replace(good, "2026-01-02", "2026-06-02", 1)},
			[]string{"good.md: reviewed date 2026-06-02 is in the future"}},
		{"source from the future", map[string]string{"good.md": strings.Replace(good, "2025-05-16", "2027-01-01", 1)},
			[]string{"good.md: source 1: as_of date 2027-01-01 is in the future"}},
		{"source without a date", map[string]string{"good.md": strings.Replace(good, "    as_of: 2025-05-16\n", "", 1)},
			[]string{"good.md: source 1 has no as_of date"}},
		{"long title", map[string]string{"good.md": article("good", strings.Repeat("x", MaxTitle+1), "Body.")},
			[]string{"good.md: title is 151 characters"}},
		{"title of 150 characters with accents", map[string]string{"good.md": article("good", strings.Repeat("é", MaxTitle), "Body.")}, nil},
		{"long section", map[string]string{"good.md": article("good", "Title", "## Long\n"+strings.Repeat("y", MaxSection+1))},
			[]string{`good.md: section "Long" is 3001 characters`}},
		{"no summary", map[string]string{"good.md": strings.Replace(good, "summary: One line.\n", "", 1)},
			[]string{"good.md: missing summary"}},
		{"several faults in one file", map[string]string{"good.md": strings.Replace(strings.Replace(good, "summary: One line.\n", "", 1), "2026-01-02", "2030-01-01", 1)},
			[]string{"good.md: missing summary", "good.md: reviewed date 2030-01-01 is in the future"}},
		{"an abbreviation defined twice", map[string]string{
			"good.md":  strings.Replace(good, "sources:", "defines:\n  - term: ARRS\n    means: the scheme\nsources:", 1),
			"other.md": strings.Replace(article("other", "Other", "Body."), "sources:", "defines:\n  - term: arrs\n    means: the scheme\nsources:", 1),
		}, []string{`other.md: abbreviation "arrs" is defined by good.md too`}},
		{"a definition without its meaning", map[string]string{"good.md": strings.Replace(good, "sources:", "defines:\n  - term: ARRS\nsources:", 1)},
			[]string{"good.md: definition 1 needs a term, and for an abbreviation what it stands for"}},
		{"a referral without cues", map[string]string{"good.md": strings.Replace(good, "sources:", "referral:\n  why: They help.\nsources:", 1)},
			[]string{"good.md: referral needs why and cues"}},
		{"questions empty and repeated", map[string]string{"good.md": strings.Replace(good, "sources:", "questions:\n  - \"What is it?\"\n  - \"\"\n  - \"what is it\"\nsources:", 1)},
			[]string{`good.md: question 2 is empty; question 3 "what is it" is listed twice`}},
		{"a question two articles list", map[string]string{
			"good.md":  strings.Replace(good, "sources:", "questions: [\"Who pays for it?\"]\nsources:", 1),
			"other.md": strings.Replace(article("other", "Other", "Body."), "sources:", "questions: [\"who pays for it\"]\nsources:", 1),
		}, []string{`other.md: question "who pays for it" is listed by good.md too`}},
		{"faults in two files", map[string]string{
			"good.md":   good,
			"bad.md":    "no front matter",
			"other.md":  article("wrong", "Title", "Body."),
			"notes.txt": "not an article",
		}, []string{"bad.md: does not start", `other.md: id "wrong" differs from the file name`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for name, data := range tt.files {
				fsys[name] = &fstest.MapFile{Data: []byte(data)}
			}
			faults := Check(fsys, now)
			if len(faults) != len(tt.want) {
				t.Fatalf("Check = %d faults %v, want %d: %q", len(faults), faults, len(tt.want), tt.want)
			}
			for i, err := range faults {
				if !errors.Is(err, ErrInvalid) {
					t.Errorf("fault %v does not wrap ErrInvalid", err)
				}
				if !strings.Contains(err.Error(), tt.want[i]) {
					t.Errorf("fault %d = %v, want it to say %q", i, err, tt.want[i])
				}
			}
		})
	}
}

func TestCheckShipped(t *testing.T) {
	for _, err := range Check(Content(), time.Now()) {
		t.Error(err)
	}
}
