package store

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/peerbot/peerbot/internal/redistest"
)

func TestParseOptions(t *testing.T) {
	tests := []struct {
		in      string
		wantErr bool
		addrs   int
		cluster bool
	}{
		{in: "redis://localhost:6379/0", addrs: 1},
		{in: "rediss://user:pw@cache.example.org:6380/2", addrs: 1},
		{in: "unix:///run/redis.sock", addrs: 1},
		{in: "10.0.0.1:7000,10.0.0.2:7001", addrs: 2, cluster: true},
		{in: "redis://:pw@10.0.0.1:7000, redis://10.0.0.2:7001", addrs: 2, cluster: true},
		{in: "redis://10.0.0.1:7000?addr=10.0.0.2:7001&addr=10.0.0.3:7002", addrs: 3, cluster: true},
		{in: "", wantErr: true},
		{in: "http://localhost:6379", wantErr: true},
		{in: "redis://localhost:6379/notadb", wantErr: true},
		{in: "redis://localhost:6379/0?pool_size=many", wantErr: true},
		{in: "redis://localhost:6379/0?no_such_option=1", wantErr: true},
		{in: "a,b", wantErr: true},
		{in: "10.0.0.1:7000,10.0.0.2:7001?pool_size=5", wantErr: true}, // options go on the first address
		{in: "10.0.0.1:7000?skip_verify=true,10.0.0.2:7001", wantErr: true},
		{in: "redis://:pw@cache:port/0", wantErr: true},
		{in: "redis://:pw@cache:6379/0?pool_size=x", wantErr: true},
		{in: "redis://:pw@h1:7000?pool_size=x,h2:7000", wantErr: true},
		{in: "redis://:pw@s1:26379/x,s2:26379", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			o, err := parseOptions(tt.in, "")
			if (err != nil) != tt.wantErr {
				t.Fatalf("parseOptions(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			}
			if err != nil {
				if strings.Contains(err.Error(), "pw@") {
					t.Errorf("parseOptions(%q) error %q shows the password", tt.in, err)
				}
				return
			}
			addrs := 1
			if o.cluster != nil {
				addrs = len(o.cluster.Addrs)
			}
			if addrs != tt.addrs || (o.cluster != nil) != tt.cluster {
				t.Errorf("parseOptions(%q) = %d addrs, cluster %v; want %d, %v", tt.in, addrs, o.cluster != nil, tt.addrs, tt.cluster)
			}
		})
	}
	o, err := parseOptions("redis://:pw@s1:26379,s2:26379", "mymaster")
	if err != nil || o.failover == nil || o.failover.MasterName != "mymaster" || len(o.failover.SentinelAddrs) != 2 ||
		o.failover.Password != "pw" || o.failover.SentinelPassword != "" {
		t.Errorf("sentinel options = %+v, %v; want the master mymaster, two Sentinels, and the password for the master", o.failover, err)
	}
}

// TestURLOptionsSurvive checks that what REDIS_URL sets reaches the
// client, for one server, a Cluster and Sentinel alike, and that the
// store's own defaults fill only what it leaves unset.
func TestURLOptionsSurvive(t *testing.T) {
	single, err := parseOptions("rediss://u:pw@cache.example.org:6380/3?pool_size=7&read_timeout=5s&client_name=peerbot-east&skip_verify=true&max_retries=4&dial_timeout=-1", "")
	if err != nil {
		t.Fatal(err)
	}
	s := single.single
	if s.PoolSize != 7 || s.ReadTimeout != 5*time.Second || s.ClientName != "peerbot-east" || s.MaxRetries != 4 ||
		s.DB != 3 || s.Username != "u" || s.Password != "pw" || s.TLSConfig == nil || !s.TLSConfig.InsecureSkipVerify {
		t.Errorf("one server's options = pool %d, read %v, name %q, retries %d, db %d, user %q, tls %+v",
			s.PoolSize, s.ReadTimeout, s.ClientName, s.MaxRetries, s.DB, s.Username, s.TLSConfig)
	}
	if s.DialTimeout != -1 || s.WriteTimeout != defaultIOTimeout {
		t.Errorf("timeouts = dial %v, write %v; want the URL's dial (off) and the default write %v", s.DialTimeout, s.WriteTimeout, defaultIOTimeout)
	}
	if !s.DisableIdentity || !s.ContextTimeoutEnabled {
		t.Errorf("DisableIdentity %v, ContextTimeoutEnabled %v; want both on", s.DisableIdentity, s.ContextTimeoutEnabled)
	}

	cluster, err := parseOptions("rediss://:pw@10.0.0.1:7000?pool_size=9&read_timeout=3s&client_name=peerbot&skip_verify=true,10.0.0.2:7001,10.0.0.3:7002", "")
	if err != nil {
		t.Fatal(err)
	}
	c := cluster.cluster
	if c.PoolSize != 9 || c.ReadTimeout != 3*time.Second || c.ClientName != "peerbot" || c.Password != "pw" ||
		c.TLSConfig == nil || !c.TLSConfig.InsecureSkipVerify || len(c.Addrs) != 3 || !c.DisableIdentity {
		t.Errorf("cluster options = pool %d, read %v, name %q, addrs %v, tls %+v", c.PoolSize, c.ReadTimeout, c.ClientName, c.Addrs, c.TLSConfig)
	}

	sentinel, err := parseOptions("redis://s1:26379?pool_size=3&client_name=peerbot,s2:26379", "mymaster")
	if err != nil {
		t.Fatal(err)
	}
	if f := sentinel.failover; f.PoolSize != 3 || f.ClientName != "peerbot" || !f.DisableIdentity {
		t.Errorf("sentinel options = pool %d, name %q", f.PoolSize, f.ClientName)
	}
}

// TestURLOptionsReachRedis opens a store with a client_name and finds that
// name on the connection the server sees.
func TestURLOptionsReachRedis(t *testing.T) {
	if redistest.IsCluster() {
		t.Skip("the URL's options are checked on one server; a Cluster's addresses carry them the same way (TestURLOptionsSurvive)")
	}
	u := redistest.URL(t)
	sep := "?"
	if strings.Contains(u, "?") {
		sep = "&"
	}
	r, err := Open(context.Background(), Options{URL: u + sep + "client_name=peerbot-options-test&pool_size=3", Prefix: redistest.Prefix(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	name, err := r.client.ClientGetName(context.Background()).Result()
	if err != nil || name != "peerbot-options-test" {
		t.Errorf("CLIENT GETNAME = %q, %v; want peerbot-options-test", name, err)
	}
}

// TestReadyNeedsAServingCluster starts a Cluster node of its own that
// serves only slots 0-100: it answers PING, and commands on keys in those
// slots work, but cluster_state is fail and every other key gets
// CLUSTERDOWN. The store must not call it ready.
func TestReadyNeedsAServingCluster(t *testing.T) {
	addr := redistest.StartServer(t, "--cluster-enabled", "yes")
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	node := redis.NewClient(&redis.Options{Addr: addr, DisableIdentity: true})
	defer node.Close()
	if err := node.ClusterAddSlotsRange(ctx, 0, 100).Err(); err != nil {
		t.Fatal(err)
	}
	o, err := parseOptions(addr+","+addr, "")
	if err != nil {
		t.Fatal(err)
	}
	o.cluster.MaxRetries = -1
	r := newRedis(o.newClient(), Options{})
	defer r.Close()
	if err := r.client.Ping(ctx).Err(); err != nil {
		t.Fatalf("the Cluster does not answer PING (%v): the test needs it to", err)
	}
	err = r.Ping(ctx)
	if !errors.Is(err, ErrUnavailable) || !strings.Contains(err.Error(), "cluster_state:fail") {
		t.Errorf("Ping on a Cluster serving 101 of 16384 slots = %v, want ErrUnavailable naming cluster_state:fail", err)
	}
	if _, err := Open(ctx, Options{URL: addr + "," + addr}); !errors.Is(err, ErrUnavailable) {
		t.Errorf("Open on a Cluster that cannot serve = %v, want ErrUnavailable", err)
	}
}

// TestReadyOnTheTestRedis: the Redis the tests use (a Cluster too, when
// REDIS_TEST_URL names one) is ready.
func TestReadyOnTheTestRedis(t *testing.T) {
	r, _ := open(t)
	if _, ok := r.client.(*redis.ClusterClient); ok != redistest.IsCluster() {
		t.Errorf("the store's client is a Cluster client: %v; REDIS_TEST_URL names a Cluster: %v", ok, redistest.IsCluster())
	}
	if err := r.Ping(context.Background()); err != nil {
		t.Errorf("Ping = %v, want nil", err)
	}
}

// TestErrorsCountOnlyFailures: new connections (go-redis's CLIENT SETINFO,
// which Redis below 7.2 refuses), a missing key and a script's first run
// (NOSCRIPT, then EVAL) are not failures; a command Redis refuses is.
func TestErrorsCountOnlyFailures(t *testing.T) {
	var mu sync.Mutex
	counted := map[string]int{}
	r, err := Open(context.Background(), Options{
		URL:     redistest.URL(t),
		Prefix:  redistest.Prefix(t),
		OnError: func(op string) { mu.Lock(); counted[op]++; mu.Unlock() },
	})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	ctx := context.Background()
	// Several at once, so the pool opens several connections.
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			if _, err := r.Claim(ctx, "C1", time.Minute, "event:EvCount"+string(rune('a'+i))); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if _, _, err := r.CachedZone(ctx, "UNOBODY"); err != nil {
		t.Fatal(err)
	}
	fresh := redis.NewScript("return '" + token() + "'") // never loaded: EVALSHA answers NOSCRIPT
	if err := fresh.Run(ctx, r.client, []string{r.key("x")}).Err(); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	if len(counted) != 0 {
		t.Errorf("counted as failures: %v; want none", counted)
	}
	mu.Unlock()

	// A real failure still counts: a hash command on a string key.
	_ = r.client.Set(ctx, r.key("s"), "v", time.Minute).Err()
	if err := r.client.HGet(ctx, r.key("s"), "f").Err(); err == nil {
		t.Fatal("HGET on a string: no error")
	}
	mu.Lock()
	defer mu.Unlock()
	if counted["hget"] != 1 {
		t.Errorf("counted = %v, want hget 1", counted)
	}
}

// TestGoRedisLogsGoThroughSlog points go-redis's logger at a JSON slog
// handler and makes go-redis log (a dial that fails).
func TestGoRedisLogsGoThroughSlog(t *testing.T) {
	var buf syncBuffer
	SetLogger(slog.New(slog.NewJSONHandler(&buf, nil)))
	t.Cleanup(func() { SetLogger(slog.Default()) })
	// Nothing listens on port 1.
	_, err := Open(context.Background(), Options{URL: "redis://127.0.0.1:1/0"})
	if err == nil {
		t.Fatal("Open(nothing listening) = nil error")
	}
	// go-redis logs from its pool, after Open has returned: wait for it.
	want := `"level":"WARN","msg":"go-redis","detail":"connection pool: failed to dial`
	for deadline := time.Now().Add(5 * time.Second); !strings.Contains(buf.String(), want); {
		if time.Now().After(deadline) {
			t.Fatalf("log = %q, want go-redis's failed dial as a JSON record", buf.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
