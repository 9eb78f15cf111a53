package bot

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/slack-go/slack"

	"github.com/peerbot/peerbot/handlers"
)

// sendFiles uploads a reply's files to the person's direct message with the
// bot, in the background, through the three-step upload
// (files.getUploadURLExternal, the upload, files.completeUploadExternal).
// In the console there is no Slack: the console prints them itself. What
// is logged names the file, never its content.
func (b *Bot) sendFiles(ctx context.Context, userID string, files []handlers.File) {
	if b.api == nil || len(files) == 0 || userID == "" {
		return
	}
	b.goTaskFrom(ctx, "files", func(ctx context.Context) {
		var dm string
		err := b.withRetry(ctx, "conversations.open", func() error {
			ch, _, _, err := b.api.OpenConversationContext(ctx, &slack.OpenConversationParameters{Users: []string{userID}})
			if err == nil {
				dm = ch.ID
			}
			return err
		})
		if err != nil {
			b.log.Error("opening a direct message for a file failed", "err", err)
			return
		}
		for _, f := range files {
			if len(f.Content) == 0 {
				continue
			}
			err := b.withRetry(ctx, "files.upload", func() error {
				_, err := b.api.UploadFileContext(ctx, slack.UploadFileParameters{
					Channel: dm, Filename: f.Name, Title: f.Title,
					Reader: bytes.NewReader(f.Content), FileSize: len(f.Content),
				})
				return err
			})
			if err != nil {
				b.log.Error("uploading a file failed", "err", err, "file", f.Name)
				b.fileFailed(ctx, dm, f)
			}
		}
	})
}

// fileFailed tells the person, in the direct message the file was to go
// to, that it did not arrive: the reply they saw said it would.
func (b *Bot) fileFailed(ctx context.Context, dm string, f handlers.File) {
	name := f.Name
	if f.Title != "" {
		name = fmt.Sprintf("%s (“%s”)", f.Name, f.Title)
	}
	msg := handlers.Say(fmt.Sprintf("Sorry, I couldn't send you the file %s: Slack didn't take it just now. Please ask for it again in a few minutes.", name))
	if err := b.post(ctx, dm, "", msg); err != nil {
		b.log.Error("saying a file was not sent failed", "err", err, "file", f.Name)
	}
}

// consoleFiles prints a reply's files, as the console shows them.
func consoleFiles(files []handlers.File) string {
	var out strings.Builder
	for _, f := range files {
		if f.Title != "" {
			fmt.Fprintf(&out, "\n--- File %s: %s ---\n%s", f.Name, f.Title, f.Content)
		} else {
			fmt.Fprintf(&out, "\n--- File %s ---\n%s", f.Name, f.Content)
		}
		if !bytes.HasSuffix(f.Content, []byte("\n")) {
			out.WriteString("\n")
		}
	}
	return out.String()
}
