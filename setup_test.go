package main

// Tests that a workspace admin's first set-up goes right: the example
// settings, copied unedited, open the console; the manifest sends mentions
// as user ids to every command that needs them.

import (
	"bufio"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestUneditedEnvExampleOpensTheConsole(t *testing.T) {
	clearConfigEnv(t)
	f, err := os.Open(".env.example")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, value, ok := strings.Cut(line, "=")
		if !ok {
			t.Fatalf(".env.example line %q is neither a comment nor NAME=value", line)
		}
		t.Setenv(name, value) // as "set -a; . ./.env" would
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	c, err := loadConfig()
	if err != nil {
		t.Fatalf("loadConfig with .env.example as it is: %v", err)
	}
	if c.Mode() != ModeConsole || c.RedisURL != "" {
		t.Errorf(".env.example as it is gives mode %s with REDIS_URL %q, want the console on its own store", c.Mode(), c.RedisURL)
	}
}

func TestManifestEscapesMentions(t *testing.T) {
	b, err := os.ReadFile("slack-manifest.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Features struct {
			SlashCommands []struct {
				Command      string `yaml:"command"`
				ShouldEscape bool   `yaml:"should_escape"`
			} `yaml:"slash_commands"`
		} `yaml:"features"`
		OAuthConfig struct {
			Scopes struct {
				Bot []string `yaml:"bot"`
			} `yaml:"scopes"`
		} `yaml:"oauth_config"`
		Settings struct {
			EventSubscriptions struct {
				BotEvents []string `yaml:"bot_events"`
			} `yaml:"event_subscriptions"`
		} `yaml:"settings"`
	}
	if err := yaml.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	// "/peer supervision log ... with @sam" must reach the bot as <@U...>,
	// as "/supervision log ... with @sam" does.
	for _, c := range m.Features.SlashCommands {
		if (c.Command == "/peer" || c.Command == "/supervision") && !c.ShouldEscape {
			t.Errorf("%s has should_escape false, want true: it takes @mentions of people", c.Command)
		}
	}
	// The channel messages the NHS number guard will read; the bot
	// answers only mentions of it there.
	for _, pair := range [][2]string{{"message.channels", "channels:history"}, {"message.groups", "groups:history"}} {
		if !slices.Contains(m.Settings.EventSubscriptions.BotEvents, pair[0]) || !slices.Contains(m.OAuthConfig.Scopes.Bot, pair[1]) {
			t.Errorf("manifest lacks the %s event or the %s scope", pair[0], pair[1])
		}
	}
}

func TestResponseURLPrefixSetting(t *testing.T) {
	tests := []struct {
		value   string
		wantErr bool
	}{
		{"https://hooks.slack.com/", false},
		{"http://127.0.0.1:8080/respond/", false},
		{"https://hooks.slack.com", true}, // would also let in hooks.slack.com.example.org
		{"hooks.slack.com/", true},
		{"ftp://hooks.slack.com/", true},
	}
	for _, tt := range tests {
		clearConfigEnv(t)
		t.Setenv("SLACK_RESPONSE_URL_PREFIX", tt.value)
		c, err := loadConfig()
		var ce *ConfigError
		switch {
		case tt.wantErr && (!errors.As(err, &ce) || ce.Var != "SLACK_RESPONSE_URL_PREFIX"):
			t.Errorf("SLACK_RESPONSE_URL_PREFIX=%q: %v, want a ConfigError naming it", tt.value, err)
		case !tt.wantErr && (err != nil || c.ResponseURLPrefix != tt.value):
			t.Errorf("SLACK_RESPONSE_URL_PREFIX=%q: %v, want it taken", tt.value, err)
		}
	}
	clearConfigEnv(t)
	if c, err := loadConfig(); err != nil || c.ResponseURLPrefix != "https://hooks.slack.com/" {
		t.Errorf("default SLACK_RESPONSE_URL_PREFIX = %v, %v; want https://hooks.slack.com/", c, err)
	}
}
