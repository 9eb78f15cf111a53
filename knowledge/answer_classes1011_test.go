package knowledge

import "testing"

// TestOtherCountries: a question about another country ("PCNs in
// Canada", "social prescribing in New Zealand") is about a health system
// the content does not speak of, though it shares the content's words.
func TestOtherCountries(t *testing.T) {
	wantUnsure(t, Asker{},
		"do they have link workers in canada",
		"social prescribing in new zealand",
		"is ARRS a thing in america",
	)
	wantAnswers(t, Asker{}, map[string]string{
		"what is a pcn": "pcn",
	})
}

// TestOtherProfessionsPayAndPracticeFunding: what a GP, a nurse or a
// doctor earns, and how a practice is funded, are not the three roles'
// pay nor ARRS, whose articles share "pay" and "funded" with them.
func TestOtherProfessionsPayAndPracticeFunding(t *testing.T) {
	wantUnsure(t, Asker{Role: "hwbc"},
		"what salary does a practice nurse get",
		"gp partner pay",
		"where does a gp surgery get its funding from",
	)
	wantAnswers(t, Asker{}, map[string]string{
		"what band is a care coordinator":          "cc-pay",
		"how much does arrs pay for a link worker": "splw-pay",
	})
}

// TestOwnExpenses: claiming back what the asker paid out of their own
// pocket (a course, mileage) is the employer's expenses policy, not the
// roles' pay articles.
func TestOwnExpenses(t *testing.T) {
	wantUnsure(t, Asker{Role: "splw"},
		"can i claim back my mileage",
		"i paid for a coaching course out of my own pocket can i get it back",
		"how do i put in an expenses claim",
	)
}
