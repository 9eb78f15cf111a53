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

// ProfileSummary returns a person's profile, and false when they have
// none, with the Summary of their record as Summary gives it (its sessions
// in full): what a status reply needs, in one round trip of three hash
// reads (profile, summary, latest sessions) in one MULTI, whatever the
// length of the record. With no profile the summary is empty. A record
// from before the index is indexed first, once, as Summary does; one from
// before the latest sessions were kept gets them on the way.
func (r *Redis) ProfileSummary(ctx context.Context, userID string) (supervision.Profile, supervision.Summary, bool, error) {
	if err := checkID("user id", userID); err != nil {
		return supervision.Profile{}, supervision.Summary{}, false, err
	}
	if err := ctx.Err(); err != nil {
		return supervision.Profile{}, supervision.Summary{}, false, unavailable("reading status", err) // given up: kept or not
	}
	now := time.Now()
	if p, sum, ok := r.statusCache.get(userID, now); ok {
		return p, sum, true, nil
	}
	since := r.statusCache.since()
	profileKey, summaryKey, latestKey := r.statusKeys(userID)
	h, err := r.readStatusHashes(ctx, [3]string{profileKey, summaryKey, latestKey})
	if err != nil {
		return supervision.Profile{}, supervision.Summary{}, false, unavailable("reading status", err)
	}
	ph, sh, lh := h[0], h[1], h[2]
	if len(ph) == 0 {
		return supervision.Profile{}, supervision.Summary{}, false, nil
	}
	p := profileFrom(userID, ph.value)
	if sh.value("v") != "1" { // none yet, or from before the index: summarise it, once
		sum, err := r.Summary(ctx, userID)
		if err == nil {
			r.statusCache.put(userID, p, sum, since, now)
		}
		return p, sum, true, err
	}
	sum := parseSummaryReply(userID, sh)
	if fromLatest(userID, &sum, sh.value, lh.value) {
		r.statusCache.put(userID, p, sum, since, now)
		return p, sum, true, nil
	}
	// Summarised before the latest sessions were kept, or changed since by
	// a replica still running code that does not keep them: keep them from
	// now on (a failure here only means the next read comes this way too),
	// and read the sessions themselves this time.
	_ = r.Resummarise(ctx, userID)
	sum, err = r.Summary(ctx, userID)
	return p, sum, true, err
}

// statusKeys are profileKey, summaryKey and latestKey of userID, cut from
// one string.
func (r *Redis) statusKeys(userID string) (profile, summary, latest string) {
	base := r.supKey(userID, "")
	all := base + "profile" + base + "summary" + base + "latest"
	n := len(base)
	return all[:n+7], all[n+7 : 2*n+14], all[2*n+14:]
}

// fromLatest puts the latest sessions in full in place of the summary's
// index entries, summary and latest giving those hashes' values, and reports whether latest held each of them: its value
// for a type must begin with the summary's t:<type> ("<id> <score>"), or it
// was written for another session and is not used.
func fromLatest(userID string, sum *supervision.Summary, summary, latest func(field string) string) bool {
	out := sum.Latest[:0]
	for _, s := range sum.Latest {
		index := summary(typeField(s.Type))
		v, ok := strings.CutPrefix(latest(string(s.Type)), index)
		if !ok || len(v) == 0 || v[0] != ' ' {
			return false
		}
		var h sessionParts
		if !latestFields(&h, v[1:]) {
			return false
		}
		// A session whose hash is gone or unreadable is left out, as
		// Summary leaves it out.
		if full, err := sessionFrom(userID, s.ID, &h); err == nil {
			out = append(out, full)
		}
	}
	if len(out) == 0 {
		out = nil
	}
	sum.Latest = out
	return true
}

// latestFields reads a latest session's fields into h, each field and
// value written as <length>:<bytes>; false when they cannot be read.
func latestFields(h *sessionParts, v string) bool {
	for v != "" {
		f, rest, ok := netstring(v)
		if !ok {
			return false
		}
		x, rest, ok := netstring(rest)
		if !ok {
			return false
		}
		h.set(f, x)
		v = rest
	}
	return true
}

// netstring splits <length>:<bytes> off the start of v.
func netstring(v string) (s, rest string, ok bool) {
	n, after, ok := strings.Cut(v, ":")
	if !ok {
		return "", "", false
	}
	size, err := strconv.Atoi(n)
	if err != nil || size < 0 || size > len(after) {
		return "", "", false
	}
	return after[:size], after[size:], true
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
