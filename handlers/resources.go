package handlers

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/peerbot/peerbot/internal/text"
	"github.com/peerbot/peerbot/knowledge"
	"github.com/peerbot/peerbot/supervision"
)

// resourcePrefix starts the id of every resource article.
const resourcePrefix = "resource-"

// Limits that keep /resources well inside one Slack message: a section's
// text may be 3,000 characters and a message 50 blocks.
const (
	resourceSectionChars = 2500
	resourceHits         = 5
)

// Resources answers /resources [topic]: every resource, the person's own
// locality first, or the ones on a topic.
func (h *Answers) Resources(ctx context.Context, req Request) (Reply, error) {
	topic := strings.TrimSpace(req.Args)
	if supervision.ContainsNHSNumber(topic) {
		return Say(nhsRefusal), nil
	}
	asker, read := h.askerRead(ctx, req.UserID)
	loc := asker.Locality
	if topic == "" {
		return h.allResources(req, loc, "", read), nil
	}
	res := h.content.Search(topic, knowledge.SearchOptions{Locality: loc, Limit: resourceHits, IDPrefix: resourcePrefix})
	if !res.Confident || len(res.Hits) == 0 {
		return h.allResources(req, loc, topic, read), nil
	}
	r := Reply{
		Header: "Resources",
		Text:   fmt.Sprintf("These are the resources I have on “%s”:", AsTyped(text.Clip(topic, 80))),
	}
	var lines []string
	for i, hit := range res.Hits {
		if len(lines) == resourceHits || (i > 0 && hit.Confidence < relatedConfidence) {
			break
		}
		line := resourceLine(hit.Entry)
		if hit.Entry.Locality != "national" {
			line += fmt.Sprintf(" (%s)", localityName(hit.Entry.Locality))
		}
		lines = append(lines, line)
	}
	r.Sections = groupSections("", lines)
	r.Sections = append(didYouMean(res), r.Sections...)
	r.Buttons = []Button{{Label: "See all resources", Command: "resources"}}
	r.Note = "Each link goes to the resource's own page, which has the latest details."
	return r, nil
}

// allResources lists every resource article, grouped by locality: the
// person's own first, then national ones, then other places'. A topic that
// found nothing is said kindly before the list. profileRead is false when
// the person's locality could not be read.
func (h *Answers) allResources(req Request, loc, missed string, profileRead bool) Reply {
	groups := make(map[string][]*knowledge.Entry)
	for _, e := range h.content.Entries() {
		if strings.HasPrefix(e.ID, resourcePrefix) {
			groups[e.Locality] = append(groups[e.Locality], e)
		}
	}
	r := Reply{Header: "Resources"}
	if missed != "" {
		r.Text = fmt.Sprintf("I couldn't find a resource on “%s”, sorry. Here is everything I have; one of these may still help.", AsTyped(text.Clip(missed, 80)))
	} else {
		r.Text = "Guides, training and networks for the personalised care roles."
	}
	if len(groups) == 0 {
		r.Text += " There are no resources in my content yet."
		return r
	}
	for _, l := range localityOrder(loc, groups) {
		heading := localityName(l)
		switch {
		case l == loc && l != "national":
			heading = "For " + heading
		case l == "national":
			heading = "National"
		}
		var lines []string
		for _, e := range groups[l] {
			lines = append(lines, resourceLine(e))
		}
		r.Sections = append(r.Sections, groupSections(heading, lines)...)
	}
	r.Note = fmt.Sprintf("Ask about one topic: %s", req.Invocation("resources", "training"))
	switch {
	case !profileRead:
		r.Note += " · I can't read your locality just now, so local ones are not first."
	case loc == "":
		r.Note += fmt.Sprintf(" · Set your locality with %s to see local ones first.", req.Invocation("supervision", "setup"))
	}
	return r
}

// localityOrder puts the person's locality first, national next, then the
// rest in the order knowledge lists them, then any it does not know.
func localityOrder(loc string, groups map[string][]*knowledge.Entry) []string {
	var order []string
	add := func(l string) {
		if _, ok := groups[l]; ok && !slices.Contains(order, l) {
			order = append(order, l)
		}
	}
	add(loc)
	add("national")
	for _, l := range knowledge.Localities {
		add(l)
	}
	var rest []string
	for l := range groups {
		if !slices.Contains(order, l) {
			rest = append(rest, l)
		}
	}
	slices.Sort(rest)
	return append(order, rest...)
}

func resourceLine(e *knowledge.Entry) string {
	if len(e.Sources) == 0 {
		return fmt.Sprintf("- **%s** – %s", e.Title, e.Summary)
	}
	return fmt.Sprintf("- [%s](%s) – %s", e.Title, e.Sources[0].URL, e.Summary)
}

// localityName writes a locality as people read it: "gateshead" is
// "Gateshead".
func localityName(l string) string {
	if l == "" {
		return ""
	}
	return strings.ToUpper(l[:1]) + l[1:]
}

// groupSections puts lines into as few sections as fit the size limit, the
// first under heading.
func groupSections(heading string, lines []string) []Section {
	var out []Section
	cur := Section{Heading: heading}
	for _, l := range lines {
		if cur.Text != "" && len(cur.Text)+1+len(l) > resourceSectionChars {
			out = append(out, cur)
			cur = Section{}
		}
		if cur.Text != "" {
			cur.Text += "\n"
		}
		cur.Text += l
	}
	if cur.Text != "" {
		out = append(out, cur)
	}
	return out
}
