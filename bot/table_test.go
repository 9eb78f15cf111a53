package bot

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/peerbot/peerbot/handlers"
)

func echo(name string) handlers.HandlerFunc {
	return func(_ context.Context, req handlers.Request) (handlers.Reply, error) {
		return handlers.Say(name + ":" + req.Args), nil
	}
}

// testTable has a public command with its own slash name, one reached only
// through the umbrella, and one for admins.
func testTable(t testing.TB) *Table {
	t.Helper()
	tbl, err := NewTable("/peer", map[string]string{"roles": "/roles"},
		handlers.Command{Name: "roles", Aliases: []string{"role"}, Usage: "[role]", Description: "About the roles.", Examples: []string{"", "coach"}, Run: echo("roles")},
		handlers.Command{Name: "resources", Usage: "[topic]", Description: "Training resources.", Examples: []string{"induction"}, Run: echo("resources")},
		handlers.Command{Name: "report", Usage: "", Description: "Who is on track.", AdminOnly: true, Run: echo("report")},
	)
	if err != nil {
		t.Fatal(err)
	}
	return tbl
}

func TestRoute(t *testing.T) {
	tbl := testTable(t)
	tests := []struct {
		slash, text string
		cmd, args   string // cmd "" for no command
		help        bool
		topic       string
		unknown     string
	}{
		{slash: "/roles", text: "coach", cmd: "roles", args: "coach"},
		{slash: "/roles", text: "  care co-ordinator ", cmd: "roles", args: "care co-ordinator"},
		{slash: "/roles", text: "", cmd: "roles"},
		{slash: "/ROLES", text: "CC", cmd: "roles", args: "CC"},
		{slash: "/peer", text: "roles coach", cmd: "roles", args: "coach"},
		{slash: "/peer", text: "Role coach", cmd: "roles", args: "coach"},
		{slash: "/peer", text: "resources induction", cmd: "resources", args: "induction"},
		{slash: "/peer", text: "", help: true},
		{slash: "/peer", text: "help", help: true},
		{slash: "/peer", text: "help roles", help: true, topic: "roles"},
		{slash: "/peer", text: "help nothing", help: true, unknown: "nothing"},
		{slash: "/peer", text: "roles help", help: true, topic: "roles"},
		{slash: "/roles", text: "help", help: true, topic: "roles"},
		{slash: "/roles", text: "--help", help: true, topic: "roles"},
		{slash: "/peer", text: "rols coach", unknown: "rols"},
		{slash: "/resources", text: "x", unknown: "/resources"},
		{slash: "/nope", text: "", unknown: "/nope"},
	}
	for _, tt := range tests {
		t.Run(tt.slash+" "+tt.text, func(t *testing.T) {
			rt := tbl.Route(tt.slash, tt.text)
			name := ""
			if rt.cmd != nil {
				name = rt.cmd.Name
			}
			topic := ""
			if rt.topic != nil {
				topic = rt.topic.Name
			}
			if name != tt.cmd || rt.args != tt.args || rt.help != tt.help || topic != tt.topic || rt.unknown != tt.unknown {
				t.Errorf("Route(%q, %q) = cmd %q args %q help %v topic %q unknown %q, want cmd %q args %q help %v topic %q unknown %q",
					tt.slash, tt.text, name, rt.args, rt.help, topic, rt.unknown, tt.cmd, tt.args, tt.help, tt.topic, tt.unknown)
			}
		})
	}
}

func TestNewTableRefusesClashes(t *testing.T) {
	run := echo("x")
	tests := map[string]func() (*Table, error){
		"same word": func() (*Table, error) {
			return NewTable("/peer", nil, handlers.Command{Name: "a", Run: run}, handlers.Command{Name: "b", Aliases: []string{"a"}, Run: run})
		},
		"help taken": func() (*Table, error) {
			return NewTable("/peer", nil, handlers.Command{Name: "help", Run: run})
		},
		"same slash": func() (*Table, error) {
			return NewTable("/peer", map[string]string{"a": "/x", "b": "/x"}, handlers.Command{Name: "a", Run: run}, handlers.Command{Name: "b", Run: run})
		},
		"slash is umbrella": func() (*Table, error) {
			return NewTable("/peer", map[string]string{"a": "/peer"}, handlers.Command{Name: "a", Run: run})
		},
		"bad umbrella": func() (*Table, error) { return NewTable("peer", nil) },
		"no handler":   func() (*Table, error) { return NewTable("/peer", nil, handlers.Command{Name: "a"}) },
	}
	for name, f := range tests {
		if _, err := f(); err == nil {
			t.Errorf("NewTable(%s) = nil error, want one", name)
		}
	}
}

func TestInvocation(t *testing.T) {
	tbl := testTable(t)
	for _, tt := range []struct{ name, args, want string }{
		{"roles", "coach", "/roles coach"},
		{"roles", "", "/roles"},
		{"resources", "induction", "/peer resources induction"},
	} {
		if got := tbl.Invocation(tt.name, tt.args); got != tt.want {
			t.Errorf("Invocation(%q, %q) = %q, want %q", tt.name, tt.args, got, tt.want)
		}
	}
}

func TestSuggest(t *testing.T) {
	tbl := testTable(t)
	tests := []struct {
		word    string
		isAdmin bool
		want    string
	}{
		{"rols", false, "/roles"},
		{"/rolse", false, "/roles"},
		{"roels", false, "/roles"},
		{"resorces", false, "/peer resources"},
		{"/pear", false, "/peer"},
		{"reprot", false, ""}, // admin-only: not suggested to others
		{"reprot", true, "/peer report"},
		{"supervision", false, ""},
		{"x", false, ""},
	}
	for _, tt := range tests {
		if got := tbl.suggest(tt.word, tt.isAdmin); got != tt.want {
			t.Errorf("suggest(%q, admin=%v) = %q, want %q", tt.word, tt.isAdmin, got, tt.want)
		}
	}
}

func TestHelpHidesAdminCommands(t *testing.T) {
	tbl := testTable(t)
	others := Text(tbl.Help(false), tbl.Invocation)
	admins := Text(tbl.Help(true), tbl.Invocation)
	if strings.Contains(others, "report") {
		t.Errorf("help for others mentions the admin command:\n%s", others)
	}
	if !strings.Contains(admins, "/peer report") {
		t.Errorf("help for admins lacks the admin command:\n%s", admins)
	}
}

// TestHelpGolden keeps what people read in help and in the unknown-command
// reply under review: plain text and Block Kit.
func TestHelpGolden(t *testing.T) {
	roles, tbl := rolesTable(t)
	cmd := roles.Command()
	replies := map[string]handlers.Reply{
		"help":         tbl.Help(false),
		"help_roles":   tbl.CommandHelp(&cmd),
		"unknown_rols": tbl.Unknown("rols", false),
	}
	for name, r := range replies {
		golden(t, name+".txt", []byte(Text(r, tbl.Invocation)))
		blocks, _ := Blocks(r)
		js, err := json.MarshalIndent(blocks, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		golden(t, name+".json", append(js, '\n'))
	}
}

func TestEditDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"roles", "roles", 0}, {"rols", "roles", 1}, {"roels", "roles", 1},
		{"", "abc", 3}, {"abc", "", 3}, {"peer", "pear", 1}, {"kitten", "sitting", 3},
	} {
		if got := editDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
