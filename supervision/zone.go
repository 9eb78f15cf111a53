package supervision

import (
	"sync"
	"time"
)

// zones holds every location LoadZone has loaded, by name. It only grows by
// names the system knows, a few hundred at most, so it needs no bound.
var zones sync.Map // string → *time.Location

// LoadZone is time.LoadLocation with a cache: each zone's file is read once,
// and later calls cost a map read. A time.Location does not change once
// loaded, so the same one is shared by every caller. A name that fails is
// not cached, so a mistyped name cannot grow the cache; its error is
// time.LoadLocation's. It is safe for concurrent use.
func LoadZone(name string) (*time.Location, error) {
	if loc, ok := zones.Load(name); ok {
		return loc.(*time.Location), nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, err
	}
	got, _ := zones.LoadOrStore(name, loc)
	return got.(*time.Location), nil
}
