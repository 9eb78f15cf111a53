package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/peerbot/peerbot/internal/outcome"
	"github.com/peerbot/peerbot/supervision"
	"github.com/redis/go-redis/v9"
)

// Errors about records, as opposed to Redis being down (ErrUnavailable).
var (
	// ErrExists means a session or leave with that id is already in the
	// person's record, holding something else.
	// It is outcome.ErrExists.
	ErrExists = outcome.ErrExists
	// ErrNotFound means the record to change is not there. It is
	// outcome.ErrNotFound, so handlers can tell it without importing store.
	ErrNotFound = outcome.ErrNotFound
	// ErrInvalid means the caller passed something that cannot be stored,
	// such as an empty id or a session without a date.
	ErrInvalid = errors.New("invalid record")
	// ErrCorrupt means a stored record cannot be read back, such as a
	// session whose date does not parse.
	ErrCorrupt = errors.New("stored record is corrupt")
)

// Keys of one person's supervision record, all under the tag {userID} so one
// transaction or script can touch them together on a Redis Cluster.
// They are built in one concatenation: status reads build many of them.
func (r *Redis) supKey(userID, rest string) string { return r.prefix + "sup:{" + userID + "}:" + rest }
func (r *Redis) profileKey(userID string) string   { return r.supKey(userID, "profile") }
func (r *Redis) sessionsKey(userID string) string  { return r.supKey(userID, "sessions") }
func (r *Redis) sessionKey(userID, id string) string {
	return r.supKey(userID, "session:"+id)
}
func (r *Redis) leavesKey(userID string) string { return r.supKey(userID, "leave") }
func (r *Redis) leaveKey(userID, id string) string {
	return r.supKey(userID, "leave:"+id)
}

// Index keys: each in its own slot, derived from the profiles.
func (r *Redis) supervisorIndex(supervisorID string) string {
	return r.key("idx", "supervisor", tag(supervisorID))
}
func (r *Redis) pcnIndex(pcn string) string   { return r.key("idx", "pcn", tag(normalisePCN(pcn))) }
func (r *Redis) roleIndex(role string) string { return r.key("idx", "role", tag(role)) }

// unavailable wraps a failed Redis call so that callers can tell it with
// errors.Is(err, ErrUnavailable).
func unavailable(what string, err error) error {
	return fmt.Errorf("%s: %w: %w", what, ErrUnavailable, err)
}

// checkID refuses ids that would build a wrong key: empty ones, and ones
// with braces, which would move the hash tag.
func checkID(what, id string) error {
	if id == "" || strings.ContainsAny(id, "{}") {
		return fmt.Errorf("%w: %s %q", ErrInvalid, what, id)
	}
	return nil
}

// normalisePCN turns a PCN's name as people write it into an index key part:
// lower case letters and digits, with runs of anything else as one "-", so
// "Gateshead  Central PCN" and "gateshead central pcn" share an index.
func normalisePCN(s string) string {
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(strings.TrimSpace(s)) {
		if unicode.IsLetter(c) || unicode.IsDigit(c) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(c)
			dash = false
			continue
		}
		dash = true
	}
	return b.String()
}

// formatTime writes a time for a hash field: RFC 3339 in UTC, "" for the
// zero time.
func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

// parseTime reads what formatTime wrote. A field that does not parse reads
// as the zero time: a lost timestamp is better than a lost record.
func parseTime(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}
	}
	return t.UTC()
}

// formatDate writes a calendar date in its own location, and the name of
// that location, so that parseDate rebuilds the same midnight.
func formatDate(t time.Time) (date, zone string) {
	return t.Format(time.DateOnly), t.Location().String()
}

// parseDate rebuilds midnight of a stored calendar date in the named zone;
// UTC when the zone is unknown here.
func parseDate(date, zone string) (time.Time, error) {
	d, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return time.Time{}, fmt.Errorf("%w: date %q", ErrCorrupt, date)
	}
	loc, err := supervision.LoadZone(zone)
	if err != nil {
		loc = time.UTC
	}
	y, m, day := d.Date()
	return time.Date(y, m, day, 0, 0, 0, 0, loc), nil
}

// dayNumber counts calendar days from 1970-01-01 to t's date in t's own
// location, clamped so that a score built from it stays an exact float64.
func dayNumber(t time.Time) int64 {
	y, m, d := t.Date()
	days := time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
	return min(max(days, -maxDays), maxDays)
}

const (
	maxDays    = 900_000 // about 2,460 years either side of 1970
	daySpan    = 10_000_000_000
	maxLogSecs = daySpan - 1 // Unix seconds up to the year 2286
)

// sessionScore orders a person's sessions by date, then by when they were
// logged: days since 1970 times 10^10 plus the Unix second of logging. Both
// parts are whole numbers and the total stays below 2^53, so the float64
// score Redis keeps is exact.
func sessionScore(s supervision.Session) int64 {
	logged := min(max(s.LoggedAt.Unix(), 0), maxLogSecs)
	return dayNumber(s.Date)*daySpan + logged
}

// addRecordScript writes a record hash and adds its id to the person's
// sorted set, unless a record with that id is already there, and sets one
// field of the summary; then it removes the records the new one replaces,
// in the same step, so a reader never sees the new one beside those it
// replaces, nor neither. It is safe to repeat: when the record there holds
// exactly the same fields (a client retry after a lost reply), it answers 1
// as the first run did. Leave uses it; sessions have their own scripts,
// which keep the index in step.
//
// KEYS[1] record hash, KEYS[2] sorted set, KEYS[3] summary, KEYS[4...] the
// replaced records' hashes; ARGV[1] id, ARGV[2] score, ARGV[3] and ARGV[4]
// the summary's field and value, ARGV[5] n, the number of replaced
// records, then n pairs of a replaced record's id and summary field, then
// the new record's field, value pairs.
var addRecordScript = redis.NewScript(erasingGuardLua + `
local n = tonumber(ARGV[5])
local first = 6 + 2 * n
local answer = 1
if redis.call('EXISTS', KEYS[1]) == 1 then
  if redis.call('HLEN', KEYS[1]) ~= (#ARGV - first + 1) / 2 then
    answer = 0
  else
    for i = first, #ARGV, 2 do
      if redis.call('HGET', KEYS[1], ARGV[i]) ~= ARGV[i + 1] then answer = 0 break end
    end
  end
else
  redis.call('HSET', KEYS[1], unpack(ARGV, first))
  redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
  redis.call('HSET', KEYS[3], ARGV[3], ARGV[4])
end
for i = 1, n do
  local id = ARGV[4 + 2 * i]
  if id ~= ARGV[1] then
    redis.call('DEL', KEYS[3 + i])
    redis.call('ZREM', KEYS[2], id)
    redis.call('HDEL', KEYS[3], ARGV[5 + 2 * i])
  end
end
return answer
`)

// scriptArgs lays out the ARGV of addRecordScript: replaced holds, for
// each record the new one replaces, its id and its summary field.
func scriptArgs(id string, score int64, fields []string, summaryField, summaryValue string, replaced ...string) []any {
	args := make([]any, 0, 5+len(replaced)+len(fields))
	args = append(args, id, strconv.FormatInt(score, 10), summaryField, summaryValue, strconv.Itoa(len(replaced)/2))
	for _, f := range replaced {
		args = append(args, f)
	}
	for _, f := range fields {
		args = append(args, f)
	}
	return args
}

func sessionFields(s supervision.Session) []string {
	date, zone := formatDate(s.Date)
	return []string{
		"date", date,
		"zone", zone,
		"type", string(s.Type),
		"minutes", strconv.Itoa(s.Minutes),
		"with", s.WithID,
		"by", s.LoggedBy,
		"at", formatTime(s.LoggedAt),
		"conf", string(s.Confirmation),
		"ansby", s.AnsweredBy,
		"ansat", formatTime(s.AnsweredAt),
		"why", s.DisputeReason,
	}
}

func checkSession(s supervision.Session) error {
	if err := checkID("user id", s.UserID); err != nil {
		return err
	}
	if s.ID == "" {
		return fmt.Errorf("%w: empty session id", ErrInvalid)
	}
	if s.Date.IsZero() {
		return fmt.Errorf("%w: session %s has no date", ErrInvalid, s.ID)
	}
	return nil
}

// AddSession records s in s.UserID's record: the session and its place in
// the person's list together, atomically. An id already in the record
// holding another session is refused with ErrExists; the very same session
// again (a retried call) is accepted. Safe for concurrent use.
func (r *Redis) AddSession(ctx context.Context, s supervision.Session) error {
	if err := checkSession(s); err != nil {
		return err
	}
	if err := r.prepareSession(ctx, s.UserID, r.sessionKey(s.UserID, s.ID), others(s.UserID, s.WithID, s.LoggedBy)); err != nil {
		return err
	}
	n, err := addSessionScript.Run(ctx, r.client, r.sessionKeys(s.UserID, s.ID), r.sessionArgs(s.UserID, s.ID, sessionScore(s), sessionFields(s)...)...).Int()
	if err != nil {
		if erasingReply(err) {
			r.unnote(ctx, []string{r.sessionKey(s.UserID, s.ID)}, others(s.UserID, s.WithID, s.LoggedBy)...)
		}
		return writeFailed("adding session", err)
	}
	if n == 0 {
		return fmt.Errorf("adding session %s: %w", s.ID, ErrExists)
	}
	return nil
}

// UpdateSession replaces a session that exists, as for a confirmation; it
// returns ErrNotFound when there is none.
func (r *Redis) UpdateSession(ctx context.Context, s supervision.Session) error {
	if err := checkSession(s); err != nil {
		return err
	}
	if err := r.note(ctx, "updating session", []string{r.sessionKey(s.UserID, s.ID)}, others(s.UserID, s.WithID, s.LoggedBy, s.AnsweredBy)...); err != nil {
		return err
	}
	n, err := replaceSessionScript.Run(ctx, r.client, r.sessionKeys(s.UserID, s.ID), r.sessionArgs(s.UserID, s.ID, sessionScore(s), sessionFields(s)...)...).Int()
	if err != nil {
		if erasingReply(err) {
			r.unnote(ctx, []string{r.sessionKey(s.UserID, s.ID)}, others(s.UserID, s.WithID, s.LoggedBy, s.AnsweredBy)...)
		}
		return writeFailed("updating session", err)
	}
	if n == 0 {
		return fmt.Errorf("updating session %s: %w", s.ID, ErrNotFound)
	}
	return nil
}

// DeleteSession removes a session and its place in the list and the
// index, atomically, remembers for UndoneTTL that it was taken back (see
// Undone), and reports false when there was none.
func (r *Redis) DeleteSession(ctx context.Context, userID, id string) (bool, error) {
	if err := checkID("user id", userID); err != nil {
		return false, err
	}
	if err := checkID("session id", id); err != nil {
		return false, nil
	}
	// The undone mark names who logged it: noted for them and the owner
	// first (names.go).
	by, err := r.client.HGet(ctx, r.sessionKey(userID, id), "by").Result()
	if err != nil && err != redis.Nil {
		return false, unavailable("reading session", err)
	}
	if err := r.note(ctx, "deleting session", []string{r.undoneKey(userID, id)}, userID, by); err != nil {
		return false, err
	}
	keys := append(r.sessionKeys(userID, id), r.undoneKey(userID, id))
	n, err := deleteSessionScript.Run(ctx, r.client, keys, r.sessionArgs(userID, id, 0, strconv.FormatInt(UndoneTTL.Milliseconds(), 10))...).Int()
	if err != nil {
		if erasingReply(err) {
			r.unnote(ctx, []string{r.undoneKey(userID, id)}, by)
		}
		return false, writeFailed("deleting session", err)
	}
	return n == 1, nil
}

// Session returns one session of a person's record, and false when there is
// none with that id. A stored session whose date does not parse is an
// error wrapping ErrCorrupt.
func (r *Redis) Session(ctx context.Context, userID, id string) (supervision.Session, bool, error) {
	if err := checkID("user id", userID); err != nil {
		return supervision.Session{}, false, err
	}
	h, err := r.client.HGetAll(ctx, r.sessionKey(userID, id)).Result()
	if err != nil {
		return supervision.Session{}, false, unavailable("reading session", err)
	}
	if len(h) == 0 {
		return supervision.Session{}, false, nil
	}
	s, err := parseSession(userID, id, h)
	if err != nil {
		return supervision.Session{}, false, err
	}
	return s, true, nil
}

// Sessions returns up to n of a person's sessions, newest first: by date,
// then by when they were logged. n <= 0 means all. A session that cannot be
// read back (see ErrCorrupt) is left out rather than hiding the rest.
func (r *Redis) Sessions(ctx context.Context, userID string, n int) ([]supervision.Session, error) {
	if err := checkID("user id", userID); err != nil {
		return nil, err
	}
	stop := int64(n) - 1
	if n <= 0 {
		stop = -1
	}
	ids, err := r.client.ZRevRange(ctx, r.sessionsKey(userID), 0, stop).Result()
	if err != nil {
		return nil, unavailable("listing sessions", err)
	}
	return r.sessionsByID(ctx, userID, ids)
}

// records reads the hashes of ids in one round trip.
func (r *Redis) records(ctx context.Context, ids []string, key func(id string) string) ([]map[string]string, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	cmds := make([]*redis.MapStringStringCmd, len(ids))
	_, err := r.client.Pipelined(ctx, func(pipe redis.Pipeliner) error {
		for i, id := range ids {
			cmds[i] = pipe.HGetAll(ctx, key(id))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]map[string]string, len(ids))
	for i, c := range cmds {
		out[i] = c.Val()
	}
	return out, nil
}

func parseSession(userID, id string, h map[string]string) (supervision.Session, error) {
	return sessionFrom(userID, id, &sessionParts{
		date: h["date"], zone: h["zone"], minutes: h["minutes"], typ: h["type"],
		with: h["with"], by: h["by"], at: h["at"], conf: h["conf"], ansby: h["ansby"], ansat: h["ansat"], why: h["why"],
	})
}

// sessionParts are the fields of a session hash that a Session is read
// from.
type sessionParts struct {
	date, zone, minutes, typ, with, by, at, conf, ansby, ansat, why string
}

// set keeps the value of one field; a field not read is ignored.
func (f *sessionParts) set(name, v string) {
	switch name {
	case "date":
		f.date = v
	case "zone":
		f.zone = v
	case "minutes":
		f.minutes = v
	case "type":
		f.typ = v
	case "with":
		f.with = v
	case "by":
		f.by = v
	case "at":
		f.at = v
	case "conf":
		f.conf = v
	case "ansby":
		f.ansby = v
	case "ansat":
		f.ansat = v
	case "why":
		f.why = v
	}
}

func sessionFrom(userID, id string, h *sessionParts) (supervision.Session, error) {
	date, err := parseDate(h.date, h.zone)
	if err != nil {
		return supervision.Session{}, fmt.Errorf("session %s: %w", id, err)
	}
	minutes, err := strconv.Atoi(h.minutes)
	if err != nil || minutes < 0 {
		minutes = 0
	}
	return supervision.Session{
		ID:            id,
		UserID:        userID,
		Date:          date,
		Type:          supervision.SessionType(h.typ),
		Minutes:       minutes,
		WithID:        h.with,
		LoggedBy:      h.by,
		LoggedAt:      parseTime(h.at),
		Confirmation:  supervision.Confirmation(h.conf),
		AnsweredBy:    h.ansby,
		AnsweredAt:    parseTime(h.ansat),
		DisputeReason: h.why,
	}, nil
}

// AddLeave records a stretch of leave in the person's record, atomically,
// and in the same step takes back the stretches it replaces (by id; one not
// there is passed over). l.ID must be set and new (ErrExists otherwise, and
// the replaced stretches are taken back all the same; the very same leave
// again is accepted), and To must not be before From (ErrInvalid). Both
// days are kept as calendar dates in From's location.
func (r *Redis) AddLeave(ctx context.Context, userID string, l supervision.Leave, replaces ...string) error {
	if err := checkID("user id", userID); err != nil {
		return err
	}
	if l.ID == "" || l.From.IsZero() || l.To.IsZero() || dayNumber(l.To.In(l.From.Location())) < dayNumber(l.From) {
		return fmt.Errorf("%w: leave %q from %s to %s", ErrInvalid, l.ID, l.From.Format(time.DateOnly), l.To.Format(time.DateOnly))
	}
	from, zone := formatDate(l.From)
	to := l.To.In(l.From.Location()).Format(time.DateOnly)
	fields := []string{"from", from, "to", to, "zone", zone}
	keys := []string{r.leaveKey(userID, l.ID), r.leavesKey(userID), r.summaryKey(userID)}
	var replaced []string
	for _, id := range replaces {
		if checkID("leave id", id) != nil {
			continue // no stretch has such an id
		}
		keys = append(keys, r.leaveKey(userID, id))
		replaced = append(replaced, id, "l:"+id)
	}
	if err := r.enlist(ctx, "adding leave", userID); err != nil {
		return err
	}
	n, err := addRecordScript.Run(ctx, r.client, keys, scriptArgs(l.ID, dayNumber(l.From), fields, "l:"+l.ID, leaveSummary(l), replaced...)...).Int()
	if err != nil {
		return writeFailed("adding leave", err)
	}
	if n == 0 {
		return fmt.Errorf("adding leave %s: %w", l.ID, ErrExists)
	}
	return nil
}

// removeRecordScript deletes a record hash, its id from the person's
// sorted set and its field of the summary, and answers 1 when the record
// was there. Taking a record away is safe while an erasure runs, so it has
// no guard.
//
// KEYS[1] record hash, KEYS[2] sorted set, KEYS[3] summary; ARGV[1] id,
// ARGV[2] the summary's field.
var removeRecordScript = redis.NewScript(`
local n = redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[2])
return n
`)

// RemoveLeave takes back a stretch of leave; it reports false when there
// was none with that id. Sent again after a lost reply, it finishes the
// work and reports false.
func (r *Redis) RemoveLeave(ctx context.Context, userID, id string) (bool, error) {
	if err := checkID("user id", userID); err != nil {
		return false, err
	}
	if err := checkID("leave id", id); err != nil {
		return false, nil
	}
	keys := []string{r.leaveKey(userID, id), r.leavesKey(userID), r.summaryKey(userID)}
	n, err := removeRecordScript.Run(ctx, r.client, keys, id, "l:"+id).Int()
	if err != nil {
		return false, writeFailed("removing leave", err)
	}
	return n == 1, nil
}

// Leaves returns a person's leave, earliest first. Leave that cannot be read
// back is left out.
func (r *Redis) Leaves(ctx context.Context, userID string) ([]supervision.Leave, error) {
	if err := checkID("user id", userID); err != nil {
		return nil, err
	}
	ids, err := r.client.ZRange(ctx, r.leavesKey(userID), 0, -1).Result()
	if err != nil {
		return nil, unavailable("listing leave", err)
	}
	records, err := r.records(ctx, ids, func(id string) string { return r.leaveKey(userID, id) })
	if err != nil {
		return nil, unavailable("reading leave", err)
	}
	out := make([]supervision.Leave, 0, len(ids))
	for i, h := range records {
		if l, ok := parseLeave(ids[i], h); ok {
			out = append(out, l)
		}
	}
	return out, nil
}

// parseLeave reads a stored stretch of leave; false when it cannot.
func parseLeave(id string, h map[string]string) (supervision.Leave, bool) {
	from, err1 := parseDate(h["from"], h["zone"])
	to, err2 := parseDate(h["to"], h["zone"])
	if err1 != nil || err2 != nil {
		return supervision.Leave{}, false
	}
	return supervision.Leave{ID: id, From: from, To: to}, true
}
