package main

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/peerbot/peerbot/internal/redistest"
)

// TestNothingTypedIsKept sends /ask and /supervision with NHS numbers and
// names in them, over HTTP, then reads every key and value the bot wrote:
// none of the numbers or names is there, in any shape.
func TestNothingTypedIsKept(t *testing.T) {
	p := startHTTP(t, nil)
	prefix := os.Getenv("REDIS_KEY_PREFIX") // startHTTP's own
	const me, sup = "U0PRIV001", "U0PRIV002"
	mustContain(t, "setup", p.slashAs(t, me, "/supervision", "setup role=splw pcn=Central supervisor=@"+sup), "Saved")
	for _, c := range []struct{ command, text, want string }{
		{"/supervision", "log yesterday clinical 60 patient 9434765919", "NHS number"},
		{"/supervision", "log yesterday clinical 943 476 5919", "NHS number"},
		{"/supervision", "leave 943-476-5919 2026-12-24", "NHS number"},
		{"/supervision", "log today John Smith clinical", ""},
		{"/supervision", "log today clinical with Mrs Okonkwo", ""},
		{"/ask", "my patient 9434765919 is lonely", "NHS number"},
		{"/ask", "John Smith wants to join a knitting club", ""},
		{"/ask", "where can Mrs Okonkwo park her car", ""},
		{"/resources", "943 476 5919", "NHS number"},
	} {
		got := p.slashAs(t, me, c.command, c.text)
		if c.want != "" && !strings.Contains(got, c.want) {
			t.Errorf("%s %s: %q, want it refused as holding an NHS number", c.command, c.text, got)
		}
	}
	mustContain(t, "a log that keeps", p.slashAs(t, me, "/supervision", "log yesterday clinical 60 with @"+sup), "Logged")

	dump := redistest.Dump(t, prefix)
	if !strings.Contains(dump, "sup:{"+me+"}") {
		t.Fatalf("the person's record is not in the keyspace: the test would pass without looking:\n%s", dump)
	}
	// Word by word: ids and sealed text are long runs of hex, which may
	// hold any digits by chance.
	words := strings.FieldsFunc(strings.ToLower(dump), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
	for _, secret := range []string{"9434765919", "943", "476", "5919", "john", "smith", "okonkwo", "mrs", "knitting", "patient"} {
		if slices.Contains(words, secret) {
			t.Errorf("the keyspace holds %q:\n%s", secret, dump)
		}
	}
}
