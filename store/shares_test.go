package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/peerbot/peerbot/internal/redistest"
)

func TestHeldQuestion(t *testing.T) {
	r, prefix := openStore(t)
	ctx := context.Background()
	id, err := r.HoldQuestion(ctx, "U1", "sealed-text", 30*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if len(id) != 32 {
		t.Errorf("id %q, want 32 hex digits", id)
	}
	user, q, ok, err := r.HeldQuestion(ctx, id)
	if user != "U1" || q != "sealed-text" || !ok || err != nil {
		t.Errorf("HeldQuestion(%s) = %q, %q, %v, %v; want U1, sealed-text, true, nil", id, user, q, ok, err)
	}
	ttl, err := redistest.Client(t).TTL(ctx, prefix+"share:{"+id+"}").Result()
	if err != nil || ttl <= 29*time.Minute || ttl > 30*time.Minute {
		t.Errorf("held question expires in %v (%v), want 30 min", ttl, err)
	}
	other, _ := r.HoldQuestion(ctx, "U1", "sealed-text", time.Minute)
	if other == id {
		t.Error("two holds share an id")
	}
	for _, bad := range []string{"", "U1", strings.Repeat("0", 32), id + "0", "*", "{" + id[:30] + "}"} {
		if user, q, ok, err := r.HeldQuestion(ctx, bad); ok || err != nil || user != "" || q != "" {
			t.Errorf("HeldQuestion(%q) = %q, %q, %v, %v; want nothing", bad, user, q, ok, err)
		}
	}
	if _, err := r.HoldQuestion(ctx, "", "q", time.Minute); err == nil {
		t.Error("HoldQuestion with no user: no error")
	}
}

func TestAnswerChannels(t *testing.T) {
	r, _ := openStore(t)
	ctx := context.Background()
	for _, c := range []struct {
		id string
		on bool
	}{{"C2", true}, {"C1", true}, {"C2", false}, {"C3", true}} {
		if err := r.SetAnswerChannel(ctx, c.id, c.on); err != nil {
			t.Fatal(err)
		}
	}
	if got, err := r.AnswerChannels(ctx); err != nil || strings.Join(got, ",") != "C1,C3" {
		t.Errorf("AnswerChannels = %v (%v), want C1,C3", got, err)
	}
	if err := r.SetAnswerChannel(ctx, "{C}", true); err == nil {
		t.Error("a channel id with braces was taken")
	}
}
