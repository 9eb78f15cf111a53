package knowledge

import (
	"strings"
	"testing"
)

// wordingCase is a question as someone types it, who asks it, and the
// articles any one of which answers it ("a|b").
type wordingCase struct {
	q, role, locality, want string
}

// checkWordings asks each case's question and fails those not answered
// confidently with one of the wanted articles.
func checkWordings(t *testing.T, cases []wordingCase) {
	t.Helper()
	b := shippedBase(t)
	for _, c := range cases {
		a := b.Answer(c.q, Asker{Role: c.role, Locality: c.locality})
		got := "not sure"
		if a.Confident() {
			got = a.Entry.ID
		}
		if !strings.Contains("|"+c.want+"|", "|"+got+"|") {
			t.Errorf("Answer(%q, role %q, %q) = %s, want %s", c.q, c.role, c.locality, got, c.want)
		}
	}
}

// TestCourtesiesAroundTheAsk: greetings, good wishes, apologies for
// asking and thanks, before or after the question, leave its answer as
// it is without them.
func TestCourtesiesAroundTheAsk(t *testing.T) {
	checkWordings(t, []wordingCase{
		{"hiya, sorry to bother you - who supervises a health coach?", "", "", "supervision-hwbc|supervision-who-can-supervise"},
		{"sorry to bother you, how often does a care coordinator need supervision?", "", "", "supervision-cc"},
		{"dear all, sorry to bother you, how often should care coordinators have supervision? much appreciated", "cc", "", "supervision-cc"},
		{"morning all, apologies if this has been asked before, but who can supervise a health coach? thanks so much", "", "", "supervision-hwbc|supervision-who-can-supervise"},
		{"Hi, I hope you are well. I have just started as a health and wellbeing coach in our PCN and I was wondering if you could tell me how often I should have supervision. Many thanks in advance.", "hwbc", "", "supervision-hwbc"},
		{"Good afternoon everyone, I hope this finds you well. Could someone please tell me what band a care coordinator is on? Kind regards", "cc", "", "cc-pay"},
		{"hey team! quick question: what's the pay for a band 4 health coach? any help would be really appreciated", "hwbc", "", "hwbc-pay"},
		{"thanks in advance - who supervises a link worker?", "", "", "supervision-splw|supervision-who-can-supervise"},
		{"I am trying to understand what a care coordinator does", "", "", "role-cc"},
	})
}

// TestPayForARoleIsItsPay: "the pay for" a role is what the role is paid,
// not what pays for it.
func TestPayForARoleIsItsPay(t *testing.T) {
	checkWordings(t, []wordingCase{
		{"what's the pay for a band 4 link worker", "splw", "london", "splw-pay"},
		{"hi! whats the starting pay for a band 4 social prescribing link worker?", "splw", "gateshead", "splw-pay"},
	})
}

// TestEnglishWordsReadAsTyped: a word typed as it is spelt is not
// corrected into another the content knows ("sorry" is not "worry"),
// unless that is one of the content's everyday words a slip of the keys
// gives a real word for ("heath coach").
func TestEnglishWordsReadAsTyped(t *testing.T) {
	b := shippedBase(t)
	for _, q := range []string{"sorry to bother, how often should a splw get supervision?", "hi sorry to trouble you, who supervises a coach"} {
		if r := b.Search(q, SearchOptions{Limit: 3}); r.DidYouMean != "" {
			t.Errorf("Search(%q).DidYouMean = %q, want none", q, r.DidYouMean)
		}
	}
	if r := b.Search("heath coach supervision", SearchOptions{Limit: 3}); !strings.Contains(r.DidYouMean, "health") {
		t.Errorf("Search(%q).DidYouMean = %q, want health", "heath coach supervision", r.DidYouMean)
	}
}

// TestShortFormsAndTypos: words cut short ("sup freq", "coord", "desc",
// "reqs", "pls") and misspelt, letters swapped or dropped, are read as
// the words meant.
func TestShortFormsAndTypos(t *testing.T) {
	checkWordings(t, []wordingCase{
		{"hwbc sup freq", "", "", "supervision-hwbc"},
		{"cc supervison freq pls", "", "", "supervision-cc"},
		{"link worker sup reqs", "", "", "supervision-splw"},
		{"health coach superviosn frequency", "", "", "supervision-hwbc"},
		{"care coordiantor role desc plz", "", "", "role-cc"},
		{"care coord pay info", "", "", "cc-pay"},
		{"link worker quals", "", "", "splw-training"},
		// Roles' names cut short or run together.
		{"how often should a lw have supervision", "", "", "supervision-splw"},
		{"what does an hwb coach do", "", "", "role-hwbc"},
		{"what band is a carecoordinator", "", "", "cc-pay"},
		{"what does linkworkers do", "", "", "role-splw"},
		{"how do i do a ref to social prescribing", "", "", "social-prescribing"},
		{"quick ref for arrs roles", "", "", "resource-quick-reference"}, // a name, not a referral
	})
}

// TestSwappedLettersCorrected: a content word typed with two letters
// swapped, and one more slip besides in a long word, is corrected to it.
func TestSwappedLettersCorrected(t *testing.T) {
	b := shippedBase(t)
	for typed, want := range map[string]string{
		"superviosn": "supervision", "coordiantor": "coordinator", "sueprvision": "supervision", "trainign": "training",
		"wokrer": "worker", "cocah": "coach", "caseolad": "caseload", "coordiantr": "coordinator",
	} {
		if got := b.Search(typed, SearchOptions{Limit: 1}).DidYouMean; got != want {
			t.Errorf("Search(%q).DidYouMean = %q, want %q", typed, got, want)
		}
	}
}

// TestEveryWayOfAskingWhatItMeans: every abbreviation the content
// defines gets its definition however its meaning is asked.
func TestEveryWayOfAskingWhatItMeans(t *testing.T) {
	b := shippedBase(t)
	ways := []string{"whats X mean", "what's X stand for", "X meaning?", "meaning of X", "X stands for", "X = ?", "X definition",
		"definition of X", "X full form", "what's the full form of X", "what does X refer to", "whats meant by X", "what's X short for",
		"what exactly is X", "what does X actually mean", "what do people mean by X", "X means?", "what dose X mean", "X abbreviation"}
	n := 0
	for _, d := range b.defs {
		if d.Means == "" {
			continue
		}
		n++
		for _, way := range ways {
			q := strings.ReplaceAll(way, "X", d.Term)
			if a := b.Answer(q, Asker{Role: "splw"}); a.Kind != Definition || a.Entry != d.entry {
				t.Errorf("Answer(%q) = kind %d, %s; want the definition from %s", q, a.Kind, entryID(a.Entry), d.entry.ID)
			}
		}
	}
	if n < 15 {
		t.Fatalf("only %d abbreviations defined", n)
	}
	// Asking something else of a term is not asking what it means.
	for _, q := range []string{"what does a link worker do", "what does a care coordinator do all day", "who do i refer to", "is a care coordinator an ARRS role"} {
		if a := b.Answer(q, Asker{Role: "splw"}); a.Kind == Definition {
			t.Errorf("Answer(%q) = a definition, want none", q)
		}
	}
}

// TestArticleAskedForByName: an article asked for by one of its names,
// word for word ("the health coaching hub", "the Gateshead new roles
// overview", "quick ref"), is that article, though other articles share
// some of the name's words.
func TestArticleAskedForByName(t *testing.T) {
	checkWordings(t, []wordingCase{
		{"where do I find the health coaching hub?", "hwbc", "", "resource-hwbc-hub"},
		{"whats the gateshead new roles overview", "hwbc", "gateshead", "resource-gateshead-new-roles-overview"},
		{"quick ref for arrs roles", "", "", "resource-quick-reference"},
		// Named, it is that article, not a choice of each role's.
		{"where do I get the supervision guidance from?", "", "", "resource-supervision-guidance"},
	})
}

// TestEverydayPhrasesAreNotCommands: "put in place" is arranging
// something, not putting a session in, and "it was" in a story is not
// asking when a session was: neither is a question about using peerbot.
func TestEverydayPhrasesAreNotCommands(t *testing.T) {
	b := shippedBase(t)
	for _, q := range []string{
		"what supervision do we need to put in place for a new care coordinator",
		"what supervision arrangements should a pcn put into place for link workers?",
		"Last month I raised a concern about a client, it was sorted quickly. Should I mention it in supervision?",
	} {
		if a := b.Answer(q, Asker{Role: "cc"}); a.Kind == Usage {
			t.Errorf("Answer(%q) = the usage reply %q, want an answer about supervision", q, a.Usage.Command+" "+a.Usage.Args)
		}
	}
	// Asked of peerbot, they still are.
	for _, q := range []string{"when did i last have supervision", "how do i put in a supervision session"} {
		if a := b.Answer(q, Asker{Role: "cc"}); a.Kind != Usage {
			t.Errorf("Answer(%q) = kind %d, want the usage reply", q, a.Kind)
		}
	}
}

// TestCourtesiesChangeNothing: wrapped in any of the courtesies people
// type, a question is answered as it is on its own.
func TestCourtesiesChangeNothing(t *testing.T) {
	b := shippedBase(t)
	asks := []string{"what does a care coordinator do", "what is ARRS", "how many patients should a link worker see", "who supervises a health coach"}
	wraps := []string{"I was just wondering X", "could you tell me X", "random one, X", "hey, hope your week is going well, X",
		"hi, new here, X", "hi team, X? thanks so much x", "sorry to bother you but X", "Hello, I hope you are keeping well. X? Many thanks",
		"X? any help would be appreciated", "good afternoon, apologies for the long message, X"}
	for _, q := range asks {
		want := b.Answer(q, Asker{})
		for _, w := range wraps {
			wq := strings.ReplaceAll(w, "X", q)
			if a := b.Answer(wq, Asker{}); a.Kind != want.Kind || a.Entry != want.Entry {
				t.Errorf("Answer(%q) = kind %d, %s; want kind %d, %s as without the courtesies", wq, a.Kind, entryID(a.Entry), want.Kind, entryID(want.Entry))
			}
		}
	}
}

// TestNoGuessBetweenRoles: a question of one of the articles each role
// has, about someone of no role, from someone of none, is not answered
// with whichever role's article ranks first by a hair.
func TestNoGuessBetweenRoles(t *testing.T) {
	b := shippedBase(t)
	for _, q := range []string{"how often should a volunteer have supervision", "how often should a receptionist have supervision"} {
		if a := b.Answer(q, Asker{}); a.Confident() && len(a.Entry.Roles) == 1 {
			t.Errorf("Answer(%q) = %s, want no one role's article", q, a.Entry.ID)
		}
	}
	checkWordings(t, []wordingCase{{"how often should a care coordinator have supervision", "", "", "supervision-cc"}})
}
