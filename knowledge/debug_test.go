package knowledge

import (
	"os"
	"strings"
	"testing"
)

// TestDebugQuery is a tool: DEBUG_Q="q1|q2" go test -run DebugQuery -v ./knowledge
func TestDebugQuery(t *testing.T) {
	qs := os.Getenv("DEBUG_Q")
	if qs == "" {
		t.Skip("set DEBUG_Q")
	}
	b, _ := Load(Content())
	for _, q := range strings.Split(qs, "|") {
		r := b.Search(q, SearchOptions{Limit: 5, Locality: os.Getenv("DEBUG_LOC"), Role: os.Getenv("DEBUG_ROLE")})
		t.Logf("%q terms %v confident %v dym %q", q, r.Terms, r.Confident, r.DidYouMean)
		for _, h := range r.Hits {
			t.Logf("   %-40s score %.3f conf %.3f near %.3f", h.Entry.ID, h.Score, h.Confidence, h.Near)
		}
	}
}

func TestDebugAnswer(t *testing.T) {
	qs := os.Getenv("DEBUG_A")
	if qs == "" {
		t.Skip("set DEBUG_A")
	}
	b, _ := Load(Content())
	for _, q := range strings.Split(qs, "|") {
		a := b.Answer(q, Asker{Role: os.Getenv("DEBUG_ROLE"), Locality: os.Getenv("DEBUG_LOC")})
		id := ""
		if a.Entry != nil {
			id = a.Entry.ID
		}
		t.Logf("%q kind %d safety %v entry %s passage %q", q, a.Kind, a.Safety, id, a.Passage.Heading)
	}
}
