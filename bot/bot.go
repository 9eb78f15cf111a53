// Package bot is peerbot's Slack runtime: the three transports (HTTP,
// Socket Mode and the console), the checks every request from Slack must
// pass (signature, size, retries), the command table that routes to
// handlers and generates help, and the rendering of replies to Block Kit or
// plain text. It decides which work runs in a goroutine and for how long;
// handlers stay plain synchronous functions.
package bot

import (
	"context"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/slack-go/slack"

	"github.com/peerbot/peerbot/handlers"
)

// Store is what the bot keeps in Redis: which deliveries from Slack it has
// already answered, and whether the store answers at all.
type Store interface {
	// Claim reports whether this is the first delivery of the given ids
	// within scope in the last ttl, and records it.
	Claim(ctx context.Context, scope string, ttl time.Duration, ids ...string) (bool, error)
	Ping(ctx context.Context) error
}

// Options configures a Bot. Table and Store are required.
type Options struct {
	Table *Table
	Store Store
	// Slack is the Web API client; nil in the console.
	Slack *slack.Client
	// HTTPClient posts to response_url; it must have a timeout.
	HTTPClient *http.Client
	// ResponseURLPrefix is where a response_url may point: one that does
	// not start with it is never followed. Default DefaultResponseURLPrefix.
	ResponseURLPrefix string
	SigningSecret     string
	BotUserID         string // the bot's own user id, from auth.test
	AdminUserIDs      []string
	Logger            *slog.Logger
	Metrics           *Metrics
	// Converse answers free text in a mention or direct message that is not
	// a command. Nil: the person is shown what the bot can do.
	Converse handlers.HandlerFunc
	// ChannelAnswer answers a top-level message in one of AnswerChannels
	// that was not asked of the bot, or says to stay quiet (false); nil
	// answers none. See channel.go.
	ChannelAnswer  func(ctx context.Context, req handlers.Request) (handlers.Reply, bool)
	AnswerChannels []string
	// MoreAnswerChannels returns the channels an admin turned answers on
	// in, read again at most every 30 s.
	MoreAnswerChannels func(ctx context.Context) ([]string, error)
	// Forms take submitted forms (Slack modals), by form ID.
	Forms map[string]handlers.FormFunc
	// Outbox, when set, sends every message a reply carries durably
	// (see Outbox); nil posts them directly. SetOutbox sets it later.
	Outbox Outbox
	// Home draws a person's App Home tab; nil leaves the tab alone.
	Home handlers.HomeFunc
	// Auditor keeps the audit log of commands kept for admins: each run
	// and each refused attempt. Nil keeps none.
	Auditor Auditor
	// AnswerBudget is how long a slash command may run before Slack is
	// answered at once and the reply follows through response_url.
	// Slack waits 3 s; default 2 s.
	AnswerBudget time.Duration
	// TaskTimeout bounds every piece of background work; default 30 s.
	TaskTimeout time.Duration
	// DedupeTTL is how long a delivery is remembered; default 6 h, well over
	// Slack's last retry at about 5 minutes.
	DedupeTTL time.Duration
}

// Bot answers people through whichever transport runs it. It is safe for
// concurrent use.
type Bot struct {
	table     *Table
	store     Store
	api       *slack.Client
	http      *http.Client
	hooks     string // ResponseURLPrefix
	secret    string
	botUserID string
	admins    map[string]bool
	log       *slog.Logger
	metrics   *Metrics
	converse  handlers.HandlerFunc
	channel   *channelAnswers
	forms     map[string]handlers.FormFunc
	home      handlers.HomeFunc
	auditor   Auditor
	budget    time.Duration
	taskTTL   time.Duration
	dedupeTTL time.Duration
	replies   replyCache

	tasks      sync.WaitGroup
	tasksMu    sync.Mutex // orders each tasks.Add before Shutdown's Wait
	stopping   bool       // guarded by tasksMu
	taskCtx    context.Context
	cancelTask context.CancelFunc

	outbox atomic.Pointer[outboxBox] // see SetOutbox
}

// New returns a Bot.
func New(o Options) *Bot {
	b := &Bot{
		table:     o.Table,
		store:     o.Store,
		api:       o.Slack,
		http:      o.HTTPClient,
		hooks:     o.ResponseURLPrefix,
		secret:    o.SigningSecret,
		botUserID: o.BotUserID,
		admins:    make(map[string]bool),
		log:       o.Logger,
		metrics:   o.Metrics,
		converse:  o.Converse,
		forms:     o.Forms,
		home:      o.Home,
		auditor:   o.Auditor,
		budget:    o.AnswerBudget,
		taskTTL:   o.TaskTimeout,
		dedupeTTL: o.DedupeTTL,
	}
	if o.Outbox != nil {
		b.SetOutbox(o.Outbox)
	}
	for _, id := range o.AdminUserIDs {
		b.admins[id] = true
	}
	b.channel = newChannelAnswers(o.ChannelAnswer, o.AnswerChannels, o.MoreAnswerChannels)
	if b.http == nil {
		b.http = &http.Client{Timeout: 10 * time.Second}
	}
	if b.hooks == "" {
		b.hooks = DefaultResponseURLPrefix
	}
	if b.log == nil {
		b.log = slog.New(slog.DiscardHandler)
	}
	if b.metrics == nil {
		b.metrics = NewMetrics()
	}
	if b.budget <= 0 {
		b.budget = 2 * time.Second
	}
	if b.taskTTL <= 0 {
		b.taskTTL = 30 * time.Second
	}
	if b.dedupeTTL <= 0 {
		b.dedupeTTL = 6 * time.Hour
	}
	b.taskCtx, b.cancelTask = context.WithCancel(context.Background())
	return b
}

// invocation is a command as it arrived, before routing.
type invocation struct {
	kind      string // metrics label: slash_command, interaction, mention, console
	slash     string // "/roles", or the umbrella
	text      string // what followed it
	userID    string
	channelID string
	teamID    string
	// triggerID lets a form be opened for the person, for about 3 s after
	// Slack sent it; "" when no form can be opened.
	triggerID string
}

// answer routes and runs one command and always returns a reply: a fault
// becomes a short apology, and a panic is recovered and logged.
func (b *Bot) answer(ctx context.Context, in invocation) handlers.Reply {
	reply, logAnswered := b.answerThenLog(ctx, in)
	logAnswered()
	return reply
}

// answerThenLog is answer, with its "answered" line written only when
// logAnswered is called: a slash command's reply goes to Slack first.
func (b *Bot) answerThenLog(ctx context.Context, in invocation) (reply handlers.Reply, logAnswered func()) {
	start := time.Now()
	reqID := newID()
	if reply, logAnswered, refused := b.refuseNHS(in, reqID, start); refused {
		return reply, logAnswered
	}
	isAdmin := b.admins[in.userID]
	res := b.table.Resolve(in.slash, in.text, isAdmin)
	log := b.requestLog(reqID, in.kind, in.userID, anonymous(res.Name, res.Args))

	reply, outcome := res.Reply, res.Outcome
	if !b.audit(ctx, log, in.userID, res) {
		reply, outcome = handlers.Say(unaudited), "unaudited"
		if res.ReadOnly {
			reply = handlers.Say(unauditedRead)
		}
	} else if res.Run != nil {
		log.with(slog.String("command", res.Name))
		req := handlers.Request{
			UserID:      in.userID,
			TeamID:      in.teamID,
			ChannelID:   in.channelID,
			Args:        res.Args,
			IsAdmin:     isAdmin,
			Invoke:      b.table.Invocation,
			Interactive: b.canOpenForms(in),
			TriggerID:   in.triggerID,
		}
		reply, outcome = b.run(ctx, log, reqID, res.Run, req, res.ReadOnly)
	}
	// A kept reply's hits are logged with the person: never one that must
	// not be traced to them.
	if res.Fixed && (outcome == "ok" || outcome == "help") && keepable(reply) && !anonymous(res.Name, res.Args) {
		b.keep(in, isAdmin, res.Name, outcome, reply)
	}
	b.observe(in.kind, outcome, start)
	took := time.Since(start)
	return reply, func() { log.answered(outcome, took) }
}

// keep renders a reply that is the same for everyone into the cache.
func (b *Bot) keep(in invocation, isAdmin bool, name, outcome string, reply handlers.Reply) {
	key, ok := replyKey(in, isAdmin)
	if !ok {
		return
	}
	if _, ok := b.replies.get(key); ok {
		return
	}
	b.replies.put(key, cachedReply{payload: encodeMessage(reply), name: name, outcome: outcome})
}

// cached answers a slash command from the reply cache, logging and
// counting it as answer does; false when it is not kept.
func (b *Bot) cached(in invocation) ([]byte, bool) {
	start := time.Now()
	key, ok := replyKey(in, b.admins[in.userID])
	if !ok {
		return nil, false
	}
	r, ok := b.replies.get(key)
	if !ok {
		return nil, false
	}
	b.observe(in.kind, r.outcome, start)
	if b.log.Enabled(context.Background(), slog.LevelInfo) {
		attrs := []slog.Attr{slog.String("request_id", newID()), slog.String("kind", in.kind), slog.String("user_id", in.userID)}
		if r.name != "" {
			attrs = append(attrs, slog.String("command", r.name))
		}
		attrs = append(attrs, slog.String("outcome", r.outcome), slog.Float64("duration_ms", float64(time.Since(start).Microseconds())/1000), slog.Bool("cached", true))
		b.log.LogAttrs(context.Background(), slog.LevelInfo, "answered", attrs...)
	}
	return r.payload, true
}

// requestLog is the logger of one request, with its fields. It names the
// person, except when the request must not be traced to them.
func (b *Bot) requestLog(reqID, kind, userID string, anonymous bool) *reqLog {
	l := &reqLog{base: b.log}
	l.attrs = append(l.buf[:0], slog.String("request_id", reqID), slog.String("kind", kind))
	if !anonymous {
		l.attrs = append(l.attrs, slog.String("user_id", userID))
	}
	return l
}

// reqLog is a request's logger, its fields added to each line. Most
// requests log one line, "answered", so the slog.Logger With them (which
// formats them once, for every line after) is made only when another line
// is logged.
type reqLog struct {
	base  *slog.Logger
	attrs []slog.Attr
	buf   [6]slog.Attr // attrs' first room: request_id, kind, user_id, command, outcome, duration_ms
	l     *slog.Logger // base With attrs, once made
}

// with adds a field to every line logged after.
func (r *reqLog) with(a slog.Attr) {
	r.attrs = append(r.attrs, a)
	r.l = nil
}

// logger is base with the request's fields.
func (r *reqLog) logger() *slog.Logger {
	if r.l == nil {
		args := make([]any, len(r.attrs))
		for i, a := range r.attrs {
			args[i] = a
		}
		r.l = r.base.With(args...)
	}
	return r.l
}

// answered logs the request's outcome and how long it took: the line
// logger().Info would write, without making the logger, and without the
// caller's program counter (which Logger looks up for every line, for a
// source the handlers are not asked to write).
func (r *reqLog) answered(outcome string, took time.Duration) {
	ctx := context.Background()
	h := r.base.Handler()
	if !h.Enabled(ctx, slog.LevelInfo) {
		return
	}
	rec := slog.NewRecord(time.Now(), slog.LevelInfo, "answered", 0)
	rec.AddAttrs(append(r.attrs, slog.String("outcome", outcome),
		slog.Float64("duration_ms", float64(took.Microseconds())/1000))...)
	_ = h.Handle(ctx, rec)
}

// shareCommand posts a person's question to the peer support channel;
// "share anon ..." posts it without their name.
const shareCommand = "share"

// anonymous reports whether the command name, run with args, acts for a
// person who must stay unnamed: an anonymous share. Nothing logged about it
// may name them, or an operator could unmask the post.
func anonymous(name, args string) bool {
	if name != shareCommand {
		return false
	}
	mode, _, _ := strings.Cut(strings.TrimSpace(args), " ")
	return strings.EqualFold(mode, "anon")
}

// run calls a handler, turning an error or a panic into a reply. readOnly
// says the command only reads: the store out of reach is then said so,
// never "nothing was changed".
func (b *Bot) run(ctx context.Context, log *reqLog, reqID string, h handlers.HandlerFunc, req handlers.Request, readOnly bool) (reply handlers.Reply, outcome string) {
	defer func() {
		if p := recover(); p != nil {
			log.logger().Error("handler panicked", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			reply, outcome = apology(reqID), "panic"
		}
	}()
	r, err := h(ctx, req)
	if readOnly && (errors.Is(err, handlers.ErrUnavailable) || errors.Is(err, handlers.ErrUnknown)) {
		log.logger().Warn("handler failed", "err", err)
		return handlers.Say(unreadable), "error"
	}
	if err != nil {
		return b.errorReply(log.logger(), reqID, err), "error"
	}
	return r, "ok"
}

// historyHint is where a person checks what was saved.
const historyHint = "/supervision history"

// unreadable answers a command that only reads when the store is out of
// reach: there was nothing to change.
const unreadable = "I can't read my records just now, so I can't show you that. Please try again in a minute."

// errorWords turns expected errors into the words a person sees. Anything
// else is logged in full and the person gets a short apology.
var errorWords = []struct {
	err   error
	words string
}{
	{handlers.ErrErasing, "I can't do that just now, so nothing was changed: it touches the data of someone whose data is being erased (/peer forget-me). If that's you, the erasure finishes in a moment; if you still see this after a few minutes, run /peer forget-me again to finish it."},
	// Before ErrUnavailable: an answer lost after the write was sent says
	// nothing about whether it was made.
	{handlers.ErrUnknown, "My records didn't answer in time, so I can't tell whether that was saved. Please check before you try again (for a session: " + historyHint + ")."},
	{handlers.ErrUnavailable, "I can't reach my records just now, so nothing was changed. Please try again in a minute."},
	// A handler stopped part way may have written something already.
	{context.DeadlineExceeded, "That took longer than it should, so I stopped part way. If you were changing something, it may or may not have been saved: please check before you try again."},
}

func (b *Bot) errorReply(log *slog.Logger, reqID string, err error) handlers.Reply {
	for _, e := range errorWords {
		if errors.Is(err, e.err) {
			log.Warn("handler failed", "err", err)
			return handlers.Say(e.words)
		}
	}
	log.Error("handler failed", "err", err)
	return apology(reqID)
}

func apology(reqID string) handlers.Reply {
	return handlers.Say(fmt.Sprintf("Sorry, something went wrong on my side. It has been logged (reference %s). "+
		"Please try again, or tell the training hub team if it keeps happening.", reqID))
}

func (b *Bot) observe(kind, outcome string, start time.Time) {
	b.metrics.observe(kind, outcome, start)
}

// goTask runs f in the background with a bounded lifetime, tracked so that
// Shutdown can wait for it. It reports false, running nothing, once the bot
// is shutting down.
func (b *Bot) goTask(name string, f func(ctx context.Context)) bool {
	b.tasksMu.Lock()
	if b.stopping {
		b.tasksMu.Unlock()
		return false
	}
	b.tasks.Add(1) // under tasksMu: never after Shutdown has begun to Wait
	b.tasksMu.Unlock()
	go b.runTask(name, f)
	return true
}

// goTaskFrom is goTask for work that other work starts, such as the
// messages a reply sends. Called, from inside a task, with that task's
// context, it runs f even while the bot is shutting down: f is part of the
// work in flight that Shutdown waits for, and the running parent keeps the
// count above zero, so this Add cannot race Shutdown's Wait.
func (b *Bot) goTaskFrom(ctx context.Context, name string, f func(ctx context.Context)) bool {
	if ctx.Value(inTask{}) == nil {
		return b.goTask(name, f)
	}
	b.tasks.Add(1)
	go b.runTask(name, f)
	return true
}

// runHere is goTask run in the calling goroutine: tracked for Shutdown,
// with a task's context and lifetime. It reports false, running nothing,
// once the bot is shutting down.
func (b *Bot) runHere(name string, f func(ctx context.Context)) bool {
	b.tasksMu.Lock()
	if b.stopping {
		b.tasksMu.Unlock()
		return false
	}
	b.tasks.Add(1) // under tasksMu, as in goTask
	b.tasksMu.Unlock()
	b.runTask(name, f)
	return true
}

// inTask marks the context of a background task.
type inTask struct{}

func (b *Bot) runTask(name string, f func(ctx context.Context)) {
	defer b.tasks.Done()
	ctx, cancel := context.WithTimeout(context.WithValue(b.taskCtx, inTask{}, true), b.taskTTL)
	defer cancel()
	defer func() {
		if p := recover(); p != nil {
			b.log.Error("background task panicked", "task", name, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
		}
	}()
	f(ctx)
}

// Shutdown stops taking background work and waits for what is in flight to
// finish, until ctx ends; then it cancels what is left.
func (b *Bot) Shutdown(ctx context.Context) error {
	b.tasksMu.Lock()
	b.stopping = true
	b.tasksMu.Unlock()
	done := make(chan struct{})
	go func() { b.tasks.Wait(); close(done) }()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		b.cancelTask()
		<-done
		return fmt.Errorf("background work cut short: %w", ctx.Err())
	}
}

// Ready reports whether the bot can serve: its store answers.
func (b *Bot) Ready(ctx context.Context) error { return b.store.Ping(ctx) }

// slashReply works out a slash command's reply in the background and
// waits for it as long as the answer budget allows. ok is false when the
// budget ran out first: the reply will follow through response_url. A
// reply of several pages is answered empty at once and its pages posted
// in order (sendPages).
func (b *Bot) slashReply(ctx context.Context, in invocation, responseURL string) (reply handlers.Reply, ok bool) {
	ok = b.slashReplyTo(ctx, in, responseURL, func(r handlers.Reply) { reply = r })
	return reply, ok
}

// slashReplyTo is slashReply handing the reply to inTime, which the task
// that worked it out calls (at once, when the bot is restarting) before
// slashReplyTo returns true. After a false, inTime is never called. Over
// HTTP, slashHere runs the work in the request's own goroutine instead.
func (b *Bot) slashReplyTo(ctx context.Context, in invocation, responseURL string, inTime func(handlers.Reply)) bool {
	var (
		mu   sync.Mutex
		late bool
		done = make(chan struct{})
	)
	started := b.goTaskFrom(ctx, "slash command", func(ctx context.Context) {
		r, logAnswered := b.answerThenLog(ctx, in)
		defer logAnswered() // once the reply is on its way
		r = b.finish(ctx, in, r)
		paged := len(r.More) > 0 && b.api != nil
		mu.Lock()
		if !late {
			if paged {
				inTime(handlers.Reply{}) // the pages follow, page 1 first
			} else {
				inTime(r)
			}
			close(done)
			mu.Unlock()
			if paged {
				b.sendPages(ctx, in, responseURL, r)
			}
			return
		}
		mu.Unlock()
		if paged {
			b.sendPages(ctx, in, responseURL, r)
			return
		}
		b.lateReply(ctx, responseURL, r)
	})
	if !started {
		inTime(handlers.Say("I'm restarting just now. Please try again in a moment."))
		return true
	}
	timer := time.NewTimer(b.budget)
	defer timer.Stop()
	select {
	case <-done:
		return true
	case <-timer.C:
	}
	mu.Lock()
	defer mu.Unlock()
	select {
	case <-done:
		return true
	default:
		late = true
		return false
	}
}

// lateReply posts a slash command's reply that missed the answer budget
// to its response_url.
func (b *Bot) lateReply(ctx context.Context, responseURL string, r handlers.Reply) {
	if empty(r) {
		return
	}
	if responseURL == "" {
		b.log.Warn("a late reply to a slash command had no response_url to go to")
		return
	}
	if err := b.respond(ctx, responseURL, r); err != nil {
		b.log.Error("posting a late reply failed", "err", err)
	}
}

// respond posts a reply to a response_url, waiting out rate limits.
func (b *Bot) respond(ctx context.Context, responseURL string, r handlers.Reply) error {
	if !strings.HasPrefix(responseURL, b.hooks) {
		return fmt.Errorf("response_url on %s: %w", urlHost(responseURL), errUntrustedURL)
	}
	blocks, text := Blocks(r)
	msg := &slack.WebhookMessage{
		Text:            text,
		Blocks:          &slack.Blocks{BlockSet: blocks},
		ResponseType:    responseType(r),
		ReplaceOriginal: r.Replace,
	}
	return b.withRetry(ctx, "response_url", func() error {
		return slack.PostWebhookCustomHTTPContext(ctx, responseURL, b.http, msg)
	})
}

// post sends a reply into a channel or thread through chat.postMessage.
func (b *Bot) post(ctx context.Context, channel, threadTS string, r handlers.Reply) error {
	if b.api == nil {
		return errors.New("no Slack client")
	}
	blocks, text := Blocks(r)
	opts := []slack.MsgOption{slack.MsgOptionText(text, false), slack.MsgOptionBlocks(blocks...)}
	if threadTS != "" {
		opts = append(opts, slack.MsgOptionTS(threadTS))
	}
	return b.withRetry(ctx, "chat.postMessage", func() error {
		_, _, err := b.api.PostMessageContext(ctx, channel, opts...)
		return err
	})
}

// withRetry calls f, and again after Slack's Retry-After when Slack says it
// is rate limited, up to three times in all. Other errors are not retried:
// a post that failed on the way back may have been made, and a second try
// could post twice.
func (b *Bot) withRetry(ctx context.Context, method string, f func() error) error {
	for attempt := 1; ; attempt++ {
		err := f()
		if err == nil {
			return nil
		}
		b.metrics.slackError(method)
		var rl *slack.RateLimitedError
		if !errors.As(err, &rl) || attempt == 3 {
			return fmt.Errorf("%s: %w", method, err)
		}
		wait := max(rl.RetryAfter, time.Second)
		b.log.Warn("rate limited by Slack", "method", method, "retry_after", wait)
		select {
		case <-ctx.Done():
			return fmt.Errorf("%s: waiting out a rate limit: %w", method, ctx.Err())
		case <-time.After(wait):
		}
	}
}

func responseType(r handlers.Reply) string {
	if r.Public {
		return slack.ResponseTypeInChannel
	}
	return slack.ResponseTypeEphemeral
}

// newID is an id that tells one request's log lines from another's: 12
// hex digits. It guards nothing, so it is drawn from math/rand, which costs
// no system call; crypto/rand's read was a system call on every request
// and grew the stack of the goroutine that answered it.
func newID() string {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], rand.Uint64())
	return hex.EncodeToString(b[:6])
}
