package bot

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/internal/fakeslack"
)

// fileCommand answers with a CSV file for the asker.
var fileCommand = handlers.Command{Name: "export", Run: func(_ context.Context, req handlers.Request) (handlers.Reply, error) {
	return handlers.Reply{Text: "Sent.", Files: []handlers.File{{Name: "report.csv", Content: []byte("a,b\n1,2\n")}}}, nil
}}

// A reply's file is uploaded to the asker's DM through the external
// upload flow.
func TestReplyFileIsUploadedToTheDM(t *testing.T) {
	fake := fakeslack.New()
	srv := httptest.NewServer(fake.Handler())
	t.Cleanup(srv.Close)
	api := slack.New("xoxb-test", slack.OptionAPIURL(srv.URL+"/api/"), slack.OptionHTTPClient(&http.Client{Timeout: 5 * time.Second}))
	b := testBot(t, Options{Slack: api}, fileCommand)
	payload, ok := b.slashResponse(slack.SlashCommand{Command: "/peer", Text: "export", UserID: "U7"})
	if !ok || !strings.Contains(string(payload), "Sent.") {
		t.Fatalf("answer %s, want Sent.", payload)
	}
	dm := fakeslack.IM("U7")
	deadline := time.Now().Add(5 * time.Second)
	for len(fake.Files(dm)) == 0 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	files := fake.Files(dm)
	if len(files) != 1 || files[0].Name != "report.csv" || string(files[0].Content) != "a,b\n1,2\n" {
		t.Fatalf("files in the DM: %+v, want report.csv with its content", files)
	}
}

// The console prints a reply's file after its text.
func TestConsolePrintsFiles(t *testing.T) {
	b := testBot(t, Options{}, fileCommand)
	got := b.consoleAnswer(context.Background(), "export")
	for _, want := range []string{"Sent.\n", "--- File report.csv ---\na,b\n1,2\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("console output %q lacks %q", got, want)
		}
	}
}

// pagedCommand answers with three pages.
var pagedCommand = handlers.Command{Name: "long", Run: func(_ context.Context, req handlers.Request) (handlers.Reply, error) {
	return handlers.Reply{Text: "Page one.", Note: "Goes on below.", More: []handlers.Reply{{Text: "Page two."}, {Text: "Page three."}}, MoreInDM: "The rest is in your DM."}, nil
}}

// The console prints every page of a long reply, in order, with no word
// of a DM.
func TestConsolePrintsEveryPage(t *testing.T) {
	b := testBot(t, Options{}, pagedCommand)
	got := b.consoleAnswer(context.Background(), "long")
	one, two, three := strings.Index(got, "Page one."), strings.Index(got, "Page two."), strings.Index(got, "Page three.")
	if one < 0 || !(one < two && two < three) || strings.Contains(got, "DM") {
		t.Errorf("console output %q, want pages one, two and three in order", got)
	}
}

// The later pages wait out Slack's Retry-After and still arrive in order.
func TestPagesWaitOutRateLimits(t *testing.T) {
	fake := fakeslack.New()
	fake.RateLimit = func(method string, n int) time.Duration {
		if method == "chat.postEphemeral" && n == 1 {
			return time.Second
		}
		return 0
	}
	srv := httptest.NewServer(fake.Handler())
	t.Cleanup(srv.Close)
	api := slack.New("xoxb-test", slack.OptionAPIURL(srv.URL+"/api/"), slack.OptionHTTPClient(&http.Client{Timeout: 5 * time.Second}))
	b := testBot(t, Options{Slack: api, ResponseURLPrefix: srv.URL + "/hooks/"}, pagedCommand)
	payload, ok := b.slashResponse(slack.SlashCommand{Command: "/peer", Text: "long", UserID: "U7", ChannelID: "C7", ResponseURL: srv.URL + "/hooks/x"})
	if ok || len(payload) != 0 {
		t.Fatalf("answer %s; want none, the pages following in order", payload)
	}
	deadline := time.Now().Add(5 * time.Second)
	for len(fake.Ephemerals()) < 3 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	var got []string
	for _, e := range fake.Ephemerals() {
		got = append(got, e.Channel+":"+e.Text)
	}
	want := ":Page one., C7:Page two., C7:Page three."
	if strings.Join(got, ", ") != want {
		t.Errorf("shown %q, want %q", strings.Join(got, ", "), want)
	}
}

// A file Slack will not take is not left unsaid: the reply said it would
// come, so the person's DM says it did not.
func TestReplyFileThatFailsIsSaid(t *testing.T) {
	fake := fakeslack.New()
	fake.RateLimit = func(method string, _ int) time.Duration {
		if method == "files.getUploadURLExternal" {
			return time.Millisecond // always 429: every retry is refused
		}
		return 0
	}
	srv := httptest.NewServer(fake.Handler())
	t.Cleanup(srv.Close)
	api := slack.New("xoxb-test", slack.OptionAPIURL(srv.URL+"/api/"), slack.OptionHTTPClient(&http.Client{Timeout: 5 * time.Second}))
	b := testBot(t, Options{Slack: api}, fileCommand)
	if _, ok := b.slashResponse(slack.SlashCommand{Command: "/peer", Text: "export", UserID: "U7"}); !ok {
		t.Fatal("no answer")
	}
	dm := fakeslack.IM("U7")
	deadline := time.Now().Add(10 * time.Second)
	for len(fake.Messages(dm)) == 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	msgs := fake.Messages(dm)
	if len(msgs) != 1 || !strings.Contains(msgs[0].Text, "couldn't send you the file report.csv") {
		t.Fatalf("messages in the DM: %+v, want one saying report.csv was not sent", msgs)
	}
	if len(fake.Files(dm)) != 0 {
		t.Errorf("a file arrived though Slack refused it")
	}
}
