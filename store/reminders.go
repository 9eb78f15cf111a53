package store

import (
	"context"
	"fmt"
	"hash/crc32"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/peerbot/peerbot/internal/queue"
)

// DefaultReminderShards is how many shards the reminder queue has when
// REMINDER_SHARDS is not set.
const DefaultReminderShards = 8

// Reminders is the reminder engine's queue (the engine's Queue, in package scheduler) on Redis:
// items sharded over sorted sets by due time, claimed with a lease by Lua
// scripts that each touch one shard's keys only (one hash tag). It is safe
// for concurrent use, by many replicas.
type Reminders struct {
	r      *Redis
	shards int
}

// Reminders returns the reminder queue with n shards (DefaultReminderShards
// when n < 1). Every replica must use the same n: an item lives in the
// shard its id hashes to.
func (r *Redis) Reminders(n int) *Reminders {
	if n < 1 {
		n = DefaultReminderShards
	}
	q := &Reminders{r: r, shards: n}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	_ = q.loadFinish(ctx) // Finish loads it again if this fails
	return q
}

// Shards is the number of shards.
func (q *Reminders) Shards() int { return q.shards }

func (q *Reminders) shardOf(id string) int {
	return int(crc32.ChecksumIEEE([]byte(id)) % uint32(q.shards))
}

// base is the start of every key of a shard: peerbot:rem:{r3}:
func (q *Reminders) base(shard int) string { return q.r.key("rem", tag("r"+strconv.Itoa(shard))) + ":" }

type shardKeys struct{ base, due, fly, failed string }

func (q *Reminders) keys(shard int) shardKeys {
	b := q.base(shard)
	return shardKeys{base: b, due: b + "due", fly: b + "fly", failed: b + "failed"}
}

func (k shardKeys) item(id string) string       { return k.base + "item:" + id }
func (k shardKeys) ownerPrefix() string         { return k.base + "own:" }
func (k shardKeys) itemPrefix() string          { return k.base + "item:" }
func (q *Reminders) keysOf(id string) shardKeys { return q.keys(q.shardOf(id)) }

func ms(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}

func fromMS(s string) time.Time {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n == 0 {
		return time.Time{}
	}
	return time.UnixMilli(n).UTC()
}

func flag(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

func (q *Reminders) fail(what string, err error) error {
	return fmt.Errorf("%s: %w: %w", what, ErrUnavailable, err)
}

// putScript writes an item's definition, keeping its send-started mark so a
// replaced item still knows which occurrence went out. An item in flight
// stays there; its claim's finish puts the new definition in the due set.
var putScript = redis.NewScript(`
local item = KEYS[3]
local old = redis.call('HGET', item, 'o')
if old and old ~= '' and old ~= ARGV[4] then redis.call('HDEL', ARGV[2] .. old, ARGV[1]) end
redis.call('HSET', item, 'k', ARGV[3], 'o', ARGV[4], 'to', ARGV[5], 'due', ARGV[6])
local opt = {spec = ARGV[7], tz = ARGV[8], p = ARGV[9], pz = ARGV[10], snz = ARGV[11]}
for f, v in pairs(opt) do
  if v == '' or v == '0' then redis.call('HDEL', item, f) else redis.call('HSET', item, f, v) end
end
redis.call('HDEL', item, 'f', 'x', 'a', 'gone')
redis.call('PERSIST', item)
local v = redis.call('HINCRBY', item, 'v', 1)
if ARGV[4] ~= '' then redis.call('HSET', ARGV[2] .. ARGV[4], ARGV[1], '') end
if redis.call('ZSCORE', KEYS[2], ARGV[1]) then return v end
if ARGV[10] == '1' then redis.call('ZREM', KEYS[1], ARGV[1]) else redis.call('ZADD', KEYS[1], ARGV[6], ARGV[1]) end
return v
`)

// Put creates or replaces an item and returns its new version.
func (q *Reminders) Put(ctx context.Context, it queue.Item) (int64, error) {
	k := q.keysOf(it.ID)
	if err := q.r.note(ctx, "saving a reminder", []string{k.item(it.ID)}, itemPeople(it.ID, it.Owner, it.To, it.Payload)...); err != nil {
		return 0, err
	}
	v, err := putScript.Run(ctx, q.r.client, []string{k.due, k.fly, k.item(it.ID)},
		it.ID, k.ownerPrefix(), it.Kind, it.Owner, it.To, ms(it.Due), it.Spec, it.Zone, it.Payload,
		flag(it.Paused), flag(it.Snoozed)).Int64()
	if err != nil {
		return 0, q.fail("saving a reminder", err)
	}
	return v, nil
}

// Get returns an item.
func (q *Reminders) Get(ctx context.Context, id string) (queue.Item, bool, error) {
	h, err := q.r.client.HGetAll(ctx, q.keysOf(id).item(id)).Result()
	if err != nil {
		return queue.Item{}, false, q.fail("reading a reminder", err)
	}
	if len(h) == 0 || h["gone"] == "1" {
		return queue.Item{}, false, nil
	}
	return itemOf(id, h), true, nil
}

func itemOf(id string, h map[string]string) queue.Item {
	v, _ := strconv.ParseInt(h["v"], 10, 64)
	a, _ := strconv.Atoi(h["a"])
	return queue.Item{
		ID: id, Kind: h["k"], Owner: h["o"], To: h["to"], Due: fromMS(h["due"]), Spec: h["spec"], Zone: h["tz"],
		Payload: []byte(h["p"]), Paused: h["pz"] == "1", Snoozed: h["snz"] == "1",
		Version: v, Attempts: a, Failure: h["f"], Stopped: h["x"] == "1",
	}
}

// deleteScript removes an item. When a send of it had started, a
// tombstone keeps the send-started mark for a while (ARGV[3] ms), so the
// same id scheduled again at once still knows that occurrence may be out.
var deleteScript = redis.NewScript(`
local item = KEYS[3]
local owner = redis.call('HGET', item, 'o')
if owner and owner ~= '' then redis.call('HDEL', ARGV[2] .. owner, ARGV[1]) end
local existed = redis.call('EXISTS', item) == 1 and redis.call('HGET', item, 'gone') ~= '1'
local st, sat = redis.call('HGET', item, 'st'), redis.call('HGET', item, 'sat')
redis.call('DEL', item)
if st and sat then
  redis.call('HSET', item, 'st', st, 'sat', sat, 'gone', '1')
  redis.call('PEXPIRE', item, ARGV[3])
end
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[1])
if existed then return 1 end
return 0
`)

// tombstoneTTL is how long a deleted item's send-started mark is kept:
// well over any lease.
const tombstoneTTL = time.Hour

// Delete removes an item, in flight or not.
func (q *Reminders) Delete(ctx context.Context, id string) (bool, error) {
	k := q.keysOf(id)
	n, err := deleteScript.Run(ctx, q.r.client, []string{k.due, k.fly, k.item(id)}, id, k.ownerPrefix(), tombstoneTTL.Milliseconds()).Int()
	if err != nil {
		return false, q.fail("deleting a reminder", err)
	}
	return n == 1, nil
}

// List returns the items owner owns, from every shard.
func (q *Reminders) List(ctx context.Context, owner string) ([]queue.Item, error) {
	if owner == "" {
		return nil, nil
	}
	pipe := q.r.client.Pipeline()
	sets := make([]*redis.StringSliceCmd, q.shards)
	for s := range q.shards {
		sets[s] = pipe.HKeys(ctx, q.keys(s).ownerPrefix()+owner)
	}
	if _, err := pipe.Exec(ctx); err != nil {
		return nil, q.fail("listing reminders", err)
	}
	var items []queue.Item
	for s, cmd := range sets {
		k := q.keys(s)
		for _, id := range cmd.Val() {
			h, err := q.r.client.HGetAll(ctx, k.item(id)).Result()
			if err != nil {
				return nil, q.fail("listing reminders", err)
			}
			if len(h) > 0 && h["gone"] != "1" {
				items = append(items, itemOf(id, h))
			}
		}
	}
	return items, nil
}

var pauseScript = redis.NewScript(`
if redis.call('EXISTS', KEYS[3]) == 0 or redis.call('HGET', KEYS[3], 'gone') == '1' then return 0 end
if ARGV[2] == '1' then
  redis.call('HSET', KEYS[3], 'pz', '1')
  redis.call('ZREM', KEYS[1], ARGV[1])
  return 1
end
redis.call('HSET', KEYS[3], 'pz', '0', 'due', ARGV[3])
redis.call('HDEL', KEYS[3], 'x')
if not redis.call('ZSCORE', KEYS[2], ARGV[1]) then redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1]) end
return 1
`)

// SetPaused pauses or resumes an item.
func (q *Reminders) SetPaused(ctx context.Context, id string, paused bool, due time.Time) (bool, error) {
	k := q.keysOf(id)
	n, err := pauseScript.Run(ctx, q.r.client, []string{k.due, k.fly, k.item(id)}, id, flag(paused), ms(due)).Int()
	if err != nil {
		return false, q.fail("pausing a reminder", err)
	}
	return n == 1, nil
}

// claimScript takes, first, items whose lease ran out, then due items, up
// to n, leasing each under a token of its own and marking its occurrence
// send-started (keeping the first time; the reply carries the hash as it
// was before, so the caller sees whether a send had started). Run twice (a lost reply),
// the first run's claims wait out their lease and are taken again then:
// late, never lost or doubled.
var claimScript2 = redis.NewScript(`
local now, n = tonumber(ARGV[1]), tonumber(ARGV[3])
local lease = now + tonumber(ARGV[2])
local out, i = {}, 0
local function take(id)
  local key = ARGV[5] .. id
  local h = redis.call('HGETALL', key)
  if #h == 0 then
    redis.call('ZREM', KEYS[1], id)
    redis.call('ZREM', KEYS[2], id)
    return
  end
  local hm = {}
  for j = 1, #h, 2 do hm[h[j]] = h[j + 1] end
  if hm['pz'] == '1' or hm['x'] == '1' or hm['gone'] == '1' then
    redis.call('ZREM', KEYS[1], id)
    redis.call('ZREM', KEYS[2], id)
    redis.call('HDEL', key, 'tok')
    return
  end
  i = i + 1
  local tok = ARGV[4] .. '.' .. i
  redis.call('HSET', key, 'tok', tok)
  if hm['st'] ~= hm['due'] then redis.call('HSET', key, 'st', hm['due'], 'sat', ARGV[1]) end
  redis.call('ZREM', KEYS[1], id)
  redis.call('ZADD', KEYS[2], lease, id)
  out[#out + 1] = {id, tok, h}
end
for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, n)) do take(id) end
if i < n then
  for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, n - i)) do take(id) end
end
return out
`)

// Claim leases up to n items of shard whose time has come.
func (q *Reminders) Claim(ctx context.Context, shard int, now time.Time, lease time.Duration, n int) ([]queue.Claim, error) {
	k := q.keys(shard)
	res, err := claimScript2.Run(ctx, q.r.client, []string{k.due, k.fly},
		ms(now), lease.Milliseconds(), n, token(), k.itemPrefix()).Slice()
	if err != nil {
		return nil, q.fail("claiming reminders", err)
	}
	claims := make([]queue.Claim, 0, len(res))
	for _, r := range res {
		row, ok := r.([]any)
		if !ok || len(row) != 3 {
			continue
		}
		id, _ := row[0].(string)
		tok, _ := row[1].(string)
		flat, _ := row[2].([]any)
		h := make(map[string]string, len(flat)/2)
		for j := 0; j+1 < len(flat); j += 2 {
			key, _ := flat[j].(string)
			val, _ := flat[j+1].(string)
			h[key] = val
		}
		c := queue.Claim{Item: itemOf(id, h), Token: tok}
		if st := h["st"]; st != "" && st == h["due"] {
			c.Started, c.StartedAt = true, fromMS(h["sat"])
		}
		claims = append(claims, c)
	}
	return claims, nil
}

// finishScript ends a claim. ARGV: id, token, version, next, retry,
// counted, unsent, failure, stop, now, owner prefix. It returns 0 when the
// claim is no longer held (nothing changes, so a repeat is harmless), 2
// when the item was replaced in flight (its new form goes back in the due
// set), 1 otherwise.
var finishScript = redis.NewScript(`
local item, id = KEYS[3], ARGV[1]
if redis.call('HGET', item, 'tok') ~= ARGV[2] then return 0 end
redis.call('ZREM', KEYS[2], id)
redis.call('HDEL', item, 'tok')
local now, failure = tonumber(ARGV[10]), ARGV[8]
local paused = redis.call('HGET', item, 'pz') == '1'
if redis.call('HGET', item, 'v') ~= ARGV[3] then
  if not paused then redis.call('ZADD', KEYS[1], redis.call('HGET', item, 'due'), id) end
  return 2
end
if ARGV[5] ~= '0' then
  if ARGV[6] == '1' then redis.call('HINCRBY', item, 'a', 1) end
  if ARGV[7] == '1' then redis.call('HDEL', item, 'st', 'sat') end
  if failure ~= '' then redis.call('HSET', item, 'f', failure) end
  if not paused then redis.call('ZADD', KEYS[1], ARGV[5], id) end
  return 1
end
if failure ~= '' then
  local h = redis.call('HMGET', item, 'k', 'to')
  redis.call('ZADD', KEYS[4], now, id .. '\t' .. (h[1] or '') .. '\t' .. (h[2] or '') .. '\t' .. failure)
  redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', now - 90 * 86400000)
end
if ARGV[9] == '1' then
  redis.call('HSET', item, 'x', '1', 'f', failure)
  return 1
end
if ARGV[4] == '0' then
  local owner = redis.call('HGET', item, 'o')
  if owner and owner ~= '' then redis.call('HDEL', ARGV[11] .. owner, id) end
  redis.call('DEL', item)
  return 1
end
redis.call('HSET', item, 'due', ARGV[4])
redis.call('HDEL', item, 'a', 'snz')
if failure == '' then redis.call('HDEL', item, 'f') else redis.call('HSET', item, 'f', failure) end
if not paused then redis.call('ZADD', KEYS[1], ARGV[4], id) end
return 1
`)

// Finish ends claims, in one pipeline.
func (q *Reminders) Finish(ctx context.Context, now time.Time, done ...queue.Done) ([]bool, error) {
	if len(done) == 0 {
		return nil, nil
	}
	run := func() ([]*redis.Cmd, error) {
		pipe := q.r.client.Pipeline()
		cmds := make([]*redis.Cmd, len(done))
		for i, d := range done {
			c, f := d.Claim, d.Finish
			k := q.keysOf(c.ID)
			cmds[i] = finishScript.EvalSha(ctx, pipe, []string{k.due, k.fly, k.item(c.ID), k.failed},
				c.ID, c.Token, c.Version, ms(f.Next), ms(f.RetryAt), flag(f.Counted), flag(f.Unsent),
				oneLine(f.Failure), flag(f.Stop), ms(now), k.ownerPrefix())
		}
		_, err := pipe.Exec(ctx)
		return cmds, err
	}
	cmds, err := run()
	if err != nil && redis.HasErrorPrefix(err, "NOSCRIPT") {
		// Redis restarted and forgot the script: load it and go again
		// (each finish is safe to repeat).
		if err = q.loadFinish(ctx); err == nil {
			cmds, err = run()
		}
	}
	if err != nil {
		return nil, q.fail("recording reminders' outcomes", err)
	}
	held := make([]bool, len(cmds))
	for i, c := range cmds {
		n, _ := c.Int()
		held[i] = n != 0
	}
	return held, nil
}

// loadFinish loads the finish script on every node that may run it.
func (q *Reminders) loadFinish(ctx context.Context) error {
	if cc, ok := q.r.client.(*redis.ClusterClient); ok {
		return cc.ForEachShard(ctx, func(ctx context.Context, c *redis.Client) error {
			return finishScript.Load(ctx, c).Err()
		})
	}
	return finishScript.Load(ctx, q.r.client).Err()
}

// oneLine keeps a failure reason to one short line without tabs, as it is
// stored tab-separated.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 300 {
		s = s[:300]
	}
	return s
}

// Failures returns the failures recorded since, from every shard.
func (q *Reminders) Failures(ctx context.Context, since time.Time) ([]queue.FailureRecord, error) {
	var out []queue.FailureRecord
	for s := range q.shards {
		zs, err := q.r.client.ZRangeByScoreWithScores(ctx, q.keys(s).failed, &redis.ZRangeBy{Min: strconv.FormatInt(ms(since), 10), Max: "+inf"}).Result()
		if err != nil {
			return nil, q.fail("reading failed reminders", err)
		}
		for _, z := range zs {
			m, _ := z.Member.(string)
			p := strings.SplitN(m, "\t", 4)
			if len(p) != 4 {
				continue
			}
			out = append(out, queue.FailureRecord{ID: p[0], Kind: p[1], To: p[2], Reason: p[3], At: time.UnixMilli(int64(z.Score)).UTC()})
		}
	}
	return out, nil
}

// Depth returns how many items of shard wait and how many are in flight.
func (q *Reminders) Depth(ctx context.Context, shard int) (int64, int64, error) {
	k := q.keys(shard)
	pipe := q.r.client.Pipeline()
	w, f := pipe.ZCard(ctx, k.due), pipe.ZCard(ctx, k.fly)
	if _, err := pipe.Exec(ctx); err != nil {
		return 0, 0, q.fail("counting reminders", err)
	}
	return w.Val(), f.Val(), nil
}
