package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/redis/go-redis/v9"

	"github.com/peerbot/peerbot/supervision"
)

// standardsKey is the one hash of the admins' standards overrides: a field
// "<role>|<locality>" for each, and "v", bumped by every change, that
// replicas read to know when to read the rest again.
func (r *Redis) standardsKey() string { return r.key("standards") }

const standardsVersionField = "v"

type overrideRecord struct {
	Weeks      int    `json:"weeks"`
	MinMinutes int    `json:"min,omitempty"`
	By         string `json:"by,omitempty"`
	At         string `json:"at,omitempty"`
}

func overrideField(role supervision.Role, locality string) string {
	return string(role) + "|" + locality
}

// StandardsVersion returns the version of the overrides: it changes with
// every set and reset, and is 0 when none was ever made.
func (r *Redis) StandardsVersion(ctx context.Context) (int64, error) {
	v, err := r.client.HGet(ctx, r.standardsKey(), standardsVersionField).Int64()
	if errors.Is(err, redis.Nil) {
		return 0, nil
	}
	if err != nil {
		return 0, unavailable("reading the standards version", err)
	}
	return v, nil
}

// StandardOverrides returns every override and the version they are at,
// read at once.
func (r *Redis) StandardOverrides(ctx context.Context) (int64, []supervision.Override, error) {
	h, err := r.client.HGetAll(ctx, r.standardsKey()).Result()
	if err != nil {
		return 0, nil, unavailable("reading the standards overrides", err)
	}
	version, _ := strconv.ParseInt(h[standardsVersionField], 10, 64)
	out := make([]supervision.Override, 0, len(h))
	for field, raw := range h {
		role, locality, ok := strings.Cut(field, "|")
		if !ok {
			continue
		}
		var rec overrideRecord
		if json.Unmarshal([]byte(raw), &rec) != nil {
			continue
		}
		o := supervision.Override{Role: supervision.Role(role), Locality: locality, Weeks: rec.Weeks, MinMinutes: rec.MinMinutes, By: rec.By, At: parseTime(rec.At)}
		if o.Check() == nil {
			out = append(out, o)
		}
	}
	return version, out, nil
}

// SetStandardOverride creates or replaces an override and bumps the
// version, in one transaction.
func (r *Redis) SetStandardOverride(ctx context.Context, o supervision.Override) error {
	if err := o.Check(); err != nil {
		return fmt.Errorf("store: standards override: %w", err)
	}
	b, err := json.Marshal(overrideRecord{Weeks: o.Weeks, MinMinutes: o.MinMinutes, By: o.By, At: formatTime(o.At)})
	if err != nil {
		return err
	}
	_, err = r.client.TxPipelined(ctx, func(pipe redis.Pipeliner) error {
		pipe.HSet(ctx, r.standardsKey(), overrideField(o.Role, o.Locality), b)
		pipe.HIncrBy(ctx, r.standardsKey(), standardsVersionField, 1)
		return nil
	})
	if err != nil {
		return writeFailed("saving a standards override", err)
	}
	return nil
}

// ResetStandardOverride removes an override and bumps the version; it
// reports false when there was none.
func (r *Redis) ResetStandardOverride(ctx context.Context, role supervision.Role, locality string) (bool, error) {
	var del *redis.IntCmd
	_, err := r.client.TxPipelined(ctx, func(pipe redis.Pipeliner) error {
		del = pipe.HDel(ctx, r.standardsKey(), overrideField(role, locality))
		pipe.HIncrBy(ctx, r.standardsKey(), standardsVersionField, 1)
		return nil
	})
	if err != nil {
		return false, writeFailed("removing a standards override", err)
	}
	return del.Val() > 0, nil
}

// contentVersionKey counts content reloads, so every replica knows when to
// read KNOWLEDGE_DIR again.
func (r *Redis) contentVersionKey() string { return r.key("content", "version") }

// ContentVersion returns how many content reloads there have been: 0 when
// none.
func (r *Redis) ContentVersion(ctx context.Context) (int64, error) {
	v, err := r.client.Get(ctx, r.contentVersionKey()).Int64()
	if errors.Is(err, redis.Nil) {
		return 0, nil
	}
	if err != nil {
		return 0, unavailable("reading the content version", err)
	}
	return v, nil
}

// BumpContentVersion records a content reload and returns the new version.
func (r *Redis) BumpContentVersion(ctx context.Context) (int64, error) {
	v, err := r.client.Incr(ctx, r.contentVersionKey()).Result()
	if err != nil {
		return 0, writeFailed("recording a content reload", err)
	}
	return v, nil
}
