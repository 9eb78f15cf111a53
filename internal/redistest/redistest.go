// Package redistest gives tests a real Redis server and a key prefix of
// their own, cleaned up when the test ends.
//
// Tests reach Redis at REDIS_TEST_URL (default redis://127.0.0.1:6379/0).
// A comma-separated list of host:port (or redis://) addresses means a Redis
// Cluster: the store under test, opened with the same value, is then a
// Cluster client, and the helpers here reach every master. When Redis does
// not answer, tests skip, except in CI (CI=true), where a missing Redis
// fails them: CI must prove the Redis code.
package redistest

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// DefaultURL is the Redis tests use when REDIS_TEST_URL is not set.
const DefaultURL = "redis://127.0.0.1:6379/0"

// raw is REDIS_TEST_URL, or DefaultURL.
func raw() string {
	if u := strings.TrimSpace(os.Getenv("REDIS_TEST_URL")); u != "" {
		return u
	}
	return DefaultURL
}

// URL returns the Redis URL tests use, or skips (fails in CI) when no Redis
// answers there. Pass it as the store's URL: a Cluster's comma-separated
// addresses open a Cluster client there too.
func URL(tb testing.TB) string {
	tb.Helper()
	u := raw()
	c, err := newClient(u)
	if err != nil {
		tb.Fatalf("REDIS_TEST_URL=%q: %v", u, err)
	}
	defer c.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := ping(ctx, c); err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("no Redis at %s in CI: %v", u, err)
		}
		tb.Skipf("no Redis at %s (set REDIS_TEST_URL or start redis-server): %v", u, err)
	}
	return u
}

// IsCluster reports whether REDIS_TEST_URL names a Redis Cluster.
func IsCluster() bool { return strings.Contains(raw(), ",") }

// ping checks that Redis answers; on a Cluster, every master, so that a
// half-started Cluster fails here rather than in the middle of a test.
func ping(ctx context.Context, c redis.UniversalClient) error {
	cc, ok := c.(*redis.ClusterClient)
	if !ok {
		return c.Ping(ctx).Err()
	}
	return cc.ForEachMaster(ctx, func(ctx context.Context, node *redis.Client) error {
		return node.Ping(ctx).Err()
	})
}

// newClient opens a client on u: a Cluster client when u lists several
// addresses, else one on the URL.
func newClient(u string) (redis.UniversalClient, error) {
	if !strings.Contains(u, ",") {
		opts, err := redis.ParseURL(u)
		if err != nil {
			return nil, err
		}
		opts.DisableIdentity = true
		return redis.NewClient(opts), nil
	}
	opts := &redis.ClusterOptions{DisableIdentity: true}
	for _, part := range strings.Split(u, ",") {
		part = strings.TrimSpace(part)
		if !strings.Contains(part, "://") {
			part = "redis://" + part
		}
		p, err := url.Parse(part)
		if err != nil || p.Port() == "" {
			return nil, fmt.Errorf("%q is not a host:port address", part)
		}
		if p.User != nil && opts.Password == "" {
			opts.Username = p.User.Username()
			opts.Password, _ = p.User.Password()
		}
		opts.Addrs = append(opts.Addrs, p.Host)
	}
	return redis.NewClusterClient(opts), nil
}

// SCAN walks the whole keyspace of the shared test Redis, which may hold
// many keys of other tests (benchmarks write hundreds of thousands): ask for
// many per call, and allow it time.
const (
	scanCount   = 5000
	scanTimeout = time.Minute
)

// Prefix returns a key prefix unique to this test and deletes every key
// under it, on every master of a Cluster, when the test ends.
func Prefix(tb testing.TB) string {
	tb.Helper()
	u := URL(tb)
	var b [6]byte
	_, _ = rand.Read(b[:])
	prefix := "peerbot-test:" + hex.EncodeToString(b[:]) + ":"
	tb.Cleanup(func() {
		c, err := newClient(u)
		if err != nil {
			return
		}
		defer c.Close()
		ctx, cancel := context.WithTimeout(context.Background(), scanTimeout)
		defer cancel()
		err = eachNode(ctx, c, func(ctx context.Context, node redis.Cmdable) error {
			iter := node.Scan(ctx, 0, prefix+"*", scanCount).Iterator()
			for iter.Next(ctx) {
				if err := node.Del(ctx, iter.Val()).Err(); err != nil {
					return err
				}
			}
			return iter.Err()
		})
		if err != nil {
			tb.Logf("cleaning up keys under %s: %v", prefix, err)
		}
	})
	return prefix
}

// Client returns a plain client on the test Redis (a Cluster client on a
// Cluster), closed when the test ends, for looking at what the code under
// test wrote. Commands on one key reach its node; for every key under a
// prefix use Keys, not the KEYS command, which reaches one node only.
func Client(tb testing.TB) redis.UniversalClient {
	tb.Helper()
	c, err := newClient(URL(tb))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { c.Close() })
	return c
}

// Keys returns every key matching pattern (such as prefix+"*"), from every
// master on a Cluster, in no particular order.
func Keys(tb testing.TB, pattern string) []string {
	tb.Helper()
	c := Client(tb)
	var (
		mu   sync.Mutex
		keys []string
	)
	ctx, cancel := context.WithTimeout(context.Background(), scanTimeout)
	defer cancel()
	err := eachNode(ctx, c, func(ctx context.Context, node redis.Cmdable) error {
		iter := node.Scan(ctx, 0, pattern, scanCount).Iterator()
		for iter.Next(ctx) {
			mu.Lock()
			keys = append(keys, iter.Val())
			mu.Unlock()
		}
		return iter.Err()
	})
	if err != nil {
		tb.Fatalf("listing keys %s: %v", pattern, err)
	}
	return keys
}

// eachNode runs fn on the one server, or on every master of a Cluster
// (concurrently).
func eachNode(ctx context.Context, c redis.UniversalClient, fn func(context.Context, redis.Cmdable) error) error {
	if cc, ok := c.(*redis.ClusterClient); ok {
		return cc.ForEachMaster(ctx, func(ctx context.Context, node *redis.Client) error { return fn(ctx, node) })
	}
	return fn(ctx, c)
}

// StartServer starts a redis-server of the test's own on a free loopback
// port, with args added to its command line (such as "--cluster-enabled",
// "yes"), and returns its host:port. It keeps nothing on disk but in a
// temporary folder, and is stopped when the test ends. Without redis-server
// on the PATH the test skips (fails in CI).
func StartServer(tb testing.TB, args ...string) string {
	tb.Helper()
	return NewServer(tb, args...).Addr()
}

// Server is a redis-server of the test's own that can be stopped and
// started again on the same port, for outage tests. It keeps nothing
// across a restart. Its methods are for the test's goroutine.
type Server struct {
	tb   testing.TB
	bin  string
	dir  string
	port int
	args []string
	cmd  *exec.Cmd
	done chan struct{}
	out  bytes.Buffer
}

// NewServer starts a Server as StartServer does; it is stopped when the
// test ends.
func NewServer(tb testing.TB, args ...string) *Server {
	tb.Helper()
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("no redis-server in CI: %v", err)
		}
		tb.Skipf("no redis-server on the PATH: %v", err)
	}
	s := &Server{tb: tb, bin: bin, dir: tb.TempDir(), port: freePort(tb), args: args}
	s.Start()
	tb.Cleanup(s.Stop)
	return s
}

// Addr is the server's host:port.
func (s *Server) Addr() string { return net.JoinHostPort("127.0.0.1", strconv.Itoa(s.port)) }

// Stop kills the server, as a crash would, and waits until it has gone.
// Stopping a stopped server does nothing.
func (s *Server) Stop() {
	if s.cmd == nil {
		return
	}
	_ = s.cmd.Process.Kill()
	<-s.done
	s.cmd = nil
}

// Start starts the server on its port and waits until it answers.
func (s *Server) Start() {
	tb := s.tb
	tb.Helper()
	if s.cmd != nil {
		return
	}
	cmd := exec.Command(s.bin, append([]string{
		"--port", strconv.Itoa(s.port), "--bind", "127.0.0.1", "--dir", s.dir,
		"--save", "", "--appendonly", "no", "--cluster-config-file", filepath.Join(s.dir, "nodes.conf"),
	}, s.args...)...)
	s.out.Reset()
	cmd.Stdout, cmd.Stderr = &s.out, &s.out
	if err := cmd.Start(); err != nil {
		tb.Fatalf("starting redis-server: %v", err)
	}
	done := make(chan struct{})
	go func() { _ = cmd.Wait(); close(done) }()
	s.cmd, s.done = cmd, done
	c := redis.NewClient(&redis.Options{Addr: s.Addr(), DisableIdentity: true, MaxRetries: -1})
	defer c.Close()
	deadline := time.Now().Add(10 * time.Second)
	for {
		select {
		case <-done:
			s.cmd = nil
			tb.Fatalf("redis-server on port %d stopped at start:\n%s", s.port, s.out.String())
		default:
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		err := c.Ping(ctx).Err()
		cancel()
		if err == nil {
			return
		}
		if time.Now().After(deadline) {
			tb.Fatalf("redis-server on port %d does not answer within 10 s: %v", s.port, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// freePort finds a loopback port that is free, and whose Cluster bus port
// (10000 above it) is free too.
func freePort(tb testing.TB) int {
	tb.Helper()
	for range 50 {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			tb.Fatal(err)
		}
		port := ln.Addr().(*net.TCPAddr).Port
		ln.Close()
		if port > 55535 {
			continue
		}
		bus, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port+10000)))
		if err != nil {
			continue
		}
		bus.Close()
		return port
	}
	tb.Fatal("no free port for redis-server")
	return 0
}

// Dump returns every key under prefix with its value, whatever its type,
// one key a line (from every master on a Cluster), so a test can look for what must never be stored.
func Dump(tb testing.TB, prefix string) string {
	tb.Helper()
	c := Client(tb)
	ctx := context.Background()
	var b strings.Builder
	keys := Keys(tb, prefix+"*")
	slices.Sort(keys)
	for _, k := range keys {
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
	return b.String()
}
