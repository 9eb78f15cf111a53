package knowledge

import (
	"slices"
	"strings"
	"testing"
)

// TestRiskTypedWithTypos: risk words typed as people type them in a hurry
// still get the safety reply first: a letter dropped, added, changed or two
// swapped, a compound split or run together, and the shorthand for an
// overdose, for killing oneself and for domestic violence.
func TestRiskTypedWithTypos(t *testing.T) {
	b := shippedBase(t)
	for _, q := range []string{
		"client is sucidal",
		"pt suicdal",
		"talking about sucide",
		"client is sucicidal",
		"she od'd last night",
		"patient took an od",
		"he took an overdoze",
		"client o.d. last night",
		"patient overdoes on paracetamol",
		"patient over dosed on her meds",
		"saftey concern about a child",
		"safegaurding concern",
		"safegarding concern",
		"safe guarding concern",
		"safe-guarding concern about a neighbour",
		"client is being abuzed",
		"abuze at home",
		"domestic violance",
		"client disclosed dv",
		"dv",
		"child neglet",
		"kill her self",
		"he wants to hurt him self",
		"kms",
		"sefl harm",
		"client is slefharming",
		"client is unconcious",
		"patient having a siezure",
		"agressive patient in reception",
		"patient collasped in the waiting room",
		"her partner is coersive",
	} {
		if a := b.Answer(q, Asker{Role: "splw"}); !a.Safety {
			t.Errorf("%q: no safety reply", q)
		}
	}
}

// TestNearMissesOfRiskWords: ordinary words a letter or two from a risk
// word get no safety reply.
func TestNearMissesOfRiskWords(t *testing.T) {
	b := shippedBase(t)
	for _, q := range []string{
		"social prescribing",
		"suited",
		"self referral",
		"can patients self refer",
		"homeless patient needs housing help",
		"struggling with my caseload",
		"im strugling with my caseload",
		"how to share data safely",
		"farming community outreach",
		"she overdoes it at the gym",
		"walks 5 kms a day",
		"patient takes omeprazole 20mg od",
		"is it hard to find a supervisor",
		"armed forces veterans support",
		"a charming group for lonely men",
		"does the abrasive manager need a stranger to mediate",
		"making the most of self care",
	} {
		if a := b.Answer(q, Asker{Role: "splw"}); a.Safety {
			t.Errorf("%q: safety reply to an ordinary question", q)
		}
	}
}

// TestRespellRisk: what a question with a misspelt risk word is read as,
// and that a question without one is read as typed.
func TestRespellRisk(t *testing.T) {
	for q, want := range map[string]string{
		"client is sucidal":        "client is suicidal",
		"safe guarding concern":    "safeguarding concern",
		"slef harm":                "self harm",
		"self harmin":              "self harming",
		"kill her self":            "kill herself",
		"she odd last night":       "she overdosed last night",
		"took an od":               "took an overdose",
		"client o d":               "client overdose",
		"kms":                      "kill myself",
		"dv":                       "domestic violence",
		"saftey":                   "safety",
		"social prescribing":       "social prescribing",
		"homeless and struggling":  "homeless and struggling",
		"self referral":            "self referral",
		"my self care plan":        "my self care plan",
		"selfcare":                 "selfcare",
		"selfharmin":               "selfharming",
		"slefharm":                 "selfharm",
		"20mg od":                  "20mg od",
		"it is odd":                "it is odd",
		"amused and charmed":       "amused and charmed",
		"safely through the farm":  "safely through the farm",
		"over does it":             "over does it",
		"overdoes it":              "overdoes it",
		"client neglet":            "client neglect",
		"strugling":                "strugling",
		"agresive":                 "aggressive",
		"overdoze":                 "overdose",
		"patient has been abuesd":  "patient has been abused",
		"the violet ranger":        "the violet ranger",
		"a warm and charming hart": "a warm and charming hart",
	} {
		if got := strings.Join(respellRisk(strings.Fields(q)), " "); got != want {
			t.Errorf("%q read as %q, want %q", q, got, want)
		}
	}
}

// setTypos are misspellings of risk words that question sets hold, typed
// as staff type: reading them as the risk word is right.
var setTypos = map[string]bool{"strngled": true, "safegaurding": true}

// TestContentWordsReadAsTyped: no word of the shipped articles and no word
// of any question set is read as a risk word it is not, so the typo
// reading raises no false alarm in what the content or the sets say.
func TestContentWordsReadAsTyped(t *testing.T) {
	b := shippedBase(t)
	words := make([]string, 0, len(b.index.freq))
	for w := range b.index.freq {
		words = append(words, w)
	}
	sets := append([]string{"questions_tune.json"}, heldBack...)
	for _, s := range freshSets {
		sets = append(sets, s.file)
	}
	for _, name := range sets {
		for _, q := range loadEval(t, name) {
			words = append(words, plainWords(q.Q)...)
		}
	}
	slices.Sort(words)
	for _, w := range slices.Compact(words) {
		if setTypos[w] {
			continue
		}
		if got := respellRisk([]string{w}); !slices.Equal(got, []string{w}) && !hasAny([]string{w}, append(riskWords, riskTopicWords...)...) {
			t.Errorf("%q read as %q", w, got)
		}
	}
}

// BenchmarkAssessRisk is the risk reading alone, typo reading included, of
// questions as people type them.
func BenchmarkAssessRisk(b *testing.B) {
	qs := make([][]string, 0, len(benchQueries)+3)
	for _, q := range append(benchQueries, "client is sucidal", "safegaurding concern about a child", "she od'd last night") {
		qs = append(qs, spellOut(trimPolite(plainWords(q))))
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		assessRisk(qs[i%len(qs)])
		i++
	}
}

// TestRiskTypoNoRespeltArticle: a risk question found through a typo gets
// the safety reply with no article picked from search's respelling of it
// ("client is sucidal" is not "client is social").
func TestRiskTypoNoRespeltArticle(t *testing.T) {
	b, err := Load(Content())
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"client is sucidal", "my client is sucidal and has a caseload worker"} {
		a := b.Answer(q, Asker{})
		if !a.Safety || a.Entry != nil {
			t.Errorf("Answer(%q) = safety %v, entry %v; want the safety reply alone", q, a.Safety, a.Entry)
		}
	}
}
