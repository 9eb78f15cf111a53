package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/peerbot/peerbot/internal/outcome"
	"github.com/peerbot/peerbot/internal/text"
	"github.com/redis/go-redis/v9"
)

// AuditCap is about how many entries the audit log keeps: each write trims
// the oldest beyond it. Redis trims whole nodes of the stream ("MAXLEN ~"),
// which is cheap, so the log may hold up to one node (100 entries by
// default) more for a while.
const AuditCap = 10000

// maxAuditField bounds each field of an entry, so that a caller's mistake
// cannot write a long text into the log.
const maxAuditField = 100

func (r *Redis) auditKey() string { return r.key("audit") }

// Audit adds an entry to the audit log. A zero At is taken as now. The
// entry's fields are cut to 100 bytes; UserID, Action and Command must be
// set (ErrInvalid otherwise). Safe for concurrent use: each entry is one
// XADD, trimmed as it is added.
func (r *Redis) Audit(ctx context.Context, e outcome.AuditEntry) error {
	if e.UserID == "" || e.Action == "" || e.Command == "" {
		return fmt.Errorf("%w: an audit entry needs who, what and which command", ErrInvalid)
	}
	at := e.At
	if at.IsZero() {
		at = time.Now()
	}
	err := r.client.XAdd(ctx, &redis.XAddArgs{
		Stream: r.auditKey(),
		MaxLen: AuditCap,
		Approx: true,
		Values: []string{
			"at", at.UTC().Format(time.RFC3339Nano),
			"user", text.ClipBytes(e.UserID, maxAuditField),
			"action", text.ClipBytes(e.Action, maxAuditField),
			"cmd", text.ClipBytes(e.Command, maxAuditField),
		},
	}).Err()
	if err != nil {
		return unavailable("writing the audit log", err)
	}
	return nil
}

// AuditEntries returns up to n entries of the audit log, newest first.
// n <= 0 means AuditCap. An entry with an unreadable time has the time its
// stream id gives.
func (r *Redis) AuditEntries(ctx context.Context, n int) ([]outcome.AuditEntry, error) {
	if n <= 0 || n > AuditCap {
		n = AuditCap
	}
	msgs, err := r.client.XRevRangeN(ctx, r.auditKey(), "+", "-", int64(n)).Result()
	if err != nil {
		return nil, unavailable("reading the audit log", err)
	}
	out := make([]outcome.AuditEntry, 0, len(msgs))
	for _, m := range msgs {
		e := outcome.AuditEntry{
			UserID:  field(m.Values, "user"),
			Action:  field(m.Values, "action"),
			Command: field(m.Values, "cmd"),
		}
		at, err := time.Parse(time.RFC3339Nano, field(m.Values, "at"))
		if err != nil {
			at = streamTime(m.ID)
		}
		e.At = at.UTC()
		out = append(out, e)
	}
	return out, nil
}

func field(values map[string]any, name string) string {
	s, _ := values[name].(string)
	return s
}

// streamTime is when Redis added a stream entry: the milliseconds before
// the "-" of its id.
func streamTime(id string) time.Time {
	ms, _, _ := strings.Cut(id, "-")
	n, err := strconv.ParseInt(ms, 10, 64)
	if err != nil {
		return time.Time{}
	}
	return time.UnixMilli(n)
}
