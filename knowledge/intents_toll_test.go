package knowledge

import "testing"

// TestWorkTollIsSupervision: a worker asking for support with the toll of
// the work (a hard case, a patient's death, work that drains them) gets
// their role's supervision; a patient's loss and who can help them, a
// supervisee's toll, self-care advice and the caseload are not this.
func TestWorkTollIsSupervision(t *testing.T) {
	b := shippedBase(t)
	for _, tc := range []struct {
		q, role, want string
	}{
		{"I had a tough case this week and keep going over it, can I get some support?", "cc", "supervision-cc"},
		{"the job is emotionally draining, where do I get support as a coach", "hwbc", "supervision-hwbc"},
		{"a patient died last week and it's getting to me, can I talk to someone", "splw", "supervision-splw"},
		{"one of our clients died by suicide last year and I still think about it, is there support", "splw", "supervision-splw"},
	} {
		a := b.Answer(tc.q, Asker{Role: tc.role})
		if !a.Confident() || a.Entry.ID != tc.want {
			t.Errorf("%q (%s): got %s (confident %v), want %s", tc.q, tc.role, entryID(a.Entry), a.Confident(), tc.want)
		}
	}
	for _, q := range []string{
		"I have a patient who is very lonely since his wife died, who can help?",
		"my supervisee is struggling emotionally after a difficult case, where is the guidance",
		"how do I look after myself after a difficult case?",
		"my caseload is emotionally draining, is that normal",
	} {
		if workToll(mustWords(q)) {
			t.Errorf("%q: read as the work's toll on the asker", q)
		}
	}
}

func mustWords(q string) []string {
	w, _ := readQuestion(q)
	return w
}

// TestFeelingsWithoutI: how the work feels, said without "I" or asking
// for anything, is asking for support.
func TestFeelingsWithoutI(t *testing.T) {
	b := shippedBase(t)
	for _, tc := range []struct{ q, role, want string }{
		{"feeling really burnt out in this job, any support?", "cc", "supervision-cc"},
		{"i find the emotional side of coaching really draining", "hwbc", "supervision-hwbc"},
		{"out of my depth as a new link worker", "splw", "supervision-splw"},
	} {
		a := b.Answer(tc.q, Asker{Role: tc.role})
		if !a.Confident() || a.Entry.ID != tc.want {
			t.Errorf("%q (%s): got %s (confident %v), want %s", tc.q, tc.role, entryID(a.Entry), a.Confident(), tc.want)
		}
	}
	if workToll(mustWords("my client's husband died by suicide years ago and she'd like to join a bereavement group")) {
		t.Error("a client's bereavement read as the work's toll on the asker")
	}
}
