package knowledge

import (
	"os"
	"testing"
)

func TestZZBranch(t *testing.T) {
	q := os.Getenv("ZQ")
	if q == "" {
		t.Skip()
	}
	b := shippedBase(t)
	a := Asker{Role: os.Getenv("DEBUG_ROLE"), Locality: os.Getenv("DEBUG_LOC")}
	words := spellOut(trimPolite(plainWords(q)))
	roles := rolesNamed(words)
	res := b.Search(q, SearchOptions{Locality: a.Locality, Limit: answerHits, Role: a.Role})
	if e, ok := b.selfSupport(words, a); ok {
		t.Log("selfSupport", entryID(e))
	}
	if e, ok := b.forAsker(words, roles, a); ok {
		t.Log("forAsker", entryID(e))
	}
	if e, ok := b.askedAsListed(res, words, roles); ok {
		t.Log("askedAsListed", entryID(e))
	}
	if e, ok := b.compareRoles(words, roles); ok {
		t.Log("compare", entryID(e))
	}
	if e, ok := b.whoCanSupervise(words, roles); ok {
		t.Log("whoCanSupervise", entryID(e))
	}
	if e, ok := b.whySupervision(words); ok {
		t.Log("whySupervision", entryID(e))
	}
	if e, ok := b.roleTopic(words, roles); ok {
		t.Log("roleTopic", entryID(e))
	}
	if e, _, asked := b.referral(words, res); e != nil {
		t.Log("referral", entryID(e), asked, offTopic(words), searchAnswers(res, words))
	}
	if e := b.forEachRole(words, roles); e != nil {
		t.Log("forEachRole", len(e))
	}
	if e, ok := b.searched(res, words, roles); ok {
		t.Log("searched", entryID(e))
	}
}
