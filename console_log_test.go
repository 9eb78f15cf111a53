package main

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestConsoleLogOlderThanRetentionRefused: a session dated further back
// than RETENTION_MONTHS would be removed by the next night's retention
// job, so it is refused when logged, saying why, instead of being
// confirmed as logged and then lost.
func TestConsoleLogOlderThanRetentionRefused(t *testing.T) {
	clearConfigEnv(t)
	t.Setenv("RETENTION_MONTHS", "12")
	got := consoleOutput(t, "/peer clock 2026-12-01T12:00:00Z\nsupervision setup role=splw pcn=Central\n"+
		"log 1 Dec 2025 1h\nlog 20/11/2024 group 90 mins\nlog 2 Dec 2025 45 mins\nhistory\n")
	for _, want := range []string{
		"Mon 1 Dec 2025 is 12 months ago or more",
		"Wed 20 Nov 2024 is 12 months ago or more",
		"Logged: a clinical session on Tue 2 Dec 2025, 45 minutes",
		"Your last session.",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in the console's answers:\n%s", want, got)
		}
	}
	for _, not := range []string{"on Mon 1 Dec 2025, 60 minutes", "on Wed 20 Nov 2024"} {
		if strings.Contains(got, "Logged: a clinical session "+not) || strings.Contains(got, "Logged: a group session "+not) {
			t.Errorf("a session older than the retention period was logged (%q):\n%s", not, got)
		}
	}
}

// TestConsoleSupervisionToldInWords: a session told in a direct message as
// people tell it ("had supervision with my supervisor yesterday for an
// hour") is logged, with what was read said back, as "log yesterday 1h"
// is; "sup" reads as supervision in a log; and talk about supervision that
// is not a session to log is answered as a question still.
func TestConsoleSupervisionToldInWords(t *testing.T) {
	clearConfigEnv(t)
	const start = "/peer clock 2026-12-02T12:00:00Z\nsupervision setup role=splw pcn=Central supervisor=@U0SUP\n"
	tests := []struct{ line, want string }{
		{"had supervision with my supervisor yesterday for an hour", "Logged: a clinical session on Tue 1 Dec 2026, 60 minutes, with @U0SUP"},
		{"I had group supervision last Tuesday, 90 mins", "Logged: a group session on Tue 1 Dec 2026, 90 minutes"},
		{"I've just had a supervision session today with my supervisor", "Logged: a clinical session on Wed 2 Dec 2026, with @U0SUP"},
		{"log 45 mins group sup last tuesday", "Logged: a group session on Tue 1 Dec 2026, 45 minutes"},
		{"supervision log 30 Nov peer sup 1h", "Logged: a peer session on Mon 30 Nov 2026, 60 minutes"},
	}
	for _, tt := range tests {
		got := consoleOutput(t, start+tt.line+"\n")
		if !strings.Contains(got, tt.want) || strings.Contains(got, "The nearest I have") {
			t.Errorf("%q: want %q, got:\n%s", tt.line, tt.want, got)
		}
	}
	for _, q := range []string{
		"had supervision yesterday but my supervisor was late, is that ok",
		"I had supervision yesterday?",
		"had supervision",
		"I had a hard day yesterday",
	} {
		if got := consoleOutput(t, start+q+"\n"); strings.Contains(got, "Logged:") {
			t.Errorf("%q was logged as a session:\n%s", q, got)
		}
	}
}

// TestConsoleSnoozeWithoutProfile: someone with no profile who snoozes is
// told to set one up, not that their reminders are off (they have none
// to turn on, and "remind on" would send them to set up anyway).
func TestConsoleSnoozeWithoutProfile(t *testing.T) {
	clearConfigEnv(t)
	got := consoleOutput(t, "/supervision snooze 7\n")
	if !strings.Contains(got, "Reminders follow your supervision profile, and you haven't set one up yet") ||
		!strings.Contains(got, "/supervision setup") || strings.Contains(got, "Your reminders are off") {
		t.Errorf("a snooze with no profile was not guided to set one up:\n%s", got)
	}
}

// TestConsoleLogTwoDigitYearAsked: "log 30 Nov 25" may mean 30 Nov 2025
// (as "30/11/25" does) or 25 minutes on the last 30 Nov: it is asked
// about, with nothing logged, instead of logged as the minutes of a
// session in the wrong year. A length with a unit, or a number no year
// since 2019 could be, is logged as before.
func TestConsoleLogTwoDigitYearAsked(t *testing.T) {
	clearConfigEnv(t)
	const start = "/peer clock 2026-12-03T10:00:00Z\nsupervision setup role=splw pcn=Central\n"
	asked := consoleOutput(t, start+"log 30 Nov 25\nlog 1 Dec 26 group\nhistory\n")
	for _, want := range []string{
		"Is 25 the year or the minutes?", "30 Nov 2025", "25 mins",
		"Is 26 the year or the minutes?", "You haven't logged any sessions yet",
	} {
		if !strings.Contains(asked, want) {
			t.Errorf("no %q in the console's answers:\n%s", want, asked)
		}
	}
	logged := consoleOutput(t, start+"log 30 Nov 25 mins\nlog 1 Dec 45\nlog 2 Dec 2025 1h\nlog 30/11/25 1h\n")
	for _, want := range []string{
		"Logged: a clinical session on Mon 30 Nov 2026, 25 minutes",
		"Logged: a clinical session on Tue 1 Dec 2026, 45 minutes",
		"Logged: a clinical session on Tue 2 Dec 2025, 60 minutes",
		"Logged: a clinical session on Sun 30 Nov 2025, 60 minutes",
	} {
		if !strings.Contains(logged, want) {
			t.Errorf("no %q in the console's answers:\n%s", want, logged)
		}
	}
}

// TestConsoleStatusWithOnlyADisputedSession: a person whose only session
// was marked as not right is shown it in their status, as not counting,
// instead of being told nothing was logged (as if their log were lost).
func TestConsoleStatusWithOnlyADisputedSession(t *testing.T) {
	clearConfigEnv(t)
	got := consoleOutput(t, "/peer clock 2026-12-03T10:00:00Z\nsupervision setup role=splw pcn=Central supervisor=@U0SUP\n"+
		"log yesterday with my supervisor 1h\nas @U0SUP /supervision dispute yesterday: wrong day\n/supervision\n")
	_, status, _ := strings.Cut(got, "Your supervision\n================")
	for _, want := range []string{
		"No clinical supervision that counts yet",
		"Last session: Wed 2 Dec 2026 · clinical · 60 min · with @U0SUP · disputed: \"wrong day\" (so it doesn't count)",
	} {
		if !strings.Contains(status, want) {
			t.Errorf("no %q in the status:\n%s", want, status)
		}
	}
	if strings.Contains(status, "None logged yet") || strings.Contains(status, "logged yet.") {
		t.Errorf("the status says nothing was logged, beside a disputed session:\n%s", status)
	}
}

// TestConsoleRemindAsPeopleSayIt: reminder settings typed as people say
// them ("every friday", "fridays at 10am", "a week before", "off please")
// change the setting, as "on friday", "at 10:00" and "days-before 7" do;
// "days-before" with no number says what to give.
func TestConsoleRemindAsPeopleSayIt(t *testing.T) {
	clearConfigEnv(t)
	const start = "/peer clock 2026-12-03T10:00:00Z\nsupervision setup role=splw pcn=Central\n"
	tests := []struct{ line, want string }{
		{"/supervision remind every friday", "While overdue: Every Friday"},
		{"/supervision remind fridays at 10am", "Time: 10:00 (Europe/London)\n  While overdue: Every Friday"},
		{"/supervision remind on thursday at 8.30", "Time: 08:30 (Europe/London)\n  While overdue: Every Thursday"},
		{"/supervision remind a week before", "First reminder: 7 days before the due day"},
		{"/supervision remind 2 weeks before", "First reminder: 14 days before the due day"},
		{"/supervision remind off please", "Reminders are off."},
		{"/supervision remind days-before", "Say how many days before, from 0 to 14"},
		{"/supervision remind saturday at 9am", "Saturday is a weekend day, so I won't send reminders then"},
	}
	for _, tt := range tests {
		got := consoleOutput(t, start+tt.line+"\n")
		if !strings.Contains(got, tt.want) || strings.Contains(got, "I don't know the reminder setting") {
			t.Errorf("%q: want %q, got:\n%s", tt.line, tt.want, got)
		}
	}
}

// TestConsoleLeaveListHintWorks: the list of leave says how to take one
// back with a day the command reads as that leave's: with its year when
// the day alone would be read as another year's, so following the hint
// takes the leave back instead of finding none.
func TestConsoleLeaveListHintWorks(t *testing.T) {
	clearConfigEnv(t)
	got := consoleOutput(t, "/peer clock 2026-12-03T10:00:00Z\nsupervision setup role=splw pcn=Central\n"+
		"leave 1 Dec 2027 to 3 Dec 2027\nleave\nleave cancel 1 Dec 2027\n")
	for _, want := range []string{"To take one back: /supervision leave cancel 1 Dec 2027.", "Taken back: your leave Wed 1 Dec 2027 to Fri 3 Dec 2027"} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in the console's answers:\n%s", want, got)
		}
	}
	near := consoleOutput(t, "/peer clock 2026-12-03T10:00:00Z\nsupervision setup role=splw pcn=Central\nleave 7 Dec to 9 Dec\nleave\n")
	if !strings.Contains(near, "To take one back: /supervision leave cancel 7 Dec.") {
		t.Errorf("the hint for leave this month should need no year:\n%s", near)
	}
}

// TestConsoleHistoryAllSaysMostOnlyWhenMore: "history all" typed in a
// direct message is the history, not a question; it says it shows at most
// 50 sessions only when there are more than that, not beside two.
func TestConsoleHistoryAllSaysMostOnlyWhenMore(t *testing.T) {
	clearConfigEnv(t)
	const start = "/peer clock 2026-12-03T10:00:00Z\nsupervision setup role=splw pcn=Central\n"
	few := consoleOutput(t, start+"log 1 Dec 1h\nlog 2 Dec 1h\nhistory all\n")
	if !strings.Contains(few, "Your last 2 sessions") || strings.Contains(few, "at most 50") {
		t.Errorf("history all of two sessions:\n%s", few)
	}
	var many strings.Builder
	many.WriteString(start)
	for d := 0; d < 51; d++ {
		fmt.Fprintf(&many, "log %s 1h\n", time.Date(2026, 1, 1+d, 0, 0, 0, 0, time.UTC).Format(time.DateOnly))
	}
	many.WriteString("history all\n")
	got := consoleOutput(t, many.String())
	if !strings.Contains(got, "Your last 50 sessions") || !strings.Contains(got, "I show at most 50 sessions at a time: these are your latest.") {
		t.Errorf("history all of 51 sessions:\n%s", got[max(0, len(got)-600):])
	}
}

// TestConsoleSetupQuoteHintOnlyWhenItHelps: setup suggests quotes round a
// value with spaces only when the quoted value is one the key takes
// (role="link worker", any PCN); never role="splw please" or
// reminders="on x", which would be refused again.
func TestConsoleSetupQuoteHintOnlyWhenItHelps(t *testing.T) {
	clearConfigEnv(t)
	got := consoleOutput(t, "/supervision setup role=splw please\n/supervision setup reminders=on x\n/supervision setup role=link worker\n/supervision setup pcn=Gateshead West\n")
	for _, want := range []string{`Put quotes round a value with spaces, like role="link worker".`, `Put quotes round a value with spaces, like pcn="Gateshead West".`} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in the console's answers:\n%s", want, got)
		}
	}
	for _, not := range []string{`role="splw please"`, `reminders="on x"`} {
		if strings.Contains(got, not) {
			t.Errorf("setup suggested %s, which is refused too:\n%s", not, got)
		}
	}
}

// TestConsoleSlashLogPolite: a log typed as a slash command with the
// polite words people add ("please", "thanks") is logged, as it is in a
// direct message, instead of refused for not understanding "please".
func TestConsoleSlashLogPolite(t *testing.T) {
	clearConfigEnv(t)
	got := consoleOutput(t, "/peer clock 2026-12-03T10:00:00Z\nsupervision setup role=splw pcn=Central\n"+
		"/supervision log yesterday 1h please\n/supervision log please 1 Dec group 45 mins thanks\n")
	for _, want := range []string{"Logged: a clinical session on Wed 2 Dec 2026, 60 minutes", "Logged: a group session on Tue 1 Dec 2026, 45 minutes"} {
		if !strings.Contains(got, want) || strings.Contains(got, `I didn't understand "please"`) {
			t.Errorf("no %q in the console's answers:\n%s", want, got)
		}
	}
}

// TestConsoleBackWithoutProfile: "back" or "leave cancel" from someone
// with no profile says they have no leave to end, not "before you add
// leave".
func TestConsoleBackWithoutProfile(t *testing.T) {
	clearConfigEnv(t)
	got := consoleOutput(t, "/supervision back\n/supervision leave cancel 7 Dec\n")
	if strings.Count(got, "You have no leave to end or take back") != 2 || strings.Contains(got, "Before you add leave") {
		t.Errorf("back with no profile:\n%s", got)
	}
}
