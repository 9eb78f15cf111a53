package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/peerbot/peerbot/supervision"
	"github.com/redis/go-redis/v9"
)

// A person's profile: read, saved, and found through the supervisor index.

// Profile returns the person's profile, and false when they have none.
// Fields that do not parse read as their zero value. Safe for concurrent
// use.
func (r *Redis) Profile(ctx context.Context, userID string) (supervision.Profile, bool, error) {
	if err := checkID("user id", userID); err != nil {
		return supervision.Profile{}, false, err
	}
	h, err := r.client.HGetAll(ctx, r.profileKey(userID)).Result()
	if err != nil {
		return supervision.Profile{}, false, unavailable("reading profile", err)
	}
	if len(h) == 0 {
		return supervision.Profile{}, false, nil
	}
	return parseProfile(userID, h), true, nil
}

// parseProfile reads a stored profile; fields that do not parse read as
// their zero value.
func parseProfile(userID string, h map[string]string) supervision.Profile {
	return profileFrom(userID, func(f string) string { return h[f] })
}

// profileFieldNames are a profile hash's fields, in the order
// profileFromValues reads an HMGET of them.
var profileFieldNames = []string{"role", "pcn", "locality", "supervisor", "tz", "reminders", "rtime", "created", "updated", "rday", "rlead"}

// profileFromValues reads the answer to HMGET profileFieldNames; false when
// there is no profile (every field missing).
func profileFromValues(userID string, vals []any) (supervision.Profile, bool) {
	found := false
	get := func(f string) string {
		for i, name := range profileFieldNames {
			if name == f && i < len(vals) {
				v, ok := vals[i].(string)
				found = found || ok
				return v
			}
		}
		return ""
	}
	p := profileFrom(userID, get)
	return p, found
}

func profileFrom(userID string, h func(field string) string) supervision.Profile {
	p := supervision.Profile{
		UserID:       userID,
		Role:         supervision.Role(h("role")),
		PCN:          h("pcn"),
		Locality:     h("locality"),
		SupervisorID: h("supervisor"),
		TimeZone:     h("tz"),
		Reminders:    h("reminders") == "1",
		ReminderTime: h("rtime"),
		Created:      parseTime(h("created")),
		Updated:      parseTime(h("updated")),
	}
	if d, err := strconv.Atoi(h("rday")); err == nil && d >= 0 && d <= 6 {
		p.ReminderDay = time.Weekday(d)
	}
	p.LeadDays, _ = strconv.Atoi(h("rlead")) // absent in older profiles: the default
	return p
}

func profileFields(p supervision.Profile) []any {
	reminders := "0"
	if p.Reminders {
		reminders = "1"
	}
	return []any{
		"role", string(p.Role),
		"pcn", p.PCN,
		"locality", p.Locality,
		"supervisor", p.SupervisorID,
		"tz", p.TimeZone,
		"reminders", reminders,
		"rday", strconv.Itoa(int(p.ReminderDay)),
		"rtime", p.ReminderTime,
		"rlead", strconv.Itoa(p.LeadDays),
		"created", formatTime(p.Created),
		"updated", formatTime(p.Updated),
	}
}

// SaveProfile creates or replaces p.UserID's profile, then moves the person
// between the supervisor, PCN and role indexes. The profile is written in
// one transaction that reads the old values under WATCH, so the index moves
// start from what was really replaced. The indexes live in other Cluster
// slots and are updated after it, idempotently; when that step fails the
// error wraps ErrUnknown (never ErrUnavailable, read as "nothing was
// changed"), the profile stands, and saving again (or a
// repair that rebuilds the indexes from the profiles) puts them right.
// Readers of the indexes check each entry against its profile.
func (r *Redis) SaveProfile(ctx context.Context, p supervision.Profile) error {
	if err := checkID("user id", p.UserID); err != nil {
		return err
	}
	key, erasing := r.profileKey(p.UserID), r.erasingKey(p.UserID)
	if err := r.noteProfile(ctx, p); err != nil {
		return err
	}
	var old []any
	write := func(tx *redis.Tx) error {
		if n, err := tx.Exists(ctx, erasing).Result(); err != nil || n > 0 {
			if err == nil {
				err = ErrErasing // watched: an erasure that starts before EXEC fails it
			}
			return err
		}
		var err error
		old, err = tx.HMGet(ctx, key, "supervisor", "pcn", "role").Result()
		if err != nil {
			return err
		}
		_, err = tx.TxPipelined(ctx, func(pipe redis.Pipeliner) error {
			pipe.Del(ctx, key)
			pipe.HSet(ctx, key, profileFields(p)...)
			return nil
		})
		return err
	}
	var err error
	for range 10 {
		if err = r.client.Watch(ctx, write, key, erasing); !errors.Is(err, redis.TxFailedErr) {
			break
		}
	}
	if errors.Is(err, ErrErasing) {
		r.unnote(ctx, []string{key}, p.SupervisorID)
		return fmt.Errorf("saving profile: %w", err)
	}
	if err != nil {
		return writeFailed("saving profile", err)
	}
	oldValue := func(i int) string { s, _ := old[i].(string); return s }
	moves := []struct {
		from, to string
		index    func(string) string
	}{
		{oldValue(0), p.SupervisorID, r.supervisorIndex},
		{oldValue(1), p.PCN, r.pcnIndex},
		{oldValue(2), string(p.Role), r.roleIndex},
	}
	_, err = r.client.Pipelined(ctx, func(pipe redis.Pipeliner) error {
		for _, m := range moves {
			from, to := indexable(m.from), indexable(m.to)
			if from != "" && m.index(from) != m.index(to) {
				pipe.SRem(ctx, m.index(from), p.UserID)
			}
			if to != "" {
				pipe.SAdd(ctx, m.index(to), p.UserID)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("updating profile indexes, the profile saved: %w: %w", ErrUnknown, err)
	}
	return nil
}

// indexable is the value an index is kept under, or "" when the value
// cannot name an index key (empty, or holding braces).
func indexable(s string) string {
	if strings.ContainsAny(s, "{}") || normalisePCN(s) == "" {
		return ""
	}
	return s
}

// Supervisees returns the user ids of the people whose profile names
// supervisorID as their supervisor, sorted. It reads the supervisor index
// and drops any entry that its profile no longer bears out.
func (r *Redis) Supervisees(ctx context.Context, supervisorID string) ([]string, error) {
	if err := checkID("supervisor id", supervisorID); err != nil {
		return nil, err
	}
	ids, err := r.client.SMembers(ctx, r.supervisorIndex(supervisorID)).Result()
	if err != nil {
		return nil, unavailable("reading supervisees", err)
	}
	if len(ids) == 0 {
		return []string{}, nil
	}
	cmds := make([]*redis.StringCmd, len(ids))
	// A missing profile answers redis.Nil, which Pipelined may report first;
	// look at each answer instead.
	_, _ = r.client.Pipelined(ctx, func(pipe redis.Pipeliner) error {
		for i, id := range ids {
			cmds[i] = pipe.HGet(ctx, r.profileKey(id), "supervisor")
		}
		return nil
	})
	out := make([]string, 0, len(ids))
	for i, id := range ids {
		if err := cmds[i].Err(); err != nil && !errors.Is(err, redis.Nil) {
			return nil, unavailable("checking supervisees", err)
		}
		if cmds[i].Val() == supervisorID {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out, nil
}

// SuperviseeProfiles returns the profiles of the people whose profile
// names supervisorID as their supervisor, sorted by user id: the supervisor
// index checked against each profile, in two round trips.
func (r *Redis) SuperviseeProfiles(ctx context.Context, supervisorID string) ([]supervision.Profile, error) {
	if err := checkID("supervisor id", supervisorID); err != nil {
		return nil, err
	}
	ids, err := r.client.SMembers(ctx, r.supervisorIndex(supervisorID)).Result()
	if err != nil {
		return nil, unavailable("reading supervisees", err)
	}
	slices.Sort(ids)
	cmds := make([]*redis.SliceCmd, len(ids))
	_, err = r.client.Pipelined(ctx, func(pipe redis.Pipeliner) error {
		for i, id := range ids {
			cmds[i] = pipe.HMGet(ctx, r.profileKey(id), profileFieldNames...)
		}
		return nil
	})
	if err != nil {
		return nil, unavailable("reading supervisees", err)
	}
	out := make([]supervision.Profile, 0, len(ids))
	for i, c := range cmds {
		if p, ok := profileFromValues(ids[i], c.Val()); ok && p.SupervisorID == supervisorID {
			out = append(out, p)
		}
	}
	return out, nil
}
