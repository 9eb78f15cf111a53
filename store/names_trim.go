package store

import (
	"context"
	"time"

	"github.com/redis/go-redis/v9"
)

// NamesRecheck is how long TrimNames waits before it looks again at the
// entries it took out: longer than any write takes between noting its key
// and landing (the store's timeouts are a few seconds), so a write that
// noted a key just before the trim and lands after it gets its entry back.
const NamesRecheck = 10 * time.Second

// TrimNames takes out of each person's names index the keys whose record
// has gone (an expired share or undone mark, a deleted reminder, a session
// pruned by retention), so an index does not grow with every record ever
// written, and returns how many went. It walks the people index. A key is
// taken out only if it is missing both before and wait after: an entry is
// never left missing for a record that exists (names.go), even when a
// write of the same key was on its way. The retention job runs it daily,
// after PruneSessions; wait is NamesRecheck there.
func (r *Redis) TrimNames(ctx context.Context, wait time.Duration) (int, error) {
	indexed, err := r.namesIndexed(ctx)
	if err != nil || !indexed {
		return 0, err // until IndexNames has run, the indexes are not whole: leave them
	}
	users, err := r.people(ctx)
	if err != nil {
		return 0, err
	}
	taken := map[string][]string{} // names key → keys taken out
	for _, user := range users {
		k := r.namesKey(user)
		members, err := r.client.SMembers(ctx, k).Result()
		if err != nil {
			return 0, unavailable("reading a names index", err)
		}
		gone, err := r.missing(ctx, members)
		if err != nil {
			return 0, err
		}
		if len(gone) == 0 {
			continue
		}
		if err := r.client.SRem(ctx, k, anys(gone)...).Err(); err != nil {
			return 0, unavailable("trimming a names index", err)
		}
		taken[k] = gone
	}
	if len(taken) == 0 {
		return 0, nil
	}
	select {
	case <-time.After(wait):
	case <-ctx.Done():
	}
	// Look again even when ctx is done, on a context of its own: an entry
	// taken out must come back if its record is there now.
	back := context.WithoutCancel(ctx)
	n := 0
	for k, gone := range taken {
		still, err := r.missing(back, gone)
		if err != nil {
			_ = r.client.SAdd(back, k, anys(gone)...).Err() // cannot tell: put them all back
			return n, err
		}
		n += len(still)
		if returned := without(gone, still); len(returned) > 0 {
			if err := r.client.SAdd(back, k, anys(returned)...).Err(); err != nil {
				return n, unavailable("putting back a names entry", err)
			}
		}
	}
	return n, nil
}

// missing returns the keys among keys that do not exist, asking in one
// pipeline (a Cluster client splits it by slot).
func (r *Redis) missing(ctx context.Context, keys []string) ([]string, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	cmds := make([]*redis.IntCmd, len(keys))
	_, err := r.client.Pipelined(ctx, func(pipe redis.Pipeliner) error {
		for i, k := range keys {
			cmds[i] = pipe.Exists(ctx, k)
		}
		return nil
	})
	if err != nil {
		return nil, unavailable("looking up names entries", err)
	}
	var out []string
	for i, c := range cmds {
		if c.Val() == 0 {
			out = append(out, keys[i])
		}
	}
	return out, nil
}

// anys is keys as command arguments.
func anys(keys []string) []any {
	out := make([]any, len(keys))
	for i, k := range keys {
		out[i] = k
	}
	return out
}

// without is a with the members of b left out.
func without(a, b []string) []string {
	drop := make(map[string]bool, len(b))
	for _, k := range b {
		drop[k] = true
	}
	var out []string
	for _, k := range a {
		if !drop[k] {
			out = append(out, k)
		}
	}
	return out
}
