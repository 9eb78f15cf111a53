package store

import (
	"context"
	"errors"
	"regexp"
	"slices"
	"strings"

	"github.com/redis/go-redis/v9"

	"github.com/peerbot/peerbot/supervision"
)

// payloadMention finds the people a reminder's payload mentions: "@U123"
// in its text, however the JSON escaped the brackets around it.
var payloadMention = regexp.MustCompile(`@([UW][A-Z0-9]{2,})`)

// slackID reports whether s has the shape of a Slack user id.
func slackID(s string) bool {
	if len(s) < 3 || (s[0] != 'U' && s[0] != 'W') {
		return false
	}
	for _, r := range s[1:] {
		if !(r >= '0' && r <= '9' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return true
}

// itemPeople are the people a reminder item names: its owner, whom it is
// for, and anyone its id or its payload names.
func itemPeople(id, owner, to string, payload []byte) []string {
	people := []string{owner, to}
	for _, part := range strings.Split(id, ":") {
		if slackID(part) {
			people = append(people, part)
		}
	}
	for _, m := range payloadMention.FindAllSubmatch(payload, -1) {
		people = append(people, string(m[1]))
	}
	return people
}

// IndexNames puts every record written before the names index into it
// (names.go), once: it SCANs every master for the kinds of key that can
// name a person, notes each in the names index of whom it names, puts each
// profile in its role and pcn indexes and every record's owner in the
// people index, and then sets peerbot:names:indexed,
// after which erasure, PersonalData and retention use the indexes alone.
// It reports false, doing nothing, when that is already set. Safe to run
// again, or on several replicas at once: every step is idempotent. A
// person being erased meanwhile is skipped (their erasure removes what
// would be noted).
func (r *Redis) IndexNames(ctx context.Context) (bool, error) {
	if done, err := r.namesIndexed(ctx); err != nil || done {
		return false, err
	}
	steps := []struct {
		pattern string
		index   func(ctx context.Context, key string) error
	}{
		{r.prefix + "sup:*:session:*", r.indexSession},
		{r.prefix + "sup:*:undone:*", r.indexUndone},
		{r.prefix + "sup:*:profile", r.indexProfile},
		{r.prefix + "fb:*:votes", r.indexVotes},
		{r.prefix + "share:*", r.indexShare},
		{r.prefix + "rem:*:item:*", r.indexItem},
		{r.prefix + "sup:*:sessions", r.indexPerson},
		{r.prefix + "sup:*:leave", r.indexPerson},
	}
	for _, s := range steps {
		keys, err := r.scanKeys(ctx, s.pattern)
		if err != nil {
			return false, err
		}
		for _, k := range keys {
			if err := s.index(ctx, k); err != nil && !isErasing(err) {
				return false, err
			}
		}
	}
	if err := r.client.Set(ctx, r.indexedKey(), "1", 0).Err(); err != nil {
		return false, unavailable("marking the names index complete", err)
	}
	return true, nil
}

func isErasing(err error) bool { return errors.Is(err, ErrErasing) }

// ownerOf is the user id whose tag a sup: key carries.
func (r *Redis) ownerOf(key string) string {
	rest, ok := strings.CutPrefix(key, r.prefix+"sup:{")
	if !ok {
		return ""
	}
	owner, _, _ := strings.Cut(rest, "}")
	return owner
}

func (r *Redis) indexSession(ctx context.Context, key string) error {
	v, err := r.client.HMGet(ctx, key, "with", "by", "ansby").Result()
	if err != nil {
		return unavailable("reading a session", err)
	}
	owner := r.ownerOf(key)
	return r.note(ctx, "indexing a session", []string{key}, others(owner, str(v[0]), str(v[1]), str(v[2]))...)
}

func (r *Redis) indexUndone(ctx context.Context, key string) error {
	by, err := r.client.Get(ctx, key).Result()
	if err != nil && err != redis.Nil {
		return unavailable("reading a mark", err)
	}
	return r.note(ctx, "indexing a mark", []string{key}, r.ownerOf(key), by)
}

func (r *Redis) indexProfile(ctx context.Context, key string) error {
	v, err := r.client.HMGet(ctx, key, "supervisor", "pcn", "role").Result()
	if err != nil {
		return unavailable("reading a profile", err)
	}
	owner, sup, pcn, role := r.ownerOf(key), str(v[0]), str(v[1]), str(v[2])
	if sup != owner {
		if err := r.note(ctx, "indexing a profile", []string{key}, sup); err != nil {
			return err
		}
	}
	var idx []string
	if indexable(pcn) != "" {
		idx = append(idx, r.pcnIndex(pcn))
	}
	if indexable(sup) != "" {
		idx = append(idx, r.supervisorIndex(sup))
	}
	if slices.Contains(supervision.Roles, supervision.Role(role)) {
		idx = append(idx, r.roleIndex(role))
	}
	if err := r.note(ctx, "indexing a profile", idx, owner); err != nil {
		return err
	}
	for _, k := range idx { // a profile saved before its indexes were kept
		if err := r.client.SAdd(ctx, k, owner).Err(); err != nil {
			return unavailable("indexing a profile", err)
		}
	}
	return r.enlist(ctx, "indexing a profile", owner)
}

// indexPerson puts a record's owner in the people index.
func (r *Redis) indexPerson(ctx context.Context, key string) error {
	if owner := r.ownerOf(key); checkID("user id", owner) == nil {
		return r.enlist(ctx, "indexing a person", owner)
	}
	return nil
}

func (r *Redis) indexVotes(ctx context.Context, key string) error {
	voters, err := r.client.HKeys(ctx, key).Result()
	if err != nil {
		return unavailable("reading votes", err)
	}
	return r.note(ctx, "indexing votes", []string{key}, voters...)
}

func (r *Redis) indexShare(ctx context.Context, key string) error {
	who, err := r.client.HGet(ctx, key, "user").Result()
	if err != nil && err != redis.Nil {
		return unavailable("reading a share", err)
	}
	ttl, err := r.client.PTTL(ctx, key).Result()
	if err != nil {
		return unavailable("reading a share", err)
	}
	if who == "" || checkID("user id", who) != nil || ttl <= 0 {
		return nil
	}
	return r.noteShare(ctx, who, key, ttl)
}

func (r *Redis) indexItem(ctx context.Context, key string) error {
	v, err := r.client.HMGet(ctx, key, "o", "to", "p").Result()
	if err != nil {
		return unavailable("reading a reminder", err)
	}
	_, id, _ := strings.Cut(key, "}:item:")
	return r.note(ctx, "indexing a reminder", []string{key}, itemPeople(id, str(v[0]), str(v[1]), []byte(str(v[2])))...)
}

// str is an HMGET value as a string, "" when missing.
func str(v any) string {
	s, _ := v.(string)
	return s
}
