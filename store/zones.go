package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"
)

func (r *Redis) zoneKey(userID string) string { return r.key("tz", tag(userID)) }

// CachedZone returns the time zone cached for a person, and false when none
// is cached or it has expired.
func (r *Redis) CachedZone(ctx context.Context, userID string) (string, bool, error) {
	if err := checkID("user id", userID); err != nil {
		return "", false, err
	}
	zone, err := r.client.Get(ctx, r.zoneKey(userID)).Result()
	if errors.Is(err, redis.Nil) {
		return "", false, nil
	}
	if err != nil {
		return "", false, unavailable("reading cached time zone", err)
	}
	return zone, true, nil
}

// CacheZone keeps a person's time zone for ttl. A ttl of zero or less, or an
// empty zone, caches nothing: the cache must never hold a zone for ever.
func (r *Redis) CacheZone(ctx context.Context, userID, zone string, ttl time.Duration) error {
	if err := checkID("user id", userID); err != nil {
		return err
	}
	if ttl <= 0 || zone == "" {
		return nil
	}
	if err := zoneScript.Run(ctx, r.client, []string{r.zoneKey(userID)}, zone, ttl.Milliseconds()).Err(); err != nil {
		if erasingReply(err) {
			return fmt.Errorf("caching time zone: %w", ErrErasing)
		}
		return unavailable("caching time zone", err)
	}
	return nil
}
