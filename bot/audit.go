package bot

import (
	"context"
	"time"

	"github.com/peerbot/peerbot/handlers"
)

// Auditor keeps the audit log. The bot writes an entry for every command
// kept for admins that someone runs or is refused, here in one place, so no
// handler writes one by hand and no new admin command can go unaudited.
type Auditor interface {
	// Audit adds an entry to the log. An error means it may not be kept.
	Audit(ctx context.Context, e handlers.AuditEntry) error
}

// auditTimeout bounds one write to the audit log, well inside the time
// Slack waits for an answer.
const auditTimeout = 2 * time.Second

// unaudited answers an admin whose command was not run because the audit
// log could not be written: no admin action goes unrecorded.
const unaudited = "I can't write to the audit log just now, so I didn't run that and nothing was changed. Please try again in a minute."

// unauditedRead is unaudited for an admin command that only reads (a
// report, the audit log): it had nothing to change.
const unauditedRead = "I can't write to the audit log just now, so I didn't run that. Please try again in a minute."

// audit records a resolved command in the audit log when it is kept for
// admins: a refused attempt, or an admin's run, before it runs. It reports
// false only when an admin's command must not run because its entry could
// not be written; a refusal that cannot be logged is still refused. Only
// the command's words are kept, never its arguments.
func (b *Bot) audit(ctx context.Context, log *reqLog, userID string, res Resolution) bool {
	if b.auditor == nil || !res.AdminOnly || (res.Run == nil && res.Outcome != "denied") {
		return true
	}
	action := handlers.AuditAdmin
	if res.Run == nil {
		action = handlers.AuditDenied
	}
	ctx, cancel := context.WithTimeout(ctx, auditTimeout)
	defer cancel()
	err := b.auditor.Audit(ctx, handlers.AuditEntry{At: time.Now().UTC(), UserID: userID, Action: action, Command: res.Name})
	if err == nil {
		return true
	}
	log.logger().Error("could not write the audit log", "action", action, "command", res.Name, "err", err)
	return action == handlers.AuditDenied
}
