package main

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/peerbot/peerbot/internal/fakeslack"
	"github.com/peerbot/peerbot/internal/outcome"
	"github.com/peerbot/peerbot/internal/redistest"
)

// TestHTTPMyDataAndForgetMe: over HTTP, a person's data arrives as a JSON
// file in their DM holding every record the test wrote about them; after
// forget-me (confirmed with the button), no key and no value in the whole
// keyspace names them, and their supervisee keeps the session without the
// name.
func TestHTTPMyDataAndForgetMe(t *testing.T) {
	p := startHTTP(t, nil)
	prefix := os.Getenv("REDIS_KEY_PREFIX")
	const me, supee = "U0RIGHTS01", "U0RIGHTS02"
	mustContain(t, "setup", p.slashAs(t, me, "/supervision", "setup role=splw pcn=Central"), "Saved")
	mustContain(t, "supervisee setup", p.slashAs(t, supee, "/supervision", "setup role=hwbc pcn=Central supervisor=@"+me), "Saved")
	mustContain(t, "own log", p.slashAs(t, me, "/supervision", "log yesterday clinical 60"), "Logged")
	mustContain(t, "supervisee's log", p.slashAs(t, supee, "/supervision", "log yesterday clinical 45 with @"+me), "Logged")
	mustContain(t, "leave", p.slashAs(t, me, "/supervision", "leave 2026-12-24 2026-12-28"), "leave")
	p.press(t, me, "feedback supervision-splw not-helpful")
	p.respondText(t, 1) // the press is answered in the background: wait for the vote
	mustContain(t, "refused admin", p.slashAs(t, me, "/peer", "admin audit"), "only network admins")

	mustContain(t, "my-data", p.slashAs(t, me, "/peer", "my-data"), "Your data", "1 session,", "1 session in others' records naming you", "1 vote", "1 audit entry")
	var files []fakeslack.File
	waitFor(t, "the data file in the DM", func() bool { files = p.slack.files.Files(me); return len(files) == 1 })
	var d outcome.PersonalData
	if err := json.Unmarshal(files[0].Content, &d); err != nil {
		t.Fatalf("the file is not JSON: %v\n%s", err, files[0].Content)
	}
	switch {
	case files[0].Name != "peerbot-my-data.json":
		t.Errorf("file name %q", files[0].Name)
	case d.UserID != me || d.Profile == nil || d.Profile.PCN != "Central":
		t.Errorf("profile %+v", d.Profile)
	case len(d.Sessions) != 1 || d.Sessions[0].Minutes != 60:
		t.Errorf("sessions %+v", d.Sessions)
	case len(d.Named) != 1 || d.Named[0].UserID != supee || d.Named[0].Minutes != 45:
		t.Errorf("sessions naming me %+v", d.Named)
	case len(d.Leave) != 1:
		t.Errorf("leave %+v", d.Leave)
	case len(d.Votes) != 1 || d.Votes[0].Entry != "supervision-splw" || d.Votes[0].Helpful:
		t.Errorf("votes %+v", d.Votes)
	case len(d.Audit) != 1 || d.Audit[0].Action != outcome.AuditDenied:
		t.Errorf("audit %+v", d.Audit)
	}

	mustContain(t, "forget-me", p.slashAs(t, me, "/peer", "forget-me"), "Erase your data?", "forget-me confirm")
	if dump := redistest.Dump(t, prefix); !strings.Contains(dump, me) {
		t.Fatalf("asking is not erasing, yet the keyspace does not name the person:\n%s", dump)
	}
	p.press(t, me, "forget-me confirm")
	got := p.respondText(t, 2) // the first answered the vote
	mustContain(t, "erased", got, "Your data is erased", "your profile", "1 session", "1 vote", "1 session in other people's records now shows a former supervisor", "without your name")
	dump := redistest.Dump(t, prefix)
	if strings.Contains(dump, me) {
		t.Errorf("after forget-me the keyspace still names the person:\n%s", dump)
	}
	if !strings.Contains(dump, "erased:") || !strings.Contains(dump, supee) {
		t.Errorf("the erasure is not audited, or the supervisee's record went too:\n%s", dump)
	}
	history := p.slashAs(t, supee, "/supervision", "history")
	mustContain(t, "supervisee's history", history, "a former supervisor")
	// The session waited for the erased person's answer, which cannot come
	// now: it stands as logged, not awaiting confirmation for ever.
	if strings.Contains(history, "awaiting") {
		t.Errorf("the supervisee's session still awaits an erased person's answer:\n%s", history)
	}
	if status := p.slashAs(t, supee, "/supervision", ""); strings.Contains(status, "Awaiting confirmation") {
		t.Errorf("the supervisee's status still counts a session awaiting an erased person:\n%s", status)
	}
}

// TestHTTPWritesWaitForAnErasure: while a person's erasure is running (its
// marker set, as a crashed one leaves it), what they log is refused with
// a kind word and nothing is saved; so is a supervisee's session naming
// them. Running forget-me again finishes it, and writes are taken again.
func TestHTTPWritesWaitForAnErasure(t *testing.T) {
	p := startHTTP(t, nil)
	prefix := os.Getenv("REDIS_KEY_PREFIX")
	const me, supee = "U0ERASING1", "U0ERASING2"
	mustContain(t, "setup", p.slashAs(t, me, "/supervision", "setup role=splw pcn=Central"), "Saved")
	mustContain(t, "supervisee setup", p.slashAs(t, supee, "/supervision", "setup role=hwbc pcn=Central"), "Saved")
	marker := prefix + "sup:{" + me + "}:erasing"
	if err := redistest.Client(t).Set(context.Background(), marker, "crashed", time.Minute).Err(); err != nil {
		t.Fatal(err)
	}
	mustContain(t, "own log while erasing", p.slashAs(t, me, "/supervision", "log yesterday clinical 60"), "nothing was changed", "being erased", "/peer forget-me again")
	mustContain(t, "supervisee's log naming them", p.slashAs(t, supee, "/supervision", "log yesterday clinical 45 with @"+me), "nothing was changed", "being erased")
	mustContain(t, "my-data while erasing", p.slashAs(t, me, "/peer", "my-data"), "nothing was changed", "being erased")
	if dump := redistest.Dump(t, prefix); strings.Contains(dump, ":session:") {
		t.Errorf("a session was saved while an erasure was running:\n%s", dump)
	}
	mustContain(t, "forget-me", p.slashAs(t, me, "/peer", "forget-me"), "forget-me confirm")
	p.press(t, me, "forget-me confirm")
	mustContain(t, "erased", p.respondText(t, 1), "Your data is erased")
	if dump := redistest.Dump(t, prefix); strings.Contains(dump, me) {
		t.Errorf("after forget-me the keyspace still names the person:\n%s", dump)
	}
	mustContain(t, "setup after", p.slashAs(t, me, "/supervision", "setup role=splw pcn=Central"), "Saved")
}
