package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"sync"
	"time"

	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/knowledge"
	"github.com/peerbot/peerbot/store"
	"github.com/peerbot/peerbot/supervision"
)

// contentPollEvery is how often each replica asks whether another one
// reloaded the content.
const contentPollEvery = 5 * time.Second

// contentReloader reads KNOWLEDGE_DIR again for /peer admin reload, on the
// replica that got the command and, through a version in Redis, on every
// other: each asks the version every contentPollEvery and reloads when it
// changed. It takes up both the articles and the supervision standards
// (standards/<locality>.json); the admins' overrides in Redis still apply
// on top. A folder that fails the checks of "peerbot knowledge check" is
// never put in place: the old articles and the old standards both stay.
type contentReloader struct {
	dir       string // KNOWLEDGE_DIR; "" is the shipped content alone
	db        *store.Redis
	content   *handlers.Content
	standards *handlers.Standards // nil: standards are not reloaded
	drop      func()              // forgets the bot's kept replies
	log       *slog.Logger
	now       func() time.Time
	// onLoad, when set, runs after new content is in place: it schedules
	// the review notices of the articles as now dated.
	onLoad func(ctx context.Context, base *knowledge.Base)

	mu      sync.Mutex
	version int64 // the content version this replica has loaded
}

// load checks the folder and, when it is good, puts its articles and
// standards in place and drops the kept replies.
func (c *contentReloader) load(ctx context.Context) (int, []error) {
	fsys, extra := knowledge.Content(), fs.FS(nil)
	if c.dir != "" {
		if st, err := os.Stat(c.dir); err != nil || !st.IsDir() {
			return 0, []error{fmt.Errorf("%w: KNOWLEDGE_DIR is not a folder this replica can read", knowledge.ErrInvalid)}
		}
		fsys = os.DirFS(c.dir)
		extra = fsys
	}
	base, faults := checkContent(fsys, extra, c.now())
	if len(faults) > 0 {
		return 0, faults
	}
	standards, err := supervision.LoadStandards(extra)
	if err != nil { // checked already; changed on disk since
		return 0, []error{err}
	}
	c.content.Swap(base)
	if c.standards != nil {
		c.standards.Swap(standards)
	}
	if c.drop != nil {
		c.drop()
	}
	if c.onLoad != nil {
		c.onLoad(ctx, base)
	}
	return len(base.Entries()), nil
}

// Reload answers /peer admin reload: it checks and loads the content, and
// on success bumps the version so every other replica loads it too.
func (c *contentReloader) Reload(ctx context.Context) (handlers.ReloadResult, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	n, faults := c.load(ctx)
	if len(faults) > 0 {
		res := handlers.ReloadResult{}
		for _, f := range faults {
			res.Faults = append(res.Faults, f.Error())
		}
		return res, nil
	}
	v, err := c.db.BumpContentVersion(ctx)
	if err != nil {
		return handlers.ReloadResult{Articles: n}, fmt.Errorf("content reloaded here, but the other replicas were not told: %w", err)
	}
	c.version = v
	c.log.Info("content reloaded", "articles", n, "version", v)
	return handlers.ReloadResult{Articles: n}, nil
}

// poll loads the content when another replica reloaded it. The first call
// only learns the version: the content loaded at start is current.
func (c *contentReloader) poll(ctx context.Context, first bool) {
	v, err := c.db.ContentVersion(ctx)
	if err != nil {
		return // asked again next time
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if first || v == c.version {
		c.version = v
		return
	}
	c.version = v // a bad folder here is logged once per reload, not per poll
	n, faults := c.load(ctx)
	if len(faults) > 0 {
		c.log.Error("another replica reloaded the content; this one's KNOWLEDGE_DIR fails its checks, so it keeps the old content", "faults", len(faults), "first", errors.Join(faults[0]).Error())
		return
	}
	c.log.Info("content reloaded after another replica's reload", "articles", n, "version", v)
}

// run polls until ctx ends.
func (c *contentReloader) run(ctx context.Context, every time.Duration) {
	c.poll(ctx, true)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			c.poll(ctx, false)
		}
	}
}
