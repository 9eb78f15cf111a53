package bot

import (
	"strings"
	"testing"

	"github.com/peerbot/peerbot/handlers"
)

func TestLimits(t *testing.T) {
	long := strings.Repeat("word ", 700) // 3500 characters
	many := make([]handlers.Section, 60)
	for i := range many {
		many[i] = handlers.Section{Text: "short"}
	}
	tests := []struct {
		name  string
		reply handlers.Reply
		want  string // "" for no fault
	}{
		{"fits", handlers.Reply{Header: "Title", Text: "Hello", Sections: []handlers.Section{{Heading: "A", Text: "b"}}}, ""},
		{"long header", handlers.Reply{Header: strings.Repeat("h", 151)}, "header is 151 characters"},
		{"long opening", handlers.Reply{Text: long}, "opening text"},
		{"long section", handlers.Reply{Sections: []handlers.Section{{Heading: "Tasks", Text: long}}}, `section 1 ("Tasks")`},
		{"escaping counts", handlers.Reply{Text: strings.Repeat("<", 1000)}, "opening text is 4000"},
		{"long typed text", handlers.Reply{Sections: []handlers.Section{{Text: "Someone asks:", Typed: strings.Repeat("&", 700)}}}, "3500 characters of typed text"},
		{"too many blocks", handlers.Reply{Sections: many}, "blocks"},
		{"long button", handlers.Reply{Buttons: []handlers.Button{{Label: strings.Repeat("b", 80), Command: "x"}}}, "button"},
	}
	for _, tt := range tests {
		got := strings.Join(Limits(tt.reply), "; ")
		if (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
			t.Errorf("%s: Limits = %q, want %q", tt.name, got, tt.want)
		}
	}
}
