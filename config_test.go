package main

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestConfigErrors(t *testing.T) {
	tests := []struct {
		name    string
		env     map[string]string
		wantVar string // "" for a valid configuration
	}{
		{"console: nothing set", nil, ""},
		{"http", map[string]string{"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"}, ""},
		{"socket mode", map[string]string{"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1"}, ""},
		{"bot token with the wrong prefix", map[string]string{"SLACK_BOT_TOKEN": "xoxp-1", "SLACK_SIGNING_SECRET": "s"}, "SLACK_BOT_TOKEN"},
		{"app token with the wrong prefix", map[string]string{"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xoxb-2"}, "SLACK_APP_TOKEN"},
		{"signing secret without bot token", map[string]string{"SLACK_SIGNING_SECRET": "s"}, "SLACK_BOT_TOKEN"},
		{"app token without bot token", map[string]string{"SLACK_APP_TOKEN": "xapp-1"}, "SLACK_BOT_TOKEN"},
		{"bot token alone", map[string]string{"SLACK_BOT_TOKEN": "xoxb-1"}, "SLACK_SIGNING_SECRET"},
		{"unknown time zone", map[string]string{"DEFAULT_TZ": "Europe/Gateshead"}, "DEFAULT_TZ"},
		{"empty time zone", map[string]string{"DEFAULT_TZ": " "}, "DEFAULT_TZ"},
		{"port not a number", map[string]string{"PORT": "eighty"}, "PORT"},
		{"port too big", map[string]string{"PORT": "70000"}, "PORT"},
		{"host", map[string]string{"HOST": "127.0.0.1"}, ""},
		{"host IPv6", map[string]string{"HOST": "::1"}, ""},
		{"host with a port", map[string]string{"HOST": "127.0.0.1:3000"}, "HOST"},
		{"host not a name", map[string]string{"HOST": "my host"}, "HOST"},
		{"metrics address", map[string]string{"METRICS_ADDR": "127.0.0.1:9090"}, ""},
		{"metrics port only", map[string]string{"METRICS_ADDR": ":9090"}, ""},
		{"metrics without a port", map[string]string{"METRICS_ADDR": "127.0.0.1"}, "METRICS_ADDR"},
		{"metrics port not a number", map[string]string{"METRICS_ADDR": "localhost:metrics"}, "METRICS_ADDR"},
		{"API URL not a URL", map[string]string{"SLACK_API_URL": "slack.com/api"}, "SLACK_API_URL"},
		{"Redis URL not a URL", map[string]string{"REDIS_URL": "http://localhost"}, "REDIS_URL"},
		{"Redis cluster addresses", map[string]string{"REDIS_URL": "10.0.0.1:7000,10.0.0.2:7000"}, ""},
		{"key prefix with a brace", map[string]string{"REDIS_KEY_PREFIX": "peer{bot}:"}, "REDIS_KEY_PREFIX"},
		{"admin not a user id", map[string]string{"ADMIN_USER_IDS": "U012AB,alice"}, "ADMIN_USER_IDS"},
		{"admins", map[string]string{"ADMIN_USER_IDS": "U012AB, W0123CD"}, ""},
		{"peer channel not a channel", map[string]string{"PEER_CHANNEL_ID": "#peer-support"}, "PEER_CHANNEL_ID"},
		{"log level", map[string]string{"LOG_LEVEL": "loud"}, "LOG_LEVEL"},
		{"log format", map[string]string{"LOG_FORMAT": "xml"}, "LOG_FORMAT"},
		{"umbrella not a slash command", map[string]string{"COMMAND_PEER": "peer"}, "COMMAND_PEER"},
		{"command with capitals", map[string]string{"COMMAND_ROLES": "/Roles"}, "COMMAND_ROLES"},
		{"command same as umbrella", map[string]string{"COMMAND_ROLES": "/peer"}, "COMMAND_ROLES"},
		{"command turned off", map[string]string{"COMMAND_ROLES": ""}, ""},
		{"two commands with one name", map[string]string{"COMMAND_ASK": "/roles"}, "COMMAND_ASK"},
		{"supervision renamed", map[string]string{"COMMAND_SUPERVISION": "/sup"}, ""},
		{"knowledge folder missing", map[string]string{"KNOWLEDGE_DIR": "no-such-folder"}, "KNOWLEDGE_DIR"},
		{"knowledge folder", map[string]string{"KNOWLEDGE_DIR": "knowledge/content"}, ""},
		{"zone cache TTL unreadable", map[string]string{"ZONE_CACHE_TTL": "a day"}, "ZONE_CACHE_TTL"},
		{"zone cache TTL too short", map[string]string{"ZONE_CACHE_TTL": "1s"}, "ZONE_CACHE_TTL"},
		{"reminder shards zero", map[string]string{"REMINDER_SHARDS": "0"}, "REMINDER_SHARDS"},
		{"review months zero", map[string]string{"REVIEW_MONTHS": "0"}, "REVIEW_MONTHS"},
		{"review months unreadable", map[string]string{"REVIEW_MONTHS": "a year"}, "REVIEW_MONTHS"},
		{"review months", map[string]string{"REVIEW_MONTHS": "6"}, ""},
		{"reminder grace unreadable", map[string]string{"REMINDER_GRACE": "a day"}, "REMINDER_GRACE"},
		{"reminder rate zero", map[string]string{"REMINDER_RATE": "0"}, "REMINDER_RATE"},
		{"reminder lease too short", map[string]string{"REMINDER_LEASE": "1s"}, "REMINDER_LEASE"},
		{"reminder settings", map[string]string{"REMINDER_SHARDS": "16", "REMINDER_GRACE": "6h", "REMINDER_RATE": "5", "REMINDER_LEASE": "2m"}, ""},
		{"retention months zero", map[string]string{"RETENTION_MONTHS": "0"}, "RETENTION_MONTHS"},
		{"audit retention days negative", map[string]string{"AUDIT_RETENTION_DAYS": "-1"}, "AUDIT_RETENTION_DAYS"},
		{"retention settings", map[string]string{"RETENTION_MONTHS": "72", "AUDIT_RETENTION_DAYS": "730", "AUDIT_SALT": "s3cret"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clearConfigEnv(t)
			setEnv(t, tt.env)
			_, err := loadConfig()
			var ce *ConfigError
			switch {
			case tt.wantVar == "" && err != nil:
				t.Errorf("loadConfig() = %v, want no error", err)
			case tt.wantVar != "" && !errors.As(err, &ce):
				t.Errorf("loadConfig() = %v, want a ConfigError for %s", err, tt.wantVar)
			case tt.wantVar != "" && ce.Var != tt.wantVar:
				t.Errorf("loadConfig() names %s (%v), want %s", ce.Var, err, tt.wantVar)
			}
		})
	}
}

func TestConfigNeverEchoesSecrets(t *testing.T) {
	clearConfigEnv(t)
	setEnv(t, map[string]string{"SLACK_BOT_TOKEN": "xoxp-very-secret-user-token", "SLACK_SIGNING_SECRET": "s"})
	_, err := loadConfig()
	if err == nil {
		t.Fatal("want an error")
	}
	if msg := err.Error(); strings.Contains(msg, "very-secret") {
		t.Errorf("error %q echoes the token", msg)
	}
}

func TestConfigRedisURLErrorSaysWhyWithoutThePassword(t *testing.T) {
	for _, u := range []string{"redis://:s3cret@cache:6379/0?pool_sise=5", "redis://:s3cret@cache:port/0", "redis://:s3cret@h1:7000?pool_size=x,h2:7000"} {
		clearConfigEnv(t)
		setEnv(t, map[string]string{"REDIS_URL": u})
		_, err := loadConfig()
		var ce *ConfigError
		if !errors.As(err, &ce) || ce.Var != "REDIS_URL" || strings.Contains(err.Error(), "s3cret") {
			t.Errorf("REDIS_URL=%s: loadConfig() = %v, want a ConfigError for REDIS_URL without the password", u, err)
		}
	}
	clearConfigEnv(t)
	setEnv(t, map[string]string{"REDIS_URL": "redis://cache:6379/0?pool_sise=5"})
	if _, err := loadConfig(); err == nil || !strings.Contains(err.Error(), "pool_sise") {
		t.Errorf("a misspelt option: loadConfig() = %v, want an error naming pool_sise", err)
	}
}

func TestConfigDefaultsAndModes(t *testing.T) {
	clearConfigEnv(t)
	c, err := loadConfig()
	if err != nil {
		t.Fatal(err)
	}
	if c.Port != 3000 || c.DefaultTZ.String() != "Europe/London" || c.CommandPeer != "/peer" || c.CommandRoles != "/roles" || c.RedisKeyPrefix != "peerbot:" {
		t.Errorf("defaults = port %d, tz %s, %s, %s, %s", c.Port, c.DefaultTZ, c.CommandPeer, c.CommandRoles, c.RedisKeyPrefix)
	}
	if c.Mode() != ModeConsole {
		t.Errorf("Mode() with nothing set = %s, want console", c.Mode())
	}
	setEnv(t, map[string]string{"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s", "SLACK_API_URL": "http://127.0.0.1:9/api"})
	if c, err = loadConfig(); err != nil || c.Mode() != ModeHTTP || c.SlackAPIURL != "http://127.0.0.1:9/api/" {
		t.Errorf("HTTP config = %+v, %v; want HTTP mode and the API URL ending in /", c, err)
	}
	t.Setenv("SLACK_APP_TOKEN", "xapp-1")
	if c, err = loadConfig(); err != nil || c.Mode() != ModeSocket {
		t.Errorf("Mode() with an app token = %v, %v; want socket-mode", c, err)
	}
}

func TestRedact(t *testing.T) {
	tests := map[string]string{
		"redis://localhost:6379/0":                   "redis://localhost:6379/0",
		"redis://:s3cret@cache:6379/0":               "redis://:xxxxx@cache:6379/0",
		"rediss://user:s3cret@cache:6380":            "rediss://user:xxxxx@cache:6380",
		"redis://:one@h1:6379, redis://:two@h2:6379": "redis://:xxxxx@h1:6379,redis://:xxxxx@h2:6379",
		"h1:7000,h2:7000":                            "h1:7000,h2:7000",
	}
	for in, want := range tests {
		if got := redact(in); got != want {
			t.Errorf("redact(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSentinelAddressesNeedTheMasterName(t *testing.T) {
	clearConfigEnv(t)
	setEnv(t, map[string]string{"REDIS_URL": "sentinel1:26379", "REDIS_MASTER_NAME": "mymaster"})
	if _, err := loadConfig(); err != nil {
		t.Errorf("one Sentinel address with REDIS_MASTER_NAME: %v, want no error", err)
	}
}

// A long value echoed in an error is shortened between characters, never
// through one, so the message stays readable UTF-8.
func TestConfigErrorClipsBetweenCharacters(t *testing.T) {
	clearConfigEnv(t)
	setEnv(t, map[string]string{"LOG_LEVEL": strings.Repeat("é", 80)})
	_, err := loadConfig()
	if err == nil {
		t.Fatal("want an error")
	}
	if msg := err.Error(); !utf8.ValidString(msg) || !strings.Contains(msg, "…") {
		t.Errorf("loadConfig() = %q, want valid UTF-8 with the value clipped", msg)
	}
}
