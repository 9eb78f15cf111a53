package main

import (
	"strings"
	"testing"
)

// TestHTTPTypedMarkupStaysText: Slack sends a person's typed <, > and & as
// &lt;, &gt; and &amp;. However peerbot reads them, what it shows back of
// them is never Slack markup in its own voice: no channel ping, mention or
// link made of what a person typed.
func TestHTTPTypedMarkupStaysText(t *testing.T) {
	p := startHTTP(t, nil)
	typed := `West &lt;!channel&gt; &lt;@U999&gt; &lt;https://evil.example|click&gt;`
	for _, step := range []struct{ command, text string }{
		{"/supervision", `setup role=splw pcn="` + typed + `"`},
		{"/supervision", "status"},
		{"/ask", "what is " + typed},
		{"/resources", typed},
	} {
		got := p.slashAs(t, "U01TYPER", step.command, step.text)
		for _, markup := range []string{"<!channel>", "<@U999>", "<https://evil.example"} {
			if strings.Contains(got, markup) {
				t.Errorf("%s %s: the reply holds %s as markup:\n%s", step.command, step.text, markup, got)
			}
		}
	}
}
