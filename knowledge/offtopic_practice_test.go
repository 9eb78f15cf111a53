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
