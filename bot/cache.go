package bot

import (
	"strings"
	"sync"

	"github.com/peerbot/peerbot/handlers"
)

// replyCache keeps the JSON of slash command replies that are the same for
// everyone who types the same words (help, and commands marked Fixed, such
// as /roles), so a second asking is answered without routing, running or
// rendering anything. The content is fixed while the bot runs, so nothing
// goes stale; when content can be reloaded, Drop empties the cache. It is
// safe for concurrent use.
type replyCache struct {
	mu      sync.RWMutex
	entries map[string]cachedReply
}

// cachedReply is a rendered reply and what the log and metrics say of it.
type cachedReply struct {
	payload []byte // the HTTP response body or acknowledgement
	name    string // the command, for the log
	outcome string // ok or help
}

// The cache is small and bounded: typed words are many, the replies worth
// keeping few. Text with a digit is never a key, so nothing resembling an
// NHS number or a date of birth is held; nor is long text.
const (
	maxCachedReplies = 512
	maxCachedKeyText = 100
	// A Socket Mode acknowledgement of 20 KB or more is dropped, and such
	// a reply goes through response_url instead; it is not kept.
	maxCachedPayload = 20<<10 - 1
)

// replyKey is the cache key of what a person typed, and false when it may
// not be kept. isAdmin is part of it: admins see more in help.
func replyKey(in invocation, isAdmin bool) (string, bool) {
	if len(in.text) > maxCachedKeyText || strings.ContainsAny(in.text, "0123456789") {
		return "", false
	}
	admin := "0"
	if isAdmin {
		admin = "1"
	}
	return admin + in.slash + "\x00" + in.text, true
}

func (c *replyCache) get(key string) (cachedReply, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	r, ok := c.entries[key]
	return r, ok
}

// put keeps r under key, unless the cache is full.
func (c *replyCache) put(key string, r cachedReply) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil {
		c.entries = make(map[string]cachedReply)
	}
	if len(c.entries) < maxCachedReplies && len(r.payload) <= maxCachedPayload {
		c.entries[key] = r
	}
}

// drop empties the cache.
func (c *replyCache) drop() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries = nil
}

// DropCachedReplies forgets every kept reply, so the next asking renders
// afresh: call it after the content changes. It is safe for concurrent use.
func (b *Bot) DropCachedReplies() { b.replies.drop() }

// keepable reports whether a reply may be kept: it has something to show
// and nothing to do beyond being shown.
func keepable(r handlers.Reply) bool {
	return !empty(r) && r.Form == nil && len(r.Messages) == 0 && len(r.RefreshHome) == 0 && len(r.Files) == 0
}
