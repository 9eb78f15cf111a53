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

// consoleAnswer answers one typed line as plain text.
func (b *Bot) consoleAnswer(ctx context.Context, line string) string {
	in := invocation{kind: "console", userID: ConsoleUser, channelID: "DCONSOLE"}
	in.slash, in.text = b.table.Line(line)
	return Text(b.answer(ctx, in), b.table.Invocation)
}
