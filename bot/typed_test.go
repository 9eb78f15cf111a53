package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/slack-go/slack"

	"github.com/peerbot/peerbot/handlers"
)

// evilTyped is what a person might type into a question that the bot then
// posts in its own voice: a masked link, a mention and a channel-wide ping.
const evilTyped = "[Reset your NHS login](https://evil.example/x) <@U999> <!channel> & <!here> <!everyone>"

// live finds Slack markup in s that Slack would draw as a link, a mention
// or a ping: anything between a raw < and >, or a bare URL left for Slack to
// link.
func live(s string) []string {
	var found []string
	for rest := s; ; {
		i := strings.IndexByte(rest, '<')
		if i < 0 {
			break
		}
		j := strings.IndexByte(rest[i:], '>')
		if j < 0 {
			break
		}
		found = append(found, rest[i:i+j+1])
		rest = rest[i+j+1:]
	}
	return found
}

// sharePost is the peer channel post a share makes: the bot's words, then
// the question as the person typed it.
var sharePost = handlers.Reply{Public: true, Sections: []handlers.Section{
	{Text: "Someone in the network asks (anonymously):", Typed: evilTyped},
	{Text: "If you can help, please reply in the thread."},
}}

func TestTypedTextIsShownAsTyped(t *testing.T) {
	blocks, fallback := Blocks(sharePost)
	js, err := json.Marshal(blocks)
	if err != nil {
		t.Fatal(err)
	}
	var drawn []struct {
		Text *slack.TextBlockObject `json:"text"`
	}
	if err := json.Unmarshal(js, &drawn); err != nil {
		t.Fatal(err)
	}
	var typedBlock *slack.TextBlockObject
	for i, b := range drawn {
		if b.Text == nil {
			continue
		}
		if l := live(b.Text.Text); len(l) > 0 {
			t.Errorf("block %d draws %q as live Slack markup: %q", i, l, b.Text.Text)
		}
		if strings.Contains(b.Text.Text, "evil.example") {
			typedBlock = b.Text
		}
	}
	want := "[Reset your NHS login](https://evil.example/x) &lt;@U999&gt; &lt;!channel&gt; &amp; &lt;!here&gt; &lt;!everyone&gt;"
	switch {
	case typedBlock == nil:
		t.Fatalf("no block shows the typed text; blocks = %s", js)
	case typedBlock.Text != want:
		t.Errorf("typed text drawn as %q, want %q (escaped, nothing converted)", typedBlock.Text, want)
	case !typedBlock.Verbatim:
		t.Errorf("typed text drawn with verbatim false: Slack would turn its URL into a link")
	}
	if l := live(fallback); len(l) > 0 {
		t.Errorf("fallback %q carries live markup %q", fallback, l)
	}
	if !strings.Contains(fallback, "&lt;!channel&gt;") || !strings.Contains(fallback, "&lt;@U999&gt;") {
		t.Errorf("fallback %q, want the typed text in it, escaped", fallback)
	}
	if got := Text(sharePost, nil); !strings.Contains(got, evilTyped) {
		t.Errorf("console shows %q, want the typed text exactly as typed: %q", got, evilTyped)
	}
}

// TestFallbackIsEscaped: Slack reads a message's text as mrkdwn, so a ping
// in any of a reply's text must reach it escaped.
func TestFallbackIsEscaped(t *testing.T) {
	for _, r := range []handlers.Reply{
		{Text: "Someone asks:\n“" + evilTyped + "”"},
		{Header: "<!channel> news", Text: "hello"},
		{Sections: []handlers.Section{{Text: "<!here> " + evilTyped}}},
	} {
		_, fallback := Blocks(r)
		if l := live(fallback); len(l) > 0 {
			t.Errorf("fallback %q carries live markup %q", fallback, l)
		}
	}
}

// TestTypedTextReachesSlackInert sends the share post every way the bot
// sends messages (chat.postMessage, response_url, a slash command's HTTP
// answer) and reads what Slack got.
func TestTypedTextReachesSlackInert(t *testing.T) {
	api := newSlackAPI(t)
	rec := newRecorder(t)
	share := handlers.Command{Name: "share", Run: func(context.Context, handlers.Request) (handlers.Reply, error) {
		return sharePost, nil
	}}
	b := testBot(t, Options{Slack: api.client(), ResponseURLPrefix: rec.URL + "/"}, share)
	if err := b.post(context.Background(), "C1", "", sharePost); err != nil {
		t.Fatal(err)
	}
	if err := b.respond(context.Background(), rec.URL+"/respond", sharePost); err != nil {
		t.Fatal(err)
	}
	payload, ok := b.slashResponse(slack.SlashCommand{Command: "/peer", Text: "share", UserID: "U1"})
	if !ok {
		t.Fatal("share was not answered in the response")
	}
	answer := payload // the HTTP response body, as sent
	posted := api.waitFor(t, "chat.postMessage", 1)[0].Body
	sent := map[string]string{
		"chat.postMessage text":   fmt.Sprint(posted["text"]),
		"chat.postMessage blocks": fmt.Sprint(posted["blocks"]),
		"response_url":            rec.got()[0],
		"HTTP answer":             string(answer),
	}
	unicode := strings.NewReplacer(`\u003c`, "<", `\u003e`, ">", `\u0026`, "&")
	for how, body := range sent {
		body = unicode.Replace(body) // JSON may spell < > & as \u003c...
		for _, l := range live(body) {
			t.Errorf("%s carries live markup %q", how, l)
		}
		if !strings.Contains(body, "&lt;!channel&gt;") {
			t.Errorf("%s = %s, want the typed ping escaped in it", how, body)
		}
	}
}

// TestLongTypedTextSplitsBetweenEscapes: typed text too long for one block
// is split over several, never inside an escape such as "&amp;".
func TestLongTypedTextSplitsBetweenEscapes(t *testing.T) {
	typed := strings.Repeat("&<>", 1500) // no space to split at; 13,500 characters escaped
	blocks, _ := Blocks(handlers.Reply{Sections: []handlers.Section{{Typed: typed}}})
	var joined strings.Builder
	for i, b := range blocks {
		s, ok := b.(*slack.SectionBlock)
		if !ok || s.Text == nil {
			t.Fatalf("block %d is %T, want a section with text", i, b)
		}
		if len(s.Text.Text) > maxSectionText {
			t.Errorf("block %d has %d characters, over %d", i, len(s.Text.Text), maxSectionText)
		}
		if strings.Trim(strings.NewReplacer("&amp;", "", "&lt;", "", "&gt;", "").Replace(s.Text.Text), "") != "" {
			t.Errorf("block %d cuts an escape: it starts %q and ends %q", i, s.Text.Text[:8], s.Text.Text[len(s.Text.Text)-8:])
		}
		joined.WriteString(s.Text.Text)
	}
	if got, want := joined.String(), escape(typed); got != want {
		t.Errorf("the blocks together hold %d characters, want all %d of the escaped text", len(got), len(want))
	}
}

// hostilePCN is a PCN's name as a tester typed it: a masked link, bold and
// a mention, then a channel-wide ping.
const hostilePCN = "[click here](https://evil.example) **urgent** <@U999> <!channel> @here <#C123>"

// hostileShown is hostilePCN as it must reach Slack: escaped, nothing
// converted.
const hostileShown = "[click here](https://evil.example) **urgent** &lt;@U999&gt; &lt;!channel&gt; @here &lt;#C123&gt;"

// TestTypedSpansAreShownAsTyped: text marked as typed inside the bot's own
// words (a PCN in a field, a topic in a sentence) reaches Slack escaped and
// unconverted, in a verbatim text object, while the bot's own bold, links
// and mentions around it are still drawn.
func TestTypedSpansAreShownAsTyped(t *testing.T) {
	typed := handlers.AsTyped(hostilePCN)
	r := handlers.Reply{
		Header: "About " + typed,
		Text:   "Saved **your** profile, see [the guide](https://example.org/g). Your PCN is “" + typed + "”, supervisor <@U123>.",
		Sections: []handlers.Section{
			{Heading: "Your profile", Fields: []handlers.Field{{Label: "PCN", Value: typed}, {Label: "Role", Value: "**Link worker**"}}},
			{Text: "- **Central** · " + typed + "\n- <@U123> · **North**"},
		},
		Buttons: []handlers.Button{{Label: "Search " + typed, Command: "resources", Args: typed}},
		Note:    "Set from " + typed + " by **you**.",
	}
	js := string(encodeMessage(r))
	var msg struct {
		Blocks []json.RawMessage `json:"blocks"`
		Text   string            `json:"text"`
	}
	if err := json.Unmarshal([]byte(js), &msg); err != nil {
		t.Fatal(err)
	}
	var objs []slack.TextBlockObject // every mrkdwn text object drawn
	for _, b := range msg.Blocks {
		var blk struct {
			Text     *slack.TextBlockObject  `json:"text"`
			Fields   []slack.TextBlockObject `json:"fields"`
			Elements []slack.TextBlockObject `json:"elements"`
		}
		_ = json.Unmarshal(b, &blk) // an actions block's elements are buttons, not text
		if blk.Text != nil && blk.Text.Type == slack.MarkdownType {
			objs = append(objs, *blk.Text)
		}
		objs = append(objs, blk.Fields...)
		for _, e := range blk.Elements {
			if e.Type == slack.MarkdownType {
				objs = append(objs, e)
			}
		}
	}
	all := strings.NewReplacer(`\u003c`, "<", `\u003e`, ">", `\u0026`, "&").Replace(js)
	if strings.Contains(js, `\ue000`) || strings.Contains(js, `\ue001`) || strings.ContainsAny(js, "\uE000\uE001") {
		t.Errorf("the marks of typed text reached Slack:\n%s", all)
	}
	// Plain text (the header, a button) draws no markup; mrkdwn and the
	// notification text must carry none of the typed text's.
	var drawn strings.Builder
	for _, o := range objs {
		drawn.WriteString(o.Text + "\n")
	}
	drawn.WriteString(msg.Text)
	for _, bad := range []string{"<https://evil", "<@U999", "<!", "<#C123", "|click here>", " *urgent* "} {
		if strings.Contains(drawn.String(), bad) {
			t.Errorf("mrkdwn carries %q: the typed text was converted:\n%s", bad, drawn.String())
		}
	}
	shown := 0
	for _, o := range objs {
		if !strings.Contains(o.Text, "evil.example") {
			continue
		}
		shown++
		if !strings.Contains(o.Text, hostileShown) {
			t.Errorf("text %q, want the typed text in it as %q", o.Text, hostileShown)
		}
		if !o.Verbatim {
			t.Errorf("text %q holds typed text but is not verbatim: Slack would link and parse it", o.Text)
		}
	}
	if shown != 4 { // the opening, the PCN field, the line and the note
		t.Errorf("typed text shown in %d text objects, want 4:\n%s", shown, all)
	}
	for _, own := range []string{"Saved *your* profile", "<https://example.org/g|the guide>", "supervisor <@U123>", "*Link worker*", "• *Central* · ", "• <@U123> · *North*", "by *you*."} {
		if !strings.Contains(all, own) {
			t.Errorf("the bot's own formatting %q is missing:\n%s", own, all)
		}
	}
	if l := live(msg.Text); len(l) > 0 || strings.Contains(msg.Text, "\uE000") {
		t.Errorf("fallback %q carries live markup %q or a mark", msg.Text, l)
	}
	console := Text(r, func(name, args string) string { return "/" + name + " " + args })
	if strings.Count(console, hostilePCN) != 7 || strings.ContainsAny(console, "\uE000\uE001") {
		t.Errorf("console shows:\n%s\nwant the typed text exactly as typed, 7 times, with no marks", console)
	}
}

// TestTypedSpanCutShortStaysInert: a typed span whose end was cut off (a
// reply clipped to fit) stays inert to the end of the text.
func TestTypedSpanCutShortStaysInert(t *testing.T) {
	got := mrkdwn("Topic “" + handlers.TypedStart + "**x** <@U999> [a](https://evil.example)")
	want := "Topic “" + handlers.TypedStart + "**x** &lt;@U999&gt; [a](https://evil.example)" + handlers.TypedEnd
	if got != want {
		t.Errorf("mrkdwn = %q, want %q", got, want)
	}
}
