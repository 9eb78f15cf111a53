package handlers_test

import (
	"strings"
	"testing"

	"github.com/peerbot/peerbot/handlers"
)

func TestSupervisionStandards(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	order := func(r handlers.Reply) []string {
		var out []string
		for _, s := range r.Sections {
			if s.Heading != "" {
				out = append(out, s.Heading)
			}
		}
		return out
	}
	tests := []struct {
		name, user, args string
		headings         []string
		wants            []string
	}{
		{"no profile: all three", kim, "standards",
			[]string{"Social prescribing link worker (SPLW)", "Health and wellbeing coach (HWBC)", "Care coordinator (CC)"},
			[]string{"How often: every month", "How often: not found in the sources", "How long: 1 hour to 2 hours", "Network Contract DES"}},
		{"my role first", ali, "standards",
			[]string{"Health and wellbeing coach (HWBC) (your role)", "Social prescribing link worker (SPLW)", "Care coordinator (CC)"}, nil},
		{"one role", kim, "standards coach", []string{"Health and wellbeing coach (HWBC)"},
			[]string{"Health coaching supervision", "Who is suited to supervise: "}},
		{"locality note", sam, "standards splw", []string{"Social prescribing link worker (SPLW)", "In Gateshead"},
			[]string{"Shown for Gateshead", "Tyne Health"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := e.run(tt.user, tt.args)
			if got := strings.Join(order(r), " | "); got != strings.Join(tt.headings, " | ") {
				t.Errorf("headings = %s, want %s", got, strings.Join(tt.headings, " | "))
			}
			wantContains(t, tt.args, all(r), tt.wants...)
			if len(r.Sources) == 0 {
				t.Error("no sources")
			}
			for _, s := range r.Sources {
				if s.AsOf == "" {
					t.Errorf("source %q has no date", s.Title)
				}
			}
		})
	}
	wantContains(t, "unknown role", all(e.run(kim, "standards pharmacist")), "“pharmacist”", "/supervision standards hwbc")
}
