package store

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/peerbot/peerbot/supervision"
	"github.com/redis/go-redis/v9"
)

// pruneScript removes a person's sessions dated before a day, with their
// index entries, in one run under the person's tag. The summary is
// dropped when any went (it may name one), and the next read rebuilds it
// from what is left, leave included.
//
// KEYS[1] sessions, KEYS[2] awaiting, KEYS[3] summary, KEYS[4..] bytype;
// ARGV[1] the highest score removed, ARGV[2] the session key prefix.
var pruneScript = redis.NewScript(`
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
for _, id in ipairs(ids) do
  redis.call('DEL', ARGV[2] .. id)
  redis.call('SREM', KEYS[2], id)
  for i = 4, #KEYS do redis.call('ZREM', KEYS[i], id) end
end
if #ids > 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
  redis.call('DEL', KEYS[3])
end
return #ids
`)

// PruneSessions removes every session dated before the calendar day of
// before (in UTC), in every person's record, and returns how many went. It
// finds the records by a SCAN of peerbot:sup:*:sessions on every master:
// it runs once a day (the retention job). Running it again removes
// nothing more.
func (r *Redis) PruneSessions(ctx context.Context, before time.Time) (int, error) {
	keys, err := r.scanKeys(ctx, r.prefix+"sup:*:sessions")
	if err != nil {
		return 0, err
	}
	y, m, d := before.UTC().Date()
	top := dayNumber(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))*daySpan - 1
	total := 0
	for _, k := range keys {
		user, ok := strings.CutPrefix(strings.TrimSuffix(k, "}:sessions"), r.prefix+"sup:{")
		if !ok || strings.ContainsAny(user, "{}:") {
			continue
		}
		ks := []string{k, r.awaitingKey(user), r.summaryKey(user)}
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
