package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/peerbot/peerbot/supervision"
)

func TestProfileKeepsLeadDays(t *testing.T) {
	r, _ := openStore(t)
	ctx := context.Background()
	for _, lead := range []int{0, 5, supervision.NoLeadDays} {
		p := supervision.Profile{UserID: "U1", Role: supervision.LinkWorker, Reminders: true, ReminderDay: time.Tuesday, LeadDays: lead, Created: time.Now(), Updated: time.Now()}
		if err := r.SaveProfile(ctx, p); err != nil {
			t.Fatal(err)
		}
		got, ok, err := r.Profile(ctx, "U1")
		if err != nil || !ok || got.LeadDays != lead || got.Lead() != p.Lead() {
			t.Errorf("saved LeadDays %d, read %d (%v, %v)", lead, got.LeadDays, ok, err)
		}
	}
}
