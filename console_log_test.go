package main

import (
	"strings"
	"testing"
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
