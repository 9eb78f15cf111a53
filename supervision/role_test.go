package supervision

import "testing"

func TestParseRole(t *testing.T) {
	tests := []struct {
		in   string
		want Role
		ok   bool
	}{
		{"SPLW", LinkWorker, true},
		{"splw", LinkWorker, true},
		{"link worker", LinkWorker, true},
		{"Link-Worker", LinkWorker, true},
		{"social prescriber", LinkWorker, true},
		{"  Social   Prescribing Link Worker ", LinkWorker, true},
		{"HWBC", Coach, true},
		{"coach", Coach, true},
		{"health coach", Coach, true},
		{"wellbeing coach", Coach, true},
		{"Health and Wellbeing Coach", Coach, true},
		{"CC", Coordinator, true},
		{"care coordinator", Coordinator, true},
		{"care co-ordinator", Coordinator, true},
		{"Care Co-Ordinators", Coordinator, true},
		{"", "", false},
		{"pharmacist", "", false},
		{"link", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := ParseRole(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("ParseRole(%q) = %q, %v, want %q, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestEveryRoleHasWords(t *testing.T) {
	for _, r := range Roles {
		words := RoleWords(r)
		if len(words) < 3 {
			t.Errorf("RoleWords(%s) = %v, want at least 3", r, words)
		}
		for _, w := range words {
			if got, _ := ParseRole(w); got != r {
				t.Errorf("ParseRole(%q) = %q, want %q", w, got, r)
			}
		}
		if got, _ := ParseRole(r.Abbreviation()); got != r {
			t.Errorf("ParseRole(%q) = %q, want %q", r.Abbreviation(), got, r)
		}
	}
}
