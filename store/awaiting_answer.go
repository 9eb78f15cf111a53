package store

import (
	"context"
	"slices"
	"strings"

	"github.com/peerbot/peerbot/supervision"
)

// maxAwaitingAnswer is the most sessions AwaitingAnswer returns: a list to
// answer from, not an archive.
const maxAwaitingAnswer = 20

// maxAnswered is the most sessions Answered returns, and how far back in a
// person's own record it looks: enough to find the one a person means
// when they answer a session again, not an archive.
const maxAnswered = 50

// AwaitingAnswer returns the sessions waiting for userID's answer, oldest
// first, at most maxAwaitingAnswer: those others logged with them (found
// through their names index, so a session logged before the index existed
// may be missing until the daily retention job has indexed it) and those
// someone else logged for them, in their own record.
func (r *Redis) AwaitingAnswer(ctx context.Context, userID string) ([]supervision.Session, error) {
	if err := checkID("user id", userID); err != nil {
		return nil, err
	}
	own, err := r.client.SMembers(ctx, r.awaitingKey(userID)).Result()
	if err != nil {
		return nil, unavailable("listing sessions awaiting confirmation", err)
	}
	out, err := r.toAnswer(ctx, userID, own, func(c supervision.Confirmation) bool { return c == supervision.Awaiting })
	if err != nil {
		return nil, err
	}
	slices.SortFunc(out, func(a, b supervision.Session) int { return a.Date.Compare(b.Date) })
	if len(out) > maxAwaitingAnswer {
		out = out[:maxAwaitingAnswer]
	}
	return out, nil
}

// Answered returns the sessions userID has already answered, confirmed or
// disputed, newest first, at most maxAnswered: those others logged with
// them (through their names index, as AwaitingAnswer finds them) and,
// among the newest maxAnswered of their own record, those someone else
// logged for them. It lets a person who answers a session twice be told
// how it stands.
func (r *Redis) Answered(ctx context.Context, userID string) ([]supervision.Session, error) {
	if err := checkID("user id", userID); err != nil {
		return nil, err
	}
	own, err := r.client.ZRevRange(ctx, r.sessionsKey(userID), 0, maxAnswered-1).Result()
	if err != nil {
		return nil, unavailable("listing sessions", err)
	}
	out, err := r.toAnswer(ctx, userID, own, func(c supervision.Confirmation) bool {
		return c == supervision.Confirmed || c == supervision.Disputed
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(out, func(a, b supervision.Session) int { return b.Date.Compare(a.Date) })
	if len(out) > maxAnswered {
		out = out[:maxAnswered]
	}
	return out, nil
}

// toAnswer reads the sessions userID answers whose confirmation keep
// accepts: those in others' records found through their names index, and
// those of own, ids in their own record.
func (r *Redis) toAnswer(ctx context.Context, userID string, own []string, keep func(supervision.Confirmation) bool) ([]supervision.Session, error) {
	names, err := r.client.SMembers(ctx, r.namesKey(userID)).Result()
	if err != nil {
		return nil, unavailable("reading the names index", err)
	}
	var keys []string
	for _, k := range names {
		if strings.Contains(k, "}:session:") && !strings.HasPrefix(k, r.supKey(userID, "")) {
			keys = append(keys, k)
		}
	}
	for _, id := range own {
		keys = append(keys, r.sessionKey(userID, id))
	}
	var out []supervision.Session
	for _, k := range keys {
		owner, id, ok := sessionKeyParts(r.prefix, k)
		if !ok {
			continue
		}
		h, err := r.client.HGetAll(ctx, k).Result()
		if err != nil {
			return nil, unavailable("reading a session", err)
		}
		if len(h) == 0 {
			continue // the names index outlives a session taken back
		}
		s, err := parseSession(owner, id, h)
		if err != nil || !keep(s.Confirmation) {
			continue
		}
		if s.Answerer() == userID {
			out = append(out, s)
		}
	}
	return out, nil
}
