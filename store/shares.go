package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"
)

// shareIDLen is the length of a held question's id: 16 random bytes in hex.
const shareIDLen = 32

func (r *Redis) shareKey(id string) string { return r.key("share", tag(id)) }

// HoldQuestion keeps a person's question, sealed by the handlers so it is
// never readable here, for ttl, so the buttons that post it to the peer
// support channel need carry only the opaque id it returns (and the key),
// never the text. Safe for concurrent use.
func (r *Redis) HoldQuestion(ctx context.Context, userID, question string, ttl time.Duration) (string, error) {
	if err := checkID("user id", userID); err != nil {
		return "", err
	}
	if question == "" || ttl <= 0 {
		return "", fmt.Errorf("holding a question: empty question or no time to keep it")
	}
	var b [shareIDLen / 2]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("holding a question: %w", err)
	}
	id := hex.EncodeToString(b[:])
	key := r.shareKey(id)
	if err := r.noteShare(ctx, userID, key, ttl); err != nil {
		return "", err
	}
	_, err := r.client.TxPipelined(ctx, func(pipe redis.Pipeliner) error {
		pipe.HSet(ctx, key, "user", userID, "q", question)
		pipe.Expire(ctx, key, ttl)
		return nil
	})
	if err != nil {
		return "", unavailable("holding a question", err)
	}
	return id, nil
}

// HeldQuestion returns the question held under id and who asked it. ok is
// false when there is none: the id is not one HoldQuestion made, or its time
// has run out.
func (r *Redis) HeldQuestion(ctx context.Context, id string) (userID, question string, ok bool, err error) {
	if !isShareID(id) {
		return "", "", false, nil
	}
	vals, err := r.client.HMGet(ctx, r.shareKey(id), "user", "q").Result()
	if errors.Is(err, redis.Nil) {
		return "", "", false, nil
	}
	if err != nil {
		return "", "", false, unavailable("reading a held question", err)
	}
	userID, _ = vals[0].(string)
	question, _ = vals[1].(string)
	if userID == "" || question == "" {
		return "", "", false, nil
	}
	return userID, question, true, nil
}

// isShareID reports whether id is shaped as HoldQuestion makes them, so no
// other text becomes part of a key.
func isShareID(id string) bool {
	if len(id) != shareIDLen {
		return false
	}
	for i := 0; i < len(id); i++ {
		if c := id[i]; !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}
