package main

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/kelseyhightower/envconfig"

	"github.com/peerbot/peerbot/internal/text"
	"github.com/peerbot/peerbot/store"
	"github.com/peerbot/peerbot/supervision"
)

// Config is every setting peerbot reads, all from the environment.
// .env.example lists the same variables; a test keeps the two in step.
type Config struct {
	SlackBotToken      string   `envconfig:"SLACK_BOT_TOKEN"`
	SlackSigningSecret string   `envconfig:"SLACK_SIGNING_SECRET"`
	SlackAppToken      string   `envconfig:"SLACK_APP_TOKEN"`
	SlackAPIURL        string   `envconfig:"SLACK_API_URL"`
	ResponseURLPrefix  string   `envconfig:"SLACK_RESPONSE_URL_PREFIX" default:"https://hooks.slack.com/"`
	RedisURL           string   `envconfig:"REDIS_URL"`
	RedisMasterName    string   `envconfig:"REDIS_MASTER_NAME"`
	RedisKeyPrefix     string   `envconfig:"REDIS_KEY_PREFIX" default:"peerbot:"`
	Port               int      `envconfig:"PORT" default:"3000"`
	Host               string   `envconfig:"HOST"`
	MetricsAddr        string   `envconfig:"METRICS_ADDR"`
	DefaultTZ          Location `envconfig:"DEFAULT_TZ" default:"Europe/London"`
	AdminUserIDs       []string `envconfig:"ADMIN_USER_IDS"`
	PeerChannelID      string   `envconfig:"PEER_CHANNEL_ID"`
	LogLevel           string   `envconfig:"LOG_LEVEL"`
	LogFormat          string   `envconfig:"LOG_FORMAT"`
	CommandPeer        string   `envconfig:"COMMAND_PEER" default:"/peer"`
	CommandRoles       string   `envconfig:"COMMAND_ROLES" default:"/roles"`
	CommandResources   string   `envconfig:"COMMAND_RESOURCES" default:"/resources"`
	CommandAsk         string   `envconfig:"COMMAND_ASK" default:"/ask"`
	CommandSupervision string   `envconfig:"COMMAND_SUPERVISION" default:"/supervision"`
	KnowledgeDir       string   `envconfig:"KNOWLEDGE_DIR"`
	ReviewMonths       int      `envconfig:"REVIEW_MONTHS" default:"12"`
	ZoneCacheTTL       Duration `envconfig:"ZONE_CACHE_TTL" default:"24h"`
	ReminderShards     int      `envconfig:"REMINDER_SHARDS" default:"8"`
	ReminderGrace      Duration `envconfig:"REMINDER_GRACE" default:"24h"`
	ReminderRate       float64  `envconfig:"REMINDER_RATE" default:"20"`
	ReminderLease      Duration `envconfig:"REMINDER_LEASE" default:"60s"`
	AuditSalt          string   `envconfig:"AUDIT_SALT"`
	RetentionMonths    int      `envconfig:"RETENTION_MONTHS" default:"36"`
	AuditRetentionDays int      `envconfig:"AUDIT_RETENTION_DAYS" default:"365"`
}

// Mode is how the bot reaches people.
type Mode string

// The modes, chosen by which Slack settings are present.
const (
	ModeConsole Mode = "console"     // no Slack tokens: a local console
	ModeHTTP    Mode = "http"        // bot token and signing secret
	ModeSocket  Mode = "socket-mode" // bot token and app-level token
)

// Mode says which transport the configuration asks for.
func (c *Config) Mode() Mode {
	switch {
	case c.SlackAppToken != "":
		return ModeSocket
	case c.SlackBotToken != "":
		return ModeHTTP
	}
	return ModeConsole
}

// DefaultRedisURL is where HTTP and Socket Mode look for Redis when
// REDIS_URL is not set.
const DefaultRedisURL = "redis://127.0.0.1:6379/0"

// ConfigError names the variable at fault and what it should hold. Its
// text is one line, fit to stop start-up with; it never holds a secret.
type ConfigError struct {
	Var  string // the environment variable
	Want string // what is expected, in plain words
}

func (e *ConfigError) Error() string { return e.Var + ": " + e.Want }

// loadConfig reads and checks the configuration from the environment.
func loadConfig() (*Config, error) {
	var c Config
	if err := envconfig.Process("", &c); err != nil {
		var pe *envconfig.ParseError
		if errors.As(err, &pe) {
			return nil, parseError(pe)
		}
		return nil, err
	}
	if err := c.validate(); err != nil {
		return nil, err
	}
	return &c, nil
}

func parseError(pe *envconfig.ParseError) error {
	switch pe.KeyName {
	case "PORT":
		return &ConfigError{"PORT", fmt.Sprintf("expected a port number from 0 to 65535, not %q", clip(pe.Value))}
	case "ZONE_CACHE_TTL":
		return &ConfigError{"ZONE_CACHE_TTL", fmt.Sprintf("expected a duration such as 24h or 90m, not %q", clip(pe.Value))}
	case "REMINDER_GRACE", "REMINDER_LEASE":
		return &ConfigError{pe.KeyName, fmt.Sprintf("expected a duration such as 24h or 60s, not %q", clip(pe.Value))}
	case "DEFAULT_TZ":
		return &ConfigError{"DEFAULT_TZ", fmt.Sprintf("expected a time zone name such as Europe/London, not %q", clip(pe.Value))}
	}
	return &ConfigError{pe.KeyName, fmt.Sprintf("cannot be read as %s: %v", pe.TypeName, pe.Err)}
}

var (
	slashCommand = regexp.MustCompile(`^/[a-z0-9_-]{1,31}$`)
	userID       = regexp.MustCompile(`^[UW][A-Z0-9]{2,}$`)
	channelID    = regexp.MustCompile(`^[CG][A-Z0-9]{2,}$`)
)

func (c *Config) validate() error {
	trim := func(s *string) { *s = strings.TrimSpace(*s) }
	for _, s := range []*string{&c.SlackBotToken, &c.SlackSigningSecret, &c.SlackAppToken, &c.SlackAPIURL,
		&c.RedisURL, &c.RedisMasterName, &c.PeerChannelID, &c.LogLevel, &c.LogFormat, &c.CommandPeer, &c.CommandRoles, &c.CommandResources, &c.CommandAsk,
		&c.CommandSupervision, &c.KnowledgeDir} {
		trim(s)
	}
	switch {
	case c.SlackBotToken != "" && !strings.HasPrefix(c.SlackBotToken, "xoxb-"):
		return &ConfigError{"SLACK_BOT_TOKEN", "expected a bot token starting with xoxb- (Slack app settings, OAuth & Permissions)"}
	case c.SlackAppToken != "" && !strings.HasPrefix(c.SlackAppToken, "xapp-"):
		return &ConfigError{"SLACK_APP_TOKEN", "expected an app-level token starting with xapp- (Slack app settings, Basic Information, App-Level Tokens)"}
	case c.SlackBotToken == "" && c.SlackSigningSecret != "":
		return &ConfigError{"SLACK_BOT_TOKEN", "is needed with SLACK_SIGNING_SECRET: set the bot token (xoxb-...), or unset both for the console"}
	case c.SlackBotToken == "" && c.SlackAppToken != "":
		return &ConfigError{"SLACK_BOT_TOKEN", "is needed with SLACK_APP_TOKEN: set the bot token (xoxb-...), or unset both for the console"}
	case c.SlackBotToken != "" && c.SlackAppToken == "" && c.SlackSigningSecret == "":
		return &ConfigError{"SLACK_SIGNING_SECRET", "is needed for HTTP mode (Slack app settings, Basic Information); or set SLACK_APP_TOKEN for Socket Mode"}
	}
	if c.SlackAPIURL != "" {
		u, err := url.Parse(c.SlackAPIURL)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			return &ConfigError{"SLACK_API_URL", fmt.Sprintf("expected a web address such as https://slack.com/api/, not %q", clip(c.SlackAPIURL))}
		}
		if !strings.HasSuffix(c.SlackAPIURL, "/") {
			c.SlackAPIURL += "/" // slack-go appends method names to it
		}
	}
	if u, err := url.Parse(c.ResponseURLPrefix); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || !strings.HasSuffix(u.Path, "/") {
		return &ConfigError{"SLACK_RESPONSE_URL_PREFIX", fmt.Sprintf("expected the start of a web address, ending in /, such as https://hooks.slack.com/, not %q", clip(c.ResponseURLPrefix))}
	}
	if c.RedisURL != "" {
		if err := store.ParseURL(c.RedisURL, c.RedisMasterName); err != nil {
			return &ConfigError{"REDIS_URL", "expected a Redis URL such as redis://localhost:6379/0, or host:port addresses separated by commas for a cluster (" + err.Error() + ")"}
		}
	}
	if c.RedisKeyPrefix == "" || strings.ContainsAny(c.RedisKeyPrefix, "{} \t\n") {
		return &ConfigError{"REDIS_KEY_PREFIX", "expected a key prefix such as peerbot: (no spaces or braces)"}
	}
	if c.Port < 0 || c.Port > 65535 {
		return &ConfigError{"PORT", fmt.Sprintf("expected a port number from 0 to 65535, not %d", c.Port)}
	}
	if err := c.validateListen(); err != nil {
		return err
	}
	for i, id := range c.AdminUserIDs {
		c.AdminUserIDs[i] = strings.TrimSpace(id)
		if !userID.MatchString(c.AdminUserIDs[i]) {
			return &ConfigError{"ADMIN_USER_IDS", fmt.Sprintf("expected Slack user ids such as U012ABCDEF separated by commas, not %q", clip(id))}
		}
	}
	if c.PeerChannelID != "" && !channelID.MatchString(c.PeerChannelID) {
		return &ConfigError{"PEER_CHANNEL_ID", fmt.Sprintf("expected a Slack channel id such as C012ABCDEF, not %q", clip(c.PeerChannelID))}
	}
	if _, err := parseLevel(c.LogLevel); err != nil {
		return &ConfigError{"LOG_LEVEL", fmt.Sprintf("expected debug, info, warn or error, not %q", clip(c.LogLevel))}
	}
	switch strings.ToLower(c.LogFormat) {
	case "", "json", "text":
		c.LogFormat = strings.ToLower(c.LogFormat)
	default:
		return &ConfigError{"LOG_FORMAT", fmt.Sprintf("expected json or text, not %q", clip(c.LogFormat))}
	}
	if !slashCommand.MatchString(c.CommandPeer) {
		return &ConfigError{"COMMAND_PEER", fmt.Sprintf("expected a slash command such as /peer (lower case, up to 32 characters), not %q", clip(c.CommandPeer))}
	}
	seen := map[string]string{c.CommandPeer: "COMMAND_PEER"}
	for _, cmd := range c.commands() {
		if *cmd.slash == "" {
			continue
		}
		if !slashCommand.MatchString(*cmd.slash) {
			return &ConfigError{cmd.env, fmt.Sprintf("expected a slash command such as /%s, or empty to use %s %s only, not %q", cmd.name, c.CommandPeer, cmd.name, clip(*cmd.slash))}
		}
		if other, dup := seen[*cmd.slash]; dup {
			return &ConfigError{cmd.env, "must differ from " + other}
		}
		seen[*cmd.slash] = cmd.env
	}
	if c.KnowledgeDir != "" {
		if st, err := os.Stat(c.KnowledgeDir); err != nil || !st.IsDir() {
			return &ConfigError{"KNOWLEDGE_DIR", fmt.Sprintf("expected a folder of Markdown articles, and %q is not one", clip(c.KnowledgeDir))}
		}
	}
	if c.ZoneCacheTTL.Duration < time.Minute {
		return &ConfigError{"ZONE_CACHE_TTL", "expected a duration of at least a minute, such as 24h"}
	}
	if c.ReviewMonths < 1 || c.ReviewMonths > 120 {
		return &ConfigError{"REVIEW_MONTHS", fmt.Sprintf("expected a number of months from 1 to 120, not %d", c.ReviewMonths)}
	}
	return c.validateReminders()
}

func (c *Config) validateReminders() error {
	switch {
	case c.ReminderShards < 1 || c.ReminderShards > 1024:
		return &ConfigError{"REMINDER_SHARDS", fmt.Sprintf("expected a number of shards from 1 to 1024, not %d", c.ReminderShards)}
	case c.ReminderGrace.Duration < time.Minute:
		return &ConfigError{"REMINDER_GRACE", "expected a duration of at least a minute, such as 24h"}
	case c.ReminderRate <= 0:
		return &ConfigError{"REMINDER_RATE", "expected a number of messages a second above 0, such as 20"}
	case c.ReminderLease.Duration < 2*time.Second:
		return &ConfigError{"REMINDER_LEASE", "expected a duration of at least 2s, such as 60s"}
	case c.RetentionMonths < 1 || c.RetentionMonths > 1200:
		return &ConfigError{"RETENTION_MONTHS", fmt.Sprintf("expected a number of months from 1 to 1200, such as 36, not %d", c.RetentionMonths)}
	case c.AuditRetentionDays < 1 || c.AuditRetentionDays > 36500:
		return &ConfigError{"AUDIT_RETENTION_DAYS", fmt.Sprintf("expected a number of days from 1 to 36500, such as 365, not %d", c.AuditRetentionDays)}
	}
	return nil
}

var hostName = regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$`)

// validateListen checks HOST and METRICS_ADDR, where the servers listen.
func (c *Config) validateListen() error {
	c.Host = strings.TrimSpace(c.Host)
	if h := strings.Trim(c.Host, "[]"); h != "" && net.ParseIP(h) == nil && !hostName.MatchString(h) {
		return &ConfigError{"HOST", fmt.Sprintf("expected a host name or IP address to listen on, such as 127.0.0.1 (the port is PORT), not %q", clip(c.Host))}
	}
	c.Host = strings.Trim(c.Host, "[]")
	c.MetricsAddr = strings.TrimSpace(c.MetricsAddr)
	if c.MetricsAddr == "" {
		return nil
	}
	host, port, err := net.SplitHostPort(c.MetricsAddr)
	n, perr := strconv.Atoi(port)
	if err != nil || perr != nil || n < 0 || n > 65535 || (host != "" && net.ParseIP(host) == nil && !hostName.MatchString(host)) {
		return &ConfigError{"METRICS_ADDR", fmt.Sprintf("expected host:port to serve /metrics on, such as 127.0.0.1:9090 or :9090, not %q", clip(c.MetricsAddr))}
	}
	return nil
}

// ListenAddr is where the HTTP server for Slack listens: HOST (all
// interfaces when empty) and PORT.
func (c *Config) ListenAddr() string { return net.JoinHostPort(c.Host, strconv.Itoa(c.Port)) }

// commandVar is one command's configurable slash command.
type commandVar struct {
	name  string  // the command's name in the table: "roles"
	env   string  // its variable: "COMMAND_ROLES"
	slash *string // its value: "/roles", or "" for the umbrella only
}

func (c *Config) commands() []commandVar {
	return []commandVar{
		{"roles", "COMMAND_ROLES", &c.CommandRoles},
		{"resources", "COMMAND_RESOURCES", &c.CommandResources},
		{"ask", "COMMAND_ASK", &c.CommandAsk},
		{"supervision", "COMMAND_SUPERVISION", &c.CommandSupervision},
	}
}

// SlashNames maps each command to its own slash command, as configured.
func (c *Config) SlashNames() map[string]string {
	m := make(map[string]string)
	for _, cmd := range c.commands() {
		m[cmd.name] = *cmd.slash
	}
	return m
}

// parseLevel reads LOG_LEVEL; empty means the mode's default.
func parseLevel(s string) (slog.Level, error) {
	var l slog.Level
	if s == "" {
		return l, nil
	}
	err := l.UnmarshalText([]byte(s))
	return l, err
}

// Location is a time zone read from a name such as Europe/London.
type Location struct{ *time.Location }

// Decode reads a time zone name; envconfig calls it.
func (l *Location) Decode(s string) error {
	if strings.TrimSpace(s) == "" {
		return errors.New("empty time zone")
	}
	loc, err := supervision.LoadZone(strings.TrimSpace(s))
	if err != nil {
		return err
	}
	l.Location = loc
	return nil
}

// Duration is a length of time written as Go writes it: 24h, 90m.
type Duration struct{ time.Duration }

// Decode reads a duration; envconfig calls it.
func (d *Duration) Decode(s string) error {
	v, err := time.ParseDuration(strings.TrimSpace(s))
	if err != nil {
		return err
	}
	d.Duration = v
	return nil
}

// clip keeps echoed values short in messages, never splitting a character.
func clip(s string) string { return text.Clip(s, 60) }
