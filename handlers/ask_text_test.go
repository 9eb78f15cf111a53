package handlers

import "testing"

func TestQuestionWords(t *testing.T) {
	for in, want := range map[string]string{
		"how often supervision":                          "how often supervision",
		"<!channel> how often supervision":               "how often supervision",
		"<@U0SAM> who supervises a coach?":               "who supervises a coach?",
		"ask <!subteam^S1|@leads> about ARRS":            "ask about ARRS",
		"is <#C123|wellbeing> the right channel":         "is wellbeing the right channel",
		"is <#C123> the right channel":                   "is the right channel",
		"what does <https://a.example/x|this guide> say": "what does this guide say",
		"read <https://a.example/x>":                     "read https://a.example/x",
		"i <3 my job, pay < band 5 > band 4":             "i <3 my job, pay < band 5 > band 4",
		"unclosed <@U0SAM":                               "unclosed <@U0SAM",
	} {
		if got := questionWords(in); got != want {
			t.Errorf("questionWords(%q) = %q, want %q", in, got, want)
		}
	}
}
