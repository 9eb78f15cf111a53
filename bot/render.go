package bot

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/slack-go/slack"

	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/internal/text"
)

// Block Kit limits (https://docs.slack.dev/reference/block-kit/blocks).
const (
	maxBlocks        = 50   // blocks in one message
	maxHeaderText    = 150  // header block text
	maxSectionText   = 3000 // section block text
	maxFields        = 10   // fields in one section
	maxFieldText     = 2000 // one field's text
	maxActions       = 25   // elements in one actions block
	maxButtonText    = 75   // button label
	maxButtonValue   = 2000 // button value
	maxContextElems  = 10   // elements in one context block
	maxFallbackText  = 3000 // what we allow in the notification text
	actionRunPrefix  = "peerbot.run."
	actionLinkPrefix = "peerbot.link."
)

var (
	// A user mention, the one kind of Slack markup replies may carry:
	// "<@U123>" is drawn as the person's name. Channel-wide pings such as
	// "<!channel>" stay escaped.
	mdMention      = regexp.MustCompile(`<@([UW][A-Z0-9]{2,})>`)
	escapedMention = regexp.MustCompile(`&lt;@([UW][A-Z0-9]{2,})&gt;`)
	mdLink         = regexp.MustCompile(`\[([^\]\n]+)\]\((https?://[^)\s]+)\)`)
)

// mrkdwn turns the reply Markdown subset into Slack mrkdwn. It escapes & < >
// first, so text a person typed cannot become a mention or a link. A span
// marked as typed (handlers.AsTyped) is only escaped, never converted, and
// keeps its marks, so that the text object it goes in is made verbatim
// (mdObject) and Slack does not link or parse it either.
func mrkdwn(s string) string {
	if !strings.Contains(s, handlers.TypedStart) {
		return mrkdwnOwn(s)
	}
	own, spans := cutTyped(s)
	return putTyped(mrkdwnOwn(own), spans, true, escape)
}

// mrkdwnOwn is mrkdwn for text with no typed spans.
func mrkdwnOwn(s string) string {
	s = escape(s)
	// Each rewrite runs only when its marker is there: most text has none,
	// and every reply's text passes here.
	if strings.Contains(s, "&lt;@") {
		s = escapedMention.ReplaceAllString(s, "<@$1>")
	}
	if strings.Contains(s, "](") {
		s = mdLink.ReplaceAllStringFunc(s, func(m string) string {
			p := mdLink.FindStringSubmatch(m)
			label := linkLabel.Replace(p[1])
			return "<" + p[2] + "|" + label + ">"
		})
	}
	if strings.Contains(s, "**") {
		s = bold(s, "*")
	}
	return bullets(s, "• ")
}

// plain turns the reply Markdown subset into plain text for the console and
// for notification fallbacks. A span marked as typed is left as typed, its
// marks taken out.
func plain(s string) string {
	if !strings.Contains(s, handlers.TypedStart) {
		return handlers.Unmarked(plainOwn(s))
	}
	own, spans := cutTyped(s)
	return putTyped(plainOwn(own), spans, false, nil)
}

// plainOwn is plain for text with no typed spans.
func plainOwn(s string) string {
	if strings.Contains(s, "<@") {
		s = mdMention.ReplaceAllString(s, "@$1")
	}
	if strings.Contains(s, "](") {
		s = mdLink.ReplaceAllString(s, "$1 ($2)")
	}
	if strings.Contains(s, "**") {
		s = bold(s, "")
	}
	return bullets(s, "• ")
}

// emptySpan is what cutTyped leaves in a typed span's place.
const emptySpan = handlers.TypedStart + handlers.TypedEnd

// cutTyped takes the spans marked as typed out of s, leaving an empty pair
// of marks in each one's place, which no conversion touches, and returns
// their text in order. A span not closed runs to the end of s (a reply cut
// short keeps its typed text inert); a stray end mark is dropped.
func cutTyped(s string) (string, []string) {
	var b strings.Builder
	b.Grow(len(s))
	var spans []string
	for {
		i := strings.Index(s, handlers.TypedStart)
		if i < 0 {
			b.WriteString(strings.ReplaceAll(s, handlers.TypedEnd, ""))
			return b.String(), spans
		}
		b.WriteString(strings.ReplaceAll(s[:i], handlers.TypedEnd, ""))
		b.WriteString(emptySpan)
		s = s[i+len(handlers.TypedStart):]
		span := s
		if j := strings.Index(s, handlers.TypedEnd); j >= 0 {
			span, s = s[:j], s[j+len(handlers.TypedEnd):]
		} else {
			s = ""
		}
		spans = append(spans, strings.ReplaceAll(span, handlers.TypedStart, ""))
	}
}

// putTyped puts each span's text back in the empty pair cutTyped left, in
// order, through f when f is not nil, and between its marks when marks is
// true.
func putTyped(s string, spans []string, marks bool, f func(string) string) string {
	var b strings.Builder
	b.Grow(len(s) + 2*len(spans))
	for _, span := range spans {
		i := strings.Index(s, emptySpan)
		if i < 0 {
			break
		}
		b.WriteString(s[:i])
		if f != nil {
			span = f(span)
		}
		if marks {
			b.WriteString(handlers.TypedStart + span + handlers.TypedEnd)
		} else {
			b.WriteString(span)
		}
		s = s[i+len(emptySpan):]
	}
	b.WriteString(strings.ReplaceAll(s, emptySpan, ""))
	return b.String()
}

// mdObject is a mrkdwn text object for what mrkdwn wrote: one holding
// typed text (any mark of a typed span) loses the marks and is verbatim,
// so Slack links no URL, channel name or @here in it. The bot's own links
// and mentions are written out in full, which verbatim text still draws.
func mdObject(s string) *slack.TextBlockObject {
	t := &slack.TextBlockObject{Type: slack.MarkdownType}
	setMarkdown(t, s)
	return t
}

// setMarkdown fills t as mdObject does.
func setMarkdown(t *slack.TextBlockObject, s string) {
	if strings.Contains(s, handlers.TypedStart) || strings.Contains(s, handlers.TypedEnd) {
		s, t.Verbatim = handlers.Unmarked(s), true
	}
	t.Text = s
}

// bold rewrites each **text** (text of no * or line break) as text between
// two marks: what a regexp \*\*([^*\n]+)\*\* replacing with mark$1mark
// writes, without a regexp's cost on every reply with a date in bold.
func bold(s, mark string) string {
	var b strings.Builder
	b.Grow(len(s))
	done := 0 // s[:done] is written
	for i := 0; i+1 < len(s); {
		if s[i] != '*' || s[i+1] != '*' {
			i++
			continue
		}
		j := i + 2
		for j < len(s) && s[j] != '*' && s[j] != '\n' {
			j++
		}
		if j == i+2 || j+1 >= len(s) || s[j] != '*' || s[j+1] != '*' {
			i++
			continue
		}
		b.WriteString(s[done:i])
		b.WriteString(mark)
		b.WriteString(s[i+2 : j])
		b.WriteString(mark)
		done, i = j+2, j+2
	}
	if done == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}

// Built once: a Replacer's first use builds its tables, and these run for
// every reply.
var (
	escaper   = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	linkLabel = strings.NewReplacer("|", "/", ">", "›") // what would end a <url|label> early
)

func escape(s string) string {
	return escaper.Replace(s)
}

func bullets(s, mark string) string {
	if !strings.HasPrefix(s, "- ") && !strings.Contains(s, "\n- ") {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if rest, ok := strings.CutPrefix(l, "- "); ok {
			lines[i] = mark + rest
		}
	}
	return strings.Join(lines, "\n")
}

// Blocks renders a reply as Block Kit blocks that fit Slack's limits, and
// the plain text Slack shows in notifications and where blocks cannot be
// drawn.
func Blocks(r handlers.Reply) ([]slack.Block, string) {
	// Room for a usual reply: header, text, a block for each section, the
	// buttons and the context, without growing the list on the way.
	blocks := make([]slack.Block, 0, 4+len(r.Sections))
	if h := strings.TrimSpace(r.Header); h != "" {
		blocks = append(blocks, slack.NewHeaderBlock(slack.NewTextBlockObject(slack.PlainTextType, clip(handlers.Unmarked(h), maxHeaderText), true, false)))
	}
	for _, chunk := range splitText(mrkdwn(r.Text), maxSectionText) {
		blocks = append(blocks, section(chunk, nil))
	}
	for _, s := range r.Sections {
		blocks = append(blocks, sectionBlocks(s)...)
	}
	if len(r.Buttons) > 0 {
		blocks = append(blocks, actions(r.Buttons)...)
	}
	if ctx := contextBlock(r); ctx != nil {
		blocks = append(blocks, ctx)
	}
	if len(blocks) > maxBlocks {
		blocks = append(blocks[:maxBlocks-1], slack.NewContextBlock("", slack.NewTextBlockObject(slack.MarkdownType, "_This answer was shortened to fit in Slack._", false, false)))
	}
	if len(blocks) == 0 {
		blocks = nil // none: nil, as it always was (null in JSON)
	}
	return blocks, Fallback(r)
}

// Fallback is the short text of a reply that Slack shows in notifications:
// its header and opening, in plain words. Slack reads it as mrkdwn, so it is
// escaped whole: nothing in it, least of all text a person typed, can become
// a link, a mention or a channel-wide ping.
func Fallback(r handlers.Reply) string {
	parts := []string{}
	if r.Header != "" {
		parts = append(parts, handlers.Unmarked(r.Header))
	}
	if r.Text != "" {
		parts = append(parts, plain(r.Text))
	} else if len(r.Sections) > 0 {
		s := r.Sections[0]
		opening := plain(s.Text)
		if t := strings.TrimSpace(handlers.Unmarked(s.Typed)); t != "" {
			opening = strings.TrimSpace(opening + "\n" + t)
		}
		parts = append(parts, opening)
	}
	return clipEscaped(strings.Join(parts, ": "), maxFallbackText)
}

// clipEscaped escapes s and shortens the result to at most n characters,
// never leaving half an escape such as "&am" at the cut.
func clipEscaped(s string, n int) string {
	e := escape(s)
	if utf8.RuneCountInString(e) <= n {
		return e
	}
	e = strings.TrimSuffix(text.Clip(e, n), "…")
	if amp := strings.LastIndexByte(e, '&'); amp >= 0 && len(e)-amp < len("&amp;") && !strings.Contains(e[amp:], ";") {
		e = e[:amp]
	}
	return e + "…"
}

// sectionBlocks draws one section: its heading and text as mrkdwn, then
// what the person typed, escaped and verbatim, so Slack converts none of it
// into a link or a mention, then its fields. A part too long for one block
// is split over several.
func sectionBlocks(s handlers.Section) []slack.Block {
	md := s.Text
	if s.Heading != "" {
		md = "**" + s.Heading + "**\n" + md
	}
	var parts []*slack.TextBlockObject
	for _, c := range splitText(mrkdwn(strings.TrimSpace(md)), maxSectionText) {
		parts = append(parts, mdObject(c))
	}
	for _, c := range splitText(escape(handlers.Unmarked(s.Typed)), maxSectionText) {
		parts = append(parts, slack.NewTextBlockObject(slack.MarkdownType, c, false, true))
	}
	fields := fieldObjects(s.Fields)
	if len(parts) == 0 && len(fields) > 0 {
		parts = noText
	}
	out := make([]slack.Block, 0, len(parts)+len(fields)/(maxFields+1))
	for i, t := range parts {
		var f []*slack.TextBlockObject
		if i == len(parts)-1 {
			f = fields
		}
		for len(f) > maxFields {
			out = append(out, slack.NewSectionBlock(t, f[:maxFields], nil))
			t, f = nil, f[maxFields:]
		}
		out = append(out, slack.NewSectionBlock(t, f, nil))
	}
	return out
}

// noText is the text of a section of fields only; never written to.
var noText = []*slack.TextBlockObject{nil}

func section(text string, fields []*slack.TextBlockObject) *slack.SectionBlock {
	var t *slack.TextBlockObject
	if text != "" {
		t = mdObject(text)
	}
	return slack.NewSectionBlock(t, fields, nil)
}

func fieldObjects(fields []handlers.Field) []*slack.TextBlockObject {
	if len(fields) == 0 {
		return nil
	}
	// One allocation for the objects and one for the list, not one each.
	objs := make([]slack.TextBlockObject, len(fields))
	out := make([]*slack.TextBlockObject, len(fields))
	for i, f := range fields {
		objs[i].Type = slack.MarkdownType
		setMarkdown(&objs[i], clip("*"+escape(f.Label)+"*\n"+mrkdwn(f.Value), maxFieldText))
		out[i] = &objs[i]
	}
	return out
}

// button is what one button is made of, so a reply's buttons take one
// allocation, not several each.
type button struct {
	emoji bool
	label slack.TextBlockObject
	elem  slack.ButtonBlockElement
}

// actionIDs are the action ids of the first buttons, made once.
var actionIDs = func() (ids [2][maxActions]string) {
	for i := range maxActions {
		ids[0][i], ids[1][i] = actionRunPrefix+strconv.Itoa(i), actionLinkPrefix+strconv.Itoa(i)
	}
	return ids
}()

func actionID(prefix string, i int) string {
	if i < maxActions {
		if prefix == actionRunPrefix {
			return actionIDs[0][i]
		}
		return actionIDs[1][i]
	}
	return prefix + strconv.Itoa(i)
}

func actions(buttons []handlers.Button) []slack.Block {
	var blocks []slack.Block
	parts := make([]button, len(buttons))
	elems := make([]slack.BlockElement, 0, min(len(buttons), maxActions))
	for i, b := range buttons {
		p := &parts[i]
		p.emoji = true
		p.label = slack.TextBlockObject{Type: slack.PlainTextType, Text: clip(handlers.Unmarked(b.Label), maxButtonText), Emoji: &p.emoji}
		p.elem = slack.ButtonBlockElement{Type: slack.METButton, Text: &p.label}
		switch {
		case b.URL != "":
			p.elem.ActionID, p.elem.URL = actionID(actionLinkPrefix, i), b.URL
		case b.Command != "":
			p.elem.ActionID, p.elem.Value = actionID(actionRunPrefix, i), clip(strings.TrimSpace(b.Command+" "+handlers.Unmarked(b.Args)), maxButtonValue)
		default:
			p.elem.ActionID, p.elem.Value = b.Action, clip(handlers.Unmarked(b.Value), maxButtonValue)
		}
		if b.Primary {
			p.elem.Style = slack.StylePrimary
		}
		elems = append(elems, &p.elem)
		if len(elems) == maxActions {
			blocks = append(blocks, slack.NewActionBlock("", elems...))
			elems = elems[len(elems):]
		}
	}
	if len(elems) > 0 {
		blocks = append(blocks, slack.NewActionBlock("", elems...))
	}
	return blocks
}

func contextBlock(r handlers.Reply) slack.Block {
	var elems []slack.MixedElement
	if len(r.Sources) > 0 {
		var links []string
		for _, s := range r.Sources {
			l := fmt.Sprintf("<%s|%s>", s.URL, linkLabel.Replace(escape(s.Title)))
			if s.AsOf != "" {
				l += " (as of " + s.AsOf + ")"
			}
			links = append(links, l)
		}
		// Sources share elements so that many fit the element limit, and a
		// link is never cut in two.
		cur := "Sources: "
		for i, l := range links {
			if i > 0 && len(cur)+len(l)+3 > maxSectionText {
				elems = append(elems, slack.NewTextBlockObject(slack.MarkdownType, cur, false, false))
				cur = ""
			} else if i > 0 {
				cur += " · "
			}
			cur += clip(l, maxSectionText)
		}
		elems = append(elems, slack.NewTextBlockObject(slack.MarkdownType, cur, false, false))
	}
	if r.Note != "" {
		elems = append(elems, mdObject(clip(mrkdwn(r.Note), maxSectionText)))
	}
	if len(elems) == 0 {
		return nil
	}
	if len(elems) > maxContextElems {
		elems = elems[:maxContextElems]
	}
	return slack.NewContextBlock("", elems...)
}

// splitText cuts s into pieces of at most n bytes, at a paragraph or line
// break where it can, so no piece breaks a Slack limit.
func splitText(s string, n int) []string {
	s = strings.TrimSpace(s)
	var out []string
	for len(s) > n {
		cut := strings.LastIndex(s[:n], "\n\n")
		if cut < n/2 {
			cut = strings.LastIndex(s[:n], "\n")
		}
		if cut < n/2 {
			cut = strings.LastIndex(s[:n], " ")
		}
		if cut <= 0 {
			cut = n
			for cut > 0 && !utf8Start(s[cut]) {
				cut--
			}
			// Nor inside an escape such as "&amp;", whose halves would
			// show as typed.
			if amp := strings.LastIndexByte(s[:cut], '&'); amp > 0 && cut-amp < len("&amp;") && !strings.Contains(s[amp:cut], ";") {
				cut = amp
			}
		}
		out = append(out, strings.TrimSpace(s[:cut]))
		s = strings.TrimSpace(s[cut:])
	}
	if s != "" {
		out = append(out, s)
	}
	return out
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }

// Text renders a reply as plain text for the console. invoke spells a
// command as the person would type it, for button hints.
func Text(r handlers.Reply, invoke func(name, args string) string) string {
	var b strings.Builder
	if h := handlers.Unmarked(r.Header); h != "" {
		b.WriteString(h + "\n")
		b.WriteString(strings.Repeat("=", min(len([]rune(h)), 60)) + "\n")
	}
	if r.Text != "" {
		b.WriteString(plain(r.Text) + "\n")
	}
	for _, s := range r.Sections {
		b.WriteString("\n")
		if s.Heading != "" {
			b.WriteString(handlers.Unmarked(s.Heading) + "\n")
		}
		if s.Text != "" {
			b.WriteString(plain(s.Text) + "\n")
		}
		if s.Typed != "" {
			b.WriteString(handlers.Unmarked(s.Typed) + "\n") // as typed: nothing converted
		}
		for _, f := range s.Fields {
			fmt.Fprintf(&b, "  %s: %s\n", handlers.Unmarked(f.Label), plain(f.Value))
		}
	}
	if len(r.Buttons) > 0 {
		b.WriteString("\nNext:\n")
		for _, btn := range r.Buttons {
			switch {
			case btn.URL != "":
				fmt.Fprintf(&b, "  %s: %s\n", handlers.Unmarked(btn.Label), btn.URL)
			case btn.Command != "":
				fmt.Fprintf(&b, "  %s: type %s\n", handlers.Unmarked(btn.Label), invoke(btn.Command, handlers.Unmarked(btn.Args)))
			default:
				fmt.Fprintf(&b, "  %s (a button in Slack)\n", handlers.Unmarked(btn.Label))
			}
		}
	}
	if len(r.Sources) > 0 {
		b.WriteString("\nSources:\n")
		for _, s := range r.Sources {
			asOf := ""
			if s.AsOf != "" {
				asOf = " (as of " + s.AsOf + ")"
			}
			fmt.Fprintf(&b, "  - %s%s\n    %s\n", s.Title, asOf, s.URL)
		}
	}
	if r.Note != "" {
		b.WriteString("\n" + plain(r.Note) + "\n")
	}
	return b.String()
}
