package main

// Tests that keep the project's files outside Go in step with the code:
// .env.example with Config, slack-manifest.yaml with the commands, and the
// Procfile with the binary.

import (
	"bufio"
	"maps"
	"os"
	"path"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestEnvExampleMatchesConfig(t *testing.T) {
	inConfig := configVars(t)
	inExample := envExampleVars(t, ".env.example")
	tests := []struct {
		in, notIn string
		vars, of  []string
	}{
		{"Config", ".env.example", inConfig, inExample},
		{".env.example", "Config", inExample, inConfig},
	}
	for _, tt := range tests {
		t.Run("in "+tt.in, func(t *testing.T) {
			if missing := missingFrom(tt.of, tt.vars); len(missing) > 0 {
				t.Errorf("variables in %s but not in %s: got %v, want none", tt.in, tt.notIn, missing)
			}
		})
	}
}

func TestManifestListsEveryCommand(t *testing.T) {
	m := readManifest(t, "slack-manifest.yaml")

	t.Run("slash commands", func(t *testing.T) {
		var want []string
		for _, name := range configVars(t) {
			if strings.HasPrefix(name, "COMMAND_") {
				want = append(want, configDefault(t, name))
			}
		}
		var got []string
		for _, c := range m.Features.SlashCommands {
			got = append(got, c.Command)
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("slash_commands = %v, want %v", got, want)
		}
	})

	urls := []struct {
		name, url string
	}{
		{"settings.event_subscriptions.request_url", m.Settings.EventSubscriptions.RequestURL},
		{"settings.interactivity.request_url", m.Settings.Interactivity.RequestURL},
	}
	for _, c := range m.Features.SlashCommands {
		urls = append(urls, struct{ name, url string }{"slash command " + c.Command + " url", c.URL})
	}
	for _, u := range urls {
		t.Run(u.name, func(t *testing.T) {
			if !strings.HasSuffix(u.url, "/slack/events") {
				t.Errorf("%s = %q, want a URL ending in /slack/events", u.name, u.url)
			}
		})
	}

	t.Run("interactivity", func(t *testing.T) {
		if !m.Settings.Interactivity.IsEnabled {
			t.Errorf("settings.interactivity.is_enabled = false, want true")
		}
	})

	for _, scope := range []string{"commands", "chat:write", "app_mentions:read", "im:history"} {
		t.Run("bot scope "+scope, func(t *testing.T) {
			if !slices.Contains(m.OAuthConfig.Scopes.Bot, scope) {
				t.Errorf("oauth_config.scopes.bot = %v, want it to include %s", m.OAuthConfig.Scopes.Bot, scope)
			}
		})
	}

	for _, event := range []string{"app_mention", "message.im"} {
		t.Run("bot event "+event, func(t *testing.T) {
			if !slices.Contains(m.Settings.EventSubscriptions.BotEvents, event) {
				t.Errorf("settings.event_subscriptions.bot_events = %v, want it to include %s", m.Settings.EventSubscriptions.BotEvents, event)
			}
		})
	}
}

func TestProcfileRunsTheBinary(t *testing.T) {
	procs := readProcfile(t, "Procfile")
	// Heroku's Go buildpack names the binary after the module path's last element.
	binary := path.Base(modulePath(t, "go.mod"))
	tests := []struct {
		process string
		want    string // the program the process runs
	}{
		{"web", binary},
	}
	for _, tt := range tests {
		t.Run(tt.process, func(t *testing.T) {
			cmd, ok := procs[tt.process]
			if !ok {
				t.Fatalf("Procfile processes = %v, want a %s: line", slices.Sorted(maps.Keys(procs)), tt.process)
			}
			if got, _, _ := strings.Cut(cmd, " "); got != tt.want {
				t.Errorf("Procfile %s: runs %q, want %q", tt.process, got, tt.want)
			}
		})
	}
}

// configVars lists the environment variables Config reads.
func configVars(tb testing.TB) []string {
	tb.Helper()
	var names []string
	for f := range reflect.TypeFor[Config]().Fields() {
		if name := f.Tag.Get("envconfig"); name != "" {
			names = append(names, name)
		}
	}
	if len(names) == 0 {
		tb.Fatal("Config has no envconfig tags")
	}
	return names
}

// configDefault is the default tag of the Config field read from name.
func configDefault(tb testing.TB, name string) string {
	tb.Helper()
	for f := range reflect.TypeFor[Config]().Fields() {
		if f.Tag.Get("envconfig") == name {
			d, ok := f.Tag.Lookup("default")
			if !ok {
				tb.Fatalf("Config field %s (%s) has no default", f.Name, name)
			}
			return d
		}
	}
	tb.Fatalf("Config has no field for %s", name)
	return ""
}

// envExampleVar matches "NAME=value" and, for optional variables,
// "# NAME=value".
var envExampleVar = regexp.MustCompile(`^(?:#\s*)?([A-Z][A-Z0-9_]*)=`)

// envExampleVars lists the variables an .env file sets or shows commented out.
func envExampleVars(tb testing.TB, file string) []string {
	tb.Helper()
	f, err := os.Open(file)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var names []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if m := envExampleVar.FindStringSubmatch(strings.TrimSpace(sc.Text())); m != nil {
			names = append(names, m[1])
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return names
}

// missingFrom lists the names in want that are not in have.
func missingFrom(have, want []string) []string {
	var missing []string
	for _, w := range want {
		if !slices.Contains(have, w) {
			missing = append(missing, w)
		}
	}
	return missing
}

// manifest is the part of a Slack app manifest the tests check.
type manifest struct {
	Features struct {
		SlashCommands []struct {
			Command string `yaml:"command"`
			URL     string `yaml:"url"`
		} `yaml:"slash_commands"`
	} `yaml:"features"`
	OAuthConfig struct {
		Scopes struct {
			Bot []string `yaml:"bot"`
		} `yaml:"scopes"`
	} `yaml:"oauth_config"`
	Settings struct {
		EventSubscriptions struct {
			RequestURL string   `yaml:"request_url"`
			BotEvents  []string `yaml:"bot_events"`
		} `yaml:"event_subscriptions"`
		Interactivity struct {
			IsEnabled  bool   `yaml:"is_enabled"`
			RequestURL string `yaml:"request_url"`
		} `yaml:"interactivity"`
	} `yaml:"settings"`
}

func readManifest(tb testing.TB, file string) manifest {
	tb.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		tb.Fatal(err)
	}
	var m manifest
	if err := yaml.Unmarshal(b, &m); err != nil {
		tb.Fatalf("%s: %v", file, err)
	}
	return m
}

// readProcfile maps each process type in a Procfile to its command.
func readProcfile(tb testing.TB, file string) map[string]string {
	tb.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		tb.Fatal(err)
	}
	procs := make(map[string]string)
	for line := range strings.Lines(string(b)) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, cmd, ok := strings.Cut(line, ":")
		if !ok {
			tb.Fatalf("%s: line %q is not \"process: command\"", file, line)
		}
		procs[strings.TrimSpace(name)] = strings.TrimSpace(cmd)
	}
	return procs
}

// modulePath reads the module path from a go.mod file.
func modulePath(tb testing.TB, file string) string {
	tb.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		tb.Fatal(err)
	}
	for line := range strings.Lines(string(b)) {
		if p, ok := strings.CutPrefix(strings.TrimSpace(line), "module "); ok {
			return strings.Trim(strings.TrimSpace(p), `"`)
		}
	}
	tb.Fatalf("%s has no module line", file)
	return ""
}
