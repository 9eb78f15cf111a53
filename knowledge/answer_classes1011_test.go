package knowledge

import (
	"strings"
	"testing"
)

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

// TestRemindMeWhat: "remind me what X is" asks what X is, not for
// peerbot's reminders; "remind me about my supervision" still is the
// reminders command.
func TestRemindMeWhat(t *testing.T) {
	b := shippedBase(t)
	for q, want := range map[string]string{
		"remind me what PCI is":                "resource-pci",
		"remind me again what arrs stands for": "arrs",
	} {
		if a := b.Answer(q, Asker{Role: "cc"}); a.Kind == Usage || !a.Confident() || a.Entry.ID != want {
			t.Errorf("%q: kind %d entry %s; want %s", q, a.Kind, entryID(a.Entry), want)
		}
	}
	if a := b.Answer("remind me about my supervision", Asker{Role: "cc"}); a.Kind != Usage {
		t.Errorf("remind me about my supervision: kind %d, want the reminders command", a.Kind)
	}
}

// TestDefinitionAskedBackwards: "X stand for what", "X means what", and a
// definition asked with a laugh after it, are what X stands for; the
// passage shown is the one headed with X, not the glossary's first.
func TestDefinitionAskedBackwards(t *testing.T) {
	b := shippedBase(t)
	for q, want := range map[string]string{
		"PCN stand for what":     "pcn",
		"MDT means what":         "glossary",
		"what is NASP haha":      "resource-nasp",
		"what does icb mean lol": "glossary",
	} {
		a := b.Answer(q, Asker{Role: "hwbc"})
		if a.Kind != Definition || a.Entry.ID != want {
			t.Errorf("%q: kind %d entry %s; want the definition from %s", q, a.Kind, entryID(a.Entry), want)
		}
	}
	for q, head := range map[string]string{"MDT means what": "MDT", "what does icb mean lol": "ICB"} {
		if a := b.Answer(q, Asker{}); !strings.HasPrefix(a.Passage.Heading, head) {
			t.Errorf("%q: passage %q, want the one headed %s", q, a.Passage.Heading, head)
		}
	}
}

// TestWhatMisspelt: "what" slipped ("waht", "wot", "whta") and the term
// misspelt too still ask what the term is: the term is read as search
// corrects it, and the answer opens with what it is.
func TestWhatMisspelt(t *testing.T) {
	b := shippedBase(t)
	for q, want := range map[string]string{
		"wot is personalsed care":    "personalised-care",
		"waht is a care coordinater": "role-cc",
		"whta is a helth coach":      "role-hwbc",
		"what is socal presribing":   "social-prescribing",
	} {
		a := b.Answer(q, Asker{})
		if !a.Confident() || a.Entry.ID != want {
			t.Errorf("%q: confident %v, entry %s; want %s", q, a.Confident(), entryID(a.Entry), want)
			continue
		}
		if a.Passage.Heading != a.Entry.Sections[0].Heading {
			t.Errorf("%q: passage %q, want the article's opening %q", q, a.Passage.Heading, a.Entry.Sections[0].Heading)
		}
	}
}

// TestNetworksAndPeers: a link worker asking what networks there are is
// answered with the national association, not the Network Contract DES
// (which only shares "network") nor one place's peer network; a coach
// looking for other coaches or for webinars, with NHS England's coaches'
// page; what a supervision session should hold, with the supervision
// guidance. How long a session should be the content does not say.
func TestNetworksAndPeers(t *testing.T) {
	wantAnswers(t, Asker{Role: "splw"}, map[string]string{
		"networks link workers can join":                  "resource-nalw",
		"what national network is there for link workers": "resource-nalw",
	})
	wantAnswers(t, Asker{}, map[string]string{
		"how do i get to talk to other health coaches": "resource-hwbc-hub",
		"webinars for personalised care roles?":        "resource-hwbc-hub",
		"what happens in a supervision session":        "resource-supervision-guidance",
	})
	wantUnsure(t, Asker{}, "how many minutes is a supervision session")
}

// TestFeelingThenAsking: a message that says how the asker feels and then
// asks about their training or band is answered about that; how they feel
// alone still gets where they can find support.
func TestFeelingThenAsking(t *testing.T) {
	wantAnswers(t, Asker{Role: "cc"}, map[string]string{
		"Hello! I'm new and honestly a bit stressed - which course do I need to do in my first year? Thank you": "cc-training",
		"feeling overwhelmed, what band am i meant to be on":                                                    "cc-pay",
		"im really overwhelmed": "supervision-cc",
	})
}

// TestWhichOfTheRoles: "which of the (three, personalised care, ARRS)
// roles" after a described need asks who to refer to, however many of the
// roles' names stand between.
func TestWhichOfTheRoles(t *testing.T) {
	b := shippedBase(t)
	for q, want := range map[string]string{
		"complex social needs - which of the personalised care roles would take this on": "role-splw",
		"needs help with benefits forms, which of the three roles":                       "role-splw",
	} {
		if a := b.Answer(q, Asker{}); a.Kind != WhoToRefer || a.Entry.ID != want {
			t.Errorf("%q: kind %d entry %s; want who to refer to, %s", q, a.Kind, entryID(a.Entry), want)
		}
	}
}

// TestCareerProgression: how the roles progress is the workforce
// development frameworks' (their tiers and development), for anyone; one
// place's leadership programme is not the answer for someone of no place.
func TestCareerProgression(t *testing.T) {
	wantAnswers(t, Asker{Role: "splw"}, map[string]string{
		"career pathway for link workers?":        "resource-frameworks",
		"how do coaches progress in their career": "resource-frameworks",
	})
}

// TestTermThenAQuestion: "what is X and <a question>" defines X however
// long the question after it: the term comes before the "and".
func TestTermThenAQuestion(t *testing.T) {
	b := shippedBase(t)
	for q, want := range map[string]string{
		"what's the DES and does it say anything about supervision for link workers": "network-contract-des",
		"whats PCI and do i have to do their training before i start":                "resource-pci",
	} {
		if a := b.Answer(q, Asker{}); a.Kind != Definition || a.Entry.ID != want {
			t.Errorf("%q: kind %d entry %s; want the definition from %s", q, a.Kind, entryID(a.Entry), want)
		}
	}
}

// TestOwnLineManager: the asker's line manager beside their supervision
// asks how line management and supervision differ, which is the same for
// every role: the kinds of supervision, not the asker's own role's
// supervision article.
func TestOwnLineManager(t *testing.T) {
	wantAnswers(t, Asker{Role: "cc"}, map[string]string{
		"is my line manager allowed to supervise me":   "supervision-kinds",
		"does my line manager count as my supervision": "supervision-kinds",
	})
}

// TestOutcomeMeasuresAndEscalating: which outcomes to measure or report,
// and when to escalate something, the content does not say, though the
// evidence article has "outcomes" and the supervision articles "my
// supervisor". Recording social prescribing is still the recording
// article's.
func TestOutcomeMeasuresAndEscalating(t *testing.T) {
	wantUnsure(t, Asker{Role: "splw"},
		"which outcome measures do link workers use",
		"do we have to report outcomes to the pcn",
		"how do i know when to escalate a concern to my supervisor",
	)
	wantAnswers(t, Asker{Role: "splw"}, map[string]string{
		"how do i record a social prescribing referral": "splw-recording",
	})
}

// TestTermWithItsKind: a term followed by the kind of thing it is ("the
// VCSE sector", "the ARRS scheme", "a VCSE organisation") is still that
// term, defined.
func TestTermWithItsKind(t *testing.T) {
	b := shippedBase(t)
	for q, want := range map[string]string{
		"what does the VCSE sector mean":                "glossary",
		"explain the ARRS scheme":                       "arrs",
		"what is a VCSE organisation and who runs them": "glossary",
	} {
		if a := b.Answer(q, Asker{}); a.Kind != Definition || a.Entry.ID != want {
			t.Errorf("%q: kind %d entry %s; want the definition from %s", q, a.Kind, entryID(a.Entry), want)
		}
	}
}

// TestScheduleAsked: posting a message in a channel on a schedule is the
// admins' schedule command; scheduling one's own supervision is not.
func TestScheduleAsked(t *testing.T) {
	b := shippedBase(t)
	for _, q := range []string{
		"can the bot post a recurring message in our channel",
		"i want to set up a scheduled post every month for the peer meeting",
		"what does /schedule do",
	} {
		if a := b.Answer(q, Asker{}); a.Kind != Usage || a.Usage.Command != "schedule" {
			t.Errorf("%q: kind %d command %q; want the schedule command", q, a.Kind, a.Usage.Command)
		}
	}
	if a := b.Answer("how do i schedule my supervision", Asker{Role: "splw"}); a.Kind == Usage && a.Usage.Command == "schedule" {
		t.Errorf("how do i schedule my supervision: the schedule command")
	}
}

// TestAskerComparedWithARole: "how is my job different to a care
// coordinator" from a coach compares the asker's role with the one named:
// the roles together, not the named role's article alone.
func TestAskerComparedWithARole(t *testing.T) {
	wantAnswers(t, Asker{Role: "hwbc"}, map[string]string{
		"how is my job different to a care coordinator": "roles-together",
	})
	wantAnswers(t, Asker{Role: "cc"}, map[string]string{
		"what do i do that differs from a health coach": "roles-together",
	})
}

// TestWhoSocialPrescribingSuits: whether social prescribing is only for
// one need is who it suits, in the social prescribing article, not the
// comparison with active signposting.
func TestWhoSocialPrescribingSuits(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"is social prescribing just for people with mental health problems": "social-prescribing",
	})
}

// TestAskedOfAnyone: a question put to anyone reading ("could someone
// explain", "does anyone know") asks the same as one put to the bot: what
// a term stands for is its definition.
func TestAskedOfAnyone(t *testing.T) {
	b := shippedBase(t)
	for q, want := range map[string]string{
		"could someone explain what arrs is":     "arrs",
		"can anyone explain what pci stands for": "resource-pci",
		"does anyone know what NASP means":       "resource-nasp",
	} {
		if a := b.Answer(q, Asker{}); a.Kind != Definition || a.Entry.ID != want {
			t.Errorf("%q: kind %d entry %s; want the definition from %s", q, a.Kind, entryID(a.Entry), want)
		}
	}
}

// TestLinkWorkerHandbook: a "handbook" for link workers is NHS England's
// social prescribing pages and technical annex, the reference guide.
func TestLinkWorkerHandbook(t *testing.T) {
	wantAnswers(t, Asker{Role: "splw"}, map[string]string{
		"is there a handbook i can read as a new link worker": "resource-sp-hub",
	})
}

// TestLocalSupportForTheAsker: support near the asker, for them or for a
// role, from someone of Gateshead or London, is their place's peer
// support; local support for a patient or a carer is not.
func TestLocalSupportForTheAsker(t *testing.T) {
	wantAnswers(t, Asker{Role: "splw", Locality: "gateshead"}, map[string]string{
		"what support is there locally for me": "resource-gateshead-peer-support-network",
	})
	wantAnswers(t, Asker{Role: "cc", Locality: "london"}, map[string]string{
		"any support near me for care coordinators": "resource-london-peer-support",
	})
	b := shippedBase(t)
	if a := b.Answer("is there local support for carers", Asker{Role: "hwbc", Locality: "gateshead"}); a.Confident() && a.Entry.ID == "resource-gateshead-peer-support-network" {
		t.Errorf("local support for carers: the peer support network, which is for the roles")
	}
}

// TestPlaceNamedAndNear: a question naming a place, near one of that
// place's article's own questions, is that article's though a national
// article has about as many of its words; two of the place's own articles
// about equal is still a guess.
func TestPlaceNamedAndNear(t *testing.T) {
	wantAnswers(t, Asker{Locality: "london"}, map[string]string{
		"contact about social prescribing london?": "london-personalised-care",
	})
}

// TestGetInTouch: "get in touch with" asks whom to contact; its "touch"
// is not the "light touch" of active signposting.
func TestGetInTouch(t *testing.T) {
	b := shippedBase(t)
	for _, q := range []string{
		"who should i get in touch with about social prescribing in london",
		"who do i get in touch with about personalised care in london",
	} {
		if a := b.Answer(q, Asker{Locality: "london"}); a.Confident() && a.Entry.ID == "social-prescribing-vs-signposting" {
			t.Errorf("%q: the signposting article, for its \"light touch\"", q)
		}
	}
	wantAnswers(t, Asker{}, map[string]string{
		"is light touch signposting the same as social prescribing": "social-prescribing-vs-signposting",
	})
}
