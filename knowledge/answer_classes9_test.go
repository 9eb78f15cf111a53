package knowledge

import "testing"

// TestMentalHealthCrisis: someone in a mental health crisis, or a question
// about reaching the crisis team or line, gets the safety reply first, in
// words no question set uses; a patient "not in crisis", or a crisis of
// money or housing, is no one's risk.
func TestMentalHealthCrisis(t *testing.T) {
	b := shippedBase(t)
	for _, q := range []string{
		"my client is in crisis, what now",
		"whats the number for the crisis line",
		"can a link worker contact the crisis team directly",
		"patient having a mental health crisis in clinic",
	} {
		if a := b.Answer(q, Asker{Role: "splw"}); !a.Safety {
			t.Errorf("%q: no safety reply", q)
		}
	}
	for _, q := range []string{
		"man with low mood, not in crisis, wants to get out more",
		"patient struggling with the cost of living crisis who can help",
		"family in a housing crisis, which role helps",
	} {
		if a := b.Answer(q, Asker{}); a.Safety {
			t.Errorf("%q: safety reply to an ordinary question", q)
		}
	}
}

// TestDefinitionElsewhere: a term asked of in a place ("link worker in
// gateshead - any local groups?") asks about that place, which the term's
// definition does not speak of: it is not answered with the definition.
// Asked with no place, or of a place the defining article speaks of, the
// definition stands.
func TestDefinitionElsewhere(t *testing.T) {
	b := shippedBase(t)
	for _, q := range []string{
		"health coach in london - any local groups?",
		"care coordinator gateshead, any local lists?",
	} {
		if a := b.Answer(q, Asker{}); a.Kind == Definition {
			t.Errorf("%q: the definition of %s, which does not speak of the place", q, a.Entry.ID)
		}
	}
	for q, want := range map[string]string{
		"what is a health coach":                  "role-hwbc",
		"personalised care in london - who is it": "london-personalised-care",
	} {
		if a := b.Answer(q, Asker{}); !a.Confident() || a.Entry.ID != want {
			t.Errorf("%q: got %v %v, want %s", q, a.Kind, a.Entry, want)
		}
	}
}

// TestPlaceUnaskedUnplaced: someone with no locality, asking of no place,
// is not answered with one place's article unless it is near word for word
// what they asked: the national standards, not Gateshead's, are what "the
// supervision standards for these roles" asks of. From a Gateshead asker,
// or naming Gateshead, the Gateshead article answers.
func TestPlaceUnaskedUnplaced(t *testing.T) {
	b := shippedBase(t)
	for _, q := range []string{
		"supervision standards that apply to the personalised care roles",
		"list of the personalised care roles and their training",
	} {
		if a := b.Answer(q, Asker{}); a.Confident() && a.Entry.Locality != "" && a.Entry.Locality != "national" {
			t.Errorf("%q: %s, one place's article, for an asker of no place", q, a.Entry.ID)
		}
	}
	for _, c := range []struct {
		q    string
		a    Asker
		want string
	}{
		{"supervision standards that apply to the personalised care roles", Asker{Locality: "gateshead"}, "gateshead-supervision-standards"},
		{"gateshead supervision standards for the personalised care roles", Asker{}, "gateshead-supervision-standards"},
		{"what is the peer support network for", Asker{}, "resource-gateshead-peer-support-network"},
	} {
		if a := b.Answer(c.q, c.a); !a.Confident() || a.Entry.ID != c.want {
			t.Errorf("%q from %+v: got %v, want %s", c.q, c.a, a.Entry, c.want)
		}
	}
}

// TestAnswerCoversTheAsk: an article that has next to none of a question's
// words is not given as its answer, whichever rule picked it: the role's
// supervision article is no answer to whether team huddles count. One
// that has what is asked still is.
func TestAnswerCoversTheAsk(t *testing.T) {
	b := shippedBase(t)
	for _, role := range []string{"splw", "cc"} {
		if a := b.Answer("do team huddles count as my supervision hours", Asker{Role: role}); a.Confident() {
			t.Errorf("%s: got %s, which has little of the question", role, a.Entry.ID)
		}
	}
	wantAnswers(t, Asker{Role: "cc"}, map[string]string{
		"what training is required for me":              "cc-training",
		"how often should i have supervision":           "supervision-cc",
		"havent had supervision in 3 months is that ok": "supervision-cc",
	})
}

// TestLineManagement: "line manages", "line manager" and "line
// management" are one thing, so a question about who line manages a role
// is not read as "manages" and the role's name, which the role's own
// article or its caseload has: the content does not say who line manages
// anyone, so it is not sure. Line management set beside supervision is
// still the kinds of supervision.
func TestLineManagement(t *testing.T) {
	wantUnsure(t, Asker{}, "who line manages our health coach", "who line manages a link worker")
	wantAnswers(t, Asker{}, map[string]string{
		"who does line management for link workers": "supervision-kinds",
		"line management vs clinical supervision":   "supervision-kinds",
	})
}
