package store

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/redis/go-redis/v9/maintnotifications"
)

// The client's timeouts when the URL does not set them.
const (
	defaultDialTimeout = 2 * time.Second
	defaultIOTimeout   = 2 * time.Second
)

// clientOptions is what a REDIS_URL asks for: exactly one of the three is
// set.
type clientOptions struct {
	single   *redis.Options
	cluster  *redis.ClusterOptions
	failover *redis.FailoverOptions
}

// ParseURL checks a REDIS_URL value (with REDIS_MASTER_NAME, if any)
// without connecting, so configuration can be refused at start with a clear
// message. The error never holds the URL's password.
func ParseURL(s, masterName string) error {
	_, err := parseOptions(s, masterName)
	return err
}

// safe drops the URL from url.Parse's errors (inside go-redis's too): it
// would show the password.
func safe(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// parseOptions reads a REDIS_URL with go-redis's own parsers, so every
// option they know (pool_size, read_timeout, client_name, skip_verify, ...)
// is honoured:
//
//   - one redis://, rediss:// or unix:// URL: one server (redis.ParseURL);
//   - one URL with addr= parameters, or several addresses separated by
//     commas: a Cluster (redis.ParseClusterURL); options go on the first;
//   - with masterName, the same forms name the Sentinels
//     (redis.ParseFailoverURL). The user and password in the URL are the
//     master's, as they are without Sentinel, unless the URL sets
//     password= for the master; then they are the Sentinels'.
func parseOptions(raw, masterName string) (clientOptions, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return clientOptions{}, errors.New("no Redis address given")
	}
	parts := strings.Split(raw, ",")
	first := strings.TrimSpace(parts[0])
	if len(parts) == 1 && masterName == "" && !hasAddrs(first) {
		o, err := redis.ParseURL(first)
		if err != nil {
			return clientOptions{}, fmt.Errorf("%q is not a Redis URL such as redis://localhost:6379/0: %w", redact(first), safe(err))
		}
		applyDefaults(&o.DialTimeout, &o.ReadTimeout, &o.WriteTimeout)
		o.ContextTimeoutEnabled = true
		o.DisableIdentity = true
		o.MaintNotificationsConfig = maintDisabled()
		return clientOptions{single: o}, nil
	}
	u, err := joinAddrs(parts)
	if err != nil {
		return clientOptions{}, err
	}
	if masterName != "" {
		o, err := failoverOptions(u, masterName)
		return clientOptions{failover: o}, err
	}
	o, err := clusterOptions(u)
	return clientOptions{cluster: o}, err
}

// hasAddrs reports whether a URL lists more addresses in addr= parameters,
// as redis.ParseClusterURL reads them.
func hasAddrs(raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && u.Query().Has("addr")
}

// joinAddrs turns "h1:p1,redis://h2:p2" into the one URL go-redis's Cluster
// and Sentinel parsers read: the first address with its options, and the
// others as addr= parameters.
func joinAddrs(parts []string) (*url.URL, error) {
	var base *url.URL
	q := url.Values{}
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if !strings.Contains(p, "://") {
			p = "redis://" + p
		}
		u, err := url.Parse(p)
		if err != nil || u.Hostname() == "" || u.Port() == "" || (u.Scheme != "redis" && u.Scheme != "rediss") {
			return nil, fmt.Errorf("%q is not a host:port Redis address", redact(p))
		}
		if i == 0 {
			base, q = u, u.Query()
			continue
		}
		if u.RawQuery != "" || strings.Trim(u.Path, "/") != "" {
			return nil, fmt.Errorf("%q: put options and the database on the first address only", redact(p))
		}
		if base.User == nil && u.User != nil {
			base.User = u.User
		}
		q.Add("addr", u.Host)
	}
	base.RawQuery = q.Encode()
	return base, nil
}

func clusterOptions(u *url.URL) (*redis.ClusterOptions, error) {
	if db := strings.Trim(u.Path, "/"); db != "" && db != "0" {
		return nil, fmt.Errorf("%q: a Redis Cluster has one database, 0, not %q", u.Redacted(), db)
	}
	// redis.ParseClusterURL knows no skip_verify: read it here.
	q := u.Query()
	skip, hasSkip := q.Get("skip_verify"), q.Has("skip_verify")
	q.Del("skip_verify")
	u.RawQuery = q.Encode()
	o, err := redis.ParseClusterURL(u.String())
	if err != nil {
		return nil, fmt.Errorf("%q is not a Redis Cluster address list such as 10.0.0.1:7000,10.0.0.2:7000: %w", u.Redacted(), safe(err))
	}
	if hasSkip {
		v, err := strconv.ParseBool(skip)
		if err != nil || o.TLSConfig == nil {
			return nil, fmt.Errorf("%q: skip_verify needs rediss:// and true or false", u.Redacted())
		}
		o.TLSConfig.InsecureSkipVerify = v
	}
	applyDefaults(&o.DialTimeout, &o.ReadTimeout, &o.WriteTimeout)
	o.ContextTimeoutEnabled = true
	o.DisableIdentity = true
	o.MaintNotificationsConfig = maintDisabled()
	return o, nil
}

func failoverOptions(u *url.URL, masterName string) (*redis.FailoverOptions, error) {
	q := u.Query()
	if q.Has("master_name") {
		return nil, fmt.Errorf("%q: name the master in REDIS_MASTER_NAME, not master_name=", u.Redacted())
	}
	q.Set("master_name", masterName)
	u.RawQuery = q.Encode()
	o, err := redis.ParseFailoverURL(u.String())
	if err != nil {
		return nil, fmt.Errorf("%q is not a list of Sentinel addresses such as 10.0.0.1:26379,10.0.0.2:26379: %w", u.Redacted(), safe(err))
	}
	if !q.Has("password") {
		o.Username, o.Password = o.SentinelUsername, o.SentinelPassword
		o.SentinelUsername, o.SentinelPassword = "", ""
	}
	applyDefaults(&o.DialTimeout, &o.ReadTimeout, &o.WriteTimeout)
	o.ContextTimeoutEnabled = true
	o.DisableIdentity = true // go-redis disables maintenance notifications for Sentinel itself
	return o, nil
}

// applyDefaults sets the timeouts the URL left unset (0); a timeout turned
// off in the URL (-1) stays off.
func applyDefaults(dial, read, write *time.Duration) {
	for _, d := range []struct {
		v   *time.Duration
		def time.Duration
	}{{dial, defaultDialTimeout}, {read, defaultIOTimeout}, {write, defaultIOTimeout}} {
		if *d.v == 0 {
			*d.v = d.def
		}
	}
}

// maintDisabled turns off maintenance notifications, which open-source
// Redis does not send, to spare start-up noise.
func maintDisabled() *maintnotifications.Config {
	return &maintnotifications.Config{Mode: maintnotifications.ModeDisabled}
}

func (o clientOptions) newClient() redis.UniversalClient {
	switch {
	case o.cluster != nil:
		return redis.NewClusterClient(o.cluster)
	case o.failover != nil:
		return redis.NewFailoverClient(o.failover)
	}
	return redis.NewClient(o.single)
}

// redact hides a password in a Redis URL, for messages.
func redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		if strings.Contains(raw, "@") {
			return "(unreadable address)"
		}
		return raw
	}
	return u.Redacted()
}

// Ping checks that Redis can serve: that it answers and, on a Cluster,
// that every master answers and reports cluster_state:ok (a Cluster that
// has lost a master still answers PING while commands get CLUSTERDOWN).
// Its error wraps ErrUnavailable. Readiness (/readyz) is this check.
func (r *Redis) Ping(ctx context.Context) error {
	var err error
	if cc, ok := r.client.(*redis.ClusterClient); ok {
		err = clusterReady(ctx, cc)
	} else {
		err = r.client.Ping(ctx).Err()
	}
	if err != nil {
		return fmt.Errorf("%w: %w", ErrUnavailable, err)
	}
	return nil
}

func clusterReady(ctx context.Context, cc *redis.ClusterClient) error {
	var masters atomic.Int32
	err := cc.ForEachMaster(ctx, func(ctx context.Context, node *redis.Client) error {
		masters.Add(1)
		return clusterStateOK(node.ClusterInfo(ctx).Result())
	})
	if err == nil && masters.Load() == 0 {
		// No master serves a slot yet: ask any node how it sees the Cluster.
		err = clusterStateOK(cc.ClusterInfo(ctx).Result())
	}
	return err
}

func clusterStateOK(info string, err error) error {
	if err != nil {
		return err
	}
	for line := range strings.Lines(info) {
		if state, ok := strings.CutPrefix(strings.TrimSpace(line), "cluster_state:"); ok {
			if state == "ok" {
				return nil
			}
			return fmt.Errorf("redis cluster is not serving: cluster_state:%s", state)
		}
	}
	return errors.New("redis cluster: CLUSTER INFO has no cluster_state")
}

// SetLogger sends go-redis's own log lines (failed dials, dropped
// connections) to log at warning level, as structured records, instead of
// its plain lines on standard error. go-redis has one logger for the whole
// process, so the last call wins for every store.
func SetLogger(log *slog.Logger) { redis.SetLogger(slogAdapter{log}) }

// slogAdapter is go-redis's internal Logging interface over slog.
type slogAdapter struct{ log *slog.Logger }

func (a slogAdapter) Printf(ctx context.Context, format string, v ...any) {
	line := strings.TrimPrefix(strings.TrimSpace(fmt.Sprintf(format, v...)), "redis: ")
	a.log.WarnContext(ctx, "go-redis", "detail", line)
}
