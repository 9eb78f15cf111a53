package bot

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/knowledge"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// golden compares got with testdata/name.golden, or rewrites it with -update.
func golden(t testing.TB, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./bot -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs from %s (run go test ./bot -update if the change is meant):\n--- got\n%s\n--- want\n%s", name, path, got, want)
	}
}

// rolesTable is the shipped /roles handler in a table with the default
// command names.
func rolesTable(t testing.TB) (*handlers.Roles, *Table) {
	t.Helper()
	base, err := knowledge.Load(knowledge.Content())
	if err != nil {
		t.Fatal(err)
	}
	roles, err := handlers.NewRoles(base)
	if err != nil {
		t.Fatal(err)
	}
	tbl, err := NewTable("/peer", map[string]string{"roles": "/roles"}, roles.Command())
	if err != nil {
		t.Fatal(err)
	}
	return roles, tbl
}
