package knowledge

import "testing"

// wantAnswers fails the test for each question not answered confidently
// with the article wanted.
func wantAnswers(t *testing.T, asker Asker, cases map[string]string) {
	t.Helper()
	b := shippedBase(t)
	for q, want := range cases {
		if a := b.Answer(q, asker); !a.Confident() || a.Entry.ID != want {
			t.Errorf("%q: confident %v, entry %s; want %s", q, a.Confident(), entryID(a.Entry), want)
		}
	}
}

// TestChoosingBetweenNamedRoles: two roles named as a choice for a
// described need get the role whose cues the need matches; with no need
// described, how the roles work together. Money troubles (rent arrears,
// bailiffs, bills) and "non-medical" needs are the link worker's.
func TestChoosingBetweenNamedRoles(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"should i send her to the coach or the link worker, she is very lonely":          "role-splw",
		"care coordinator or health coach for a man who wants to lose weight":            "role-hwbc",
		"should i refer to a link worker or a coach":                                     "roles-together",
		"woman facing eviction over council tax debts, who can help":                     "role-splw",
		"someone needs help with non-medical things like bills and bailiffs, which role": "role-splw",
	})
}

// TestAskersOwnRoleArticle: a question naming no role, for which search
// finds another role's article, gets the asker's own role's article of
// the same kind.
func TestAskersOwnRoleArticle(t *testing.T) {
	wantAnswers(t, Asker{Role: "cc"}, map[string]string{
		"not had any supervision for 3 months is that normal": "supervision-cc",
		"no supervision for 3 months, ok?":                    "supervision-cc",
	})
	wantAnswers(t, Asker{Role: "splw"}, map[string]string{
		"not had any supervision for 3 months is that normal": "supervision-splw",
	})
}

// TestWhatADocumentSays: a question asking what a defined document says
// of a role ("does the DES say ...") gets the document's article, not the
// role's own article on the topic.
func TestWhatADocumentSays(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"does the DES say care coordinators must be supervised": "network-contract-des",
		"does the DES mention how link workers are trained":     "network-contract-des",
	})
}

// TestDefinedTermInAPlace: a defined term asked of a place that has its
// own article on it ("personalised care in London") gets that place's
// article, not the national definition.
func TestDefinedTermInAPlace(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"personalised care in london":              "london-personalised-care",
		"what is personalised care in london like": "london-personalised-care",
		"care plan in personalised care":           "personalised-care-planning",
	})
}

// TestChoosingWhereToBeTreated: a patient's choice of where to be treated
// or of provider is enabling choice, not shared decision making.
func TestChoosingWhereToBeTreated(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"can my patient choose where to have treatment": "enabling-choice",
		"patient wants a choice of where to be treated": "enabling-choice",
	})
}

// TestWhatTheRoleIsSaidLoosely: what a role is, asked with the words
// people put around it ("what is it exactly", "in our pcn tbh", "im new,
// what am i meant to be doing"), gets the role's article.
func TestWhatTheRoleIsSaidLoosely(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"health coach role - what is it really":                     "role-hwbc",
		"whats the point of link workers in our practice honestly":  "role-splw",
		"im a new care coordinator, what am i supposed to be doing": "role-cc",
		"who do health coaches help":                                "role-hwbc",
	})
}

// TestWhichRoleWithWordsBetween: "which arrs role", "what pcn role" ask
// who can help as "which role" does; housebound people with many
// conditions, seen proactively, are the care coordinator's.
func TestWhichRoleWithWordsBetween(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"lonely widower who has stopped going out, which pcn role":                   "role-splw",
		"man wants to lose weight and get fitter, what arrs role would suit":         "role-hwbc",
		"housebound lady with many conditions needs proactive follow up, which role": "role-cc",
	})
}

// TestRolePayInAPlaceAndDegrees: a role's pay asked of a place is the
// role's pay (it is the same everywhere); whether a role needs a degree is
// the role's training.
func TestRolePayInAPlaceAndDegrees(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"link worker pay gateshead":           "splw-pay",
		"care coordinator salary london area": "cc-pay",
		"do health coaches need a degree":     "hwbc-training",
	})
}

// TestTwoTermsCompared: two defined terms compared get the article that
// defines the first one named.
func TestTwoTermsCompared(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"icb versus pcn":                      "glossary",
		"difference between a pcn and an icb": "pcn",
	})
}

// TestResourcesByWhatTheyAre: resources asked for by what they are (a
// one pager, a tool that explains the roles, NHS England's guidance on
// supervision) get the resource.
func TestResourcesByWhatTheyAre(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"is there a one pager on the roles":                  "resource-quick-reference",
		"a tool that explains all the roles in primary care": "resource-roles-explorer",
		"nhs england guidance on supervision":                "resource-supervision-guidance",
	})
}
