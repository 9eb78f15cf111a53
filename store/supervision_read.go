package store

import (
	"context"
	"fmt"

	"github.com/peerbot/peerbot/supervision"
	"github.com/redis/go-redis/v9"
)

// profileSummaryScript reads a person's profile (KEYS[1]), the summary of
// their record (KEYS[2]) and, when the summary covers the whole record,
// the newest session of each type it names, in full: a person's status in
// one round trip. The sessions' keys are ARGV[1] followed by the id: they
// share the person's tag with KEYS, so the script stays in one slot on a
// Redis Cluster. It answers {profile, summary, id, session, id, session,
// ...}, each hash as a flat list of fields and values; a summary from
// before the index (no v) is answered without sessions, to be indexed.
var profileSummaryScript = redis.NewScript(`#!lua flags=no-writes
local p = redis.call('HGETALL', KEYS[1])
local s = redis.call('HGETALL', KEYS[2])
local out = {p, s}
if #p == 0 or redis.call('HGET', KEYS[2], 'v') ~= '1' then return out end
for i = 1, #s, 2 do
  if string.sub(s[i], 1, 2) == 't:' then
    local id = string.match(s[i + 1], '^(%S+) ')
    if id then
      out[#out + 1] = id
      out[#out + 1] = redis.call('HGETALL', ARGV[1] .. id)
    end
  end
end
return out
`)

// ProfileSummary returns a person's profile, and false when they have
// none, with the Summary of their record as Summary gives it (its sessions
// in full): what a status reply needs, in one round trip. With no profile
// the summary is empty. A record from before the index is indexed first,
// once, as Summary does.
func (r *Redis) ProfileSummary(ctx context.Context, userID string) (supervision.Profile, supervision.Summary, bool, error) {
	if err := checkID("user id", userID); err != nil {
		return supervision.Profile{}, supervision.Summary{}, false, err
	}
	res, err := profileSummaryScript.Run(ctx, r.client,
		[]string{r.profileKey(userID), r.summaryKey(userID)}, r.sessionKey(userID, "")).Slice()
	if err != nil {
		return supervision.Profile{}, supervision.Summary{}, false, unavailable("reading status", err)
	}
	if len(res) < 2 || len(res)%2 != 0 {
		return supervision.Profile{}, supervision.Summary{}, false, fmt.Errorf("reading status: %w: %d replies", ErrCorrupt, len(res))
	}
	ph := pairs(res[0])
	if len(ph) == 0 {
		return supervision.Profile{}, supervision.Summary{}, false, nil
	}
	p := parseProfile(userID, ph)
	sh := pairs(res[1])
	if sh["v"] != "1" { // from before the index: summarise it, once
		sum, err := r.Summary(ctx, userID)
		return p, sum, true, err
	}
	sum := parseSummary(userID, sh)
	full := make(map[string]map[string]string, len(res)/2-1)
	for i := 2; i+1 < len(res); i += 2 {
		if id, ok := res[i].(string); ok {
			full[id] = pairs(res[i+1])
		}
	}
	latest := sum.Latest
	sum.Latest = nil
	for _, s := range latest {
		if h := full[s.ID]; len(h) > 0 {
			if s, err := parseSession(userID, s.ID, h); err == nil {
				sum.Latest = append(sum.Latest, s)
			}
		}
	}
	return p, sum, true, nil
}

// pairs reads a hash answered as a flat list of fields and values (or, on
// a RESP3 connection, a map).
func pairs(v any) map[string]string {
	switch v := v.(type) {
	case []any:
		h := make(map[string]string, len(v)/2)
		for i := 0; i+1 < len(v); i += 2 {
			f, _ := v[i].(string)
			x, _ := v[i+1].(string)
			h[f] = x
		}
		return h
	case map[any]any:
		h := make(map[string]string, len(v))
		for f, x := range v {
			fs, _ := f.(string)
			xs, _ := x.(string)
			h[fs] = xs
		}
		return h
	}
	return nil
}
