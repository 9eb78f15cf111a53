package supervision

import "testing"

func TestValidNHSNumber(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"9434765919", true},  // NHS England's published example
		{"4010232137", true},  // check digit 7
		{"9999999999", true},  // sum%11 leaves 11 - 2 = 9
		{"0000000000", true},  // check 11 counts as 0
		{"9434765918", false}, // wrong check digit
		{"9434765910", false},
		{"1234567890", false}, // the check would be 10: never valid
		{"1234567891", false},
		{"943476591", false},   // nine digits
		{"94347659190", false}, // eleven digits
		{"943476591a", false},
		{"943 476 5919", false}, // spaced: ContainsNHSNumber's job
		{"", false},
	}
	for _, tt := range tests {
		if got := ValidNHSNumber(tt.in); got != tt.want {
			t.Errorf("ValidNHSNumber(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestContainsNHSNumber(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"plain", "9434765919", true},
		{"spaced 3-3-4", "943 476 5919", true},
		{"dashed", "943-476-5919", true},
		{"other spacing", "9434 765 919", true},
		{"pairs", "94 34 76 59 19", true},
		{"double spaces", "943  476  5919", true},
		{"spaced dash", "943 - 476 - 5919", true},
		{"no-break spaces", "943\u00a0476\u00a05919", true},
		{"en dashes", "943\u2013476\u20135919", true},
		{"in a sentence", "saw pt 943 476 5919 today", true},
		{"after a label", "NHS:9434765919", true},
		{"after letters", "nhs9434765919", true},
		{"after another number", "30 943 476 5919", true},
		{"before another number", "943 476 5919 60", true},
		{"second of two", "9434765918 and 9434765919", true},
		{"wrong check digit", "9434765918", false},
		{"spaced wrong check digit", "943 476 5918", false},
		{"check of 10", "123 456 7890", false},
		{"inside a longer run", "19434765919", false},
		{"followed by a digit", "94347659190", false},
		{"eleven-digit run", "94347659191", false},
		{"group cut in two", "12943 476 5919", false},
		{"group cut at the end", "943 476 59190", false},
		{"nine digits", "943 476 591", false},
		{"phone number", "0191 123 4567", false},
		{"mobile", "07700 900123", false},
		{"dots do not join", "943.476.5919", false},
		{"lines do not join", "943\n476\n5919", false},
		{"wide gap", "943     476 5919", false},
		{"date", "20/11/2026 group 90 mins", false},
		{"empty", "", false},
		{"no digits", "clinical with sam", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ContainsNHSNumber(tt.in); got != tt.want {
				t.Errorf("ContainsNHSNumber(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzContainsNHSNumber(f *testing.F) {
	for _, s := range []string{"943 476 5919", "943-476-5919", "19434765919", "1 2 3 4 5 6 7 8 9 0", "-\u2013 9"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if ValidNHSNumber(s) && !ContainsNHSNumber(s) {
			t.Errorf("ContainsNHSNumber(%q) = false for a valid number", s)
		}
	})
}
