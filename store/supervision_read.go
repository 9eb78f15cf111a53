package store

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

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
var profileSummaryScript = redis.NewScript(`
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

// SuperviseeSummaries returns the people whose profile names supervisorID
// as their supervisor, sorted by user id, and the Summary of each one's
// record as Summaries gives it: the team view's reading, in two round trips
// however many there are. The profiles carry the user id, role, locality,
// supervisor and time zone only: what a status is worked out from. A
// record from before the index is indexed first, once.
func (r *Redis) SuperviseeSummaries(ctx context.Context, supervisorID string) ([]supervision.Profile, []supervision.Summary, error) {
	if err := checkID("supervisor id", supervisorID); err != nil {
		return nil, nil, err
	}
	ids, err := r.client.SMembers(ctx, r.supervisorIndex(supervisorID)).Result()
	if err != nil {
		return nil, nil, unavailable("reading supervisees", err)
	}
	slices.Sort(ids)
	profiles := make([]*redis.Cmd, len(ids))
	summaries := make([]*redis.MapStringStringCmd, len(ids))
	_, err = r.client.Pipelined(ctx, func(pipe redis.Pipeliner) error {
		for i, id := range ids {
			// The fields a status is worked out from, in teamProfile's
			// order; as constants they cost no allocation each.
			profiles[i] = pipe.Do(ctx, "hmget", r.profileKey(id), "role", "locality", "supervisor", "tz")
			summaries[i] = pipe.HGetAll(ctx, r.summaryKey(id))
		}
		return nil
	})
	if err != nil {
		return nil, nil, unavailable("reading supervisees", err)
	}
	ps := make([]supervision.Profile, 0, len(ids))
	sums := make([]supervision.Summary, 0, len(ids))
	for i, id := range ids {
		vals, _ := profiles[i].Val().([]any)
		p, ok := teamProfile(id, vals)
		if !ok || p.SupervisorID != supervisorID {
			continue
		}
		h := summaries[i].Val()
		if h["v"] != "1" { // from before the index: summarise it, once
			s, err := r.Summaries(ctx, []string{id})
			if err != nil {
				return nil, nil, err
			}
			sums = append(sums, s[0])
		} else {
			sums = append(sums, parseSummary(id, h))
		}
		ps = append(ps, p)
	}
	return ps, sums, nil
}

// teamProfile reads the answer to HMGET of role, locality, supervisor and
// tz; false when there is no profile.
func teamProfile(userID string, vals []any) (supervision.Profile, bool) {
	var f [4]string
	found := false
	for i := range f {
		if i < len(vals) {
			v, ok := vals[i].(string)
			f[i], found = v, found || ok
		}
	}
	return supervision.Profile{UserID: userID, Role: supervision.Role(f[0]), Locality: f[1], SupervisorID: f[2], TimeZone: f[3]}, found
}

// latestFromSummary reads a summary's t:<type> value, "<id> <score>", as
// a session carrying what the index has: id, type, date (midnight UTC on
// the calendar date) and when logged.
func latestFromSummary(userID string, t supervision.SessionType, v string) (supervision.Session, bool) {
	id, score, ok := strings.Cut(v, " ")
	if !ok || id == "" {
		return supervision.Session{}, false
	}
	n, err := strconv.ParseInt(score, 10, 64)
	if err != nil {
		return supervision.Session{}, false
	}
	return supervision.Session{
		ID:       id,
		UserID:   userID,
		Type:     t,
		Date:     time.Unix(n/daySpan*86400, 0).UTC(),
		LoggedAt: time.Unix(n%daySpan, 0).UTC(),
	}, true
}

// leaveFromSummary reads a summary's l:<id> value, "<from> <to> <zone>".
func leaveFromSummary(id, v string) (supervision.Leave, bool) {
	parts := strings.Fields(v)
	if len(parts) != 3 {
		return supervision.Leave{}, false
	}
	f, err1 := parseDate(parts[0], parts[2])
	t, err2 := parseDate(parts[1], parts[2])
	if err1 != nil || err2 != nil {
		return supervision.Leave{}, false
	}
	return supervision.Leave{ID: id, From: f, To: t}, true
}
