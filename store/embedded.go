package store

import (
	"context"
	"fmt"

	"github.com/alicebob/miniredis/v2"
)

// OpenEmbedded starts an in-process Redis (miniredis) and opens the store on
// it. It is for the console only: nothing is kept after Close, and keys with
// a time to live do not expire on their own. Close stops the embedded server.
func OpenEmbedded(ctx context.Context, opts Options) (*Redis, error) {
	srv := miniredis.NewMiniRedis()
	if err := srv.Start(); err != nil {
		return nil, fmt.Errorf("starting the embedded store: %w", err)
	}
	opts.URL = "redis://" + srv.Addr()
	opts.MasterName = ""
	r, err := Open(ctx, opts)
	if err != nil {
		srv.Close()
		return nil, err
	}
	r.closers = append(r.closers, func() error { srv.Close(); return nil })
	return r, nil
}
