package handlers_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/supervision"
)

// TestForgetMeAsksFirst: forget-me alone, or with anything but the
// button's word, erases nothing; the button's word erases, and says what.
func TestForgetMeAsksFirst(t *testing.T) {
	s, _ := ansStore(t)
	ctx := context.Background()
	if err := s.SaveProfile(ctx, supervision.Profile{UserID: "U0FORGET", Role: supervision.Coach, PCN: "North", TimeZone: "Europe/London"}); err != nil {
		t.Fatal(err)
	}
	h := handlers.NewRights(s.Rights(s.Reminders(2), "test-salt"))
	req := handlers.Request{UserID: "U0FORGET"}
	for _, args := range []string{"", "yes", "confirm please"} {
		req.Args = args
		r, err := h.ForgetMe(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok, _ := s.Profile(ctx, "U0FORGET"); !ok {
			t.Fatalf("forget-me %q erased without the button: %q", args, r.Text)
		}
	}
	req.Args = ""
	r, _ := h.MyData(ctx, req)
	if len(r.Files) != 1 {
		t.Fatalf("my-data sent %d files, want 1", len(r.Files))
	}
	var d handlers.PersonalData
	if err := json.Unmarshal(r.Files[0].Content, &d); err != nil || d.Profile == nil || d.Profile.PCN != "North" {
		t.Errorf("my-data file %s (%v), want the profile", r.Files[0].Content, err)
	}
	req.Args = "confirm"
	r, err := h.ForgetMe(ctx, req)
	if err != nil || !strings.Contains(r.Text, "Erased: your profile") {
		t.Errorf("forget-me confirm = %q (%v), want what was erased", r.Text, err)
	}
	if _, ok, _ := s.Profile(ctx, "U0FORGET"); ok {
		t.Error("the profile is still there after forget-me confirm")
	}
	r, _ = h.ForgetMe(ctx, req)
	if !strings.Contains(r.Text, "held nothing about you") {
		t.Errorf("a second erasure says %q, want that nothing was held", r.Text)
	}
}
