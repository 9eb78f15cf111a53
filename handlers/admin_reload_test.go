package handlers_test

import (
	"context"
	"strings"
	"testing"

	"github.com/peerbot/peerbot/handlers"
)

type faultyReloader struct{ faults []string }

func (f faultyReloader) Reload(context.Context) (handlers.ReloadResult, error) {
	return handlers.ReloadResult{Faults: f.faults}, nil
}

// TestAdminReloadNamesFilesAsTheyAre: a fault names its file as it is on
// disk, underscores and all, so the admin can find it; "my_notes.md" is
// never shown as "mynotes.md".
func TestAdminReloadNamesFilesAsTheyAre(t *testing.T) {
	adm := handlers.NewAdmin(handlers.AdminOptions{Reloader: faultyReloader{[]string{
		"invalid content: my_notes.md: missing title",
		"invalid content: KNOWLEDGE_DIR is not a folder this replica can read",
	}}})
	r, err := adm.Reload(context.Background(), handlers.Request{UserID: "UADMIN", IsAdmin: true})
	if err != nil {
		t.Fatal(err)
	}
	var got strings.Builder
	for _, s := range r.Sections {
		got.WriteString(handlers.Unmarked(s.Text) + "\n")
	}
	for _, want := range []string{"my_notes.md: missing title", "KNOWLEDGE_DIR is not a folder"} {
		if !strings.Contains(got.String(), want) {
			t.Errorf("reload faults lack %q:\n%s", want, got.String())
		}
	}
}
