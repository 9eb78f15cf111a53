package handlers

import "strings"

// questionWords is the question a person typed, without Slack's own markup:
// a mention of someone ("<@U123>"), of a group ("<!subteam^S1>") or of the
// channel ("<!here>", "<!channel>") is not part of what they asked, and
// would otherwise be searched as words ("channel" found the peer support
// network). A channel link ("<#C123|wellbeing>") and a web link
// ("<https://a.example|the guide>") keep the words a person sees. Text
// outside markup is left as typed.
func questionWords(s string) string {
	if !strings.Contains(s, "<") {
		return strings.TrimSpace(s)
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			break
		}
		b.WriteString(s[:i])
		inner := s[i+1 : i+j]
		switch {
		case strings.HasPrefix(inner, "@"), strings.HasPrefix(inner, "!"):
			b.WriteByte(' ')
		case strings.HasPrefix(inner, "#"), strings.Contains(inner, "://"), strings.HasPrefix(inner, "mailto:"):
			if k := strings.IndexByte(inner, '|'); k >= 0 {
				inner = inner[k+1:]
			} else if strings.HasPrefix(inner, "#") {
				inner = ""
			}
			b.WriteString(" " + inner + " ")
		default:
			b.WriteString(s[i : i+j+1]) // not markup: "<3", "x < y > z"
		}
		s = s[i+j+1:]
	}
	b.WriteString(s)
	return strings.Join(strings.Fields(b.String()), " ")
}
