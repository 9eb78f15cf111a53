package handlers

import (
	"sync/atomic"

	"github.com/peerbot/peerbot/knowledge"
)

// Content is the knowledge base behind an atomic pointer, so a reload can
// put new content in place while questions are being answered: each call
// reads the content as it stands, whole, old or new. It satisfies Searcher
// and Articles. It is safe for concurrent use.
type Content struct {
	base atomic.Pointer[knowledge.Base]
}

// NewContent returns a Content holding base.
func NewContent(base *knowledge.Base) *Content {
	c := &Content{}
	c.base.Store(base)
	return c
}

// Swap puts base in place of the content held.
func (c *Content) Swap(base *knowledge.Base) { c.base.Store(base) }

// Base returns the content held now.
func (c *Content) Base() *knowledge.Base { return c.base.Load() }

func (c *Content) Search(query string, o knowledge.SearchOptions) knowledge.Results {
	return c.Base().Search(query, o)
}

func (c *Content) Answer(query string, a knowledge.Asker) knowledge.Answer {
	return c.Base().Answer(query, a)
}

func (c *Content) Entries() []*knowledge.Entry { return c.Base().Entries() }

func (c *Content) Entry(id string) (*knowledge.Entry, bool) { return c.Base().Entry(id) }

func (c *Content) Knows(term string) bool { return c.Base().Knows(term) }

// CheckRoles says what content lacks for /roles, or returns nil: a reload
// must not take away an article a command needs.
func CheckRoles(articles Articles) error {
	_, err := NewRoles(articles)
	return err
}
