package knowledge

import "testing"

// TestAboutThePracticeNotSure: questions about the practice or the NHS as
// an employer (full-time hours, unions, the practice's own CQC rating, its
// appointments, supervision for supervisors), and what a term's money is
// when the term is no scheme of money, get "not sure", not an article that
// shares a word; the roles' own questions with those words are still
// answered.
func TestAboutThePracticeNotSure(t *testing.T) {
	b := shippedBase(t)
	for _, q := range []string{
		"is 37.5 hours full time for nhs staff",
		"which union should i join as a new starter",
		"when is our next cqc visit",
		"how do we get an outstanding cqc rating",
		"target number of gp appointments per 1000 patients a week",
		"who provides supervision for supervisors",
		"what is PCSP funding",
	} {
		if a := b.Answer(q, Asker{}); a.Confident() || a.Safety {
			t.Errorf("%q: answered %s (safety %v); want not sure", q, entryID(a.Entry), a.Safety)
		}
	}
	wantAnswers(t, Asker{}, map[string]string{
		"does cqc inspect care coordinators":             "cqc-arrs",
		"how big a caseload for a full time link worker": "splw-caseload",
		"what is ARRS funding":                           "arrs-funding",
	})
}

// TestProfessionalBoundariesAreNotSure: what a worker may do with the
// people they support is the employer's policy, which the content does not
// hold: "not sure", not the role that helps lonely people.
func TestProfessionalBoundariesAreNotSure(t *testing.T) {
	b := shippedBase(t)
	for _, q := range []string{
		"can i be friends with a patient on facebook",
		"is it ok to give my personal mobile number to clients",
		"should i accept a gift from a patient at christmas",
		"am i allowed to give a patient a lift home",
		"can we follow service users on instagram",
	} {
		if a := b.Answer(q, Asker{Role: "splw"}); a.Confident() || a.Safety {
			t.Errorf("%q: got %s confidently, want not sure", q, entryID(a.Entry))
		}
	}
	for q, want := range map[string]string{
		"patient has no friends and never leaves the house, who can help":               "role-splw",
		"my patient has lost touch with her friends since her husband died, which role": "role-splw",
	} {
		if a := b.Answer(q, Asker{}); entryID(a.Entry) != want {
			t.Errorf("%q: got %s, want %s", q, entryID(a.Entry), want)
		}
	}
}

// TestEverydayWordsAreNotBoundaries: "socially isolated", "follow up" and
// "at home" are a patient's needs or the work itself, not a question of
// the worker's conduct.
func TestEverydayWordsAreNotBoundaries(t *testing.T) {
	for _, q := range []string{
		"How can I support someone who has become socially isolated after retiring?",
		"can i follow up a patient after their appointment",
		"can i visit a patient at home",
		"can we give patients a number to call",
	} {
		words, _ := readQuestion(q)
		if conductAsked(words) {
			t.Errorf("%q: read as a question of professional boundaries", q)
		}
	}
}
