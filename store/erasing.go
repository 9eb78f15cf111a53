package store

import (
	"context"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/peerbot/peerbot/internal/outcome"
)

// An erasure (Rights.Erase) reaches into many slots, so it cannot be one
// script. A write racing it could otherwise leave a trace of the person
// behind: a session logged, a reminder planned, a vote. So an erasure
// first sets a marker under the person's own tag,
//
//	peerbot:sup:{<user>}:erasing         string, the erasure's token; TTL
//	                                     ErasingTTL, so a crashed erasure
//	                                     cannot lock the person out
//
// holds it while it runs (twice over: the second pass is the final sweep)
// and lifts it when done. While it is there:
//
//   - every script that writes under the person's tag (sessions, leave,
//     the summary, the cached zone) checks it in the same run and refuses
//     (erasingGuardLua); SaveProfile WATCHes it. This is atomic: no write
//     to the person's own record can land once the marker is set;
//   - writes that name the person in a key of another slot (a session
//     in a supervisee's record naming them, a supervisee's profile naming
//     them as supervisor, a reminder for them, a vote, a held question)
//     first add that key to the person's names index (names.go), in a
//     script under the person's tag that checks the marker in the same
//     run. Under Cluster rules one script holds one tag, so this step and
//     the write itself are two: a write whose key was noted just before
//     the marker was set, and that lands after the final sweep, is the one
//     case left; it would need the write to stall for the whole erasure.
//
// Refused writes return ErrErasing. An erasure that crashed is finished by
// running it again: every step is idempotent.

// ErrErasing is outcome.ErrErasing.
var ErrErasing = outcome.ErrErasing

// ErasingTTL bounds how long an erasure's marker holds writes off. An
// erasure of a large network takes seconds; the marker outlives a crashed
// one by at most this.
const ErasingTTL = 10 * time.Minute

func (r *Redis) erasingKey(userID string) string { return r.supKey(userID, "erasing") }

// erasingGuardLua starts a script that writes under one person's tag: it
// stops the script, changing nothing, when that person's erasure marker is
// set. The marker's key is built from KEYS[1]'s prefix and tag
// ("peerbot:sup:{U1}:..." or "peerbot:tz:{U1}" gives
// "peerbot:sup:{U1}:erasing"), so it is in the same slot.
const erasingGuardLua = `
do
  local pre, t = string.match(KEYS[1], '^(.-)[%a]+:({[^}]*})')
  if t and redis.call('EXISTS', pre .. 'sup:' .. t .. ':erasing') == 1 then
    return redis.error_reply('ERASING the record is being erased')
  end
end
`

// erasingReply reports whether err is a guarded script's refusal.
func erasingReply(err error) bool { return err != nil && redis.HasErrorPrefix(err, "ERASING") }

// liftScript deletes the marker if it still holds this erasure's token.
var liftScript = redis.NewScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`)

// markErasing sets the person's marker and returns its token.
func (r *Redis) markErasing(ctx context.Context, userID string) (string, error) {
	tok := token()
	if err := r.client.Set(ctx, r.erasingKey(userID), tok, ErasingTTL).Err(); err != nil {
		return "", unavailable("marking an erasure", err)
	}
	return tok, nil
}

// liftErasing takes the marker away, unless another erasure of the same
// person has set its own since.
func (r *Redis) liftErasing(ctx context.Context, userID, tok string) error {
	if err := liftScript.Run(ctx, r.client, []string{r.erasingKey(userID)}, tok).Err(); err != nil {
		return unavailable("ending an erasure", err)
	}
	return nil
}

// zoneScript caches a zone unless the person is being erased.
var zoneScript = redis.NewScript(erasingGuardLua + `
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1
`)

// others returns the ids in ids other than owner: the people a write names
// besides the person whose record it is in.
func others(owner string, ids ...string) []string {
	var out []string
	for _, id := range ids {
		if id != "" && id != owner {
			out = append(out, id)
		}
	}
	return out
}
