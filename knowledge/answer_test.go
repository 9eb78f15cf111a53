package knowledge

import (
	"strings"
	"testing"
)

func TestAnswerDefinitions(t *testing.T) {
	b := shippedBase(t)
	terms := map[string]string{
		"ARRS": "arrs", "PCN": "pcn", "DES": "network-contract-des", "PCI": "resource-pci", "NASP": "resource-nasp",
		"NALW": "resource-nalw", "AfC": "agenda-for-change", "WDF": "resource-frameworks", "PCSP": "personalised-care-planning",
		"LTC": "glossary", "MDT": "glossary", "PAM": "patient-activation", "ICB": "glossary", "VCSE": "glossary",
		"HWBC": "role-hwbc", "SPLW": "role-splw", "CC": "role-cc",
	}
	frames := []string{"what does %s stand for", "what is %s", "what is a %s", "what's %s", "whats %s", "explain %s", "%s?", "%s", "define %s", "what does %s mean"}
	for term, id := range terms {
		for _, f := range frames {
			q := strings.ReplaceAll(f, "%s", term)
			for _, typed := range []string{q, strings.ToLower(q)} {
				a := b.Answer(typed, Asker{})
				if a.Kind != Definition || a.Entry.ID != id || !strings.HasPrefix(a.Lead, term+" stands for ") {
					t.Errorf("Answer(%q) = kind %d, %v, %q; want the definition from %s", typed, a.Kind, entryID(a.Entry), a.Lead, id)
				}
			}
		}
	}
	// A question that only mentions an abbreviation is not a definition.
	for _, q := range []string{"ARRS funding for link workers", "what does a PCN manager do", "PCN and ARRS"} {
		if a := b.Answer(q, Asker{}); a.Kind == Definition {
			t.Errorf("Answer(%q) = a definition of %s, want a search answer", q, entryID(a.Entry))
		}
	}
}

func entryID(e *Entry) string {
	if e == nil {
		return "nothing"
	}
	return e.ID
}

func TestAnswerForAsker(t *testing.T) {
	b := shippedBase(t)
	tests := []struct {
		q, role, locality, want string
	}{
		{"how often should I have supervision", "hwbc", "", "supervision-hwbc"},
		{"how often should I have supervision", "splw", "gateshead", "supervision-splw"},
		{"how often should I have supervision", "cc", "london", "supervision-cc"},
		{"what band am I", "hwbc", "", "hwbc-pay"},
		{"what band am I", "cc", "", "cc-pay"},
		{"what training must I do", "splw", "", "splw-training"},
		{"who supervises me", "cc", "", "supervision-cc"},
		{"what is my role", "hwbc", "", "role-hwbc"},
		// The question names a role: that role, whoever asks.
		{"how often should a link worker get supervision", "hwbc", "", "supervision-splw"},
		{"what band is a care coordinator", "splw", "", "cc-pay"},
		// The locality breaks ties and adds local resources; it never
		// pushes the national answer out.
		{"what's ARRS", "", "gateshead", "arrs"},
		{"what is a PCN", "", "london", "pcn"},
		{"what training does a link worker need", "", "gateshead", "splw-training"},
		{"what training does a link worker need", "", "london", "splw-training"},
	}
	for _, tt := range tests {
		a := b.Answer(tt.q, Asker{Role: tt.role, Locality: tt.locality})
		if !a.Confident() || a.Entry.ID != tt.want {
			t.Errorf("Answer(%q) for a %s in %q = %s (confident %v), want %s", tt.q, tt.role, tt.locality, entryID(a.Entry), a.Confident(), tt.want)
		}
	}
}

// With no role in the profile, no one role's answer is guessed.
func TestAnswerForEachRole(t *testing.T) {
	b := shippedBase(t)
	for _, q := range []string{"how often should I have supervision", "what band am I", "who supervises me", "what training must I do", "what is my role"} {
		a := b.Answer(q, Asker{Locality: "gateshead"})
		if a.Confident() || len(a.ForRoles) != 3 {
			t.Errorf("Answer(%q) with no role = %s, %d roles to choose from; want not sure and 3", q, entryID(a.Entry), len(a.ForRoles))
		}
	}
}

func TestAnswerLocalBeside(t *testing.T) {
	b := shippedBase(t)
	a := b.Answer("supervision standards", Asker{Role: "splw", Locality: "gateshead"})
	if !a.Confident() {
		t.Fatal("not confident")
	}
	for _, e := range a.Local {
		if e.Locality != "gateshead" || e == a.Entry {
			t.Errorf("local beside the answer: %s of %s, want Gateshead's only, not the answer", e.ID, e.Locality)
		}
	}
}

func TestAnswerReferral(t *testing.T) {
	b := shippedBase(t)
	tests := []struct{ q, want string }{
		{"an isolated older man who has stopped going out, who should I refer him to", "role-splw"},
		{"someone with COPD who wants to get more active", "role-hwbc"},
		{"patient confused by hospital letters and appointments", "role-cc"},
		{"someone who would enjoy a walking group or an art class", "role-splw"},
		{"who can help a patient with money and housing worries", "role-splw"},
		{"who supports people in care homes", "role-cc"},
	}
	for _, tt := range tests {
		a := b.Answer(tt.q, Asker{})
		if a.Kind != WhoToRefer || a.Entry.ID != tt.want || a.Lead == "" {
			t.Errorf("Answer(%q) = kind %d, %s, %q; want who to refer to: %s, and why", tt.q, a.Kind, entryID(a.Entry), a.Lead, tt.want)
		}
	}
}

func TestAnswerSafetyAndOffTopic(t *testing.T) {
	b := shippedBase(t)
	for _, q := range []string{
		"my patient is suicidal what do I do", "client is self-harming", "I think she is being abused",
		"domestic violence disclosed", "safeguarding concern", "patient collapsed in the waiting room", "he says he wants to kill himself",
		// Suicide said without the word, as people say it.
		"i dont want to be here anymore", "my client says she doesn't want to be here", "he told me he can't go on",
		"patient says everyone would be better off without me", "she said there's nothing to live for",
	} {
		if a := b.Answer(q, Asker{}); !a.Safety {
			t.Errorf("Answer(%q): no safety reply", q)
		}
	}
	for _, q := range []string{
		"what is the minimum wage", "how do I book annual leave", "I forgot my password", "paracetamol dose",
		"what's the weather like", "how much sick pay do I get", "how do I change my bank details for my pay",
	} {
		a := b.Answer(q, Asker{Role: "cc"})
		if a.Confident() || a.Safety {
			t.Errorf("Answer(%q) = %s (safety %v), want not sure", q, entryID(a.Entry), a.Safety)
		}
	}
}

// Everyday words near the risk phrases do not raise the safety reply.
func TestAnswerNoFalseSafety(t *testing.T) {
	b := shippedBase(t)
	for _, q := range []string{"i want to be here on time for the network meeting", "can i go on the coaching course", "is it safe to share my screen"} {
		if a := b.Answer(q, Asker{}); a.Safety {
			t.Errorf("Answer(%q): a safety reply for a question about no risk", q)
		}
	}
}

func TestKnows(t *testing.T) {
	b := shippedBase(t)
	for term, want := range map[string]bool{
		"supervis": true, "coach": true, "john": false, "smith": false, "9434765919": false, "943": false, "": false, "~pcn": false,
	} {
		if got := b.Knows(term); got != want {
			t.Errorf("Knows(%q) = %v, want %v", term, got, want)
		}
	}
}

// FuzzAnswer: any text, from anyone, gets an answer without a panic, and a
// confident answer always has an article with a source.
func FuzzAnswer(f *testing.F) {
	for _, q := range append(benchQueries, "", "?", "what is", "what does stand for", "spl w", "a b c d e", "my", "\xff\xfe", "ARRS ARRS ARRS?") {
		f.Add(q, "splw", "gateshead")
	}
	b := shippedBase(f)
	f.Fuzz(func(t *testing.T, q, role, locality string) {
		a := b.Answer(q, Asker{Role: role, Locality: locality})
		if a.Confident() && (a.Entry == nil || !sourced(a.Entry)) {
			t.Errorf("Answer(%q) is confident without a sourced article", q)
		}
		if a.Kind != NotSure && a.Entry == nil {
			t.Errorf("Answer(%q) = kind %d with no article", q, a.Kind)
		}
	})
}
