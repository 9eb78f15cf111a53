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

// AwaitingAnswer returns the sessions waiting for userID's answer, oldest
// first, at most maxAwaitingAnswer: those others logged with them (found
// through their names index, so a session logged before the index existed
// may be missing until the daily retention job has indexed it) and those
// someone else logged for them, in their own record.
func (r *Redis) AwaitingAnswer(ctx context.Context, userID string) ([]supervision.Session, error) {
	if err := checkID("user id", userID); err != nil {
		return nil, err
	}
	names, err := r.client.SMembers(ctx, r.namesKey(userID)).Result()
	if err != nil {
		return nil, unavailable("reading the names index", err)
	}
	own, err := r.client.SMembers(ctx, r.awaitingKey(userID)).Result()
	if err != nil {
		return nil, unavailable("listing sessions awaiting confirmation", err)
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
		if err != nil || s.Confirmation != supervision.Awaiting {
			continue
		}
		if s.Answerer() == userID {
			out = append(out, s)
		}
	}
	slices.SortFunc(out, func(a, b supervision.Session) int { return a.Date.Compare(b.Date) })
	if len(out) > maxAwaitingAnswer {
		out = out[:maxAwaitingAnswer]
	}
	return out, nil
}
