package knowledge

import "testing"

// wantCommand fails the test for each question not given the usage reply
// naming want ("supervision history").
func wantCommand(t *testing.T, asker Asker, cases map[string]string) {
	t.Helper()
	b := shippedBase(t)
	for q, want := range cases {
		a := b.Answer(q, asker)
		got := a.Usage.Command
		if a.Usage.Args != "" {
			got += " " + a.Usage.Args
		}
		if a.Kind != Usage || got != want || a.Confident() {
			t.Errorf("%q: kind %d, command %q, entry %s; want the usage reply %q", q, a.Kind, got, entryID(a.Entry), want)
		}
	}
}

// TestOwnRecordAndAdminUsage: when one last had supervision is in one's own
// record; telling peerbot one is away is its leave command; reloading the
// articles is the admins' reload. Leave and records asked of no one but
// HR stay questions for the articles, or none.
func TestOwnRecordAndAdminUsage(t *testing.T) {
	wantCommand(t, Asker{Role: "splw"}, map[string]string{
		"when did i last have supervision":                "supervision history",
		"how long since my last supervision session":      "supervision history",
		"what date was my most recent supervision":        "supervision history",
		"can i let you know i'm going to be off work":     "supervision leave",
		"how do i tell peerbot that i will be on holiday": "supervision leave",
		"how can i refresh the content after editing it":  "admin reload",
		"reload articles": "admin reload",
		"we have edited an article, how do we get it used": "admin reload",
		"how do admins add a new article":                  "admin reload",
	})
	b := shippedBase(t)
	for _, q := range []string{"who do i tell if im off sick", "how do i tell my manager i'm on leave", "what was the last ARRS funding change",
		"i want to read a new article about social prescribing", "i want to add to my knowledge of social prescribing, any articles"} {
		if a := b.Answer(q, Asker{Role: "splw"}); a.Kind == Usage {
			t.Errorf("%q: answered as a usage question (%s %s)", q, a.Usage.Command, a.Usage.Args)
		}
	}
}

// TestSharedWordsAskingWhatIsUnsaid: the year's pay award, applying for a
// job, how long records are kept and what another profession does share
// the content's words (pay, a band, records, an ARRS role) but ask what no
// article says. What a role is, what to record and whether ARRS pays for
// a profession are still answered.
func TestSharedWordsAskingWhatIsUnsaid(t *testing.T) {
	wantUnsure(t, Asker{Role: "splw"},
		"has the afc pay uplift for this year been agreed",
		"when will we get the back pay from the pay deal",
		"how do i apply for a link worker post",
		"applying for a care coordinator job, any tips",
		"how long should case notes be kept",
		"retention period for patient records",
		"what does a clinical pharmacist do in a pcn",
		"paramedic role in primary care explained",
		"first contact physio job what is it",
	)
	wantAnswers(t, Asker{}, map[string]string{
		"is the ARRS role of paramedic reimbursed":             "arrs",
		"what does a link worker do":                           "role-splw",
		"how do link workers record social prescribing":        "splw-recording",
		"how often should a clinical pharmacist be supervised": "supervision-other-roles",
	})
}

// TestWhatCountsAsSupervision: whether something counts as supervision,
// of no role, is the kinds of supervision, not why supervision matters;
// how many hours count is still the role's.
func TestWhatCountsAsSupervision(t *testing.T) {
	wantAnswers(t, Asker{Role: "splw", Locality: "london"}, map[string]string{
		"does a team debrief count as supervision": "supervision-kinds",
		"is peer group supervision counted":        "supervision-kinds",
		"group supervision - does that count":      "supervision-kinds",
	})
}

// TestVowelsDropped: a three letter word without a vowel is corrected by
// putting one in ("lnk" for "link"), and corrected words that together
// make a phrase of the synonym table ("lnk wrker") are taken as meant,
// not weighed as guesses.
func TestVowelsDropped(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"lnk wrker supervison":             "supervision-splw",
		"soical prescibing lnk wrker role": "role-splw",
	})
}

// TestListedQuestionOverRoleChoice: a question near word for word one of
// a resource's own questions is that resource's, though it says "I" and
// names training, which for an asker of no role would otherwise ask which
// role's training.
func TestListedQuestionOverRoleChoice(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"where do i get the PCI e-learning modules": "resource-pci",
		"how can i find a PCI accredited course":    "resource-pci",
	})
}

// TestSynonymAsked: a question that is word for word one of an article's
// synonyms of two words or more is that article, however near another
// article's words come.
func TestSynonymAsked(t *testing.T) {
	wantAnswers(t, Asker{Role: "hwbc"}, map[string]string{
		"health coaching hub": "resource-hwbc-hub",
		"the NHSE coach page": "resource-hwbc-hub",
		"coach resources":     "resource-hwbc-hub",
	})
}

// TestPlaceUnaskedIsNoRival: for an asker of no place, another place's
// article just behind one for anywhere does not make the answer a guess.
func TestPlaceUnaskedIsNoRival(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"frameworks for the personalised care roles": "resource-frameworks",
	})
}

// TestNeedsTheRoleHelpsWith: whether a role helps with a need its referral
// cues name is the role's article, though the article never names the
// paperwork; a bereavement is a cue of the link worker's. A need another
// role's cues name is no answer for this one.
func TestNeedsTheRoleHelpsWith(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"can a social prescriber help someone with universal credit paperwork":                    "role-splw",
		"can link workers support people with housing letters":                                    "role-splw",
		"elderly man lost his wife last year and keeps coming in for a chat, who can help him":    "role-splw",
		"lady recently bereaved and grieving, no family nearby, who should i refer her to please": "role-splw",
	})
	wantUnsure(t, Asker{}, "can health coaches help with benefits forms")
}

// TestSupervisedBy: whether one role may be supervised by another, asked
// in the passive, is who can supervise whom, as the active is.
func TestSupervisedBy(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"could our care coordinator be supervised by a senior link worker": "supervision-who-can-supervise",
		"can link workers be supervised by a health coach":                 "supervision-who-can-supervise",
	})
}

// TestSchemeToFund: whether a scheme's money may fund a post, with fund as
// the verb, is the article on the scheme's money when one speaks of what
// was asked, as "pay for" is; a role's pay at a band stays the role's.
func TestSchemeToFund(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"can we use arrs to fund a link worker": "arrs-funding",
		"can arrs fund a link worker at band 5": "splw-pay",
		"using arrs to fund a care coordinator": "arrs",
	})
}

// TestPlaceInTheAskersIntro: where the asker works, said of themselves
// ("as a coordinator in london"), is who they are, not what they ask: a
// long message about their own supervision is their role's supervision.
func TestPlaceInTheAskersIntro(t *testing.T) {
	wantAnswers(t, Asker{Role: "cc", Locality: "london"}, map[string]string{
		"hello, ive recently started as a care coordinator in london and nobody has mentioned supervision to me yet, how often should i be getting it": "supervision-cc",
	})
	wantAnswers(t, Asker{Role: "hwbc", Locality: "gateshead"}, map[string]string{
		"i'm working as a health coach in gateshead and my practice hasnt sorted my supervision, what am i entitled to": "supervision-hwbc",
	})
}

// TestTheTrainingIsTheAskers: a yes or no question about "the training"
// or "the supervision", from someone whose profile has a role, is about
// that role's, as "my training" is; the training hub is no one's training.
func TestTheTrainingIsTheAskers(t *testing.T) {
	wantAnswers(t, Asker{Role: "cc"}, map[string]string{
		"is the training done online or in person":         "cc-training",
		"does the course need finishing in the first year": "cc-training",
	})
	wantAnswers(t, Asker{Role: "splw"}, map[string]string{
		"is the supervision meant to be monthly": "supervision-splw",
	})
}

// TestJobHuntingAndPatientsWork: finding or getting a job, said of the
// asker, is job hunting, which the content does not cover; a patient
// looking for work is a link worker's referral; GDPR asked of patients'
// notes is no question about the asker's data.
func TestJobHuntingAndPatientsWork(t *testing.T) {
	wantUnsure(t, Asker{Role: "splw"},
		"how do i get a job as a health coach",
		"where are link worker jobs advertised",
		"gdpr for patient notes",
	)
	wantAnswers(t, Asker{}, map[string]string{
		"patient looking for a job who can help":                              "role-splw",
		"gp here, young woman wants help finding work, who should i refer to": "role-splw",
	})
}

// TestOwnRecordAsked: whether one has logged or had supervision, how many
// sessions one has logged, one's status and what one's profile holds are
// in one's own record, which the commands show, not an article.
func TestOwnRecordAsked(t *testing.T) {
	wantCommand(t, Asker{Role: "hwbc"}, map[string]string{
		"have i logged my supervision this month":    "supervision history",
		"how many sessions have i logged this year":  "supervision history",
		"have i had enough supervision this quarter": "supervision status",
		"am i compliant with supervision":            "supervision status",
		"whats my status":                            "supervision status",
		"who is my supervisor on here":               "supervision setup",
	})
	b := shippedBase(t)
	for _, q := range []string{"who should my supervisor be", "how much supervision should i have this month", "how many sessions have i got to do a year",
		"am i meant to have enough supervision this month"} {
		if a := b.Answer(q, Asker{Role: "hwbc"}); a.Kind == Usage {
			t.Errorf("%q: answered as a usage question (%s %s)", q, a.Usage.Command, a.Usage.Args)
		}
	}
}

// TestVagueWordsUnknownToTheContent: a word naming a kind of help that
// the content never uses ("stuff") says nothing of the subject and is
// no typo: it is not corrected to another word ("staff") and searched.
func TestVagueWordsUnknownToTheContent(t *testing.T) {
	b := shippedBase(t)
	for q, not := range map[string]string{"stuff for care coordinators": "arrs-workforce", "stuff for link workers": "arrs-workforce"} {
		if a := b.Answer(q, Asker{}); a.Confident() && a.Entry.ID == not {
			t.Errorf("%q: answered with %s, the staff figures", q, not)
		}
		if r := b.Search(q, SearchOptions{}); r.DidYouMean != "" {
			t.Errorf("%q: did you mean %q; want no correction", q, r.DidYouMean)
		}
	}
	wantUnsure(t, Asker{}, "any useful stuff", "got any stuff")
}

// TestQuestionInOneSentence: a message whose question is one of its
// sentences, the others context, is answered by that sentence when the
// whole is not sure; a sentence saying too little alone is no answer.
func TestQuestionInOneSentence(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"could somebody explain what a PCN actually is? it keeps coming up in our team meetings": "pcn",
		"sorry, bit lost. what does the DES mean? my manager mentioned it":                       "network-contract-des",
	})
	wantUnsure(t, Asker{}, "we were told it might stop. what happens to the posts then?")
}

// TestBereavementHomeboundAndBills: a death in the family, wanting to get
// out of the house and fuel bills describe a link worker's patient; the
// asker's own time off after a death is HR's question.
func TestBereavementHomeboundAndBills(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"lady whose husband passed away in the spring, not coping, who can help": "role-splw",
		"elderly man who rarely leaves the house and wants to get out more":      "role-splw",
		"patient cant afford her fuel bills, who should i refer to":              "role-splw",
	})
	wantUnsure(t, Asker{Role: "splw"},
		"my grandad passed away, can i take time off",
		"my mum died last week, how many days off do i get",
	)
}

// TestPracticeFiguresRemoteSupervisionVisitSafety: the asker's own
// practice's figures, supervision by phone or video and keeping safe on
// home visits are not in the content; how many of a role a practice may
// have is the ARRS article, as for a PCN.
func TestPracticeFiguresRemoteSupervisionVisitSafety(t *testing.T) {
	wantUnsure(t, Asker{Role: "cc"},
		"how many patients are registered at our practice",
		"how many care coordinators work in our pcn",
		"is supervision by video call allowed",
		"can my supervision be done remotely",
		"tips for staying safe on home visits",
	)
	wantAnswers(t, Asker{}, map[string]string{
		"how many health coaches can one practice employ": "arrs",
		"can link workers do home visits":                 "role-splw",
		"is there online training for care coordinators":  "cc-training",
	})
}

// TestJobDescriptionIsARecruitmentDocument: a job description for a role
// is the recruitment pack FutureNHS holds, not what the role is; a
// description of the role still is the role.
func TestJobDescriptionIsARecruitmentDocument(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"job description for a care coordinator": "resource-futurenhs",
		"is there a JD for a health coach":       "resource-futurenhs",
		"description of the link worker role":    "role-splw",
	})
}

// TestSPIsSocialPrescribing: SP, as people shorten social prescribing,
// is searched as it.
func TestSPIsSocialPrescribing(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"does sp actually work, any evidence": "social-prescribing-evidence",
		"nhse sp hub page":                    "resource-sp-hub",
	})
}

// TestAnotherRolesOwnArticle: another role's own article (the link
// workers' caseload) is no answer to the asker's question about their
// own work; local links for any role, and the roles' articles, still are.
func TestAnotherRolesOwnArticle(t *testing.T) {
	b := shippedBase(t)
	for _, q := range []string{"how many patients should i see a day", "how big should my caseload be"} {
		if a := b.Answer(q, Asker{Role: "hwbc"}); a.Confident() && a.Entry.ID == "splw-caseload" {
			t.Errorf("%q from a coach: answered with the link workers' caseload", q)
		}
	}
	wantAnswers(t, Asker{Role: "splw"}, map[string]string{"how big should my caseload be": "splw-caseload"})
}

// TestPlaceWithoutItsOwnTopicArticle: a role's supervision asked of a
// place whose own articles search does not find on supervision is the
// role's supervision; a place that has its standards keeps them.
func TestPlaceWithoutItsOwnTopicArticle(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"how much supervision does a care coordinator in london need each month": "supervision-cc",
		"how often do link workers in gateshead get supervision":                 "gateshead-supervision-standards",
	})
}

// TestBothRolesAtOnce: two roles named with "same", "both" or "overlap",
// of nothing else the roles have articles on, is how the roles fit
// together, not whichever article names both most.
func TestBothRolesAtOnce(t *testing.T) {
	wantAnswers(t, Asker{Role: "splw"}, map[string]string{
		"could one person be a care coordinator and a health coach at the same time": "roles-together",
		"do link workers and coaches overlap":                                        "roles-together",
	})
}

// TestSupervisorAsksOfAnother: a supervisor or colleague speaking of how
// another is worn down asks about that person, not where the asker can
// get support for themself.
func TestSupervisorAsksOfAnother(t *testing.T) {
	b := shippedBase(t)
	for _, q := range []string{"my supervisee seems really overwhelmed, any advice", "what do i do if my colleague is burnt out"} {
		if a := b.Answer(q, Asker{}); a.Confident() && a.Entry.ID == "resource-gateshead-peer-support-network" {
			t.Errorf("%q: answered with the asker's own peer support", q)
		}
	}
	wantAnswers(t, Asker{Locality: "gateshead"}, map[string]string{"im stressed, my team is short staffed": "resource-gateshead-peer-support-network"})
}

// TestAppsTravelAndOnwardReferrals: apps and software, claiming travel,
// and referring on to a clinical service share the content's words
// (caseload, supervision, refer) but are not in it; referring someone to
// social prescribing still is.
func TestAppsTravelAndOnwardReferrals(t *testing.T) {
	wantUnsure(t, Asker{Role: "splw"},
		"which app is best for managing my caseload",
		"is there software for social prescribing referrals",
		"can i put in a travel claim for going to supervision",
		"can link workers refer people to iapt",
	)
	wantAnswers(t, Asker{}, map[string]string{"can i refer someone on medication to social prescribing": "social-prescribing"})
}

// TestTextSpeakSearched: text-speak with the vowels dropped ("wrkr",
// "hw mny") is spelt out for search as for the intents.
func TestTextSpeakSearched(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"hw mny link wrkrs r there in england":    "arrs-workforce",
		"wht does a care coordinator rle involve": "role-cc",
		"cn i refer sum1 to a link wrkr":          "social-prescribing",
	})
}

// TestFutureOfTheScheme: whether a scheme's funding carries on, ends or is
// cut is the article on its funding changes, which says the current
// position.
func TestFutureOfTheScheme(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"will arrs funding stop":    "arrs-funding",
		"future of the arrs scheme": "arrs-funding",
	})
}

// TestWhatIsNeedsTheArticleToBeAboutIt: a short "what is X" needs an
// answer whose title, summary or synonyms name X; one that mentions it in
// passing (a caseload article's care homes) does not say what it is.
func TestWhatIsNeedsTheArticleToBeAboutIt(t *testing.T) {
	wantUnsure(t, Asker{}, "what is a care home", "what is frailty", "what is population health")
	wantAnswers(t, Asker{}, map[string]string{
		"what is an action learning set": "resource-london-peer-support",
		"what is signposting":            "social-prescribing-vs-signposting",
	})
}

// TestVenuesAndDirections: where a course is held and how to get there
// are not in the content, though the question names the training.
func TestVenuesAndDirections(t *testing.T) {
	wantUnsure(t, Asker{Role: "hwbc"}, "where is the venue for my coaching course", "postcode for the pci training day")
}

// TestHomelessness: homelessness, as housing is, is a link worker's cue.
func TestHomelessness(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"who can help a patient who is sofa surfing at a friends": "role-splw",
		"gp here - homeless gentleman on our list, who can help":  "role-splw",
	})
}

// TestPaysForSupervision: what pays for supervision needs an answer that
// speaks of supervision; a pay scale article that names the PCN does not.
func TestPaysForSupervision(t *testing.T) {
	wantUnsure(t, Asker{Role: "splw"}, "does our pcn pay for my supervision", "is it the pcn that pays for supervision")
	wantAnswers(t, Asker{}, map[string]string{"can arrs money pay for my training": "arrs-funding"})
}

// TestWhatItTakesToSupervise: what one needs to become a role's
// supervisor is who may supervise it.
func TestWhatItTakesToSupervise(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"id like to become a supervisor for our care coordinators, what qualifications are needed": "supervision-who-can-supervise",
	})
}

// TestResourcesForARole: resources for a role are the pages gathered for
// it: NHS England's social prescribing pages for link workers, the coaches'
// page for coaches, the framework for care coordinators.
func TestResourcesForARole(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"link worker resources":                  "resource-sp-hub",
		"resouces for health coaches":            "resource-hwbc-hub",
		"useful documents for care coordinators": "resource-frameworks",
	})
}

// TestSupportForARole: support for a role ("who supports link workers")
// is the support the role has, its place's peer support or else its
// supervision, not the role's article on the support it gives.
func TestSupportForARole(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"who supports care coordinators":             "supervision-cc",
		"is there any support for health coaches":    "supervision-hwbc",
		"what support do link workers give patients": "role-splw",
	})
	wantAnswers(t, Asker{Locality: "london"}, map[string]string{"is there support for new link workers": "resource-london-peer-support"})
}
