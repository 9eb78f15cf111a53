package bot

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"time"

	"github.com/peerbot/peerbot/handlers"
)

// Outbox is the reminder engine as the bot uses it. It is safe for
// concurrent use.
type Outbox interface {
	// SendDM sends a message through the durable queue: once queued it is
	// sent even if this replica stops or crashes first, and sent once. to
	// is a user id (a direct message) or a channel id; id names the
	// message, so queuing the same one again while it waits replaces it
	// rather than sending it twice.
	SendDM(ctx context.Context, id, to string, r handlers.Reply) error
	// Remind plans a person's supervision reminder again from their
	// record (a reply's Reschedule).
	Remind(ctx context.Context, userID string) (time.Time, bool, error)
}

// outboxBox lets the outbox be set once the engine exists, after the bot
// is built.
type outboxBox struct{ o Outbox }

// SetOutbox makes every message a reply sends (direct messages and channel
// posts) go through o from now on; nil sends them directly again. Safe to
// call while the bot serves requests.
func (b *Bot) SetOutbox(o Outbox) { b.outbox.Store(&outboxBox{o}) }

func (b *Bot) currentOutbox() Outbox {
	if box := b.outbox.Load(); box != nil {
		return box.o
	}
	return nil
}

// messageID names a message for the outbox: its own ID when the handler
// gave one, else one drawn from where it goes and what it says, so the
// same message produced twice (a retried or repeated request) while the
// first still waits is sent once.
func messageID(m handlers.Message) string {
	if m.ID != "" {
		return m.ID
	}
	blocks, text := Blocks(m.Reply)
	raw, _ := json.Marshal(blocks)
	sum := sha256.Sum256([]byte(m.To + "\x00" + text + "\x00" + string(raw)))
	return m.To + ":" + hex.EncodeToString(sum[:12])
}

// queue hands a reply's messages to the outbox before the reply is shown,
// so none is lost if the process stops next. It returns those it could
// not queue, to be sent directly.
func (b *Bot) queue(ctx context.Context, msgs []handlers.Message) []handlers.Message {
	o := b.currentOutbox()
	if o == nil {
		return msgs
	}
	var left []handlers.Message
	for _, m := range msgs {
		if m.To == "" {
			continue
		}
		m.Reply.Form, m.Reply.Messages, m.Reply.RefreshHome = nil, nil, nil
		if err := o.SendDM(ctx, messageID(m), m.To, m.Reply); err != nil {
			b.log.Error("queuing a message failed; sending it directly", "err", err, "to", m.To)
			left = append(left, m)
		}
	}
	return left
}

// replan plans again the reminders of the people a reply names in
// Reschedule, once each, in the background; the console waits for it, so
// what it prints next follows the change.
func (b *Bot) replan(ctx context.Context, people []string, wait bool) {
	o := b.currentOutbox()
	if o == nil || len(people) == 0 {
		return
	}
	run := func(ctx context.Context) {
		seen := make(map[string]bool)
		for _, id := range people {
			if id == "" || seen[id] {
				continue
			}
			seen[id] = true
			if _, _, err := o.Remind(ctx, id); err != nil {
				b.log.Error("planning a reminder again failed; it follows the record at its next change", "err", err, "user_id", id)
			}
		}
	}
	if wait {
		run(ctx)
		return
	}
	b.goTaskFrom(ctx, "reminders", run)
}
