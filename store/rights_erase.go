package store

import (
	"context"
	"strings"
	"time"

	"github.com/peerbot/peerbot/internal/outcome"
)

// Erase removes everything held about userID, as PersonalData finds it:
// their record, cached zone, votes (with the counts moved), pending
// shares, reminders (deleted as the engine's Delete does, in flight or not,
// and their failure records), every index entry, and earlier audit entries
// naming them. Sessions in other people's records keep the session and
// lose the name (outcome.FormerSupervisor in its place); profiles naming
// them as supervisor are left without one. Then one audit entry says an
// erasure happened, under AuditHash, not the id. Running it again erases
// whatever a failure left.
func (rt *Rights) Erase(ctx context.Context, userID string) (outcome.Erasure, error) {
	var e outcome.Erasure
	if err := checkID("user id", userID); err != nil {
		return e, err
	}
	who, err := rt.AuditHash(ctx, userID) // first: an erasure is always audited
	if err != nil {
		return e, err
	}
	if err := rt.eraseReminders(ctx, userID, &e); err != nil {
		return e, err
	}
	if err := rt.r.eraseOthers(ctx, userID, &e); err != nil {
		return e, err
	}
	if err := rt.r.eraseOwn(ctx, userID, &e); err != nil {
		return e, err
	}
	ids, _, err := rt.r.auditNaming(ctx, userID)
	if err != nil {
		return e, err
	}
	if len(ids) > 0 {
		if err := rt.r.client.XDel(ctx, rt.r.auditKey(), ids...).Err(); err != nil {
			return e, unavailable("removing audit entries", err)
		}
		e.Audit = len(ids)
	}
	err = rt.r.Audit(ctx, outcome.AuditEntry{At: time.Now(), UserID: who, Action: outcome.AuditErased, Command: "forget-me"})
	return e, err
}

// eraseReminders deletes the person's reminder items, their tombstones
// when the id names them, and failure records naming them.
func (rt *Rights) eraseReminders(ctx context.Context, userID string, e *outcome.Erasure) error {
	items, err := rt.q.findReminders(ctx, userID)
	if err != nil {
		return err
	}
	for _, it := range items {
		if _, err := rt.q.Delete(ctx, it.ID); err != nil {
			return err
		}
		if strings.Contains(it.ID, userID) {
			if err := rt.r.client.Del(ctx, rt.q.keysOf(it.ID).item(it.ID)).Err(); err != nil {
				return rt.q.fail("erasing a reminder", err)
			}
		}
		e.Reminders++
	}
	failed, err := rt.r.scanKeys(ctx, rt.r.prefix+"rem:*:failed")
	if err != nil {
		return err
	}
	for _, k := range failed {
		members, err := rt.r.client.ZRange(ctx, k, 0, -1).Result()
		if err != nil {
			return rt.q.fail("reading failed reminders", err)
		}
		for _, m := range members {
			if strings.Contains(m, userID) {
				if err := rt.r.client.ZRem(ctx, k, m).Err(); err != nil {
					return rt.q.fail("erasing a failed reminder", err)
				}
			}
		}
	}
	return nil
}

// eraseOthers takes the person out of keys that are not theirs: others'
// sessions, undone marks, supervisees' profiles, votes, shares, indexes.
func (r *Redis) eraseOthers(ctx context.Context, userID string, e *outcome.Erasure) error {
	named, err := r.findNamed(ctx, userID)
	if err != nil {
		return err
	}
	for _, n := range named {
		args := make([]any, 0, 2*len(n.fields))
		for _, f := range n.fields {
			args = append(args, f, outcome.FormerSupervisor)
		}
		if err := r.client.HSet(ctx, n.key, args...).Err(); err != nil {
			return unavailable("rewriting a session", err)
		}
		// The owner's latest sessions hold copies of their sessions.
		if err := r.Resummarise(ctx, n.session.UserID); err != nil {
			return err
		}
		e.Named++
	}
	undone, err := r.scanKeys(ctx, r.prefix+"sup:*:undone:*")
	if err != nil {
		return err
	}
	for _, k := range undone {
		if v, _ := r.client.Get(ctx, k).Result(); v == userID {
			if err := r.client.Del(ctx, k).Err(); err != nil {
				return unavailable("erasing a mark", err)
			}
		}
	}
	if err := r.eraseSupervisor(ctx, userID, e); err != nil {
		return err
	}
	votes, _, err := r.findVotes(ctx, userID)
	if err != nil {
		return err
	}
	for _, k := range votes {
		counts := strings.TrimSuffix(k, ":votes") + ":count"
		if err := unvoteScript.Run(ctx, r.client, []string{k, counts}, userID).Err(); err != nil {
			return unavailable("taking a vote back", err)
		}
		e.Votes++
	}
	shares, _, err := r.findShares(ctx, userID)
	if err != nil {
		return err
	}
	for _, k := range shares {
		if err := r.client.Del(ctx, k).Err(); err != nil {
			return unavailable("erasing a share", err)
		}
		e.Shares++
	}
	return nil
}

// eraseSupervisor leaves the person's supervisees without a supervisor
// and takes the person out of every index.
func (r *Redis) eraseSupervisor(ctx context.Context, userID string, e *outcome.Erasure) error {
	profiles, err := r.scanKeys(ctx, r.prefix+"sup:*:profile")
	if err != nil {
		return err
	}
	for _, k := range profiles {
		if v, _ := r.client.HGet(ctx, k, "supervisor").Result(); v == userID {
			if err := r.client.HSet(ctx, k, "supervisor", "").Err(); err != nil {
				return unavailable("rewriting a profile", err)
			}
			e.Supervisees++
		}
	}
	idx, err := r.scanKeys(ctx, r.prefix+"idx:*")
	if err != nil {
		return err
	}
	for _, k := range idx {
		if k == r.supervisorIndex(userID) {
			if err := r.client.Del(ctx, k).Err(); err != nil {
				return unavailable("erasing an index", err)
			}
			continue
		}
		if err := r.client.SRem(ctx, k, userID).Err(); err != nil {
			return unavailable("erasing an index entry", err)
		}
	}
	return nil
}

// eraseOwn deletes every key under the person's tag and their cached zone.
func (r *Redis) eraseOwn(ctx context.Context, userID string, e *outcome.Erasure) error {
	_, ok, err := r.Profile(ctx, userID)
	if err != nil {
		return err
	}
	e.Profile = ok
	sessions, err := r.client.ZCard(ctx, r.sessionsKey(userID)).Result()
	if err != nil {
		return unavailable("counting sessions", err)
	}
	leave, err := r.client.ZCard(ctx, r.leavesKey(userID)).Result()
	if err != nil {
		return unavailable("counting leave", err)
	}
	e.Sessions, e.Leave = int(sessions), int(leave)
	keys, err := r.scanKeys(ctx, r.supKey(userID, "*"))
	if err != nil {
		return err
	}
	if n, _ := r.client.Exists(ctx, r.zoneKey(userID)).Result(); n > 0 {
		e.TimeZone = true
		keys = append(keys, r.zoneKey(userID))
	}
	for _, k := range keys { // one by one: the zone key is in another slot
		if err := r.client.Del(ctx, k).Err(); err != nil {
			return unavailable("erasing a record", err)
		}
	}
	e.Keys += len(keys)
	return nil
}
