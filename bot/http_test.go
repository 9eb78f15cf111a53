package bot

import "testing"

func TestMediaTypeOf(t *testing.T) {
	tests := []struct{ in, want string }{
		{"application/x-www-form-urlencoded", "application/x-www-form-urlencoded"},
		{"application/json", "application/json"},
		{"application/json; charset=utf-8", "application/json"},
		{"Application/JSON", "application/json"},
		{"application/x-www-form-urlencoded ; charset=UTF-8", "application/x-www-form-urlencoded"},
		{"text/plain", "text/plain"},
		{"", ""},
		{"not a type;;", ""},
	}
	for _, tt := range tests {
		if got := mediaTypeOf(tt.in); got != tt.want {
			t.Errorf("mediaTypeOf(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
