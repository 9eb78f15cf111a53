package knowledge

import (
	"slices"
	"strings"

	"github.com/peerbot/peerbot/supervision"
)

// Intents that weigh what an article speaks of against what a question
// names: a defined term, a scheme's money, a role asked about something
// its article never mentions.

// asides end a "what is X" question without changing it: "what is a PCN
// anyway", "what is health coaching exactly".
var asides = []string{"anyway", "exactly", "actually", "again", "then", "really", "btw", "precisely", "here", "please"}

// kindNouns after a term name what kind of thing it is: "a VCSE org".
var kindNouns = []string{"org", "orgs", "organisation", "organisations", "organization", "organizations"}

// meanContexts after "what does X mean" say where X was seen: "what does
// AfC mean on my job advert".
var meanContexts = []string{"on", "in", "at", "when", "here"}

// definitionCore is a "what is X" question without the words around it
// that do not change what is asked: an aside at its end, a kind noun after
// the term, or where the term was seen after "mean".
func definitionCore(words []string) []string {
	for len(words) > 2 && hasAny(words[len(words)-1:], asides...) {
		words = words[:len(words)-1]
	}
	if len(words) > 2 && hasAny(words[len(words)-1:], kindNouns...) {
		words = words[:len(words)-1]
	}
	for i := 2; i+1 < len(words); i++ {
		if hasAny(words[i:i+1], "mean", "means") && hasAny(words[i+1:i+2], meanContexts...) && hasAny(words[:1], "what") {
			return words[:i+1]
		}
	}
	return words
}

// roleIfSpoken returns the role's article when it speaks of every telling
// word of the question, or the question asks whether the role helps with
// a need its referral cues name; otherwise nil and true: the question asks of the
// role something its article does not say ("can a care coordinator do
// home visits"), and no other article is a better guess.
func (b *Base) roleIfSpoken(words []string, role supervision.Role) (*Entry, bool) {
	e, ok := b.byID["role-"+string(role)]
	if ok && hasAny(words, "help*", "support*", "assist*") && cuesMatched(e, words) > 0 {
		return e, true // "can link workers help with housing forms": a need the role's referral cues name
	}
	if q := strings.Join(words, " "); ok && (!b.speaksOf(q, e) || b.termUnspoken(words, e)) {
		if term := b.termNamed(words); term != "" && b.speaksOf(q, b.termEntry(term)) {
			return b.termEntry(term), true // "what's the network DES got to do with link workers"
		}
		return nil, true
	}
	return e, ok
}

// termNamed returns the one term, other than a role's name, that a
// question names of those the content defines; "" for none or more than
// one.
func (b *Base) termNamed(words []string) string {
	var found *definedTerm
	for i, d := range b.defs {
		if d.term == "" || len(rolesNamed(plainWords(d.term))) > 0 || !hasPhrase(words, d.term) {
			continue
		}
		if found != nil && found.entry != d.entry {
			return ""
		}
		found = &b.defs[i]
	}
	if found == nil {
		return ""
	}
	return found.term
}

// termEntry returns the entry that defines term, as termNamed gives it.
func (b *Base) termEntry(term string) *Entry {
	_, e, _ := b.defined(term)
	return e
}

// schemeFunds answers what a named scheme's money pays for ("can ARRS
// money pay for my training") with the first of search's hits that is no
// one role's article, names the scheme and speaks of what was asked; with
// none, nil and true: not sure. WDF is a framework, and no article says
// what WDF money pays for. ok is false for another question.
func (b *Base) schemeFunds(words []string, res Results) (*Entry, bool) {
	if verb := fundVerb(words); verb && !fundsAsked(words) {
		// "can we use arrs to fund a coach": what it funds, if an
		// article of the scheme's money says; if not, other intents may.
		e := b.schemeMoney(words, res)
		return e, e != nil
	}
	if !fundsAsked(words) && !moneyOf(words, "") {
		return nil, false
	}
	term := b.termNamed(words)
	if term == "" || !fundsAsked(words) && !moneyOf(words, term) {
		return nil, false
	}
	if !fundsAsked(words) {
		// "what is WDF funding": the money of a term that is no scheme of
		// money is nothing the content says; of a scheme, search answers.
		d, _, _ := b.defined(term)
		return nil, d.Means != "" && !hasAny(plainWords(d.Means), "fund*", "reimburse*", "budget*", "scheme*", "grant*", "pay*", "money")
	}
	return b.schemeMoney(words, res), true
}

// schemeMoney returns the first of search's first three hits that is no
// one role's article, names the scheme the question names, speaks of what
// was asked and of money; nil for none.
func (b *Base) schemeMoney(words []string, res Results) *Entry {
	term := b.termNamed(words)
	if term == "" {
		return nil
	}
	q := strings.Join(words, " ")
	for _, h := range res.Hits[:min(3, len(res.Hits))] {
		if len(h.Entry.Roles) != 1 && !offSubject(h.Entry, words, res.DidYouMean) && !missesSupervision(h.Entry, words) && b.speaksOf(q, h.Entry) &&
			b.speaksOf(term, h.Entry) && b.speaksOfMoney(h.Entry) {
			return h.Entry
		}
	}
	return nil
}

// fundVerb reports fund as a verb with what it would pay for: "can we use
// arrs to fund a coach", "will arrs fund our second link worker"; not of
// a role's pay ("fund a link worker at band 5").
func fundVerb(words []string) bool {
	if hasAny(words, askerTopics[1].words...) || hasPhrase(words, "how much") {
		return false
	}
	for i := 0; i+1 < len(words); i++ {
		if hasAny(words[i:i+1], "fund", "funds") && (i > 0 && hasAny(words[i-1:i], "to", "arrs", "can", "will", "does", "it") ||
			hasAny(words[i+1:i+2], "a", "an", "the", "our", "their")) {
			return true
		}
	}
	return false
}

// fundsAsked reports whether a question asks what money pays for: "can
// ARRS money pay for my training".
func fundsAsked(words []string) bool {
	if hasPhrase(words, "how much") {
		return false // "how much does ARRS pay for a coach" is an amount (claimAmount)
	}
	for i := 1; i+1 < len(words); i++ {
		if words[i+1] != "for" || !hasAny(words[i:i+1], "pay", "paid", "pays") {
			continue
		}
		if words[i] == "pay" && hasAny(words[i-1:i], payNounBefore...) {
			continue // "what's the pay for a band 4 link worker" is what one is paid
		}
		return true
	}
	return false
}

// payNounBefore are the words before "pay" that make it a noun, what
// someone is paid: "the pay for coaches", "starting pay for a link worker".
var payNounBefore = []string{"the", "what", "whats", "my", "our", "their", "usual", "typical", "average", "starting", "rate", "of"}

// moneyOf reports whether a question asks what a term's money is: "what
// is WDF funding", "whats the ARRS fund"; of term "", whether it may.
func moneyOf(words []string, term string) bool {
	if !hasAny(words[:min(1, len(words))], "what", "whats") || !hasAny(words, moneyWords...) {
		return false
	}
	if term == "" {
		return true // some term's money, maybe
	}
	t := plainWords(term)
	for i := 0; i+len(t) < len(words); i++ {
		if hasPhrase(words[i:i+len(t)], strings.Join(t, " ")) && hasAny(words[i+len(t):i+len(t)+1], moneyWords...) {
			return true
		}
	}
	return false
}

// moneyWords name a term's money: "WDF funding".
var moneyWords = []string{"funding", "fund", "funds", "funded", "money", "grant", "grants"}

// speaksOfMoney reports whether e speaks of money at all: pay, funding or
// reimbursement.
func (b *Base) speaksOfMoney(e *Entry) bool {
	for _, w := range []string{"money", "funding", "reimbursement", "pay"} {
		if stems, _ := b.index.unmatched(w, e); len(stems) == 0 {
			return true
		}
	}
	return false
}

// documentSays reports a question asking what a defined term says ("does
// the DES say link workers need supervision"): the term's article, which
// search finds, answers it, not the role's, when it speaks of what was
// asked.
func (b *Base) documentSays(words []string) bool {
	if !hasAny(words, "say", "says", "state", "states", "stipulate*", "specify", "specifies", "mention", "mentions") {
		return false
	}
	term := b.termNamed(words)
	return term != "" && b.speaksOf(strings.Join(words, " "), b.termEntry(term))
}

// termsCompared answers "PCN vs ICB, what's the difference" with the
// article defining the first term named, when a question compares two
// terms the content defines (not roles, which roles-together compares).
func (b *Base) termsCompared(words []string) (*Entry, bool) {
	if !hasAny(words, "vs", "versus", "difference", "differences", "differ", "diff") && !hasPhrase(words, "compared to") {
		return nil, false
	}
	first, at, n := (*Entry)(nil), len(words), 0
	seen := map[string]bool{}
	for _, d := range b.defs {
		if d.term == "" || seen[d.term] || len(rolesNamed(plainWords(d.term))) > 0 {
			continue
		}
		t := plainWords(d.term)
		for i := 0; i+len(t) <= len(words); i++ {
			if hasPhrase(words[i:i+len(t)], strings.Join(t, " ")) {
				seen[d.term] = true
				n++
				if i < at {
					first, at = d.entry, i
				}
				break
			}
		}
	}
	return first, n == 2 && first != nil
}

// claimAmount reports whether a question asks how much can be claimed
// ("how much can we claim back for a coach", "the maximum a PCN can
// reclaim"): the amount a role's post is reimbursed, which its pay
// article gives.
func claimAmount(words []string) bool {
	if hasAny(words, "number", "numbers", "many") {
		return false // "the maximum number of link workers a PCN can claim" is how many
	}
	claim := hasAny(words, "claim*", "reclaim*", "reimburs*") || hasPhrase(words, "pay for") || hasPhrase(words, "pays for") || hasPhrase(words, "pay back")
	return claim && (hasPhrase(words, "how much") || hasAny(words, "max", "maximum", "most", "amount", "cap", "limit", "upper"))
}

// budgetWords ask for money for something: "a training budget".
var budgetWords = []string{"budget*", "fund", "funds", "funding", "funded", "money", "grant*", "bursar*"}

// moneyUnspoken reports whether a question asks for money for something
// ("what training budget is there for coaches", "funding for link worker
// courses") and e does not speak of that money at all.
func (b *Base) moneyUnspoken(words []string, e *Entry) bool {
	for _, w := range words {
		if hasAny([]string{w}, budgetWords...) {
			if stems, _ := b.index.unmatched(w, e); len(stems) > 0 {
				return true
			}
		}
	}
	return false
}

// listedQuestions maps each of the entries' own questions, and each of
// their synonyms of two words or more ("HWBC hub"), as plainWords writes
// them, to its entry; one two entries list is left out.
func listedQuestions(entries []*Entry) map[string]*Entry {
	out := map[string]*Entry{}
	twice := map[string]bool{}
	for _, e := range entries {
		asked := slices.Clone(e.Questions)
		for _, s := range e.Synonyms {
			if p := plainWords(s); len(p) > 1 {
				asked = append(asked, s)
			}
		}
		for _, q := range asked {
			k := listedKey(plainWords(q))
			if other, ok := out[k]; ok && other != e {
				twice[k] = true
			}
			out[k] = e
		}
	}
	for k := range twice {
		delete(out, k)
	}
	return out
}

// listedKey is how a question is looked up among the listed ones: its
// words without "a", "an" and "the", which people drop or swap ("how do
// patients get to see the link worker").
func listedKey(words []string) string {
	var b strings.Builder
	for _, w := range words {
		if articles[w] {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

// partAsked returns X of a question "what is X in Y" ("what's reflective
// practice in supervision"): what is asked is X, within Y, and an article
// on Y that does not speak of X does not answer it. nil for another
// question.
func partAsked(words []string) []string {
	var rest []string
	switch {
	case hasPrefix(words, []string{"what", "is"}), hasPrefix(words, []string{"what", "are"}):
		rest = words[2:]
	case hasAny(words[:min(1, len(words))], "whats", "what"):
		rest = words[1:]
	default:
		return nil
	}
	i := slices.Index(rest, "in")
	if i < 1 || i > 3 || i == len(rest)-1 {
		return nil // a short X: "what local services can I signpost to in Gateshead" is another question
	}
	return rest[:i]
}

// saidAbout returns Y of a question "what does X say about Y" ("what did
// the long term plan say about pharmacy"): what is asked is what X says of
// Y, and an article on X that does not speak of Y does not answer it. nil
// for another question.
func saidAbout(words []string) []string {
	for i := 0; i+2 < len(words); i++ {
		if hasAny(words[i:i+1], "say", "says", "said") && hasAny(words[i+1:i+2], "about", "on", "regarding") {
			return words[i+2:]
		}
	}
	return nil
}

// speaksOfAll reports whether e matches every telling word of q, a word
// corrected as a typo included: as the corrected word, if e does not
// have it, e does not speak of what was typed either.
func (b *Base) speaksOfAll(q string, e *Entry) bool {
	ix := b.index
	d := int32(slices.Index(ix.entries, e))
	if d < 0 {
		return false
	}
	for _, u := range ix.parse(q).units {
		if u.weight >= telling && !whenWords[u.stem] && !ix.has(u, d) {
			return false
		}
	}
	return true
}

// termUnspoken reports whether words name a term the content defines,
// other than a role's name (see termNamed), that e never speaks of: an
// article silent on what was asked about does not answer it.
func (b *Base) termUnspoken(words []string, e *Entry) bool {
	term := b.termNamed(words)
	if term == "" {
		return false
	}
	stems, _ := b.index.unmatched(term, e)
	return len(stems) > 0
}
