package knowledge

import "testing"

// TestRiskConcepts78: sex someone was made to have, nothing left to live
// for, things given away, marks on a named person's arms, a threat to kill
// or hurt, and a child groomed online, each in words no question set uses;
// and everyday questions sharing their words, which are no risk.
func TestRiskConcepts78(t *testing.T) {
	b := shippedBase(t)
	for _, q := range []string{
		"patient told me her boyfriend forces her to have sex",
		"client said he pressured her into sexual stuff she didnt want",
		"woman disclosed sex without her consent",
		"he says there is nothing much left to live for now",
		"she has been giving all her stuff away to neighbours",
		"young man had burns on his upper arms",
		"scratches on the girl's left wrist today",
		"client said her ex will kill her if she leaves",
		"patient says her son threatened he'd hurt her",
		"he said he'll stab him",
		"a 13 yr old is chatting to a man on snapchat who wants to meet",
		"teenager says someone she met on a game keeps asking for photos",
	} {
		if a := b.Answer(q, Asker{}); !a.Safety {
			t.Errorf("%q: no safety reply", q)
		}
	}
	for _, q := range []string{
		"cut in funding for link workers", "arms length bodies and the ICB", "how do i kill time between clinics",
		"is there online training for young carers", "does the pcn have a sex and relationships leaflet", "can a link worker refer to sexual health services without a gp",
		"do coaches want to talk about sexual health", "making sexual health services easier to reach",
		"can you shoot me a message when the supervision report is ready", "i think someone will beat me to it",
		"is there an online meeting for young carers", "young carers online group to meet others",
		"can a link worker help a young person find online videos about exercise",
		"can i give away my old training materials", "will supervision hurt my caseload numbers", "what is the 15 yr plan for the nhs",
		"can link workers help older people get online", "cuts to the budget this year",
	} {
		if a := b.Answer(q, Asker{Role: "splw"}); a.Safety {
			t.Errorf("%q: safety reply to an ordinary question", q)
		}
	}
}

// TestPastStrokeNoRisk: a stroke had in the past is a question about
// recovery or rules, not an emergency; a stroke happening now still gets
// the safety reply.
func TestPastStrokeNoRisk(t *testing.T) {
	b := shippedBase(t)
	for _, q := range []string{"can a health coach help someone recovering after a stroke", "return to work since his stroke",
		"support groups for stroke survivors"} {
		if a := b.Answer(q, Asker{}); a.Safety {
			t.Errorf("%q: safety reply to a past stroke", q)
		}
	}
	for _, q := range []string{"i think my patient is having a stroke", "man in the waiting room might have had a stroke"} {
		if a := b.Answer(q, Asker{}); !a.Safety {
			t.Errorf("%q: no safety reply", q)
		}
	}
}

// TestOtherPlacesAndHR: a place the content has no articles for, the
// PCN's own CQC rating, and HR are not answered with England's, London's or
// Gateshead's article; the content's own places and an hour still are.
func TestOtherPlacesAndHR(t *testing.T) {
	b := shippedBase(t)
	for _, q := range []string{"health coaches in birmingham", "is there ARRS funding in northern ireland", "scottish link worker network",
		"care coordinator supervision in cardiff", "who in human resources do i ask about my contract", "can hr help with my caseload",
		"what rating did our pcn get from the cqc"} {
		if a := b.Answer(q, Asker{}); a.Confident() || a.Safety {
			t.Errorf("%q: answered with %s; want not sure", q, entryID(a.Entry))
		}
	}
	for q, want := range map[string]string{
		"newcastle and gateshead linkwork":         "resource-gateshead-local",
		"what does the cqc look at for arrs staff": "cqc-arrs",
	} {
		if a := b.Answer(q, Asker{}); entryID(a.Entry) != want {
			t.Errorf("%q: got %s; want %s", q, entryID(a.Entry), want)
		}
	}
}

// TestNeverAnotherPlacesArticle: a London asker, or a question naming
// London, never gets an article only for Gateshead, nor the other way
// round; the place's own article is found when there is one.
func TestNeverAnotherPlacesArticle(t *testing.T) {
	b := shippedBase(t)
	for _, c := range []struct {
		q     string
		asker Asker
		place string
	}{
		{"im a link worker in london, any peer support groups to join", Asker{}, "london"},
		{"as a link worker in london is there a peer support group to join", Asker{Role: "splw"}, "london"},
		{"is there a peer support group i can join as a new link worker", Asker{Role: "splw", Locality: "london"}, "london"},
		{"im a coach in gateshead, is there a peer support group i can join", Asker{}, "gateshead"},
	} {
		a := b.Answer(c.q, c.asker)
		if a.Entry != nil && a.Entry.Locality != "" && a.Entry.Locality != "national" && a.Entry.Locality != c.place {
			t.Errorf("%q (%+v): got %s, another place's", c.q, c.asker, a.Entry.ID)
		}
	}
	wantAnswers(t, Asker{}, map[string]string{"im a link worker in london, any peer support groups to join": "resource-london-peer-support"})
}

// TestTwoThingsCompared: two roles' pay, training or supervision compared
// is the first role's article on it; kinds of supervision compared, or one
// asked to be all right, is the kinds article; social prescribing against
// signposting or a leaflet is the article on how they differ. Two roles
// compared with no topic stay the roles together.
func TestTwoThingsCompared(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"does a care coordinator earn more than a link worker":                 "cc-pay",
		"coach vs care coordinator salary":                                     "hwbc-pay",
		"is link worker training longer than coach training":                   "splw-training",
		"care coordinator training compared to health coach training":          "cc-training",
		"is supervision for coaches different from link workers":               "supervision-hwbc",
		"peer supervision versus clinical supervision":                         "supervision-kinds",
		"is individual supervision better than group supervision":              "supervision-kinds",
		"is peer supervision acceptable":                                       "supervision-kinds",
		"why refer to a social prescriber rather than just hand out a leaflet": "social-prescribing-vs-signposting",
		"is signposting different to sp":                                       "social-prescribing-vs-signposting",
		"difference between link workers and coaches":                          "roles-together",
	})
	b := shippedBase(t)
	if a := b.Answer("can my practice manager be my supervisor, she isnt clinical", Asker{Role: "hwbc"}); entryID(a.Entry) == "supervision-kinds" {
		t.Errorf("who may supervise, one kind named in passing: got the kinds of supervision")
	}
}

// TestTeamAndNetworkViews: seeing everyone's supervision is the admins'
// report; seeing one's team's is the team view; leave in the bot is its
// leave command. Whether everyone should have supervision stays a
// question for the articles.
func TestTeamAndNetworkViews(t *testing.T) {
	wantCommand(t, Asker{}, map[string]string{
		"where can i see everybody's supervision status":  "admin report",
		"can i pull a report on all staff supervision":    "admin report",
		"how can i check on my team's supervision":        "supervision team",
		"show me the supervision of those i supervise":    "supervision team",
		"how do i put my annual leave into peerbot":       "supervision leave",
		"going on maternity leave, how do i tell the bot": "supervision leave",
	})
	b := shippedBase(t)
	for _, q := range []string{"does everyone get supervision", "should all staff have clinical supervision", "is supervision for everyone in the pcn"} {
		if a := b.Answer(q, Asker{}); a.Kind == Usage {
			t.Errorf("%q: usage %q; want an article or not sure", q, a.Usage.Args)
		}
	}
}

// TestPoliteLongQuestions: a greeting, a request made of the bot ("could
// you tell me", "point me to") and "learning more about" a subject are
// not what is asked: the ask is read, by the intents and by search.
func TestPoliteLongQuestions(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"Good evening. I'm keen on learning more about patient activation. Can you point me to anything?":                                 "patient-activation",
		"Good afternoon, my link worker is new - can you tell me what supervision they need?":                                             "supervision-splw",
		"Hi there, I'm a pharmacist who's been asked to supervise a care coordinator. Could you tell me how often they need supervision?": "supervision-cc",
		"Hello there. I keep hearing about supported self management, could you explain it?":                                              "supported-self-management",
	})
}

// TestRolesBandOnAfC: the Agenda for Change band of a named role is the
// role's pay; Agenda for Change itself stays its own article.
func TestRolesBandOnAfC(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"which agenda for change band should link workers be on":       "splw-pay",
		"what band should a link worker be on under agenda for change": "splw-pay",
		"how do agenda for change bands work":                          "agenda-for-change",
	})
}

// TestAgeSexAndMoneyTroubles: a question opening with a patient's age and
// sex ("74M ...") describes a patient, and is a referral; money worries
// with a role named are the patient's need, not the role's pay, which
// asked as pay stays the pay article.
func TestAgeSexAndMoneyTroubles(t *testing.T) {
	b := shippedBase(t)
	for q, want := range map[string]string{
		"74M widowed, isolated, not leaving the house. who can help":               "role-splw",
		"29F newly diagnosed diabetes, wants to manage it herself. which role":     "role-hwbc",
		"70F lots of appointments with different teams, needs them joined up. who": "role-cc",
		"lady with money worries and rent arrears - link worker?":                  "role-splw",
	} {
		if a := b.Answer(q, Asker{}); a.Kind != WhoToRefer || entryID(a.Entry) != want {
			t.Errorf("%q: kind %d, entry %s; want the referral %s", q, a.Kind, entryID(a.Entry), want)
		}
	}
	wantAnswers(t, Asker{}, map[string]string{"how much money does a link worker get": "splw-pay"})
}

// TestSaidSimply: how simply to say something ("like im five", "in simple
// terms", "in a nutshell") is not what is asked.
func TestSaidSimply(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"explain the DES like im five":         "network-contract-des",
		"what is a PCN in plain english":       "pcn",
		"personalised care in a nutshell":      "personalised-care",
		"social prescribing like a 5 year old": "social-prescribing",
	})
}

// TestBothRolesFundedAndContrasted: two roles funded at once is no
// comparison of the roles; what one role does that another does not is.
func TestBothRolesFundedAndContrasted(t *testing.T) {
	b := shippedBase(t)
	for _, q := range []string{"can arrs money pay for a link worker and a coach at the same time", "is ARRS funding for a coordinator and a coach combined"} {
		if a := b.Answer(q, Asker{}); entryID(a.Entry) == "roles-together" {
			t.Errorf("%q: got the roles together; two roles funded compares nothing", q)
		}
	}
	wantAnswers(t, Asker{}, map[string]string{
		"what can a link worker do that a coach cant":           "roles-together",
		"what does a health coach do that link workers dont do": "roles-together",
	})
}

// TestFrameworksAndOtherProfessions: the framework a role works to is the
// frameworks article, not what the role does; a supervision standard for
// another profession is how other roles are supervised.
func TestFrameworksAndOtherProfessions(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"what framework do link workers follow":                "resource-frameworks",
		"which framework does a care coordinator use":          "resource-frameworks",
		"whats the supervision standard for a physio in a pcn": "supervision-other-roles",
		"supervision standard for paramedics":                  "supervision-other-roles",
	})
}

// TestWeightAndInactivity: a patient who is obese, overweight or
// sedentary is the coaches' to help, even with appointments mentioned.
func TestWeightAndInactivity(t *testing.T) {
	b := shippedBase(t)
	for _, q := range []string{"obese patient keen to get fitter, keeps slipping between appointments - who can help",
		"sedentary man, wants to start moving more, who should i refer to"} {
		if a := b.Answer(q, Asker{}); a.Kind != WhoToRefer || entryID(a.Entry) != "role-hwbc" {
			t.Errorf("%q: kind %d, entry %s; want the referral role-hwbc", q, a.Kind, entryID(a.Entry))
		}
	}
}

// TestLondonSupportForNewRoles: support in London for the new roles is
// London's programme, not its workforce figures.
func TestLondonSupportForNewRoles(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{"london support for the new pcn roles": "london-personalised-care"})
}

// TestWhatIsItOfTheTermNamed: "what is it" or "what does that mean" after
// naming a term the content defines asks what that term is; a longer name
// that starts with the term is not the term.
func TestWhatIsItOfTheTermNamed(t *testing.T) {
	b := shippedBase(t)
	for q, want := range map[string]string{
		"patient activation came up in a meeting - what does that mean": "patient-activation",
		"the DES keeps coming up. what is it and does it affect us":     "network-contract-des",
		"someone mentioned shared decision making, what is it exactly":  "shared-decision-making",
	} {
		if a := b.Answer(q, Asker{}); entryID(a.Entry) != want {
			t.Errorf("%q: got %s; want %s", q, entryID(a.Entry), want)
		}
	}
	wantAnswers(t, Asker{}, map[string]string{"personalised care institute - what is it": "resource-pci"})
}

// TestFollowUpSentenceAlone: "Is there guidance?" or "Is there a
// summary?" after a sentence saying what on asks for it on that, and is
// not answered alone with whichever article is guidance or a summary.
func TestFollowUpSentenceAlone(t *testing.T) {
	b := shippedBase(t)
	for q, not := range map[string]string{
		"I want to understand how personalised care fits with my coaching. Is there guidance?": "resource-pcsp-guidance",
		"We're thinking about supervision for our new team. Is there a summary?":               "resource-quick-reference",
	} {
		if a := b.Answer(q, Asker{}); entryID(a.Entry) == not {
			t.Errorf("%q: got %s, the follow-up read alone", q, not)
		}
	}
}

// TestResourcesAskedAsPeopleAsk: the hubs, the evidence, the roles
// explorer and the link workers' association, asked of in everyday words.
func TestResourcesAskedAsPeopleAsk(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"is there a hub for health coaches":           "resource-hwbc-hub",
		"is social prescribing supported by evidence": "social-prescribing-evidence",
		"any tool that shows every arrs role":         "resource-roles-explorer",
		"national network link workers can join":      "resource-nalw",
	})
}

// TestAbbreviationAsked: a term followed by "abbrev", "abbreviation",
// "acronym" or "short for" asks what it stands for.
func TestAbbreviationAsked(t *testing.T) {
	b := shippedBase(t)
	for _, q := range []string{"mdt abbreviation", "pcn acronym", "what is vcse short for", "arrs abbrev"} {
		if a := b.Answer(q, Asker{}); a.Kind != Definition {
			t.Errorf("%q: kind %d, entry %s; want a definition", q, a.Kind, entryID(a.Entry))
		}
	}
}

// TestNeedThenTwoRolesAsChoice: a need told and two roles named as the
// choice ("coach or link worker?") is the named role whose cues the need
// matches, with no person named; with no cue matched it is no choice.
func TestNeedThenTwoRolesAsChoice(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"copd, wants to get fitter and more active - coach or link worker?": "role-hwbc",
		"rent arrears and loneliness, splw or hwbc":                         "role-splw",
	})
	b := shippedBase(t)
	if a := b.Answer("can a link worker or a coach work weekends", Asker{}); a.Kind == WhoToRefer || entryID(a.Entry) == "role-splw" || entryID(a.Entry) == "role-hwbc" {
		t.Errorf("no need told: got %s", entryID(a.Entry))
	}
}

// TestWhoMayGiveSupervision: whether someone can give, provide or do
// supervision for a role is who may supervise; a patient with
// multimorbidity is the care coordinators' to help.
func TestWhoMayGiveSupervision(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"can our practice manager provide supervision to a health coach": "supervision-who-can-supervise",
		"can an admin manager give supervision to our care coordinators": "supervision-who-can-supervise",
	})
	b := shippedBase(t)
	q := "elderly man with multimorbidity and polypharmacy, who can help"
	if a := b.Answer(q, Asker{}); a.Kind != WhoToRefer || entryID(a.Entry) != "role-cc" {
		t.Errorf("%q: kind %d, entry %s; want the referral role-cc", q, a.Kind, entryID(a.Entry))
	}
}

// TestKindsOfSupervisionForARole: the kinds of supervision asked of for a
// named role are the kinds article.
func TestKindsOfSupervisionForARole(t *testing.T) {
	wantAnswers(t, Asker{Role: "splw"}, map[string]string{
		"which kinds of supervision must i arrange for the link workers i manage": "supervision-kinds",
		"what types of supervision should i set up for my care coordinators":      "supervision-kinds",
	})
}

// TestJudgedCaseload: "what is a manageable caseload" asks how big a
// caseload should be, not what a "manageable caseload" is.
func TestJudgedCaseload(t *testing.T) {
	wantAnswers(t, Asker{Role: "splw"}, map[string]string{
		"what is a manageable caseload":                 "splw-caseload",
		"whats a reasonable caseload for a link worker": "splw-caseload",
	})
}
