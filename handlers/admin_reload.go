package handlers

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

// ReloadResult is what a content reload did: how many articles are now in
// place, or the faults that kept the old content.
type ReloadResult struct {
	Articles int
	Faults   []string // each naming its file and what is wrong
}

// Reloader reads the content folder again, checked first as "peerbot
// knowledge check" does, and has every replica load it.
type Reloader interface {
	Reload(ctx context.Context) (ReloadResult, error)
}

// reloadShown is how many faults a reply lists.
const reloadShown = 10

// Reload answers "admin reload".
func (a *Admin) Reload(ctx context.Context, req Request) (Reply, error) {
	if strings.TrimSpace(req.Args) != "" {
		return Say("Reload takes nothing after it: type " + req.Invocation("admin", "reload") + " to read the content folder again."), nil
	}
	if a.reloader == nil {
		return Say("Content cannot be reloaded on this bot."), nil
	}
	res, err := a.reloader.Reload(ctx)
	if err != nil {
		if res.Articles > 0 || errors.Is(err, ErrUnknown) {
			return Say(fmt.Sprintf("I reloaded the content here (%d articles), but could not tell the other copies of the bot: they keep the old content until the next reload. Please try %s again shortly.",
				res.Articles, req.Invocation("admin", "reload"))), nil
		}
		return Reply{}, fmt.Errorf("admin reload: %w", err)
	}
	if len(res.Faults) > 0 {
		lines := make([]string, 0, reloadShown)
		for i, f := range res.Faults {
			if i == reloadShown {
				lines = append(lines, fmt.Sprintf("- and %d more", len(res.Faults)-reloadShown))
				break
			}
			lines = append(lines, "- "+AsTyped(safeWords(strings.TrimPrefix(f, "invalid content: "), "", 280)))
		}
		return Reply{
			Header:   "Content not reloaded",
			Text:     fmt.Sprintf("I kept the content and the supervision standards as they were: the folder has %s. Fix %s and run %s again.", supCount(len(res.Faults), "problem", "problems"), supPick(len(res.Faults) == 1, "it", "them"), req.Invocation("admin", "reload")),
			Sections: reportGroupSections("What is wrong", lines),
		}, nil
	}
	return Say(fmt.Sprintf("Reloaded: %d articles and the supervision standards are in place here, and every other copy of the bot loads them within a few seconds. Standards set with %s still apply on top.", res.Articles, req.Invocation("admin", "standards set"))), nil
}
