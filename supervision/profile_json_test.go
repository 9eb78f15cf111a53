package supervision

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// TestProfileJSON: a person's copy of their profile names the reminder day
// and leaves out times never set, and reads back the same.
func TestProfileJSON(t *testing.T) {
	p := Profile{UserID: "U1", Role: LinkWorker, Reminders: true, ReminderDay: time.Wednesday, ReminderTime: "09:30",
		Created: time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)}
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"user_id":"U1"`, `"reminder_day":"Wednesday"`, `"reminder_time":"09:30"`, `"created":"2026-11-02T09:00:00Z"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("%s lacks %s", b, want)
		}
	}
	if strings.Contains(string(b), "updated") || strings.Contains(string(b), "0001-01-01") {
		t.Errorf("%s holds a time never set", b)
	}
	var back Profile
	if err := json.Unmarshal(b, &back); err != nil || back != p {
		t.Errorf("read back %+v (%v), want %+v", back, err, p)
	}
	s, _ := json.Marshal(Session{ID: "s1", UserID: "U1", Type: Clinical})
	if strings.Contains(string(s), "answered_at") || !strings.Contains(string(s), `"type":"clinical"`) {
		t.Errorf("a session reads %s", s)
	}
}
