package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is the console's output, written by the console and by its
// engine at once.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// console is peerbot's console run on a pipe, so a test can type a line
// and wait for what follows.
type console struct {
	in  *io.PipeWriter
	out *lockedBuffer
}

func startConsole(t *testing.T) *console {
	t.Helper()
	clearConfigEnv(t)
	r, w := io.Pipe()
	c := &console{in: w, out: &lockedBuffer{}}
	done := make(chan error, 1)
	go func() { done <- run(context.Background(), nil, r, c.out, io.Discard, nil) }()
	t.Cleanup(func() {
		_ = w.Close()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("console run = %v", err)
			}
		case <-time.After(15 * time.Second):
			t.Error("the console did not stop")
		}
	})
	return c
}

// typeLine types a line and returns the output it added, once an answer
// containing want has come.
func (c *console) typeLine(t *testing.T, line, want string) string {
	t.Helper()
	before := len(c.out.String())
	if _, err := fmt.Fprintln(c.in, line); err != nil {
		t.Fatal(err)
	}
	var got string
	waitFor(t, fmt.Sprintf("%q after %q", want, line), func() bool {
		got = c.out.String()[before:]
		return strings.Contains(got, want)
	})
	return got
}

// reminderAt reads "Next reminder: mon 7 dec 2026 at 09:30 (Europe/London)".
var reminderAt = regexp.MustCompile(`(\w{3} \d{1,2} \w{3} \d{4}) at (\d\d:\d\d) \(([^)]+)\)`)

func parseReminder(t *testing.T, s string) time.Time {
	t.Helper()
	m := reminderAt.FindStringSubmatch(s)
	if m == nil {
		t.Fatalf("no reminder time in %q", s)
	}
	loc, err := time.LoadLocation(m[3])
	if err != nil {
		t.Fatal(err)
	}
	at, err := time.ParseInLocation("Mon 2 Jan 2006 15:04", m[1]+" "+m[2], loc)
	if err != nil {
		t.Fatal(err)
	}
	return at
}

// TestConsoleRemindersFallDueOnItsClock sets up, logs a session, and moves
// the console's clock to the reminder the App Home's rule gives: it is
// printed, with its buttons; a snoozed one is not sent at its old time but
// at the new one; a skipped one is not sent.
func TestConsoleRemindersFallDueOnItsClock(t *testing.T) {
	c := startConsole(t)
	c.typeLine(t, `/supervision setup role=splw pcn=Central locality=gateshead reminders=on day=monday time=09:30`, "Saved")
	c.typeLine(t, `/supervision log today clinical 60`, "Logged")
	got := c.typeLine(t, `/supervision remind days-before 2`, "Next reminder")
	mustContain(t, "remind days-before", got, "2 days before a session is due")
	first := parseReminder(t, got)

	got = c.typeLine(t, "/peer clock "+first.Add(30*time.Second).Format(time.RFC3339), "The clock now reads")
	got += c.typeLine(t, "", "[message to UCONSOLE]") // printed by the engine as it falls due
	mustContain(t, "the reminder", c.out.String(), "Supervision reminder", "Logged it", "Snooze a week", "Skip this one", "/supervision remind")

	got = c.typeLine(t, "/supervision snooze 7", "Snoozed")
	snoozed := parseReminder(t, got)
	if want := first.AddDate(0, 0, 7); !snoozed.Equal(want) {
		t.Errorf("snoozed to %v, want a week on at the reminder time, %v", snoozed, want)
	}
	mustContain(t, "remind after snoozing", c.typeLine(t, "/supervision remind", "Next reminder"), "you snoozed it")

	// The due day's reminder (two days on) is not sent: it was snoozed.
	count := func() int { return strings.Count(c.out.String(), "[message to UCONSOLE]") }
	c.typeLine(t, "/peer clock "+first.AddDate(0, 0, 2).Add(time.Hour).Format(time.RFC3339), "The clock now reads")
	time.Sleep(2500 * time.Millisecond) // a few ticks of the engine
	if n := count(); n != 1 {
		t.Fatalf("%d reminders sent, want the snoozed one held back", n)
	}
	c.typeLine(t, "/peer clock "+snoozed.Add(30*time.Second).Format(time.RFC3339), "The clock now reads")
	waitFor(t, "the snoozed reminder", func() bool { return count() == 2 })
	// Printed, then recorded: skip once the engine has planned the next.
	for i := 0; strings.Contains(c.typeLine(t, "/supervision remind", "Next reminder"), "you snoozed it"); i++ {
		if i == 50 {
			t.Fatal("the snoozed reminder was sent but never recorded")
		}
		time.Sleep(20 * time.Millisecond)
	}

	got = c.typeLine(t, "/supervision reminder-skip", "Skipped")
	next := parseReminder(t, got)
	if shown := parseReminder(t, c.typeLine(t, "/supervision remind", "Next reminder")); !shown.Equal(next) {
		t.Errorf("after skipping, remind shows %v, want the one after, %v, as queued", shown, next)
	}
	c.typeLine(t, "/peer clock "+next.Add(-time.Minute).Format(time.RFC3339), "The clock now reads")
	got = c.typeLine(t, "/supervision reminder-skip", "Skipped")
	after := parseReminder(t, got)
	if !after.After(next) {
		t.Fatalf("skipping again moved the reminder to %v, want after %v", after, next)
	}
	c.typeLine(t, "/peer clock "+next.Add(time.Hour).Format(time.RFC3339), "The clock now reads")
	time.Sleep(2500 * time.Millisecond)
	if n := count(); n != 2 {
		t.Errorf("%d reminders sent, want the skipped one held back", n)
	}
	if testing.Verbose() {
		t.Log(c.out.String())
	}
}

// TestConsoleReminderSettings checks what /supervision remind and snooze
// accept and refuse: no reminders at night or at weekends unless the
// person says "anyway", and limits on days.
func TestConsoleReminderSettings(t *testing.T) {
	c := startConsole(t)
	mustContain(t, "remind before setup", c.typeLine(t, "/supervision remind on", "set one up"), "Set up")
	c.typeLine(t, `/supervision setup role=splw pcn=Central locality=gateshead reminders=on day=monday time=09:30`, "Saved")
	c.typeLine(t, `/supervision log today clinical 60`, "Logged")
	for _, tc := range []struct{ line, want string }{
		{"/supervision remind at 21:00", "outside the working day"},
		{"/supervision remind at 06:59", "outside the working day"},
		{"/supervision remind on saturday", "weekend day"},
		{"/supervision remind days-before 15", "0 to 14 days"},
		{"/supervision remind days-before soon", "0 to 14 days"},
		{"/supervision remind at teatime", "couldn't read"},
		{"/supervision remind loudly", "don't know the reminder setting"},
		{"/supervision snooze 0", "1 to 28 days"},
		{"/supervision snooze 29", "1 to 28 days"},
	} {
		got := c.typeLine(t, tc.line, tc.want)
		if strings.Contains(got, "Next reminder") {
			t.Errorf("%s was refused, yet answered as if saved:\n%s", tc.line, got)
		}
	}
	mustContain(t, "settings unchanged", c.typeLine(t, "/supervision remind", "Next reminder"), "09:30 (Europe/London)", "Every Monday", "3 days before")
	mustContain(t, "at 21:00 anyway", c.typeLine(t, "/supervision remind at 21:00 anyway", "Next reminder"), "Reminders come at 21:00", "at 21:00 (")
	mustContain(t, "on sunday anyway", c.typeLine(t, "/supervision remind on sunday anyway", "Next reminder"), "Every Sunday")
	mustContain(t, "days-before 0", c.typeLine(t, "/supervision remind days-before 0", "Next reminder"), "on the day a session is due", "On the due day")
	// Four weeks away: a snooze of three days would bring it forward.
	mustContain(t, "snooze forward", c.typeLine(t, "/supervision snooze 3", "already comes later"), "left it there")
	mustContain(t, "off", c.typeLine(t, "/supervision remind off", "Reminders are off."), "Reminders: off")
	mustContain(t, "snooze when off", c.typeLine(t, "/supervision snooze 7", "nothing to snooze"), "/supervision remind on")
	c.typeLine(t, "/supervision reminder-skip", "nothing to skip") // turning them off removed the queued one
	mustContain(t, "on again", c.typeLine(t, "/supervision remind on", "Next reminder"), "Reminders are on.", "at 21:00 (")
}

// TestConsoleChannelSchedules adds, lists, pauses, resumes and removes a
// channel schedule, refuses a bad cron spec with the reason and an
// example, keeps it from people who are not admins, and posts it when the
// console's clock reaches it, as typed.
func TestConsoleChannelSchedules(t *testing.T) {
	c := startConsole(t)
	c.typeLine(t, "/peer clock 2026-12-06T12:00:00Z", "The clock now reads") // a Sunday
	got := c.typeLine(t, `/peer schedule add "CRON_TZ=Europe/London 0 10 * * MON" C0123ABCD The network meets at 10 <!channel> **today**`, "Scheduled")
	mustContain(t, "add", got, "channel C0123ABCD", "Mon 7 Dec 2026 10:00; Mon 14 Dec 2026 10:00; Mon 21 Dec 2026 10:00 (Europe/London)", "The network meets at 10 @channel **today**")
	id := regexp.MustCompile(`Scheduled (\w+):`).FindStringSubmatch(got)
	if id == nil {
		t.Fatalf("no id in %q", got)
	}
	for _, tc := range []struct{ line, want string }{
		{`/peer schedule add "0 25 * * MON" C0123ABCD Hello`, "couldn't read that schedule"},
		{`/peer schedule add "every monday" C0123ABCD Hello`, "say what time it posts"},
		{`/peer schedule add every fortnight at 10:00 C0123ABCD Hello`, "say which weekday it posts"},
		{`/peer schedule add "0 25 * * MON" C0123ABCD Hello`, "For example: /peer schedule add every Monday at 10:00 #peer-support"},
		{`/peer schedule add "CRON_TZ=Mars/Base 0 10 * * MON" C0123ABCD Hello`, "not a time zone"},
		{`/peer schedule add 0 10 * * MON C0123ABCD Hello`, "Put the schedule in quotes"},
		{`/peer schedule add Mondays at 10am C0123ABCD Hello`, "I couldn't tell when it posts from “Mondays at 10am”. Start with every, each, daily or on"},
		{`/peer schedule add "0 10 * * MON" peer-support Hello`, "name the channel"},
		// The README's example typed as it stands: a channel's name alone
		// is not enough, and the reply says what is.
		{`/peer schedule add every Monday at 10:00 #peer-support The network meets at 10:00 today.`, "can't tell which channel #peer-support is from its name alone"},
		{`/peer schedule add "0 10 * * MON" <#C0123ABCD|peer-support>`, "Add the text"},
		{`/peer schedule add "0 10 * * MON" <#C0123ABCD> Patient 943 476 5919`, "NHS number"},
		{`/peer schedule pause nosuch`, `There is no schedule "nosuch"`},
		{`as @U0OTHER /peer schedule list`, "admin"},
	} {
		c.typeLine(t, tc.line, tc.want)
	}
	// Said in words, as an admin would: it is read as the cron spec it means.
	hashed := c.typeLine(t, "/peer schedule add every Tue and Thu at 2pm #C0123ABCD Drop-in at 2pm", "Scheduled")
	mustContain(t, "add to #id", hashed, "channel C0123ABCD", "`0 14 * * TUE,THU`")
	if hid := regexp.MustCompile(`Scheduled (\w+):`).FindStringSubmatch(hashed); hid != nil {
		c.typeLine(t, "/peer schedule remove "+hid[1], "removed")
	}
	words := c.typeLine(t, "/peer schedule add every weekday at 9am C0123ABCD Good morning", "Scheduled")
	mustContain(t, "add in words", words, "`0 9 * * MON-FRI`", "Mon 7 Dec 2026 09:00; Tue 8 Dec 2026 09:00; Wed 9 Dec 2026 09:00")
	wordsID := regexp.MustCompile(`Scheduled (\w+):`).FindStringSubmatch(words)
	if wordsID == nil {
		t.Fatalf("no id in %q", words)
	}
	c.typeLine(t, "/peer schedule remove "+wordsID[1], "removed")
	got = c.typeLine(t, "/peer schedule list", "Channel schedules")
	if n := strings.Count(got, "Posts in channel"); n != 1 {
		t.Errorf("list shows %d schedules, want the one added (refused ones add nothing):\n%s", n, got)
	}
	mustContain(t, "list", got, id[1], "Next: Mon 7 Dec 2026 10:00")
	mustContain(t, "pause", c.typeLine(t, "/peer schedule pause "+id[1], "paused"), id[1])
	mustContain(t, "list paused", c.typeLine(t, "/peer schedule list", "Channel schedules"), "Paused.")
	c.typeLine(t, "/peer clock 2026-12-07T10:00:30Z", "The clock now reads")
	time.Sleep(2500 * time.Millisecond)
	if strings.Contains(c.out.String(), "[message to C0123ABCD]") {
		t.Fatal("a paused schedule posted")
	}
	c.typeLine(t, "/peer schedule resume "+id[1], "resumed")
	mustContain(t, "list resumed", c.typeLine(t, "/peer schedule list", "Channel schedules"), "Next: Mon 14 Dec 2026 10:00")
	c.typeLine(t, "/peer clock 2026-12-14T10:00:30Z", "The clock now reads")
	c.typeLine(t, "", "[message to C0123ABCD]")
	mustContain(t, "the post", c.out.String(), "[message to C0123ABCD]\n\nThe network meets at 10 @channel **today**")
	c.typeLine(t, "/peer schedule remove "+id[1], "removed")
	c.typeLine(t, "/peer schedule list", "There are no channel schedules")
}
