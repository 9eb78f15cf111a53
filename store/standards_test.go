package store

import (
	"context"
	"testing"
	"time"

	"github.com/peerbot/peerbot/supervision"
)

func TestStandardOverrides(t *testing.T) {
	r, prefix := open(t)
	ctx := context.Background()
	if v, list, err := r.StandardOverrides(ctx); err != nil || v != 0 || len(list) != 0 {
		t.Fatalf("empty: %d %v %v", v, list, err)
	}
	at := time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC)
	o := supervision.Override{Role: supervision.Coach, Locality: "gateshead", Weeks: 6, MinMinutes: 60, By: "UADMIN", At: at}
	if err := r.SetStandardOverride(ctx, o); err != nil {
		t.Fatal(err)
	}
	if err := r.SetStandardOverride(ctx, supervision.Override{Role: supervision.Coach, Weeks: 0}); err == nil {
		t.Error("an override of 0 weeks was saved")
	}
	// A field that does not read is left out, not an error.
	if err := r.client.HSet(ctx, prefix+"standards", "splw|", "not json").Err(); err != nil {
		t.Fatal(err)
	}
	v, list, err := r.StandardOverrides(ctx)
	if err != nil || v != 1 || len(list) != 1 || list[0] != o {
		t.Fatalf("after one set: version %d, %+v, %v; want version 1 and %+v", v, list, err, o)
	}
	if had, err := r.ResetStandardOverride(ctx, supervision.Coach, "gateshead"); err != nil || !had {
		t.Fatalf("reset: %v %v", had, err)
	}
	if had, err := r.ResetStandardOverride(ctx, supervision.Coach, "gateshead"); err != nil || had {
		t.Fatalf("reset again: %v %v", had, err)
	}
	if v, err := r.StandardsVersion(ctx); err != nil || v != 3 {
		t.Errorf("version %d, %v; want 3 after a set and two resets", v, err)
	}
}
