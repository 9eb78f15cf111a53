package handlers

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/peerbot/peerbot/internal/outcome"
	"github.com/peerbot/peerbot/knowledge"
	"github.com/peerbot/peerbot/supervision"
)

// AuditEntry is one line of the audit log: who did what, and when, never
// with a command's arguments.
type AuditEntry = outcome.AuditEntry

// The actions an audit entry records (AuditEntry.Action).
const (
	AuditAdmin  = outcome.AuditAdmin  // an admin ran a command kept for admins
	AuditDenied = outcome.AuditDenied // someone else tried one and was refused
)

// AuditLog reads the audit log. The bot writes it, for every command kept
// for admins, so that no handler has to.
type AuditLog interface {
	// AuditEntries returns up to n entries, newest first.
	AuditEntries(ctx context.Context, n int) ([]AuditEntry, error)
}

// AdminOptions configures the admin commands.
type AdminOptions struct {
	Audit AuditLog
	// Directory gives the admin's own time zone, for the times shown; nil,
	// or a zone it cannot give, shows them in UTC.
	Directory Directory
	// Channels keeps the channels answered in; nil: the channel
	// subcommand says it cannot change them.
	Channels AnswerChannels
	// Reports gives the people a report covers; nil says reports are not
	// set up.
	Reports ReportSource
	// Standards gives each person's standard, overrides included;
	// the shipped standards when nil.
	Standards StandardsSource
	// Overrides, when set, lets admins change the standards; it is the
	// Standards source too when Standards is nil.
	Overrides *Standards
	// Reloader reads the content again for "admin reload"; nil says it
	// cannot be.
	Reloader Reloader
	// Feedback and Content give "admin feedback" its lists; ReviewMonths
	// is how long an article goes between reviews (12 when 0).
	Feedback     FeedbackReport
	Content      Entries
	ReviewMonths int
	Now          func() time.Time // time.Now when nil
}

// Admin answers the network admins' "/peer admin ..." commands. The command
// table keeps all of them for admins; the router refuses anyone else and
// audits every run. It is safe for concurrent use.
type Admin struct {
	audit     AuditLog
	directory Directory
	channels  AnswerChannels
	reports   ReportSource
	standards StandardsSource
	overrides *Standards
	reloader  Reloader
	feedback  FeedbackReport
	content   Entries
	months    int
	now       func() time.Time
}

// NewAdmin returns the admin commands.
func NewAdmin(o AdminOptions) *Admin {
	a := &Admin{audit: o.Audit, directory: o.Directory, channels: o.Channels, reports: o.Reports, standards: o.Standards, overrides: o.Overrides, reloader: o.Reloader,
		feedback: o.Feedback, content: o.Content, months: o.ReviewMonths, now: o.Now}
	if a.standards == nil && a.overrides != nil {
		a.standards = a.overrides
	}
	if a.standards == nil {
		a.standards = ShippedStandards(nil)
	}
	if a.now == nil {
		a.now = time.Now
	}
	if a.months <= 0 {
		a.months = knowledge.DefaultReviewMonths
	}
	return a
}

// Audit log listing limits: how many entries by default, and at most.
const (
	auditDefault = 20
	auditMost    = 100
)

// Command is the admin entry of the command table: "admin" and its
// subcommands, all kept for admins.
func (a *Admin) Command() Command {
	return Command{
		Name:        "admin",
		Description: "Tools for network admins: supervision reports, standards, content reloads and the audit log of admin actions.",
		AdminOnly:   true,
		Subcommands: []Command{
			{
				Name:        "report",
				ReadOnly:    true,
				Aliases:     []string{"reports"},
				Usage:       "[csv] [role|pcn|locality <which>]",
				Description: "Shows who is on track, due soon or overdue with supervision, overdue first.",
				Examples:    []string{"", "role coach", "pcn Central", "locality gateshead", "csv"},
				More:        "Covers everyone with a supervision profile, or one role, PCN or locality. Add csv to have it sent to you as a CSV file by direct message.",
				Run:         a.Report,
			},
			a.standardsCommand(),
			{
				Name:        "feedback",
				ReadOnly:    true,
				Description: "Shows the answers with the most “not helpful” votes, the questions most often left unanswered, and the articles due for review.",
				Run:         a.Feedback,
			},
			{
				Name:        "unanswered",
				ReadOnly:    true,
				Usage:       "[how many]",
				Description: "Lists the words people asked about most when no answer matched well.",
				Examples:    []string{"", "50"},
				Run:         a.Unanswered,
			},
			{
				Name:        "reload",
				Description: "Reads the content folder again (articles and supervision standards), after checking it, on every copy of the bot.",
				More:        "A folder with a problem changes nothing: I keep the content and the standards as they were and say what is wrong. Standards set with admin standards set still apply on top.",
				Run:         a.Reload,
			},
			{
				Name:        "audit",
				ReadOnly:    true,
				Usage:       "[how many]",
				Description: "Shows the latest admin actions and refused attempts: who, what and when.",
				Examples:    []string{"", "50"},
				More:        fmt.Sprintf("Shows the latest %d entries unless you give a number, up to %d. The log keeps which command was run, never what was typed after it.", auditDefault, auditMost),
				Run:         a.Audit,
			},
			a.channelCommand(),
		},
	}
}

// Audit answers "admin audit [n]": the n latest entries of the audit log,
// newest first, with times in the admin's own zone.
func (a *Admin) Audit(ctx context.Context, req Request) (Reply, error) {
	n, capped := auditDefault, false
	if arg := strings.TrimSpace(req.Args); arg != "" {
		v, err := strconv.Atoi(arg)
		if err != nil || v < 1 {
			return Say(fmt.Sprintf("Give how many entries to show as a number, such as %s.", req.Invocation("admin", "audit 50"))), nil
		}
		n, capped = min(v, auditMost), v > auditMost
	}
	entries, err := a.audit.AuditEntries(ctx, n)
	if err != nil {
		return Reply{}, fmt.Errorf("reading the audit log: %w", err)
	}
	r := Reply{Header: "Audit log"}
	if len(entries) == 0 {
		r.Text = "Nothing in the audit log yet."
		return r, nil
	}
	loc, zone := a.viewerZone(ctx, req.UserID)
	r.Text = fmt.Sprintf("The latest %s, newest first. Times are in %s.", auditPlural(len(entries), "entry", "entries"), zone)
	lines := make([]string, 0, len(entries))
	for _, e := range entries {
		lines = append(lines, "- "+auditLine(e, loc, req))
	}
	r.Sections = groupSections("", lines)
	r.Note = "The log keeps who, what and when, never what was typed after a command."
	if capped {
		r.Note = fmt.Sprintf("I show up to %d entries at a time. ", auditMost) + r.Note
	}
	return r, nil
}

// viewerZone is the admin's own time zone and its name, or UTC when it
// cannot be told.
func (a *Admin) viewerZone(ctx context.Context, userID string) (*time.Location, string) {
	if a.directory == nil {
		return time.UTC, "UTC"
	}
	name, err := a.directory.TimeZone(ctx, userID)
	if err != nil || name == "" {
		return time.UTC, "UTC"
	}
	loc, err := supervision.LoadZone(name)
	if err != nil {
		return time.UTC, "UTC"
	}
	return loc, name
}

// slackUserID is the shape of a Slack user id, the one kind of who that is
// drawn as a mention.
var slackUserID = regexp.MustCompile(`^[UW][A-Z0-9]{2,}$`)

// auditLine is one entry as an admin reads it: when, who, and what.
func auditLine(e AuditEntry, loc *time.Location, req Request) string {
	when := "**" + e.At.In(loc).Format("2 Jan 2006, 15:04") + "**"
	who := "someone not named"
	if slackUserID.MatchString(e.UserID) {
		who = "<@" + e.UserID + ">"
	}
	name, args, _ := strings.Cut(e.Command, " ")
	cmd := req.Invocation(name, args)
	switch e.Action {
	case AuditAdmin:
		return fmt.Sprintf("%s %s ran %s", when, who, cmd)
	case AuditDenied:
		return fmt.Sprintf("%s %s tried %s and was refused: not an admin", when, who, cmd)
	case outcome.AuditAccess:
		return fmt.Sprintf("%s %s asked for their data with %s", when, who, cmd)
	case outcome.AuditErased:
		return fmt.Sprintf("%s someone's data was erased with %s (the log keeps no name: %s)", when, cmd, e.UserID)
	}
	return fmt.Sprintf("%s %s: %s, %s", when, who, e.Action, cmd)
}

func auditPlural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
