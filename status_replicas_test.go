package main

import (
	"strings"
	"testing"
	"time"

	"github.com/peerbot/peerbot/internal/redistest"
)

// TestStatusAcrossReplicas: a person's status, asked again and again on
// one replica, shows at once what they did on another: Slack may send each
// command to a different replica behind the load balancer.
func TestStatusAcrossReplicas(t *testing.T) {
	prefix := redistest.Prefix(t)
	a := startHTTP(t, map[string]string{"REDIS_KEY_PREFIX": prefix})
	b := startHTTP(t, map[string]string{"REDIS_KEY_PREFIX": prefix})
	mustContain(t, "setup", a.slashAs(t, "U1", "/supervision", "setup role=splw pcn=Central locality=gateshead supervisor=@USUP"), "Saved")
	for range 3 {
		mustContain(t, "status before", b.slashAs(t, "U1", "/supervision", "status"), "None logged yet")
	}
	day := time.Now().UTC().AddDate(0, 0, -3)
	mustContain(t, "log", a.slashAs(t, "U1", "/supervision", "log "+day.Format("2006-01-02")+" clinical 60"), "Logged")
	want := day.Format("2 Jan 2006")
	for end := time.Now().Add(3 * time.Second); ; time.Sleep(5 * time.Millisecond) {
		got := b.slashAs(t, "U1", "/supervision", "status")
		if strings.Contains(got, want) && !strings.Contains(got, "None logged yet") {
			break
		}
		if time.Now().After(end) {
			t.Fatalf("the other replica's status never showed the session of %s:\n%s", want, got)
		}
	}
	mustContain(t, "undo", a.slashAs(t, "U1", "/supervision", "undo"), "")
	for end := time.Now().Add(3 * time.Second); ; time.Sleep(5 * time.Millisecond) {
		if got := b.slashAs(t, "U1", "/supervision", "status"); strings.Contains(got, "None logged yet") {
			break
		} else if time.Now().After(end) {
			t.Fatalf("the other replica's status still showed the undone session:\n%s", got)
		}
	}
}
