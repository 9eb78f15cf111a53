package supervision

import (
	"testing"
)

func TestParseSessionType(t *testing.T) {
	tests := []struct {
		in   string
		want SessionType
		ok   bool
	}{
		{"clinical", Clinical, true},
		{"Clinical Supervision", Clinical, true},
		{"professional", Clinical, true},
		{"1:1", Clinical, true},
		{"group", Group, true},
		{"GROUP supervision", Group, true},
		{"peer", Peer, true},
		{"action learning set", Peer, true},
		{"coaching", CoachingSup, true},
		{"coaching supervision", CoachingSup, true},
		{"health coaching", CoachingSup, true},
		{"line-management", LineManagement, true},
		{"line management", LineManagement, true},
		{"LM", LineManagement, true},
		{"line manager", LineManagement, true},
		{"1-2-1", LineManagement, true},
		{"one-to-one", LineManagement, true},
		{"", "", false},
		{"mentoring", "", false},
		{"121", "", false}, // reads as 121 minutes in a log
		{"supervision", "", false},
	}
	for _, tt := range tests {
		got, ok := ParseSessionType(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseSessionType(%q) = %q, %v, want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
	for _, st := range SessionTypes {
		if got, ok := ParseSessionType(string(st)); !ok || got != st {
			t.Errorf("ParseSessionType(%q) = %q, %v, want itself", st, got, ok)
		}
		if !st.Valid() {
			t.Errorf("%q.Valid() = false", st)
		}
	}
	if SessionType("x").Valid() {
		t.Error(`SessionType("x").Valid() = true`)
	}
}
