package store

import (
	"context"
	"slices"

	"github.com/redis/go-redis/v9"

	"github.com/peerbot/peerbot/supervision"
)

// ReportProfiles returns the profiles a report covers, sorted by user id:
// by "role" (value a role code), by "pcn" (value a PCN's name as people
// write it), or everyone with a role when by is "". It reads the role or PCN
// indexes, never a scan of the keyspace, and checks each entry against its
// profile, so an entry a failed save left stale is not reported.
func (r *Redis) ReportProfiles(ctx context.Context, by, value string) ([]supervision.Profile, error) {
	var keys []string
	keep := func(p supervision.Profile) bool { return p.Role != "" }
	switch by {
	case "":
		for _, role := range supervision.Roles {
			keys = append(keys, r.roleIndex(string(role)))
		}
	case "role":
		if indexable(value) == "" {
			return []supervision.Profile{}, nil
		}
		keys = []string{r.roleIndex(value)}
		keep = func(p supervision.Profile) bool { return string(p.Role) == value }
	case "pcn":
		if indexable(value) == "" {
			return []supervision.Profile{}, nil
		}
		keys = []string{r.pcnIndex(value)}
		want := normalisePCN(value)
		keep = func(p supervision.Profile) bool { return normalisePCN(p.PCN) == want }
	default:
		return []supervision.Profile{}, nil
	}
	// Each index is in its own slot: one SMEMBERS each, pipelined.
	members := make([]*redis.StringSliceCmd, len(keys))
	if _, err := r.client.Pipelined(ctx, func(pipe redis.Pipeliner) error {
		for i, k := range keys {
			members[i] = pipe.SMembers(ctx, k)
		}
		return nil
	}); err != nil {
		return nil, unavailable("reading the report indexes", err)
	}
	var ids []string
	for _, m := range members {
		ids = append(ids, m.Val()...)
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	cmds := make([]*redis.SliceCmd, len(ids))
	if _, err := r.client.Pipelined(ctx, func(pipe redis.Pipeliner) error {
		for i, id := range ids {
			cmds[i] = pipe.HMGet(ctx, r.profileKey(id), profileFieldNames...)
		}
		return nil
	}); err != nil {
		return nil, unavailable("reading the report's profiles", err)
	}
	out := make([]supervision.Profile, 0, len(ids))
	for i, c := range cmds {
		if p, ok := profileFromValues(ids[i], c.Val()); ok && keep(p) {
			out = append(out, p)
		}
	}
	return out, nil
}
