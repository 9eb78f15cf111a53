package bot

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/internal/redistest"
	"github.com/peerbot/peerbot/store"
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
		"help_roles":   tbl.CommandHelp(false, &cmd),
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

// subTable has a command family with its own slash name (a default, a
// command that takes nothing, hidden subcommands run by buttons, a guard
// on the text) and an admin family reached through the umbrella only.
func subTable(t testing.TB) *Table {
	t.Helper()
	guard := func(args string) string {
		if strings.Contains(args, "9434765919") {
			return "That looks like an NHS number."
		}
		return ""
	}
	tbl, err := NewTable("/peer", map[string]string{"supervision": "/supervision"},
		handlers.Command{Name: "roles", Usage: "[role]", Description: "About the roles.", Run: echo("roles")},
		handlers.Command{Name: "supervision", Aliases: []string{"sup"}, Description: "Keep your supervision on track.", Guard: guard, Run: echo("status"),
			Subcommands: []handlers.Command{
				{Name: "status", Aliases: []string{"me"}, Description: "When your next session is due.", NoArgs: true, Examples: []string{""}, Run: echo("status")},
				{Name: "log", Aliases: []string{"add"}, Usage: "[date] [type]", Description: "Log a session.",
					More: "The date can be today or yesterday.", Examples: []string{"yesterday clinical", ""}, Run: echo("log")},
				{Name: "history", Usage: "[how many]", Description: "Your last sessions.", Run: echo("history")},
				{Name: "confirm", Hidden: true, Usage: "<person> <session>", Description: "Confirm a session.", Run: echo("confirm")},
			}},
		handlers.Command{Name: "admin", Description: "For network admins.", AdminOnly: true,
			Subcommands: []handlers.Command{
				{Name: "report", Description: "Who is on track.", Run: echo("report")},
				{Name: "reload", Description: "Read the content again.", Run: echo("reload")},
			}},
		handlers.Command{Name: "schedule", Description: "Channel posts.",
			Subcommands: []handlers.Command{
				{Name: "list", Description: "The posts set up.", Run: echo("list")},
				{Name: "add", Usage: "<cron> <text>", Description: "Set up a post.", AdminOnly: true, Run: echo("add")},
			}},
	)
	if err != nil {
		t.Fatal(err)
	}
	return tbl
}

// answerText is what a person sees for a typed command: the table's own
// reply, or what the handler it routes to says.
func answerText(t testing.TB, tbl *Table, slash, text string, isAdmin bool) string {
	t.Helper()
	res := tbl.Resolve(slash, text, isAdmin)
	if res.Run == nil {
		return Text(res.Reply, tbl.Invocation)
	}
	r, err := res.Run(context.Background(), handlers.Request{Args: res.Args, IsAdmin: isAdmin})
	if err != nil {
		t.Fatal(err)
	}
	return Text(r, tbl.Invocation)
}

func TestResolveSubcommands(t *testing.T) {
	tbl := subTable(t)
	tests := []struct {
		slash, text string
		admin       bool
		want        []string
		not         []string
	}{
		{slash: "/supervision", text: "", want: []string{"status:"}},
		{slash: "/supervision", text: "log yesterday clinical", want: []string{"log:yesterday clinical"}},
		{slash: "/supervision", text: "ADD today", want: []string{"log:today"}},
		{slash: "/peer", text: "supervision log today", want: []string{"log:today"}},
		{slash: "/peer", text: "sup history 20", want: []string{"history:20"}},
		{slash: "/supervision", text: "me", want: []string{"status:"}},
		{slash: "/supervision", text: "status lgo", want: []string{"I don't know “lgo” here", "Did you mean /supervision log?"}},
		{slash: "/supervision", text: "confirm U1 abc", want: []string{"confirm:U1 abc"}},
		{slash: "/supervision", text: "lgo", want: []string{"I don't know “lgo” here", "Did you mean /supervision log?", "/supervision history [how many]"},
			not: []string{"confirm"}},
		{slash: "/supervision", text: "confrim U1 abc", not: []string{"Did you mean", "confirm"}},
		{slash: "/supervision", text: "xyzzy", want: []string{"I don't know “xyzzy” here", "/supervision log"}, not: []string{"Did you mean"}},
		{slash: "/supervision", text: "log 9434765919", want: []string{"NHS number"}, not: []string{"log:"}},
		{slash: "/supervision", text: "9434765919", want: []string{"NHS number"}, not: []string{"9434765919"}},
		{slash: "/supervision", text: "help 9434765919", want: []string{"NHS number"}},
		{slash: "/peer", text: "schedule list", want: []string{"list:"}},
		{slash: "/peer", text: "schedule add x", want: []string{"only network admins"}, not: []string{"add:"}},
		{slash: "/peer", text: "schedule add x", admin: true, want: []string{"add:x"}},
		{slash: "/peer", text: "admin report", want: []string{"only network admins"}, not: []string{"report:"}},
		{slash: "/peer", text: "admin reprot", want: []string{"only network admins"}, not: []string{"report"}},
		{slash: "/peer", text: "admin report", admin: true, want: []string{"report:"}},
		{slash: "/peer", text: "admin reprot", admin: true, want: []string{"Did you mean /peer admin report?"}},
		{slash: "/peer", text: "admin", admin: true, want: []string{"/peer admin report", "/peer admin reload"}},
	}
	for _, tt := range tests {
		t.Run(tt.slash+" "+tt.text, func(t *testing.T) {
			got := answerText(t, tbl, tt.slash, tt.text, tt.admin)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("%s %s (admin %v) = %q, want it to contain %q", tt.slash, tt.text, tt.admin, got, w)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(got, n) {
					t.Errorf("%s %s (admin %v) = %q, want it not to contain %q", tt.slash, tt.text, tt.admin, got, n)
				}
			}
		})
	}
}

func TestSubcommandHelp(t *testing.T) {
	tbl := subTable(t)
	tests := []struct {
		slash, text string
		want        []string
		not         []string
	}{
		{"/supervision", "help", []string{"/supervision", "Keep your supervision on track.", "/supervision log [date] [type]", "Log a session.", "/supervision history"},
			[]string{"confirm", "Usage"}},
		{"/peer", "help supervision", []string{"/supervision log [date] [type]"}, []string{"confirm"}},
		{"/supervision", "log help", []string{"Log a session.", "Usage", "/supervision log [date] [type]", "/peer supervision log [date] [type]",
			"The date can be today or yesterday.", "Examples", "• /supervision log yesterday clinical", "• /supervision log\n"}, nil},
		{"/supervision", "help log", []string{"/peer supervision log [date] [type]", "The date can be today"}, nil},
		{"/peer", "help supervision log", []string{"/peer supervision log [date] [type]", "The date can be today"}, nil},
		{"/peer", "sup log --help", []string{"The date can be today"}, nil},
		{"/supervision", "confirm help", []string{"/supervision confirm <person> <session>"}, nil},
		{"/peer", "help", []string{"/supervision [status | log | history] ...", "/peer schedule [list] ..."}, []string{"admin", "add", "confirm"}},
		{"/peer", "schedule help", []string{"/peer schedule list"}, []string{"add"}},
	}
	for _, tt := range tests {
		t.Run(tt.slash+" "+tt.text, func(t *testing.T) {
			got := answerText(t, tbl, tt.slash, tt.text, false)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("%s %s = %q, want it to contain %q", tt.slash, tt.text, got, w)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(got, n) {
					t.Errorf("%s %s = %q, want it not to contain %q", tt.slash, tt.text, got, n)
				}
			}
		})
	}
	admins := answerText(t, tbl, "/peer", "help", true)
	for _, w := range []string{"/peer admin [report | reload] ...", "/peer schedule [list | add] ..."} {
		if !strings.Contains(admins, w) {
			t.Errorf("help for admins = %q, want it to contain %q", admins, w)
		}
	}
	if got := answerText(t, tbl, "/peer", "schedule add help", true); !strings.Contains(got, "Only network admins can use this command.") {
		t.Errorf("help on an admin subcommand = %q, want it to say it is for admins", got)
	}
}

func TestNewTableRefusesSubcommandClashes(t *testing.T) {
	run := echo("x")
	family := func(subs ...handlers.Command) (*Table, error) {
		return NewTable("/peer", nil, handlers.Command{Name: "family", Subcommands: subs})
	}
	tests := map[string]func() (*Table, error){
		"same word": func() (*Table, error) {
			return family(handlers.Command{Name: "a", Run: run}, handlers.Command{Name: "b", Aliases: []string{"a"}, Run: run})
		},
		"help taken": func() (*Table, error) { return family(handlers.Command{Name: "help", Run: run}) },
		"no handler": func() (*Table, error) { return family(handlers.Command{Name: "a"}) },
		"no name":    func() (*Table, error) { return family(handlers.Command{Run: run}) },
		"deep clash": func() (*Table, error) {
			return family(handlers.Command{Name: "a", Subcommands: []handlers.Command{{Name: "x", Run: run}, {Name: "x", Run: run}}})
		},
		"nothing runs": func() (*Table, error) { return NewTable("/peer", nil, handlers.Command{Name: "family"}) },
	}
	for name, f := range tests {
		if _, err := f(); err == nil {
			t.Errorf("NewTable(%s) = nil error, want one", name)
		}
	}
}

// TestAdminOnlyRefusedEverywhere walks every command and subcommand of a
// table holding the shipped handlers' commands and more admin commands, and
// checks that the router alone refuses a person who is not an admin
// anything kept for admins, run or asked for help, while an admin reaches
// it; and that the bot writes each refusal and each admin run to the audit
// log (a real Redis), by the command's words and never its arguments. No
// handler has to check or audit.
func TestAdminOnlyRefusedEverywhere(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, store.Options{URL: redistest.URL(t), Prefix: redistest.Prefix(t)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	roles, _ := rolesTable(t)
	cmds := []handlers.Command{roles.Command()}
	cmds = append(cmds, handlers.NewAnswers(handlers.AnswersOptions{Feedback: db}).Commands()...)
	cmds = append(cmds, handlers.NewSupervision(handlers.SupervisionOptions{}).Command())
	cmds = append(cmds, handlers.NewAdmin(handlers.AdminOptions{Audit: db}).Command())
	ran := func(context.Context, handlers.Request) (handlers.Reply, error) {
		return handlers.Say("ran"), nil
	}
	cmds = append(cmds, handlers.Command{Name: "office", AdminOnly: true, Subcommands: []handlers.Command{
		{Name: "report", Run: ran},
		{Name: "audit", Hidden: true, Run: ran},
	}}, handlers.Command{Name: "schedule", Run: ran, Subcommands: []handlers.Command{
		{Name: "list", Run: ran},
		{Name: "add", AdminOnly: true, Run: ran},
	}})
	b := testBot(t, Options{Auditor: db}, cmds...)
	tbl := b.table
	logged := 0
	// newEntry checks that the audit log grew by one entry, as want.
	newEntry := func(text string, want handlers.AuditEntry) {
		t.Helper()
		all, err := db.AuditEntries(ctx, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(all) != logged+1 {
			t.Errorf("%q by %s: the audit log has %d entries, want %d", text, want.UserID, len(all), logged+1)
			logged = len(all)
			return
		}
		logged++
		got := all[0]
		if got.UserID != want.UserID || got.Action != want.Action || got.Command != want.Command || time.Since(got.At) > time.Minute {
			t.Errorf("%q: audit entry %+v, want %s %s %q now", text, got, want.UserID, want.Action, want.Command)
		}
	}
	var walk func(path []string, adminOnly bool, c handlers.Command)
	checked := 0
	walk = func(path []string, adminOnly bool, c handlers.Command) {
		path = append(path[:len(path):len(path)], c.Name)
		adminOnly = adminOnly || c.AdminOnly
		words := strings.Join(path, " ")
		for _, text := range []string{words, words + " now", words + " help", "help " + words} {
			if adminOnly {
				res := tbl.Resolve("/peer", text, false)
				if res.Run != nil || res.Outcome != "denied" || !strings.Contains(res.Reply.Text, "only network admins") {
					t.Errorf("%q for someone who is not an admin: outcome %q, run %v, reply %q; want refused by the router",
						text, res.Outcome, res.Run != nil, res.Reply.Text)
				}
				if r := b.answer(ctx, invocation{kind: "console", slash: "/peer", text: text, userID: "UOTHER"}); !strings.Contains(r.Text, "only network admins") {
					t.Errorf("%q answered someone who is not an admin with %q", text, r.Text)
				}
				newEntry(text, handlers.AuditEntry{UserID: "UOTHER", Action: handlers.AuditDenied, Command: words})
				checked++
			}
			res := tbl.Resolve("/peer", text, true)
			if res.Outcome == "denied" {
				t.Errorf("%q for an admin was refused", text)
			}
			if res.AdminOnly != (adminOnly && res.Run != nil) {
				t.Errorf("%q for an admin: AdminOnly = %v, want %v", text, res.AdminOnly, adminOnly && res.Run != nil)
			}
			if adminOnly {
				b.answer(ctx, invocation{kind: "console", slash: "/peer", text: text, userID: "UADMIN"})
				if res.Run != nil {
					newEntry(text, handlers.AuditEntry{UserID: "UADMIN", Action: handlers.AuditAdmin, Command: words})
				}
			}
		}
		if !adminOnly {
			if help := Text(tbl.Help(false), tbl.Invocation); c.AdminOnly && strings.Contains(help, words) {
				t.Errorf("help for others mentions %q", words)
			}
		}
		for _, s := range c.Subcommands {
			walk(path, adminOnly, s)
		}
	}
	b.admins["UADMIN"] = true
	for _, c := range cmds {
		walk(nil, false, c)
	}
	if checked < 6*4 {
		t.Errorf("checked %d admin-only routes, want at least 24 (unanswered, admin, admin audit, office, its two, schedule add)", checked)
	}
	if all, _ := db.AuditEntries(ctx, 0); len(all) != logged {
		t.Errorf("the audit log has %d entries, want %d: only refusals and admin runs are audited", len(all), logged)
	}
}

// A command that takes no arguments is listed without a stray space after
// its name.
func TestHelpHasNoTrailingSpaces(t *testing.T) {
	tbl, err := NewTable("/peer", nil,
		handlers.Command{Name: "my-data", Description: "Sends you your data.", Run: echo("x")},
		handlers.Command{Name: "roles", Usage: "[role]", Description: "The roles.", Run: echo("x")},
	)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range tbl.Help(false).Sections {
		for _, line := range strings.Split(s.Text, "\n") {
			if strings.HasSuffix(line, " ") {
				t.Errorf("help line %q ends with a space", line)
			}
		}
	}
}
