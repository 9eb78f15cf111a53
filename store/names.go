package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/peerbot/peerbot/internal/outcome"
	"github.com/peerbot/peerbot/supervision"
)

// Data-rights requests and retention find a person's records from indexes,
// not by scanning the keyspace. A person's own record is under their tag,
// and its keys are known from its lists. Keys elsewhere that name them are
// listed in their names index, also under their tag:
//
//	peerbot:sup:{<user>}:names           set of keys that name the person
//	                                     outside their own lists: sessions
//	                                     and undone marks in others' records
//	                                     (and their own undone marks),
//	                                     supervisees' profiles, vote hashes,
//	                                     reminder items, and the pcn, role
//	                                     and supervisor indexes they were
//	                                     put in
//	peerbot:idx:{people}                 set of every user id with a record (a
//	                                     profile, a session or leave): the
//	                                     people index retention walks
//	peerbot:shareidx:{<hash>}            set of the held questions' keys of one
//	                                     asker, named by a hash of their id
//	                                     (never the id); TTL as the newest
//	peerbot:names:indexed                string, "1" once IndexNames has put
//	                                     every record written before the
//	                                     names index into it
//
// Every write path that names a person in such a key adds the key to their
// index first (note), in a script that checks their erasure marker, so an
// entry is never missing for a record that exists; an entry may outlive
// its record or no longer name them (a vote changed, a share expired), so
// readers check each record. Each write to a person's record puts them in
// the people index first (enlist).
//
// Records written before the names index are not in it. Until IndexNames
// has run once over the keyspace (the daily retention job runs it, and it
// sets peerbot:names:indexed when done), erasure, PersonalData and
// retention fall back to a SCAN of every master, as they did before. A
// replica of a version before the names index, still running during a
// rolling upgrade after IndexNames has run, writes records the indexes do
// not know of: finish the upgrade before the next retention run, or DEL
// peerbot:names:indexed after it so the next run indexes them.
//
// Entries whose record has gone (an expired share or mark, a deleted
// reminder, a pruned session) are taken out by TrimNames, which the daily
// retention job runs; it looks at each again before it lets it go, so a
// write on its way keeps its entry (names_trim.go).

func (r *Redis) namesKey(userID string) string { return r.supKey(userID, "names") }
func (r *Redis) peopleKey() string             { return r.key("idx", tag("people")) }
func (r *Redis) indexedKey() string            { return r.key("names", "indexed") }

// noteScript adds keys to a person's names index, unless they are being
// erased. KEYS[1] the names set; ARGV the keys.
var noteScript = redis.NewScript(erasingGuardLua + `
redis.call('SADD', KEYS[1], unpack(ARGV))
return 1
`)

// personID reports whether id is a Slack user id a names index is kept
// for: not a channel, not empty, nothing that would move a hash tag.
func personID(id string) bool {
	return len(id) > 1 && (id[0] == 'U' || id[0] == 'W') && checkID("user id", id) == nil
}

// note records, in the names index of each person given, that keys name
// them, before the write that makes it so. Ids that are not people ("",
// channels) are skipped, each person once. While one of them is being
// erased the write is refused, ErrErasing, before anything is noted for
// the others.
func (r *Redis) note(ctx context.Context, what string, keys []string, userIDs ...string) error {
	people := notable(userIDs)
	if len(keys) == 0 || len(people) == 0 {
		return nil
	}
	if len(people) > 1 { // one guarded script each: check them all first
		cmds := make([]*redis.IntCmd, len(people))
		_, err := r.client.Pipelined(ctx, func(pipe redis.Pipeliner) error {
			for i, id := range people {
				cmds[i] = pipe.Exists(ctx, r.erasingKey(id))
			}
			return nil
		})
		if err != nil {
			return writeFailed(what, err)
		}
		for _, c := range cmds {
			if c.Val() > 0 {
				return fmt.Errorf("%s: %w", what, ErrErasing)
			}
		}
	}
	args := anys(keys)
	for _, id := range people {
		if err := noteScript.Run(ctx, r.client, []string{r.namesKey(id)}, args...).Err(); err != nil {
			return writeFailed(what, err) // the write it comes before was not sent
		}
	}
	return nil
}

// unnote takes back what note recorded for a write that was then refused
// because the record's owner is being erased: the keys are theirs, and go.
// Best effort: the erasure's final sweep takes what is left.
func (r *Redis) unnote(ctx context.Context, keys []string, userIDs ...string) {
	if len(keys) == 0 {
		return
	}
	args := anys(keys)
	for _, id := range notable(userIDs) {
		_ = r.client.SRem(ctx, r.namesKey(id), args...).Err()
	}
}

// notable are the people among ids, each once.
func notable(ids []string) []string {
	var out []string
	for _, id := range ids {
		if personID(id) && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// namesIndexed reports whether every record is in the names index, so
// that no SCAN is needed to find what names a person.
func (r *Redis) namesIndexed(ctx context.Context) (bool, error) {
	v, err := r.client.Get(ctx, r.indexedKey()).Result()
	if err == redis.Nil {
		return false, nil
	}
	if err != nil {
		return false, unavailable("reading the names index's state", err)
	}
	return v == "1", nil
}

// candidates are the keys that may name a person, by kind, as the names
// index or a SCAN finds them. Each must still be checked.
type candidates struct {
	sessions, undone, profiles, votes, shares, items, indexes []string
	own                                                       []string // keys under the person's tag, names index included
	names                                                     []string // others' names indexes (by SCAN only)
	scanned                                                   bool     // found by SCAN: names holds every names index
}

// candidatesFor finds the keys that may name userID: from their names
// index when every record is in one, else by SCAN.
func (r *Redis) candidatesFor(ctx context.Context, userID string) (candidates, error) {
	indexed, err := r.namesIndexed(ctx)
	if err != nil {
		return candidates{}, err
	}
	if !indexed {
		return r.scanCandidates(ctx, userID)
	}
	names, err := r.client.SMembers(ctx, r.namesKey(userID)).Result()
	if err != nil {
		return candidates{}, unavailable("reading the names index", err)
	}
	var c candidates
	own := r.supKey(userID, "")
	for _, k := range names {
		switch {
		case strings.HasPrefix(k, own):
			c.own = append(c.own, k) // their own undone marks
		case strings.HasPrefix(k, r.prefix+"sup:") && strings.Contains(k, "}:session:"):
			c.sessions = append(c.sessions, k)
		case strings.HasPrefix(k, r.prefix+"sup:") && strings.Contains(k, "}:undone:"):
			c.undone = append(c.undone, k)
		case strings.HasPrefix(k, r.prefix+"sup:") && strings.HasSuffix(k, "}:profile"):
			c.profiles = append(c.profiles, k)
		case strings.HasPrefix(k, r.prefix+"fb:") && strings.HasSuffix(k, "}:votes"):
			c.votes = append(c.votes, k)
		case strings.HasPrefix(k, r.prefix+"share:"):
			c.shares = append(c.shares, k)
		case strings.HasPrefix(k, r.prefix+"rem:") && strings.Contains(k, "}:item:"):
			c.items = append(c.items, k)
		case strings.HasPrefix(k, r.prefix+"idx:"):
			c.indexes = append(c.indexes, k)
		}
	}
	for _, role := range supervision.Roles {
		c.indexes = append(c.indexes, r.roleIndex(string(role)))
	}
	c.indexes = append(c.indexes, r.peopleKey())
	shares, err := r.client.SMembers(ctx, r.sharesKey(userID)).Result()
	if err != nil {
		return c, unavailable("reading the shares index", err)
	}
	c.shares = append(c.shares, shares...)
	c.indexes = append(c.indexes, r.supervisorIndex(userID))
	ownKeys, err := r.ownKeys(ctx, userID)
	if err != nil {
		return c, err
	}
	c.own = append(c.own, ownKeys...)
	return c, nil
}

// scanCandidates is candidatesFor by SCAN, for records written before the
// names index.
func (r *Redis) scanCandidates(ctx context.Context, userID string) (candidates, error) {
	c := candidates{scanned: true}
	for _, s := range []struct {
		into    *[]string
		pattern string
	}{
		{&c.sessions, r.prefix + "sup:*:session:*"},
		{&c.undone, r.prefix + "sup:*:undone:*"},
		{&c.profiles, r.prefix + "sup:*:profile"},
		{&c.votes, r.prefix + "fb:*:votes"},
		{&c.shares, r.prefix + "share:*"},
		{&c.items, r.prefix + "rem:*:item:*"},
		{&c.indexes, r.prefix + "idx:*"},
		{&c.own, r.supKey(userID, "*")},
		{&c.names, r.prefix + "sup:*:names"},
	} {
		keys, err := r.scanKeys(ctx, s.pattern)
		if err != nil {
			return c, err
		}
		*s.into = keys
	}
	own := r.supKey(userID, "")
	for _, list := range []*[]string{&c.sessions, &c.undone, &c.profiles, &c.names} {
		kept := (*list)[:0]
		for _, k := range *list {
			if !strings.HasPrefix(k, own) {
				kept = append(kept, k)
			}
		}
		*list = kept
	}
	return c, nil
}

// ownKeys are the keys of a person's own record, read from its lists:
// profile, lists, index sets, summary and latest sessions, names index,
// each session and leave. The erasure marker is not among them.
func (r *Redis) ownKeys(ctx context.Context, userID string) ([]string, error) {
	keys := []string{r.profileKey(userID), r.sessionsKey(userID), r.leavesKey(userID), r.awaitingKey(userID), r.summaryKey(userID), r.latestKey(userID), r.namesKey(userID)}
	for _, t := range supervision.SessionTypes {
		keys = append(keys, r.byTypeKey(userID, t))
	}
	var sessions, leave *redis.StringSliceCmd
	_, err := r.client.Pipelined(ctx, func(pipe redis.Pipeliner) error {
		sessions = pipe.ZRange(ctx, r.sessionsKey(userID), 0, -1)
		leave = pipe.ZRange(ctx, r.leavesKey(userID), 0, -1)
		return nil
	})
	if err != nil {
		return nil, unavailable("listing a record", err)
	}
	for _, id := range sessions.Val() {
		keys = append(keys, r.sessionKey(userID, id))
	}
	for _, id := range leave.Val() {
		keys = append(keys, r.leaveKey(userID, id))
	}
	return keys, nil
}

// mentions reports whether key names userID: as its hash tag, or as one
// of its colon-separated parts (a reminder id such as "sup:U1").
func mentions(key, userID string) bool {
	for _, part := range strings.Split(key, ":") {
		if strings.Trim(part, "{}") == userID {
			return true
		}
	}
	return false
}

// coNamed returns the people, other than userID, whose names indexes may
// hold keys naming userID: those userID's own keys name (a session in
// userID's record logged with them, the supervisor in userID's profile),
// userID's supervisees (whose index notes userID's supervisor index), and
// the people of an item whose id names userID.
func (r *Redis) coNamed(ctx context.Context, userID string, c candidates, items []outcome.ReminderRecord) ([]string, error) {
	if c.scanned {
		return nil, nil // c.names holds every names index already
	}
	own := c.own
	seen := map[string]bool{userID: true}
	var out []string
	add := func(ids ...string) {
		for _, id := range ids {
			if personID(id) && !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	for _, k := range own {
		var vals []any
		var err error
		switch {
		case strings.Contains(k, "}:session:"):
			vals, err = r.client.HMGet(ctx, k, "with", "by", "ansby").Result()
		case strings.Contains(k, "}:undone:"):
			var v string
			v, err = r.client.Get(ctx, k).Result()
			vals = []any{v}
		case strings.HasSuffix(k, "}:profile"):
			vals, err = r.client.HMGet(ctx, k, "supervisor").Result()
		default:
			continue
		}
		if err != nil && err != redis.Nil {
			return nil, unavailable("reading a record", err)
		}
		for _, v := range vals {
			if s, ok := v.(string); ok {
				add(s)
			}
		}
	}
	for _, it := range items {
		add(itemPeople(it.ID, it.Owner, it.To, []byte(it.Payload))...)
	}
	for _, k := range c.profiles {
		add(r.ownerOf(k))
	}
	supervisees, err := r.client.SMembers(ctx, r.supervisorIndex(userID)).Result()
	if err != nil {
		return nil, unavailable("reading supervisees", err)
	}
	add(supervisees...)
	return out, nil
}

// unname takes every key naming userID out of the names indexes of people
// and out of the index keys given.
func (r *Redis) unname(ctx context.Context, userID string, people, namesKeys []string) error {
	for _, p := range people {
		namesKeys = append(namesKeys, r.namesKey(p))
	}
	for _, k := range namesKeys {
		members, err := r.client.SMembers(ctx, k).Result()
		if err != nil {
			return unavailable("reading a names index", err)
		}
		var gone []any
		for _, m := range members {
			if mentions(m, userID) {
				gone = append(gone, m)
			}
		}
		if len(gone) > 0 {
			if err := r.client.SRem(ctx, k, gone...).Err(); err != nil {
				return unavailable("erasing from a names index", err)
			}
		}
	}
	return nil
}

// enlist puts userID in the people index, before a write to their record.
// While they are being erased it takes them out again and refuses, with
// ErrErasing: the marker is read in the same round trip as the add.
func (r *Redis) enlist(ctx context.Context, what, userID string) error {
	var erasing *redis.IntCmd
	_, err := r.client.Pipelined(ctx, func(pipe redis.Pipeliner) error {
		erasing = pipe.Exists(ctx, r.erasingKey(userID))
		pipe.SAdd(ctx, r.peopleKey(), userID)
		return nil
	})
	if err != nil {
		return writeFailed(what, err)
	}
	if erasing.Val() > 0 {
		if err := r.client.SRem(ctx, r.peopleKey(), userID).Err(); err != nil {
			return unavailable(what, err)
		}
		return fmt.Errorf("%s: %w", what, ErrErasing)
	}
	return nil
}

// noteProfile notes, before a profile is saved, what the profile will
// name: the profile in its supervisor's names index, and the indexes it
// puts the person in (their supervisor's among them) in their own and in
// the people index. The supervisor comes first, so that while they are
// being erased nothing naming them is noted; a refusal for the person
// takes the supervisor's note back.
func (r *Redis) noteProfile(ctx context.Context, p supervision.Profile) error {
	key, sup := []string{r.profileKey(p.UserID)}, p.SupervisorID
	if sup == p.UserID {
		sup = ""
	}
	if err := r.note(ctx, "saving profile", key, sup); err != nil {
		return err
	}
	var idx []string
	for _, v := range []struct{ value, key string }{{p.PCN, r.pcnIndex(p.PCN)}, {string(p.Role), r.roleIndex(string(p.Role))}, {p.SupervisorID, r.supervisorIndex(p.SupervisorID)}} {
		if indexable(v.value) != "" {
			idx = append(idx, v.key)
		}
	}
	err := r.note(ctx, "saving profile", idx, p.UserID)
	if err == nil {
		err = r.enlist(ctx, "saving profile", p.UserID)
	}
	if errors.Is(err, ErrErasing) {
		r.unnote(ctx, key, sup)
	}
	return err
}

// sharesKey is the index of the questions a person holds to share
// (share.go): named by a hash of their id, never the id itself, as a held
// question is kept without a key naming who asked. It lives as long as
// the newest question in it.
func (r *Redis) sharesKey(userID string) string {
	sum := sha256.Sum256([]byte("share:" + userID))
	return r.key("shareidx", tag(hex.EncodeToString(sum[:12])))
}

// noteShare adds a held question's key to its asker's shares index before
// it is written; while they are being erased it refuses, ErrErasing (the
// marker is read in the same round trip as the add).
func (r *Redis) noteShare(ctx context.Context, userID, key string, ttl time.Duration) error {
	idx := r.sharesKey(userID)
	var erasing *redis.IntCmd
	_, err := r.client.Pipelined(ctx, func(pipe redis.Pipeliner) error {
		erasing = pipe.Exists(ctx, r.erasingKey(userID))
		pipe.SAdd(ctx, idx, key)
		pipe.PExpire(ctx, idx, ttl)
		return nil
	})
	if err != nil {
		return writeFailed("holding a question", err)
	}
	if erasing.Val() > 0 {
		if err := r.client.SRem(ctx, idx, key).Err(); err != nil {
			return unavailable("holding a question", err)
		}
		return fmt.Errorf("holding a question: %w", ErrErasing)
	}
	return nil
}

// prepareSession is enlist and note in one round trip, before a new
// session is written: it puts the owner in the people index and the
// session's key in the names index of each other person it names, and
// refuses, ErrErasing, taking both back, while any of them is being
// erased.
func (r *Redis) prepareSession(ctx context.Context, owner, key string, named []string) error {
	people := notable(named)
	var erasing *redis.IntCmd
	evals := make([]*redis.Cmd, len(people))
	_, err := r.client.Pipelined(ctx, func(pipe redis.Pipeliner) error {
		erasing = pipe.Exists(ctx, r.erasingKey(owner))
		pipe.SAdd(ctx, r.peopleKey(), owner)
		for i, id := range people { // EVAL: a pipeline cannot fall back from EVALSHA
			evals[i] = noteScript.Eval(ctx, pipe, []string{r.namesKey(id)}, key)
		}
		return nil
	})
	refused := erasing != nil && erasing.Val() > 0
	for _, c := range evals {
		refused = refused || erasingReply(c.Err())
	}
	if err != nil && !refused {
		return writeFailed("adding session", err)
	}
	if refused {
		if erasing.Val() > 0 {
			_ = r.client.SRem(ctx, r.peopleKey(), owner).Err()
		}
		r.unnote(ctx, []string{key}, people...)
		return fmt.Errorf("adding session: %w", ErrErasing)
	}
	return nil
}
