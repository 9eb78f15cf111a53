package supervision

import (
	"sync"
	"testing"
	"time"
)

func TestLoadZone(t *testing.T) {
	first, err := LoadZone("Europe/Paris")
	if err != nil || first.String() != "Europe/Paris" {
		t.Fatalf(`LoadZone("Europe/Paris") = %v, %v, want Europe/Paris`, first, err)
	}
	if again, err := LoadZone("Europe/Paris"); err != nil || again != first {
		t.Errorf(`LoadZone("Europe/Paris") again = %p, %v, want the same location %p`, again, err, first)
	}
	summer := time.Date(2026, 7, 1, 12, 0, 0, 0, time.UTC).In(first)
	if _, offset := summer.Zone(); offset != 2*60*60 {
		t.Errorf("noon UTC in July in Paris has offset %d s, want 7200", offset)
	}
	if utc, err := LoadZone("UTC"); err != nil || utc != time.UTC && utc.String() != "UTC" {
		t.Errorf(`LoadZone("UTC") = %v, %v, want UTC`, utc, err)
	}
}

func TestLoadZoneRefusesUnknownNames(t *testing.T) {
	for _, name := range []string{"Europe/Atlantis", "not a zone", "../../etc/passwd"} {
		if loc, err := LoadZone(name); err == nil {
			t.Errorf("LoadZone(%q) = %v, nil, want an error", name, loc)
		}
		if _, cached := zones.Load(name); cached {
			t.Errorf("LoadZone(%q) cached a name that failed", name)
		}
	}
}

func TestLoadZoneConcurrent(t *testing.T) {
	names := []string{"Europe/London", "America/New_York", "Asia/Tokyo", "Australia/Sydney"}
	var wg sync.WaitGroup
	got := make([][]*time.Location, 8)
	for g := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, name := range names {
				loc, err := LoadZone(name)
				if err != nil {
					t.Errorf("LoadZone(%q) error = %v", name, err)
					return
				}
				got[g] = append(got[g], loc)
			}
		}()
	}
	wg.Wait()
	for g := 1; g < len(got); g++ {
		for i := range got[g] {
			if got[g][i] != got[0][i] {
				t.Errorf("LoadZone(%q) gave two locations to two goroutines", names[i])
			}
		}
	}
}

// BenchmarkLoadZone compares the cache with reading the zone file each time.
func BenchmarkLoadZone(b *testing.B) {
	b.Run("LoadZone", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := LoadZone("Europe/London"); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("time.LoadLocation", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := time.LoadLocation("Europe/London"); err != nil {
				b.Fatal(err)
			}
		}
	})
}
