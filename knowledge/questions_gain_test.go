package knowledge

import (
	"fmt"
	"testing"
)

// TestQuestionsGain is a tool: go test -run QuestionsGain -sweep -v ./knowledge.
// It scores every question set with the articles' questions indexed and
// without them, to show what they add.
func TestQuestionsGain(t *testing.T) {
	if !*sweep {
		t.Skip("run with -sweep")
	}
	defer func() { useQuestions = true }()
	sets := append(append([]string{"questions_tune.json"}, heldBack...), "questions_fresh.json", "questions_fresh2.json")
	for _, with := range []bool{false, true} {
		useQuestions = with
		b, err := Load(Content())
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range sets {
			c := evaluate(b, loadEval(t, name))
			t.Logf("questions indexed %-5v %-26s %s", with, name, fmt.Sprint(c))
		}
	}
}
