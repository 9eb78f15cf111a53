package knowledge

import (
	"strings"
	"testing"
)

// TestAnswerWholeClasses holds fixes of whole classes of question, each with a
// question of its own, not one from the question sets.
func TestAnswerWholeClasses(t *testing.T) {
	b := shippedBase(t)
	if stem("reimbursable") != stem("reimburse") {
		t.Errorf("stem(reimbursable) = %q, stem(reimburse) = %q: want them to meet", stem("reimbursable"), stem("reimburse"))
	}
	// The PCN's claim is not the asker's pay: no "which role are you".
	if a := b.Answer("how do i claim back the ARRS money for our new starter", Asker{}); len(a.ForRoles) > 0 {
		t.Errorf("claiming ARRS: asked which role, want no role question")
	}
	if a := b.Answer("how much am i paid", Asker{}); len(a.ForRoles) == 0 {
		t.Errorf("own pay with no role: want the asker asked which role")
	}
	// One role named: another role's article is no answer.
	if a := b.Answer("how many contacts do care coordinators have with each patient", Asker{}); a.Confident() && a.Entry.ID == "splw-caseload" {
		t.Errorf("care coordinators' contacts answered with the link workers' caseload")
	}
	// Asking the bot to write something is not a question the content answers.
	if a := b.Answer("please draft my supervision record for me", Asker{Role: "splw"}); a.Confident() {
		t.Errorf("a request to write something answered with %s", a.Entry.ID)
	}
	// A question naming one of an article's synonyms asks for what it covers.
	e, _ := b.Entry("resource-supervision-guidance")
	if offSubject(e, plainWords("is there an induction checklist for new starters"), "") {
		t.Errorf("induction checklist: the supervision guidance's own synonym taken as off its subject")
	}
}

// TestAnswerWholeClassesMore: more classes, each with its own question.
func TestAnswerWholeClassesMore(t *testing.T) {
	b := shippedBase(t)
	// A referral question is about the patient, not the asker's role.
	if a := b.Answer("which role should i refer a grieving lonely patient to", Asker{}); len(a.ForRoles) > 0 {
		t.Errorf("referral question: asked the asker's role")
	}
	// "pay for" is what something funds, not the asker's pay.
	if a := b.Answer("will ARRS pay for my course", Asker{Role: "hwbc"}); a.Confident() && a.Entry.ID == "hwbc-pay" {
		t.Errorf("what ARRS funds answered with the coach's pay")
	}
	// "can we employ a link worker" asks about employing, not what the role does.
	if asksWhetherRole(plainWords("can we employ a link worker through a charity")) {
		t.Errorf("can we employ a link worker: taken as asking what link workers do")
	}
	if !asksWhetherRole(plainWords("can a link worker do home visits")) {
		t.Errorf("can a link worker do home visits: not taken as asking what link workers do")
	}
	// A supervision question is not answered by an article that says nothing of it.
	if e, _ := b.Entry("splw-caseload"); !missesSupervision(e, plainWords("how long is a supervision meeting")) {
		t.Errorf("supervision question: the caseload article taken as speaking of supervision")
	}
	// What a band pays is not in the content.
	if a := b.Answer("how much is band 6 a year", Asker{}); a.Confident() {
		t.Errorf("what band 6 pays answered with %s", a.Entry.ID)
	}
}

// TestAnswerWholeClassesThird: a definition with a question after it, a
// clinical system named in a recording question, and the next hit when the
// first is off the question's subject.
func TestAnswerWholeClassesThird(t *testing.T) {
	b := shippedBase(t)
	if a := b.Answer("what is an ICB and who runs it", Asker{}); a.Kind != Definition || a.Entry.ID != "glossary" {
		t.Errorf("what is an ICB and ...: kind %d, want the definition from the glossary", a.Kind)
	}
	if a := b.Answer("what is a personalised care and support plan", Asker{}); a.Confident() && a.Entry.ID == "personalised-care" {
		t.Errorf("a term with \"and\" in it cut short at the \"and\"")
	}
	if a := b.Answer("which snomed code do i use in systmone for social prescribing", Asker{Role: "splw"}); !a.Confident() || a.Entry.ID != "splw-recording" {
		t.Errorf("recording in a clinical system: not answered with splw-recording")
	}
	if a := b.Answer("how do i log in to systmone", Asker{Role: "splw"}); a.Confident() {
		t.Errorf("logging in to a clinical system answered with %s", a.Entry.ID)
	}
	if a := b.Answer("what does the network contract DES require of PCNs for personalised care", Asker{}); !a.Confident() || a.Entry.ID != "network-contract-des" {
		id := ""
		if a.Entry != nil {
			id = a.Entry.ID
		}
		t.Errorf("DES requirements: got %q, want network-contract-des (the first hit is about supervision, which the question does not name)", id)
	}
}

// TestAnswerShorthandAndComparisons: shorthand is spelt out, a comparison
// of one role with another job is about the role, and a referral whose cues
// tie is decided by search.
func TestAnswerShorthandAndComparisons(t *testing.T) {
	b := shippedBase(t)
	if got := spellOut(plainWords("pt keeps missing appts")); strings.Join(got, " ") != "pt keeps missing appointments" {
		t.Errorf("spellOut = %q", got)
	}
	if a := b.Answer("who can help a patient who needs support getting to her appts", Asker{}); a.Kind != WhoToRefer || a.Entry.ID != "role-cc" {
		t.Errorf("help getting to appts: kind %d, want a referral to a care coordinator", a.Kind)
	}
	if a := b.Answer("link worker vs social worker", Asker{}); !a.Confident() || a.Entry.ID != "role-splw" {
		t.Errorf("link worker vs social worker: want what the link worker role is")
	}
	cc, _ := b.Entry("role-cc")
	splw, _ := b.Entry("role-splw")
	res := Results{Hits: []Hit{{Entry: splw, Score: 0.3}, {Entry: cc, Score: 0.1}}}
	if got := tieBreak([]*Entry{cc, splw}, res); len(got) != 1 || got[0] != splw {
		t.Errorf("tieBreak: want the role search ranks clearly first")
	}
	res.Hits[1].Score = 0.295
	if got := tieBreak([]*Entry{cc, splw}, res); len(got) != 2 {
		t.Errorf("tieBreak: roles ranked about equal are still a tie")
	}
}

// TestAskedAsListed: a question asked almost as an article lists it is
// answered with that article, before guesses from the question's shape;
// one word in common is no nearness.
func TestAskedAsListed(t *testing.T) {
	b := shippedBase(t)
	// "what ... do link workers need to do" reads as what the role does,
	// but splw-training lists the question.
	if a := b.Answer("what e-learning do link workers need to do", Asker{}); !a.Confident() || a.Entry.ID != "splw-training" {
		t.Errorf("asked as splw-training lists it: not answered with splw-training")
	}
	res := b.Search("supervisor", SearchOptions{})
	for _, h := range res.Hits {
		if h.Near > 0 {
			t.Errorf("one word, %s: near %.2f, want 0", h.Entry.ID, h.Near)
		}
	}
}

// TestRoleAskedWhatItsArticleLacks: "can a <role> do X" or "what do <role>s
// do about X" where the role's article never speaks of X gets "not sure",
// not the role's article; asked of what the article does say, it gets it.
func TestRoleAskedWhatItsArticleLacks(t *testing.T) {
	b := shippedBase(t)
	for _, q := range []string{
		"can a care coordinator run a baby clinic",
		"do health coaches do acupuncture",
		"can link workers take blood samples",
	} {
		if a := b.Answer(q, Asker{}); a.Confident() {
			t.Errorf("%q: answered with %s; want not sure", q, a.Entry.ID)
		}
	}
	wantAnswers(t, Asker{}, map[string]string{
		"can link workers do home visits":                "role-splw",
		"what do care coordinators do all day":           "role-cc",
		"what does a health coach do in the first weeks": "role-hwbc",
	})
}

// TestDefinitionWithAsides: "what is X" with an aside at its end, a kind
// noun after the term, or where the term was seen is still a definition.
func TestDefinitionWithAsides(t *testing.T) {
	b := shippedBase(t)
	for q, want := range map[string]string{
		"what's an ICB anyway":                     "integrated care board",
		"what is shared decision making again":     "shared decision making",
		"what does PCI mean in the training email": "personalised care institute",
		"whats a VCSE organisation":                "voluntary",
	} {
		a := b.Answer(q, Asker{Role: "cc"})
		if a.Kind != Definition || !strings.Contains(strings.ToLower(a.Lead), want) {
			t.Errorf("%q: kind %d, lead %q; want a definition with %q", q, a.Kind, a.Lead, want)
		}
	}
}

// TestNamedTermOrRolePay: a term the content defines, asked about beside a
// role whose article never speaks of it, gets the term's article; how much
// a named role is paid on a pay scale gets that role's pay article.
func TestNamedTermOrRolePay(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"what has the DES got to do with care coordinators":           "network-contract-des",
		"how much are health coaches paid on afc":                     "hwbc-pay",
		"how much do care coordinators get paid on agenda for change": "cc-pay",
	})
}

// TestReferralDescriptions: a person described by needs the role articles
// speak of gets that role: care pulled together or appointments missed for
// a care coordinator; work, caring or going out again for a link worker,
// even when medication or covid is part of the description.
func TestReferralDescriptions(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"man with heart failure keeps turning up at a&e, someone needs to pull his care together": "role-cc",
		"gentleman muddled by his tablets since his discharge plan changed, who can help":         "role-cc",
		"woman lost her job and wants to get back into work, who could help her":                  "role-splw",
		"an unpaid carer for her husband needs some support, who helps":                           "role-splw",
		"client hasn't left the house since covid and wants to rejoin his choir":                  "role-splw",
		"exhausted carer looking after her dad, who could support the carer":                      "role-splw",
		"man needs practical help sorting out his bills, who can help":                            "role-splw",
	})
}

// TestLocalDirectoryAsked: local groups, charities or voluntary
// organisations asked for in Gateshead, or by someone there, get the
// Gateshead local links.
func TestLocalDirectoryAsked(t *testing.T) {
	b := shippedBase(t)
	for _, tt := range []struct {
		q string
		a Asker
	}{
		{"are there community groups near me", Asker{Role: "splw", Locality: "gateshead"}},
		{"voluntary organisations in gateshead", Asker{}},
		{"local charities in gateshead", Asker{Role: "hwbc"}},
	} {
		if a := b.Answer(tt.q, tt.a); !a.Confident() || a.Entry.ID != "resource-gateshead-local" {
			t.Errorf("%q: confident %v, %v; want resource-gateshead-local", tt.q, a.Confident(), a.Entry)
		}
	}
}

// TestSupervisionClasses: why supervision matters is one article for every
// role; whether someone of a role may supervise the asker is who can
// supervise; a role's supervision asked with who or standards is still its
// supervision, not its pay; training for supervisors is not a role's.
func TestSupervisionClasses(t *testing.T) {
	b := shippedBase(t)
	for _, tt := range []struct {
		q    string
		a    Asker
		want string
	}{
		{"supervision really matters, how do i argue for it with my manager", Asker{}, "supervision-why"},
		{"can an experienced care coordinator supervise me", Asker{Role: "cc"}, "supervision-who-can-supervise"},
		{"link worker supervision, who gives it and is there a cost", Asker{Role: "splw"}, "supervision-splw"},
		{"supervision standards for care coordinators", Asker{}, "supervision-cc"},
		{"is there any training for supervisors of health coaches", Asker{}, ""},
		{"can nhs wdf money pay for my supervision course", Asker{Role: "cc"}, ""},
	} {
		a := b.Answer(tt.q, tt.a)
		got := ""
		if a.Confident() {
			got = a.Entry.ID
		}
		if got != tt.want {
			t.Errorf("%q as %+v: %q, want %q", tt.q, tt.a, got, tt.want)
		}
	}
}

// TestReferralSaidCasually: "who'd help" and "a guy" are a referral
// question, and lone working, a policy the content does not cover, gets
// not sure.
func TestReferralSaidCasually(t *testing.T) {
	b := shippedBase(t)
	if a := b.Answer("bloke who's lonely since retiring, who'd help", Asker{}); !a.Confident() || a.Entry.ID != "role-splw" {
		t.Errorf("casual referral: confident %v, %v; want role-splw", a.Confident(), a.Entry)
	}
	if a := b.Answer("lone working policy for health coaches", Asker{}); a.Confident() {
		t.Errorf("lone working: answered with %s; want not sure", a.Entry.ID)
	}
}

// TestSchemeFunds: what a named scheme's money pays for gets the article
// that names the scheme and speaks of its money, or not sure; never one
// role's pay.
func TestSchemeFunds(t *testing.T) {
	b := shippedBase(t)
	if a := b.Answer("could arrs money pay for a new care coordinator's laptop bag", Asker{Role: "cc"}); a.Confident() && a.Entry.ID == "cc-pay" {
		t.Errorf("what ARRS money pays for answered with the role's pay")
	}
	if a := b.Answer("can the arrs money pay for our health coaches", Asker{}); !a.Confident() || a.Entry.ID != "arrs-funding" && a.Entry.ID != "arrs" {
		t.Errorf("what ARRS money pays for: confident %v, %v; want the ARRS articles", a.Confident(), a.Entry)
	}
}

// TestSelfCareAndOtherRolesPay: how to look after oneself is advice the
// content does not give, though where to find someone to talk to is; and
// what a scheme pays for a role outside personalised care is not the
// article on supervising that role.
func TestSelfCareAndOtherRolesPay(t *testing.T) {
	b := shippedBase(t)
	for _, tt := range []struct {
		q    string
		a    Asker
		want string
	}{
		{"so stressed as a care coordinator, any tips for looking after myself", Asker{Role: "cc", Locality: "gateshead"}, ""},
		{"i'm overwhelmed, how do i stop taking work home", Asker{Role: "hwbc", Locality: "gateshead"}, ""},
		{"i'm overwhelmed and need someone to talk to", Asker{Role: "hwbc", Locality: "gateshead"}, "resource-gateshead-peer-support-network"},
		{"what does arrs pay for a pharmacy technician", Asker{}, ""},
	} {
		a := b.Answer(tt.q, tt.a)
		got := ""
		if a.Confident() {
			got = a.Entry.ID
		}
		if got != tt.want {
			t.Errorf("%q as %+v: %q, want %q", tt.q, tt.a, got, tt.want)
		}
	}
}

// TestNamedPeopleAndBudgets: who holds a post, and an organisation's
// budget beyond ARRS and personal health budgets, are not in the content;
// ARRS money and personal health budgets are.
func TestNamedPeopleAndBudgets(t *testing.T) {
	b := shippedBase(t)
	for _, q := range []string{
		"who is the pcn clinical director in gateshead",
		"who's the commissioner for health coaching",
		"how big is our pcn's budget for next year",
		"what does the nhs budget for primary care come to",
	} {
		if a := b.Answer(q, Asker{Role: "splw"}); a.Confident() {
			t.Errorf("%q: answered with %s; want not sure", q, a.Entry.ID)
		}
	}
	wantAnswers(t, Asker{}, map[string]string{
		"how much is the arrs budget":          "arrs-funding",
		"who can get a personal health budget": "personal-health-budgets",
	})
}
