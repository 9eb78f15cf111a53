package store

// SetBeforeLift makes rt call f just before an erasure lifts its marker.
func SetBeforeLift(rt *Rights, f func()) { rt.beforeLift = f }
