package handlers_test

import (
	"context"
	"strings"
	"testing"

	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/knowledge"
	"github.com/peerbot/peerbot/supervision"
)

// TestAskIssueQuestions asks, on the shipped content, the questions staff
// asked when trying the bot (issue 11), as the people who asked them, and
// checks what they would read first.
func TestAskIssueQuestions(t *testing.T) {
	base, err := knowledge.Load(knowledge.Content())
	if err != nil {
		t.Fatal(err)
	}
	s, _ := ansStore(t)
	ctx := context.Background()
	for _, p := range []supervision.Profile{
		{UserID: "UCOACH", Role: supervision.Coach, TimeZone: "Europe/London"},
		{UserID: "ULINK", Role: supervision.LinkWorker, TimeZone: "Europe/London"},
		{UserID: "UCC", Role: supervision.Coordinator, TimeZone: "Europe/London"},
		{UserID: "UGATES", Role: supervision.LinkWorker, Locality: "gateshead", TimeZone: "Europe/London"},
		{UserID: "ULONDON", Role: supervision.Coach, Locality: "london", TimeZone: "Europe/London"},
	} {
		if err := s.SaveProfile(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	h := newAnswers(t, base, s, ansChannel)
	const (
		safety  = "I can't advise on clinical risk."
		notSure = "I'm not sure"
	)
	tests := []struct {
		user, q    string
		wantHeader string // the article's title leads the answer; "" for none
		wantText   string // the answer's opening text starts with this
	}{
		{"UCOACH", "how often should I have supervision", "Supervision for health and wellbeing coaches", ""},
		{"ULINK", "how often should I have supervision", "Supervision for social prescribing link workers", ""},
		{"UCC", "how often should I have supervision", "Supervision for care coordinators", ""},
		{"UCOACH", "what band am I", "Health and wellbeing coach pay band and ARRS reimbursement", ""},
		{"UCC", "what band am I", "Care coordinator pay band and ARRS reimbursement", ""},
		{"ULINK", "what is my role", "Social prescribing link worker (SPLW)", ""},
		{"UCOACH", "who supervises me", "Supervision for health and wellbeing coaches", ""},
		{"UCC", "what training must I do", "Training for care coordinators", ""},
		{"UGATES", "what's ARRS", "The Additional Roles Reimbursement Scheme (ARRS)", "ARRS stands for"},
		{"ULONDON", "what is a PCN", "What a primary care network (PCN) is", "PCN stands for"},
		{"UGATES", "what training does a link worker need", "Training for social prescribing link workers", ""},
		{"ULONDON", "what training does a link worker need", "Training for social prescribing link workers", ""},
		{"U1", "explain ARRS", "The Additional Roles Reimbursement Scheme (ARRS)", "ARRS stands for"},
		{"U1", "what does PCI stand for", "Personalised Care Institute (PCI)", "PCI stands for"},
		{"U1", "wat is a care coordinater", "Care coordinator (CC)", ""},
		{"U1", "spl w supervision", "Supervision for social prescribing link workers", ""},
		{"U1", "an isolated older man who has stopped going out, who should I refer him to", "Who can help: Social prescribing link worker (SPLW)", "Link workers support people who feel lonely"},
		{"U1", "someone with COPD who wants to get more active", "Who can help: Health and wellbeing coach (HWBC)", "Health and wellbeing coaches work with people"},
		{"U1", "a patient confused by hospital letters and appointments", "Who can help: Care coordinator (CC)", "Care coordinators help people find their way"},
		{"U1", "someone who would enjoy a walking group or an art class", "Who can help: Social prescribing link worker (SPLW)", ""},
		{"U1", "what is the minimum wage", "", notSure},
		{"U1", "my patient is suicidal what do I do", "", safety},
		// With a role on the profile, "what do I do" is still not a question
		// about the asker's role: the safety reply leads, with no article
		// in its place.
		{"UCOACH", "my patient is suicidal what do I do", "", safety},
		{"ULINK", "a patient told me their partner hits them, what do i do", "", safety},
		{"U1", "does a coach give people advice", "Health and wellbeing coach (HWBC)", ""},
	}
	for _, tt := range tests {
		r := ansRun(t, h.Ask, handlers.Request{UserID: tt.user, Args: tt.q})
		if r.Header != tt.wantHeader || !strings.HasPrefix(r.Text, tt.wantText) {
			t.Errorf("%s asks %q: %q, %.60q; want %q, %q...", tt.user, tt.q, r.Header, r.Text, tt.wantHeader, tt.wantText)
		}
		if r.Header != "" && len(r.Sources) == 0 {
			t.Errorf("%s asks %q: an answer with no source", tt.user, tt.q)
		}
	}
}

// Asked with no role in the profile, a question about one's own role is not
// answered for a guessed role: the person picks theirs.
func TestAskMyRoleWithoutProfile(t *testing.T) {
	h := shippedAnswers(t)
	tests := []struct{ q, want string }{
		{"how often should I have supervision", "supervision-splw supervision-hwbc supervision-cc"},
		{"what band am I", "splw-pay hwbc-pay cc-pay"},
		{"what training must I do", "splw-training hwbc-training cc-training"},
	}
	for _, tt := range tests {
		r := ansRun(t, h.Ask, handlers.Request{UserID: "UNOPROFILE", Args: tt.q})
		var got []string
		for _, b := range r.Buttons {
			if b.Command == "article" {
				got = append(got, b.Args)
			}
		}
		if r.Header != "" || !strings.HasPrefix(r.Text, "That depends on your role.") || strings.Join(got, " ") != tt.want {
			t.Errorf("/ask %q with no profile: %q %q, articles %v; want a choice of %s", tt.q, r.Header, r.Text, got, tt.want)
		}
	}
}

// A coach's question about advice leads with the passage that says coaches
// do not give advice, whole.
func TestAskLeadsWithThePassage(t *testing.T) {
	h := shippedAnswers(t)
	tests := []struct{ q, want string }{
		{"does a coach give people advice", "Coaches do not tell people what to do, prescribe or give advice"},
		{"how many PCNs are there", "1,295"},
		{"what is patient activation", "knowledge, skills and confidence"},
		{"is active signposting the same as social prescribing", "light-touch"},
		// Every word of these is in the article's title, but not in its
		// opening: the section with the words answers, not the opening.
		{"what band is a health and wellbeing coach", "We could not find the coach's Agenda for Change band"},
		{"physician associate supervision", "Physician associates always work under the supervision of doctors"},
		{"splw case load", "around 200 to 250 people a year"},
	}
	for _, tt := range tests {
		r := ansRun(t, h.Ask, handlers.Request{UserID: "U1", Args: tt.q})
		if !strings.Contains(r.Text, tt.want) {
			t.Errorf("/ask %q: text %q, want it to hold %q", tt.q, r.Text, tt.want)
		}
		if !strings.HasSuffix(strings.TrimSpace(r.Text), ".") {
			t.Errorf("/ask %q: text %q is cut mid-sentence", tt.q, r.Text)
		}
	}
}

// A question about risk gets the safety reply first, every way it is asked,
// and never "I'm not sure" alone; it is not offered for sharing.
func TestAskSafetyFirst(t *testing.T) {
	h := shippedAnswers(t)
	for _, q := range []string{
		"my patient is suicidal what do I do",
		"client disclosed domestic violence",
		"a safeguarding concern about a child",
		"someone has collapsed",
		"what should a link worker do about safeguarding",
	} {
		for _, ask := range []handlers.HandlerFunc{h.Ask, h.Converse} {
			r := ansRun(t, ask, handlers.Request{UserID: "U1", Args: q})
			if !strings.HasPrefix(r.Text, knowledge.SafetyReply) {
				t.Errorf("%q: text %q, want the safety reply first", q, r.Text)
			}
			if strings.Contains(r.Text, "not sure") {
				t.Errorf("%q: %q says not sure", q, r.Text)
			}
			for _, b := range r.Buttons {
				if b.Command == "share" {
					t.Errorf("%q: offered for sharing", q)
				}
			}
		}
	}
}

// shippedAnswers is the /ask handler on the shipped content, with a store
// of the test's own and the peer channel set.
func shippedAnswers(t *testing.T) *handlers.Answers {
	t.Helper()
	base, err := knowledge.Load(knowledge.Content())
	if err != nil {
		t.Fatal(err)
	}
	s, _ := ansStore(t)
	return newAnswers(t, base, s, ansChannel)
}
