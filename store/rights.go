package store

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/peerbot/peerbot/internal/outcome"
	"github.com/peerbot/peerbot/supervision"
	"github.com/redis/go-redis/v9"
)

// A person's rights of access and erasure (UK GDPR) read and remove every
// key the package doc lists that can name them. Their own record and cached
// zone are under their tag, and its keys are read from its lists; the rest
// is found from their names index (names.go), each key checked:
//
//   - sessions in other people's records naming them (with, by, ansby) and
//     "undone" marks they set;
//   - supervisees' profiles naming them as supervisor;
//   - votes (an HGET each), and pending shares (from the asker's hashed
//     shares index);
//   - index entries: the role indexes, their supervisor index and the pcn
//     indexes they were put in, an SREM each;
//   - reminders they own or are sent, and each shard's failure records;
//   - the audit log: a full XRANGE (it is capped).
//
// Until every record written before the names index has been put in it
// (IndexNames), the same kinds of key are found by a SCAN of every master
// instead: peerbot:sup:*:session:*, :undone:*, :profile, peerbot:fb:*:votes,
// peerbot:share:*, peerbot:rem:*:item:* and peerbot:idx:*.
//
// Erasure deletes, or rewrites with outcome.FormerSupervisor, each of
// these, removes earlier audit entries naming the person (XDEL: the log
// keeps no id of theirs), and adds one entry that an erasure happened under
// a salted hash of the id.

// auditSaltKey holds a random salt made once, for when no salt is
// configured: peerbot:auditsalt.
func (r *Redis) auditSaltKey() string { return r.key("auditsalt") }

// Rights answers data-rights requests over the store and the reminder
// queue. Safe for concurrent use.
type Rights struct {
	r    *Redis
	q    *Reminders
	salt string

	// beforeLift, when set (by tests), runs just before an erasure lifts
	// its marker.
	beforeLift func()

	mu sync.Mutex // guards stored
	// stored is the salt read from Redis when none was configured.
	stored string
}

// Rights returns the data-rights requests over this store and q, the
// reminder queue (whose Delete is what the engine's Delete does). salt
// keys the hash an erasure is audited under; "" uses a random salt kept
// once in Redis.
func (r *Redis) Rights(q *Reminders, salt string) *Rights {
	return &Rights{r: r, q: q, salt: salt}
}

// scanKeys returns the keys matching pattern, on every master of a Cluster,
// each once.
func (r *Redis) scanKeys(ctx context.Context, pattern string) ([]string, error) {
	var (
		mu  sync.Mutex
		out []string
	)
	scan := func(ctx context.Context, c redis.Cmdable) error {
		it := c.Scan(ctx, 0, pattern, 1000).Iterator()
		for it.Next(ctx) {
			mu.Lock()
			out = append(out, it.Val())
			mu.Unlock()
		}
		return it.Err()
	}
	var err error
	if cc, ok := r.client.(*redis.ClusterClient); ok {
		err = cc.ForEachMaster(ctx, func(ctx context.Context, n *redis.Client) error { return scan(ctx, n) })
	} else {
		err = scan(ctx, r.client)
	}
	if err != nil {
		return nil, unavailable("scanning keys", err)
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// namedSession is a session in someone else's record that names a person.
type namedSession struct {
	key     string
	session supervision.Session
	fields  []string // which of with, by, ansby hold the id
}

// findNamed returns the sessions, among keys, in other people's records
// naming userID.
func (r *Redis) findNamed(ctx context.Context, userID string, keys []string) ([]namedSession, error) {
	own := r.supKey(userID, "")
	var out []namedSession
	for _, k := range keys {
		if strings.HasPrefix(k, own) {
			continue
		}
		h, err := r.client.HGetAll(ctx, k).Result()
		if err != nil {
			return nil, unavailable("reading a session", err)
		}
		var fields []string
		for _, f := range []string{"with", "by", "ansby"} {
			if h[f] == userID {
				fields = append(fields, f)
			}
		}
		if len(fields) == 0 {
			continue
		}
		owner, id, ok := sessionKeyParts(r.prefix, k)
		if !ok {
			continue
		}
		s, err := parseSession(owner, id, h)
		if err != nil {
			continue
		}
		out = append(out, namedSession{key: k, session: s, fields: fields})
	}
	return out, nil
}

// sessionKeyParts reads the owner and id out of a session key.
func sessionKeyParts(prefix, key string) (owner, id string, ok bool) {
	rest, ok := strings.CutPrefix(key, prefix+"sup:{")
	if !ok {
		return "", "", false
	}
	owner, rest, ok = strings.Cut(rest, "}:session:")
	return owner, rest, ok
}

// findVotes returns the vote keys, among keys, holding a vote by userID,
// and the votes.
func (r *Redis) findVotes(ctx context.Context, userID string, keys []string) ([]string, []outcome.VoteRecord, error) {
	var found []string
	var votes []outcome.VoteRecord
	for _, k := range keys {
		v, err := r.client.HGet(ctx, k, userID).Result()
		if err == redis.Nil {
			continue
		}
		if err != nil {
			return nil, nil, unavailable("reading votes", err)
		}
		entry := strings.TrimSuffix(strings.TrimPrefix(k, r.prefix+"fb:{"), "}:votes")
		found = append(found, k)
		votes = append(votes, outcome.VoteRecord{Entry: entry, Helpful: v == "1"})
	}
	return found, votes, nil
}

// findShares returns the pending share keys, among keys, a person asked,
// and when each expires.
func (r *Redis) findShares(ctx context.Context, userID string, keys []string) ([]string, []outcome.ShareRecord, error) {
	var found []string
	var shares []outcome.ShareRecord
	for _, k := range keys {
		who, err := r.client.HGet(ctx, k, "user").Result()
		if err == redis.Nil || who != userID {
			continue
		}
		if err != nil {
			return nil, nil, unavailable("reading shares", err)
		}
		ttl, _ := r.client.PTTL(ctx, k).Result()
		id := strings.TrimSuffix(strings.TrimPrefix(k, r.prefix+"share:{"), "}")
		found = append(found, k)
		shares = append(shares, outcome.ShareRecord{ID: id, Expires: time.Now().Add(ttl).UTC().Truncate(time.Second)})
	}
	return found, shares, nil
}

// findReminders returns the reminder items, among keys, a person owns, is
// sent, or whose id names them.
func (q *Reminders) findReminders(ctx context.Context, userID string, keys []string) ([]outcome.ReminderRecord, error) {
	var out []outcome.ReminderRecord
	for _, k := range keys {
		_, id, ok := strings.Cut(k, "}:item:")
		if !ok {
			continue
		}
		h, err := q.r.client.HGetAll(ctx, k).Result()
		if err != nil {
			return nil, q.fail("reading reminders", err)
		}
		if len(h) == 0 || (h["o"] != userID && h["to"] != userID && !strings.Contains(id, userID) && !strings.Contains(h["p"], userID)) {
			continue
		}
		it := itemOf(id, h)
		out = append(out, outcome.ReminderRecord{
			ID: it.ID, Kind: it.Kind, Owner: it.Owner, To: it.To, Due: it.Due.UTC(),
			Spec: it.Spec, Zone: it.Zone, Paused: it.Paused, Payload: string(it.Payload),
		})
	}
	return out, nil
}

// auditNaming returns the audit entries naming userID, with their ids.
func (r *Redis) auditNaming(ctx context.Context, userID string) ([]string, []outcome.AuditEntry, error) {
	msgs, err := r.client.XRange(ctx, r.auditKey(), "-", "+").Result()
	if err != nil {
		return nil, nil, unavailable("reading the audit log", err)
	}
	var ids []string
	var entries []outcome.AuditEntry
	for _, m := range msgs {
		if field(m.Values, "user") != userID {
			continue
		}
		at, err := time.Parse(time.RFC3339Nano, field(m.Values, "at"))
		if err != nil {
			at = streamTime(m.ID)
		}
		ids = append(ids, m.ID)
		entries = append(entries, outcome.AuditEntry{At: at.UTC(), UserID: userID, Action: field(m.Values, "action"), Command: field(m.Values, "cmd")})
	}
	return ids, entries, nil
}

// PersonalData returns everything held about userID, and notes in the
// audit log that they asked (after gathering: the entry is in the next
// request's answer). While their erasure runs it refuses, ErrErasing.
func (rt *Rights) PersonalData(ctx context.Context, userID string) (outcome.PersonalData, error) {
	if err := checkID("user id", userID); err != nil {
		return outcome.PersonalData{}, err
	}
	r := rt.r
	d := outcome.PersonalData{UserID: userID}
	if n, err := r.client.Exists(ctx, r.erasingKey(userID)).Result(); err != nil {
		return d, unavailable("reading the erasure marker", err)
	} else if n > 0 { // what it would send is going, and its audit entry would outlive the erasure
		return d, fmt.Errorf("gathering personal data: %w", ErrErasing)
	}
	p, ok, err := r.Profile(ctx, userID)
	if err != nil {
		return d, err
	}
	if ok {
		d.Profile = &p
	}
	if d.Sessions, err = r.Sessions(ctx, userID, 0); err != nil {
		return d, err
	}
	if d.Leave, err = r.Leaves(ctx, userID); err != nil {
		return d, err
	}
	c, err := r.candidatesFor(ctx, userID)
	if err != nil {
		return d, err
	}
	named, err := r.findNamed(ctx, userID, c.sessions)
	if err != nil {
		return d, err
	}
	for _, n := range named {
		d.Named = append(d.Named, n.session)
	}
	if d.Reminders, err = rt.q.findReminders(ctx, userID, c.items); err != nil {
		return d, err
	}
	if _, d.Votes, err = r.findVotes(ctx, userID, c.votes); err != nil {
		return d, err
	}
	if _, d.Shares, err = r.findShares(ctx, userID, c.shares); err != nil {
		return d, err
	}
	if d.TimeZone, _, err = r.CachedZone(ctx, userID); err != nil {
		return d, err
	}
	if _, d.Audit, err = r.auditNaming(ctx, userID); err != nil {
		return d, err
	}
	nonNil(&d)
	if err := r.Audit(ctx, outcome.AuditEntry{At: time.Now(), UserID: userID, Action: outcome.AuditAccess, Command: "my-data"}); err != nil {
		return d, err
	}
	return d, nil
}

// nonNil makes every list of d a list, empty when there is nothing, so the
// file a person reads says [] rather than null.
func nonNil(d *outcome.PersonalData) {
	if d.Sessions == nil {
		d.Sessions = []supervision.Session{}
	}
	if d.Named == nil {
		d.Named = []supervision.Session{}
	}
	if d.Leave == nil {
		d.Leave = []supervision.Leave{}
	}
	if d.Reminders == nil {
		d.Reminders = []outcome.ReminderRecord{}
	}
	if d.Votes == nil {
		d.Votes = []outcome.VoteRecord{}
	}
	if d.Shares == nil {
		d.Shares = []outcome.ShareRecord{}
	}
	if d.Audit == nil {
		d.Audit = []outcome.AuditEntry{}
	}
}

// unvoteScript takes a person's vote back and moves the counts with it.
// KEYS[1] votes hash, KEYS[2] counts hash; ARGV[1] user id.
var unvoteScript = redis.NewScript(`
local old = redis.call('HGET', KEYS[1], ARGV[1])
if not old then return 0 end
redis.call('HDEL', KEYS[1], ARGV[1])
if old == '1' then redis.call('HINCRBY', KEYS[2], 'up', -1) else redis.call('HINCRBY', KEYS[2], 'down', -1) end
return 1
`)

// AuditHash is the salted hash an erasure is audited under: it tells two
// erasures of one person apart from two of different people, and names
// no one.
func (rt *Rights) AuditHash(ctx context.Context, userID string) (string, error) {
	salt, err := rt.saltValue(ctx)
	if err != nil {
		return "", err
	}
	m := hmac.New(sha256.New, []byte(salt))
	m.Write([]byte(userID))
	return "erased:" + hex.EncodeToString(m.Sum(nil))[:24], nil
}

func (rt *Rights) saltValue(ctx context.Context) (string, error) {
	if rt.salt != "" {
		return rt.salt, nil
	}
	rt.mu.Lock()
	defer rt.mu.Unlock()
	if rt.stored != "" {
		return rt.stored, nil
	}
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("making an audit salt: %w", err)
	}
	k := rt.r.auditSaltKey()
	if err := rt.r.client.SetNX(ctx, k, hex.EncodeToString(b[:]), 0).Err(); err != nil {
		return "", unavailable("keeping the audit salt", err)
	}
	s, err := rt.r.client.Get(ctx, k).Result()
	if err != nil {
		return "", unavailable("reading the audit salt", err)
	}
	rt.stored = s
	return s, nil
}
