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
	"fmt"
	"os"
	"strings"
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

// Dump returns every key under prefix with its value, whatever its type,
// one key a line, so a test can look for what must never be stored.
func Dump(tb testing.TB, prefix string) string {
	tb.Helper()
	c := Client(tb)
	ctx := context.Background()
	var b strings.Builder
	iter := c.Scan(ctx, 0, prefix+"*", 500).Iterator()
	for iter.Next(ctx) {
		k := iter.Val()
		var v any
		var err error
		switch typ, _ := c.Type(ctx, k).Result(); typ {
		case "string":
			v, err = c.Get(ctx, k).Result()
		case "hash":
			v, err = c.HGetAll(ctx, k).Result()
		case "set":
			v, err = c.SMembers(ctx, k).Result()
		case "zset":
			v, err = c.ZRangeWithScores(ctx, k, 0, -1).Result()
		case "list":
			v, err = c.LRange(ctx, k, 0, -1).Result()
		case "stream":
			v, err = c.XRange(ctx, k, "-", "+").Result()
		default:
			v = typ
		}
		if err != nil {
			tb.Fatalf("reading %s: %v", k, err)
		}
		fmt.Fprintf(&b, "%s = %v\n", k, v)
	}
	if err := iter.Err(); err != nil {
		tb.Fatalf("scanning %s*: %v", prefix, err)
	}
	return b.String()
}
