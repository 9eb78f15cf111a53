package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/peerbot/peerbot/internal/outcome"
	"github.com/peerbot/peerbot/supervision"
	"github.com/redis/go-redis/v9"
)

// A person's sessions are indexed so that their status reads only what it
// needs, however many years of sessions they have. These keys sit under the
// person's tag with the rest of their record, and every script that writes
// a session keeps them in step in the same run:
//
//	peerbot:sup:{<user>}:bytype:<type>   sorted set of the ids of sessions of
//	                                     that type not disputed; score as in
//	                                     sessions
//	peerbot:sup:{<user>}:awaiting        set of the ids of sessions awaiting
//	                                     confirmation
//	peerbot:sup:{<user>}:summary         hash: what a status is worked out
//	                                     from, so one read serves it:
//	                                     t:<type> "<id> <score>" of the newest
//	                                     of that type not disputed, awaiting
//	                                     (count), l:<leave id> "<from> <to>
//	                                     <zone>", v "1" once it covers the
//	                                     whole record (records from before it
//	                                     are summarised on first read)
//	peerbot:sup:{<user>}:latest          hash: <type> "<id> <score> <fields>",
//	                                     the summary's newest session of that
//	                                     type in full, its hash's fields and
//	                                     values each as <length>:<bytes>, so a
//	                                     person's own status needs no read of
//	                                     the sessions; kept with the summary,
//	                                     and trusted only where it names the
//	                                     summary's t:<type> (older records
//	                                     have none, and get it on first read)
//	peerbot:sup:{<user>}:undone:<id>     string, who took the session back;
//	                                     TTL UndoneTTL, so a late Confirm
//	                                     can say why it is gone

// ErrUnknown wraps the error of a write whose outcome is not known: the
// command was sent and no answer came (a timeout, a dropped connection). It
// is outcome.ErrUnknown. The write may have happened: say so, never "nothing
// was changed".
var ErrUnknown = outcome.ErrUnknown

// UndoneTTL is how long the store remembers that a session was taken back.
const UndoneTTL = 90 * 24 * time.Hour

func (r *Redis) byTypeKey(userID string, t supervision.SessionType) string {
	return r.supKey(userID, "bytype:"+string(t))
}
func (r *Redis) awaitingKey(userID string) string { return r.supKey(userID, "awaiting") }
func (r *Redis) summaryKey(userID string) string  { return r.supKey(userID, "summary") }
func (r *Redis) latestKey(userID string) string   { return r.supKey(userID, "latest") }
func (r *Redis) undoneKey(userID, id string) string {
	return r.supKey(userID, "undone:"+id)
}

// sessionKeys are the KEYS of every session-writing script: the session,
// the list, the awaiting set, one by-type set per session type, the
// summary and the latest sessions.
func (r *Redis) sessionKeys(userID, id string) []string {
	keys := []string{r.sessionKey(userID, id), r.sessionsKey(userID), r.awaitingKey(userID)}
	for _, t := range supervision.SessionTypes {
		keys = append(keys, r.byTypeKey(userID, t))
	}
	return append(keys, r.summaryKey(userID), r.latestKey(userID))
}

// sessionArgs lays out the ARGV of the session scripts: id, score, the
// number of types and the types (in sessionKeys' order), the prefix of
// the person's session keys, then the rest.
func (r *Redis) sessionArgs(userID, id string, score int64, rest ...string) []any {
	args := []any{id, strconv.FormatInt(score, 10), len(supervision.SessionTypes)}
	for _, t := range supervision.SessionTypes {
		args = append(args, string(t))
	}
	args = append(args, r.sessionKey(userID, ""))
	for _, s := range rest {
		args = append(args, s)
	}
	return args
}

// summariseLua defines summarise(aw, first, tfirst, n, summary, latest,
// prefix): it writes the summary's t:<type> fields from the newest of each
// by-type set (KEYS[first...first+n-1], types ARGV[tfirst...]), the same
// sessions in full into latest (their hashes are prefix .. id, under the
// same tag), and the awaiting count of the set aw.
const summariseLua = `
local function flat(key)
  local h = redis.call('HGETALL', key)
  for i = 1, #h do h[i] = #h[i] .. ':' .. h[i] end
  return table.concat(h)
end
local function summarise(aw, first, tfirst, n, summary, latest, prefix)
  for i = 0, n - 1 do
    local set, t = KEYS[first + i], ARGV[tfirst + i]
    local top = redis.call('ZREVRANGE', set, 0, 0, 'WITHSCORES')
    if top[1] then
      local v = top[1] .. ' ' .. string.format('%.0f', tonumber(top[2]))
      redis.call('HSET', summary, 't:' .. t, v)
      redis.call('HSET', latest, t, v .. ' ' .. flat(prefix .. top[1]))
    else
      redis.call('HDEL', summary, 't:' .. t)
      redis.call('HDEL', latest, t)
    end
  end
  redis.call('HSET', summary, 'awaiting', redis.call('SCARD', aw))
end
`

// reindexLua is the start of every session script: reindex() puts the
// session ARGV[1] in the by-type and awaiting sets as its hash (KEYS[1])
// and its score in the list (KEYS[2]) now say, or takes it out of them when
// it is gone, and brings the summary (KEYS[4 + n]) and the latest sessions
// (KEYS[5 + n]) up to date. rest is the first ARGV after the types and the
// session key prefix.
const reindexLua = summariseLua + `
local id, n = ARGV[1], tonumber(ARGV[3])
local rest = 5 + n
local function reindex()
  for i = 1, n do redis.call('ZREM', KEYS[3 + i], id) end
  redis.call('SREM', KEYS[3], id)
  local score = redis.call('ZSCORE', KEYS[2], id)
  if score and redis.call('EXISTS', KEYS[1]) == 1 then
    local f = redis.call('HMGET', KEYS[1], 'type', 'conf')
    if f[2] == 'awaiting' then redis.call('SADD', KEYS[3], id) end
    if f[2] ~= 'disputed' then
      for i = 1, n do
        if ARGV[3 + i] == f[1] then redis.call('ZADD', KEYS[3 + i], score, id) end
      end
    end
  end
  summarise(KEYS[3], 4, 4, n, KEYS[4 + n], KEYS[5 + n], ARGV[4 + n])
end
`

// addSessionScript writes a session unless one with its id is there: the
// very same fields again (a retry after a lost reply) answer 1, as the
// first run did; other fields answer 0 and change nothing.
var addSessionScript = redis.NewScript(erasingGuardLua + reindexLua + `
if redis.call('EXISTS', KEYS[1]) == 1 then
  if redis.call('HLEN', KEYS[1]) ~= (#ARGV - rest + 1) / 2 then return 0 end
  for i = rest, #ARGV, 2 do
    if redis.call('HGET', KEYS[1], ARGV[i]) ~= ARGV[i + 1] then return 0 end
  end
  return 1
end
redis.call('HSET', KEYS[1], unpack(ARGV, rest))
redis.call('ZADD', KEYS[2], ARGV[2], id)
reindex()
return 1
`)

// replaceSessionScript replaces a session that exists; 0 when none.
var replaceSessionScript = redis.NewScript(erasingGuardLua + reindexLua + `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], unpack(ARGV, rest))
redis.call('ZADD', KEYS[2], ARGV[2], id)
reindex()
return 1
`)

// deleteSessionScript removes a session and remembers that it was taken
// back, and who had logged it (KEYS[6 + n], TTL ARGV[rest] ms); 1 when it
// was there.
var deleteSessionScript = redis.NewScript(erasingGuardLua + reindexLua + `
local by = redis.call('HGET', KEYS[1], 'by') or ''
local gone = redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], id)
reindex()
if gone == 1 then redis.call('SET', KEYS[6 + n], by, 'PX', ARGV[rest]) end
return gone
`)

// answerSessionScript is a compare-and-set of a session's confirmation:
// from ARGV[rest] to ARGV[rest + 1], by ARGV[rest + 2] at ARGV[rest + 3],
// with the reason ARGV[rest + 4] when there is one.
// It answers {0, ”} when the session is gone, {1, state} when it was not
// in the expected state (and changes nothing), {2, new state} when it set
// it.
var answerSessionScript = redis.NewScript(erasingGuardLua + reindexLua + `
if redis.call('EXISTS', KEYS[1]) == 0 then return {0, ''} end
local c = redis.call('HGET', KEYS[1], 'conf') or ''
if c ~= ARGV[rest] then return {1, c} end
redis.call('HSET', KEYS[1], 'conf', ARGV[rest + 1], 'ansby', ARGV[rest + 2], 'ansat', ARGV[rest + 3])
if ARGV[rest + 4] ~= '' then redis.call('HSET', KEYS[1], 'why', ARGV[rest + 4]) end
reindex()
return {2, ARGV[rest + 1]}
`)

// indexSessionsScript indexes and summarises a record written before the
// index: KEYS[1] the list, KEYS[2] awaiting, KEYS[3...2+n] the by-type
// sets, KEYS[3+n] the summary, KEYS[4+n] the latest sessions, then the
// hashes of the ids in ARGV[rest...]. Each is indexed from what its hash
// says now, so a session changed or taken back meanwhile comes out right;
// sessions written since are indexed by their own scripts.
var indexSessionsScript = redis.NewScript(erasingGuardLua + summariseLua + `
local n = tonumber(ARGV[3])
local rest = 5 + n
for j = rest, #ARGV do
  local id, hash = ARGV[j], KEYS[5 + n + (j - rest)]
  for i = 1, n do redis.call('ZREM', KEYS[2 + i], id) end
  redis.call('SREM', KEYS[2], id)
  local score = redis.call('ZSCORE', KEYS[1], id)
  if score and redis.call('EXISTS', hash) == 1 then
    local f = redis.call('HMGET', hash, 'type', 'conf')
    if f[2] == 'awaiting' then redis.call('SADD', KEYS[2], id) end
    if f[2] ~= 'disputed' then
      for i = 1, n do
        if ARGV[3 + i] == f[1] then redis.call('ZADD', KEYS[2 + i], score, id) end
      end
    end
  end
end
summarise(KEYS[2], 3, 4, n, KEYS[3 + n], KEYS[4 + n], ARGV[4 + n])
redis.call('HSET', KEYS[3 + n], 'v', '1')
return 1
`)

// resummariseScript writes a summarised record's summary and latest
// sessions again from its index, as every session script ends: for a
// record summarised before the latest sessions were kept, and after a
// session's hash was rewritten in place. KEYS[1] awaiting, KEYS[2...1+n]
// the by-type sets, KEYS[2+n] the summary, KEYS[3+n] the latest sessions.
// A record from before the index has empty sets and is summarised from
// nothing; it is still not marked (no v), so its first read indexes it. A
// record being erased is left alone.
var resummariseScript = redis.NewScript(erasingGuardLua + summariseLua + `
local n = tonumber(ARGV[3])
summarise(KEYS[1], 2, 4, n, KEYS[2 + n], KEYS[3 + n], ARGV[4 + n])
return 1
`)

// Resummarise writes a person's summary and latest sessions again from
// their index. Whatever rewrites a session's hash without the session
// scripts (erasure taking a person's id out of others' sessions) calls it
// for the record after, so the copies in latest say what the hashes now
// say.
func (r *Redis) Resummarise(ctx context.Context, userID string) error {
	if err := checkID("user id", userID); err != nil {
		return err
	}
	keys := []string{r.awaitingKey(userID)}
	for _, t := range supervision.SessionTypes {
		keys = append(keys, r.byTypeKey(userID, t))
	}
	keys = append(keys, r.summaryKey(userID), r.latestKey(userID))
	if err := resummariseScript.Run(ctx, r.client, keys, r.sessionArgs(userID, "", 0)...).Err(); err != nil {
		if erasingReply(err) {
			return nil // the record is going: nothing to summarise, and no copy may come back
		}
		return writeFailed("summarising sessions", err)
	}
	return nil
}

// writeFailed wraps the error of a write: ErrUnknown when the command may
// have reached Redis and its answer was lost, ErrUnavailable when it cannot
// have (no connection could be made, the client is closed).
func writeFailed(what string, err error) error {
	if erasingReply(err) { // see erasing.go
		return fmt.Errorf("%s: %w", what, ErrErasing)
	}
	if outcomeUnknown(err) {
		return fmt.Errorf("%s: %w: %w", what, ErrUnknown, err)
	}
	return unavailable(what, err)
}

// outcomeUnknown reports whether a failed command may have run: a
// timeout, a cancelled wait or a connection lost after the command went
// out. A failure to dial, a full pool or a closed client means nothing was
// sent.
func outcomeUnknown(err error) bool {
	var op *net.OpError
	switch {
	case errors.As(err, &op) && op.Op == "dial",
		errors.Is(err, redis.ErrClosed), errors.Is(err, redis.ErrPoolTimeout),
		errors.Is(err, syscall.ECONNREFUSED):
		return false
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled),
		errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF),
		errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE):
		return true
	}
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// AnswerSession sets a session's confirmation from want to to, atomically,
// as answered by who at at, with why (a dispute's reason; "" for none)
// kept with the session: two presses of Confirm make one change. It
// returns the session as it stands after the call and whether this call
// changed it; when the session was not in state from it is returned as it
// is, unchanged. A session that is not there is ErrNotFound, and undone
// then reports whether it was taken back (within UndoneTTL) rather than
// never there.
func (r *Redis) AnswerSession(ctx context.Context, userID, id string, from, to supervision.Confirmation, who, why string, at time.Time) (s supervision.Session, changed bool, err error) {
	if err := checkID("user id", userID); err != nil {
		return s, false, err
	}
	if err := checkID("session id", id); err != nil {
		return s, false, fmt.Errorf("%w: %w", ErrNotFound, err)
	}
	if who != userID {
		if err := r.note(ctx, "answering session", []string{r.sessionKey(userID, id)}, who); err != nil {
			return s, false, err
		}
	}
	res, err := answerSessionScript.Run(ctx, r.client, r.sessionKeys(userID, id),
		r.sessionArgs(userID, id, 0, string(from), string(to), who, formatTime(at), why)...).Slice()
	if err != nil {
		if erasingReply(err) && who != userID {
			r.unnote(ctx, []string{r.sessionKey(userID, id)}, who)
		}
		return s, false, writeFailed("answering session", err)
	}
	if len(res) != 2 {
		return s, false, fmt.Errorf("answering session %s: %w: reply %v", id, ErrCorrupt, res)
	}
	if code, _ := res[0].(int64); code == 0 {
		return s, false, fmt.Errorf("answering session %s: %w", id, ErrNotFound)
	}
	code, _ := res[0].(int64)
	s, ok, err := r.Session(ctx, userID, id)
	switch {
	case err != nil:
		return s, code == 2, err
	case !ok: // taken back just after the answer
		return s, code == 2, fmt.Errorf("answering session %s: %w", id, ErrNotFound)
	}
	return s, code == 2, nil
}

// Undone reports whether a session was taken back (within UndoneTTL), and
// who had logged it.
func (r *Redis) Undone(ctx context.Context, userID, id string) (string, bool, error) {
	if checkID("user id", userID) != nil || checkID("session id", id) != nil {
		return "", false, nil
	}
	who, err := r.client.Get(ctx, r.undoneKey(userID, id)).Result()
	if errors.Is(err, redis.Nil) {
		return "", false, nil
	}
	if err != nil {
		return "", false, unavailable("reading undone session", err)
	}
	return who, true, nil
}

// SessionsOn returns a person's sessions on one calendar date (date's own),
// newest first: what a second log of the same day is checked against.
func (r *Redis) SessionsOn(ctx context.Context, userID string, date time.Time) ([]supervision.Session, error) {
	if err := checkID("user id", userID); err != nil {
		return nil, err
	}
	d := dayNumber(date)
	ids, err := r.client.ZRevRangeByScore(ctx, r.sessionsKey(userID), &redis.ZRangeBy{
		Min: strconv.FormatInt(d*daySpan, 10), Max: "(" + strconv.FormatInt((d+1)*daySpan, 10),
	}).Result()
	if err != nil {
		return nil, unavailable("listing sessions", err)
	}
	return r.sessionsByID(ctx, userID, ids)
}

// sessionsByID reads sessions in ids' order, leaving out any that are gone
// or cannot be read.
func (r *Redis) sessionsByID(ctx context.Context, userID string, ids []string) ([]supervision.Session, error) {
	records, err := r.records(ctx, ids, func(id string) string { return r.sessionKey(userID, id) })
	if err != nil {
		return nil, unavailable("reading sessions", err)
	}
	out := make([]supervision.Session, 0, len(ids))
	for i, h := range records {
		if len(h) == 0 {
			continue
		}
		if s, err := parseSession(userID, ids[i], h); err == nil {
			out = append(out, s)
		}
	}
	return out, nil
}

// Summaries returns, for each of userIDs in order, what their status is
// worked out from (see supervision.Summary): the newest session of each type
// not disputed, the count awaiting confirmation, and their leave. The
// sessions are read from the index alone, so they carry their id, type,
// date (midnight UTC on the calendar date) and when they were logged, and
// nothing else: enough for every clock. It costs a handful of keys per
// person, in one or two round trips for them all, whatever the length of
// their records. A record from before the index is indexed first, once.
func (r *Redis) Summaries(ctx context.Context, userIDs []string) ([]supervision.Summary, error) {
	return r.summaries(ctx, userIDs, false)
}

// Summary is Summaries for one person, with each session read in full,
// for a reply that shows them.
func (r *Redis) Summary(ctx context.Context, userID string) (supervision.Summary, error) {
	sums, err := r.summaries(ctx, []string{userID}, true)
	if err != nil {
		return supervision.Summary{}, err
	}
	return sums[0], nil
}

func (r *Redis) summaries(ctx context.Context, userIDs []string, full bool) ([]supervision.Summary, error) {
	for _, id := range userIDs {
		if err := checkID("user id", id); err != nil {
			return nil, err
		}
	}
	hashes, err := r.records(ctx, userIDs, r.summaryKey)
	if err != nil {
		return nil, unavailable("reading status", err)
	}
	out := make([]supervision.Summary, len(userIDs))
	reads := 0
	for i, u := range userIDs {
		h := hashes[i]
		if h["v"] != "1" {
			if err := r.indexSessions(ctx, u); err != nil {
				return nil, err
			}
			if h, err = r.client.HGetAll(ctx, r.summaryKey(u)).Result(); err != nil {
				return nil, unavailable("reading status", err)
			}
		}
		out[i] = parseSummary(u, h)
		if full {
			reads += len(out[i].Latest)
		}
	}
	if reads == 0 {
		return out, nil
	}
	cmds := make([][]*redis.MapStringStringCmd, len(userIDs))
	_, err = r.client.Pipelined(ctx, func(pipe redis.Pipeliner) error {
		for i, sum := range out {
			for _, s := range sum.Latest {
				cmds[i] = append(cmds[i], pipe.HGetAll(ctx, r.sessionKey(userIDs[i], s.ID)))
			}
		}
		return nil
	})
	if err != nil {
		return nil, unavailable("reading sessions", err)
	}
	for i := range out {
		latest := out[i].Latest
		out[i].Latest = nil
		for j, c := range cmds[i] {
			if h := c.Val(); len(h) > 0 {
				if s, err := parseSession(userIDs[i], latest[j].ID, h); err == nil {
					out[i].Latest = append(out[i].Latest, s)
				}
			}
		}
	}
	return out, nil
}

// parseSummary reads a summary hash. Sessions carry what the index has:
// id, type, date (midnight UTC on the calendar date) and when logged.
func parseSummary(userID string, h map[string]string) supervision.Summary {
	sum := summaryFrom(userID, func(f string) string { return h[f] })
	for f, v := range h {
		sum.Leaves = appendLeave(sum.Leaves, f, v)
	}
	sortLeaves(sum.Leaves)
	return sum
}

// parseSummaryReply is parseSummary for a summary read raw.
func parseSummaryReply(userID string, h hashReply) supervision.Summary {
	sum := summaryFrom(userID, h.value)
	for i := 0; i+1 < len(h); i += 2 {
		sum.Leaves = appendLeave(sum.Leaves, h[i], h[i+1])
	}
	sortLeaves(sum.Leaves)
	return sum
}

// summaryFrom reads a summary's count awaiting and its newest session of
// each type, through h, which gives a field's value ("" for none).
func summaryFrom(userID string, h func(field string) string) supervision.Summary {
	sum := supervision.Summary{UserID: userID}
	sum.Awaiting, _ = strconv.Atoi(h("awaiting"))
	for _, t := range supervision.SessionTypes { // in a fixed order
		if s, ok := latestFromSummary(userID, t, h(typeField(t))); ok {
			sum.Latest = append(sum.Latest, s)
		}
	}
	return sum
}

// typeFields are the summary's fields of the newest session of each type,
// "t:<type>", in the order of supervision.SessionTypes: made once, not for
// every type of every status read.
var typeFields = func() []string {
	out := make([]string, len(supervision.SessionTypes))
	for i, t := range supervision.SessionTypes {
		out[i] = "t:" + string(t)
	}
	return out
}()

// typeField is the summary's field of the newest session of type t.
func typeField(t supervision.SessionType) string {
	for i, u := range supervision.SessionTypes {
		if u == t {
			return typeFields[i]
		}
	}
	return "t:" + string(t)
}

// appendLeave appends the stretch of leave a summary's field f holds, if
// it is one ("l:<id>") and can be read.
func appendLeave(leaves []supervision.Leave, f, v string) []supervision.Leave {
	if id, ok := strings.CutPrefix(f, "l:"); ok {
		if l, ok := leaveFromSummary(id, v); ok {
			leaves = append(leaves, l)
		}
	}
	return leaves
}

func sortLeaves(leaves []supervision.Leave) {
	slices.SortFunc(leaves, func(a, b supervision.Leave) int { return a.From.Compare(b.From) })
}

// indexSessions indexes and summarises a record written before the
// index: its sessions, then its leave.
func (r *Redis) indexSessions(ctx context.Context, userID string) error {
	ids, err := r.client.ZRange(ctx, r.sessionsKey(userID), 0, -1).Result()
	if err != nil {
		return unavailable("listing sessions", err)
	}
	leaves, err := r.Leaves(ctx, userID)
	if err != nil {
		return err
	}
	if len(leaves) > 0 {
		fields := make([]any, 0, 2*len(leaves))
		for _, l := range leaves {
			fields = append(fields, "l:"+l.ID, leaveSummary(l))
		}
		if err := r.client.HSet(ctx, r.summaryKey(userID), fields...).Err(); err != nil {
			return unavailable("summarising leave", err)
		}
	}
	keys := []string{r.sessionsKey(userID), r.awaitingKey(userID)}
	for _, t := range supervision.SessionTypes {
		keys = append(keys, r.byTypeKey(userID, t))
	}
	keys = append(keys, r.summaryKey(userID), r.latestKey(userID))
	for _, id := range ids {
		keys = append(keys, r.sessionKey(userID, id))
	}
	if err := indexSessionsScript.Run(ctx, r.client, keys, r.sessionArgs(userID, "", 0, ids...)...).Err(); err != nil {
		if erasingReply(err) {
			return fmt.Errorf("indexing sessions: %w", ErrErasing)
		}
		return unavailable("indexing sessions", err)
	}
	return nil
}

// leaveSummary is a stretch of leave as the summary keeps it: "<from> <to>
// <zone>".
func leaveSummary(l supervision.Leave) string {
	from, zone := formatDate(l.From)
	return from + " " + l.To.In(l.From.Location()).Format(time.DateOnly) + " " + zone
}
