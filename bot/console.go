package bot

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"
)

// ConsoleUser is the Slack-like user id the console speaks as.
const ConsoleUser = "UCONSOLE"

// RunConsole reads commands line by line from in, as a person would type
// them in Slack ("/roles coach", "/peer help"; the slash may be left out),
// and writes plain-text answers to out. It returns nil at the end of input
// or on "exit", and ctx's error when ctx ends first. prompt, when true,
// shows "> " before each line, for a person at a terminal.
func (b *Bot) RunConsole(ctx context.Context, in io.Reader, out io.Writer, prompt bool) error {
	lines := make(chan string)
	scanErr := make(chan error, 1)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(in)
		sc.Buffer(make([]byte, 64*1024), MaxBody)
		for sc.Scan() {
			select {
			case lines <- sc.Text():
			case <-ctx.Done():
				return
			}
		}
		scanErr <- sc.Err()
	}()
	for {
		if prompt {
			fmt.Fprint(out, "> ")
		}
		var line string
		var ok bool
		select {
		case <-ctx.Done():
			return ctx.Err()
		case line, ok = <-lines:
		}
		if !ok {
			if prompt {
				fmt.Fprintln(out)
			}
			select {
			case err := <-scanErr:
				if err != nil {
					return fmt.Errorf("reading the console: %w", err)
				}
			default:
			}
			return nil
		}
		line = strings.TrimSpace(line)
		switch strings.ToLower(line) {
		case "", "#":
			continue
		case "exit", "quit", "/exit", "/quit":
			return nil
		}
		if strings.HasPrefix(line, "#") {
			continue // a comment, for scripted input
		}
		fmt.Fprintln(out, b.consoleAnswer(ctx, line))
	}
}

// consoleAnswer answers one typed line as plain text. A line may start
// with "as @U123" to act as another person, so one person at the console
// can play both supervisor and supervisee. Messages the reply sends to
// other people or channels are printed after it.
func (b *Bot) consoleAnswer(ctx context.Context, line string) string {
	user := ConsoleUser
	if rest, ok := cutPrefixFold(line, "as "); ok {
		who, after := cut(rest)
		id := consoleUserID(who)
		if id == "" || after == "" {
			return "To act as someone else, type: as @U123 /supervision"
		}
		user, line = id, after
	}
	// A line is read as a direct message is: a command, with or without
	// its slash, or else a question.
	reply := b.converseReply(ctx, invocation{kind: "console", text: line, userID: user, channelID: "DCONSOLE"})
	reply = b.receipts(ctx, reply)
	b.replan(ctx, reply.Reschedule, true)
	var out strings.Builder
	out.WriteString(Text(reply, b.table.Invocation))
	for _, p := range reply.More { // every page, in order
		out.WriteString("\n\n")
		out.WriteString(Text(p, b.table.Invocation))
	}
	out.WriteString(consoleFiles(reply.Files))
	for _, m := range reply.Messages {
		if m.To == "" {
			continue
		}
		to, invoke := m.To, b.table.Invocation
		if isUserID(m.To) {
			to = "@" + m.To
			invoke = func(name, args string) string { return "as @" + m.To + " " + b.table.Invocation(name, args) }
			fmt.Fprintf(&out, "\n--- Direct message to %s ---\n", to)
		} else {
			fmt.Fprintf(&out, "\n--- Post in channel %s ---\n", to)
		}
		out.WriteString(Text(m.Reply, invoke))
	}
	return out.String()
}

// consoleUserID reads "@U123", "<@U123>" or "U123" as a user id.
func consoleUserID(s string) string {
	s = strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(s, "<"), "@"), ">")
	s = strings.TrimPrefix(s, "@")
	if !isUserID(s) {
		return ""
	}
	return strings.ToUpper(s)
}

// isUserID reports whether s looks like a Slack user id ("U123", "W123")
// rather than a channel id.
func isUserID(s string) bool {
	if len(s) < 2 || (s[0] != 'U' && s[0] != 'W' && s[0] != 'u' && s[0] != 'w') {
		return false
	}
	for _, r := range s[1:] {
		if !(r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z') {
			return false
		}
	}
	return true
}

func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return strings.TrimSpace(s[len(prefix):]), true
	}
	return s, false
}
