package knowledge

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// TestShippedContentLoads parses every embedded article, so a bad one fails
// here rather than at start-up in production.
func TestShippedContentLoads(t *testing.T) {
	b, err := Load(Content())
	if err != nil {
		t.Fatalf("Load(shipped content): %v", err)
	}
	if len(b.Entries()) == 0 {
		t.Fatal("Load(shipped content) found no entries")
	}
	for _, e := range b.Entries() {
		if e.Reviewed.After(time.Now()) {
			t.Errorf("%s: reviewed %s is in the future", e.File, e.Reviewed)
		}
		for _, s := range e.Sources {
			if s.AsOf.IsZero() {
				t.Errorf("%s: source %q has no as_of date", e.File, s.Title)
			}
		}
	}
}

func TestRoleArticlesHaveTheirSections(t *testing.T) {
	b, err := Load(Content())
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"role-splw", "role-hwbc", "role-cc"} {
		e, ok := b.Entry(id)
		if !ok {
			t.Errorf("Entry(%q) missing", id)
			continue
		}
		for _, h := range []string{"Summary", "Regular tasks", "Who they help"} {
			if text, ok := e.Section(h); !ok || text == "" {
				t.Errorf("%s: section %q missing or empty", id, h)
			}
		}
	}
}

const good = `---
id: sample
title: A sample
summary: One line.
roles: [splw]
locality: national
owner: Training hub team
reviewed: 2026-01-02
sources:
  - title: "NHS England: a page"
    url: https://www.england.nhs.uk/page/
    as_of: 2025-05-16
---
Lead-in.

## First
Some **text**.

## Second
- one
- two
`

func TestParse(t *testing.T) {
	e, err := Parse("sample.md", []byte(good))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if e.ID != "sample" || e.Title != "A sample" || e.Reviewed.Format(time.DateOnly) != "2026-01-02" {
		t.Errorf("Parse = %+v", e)
	}
	if got, want := len(e.Sections), 3; got != want {
		t.Fatalf("sections = %d, want %d: %+v", got, want, e.Sections)
	}
	if got, _ := e.Section("second"); got != "- one\n- two" {
		t.Errorf(`Section("second") = %q, want "- one\n- two"`, got)
	}
	if got := e.Sources[0].AsOf.String(); got != "16 May 2025" {
		t.Errorf("AsOf = %q, want 16 May 2025", got)
	}
}

func TestParseFaults(t *testing.T) {
	tests := []struct {
		name, file, content string
	}{
		{"no front matter", "sample.md", "## Hello\n"},
		{"unclosed front matter", "sample.md", "---\nid: sample\n"},
		{"missing title", "sample.md", strings.Replace(good, "title: A sample\n", "", 1)},
		{"no sources", "sample.md", good[:strings.Index(good, "sources:")] + "---\nbody\n"},
		{"bad url", "sample.md", strings.Replace(good, "https://www.england.nhs.uk/page/", "not a url", 1)},
		{"unknown field", "sample.md", strings.Replace(good, "id: sample", "id: sample\ncolour: blue", 1)},
		{"bad date", "sample.md", strings.Replace(good, "2026-01-02", "2 Jan 2026", 1)},
		{"unknown locality", "sample.md", strings.Replace(good, "national", "leeds", 1)},
		{"unknown role", "sample.md", strings.Replace(good, "[splw]", "[pharmacist]", 1)},
		{"id differs from file", "other.md", good},
		{"empty body", "sample.md", good[:strings.Index(good, "Lead-in.")]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.file, []byte(tt.content))
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("Parse(%s) error = %v, want ErrInvalid", tt.name, err)
			}
		})
	}
}

func TestLoadNamesTheFileAtFault(t *testing.T) {
	fsys := fstest.MapFS{
		"sample.md": {Data: []byte(good)},
		"broken.md": {Data: []byte("no front matter")},
	}
	_, err := Load(fsys)
	if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "broken.md") {
		t.Errorf("Load = %v, want ErrInvalid naming broken.md", err)
	}
}

// TestShippedArticlesHaveQuestions: every shipped article lists the ways
// people ask for what it answers, 8 to 15 of them.
func TestShippedArticlesHaveQuestions(t *testing.T) {
	b := shippedBase(t)
	for _, e := range b.Entries() {
		if n := len(e.Questions); n < 8 || n > 15 {
			t.Errorf("%s lists %d questions, want 8 to 15", e.ID, n)
		}
	}
}
