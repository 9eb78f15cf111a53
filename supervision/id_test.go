package supervision

import (
	"strings"
	"testing"
)

func TestNewID(t *testing.T) {
	seen := map[string]bool{}
	for range 1000 {
		id := NewID()
		if len(id) != 10 || strings.Trim(id, "abcdefghijklmnopqrstuvwxyz234567") != "" {
			t.Fatalf("NewID() = %q, want 10 characters from a-z and 2-7", id)
		}
		if seen[id] {
			t.Fatalf("NewID() = %q twice in 1000", id)
		}
		seen[id] = true
	}
}

func TestUserID(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"U01SAM", "U01SAM", true},
		{" @U01SAM ", "U01SAM", true},
		{"<@U01SAM>", "U01SAM", true},
		{"<@W01SAM|sam>", "W01SAM", true},
		{"UCONSOLE", "UCONSOLE", true},
		{"sam", "", false},
		{"@sam", "", false},
		{"<!channel>", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, ok := UserID(tt.in)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("UserID(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestDerivedID(t *testing.T) {
	a := DerivedID("U1", "2026-11-20", "clinical")
	if a != DerivedID("U1", "2026-11-20", "clinical") {
		t.Error("DerivedID is not the same for the same parts")
	}
	if len(a) != 12 || strings.Trim(a, "abcdefghijklmnopqrstuvwxyz234567") != "" {
		t.Errorf("DerivedID = %q, want 12 characters from a-z and 2-7", a)
	}
	for _, other := range []string{DerivedID("U1", "2026-11-2", "0clinical"), DerivedID("U1", "2026-11-20", "group"), DerivedID("U1", "2026-11-20clinical")} {
		if other == a {
			t.Errorf("DerivedID(other parts) = %q, the same as %q", other, a)
		}
	}
}
