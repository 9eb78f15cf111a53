package handlers_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/peerbot/peerbot/bot"
	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/supervision"
)

func (e *adminEnv) profile(p supervision.Profile) {
	e.t.Helper()
	if err := e.st.SaveProfile(context.Background(), p); err != nil {
		e.t.Fatal(err)
	}
}

func (e *adminEnv) session(user string, date time.Time, typ supervision.SessionType, conf supervision.Confirmation) {
	e.t.Helper()
	s := supervision.Session{ID: supervision.NewID(), UserID: user, Date: date, Type: typ, LoggedBy: user, LoggedAt: date.Add(12 * time.Hour), Confirmation: conf}
	if conf != supervision.NoConfirmation {
		s.WithID = gp
	}
	if err := e.st.AddSession(context.Background(), s); err != nil {
		e.t.Fatal(err)
	}
}

// reportPeople stores a small network: Sam overdue, Ali due soon with a
// session awaiting confirmation, the GP on track, Kim a care coordinator,
// whose standard gives no frequency.
func (e *adminEnv) reportPeople() {
	e.profile(supervision.Profile{UserID: sam, Role: supervision.LinkWorker, PCN: "Central", Locality: "gateshead", SupervisorID: gp})
	e.profile(supervision.Profile{UserID: ali, Role: supervision.Coach, PCN: "East", SupervisorID: gp})
	e.profile(supervision.Profile{UserID: gp, Role: supervision.LinkWorker, PCN: "Central", Locality: "gateshead"})
	e.profile(supervision.Profile{UserID: kim, Role: supervision.Coordinator, PCN: "<!channel> [x](https://evil.example)", Locality: "london"})
	e.session(sam, day(2026, 9, 1), supervision.Clinical, supervision.Confirmed)
	e.session(ali, day(2026, 10, 25), supervision.Clinical, supervision.Awaiting)
	e.session(ali, day(2026, 10, 25), supervision.CoachingSup, supervision.NoConfirmation)
	e.session(gp, day(2026, 11, 18), supervision.Clinical, supervision.NoConfirmation)
}

func TestAdminReportGolden(t *testing.T) {
	e := newAdminEnv(t, supDirectory{})
	e.reportPeople()
	r, err := e.run("admin report")
	if err != nil {
		t.Fatal(err)
	}
	replyGolden(t, "admin_report", r, e.tbl)
	if faults := bot.Limits(r); len(faults) > 0 {
		t.Errorf("the report breaks Slack's limits: %v", faults)
	}
	blocks, fallback := bot.Blocks(r)
	js, err := json.MarshalIndent(map[string]any{"text": fallback, "blocks": blocks}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	raw := string(js)
	if strings.Contains(raw, "<!channel>") || strings.Contains(raw, "evil.example|") || strings.Contains(raw, "<https://evil") {
		t.Errorf("a PCN as typed became a ping or a link in the bot's voice:\n%s", raw)
	}
}

func TestAdminReportFilters(t *testing.T) {
	e := newAdminEnv(t, supDirectory{})
	e.reportPeople()
	tests := []struct {
		name, text string
		want, not  []string
	}{
		{"everyone, overdue first", "admin report", []string{"4 people: 1 overdue, 1 due soon, 1 on track, 1 no known standard"}, nil},
		{"a role", "admin report role coach", []string{"Supervision report: HWBC", "1 person", "@U03ALI"}, []string{"@U01SAM", "@U02GP", "@U04KIM"}},
		{"a PCN as people write it", "admin report pcn central", []string{"2 people", "@U01SAM", "@U02GP"}, []string{"@U03ALI", "@U04KIM"}},
		{"a locality", "admin report locality Gateshead", []string{"Supervision report: Gateshead", "2 people", "@U01SAM", "@U02GP"}, []string{"@U03ALI"}},
		{"a PCN nobody is in", "admin report pcn Nowhere", []string{"Nobody with a supervision profile matches that yet."}, nil},
		{"an unknown role", "admin report role plumber", []string{"I don't know a role called “plumber”", "For example: /peer admin report role coach"}, []string{"Supervision report"}},
		{"an unknown locality", "admin report locality mars", []string{"I don't know a locality called “mars”"}, nil},
		{"an unknown kind", "admin report team x", []string{"A report can be by role, pcn or locality, not “team”."}, nil},
		{"a kind with no value", "admin report role", []string{"Say which one"}, nil},
		{"a role without the word role", "admin report coaches", []string{"Supervision report: HWBC", "1 person", "@U03ALI"}, []string{"@U01SAM"}},
		{"a role in words", "admin report link workers csv", []string{"CSV file", "2 people"}, nil},
		{"a locality without the word locality", "admin report gateshead", []string{"Supervision report: Gateshead", "2 people"}, []string{"@U03ALI"}},
		{"one word that is none of them", "admin report central", []string{"not “central”", "“pcn central”"}, []string{"Say which one"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := e.text(tt.text)
			wantContains(t, tt.text, got, tt.want...)
			wantNotContains(t, tt.text, got, tt.not...)
		})
	}
	got := e.text("admin report")
	if o, d, k, n := strings.Index(got, "@U01SAM"), strings.Index(got, "@U03ALI"), strings.Index(got, "@U02GP"), strings.Index(got, "@U04KIM"); !(o < d && d < k && k < n) {
		t.Errorf("want overdue, due soon, on track, no known standard in that order:\n%s", got)
	}
}

// A profile that moved out of a PCN, with its index entry left behind,
// is not reported under the old PCN: the index is checked against the
// profile.
func TestAdminReportChecksIndex(t *testing.T) {
	e := newAdminEnv(t, supDirectory{})
	e.reportPeople()
	if err := e.st.SaveProfile(context.Background(), supervision.Profile{UserID: sam, Role: supervision.LinkWorker, PCN: "West"}); err != nil {
		t.Fatal(err)
	}
	wantNotContains(t, "moved", e.text("admin report pcn Central"), "@U01SAM")
	wantContains(t, "moved", e.text("admin report pcn west"), "@U01SAM")
}

// A thousand people are split across messages, each inside Slack's
// limits, and nobody is left out.
func TestAdminReportThousand(t *testing.T) {
	e := newAdminEnv(t, supDirectory{})
	for i := range 1000 {
		id := fmt.Sprintf("U%05dX", i)
		e.profile(supervision.Profile{UserID: id, Role: supervision.Roles[i%3], PCN: fmt.Sprintf("Gateshead Central and Outer West PCN %d", i%40), Locality: "gateshead"})
		if i%2 == 0 {
			e.session(id, day(2026, 8+time.Month(i%4), 1+i%28), supervision.Clinical, supervision.Awaiting)
		}
	}
	r, err := e.run("admin report")
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Messages) != 0 {
		t.Fatalf("the report sends %d messages elsewhere; want its pages where it was asked for", len(r.Messages))
	}
	pages := append([]handlers.Reply{r}, r.More...)
	if len(pages) < 2 {
		t.Fatalf("1,000 people in %d message; want the report split", len(pages))
	}
	n := len(pages)
	wantContains(t, "first page", all(r), "1000 people:", fmt.Sprintf("Page 1 of %d: the report goes on below in %d more messages that only you can see.", n, n-1))
	wantContains(t, "first page if the rest goes by DM", r.MoreInDM, fmt.Sprintf("Page 1 of %d", n), "the rest is in your DM with me")
	wantContains(t, "last page", all(pages[n-1]), fmt.Sprintf("Page %d of %d.", n, n))
	seen := map[string]bool{}
	for i, p := range pages {
		if faults := bot.Limits(p); len(faults) > 0 {
			t.Errorf("page %d breaks Slack's limits: %v", i+1, faults)
		}
		blocks, _ := bot.Blocks(p)
		js, _ := json.Marshal(blocks)
		if len(js) > 50_000 {
			t.Errorf("page %d is %d bytes of blocks", i+1, len(js))
		}
		for _, line := range strings.Split(all(p), "\n") {
			if id, ok := strings.CutPrefix(strings.TrimPrefix(line, "• "), "@"); ok {
				seen[strings.Fields(id)[0]] = true
			}
		}
	}
	if len(seen) != 1000 {
		t.Errorf("the pages name %d people, want 1000", len(seen))
	}
}

func TestAdminReportCSV(t *testing.T) {
	e := newAdminEnv(t, supDirectory{})
	e.reportPeople()
	e.profile(supervision.Profile{UserID: "U05EVE", Role: supervision.Coach, PCN: `=HYPERLINK("x"), "North", PCN`})
	r, err := e.run("admin report csv")
	if err != nil {
		t.Fatal(err)
	}
	wantContains(t, "csv", all(r), "I've sent the report of 5 people to you as a CSV file by direct message.")
	if len(r.Files) != 1 || len(r.Messages) != 0 {
		t.Fatalf("want one file for the admin and no other message, got %d files, %+v", len(r.Files), r.Messages)
	}
	f := r.Files[0]
	if f.Name != "supervision-report-2026-11-20.csv" {
		t.Errorf("file name %q", f.Name)
	}
	golden(t, "admin_report.csv", f.Content)
	recs, err := csv.NewReader(strings.NewReader(string(f.Content))).ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not read back: %v", err)
	}
	if len(recs) != 6 {
		t.Fatalf("%d rows, want a header and 5 people", len(recs))
	}
	if recs[1][0] != sam || recs[1][4] != "overdue" {
		t.Errorf("first row %v, want Sam overdue", recs[1])
	}
	var eve []string
	for _, rec := range recs {
		if rec[0] == "U05EVE" {
			eve = rec
		}
	}
	if eve == nil || eve[2] != `'=HYPERLINK("x"), "North", PCN` {
		t.Errorf("a PCN that reads as a formula should keep its commas and quotes and start with a quote mark: %q", eve)
	}
	r, err = e.run("admin report role coach csv")
	if err != nil {
		t.Fatal(err)
	}
	if n := r.Files[0].Name; n != "supervision-report-hwbc-2026-11-20.csv" {
		t.Errorf("file name %q", n)
	}
}

// BenchmarkAdminReport1000 is "admin report" over 1,000 people on a real
// Redis: the indexes, the profiles and the summaries read, and the pages
// drawn.
func BenchmarkAdminReport1000(b *testing.B) {
	e := newAdminEnv(b, supDirectory{})
	for i := range 1000 {
		id := fmt.Sprintf("U%05dX", i)
		e.profile(supervision.Profile{UserID: id, Role: supervision.Roles[i%3], PCN: fmt.Sprintf("PCN %d", i%40)})
		e.session(id, day(2026, 9, 1+i%28), supervision.Clinical, supervision.NoConfirmation)
	}
	b.ResetTimer()
	for range b.N {
		if _, err := e.run("admin report"); err != nil {
			b.Fatal(err)
		}
	}
}

// With nobody set up, the report says so, not that nobody matches a filter
// the admin never gave.
func TestAdminReportNobodyYet(t *testing.T) {
	e := newAdminEnv(t, supDirectory{})
	got := e.text("admin report")
	wantContains(t, "report", got, "Nobody has set up a supervision profile yet.")
	wantNotContains(t, "report", got, "matches that")
}
