package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/peerbot/peerbot/internal/fakeslack"
	"github.com/peerbot/peerbot/internal/redistest"
	"github.com/peerbot/peerbot/store"
	"github.com/peerbot/peerbot/supervision"
)

// TestHTTPAdminAudit: over HTTP, someone who is not an admin is refused an
// admin command and the attempt is audited; an admin's own runs are too;
// and /peer admin audit shows them, with mentions, never the arguments.
func TestHTTPAdminAudit(t *testing.T) {
	prefix := redistest.Prefix(t)
	p := startHTTP(t, map[string]string{"ADMIN_USER_IDS": "UADMIN1", "REDIS_KEY_PREFIX": prefix})
	for _, text := range []string{"admin audit 5", "unanswered 30"} {
		mustContain(t, text+" by someone else", p.slashAs(t, "U0SAM", "/peer", text), "only network admins")
	}
	mustContain(t, "unanswered by an admin", p.slashAs(t, "UADMIN1", "/peer", "unanswered 30"), "Unanswered questions")
	got := p.slashAs(t, "UADMIN1", "/peer", "admin audit")
	mustContain(t, "admin audit", got, "Audit log", "The latest 4 entries",
		"<@UADMIN1> ran /peer admin audit", "<@UADMIN1> ran /peer unanswered",
		"<@U0SAM> tried /peer unanswered and was refused", "<@U0SAM> tried /peer admin audit and was refused",
		"Times are in Europe/London")

	msgs, err := redistest.Client(t).XRange(context.Background(), prefix+"audit", "-", "+").Result()
	if err != nil {
		t.Fatal(err)
	}
	var cmds []string
	for _, m := range msgs {
		cmds = append(cmds, m.Values["cmd"].(string))
	}
	if want := []string{"admin audit", "unanswered", "unanswered", "admin audit"}; !slices.Equal(cmds, want) {
		t.Errorf("audited commands = %q, want %q: the words, never the arguments", cmds, want)
	}
}

// TestConsoleAdminAudit: the console's person is its admin, and its
// embedded store keeps the audit log too.
func TestConsoleAdminAudit(t *testing.T) {
	clearConfigEnv(t)
	var out bytes.Buffer
	if err := run(context.Background(), nil, strings.NewReader("/peer unanswered\n/peer admin audit\n"), &out, &bytes.Buffer{}, nil); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Audit log", "@UCONSOLE ran /peer unanswered", "@UCONSOLE ran /peer admin audit"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("console output lacks %q:\n%s", want, out.String())
		}
	}
}

// reportSlack is the fake Slack Web API a paged report test runs against,
// with response_url under /hooks/.
func reportSlack(t *testing.T) (*fakeslack.API, string) {
	t.Helper()
	fake := fakeslack.New()
	srv := httptest.NewServer(fake.Handler())
	t.Cleanup(srv.Close)
	return fake, srv.URL
}

// seedReport stores n people with profiles, half of them with a session.
func seedReport(t *testing.T, prefix string, n int) {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, store.Options{URL: redistest.URL(t), Prefix: prefix})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	day := time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		id := fmt.Sprintf("U%05dX", i)
		if err := db.SaveProfile(ctx, supervision.Profile{UserID: id, Role: supervision.Roles[i%3], PCN: fmt.Sprintf("Gateshead Central and Outer West PCN %d", i%40), Locality: "gateshead"}); err != nil {
			t.Fatal(err)
		}
		if i%2 == 0 {
			d := day.AddDate(0, 0, i%60)
			s := supervision.Session{ID: supervision.NewID(), UserID: id, Date: d, Type: supervision.Clinical, LoggedBy: id, LoggedAt: d}
			if err := db.AddSession(ctx, s); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// reportSlash runs "/peer admin report" as the admin in a channel, and
// returns the HTTP answer's text.
func (p *program) reportSlash(t *testing.T, channel, hooks string) string {
	t.Helper()
	body := url.Values{
		"team_id": {"T1"}, "channel_id": {channel}, "user_id": {"UADMIN1"}, "command": {"/peer"},
		"text": {"admin report"}, "response_url": {hooks + "/hooks/commands/T1/1/x"},
	}.Encode()
	resp := p.post(t, form, body, testSecret, time.Now())
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("admin report: status %d", resp.StatusCode)
	}
	return answerText(t, resp.Body)
}

// reportPageLines checks each page is inside Slack's limits and returns
// the people it names, in order, and its texts.
func reportPageLines(t *testing.T, i int, blocks string) (people []string, texts string) {
	t.Helper()
	var bs []json.RawMessage
	if err := json.Unmarshal([]byte(blocks), &bs); err != nil {
		t.Fatalf("page %d: blocks %q: %v", i+1, blocks, err)
	}
	if len(bs) == 0 || len(bs) >= 50 || len(blocks) > 50_000 {
		t.Errorf("page %d: %d blocks, %d bytes: outside Slack's limits", i+1, len(bs), len(blocks))
	}
	var all []string
	for _, b := range bs {
		for _, s := range blockTexts(t, b) {
			if len(s) > 3000 {
				t.Errorf("page %d: a text of %d characters, over Slack's 3,000", i+1, len(s))
			}
			all = append(all, s)
		}
	}
	texts = strings.Join(all, "\n")
	for _, f := range strings.Fields(texts) {
		if id, ok := strings.CutPrefix(f, "<@"); ok && strings.HasSuffix(id, ">") {
			people = append(people, strings.TrimSuffix(id, ">"))
		}
	}
	return people, texts
}

// TestHTTPAdminReportPages: a report of 1,000 people runs to several
// pages; page 1 is the command's own ephemeral answer, and every later one
// follows in the same channel, seen by the admin only, in order, each
// inside Slack's limits, naming each person once. Where the bot is not in
// the conversation (a DM between two other people), page 1 says the rest
// is in the admin's DM with the bot, and the rest goes there.
func TestHTTPAdminReportPages(t *testing.T) {
	fake, base := reportSlack(t)
	prefix := redistest.Prefix(t)
	seedReport(t, prefix, 1000)
	fake.Outside["D0OTHERS"] = "channel_not_found"
	p := startHTTP(t, map[string]string{"ADMIN_USER_IDS": "UADMIN1", "REDIS_KEY_PREFIX": prefix,
		"SLACK_API_URL": base + "/api/", "SLACK_RESPONSE_URL_PREFIX": base + "/hooks/"})

	check := func(t *testing.T, pages []string) {
		t.Helper()
		var order []string
		for i, blocks := range pages {
			people, texts := reportPageLines(t, i, blocks)
			if want := fmt.Sprintf("Page %d of %d", i+1, len(pages)); !strings.Contains(texts, want) {
				t.Errorf("page %d lacks %q:\n%s", i+1, want, texts)
			}
			order = append(order, people...)
		}
		seen := map[string]bool{}
		for _, id := range order {
			seen[id] = true
		}
		if len(order) != 1000 || len(seen) != 1000 {
			t.Errorf("the pages name %d people (%d different), want 1000 once each", len(order), len(seen))
		}
	}

	t.Run("in the channel", func(t *testing.T) {
		if got := p.reportSlash(t, "C0ADMINS", base); got != "" {
			t.Errorf("the HTTP answer is %.200q...; want it empty, the pages following in order", got)
		}
		var shown []fakeslack.Ephemeral
		waitFor(t, "every page", func() bool {
			shown = fake.Ephemerals()
			return len(shown) >= 2 && strings.Contains(shown[len(shown)-1].Blocks, fmt.Sprintf("Page %d of %d", len(shown), len(shown)))
		})
		if shown[0].Channel != "" || !strings.Contains(shown[0].Text+shown[0].Blocks, "1000 people") || !strings.Contains(shown[0].Blocks, "goes on below") {
			t.Errorf("page 1 = %+v, want the command's own answer with the counts, saying the report goes on below", shown[0])
		}
		var pages []string
		for i, e := range shown {
			if i > 0 && (e.Channel != "C0ADMINS" || e.User != "UADMIN1") {
				t.Errorf("page %d went to %s in %s, want the admin in the channel", i+1, e.User, e.Channel)
			}
			pages = append(pages, e.Blocks)
		}
		check(t, pages)
		if n := len(fake.Messages("UADMIN1")); n != 0 {
			t.Errorf("%d pages went by DM as well", n)
		}
	})

	t.Run("in a DM the bot is not in", func(t *testing.T) {
		before := len(fake.Ephemerals())
		p.reportSlash(t, "D0OTHERS", base)
		var dm []fakeslack.Message
		waitFor(t, "the rest in the DM", func() bool {
			dm = fake.Messages("UADMIN1")
			return len(dm) >= 1 && strings.Contains(dm[len(dm)-1].Blocks, fmt.Sprintf("Page %d of %d", len(dm)+1, len(dm)+1))
		})
		shown := fake.Ephemerals()[before:]
		if len(shown) != 1 || !strings.Contains(shown[0].Blocks, "the rest is in your DM with me") {
			t.Fatalf("shown where asked: %+v; want page 1 alone, saying the rest is in the DM", shown)
		}
		pages := []string{shown[0].Blocks}
		for _, m := range dm {
			pages = append(pages, m.Blocks)
		}
		check(t, pages)
	})
}

// TestHTTPAdminUnanswered: an admin looking beside "admin feedback" finds
// "admin unanswered", as "unanswered" alone; it is kept for admins.
func TestHTTPAdminUnanswered(t *testing.T) {
	p := startHTTP(t, map[string]string{"ADMIN_USER_IDS": "UADMIN1"})
	mustContain(t, "admin unanswered by someone else", p.slashAs(t, "U0SAM", "/peer", "admin unanswered"), "only network admins")
	mustContain(t, "admin unanswered", p.slashAs(t, "UADMIN1", "/peer", "admin unanswered"), "Unanswered questions")
	mustContain(t, "admin unanswered lots", p.slashAs(t, "UADMIN1", "/peer", "admin unanswered lots"), "/peer admin unanswered 50")
	mustContain(t, "admin help", p.slashAs(t, "UADMIN1", "/peer", "admin help"), "admin unanswered")
}
