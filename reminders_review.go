package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/knowledge"
	"github.com/peerbot/peerbot/scheduler"
)

// reviewClaims remembers which review notices were scheduled, so each is
// scheduled once across replicas and restarts. *store.Redis satisfies it.
type reviewClaims interface {
	Claim(ctx context.Context, scope string, ttl time.Duration, ids ...string) (bool, error)
}

// reviewScheduler is the part of the engine review notices need.
type reviewScheduler interface {
	Schedule(ctx context.Context, it scheduler.Item) (scheduler.Item, error)
}

// ensureReviews schedules, once for each article and reviewed date, a DM to
// its owner (owner_slack, or every admin when it names none) for the day
// the article falls due for review, or now when it is overdue. The item is
// "review:<id>:<to>": an article reviewed again replaces the notice still
// waiting for its old date. The claim "<id>@<reviewed>" keeps a notice that
// was sent from being scheduled again.
func ensureReviews(ctx context.Context, e reviewScheduler, claims reviewClaims, entries []*knowledge.Entry, months int, admins []string, now time.Time) error {
	var errs []error
	for _, a := range entries {
		to := admins
		if a.OwnerSlack != "" {
			to = []string{a.OwnerSlack}
		}
		if len(to) == 0 {
			continue
		}
		due := a.ReviewDue(months).Add(9 * time.Hour) // 09:00 UTC on the day
		ttl := time.Until(due) + 400*24*time.Hour
		if due.Before(now) {
			due, ttl = now, 400*24*time.Hour
		}
		first, err := claims.Claim(ctx, "review", ttl, a.ID+"@"+a.Reviewed.Format(time.DateOnly))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if !first {
			continue
		}
		for _, u := range to {
			r := reviewNotice(a)
			_, err := e.Schedule(ctx, scheduler.Item{ID: "review:" + a.ID + ":" + u, Kind: scheduler.KindDM, To: u, Due: due, Payload: scheduler.ReplyPayload(r)})
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// reviewNotice is the DM that says an article is due for review.
func reviewNotice(a *knowledge.Entry) handlers.Reply {
	return handlers.Reply{
		Header: "An article is due for review",
		Text: fmt.Sprintf("**%s** (%s) was last reviewed on %s. Please check its facts and sources are still right, set its reviewed date, and ask an admin to reload the content.",
			a.Title, a.ID, a.Reviewed.Format("2 January 2006")),
		Note: "You get this once for each review. Owner: " + a.Owner + ".",
	}
}
