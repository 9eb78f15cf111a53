package bot

import (
	"context"
	"fmt"
	"time"

	"github.com/slack-go/slack"

	"github.com/peerbot/peerbot/supervision"
)

// ZoneCache keeps people's time zones for a while, so Slack is not asked on
// every request. *store.Redis satisfies it.
type ZoneCache interface {
	CachedZone(ctx context.Context, userID string) (zone string, ok bool, err error)
	CacheZone(ctx context.Context, userID, zone string, ttl time.Duration) error
}

// Directory answers who people are from Slack's users.info, remembering
// each person's time zone in a cache for a while. It satisfies
// handlers.Directory and is safe for concurrent use.
type Directory struct {
	api   *slack.Client
	cache ZoneCache
	ttl   time.Duration
	zone  string // when Slack has none
}

// NewDirectory returns a Directory over api. Zones are cached for ttl;
// fallback is the zone of a person Slack gives none for.
func NewDirectory(api *slack.Client, cache ZoneCache, ttl time.Duration, fallback string) *Directory {
	return &Directory{api: api, cache: cache, ttl: ttl, zone: fallback}
}

// TimeZone returns the IANA name of a person's time zone. A cache failure
// is not an error: Slack is asked instead. When Slack cannot be asked, the
// fallback is returned with the error, so a caller may go on with it.
func (d *Directory) TimeZone(ctx context.Context, userID string) (string, error) {
	if z, ok, err := d.cache.CachedZone(ctx, userID); err == nil && ok {
		return z, nil
	}
	u, err := d.api.GetUserInfoContext(ctx, userID)
	if err != nil {
		return d.zone, fmt.Errorf("users.info: %w", err)
	}
	zone := u.TZ
	if _, err := supervision.LoadZone(zone); zone == "" || err != nil {
		zone = d.zone
	}
	_ = d.cache.CacheZone(ctx, userID, zone, d.ttl) // a miss next time is harmless
	return zone, nil
}
