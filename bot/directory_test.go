package bot

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/slack-go/slack"
)

// mapZones is a ZoneCache in memory.
type mapZones struct {
	mu sync.Mutex
	m  map[string]string
}

func (c *mapZones) CachedZone(_ context.Context, user string) (string, bool, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	z, ok := c.m[user]
	return z, ok, nil
}

func (c *mapZones) CacheZone(_ context.Context, user, zone string, _ time.Duration) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[user] = zone
	return nil
}

func TestDirectoryTimeZone(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		_ = r.ParseForm()
		switch r.Form.Get("user") {
		case "UPARIS":
			fmt.Fprint(w, `{"ok":true,"user":{"id":"UPARIS","tz":"Europe/Paris"}}`)
		case "UNONE":
			fmt.Fprint(w, `{"ok":true,"user":{"id":"UNONE"}}`)
		case "UODD":
			fmt.Fprint(w, `{"ok":true,"user":{"id":"UODD","tz":"Mars/Olympus"}}`)
		default:
			fmt.Fprint(w, `{"ok":false,"error":"user_not_found"}`)
		}
	}))
	defer srv.Close()
	cache := &mapZones{m: map[string]string{}}
	d := NewDirectory(slack.New("xoxb-test", slack.OptionAPIURL(srv.URL+"/")), cache, time.Hour, "Europe/London")
	ctx := context.Background()
	for _, tt := range []struct {
		user, want string
		err        bool
	}{
		{"UPARIS", "Europe/Paris", false},
		{"UNONE", "Europe/London", false},
		{"UODD", "Europe/London", false},
		{"UGONE", "Europe/London", true},
	} {
		got, err := d.TimeZone(ctx, tt.user)
		if got != tt.want || (err != nil) != tt.err {
			t.Errorf("TimeZone(%s) = %q, %v; want %q, error %v", tt.user, got, err, tt.want, tt.err)
		}
	}
	before := calls.Load()
	if z, _ := d.TimeZone(ctx, "UPARIS"); z != "Europe/Paris" || calls.Load() != before {
		t.Errorf("second look-up = %q with %d more calls to Slack, want the cached zone and none", z, calls.Load()-before)
	}
}
