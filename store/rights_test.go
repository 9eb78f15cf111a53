package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/peerbot/peerbot/internal/outcome"
	"github.com/peerbot/peerbot/internal/queue"
	"github.com/peerbot/peerbot/internal/redistest"
	"github.com/peerbot/peerbot/store"
	"github.com/peerbot/peerbot/supervision"
)

// The person whose data is asked for and erased, their supervisee, and a
// bystander whose data must stay.
const (
	subject   = "UERASEME7"
	supervise = "USUPEE42"
	bystander = "UBYSTAND9"
)

// writeAboutSubject writes one of every record that can name subject, and
// says how many of each PersonalData must find.
func writeAboutSubject(t *testing.T, r interface {
	SaveProfile(context.Context, supervision.Profile) error
	AddSession(context.Context, supervision.Session) error
	AddLeave(context.Context, string, supervision.Leave, ...string) error
	Vote(context.Context, string, string, bool) (bool, error)
	HoldQuestion(context.Context, string, string, time.Duration) (string, error)
	CacheZone(context.Context, string, string, time.Duration) error
	Audit(context.Context, outcome.AuditEntry) error
}, q interface {
	Put(context.Context, queue.Item) (int64, error)
}) {
	t.Helper()
	ctx := context.Background()
	now := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(r.SaveProfile(ctx, supervision.Profile{UserID: subject, Role: supervision.LinkWorker, PCN: "Erase Test PCN", Locality: "gateshead", SupervisorID: bystander, TimeZone: "Europe/London", Created: now, Updated: now}))
	must(r.SaveProfile(ctx, supervision.Profile{UserID: supervise, Role: supervision.Coach, PCN: "Erase Test PCN", SupervisorID: subject, TimeZone: "Europe/London", Created: now, Updated: now}))
	must(r.AddSession(ctx, supervision.Session{ID: "s1", UserID: subject, Date: now.Truncate(24 * time.Hour), Type: supervision.SessionTypes[0], Minutes: 60, WithID: bystander, LoggedBy: subject, LoggedAt: now}))
	must(r.AddSession(ctx, supervision.Session{ID: "s2", UserID: supervise, Date: now.Truncate(24 * time.Hour), Type: supervision.SessionTypes[0], Minutes: 45, WithID: subject, LoggedBy: subject, LoggedAt: now}))
	must(r.AddLeave(ctx, subject, supervision.Leave{ID: "l1", From: now.Truncate(24 * time.Hour), To: now.Truncate(24*time.Hour).AddDate(0, 0, 5)}))
	_, err := r.Vote(ctx, "entry-one", subject, false)
	must(err)
	_, err = r.Vote(ctx, "entry-one", bystander, true)
	must(err)
	_, err = r.HoldQuestion(ctx, subject, "sealed", 30*time.Minute)
	must(err)
	must(r.CacheZone(ctx, subject, "Europe/London", time.Hour))
	must(r.Audit(ctx, outcome.AuditEntry{At: now, UserID: subject, Action: outcome.AuditDenied, Command: "admin audit"}))
	must(r.Audit(ctx, outcome.AuditEntry{At: now, UserID: bystander, Action: outcome.AuditAdmin, Command: "admin audit"}))
	_, err = q.Put(ctx, queue.Item{ID: "sup:" + subject, Kind: queue.KindSupervision, Owner: subject, To: subject, Due: now.Add(time.Hour)})
	must(err)
	_, err = q.Put(ctx, queue.Item{ID: "dm:confirm-s2", Kind: queue.KindDM, To: subject, Due: now.Add(time.Hour), Payload: []byte(`{"text":"confirm"}`)})
	must(err)
}

// TestPersonalDataAndErasure: PersonalData finds every record naming the
// person and Erase removes them all, leaving others' data: by SCAN while
// the records written before the names index are not in it; from the
// indexes alone, with no SCAN, when every record was written with them;
// and from the indexes once IndexNames has put older records in.
func TestPersonalDataAndErasure(t *testing.T) {
	ctx := context.Background()
	t.Run("by SCAN, before the names index", func(t *testing.T) {
		r, prefix := openStore(t)
		q := r.Reminders(4)
		writeAboutSubject(t, r, q)
		rightsFlow(t, r, prefix, q)
	})
	t.Run("from the names index", func(t *testing.T) {
		r, prefix := openStore(t)
		q := r.Reminders(4)
		if ran, err := r.IndexNames(ctx); !ran || err != nil {
			t.Fatalf("IndexNames on an empty store = %v, %v; want it to run", ran, err)
		}
		writeAboutSubject(t, r, q)
		scans := store.CountScans(r)
		rightsFlow(t, r, prefix, q)
		if n := scans.Load(); n != 0 {
			t.Errorf("%d SCANs; want the records found from the indexes alone", n)
		}
	})
	t.Run("written before the names index, then indexed", func(t *testing.T) {
		r, prefix := openStore(t)
		q := r.Reminders(4)
		writeAboutSubject(t, r, q)
		rc := redistest.Client(t)
		for _, k := range append(redistest.Keys(t, prefix+"sup:*:names"), prefix+"idx:{people}") { // as written before the index
			if err := rc.Del(ctx, k).Err(); err != nil {
				t.Fatal(err)
			}
		}
		if ran, err := r.IndexNames(ctx); !ran || err != nil {
			t.Fatalf("IndexNames = %v, %v; want it to run", ran, err)
		}
		if ran, err := r.IndexNames(ctx); ran || err != nil {
			t.Errorf("IndexNames again = %v, %v; want it done already", ran, err)
		}
		scans := store.CountScans(r)
		rightsFlow(t, r, prefix, q)
		if n := scans.Load(); n != 0 {
			t.Errorf("%d SCANs after IndexNames; want the records found from the indexes alone", n)
		}
	})
}

// rightsFlow asks for subject's data, erases it and checks what is left.
func rightsFlow(t *testing.T, r *store.Redis, prefix string, q *store.Reminders) {
	t.Helper()
	ctx := context.Background()
	rights := r.Rights(q, "")
	d, err := rights.PersonalData(ctx, subject)
	if err != nil {
		t.Fatal(err)
	}
	switch {
	case d.Profile == nil || d.Profile.PCN != "Erase Test PCN":
		t.Errorf("profile %+v", d.Profile)
	case len(d.Sessions) != 1 || d.Sessions[0].ID != "s1":
		t.Errorf("own sessions %+v", d.Sessions)
	case len(d.Named) != 1 || d.Named[0].UserID != supervise || d.Named[0].ID != "s2":
		t.Errorf("sessions naming them %+v", d.Named)
	case len(d.Leave) != 1:
		t.Errorf("leave %+v", d.Leave)
	case len(d.Reminders) != 2:
		t.Errorf("reminders %+v", d.Reminders)
	case len(d.Votes) != 1 || d.Votes[0] != (outcome.VoteRecord{Entry: "entry-one", Helpful: false}):
		t.Errorf("votes %+v", d.Votes)
	case len(d.Shares) != 1:
		t.Errorf("shares %+v", d.Shares)
	case d.TimeZone != "Europe/London":
		t.Errorf("zone %q", d.TimeZone)
	case len(d.Audit) != 1 || d.Audit[0].Action != outcome.AuditDenied:
		t.Errorf("audit %+v", d.Audit)
	}

	e, err := rights.Erase(ctx, subject)
	if err != nil {
		t.Fatal(err)
	}
	want := outcome.Erasure{Profile: true, Sessions: 1, Named: 1, Leave: 1, Reminders: 2, Votes: 1, Shares: 1, TimeZone: true, Audit: 2, Supervisees: 1} // audit: the refusal and the request for their data
	e.Keys = 0
	if e != want {
		t.Errorf("Erase = %+v, want %+v", e, want)
	}
	dump := redistest.Dump(t, prefix)
	if strings.Contains(dump, subject) {
		t.Errorf("the keyspace still names the person after erasure:\n%s", dump)
	}
	for _, stays := range []string{bystander, supervise, "entry-one", outcome.FormerSupervisor, "erased:"} {
		if !strings.Contains(dump, stays) {
			t.Errorf("the keyspace lost %q, which must stay:\n%s", stays, dump)
		}
	}
	if up, down, err := r.Votes(ctx, "entry-one"); up != 1 || down != 0 || err != nil {
		t.Errorf("votes after erasure %d up %d down (%v), want the bystander's only", up, down, err)
	}
	if s, ok, err := r.Session(ctx, supervise, "s2"); !ok || err != nil || s.WithID != outcome.FormerSupervisor || s.Minutes != 45 {
		t.Errorf("supervisee's session %+v %v %v: want kept, without the name", s, ok, err)
	}
	if ids, err := r.Supervisees(ctx, subject); len(ids) != 0 || err != nil {
		t.Errorf("still supervises %v (%v)", ids, err)
	}
	after, err := rights.PersonalData(ctx, subject)
	if err != nil || after.Profile != nil || len(after.Sessions)+len(after.Named)+len(after.Reminders)+len(after.Votes)+len(after.Shares)+len(after.Audit) != 0 {
		t.Errorf("PersonalData after erasure = %+v (%v), want nothing", after, err)
	}
	h1, _ := rights.AuditHash(ctx, subject)
	h2, _ := r.Rights(q, "").AuditHash(ctx, subject)
	if h1 != h2 || !strings.HasPrefix(h1, "erased:") || strings.Contains(h1, subject) {
		t.Errorf("audit hashes %q, %q: want one stable salted hash", h1, h2)
	}
}
