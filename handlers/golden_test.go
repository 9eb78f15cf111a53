package handlers_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/peerbot/peerbot/bot"
	"github.com/peerbot/peerbot/handlers"
)

// goldenUpdate is the -update flag shared by every golden test of the
// handlers package: go test ./handlers -update rewrites testdata/*.golden
// from the current output. It is registered once, here; a test file that
// needs it calls updating() rather than registering the flag again, which
// would panic.
var goldenUpdate = registerUpdate()

func registerUpdate() flag.Value {
	if f := flag.Lookup("update"); f != nil {
		return f.Value // someone registered it first; share theirs
	}
	flag.Bool("update", false, "rewrite testdata/*.golden from the current output")
	return flag.Lookup("update").Value
}

// updating reports whether the tests run with -update.
func updating() bool { return goldenUpdate.String() == "true" }

// golden compares got with testdata/name.golden, or rewrites it with -update.
func golden(t testing.TB, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if updating() {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./handlers -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs from %s (run go test ./handlers -update if the change is meant):\n--- got\n%s\n--- want\n%s", name, path, got, want)
	}
}

// replyGolden compares what people read of a reply, as Block Kit and as
// console text, with testdata/name.json.golden and name.txt.golden.
func replyGolden(t *testing.T, name string, r handlers.Reply, tbl *bot.Table) {
	t.Helper()
	golden(t, name+".txt", []byte(bot.Text(r, tbl.Invocation)))
	blocks, fallback := bot.Blocks(r)
	js, err := json.MarshalIndent(map[string]any{"text": fallback, "blocks": blocks}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden(t, name+".json", append(js, '\n'))
}
