package main

import (
	"strings"
	"testing"
)

// TestHTTPPoliteWordsAfterACommand: "please" or "thanks" after a command
// that takes nothing runs the command; it is not read as a subcommand
// ("/supervision status please" was answered "Did you mean leave?"). Other
// words after it are still refused.
func TestHTTPPoliteWordsAfterACommand(t *testing.T) {
	p := startHTTP(t, nil)
	mustContain(t, "setup", p.slashAs(t, "U01POLITE", "/supervision", "setup role=splw pcn=North"), "Saved")
	want := p.slashAs(t, "U01POLITE", "/supervision", "status")
	for _, text := range []string{"status please", "status, thanks!", "status thank you", "undo pls"} {
		got := p.slashAs(t, "U01POLITE", "/supervision", text)
		if strings.Contains(got, "I don't know") {
			t.Errorf("/supervision %s = %q, want the command run", text, got)
		}
		if text != "undo pls" && got != want {
			t.Errorf("/supervision %s = %q, want what status says: %q", text, got, want)
		}
	}
	if got := p.slashAs(t, "U01POLITE", "/supervision", "status yesterday"); !strings.Contains(got, "I don't know") {
		t.Errorf("/supervision status yesterday = %q, want it refused", got)
	}
}
