package handlers

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/peerbot/peerbot/internal/text"
	"github.com/peerbot/peerbot/supervision"
)

// ReportSource gives the people a report covers and what their status is
// worked out from. *store.Redis satisfies it.
type ReportSource interface {
	// ReportProfiles returns the profiles by "role" (a role code), by
	// "pcn" (a PCN's name), or of everyone with a role when by is "",
	// read from the indexes and checked against each profile.
	ReportProfiles(ctx context.Context, by, value string) ([]supervision.Profile, error)
	// Summaries is Sessions.Summaries.
	Summaries(ctx context.Context, userIDs []string) ([]supervision.Summary, error)
}

// Report page limits: lines a section holds at most in characters, and
// sections a message holds, well inside Slack's 3,000 characters a section
// and 50 blocks a message, and under 50 KB of blocks.
const (
	reportSectionChars = 2400
	reportPageSections = 15
)

// reportRow is one person in a report.
type reportRow struct {
	p  supervision.Profile
	st supervision.Status
}

// reportFilter is what a report covers, as the admin typed it.
type reportFilter struct {
	by, value string // as ReportSource takes them; locality is filtered here
	locality  string
	title     string // "coaches", "Central PCN": for the header
	csv       bool
}

// parseReportArgs reads "[csv] [role <role>|pcn <name>|locality <name>]",
// csv first or last. A non-empty string is what to tell the admin instead.
func parseReportArgs(args string) (reportFilter, string) {
	var f reportFilter
	words := strings.Fields(args)
	if n := len(words); n > 0 && strings.EqualFold(words[n-1], "csv") {
		f.csv, words = true, words[:n-1]
	}
	if len(words) > 0 && strings.EqualFold(words[0], "csv") {
		f.csv, words = true, words[1:]
	}
	if len(words) == 0 {
		return f, ""
	}
	kind, value := strings.ToLower(words[0]), strings.Join(words[1:], " ")
	if kind != "role" && kind != "pcn" && kind != "locality" {
		// "report coaches", "report link workers", "report gateshead":
		// a role or locality named without the word before it.
		all := strings.Join(words, " ")
		if _, ok := supervision.ParseRole(all); ok {
			kind, value = "role", all
		} else if l, ok := supervision.ParseLocality(all); ok && l != "" {
			kind, value = "locality", all
		}
	}
	if value == "" && (kind == "role" || kind == "pcn" || kind == "locality") {
		return f, "Say which one, such as “role coach”, “pcn Central” or “locality gateshead”."
	}
	switch kind {
	case "role":
		r, ok := supervision.ParseRole(value)
		if !ok {
			return f, fmt.Sprintf("I don't know a role called “%s”. Roles are SPLW, HWBC and CC.", reportTyped(value))
		}
		f.by, f.value, f.title = "role", string(r), r.Abbreviation()
	case "pcn":
		f.by, f.value, f.title = "pcn", value, reportWords(value)
	case "locality":
		l, ok := supervision.ParseLocality(value)
		if !ok || l == "" {
			return f, fmt.Sprintf("I don't know a locality called “%s”. Localities are %s.", reportTyped(value), strings.Join(supervision.Localities, " and "))
		}
		f.locality, f.title = l, strings.ToUpper(l[:1])+l[1:]
	default:
		return f, fmt.Sprintf("A report can be by role, pcn or locality, not “%s”. For a PCN, put pcn first: “pcn %s”.", reportTyped(kind), reportTyped(strings.Join(words, " ")))
	}
	return f, ""
}

// Report answers "admin report [csv] [role|pcn|locality <value>]": each
// person on track, due soon or overdue, overdue first. A long report goes
// on in more pages (Reply.More), seen by the admin only where they asked;
// "csv" sends it as a file to the admin's DM.
func (a *Admin) Report(ctx context.Context, req Request) (Reply, error) {
	f, bad := parseReportArgs(req.Args)
	if bad != "" {
		return Say(bad + "\nFor example: " + req.Invocation("admin", "report role coach") + ", " + req.Invocation("admin", "report pcn Central") + " or " + req.Invocation("admin", "report csv") + "."), nil
	}
	if a.reports == nil {
		return Say("Reports are not set up on this bot."), nil
	}
	rows, err := a.reportRows(ctx, f)
	if err != nil {
		return Reply{}, err
	}
	if f.csv && len(rows) == 0 {
		// An empty file helps nobody: say so, as the report in a message does.
		return Say("Nobody with a supervision profile matches that yet, so there is no CSV to send."), nil
	}
	if f.csv {
		return Reply{
			Text:  fmt.Sprintf("I've sent the report of %s to you as a CSV file by direct message. It holds Slack user ids, roles, PCNs and dates, nothing clinical: keep it within the network.", supCount(len(rows), "person", "people")),
			Files: []File{{Name: reportFileName(f, a.now()), Title: "Supervision report", Content: reportCSV(rows)}},
		}, nil
	}
	pages := reportPages(f, rows)
	r := pages[0]
	if n := len(pages); n > 1 {
		r.More = pages[1:]
		r.Note = fmt.Sprintf("Page 1 of %d: the report goes on below in %s that only you can see.", n, supCount(n-1, "more message", "more messages"))
		r.MoreInDM = fmt.Sprintf("Page 1 of %d: I can't post in this conversation, so the rest is in your DM with me (%s).", n, supCount(n-1, "more message", "more messages"))
		for i := range r.More {
			r.More[i].Note = fmt.Sprintf("Page %d of %d.", i+2, n)
		}
	}
	return r, nil
}

// reportRows reads everyone the report covers and works out their status,
// overdue first, then due soon, nothing logged, on track; the earlier due
// date first.
func (a *Admin) reportRows(ctx context.Context, f reportFilter) ([]reportRow, error) {
	ps, err := a.reports.ReportProfiles(ctx, f.by, f.value)
	if err != nil {
		return nil, fmt.Errorf("report: reading profiles: %w", err)
	}
	if f.locality != "" {
		ps = slices.DeleteFunc(ps, func(p supervision.Profile) bool { return p.Locality != f.locality })
	}
	ids := make([]string, len(ps))
	for i, p := range ps {
		ids[i] = p.UserID
	}
	sums, err := a.reports.Summaries(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("report: reading status: %w", err)
	}
	now := a.now()
	stds := map[[2]string]supervision.Standard{}
	rows := make([]reportRow, len(ps))
	for i, p := range ps {
		k := [2]string{string(p.Role), p.Locality}
		std, ok := stds[k]
		if !ok {
			if std, err = a.standards.For(ctx, p.Role, p.Locality); err != nil {
				return nil, fmt.Errorf("report: reading standards: %w", err)
			}
			stds[k] = std
		}
		rows[i] = reportRow{p: p, st: sums[i].Status(std, now.In(a.location(p)))}
	}
	slices.SortStableFunc(rows, func(x, y reportRow) int {
		if d := reportRank(x.st.State) - reportRank(y.st.State); d != 0 {
			return d
		}
		if d := x.st.Due.Compare(y.st.Due); d != 0 {
			return d
		}
		return strings.Compare(x.p.UserID, y.p.UserID)
	})
	return rows, nil
}

func reportRank(s supervision.State) int {
	return slices.Index([]supervision.State{supervision.Overdue, supervision.DueSoon, supervision.None, supervision.OnTrack, supervision.Unknown}, s)
}

func (a *Admin) location(p supervision.Profile) *time.Location {
	if loc, err := supervision.LoadZone(p.TimeZone); p.TimeZone != "" && err == nil {
		return loc
	}
	if loc, err := supervision.LoadZone(supervision.DefaultTimeZone); err == nil {
		return loc
	}
	return time.UTC
}

// reportPages draws the report as replies that each fit in one Slack
// message: the first with the header and the counts, the rest going on.
func reportPages(f reportFilter, rows []reportRow) []Reply {
	head := Reply{Header: "Supervision report"}
	if f.title != "" {
		head.Header += ": " + text.Clip(f.title, 100)
	}
	if len(rows) == 0 {
		head.Text = "Nobody with a supervision profile matches that yet."
		if f.title == "" {
			head.Text = "Nobody has set up a supervision profile yet."
		}
		return []Reply{head}
	}
	head.Text = reportCounts(rows)
	var sections []Section
	for _, g := range reportGroups(rows) {
		sections = append(sections, reportGroupSections(g.heading, g.lines)...)
	}
	pages := []Reply{head}
	for _, s := range sections {
		if len(pages[len(pages)-1].Sections) == reportPageSections {
			pages = append(pages, Reply{Header: "Supervision report, continued"})
		}
		p := &pages[len(pages)-1]
		p.Sections = append(p.Sections, s)
	}
	return pages
}

type reportGroup struct {
	heading string
	lines   []string
}

// reportGroups puts the rows, already in order, under a heading per state.
func reportGroups(rows []reportRow) []reportGroup {
	var out []reportGroup
	for _, r := range rows {
		h := reportHeading(r.st.State)
		if len(out) == 0 || out[len(out)-1].heading != h {
			out = append(out, reportGroup{heading: h})
		}
		out[len(out)-1].lines = append(out[len(out)-1].lines, "- "+reportLine(r))
	}
	return out
}

func reportGroupSections(heading string, lines []string) []Section {
	var out []Section
	cur := Section{Heading: heading}
	for _, l := range lines {
		if cur.Text != "" && len(cur.Text)+1+len(l) > reportSectionChars {
			out = append(out, cur)
			cur = Section{Heading: heading + " (continued)"}
		}
		if cur.Text != "" {
			cur.Text += "\n"
		}
		cur.Text += l
	}
	return append(out, cur)
}

func reportHeading(s supervision.State) string {
	switch s {
	case supervision.Overdue:
		return "Overdue"
	case supervision.DueSoon:
		return "Due soon"
	case supervision.None:
		return "Nothing logged yet that counts"
	case supervision.OnTrack:
		return "On track"
	}
	return "No known standard"
}

// reportLine is one person: mention, role, PCN, last session, each clock's
// next due date, and confirmation.
func reportLine(r reportRow) string {
	parts := []string{supMention(r.p.UserID) + " (" + r.p.Role.Abbreviation() + ")"}
	if pcn := reportTyped(r.p.PCN); pcn != "" {
		parts = append(parts, pcn)
	}
	parts = append(parts, "last: "+reportLast(r.st))
	for _, c := range r.st.Clocks {
		parts = append(parts, supLowerFirst(c.Kind.Name)+" due: "+reportDue(c))
	}
	parts = append(parts, reportConfirmed(r.st))
	return strings.Join(parts, " · ")
}

func reportLast(st supervision.Status) string {
	if st.LastAny == nil {
		return "none"
	}
	return st.LastAny.Date.Format("2 Jan 2006") + ", " + string(st.LastAny.Type)
}

func reportDue(c supervision.Clock) string {
	switch {
	case c.State == supervision.None:
		return "nothing logged"
	case c.Due.IsZero():
		return "no frequency known"
	}
	return c.Due.Format("2 Jan 2006")
}

func reportConfirmed(st supervision.Status) string {
	switch {
	case st.LastAny == nil:
		return "nothing to confirm"
	case st.Awaiting > 0:
		return fmt.Sprintf("%d awaiting confirmation", st.Awaiting)
	}
	return "none awaiting confirmation"
}

// reportCounts sums up the report in a sentence.
func reportCounts(rows []reportRow) string {
	n := map[supervision.State]int{}
	for _, r := range rows {
		n[r.st.State]++
	}
	var parts []string
	for _, s := range []supervision.State{supervision.Overdue, supervision.DueSoon, supervision.None, supervision.OnTrack, supervision.Unknown} {
		if n[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n[s], strings.ToLower(reportHeading(s))))
		}
	}
	return fmt.Sprintf("%s: %s. Overdue first.", supCount(len(rows), "person", "people"), strings.Join(parts, ", "))
}

// reportTyped is a value a person typed (a PCN's name, a word of a
// filter) to show in the bot's words: short, on one line, and otherwise as
// typed, so no markup, mention or link in it is drawn.
func reportTyped(s string) string { return AsTyped(reportWords(s)) }

// reportWords is s on one line, runs of space as one, clipped short.
func reportWords(s string) string { return safeWords(s, "", 60) }

// safeWords drops the characters in drop from s, runs of space as one
// space, clipped to n characters.
func safeWords(s, drop string, n int) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case strings.ContainsRune(drop, r):
			return -1
		case r == '\n' || r == '\r' || r == '\t':
			return ' '
		}
		return r
	}, s)
	return text.Clip(strings.Join(strings.Fields(s), " "), n)
}

// reportFileName names the CSV file by what it covers and the date.
func reportFileName(f reportFilter, now time.Time) string {
	name := "supervision-report"
	if f.by != "" || f.locality != "" {
		slug := strings.Map(func(r rune) rune {
			switch {
			case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
				return r
			case r >= 'A' && r <= 'Z':
				return r + 'a' - 'A'
			}
			return '-'
		}, f.title)
		name += "-" + strings.Trim(slug, "-")
	}
	return name + "-" + now.UTC().Format("2006-01-02") + ".csv"
}

// reportCSV is the report as CSV: one row a person, in the report's order,
// with a column per clock's next due date. A cell that a spreadsheet would
// read as a formula starts with a quote mark.
func reportCSV(rows []reportRow) []byte {
	var kinds []string // every clock's name, in first-seen order
	for _, r := range rows {
		for _, c := range r.st.Clocks {
			if !slices.Contains(kinds, c.Kind.Name) {
				kinds = append(kinds, c.Kind.Name)
			}
		}
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	head := []string{"user_id", "role", "pcn", "locality", "status", "last_session", "last_type"}
	for _, k := range kinds {
		head = append(head, "next_due: "+k)
	}
	_ = w.Write(append(head, "awaiting_confirmation"))
	for _, r := range rows {
		last, lastType := "", ""
		if r.st.LastAny != nil {
			last, lastType = r.st.LastAny.Date.Format("2006-01-02"), string(r.st.LastAny.Type)
		}
		rec := []string{r.p.UserID, r.p.Role.Abbreviation(), r.p.PCN, r.p.Locality, strings.ToLower(reportHeading(r.st.State)), last, lastType}
		for _, k := range kinds {
			due := ""
			for _, c := range r.st.Clocks {
				if c.Kind.Name == k && !c.Due.IsZero() {
					due = c.Due.Format("2006-01-02")
				}
			}
			rec = append(rec, due)
		}
		rec = append(rec, fmt.Sprint(r.st.Awaiting))
		for i := range rec {
			rec[i] = csvSafe(rec[i])
		}
		_ = w.Write(rec)
	}
	w.Flush()
	return b.Bytes()
}

// csvSafe keeps a spreadsheet from running a cell as a formula: one that
// starts with = + - @ (or a tab or carriage return) gets a leading quote.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
