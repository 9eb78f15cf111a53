package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/slack-go/slack"

	"github.com/peerbot/peerbot/bot"
	"github.com/peerbot/peerbot/scheduler"
	"github.com/peerbot/peerbot/store"
)

// startEngine starts the reminder engine: the durable queue that sends
// reminders, channel schedules and one-off messages, claimed from Redis by
// every replica. Over Slack it sends through the Web API; in the console
// (no Slack client) it prints them to console.
func startEngine(cfg *Config, db *store.Redis, api *slack.Client, console io.Writer, table *bot.Table, log *slog.Logger, metrics *bot.Metrics) (*scheduler.Engine, error) {
	var sender scheduler.Sender = bot.NewSender(api, metrics)
	if api == nil {
		sender = bot.NewConsoleSender(console, table.Invocation)
	}
	sm := scheduler.NewMetrics()
	if err := metrics.Register(sm.Collectors()...); err != nil {
		return nil, fmt.Errorf("reminder metrics: %w", err)
	}
	lease := cfg.ReminderLease.Duration
	e, err := scheduler.NewEngine(scheduler.Options{
		Queue:       db.Reminders(cfg.ReminderShards),
		Sender:      sender,
		Zone:        cfg.DefaultTZ.Location,
		Logger:      log.With("component", "reminders"),
		Metrics:     sm,
		Lease:       lease,
		Grace:       cfg.ReminderGrace.Duration,
		Rate:        cfg.ReminderRate,
		SendTimeout: min(15*time.Second, lease/4), // well inside the lease: see package scheduler
	})
	if err != nil {
		return nil, err
	}
	e.Start()
	return e, nil
}

// stopEngine stops the engine, releasing what it has not sent so another
// replica takes it at once.
func stopEngine(log *slog.Logger, e *scheduler.Engine) {
	ctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := e.Stop(ctx); err != nil {
		log.Error("stopping the reminder engine", "err", err)
	}
}
