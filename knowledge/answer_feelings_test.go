package knowledge

import "testing"

// TestHowTheWorkFeels: a question about how the work feels to those who
// do it (burnout, sad stories, vicarious trauma, supervision that is a
// tick box) gets the asker's role's supervision when they speak of
// themselves and their role is known, else why supervision matters. A
// patient's stress, a role's help with stress, self-care advice and what
// a term means are not this; a worker at risk still gets the safety reply.
func TestHowTheWorkFeels(t *testing.T) {
	b := shippedBase(t)
	for _, tc := range []struct {
		q, role, want string
	}{
		{"burnout among link workers", "", "supervision-why"},
		{"burnout among link workers", "cc", "supervision-why"},
		{"how do you cope with all the sad stories as a care coordinator", "", "supervision-why"},
		{"vicarious trauma for link workers", "", "supervision-why"},
		{"vicarious trauma for link workers", "hwbc", "supervision-why"},
		{"is compassion fatigue common for you as a coach", "", "supervision-why"},
		{"I find hearing sad stories all day upsetting", "", "supervision-why"},
		{"I find hearing sad stories all day upsetting", "cc", "supervision-cc"},
		{"my supervision feels like a tick box, is that normal", "cc", "supervision-cc"},
	} {
		a := b.Answer(tc.q, Asker{Role: tc.role})
		if a.Safety || !a.Confident() || a.Entry.ID != tc.want {
			t.Errorf("%q (role %q): got %s (confident %v, safety %v), want %s", tc.q, tc.role, entryID(a.Entry), a.Confident(), a.Safety, tc.want)
		}
	}
	for _, tc := range []struct{ q, role string }{
		{"my patient is stressed and sad about her housing", "splw"},
		{"can a health coach help with stress", ""},
		{"what is trauma informed care", ""},
		{"how to avoid burnout as a care coordinator", "cc"},
	} {
		a := b.Answer(tc.q, Asker{Role: tc.role})
		if a.Safety || a.Entry != nil && (a.Entry.ID == "supervision-why" || a.Entry.ID == "supervision-"+tc.role) {
			t.Errorf("%q (role %q): got %s (safety %v), want neither supervision nor the safety reply", tc.q, tc.role, entryID(a.Entry), a.Safety)
		}
	}
	for _, q := range []string{"this job is too much and I want to end it all", "burnt out as a link worker and I keep thinking about ending my life"} {
		if a := b.Answer(q, Asker{Role: "splw"}); !a.Safety {
			t.Errorf("%q: no safety reply", q)
		}
	}
}
