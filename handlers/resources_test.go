package handlers_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/knowledge"
)

func TestResourcesLocalityFirst(t *testing.T) {
	s, _ := ansStore(t)
	ansLocality(t, s, "UGATES", "gateshead")
	ansLocality(t, s, "ULONDON", "london")
	h := newAnswers(t, ansContent(t), s, ansChannel)
	tests := []struct {
		user string
		want string
	}{
		{"UGATES", "For Gateshead|National|London"},
		{"ULONDON", "For London|National|Gateshead"},
		{"UNOBODY", "National|Gateshead|London"},
	}
	for _, tt := range tests {
		t.Run(tt.user, func(t *testing.T) {
			r := ansRun(t, h.Resources, handlers.Request{UserID: tt.user})
			if got := strings.Join(ansHeadings(r), "|"); got != tt.want {
				t.Errorf("/resources by %s: sections %s, want %s", tt.user, got, tt.want)
			}
			for _, sec := range r.Sections {
				for line := range strings.SplitSeq(sec.Text, "\n") {
					if !strings.HasPrefix(line, "- [") || !strings.Contains(line, "](https://example.org/resource-") || !strings.Contains(line, ") – ") {
						t.Errorf("/resources line %q, want - [title](first source) – summary", line)
					}
				}
			}
			if strings.Contains(r.Text+r.Sections[0].Text, "Supervision for") {
				t.Errorf("/resources lists an article that is not a resource")
			}
		})
	}
}

func TestResourcesDownStoreIsNational(t *testing.T) {
	h := newAnswers(t, ansContent(t), ansDownStore(t), ansChannel)
	r := ansRun(t, h.Resources, handlers.Request{UserID: "UGATES"})
	if got, want := strings.Join(ansHeadings(r), "|"), "National|Gateshead|London"; got != want {
		t.Errorf("/resources with Redis down: sections %s, want %s", got, want)
	}
}

// A topic holding an NHS number is refused, not searched or echoed back.
func TestResourcesRefusesNHSNumbers(t *testing.T) {
	s, _ := ansStore(t)
	h := newAnswers(t, ansContent(t), s, ansChannel)
	r := ansRun(t, h.Resources, handlers.Request{UserID: "U1", Args: "943 476 5919"})
	if !strings.Contains(r.Text, "NHS number") || strings.Contains(ansBody(r)+r.Text, "5919") {
		t.Errorf("/resources with an NHS number: %q, want it refused and not echoed", r.Text)
	}
}

func TestResourcesTopic(t *testing.T) {
	s, _ := ansStore(t)
	ansLocality(t, s, "UGATES", "gateshead")
	h := newAnswers(t, ansContent(t), s, ansChannel)

	r := ansRun(t, h.Resources, handlers.Request{UserID: "UGATES", Args: "health coaching training courses"})
	if len(r.Sections) == 0 || !strings.HasPrefix(r.Sections[0].Text, "- [Health coaching training courses](https://example.org/resource-coach-training) – ") {
		t.Errorf("/resources coaching training = %+v, want the coaching courses first", r.Sections)
	}
	if n := strings.Count(r.Sections[0].Text, "\n") + 1; n > 5 {
		t.Errorf("/resources coaching training lists %d, want at most 5", n)
	}

	r = ansRun(t, h.Resources, handlers.Request{UserID: "UGATES", Args: "zebra crossings"})
	if !strings.Contains(handlers.Unmarked(r.Text), "couldn't find a resource on “zebra crossings”") {
		t.Errorf("/resources zebra crossings: text %q, want a kind miss", r.Text)
	}
	if got, want := strings.Join(ansHeadings(r), "|"), "For Gateshead|National|London"; got != want {
		t.Errorf("/resources zebra crossings: sections %s, want every resource: %s", got, want)
	}
}

// TestResourcesManyFitOneMessage lists far more resources than the shipped
// content has, and checks the list still fits one Slack message.
func TestResourcesManyFitOneMessage(t *testing.T) {
	fsys := fstest.MapFS{}
	for i := range 120 {
		id := fmt.Sprintf("resource-%03d", i)
		loc := knowledge.Localities[i%3]
		if loc != "national" {
			id = fmt.Sprintf("resource-%s-%03d", loc, i)
		}
		fsys[id+".md"] = ansArticle(id, fmt.Sprintf("Resource number %d with a longish title", i),
			strings.Repeat("A summary that goes on for a while. ", 4), loc, "", "## About\nText.")
	}
	base, err := knowledge.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := ansStore(t)
	h := newAnswers(t, base, s, ansChannel)
	r := ansRun(t, h.Resources, handlers.Request{UserID: "U1"})
	if n := strings.Count(ansBody(r), "\n- ["); n != 120 {
		t.Errorf("/resources listed %d, want all 120", n)
	}
}

func ansBody(r handlers.Reply) string {
	var b strings.Builder
	for _, s := range r.Sections {
		b.WriteString("\n" + s.Text)
	}
	return b.String()
}

// TestAnswersWithProfileUnread: with the store down, a person who may have
// set up is not told to set up: the reply says their profile can't be read.
func TestAnswersWithProfileUnread(t *testing.T) {
	h := newAnswers(t, ansContent(t), ansDownStore(t), ansChannel)
	ask := ansRun(t, h.Ask, handlers.Request{UserID: "U1", Args: "my supervision"})
	if strings.Contains(ask.Text, "setup") || !strings.Contains(ask.Text, "can't read your profile") {
		t.Errorf("/ask my supervision with the store down = %q, want it to say the profile can't be read, not to set up", ask.Text)
	}
	res := ansRun(t, h.Resources, handlers.Request{UserID: "U1"})
	if strings.Contains(res.Note, "setup") || !strings.Contains(res.Note, "can't read your locality") {
		t.Errorf("/resources with the store down: note %q, want it to say the locality can't be read, not to set up", res.Note)
	}
}
