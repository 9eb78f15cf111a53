package knowledge

import "testing"

// TestAskAfterPreamble: an apology for asking, or who wanted to know,
// before the question does not change its answer.
func TestAskAfterPreamble(t *testing.T) {
	b := shippedBase(t)
	for q, want := range map[string]string{
		"Hey, sorry if this is obvious, but what is a care coordinator?":          "role-cc",
		"this might be a silly question but what does a link worker do":           "role-splw",
		"apologies for the basic question, but what is a health coach?":           "role-hwbc",
		"Hiya, my manager asked me what an HWBC is for, can you explain?":         "role-hwbc",
		"a GP at my practice asked me what a social prescribing link worker does": "role-splw",
		"my practice manager wants to know what a care coordinator does":          "role-cc",
	} {
		if a := b.Answer(q, Asker{}); !a.Confident() || a.Entry.ID != want {
			t.Errorf("%q: got %s (confident %v), want %s", q, entryID(a.Entry), a.Confident(), want)
		}
	}
	// The ask before a reported one stays the ask.
	if got := dropPreamble([]string{"what", "do", "i", "say", "when", "a", "patient", "asked", "me", "how", "long"}); len(got) != 11 {
		t.Errorf("dropPreamble cut an ask that came first: %v", got)
	}
}

// TestWhatIsASynonym: "what is X", where X is word for word a synonym of
// one article, is that article.
func TestWhatIsASynonym(t *testing.T) {
	b := shippedBase(t)
	for q, want := range map[string]string{
		"what is group supervision":        "supervision-kinds",
		"what's peer supervision":          "supervision-kinds",
		"what is educational supervision?": "supervision-kinds",
	} {
		if a := b.Answer(q, Asker{Role: "hwbc"}); !a.Confident() || a.Entry.ID != want {
			t.Errorf("%q: got %s (confident %v), want %s", q, entryID(a.Entry), a.Confident(), want)
		}
	}
}
