package knowledge

import "testing"

// TestRiskAskedAsAQuestionOfDespair: a question someone asked out of
// despair or intent, reported as "she asked ...", reads like a question
// about a term once "she asked" is dropped, and still gets the safety
// reply; questions about a term do not.
func TestRiskAskedAsAQuestionOfDespair(t *testing.T) {
	b := shippedBase(t)
	wantSafetyReply(t, b, []string{
		"he asked me what's the point of living any more",
		"she wanted to know what a fatal amount of insulin is",
		"he asked what happens if you swallow 30 co-codamol",
		"she asked how much paracetamol is too much",
		"he asked me what the quickest way to die is",
	})
	wantNoSafetyReply(t, b, []string{
		"what is a welfare check",
		"what is cuckooing",
		"how much paracetamol can a patient take",
	})
}
