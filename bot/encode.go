package bot

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"

	"github.com/slack-go/slack"

	"github.com/peerbot/peerbot/handlers"
)

// The JSON of a reply, written by hand. encoding/json spends most of a
// reply's time on reflection and on slack-go's MarshalJSON methods, which
// marshal each nested list again and compact it. Replies use a small
// Block Kit subset (header, section, actions with buttons, context with
// text), so encodeMessage writes those directly and hands anything else to
// encoding/json. The bytes are the ones encoding/json writes for the same
// value, HTML escaping included; a test holds it to that.

// encodeMessage is the JSON of a reply as Slack takes it in an HTTP
// response or a Socket Mode acknowledgement: what
// json.NewEncoder(w).Encode(messagePayload(r)) writes, newline included.
func encodeMessage(r handlers.Reply) []byte {
	blocks, text := Blocks(r)
	return appendMessage(make([]byte, 0, 4096), blocks, responseType(r), text)
}

// appendMessage appends {"blocks":…,"response_type":…,"text":…} and a
// newline: the keys in encoding/json's (sorted) order for a map.
func appendMessage(dst []byte, blocks []slack.Block, responseType, text string) []byte {
	dst = append(dst, `{"blocks":`...)
	dst = appendBlocks(dst, blocks)
	dst = append(dst, `,"response_type":`...)
	dst = appendString(dst, responseType)
	dst = append(dst, `,"text":`...)
	dst = appendString(dst, text)
	return append(dst, "}\n"...)
}

func appendBlocks(dst []byte, blocks []slack.Block) []byte {
	if blocks == nil {
		return append(dst, "null"...)
	}
	dst = append(dst, '[')
	for i, b := range blocks {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendBlock(dst, b)
	}
	return append(dst, ']')
}

func appendBlock(dst []byte, b slack.Block) []byte {
	switch b := b.(type) {
	case *slack.HeaderBlock:
		if b == nil {
			break
		}
		dst = append(dst, `{"type":`...)
		dst = appendString(dst, string(b.Type))
		if b.Text != nil {
			dst = append(dst, `,"text":`...)
			dst = appendText(dst, b.Text)
		}
		dst = appendOmitEmpty(dst, "block_id", b.BlockID)
		if b.Level != 0 {
			dst = append(dst, `,"level":`...)
			dst = strconv.AppendInt(dst, int64(b.Level), 10)
		}
		return append(dst, '}')
	case *slack.SectionBlock:
		if b == nil || b.Accessory != nil {
			break
		}
		dst = append(dst, `{"type":`...)
		dst = appendString(dst, string(b.Type))
		if b.Text != nil {
			dst = append(dst, `,"text":`...)
			dst = appendText(dst, b.Text)
		}
		dst = appendOmitEmpty(dst, "block_id", b.BlockID)
		if len(b.Fields) > 0 {
			dst = append(dst, `,"fields":[`...)
			for i, f := range b.Fields {
				if i > 0 {
					dst = append(dst, ',')
				}
				dst = appendText(dst, f)
			}
			dst = append(dst, ']')
		}
		if b.Expand {
			dst = append(dst, `,"expand":true`...)
		}
		return append(dst, '}')
	case *slack.ActionBlock:
		if b == nil {
			break
		}
		dst = append(dst, `{"type":`...)
		dst = appendString(dst, string(b.Type))
		dst = appendOmitEmpty(dst, "block_id", b.BlockID)
		dst = append(dst, `,"elements":`...)
		if b.Elements == nil || b.Elements.ElementSet == nil {
			dst = append(dst, "null"...)
		} else {
			dst = append(dst, '[')
			for i, e := range b.Elements.ElementSet {
				if i > 0 {
					dst = append(dst, ',')
				}
				dst = appendElement(dst, e)
			}
			dst = append(dst, ']')
		}
		return append(dst, '}')
	case *slack.ContextBlock:
		if b == nil {
			break
		}
		dst = append(dst, `{"type":`...)
		dst = appendString(dst, string(b.Type))
		dst = appendOmitEmpty(dst, "block_id", b.BlockID)
		dst = append(dst, `,"elements":`...)
		if b.ContextElements.Elements == nil {
			dst = append(dst, "null"...)
		} else {
			dst = append(dst, '[')
			for i, e := range b.ContextElements.Elements {
				if i > 0 {
					dst = append(dst, ',')
				}
				if t, ok := e.(*slack.TextBlockObject); ok && t != nil {
					dst = appendText(dst, t)
				} else {
					dst = appendJSON(dst, e)
				}
			}
			dst = append(dst, ']')
		}
		return append(dst, '}')
	}
	return appendJSON(dst, b)
}

// appendElement writes a button; other elements go to encoding/json.
func appendElement(dst []byte, e slack.BlockElement) []byte {
	btn, ok := e.(*slack.ButtonBlockElement)
	if !ok || btn == nil || btn.Confirm != nil || btn.VisibleToUserIDs != nil {
		return appendJSON(dst, e)
	}
	dst = append(dst, '{')
	if btn.Type != "" {
		dst = append(dst, `"type":`...)
		dst = appendString(dst, string(btn.Type))
		dst = append(dst, ',')
	}
	dst = append(dst, `"text":`...)
	if btn.Text == nil {
		dst = append(dst, "null"...)
	} else {
		dst = appendText(dst, btn.Text)
	}
	dst = appendOmitEmpty(dst, "action_id", btn.ActionID)
	dst = appendOmitEmpty(dst, "url", btn.URL)
	dst = appendOmitEmpty(dst, "value", btn.Value)
	dst = appendOmitEmpty(dst, "style", string(btn.Style))
	dst = appendOmitEmpty(dst, "accessibility_label", btn.AccessibilityLabel)
	dst = appendOmitEmpty(dst, "agent_prompt", btn.AgentPrompt)
	dst = appendOmitEmpty(dst, "agent_prompt_display", btn.AgentPromptDisplay)
	return append(dst, '}')
}

func appendText(dst []byte, t *slack.TextBlockObject) []byte {
	dst = append(dst, `{"type":`...)
	dst = appendString(dst, t.Type)
	dst = append(dst, `,"text":`...)
	dst = appendString(dst, t.Text)
	if t.Emoji != nil {
		dst = append(dst, `,"emoji":`...)
		dst = strconv.AppendBool(dst, *t.Emoji)
	}
	if t.Verbatim {
		dst = append(dst, `,"verbatim":true`...)
	}
	return append(dst, '}')
}

func appendOmitEmpty(dst []byte, key, value string) []byte {
	if value == "" {
		return dst
	}
	dst = append(dst, ',', '"')
	dst = append(dst, key...)
	dst = append(dst, '"', ':')
	return appendString(dst, value)
}

// appendJSON is encoding/json's answer, for what the subset does not cover.
func appendJSON(dst []byte, v any) []byte {
	js, err := json.Marshal(v)
	if err != nil {
		return append(dst, "null"...) // as good as dropped; our blocks always marshal
	}
	return append(dst, js...)
}

const hexDigits = "0123456789abcdef"

// appendString writes s as a JSON string exactly as encoding/json does with
// HTML escaping on: < > & as \u003c \u003e \u0026, control characters
// escaped, invalid UTF-8 as \ufffd, and U+2028 and U+2029 escaped.
func appendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' && b != '<' && b != '>' && b != '&' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if c == '\u2028' || c == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[c&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
