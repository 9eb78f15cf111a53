package store

import "testing"

// TestStatusKeys holds the keys ProfileSummary reads to the keys written.
func TestStatusKeys(t *testing.T) {
	r := &Redis{prefix: "p:"}
	p, s, l := r.statusKeys("U1")
	if p != r.profileKey("U1") || s != r.summaryKey("U1") || l != r.latestKey("U1") {
		t.Errorf("statusKeys = %q, %q, %q; want %q, %q, %q", p, s, l, r.profileKey("U1"), r.summaryKey("U1"), r.latestKey("U1"))
	}
}
