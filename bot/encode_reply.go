package bot

import (
	"strings"

	"github.com/slack-go/slack"

	"github.com/peerbot/peerbot/handlers"
)

// appendReply appends the JSON encodeMessage writes for r, for the replies
// most slash commands give (a header, an opening, sections of fields
// only, buttons, a note), straight from the reply: Blocks' slack-go
// values, made to be written once and dropped, were a third of a
// /supervision status reply's allocations. For any other reply (sources,
// a section with a heading, text or typed text, more fields or buttons
// than one block takes) it appends nothing and reports false, and the
// caller renders it with Blocks. The bytes are encodeMessage's; a test
// holds it to that.
func appendReply(dst []byte, r handlers.Reply) ([]byte, bool) {
	if !replyOfSubset(r) {
		return dst, false
	}
	header := strings.TrimSpace(r.Header)
	chunks := splitText(mrkdwn(r.Text), maxSectionText)
	n := len(chunks) + len(r.Sections)
	if header != "" {
		n++
	}
	if len(r.Buttons) > 0 {
		n++
	}
	if r.Note != "" {
		n++
	}
	if n == 0 || n > maxBlocks {
		return dst, false
	}
	dst = append(dst, `{"blocks":[`...)
	if header != "" {
		dst = append(dst, `{"type":"header","text":{"type":"plain_text","text":`...)
		dst = appendString(dst, clip(handlers.Unmarked(header), maxHeaderText))
		dst = append(dst, `,"emoji":true}},`...)
	}
	for _, c := range chunks {
		dst = append(dst, `{"type":"section","text":`...)
		dst = appendMarkdown(dst, c)
		dst = append(dst, `},`...)
	}
	for _, s := range r.Sections {
		dst = append(dst, `{"type":"section","fields":[`...)
		for i, f := range s.Fields {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendMarkdown(dst, clip("*"+escape(f.Label)+"*\n"+mrkdwn(f.Value), maxFieldText))
		}
		dst = append(dst, `]},`...)
	}
	if len(r.Buttons) > 0 {
		dst = append(dst, `{"type":"actions","elements":[`...)
		for i, b := range r.Buttons {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendButton(dst, i, b)
		}
		dst = append(dst, `]},`...)
	}
	if r.Note != "" {
		dst = append(dst, `{"type":"context","elements":[`...)
		dst = appendMarkdown(dst, clip(mrkdwn(r.Note), maxSectionText))
		dst = append(dst, `]},`...)
	}
	dst = dst[:len(dst)-1] // the comma after the last block
	return appendMessageTail(dst, responseType(r), Fallback(r)), true
}

// replyOfSubset reports whether appendReply writes r: no sources, each
// section fields only and few enough for one block, buttons few enough
// for one block.
func replyOfSubset(r handlers.Reply) bool {
	if len(r.Sources) > 0 || len(r.Buttons) > maxActions {
		return false
	}
	for _, s := range r.Sections {
		if s.Heading != "" || s.Text != "" || s.Typed != "" || len(s.Fields) == 0 || len(s.Fields) > maxFields {
			return false
		}
	}
	return true
}

// appendMarkdown writes the mrkdwn text object mdObject makes of s.
func appendMarkdown(dst []byte, s string) []byte {
	verbatim := false
	if strings.Contains(s, handlers.TypedStart) || strings.Contains(s, handlers.TypedEnd) {
		s, verbatim = handlers.Unmarked(s), true
	}
	dst = append(dst, `{"type":"mrkdwn","text":`...)
	dst = appendString(dst, s)
	if verbatim {
		dst = append(dst, `,"verbatim":true`...)
	}
	return append(dst, '}')
}

// appendButton writes the i'th button as actions draws it.
func appendButton(dst []byte, i int, b handlers.Button) []byte {
	var id, url, value string
	switch {
	case b.URL != "":
		id, url = actionID(actionLinkPrefix, i), b.URL
	case b.Command != "":
		id, value = actionID(actionRunPrefix, i), clip(strings.TrimSpace(b.Command+" "+handlers.Unmarked(b.Args)), maxButtonValue)
	default:
		id, value = b.Action, clip(handlers.Unmarked(b.Value), maxButtonValue)
	}
	dst = append(dst, `{"type":"button","text":{"type":"plain_text","text":`...)
	dst = appendString(dst, clip(handlers.Unmarked(b.Label), maxButtonText))
	dst = append(dst, `,"emoji":true}`...)
	dst = appendOmitEmpty(dst, "action_id", id)
	dst = appendOmitEmpty(dst, "url", url)
	dst = appendOmitEmpty(dst, "value", value)
	if b.Primary {
		dst = appendOmitEmpty(dst, "style", string(slack.StylePrimary))
	}
	return append(dst, '}')
}

// appendMessageTail closes the blocks and writes the rest of what
// appendMessage writes after them.
func appendMessageTail(dst []byte, responseType, text string) []byte {
	dst = append(dst, `],"response_type":`...)
	dst = appendString(dst, responseType)
	dst = append(dst, `,"text":`...)
	dst = appendString(dst, text)
	return append(dst, "}\n"...)
}
