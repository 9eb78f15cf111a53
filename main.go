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
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"strconv"
	"strings"
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

	var extra fs.FS
	if cfg.KnowledgeDir != "" {
		extra = os.DirFS(cfg.KnowledgeDir)
	}
	content, err := knowledge.LoadWith(knowledge.Content(), extra)
	if err != nil {
		return fmt.Errorf("loading content: %w", err)
	}
	standards, err := supervision.LoadStandards(extra)
	if err != nil {
		return fmt.Errorf("loading supervision standards: %w", err)
	}
	metrics := bot.NewMetrics()
	sched := scheduler.New(log, cfg.DefaultTZ.Location)

	db, kept, err := openStore(ctx, cfg, mode, metrics)
	if err != nil {
		return err
	}
	defer db.Close() // last: after the server and the scheduler stop

	var (
		api        *slack.Client
		httpClient = &http.Client{Timeout: 10 * time.Second}
		botUserID  string
		directory  handlers.Directory = fixedZone(cfg.DefaultTZ.String())
	)
	if mode != ModeConsole {
		opts := []slack.Option{slack.OptionHTTPClient(httpClient)}
		if cfg.SlackAPIURL != "" {
			opts = append(opts, slack.OptionAPIURL(cfg.SlackAPIURL))
		}
		if mode == ModeSocket {
			opts = append(opts, slack.OptionAppLevelToken(cfg.SlackAppToken))
		}
		api = slack.New(cfg.SlackBotToken, opts...)
		authCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
		auth, err := api.AuthTestContext(authCtx)
		cancel()
		if err != nil {
			return fmt.Errorf("the bot token in SLACK_BOT_TOKEN was not accepted (auth.test: %w); check it on the Slack app's OAuth & Permissions page", err)
		}
		log.Info("connected to Slack", "team_id", auth.TeamID, "bot_user_id", auth.UserID)
		botUserID = auth.UserID
		directory = bot.NewDirectory(api, db, cfg.ZoneCacheTTL.Duration, cfg.DefaultTZ.String())
	}

	roles, err := handlers.NewRoles(content)
	if err != nil {
		return err
	}
	answers := handlers.NewAnswers(handlers.AnswersOptions{
		Content:       content,
		Feedback:      db,
		Profiles:      db,
		Once:          db,
		PeerChannelID: cfg.PeerChannelID,
	})
	sup := handlers.NewSupervision(handlers.SupervisionOptions{
		Profiles:    db,
		Sessions:    db,
		Standards:   standards,
		Directory:   directory,
		DefaultZone: cfg.DefaultTZ.Location,
	})
	cmds := append([]handlers.Command{roles.Command()}, answers.Commands()...)
	cmds = append(cmds, sup.Command())
	table, err := bot.NewTable(cfg.CommandPeer, cfg.SlashNames(), cmds...)
	if err != nil {
		return fmt.Errorf("command table: %w", err)
	}
	admins := cfg.AdminUserIDs
	if mode == ModeConsole {
		admins = []string{bot.ConsoleUser} // your own machine: you are its admin
	}
	b := bot.New(bot.Options{
		Table:         table,
		Store:         db,
		Slack:         api,
		HTTPClient:    httpClient,
		SigningSecret: cfg.SlackSigningSecret,
		BotUserID:     botUserID,
		AdminUserIDs:  admins,
		Logger:        log,
		Metrics:       metrics,
		Converse:      answers.Converse,
		Forms:         sup.Forms(),
		Home:          sup.Home,
	})

	reminders := supervisionReminders{db: db, standards: standards, zones: directory}
	engine, err := startEngine(cfg, db, api, reminders, admins, stdout, table, log, metrics)
	if err != nil {
		return fmt.Errorf("starting the reminder engine: %w", err)
	}
	defer stopEngine(log, engine) // after the server stops, before Redis closes

	if mode == ModeConsole {
		fmt.Fprintf(stderr, "peerbot console: a local try-out, with no Slack connection. %s\n"+
			"Type commands as in Slack, such as %s, %s or %s. End with Ctrl-D or \"exit\".\n"+
			"Start a line with \"as @U123\" to act as someone else (a supervisor, say).\n"+
			"To connect Slack, set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (see README.md).\n\n",
			kept, table.Invocation("roles", "coach"), table.Invocation("ask", "who supervises a link worker?"), table.Umbrella()+" help")
		sched.Start()
		err = b.RunConsole(ctx, stdin, stdout, isTerminal(stdin))
		if errors.Is(err, context.Canceled) {
			err = nil // Ctrl-C is a normal way to leave
		}
		return errors.Join(err, shutdown(log, nil, b, sched))
	}

	srv := &http.Server{
		Handler:           b.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      10 * time.Second,
		IdleTimeout:       60 * time.Second,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	ln, err := net.Listen("tcp", net.JoinHostPort("", strconv.Itoa(cfg.Port)))
	if err != nil {
		return fmt.Errorf("cannot listen on PORT %d: %w", cfg.Port, err)
	}
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(ln) }()
	log.Info("listening", "addr", ln.Addr().String(), "mode", string(mode))
	if listening != nil {
		listening(ln.Addr().String())
	}
	sched.Start()

	var runErr error
	if mode == ModeSocket {
		sm := socketmode.New(api, socketmode.OptionLog(slogPrinter{log}))
		socketErr := make(chan error, 1)
		go func() { socketErr <- b.RunSocketMode(ctx, sm) }()
		select {
		case <-ctx.Done():
			<-socketErr
		case runErr = <-socketErr:
		case runErr = <-serveErr:
		}
	} else {
		select {
		case <-ctx.Done():
		case runErr = <-serveErr:
		}
	}
	return errors.Join(runErr, shutdown(log, srv, b, sched))
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

// shutdown stops in order: take no new requests, finish what is in flight,
// stop the scheduler. Redis is closed last, by run's defer.
func shutdown(log *slog.Logger, srv *http.Server, b *bot.Bot, sched *scheduler.Scheduler) error {
	log.Info("shutting down")
	ctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	var errs []error
	if srv != nil {
		if err := srv.Shutdown(ctx); err != nil {
			errs = append(errs, fmt.Errorf("stopping the HTTP server: %w", err))
		}
	}
	if err := b.Shutdown(ctx); err != nil {
		errs = append(errs, err)
	}
	if err := sched.Stop(ctx); err != nil {
		errs = append(errs, err)
	}
	log.Info("stopped")
	return errors.Join(errs...)
}

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
		case err != nil && strings.Contains(p, "@"):
			parts[i] = "(unreadable address)"
		case err != nil || u.User == nil:
			parts[i] = p
		default:
			if _, has := u.User.Password(); has {
				u.User = url.UserPassword(u.User.Username(), "xxxxx")
			}
			parts[i] = u.String()
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
