package store

import (
	"context"
	"sync/atomic"

	"github.com/redis/go-redis/v9"
)

// SetBeforeLift makes rt call f just before an erasure lifts its marker.
func SetBeforeLift(rt *Rights, f func()) { rt.beforeLift = f }

// CountScans counts the SCAN commands r sends from now on.
func CountScans(r *Redis) *atomic.Int64 {
	n := &atomic.Int64{}
	r.client.AddHook(scanCounter{n})
	return n
}

type scanCounter struct{ n *atomic.Int64 }

func (h scanCounter) DialHook(next redis.DialHook) redis.DialHook { return next }

func (h scanCounter) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		if cmd.Name() == "scan" {
			h.n.Add(1)
		}
		return next(ctx, cmd)
	}
}

func (h scanCounter) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		for _, c := range cmds {
			if c.Name() == "scan" {
				h.n.Add(1)
			}
		}
		return next(ctx, cmds)
	}
}
