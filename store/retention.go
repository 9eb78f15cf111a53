package store

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/peerbot/peerbot/supervision"
	"github.com/redis/go-redis/v9"
)

// pruneScript removes a person's sessions dated before a day, with their
// index entries, in one run under the person's tag. The summary and the
// copies of the latest sessions are dropped when any went (they may hold
// one), and the next read rebuilds them from what is left, leave included.
//
// KEYS[1] sessions, KEYS[2] awaiting, KEYS[3] summary, KEYS[4] latest
// sessions, KEYS[5..] bytype;
// ARGV[1] the highest score removed, ARGV[2] the session key prefix.
var pruneScript = redis.NewScript(`
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
for _, id in ipairs(ids) do
  redis.call('DEL', ARGV[2] .. id)
  redis.call('SREM', KEYS[2], id)
  for i = 5, #KEYS do redis.call('ZREM', KEYS[i], id) end
end
if #ids > 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
  redis.call('DEL', KEYS[3], KEYS[4])
end
return #ids
`)

// PruneSessions removes every session dated before the calendar day of
// before (in UTC), in every person's record, and returns how many went. It
// walks the people index (everyone with a record) and
// trims each person's list by score, in one script under their tag. Until
// IndexNames has put every profile written before the indexes into them
// (names.go), it finds the records by a SCAN of peerbot:sup:*:sessions on
// every master instead. It runs once a day (the retention job); running
// it again removes nothing more.
func (r *Redis) PruneSessions(ctx context.Context, before time.Time) (int, error) {
	users, err := r.retained(ctx)
	if err != nil {
		return 0, err
	}
	y, m, d := before.UTC().Date()
	top := dayNumber(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))*daySpan - 1
	total := 0
	for _, user := range users {
		ks := []string{r.sessionsKey(user), r.awaitingKey(user), r.summaryKey(user), r.latestKey(user)}
		for _, t := range supervision.SessionTypes {
			ks = append(ks, r.byTypeKey(user, t))
		}
		n, err := pruneScript.Run(ctx, r.client, ks, strconv.FormatInt(top, 10), r.supKey(user, "session:")).Int()
		if err != nil {
			return total, unavailable("removing old sessions", err)
		}
		total += n
	}
	return total, nil
}

// PruneAudit removes the audit entries added before before (XTRIM MINID)
// and returns how many went.
func (r *Redis) PruneAudit(ctx context.Context, before time.Time) (int, error) {
	n, err := r.client.XTrimMinID(ctx, r.auditKey(), strconv.FormatInt(before.UnixMilli(), 10)).Result()
	if err != nil {
		return 0, unavailable("removing old audit entries", err)
	}
	return int(n), nil
}

// retained are the people whose records retention trims: the people
// index, or every record a SCAN finds until IndexNames has run.
func (r *Redis) retained(ctx context.Context) ([]string, error) {
	indexed, err := r.namesIndexed(ctx)
	if err != nil {
		return nil, err
	}
	if indexed {
		return r.people(ctx)
	}
	keys, err := r.scanKeys(ctx, r.prefix+"sup:*:sessions")
	if err != nil {
		return nil, err
	}
	var users []string
	for _, k := range keys {
		user, ok := strings.CutPrefix(strings.TrimSuffix(k, "}:sessions"), r.prefix+"sup:{")
		if ok && !strings.ContainsAny(user, "{}:") {
			users = append(users, user)
		}
	}
	return users, nil
}

// people is everyone in the people index, each once, sorted.
func (r *Redis) people(ctx context.Context) ([]string, error) {
	cmds := make([]*redis.StringSliceCmd, 1)
	_, err := r.client.Pipelined(ctx, func(pipe redis.Pipeliner) error {
		cmds[0] = pipe.SMembers(ctx, r.peopleKey())
		return nil
	})
	if err != nil {
		return nil, unavailable("reading the people index", err)
	}
	var ids []string
	for _, c := range cmds {
		for _, id := range c.Val() {
			if checkID("user id", id) == nil {
				ids = append(ids, id)
			}
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids), nil
}
