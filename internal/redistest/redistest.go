// Package redistest gives tests a real Redis server and a key prefix of
// their own, cleaned up when the test ends.
//
// Tests reach Redis at REDIS_TEST_URL (default redis://127.0.0.1:6379/0).
// When it does not answer, tests skip, except in CI (CI=true), where a
// missing Redis fails them: CI must prove the Redis code.
package redistest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// URL returns the Redis URL tests use, or skips (fails in CI) when no Redis
// answers there.
func URL(tb testing.TB) string {
	tb.Helper()
	u := os.Getenv("REDIS_TEST_URL")
	if u == "" {
		u = "redis://127.0.0.1:6379/0"
	}
	opts, err := redis.ParseURL(u)
	if err != nil {
		tb.Fatalf("REDIS_TEST_URL=%q: %v", u, err)
	}
	c := redis.NewClient(opts)
	defer c.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := c.Ping(ctx).Err(); err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("no Redis at %s in CI: %v", u, err)
		}
		tb.Skipf("no Redis at %s (set REDIS_TEST_URL or start redis-server): %v", u, err)
	}
	return u
}

// Prefix returns a key prefix unique to this test and deletes every key
// under it when the test ends.
func Prefix(tb testing.TB) string {
	tb.Helper()
	u := URL(tb)
	var b [6]byte
	_, _ = rand.Read(b[:])
	prefix := "peerbot-test:" + hex.EncodeToString(b[:]) + ":"
	tb.Cleanup(func() {
		opts, _ := redis.ParseURL(u)
		c := redis.NewClient(opts)
		defer c.Close()
		ctx := context.Background()
		iter := c.Scan(ctx, 0, prefix+"*", 500).Iterator()
		for iter.Next(ctx) {
			c.Del(ctx, iter.Val())
		}
	})
	return prefix
}

// Client returns a plain client on the test Redis, closed when the test
// ends, for looking at what the code under test wrote.
func Client(tb testing.TB) *redis.Client {
	tb.Helper()
	opts, err := redis.ParseURL(URL(tb))
	if err != nil {
		tb.Fatal(err)
	}
	c := redis.NewClient(opts)
	tb.Cleanup(func() { c.Close() })
	return c
}
