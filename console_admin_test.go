package main

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"
)

// TestConsoleAdminsFromTheSetting acts, at the console, as a person
// ADMIN_USER_IDS names: they are an admin there as over Slack, and a
// person it does not name is not.
func TestConsoleAdminsFromTheSetting(t *testing.T) {
	clearConfigEnv(t)
	t.Setenv("ADMIN_USER_IDS", "UADMIN1")
	in := strings.NewReader("as @UADMIN1 /peer admin audit\nas @UOTHER1 /peer admin audit\n/peer admin audit\n")
	var out bytes.Buffer
	if err := run(context.Background(), nil, in, &out, io.Discard, nil); err != nil {
		t.Fatal(err)
	}
	answers := strings.Split(out.String(), "Audit log")
	if !strings.Contains(out.String(), "@UADMIN1 ran /peer admin audit") {
		t.Errorf("the admin named in ADMIN_USER_IDS was refused:\n%s", out.String())
	}
	if n := strings.Count(out.String(), "only network admins"); n != 1 {
		t.Errorf("%d refusals, want 1 (for UOTHER1 only):\n%s", n, out.String())
	}
	if len(answers) != 3 {
		t.Errorf("%d audit logs shown, want 2 (the named admin's and the console's own):\n%s", len(answers)-1, out.String())
	}
}

// TestConsoleStandardsOverrideNotedAsTheNetworks: a frequency and length
// an admin sets are shown as the network's own in /supervision standards,
// never under the published guidance's note, which would credit NHS
// England with them and say no length is given beside the one set.
func TestConsoleStandardsOverrideNotedAsTheNetworks(t *testing.T) {
	clearConfigEnv(t)
	got := consoleOutput(t, "supervision setup role=hwbc pcn=Central\n"+
		"/peer admin standards set coach every 6 weeks min 90 minutes\n/supervision standards hwbc\n")
	_, shown, _ := strings.Cut(got, "Supervision standards: HWBC")
	kind, _, _ := strings.Cut(shown, "Health coaching supervision")
	for _, want := range []string{"How often: every 6 weeks", "How long: at least 1 hour 30 minutes",
		"The network's admins set how often and how long; the published guidance they replace: from NHS England's quick reference summary"} {
		if !strings.Contains(kind, want) {
			t.Errorf("no %q in the overridden kind:\n%s", want, kind)
		}
	}
	if strings.Contains(kind, "• From NHS England's quick reference summary") {
		t.Errorf("the admins' standard is shown under the published guidance's note:\n%s", kind)
	}
	// Care coordinators' note says peerbot shows no frequency: once one is
	// set, it is not said.
	cc := consoleOutput(t, "/peer admin standards set cc every 4 weeks\n/supervision standards cc\n")
	if !strings.Contains(cc, "How often: every 4 weeks") || strings.Contains(cc, "peerbot shows no frequency") {
		t.Errorf("the care coordinators' set frequency is shown beside a note that there is none:\n%s", cc)
	}
}

// TestConsoleScheduleWithoutChannel: a schedule added with its time and
// text but no channel is asked for the channel, not told that the text's
// first word is no time.
func TestConsoleScheduleWithoutChannel(t *testing.T) {
	clearConfigEnv(t)
	got := consoleOutput(t, "/peer schedule add every Monday at 10:00 The network meets today\n/peer schedule list\n")
	if !strings.Contains(got, "After the schedule, name the channel, like #peer-support") || strings.Contains(got, "I couldn't read") {
		t.Errorf("a schedule with no channel was not asked for one:\n%s", got)
	}
	if !strings.Contains(got, "There are no channel schedules") {
		t.Errorf("a schedule with no channel was kept:\n%s", got)
	}
}

// TestConsoleAdminMissingWords: an admin command missing its words says
// what to give, never quoting an empty “” as what was typed.
func TestConsoleAdminMissingWords(t *testing.T) {
	clearConfigEnv(t)
	got := consoleOutput(t, "/peer admin standards reset\n/peer admin standards reset   \n")
	if strings.Count(got, "Say which role to go back to the published standard for: SPLW, HWBC or CC.\n") != 2 || strings.Contains(got, "“”") {
		t.Errorf("a reset with no role was not asked for one plainly:\n%s", got)
	}
}

// TestConsoleStandardsResetLocalityNamed: "reset splw locality" with the
// name left out asks for it and leaves the override everywhere in place,
// instead of taking that one away; "reset splw in gateshead" resets
// Gateshead's, as "set ... in gateshead" sets it.
func TestConsoleStandardsResetLocalityNamed(t *testing.T) {
	clearConfigEnv(t)
	got := consoleOutput(t, "/peer admin standards set splw every 6 weeks\n/peer admin standards set splw every 4 weeks in gateshead\n"+
		"/peer admin standards reset splw locality\n/peer admin standards reset splw in gateshead\n/peer admin standards show\n")
	for _, want := range []string{"Say which locality, gateshead or london, after locality", "Done: SPLW in Gateshead follows the published standard again.", "• SPLW everywhere: every 6 weeks"} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in the console's answers:\n%s", want, got)
		}
	}
	if strings.Contains(got, "SPLW everywhere follows the published standard again") {
		t.Errorf("a reset naming no locality took away the override everywhere:\n%s", got)
	}
}

// TestConsoleReportCSVOfNobody: a CSV report that nobody matches says so,
// instead of sending an empty file "of 0 people".
func TestConsoleReportCSVOfNobody(t *testing.T) {
	clearConfigEnv(t)
	got := consoleOutput(t, "supervision setup role=splw pcn=Central\n/peer admin report csv coaches\n")
	if !strings.Contains(got, "Nobody with a supervision profile matches that yet, so there is no CSV to send.") || strings.Contains(got, "--- File") {
		t.Errorf("a CSV report of nobody:\n%s", got)
	}
}
