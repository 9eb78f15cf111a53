package bot

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/peerbot/peerbot/handlers"
)

// Limits reports, in plain words, every place where a reply breaks one of
// Block Kit's limits as written, before Blocks splits or cuts it to fit. An
// empty result means the reply is shown whole. Content checks use it, so an
// article too long for Slack is found before anyone asks for it.
func Limits(r handlers.Reply) []string {
	var faults []string
	if n := utf8.RuneCountInString(strings.TrimSpace(r.Header)); n > maxHeaderText {
		faults = append(faults, fmt.Sprintf("header is %d characters, over Slack's %d", n, maxHeaderText))
	}
	if n := len(mrkdwn(r.Text)); n > maxSectionText {
		faults = append(faults, fmt.Sprintf("opening text is %d characters once drawn, over Slack's %d for a section", n, maxSectionText))
	}
	for i, s := range r.Sections {
		text := s.Text
		if s.Heading != "" {
			text = "**" + s.Heading + "**\n" + text
		}
		if n := len(mrkdwn(strings.TrimSpace(text))); n > maxSectionText {
			faults = append(faults, fmt.Sprintf("section %d (%q) is %d characters once drawn, over Slack's %d", i+1, clip(s.Heading, 40), n, maxSectionText))
		}
		if n := len(escape(s.Typed)); n > maxSectionText {
			faults = append(faults, fmt.Sprintf("section %d holds %d characters of typed text once escaped, over Slack's %d", i+1, n, maxSectionText))
		}
		if len(s.Fields) > maxFields {
			faults = append(faults, fmt.Sprintf("section %d has %d fields, over Slack's %d", i+1, len(s.Fields), maxFields))
		}
	}
	for _, b := range r.Buttons {
		if n := utf8.RuneCountInString(b.Label); n > maxButtonText {
			faults = append(faults, fmt.Sprintf("button %q is %d characters, over Slack's %d", clip(b.Label, 40), n, maxButtonText))
		}
		if n := len(strings.TrimSpace(b.Command + " " + b.Args)); b.URL == "" && n > maxButtonValue {
			faults = append(faults, fmt.Sprintf("button %q carries %d characters, over Slack's %d", clip(b.Label, 40), n, maxButtonValue))
		}
	}
	blocks, _ := Blocks(r)
	if n := len(blocks); n >= maxBlocks {
		faults = append(faults, fmt.Sprintf("draws %d or more blocks; Slack allows %d", n, maxBlocks))
	}
	return faults
}
