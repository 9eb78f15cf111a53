// Package store keeps peerbot's state in Redis through go-redis. It
// implements the small interfaces the bot, handlers and scheduler declare;
// none of them imports this package, nor does it import them (the main
// package checks that it satisfies them). The same code runs on one Redis, on
// Redis Sentinel or Cluster, and, for the console, on an embedded in-process
// Redis (see OpenEmbedded).
//
// # Keys
//
// Every key starts with the prefix (default "peerbot:"). Keys that a single
// script or transaction touches together share a hash tag in braces, so they
// live in one Cluster slot:
//
//	peerbot:dedupe:{<scope>}:event:<event_id>   string, claim token; TTL 6 h
//	peerbot:dedupe:{<scope>}:msg:<ts>           string, claim token; TTL 6 h
//
// The scope is the Slack channel id of the message or event (or the team id
// when an event has no channel; "-" when the caller gives none). Slack re-sends an event with the same
// event_id when it was not answered in time, and has re-sent messages with a
// new event_id; claiming both keys at once answers each message once.
// A question posted to the peer support channel is claimed as
// dedupe:{share}:<hash of asker and question> for an hour, and released
// when Slack did not take the post, so the button can post it again.
//
// A person's supervision record, all under their Slack user id as the tag,
// so that every write to it is one script or MULTI/EXEC:
//
//	peerbot:sup:{<user>}:profile         hash: role, pcn, locality, supervisor, tz,
//	                                     reminders ("1"/"0"), rday (weekday 0-6),
//	                                     rtime ("09:30"), created, updated
//	peerbot:sup:{<user>}:sessions        sorted set of session ids; score
//	                                     days since 1970 of the date * 10^10 +
//	                                     Unix second it was logged
//	peerbot:sup:{<user>}:session:<id>    hash: date (2006-01-02), zone (IANA name
//	                                     of the date's location), type, minutes,
//	                                     with, by, at, conf, ansby, ansat, why
//	                                     (a dispute's reason, as typed; only
//	                                     when one was given)
//	peerbot:sup:{<user>}:leave           sorted set of leave ids; score days
//	                                     since 1970 of the first day
//	peerbot:sup:{<user>}:leave:<id>      hash: from, to (2006-01-02), zone
//	peerbot:sup:{<user>}:bytype:<type>   sorted set of session ids of that type,
//	                                     not disputed (see supervision_index.go)
//	peerbot:sup:{<user>}:awaiting        set of session ids awaiting confirmation
//	peerbot:sup:{<user>}:summary         hash: what a status is worked out from,
//	                                     kept by every session and leave script
//	peerbot:sup:{<user>}:latest          hash: the summary's newest session of
//	                                     each type in full, kept with it
//	peerbot:sup:{<user>}:undone:<id>     string, who took a session back; TTL
//	                                     UndoneTTL
//	peerbot:sup:{<user>}:erasing         string, set while their erasure runs;
//	                                     TTL ErasingTTL (see erasing.go)
//	peerbot:sup:{<user>}:names           set of keys elsewhere that name them,
//	                                     for data rights (see names.go)
//	peerbot:tz:{<user>}                  string, IANA zone from Slack; TTL
//
// Times are RFC 3339 in UTC, "" when unset. Dates are calendar dates with the
// zone they are midnight in (UTC when the zone is unknown on reading).
//
// Indexes for reports, each set in its own slot:
//
//	peerbot:idx:supervisor:{<user>}      set of the user ids they supervise
//	peerbot:idx:pcn:{<pcn>}              set of user ids; pcn lower case, runs of
//	                                     other than letters and digits as "-"
//	peerbot:idx:role:{<role>}            set of user ids (splw, hwbc, cc)
//	peerbot:idx:{people}                 set of every user id with a record,
//	                                     which retention walks (names.go)
//	peerbot:names:indexed                string, "1" once every older record
//	                                     is in the indexes (names.go)
//
// The indexes are derived data: SaveProfile moves a person between them after
// writing the profile, and a failure between the two steps leaves an entry
// stale until the next save. Supervisees checks each entry against its
// profile (later readers should too), and a repair can rebuild every index
// from the profile hashes alone.
//
// The network admins' overrides of the supervision standards, one hash that
// every replica reads again when its version field changes:
//
//	peerbot:standards                    hash: "<role>|<locality>" -> JSON
//	                                     {weeks, min, by, at} (locality "" for
//	                                     everywhere); v -> version, bumped by
//	                                     every set and reset in the same MULTI
//	peerbot:content:version              integer, bumped by /peer admin reload;
//	                                     each replica reads KNOWLEDGE_DIR again
//	                                     when it changes
//
// Feedback on answers, under the knowledge entry's id as the tag:
//
//	peerbot:fb:{<entry>}:votes           hash: user id -> "1" helpful, "0" not
//	peerbot:fb:{<entry>}:count           hash: up, down (kept with votes by one script)
//	peerbot:{unanswered}:count           sorted set: query term -> times unanswered
//	                                     (words of the content's vocabulary only,
//	                                     never who asked or the text); at most 500,
//	                                     kept with :seen by one script; TTL 90 days
//	peerbot:{unanswered}:seen            sorted set: query term -> day last seen
//	                                     (days since 1970); a term unseen for 90
//	                                     days is dropped from both
//
// A question a person may post to the peer support channel, held while the
// "Ask the peer network" buttons under its answer can be pressed; the buttons
// carry only the id:
//
//	peerbot:share:{<id>}                 hash: user (who asked), q (the question,
//	                                     sealed: encrypted with a key only the
//	                                     buttons carry); TTL 30 min; id is 32
//	                                     random hex digits
//	peerbot:shareidx:{<hash>}            set of one asker's share keys, named by
//	                                     a hash of their id; TTL (names.go)
//
// The reminder engine's queue (reminders.go), sharded over
// REMINDER_SHARDS shards; shard n's keys all carry the tag {r<n>}, and an
// item lives in shard crc32(id) mod shards:
//
//	peerbot:rem:{r<n>}:due               sorted set: item id -> ms of its next try
//	peerbot:rem:{r<n>}:fly               sorted set: item id -> ms its lease ends
//	peerbot:rem:{r<n>}:item:<id>         hash: k (kind), o (owner), to, due (ms of
//	                                     the occurrence), spec, tz, p (payload),
//	                                     pz, snz, x ("1" paused, snoozed, stopped),
//	                                     v (version), a (attempts), f (failure);
//	                                     empty and "0" fields are left out; after
//	                                     Delete, a tombstone (st, sat, gone "1")
//	                                     with a TTL of 1 h
//	                                     tok (claim token), st, sat (occurrence
//	                                     whose send started, and when, in ms)
//	peerbot:rem:{r<n>}:own:<owner>       hash: item id -> "", the items an owner has
//	                                     (a hash: small ones are compact)
//	peerbot:rem:{r<n>}:failed            sorted set: "id\tkind\tto\treason" -> ms
//	                                     it failed; kept 90 days
//
// The scripts name the shard's due, fly and item keys and build the owner
// and other item keys of the same shard inside; all share the one tag.
//
// The channels an admin turned unasked answers on in (besides
// PEER_CHANNEL_ID), and the salt erasures are audited under when
// AUDIT_SALT is not set (rights.go):
//
//	peerbot:channels:answers             set of channel ids
//	peerbot:auditsalt                    string, 64 random hex digits, made once
//
// The audit log of admin and data-rights actions, one key of its own:
//
//	peerbot:audit                        stream: at (RFC 3339), user, action, cmd;
//	                                     each XADD trims it to about AuditCap
//	                                     entries (MAXLEN ~); ids are Redis's,
//	                                     so by time (XTRIM MINID ages it out)
//
// An entry says who, what and when: the command's words from the command
// table, never its arguments or any text a person typed.
package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"github.com/peerbot/peerbot/internal/outcome"
	"github.com/redis/go-redis/v9"
)

// DefaultPrefix starts every key the store writes.
const DefaultPrefix = "peerbot:"

// Options says where Redis is and how to name keys.
type Options struct {
	// URL is one Redis URL (redis://, rediss:// or unix://), or several
	// comma-separated host:port or redis:// addresses for a Redis Cluster,
	// or, with MasterName set, for the Sentinels.
	URL string
	// MasterName selects Redis Sentinel: the name of the monitored master.
	MasterName string
	// Prefix starts every key; DefaultPrefix when empty.
	Prefix string
	// OnError, when set, is told of every failed Redis command, by name, so
	// it can be counted. It must be safe for concurrent use.
	OnError func(op string)
}

// Redis is the store. It is safe for concurrent use.
type Redis struct {
	client  redis.UniversalClient
	prefix  string
	onError func(op string)
	closers []func() error

	legacyGone atomic.Bool // the uncapped unanswered counts of old are deleted

	statusReads statusReads // coalesces concurrent status reads (status_batch.go)
	statusCache statusCache // people's status hashes while unchanged (status_cache.go)

}

// ErrUnavailable wraps every error caused by Redis not answering. It is
// outcome.ErrUnavailable, so the packages that declare the interfaces this
// store implements recognise it without importing store, nor store them.
var ErrUnavailable = outcome.ErrUnavailable

// Open connects to Redis as opts says and checks that it can serve (see
// Ping).
func Open(ctx context.Context, opts Options) (*Redis, error) {
	copts, err := parseOptions(opts.URL, opts.MasterName)
	if err != nil {
		return nil, err
	}
	r := newRedis(copts.newClient(), opts)
	if err := r.Ping(ctx); err != nil {
		_ = r.Close()
		return nil, err
	}
	return r, nil
}

func newRedis(client redis.UniversalClient, opts Options) *Redis {
	prefix := opts.Prefix
	if prefix == "" {
		prefix = DefaultPrefix
	}
	onError := opts.OnError
	if onError == nil {
		onError = func(string) {}
	}
	r := &Redis{client: client, prefix: prefix, onError: onError}
	r.statusCache.id = newReplicaID()
	client.AddHook(errorHook{r.onError})
	client.AddHook(changesHook{r})
	ctx, cancel := context.WithCancel(context.Background())
	ps := client.Subscribe(ctx, r.changesChannel())
	done := make(chan struct{})
	go func() {
		defer close(done)
		r.listenForChanges(ctx, ps)
	}()
	r.closers = append(r.closers, func() error { cancel(); err := ps.Close(); <-done; return err })
	return r
}

// Close closes the connections; the store is unusable after.
func (r *Redis) Close() error {
	err := r.client.Close()
	for _, c := range r.closers {
		err = errors.Join(err, c())
	}
	return err
}

// key builds a key under the prefix from parts joined by ":".
func (r *Redis) key(parts ...string) string {
	return r.prefix + strings.Join(parts, ":")
}

// tag wraps s in braces so the keys that carry it share a Cluster slot.
func tag(s string) string { return "{" + s + "}" }

// claimScript sets every key to the caller's token unless one already holds
// another token. Running it twice with the same token gives the same answer,
// so a client retry after a lost reply does not turn a first delivery into a
// duplicate.
var claimScript = redis.NewScript(`
for _, k in ipairs(KEYS) do
  local v = redis.call('GET', k)
  if v and v ~= ARGV[1] then return 0 end
end
for _, k in ipairs(KEYS) do
  redis.call('SET', k, ARGV[1], 'PX', ARGV[2])
end
return 1
`)

// Claim records a delivery identified by ids (such as "event:Ev1" and
// "msg:1700000000.000100") within scope, and reports whether it is the first:
// false when any of the ids was claimed within ttl before. All ids are
// claimed together, atomically.
func (r *Redis) Claim(ctx context.Context, scope string, ttl time.Duration, ids ...string) (bool, error) {
	if len(ids) == 0 {
		return true, nil
	}
	if scope == "" {
		scope = "-" // an empty hash tag, {}, would not keep the keys in one slot
	}
	keys := make([]string, len(ids))
	for i, id := range ids {
		keys[i] = r.key("dedupe", tag(scope), id)
	}
	n, err := claimScript.Run(ctx, r.client, keys, token(), ttl.Milliseconds()).Int()
	if err != nil {
		return false, fmt.Errorf("claiming delivery: %w: %w", ErrUnavailable, err)
	}
	return n == 1, nil
}

// Release forgets the claims of ids within scope, so the next Claim of
// them is a first: the thing claimed was not done after all.
func (r *Redis) Release(ctx context.Context, scope string, ids ...string) error {
	if len(ids) == 0 {
		return nil
	}
	if scope == "" {
		scope = "-"
	}
	keys := make([]string, len(ids))
	for i, id := range ids {
		keys[i] = r.key("dedupe", tag(scope), id)
	}
	if err := r.client.Del(ctx, keys...).Err(); err != nil {
		return fmt.Errorf("releasing a claim: %w: %w", ErrUnavailable, err)
	}
	return nil
}

func token() string {
	var b [12]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// errorHook tells OnError of every failed command. Answers that are not
// failures are not counted: a missing key (redis.Nil), and NOSCRIPT, which a
// script's first run on a server answers before go-redis sends its body.
type errorHook struct{ onError func(op string) }

func (h errorHook) DialHook(next redis.DialHook) redis.DialHook { return next }

func (h errorHook) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		err := next(ctx, cmd)
		if failed(err) {
			h.onError(cmd.Name())
		}
		return err
	}
}

func (h errorHook) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		err := next(ctx, cmds)
		if failed(err) {
			h.onError("pipeline")
		}
		return err
	}
}

func failed(err error) bool {
	return err != nil && !errors.Is(err, redis.Nil) && !redis.HasErrorPrefix(err, "NOSCRIPT")
}
