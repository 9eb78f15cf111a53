package knowledge

import "testing"

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
