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
