package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/peerbot/peerbot/store"
	"github.com/peerbot/peerbot/supervision"
)

// TestLostRepliesAreNotSaidToChangeNothing: a write whose answer is lost
// may have happened, so its error is ErrUnknown, never ErrUnavailable
// (which the person reads as "nothing was changed").
func TestLostRepliesAreNotSaidToChangeNothing(t *testing.T) {
	ctx := context.Background()
	p := supervision.Profile{UserID: "U0LOST1", Role: supervision.Coach, PCN: "Central", SupervisorID: "U0SUP1", Reminders: true, ReminderDay: time.Monday, Created: time.Now(), Updated: time.Now()}
	for _, tt := range []struct {
		name string
		lose [2]string
		do   func(r *store.Redis) error
	}{
		{"saving a profile, its transaction's answer lost", [2]string{"exec", ""}, func(r *store.Redis) error { return r.SaveProfile(ctx, p) }},
		{"saving a profile, its indexes' answer lost", [2]string{"sadd", "idx:role:"}, func(r *store.Redis) error { return r.SaveProfile(ctx, p) }},
		{"turning channel answers on, its answer lost", [2]string{"sadd", "channels:answers"}, func(r *store.Redis) error { return r.SetAnswerChannel(ctx, "C0LOST1", true) }},
		{"a vote, its answer lost", [2]string{"evalsha", "votes"}, func(r *store.Redis) error {
			_, err := r.Vote(ctx, "role-hwbc", "U0LOST1", true)
			return err
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r, _ := openStore(t)
			store.LoseReplies(r, tt.lose[0], tt.lose[1])
			err := tt.do(r)
			if !errors.Is(err, store.ErrUnknown) || errors.Is(err, store.ErrUnavailable) {
				t.Errorf("got %v (%v), want ErrUnknown and not ErrUnavailable: the write was made", err, tt.lose)
			}
		})
	}
}
