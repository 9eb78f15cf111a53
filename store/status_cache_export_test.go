package store

// StatusCacheLive reports whether r hears the other replicas' changes,
// and how many changes and drops it has seen.
func StatusCacheLive(r *Redis) (bool, uint64) {
	c := &r.statusCache
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.live, c.seq
}

// StatusCached reports whether r keeps userID's status.
func StatusCached(r *Redis, userID string) bool {
	c := &r.statusCache
	c.mu.Lock()
	defer c.mu.Unlock()
	_, ok := c.entries[userID]
	return ok
}

// DropStatuses drops every status r keeps, as a replica does when its
// subscription drops: for tests that write Redis behind the store's back.
func DropStatuses(r *Redis) {
	c := &r.statusCache
	c.mu.Lock()
	live := c.live
	c.mu.Unlock()
	c.setLive(live)
}
