package knowledge

import (
	"slices"
	"strings"
	"testing"
)

// TestWhoEmploysTheRoles: who may employ the ARRS roles (a VCSE, a
// charity, the PCN or the practice) is the ARRS article's question, which
// says they may be hosted by another organisation; who answers to the CQC
// for them is still the CQC article's, and a patient's own job is no such
// question.
func TestWhoEmploysTheRoles(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"can our link worker be employed by a charity rather than the PCN":         "arrs",
		"are ARRS staff ever employed by a voluntary organisation":                 "arrs",
		"could our care coordinators be hosted by a voluntary sector organisation": "arrs",
		"must a link worker be employed directly by the practice":                  "arrs",
		"who is accountable to CQC for a coach employed by a charity":              "cqc-arrs",
	})
	wantUnsure(t, Asker{},
		"my client wants to be employed by a charity, can a link worker help",
	)
}

// TestSocialPrescribingNetworkInLondon: a London "social prescribing
// network" or "link worker network" is London's peer support.
func TestSocialPrescribingNetworkInLondon(t *testing.T) {
	wantAnswers(t, Asker{Locality: "london"}, map[string]string{
		"is there a London social prescribing network I can join": "resource-london-peer-support",
		"social prescribing networks in london?":                  "resource-london-peer-support",
		"any link worker network in london":                       "resource-london-peer-support",
	})
}

// TestInductingANewStarter: how to induct or onboard a new starter in one
// of the roles is NHS England's supervision guidance, led by its induction
// checklist; induction training is the role's training, and a bare "hwbc
// induction" could be either.
func TestInductingANewStarter(t *testing.T) {
	b := shippedBase(t)
	for _, q := range []string{
		"how should we onboard our new health coach",
		"what should a new care coordinator's induction include",
		"any tips for inducting a new social prescriber",
		"how do I plan the induction of our new link worker",
	} {
		if a := b.Answer(q, Asker{}); !a.Confident() || a.Entry.ID != "resource-supervision-guidance" || a.Passage.Heading != "Induction checklist" {
			t.Errorf("%q: entry %s, passage %q; want resource-supervision-guidance's induction checklist", q, entryID(a.Entry), a.Passage.Heading)
		}
	}
	wantAnswers(t, Asker{}, map[string]string{"is there induction training for coaches": "hwbc-training"})
	wantUnsure(t, Asker{}, "hwbc induction")
}

// TestCoachAndALongTermCondition: chronic pain, a chronic illness,
// arthritis and a stroke are long-term conditions, which coaches and link
// workers help people live with; and a question of how the one role it names works with someone
// is that role's article, though an article on something it does is close
// beside it.
func TestCoachAndALongTermCondition(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"can health coaches help people living with arthritis":          "role-hwbc",
		"does a coach work with someone who has chronic pain":           "role-hwbc",
		"how can a coach support someone with a chronic illness":        "role-hwbc",
		"how do health coaches help patients with long-term conditions": "role-hwbc",
		"can a link worker support someone a year after their stroke":   "role-splw",
	})
}

// TestSeveralConditionsToCoordinate: someone living with two or more
// long-term conditions and many appointments is the care coordinator's,
// though each condition is a coach's cue; one condition, or two with
// goals for weight and activity, is still the coach's.
func TestSeveralConditionsToCoordinate(t *testing.T) {
	b := shippedBase(t)
	for q, want := range map[string]string{
		"man with copd, diabetes and high blood pressure struggling with his appointments, who should I refer to": "role-cc",
		"patient with heart disease and dementia, appointments everywhere, who can help":                          "role-cc",
		"man with type 2 diabetes wants to get fitter, who can help":                                              "role-hwbc",
		"diabetic with high blood pressure wants to lose weight and be more active, who can help":                 "role-hwbc",
	} {
		if a := b.Answer(q, Asker{}); a.Kind != WhoToRefer || a.Entry.ID != want {
			t.Errorf("%q: kind %d entry %s; want who to refer to: %s", q, a.Kind, entryID(a.Entry), want)
		}
	}
}

// TestIsTheRoleAnARRSRole: whether one of the roles is an ARRS role, or
// funded by it, is the ARRS article's question, not what the role does,
// led by when the role joined; how much ARRS pays for it is still the
// role's pay.
func TestIsTheRoleAnARRSRole(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"are health coaches an ARRS role":              "arrs",
		"is our care coordinator post covered by ARRS": "arrs",
		"are coaches part of the arrs":                 "arrs",
		"is a link worker paid for by arrs":            "arrs",
		"how much does ARRS pay for a link worker":     "splw-pay",
	})
	b := shippedBase(t)
	for _, q := range []string{"are health coaches an ARRS role", "are care coordinators ARRS roles"} {
		if a := b.Answer(q, Asker{}); a.Passage.Heading != "The 2020 changes" {
			t.Errorf("%q: passage %q; want the one saying coaches and care coordinators joined in 2020", q, a.Passage.Heading)
		}
	}
}

// TestPeerSupervisionCounts: whether peer or group supervision counts
// towards the asker's hours is the same question for every role: the
// kinds of supervision, not the asker's role's supervision, which may not
// speak of peer supervision at all.
func TestPeerSupervisionCounts(t *testing.T) {
	for _, role := range []string{"cc", ""} {
		wantAnswers(t, Asker{Role: role}, map[string]string{
			"does peer supervision with other coordinators count towards my hours": "supervision-kinds",
			"would my peer supervision group count towards my supervision hours":   "supervision-kinds",
		})
	}
}

// TestTrainingInGatesheadForARole: training in Gateshead for one of the
// roles is the training hub's matrix, however the place and the role are
// put together.
func TestTrainingInGatesheadForARole(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"link worker training gateshead":           "resource-gateshead-training-matrix",
		"training for link workers in gateshead":   "resource-gateshead-training-matrix",
		"gateshead training for care coordinators": "resource-gateshead-training-matrix",
	})
}

// TestWhatSocialPrescribingCanDo: what social prescribing, by that name,
// can do for someone, and referring "someone who" is lonely or out of work
// to it, is the social prescribing article's question, not a choice of
// role; whether it can fund an activity it does not say.
func TestWhatSocialPrescribingCanDo(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"could social prescribing help a man who is housebound and bored": "social-prescribing",
		"would social prescribing work for someone with anxiety":          "social-prescribing",
		"can I refer a woman who lost her job to social prescribing":      "social-prescribing",
		"what can social prescribing do for carers":                       "social-prescribing",
	})
	wantUnsure(t, Asker{}, "can social prescribing fund a gym membership")
}

// TestLocalServicesInAPlace: a service, group or activity asked for in a
// place the content has local links for is that place's local article,
// led by where to look, since no directory is kept; services for risk to
// someone, and the council's tax, are not asked of it.
func TestLocalServicesInAPlace(t *testing.T) {
	b := shippedBase(t)
	for _, q := range []string{"any carers groups in gateshead", "is there a men's shed club in gateshead", "bereavement services in gateshead for a widower"} {
		a := b.Answer(q, Asker{Locality: "gateshead"})
		if !a.Confident() || a.Entry.ID != "resource-gateshead-local" || !strings.Contains(a.Passage.Heading, "local services") {
			t.Errorf("%q: entry %s, passage %q; want resource-gateshead-local's local services", q, entryID(a.Entry), a.Passage.Heading)
		}
	}
	wantUnsure(t, Asker{Locality: "gateshead"}, "domestic abuse services in gateshead", "gateshead council tax services")
}

// TestAccreditationIsAccredited: "accreditation" is the content's
// "accredited" (a PCI-accredited course), so what accreditation a role
// needs is that role's training.
func TestAccreditationIsAccredited(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"what accreditation does a link worker need":      "splw-training",
		"what accreditation does a care coordinator need": "cc-training",
		"what accreditation do care coordinators need":    "cc-training",
	})
}

// TestCareCoordinationIsTheRole: care coordination, proactive or not, is
// what care coordinators do, though "coordination" and "coordinator" are
// different words to search.
func TestCareCoordinationIsTheRole(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"proactive care coordination in a pcn":             "role-cc",
		"proactive care coordination explained":            "role-cc",
		"who does care coordination in a pcn":              "role-cc",
		"care coordination and the personalised care team": "role-cc",
	})
}

// TestPeerSupportInAPlace: peer support, or a network or group of people
// in the roles, in a place is that place's peer support article, not its
// local services; a group for patients is still the local links.
func TestPeerSupportInAPlace(t *testing.T) {
	wantAnswers(t, Asker{Locality: "london"}, map[string]string{
		"any peer support groups for coaches in gateshead":           "resource-gateshead-peer-support-network",
		"peer support in gateshead for health coaches":               "resource-gateshead-peer-support-network",
		"london based link worker here, any local networks to join?": "resource-london-peer-support",
		"is there a walking group in gateshead for my patients":      "resource-gateshead-local",
	})
}

// TestKindOfThings: "what kind of things", "what sort of stuff" only
// asks what: the kinds of supervision are not asked of, nor is a word
// like "kind" in an article about caseloads a match.
func TestKindOfThings(t *testing.T) {
	b := shippedBase(t)
	for q, want := range map[string][]string{
		"what sorts of things do link workers connect people with": {"social-prescribing", "role-splw"},
		"what type of things can a health coach help with":         {"role-hwbc"},
		"what kind of stuff do link workers refer to":              {"social-prescribing", "role-splw"},
	} {
		if a := b.Answer(q, Asker{}); !a.Confident() || !slices.Contains(want, a.Entry.ID) {
			t.Errorf("%q: confident %v, entry %s; want one of %v", q, a.Confident(), entryID(a.Entry), want)
		}
	}
}

// TestWhatDoesXLookLike: "what does X look like", "what does X involve"
// ask what X is, as "what is X" does, so a synonym of one article named as
// X is that article.
func TestWhatDoesXLookLike(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"what does group supervision involve": "supervision-kinds",
		"what does group supervision entail":  "supervision-kinds",
	})
}

// TestGroupOrOneToOne: group or peer supervision set against one to one,
// of no role, is the kinds of supervision, not a guess at a role's.
func TestGroupOrOneToOne(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"would 1:1 or group supervision suit me better": "supervision-kinds",
		"is peer supervision as good as one to one":     "supervision-kinds",
	})
}

// TestOneSentenceFarAhead: a message whose one telling sentence search
// answers surely, with nothing near it, is answered by that sentence,
// though its confidence is short of a second guess's.
func TestOneSentenceFarAhead(t *testing.T) {
	wantAnswers(t, Asker{Role: "splw", Locality: "london"}, map[string]string{
		"Hello, I'm a link worker and my manager keeps adding people to my list. Is there any guidance on what a manageable caseload is?": "splw-caseload",
		"Hi, I'm a care coordinator in London and I'd like to meet others doing the job. Is there a peer support group I could join?":     "resource-london-peer-support",
		"Hi, I work in London and want to meet other coaches. Is there a peer support group I can join?":                                  "resource-london-peer-support",
	})
}

// TestBringingItToSupervision: whether something that happened, or how it
// felt, belongs in supervision is the asker's role's supervision, though
// the article does not name what happened; a patient's death is not a
// question of whom to refer them to. Tips for preparing are not asked of
// it.
func TestBringingItToSupervision(t *testing.T) {
	wantAnswers(t, Asker{Role: "cc"}, map[string]string{
		"a patient I supported last year passed away recently, should I bring it to supervision?": "supervision-cc",
	})
	wantAnswers(t, Asker{Role: "hwbc"}, map[string]string{
		"a client shouted at me in clinic last week and I'm still upset, can I raise that in supervision?": "supervision-hwbc",
	})
	wantUnsure(t, Asker{Role: "cc"}, "any tips for preparing for supervision")
}

// TestWhichPatientsToRefer: which patients, or what sort of people, may be
// referred to a link worker or social prescribing is the social
// prescribing article's question of who it suits, not the caseload's or
// the referral figures'.
func TestWhichPatientsToRefer(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"what kind of patients can I refer to a link worker":      "social-prescribing",
		"which patients can I refer to a link worker":             "social-prescribing",
		"what types of people do you refer to social prescribing": "social-prescribing",
	})
}

// TestServicesToReferToInTheAskersPlace: services or groups to refer or
// signpost someone to, asked by someone of a place with local links, are
// those links though the place goes unsaid; referring to social
// prescribing itself is still the national article.
func TestServicesToReferToInTheAskersPlace(t *testing.T) {
	wantAnswers(t, Asker{Locality: "gateshead"}, map[string]string{
		"what services can I signpost a carer to":                  "resource-gateshead-local",
		"what groups can I send a lonely man to":                   "resource-gateshead-local",
		"how do I refer someone to the social prescribing service": "social-prescribing",
	})
}

// TestSocialIssuesAreTheLinkWorkers: social issues or problems are the
// link worker's social needs, in everyday words.
func TestSocialIssuesAreTheLinkWorkers(t *testing.T) {
	b := shippedBase(t)
	for _, q := range []string{
		"patient keeps coming in with social issues rather than medical ones, who should I refer him to",
		"woman with social problems affecting her health, who can help",
	} {
		if a := b.Answer(q, Asker{}); a.Kind != WhoToRefer || a.Entry.ID != "role-splw" {
			t.Errorf("%q: kind %d entry %s; want who to refer to: role-splw", q, a.Kind, entryID(a.Entry))
		}
	}
}

// TestPersonalisedCareWorkInLondon: the personalised care work going on in
// London is London's programme, not its workforce figures.
func TestPersonalisedCareWorkInLondon(t *testing.T) {
	wantAnswers(t, Asker{Locality: "london"}, map[string]string{
		"personalised care work in london": "london-personalised-care",
	})
}

// TestSupervisionDifferentForARole: whether supervision is different for
// one role is that role's supervision; supervising someone in a different
// role is still who may supervise.
func TestSupervisionDifferentForARole(t *testing.T) {
	wantAnswers(t, Asker{Role: "splw"}, map[string]string{
		"is clinical supervision any different for health coaches": "supervision-hwbc",
		"is supervision different for care coordinators":           "supervision-cc",
		"would my supervision be different as a coach":             "supervision-hwbc",
		"can I supervise someone in a different role":              "supervision-who-can-supervise",
	})
}

// TestIsThereACapOnHowMany: "is there a cap on how many" of a role a PCN
// may have asks what caps it, as "how many can a PCN have" does; how many
// there are in one's own PCN the content does not know.
func TestIsThereACapOnHowMany(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"is there a limit on how many coaches our pcn can employ":         "arrs",
		"is there any maximum number of care coordinators a pcn can have": "arrs",
	})
	wantUnsure(t, Asker{}, "how many link workers are there in our pcn")
}

// TestWhatTheDaysAreLike: what a typical day or week is like in a role,
// or a day in its life, asks what the role is.
func TestWhatTheDaysAreLike(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"what's a typical day for a care coordinator":    "role-cc",
		"day in the life of a link worker":               "role-splw",
		"what does a typical week look like for a coach": "role-hwbc",
	})
}

// TestWhatsXIsWhatIsX: "what's group supervision", which reads "what
// group supervision" once the 's is dropped, asks what it is, as "what is
// group supervision" does.
func TestWhatsXIsWhatIsX(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"what's group supervision": "supervision-kinds",
		"whats group supervision?": "supervision-kinds",
	})
}

// TestNewStarterWhereToBegin: a new starter asking where to begin is
// answered with their role's training, which says how to get started;
// what the role does day to day is still the role's article.
func TestNewStarterWhereToBegin(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"first month as a link worker, what should I read":     "splw-training",
		"started as a link worker last week, where do i begin": "splw-training",
	})
	wantAnswers(t, Asker{Role: "cc"}, map[string]string{
		"im new in post, what should I be doing first": "cc-training",
	})
	wantAnswers(t, Asker{Role: "hwbc", Locality: "gateshead"}, map[string]string{
		"im new, what should i do first": "hwbc-training",
	})
	wantAnswers(t, Asker{Role: "splw"}, map[string]string{
		"im new, what am i supposed to be doing day to day": "role-splw",
	})
}
