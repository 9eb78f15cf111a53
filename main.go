// Command peerbot is a Slack bot for the peer support network of the NHS
// personalised care roles. With no Slack settings it opens a local console;
// with a bot token and signing secret it serves Slack over HTTP; with an
// app-level token too, over Socket Mode. See README.md.
//
// This file and config.go only wire the packages together.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"
	_ "time/tzdata" // time zones without the system's database, as on slim hosts

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"

	"github.com/peerbot/peerbot/bot"
	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/knowledge"
	"github.com/peerbot/peerbot/scheduler"
	"github.com/peerbot/peerbot/store"
	"github.com/peerbot/peerbot/supervision"
)

// shutdownGrace bounds the whole orderly stop after SIGTERM or SIGINT.
const shutdownGrace = 10 * time.Second

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, nil); err != nil {
		fmt.Fprintf(os.Stderr, "peerbot: %v\n", err)
		os.Exit(1)
	}
}

// run starts the bot in the mode the environment asks for and returns when
// ctx ends (or, in the console, when input ends). listening, when not nil,
// is told the HTTP address once the server accepts connections.
//
// It stops in order: the mode stops taking requests, then the scheduler
// stops, then the bot's background work finishes, and Redis closes last.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, listening func(addr string)) error {
	if len(args) >= 2 && args[0] == "knowledge" && args[1] == "check" {
		return knowledgeCheck(args[2:], stdout)
	}
	if len(args) > 0 {
		return fmt.Errorf("unknown argument %q: peerbot takes its settings from the environment (see .env.example); the one subcommand is \"peerbot knowledge check [dir]\"", args[0])
	}
	cfg, err := loadConfig()
	if err != nil {
		return fmt.Errorf("configuration: %w", err)
	}
	mode := cfg.Mode()
	log := newLogger(cfg, mode, stderr)
	store.SetLogger(log) // go-redis has one logger per process: the last run's wins

	a, err := newApp(ctx, cfg, mode, log)
	if err != nil {
		return err
	}
	defer a.db.Close() // last: after the mode and the scheduler stop
	defer func() { a.stopCancel() }()

	// Background work runs beside every mode: it starts here, before the
	// mode takes requests, and stops after the mode has stopped taking them.
	a.sched.Start()
	if a.engine, err = a.startEngine(stdout); err != nil {
		return errors.Join(fmt.Errorf("starting the reminder engine: %w", err), a.stopBackground())
	}
	// Requests are served only from here on, so every message a reply
	// sends goes through the engine's durable path.
	a.bot.SetOutbox(a.engine)
	a.reloader.onLoad = func(ctx context.Context, base *knowledge.Base) {
		if err := ensureReviews(ctx, a.engine, a.db, base.Entries(), cfg.ReviewMonths, a.admins, time.Now()); err != nil {
			a.log.Error("scheduling the content review notices failed", "err", err)
		}
	}
	pollCtx, pollStop := context.WithCancel(context.Background())
	a.pollStop = pollStop
	go a.reloader.run(pollCtx, contentPollEvery)

	var runErr error
	switch mode {
	case ModeConsole:
		runErr = a.runConsole(ctx, stdin, stdout, stderr)
	case ModeSocket:
		runErr = a.runSocketMode(ctx, listening)
	default:
		runErr = a.runHTTP(ctx, listening)
	}
	return errors.Join(runErr, a.stopBackground())
}

// app is peerbot wired together: what every mode runs.
type app struct {
	cfg   *Config
	mode  Mode
	log   *slog.Logger
	db    *store.Redis
	kept  string // for the console's banner: which store it runs on
	api   *slack.Client
	table *bot.Table
	bot   *bot.Bot
	sched *scheduler.Scheduler

	// What the reminder engine needs besides the store and Slack.
	standards *handlers.Standards // shipped, with the admins' overrides
	directory handlers.Directory
	metrics   *bot.Metrics
	admins    []string
	engine    *scheduler.Engine // nil until started
	clock     *consoleClock     // the console's movable clock; nil over Slack
	reloader  *contentReloader  // reads KNOWLEDGE_DIR again on every replica
	pollStop  context.CancelFunc

	stopOnce   sync.Once
	stopCtx    context.Context
	stopCancel context.CancelFunc
}

// newApp loads the content, opens the store, checks the Slack token (over
// Slack) and builds the bot.
func newApp(ctx context.Context, cfg *Config, mode Mode, log *slog.Logger) (*app, error) {
	var extra fs.FS
	if cfg.KnowledgeDir != "" {
		extra = os.DirFS(cfg.KnowledgeDir)
	}
	content, err := knowledge.LoadWith(knowledge.Content(), extra)
	if err != nil {
		return nil, fmt.Errorf("loading content: %w", err)
	}
	standards, err := supervision.LoadStandards(extra)
	if err != nil {
		return nil, fmt.Errorf("loading supervision standards: %w", err)
	}
	metrics := bot.NewMetrics()
	a := &app{cfg: cfg, mode: mode, log: log, sched: scheduler.New(log, cfg.DefaultTZ.Location), stopCancel: func() {}}
	if mode == ModeConsole {
		a.clock = &consoleClock{}
	}
	if a.db, a.kept, err = openStore(ctx, cfg, mode, metrics); err != nil {
		return nil, err
	}
	httpClient := &http.Client{Timeout: 10 * time.Second}
	var (
		botUserID string
		directory handlers.Directory = fixedZone(cfg.DefaultTZ.String())
	)
	if mode != ModeConsole {
		if a.api, botUserID, err = connectSlack(ctx, cfg, httpClient, log); err != nil {
			_ = a.db.Close()
			return nil, err
		}
		directory = bot.NewDirectory(a.api, a.db, cfg.ZoneCacheTTL.Duration, cfg.DefaultTZ.String())
	}
	a.standards, a.directory, a.metrics = handlers.NewStandards(standards, a.db, nil), directory, metrics
	if err := a.newBot(content, a.standards, directory, httpClient, botUserID, metrics); err != nil {
		_ = a.db.Close()
		return nil, err
	}
	return a, nil
}

// now is the time the app runs on: the console's movable clock, else the
// real one.
func (a *app) now() time.Time {
	if a.clock != nil {
		return a.clock.Now()
	}
	return time.Now()
}

// connectSlack makes the Web API client and checks the bot token with
// auth.test, telling a refused token from a Slack that cannot be reached.
func connectSlack(ctx context.Context, cfg *Config, httpClient *http.Client, log *slog.Logger) (api *slack.Client, botUserID string, err error) {
	opts := []slack.Option{slack.OptionHTTPClient(httpClient)}
	if cfg.SlackAPIURL != "" {
		opts = append(opts, slack.OptionAPIURL(cfg.SlackAPIURL))
	}
	if cfg.Mode() == ModeSocket {
		opts = append(opts, slack.OptionAppLevelToken(cfg.SlackAppToken))
	}
	api = slack.New(cfg.SlackBotToken, opts...)
	authCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	auth, err := api.AuthTestContext(authCtx)
	if err != nil {
		return nil, "", authTestError(err, cfg.SlackAPIURL)
	}
	log.Info("connected to Slack", "team_id", auth.TeamID, "bot_user_id", auth.UserID)
	return api, auth.UserID, nil
}

// tokenRefusals are the auth.test errors that mean Slack refused the token.
var tokenRefusals = []string{"invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired", "not_allowed_token_type"}

// authTestError says why auth.test failed: Slack refused the token, Slack
// answered with an error of its own, or Slack could not be reached (and
// the token was not checked at all).
func authTestError(err error, apiURL string) error {
	var (
		refused   slack.SlackErrorResponse
		status    slack.StatusCodeError
		ratelimit *slack.RateLimitedError
	)
	switch {
	case errors.As(err, &refused) && slices.Contains(tokenRefusals, refused.Err):
		return fmt.Errorf("the bot token in SLACK_BOT_TOKEN was not accepted by Slack (auth.test: %s); check it on the Slack app's OAuth & Permissions page", refused.Err)
	case errors.As(err, &refused), errors.As(err, &status), errors.As(err, &ratelimit):
		return fmt.Errorf("slack answered the token check with an error of its own, so the bot token in SLACK_BOT_TOKEN was not checked (auth.test: %w); try again later", err)
	}
	where := "Slack"
	if apiURL != "" {
		where = "Slack at SLACK_API_URL " + apiURL
	}
	return fmt.Errorf("cannot reach %s to check the bot token in SLACK_BOT_TOKEN, so it was not checked (auth.test: %w); check the network, any proxy or firewall, and SLACK_API_URL", where, err)
}

// newBot builds the handlers, the command table and the bot.
func (a *app) newBot(content *knowledge.Base, standards *handlers.Standards, directory handlers.Directory, httpClient *http.Client, botUserID string, metrics *bot.Metrics) error {
	held := handlers.NewContent(content)
	a.reloader = &contentReloader{dir: a.cfg.KnowledgeDir, db: a.db, content: held, standards: standards, log: a.log, now: time.Now}
	roles, err := handlers.NewRoles(held)
	if err != nil {
		return err
	}
	answers := handlers.NewAnswers(handlers.AnswersOptions{
		Content:       held,
		Feedback:      a.db,
		Profiles:      a.db,
		Once:          a.db,
		Pending:       a.db,
		PeerChannelID: a.cfg.PeerChannelID,
	})
	sup := handlers.NewSupervision(handlers.SupervisionOptions{
		Profiles:    a.db,
		Sessions:    a.db,
		Standards:   standards.Shipped(),
		Source:      standards,
		Directory:   directory,
		DefaultZone: a.cfg.DefaultTZ.Location,
		Reminders:   reminderQueue{a},
		Now:         a.now,

		RetentionMonths: a.cfg.RetentionMonths,
	})
	cmds := append([]handlers.Command{roles.Command()}, answers.Commands()...)
	cmds = append(cmds, sup.Command(), handlers.NewAdmin(handlers.AdminOptions{Audit: a.db, Directory: directory, Channels: a.db, Reports: a.db, Overrides: standards, Reloader: a.reloader,
		Feedback: a.db, Content: held, ReviewMonths: a.cfg.ReviewMonths}).Command(),
		handlers.NewChannelSchedules(reminderQueue{a}, a.now).Command())
	if a.clock != nil {
		cmds = append(cmds, handlers.ClockCommand(a.clock.Set, a.clock.Now))
	}
	rights := handlers.NewRights(a.db.Rights(a.db.Reminders(a.cfg.ReminderShards), a.cfg.AuditSalt))
	cmds = append(cmds, rights.Commands()...)
	if a.table, err = bot.NewTable(a.cfg.CommandPeer, a.cfg.SlashNames(), cmds...); err != nil {
		return fmt.Errorf("command table: %w", err)
	}
	admins := a.cfg.AdminUserIDs
	if a.mode == ModeConsole {
		// Your own machine: you are its admin, and so is anyone
		// ADMIN_USER_IDS names, when you act as them ("as @U123").
		admins = append([]string{bot.ConsoleUser}, admins...)
	}
	a.admins = admins
	a.bot = bot.New(bot.Options{
		Table:              a.table,
		Store:              a.db,
		Slack:              a.api,
		HTTPClient:         httpClient,
		SigningSecret:      a.cfg.SlackSigningSecret,
		BotUserID:          botUserID,
		AdminUserIDs:       admins,
		Logger:             a.log,
		Metrics:            metrics,
		Converse:           answers.Converse,
		ChannelAnswer:      answers.ChannelAnswer,
		AnswerChannels:     []string{a.cfg.PeerChannelID},
		MoreAnswerChannels: a.db.AnswerChannels,
		Forms:              sup.Forms(),
		Home:               sup.Home,
		Auditor:            a.db,

		ResponseURLPrefix: a.cfg.ResponseURLPrefix,
	})
	a.reloader.drop = a.bot.DropCachedReplies
	return nil
}

// runConsole serves one person at the terminal until input ends or ctx does.
func (a *app) runConsole(ctx context.Context, stdin io.Reader, stdout, stderr io.Writer) error {
	fmt.Fprintf(stderr, "peerbot console: a local try-out, with no Slack connection. %s\n"+
		"Type commands as in Slack, such as %s, %s or %s. End with Ctrl-D or \"exit\".\n"+
		"Start a line with \"as @U123\" to act as someone else (a supervisor, say).\n"+
		"To connect Slack, set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (see README.md).\n\n",
		a.kept, a.table.Invocation("roles", "coach"), a.table.Invocation("ask", "who supervises a link worker?"), a.table.Umbrella()+" help")
	err := a.bot.RunConsole(ctx, stdin, stdout, isTerminal(stdin))
	if errors.Is(err, context.Canceled) {
		err = nil // Ctrl-C is a normal way to leave
	}
	a.stopping()
	return err
}

// runHTTP serves Slack's requests over HTTP until ctx ends.
func (a *app) runHTTP(ctx context.Context, listening func(string)) error {
	srv, err := a.listen(listening)
	if err != nil {
		return err
	}
	var runErr error
	select {
	case <-ctx.Done():
	case runErr = <-srv.failed:
	}
	return errors.Join(runErr, srv.shutdown(a.stopping()))
}

// runSocketMode takes Slack's requests over Socket Mode until ctx ends,
// serving health, readiness and metrics over HTTP beside it.
func (a *app) runSocketMode(ctx context.Context, listening func(string)) error {
	srv, err := a.listen(listening)
	if err != nil {
		return err
	}
	sctx, cancel := context.WithCancel(ctx)
	defer cancel()
	sm := socketmode.New(a.api, socketmode.OptionLog(slogPrinter{a.log}))
	socketErr := make(chan error, 1)
	go func() { socketErr <- a.bot.RunSocketMode(sctx, sm) }()
	var runErr error
	select {
	case <-ctx.Done():
		<-socketErr
	case runErr = <-socketErr:
	case runErr = <-srv.failed:
		cancel()
		<-socketErr
	}
	return errors.Join(runErr, srv.shutdown(a.stopping()))
}

// stopping starts the orderly stop, once, and returns the context that
// bounds all of it (shutdownGrace from the first call).
func (a *app) stopping() context.Context {
	a.stopOnce.Do(func() {
		a.log.Info("shutting down")
		a.stopCtx, a.stopCancel = context.WithTimeout(context.Background(), shutdownGrace)
	})
	return a.stopCtx
}

// stopBackground stops the scheduler, then lets the bot's background work
// finish, within what is left of the grace period.
func (a *app) stopBackground() error {
	ctx := a.stopping()
	if a.pollStop != nil {
		a.pollStop()
	}
	err := errors.Join(a.sched.Stop(ctx), a.bot.Shutdown(ctx))
	if a.engine != nil {
		// After the bot's own work, which may still hand it messages;
		// releasing its claims lets another replica send them at once.
		stopEngine(a.log, a.engine)
	}
	a.log.Info("stopped")
	return err
}

// openStore opens Redis: the one REDIS_URL names, or, in the console
// without one, an embedded store in memory. kept says which, for the
// console's banner.
func openStore(ctx context.Context, cfg *Config, mode Mode, metrics *bot.Metrics) (db *store.Redis, kept string, err error) {
	opts := store.Options{URL: cfg.RedisURL, MasterName: cfg.RedisMasterName, Prefix: cfg.RedisKeyPrefix, OnError: metrics.RedisError}
	if mode == ModeConsole {
		if cfg.RedisURL == "" {
			db, err = store.OpenEmbedded(ctx, opts)
			kept = "Nothing is kept after you quit: this runs on a store in memory."
		} else {
			db, err = store.Open(ctx, opts)
			kept = "Using the Redis at " + redact(cfg.RedisURL) + "."
		}
		if err != nil {
			return nil, "", fmt.Errorf("opening the store: %w", err)
		}
		return db, kept, nil
	}
	if opts.URL == "" {
		opts.URL = DefaultRedisURL
	}
	openCtx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	db, err = store.Open(openCtx, opts)
	if err != nil {
		return nil, "", fmt.Errorf("cannot reach Redis at %s, and %s mode needs it: set REDIS_URL (for example REDIS_URL=redis://localhost:6379/0): %w",
			redact(opts.URL), mode, err)
	}
	return db, "", nil
}

// fixedZone is the console's directory: everyone is in the default zone.
type fixedZone string

func (z fixedZone) TimeZone(context.Context, string) (string, error) { return string(z), nil }

func newLogger(cfg *Config, mode Mode, w io.Writer) *slog.Logger {
	level, _ := parseLevel(cfg.LogLevel) // validated
	format := cfg.LogFormat
	if mode == ModeConsole {
		if cfg.LogLevel == "" {
			level = slog.LevelWarn // keep the console for answers
		}
		if format == "" {
			format = "text"
		}
	}
	opts := &slog.HandlerOptions{Level: level}
	if format == "text" {
		return slog.New(slog.NewTextHandler(w, opts))
	}
	return slog.New(slog.NewJSONHandler(w, opts))
}

// redact hides the passwords in a REDIS_URL (one URL, or several separated
// by commas) so it can be shown or logged.
func redact(raw string) string {
	parts := strings.Split(raw, ",")
	for i, p := range parts {
		p = strings.TrimSpace(p)
		u, err := url.Parse(p)
		switch {
		case err == nil:
			parts[i] = u.Redacted()
		case strings.Contains(p, "@"):
			parts[i] = "(unreadable address)"
		default:
			parts[i] = p
		}
	}
	return strings.Join(parts, ",")
}

func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// slogPrinter adapts slog to slack-go's Socket Mode logger, at debug level:
// slack-go logs only when its debug option is on.
type slogPrinter struct{ log *slog.Logger }

func (p slogPrinter) Output(_ int, s string) error {
	p.log.Debug("socketmode: " + s)
	return nil
}
