package handlers

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/peerbot/peerbot/knowledge"
)

func newRoles(t testing.TB) *Roles {
	t.Helper()
	base, err := knowledge.Load(knowledge.Content())
	if err != nil {
		t.Fatal(err)
	}
	h, err := NewRoles(base)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func TestRolesAliases(t *testing.T) {
	h := newRoles(t)
	tests := map[string]string{
		"SPLW":                           "Social prescribing link worker (SPLW)",
		"link worker":                    "Social prescribing link worker (SPLW)",
		"social prescriber":              "Social prescribing link worker (SPLW)",
		"Social Prescribing Link Worker": "Social prescribing link worker (SPLW)",
		"HWBC":                           "Health and wellbeing coach (HWBC)",
		"coach":                          "Health and wellbeing coach (HWBC)",
		"health coach":                   "Health and wellbeing coach (HWBC)",
		"wellbeing coach":                "Health and wellbeing coach (HWBC)",
		"CC":                             "Care coordinator (CC)",
		"care coordinator":               "Care coordinator (CC)",
		"care co-ordinator":              "Care coordinator (CC)",
		"together":                       "How the three personalised care roles work together",
	}
	for arg, want := range tests {
		t.Run(arg, func(t *testing.T) {
			r, err := h.Run(context.Background(), Request{Args: arg})
			if err != nil {
				t.Fatal(err)
			}
			if r.Header != want {
				t.Errorf("/roles %s: header = %q, want %q", arg, r.Header, want)
			}
			if len(r.Sources) == 0 {
				t.Errorf("/roles %s: no sources", arg)
			}
		})
	}
}

func TestRoleReplyShowsTasksAndWhoTheyHelp(t *testing.T) {
	h := newRoles(t)
	r, err := h.Run(context.Background(), Request{Args: "cc"})
	if err != nil {
		t.Fatal(err)
	}
	var headings []string
	for _, s := range r.Sections {
		headings = append(headings, s.Heading)
	}
	if got, want := strings.Join(headings, "|"), "Regular tasks|Who they help"; got != want {
		t.Errorf("/roles cc sections = %s, want %s", got, want)
	}
	for _, b := range r.Buttons {
		if b.Command != "roles" || b.Args == "cc" {
			t.Errorf("/roles cc button %+v: want buttons to the other roles", b)
		}
	}
}

func TestRolesOverview(t *testing.T) {
	h := newRoles(t)
	r, err := h.Run(context.Background(), Request{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Sections) != 3 || len(r.Buttons) != 4 {
		t.Fatalf("/roles: %d sections and %d buttons, want 3 and 4", len(r.Sections), len(r.Buttons))
	}
	for i, want := range []string{"splw", "hwbc", "cc", "together"} {
		if r.Buttons[i].Args != want {
			t.Errorf("/roles button %d runs %q, want %q", i, r.Buttons[i].Args, want)
		}
	}
}

func TestRolesUnknownIsKind(t *testing.T) {
	h := newRoles(t)
	invoke := func(c, a string) string { return "/peer " + c + " " + a }
	r, err := h.Run(context.Background(), Request{Args: "pharmacist", Invoke: invoke})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"“pharmacist”", "social prescribing link worker (SPLW)", "/peer roles hwbc", "care coordinator (CC)"} {
		if !strings.Contains(Unmarked(r.Text), want) {
			t.Errorf("/roles pharmacist = %q, want it to contain %q", r.Text, want)
		}
	}
}

func TestNewRolesNeedsEveryArticle(t *testing.T) {
	base, err := knowledge.Load(fstest.MapFS{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := NewRoles(base); err == nil {
		t.Error("NewRoles(empty content) = nil error, want one naming the missing article")
	}
}

// TestRolesSuggestsASlip: a role typed with a slip is offered the role it
// is nearest ("coahc" is the coach), with a button; a word near none of
// them is offered none.
func TestRolesSuggestsASlip(t *testing.T) {
	h := newRoles(t)
	for arg, want := range map[string]string{"coahc": "hwbc", "care coordinater": "cc", "link wroker": "splw", "nurse": ""} {
		r, err := h.Run(context.Background(), Request{UserID: "U1", Args: arg})
		if err != nil {
			t.Fatal(err)
		}
		var got string
		for _, b := range r.Buttons {
			if b.Primary && b.Command == "roles" {
				got = b.Args
			}
		}
		if got != want || (want != "") != strings.Contains(r.Text, "Did you mean") {
			t.Errorf("/roles %s = %q, suggested %q; want %q", arg, r.Text, got, want)
		}
	}
}
