package handlers

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/peerbot/peerbot/supervision"
)

// StandardsSource gives the supervision standard a person is held to: the
// shipped standard for their role and locality, with any override an admin
// set in its place. Status, the App Home, the team view, reports and
// reminders all read standards through one.
type StandardsSource interface {
	For(ctx context.Context, role supervision.Role, locality string) (supervision.Standard, error)
}

// ShippedStandards is a StandardsSource of the shipped standards alone,
// with no overrides.
func ShippedStandards(s *supervision.Standards) StandardsSource {
	if s == nil {
		s = supervision.DefaultStandards()
	}
	return shipped{s}
}

type shipped struct{ s *supervision.Standards }

func (s shipped) For(_ context.Context, role supervision.Role, locality string) (supervision.Standard, error) {
	return s.s.For(role, locality), nil
}

// OverrideStore keeps the admins' standards overrides. *store.Redis
// satisfies it.
type OverrideStore interface {
	// StandardsVersion changes with every set and reset.
	StandardsVersion(ctx context.Context) (int64, error)
	// StandardOverrides returns every override and their version.
	StandardOverrides(ctx context.Context) (int64, []supervision.Override, error)
	SetStandardOverride(ctx context.Context, o supervision.Override) error
	// ResetStandardOverride reports false when there was none.
	ResetStandardOverride(ctx context.Context, role supervision.Role, locality string) (bool, error)
}

// StandardsCheckEvery is how long a replica goes on with the overrides it
// has before it asks the store's version again: another replica's change
// is seen within it, this replica's own at once.
const StandardsCheckEvery = time.Second

// Standards is the shipped standards with the admins' overrides from the
// store applied, for every replica: it keeps the overrides it read and
// their version, asks the version again at most every StandardsCheckEvery
// (one HGET), and reads the overrides again only when it changed. The
// shipped standards themselves can be swapped (Swap: a content reload);
// the overrides stay on top. It is safe for concurrent use.
type Standards struct {
	shipped atomic.Pointer[supervision.Standards]
	store   OverrideStore
	now     func() time.Time

	mu        sync.Mutex
	loaded    bool
	version   int64
	overrides map[[2]string]supervision.Override
	checked   time.Time
}

// NewStandards returns the shipped standards (DefaultStandards when nil)
// with store's overrides; now is time.Now when nil.
func NewStandards(shipped *supervision.Standards, store OverrideStore, now func() time.Time) *Standards {
	if shipped == nil {
		shipped = supervision.DefaultStandards()
	}
	if now == nil {
		now = time.Now
	}
	s := &Standards{store: store, now: now}
	s.shipped.Store(shipped)
	return s
}

// Shipped is the standards as shipped (or as last swapped in), without
// overrides: for the notes and sources they carry.
func (s *Standards) Shipped() *supervision.Standards { return s.shipped.Load() }

// Swap puts new shipped standards in place, such as those a content reload
// read from KNOWLEDGE_DIR and checked; the admins' overrides still apply on
// top. nil is ignored.
func (s *Standards) Swap(shipped *supervision.Standards) {
	if shipped != nil {
		s.shipped.Store(shipped)
	}
}

// For returns the standard for role in locality, overrides applied. When
// the store cannot be read it goes on with the overrides it read last; it
// is an error only when it never read them.
func (s *Standards) For(ctx context.Context, role supervision.Role, locality string) (supervision.Standard, error) {
	overrides, err := s.current(ctx)
	if err != nil {
		return supervision.Standard{}, err
	}
	return supervision.Overridden(s.Shipped(), overrides, role, locality), nil
}

// Overrides returns the overrides in force, as For applies them.
func (s *Standards) Overrides(ctx context.Context) ([]supervision.Override, error) {
	m, err := s.current(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]supervision.Override, 0, len(m))
	for _, o := range m {
		out = append(out, o)
	}
	return out, nil
}

func (s *Standards) current(ctx context.Context) (map[[2]string]supervision.Override, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	if s.loaded && now.Sub(s.checked) < StandardsCheckEvery && !now.Before(s.checked) {
		return s.overrides, nil
	}
	if s.loaded {
		v, err := s.store.StandardsVersion(ctx)
		if err != nil {
			return s.overrides, nil // go on with what we have
		}
		if v == s.version {
			s.checked = now
			return s.overrides, nil
		}
	}
	v, list, err := s.store.StandardOverrides(ctx)
	if err != nil {
		if s.loaded {
			return s.overrides, nil
		}
		return nil, err
	}
	m := make(map[[2]string]supervision.Override, len(list))
	for _, o := range list {
		m[[2]string{string(o.Role), o.Locality}] = o
	}
	s.loaded, s.version, s.overrides, s.checked = true, v, m, now
	return m, nil
}

// Set saves an override; this replica uses it at once.
func (s *Standards) Set(ctx context.Context, o supervision.Override) error {
	err := s.store.SetStandardOverride(ctx, o)
	s.forget()
	return err
}

// Reset removes an override; this replica stops using it at once.
func (s *Standards) Reset(ctx context.Context, role supervision.Role, locality string) (bool, error) {
	ok, err := s.store.ResetStandardOverride(ctx, role, locality)
	s.forget()
	return ok, err
}

// forget makes the next read ask the store, keeping what it has in case
// the store cannot answer.
func (s *Standards) forget() {
	s.mu.Lock()
	s.version, s.checked = -1, time.Time{}
	s.mu.Unlock()
}
