package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"

	"github.com/peerbot/peerbot/handlers"
)

// slackAPI is a fake Slack Web API that records each call by method.
type slackAPI struct {
	*httptest.Server
	mu    sync.Mutex
	calls []apiCall
	// fail makes a method answer {"ok":false}.
	fail map[string]string
}

type apiCall struct {
	Method string
	Body   map[string]any
}

func newSlackAPI(t testing.TB) *slackAPI {
	t.Helper()
	api := &slackAPI{fail: map[string]string{}}
	api.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		method := strings.TrimPrefix(r.URL.Path, "/")
		body := map[string]any{}
		raw, _ := io.ReadAll(r.Body)
		if strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
			_ = json.Unmarshal(raw, &body)
		} else if form, err := url.ParseQuery(string(raw)); err == nil {
			for k := range form {
				body[k] = form.Get(k)
			}
		}
		api.mu.Lock()
		api.calls = append(api.calls, apiCall{method, body})
		failure := api.fail[method]
		api.mu.Unlock()
		if wait, ok := strings.CutPrefix(failure, "429:"); ok { // rate limited, with that Retry-After
			w.Header().Set("Retry-After", wait)
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		if failure != "" {
			fmt.Fprintf(w, `{"ok":false,"error":%q}`, failure)
			return
		}
		fmt.Fprint(w, `{"ok":true,"channel":"D1","ts":"1.1"}`)
	}))
	t.Cleanup(api.Close)
	return api
}

func (a *slackAPI) client() *slack.Client {
	return slack.New("xoxb-test", slack.OptionAPIURL(a.URL+"/"))
}

// waitFor returns the calls of a method once there are at least n of them.
func (a *slackAPI) waitFor(t testing.TB, method string, n int) []apiCall {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		var got []apiCall
		a.mu.Lock()
		for _, c := range a.calls {
			if c.Method == method {
				got = append(got, c)
			}
		}
		a.mu.Unlock()
		if len(got) >= n || time.Now().After(deadline) {
			if len(got) < n {
				t.Fatalf("%s called %d times, want %d", method, len(got), n)
			}
			return got
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func (a *slackAPI) count(method string) int {
	a.mu.Lock()
	defer a.mu.Unlock()
	n := 0
	for _, c := range a.calls {
		if c.Method == method {
			n++
		}
	}
	return n
}

var setupForm = &handlers.Form{
	ID:    "test.setup",
	Title: "Set up supervision",
	Intro: "Tell me about your role.",
	Fields: []handlers.Input{
		{ID: "role", Label: "Your role", Kind: handlers.SelectInput, Options: []handlers.Option{{Value: "splw", Label: "Link worker"}, {Value: "hwbc", Label: "Coach"}}, Initial: "hwbc"},
		{ID: "pcn", Label: "Your PCN", Kind: handlers.TextInput, Initial: "Gateshead West"},
		{ID: "supervisor", Label: "Supervisor", Kind: handlers.UserInput, Optional: true},
		{ID: "when", Label: "Date", Kind: handlers.DateInput, Initial: "2026-11-20"},
		{ID: "time", Label: "Time", Kind: handlers.TimeInput, Initial: "09:30"},
		{ID: "minutes", Label: "Minutes", Kind: handlers.NumberInput},
	},
}

// formCommand answers with a form and the typed way to do the same.
var formCommand = handlers.Command{Name: "setup", Run: func(_ context.Context, req handlers.Request) (handlers.Reply, error) {
	return handlers.Reply{Text: "Type /peer setup role=coach to set up.", Form: setupForm}, nil
}}

func TestFormOpensAsModalWhenSlackSentATrigger(t *testing.T) {
	api := newSlackAPI(t)
	rec := newRecorder(t)
	b := testBot(t, Options{Slack: api.client()}, formCommand)
	_, ok := b.slashResponse(slack.SlashCommand{Command: "/peer", Text: "setup", UserID: "U1", TriggerID: "T.123", ResponseURL: rec.URL})
	if ok {
		t.Error("a reply that opened a form was also answered in the response")
	}
	call := api.waitFor(t, "views.open", 1)[0]
	if call.Body["trigger_id"] != "T.123" {
		t.Errorf("views.open trigger_id = %v, want T.123", call.Body["trigger_id"])
	}
	view := call.Body["view"].(map[string]any)
	if view["callback_id"] != "test.setup" || view["type"] != "modal" {
		t.Errorf("view = %v, want a modal with callback_id test.setup", view)
	}
	blocks := view["blocks"].([]any)
	var ids []string
	for _, bl := range blocks[1:] {
		ids = append(ids, bl.(map[string]any)["block_id"].(string))
	}
	if got := strings.Join(ids, ","); got != "role,pcn,supervisor,when,time,minutes" {
		t.Errorf("input block ids = %s, want each field's ID in order", got)
	}
	if n := len(rec.got()); n != 0 {
		t.Errorf("response_url got %d posts, want none", n)
	}
}

func TestFormFallsBackToTextWithoutATrigger(t *testing.T) {
	api := newSlackAPI(t)
	b := testBot(t, Options{Slack: api.client()}, formCommand)
	payload, ok := b.slashResponse(slack.SlashCommand{Command: "/peer", Text: "setup", UserID: "U1"})
	if !ok || !strings.Contains(payloadOf(t, payload)["text"].(string), "role=coach") {
		t.Errorf("slashResponse = %v, %v; want the typed way to set up", payload, ok)
	}
	if n := api.count("views.open"); n != 0 {
		t.Errorf("views.open called %d times without a trigger", n)
	}
}

func TestFormFallsBackToTextWhenSlackRefusesIt(t *testing.T) {
	api := newSlackAPI(t)
	api.fail["views.open"] = "expired_trigger_id"
	b := testBot(t, Options{Slack: api.client()}, formCommand)
	payload, ok := b.slashResponse(slack.SlashCommand{Command: "/peer", Text: "setup", UserID: "U1", TriggerID: "T.old"})
	if !ok || !strings.Contains(payloadOf(t, payload)["text"].(string), "role=coach") {
		t.Errorf("slashResponse = %v, %v; want the typed way to set up", payload, ok)
	}
}

// A form Slack rate limits for longer than its trigger lives is not
// waited for: the typed way shows at once, saying the form didn't open.
func TestFormRateLimitedPastItsTrigger(t *testing.T) {
	api := newSlackAPI(t)
	api.fail["views.open"] = "429:30"
	b := testBot(t, Options{Slack: api.client()}, formCommand)
	start := time.Now()
	payload, ok := b.slashResponse(slack.SlashCommand{Command: "/peer", Text: "setup", UserID: "U1", TriggerID: "T.busy"})
	if took := time.Since(start); took > 4*time.Second {
		t.Errorf("a rate-limited form took %v to answer, longer than its trigger lives", took)
	}
	if !ok || !strings.Contains(payloadOf(t, payload)["text"].(string), "role=coach") {
		t.Errorf("slashResponse = %s, %v; want the typed way to set up", payload, ok)
	}
}

func TestMessagesAndHomeRedrawsFollowAReply(t *testing.T) {
	api := newSlackAPI(t)
	notify := handlers.Command{Name: "log", Run: func(_ context.Context, req handlers.Request) (handlers.Reply, error) {
		return handlers.Reply{
			Text:        "Logged.",
			Messages:    []handlers.Message{{To: "U2", Reply: handlers.Reply{Text: "Please confirm a session with <@" + req.UserID + ">"}}},
			RefreshHome: []string{req.UserID, "U2", "U2"},
		}, nil
	}}
	home := func(_ context.Context, userID string) (handlers.Reply, error) {
		return handlers.Reply{Header: "Your supervision", Text: "Home of " + userID}, nil
	}
	b := testBot(t, Options{Slack: api.client(), Home: home}, notify)
	payload, ok := b.slashResponse(slack.SlashCommand{Command: "/peer", Text: "log", UserID: "U1"})
	if !ok || payloadOf(t, payload)["text"] != "Logged." {
		t.Fatalf("slashResponse = %v, %v", payload, ok)
	}
	post := api.waitFor(t, "chat.postMessage", 1)[0]
	if post.Body["channel"] != "U2" || !strings.Contains(fmt.Sprint(post.Body["text"]), "Please confirm") {
		t.Errorf("chat.postMessage = %v, want a DM to U2", post.Body)
	}
	homes := api.waitFor(t, "views.publish", 2)
	users := map[string]bool{}
	for _, h := range homes {
		users[fmt.Sprint(h.Body["user_id"])] = true
		if v := h.Body["view"].(map[string]any); v["type"] != "home" {
			t.Errorf("views.publish view type = %v, want home", v["type"])
		}
	}
	if !users["U1"] || !users["U2"] || len(homes) != 2 {
		t.Errorf("views.publish for %v (%d calls), want U1 and U2 once each", users, len(homes))
	}
}

// submit posts a signed view_submission to the bot's HTTP handler.
func submit(t testing.TB, h http.Handler, secret string, cb slack.InteractionCallback) *httptest.ResponseRecorder {
	t.Helper()
	js, err := json.Marshal(cb)
	if err != nil {
		t.Fatal(err)
	}
	body := []byte(url.Values{"payload": {string(js)}}.Encode())
	req := httptest.NewRequest(http.MethodPost, "/slack/events", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	ts, sig := Sign(secret, time.Now(), body)
	req.Header.Set("X-Slack-Request-Timestamp", ts)
	req.Header.Set("X-Slack-Signature", sig)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w
}

func submission(values map[string]string) slack.InteractionCallback {
	state := &slack.ViewState{Values: map[string]map[string]slack.BlockAction{}}
	for k, v := range values {
		a := slack.BlockAction{ActionID: k, BlockID: k}
		switch k {
		case "role":
			a.SelectedOption = slack.OptionBlockObject{Value: v}
		case "supervisor":
			a.SelectedUser = v
		case "when":
			a.SelectedDate = v
		default:
			a.Value = v
		}
		state.Values[k] = map[string]slack.BlockAction{k: a}
	}
	view := FormView(*setupForm)
	return slack.InteractionCallback{
		Type: slack.InteractionTypeViewSubmission,
		User: slack.User{ID: "U1"},
		View: slack.View{CallbackID: "test.setup", State: state, Blocks: view.Blocks, PrivateMetadata: "v1"},
	}
}

func TestFormSubmissions(t *testing.T) {
	const secret = "s3cret"
	api := newSlackAPI(t)
	var got handlers.Submission
	var mu sync.Mutex
	forms := map[string]handlers.FormFunc{"test.setup": func(_ context.Context, sub handlers.Submission) (handlers.FormResult, error) {
		mu.Lock()
		got = sub
		mu.Unlock()
		switch sub.Values["pcn"] {
		case "":
			return handlers.FormResult{Errors: map[string]string{"pcn": "Please name your PCN."}}, nil
		case "panic":
			panic("boom")
		case "down":
			return handlers.FormResult{}, fmt.Errorf("saving: %w", handlers.ErrUnavailable)
		}
		return handlers.FormResult{Reply: handlers.Reply{Text: "Saved your profile.", RefreshHome: []string{sub.UserID}}}, nil
	}}
	home := func(context.Context, string) (handlers.Reply, error) { return handlers.Say("home"), nil }
	b := testBot(t, Options{Slack: api.client(), SigningSecret: secret, Forms: forms, Home: home})
	h := b.Handler()

	w := submit(t, h, secret, submission(map[string]string{"role": "splw", "pcn": "", "supervisor": "U9", "when": "2026-11-20"}))
	if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `"response_action":"errors"`) || !strings.Contains(w.Body.String(), `"pcn":"Please name your PCN."`) {
		t.Errorf("invalid submission: %d %s, want the error under pcn", w.Code, w.Body)
	}
	mu.Lock()
	if got.Values["role"] != "splw" || got.Values["supervisor"] != "U9" || got.Values["when"] != "2026-11-20" || got.State != "v1" || got.UserID != "U1" {
		t.Errorf("submission = %+v, want the chosen values, state and user", got)
	}
	mu.Unlock()
	if n := api.count("chat.postMessage") + api.count("views.publish"); n != 0 {
		t.Errorf("an invalid submission sent %d messages or redraws", n)
	}

	w = submit(t, h, secret, submission(map[string]string{"role": "splw", "pcn": "Gateshead West"}))
	if w.Code != http.StatusOK || w.Body.Len() != 0 {
		t.Errorf("valid submission: %d %q, want an empty 200 that closes the form", w.Code, w.Body)
	}
	dm := api.waitFor(t, "chat.postMessage", 1)[0]
	if dm.Body["channel"] != "U1" || dm.Body["text"] != "Saved your profile." {
		t.Errorf("after saving, chat.postMessage = %v, want a DM to U1", dm.Body)
	}
	api.waitFor(t, "views.publish", 1)

	for _, pcn := range []string{"panic", "down"} {
		w = submit(t, h, secret, submission(map[string]string{"role": "splw", "pcn": pcn}))
		if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `"response_action":"errors"`) || !strings.Contains(w.Body.String(), `"role":`) {
			t.Errorf("%s: %d %s, want a kind error under the first field", pcn, w.Code, w.Body)
		}
	}
	if !strings.Contains(w.Body.String(), "nothing was saved") {
		t.Errorf("Redis down: %s, want to be told nothing was saved", w.Body)
	}
}

func TestAppHomeOpenedPublishesTheHome(t *testing.T) {
	api := newSlackAPI(t)
	home := func(_ context.Context, userID string) (handlers.Reply, error) {
		return handlers.Reply{Header: "Your supervision", Buttons: []handlers.Button{{Label: "Set up", Command: "setup"}}}, nil
	}
	b := testBot(t, Options{Slack: api.client(), Home: home}, formCommand)
	ev := appHomeOpened("U5", "home")
	b.event(context.Background(), ev, "")
	call := api.waitFor(t, "views.publish", 1)[0]
	if call.Body["user_id"] != "U5" {
		t.Errorf("views.publish user_id = %v, want U5", call.Body["user_id"])
	}
	b.event(context.Background(), appHomeOpened("U5", "messages"), "")
	time.Sleep(20 * time.Millisecond)
	if n := api.count("views.publish"); n != 1 {
		t.Errorf("opening the Messages tab published the home: %d calls", n)
	}
}

func TestHomeButtonOpensFormOrAnswersByDM(t *testing.T) {
	api := newSlackAPI(t)
	hello := handlers.Command{Name: "hello", Run: func(context.Context, handlers.Request) (handlers.Reply, error) {
		return handlers.Say("Hello from the home tab"), nil
	}}
	b := testBot(t, Options{Slack: api.client()}, formCommand, hello)
	press := func(value string) slack.InteractionCallback {
		return slack.InteractionCallback{
			Type:      slack.InteractionTypeBlockActions,
			User:      slack.User{ID: "U7"},
			TriggerID: "T.home",
			View:      slack.View{Type: slack.VTHomeTab},
			ActionCallback: slack.ActionCallbacks{BlockActions: []*slack.BlockAction{
				{ActionID: actionRunPrefix + "0", Value: value},
			}},
		}
	}
	b.interaction(context.Background(), press("setup"))
	if c := api.waitFor(t, "views.open", 1)[0]; c.Body["trigger_id"] != "T.home" {
		t.Errorf("views.open = %v, want the home button's trigger", c.Body)
	}
	b.interaction(context.Background(), press("hello"))
	dm := api.waitFor(t, "chat.postMessage", 1)[0]
	if dm.Body["channel"] != "U7" || dm.Body["text"] != "Hello from the home tab" {
		t.Errorf("chat.postMessage = %v, want the answer by DM to U7", dm.Body)
	}
}

func TestConsoleActsAsAnotherPersonAndPrintsMessages(t *testing.T) {
	who := handlers.Command{Name: "whoami", Run: func(_ context.Context, req handlers.Request) (handlers.Reply, error) {
		return handlers.Reply{
			Text: "You are " + req.UserID,
			Messages: []handlers.Message{
				{To: "U2", Reply: handlers.Reply{Text: "Confirm?", Buttons: []handlers.Button{{Label: "Confirm", Command: "whoami", Args: "yes"}}}},
				{To: "C9", Reply: handlers.Reply{Text: "Posted"}},
			},
		}, nil
	}}
	b := testBot(t, Options{}, who)
	tests := []struct{ line, want string }{
		{"whoami", "You are UCONSOLE"},
		{"as @U2 whoami", "You are U2"},
		{"AS <@u3> /peer whoami", "You are U3"},
		{"as nobody whoami", "To act as someone else"},
		{"as @U2", "To act as someone else"},
	}
	for _, tt := range tests {
		if got := b.consoleAnswer(context.Background(), tt.line); !strings.Contains(got, tt.want) {
			t.Errorf("consoleAnswer(%q) = %q, want it to contain %q", tt.line, got, tt.want)
		}
	}
	got := b.consoleAnswer(context.Background(), "whoami")
	for _, want := range []string{"Direct message to @U2", "Confirm: type as @U2 /peer whoami yes", "Post in channel C9"} {
		if !strings.Contains(got, want) {
			t.Errorf("console output %q lacks %q", got, want)
		}
	}
}

func TestHiddenCommandsStayOutOfHelp(t *testing.T) {
	hidden := handlers.Command{Name: "feedback", Hidden: true, Description: "secret", Run: formCommand.Run}
	tbl, err := NewTable("/peer", nil, formCommand, hidden)
	if err != nil {
		t.Fatal(err)
	}
	help := Text(tbl.Help(true), tbl.Invocation)
	if strings.Contains(help, "feedback") {
		t.Errorf("help shows a hidden command:\n%s", help)
	}
	if rt := tbl.Route("/peer", "feedback x"); rt.cmd == nil || rt.cmd.Name != "feedback" {
		t.Errorf("a hidden command is not routed: %+v", rt)
	}
	if s := tbl.suggest("feedbak", true); s != "" {
		t.Errorf("suggest(feedbak) = %q, want no hidden suggestion", s)
	}
}

func appHomeOpened(user, tab string) slackevents.EventsAPIEvent {
	return slackevents.EventsAPIEvent{
		Type: slackevents.CallbackEvent,
		InnerEvent: slackevents.EventsAPIInnerEvent{
			Type: string(slackevents.AppHomeOpened),
			Data: &slackevents.AppHomeOpenedEvent{Type: "app_home_opened", User: user, Tab: tab},
		},
	}
}
