package store

import (
	"context"
	"strings"
	"time"

	"github.com/peerbot/peerbot/internal/outcome"
	"github.com/peerbot/peerbot/supervision"
)

// Erase removes everything held about userID, as PersonalData finds it:
// their record, cached zone, votes (with the counts moved), pending
// shares, reminders (deleted as the engine's Delete does, in flight or not,
// and their failure records), every index entry, and earlier audit entries
// naming them. Sessions in other people's records keep the session and
// lose the name (outcome.FormerSupervisor in its place); profiles naming
// them as supervisor are left without one. Then one audit entry says an
// erasure happened, under AuditHash, not the id.
//
// While it runs, the person's erasure marker holds off writes that would
// add to what is being erased (see erasing.go); the whole pass runs twice,
// the second a final sweep for anything a racing write slipped in, and the
// counts are of both. Running it again (after a crash, or twice at once)
// erases whatever is left and is otherwise a no-op.
func (rt *Rights) Erase(ctx context.Context, userID string) (outcome.Erasure, error) {
	var e outcome.Erasure
	if err := checkID("user id", userID); err != nil {
		return e, err
	}
	who, err := rt.AuditHash(ctx, userID) // first: an erasure is always audited
	if err != nil {
		return e, err
	}
	tok, err := rt.r.markErasing(ctx, userID)
	if err != nil {
		return e, err
	}
	for range 2 { // the second pass is the final sweep
		if err := rt.erasePass(ctx, userID, &e); err != nil {
			return e, err // the marker runs out after ErasingTTL; running again finishes
		}
	}
	if err := rt.r.client.Del(ctx, rt.r.namesKey(userID)).Err(); err != nil { // last: both passes read it
		return e, unavailable("erasing the names index", err)
	}
	if err := rt.r.Audit(ctx, outcome.AuditEntry{At: time.Now(), UserID: who, Action: outcome.AuditErased, Command: "forget-me"}); err != nil {
		return e, err
	}
	if rt.beforeLift != nil {
		rt.beforeLift()
	}
	return e, rt.r.liftErasing(ctx, userID, tok)
}

// erasePass is one pass of Erase, adding what it erased to e.
func (rt *Rights) erasePass(ctx context.Context, userID string, e *outcome.Erasure) error {
	c, err := rt.r.candidatesFor(ctx, userID)
	if err != nil {
		return err
	}
	items, err := rt.q.findReminders(ctx, userID, c.items)
	if err != nil {
		return err
	}
	people, err := rt.r.coNamed(ctx, userID, c, items) // before their records go
	if err != nil {
		return err
	}
	if err := rt.eraseReminders(ctx, userID, items, e); err != nil {
		return err
	}
	if err := rt.r.eraseOthers(ctx, userID, c, e); err != nil {
		return err
	}
	if err := rt.r.eraseOwn(ctx, userID, c.own, e); err != nil {
		return err
	}
	if err := rt.r.unname(ctx, userID, people, c.names); err != nil {
		return err
	}
	ids, _, err := rt.r.auditNaming(ctx, userID)
	if err != nil {
		return err
	}
	if len(ids) > 0 {
		if err := rt.r.client.XDel(ctx, rt.r.auditKey(), ids...).Err(); err != nil {
			return unavailable("removing audit entries", err)
		}
		e.Audit += len(ids)
	}
	return nil
}

// eraseReminders deletes the person's reminder items, their tombstones
// when the id names them, and every shard's failure records naming them.
func (rt *Rights) eraseReminders(ctx context.Context, userID string, items []outcome.ReminderRecord, e *outcome.Erasure) error {
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
	for shard := range rt.q.shards {
		k := rt.q.keys(shard).failed
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
func (r *Redis) eraseOthers(ctx context.Context, userID string, c candidates, e *outcome.Erasure) error {
	named, err := r.findNamed(ctx, userID, c.sessions)
	if err != nil {
		return err
	}
	for _, n := range named {
		args := make([]any, 0, 2*len(n.fields))
		for _, f := range n.fields {
			args = append(args, f, outcome.FormerSupervisor)
			if f == "ansby" {
				args = append(args, "why", "") // the reason they typed goes with them
			}
		}
		if n.session.Confirmation == supervision.Awaiting && n.session.Answerer() == userID {
			// The session waited for this person's answer, which can no
			// longer come: it stands as one logged alone, not awaiting
			// confirmation for ever.
			args = append(args, "conf", string(supervision.NoConfirmation))
			if err := r.client.SRem(ctx, r.awaitingKey(n.session.UserID), n.session.ID).Err(); err != nil {
				return unavailable("rewriting a session", err)
			}
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
	for _, k := range c.undone {
		if v, _ := r.client.Get(ctx, k).Result(); v == userID {
			if err := r.client.Del(ctx, k).Err(); err != nil {
				return unavailable("erasing a mark", err)
			}
		}
	}
	if err := r.eraseSupervisor(ctx, userID, c, e); err != nil {
		return err
	}
	votes, _, err := r.findVotes(ctx, userID, c.votes)
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
	shares, _, err := r.findShares(ctx, userID, c.shares)
	if err != nil {
		return err
	}
	for _, k := range shares {
		if err := r.client.Del(ctx, k).Err(); err != nil {
			return unavailable("erasing a share", err)
		}
		e.Shares++
	}
	if err := r.client.Del(ctx, r.sharesKey(userID)).Err(); err != nil {
		return unavailable("erasing the shares index", err)
	}
	return nil
}

// eraseSupervisor leaves the person's supervisees without a supervisor
// and takes the person out of every index.
func (r *Redis) eraseSupervisor(ctx context.Context, userID string, c candidates, e *outcome.Erasure) error {
	for _, k := range c.profiles {
		if v, _ := r.client.HGet(ctx, k, "supervisor").Result(); v == userID {
			if err := r.client.HSet(ctx, k, "supervisor", "").Err(); err != nil {
				return unavailable("rewriting a profile", err)
			}
			e.Supervisees++
		}
	}
	for _, k := range c.indexes {
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

// eraseOwn deletes the person's own keys and their cached zone: all but
// the erasure marker and the names index, which Erase removes last.
func (r *Redis) eraseOwn(ctx context.Context, userID string, own []string, e *outcome.Erasure) error {
	_, ok, err := r.Profile(ctx, userID)
	if err != nil {
		return err
	}
	e.Profile = e.Profile || ok
	sessions, err := r.client.ZCard(ctx, r.sessionsKey(userID)).Result()
	if err != nil {
		return unavailable("counting sessions", err)
	}
	leave, err := r.client.ZCard(ctx, r.leavesKey(userID)).Result()
	if err != nil {
		return unavailable("counting leave", err)
	}
	e.Sessions, e.Leave = e.Sessions+int(sessions), e.Leave+int(leave)
	keep := map[string]bool{r.erasingKey(userID): true, r.namesKey(userID): true}
	var keys []string
	for _, k := range own {
		if !keep[k] {
			keys = append(keys, k)
		}
	}
	if n, _ := r.client.Exists(ctx, r.zoneKey(userID)).Result(); n > 0 {
		e.TimeZone = true // once true, stays true on the second pass
		keys = append(keys, r.zoneKey(userID))
	}
	for _, k := range keys { // one by one: the zone key is in another slot
		n, err := r.client.Del(ctx, k).Result()
		if err != nil {
			return unavailable("erasing a record", err)
		}
		e.Keys += int(n)
	}
	return nil
}
