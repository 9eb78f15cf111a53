package store

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/peerbot/peerbot/internal/outcome"
	"github.com/redis/go-redis/v9"
)

// Limits on what CountUnanswered keeps of one question, so a long or odd
// message cannot flood the counts or leave readable text behind, and on what
// it keeps at all: the most asked terms only, and only while they are asked.
const (
	maxTermLen     = 40  // characters of a term; longer ones are cut
	maxTerms       = 12  // terms of one question; the rest are dropped
	maxKeptTerms   = 500 // terms kept in all; the least counted go first
	unansweredDays = 90  // a term not seen for this many days is forgotten
	secondsInADay  = 24 * 60 * 60
	unansweredTTL  = unansweredDays * secondsInADay
)

// Keys of an entry's votes, under the tag {entryID} so the vote script can
// touch both on a Redis Cluster; the unanswered counts and when each term
// was last seen share the tag {unanswered}.
func (r *Redis) votesKey(entryID string) string  { return r.key("fb", tag(entryID), "votes") }
func (r *Redis) countsKey(entryID string) string { return r.key("fb", tag(entryID), "count") }
func (r *Redis) unansweredKey() string           { return r.key(tag("unanswered"), "count") }
func (r *Redis) unansweredSeenKey() string       { return r.key(tag("unanswered"), "seen") }

// legacyUnansweredKey is where counts were kept before they were capped and
// expired; it may hold any word of a question, so it is deleted.
func (r *Redis) legacyUnansweredKey() string { return r.key("unanswered") }

// voteScript records one person's vote on an entry and keeps the counts in
// step: the first vote adds one to its side, a changed vote moves one from
// the old side to the new, the same vote again changes nothing and answers 0.
// Running it twice with the same arguments leaves the same state, so a
// client retry cannot count a vote twice.
//
// KEYS[1] votes hash (user → "1" helpful, "0" not), KEYS[2] counts hash
// (up, down); ARGV[1] user id, ARGV[2] "1" or "0".
var voteScript = redis.NewScript(`
local old = redis.call('HGET', KEYS[1], ARGV[1])
if old == ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
if old == '1' then
  redis.call('HINCRBY', KEYS[2], 'up', -1)
elseif old == '0' then
  redis.call('HINCRBY', KEYS[2], 'down', -1)
end
if ARGV[2] == '1' then
  redis.call('HINCRBY', KEYS[2], 'up', 1)
else
  redis.call('HINCRBY', KEYS[2], 'down', 1)
end
return 1
`)

// Vote records a person's vote on an entry: helpful or not. A person has one
// vote per entry; voting again replaces it and moves the counts. It reports
// whether the vote changed anything: false for the same vote again. Safe for
// concurrent use: the vote and the counts change together, atomically.
func (r *Redis) Vote(ctx context.Context, entryID, userID string, helpful bool) (bool, error) {
	if err := checkID("entry id", entryID); err != nil {
		return false, err
	}
	if userID == "" {
		return false, checkID("user id", userID)
	}
	if err := r.note(ctx, "recording vote", []string{r.votesKey(entryID)}, userID); err != nil {
		return false, err
	}
	v := "0"
	if helpful {
		v = "1"
	}
	n, err := voteScript.Run(ctx, r.client, []string{r.votesKey(entryID), r.countsKey(entryID)}, userID, v).Int()
	if err != nil {
		return false, writeFailed("recording vote", err)
	}
	return n == 1, nil
}

// Votes returns the counts of helpful and not helpful votes on an entry;
// zero for an entry nobody voted on.
func (r *Redis) Votes(ctx context.Context, entryID string) (helpful, notHelpful int, err error) {
	if err := checkID("entry id", entryID); err != nil {
		return 0, 0, err
	}
	vals, err := r.client.HMGet(ctx, r.countsKey(entryID), "up", "down").Result()
	if err != nil {
		return 0, 0, unavailable("reading votes", err)
	}
	return count(vals[0]), count(vals[1]), nil
}

// count reads a counter field from HMGET: a missing or odd one is zero.
func count(v any) int {
	s, _ := v.(string)
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0
	}
	return n
}

// unansweredScript counts a question's terms and keeps the counts small
// and fresh: a term not seen for ARGV[2] days is forgotten, only the ARGV[3]
// most counted terms are kept, and both keys expire ARGV[4] seconds after
// the last count.
//
// KEYS[1] counts (sorted set: term -> times unanswered), KEYS[2] last seen
// (sorted set: term -> days since 1970); ARGV[1] today in days since 1970,
// ARGV[5...] the terms.
var unansweredScript = redis.NewScript(`
local today = tonumber(ARGV[1])
for i = 5, #ARGV do
  redis.call('ZINCRBY', KEYS[1], 1, ARGV[i])
  redis.call('ZADD', KEYS[2], today, ARGV[i])
end
local function forget(terms)
  for _, t in ipairs(terms) do
    redis.call('ZREM', KEYS[1], t)
    redis.call('ZREM', KEYS[2], t)
  end
end
forget(redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', '(' .. (today - tonumber(ARGV[2]))))
local over = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[3])
if over > 0 then
  forget(redis.call('ZRANGE', KEYS[1], 0, over - 1))
end
redis.call('EXPIRE', KEYS[1], ARGV[4])
redis.call('EXPIRE', KEYS[2], ARGV[4])
return 1
`)

// CountUnanswered adds one to the count of each term of a question that
// found no good answer. Terms are lower-cased and trimmed, cut to 40
// characters, counted once per question, and at most 12 are kept; a term
// with a digit in it is never kept, as it may be part of a number that
// identifies someone. Only the 500 most counted terms are kept, a term not
// seen for 90 days is forgotten, and the counts expire 90 days after the
// last. No user id or message text is stored. Callers pass only words of
// the content's own vocabulary (see handlers.Answers). The counts change
// together, atomically, in one Cluster slot.
func (r *Redis) CountUnanswered(ctx context.Context, terms []string) error {
	r.forgetLegacyUnanswered(ctx)
	var kept []string
	for _, t := range terms {
		t = strings.ToLower(strings.TrimSpace(t))
		if utf8.RuneCountInString(t) > maxTermLen {
			t = string([]rune(t)[:maxTermLen])
		}
		if t == "" || strings.ContainsAny(t, "0123456789") || slices.Contains(kept, t) {
			continue
		}
		kept = append(kept, t)
		if len(kept) == maxTerms {
			break
		}
	}
	if len(kept) == 0 {
		return nil
	}
	args := []any{time.Now().Unix() / secondsInADay, unansweredDays, maxKeptTerms, unansweredTTL}
	for _, t := range kept {
		args = append(args, t)
	}
	keys := []string{r.unansweredKey(), r.unansweredSeenKey()}
	if err := unansweredScript.Run(ctx, r.client, keys, args...).Err(); err != nil {
		return unavailable("counting unanswered terms", err)
	}
	return nil
}

// forgetLegacyUnanswered deletes, once per process, the uncapped counts kept
// before. A failure is tried again on the next count.
func (r *Redis) forgetLegacyUnanswered(ctx context.Context) {
	if r.legacyGone.Load() {
		return
	}
	if err := r.client.Del(ctx, r.legacyUnansweredKey()).Err(); err == nil {
		r.legacyGone.Store(true)
	}
}

// Unanswered returns the n most counted unanswered terms, most first, and
// alphabetically among equal counts. n <= 0 means all.
func (r *Redis) Unanswered(ctx context.Context, n int) ([]outcome.TermCount, error) {
	stop := int64(n) - 1
	if n <= 0 {
		stop = -1
	}
	zs, err := r.client.ZRevRangeWithScores(ctx, r.unansweredKey(), 0, stop).Result()
	if err != nil {
		return nil, unavailable("reading unanswered terms", err)
	}
	out := make([]outcome.TermCount, 0, len(zs))
	for _, z := range zs {
		term, _ := z.Member.(string)
		out = append(out, outcome.TermCount{Term: term, Count: int64(z.Score)})
	}
	slices.SortStableFunc(out, func(a, b outcome.TermCount) int {
		if a.Count != b.Count {
			if a.Count > b.Count {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Term, b.Term)
	})
	return out, nil
}

// VoteCounts returns the helpful and not helpful counts of each entry, in
// ids' order, in one round trip: for the admins' list of the answers that
// helped least.
func (r *Redis) VoteCounts(ctx context.Context, ids []string) ([][2]int, error) {
	cmds := make([]*redis.SliceCmd, len(ids))
	_, err := r.client.Pipelined(ctx, func(pipe redis.Pipeliner) error {
		for i, id := range ids {
			cmds[i] = pipe.HMGet(ctx, r.countsKey(id), "up", "down")
		}
		return nil
	})
	if err != nil {
		return nil, unavailable("reading votes", err)
	}
	out := make([][2]int, len(ids))
	for i, c := range cmds {
		if v := c.Val(); len(v) == 2 {
			out[i] = [2]int{count(v[0]), count(v[1])}
		}
	}
	return out, nil
}
