package store

import (
	"context"
	"fmt"
	"sort"
)

// PeopleInRole returns the user ids in a role's index (splw, hwbc, cc),
// sorted, for the admins' digest. The index is derived data (see the
// package doc): check each against its profile.
func (r *Redis) PeopleInRole(ctx context.Context, role string) ([]string, error) {
	ids, err := r.client.SMembers(ctx, r.roleIndex(role)).Result()
	if err != nil {
		return nil, fmt.Errorf("reading a role's people: %w: %w", ErrUnavailable, err)
	}
	sort.Strings(ids)
	return ids, nil
}
