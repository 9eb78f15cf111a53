package bot

import (
	"bytes"
	"strings"
	"testing"

	"github.com/peerbot/peerbot/handlers"
)

// subsetCases are replies appendReply writes itself: the shape of a
// /supervision status reply, and that shape holding what JSON escapes,
// typed text, long text and every kind of button.
func subsetCases() map[string]handlers.Reply {
	status := handlers.Reply{
		Header: "Your supervision",
		Text:   "On track: your next supervision is due by Tue 15 Dec 2026 (in 14 days).",
		Sections: []handlers.Section{{Fields: []handlers.Field{
			{Label: "Standard", Value: "Supervision, every month"},
			{Label: "Last session", Value: "**Sun 15 Nov 2026** · clinical · 60 min"},
			{Label: "Next due", Value: "Tue 15 Dec 2026 (in 14 days)"},
			{Label: "Status", Value: "On track"},
		}}},
		Buttons: []handlers.Button{
			{Label: "Log a session", Command: "supervision", Args: "log", Primary: true},
			{Label: "History", Command: "supervision", Args: "history"},
			{Label: "Standards", Command: "supervision", Args: "standards"},
		},
		Note: "Recommended minimum in NHS England guidance, not contractual; the Network Contract DES holds the contractual minimum.",
	}
	escapes := status
	escapes.Header = "  Tab\there & <there> \"quoted\" \\ back  "
	escapes.Text = "line\nbreak\r\x01\x1f\x7f \u2028 \u2029 bad \xff\xfe utf-8 é 🙂 **bold** [link](https://example.org/?a=1&b=2) <@U123> <!channel>\n- a bullet"
	escapes.Sections = []handlers.Section{
		{Fields: []handlers.Field{{Label: "<b>", Value: "&amp; " + handlers.AsTyped("<!here> *typed* [x](https://x.org)")}}},
		{Fields: []handlers.Field{{Label: "Long", Value: strings.Repeat("é long value ", 300)}}},
	}
	escapes.Buttons = []handlers.Button{
		{Label: strings.Repeat("Label ", 20), Command: "roles", Args: handlers.AsTyped("coach"), Primary: true},
		{Label: "Open", URL: "https://example.org/a?b=<c>"},
		{Label: "Confirm", Action: "peerbot.confirm", Value: "s1|U1"},
	}
	escapes.Note = "Reviewed " + handlers.AsTyped("22 Nov <2026>")
	escapes.Public = true
	many := handlers.Reply{Text: strings.Repeat("Supervision keeps people safe and well. ", 200)}
	for i := range maxActions {
		many.Buttons = append(many.Buttons, handlers.Button{Label: "B", Command: "roles", Args: strings.Repeat("x", i)})
	}
	for range 10 {
		many.Sections = append(many.Sections, handlers.Section{Fields: make([]handlers.Field, maxFields)})
	}
	return map[string]handlers.Reply{
		"status":           status,
		"escapes":          escapes,
		"text only":        {Text: "Just a line."},
		"header only":      {Header: "Heading"},
		"note only":        {Note: "Small print"},
		"buttons only":     {Buttons: status.Buttons},
		"long and crowded": many,
	}
}

// TestAppendReplyIsEncodeMessage holds appendReply to encodeMessage's
// bytes, for the replies it writes, and checks that it leaves every other
// reply to Blocks.
func TestAppendReplyIsEncodeMessage(t *testing.T) {
	for name, r := range subsetCases() {
		got, ok := appendReply([]byte("kept"), r)
		if !ok {
			t.Errorf("%s: appendReply did not write it, want it written without Blocks", name)
			continue
		}
		if want := encodeMessage(r); !bytes.Equal(got[len("kept"):], want) || string(got[:len("kept")]) != "kept" {
			t.Errorf("%s: appendReply =\n%s\nwant (encodeMessage)\n%s", name, got, want)
		}
	}
	others := encodeCases(t)
	fields := make([]handlers.Field, maxFields+1)
	buttons := make([]handlers.Button, maxActions+1)
	others["too many fields"] = handlers.Reply{Sections: []handlers.Section{{Fields: fields}}}
	others["too many buttons"] = handlers.Reply{Buttons: buttons}
	others["a section of nothing"] = handlers.Reply{Text: "a", Sections: []handlers.Section{{}}}
	others["sources"] = handlers.Reply{Text: "a", Sources: []handlers.Source{{Title: "T", URL: "https://x.org"}}}
	others["heading"] = handlers.Reply{Sections: []handlers.Section{{Heading: "H", Fields: []handlers.Field{{Label: "a", Value: "b"}}}}}
	for name, r := range others {
		got, ok := appendReply(nil, r)
		if !ok {
			if len(got) != 0 {
				t.Errorf("%s: appendReply declined but appended %q", name, got)
			}
			continue
		}
		if want := encodeMessage(r); !bytes.Equal(got, want) {
			t.Errorf("%s: appendReply =\n%s\nwant (encodeMessage)\n%s", name, got, want)
		}
	}
}

func FuzzAppendReply(f *testing.F) {
	f.Add("Header", "Some **text** [a](https://x.org)", "Label", "value <@U1>", "note", true)
	f.Add("\u2028", "\xff\x00\"\\", "&lt;", "", "", false)
	f.Fuzz(func(t *testing.T, header, text, label, value, note string, public bool) {
		r := handlers.Reply{
			Header:   header,
			Text:     text,
			Sections: []handlers.Section{{Fields: []handlers.Field{{Label: label, Value: value}, {Label: value, Value: text}}}},
			Buttons:  []handlers.Button{{Label: label, Command: "roles", Args: value}, {Label: label, URL: value}, {Label: label, Action: "a", Value: value}},
			Note:     note,
			Public:   public,
		}
		got, ok := appendReply(nil, r)
		if !ok {
			t.Fatalf("appendReply did not write %+v", r)
		}
		if want := encodeMessage(r); !bytes.Equal(got, want) {
			t.Errorf("appendReply =\n%s\nwant (encodeMessage)\n%s", got, want)
		}
	})
}
