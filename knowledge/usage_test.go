package knowledge

import "testing"

// Questions about using peerbot get the command that does it; questions
// that only share a word with one (log in, leave, record, you) do not.
func TestUsageQuestions(t *testing.T) {
	b := shippedBase(t)
	tests := []struct{ q, want string }{
		{"how do i log a supervision session", "supervision log"},
		{"how do I record my supervision", "supervision log"},
		{"i logged the wrong session", "supervision undo"},
		{"how do i change my role in my profile", "supervision setup"},
		{"update my locality", "supervision setup"},
		{"pause my reminders while i'm on annual leave", "supervision leave"},
		{"stop the reminders", "supervision remind"},
		{"snooze", "supervision snooze"},
		{"how do i see which of my team are overdue supervision", "supervision team"},
		{"when is my next supervision due", "supervision status"},
		{"what data do you hold about me", "my-data"},
		{"delete my data", "forget-me"},
		{"can I post a question anonymously", "ask"},
		{"what can this bot do", ""},
		{"what commands are there", ""},
		{"how do i get my supervisor to confirm a session", "supervision log"},
		{"how do i stop getting messages from you", "supervision remind"},
		{"how do i tell you who my supervisor is", "supervision setup"},
		{"what can you do", ""},
		{"please wipe all my details from the bot", "forget-me"},
		{"can you remove whatever you hold on me", "forget-me"},
		{"download the overdue supervision report as a spreadsheet", "admin report csv"},
		{"export supervision reports to excel", "admin report csv"},
		{"who runs this network", ""},
		// Data rights and the admin report, worded as people ask them.
		{"can i get a copy of the information peerbot keeps on me", "my-data"},
		{"what personal details has the bot stored about me", "my-data"},
		{"how do i view the records you have on me", "my-data"},
		{"where's the admin report", "admin report"},
		{"what data do you store", "my-data"},
		{"how do i let the bot know i had supervision today", "supervision log"},
		// Saying it happened, as people tell a colleague, asks to log it.
		{"i had supervision yesterday", "supervision log"},
		{"I had my supervision on Tuesday", "supervision log"},
		{"ive had clinical supervision today", "supervision log"},
		{"am i up to date", "supervision status"},
		{"ive moved to a different pcn", "supervision setup"},
		{"can i export the report", "admin report csv"},
		{"what information does peerbot collect", "my-data"},
		{"i need the report of which link workers are behind with supervision", "admin report"},
		// Asked of oneself alone, as people say it.
		{"delete me", "forget-me"},
		{"please erase me from peerbot", "forget-me"},
		{"export my data", "my-data"},
		{"can i export everything you have on me", "my-data"},
	}
	for _, tt := range tests {
		a := b.Answer(tt.q, Asker{})
		got := a.Usage.Command
		if a.Usage.Args != "" {
			got += " " + a.Usage.Args
		}
		if a.Kind != Usage || got != tt.want || a.Confident() {
			t.Errorf("%q: kind %d, command %q, confident %v; want the usage reply %q", tt.q, a.Kind, got, a.Confident(), tt.want)
		}
	}
	for _, q := range []string{
		"how do i record social prescribing on the system",
		"how do I book annual leave",
		"why do link workers leave without supervision",
		"what can you tell me about ARRS",
		"i can't log in to my laptop",
		"what should i cover in a supervision session with a hwbc",
		"how often should i get supervision",
		"my supervisor keeps cancelling what do i do",
		"how do i add a meeting to my calendar",
		"where can i download the annual report on social prescribing",
		"how do i remove a patient from my caseload",
		"what does the cqc report say about care coordinators",
		"what information should i keep on a patient",
		"what information do you hold on social prescribing",
		"we are a new pcn, can we use arrs",
		"where can i download the annual report",
		"how do i report a concern about a colleague",
		"I had supervision on monday, how often should I have it?",
	} {
		if a := b.Answer(q, Asker{Role: "splw"}); a.Kind == Usage {
			t.Errorf("%q: answered as a usage question (%s %s)", q, a.Usage.Command, a.Usage.Args)
		}
	}
}

// TestCommandNamed: a question naming one of peerbot's commands, with its
// slash or as a command, is told what that command does, not given an
// article; a slash between two words is no command.
func TestCommandNamed(t *testing.T) {
	b := shippedBase(t)
	for q, want := range map[string]string{
		"how do i use /roles":                   "roles",
		"is /supervision just for link workers": "supervision",
		"what is the resources command for":     "resources",
		"/forget-me what happens after":         "forget-me",
	} {
		if a := b.Answer(q, Asker{}); a.Kind != Usage || a.Usage.Command != want || a.Confident() {
			t.Errorf("%q: kind %d, command %q; want the usage reply for %q", q, a.Kind, a.Usage.Command, want)
		}
	}
	for _, q := range []string{"link worker/coach difference", "training/resources for coaches in gateshead"} {
		if a := b.Answer(q, Asker{}); a.Kind == Usage {
			t.Errorf("%q: answered as a question about a command (%s)", q, a.Usage.Command)
		}
	}
}

// TestUsageSet23: a log typed into /ask, a dispute, and what a supervisor
// sees are answered with the command that does it.
func TestUsageSet23(t *testing.T) {
	b := shippedBase(t)
	for q, want := range map[string]string{
		"log today 45 mins with my supervisor":                             "supervision log",
		"my supervisor logged a session that never happened, what do I do": "supervision confirm",
		"can my supervisor see everything about me":                        "supervision status",
	} {
		a := b.Answer(q, Asker{Role: "hwbc"})
		if got := a.Usage.Command + " " + a.Usage.Args; a.Kind != Usage || got != want {
			t.Errorf("%q: kind %v, command %q, want %q", q, a.Kind, got, want)
		}
	}
}

// TestUsageReviewDue: which articles are due for review is the admins'
// feedback command.
func TestUsageReviewDue(t *testing.T) {
	b := shippedBase(t)
	a := b.Answer("admin here, which articles are out of date and need reviewing", Asker{})
	if got := a.Usage.Command + " " + a.Usage.Args; a.Kind != Usage || got != "admin feedback" {
		t.Errorf("kind %v, command %q, want admin feedback", a.Kind, got)
	}
}
