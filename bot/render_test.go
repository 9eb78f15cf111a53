package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/slack-go/slack"

	"github.com/peerbot/peerbot/handlers"
)

func TestMrkdwn(t *testing.T) {
	tests := []struct{ in, want string }{
		{"**bold** and _it_", "*bold* and _it_"},
		{"see [the page](https://example.org/a?b=1&c=2)", "see <https://example.org/a?b=1&amp;c=2|the page>"},
		{"- one\n- two", "• one\n• two"},
		{"<!channel> & <@U1>", "&lt;!channel&gt; &amp; &lt;@U1&gt;"},
		{"<@U123ABC> asks <!here> <@U1|x>", "<@U123ABC> asks &lt;!here&gt; &lt;@U1|x&gt;"},
		{"[a|b](https://x.org)", "<https://x.org|a/b>"},
	}
	for _, tt := range tests {
		if got := mrkdwn(tt.in); got != tt.want {
			t.Errorf("mrkdwn(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPlain(t *testing.T) {
	if got, want := plain("**Bold** [page](https://x.org)\n- item <@U123>"), "Bold page (https://x.org)\n• item @U123"; got != want {
		t.Errorf("plain = %q, want %q", got, want)
	}
}

// TestBlocksKeepInsideSlackLimits renders a reply far over every Block Kit
// limit and checks each limit on the result.
func TestBlocksKeepInsideSlackLimits(t *testing.T) {
	long := strings.Repeat("Supervision keeps people safe and well. ", 400) // ~16,000 characters
	r := handlers.Reply{
		Header: strings.Repeat("A very long header ", 20),
		Text:   long,
		Note:   long,
	}
	for i := range 60 {
		var fields []handlers.Field
		for j := range 12 {
			fields = append(fields, handlers.Field{Label: fmt.Sprintf("F%d", j), Value: long[:2500]})
		}
		r.Sections = append(r.Sections, handlers.Section{Heading: fmt.Sprintf("Part %d", i), Text: "short", Fields: fields})
	}
	for i := range 30 {
		r.Buttons = append(r.Buttons, handlers.Button{Label: strings.Repeat("Press ", 20), Command: "roles", Args: fmt.Sprint(i)})
	}
	for i := range 30 {
		r.Sources = append(r.Sources, handlers.Source{Title: fmt.Sprintf("Source %d with a long title", i), URL: "https://example.org/" + strings.Repeat("x", 100)})
	}
	blocks, fallback := Blocks(r)
	if len(blocks) > maxBlocks {
		t.Errorf("%d blocks, want at most %d", len(blocks), maxBlocks)
	}
	if utf8.RuneCountInString(fallback) > maxFallbackText {
		t.Errorf("fallback has %d characters, want at most %d", utf8.RuneCountInString(fallback), maxFallbackText)
	}
	for i, b := range blocks {
		switch b := b.(type) {
		case *slack.HeaderBlock:
			if n := utf8.RuneCountInString(b.Text.Text); n > maxHeaderText {
				t.Errorf("block %d: header of %d characters", i, n)
			}
		case *slack.SectionBlock:
			if b.Text != nil && utf8.RuneCountInString(b.Text.Text) > maxSectionText {
				t.Errorf("block %d: section text of %d characters", i, utf8.RuneCountInString(b.Text.Text))
			}
			if len(b.Fields) > maxFields {
				t.Errorf("block %d: %d fields", i, len(b.Fields))
			}
			for _, f := range b.Fields {
				if utf8.RuneCountInString(f.Text) > maxFieldText {
					t.Errorf("block %d: field of %d characters", i, utf8.RuneCountInString(f.Text))
				}
			}
			if b.Text == nil && len(b.Fields) == 0 {
				t.Errorf("block %d: section with neither text nor fields", i)
			}
		case *slack.ActionBlock:
			if n := len(b.Elements.ElementSet); n > maxActions {
				t.Errorf("block %d: %d buttons", i, n)
			}
			for _, e := range b.Elements.ElementSet {
				if btn, ok := e.(*slack.ButtonBlockElement); ok && utf8.RuneCountInString(btn.Text.Text) > maxButtonText {
					t.Errorf("block %d: button label of %d characters", i, utf8.RuneCountInString(btn.Text.Text))
				}
			}
		case *slack.ContextBlock:
			if n := len(b.ContextElements.Elements); n > maxContextElems {
				t.Errorf("block %d: %d context elements", i, n)
			}
			for _, e := range b.ContextElements.Elements {
				if tb, ok := e.(*slack.TextBlockObject); ok && utf8.RuneCountInString(tb.Text) > maxSectionText {
					t.Errorf("block %d: context text of %d characters", i, utf8.RuneCountInString(tb.Text))
				}
			}
		}
	}
	last, ok := blocks[len(blocks)-1].(*slack.ContextBlock)
	if !ok || !strings.Contains(last.ContextElements.Elements[0].(*slack.TextBlockObject).Text, "shortened") {
		t.Errorf("a cut reply should end by saying it was shortened; last block is %T", blocks[len(blocks)-1])
	}
}

func TestSplitTextKeepsRunesWhole(t *testing.T) {
	s := strings.Repeat("é", 5000) // two bytes each, no spaces
	for _, part := range splitText(s, 3000) {
		if !utf8.ValidString(part) || len(part) > 3000 {
			t.Fatalf("splitText gave a part of %d bytes, valid UTF-8 %v", len(part), utf8.ValidString(part))
		}
	}
}

// TestRolesGolden keeps the Block Kit and console rendering of /roles under
// review.
func TestRolesGolden(t *testing.T) {
	roles, tbl := rolesTable(t)
	for _, args := range []string{"", "coach", "together", "nurse"} {
		r, err := roles.Run(context.Background(), handlers.Request{Args: args, Invoke: tbl.Invocation})
		if err != nil {
			t.Fatal(err)
		}
		name := "roles_" + strings.ReplaceAll(args, " ", "_")
		if args == "" {
			name = "roles_overview"
		}
		golden(t, name+".txt", []byte(Text(r, tbl.Invocation)))
		blocks, fallback := Blocks(r)
		js, err := json.MarshalIndent(map[string]any{"text": fallback, "blocks": blocks}, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		golden(t, name+".json", append(js, '\n'))
	}
}
