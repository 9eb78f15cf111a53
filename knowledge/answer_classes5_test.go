package knowledge

import "testing"

// wantUnsure fails the test for each question answered confidently.
func wantUnsure(t *testing.T, asker Asker, qs ...string) {
	t.Helper()
	b := shippedBase(t)
	for _, q := range qs {
		if a := b.Answer(q, asker); a.Confident() || a.Safety || a.Kind == Usage {
			t.Errorf("%q: answered with %s (kind %d); want not sure", q, entryID(a.Entry), a.Kind)
		}
	}
}

// TestClinicalSystemsAndSpecialties: how to use a clinical system for
// anything but recording social prescribing, and referrals to a hospital
// specialty, are not in the content, though they share "code", "gp" and
// "referral" with it.
func TestClinicalSystemsAndSpecialties(t *testing.T) {
	wantUnsure(t, Asker{},
		"how do i code a review in emis",
		"what code do i use in emis for a consultation",
		"how do i record a consultation in emis",
		"gp referral to dermatology",
		"gp referral to gastroenterology please",
	)
	wantAnswers(t, Asker{}, map[string]string{
		"how do i code a link worker referral in emis":         "splw-recording",
		"which snomed code for social prescribing on systmone": "splw-recording",
	})
}

// TestHowManyOfARoleThereAre: how many of a role there are, nationally or
// in London, is the workforce figures, not the evidence on referrals nor
// how many a PCN may have.
func TestHowManyOfARoleThereAre(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"how many social prescribing link workers have been recruited nationally": "arrs-workforce",
		"total number of social prescribing link workers employed in the uk":      "arrs-workforce",
		"how many health coaches are there in london":                             "london-workforce",
		"how many link workers should a pcn have":                                 "arrs",
		"how many people are referred to social prescribing":                      "social-prescribing-evidence",
	})
}

// TestHowMuchCanBeClaimedForARole: how much a PCN can claim for one
// named role is that role's pay and reimbursement article, not what ARRS
// is.
func TestHowMuchCanBeClaimedForARole(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"what's the most our pcn can reclaim through arrs for a social prescriber": "splw-pay",
		"how much do we get to claim under arrs for employing a health coach":      "hwbc-pay",
		"maximum amount claimable under the arrs for a link worker post":           "splw-pay",
		"how much does arrs pay for a health and wellbeing coach":                  "hwbc-pay",
	})
}

// TestMoneyForARolesTraining: a budget, funding or bursary for a role's
// training is something its training article does not speak of: not sure,
// not the training article.
func TestMoneyForARolesTraining(t *testing.T) {
	wantUnsure(t, Asker{},
		"is there a budget for link worker training",
		"training budget for health coaches?",
		"any bursaries for care coordinator training",
		"is there a budget for health coach supervision",
	)
	wantAnswers(t, Asker{}, map[string]string{"what training do care coordinators need": "cc-training"})
}

// TestTrainingToSupervise: training to supervise is the supervisor
// course of the asker's place, Gateshead's for Gateshead; for an asker of
// no place it is not sure, never the supervised role's own supervision
// article.
func TestTrainingToSupervise(t *testing.T) {
	wantUnsure(t, Asker{},
		"our nurse practitioner wants to supervise the health coach, any courses",
		"i'm a pharmacist going to start supervising a care coordinator, is there training for that",
	)
	wantAnswers(t, Asker{Locality: "gateshead"}, map[string]string{
		"our nurse practitioner wants to supervise the health coach, any courses": "gateshead-clinical-supervisor-training",
		"course for pharmacists who supervise care coordinators":                  "gateshead-clinical-supervisor-training",
	})
	wantAnswers(t, Asker{}, map[string]string{
		"do i need a qualification to supervise a health coach": "supervision-hwbc",
	})
}

// TestVagueAsksForHelp: a question naming only a kind of help (resources,
// reading, support) without its subject is not sure: an article that has
// the word is a guess. Someone new in post asking what to do first asks
// where to begin in their role (TestNewStarterWhereToBegin); "new here"
// may be new to the workspace.
func TestVagueAsksForHelp(t *testing.T) {
	wantUnsure(t, Asker{Role: "hwbc", Locality: "gateshead"},
		"any useful resources?",
		"recommended reading please",
		"got any good resources for me",
		"any support available",
		"new here, where do i begin",
	)
	wantAnswers(t, Asker{}, map[string]string{"london peer support for link workers": "resource-london-peer-support"})
}

// TestAskerSaysWhoTheyAre: who the asker says they are ("im a student
// on placement", "as a receptionist", "from a hospital background") is not
// what they ask, and does not sink the answer to what they do ask.
func TestAskerSaysWhoTheyAre(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"im a student social worker on placement with a health coach, what does a coach do":    "role-hwbc",
		"as a receptionist how do i book a patient in with the link worker":                    "social-prescribing",
		"im a new care coordinator from a hospital background, what does the job involve":      "role-cc",
		"i'm a volunteer at a community centre, how can we refer people to social prescribing": "social-prescribing",
		"as a new receptionist, how do we refer to social prescribing":                         "social-prescribing",
		"i work on reception, how do patients get to see the link worker":                      "social-prescribing",
	})
	wantAnswers(t, Asker{}, map[string]string{
		"im a gp, can i supervise a link worker": "supervision-who-can-supervise",
	})
}

// TestReadIsNoSubject: "read" says how, not what: an article that happens
// to say "read" is no answer to what someone wants to read about.
func TestReadIsNoSubject(t *testing.T) {
	wantUnsure(t, Asker{}, "anything to read on social prescribing")
	wantAnswers(t, Asker{}, map[string]string{"where can i read about personal health budgets": "personal-health-budgets"})
}

// TestWhatDoOthersAskOfARole: "what do CQC look for with our care
// coordinators" is not "what do care coordinators do": the role is not
// what does it.
func TestWhatDoOthersAskOfARole(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"what does cqc expect from our link workers": "cqc-arrs",
		"what does a care coordinator do":            "role-cc",
		"health coaches, what do they do all day":    "role-hwbc",
	})
}

// TestMoreThanOneOfARole: whether a PCN may take on more than one of a
// role through ARRS is the ARRS article, which says what caps it.
func TestMoreThanOneOfARole(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"are we allowed to employ two health coaches under arrs":     "arrs",
		"can we have multiple care coordinators funded through arrs": "arrs",
	})
}

// TestAskedWordForWordAsListed: a question asked word for word as one of
// an article's own questions, stop words and all, gets that article, even
// when search, leaving out the stop words, reads too little of it.
func TestAskedWordForWordAsListed(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"why does the nhs want personalised care":                            "personalised-care",
		"hi, what are the national numbers for the personalised care roles?": "arrs-workforce",
		"Where can I read the framework for my role?":                        "resource-frameworks",
		"how does the patient get in with a link worker":                     "social-prescribing",
	})
}

// TestWhereToLearnOfATerm: where to read or learn about a term the
// content defines is that term's article.
func TestWhereToLearnOfATerm(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"where can i learn about patient activation": "patient-activation",
		"what can i read about health inequalities":  "health-inequalities",
		"reading on personalised care":               "personalised-care",
	})
}

// TestDescribedNeedFromElsewhere: a person's need described by someone
// not in Gateshead gets the role that helps, not Gateshead's local links;
// referrals to statutory and community health services are not in the
// content.
func TestDescribedNeedFromElsewhere(t *testing.T) {
	b := shippedBase(t)
	for _, q := range []string{"patient needs housing help", "man with housing problems needs help"} {
		if a := b.Answer(q, Asker{}); a.Entry == nil || a.Entry.Locality == "gateshead" {
			t.Errorf("%q: answered with %s; want a national article", q, entryID(a.Entry))
		}
	}
	wantUnsure(t, Asker{}, "how do i refer to adult social care", "refer to adult social care")
}

// TestPartOfASubjectAsked: "what is X in Y" asks for X within Y: an article
// on Y that never speaks of X, even as a typo's correction, is no answer.
func TestPartOfASubjectAsked(t *testing.T) {
	wantUnsure(t, Asker{}, "what is reflexive practice in supervision")
	wantAnswers(t, Asker{}, map[string]string{
		"what is the caseload in social prescribing":    "splw-caseload",
		"what are the kinds of supervision in guidance": "supervision-kinds",
	})
}

// TestOwnEmploymentTerms: the asker's own contract and study leave are
// their employer's to answer, not the Network Contract DES's nor the
// training articles'.
func TestOwnEmploymentTerms(t *testing.T) {
	wantUnsure(t, Asker{Role: "splw"},
		"who do i ask about my contract",
		"am i entitled to study leave for training",
	)
	wantAnswers(t, Asker{}, map[string]string{"what does the network contract des say about link workers": "network-contract-des"})
}

// TestAnotherPlacesArticleMustBeGood: a place's own article, for an asker
// not of that place who did not name it, and not for the asker's role, is
// given only when it answers well: one shared word ("list") does not make Gateshead's training matrix
// the answer to a waiting list.
func TestAnotherPlacesArticleMustBeGood(t *testing.T) {
	wantUnsure(t, Asker{}, "what is the waiting list for the link worker")
	wantUnsure(t, Asker{Locality: "london"}, "what is the waiting list for the link worker")
	wantAnswers(t, Asker{}, map[string]string{"gateshead training matrix": "resource-gateshead-training-matrix"})
	wantAnswers(t, Asker{Locality: "london"}, map[string]string{"london peer support forum": "resource-london-peer-support"})
	// Career progression is the national frameworks' for a link worker of
	// no place; London's leadership programme is a London link worker's.
	wantAnswers(t, Asker{Role: "splw"}, map[string]string{"where can link workers go for career progression": "resource-frameworks"})
	wantAnswers(t, Asker{Role: "splw", Locality: "london"}, map[string]string{"where can link workers go for career progression": "resource-london-emerging-leaders"})
}

// TestLonelinessAndIsolation: loneliness, lonely, isolation and isolated
// are one need, whichever an article or a question says.
func TestLonelinessAndIsolation(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{"can link workers help someone with loneliness": "role-splw"})
}

// TestWhatATermHolds: what goes in a defined thing, or what a good one
// looks like, is that thing's article; "my job as a <role>" is the role.
func TestWhatATermHolds(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"what should be in a care plan":                     "personalised-care-planning",
		"what does a good care plan look like":              "personalised-care-planning",
		"what is my job as a care coordinator":              "role-cc",
		"what goes in a personalised care and support plan": "personalised-care-planning",
	})
}

// TestWhatABandPays: what a band pays, asked of no role, is Agenda for
// Change's pay scales, which the content does not hold.
func TestWhatABandPays(t *testing.T) {
	wantUnsure(t, Asker{}, "what is the pay for a band 5 nurse", "whats the pay at band 6")
	wantAnswers(t, Asker{}, map[string]string{"link worker band 5 pay": "splw-pay"})
}

// TestWhatIsInTextSpeak: "wots", "wats" and "wot is" ask what a term is.
func TestWhatIsInTextSpeak(t *testing.T) {
	b := shippedBase(t)
	for q, want := range map[string]string{"wots a pcn": "pcn", "wats the des": "network-contract-des", "wot is arrs": "arrs"} {
		if a := b.Answer(q, Asker{}); a.Kind != Definition || a.Entry.ID != want {
			t.Errorf("%q: kind %d, entry %s; want the definition from %s", q, a.Kind, entryID(a.Entry), want)
		}
	}
}

// TestVideoCalls: meeting over Teams or Zoom is not the multidisciplinary
// team the guidance speaks of; the content says nothing of video calls.
func TestVideoCalls(t *testing.T) {
	wantUnsure(t, Asker{}, "can supervision be over teams", "is it ok to have supervision on zoom")
}

// TestWhatIsAThingForPeople: "what is a carers passport" asks what a thing
// is, which the content does not say, not which role helps carers; "what is
// the best help for a lonely patient" is still a referral.
func TestWhatIsAThingForPeople(t *testing.T) {
	wantUnsure(t, Asker{}, "what is a young carers card", "what is a carers passport")
	b := shippedBase(t)
	if a := b.Answer("what is the best help for a lonely patient", Asker{}); a.Kind != WhoToRefer || a.Entry.ID != "role-splw" {
		t.Errorf("what is the best help for a lonely patient: kind %d, %s; want the referral to role-splw", a.Kind, entryID(a.Entry))
	}
}
