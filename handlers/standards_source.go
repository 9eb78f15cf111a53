package handlers

import (
	"context"

	"github.com/peerbot/peerbot/supervision"
)

// StandardsSource gives the supervision standard a person is held to: the
// shipped standard for their role and locality, with any override an admin
// set in its place. Main builds one that reads the store's overrides.
type StandardsSource interface {
	For(ctx context.Context, role supervision.Role, locality string) (supervision.Standard, error)
}

// ShippedStandards is a StandardsSource of the shipped standards alone,
// with no overrides: for tests and for a bot with no store of overrides.
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
