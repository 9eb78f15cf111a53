package knowledge

import (
	"testing"
	"time"
)

func TestStale(t *testing.T) {
	day := func(y int, m time.Month, d int) Date { return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)} }
	entries := []*Entry{
		{ID: "fresh", Reviewed: day(2026, 6, 2)},
		{ID: "due-today", Reviewed: day(2025, 12, 1)},
		{ID: "old", Reviewed: day(2024, 1, 1)},
		{ID: "due-tomorrow", Reviewed: day(2025, 12, 2)},
	}
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	var got []string
	for _, e := range Stale(entries, now, 12) {
		got = append(got, e.ID)
	}
	if len(got) != 2 || got[0] != "old" || got[1] != "due-today" {
		t.Errorf("Stale = %v, want [old due-today]", got)
	}
	if n := len(Stale(entries, now, 6)); n != 3 {
		t.Errorf("with 6 months, %d stale, want 3", n)
	}
}

func TestOwnerSlackIsChecked(t *testing.T) {
	for _, tt := range []struct {
		owner string
		ok    bool
	}{{"", true}, {"U0123ABCD", true}, {"@sam", false}, {"<@U01>", false}} {
		e := &Entry{ID: "x", Title: "t", Summary: "s", Locality: "national", Owner: "o", Reviewed: Date{time.Now()}, Sources: []Source{{}}, Body: "b", File: "x.md", OwnerSlack: tt.owner}
		bad := false
		for _, p := range e.problems() {
			bad = bad || len(p) > 11 && p[:11] == "owner_slack"
		}
		if bad == tt.ok {
			t.Errorf("owner_slack %q: refused %v, want %v", tt.owner, bad, !tt.ok)
		}
	}
}
