package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/peerbot/peerbot/supervision"
)

// statusCache keeps, for each person, the profile and summary
// ProfileSummary last read, so that a status, asked again and again while
// nothing of theirs changes, is worked out without a round trip to Redis.
//
// A person's entry goes the moment any command that may write one of
// their keys (sup:{<user>}:…) is sent, by this replica (at once, in the
// command's hook) or by another (on the changes channel, which every
// replica's hook publishes to after such a command, whatever its
// outcome). Entries are kept only while the subscription to that channel
// stands: when it drops, every entry goes and none is kept until it is
// back, since changes published meanwhile were not heard. A read that a
// change to that person overtook is not kept (seq orders them). No entry is used
// for longer than statusCacheFor, should a replica have died between its
// write and its publish.
type statusCache struct {
	mu        sync.Mutex
	live      bool // subscribed to the changes channel
	entries   map[string]statusEntry
	seq       uint64            // counts changes and drops
	changedAt map[string]uint64 // the seq of each person's last change since dropAt
	dropAt    uint64            // the seq of the last drop of everything
	id        string            // this replica's, to know its own changes when heard
}

// statusEntry is one person's profile and summary as read at at.
type statusEntry struct {
	p   supervision.Profile
	sum supervision.Summary
	at  time.Time
}

// statusCacheFor bounds how long an entry is used, whatever is heard.
const statusCacheFor = 10 * time.Second

// maxStatusEntries bounds the people kept; past it, the cache starts
// again empty (a network's staff are far fewer).
const maxStatusEntries = 20000

// get returns userID's profile and summary if kept, fresh and heard for;
// the summary's lists are the caller's own.
func (c *statusCache) get(userID string, now time.Time) (supervision.Profile, supervision.Summary, bool) {
	c.mu.Lock()
	e, ok := c.entries[userID]
	ok = ok && c.live && now.Sub(e.at) < statusCacheFor
	c.mu.Unlock()
	if !ok {
		return supervision.Profile{}, supervision.Summary{}, false
	}
	sum := e.sum
	sum.Latest, sum.Leaves = slices.Clone(sum.Latest), slices.Clone(sum.Leaves)
	return e.p, sum, true
}

// since is the point a read begins from, for put.
func (c *statusCache) since() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.seq
}

// put keeps a read that began at since, unless a change to userID or a
// drop came meanwhile, or the channel is not heard.
func (c *statusCache) put(userID string, p supervision.Profile, sum supervision.Summary, since uint64, at time.Time) {
	sum.Latest, sum.Leaves = slices.Clone(sum.Latest), slices.Clone(sum.Leaves)
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.live || since < c.dropAt || c.changedAt[userID] > since {
		return
	}
	if c.entries == nil || len(c.entries) >= maxStatusEntries {
		c.entries = map[string]statusEntry{}
	}
	c.entries[userID] = statusEntry{p: p, sum: sum, at: at}
}

// changed drops userID's entry, and any read of theirs under way.
func (c *statusCache) changed(userID string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.seq++
	delete(c.entries, userID)
	if len(c.changedAt) >= maxStatusEntries {
		c.entries, c.changedAt, c.dropAt = nil, nil, c.seq
		return
	}
	if c.changedAt == nil {
		c.changedAt = map[string]uint64{}
	}
	c.changedAt[userID] = c.seq
}

// setLive drops every entry, and every read under way, and says whether
// the channel is heard.
func (c *statusCache) setLive(live bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.seq++
	c.entries, c.changedAt, c.dropAt, c.live = nil, nil, c.seq, live
}

// changesChannel is the channel every replica publishes the people whose
// keys it may have written to.
func (r *Redis) changesChannel() string { return r.prefix + "sup:changed" }

// listenForChanges hears the changes channel on ps until ctx ends (and ps
// is closed), keeping the
// cache live while subscribed. A connection that goes quiet is pinged, so
// one silently gone is found within a few seconds.
func (r *Redis) listenForChanges(ctx context.Context, ps *redis.PubSub) {
	c := &r.statusCache
	wait := 100 * time.Millisecond // after a failure, doubling to 5s
	for ctx.Err() == nil {
		msg, err := ps.ReceiveTimeout(ctx, 2*time.Second)
		switch m := msg.(type) {
		case *redis.Subscription:
			c.setLive(m.Kind == "subscribe")
		case *redis.Message:
			// "<replica> <user>": this replica's own were dropped as sent.
			if from, user, ok := strings.Cut(m.Payload, " "); ok && from != c.id {
				c.changed(user)
			}
		}
		if err == nil {
			wait = 100 * time.Millisecond
			continue
		}
		var timeout interface{ Timeout() bool }
		if errors.As(err, &timeout) && timeout.Timeout() && ps.Ping(ctx) == nil {
			continue // quiet, and still there
		}
		c.setLive(false) // gone: go-redis subscribes again on the next receive
		select {
		case <-ctx.Done():
		case <-time.After(wait):
		}
		wait = min(2*wait, 5*time.Second)
	}
	c.setLive(false)
}

// readOnly are the commands that write nothing; any other command naming
// a person's key may change what ProfileSummary reads.
var readOnly = map[string]bool{
	"hgetall": true, "hget": true, "hmget": true, "hexists": true, "hlen": true, "hkeys": true, "hvals": true, "hscan": true,
	"get": true, "mget": true, "exists": true, "type": true, "ttl": true, "pttl": true, "scan": true, "memory": true,
	"zrange": true, "zrevrange": true, "zrangebyscore": true, "zrevrangebyscore": true, "zscore": true, "zcard": true, "zcount": true,
	"smembers": true, "sismember": true, "scard": true, "lrange": true, "llen": true, "evalsha_ro": true, "eval_ro": true,
	"multi": true, "exec": true, "publish": true, "ping": true,
}

// changedUsers appends the people whose keys cmd may write: the user id
// in each argument that names a key under prefix+"sup:{".
func changedUsers(out []string, prefix string, cmd redis.Cmder) []string {
	if readOnly[cmd.Name()] {
		return out
	}
	for _, a := range cmd.Args()[1:] {
		s, ok := a.(string)
		if !ok {
			continue
		}
		rest, ok := strings.CutPrefix(s, prefix+"sup:{")
		if !ok {
			continue
		}
		if user, _, ok := strings.Cut(rest, "}"); ok && user != "" && !slices.Contains(out, user) {
			out = append(out, user)
		}
	}
	return out
}

// changesHook drops, and tells the other replicas of, the cached status
// of each person a command may have written, once it has run, whether or
// not it succeeded: a command whose reply was lost may still have been
// carried out.
type changesHook struct{ r *Redis }

func (h changesHook) DialHook(next redis.DialHook) redis.DialHook { return next }

func (h changesHook) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		err := next(ctx, cmd)
		h.told(ctx, changedUsers(nil, h.r.prefix, cmd))
		return err
	}
}

func (h changesHook) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		err := next(ctx, cmds)
		var users []string
		for _, cmd := range cmds {
			users = changedUsers(users, h.r.prefix, cmd)
		}
		h.told(ctx, users)
		return err
	}
}

// told drops users' entries here and publishes them to the other
// replicas, under a context of its own: the request may be over, and the
// others must hear of a change that happened.
func (h changesHook) told(ctx context.Context, users []string) {
	if len(users) == 0 {
		return
	}
	for _, u := range users {
		h.r.statusCache.changed(u)
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Second)
	defer cancel()
	for _, u := range users {
		_ = h.r.client.Publish(ctx, h.r.changesChannel(), h.r.statusCache.id+" "+u).Err()
	}
}

// newReplicaID names this store among the replicas that share a Redis.
func newReplicaID() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
