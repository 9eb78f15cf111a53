package store

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/peerbot/peerbot/internal/outcome"
	"github.com/redis/go-redis/v9"
)

// Limits on what CountUnanswered keeps of one question, so a long or odd
// message cannot flood the counts or leave readable text behind.
const (
	maxTermLen = 40 // characters of a term; longer ones are cut
	maxTerms   = 12 // terms of one question; the rest are dropped
)

// Keys of an entry's votes, under the tag {entryID} so the vote script can
// touch both on a Redis Cluster.
func (r *Redis) votesKey(entryID string) string  { return r.key("fb", tag(entryID), "votes") }
func (r *Redis) countsKey(entryID string) string { return r.key("fb", tag(entryID), "count") }
func (r *Redis) unansweredKey() string           { return r.key("unanswered") }

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
	v := "0"
	if helpful {
		v = "1"
	}
	n, err := voteScript.Run(ctx, r.client, []string{r.votesKey(entryID), r.countsKey(entryID)}, userID, v).Int()
	if err != nil {
		return false, unavailable("recording vote", err)
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

// CountUnanswered adds one to the count of each term of a question that
// found no good answer. Terms are lower-cased and trimmed, cut to 40
// characters, counted once per question, and at most 12 are kept. No user id
// or message text is stored. The counts change together, atomically.
func (r *Redis) CountUnanswered(ctx context.Context, terms []string) error {
	var kept []string
	for _, t := range terms {
		t = strings.ToLower(strings.TrimSpace(t))
		if utf8.RuneCountInString(t) > maxTermLen {
			t = string([]rune(t)[:maxTermLen])
		}
		if t == "" || slices.Contains(kept, t) {
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
	key := r.unansweredKey()
	_, err := r.client.TxPipelined(ctx, func(pipe redis.Pipeliner) error {
		for _, t := range kept {
			pipe.ZIncrBy(ctx, key, 1, t)
		}
		return nil
	})
	if err != nil {
		return unavailable("counting unanswered terms", err)
	}
	return nil
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
