package main

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/peerbot/peerbot/bot"
	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/internal/redistest"
	"github.com/peerbot/peerbot/knowledge"
	"github.com/peerbot/peerbot/store"
	"github.com/peerbot/peerbot/supervision"
)

// reloadReplica is one replica's content and reloader on a shared Redis
// prefix and content folder.
type reloadReplica struct {
	content   *handlers.Content
	standards *handlers.Standards
	db        *store.Redis
	rl        *contentReloader
	drops     atomic.Int32
	tbl       *bot.Table
}

func newReloadReplica(t *testing.T, prefix, dir string) *reloadReplica {
	t.Helper()
	db, err := store.Open(context.Background(), store.Options{URL: redistest.URL(t), Prefix: prefix})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	base, err := knowledge.LoadWith(knowledge.Content(), nil)
	if err != nil {
		t.Fatal(err)
	}
	r := &reloadReplica{content: handlers.NewContent(base), standards: handlers.NewStandards(nil, db, nil), db: db}
	r.rl = &contentReloader{dir: dir, db: db, content: r.content, standards: r.standards, drop: func() { r.drops.Add(1) },
		log: slog.New(slog.NewTextHandler(io.Discard, nil)), now: time.Now}
	r.rl.poll(context.Background(), true)
	sup := handlers.NewSupervision(handlers.SupervisionOptions{Profiles: db, Sessions: db, Standards: r.standards.Shipped(), Source: r.standards})
	admin := handlers.NewAdmin(handlers.AdminOptions{Audit: db, Reloader: r.rl, Reports: db, Overrides: r.standards})
	if r.tbl, err = bot.NewTable("/peer", map[string]string{"supervision": "/supervision"}, admin.Command(), sup.Command()); err != nil {
		t.Fatal(err)
	}
	return r
}

func (r *reloadReplica) say(t *testing.T, text string) string {
	t.Helper()
	return r.sayAs(t, "UADMIN", "/peer", text)
}

// sayAs answers a slash command for a person, as the bot routes it.
func (r *reloadReplica) sayAs(t *testing.T, user, slash, text string) string {
	t.Helper()
	res := r.tbl.Resolve(slash, text, true)
	if res.Run == nil {
		return bot.Text(res.Reply, r.tbl.Invocation)
	}
	rep, err := res.Run(context.Background(), handlers.Request{UserID: user, Args: res.Args, IsAdmin: true, Invoke: r.tbl.Invocation})
	if err != nil {
		t.Fatalf("%q: %v", text, err)
	}
	return bot.Text(rep, r.tbl.Invocation)
}

func (r *reloadReplica) has(id string) bool { _, ok := r.content.Entry(id); return ok }

// /peer admin reload puts a good folder's content in place on the replica
// that got it and, through Redis, on another; a bad folder changes nothing
// anywhere and the reply says what is wrong.
func TestAdminReloadEveryReplica(t *testing.T) {
	dir := t.TempDir()
	prefix := redistest.Prefix(t)
	a, b := newReloadReplica(t, prefix, dir), newReloadReplica(t, prefix, dir)
	ctx := context.Background()
	if a.has("local-walking-groups") {
		t.Fatal("the article is there before it was written")
	}
	if err := os.WriteFile(filepath.Join(dir, "local-walking-groups.md"), []byte(localArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	b.rl.poll(ctx, false)
	if b.has("local-walking-groups") {
		t.Fatal("a replica loaded the folder before anyone reloaded it")
	}

	mustContain(t, "good reload", a.say(t, "admin reload"), "Reloaded: 65 articles and the supervision standards are in place here")
	if !a.has("local-walking-groups") || a.drops.Load() != 1 {
		t.Errorf("after reload: has article %v, dropped kept replies %d times; want true, 1", a.has("local-walking-groups"), a.drops.Load())
	}
	b.rl.poll(ctx, false)
	if !b.has("local-walking-groups") || b.drops.Load() != 1 {
		t.Errorf("another replica after its poll: has article %v, drops %d; want true, 1", b.has("local-walking-groups"), b.drops.Load())
	}
	b.rl.poll(ctx, false)
	if b.drops.Load() != 1 {
		t.Error("a poll with no new reload loaded the content again")
	}

	bad := strings.NewReplacer("title: Walking groups in Gateshead", "title: Walking clubs", "reviewed: 2026-11-01", "reviewed: 2099-01-01").Replace(localArticle)
	if err := os.WriteFile(filepath.Join(dir, "local-walking-groups.md"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	got := a.say(t, "admin reload")
	mustContain(t, "bad reload", got, "Content not reloaded", "I kept the content and the supervision standards as they were: the folder has 1 problem.",
		"local-walking-groups.md: reviewed date 2099-01-01 is in the future")
	for name, r := range map[string]*reloadReplica{"the replica told": a, "another": b} {
		r.rl.poll(ctx, false)
		if e, ok := r.content.Entry("local-walking-groups"); !ok || e.Title != "Walking groups in Gateshead" {
			t.Errorf("%s: a bad folder replaced the content", name)
		}
	}
	if a.drops.Load() != 1 || b.drops.Load() != 1 {
		t.Errorf("a bad folder dropped kept replies: %d, %d", a.drops.Load(), b.drops.Load())
	}
}

// peerbot knowledge check --stale lists the articles reviewed more than
// REVIEW_MONTHS ago, and not the others.
func TestKnowledgeCheckStale(t *testing.T) {
	old := strings.NewReplacer("reviewed: 2026-11-01", "reviewed: 2020-01-15", "as_of: 2026-11-01", "as_of: 2020-01-15").Replace(localArticle)
	dir := writeFiles(t, map[string]string{"local-walking-groups.md": old})
	t.Setenv("REVIEW_MONTHS", "24")
	var out strings.Builder
	if err := knowledgeCheck([]string{"--stale", dir}, &out); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	mustContain(t, "--stale", out.String(),
		"stale: local-walking-groups.md (local-walking-groups): reviewed 2020-01-15, due for review since 2022-01-15; owner",
		"1 article(s) due for review (reviewed more than 24 months ago)")
	out.Reset()
	if err := knowledgeCheck([]string{dir}, &out); err != nil || strings.Contains(out.String(), "stale:") {
		t.Errorf("without --stale: %v\n%s", err, out.String())
	}
	t.Setenv("REVIEW_MONTHS", "none")
	if err := knowledgeCheck([]string{"--stale", dir}, &out); err == nil || !strings.Contains(err.Error(), "REVIEW_MONTHS") {
		t.Errorf("an unreadable REVIEW_MONTHS: %v", err)
	}
}

// gatesheadLinkWorkers is a locality's own standard for link workers,
// clinical supervision every `every`.
func gatesheadLinkWorkers(every string) string {
	return `{"standards": [{
	"role": "splw", "locality": "gateshead", "summary": "Gateshead's own standard.", "basis": "Local guidance.",
	"kinds": [{"type": "clinical", "counts": ["clinical", "group"], "name": "Clinical supervision", "every": ` + every + `, "supervisors": "A GP or an allied health professional."}],
	"sources": [{"title": "Gateshead standard", "url": "https://example.org/gateshead", "as_of": "2026-11-01"}],
	"as_of": "2026-11-01"}]}`
}

// /peer admin reload takes up a changed standards file: status and the
// report use the new frequency on the replica told and, after its poll, on
// another; an admin's override still applies on top; a bad file keeps the
// old standards (and content) everywhere and the reply says what is wrong.
func TestAdminReloadTakesUpStandards(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "standards"), 0o755); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "standards", "gateshead.json")
	prefix := redistest.Prefix(t)
	a, b := newReloadReplica(t, prefix, dir), newReloadReplica(t, prefix, dir)
	ctx := context.Background()
	const gates, london = "U0GATES1", "U0LONDON1"
	threeWeeks := time.Now().AddDate(0, 0, -21)
	for id, loc := range map[string]string{gates: "gateshead", london: "london"} {
		if err := a.db.SaveProfile(ctx, supervision.Profile{UserID: id, Role: supervision.LinkWorker, PCN: "Central", Locality: loc}); err != nil {
			t.Fatal(err)
		}
		s := supervision.Session{ID: supervision.NewID(), UserID: id, Date: threeWeeks, Type: supervision.Clinical, LoggedBy: id, LoggedAt: threeWeeks}
		if err := a.db.AddSession(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	status := func(r *reloadReplica, who string) string { return r.sayAs(t, who, "/supervision", "") }
	mustContain(t, "override in London", a.say(t, "admin standards set splw every 2 weeks locality london"), "every 2 weeks")
	mustContain(t, "Gateshead before", status(a, gates), "On track")
	mustContain(t, "London before", status(a, london), "Overdue")

	if err := os.WriteFile(file, []byte(gatesheadLinkWorkers(`{"days": 14}`)), 0o644); err != nil {
		t.Fatal(err)
	}
	b.rl.poll(ctx, false)
	mustContain(t, "Gateshead, file changed, not reloaded", status(b, gates), "On track")

	mustContain(t, "reload", a.say(t, "admin reload"), "Reloaded:", "the supervision standards are in place here")
	mustContain(t, "Gateshead after reload", status(a, gates), "Overdue", "every 2 weeks")
	mustContain(t, "London after reload (its override)", status(a, london), "Overdue")
	mustContain(t, "report after reload", a.say(t, "admin report locality gateshead"), "1 person: 1 overdue")
	b.rl.poll(ctx, false)
	mustContain(t, "another replica after its poll", status(b, gates), "Overdue", "every 2 weeks")
	mustContain(t, "another replica's report", b.say(t, "admin report locality gateshead"), "1 overdue")

	mustContain(t, "override on top of the reloaded standard", a.say(t, "admin standards set splw every 6 weeks locality gateshead"), "every 6 weeks")
	mustContain(t, "Gateshead with the override", status(a, gates), "On track")
	mustContain(t, "reset", a.say(t, "admin standards reset splw locality gateshead"), "")

	if err := os.WriteFile(file, []byte(`{"standards": [{"role": "splw", "kinds": [{"every": {"days": -1}}]}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	mustContain(t, "bad reload", a.say(t, "admin reload"), "Content not reloaded", "I kept the content and the supervision standards as they were", "standards/gateshead.json")
	for name, r := range map[string]*reloadReplica{"the replica told": a, "another": b} {
		r.rl.poll(ctx, false)
		mustContain(t, name+" after a bad file", status(r, gates), "Overdue", "every 2 weeks")
	}
}
