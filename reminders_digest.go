package main

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/knowledge"
	"github.com/peerbot/peerbot/scheduler"
	"github.com/peerbot/peerbot/store"
	"github.com/peerbot/peerbot/supervision"
)

// digestSpec is when each admin's weekly digest goes out, in DEFAULT_TZ.
const digestSpec = "0 9 * * MON"

// adminDigest writes the weekly digest DM to an admin: how many people are
// on track, due soon and overdue, by role and by PCN, and what the engine
// could not deliver in the week.
type adminDigest struct {
	db        *store.Redis
	standards handlers.StandardsSource
	failures  func(ctx context.Context, since time.Time) ([]scheduler.FailureRecord, error)
	// content and reviewMonths list the articles due for review; nil
	// content lists none.
	content      handlers.Entries
	reviewMonths int
}

type tally struct{ onTrack, dueSoon, overdue, other int }

func (t *tally) add(s supervision.State) {
	switch s {
	case supervision.OnTrack:
		t.onTrack++
	case supervision.DueSoon:
		t.dueSoon++
	case supervision.Overdue:
		t.overdue++
	default:
		t.other++
	}
}

func (t tally) String() string {
	return fmt.Sprintf("%d on track · %d due soon · %d overdue · %d not started or unknown", t.onTrack, t.dueSoon, t.overdue, t.other)
}

// Compose writes the digest as of at.
func (d adminDigest) Compose(ctx context.Context, _ scheduler.Item, at time.Time) (handlers.Reply, bool, error) {
	var all tally
	byRole := map[string]*tally{}
	byPCN := map[string]*tally{}
	for _, role := range []supervision.Role{supervision.LinkWorker, supervision.Coach, supervision.Coordinator} {
		ids, err := d.db.PeopleInRole(ctx, string(role))
		if err != nil {
			return handlers.Reply{}, false, err
		}
		for _, id := range ids {
			st, p, ok, err := d.status(ctx, id, at)
			if err != nil {
				return handlers.Reply{}, false, err
			}
			if !ok || p.Role != role { // a stale index entry
				continue
			}
			all.add(st.State)
			pcn := strings.TrimSpace(p.PCN)
			if pcn == "" {
				pcn = "No PCN given"
			}
			count(byRole, role.Name(), st.State)
			count(byPCN, pcn, st.State)
		}
	}
	r := handlers.Reply{
		Header: "Weekly supervision digest",
		Text:   fmt.Sprintf("As of %s: %s.", at.Format("Monday 2 January 2006"), all),
		Sections: []handlers.Section{
			{Heading: "By role", Fields: tallyFields(byRole)},
			{Heading: "By PCN", Fields: tallyFields(byPCN)},
		},
		Note: "Counts only, from people's own records; no names.",
	}
	failed, err := d.failures(ctx, at.Add(-7*24*time.Hour))
	if err != nil {
		return handlers.Reply{}, false, err
	}
	r.Sections = append(r.Sections, undelivered(failed))
	if d.content != nil {
		months := max(d.reviewMonths, 1)
		if lines := handlers.StaleLines(knowledge.Stale(d.content.Entries(), at, months), months, 10); len(lines) > 0 {
			r.Sections = append(r.Sections, handlers.Section{Heading: "Articles due for review", Text: strings.Join(lines, "\n")})
		}
	}
	return r, true, nil
}

func (d adminDigest) status(ctx context.Context, userID string, at time.Time) (supervision.Status, supervision.Profile, bool, error) {
	p, ok, err := d.db.Profile(ctx, userID)
	if err != nil || !ok {
		return supervision.Status{}, p, ok, err
	}
	sessions, err := d.db.Sessions(ctx, userID, 0)
	if err != nil {
		return supervision.Status{}, p, false, err
	}
	leaves, err := d.db.Leaves(ctx, userID)
	if err != nil {
		return supervision.Status{}, p, false, err
	}
	loc, lerr := scheduler.LoadZone(p.TimeZone)
	if lerr != nil || p.TimeZone == "" {
		loc, _ = scheduler.LoadZone(supervision.DefaultTimeZone)
	}
	std, err := d.standards.For(ctx, p.Role, p.Locality)
	if err != nil {
		return supervision.Status{}, p, false, err
	}
	return supervision.ComputeStatus(std, sessions, leaves, at.In(loc)), p, true, nil
}

func count(m map[string]*tally, key string, s supervision.State) {
	if m[key] == nil {
		m[key] = &tally{}
	}
	m[key].add(s)
}

func tallyFields(m map[string]*tally) []handlers.Field {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fields := make([]handlers.Field, 0, len(keys))
	for _, k := range keys {
		fields = append(fields, handlers.Field{Label: handlers.AsTyped(k), Value: m[k].String()})
	}
	if len(fields) == 0 {
		fields = append(fields, handlers.Field{Label: "Nobody yet", Value: "No one has set up a supervision profile."})
	}
	return fields
}

// undelivered lists what could not be delivered and why, ten at most.
func undelivered(failed []scheduler.FailureRecord) handlers.Section {
	s := handlers.Section{Heading: "Could not be delivered this week"}
	if len(failed) == 0 {
		s.Text = "Every reminder and message was delivered."
		return s
	}
	var lines []string
	for i, f := range failed {
		if i == 10 {
			lines = append(lines, fmt.Sprintf("- and %d more", len(failed)-10))
			break
		}
		what := map[string]string{scheduler.KindSupervision: "Supervision reminder", scheduler.KindSchedule: "Channel schedule",
			scheduler.KindDigest: "Digest", scheduler.KindDM: "Message"}[f.Kind]
		if what == "" {
			what = "Message"
		}
		lines = append(lines, fmt.Sprintf("- %s to %s on %s: %s", what, f.To, f.At.Format("2 Jan"), f.Reason))
	}
	s.Text = strings.Join(lines, "\n")
	return s
}

// ensureDigests schedules each admin's weekly digest unless it already is,
// so a restart does not move one that is due.
func ensureDigests(ctx context.Context, e *scheduler.Engine, admins []string) error {
	var errs []error
	for _, a := range admins {
		id := "digest:" + a
		if _, err := e.Item(ctx, id); !errors.Is(err, scheduler.ErrNoItem) {
			errs = append(errs, err) // nil when it is there
			continue
		}
		_, err := e.Schedule(ctx, scheduler.Item{ID: id, Kind: scheduler.KindDigest, Owner: a, To: a, Spec: digestSpec})
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}
