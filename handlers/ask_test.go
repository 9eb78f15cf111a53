package handlers_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/peerbot/peerbot/bot"
	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/internal/redistest"
	"github.com/peerbot/peerbot/knowledge"
	"github.com/peerbot/peerbot/store"
	"github.com/peerbot/peerbot/supervision"
)

// ansArticle writes one content file for a test's own small content, so the
// tests do not move when the shipped articles are edited.
func ansArticle(id, title, summary, locality, synonyms, body string) *fstest.MapFile {
	return &fstest.MapFile{Data: fmt.Appendf(nil, `---
id: %s
title: %s
summary: %s
locality: %s
synonyms: [%s]
owner: Training hub team
reviewed: 2026-11-01
sources:
  - title: "Source for %s"
    url: https://example.org/%s
    as_of: 2026-10-01
  - title: "Second source for %s"
    url: https://example.org/%s/more
---
%s
`, id, title, summary, locality, synonyms, id, id, id, id, body)}
}

func ansContent(t testing.TB) *knowledge.Base {
	t.Helper()
	fsys := fstest.MapFS{
		"supervision-splw.md": ansArticle("supervision-splw", "Supervision for social prescribing link workers",
			"Link workers should have regular supervision with a GP or clinical lead, as well as peer support.",
			"national", "link worker supervision, SPLW supervision",
			"## Summary\nThe short of it.\n\n## How often\nEvery month at least.\n\n## Who can supervise\nA GP or another clinical lead.\n\n## Group supervision\nAlongside other link workers.\n\n## Recording it\nKeep a note of dates only."),
		"supervision-hwbc.md": ansArticle("supervision-hwbc", "Supervision for health and wellbeing coaches",
			"Coaches need coaching supervision from a qualified coaching supervisor.",
			"national", "coach supervision, HWBC supervision",
			"## How often\nCoaches should get coaching supervision every month, as often as link workers get theirs."),
		"supervision-cc.md": ansArticle("supervision-cc", "Supervision for care coordinators",
			"Care coordinators have supervision from a named clinician in the practice.",
			"national", "CC supervision",
			"## How often\nCare coordinators should get supervision as often as link workers: every month."),
		"training-cc.md": ansArticle("training-cc", "Training for care coordinators",
			"The training care coordinators take in their first months.",
			"national", "CC training, induction",
			"## Courses\nPersonalised care courses."),
		"resource-national-academy.md": ansArticle("resource-national-academy", "National Academy for Social Prescribing",
			"A charity that champions social prescribing and shares evidence.",
			"national", "NASP",
			"## About\nA national charity."),
		"resource-coach-training.md": ansArticle("resource-coach-training", "Health coaching training courses",
			"Where coaches find accredited health coaching training.",
			"national", "coaching courses",
			"## About\nCourses."),
		"resource-gateshead-network.md": ansArticle("resource-gateshead-network", "Gateshead peer support network",
			"Monthly meetings for the personalised care roles in Gateshead.",
			"gateshead", "peer network gateshead",
			"## About\nMeetings in Gateshead."),
		"resource-london-network.md": ansArticle("resource-london-network", "London peer support network",
			"Regional meetings for the personalised care roles across London.",
			"london", "peer network london",
			"## About\nMeetings in London."),
	}
	base, err := knowledge.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return base
}

// ansStore opens the store on the test Redis under a prefix of the test's
// own, and returns the prefix so tests can look at the keys.
func ansStore(t testing.TB) (*store.Redis, string) {
	t.Helper()
	prefix := redistest.Prefix(t)
	s, err := store.Open(context.Background(), store.Options{URL: redistest.URL(t), Prefix: prefix})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, prefix
}

// ansDownStore is a store whose Redis has gone: every call fails.
func ansDownStore(t testing.TB) *store.Redis {
	t.Helper()
	s, _ := ansStore(t)
	s.Close()
	return s
}

const ansChannel = "CPEERS"

func newAnswers(t testing.TB, content handlers.Searcher, s *store.Redis, channel string) *handlers.Answers {
	t.Helper()
	return handlers.NewAnswers(handlers.AnswersOptions{
		Content: content, Feedback: s, Profiles: s, Once: s, Pending: s, PeerChannelID: channel,
	})
}

func ansLocality(t testing.TB, s *store.Redis, userID, locality string) {
	t.Helper()
	err := s.SaveProfile(context.Background(), supervision.Profile{
		UserID: userID, Role: supervision.LinkWorker, Locality: locality, TimeZone: "Europe/London",
	})
	if err != nil {
		t.Fatal(err)
	}
}

func ansRun(t testing.TB, f handlers.HandlerFunc, req handlers.Request) handlers.Reply {
	t.Helper()
	r, err := f(context.Background(), req)
	if err != nil {
		t.Fatalf("%s: %v", req.Args, err)
	}
	ansLimits(t, req.Args, r)
	return r
}

// ansLimits fails when a reply would not fit one Slack message as it is,
// before the renderer cuts anything.
func ansLimits(t testing.TB, name string, r handlers.Reply) {
	t.Helper()
	for _, fault := range bot.Limits(r) {
		t.Errorf("%s: %s", name, fault)
	}
	for _, b := range r.Buttons {
		if v := strings.TrimSpace(b.Command + " " + b.Args); len(v) > 1900 {
			t.Errorf("%s: button %q carries %d characters, want under 1,900", name, b.Label, len(v))
		}
	}
}

func ansHeadings(r handlers.Reply) []string {
	var out []string
	for _, s := range r.Sections {
		out = append(out, s.Heading)
	}
	return out
}

func ansSection(r handlers.Reply, heading string) (handlers.Section, bool) {
	for _, s := range r.Sections {
		if s.Heading == heading {
			return s, true
		}
	}
	return handlers.Section{}, false
}

func TestAskConfident(t *testing.T) {
	s, _ := ansStore(t)
	h := newAnswers(t, ansContent(t), s, ansChannel)
	for _, f := range []struct {
		name string
		run  handlers.HandlerFunc
	}{{"ask", h.Ask}, {"converse", h.Converse}} {
		t.Run(f.name, func(t *testing.T) {
			r := ansRun(t, f.run, handlers.Request{UserID: "U1", Args: "how often should a link worker get supervision"})
			if want := "Supervision for social prescribing link workers"; r.Header != want {
				t.Fatalf("header = %q, want %q", r.Header, want)
			}
			// The answer leads with the passage that answers the question.
			if want := "**How often**\nEvery month at least."; r.Text != want {
				t.Errorf("text = %q, want the passage that answers, %q", r.Text, want)
			}
			if got, want := strings.Join(ansHeadings(r), "|"), "Related"; got != want {
				t.Errorf("sections = %s, want %s", got, want)
			}
			related, _ := ansSection(r, "Related")
			if n := strings.Count(related.Text, "\n- ") + 1; n > 2 || !strings.HasPrefix(related.Text, "- ") {
				t.Errorf("related = %q, want one or two bullets", related.Text)
			}
			if !strings.Contains(related.Text, "](https://example.org/supervision-") {
				t.Errorf("related = %q, want each with its first source link", related.Text)
			}
			if len(r.Sources) != 2 || r.Sources[0].URL != "https://example.org/supervision-splw" || r.Sources[0].AsOf != "1 Oct 2026" {
				t.Errorf("sources = %+v, want the entry's two, dated", r.Sources)
			}
			if want := "Reviewed 1 Nov 2026 · Training hub team"; r.Note != want {
				t.Errorf("note = %q, want %q", r.Note, want)
			}
			wantButtons := []handlers.Button{
				{Label: "Helpful", Command: "feedback", Args: "supervision-splw helpful"},
				{Label: "Not helpful", Command: "feedback", Args: "supervision-splw not-helpful"},
			}
			if len(r.Buttons) != 3 || r.Buttons[0] != wantButtons[0] || r.Buttons[1] != wantButtons[1] {
				t.Fatalf("buttons = %+v, want %+v and the whole article", r.Buttons, wantButtons)
			}
			// The rest of the article is a button away.
			more := r.Buttons[2]
			whole := ansRun(t, h.Article, handlers.Request{UserID: "U1", Args: more.Args})
			if more.Command != "article" || strings.Join(ansHeadings(whole), "|") != "How often|Who can supervise|Group supervision|Recording it" {
				t.Errorf("%q runs %s %s, showing %s; want the whole article", more.Label, more.Command, more.Args, strings.Join(ansHeadings(whole), "|"))
			}
			if r.Public || len(r.Messages) > 0 {
				t.Errorf("reply is public or sends messages: %+v", r)
			}
		})
	}
}

func TestAskNotSure(t *testing.T) {
	const question = "where do I park my car at the hospital"
	tests := []struct {
		name        string
		channel     string
		wantButtons []string
	}{
		{"with a peer channel", ansChannel, []string{"share named", "share anon", "resources"}},
		{"without", "", []string{"resources"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, prefix := ansStore(t)
			h := newAnswers(t, ansContent(t), s, tt.channel)
			r := ansRun(t, h.Ask, handlers.Request{UserID: "U1SECRET", Args: question})
			if !strings.HasPrefix(r.Text, "I'm not sure I know that one.") {
				t.Errorf("text = %q, want an honest not sure", r.Text)
			}
			// The share buttons carry an id and a key, never the question.
			var got []string
			for _, b := range r.Buttons {
				mode, ref, _ := strings.Cut(b.Args, " ")
				if b.Command == "share" && strings.Count(ref, " ") != 1 || strings.Contains(ref, "park") {
					t.Errorf("button %q carries %q, want an id and a key only", b.Label, b.Args)
				}
				got = append(got, strings.TrimSpace(b.Command+" "+mode))
			}
			if strings.Join(got, "|") != strings.Join(tt.wantButtons, "|") {
				t.Errorf("buttons run %q, want %q", got, tt.wantButtons)
			}

			terms, err := s.Unanswered(context.Background(), 0)
			if err != nil {
				t.Fatal(err)
			}
			if len(terms) == 0 {
				t.Fatal("no unanswered terms counted")
			}
			// Nothing about the asker or their words as written is kept.
			for _, k := range redistest.Keys(t, prefix+"*") {
				if strings.Contains(strings.ToLower(k), "u1secret") {
					t.Errorf("key %s holds the asker's id", k)
				}
			}
			for _, tc := range terms {
				if strings.Contains(strings.ToLower(tc.Term), "u1secret") || strings.Contains(tc.Term, question) {
					t.Errorf("term %q holds the asker's id or question", tc.Term)
				}
			}
		})
	}
}

func TestAskShowsNearest(t *testing.T) {
	s, _ := ansStore(t)
	h := newAnswers(t, ansContent(t), s, ansChannel)
	// "xylophones" is a word the content does not know, and no correction
	// of it answers anything better, so none is offered.
	r := ansRun(t, h.Ask, handlers.Request{UserID: "U1", Args: "supervision xylophones"})
	if !strings.HasPrefix(r.Text, "I'm not sure") {
		t.Fatalf("/ask supervision xylophones = %q, want not sure", r.Text)
	}
	near, ok := ansSection(r, "The nearest I have")
	if n := strings.Count(near.Text, "- **Supervision for "); !ok || n != 3 {
		t.Errorf("nearest = %q, want the three supervision articles", near.Text)
	}
	for _, b := range r.Buttons {
		if b.Command == "ask" {
			t.Errorf("button %+v offers a correction that finds nothing", b)
		}
	}
}

func TestAskDidYouMean(t *testing.T) {
	s, _ := ansStore(t)
	h := newAnswers(t, ansContent(t), s, ansChannel)
	r := ansRun(t, h.Ask, handlers.Request{UserID: "U1", Args: "how often should a link wroker get supervison"})
	if r.Header != "Supervision for social prescribing link workers" {
		t.Fatalf("/ask with typos: header %q, want the link worker supervision answer", r.Header)
	}
	if len(r.Sections) == 0 || !strings.HasPrefix(handlers.Unmarked(r.Sections[0].Text), "Did you mean “how often should a link worker get supervision”?") {
		t.Errorf("/ask with typos: first section %+v, want did you mean", r.Sections)
	}
	if !strings.Contains(r.Text, "Every month") {
		t.Errorf("/ask with typos: text %q, want the passage on how often", r.Text)
	}
}

func TestAskWithoutRedis(t *testing.T) {
	h := newAnswers(t, ansContent(t), ansDownStore(t), ansChannel)
	for _, q := range []string{"how often should a link worker have supervision", "where do I park my car"} {
		r, err := h.Ask(context.Background(), handlers.Request{UserID: "U1", Args: q})
		if err != nil {
			t.Errorf("/ask %s with Redis down: %v, want an answer", q, err)
		}
		if r.Text == "" {
			t.Errorf("/ask %s with Redis down: empty reply", q)
		}
	}
}

func TestAskEmptyAndSmallTalk(t *testing.T) {
	s, _ := ansStore(t)
	h := newAnswers(t, ansContent(t), s, ansChannel)
	invoke := func(c, a string) string { return "/peer " + c + " " + a }
	for _, args := range []string{"", "   "} {
		r := ansRun(t, h.Ask, handlers.Request{UserID: "U1", Args: args, Invoke: invoke})
		if !strings.Contains(r.Text, "/peer ask ") || r.Header != "" {
			t.Errorf("/ask %q = %+v, want usage with examples", args, r)
		}
	}
	r := ansRun(t, h.Converse, handlers.Request{UserID: "U1", Args: "Hello!", Invoke: invoke})
	if !strings.HasPrefix(r.Text, "Hello!") || !strings.Contains(r.Text, "/peer ask ") {
		t.Errorf("converse hello = %q, want a greeting with examples", r.Text)
	}
	r = ansRun(t, h.Converse, handlers.Request{UserID: "U1", Args: "Thanks!"})
	if !strings.HasPrefix(r.Text, "You're welcome") {
		t.Errorf("converse thanks = %q, want you're welcome", r.Text)
	}
	// /ask greets as a message does, and Slack's markup is not read as words
	// of the question: "<!channel> hi" had found the peer support network.
	for _, args := range []string{"hi", "<!channel> hi", "<@U0SAM> hello!", "<!here|here> good morning"} {
		r := ansRun(t, h.Ask, handlers.Request{UserID: "U1", Args: args, Invoke: invoke})
		if !strings.HasPrefix(r.Text, "Hello!") || r.Header != "" {
			t.Errorf("/ask %q = %+v, want a greeting with examples", args, r)
		}
	}
	r = ansRun(t, h.Ask, handlers.Request{UserID: "U1", Args: "cheers <@U0SAM>"})
	if !strings.HasPrefix(r.Text, "You're welcome") {
		t.Errorf("/ask cheers = %q, want you're welcome", r.Text)
	}
	terms, err := s.Unanswered(context.Background(), 0)
	if err != nil || len(terms) > 0 {
		t.Errorf("unanswered after usage and a greeting = %v, %v; want none", terms, err)
	}
}

func TestAskLocality(t *testing.T) {
	s, _ := ansStore(t)
	ansLocality(t, s, "UGATES", "gateshead")
	ansLocality(t, s, "ULONDON", "london")
	h := newAnswers(t, ansContent(t), s, ansChannel)
	tests := map[string]string{
		"UGATES":  "Gateshead peer support network",
		"ULONDON": "London peer support network",
	}
	for user, want := range tests {
		r := ansRun(t, h.Ask, handlers.Request{UserID: user, Args: "peer support network"})
		if r.Header != want {
			t.Errorf("/ask peer support network by %s: header = %q, want %q", user, r.Header, want)
		}
	}
}

func TestCommands(t *testing.T) {
	s, _ := ansStore(t)
	h := newAnswers(t, ansContent(t), s, ansChannel)
	cmds := h.Commands()
	tbl, err := bot.NewTable("/peer", map[string]string{"ask": "/ask", "resources": "/resources"}, cmds...)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"ask":        "aliases question q",
		"resources":  "aliases resource",
		"feedback":   "hidden",
		"article":    "hidden",
		"share":      "hidden",
		"unanswered": "admin",
	}
	for _, c := range cmds {
		var got string
		switch {
		case c.Hidden:
			got = "hidden"
		case c.AdminOnly:
			got = "admin"
		default:
			got = strings.Join(append([]string{"aliases"}, c.Aliases...), " ")
		}
		if got != want[c.Name] {
			t.Errorf("command %s: %s, want %s", c.Name, got, want[c.Name])
		}
		delete(want, c.Name)
	}
	if len(want) > 0 {
		t.Errorf("missing commands: %v", want)
	}
	help := bot.Text(tbl.Help(false), tbl.Invocation)
	for _, hidden := range []string{"feedback", "share", "unanswered"} {
		if strings.Contains(help, hidden) {
			t.Errorf("help for everyone mentions %s:\n%s", hidden, help)
		}
	}
}

// TestAnswersGolden draws replies from the shipped content, as people see
// them. An edit to an article changes them: check the change and run
// go test ./handlers -update.
func TestAnswersGolden(t *testing.T) {
	base, err := knowledge.Load(knowledge.Content())
	if err != nil {
		t.Fatal(err)
	}
	s, _ := ansStore(t)
	ansLocality(t, s, "UGATES", "gateshead")
	h := newAnswers(t, base, s, ansChannel)
	tbl, err := bot.NewTable("/peer", map[string]string{"ask": "/ask", "resources": "/resources"}, h.Commands()...)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		run  handlers.HandlerFunc
		req  handlers.Request
		want func(handlers.Reply) bool
	}{
		{"answers_ask_confident", h.Ask, handlers.Request{UserID: "U1", Args: "how often should a link worker get supervision"},
			func(r handlers.Reply) bool { return len(r.Sources) > 0 }},
		{"answers_ask_not_sure", h.Ask, handlers.Request{UserID: "U1", Args: "where can I park at the hospital"},
			func(r handlers.Reply) bool { return strings.HasPrefix(r.Text, "I'm not sure") }},
		{"answers_resources", h.Resources, handlers.Request{UserID: "UGATES"},
			func(r handlers.Reply) bool { return len(r.Sections) > 0 }},
		{"answers_resources_topic", h.Resources, handlers.Request{UserID: "UGATES", Args: "training"},
			func(r handlers.Reply) bool { return !strings.HasPrefix(r.Text, "I couldn't") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.req.Invoke = tbl.Invocation
			r := ansRun(t, tt.run, tt.req)
			for i, b := range r.Buttons {
				// A share button's id and key are new each time.
				if mode, _, ok := strings.Cut(b.Args, " "); ok && b.Command == "share" {
					r.Buttons[i].Args = mode + " <id> <key>"
				}
			}
			if !tt.want(r) {
				t.Errorf("%s: reply is not the kind the golden file is for:\n%s", tt.name, bot.Text(r, tbl.Invocation))
			}
			replyGolden(t, tt.name, r, tbl)
		})
	}
}

// TestAskDidYouMeanLeavesRealWords: search may read a word the content
// does not use as its nearest word, but the reply never offers "did you
// mean" with a real word swapped for another ("wife died" is not "wide
// diet"); a real misspelling in the same question is still offered.
func TestAskDidYouMeanLeavesRealWords(t *testing.T) {
	base, err := knowledge.Load(knowledge.Content())
	if err != nil {
		t.Fatal(err)
	}
	s, _ := ansStore(t)
	h := newAnswers(t, base, s, ansChannel)
	for _, tc := range []struct{ q, offer string }{
		{"80yo lives alone stopped going out since wife died who can help", ""},
		{"my neighbour is alone since her husband died, who would help her", ""},
		{"elderly man lives alone since wife died, is a link wroker right", "Did you mean “elderly man lives alone since wife died, is a link worker right”?"},
	} {
		r := ansRun(t, h.Ask, handlers.Request{UserID: "U1", Args: tc.q})
		var got string
		for _, sec := range r.Sections {
			if strings.HasPrefix(sec.Text, "Did you mean") {
				got = handlers.Unmarked(sec.Text)
			}
		}
		if got != tc.offer {
			t.Errorf("/ask %q offers %q, want %q", tc.q, got, tc.offer)
		}
	}
}

// TestAskOutsideScope: a question about something the content does not
// cover at all is told what the bot does cover, not shown articles that
// merely share a word with it.
func TestAskOutsideScope(t *testing.T) {
	base, err := knowledge.Load(knowledge.Content())
	if err != nil {
		t.Fatal(err)
	}
	s, _ := ansStore(t)
	h := newAnswers(t, base, s, ansChannel)
	for _, q := range []string{"what is the dose of amoxicillin", "how do I book annual leave", "where can I park at the hospital"} {
		r := ansRun(t, h.Ask, handlers.Request{UserID: "U1", Args: q})
		if !strings.HasPrefix(r.Text, "I'm not sure") {
			t.Errorf("/ask %q = %q, want not sure", q, r.Text)
		}
		if _, ok := ansSection(r, "The nearest I have"); ok {
			t.Errorf("/ask %q lists the nearest articles, want what the bot covers", q)
		}
		var said bool
		for _, sec := range r.Sections {
			said = said || strings.HasPrefix(sec.Text, "That's outside what I cover.")
		}
		if !said {
			t.Errorf("/ask %q does not say what the bot covers: %+v", q, r.Sections)
		}
	}
}

// TestAskRiskTypoListsNothingRespelt: a risk question with a typo gets the
// safety reply, and no articles picked from search's respelling of it.
func TestAskRiskTypoListsNothingRespelt(t *testing.T) {
	base, err := knowledge.Load(knowledge.Content())
	if err != nil {
		t.Fatal(err)
	}
	s, _ := ansStore(t)
	h := newAnswers(t, base, s, ansChannel)
	r := ansRun(t, h.Ask, handlers.Request{UserID: "U1", Args: "client is sucidal"})
	if !strings.Contains(r.Text+fmt.Sprint(r.Sections), "I can't advise on clinical risk") {
		t.Fatalf("/ask client is sucidal = %+v, want the safety reply", r)
	}
	if sec, ok := ansSection(r, "Articles that may help afterwards"); ok {
		t.Errorf("/ask client is sucidal lists %q, read from a respelling", sec.Text)
	}
}
