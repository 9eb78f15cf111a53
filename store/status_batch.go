package store

import (
	"context"
	"errors"
	"strings"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

// statusReads coalesces the three-hash status reads that arrive while one
// is on its way to Redis. A read that finds none in flight goes at once, in
// its own goroutine and under its own context, so a lone request pays
// nothing for the batching. Reads that arrive meanwhile wait in the queue;
// when the read in flight returns, one goroutine sends everything queued
// as one MULTI, and so on until the queue is empty. On a Cluster, where
// people's keys lie in different slots and a MULTI cannot span them,
// every read goes on its own. Under load, k
// people's reads then cost one write and one read on each side instead of
// k: on two cores at eight concurrent status requests, most of a status
// reply's extra cost over a bare handler was those system calls.
//
// Each person's three hashes are still read in one MULTI with each other,
// so a reply never mixes a profile with a summary from after a later write.
type statusReads struct {
	mu    sync.Mutex
	busy  bool          // a read is in flight
	queue []*statusRead // waiting for the next batch
}

// statusRead is one person's read: its keys in, its hashes and error out.
type statusRead struct {
	keys [3]string // profile, summary, latest
	hash [3]hashReply
	err  error
	done chan struct{} // closed when hash and err are set; nil for a read sent at once
	cmds [3]*redis.RawCmd
	args [3][2]any  // the commands' arguments, in this one allocation
	own  [32]string // room for the hashes' fields and values
}

// maxStatusBatch caps the people in one MULTI, so a burst does not hold
// Redis on one command for long.
const maxStatusBatch = 64

// statusBatchTimeout bounds a batch's round trip: a batch serves several
// requests, so it runs under none of their contexts.
const statusBatchTimeout = 2 * time.Second

// readStatusHashes reads the three hashes named by keys in one MULTI, on
// its own or in a batch with other people's.
func (r *Redis) readStatusHashes(ctx context.Context, keys [3]string) ([3]hashReply, error) {
	sr := &statusRead{keys: keys}
	if _, cluster := r.client.(*redis.ClusterClient); cluster {
		// Each person's keys have a slot of their own, and a transaction
		// cannot span slots: on a Cluster every read goes on its own.
		_ = r.sendStatusReads(ctx, []*statusRead{sr})
		return sr.hash, sr.err
	}
	b := &r.statusReads
	b.mu.Lock()
	if !b.busy {
		b.busy = true
		b.mu.Unlock()
		err := r.sendStatusReads(ctx, []*statusRead{sr})
		if ctx.Err() != nil {
			err = nil // the request gave up, not Redis: serve the queue
		}
		if r.settleStatusQueue(err) {
			go r.sendStatusBatches()
		}
		return sr.hash, sr.err
	}
	sr.done = make(chan struct{})
	b.queue = append(b.queue, sr)
	b.mu.Unlock()
	select {
	case <-sr.done:
		return sr.hash, sr.err
	case <-ctx.Done():
		// The batch still reads it and nobody looks: a read has no effect.
		return [3]hashReply{}, ctx.Err()
	}
}

// settleStatusQueue, called when a batch returns, with the error that
// failed the whole batch (nil if it reached Redis), decides what becomes of
// the reads that queued meanwhile, and reports whether they are to be sent.
// None: no read is in flight any more. After a failure they fail with the
// same error at once, as they would have had each gone on its own, instead
// of waiting for Redis to fail again for them. Else the caller sends them
// (sendStatusBatches), and a read stays in flight.
func (r *Redis) settleStatusQueue(err error) bool {
	b := &r.statusReads
	b.mu.Lock()
	queued := b.queue
	if len(queued) > 0 && err == nil {
		b.mu.Unlock()
		return true
	}
	b.queue, b.busy = nil, false
	b.mu.Unlock()
	for _, sr := range queued {
		sr.err = err
		close(sr.done)
	}
	return false
}

// sendStatusBatches sends the queue, up to maxStatusBatch reads at a
// time, until settleStatusQueue finds it empty or Redis fails.
func (r *Redis) sendStatusBatches() {
	b := &r.statusReads
	for {
		b.mu.Lock()
		n := min(len(b.queue), maxStatusBatch)
		batch := b.queue[:n:n]
		b.queue = b.queue[n:]
		b.mu.Unlock()
		ctx, cancel := context.WithTimeout(context.Background(), statusBatchTimeout)
		err := r.sendStatusReads(ctx, batch)
		cancel()
		if !r.settleStatusQueue(err) {
			return
		}
	}
}

// sendStatusReads reads every read's hashes in one transaction pipeline,
// sets each one's hashes or error and wakes its waiter. It returns the
// error that failed the whole pipeline, if one did. Each hash comes as the
// raw answer and is read by parseHashReply (status_reply.go).
func (r *Redis) sendStatusReads(ctx context.Context, reads []*statusRead) error {
	_, err := r.client.TxPipelined(ctx, func(pipe redis.Pipeliner) error {
		for _, sr := range reads {
			for i, k := range sr.keys {
				sr.args[i] = [2]any{"hgetall", k}
				sr.cmds[i] = redis.NewRawCmd(ctx, sr.args[i][:]...)
				_ = pipe.Process(ctx, sr.cmds[i])
			}
		}
		return nil
	})
	failed := err
	replied := false // an error reply, which go-redis saw as an answer
	for _, sr := range reads {
		for _, c := range sr.cmds {
			if err == nil {
				err = c.Err()
			}
		}
		if err == nil {
			err = sr.readHashes()
			replied = replied || err != nil
		}
		sr.cmds = [3]*redis.RawCmd{}
		sr.err, err = err, failed
		if sr.done != nil {
			close(sr.done)
		}
	}
	if replied && failed == nil {
		r.onError("pipeline") // as go-redis's hook counts a failed command
	}
	if failed != nil && isRedisReply(failed) {
		return nil // an error reply for a command, not Redis failing
	}
	return failed
}

// readHashes reads the raw answers of sr's commands, which all answered,
// into its hashes: the three answers copied into one string, and the
// fields and values parts of it, kept in sr's own room while they fit.
func (sr *statusRead) readHashes() error {
	var b strings.Builder
	n := 0
	for _, c := range sr.cmds {
		n += len(c.Val())
	}
	b.Grow(n)
	for _, c := range sr.cmds {
		b.Write(c.Val())
	}
	all, fields := b.String(), sr.own[:0]
	for i, c := range sr.cmds {
		start := len(fields)
		var err error
		fields, err = appendHashReply(fields, all[:len(c.Val())])
		if err != nil {
			return err
		}
		sr.hash[i] = hashReply(fields[start:len(fields):len(fields)])
		all = all[len(c.Val()):]
	}
	return nil
}

// isRedisReply reports whether err is an error reply from Redis (such as
// WRONGTYPE) rather than a failure to reach it.
func isRedisReply(err error) bool {
	var reply redis.Error
	return errors.As(err, &reply)
}
