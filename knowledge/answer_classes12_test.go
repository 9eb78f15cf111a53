package knowledge

import (
	"strings"
	"testing"
)

// TestRoleTopicDeclinedSearchKnows: a question that names a role and a
// topic its article does not speak of ("competencies") is still answered
// when search is sure of another article: the frameworks set out each
// role's competencies. A weak search stays "not sure".
func TestRoleTopicDeclinedSearchKnows(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"what competencies should a care coordinator have": "resource-frameworks",
		"which competencies do coaches need":               "resource-frameworks",
		"what competencies does a health coach need":       "resource-frameworks",
	})
	wantUnsure(t, Asker{},
		"can health coaches work with under 18s",
	)
}

// TestRoleOfAsksWhatItIs: "what's the role of the MDT" asks what the MDT
// does, not which role to refer someone to; "which role helps with
// loneliness", and the role of one of the roles with a need, still do.
func TestRoleOfAsksWhatItIs(t *testing.T) {
	b := shippedBase(t)
	for _, q := range []string{"what's the role of the MDT", "what is the role of the mdt in a pcn"} {
		if a := b.Answer(q, Asker{}); a.Kind == WhoToRefer || !a.Confident() || a.Entry.ID != "glossary" {
			t.Errorf("%q: kind %d entry %s; want the glossary's MDT", q, a.Kind, entryID(a.Entry))
		}
	}
	for _, q := range []string{"which role helps with loneliness", "what pcn role would help a lonely patient", "what's the role of a health coach in weight management"} {
		if a := b.Answer(q, Asker{}); a.Kind != WhoToRefer || !strings.HasPrefix(a.Entry.ID, "role-") {
			t.Errorf("%q: kind %d entry %s; want who to refer to: a role", q, a.Kind, entryID(a.Entry))
		}
	}
}

// TestSupervisorAsksForSupervisee: a supervisor asking of a supervisee's
// pay or training is answered with the role's pay or training, not its
// supervision; how often to see a supervisee is still supervision.
func TestSupervisorAsksForSupervisee(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"my link worker supervisee wants to know what band she should be on":                     "splw-pay",
		"does my care coordinator supervisee need a degree":                                      "cc-training",
		"my coach supervisee asked if she needs a level 4 qualification, does she":               "hwbc-training",
		"my supervisee is a care coordinator, how often should i be seeing them for supervision": "supervision-cc",
	})
}

// TestWhoIsTheLead: who someone's lead, contact or training hub is names a
// person or a body, and the content names no one, however "who's" is
// typed; who may supervise, who is eligible, who leads personalised care
// in London are still answered.
func TestWhoIsTheLead(t *testing.T) {
	wantUnsure(t, Asker{Role: "splw", Locality: "gateshead"},
		"who's my local lead in gateshead",
		"who's our social prescribing lead",
		"who's the training hub for gateshead",
		"who is the training hub in london",
	)
	wantAnswers(t, Asker{}, map[string]string{
		"personalised care in london - who leads it":         "london-personalised-care",
		"who's eligible for a personal health budget":        "personal-health-budgets",
		"who is the national academy for social prescribing": "resource-nasp",
		"who runs the gateshead peer network":                "resource-gateshead-peer-support-network",
	})
}

// TestSessionContentIsTheGuidance: what to cover in a supervision session
// is the NHS England guidance's, for every role, so no role is asked for;
// how often the asker needs supervision still depends on their role.
func TestSessionContentIsTheGuidance(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"what should i cover in a supervision session": "resource-supervision-guidance",
		"what should a supervision session cover":      "resource-supervision-guidance",
	})
	b := shippedBase(t)
	for _, q := range []string{"how often do i need supervision", "who should supervise me"} {
		if a := b.Answer(q, Asker{}); len(a.ForRoles) == 0 {
			t.Errorf("%q: kind %d entry %s; want the role asked for", q, a.Kind, entryID(a.Entry))
		}
	}
}

// TestListedQuestionNarrowed: an article's own question followed by a
// clause that only narrows it ("who employs ARRS staff, the practice or
// the PCN") is that article's; a second clause that asks of its own is
// not read as narrowing. Who employs link workers, the PCN or the
// practice, is the ARRS article's too: it says who may employ the roles.
func TestListedQuestionNarrowed(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"who employs link workers, the PCN or the practice":      "arrs",
		"who employs link workers - the practice or the pcn":     "arrs",
		"who employs ARRS staff, the practice or the PCN":        "arrs",
		"what is a link worker, how do they differ from a coach": "roles-together",
	})
}

// TestCarePlanningDefined: "care planning" is the care and support
// planning article's term, defined, however it is asked.
func TestCarePlanningDefined(t *testing.T) {
	b := shippedBase(t)
	for _, q := range []string{"what is care planning", "what does care planning mean", "care planning - what is it"} {
		if a := b.Answer(q, Asker{Role: "cc", Locality: "london"}); a.Kind != Definition || a.Entry.ID != "personalised-care-planning" {
			t.Errorf("%q: kind %d entry %s; want personalised-care-planning's definition", q, a.Kind, entryID(a.Entry))
		}
	}
}

// TestLeaveSoNotOverdue: being away and not shown as overdue, or the
// supervision clock running on, is peerbot's leave command; booking leave
// or clocking off is not about peerbot.
func TestLeaveSoNotOverdue(t *testing.T) {
	b := shippedBase(t)
	for _, q := range []string{
		"how do i record leave so i don't show as overdue",
		"will i show as overdue while im on holiday",
		"how do i log leave so my supervision clock stops",
	} {
		if a := b.Answer(q, Asker{}); a.Kind != Usage || a.Usage.Command != "supervision" || a.Usage.Args != "leave" || a.Confident() {
			t.Errorf("%q: kind %d, command %q %q; want the usage reply for supervision leave", q, a.Kind, a.Usage.Command, a.Usage.Args)
		}
	}
	for _, q := range []string{"what time do i clock off", "how do I book annual leave", "im off sick, who do i tell at work"} {
		if a := b.Answer(q, Asker{Role: "splw"}); a.Kind == Usage {
			t.Errorf("%q: answered as a usage question (%s %s)", q, a.Usage.Command, a.Usage.Args)
		}
	}
}

// TestWhichPCNsHave: which PCNs or practices have or employ one of the
// roles is a list of who works where, which the content does not keep;
// what a PCN is, and whether a PCN may employ a role, it does say.
func TestWhichPCNsHave(t *testing.T) {
	wantUnsure(t, Asker{Locality: "gateshead"},
		"which PCNs in gateshead have link workers",
		"which practices near me employ a health coach",
		"what pcns have got a care coordinator",
	)
	wantAnswers(t, Asker{}, map[string]string{
		"what is a pcn": "pcn",
		"can a pcn employ a link worker through arrs": "arrs",
	})
}

// TestWhatsIsWhatIs: "what's X", read as "what X" once the "'s" is
// dropped, asks what X is just as "what is X" does: an article whose head
// does not name X is no answer, however many of X's words it has.
func TestWhatsIsWhatIs(t *testing.T) {
	wantUnsure(t, Asker{Role: "hwbc"},
		"what's the workforce development fund",
		"what is the workforce development fund",
		"what's a care home",
	)
	wantAnswers(t, Asker{}, map[string]string{
		"what's a link worker":            "role-splw",
		"what's the long term plan":       "long-term-plan",
		"what's the network contract des": "network-contract-des",
	})
}

// TestCQCPrepIsThePractices: getting ready for the practice's own CQC
// inspection, typed short, is the practice's business; what CQC looks at
// for ARRS staff is still the CQC article's.
func TestCQCPrepIsThePractices(t *testing.T) {
	wantUnsure(t, Asker{},
		"CQC inspection prep",
		"cqc prep",
		"are we ready for cqc",
	)
	wantAnswers(t, Asker{}, map[string]string{
		"does CQC look at ARRS staff when they inspect":                            "cqc-arrs",
		"our CQC inspection is coming up, what do they check for our link workers": "cqc-arrs",
	})
}

// TestFeelingAboutCaseload: feeling swamped by one's caseload is the link
// workers' caseload article, which says what to do when it feels too
// much; a feeling with nothing else asked is still the asker's support.
func TestFeelingAboutCaseload(t *testing.T) {
	wantAnswers(t, Asker{Role: "splw", Locality: "gateshead"}, map[string]string{
		"I'm feeling overwhelmed with my caseload, who do I talk to": "splw-caseload",
		"im so stressed about my caseload, who can help":             "splw-caseload",
		"im feeling overwhelmed, who can i talk to":                  "resource-gateshead-peer-support-network",
	})
}
