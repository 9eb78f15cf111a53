package handlers_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/internal/redistest"
)

// ansShareButtons asks a question nothing answers and returns the args of
// its two share buttons, named and anonymous.
func ansShareButtons(t *testing.T, h *handlers.Answers, userID, question string) (named, anon string) {
	t.Helper()
	r := ansRun(t, h.Ask, handlers.Request{UserID: userID, Args: question})
	for _, b := range r.Buttons {
		switch {
		case b.Command == "share" && strings.HasPrefix(b.Args, "named "):
			named = b.Args
		case b.Command == "share" && strings.HasPrefix(b.Args, "anon "):
			anon = b.Args
		}
	}
	if named == "" || anon == "" {
		t.Fatalf("/ask %q: buttons %+v, want both share buttons", question, r.Buttons)
	}
	return named, anon
}

// ansTyped is the text a person typed in a post: its Typed sections.
func ansTyped(r handlers.Reply) string {
	var typed []string
	for _, s := range r.Sections {
		if s.Typed != "" {
			typed = append(typed, s.Typed)
		}
	}
	return strings.Join(typed, "\n")
}

func TestShare(t *testing.T) {
	const question = "Has anyone run a walking group for carers? [Reset your NHS login](https://evil.example/x) <@U999>"
	tests := []struct {
		name      string
		named     bool
		wantPost  string
		wantReply string
	}{
		{"named", true, "<@U1> asks the network:", "with your name"},
		{"anonymous", false, "Someone in the network asks (anonymously):", "without your name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := ansStore(t)
			h := newAnswers(t, ansContent(t), s, ansChannel)
			named, anon := ansShareButtons(t, h, "U1", question)
			args := anon
			if tt.named {
				args = named
			}
			if strings.Contains(args, "walking") {
				t.Fatalf("share button %q carries the question", args)
			}
			req := handlers.Request{UserID: "U1", ChannelID: "D1", Args: args}
			r := ansRun(t, h.Share, req)
			if len(r.Messages) != 1 || r.Messages[0].Receipt == nil {
				t.Fatalf("share %s: messages %+v, want 1 with a receipt", tt.name, r.Messages)
			}
			m := r.Messages[0]
			if !strings.Contains(r.Text, "may or may not") {
				t.Errorf("share %s: reply before the post %q, want that it may or may not be posted", tt.name, r.Text)
			}
			if told := m.Receipt.Told(context.Background(), handlers.PostSent); !strings.HasPrefix(told.Text, "Posted to the peer support channel") || !strings.Contains(told.Text, tt.wantReply) {
				t.Errorf("share %s: told %q once posted, want posted %s", tt.name, told.Text, tt.wantReply)
			}
			if m.To != ansChannel || !m.Reply.Public {
				t.Errorf("share %s: message to %s, public %v; want %s, public", tt.name, m.To, m.Reply.Public, ansChannel)
			}
			if m.Reply.Text != tt.wantPost {
				t.Errorf("share %s: post text %q, want %q", tt.name, m.Reply.Text, tt.wantPost)
			}
			// The asker's words go out as typed, marked so, never as the
			// bot's own formatted text.
			if got := ansTyped(m.Reply); got != question {
				t.Errorf("share %s: typed text %q, want the question exactly as asked %q", tt.name, got, question)
			}
			if all := fmt.Sprintf("%s %s", m.Reply.Text, ansBody(m.Reply)); strings.Contains(all, "evil.example") || strings.Contains(all, "U999") {
				t.Errorf("share %s: the asker's text is in the bot's formatted text: %q", tt.name, all)
			}
			if !tt.named {
				if all := fmt.Sprintf("%+v", m); strings.Contains(all, "U1") || strings.Contains(all, "D1") {
					t.Errorf("anonymous post names the asker: %s", all)
				}
			}

			again := ansRun(t, h.Share, req)
			if len(again.Messages) != 0 || !strings.Contains(again.Text, "already") {
				t.Errorf("share %s again: %q with %d messages, want one post only", tt.name, again.Text, len(again.Messages))
			}
			pressed := ansRun(t, h.Share, handlers.Request{UserID: "U2", Args: args})
			if len(pressed.Messages) != 0 || !strings.Contains(pressed.Text, "Only the person who asked") {
				t.Errorf("share %s of U1's question by U2: %q with %d messages, want a refusal", tt.name, pressed.Text, len(pressed.Messages))
			}
			named2, anon2 := ansShareButtons(t, h, "U2", question)
			own := ansRun(t, h.Share, handlers.Request{UserID: "U2", Args: map[bool]string{true: named2, false: anon2}[tt.named]})
			if len(own.Messages) != 1 {
				t.Errorf("share %s by someone else of the same words: %d messages, want their own post", tt.name, len(own.Messages))
			}
		})
	}
}

// TestShareNotPostedCanBePostedAgain: a post Slack refused, or may not
// have made, says so and leaves the button able to post it again; one that
// was made is posted once.
func TestShareNotPostedCanBePostedAgain(t *testing.T) {
	tests := []struct {
		outcome handlers.PostOutcome
		want    string
	}{
		{handlers.PostNotInChannel, "invite me"},
		{handlers.PostNoChannel, "network admin"},
		{handlers.PostArchived, "archived"},
		{handlers.PostRefused, "again in a minute"},
		{handlers.PostUnsure, "may or may not"},
	}
	for _, tt := range tests {
		s, _ := ansStore(t)
		h := newAnswers(t, ansContent(t), s, ansChannel)
		_, anon := ansShareButtons(t, h, "U1", "Has anyone run a walking group for carers?")
		req := handlers.Request{UserID: "U1", Args: anon}
		r := ansRun(t, h.Share, req)
		if len(r.Messages) != 1 || r.Messages[0].Receipt == nil {
			t.Fatalf("share: messages %+v, want 1 with a receipt", r.Messages)
		}
		told := r.Messages[0].Receipt.Told(context.Background(), tt.outcome)
		if !strings.Contains(told.Text, tt.want) || strings.Contains(told.Text, "Posted") {
			t.Errorf("share told after outcome %d: %q, want %q and not posted", tt.outcome, told.Text, tt.want)
		}
		if again := ansRun(t, h.Share, req); len(again.Messages) != 1 {
			t.Errorf("share again after outcome %d: %q, want it posted again", tt.outcome, again.Text)
		}
	}
}

// A press that was not made from the bot's own buttons posts nothing: the
// text a forged press names is never posted.
func TestShareRefusesForgedPresses(t *testing.T) {
	s, _ := ansStore(t)
	h := newAnswers(t, ansContent(t), s, ansChannel)
	named, _ := ansShareButtons(t, h, "U1", "where do I park my car at the hospital")
	_, id, _ := strings.Cut(named, " ")
	id, key, _ := strings.Cut(id, " ")
	otherKey := strings.Repeat("0", len(key))
	tests := []struct {
		name string
		args string
		want string
	}{
		{"text in place of an id (the old buttons)", "named U1 Click here https://evil.example", "couldn't tell what to post"},
		{"anonymous text", "anon U1 Free vouchers for all", "couldn't tell what to post"},
		{"an id never made", "named " + strings.Repeat("ab", 16) + " " + key, "no longer ready"},
		{"a made-up key", "named " + id + " " + otherKey, "couldn't tell what to post"},
		{"no key", "named " + id, "couldn't tell what to post"},
		{"odd mode", "loudly " + id + " " + key, "couldn't tell what to post"},
		{"nothing", "anon", "couldn't tell what to post"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ansRun(t, h.Share, handlers.Request{UserID: "U1", Args: tt.args})
			if len(r.Messages) != 0 || !strings.Contains(r.Text, tt.want) {
				t.Errorf("share %s: %q with %d messages, want a refusal saying %q", tt.args, r.Text, len(r.Messages), tt.want)
			}
		})
	}
}

func TestShareNoChannel(t *testing.T) {
	s, _ := ansStore(t)
	h := newAnswers(t, ansContent(t), s, "")
	r := ansRun(t, h.Share, handlers.Request{UserID: "U1", Args: "named " + strings.Repeat("ab", 16) + " " + strings.Repeat("cd", 16)})
	if len(r.Messages) != 0 || !strings.Contains(r.Text, "no peer support channel") {
		t.Errorf("share with no channel: %q with %d messages, want a refusal", r.Text, len(r.Messages))
	}
}

// With Redis down the question cannot be held, so sharing is not offered,
// and a press of an earlier button says nothing was posted.
func TestShareStoreDown(t *testing.T) {
	down := newAnswers(t, ansContent(t), ansDownStore(t), ansChannel)
	r := ansRun(t, down.Ask, handlers.Request{UserID: "U1", Args: "where do I park my car at the hospital"})
	for _, b := range r.Buttons {
		if b.Command == "share" {
			t.Errorf("/ask with Redis down offers %q, want no share offer", b.Label)
		}
	}
	p := ansRun(t, down.Share, handlers.Request{UserID: "U1", Args: "anon " + strings.Repeat("ab", 16) + " " + strings.Repeat("cd", 16)})
	if len(p.Messages) != 0 || !strings.Contains(p.Text, "nothing was posted") {
		t.Errorf("share with Redis down: %q with %d messages, want nothing posted, and said so", p.Text, len(p.Messages))
	}
}

func TestShareLongQuestion(t *testing.T) {
	s, _ := ansStore(t)
	h := newAnswers(t, ansContent(t), s, ansChannel)
	long := strings.Repeat("wibble ", 600) // far over a button's 2,000 characters
	named, _ := ansShareButtons(t, h, "U1", long)
	if len(named) > 100 {
		t.Errorf("share button value is %d bytes, want an id and a key only", len(named))
	}
	r := ansRun(t, h.Share, handlers.Request{UserID: "U1", Args: named})
	if len(r.Messages) != 1 || !strings.HasPrefix(ansTyped(r.Messages[0].Reply), "wibble wibble") {
		t.Errorf("share of a long question: %+v, want it posted", r.Messages)
	}
}

// TestAskKeepsNoPersonalData asks questions holding NHS numbers and names
// every way a question reaches the bot, then reads the whole test keyspace,
// keys and values, and finds none of them there.
func TestAskKeepsNoPersonalData(t *testing.T) {
	ctx := context.Background()
	s, prefix := ansStore(t)
	h := newAnswers(t, ansContent(t), s, ansChannel)
	questions := []string{
		"my patient 9434765919 needs a walking group",
		"my patient 943 476 5919 needs a walking group",
		"is 943-476-5919 eligible for link worker supervision",
		"John Smith wants to join a knitting club near the hospital",
		"where can Mrs Okonkwo park at the surgery",
		"John Smith asked about courses for parking wardens",
	}
	asks := []handlers.HandlerFunc{h.Ask, h.Converse}
	for _, q := range questions {
		for _, ask := range asks {
			r := ansRun(t, ask, handlers.Request{UserID: "U1", Args: q})
			if strings.ContainsAny(q, "0123456789") {
				if !strings.Contains(r.Text, "NHS number") {
					t.Errorf("%q: reply %q, want it refused as holding an NHS number", q, r.Text)
				}
				for _, b := range r.Buttons {
					if b.Command == "share" {
						t.Errorf("%q: offered for sharing", q)
					}
				}
			}
			// Press every share button too: a posted question is not kept.
			for _, b := range r.Buttons {
				if b.Command == "share" {
					ansRun(t, h.Share, handlers.Request{UserID: "U1", Args: b.Args})
				}
			}
		}
	}
	dump := redistest.Dump(t, prefix)
	if dump == "" {
		t.Fatal("nothing in the keyspace at all: the test would pass without looking")
	}
	// Word by word: ids and sealed text are long runs of hex, which may
	// hold any digits by chance.
	words := strings.FieldsFunc(strings.ToLower(dump), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
	for _, secret := range []string{"9434765919", "943", "476", "5919", "john", "smith", "okonkwo", "knitting", "mrs", "wardens"} {
		if slices.Contains(words, secret) {
			t.Errorf("the keyspace holds %q:\n%s", secret, dump)
		}
	}
	if terms, err := s.Unanswered(ctx, 0); err != nil || len(terms) == 0 {
		t.Errorf("Unanswered = %v, %v; want the content's words of the questions counted", terms, err)
	}
}

// TestShareStoreDownSaysSoPlainly: with Redis down, the share button says
// in everyday words that nothing was posted, never "my store".
func TestShareStoreDownSaysSoPlainly(t *testing.T) {
	h := newAnswers(t, ansContent(t), ansDownStore(t), ansChannel)
	id := strings.Repeat("ab", 16)
	r := ansRun(t, h.Share, handlers.Request{UserID: "U1", Args: "named " + id + " " + id})
	if !strings.Contains(r.Text, "can't reach my records") || !strings.Contains(r.Text, "nothing was posted") || strings.Contains(r.Text, "store") {
		t.Errorf("share with Redis down = %q, want it to say plainly the records can't be reached and nothing was posted", r.Text)
	}
}
