package knowledge

import (
	"strings"
	"testing"
)

// TestOwnPracticeIsNoReferral: how the asker should do a piece of their
// own work (run a group, close a case, keep boundaries, cope) names a
// patient and, often, a need a role's referral cues list, but asks no one
// to help the patient: no role's article teaches it, so the answer is "not
// sure". Who can help, and how to refer someone, are still referrals.
func TestOwnPracticeIsNoReferral(t *testing.T) {
	wantUnsure(t, Asker{},
		"how do i run a gardening club for my patients",
		"how should i close the case when a client stops turning up",
		"how do I keep boundaries with a patient who texts me at night",
		"what's a good way to talk to a lonely patient about joining a group",
		"tips on starting a conversation with a patient about money worries",
	)
	wantUnsure(t, Asker{Role: "hwbc"},
		"a client i had worked with for months died, how do i cope",
	)
	b := shippedBase(t)
	for _, q := range []string{
		"how do i get a lonely widowed patient some company",
		"who can help a patient with rent arrears",
		"how do i refer a housebound patient who feels lonely",
	} {
		if a := b.Answer(q, Asker{}); a.Kind != WhoToRefer || !strings.HasPrefix(entryID(a.Entry), "role-") {
			t.Errorf("%q: kind %d entry %s; want who to refer to: a role", q, a.Kind, entryID(a.Entry))
		}
	}
}

// TestNearerRivalIsAGuess: search's answer that is near none of its own
// questions, while another article fitting the question is more confident
// and near one of its own, ranked first only on the words they share: "not
// sure", with both in the links. Search's clear answers stay.
func TestNearerRivalIsAGuess(t *testing.T) {
	wantUnsure(t, Asker{},
		"what support does the training hub offer personalised care roles",
		"what does the training hub provide for the personalised care roles",
	)
	wantAnswers(t, Asker{}, map[string]string{
		"what is a primary care network":                           "pcn",
		"where are the PCI e-learning modules":                     "resource-pci",
		"what does the long term plan say about personalised care": "long-term-plan",
	})
}

// TestOthersBandIsNotOurs: the band or grade of another profession than
// the three roles (a paramedic, a pharmacist, a practice nurse) is Agenda
// for Change's, which the content does not hold: the roles' pay articles,
// sharing "band", are no answer. A role's band still is.
func TestOthersBandIsNotOurs(t *testing.T) {
	wantUnsure(t, Asker{},
		"what band is a paramedic in primary care",
		"which band is a clinical pharmacist on",
		"what grade are practice nurses",
		"what band are physios in a pcn",
	)
	wantAnswers(t, Asker{}, map[string]string{
		"what band should a link worker be": "splw-pay",
		"what band is a care coordinator":   "cc-pay",
	})
}

// TestMoneyForTrainingIsNotPay: money for a role's training is not what
// the role is paid: the pay article, which speaks of money for the post,
// is no answer, and the training article says nothing of funding. Money
// a role is paid is still its pay.
func TestMoneyForTrainingIsNotPay(t *testing.T) {
	wantUnsure(t, Asker{},
		"is there money for link worker training",
		"money for coach training",
	)
	wantAnswers(t, Asker{}, map[string]string{
		"how much money do link workers get": "splw-pay",
	})
}

// TestNamedHelperBorneOut: a described need with the one role the asker
// has in mind ("would a care coordinator be best") is answered with that
// role when its referral cues match the need, though another role's match
// as many or more: the content bears the asker out, and the other role
// would answer a question not asked. A named role no cue supports is
// still not the answer.
func TestNamedHelperBorneOut(t *testing.T) {
	b := shippedBase(t)
	for q, want := range map[string]string{
		"recently bereaved lady not managing her diabetes tablets and hospital appointments, would a care coordinator be best":                "role-cc",
		"older lady, lonely since her husband died, muddled about her heart failure medication and appointments, is a care coordinator right": "role-cc",
		"patient with diabetes wants to lose weight, would a care coordinator help":                                                           "role-hwbc",
	} {
		if a := b.Answer(q, Asker{}); a.Kind != WhoToRefer || entryID(a.Entry) != want {
			t.Errorf("%q: kind %d entry %s; want who to refer to: %s", q, a.Kind, entryID(a.Entry), want)
		}
	}
}

// TestLearningDisabilityIsNoTraining: "learning" in a learning disability
// or difficulty names a need, not training: whether a role works with
// people who have one is not the role's training article's, which says
// nothing of it. Training on learning disabilities is still training.
func TestLearningDisabilityIsNoTraining(t *testing.T) {
	wantUnsure(t, Asker{},
		"can coaches work with people with learning disabilities",
		"do link workers support people with learning difficulties",
	)
	wantAnswers(t, Asker{}, map[string]string{
		"learning disability training for link workers": "splw-training",
	})
}

// TestAnotherJobNamedApart: "what is a social worker" names a job whose
// words the link workers' article has only apart ("social prescribing
// link worker"): it does not say what that job is, so "not sure". The
// roles' own names, asked the same way, are still answered.
func TestAnotherJobNamedApart(t *testing.T) {
	wantUnsure(t, Asker{},
		"what is a social worker",
		"what is a social care worker",
	)
	wantAnswers(t, Asker{}, map[string]string{
		"what is a social prescribing link worker": "role-splw",
		"what is a wellbeing coach":                "role-hwbc",
		"what is a care coordinator":               "role-cc",
		"what is a trainee health coach":           "hwbc-training",
	})
}

// TestOtherWorkersJob: what a social worker or a support worker does is
// another job than the link worker's, though it shares "worker": "not
// sure". What a link worker does, however named, is still the role's.
func TestOtherWorkersJob(t *testing.T) {
	wantUnsure(t, Asker{},
		"what does a social worker do",
		"what do support workers do",
		"social worker role explained",
	)
	wantAnswers(t, Asker{}, map[string]string{
		"what does a community link worker do": "role-splw",
	})
}

// TestRoleSilentOnTheTerm: whether a role is something the content
// defines ("an ARRS role") is not answered by the role's article when it
// never speaks of the term: the term's own article, which does, answers.
// A role's article that speaks of what was asked still answers.
func TestRoleSilentOnTheTerm(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"is a health coach an arrs role":                "arrs",
		"can link workers help with housing":            "role-splw",
		"can a care coordinator help with appointments": "role-cc",
	})
}

// TestWhoAfterAPersonAsksNothing: "can i refer someone who is grieving to
// social prescribing" asks whether they can be referred, which the social
// prescribing article answers; the "who" only says which person.
func TestWhoAfterAPersonAsksNothing(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"can i refer a man who has stopped going out to social prescribing": "social-prescribing",
		"can i refer a woman who is grieving to social prescribing":         "social-prescribing",
	})
}

// TestSocialPrescribingTheService: a need asked of social prescribing, the
// service ("what could social prescribing do for a man who is isolated"),
// is the social prescribing article's, which says what it offers; asked of
// no service, who can help is still the link worker.
func TestSocialPrescribingTheService(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"what could social prescribing do for a man who is isolated": "social-prescribing",
		"can social prescribing help a patient with debt":            "social-prescribing",
	})
	b := shippedBase(t)
	q := "patient is lonely and isolated, who can help"
	if a := b.Answer(q, Asker{}); a.Kind != WhoToRefer || entryID(a.Entry) != "role-splw" {
		t.Errorf("%q: kind %d entry %s; want who to refer to: role-splw", q, a.Kind, entryID(a.Entry))
	}
}

// TestAnotherHostEmploying: whether a VCSE, a charity or another host may
// employ or host one of the roles is the ARRS article's, which says who
// may employ them, or the CQC and ARRS article's, not the glossary's,
// which only defines a VCSE, nor the role's. Why one would employ a role
// is still the role's.
func TestAnotherHostEmploying(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"can a charity host our social prescribers":         "cqc-arrs",
		"is a link worker allowed to be employed by a vcse": "arrs",
		"why would a pcn employ a link worker":              "role-splw",
	})
}

// TestBecomingAnotherRole: how someone becomes one of the roles ("could a
// health coach become a care coordinator") is the training article of the
// role after "become", not the one they hold now; becoming a supervisor
// of a role is not becoming the role.
func TestBecomingAnotherRole(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"could a health coach become a care coordinator": "cc-training",
		"how would a receptionist become a link worker":  "splw-training",
	})
	b := shippedBase(t)
	for _, q := range []string{"how can i become a supervisor for coaches", "how do i become a link worker supervisor"} {
		if a := b.Answer(q, Asker{}); a.Confident() && strings.HasSuffix(a.Entry.ID, "-training") && a.Entry.ID != "gateshead-clinical-supervisor-training" {
			t.Errorf("%q: answered with %s; want no role's training", q, a.Entry.ID)
		}
	}
}

// TestPracticeVerbUnspoken: how the asker should do a piece of their own
// work is not answered by an article that never speaks of doing it: the
// asker's supervision says nothing of preparing for it. An article on
// what is asked of still answers, verb or none: writing or preparing a
// care and support plan, starting supervision.
func TestPracticeVerbUnspoken(t *testing.T) {
	for _, role := range []string{"cc", "splw"} {
		wantUnsure(t, Asker{Role: role},
			"how should i prepare for my supervision",
			"what's a good way to prepare for my supervision",
		)
	}
	wantAnswers(t, Asker{Role: "splw"}, map[string]string{
		"how do i write a care and support plan":                "personalised-care-planning",
		"how do i manage my caseload":                           "splw-caseload",
		"how do i start supervision as a new link worker":       "supervision-splw",
		"how do i prepare a personalised care and support plan": "personalised-care-planning",
	})
}

// TestSaidAboutWhatItNeverSays: "what does the long term plan say about
// cancer" asks what the plan says of cancer; the plan's article, which
// never speaks of it, does not say. What it says of what it covers is
// still its.
func TestSaidAboutWhatItNeverSays(t *testing.T) {
	wantUnsure(t, Asker{},
		"what does the long term plan say about cancer",
		"what did the long term plan say about pharmacies",
	)
	wantAnswers(t, Asker{}, map[string]string{
		"what does the long term plan say about social prescribing": "long-term-plan",
		"what does the des say about personalised care":             "network-contract-des",
	})
}

// TestWhatDoIDoAboutABoundary: what to do when a patient asks for the
// asker's personal number is a question of the asker's conduct, however it
// is put, which the content holds no guidance on: "personal" is no
// personal health budget.
func TestWhatDoIDoAboutABoundary(t *testing.T) {
	wantUnsure(t, Asker{},
		"patient asked for my personal number, what do i do",
		"a client wants my personal mobile, what should i do",
	)
}

// TestFallingOutWithTheSupervisor: falling out with one's supervisor or
// manager is the employer's and the line manager's to settle, not the
// supervision standards', though it names a supervisor; a disagreement
// over the supervision the asker is owed is still the standards'.
func TestFallingOutWithTheSupervisor(t *testing.T) {
	wantUnsure(t, Asker{Role: "cc"},
		"what if i don't get on with my supervisor",
		"my supervisor is rude to me",
		"i've fallen out with my manager, who do i talk to",
	)
	wantAnswers(t, Asker{Role: "cc"}, map[string]string{
		"my manager disagrees that i need monthly supervision": "supervision-cc",
	})
}
