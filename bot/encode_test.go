package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/peerbot/peerbot/handlers"
)

// encodingJSON is what encoding/json writes for a reply's message: the
// bytes encodeMessage must match.
func encodingJSON(t testing.TB, r handlers.Reply) []byte {
	t.Helper()
	blocks, text := Blocks(r)
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(map[string]any{"response_type": responseType(r), "text": text, "blocks": blocks}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// encodeCases are replies of every shape the bot draws: the shipped /roles
// and help, and replies holding what JSON escapes.
func encodeCases(t testing.TB) map[string]handlers.Reply {
	t.Helper()
	roles, tbl := rolesTable(t)
	cases := map[string]handlers.Reply{
		"empty":   {},
		"help":    tbl.Help(false),
		"unknown": tbl.Unknown("rols", false),
		"escapes": {
			Header: "Tab\there & <there> \"quoted\" \\ back",
			Text:   "line\nbreak\r\x01\x1f\x7f \u2028 \u2029 bad \xff\xfe utf-8 é 🙂 **bold** [link](https://example.org/?a=1&b=2)",
			Sections: []handlers.Section{
				{Heading: "Typed", Typed: "<!channel> <@U123> *not bold* ```"},
				{Fields: []handlers.Field{{Label: "Next due", Value: "3 Dec 2026"}, {Label: "<b>", Value: "&amp;"}}},
			},
			Buttons: []handlers.Button{
				{Label: "Run", Command: "roles", Args: "coach", Primary: true},
				{Label: "Open", URL: "https://example.org/a?b=<c>"},
				{Label: "Confirm", Action: "peerbot.confirm", Value: "s1|U1"},
			},
			Sources: []handlers.Source{{Title: "A | B > C", URL: "https://example.org/x", AsOf: "1 Nov 2026"}},
			Note:    "Reviewed 22 Nov 2026",
			Public:  true,
		},
	}
	for _, args := range []string{"", "coach", "together", "nurse", "link worker"} {
		r, err := roles.Run(context.Background(), handlers.Request{Args: args, Invoke: tbl.Invocation})
		if err != nil {
			t.Fatal(err)
		}
		cases["roles "+args] = r
	}
	long := strings.Repeat("Supervision keeps people safe and well. ", 400)
	big := handlers.Reply{Header: strings.Repeat("Long header ", 20), Text: long, Note: long}
	for range 60 {
		big.Sections = append(big.Sections, handlers.Section{Heading: "Part", Text: "short", Fields: []handlers.Field{{Label: "F", Value: long[:2500]}}})
	}
	cases["over every limit"] = big
	return cases
}

// TestEncodeMessageIsEncodingJSON holds the hand-written encoder to
// encoding/json's bytes, so what Slack receives is unchanged.
func TestEncodeMessageIsEncodingJSON(t *testing.T) {
	for name, r := range encodeCases(t) {
		if got, want := encodeMessage(r), encodingJSON(t, r); !bytes.Equal(got, want) {
			t.Errorf("%s: encodeMessage =\n%s\nwant (encoding/json)\n%s", name, got, want)
		}
	}
}

func FuzzEncodeMessage(f *testing.F) {
	f.Add("Header", "Some **text** [a](https://x.org)", "typed <@U1>", "Label", "value", true)
	f.Add("\u2028", "\xff\x00\"\\", "&lt;", "", "", false)
	f.Fuzz(func(t *testing.T, header, text, typed, label, value string, public bool) {
		r := handlers.Reply{
			Header:   header,
			Text:     text,
			Sections: []handlers.Section{{Heading: label, Text: text, Typed: typed, Fields: []handlers.Field{{Label: label, Value: value}}}},
			Buttons:  []handlers.Button{{Label: label, Command: "roles", Args: value}, {Label: label, URL: value}, {Label: label, Action: "a", Value: value}},
			Sources:  []handlers.Source{{Title: label, URL: value, AsOf: text}},
			Note:     typed,
			Public:   public,
		}
		if got, want := encodeMessage(r), encodingJSON(t, r); !bytes.Equal(got, want) {
			t.Errorf("encodeMessage =\n%s\nwant (encoding/json)\n%s", got, want)
		}
	})
}
