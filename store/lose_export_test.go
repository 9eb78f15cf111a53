package store

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/redis/go-redis/v9"
)

// LoseReplies makes r send every command named name whose first key holds
// keyPart as usual, so the write happens, and then fail it as a connection
// lost mid-reply would.
// On a Cluster the hook goes on each node's client, which every command
// (a WATCH transaction's too) passes through on its way.
func LoseReplies(r *Redis, name, keyPart string) {
	h := replyLoser{name, keyPart}
	c, ok := r.client.(*redis.ClusterClient)
	if !ok {
		r.client.AddHook(h)
		return
	}
	c.OnNewNode(func(n *redis.Client) { n.AddHook(h) })
	_ = c.ForEachShard(context.Background(), func(_ context.Context, n *redis.Client) error {
		n.AddHook(h)
		return nil
	})
}

type replyLoser struct{ name, keyPart string }

func (h replyLoser) loses(cmd redis.Cmder) bool {
	args := cmd.Args()
	name := cmd.Name()
	if name == "eval" {
		name = "evalsha" // a script not yet loaded on a node is sent whole
	}
	if name != h.name {
		return false
	}
	key := 1
	if h.name == "evalsha" || h.name == "eval" {
		key = 3 // after the script and the number of keys
	}
	return h.keyPart == "" || (len(args) > key && strings.Contains(fmt.Sprint(args[key]), h.keyPart))
}

func (h replyLoser) DialHook(next redis.DialHook) redis.DialHook { return next }

func (h replyLoser) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		if err := next(ctx, cmd); err != nil || !h.loses(cmd) {
			return err
		}
		return io.ErrUnexpectedEOF
	}
}

func (h replyLoser) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		if err := next(ctx, cmds); err != nil {
			return err
		}
		for _, c := range cmds {
			if h.loses(c) {
				return io.ErrUnexpectedEOF
			}
		}
		return nil
	}
}
