package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/peerbot/peerbot/bot"
	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/knowledge"
	"github.com/peerbot/peerbot/supervision"
)

// knowledgeCheck is "peerbot knowledge check [dir]": it validates the
// shipped content, or the articles and standards in dir (as KNOWLEDGE_DIR
// would add them), prints each fault with its file and reason, and fails
// when there is any.
//
// With --stale it also lists the articles due for review: reviewed more
// than REVIEW_MONTHS (default 12) months ago.
func knowledgeCheck(args []string, stdout io.Writer) error {
	stale := false
	if len(args) > 0 && args[0] == "--stale" {
		stale, args = true, args[1:]
	}
	if len(args) > 1 || (len(args) == 1 && strings.HasPrefix(args[0], "-")) {
		return errors.New(`usage: peerbot knowledge check [--stale] [dir]`)
	}
	months := knowledge.DefaultReviewMonths
	if v := os.Getenv("REVIEW_MONTHS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 120 {
			return fmt.Errorf("REVIEW_MONTHS: expected a number of months from 1 to 120, not %q", v)
		}
		months = n
	}
	var (
		fsys  = knowledge.Content()
		extra fs.FS
		where = "the shipped content"
	)
	if len(args) == 1 {
		if st, err := os.Stat(args[0]); err != nil || !st.IsDir() {
			return fmt.Errorf("knowledge check: %q is not a folder", args[0])
		}
		fsys = os.DirFS(args[0])
		extra, where = fsys, args[0]
	}
	base, faults := checkContent(fsys, extra, time.Now())
	n := 0
	if base != nil {
		n = len(base.Entries())
	}
	for _, f := range faults {
		fmt.Fprintln(stdout, f)
	}
	if len(faults) > 0 {
		return fmt.Errorf("knowledge check: %d fault(s) in %s", len(faults), where)
	}
	fmt.Fprintf(stdout, "ok: %d articles checked in %s\n", n, where)
	if stale {
		due := knowledge.Stale(base.Entries(), time.Now(), months)
		for _, e := range due {
			fmt.Fprintf(stdout, "stale: %s (%s): reviewed %s, due for review since %s; owner %s\n",
				e.File, e.ID, e.Reviewed.Format(time.DateOnly), e.ReviewDue(months).Format(time.DateOnly), e.Owner)
		}
		fmt.Fprintf(stdout, "%d article(s) due for review (reviewed more than %d months ago)\n", len(due), months)
	}
	return nil
}

// checkContent validates content as "peerbot knowledge check" does: the
// articles in fsys (the shipped content, or a folder), the standards in
// extra, then the content loaded whole with each article drawn as Slack
// would. It returns the loaded content when there is no fault.
func checkContent(fsys, extra fs.FS, now time.Time) (*knowledge.Base, []error) {
	faults := knowledge.Check(fsys, now)
	if _, err := supervision.LoadStandards(extra); err != nil {
		faults = append(faults, err)
	}
	if len(faults) > 0 {
		return nil, faults
	}
	base, err := knowledge.LoadWith(knowledge.Content(), extra)
	if err != nil {
		return nil, []error{err}
	}
	for _, e := range base.Entries() {
		faults = append(faults, renderFaults(e)...)
	}
	if err := handlers.CheckRoles(base); err != nil {
		faults = append(faults, err)
	}
	if len(faults) > 0 {
		return nil, faults
	}
	return base, nil
}

// renderFaults draws an article whole, as the longest answer the bot could
// give from it, and reports where Slack would refuse or cut it.
func renderFaults(e *knowledge.Entry) []error {
	r := handlers.Reply{Header: e.Title, Text: e.Summary, Note: "Reviewed " + e.Reviewed.String()}
	for _, s := range e.Sections {
		r.Sections = append(r.Sections, handlers.Section{Heading: s.Heading, Text: s.Text})
	}
	for _, s := range e.Sources {
		r.Sources = append(r.Sources, handlers.Source{Title: s.Title, URL: s.URL, AsOf: s.AsOf.String()})
	}
	r.Buttons = []handlers.Button{{Label: "Helpful", Command: "feedback", Args: e.ID + " helpful"}, {Label: "Not helpful", Command: "feedback", Args: e.ID + " not-helpful"}}
	var faults []error
	for _, p := range bot.Limits(r) {
		faults = append(faults, fmt.Errorf("%w: %s: %s", knowledge.ErrInvalid, e.File, p))
	}
	return faults
}
