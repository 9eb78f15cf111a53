package main

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"
)

// TestConsoleSupervisionWordsAlone types supervision's words as people
// type them to the bot in a direct message, without "supervision" first:
// each runs the supervision command it names, while a question that starts
// with one of them is still answered as a question.
func TestConsoleSupervisionWordsAlone(t *testing.T) {
	clearConfigEnv(t)
	commands := []struct{ line, want string }{
		{"/peer clock 2026-12-01T12:00:00Z", "The clock now reads"},
		{"supervision setup role=splw pcn=Central", "Saved your supervision profile"},
		{"log yesterday 1h", "Logged: a clinical session"},
		{"history", "Your supervision history"},
		{"status", "Your supervision\n"},
		{"confirm", "Nothing is waiting for your answer"},
		{"leave 7 Dec to 11 Dec", "Saved your leave"},
		{"back 9 Dec", "Your leave now ends on Tue 8 Dec 2026"},
		{"remind off", "Reminders are off"},
		{"undo", "I've taken back a clinical session"},
		{"log 29 Nov 1h please", "Logged: a clinical session on Sun 29 Nov 2026"},
		{"please log 28 Nov 45 mins.", "Logged: a clinical session on Sat 28 Nov 2026, 45 minutes"},
		{"can you log 27 Nov 1h thank you", "Logged: a clinical session on Fri 27 Nov 2026"},
		{"history thanks!", "Your last 3 sessions"},
	}
	var in strings.Builder
	for _, l := range commands {
		in.WriteString(l.line + "\n")
	}
	got := consoleOutput(t, in.String())
	for _, l := range commands {
		if !strings.Contains(got, l.want) {
			t.Errorf("%q: no %q in the console's answers:\n%s", l.line, l.want, got)
		}
	}
	for _, q := range []string{"not sure I know that one", "The nearest I have"} {
		if strings.Contains(got, q) {
			t.Errorf("a supervision word was taken for a question (%q):\n%s", q, got)
		}
	}

	// Questions that start with one of the words are questions still.
	asked := consoleOutput(t, "supervision setup role=splw\nhistory of social prescribing\nremind me what a link worker does\nhow do I log in\nlog in\n")
	for _, not := range []string{"Your supervision history", "Reminders: on", "Logged:", "I didn't understand"} {
		if strings.Contains(asked, not) {
			t.Errorf("a question ran a command (%q):\n%s", not, asked)
		}
	}
}

func consoleOutput(t *testing.T, in string) string {
	t.Helper()
	var out bytes.Buffer
	if err := run(context.Background(), nil, strings.NewReader(in), &out, io.Discard, nil); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// TestConsoleLeaveInEverydayWords: leave said as people say it in a direct
// message ("going on leave next week") is saved as leave, with the dates
// read back, while a question about leave is still answered as a question.
func TestConsoleLeaveInEverydayWords(t *testing.T) {
	clearConfigEnv(t)
	const start = "/peer clock 2026-12-01T12:00:00Z\nsupervision setup role=splw pcn=Central\n"
	tests := []struct{ line, want string }{
		{"going on leave next week", "Saved your leave: Mon 7 Dec 2026 to Sun 13 Dec 2026"},
		{"I'm off on annual leave from Monday for two weeks", "Saved your leave: Mon 7 Dec 2026 to Sun 20 Dec 2026"},
		{"on leave 8-19 Dec", "Saved your leave: Tue 8 Dec 2026 to Sat 19 Dec 2026"},
		{"I'll be on annual leave 21 Dec to 3 Jan.", "Saved your leave: Mon 21 Dec 2026 to Sun 3 Jan 2027"},
		{"I am on holiday from 14 Dec until 18 Dec", "Saved your leave: Mon 14 Dec 2026 to Fri 18 Dec 2026"},
		{"taking leave 10 Dec", "Saved your leave: Thu 10 Dec 2026."},
		{"I'm off next week", "Saved your leave: Mon 7 Dec 2026 to Sun 13 Dec 2026"},
		{"i'll be away 14-18 dec", "Saved your leave: Mon 14 Dec 2026 to Fri 18 Dec 2026"},
		// Leave told without dates it can read shows how to type them.
		{"I'm going on leave", "/supervision leave <first day> <last day>"},
		{"I'm on holiday soonish", "I couldn't read \"soonish\" as dates of leave"},
		{"leave 7 Dec to 9 Dec\nmy leave", "To take one back"},
	}
	for _, tt := range tests {
		if got := consoleOutput(t, start+tt.line+"\n"); !strings.Contains(got, tt.want) {
			t.Errorf("%q: no %q in the console's answers:\n%s", tt.line, tt.want, got)
		}
	}
	for _, q := range []string{
		"what happens to my supervision when I'm on leave next week?",
		"can I take leave next week",
		"on leave next week who supervises me?",
		"annual leave policy",
		"study leave for link workers",
		"I'm off to a conference next week",
		"off sick",
		"im away with the fairies today lol",
	} {
		if got := consoleOutput(t, start+q+"\n"); strings.Contains(got, "Saved your leave") || strings.Contains(got, "as dates of leave") {
			t.Errorf("the question %q was read as leave:\n%s", q, got)
		}
	}
}

// TestConsoleBackFromLeaveInWords: coming back early, told in a direct
// message as people say it ("back tomorrow", "leave end 5 Dec"), ends the
// leave instead of being answered as a question.
func TestConsoleBackFromLeaveInWords(t *testing.T) {
	clearConfigEnv(t)
	const start = "/peer clock 2026-12-01T12:00:00Z\nsupervision setup role=splw pcn=Central\nleave 1 Dec to 18 Dec\n"
	tests := []struct{ line, want string }{
		{"back tomorrow", "Your leave now ends on Tue 1 Dec 2026"},
		{"back monday", "Your leave now ends on Sun 6 Dec 2026"},
		{"leave end 5 Dec", "Your leave now ends on Sat 5 Dec 2026"},
		{"leave back 10 Dec", "Your leave now ends on Wed 9 Dec 2026"},
		{"I'm back tomorrow", "Your leave now ends on Tue 1 Dec 2026"},
		{"I am back on 7 Dec", "Your leave now ends on Sun 6 Dec 2026"},
	}
	for _, tt := range tests {
		got := consoleOutput(t, start+tt.line+"\n")
		if !strings.Contains(got, tt.want) || strings.Contains(got, "The nearest I have") {
			t.Errorf("%q: want %q, got:\n%s", tt.line, tt.want, got)
		}
	}
}

// TestConsoleLeaveForHowLongFirst: leave told with how long it lasts
// before when it starts ("going on leave for a fortnight from next
// Monday") is saved, as "from next Monday for a fortnight" is.
func TestConsoleLeaveForHowLongFirst(t *testing.T) {
	clearConfigEnv(t)
	const start = "/peer clock 2027-01-05T10:00:00Z\nsupervision setup role=splw pcn=Central\n"
	for _, line := range []string{
		"going on leave for a fortnight from next Monday",
		"I'm off on annual leave for two weeks from Monday",
		"supervision leave for 14 days from 11 Jan",
	} {
		got := consoleOutput(t, start+line+"\n")
		if !strings.Contains(got, "Saved your leave: Mon 11 Jan 2027 to Sun 24 Jan 2027") {
			t.Errorf("%q: want leave Mon 11 Jan 2027 to Sun 24 Jan 2027 saved, got:\n%s", line, got)
		}
	}
}

// TestConsoleYesOrNoTyped: a supervisor asked "Is that right?" who types
// their answer in the direct message ("yes", "that's not right") is shown
// the sessions waiting for them with the buttons that answer, instead of
// an article picked for the words; nothing is confirmed by a bare "yes".
// Someone with nothing waiting is told so, and where to answer instead.
func TestConsoleYesOrNoTyped(t *testing.T) {
	clearConfigEnv(t)
	const start = "/peer clock 2026-12-03T10:00:00Z\nsupervision setup role=splw pcn=Central supervisor=@U0SUP\nlog yesterday with my supervisor 1h\n"
	for _, line := range []string{"yes", "Yes, that's right!", "yep thanks", "no", "that's not right", "No that's wrong"} {
		got := consoleOutput(t, start+"as @U0SUP "+line+"\nhistory\n")
		_, answer, _ := strings.Cut(got, "Confirm: type as @U0SUP")
		for _, want := range []string{"press Confirm or Not right", "@UCONSOLE logged with you: a clinical session on Wed 2 Dec 2026, 60 minutes", "Confirm 2 Dec clinical", "awaiting confirmation"} {
			if !strings.Contains(answer, want) {
				t.Errorf("%q: no %q in the answer:\n%s", line, want, answer)
			}
		}
		if strings.Contains(answer, "The nearest I have") || strings.Contains(answer, "You've confirmed") {
			t.Errorf("%q was answered as a question, or confirmed a session:\n%s", line, answer)
		}
	}
	got := consoleOutput(t, "as @U0NOBODY yes\n")
	if !strings.Contains(got, "I can't tell what that answers") || strings.Contains(got, "The nearest I have") {
		t.Errorf("a yes with nothing waiting was not told so:\n%s", got)
	}
}

// TestConsoleReminderAnswersTyped: what people type back to a reminder,
// its buttons' words ("logged it", "skip this one") or "stop", does what
// the button or setting does, instead of being answered as a question.
func TestConsoleReminderAnswersTyped(t *testing.T) {
	clearConfigEnv(t)
	const start = "/peer clock 2026-12-03T10:00:00Z\nsupervision setup role=splw pcn=Central\n"
	tests := []struct{ line, want string }{
		{"logged it", "To log a session, type the date, the type, who it was with and the minutes"},
		{"Done.", "To log a session, type the date"},
		{"skip this one", "Skipped. Your next reminder comes on"},
		{"stop", "Reminders are off."},
		{"Turn off reminders please", "Reminders are off."},
		{"unsubscribe", "Reminders are off."},
	}
	for _, tt := range tests {
		got := consoleOutput(t, start+tt.line+"\n")
		if !strings.Contains(got, tt.want) || strings.Contains(got, "I'm not sure I know that one") || strings.Contains(got, "The nearest I have") {
			t.Errorf("%q: want %q, got:\n%s", tt.line, tt.want, got)
		}
	}
}

// TestConsoleMyRecordNamed: a person's record named as theirs in a direct
// message ("my history", "my team") shows it, instead of an article that
// shares a word with it; "undo that" undoes, as "undo" does.
func TestConsoleMyRecordNamed(t *testing.T) {
	clearConfigEnv(t)
	const start = "/peer clock 2026-12-03T10:00:00Z\nsupervision setup role=splw pcn=Central\nlog 1 Dec 1h\n"
	tests := []struct{ line, want string }{
		{"my history", "Your supervision history"},
		{"My sessions.", "Your supervision history"},
		{"my team", "Nobody has named you as their supervisor yet"},
		{"my status", "Your supervision\n"},
		{"my reminders", "First reminder: 3 days before the due day"},
		{"undo that", "I've taken back a clinical session on Tue 1 Dec 2026"},
		{"undo last one", "I've taken back a clinical session on Tue 1 Dec 2026"},
	}
	for _, tt := range tests {
		got := consoleOutput(t, start+tt.line+"\n")
		if !strings.Contains(got, tt.want) || strings.Contains(got, "The nearest I have") || strings.Contains(got, "What it is") {
			t.Errorf("%q: want %q, got:\n%s", tt.line, tt.want, got)
		}
	}
}

// TestConsolePeerSlip: a slip for a command typed after /peer at the
// console ("/peer rols") is answered as Slack answers it, with the command
// meant, as the slip alone ("rols") is; not as a question.
func TestConsolePeerSlip(t *testing.T) {
	clearConfigEnv(t)
	for _, line := range []string{"/peer rols", "peer rols", "rols"} {
		got := consoleOutput(t, line+"\n")
		if !strings.Contains(got, "Did you mean /roles?") || strings.Contains(got, "The nearest I have") {
			t.Errorf("%q was not answered with the command meant:\n%s", line, got)
		}
	}
}

// TestConsoleTeamWithADisputedSession: a supervisee whose only session
// their supervisor marked as not right is shown in the team view as
// having nothing that counts, not as having logged nothing.
func TestConsoleTeamWithADisputedSession(t *testing.T) {
	clearConfigEnv(t)
	got := consoleOutput(t, "/peer clock 2026-12-03T10:00:00Z\nsupervision setup role=splw pcn=Central supervisor=@U0SUP\n"+
		"log yesterday with my supervisor 1h\nas @U0SUP /supervision dispute yesterday: wrong day\nas @U0SUP /supervision team\n")
	if !strings.Contains(got, "@UCONSOLE (SPLW) · nothing logged that counts") || strings.Contains(got, "no sessions logged") {
		t.Errorf("the team view says the supervisee logged nothing:\n%s", got)
	}
}
