package knowledge

import "testing"

// wantCommand fails the test for each question not given the usage reply
// naming want ("supervision history").
func wantCommand(t *testing.T, asker Asker, cases map[string]string) {
	t.Helper()
	b := shippedBase(t)
	for q, want := range cases {
		a := b.Answer(q, asker)
		got := a.Usage.Command
		if a.Usage.Args != "" {
			got += " " + a.Usage.Args
		}
		if a.Kind != Usage || got != want || a.Confident() {
			t.Errorf("%q: kind %d, command %q, entry %s; want the usage reply %q", q, a.Kind, got, entryID(a.Entry), want)
		}
	}
}

// TestOwnRecordAndAdminUsage: when one last had supervision is in one's own
// record; telling peerbot one is away is its leave command; reloading the
// articles is the admins' reload. Leave and records asked of no one but
// HR stay questions for the articles, or none.
func TestOwnRecordAndAdminUsage(t *testing.T) {
	wantCommand(t, Asker{Role: "splw"}, map[string]string{
		"when did i last have supervision":                "supervision history",
		"how long since my last supervision session":      "supervision history",
		"what date was my most recent supervision":        "supervision history",
		"can i let you know i'm going to be off work":     "supervision leave",
		"how do i tell peerbot that i will be on holiday": "supervision leave",
		"how can i refresh the content after editing it":  "admin reload",
		"reload articles": "admin reload",
	})
	b := shippedBase(t)
	for _, q := range []string{"who do i tell if im off sick", "how do i tell my manager i'm on leave", "what was the last ARRS funding change"} {
		if a := b.Answer(q, Asker{Role: "splw"}); a.Kind == Usage {
			t.Errorf("%q: answered as a usage question (%s %s)", q, a.Usage.Command, a.Usage.Args)
		}
	}
}
