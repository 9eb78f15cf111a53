package handlers

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/peerbot/peerbot/internal/text"
	"github.com/peerbot/peerbot/knowledge"
	"github.com/peerbot/peerbot/supervision"
)

// Searcher finds content entries for a question. *knowledge.Base satisfies
// it.
type Searcher interface {
	Search(query string, o knowledge.SearchOptions) knowledge.Results
	Answer(query string, a knowledge.Asker) knowledge.Answer
	Entries() []*knowledge.Entry
	Entry(id string) (*knowledge.Entry, bool)
	// Knows reports whether a normalised query term is a word of the
	// content's own vocabulary, so only such words are ever counted.
	Knows(term string) bool
}

// Claimer records that something was done once within a while, so a
// double-click does not do it twice. *store.Redis satisfies it.
type Claimer interface {
	// Claim reports whether this is the first claim of the given ids
	// within scope in the last ttl, and records it.
	Claim(ctx context.Context, scope string, ttl time.Duration, ids ...string) (bool, error)
	// Release forgets claims of ids within scope, so the thing may be
	// done again: it was not done after all.
	Release(ctx context.Context, scope string, ids ...string) error
}

// AnswersOptions configures the answers handlers. Content and Feedback are
// required.
type AnswersOptions struct {
	Content  Searcher
	Feedback Feedback
	// Profiles gives a person's locality, so local content comes first.
	// Nil, or down: everyone gets the national order.
	Profiles Profiles
	// Once stops a double-clicked "ask the network" button posting twice.
	// Nil: every click posts.
	Once Claimer
	// Pending holds a question the asker may post to the peer support
	// channel, so the buttons carry an id, not the text. Nil, or down:
	// the offer is not made.
	Pending Pending
	// PeerChannelID is the peer support channel questions may be posted
	// to; "" when there is none, and the offer is not made.
	PeerChannelID string
}

// Answers answers questions from the content: /ask and free text in
// mentions and direct messages, /resources, the buttons under an answer
// (feedback, and posting a question to the peer support channel) and the
// admins' list of unanswered questions. It is safe for concurrent use.
type Answers struct {
	content     Searcher
	feedback    Feedback
	profiles    Profiles
	once        Claimer
	pending     Pending
	peerChannel string
}

// NewAnswers returns the answers handlers.
func NewAnswers(o AnswersOptions) *Answers {
	return &Answers{
		content:     o.Content,
		feedback:    o.Feedback,
		profiles:    o.Profiles,
		once:        o.Once,
		pending:     o.Pending,
		peerChannel: o.PeerChannelID,
	}
}

// Commands are the answers entries of the command table.
func (h *Answers) Commands() []Command {
	return []Command{
		{
			Name:        "ask",
			Aliases:     []string{"question", "q"},
			Usage:       "<question>",
			Description: "Answers a question about the roles, supervision and resources, in your own words, and says where the answer comes from.",
			Examples:    askExamples,
			Run:         h.Ask,
		},
		{
			Name:        "resources",
			ReadOnly:    true,
			Aliases:     []string{"resource"},
			Usage:       "[topic]",
			Description: "Lists guides, training and networks for the roles, local ones first, or the ones on a topic.",
			Examples:    []string{"", "training", "supervision"},
			Run:         h.Resources,
		},
		{
			Name:        "feedback",
			Usage:       "<answer id> helpful|not-helpful",
			Description: "Says whether an answer helped.",
			Hidden:      true,
			Run:         h.Feedback,
		},
		{
			Name:        "article",
			ReadOnly:    true,
			Usage:       "<article id>",
			Description: "Shows a whole article, from the button under an answer.",
			Hidden:      true,
			Run:         h.Article,
		},
		{
			Name:        "share",
			Usage:       "named|anon <question>",
			Description: "Posts a question to the peer support channel, with your name or without it.",
			Hidden:      true,
			Run:         h.Share,
		},
		{
			Name:        "unanswered",
			ReadOnly:    true,
			Usage:       "[how many]",
			Description: "Lists the words people asked about most when no answer matched well.",
			Examples:    []string{"", "50"},
			AdminOnly:   true,
			Run:         h.Unanswered,
		},
	}
}

var askExamples = []string{
	"what does a health and wellbeing coach do",
	"how often should a link worker get supervision",
	"care coordinator training",
}

// Ask answers /ask <question>: the best answer with up to two related ones,
// or, when nothing matches well, says so and offers to ask the peer
// support channel. It works without the store: a question is never left
// unanswered because Redis is down.
func (h *Answers) Ask(ctx context.Context, req Request) (Reply, error) {
	if supervision.ContainsNHSNumber(req.Args) {
		// Nothing of it is searched, counted, logged or offered for sharing.
		return Say(nhsRefusal), nil
	}
	q := questionWords(req.Args)
	switch smallTalk(q) {
	case "hello":
		if q == "" {
			return askUsage(req), nil
		}
		r := askUsage(req)
		r.Text = "Hello! " + r.Text
		return r, nil
	case "thanks":
		return Say("You're welcome. Ask me anything else about the roles, supervision or resources."), nil
	}
	asker, read := h.askerRead(ctx, req.UserID)
	a := h.content.Answer(q, asker)
	var r Reply
	switch {
	case a.Safety:
		// Risk to someone: the safety reply leads, alone; articles follow
		// as lines to read afterwards, never as the answer.
		r = h.safetyOnly(a)
	case a.Kind == knowledge.Usage:
		r = usageReply(req, a.Usage)
	case a.Confident():
		r = h.answer(a)
	case len(a.ForRoles) > 0:
		r = chooseRole(req, a.ForRoles, read)
	default:
		h.countUnanswered(ctx, a.Results.Terms)
		// A question shared with the channel is the one typed, markup and all:
		// it is shown as typed there, never as a mention.
		r = h.notSure(ctx, req.UserID, strings.TrimSpace(req.Args), asker, a)
	}
	if a.Safety {
		// The fixed safety reply comes first, whatever else is found.
		r.Text = strings.TrimSpace(knowledge.SafetyReply + "\n\n" + r.Text)
	}
	return r, nil
}

// usageReply answers a question about using peerbot itself ("how do I log
// a session") with the command that does it, spelled as the person would
// type it here, and where its help is: the command table's help says the
// rest, so the two never disagree.
func usageReply(req Request, u knowledge.UsageHint) Reply {
	if u.Command == "" {
		return Say(fmt.Sprintf("To %s, type %s. Or ask me about the roles, supervision or resources, in your own words.",
			u.Does, req.Invocation("help", "")))
	}
	text := fmt.Sprintf("To %s, use %s.", u.Does, req.Invocation(u.Command, u.Args))
	if u.Note != "" {
		text += " " + u.Note
	}
	return Say(text + fmt.Sprintf(" Type %s for more.", req.Invocation(u.Command, strings.TrimSpace(u.Args+" help"))))
}

// nhsRefusal answers text that seems to hold an NHS number.
const nhsRefusal = "I haven't kept or searched that: it seems to hold an NHS number. Please take out anything that could identify a patient and ask again."

// countUnanswered counts the words of a question nothing answered well,
// keeping only words of the content's own vocabulary, so a name, a number or
// anything else a person typed never enters the counts. A count lost to a
// store fault is not worth failing the answer.
func (h *Answers) countUnanswered(ctx context.Context, terms []string) {
	if h.feedback == nil {
		return
	}
	var known []string
	for _, t := range terms {
		if h.content.Knows(t) {
			known = append(known, t)
		}
	}
	if len(known) > 0 {
		_ = h.feedback.CountUnanswered(ctx, known)
	}
}

// Converse answers free text in a mention or a direct message as /ask does,
// a greeting or thanks included.
func (h *Answers) Converse(ctx context.Context, req Request) (Reply, error) {
	return h.Ask(ctx, req)
}

// smallTalk names a greeting or thanks, which deserve a reply but are not
// questions the content has missed.
func smallTalk(s string) string {
	s = strings.ToLower(strings.Trim(strings.TrimSpace(s), "!.,:;?) "))
	switch s {
	case "", "hi", "hello", "hey", "hiya", "good morning", "good afternoon", "morning", "hi there", "hello there":
		return "hello"
	case "thanks", "thank you", "thankyou", "ta", "cheers", "thanks a lot", "thank you very much", "many thanks":
		return "thanks"
	}
	return ""
}

func askUsage(req Request) Reply {
	var ex []string
	for _, e := range askExamples {
		ex = append(ex, "- "+req.Invocation("ask", e))
	}
	return Reply{Text: "Ask me about the personalised care roles, supervision or resources, in your own words. For example:\n" +
		strings.Join(ex, "\n")}
}

// asker is the person's role and locality from their profile, empty when
// they have none or the store cannot say: an answer never waits on Redis.
func (h *Answers) asker(ctx context.Context, userID string) knowledge.Asker {
	a, _ := h.askerRead(ctx, userID)
	return a
}

// askerRead is asker, and whether the profile could be read: false when
// the store did not answer, so a reply does not ask a person who set up
// to set up.
func (h *Answers) askerRead(ctx context.Context, userID string) (knowledge.Asker, bool) {
	if h.profiles == nil || userID == "" {
		return knowledge.Asker{}, true
	}
	p, ok, err := h.profiles.Profile(ctx, userID)
	if err != nil {
		return knowledge.Asker{}, false
	}
	if !ok {
		return knowledge.Asker{}, true
	}
	return knowledge.Asker{Role: string(p.Role), Locality: p.Locality}, true
}

// An answer leads with the passage of its article that answers the
// question, whole, and keeps the rest a button away. A passage longer than
// passageChars is cut after its last whole sentence within that.
const (
	passageChars = 2400
	relatedHits  = 2
	nearestHits  = 3
	// relatedConfidence is how sure the search must be of a related
	// answer; a weaker one is noise under a good answer.
	relatedConfidence = 0.5
)

func (h *Answers) answer(a knowledge.Answer) Reply {
	e := a.Entry
	r := Reply{Header: e.Title}
	switch {
	case a.Lead != "":
		r.Text = a.Lead
		if a.Kind == knowledge.WhoToRefer {
			r.Header = "Who can help: " + e.Title
		}
	default:
		p := a.Passage
		r.Text = wholeSentences(p.Text, passageChars)
		if p.Heading != "" && !strings.EqualFold(p.Heading, "summary") {
			r.Text = "**" + p.Heading + "**\n" + r.Text
		}
	}
	r.Sections = append(didYouMean(a.Results), r.Sections...)
	if len(a.Local) > 0 {
		var lines []string
		for _, l := range a.Local {
			lines = append(lines, entryLine(l))
		}
		heading := "In your area"
		if loc := a.Local[0].Locality; loc != "" {
			heading = "In " + strings.ToUpper(loc[:1]) + loc[1:]
		}
		r.Sections = append(r.Sections, Section{Heading: heading, Text: strings.Join(lines, "\n")})
	}
	var related []string
	for _, hit := range a.Results.Hits {
		if len(related) == relatedHits || hit.Confidence < relatedConfidence {
			break
		}
		if hit.Entry == e || slices.Contains(a.Local, hit.Entry) {
			continue
		}
		related = append(related, entryLine(hit.Entry))
	}
	if len(related) > 0 {
		r.Sections = append(r.Sections, Section{Heading: "Related", Text: strings.Join(related, "\n")})
	}
	r.Buttons = []Button{
		{Label: "Helpful", Command: "feedback", Args: e.ID + " helpful"},
		{Label: "Not helpful", Command: "feedback", Args: e.ID + " not-helpful"},
	}
	if len(e.Sections) > 1 {
		r.Buttons = append(r.Buttons, Button{Label: "Show the whole article", Command: "article", Args: e.ID})
	}
	r.Sources = sources(e)
	r.Note = reviewed(e)
	return r
}

// entryLine is an entry in a list: its title, summary and first source.
func entryLine(e *knowledge.Entry) string {
	line := fmt.Sprintf("- **%s**: %s", e.Title, e.Summary)
	if len(e.Sources) > 0 {
		src := e.Sources[0]
		line += fmt.Sprintf(" (from [%s](%s))", src.Title, src.URL)
	}
	return line
}

// chooseRole answers a question about the asker's own role from someone
// whose profile does not say their role: one button for each role's answer.
func chooseRole(req Request, entries []*knowledge.Entry, profileRead bool) Reply {
	r := Reply{Text: fmt.Sprintf("That depends on your role. Pick yours below, or set it with %s and I'll answer for your role next time.", req.Invocation("supervision", "setup"))}
	if !profileRead {
		r.Text = "That depends on your role, and I can't read your profile just now. Pick your role below."
	}
	for _, e := range entries {
		r.Buttons = append(r.Buttons, Button{Label: text.Clip(e.Title, 70), Command: "article", Args: e.ID})
	}
	return r
}

// safetyOnly is the answer to a question about risk: the safety reply
// (added by Ask) and any article that may help afterwards, never "I'm not
// sure" and never an article in the safety reply's place. It is not
// offered for sharing.
func (h *Answers) safetyOnly(a knowledge.Answer) Reply {
	r := Reply{Text: "When you can, talk it through with your supervisor too."}
	var near []string
	if a.Entry != nil {
		near = append(near, entryLine(a.Entry))
	}
	for _, hit := range a.Results.Hits {
		if a.Entry != nil && hit.Entry.ID == a.Entry.ID {
			continue
		}
		// A search that respelt the question read another one ("client
		// is sucidal" as "client is social"): its hits are no help.
		if len(near) == nearestHits || hit.Confidence < relatedConfidence || a.Results.DidYouMean != "" {
			break
		}
		near = append(near, entryLine(hit.Entry))
	}
	if len(near) > 0 {
		r.Sections = append(r.Sections, Section{Heading: "Articles that may help afterwards", Text: strings.Join(near, "\n")})
	}
	return r
}

// wholeSentences returns text, or when it is longer than n bytes, as many
// of its paragraphs, or else sentences, as fit, never cut mid-sentence.
func wholeSentences(text string, n int) string {
	if len(text) <= n {
		return text
	}
	cut := text[:n]
	if i := strings.LastIndex(cut, "\n"); i > n/2 {
		return strings.TrimSpace(cut[:i])
	}
	if i := strings.LastIndex(cut, ". "); i > 0 {
		return cut[:i+1]
	}
	return strings.TrimSpace(text[:strings.LastIndex(cut, " ")+1]) + " …"
}

// Article answers the "Show the whole article" button: article <id>.
func (h *Answers) Article(ctx context.Context, req Request) (Reply, error) {
	e, ok := h.content.Entry(strings.TrimSpace(req.Args))
	if !ok {
		return Say(fmt.Sprintf("I couldn't find that article; it may have changed since. Ask again with %s.", req.Invocation("ask", "your question"))), nil
	}
	r := Reply{Header: e.Title, Text: e.Summary}
	chars := 0
	for _, s := range e.Sections {
		if strings.EqualFold(s.Heading, "summary") {
			continue
		}
		if len(r.Sections) == maxArticleSections || chars+len(s.Text) > articleChars {
			r.Sections = append(r.Sections, Section{Text: "The rest is at the source below."})
			break
		}
		r.Sections = append(r.Sections, Section{Heading: s.Heading, Text: wholeSentences(s.Text, passageChars)})
		chars += len(s.Text)
	}
	r.Sources = sources(e)
	r.Note = reviewed(e)
	return r, nil
}

// An article shown whole still fits one Slack message.
const (
	maxArticleSections = 12
	articleChars       = 9000
)

func didYouMean(res knowledge.Results) []Section {
	if res.Suggested == "" {
		return nil
	}
	return []Section{{Text: fmt.Sprintf("Did you mean “%s”?", AsTyped(text.Clip(res.Suggested, 80)))}}
}

// maxShareQuestion is the most of a question held for sharing, and of a
// corrected question on an "Ask" button, well inside Slack's 2,000-character
// button value.
const maxShareQuestion = 1850

// outsideScope is what a not-sure reply says, in place of the nearest
// articles, to a question about something the content does not cover.
const outsideScope = "That's outside what I cover. I answer questions about the personalised care roles (social prescribing link workers, health and wellbeing coaches and care coordinators): what they do, who they help, and their supervision, training and resources."

func (h *Answers) notSure(ctx context.Context, userID, q string, asker knowledge.Asker, a knowledge.Answer) Reply {
	r := Reply{Text: "I'm not sure I know that one."}
	res := a.Results
	// The search has weighed its spelling corrections already; offer one
	// only when it would find an answer, not for a real word "corrected".
	var retry []Button
	if res.Suggested != "" {
		if again := h.content.Answer(res.Suggested, asker); again.Confident() {
			r.Sections = append(r.Sections, didYouMean(res)...)
			retry = []Button{{Label: text.Clip("Ask “"+res.Suggested+"”", 70), Command: "ask", Args: text.ClipBytes(res.Suggested, maxShareQuestion)}}
		}
	}
	var near []string
	for _, hit := range res.Hits {
		if len(near) == nearestHits {
			break
		}
		near = append(near, fmt.Sprintf("- **%s**: %s", hit.Entry.Title, hit.Entry.Summary))
	}
	switch {
	case a.Outside:
		// Articles that share a word with a drug dose or a leave booking
		// are no help: say what is covered instead.
		r.Sections = append(r.Sections, Section{Text: outsideScope})
	case len(near) > 0:
		r.Sections = append(r.Sections, Section{Heading: "The nearest I have", Text: strings.Join(near, "\n")})
	}
	if share := h.holdForSharing(ctx, userID, q); share != nil {
		r.Sections = append(r.Sections, Section{Text: "People in the peer support network may know. I can post your question to the peer support channel, with your name or without it."})
		r.Buttons = append(r.Buttons, share...)
	} else {
		r.Sections = append(r.Sections, Section{Text: "Try other words, or ask in your peer support network."})
	}
	r.Buttons = append(r.Buttons, retry...)
	r.Buttons = append(r.Buttons, Button{Label: "See all resources", Command: "resources"})
	return r
}
