package bot

import (
	"net/url"
	"testing"
)

// checkForm holds parseForm to url.ParseQuery: an error for the same
// bodies, and the same first value and presence of every field it reads.
func checkForm(t *testing.T, body string) {
	t.Helper()
	got, err := parseForm(body)
	want, wantErr := url.ParseQuery(body)
	if (err != nil) != (wantErr != nil) {
		t.Fatalf("parseForm(%q) error = %v, url.ParseQuery's = %v", body, err, wantErr)
	}
	if err != nil {
		return
	}
	fields := map[string]string{
		"command": got.command, "text": got.text, "user_id": got.userID, "channel_id": got.channelID,
		"team_id": got.teamID, "response_url": got.responseURL, "trigger_id": got.triggerID, "payload": got.payload,
	}
	for key, v := range fields {
		if v != want.Get(key) {
			t.Errorf("parseForm(%q) %s = %q, url.ParseQuery's = %q", body, key, v, want.Get(key))
		}
	}
	if got.hasCommand != want.Has("command") || got.hasPayload != want.Has("payload") {
		t.Errorf("parseForm(%q) has command %v, payload %v; url.ParseQuery's %v, %v", body, got.hasCommand, got.hasPayload, want.Has("command"), want.Has("payload"))
	}
}

var formSeeds = []string{
	benchSlashBody("/roles", "coach"),
	benchSlashBody("/supervision", "log 12 Nov clinical 60 with <@U2>"),
	"payload=%7B%22type%22%3A%22block_actions%22%7D",
	"command=%2Froles&text=&text=second&user_id=U1",
	"text=a+b%20c&command=/x&command=/y",
	"command=/x;text=y",
	"command=%zz&user_id=U1",
	"user_id=U1&&=&=x&command",
	"",
	"%41=1&command=%2",
}

func TestParseFormIsParseQuery(t *testing.T) {
	for _, body := range formSeeds {
		checkForm(t, body)
	}
}

func FuzzParseForm(f *testing.F) {
	for _, body := range formSeeds {
		f.Add(body)
	}
	f.Fuzz(checkForm)
}
