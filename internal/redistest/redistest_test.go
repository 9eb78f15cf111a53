package redistest

import (
	"context"
	"fmt"
	"testing"
)

// TestPrefixCleansEveryNode writes keys in many hash slots (on a Cluster,
// on every master), lets the test that owns the prefix end, and expects
// none left behind.
func TestPrefixCleansEveryNode(t *testing.T) {
	var prefix string
	t.Run("writes", func(t *testing.T) {
		prefix = Prefix(t)
		c := Client(t)
		for i := range 50 {
			if err := c.Set(context.Background(), fmt.Sprintf("%s{k%d}", prefix, i), "v", 0).Err(); err != nil {
				t.Fatal(err)
			}
		}
		if got := len(Keys(t, prefix+"*")); got != 50 {
			t.Fatalf("Keys(%s*) found %d keys, want 50", prefix, got)
		}
	})
	if got := Keys(t, prefix+"*"); len(got) != 0 {
		t.Errorf("after the test ended, %d keys are left under its prefix: %v", len(got), got)
	}
}
