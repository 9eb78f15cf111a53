package knowledge

import (
	"math"
	"math/bits"
	"slices"
	"strings"

	"github.com/peerbot/peerbot/supervision"
)

// SearchOptions narrows and orders a search.
type SearchOptions struct {
	Locality string // the asker's locality ("gateshead", "london", ""): its entries rank first; other localities' entries rank lower
	Limit    int    // most hits to return; default 3
	IDPrefix string // only entries whose id starts with this, e.g. "resource-"; "" for all
	// Role is the asker's role ("splw", "hwbc", "cc") for a question that
	// names none: entries for that role rank a little higher, entries only
	// for other roles a little lower. "" for none.
	Role string
}

// Results of a search, best first.
type Results struct {
	Hits       []Hit
	Confident  bool     // Hits[0] is a good enough answer to give as the answer; false: the bot says it is not sure
	DidYouMean string   // the query with likely misspellings corrected, when any word was corrected; "" otherwise
	Suggested  string   // DidYouMean with words typed as English words left as typed: what to offer the asker; "" when that leaves nothing corrected
	Terms      []string // the query's normalised terms (lower-case, stemmed, stop words dropped, sorted, unique) – counted when nothing answers
}

// Hit is one entry found by a search.
type Hit struct {
	Entry      *Entry
	Score      float64 // the ranking score, after the locality adjustment
	Confidence float64 // 0..1: how much of the question the entry answers
	Near       float64 // 0..1: how near the question is to the nearest of the entry's questions; 0 below tuning.nearFrom
}

// Search finds the entries that best answer query. See Index.Search.
func (b *Base) Search(query string, o SearchOptions) Results {
	if b == nil || b.index == nil {
		return Results{}
	}
	return b.index.Search(query, o)
}

// tuning holds the settings of ranking and confidence, kept in one place so
// a test can vary them (TestSweep). They were chosen on the question set,
// testdata/questions.yaml: among settings that put the right article first
// for 96% or more of its in-scope questions, these leave the widest gap
// between the least confident right answer (0.58) and the most confident
// answer to an out-of-scope question (0.41); confidentAt sits in that gap.
type tuning struct {
	k1     float64            // term frequency saturation (BM25)
	weight [numFields]float64 // how much a word in each field counts
	b      [numFields]float64 // how much a long field is discounted

	// about is how much an entry's title being about the question counts
	// in its confidence: confidence is (1-about) times the share of the
	// question's weight the entry matches plus about times the share of the
	// title's weight the question has.
	about float64

	// confidentAt is the least confidence at which the best hit is given as
	// the answer; coveredAt the least share of the question's weight (as
	// confidence weighs it) the best hit must match at all.
	confidentAt, coveredAt float64

	// confPower flattens word weights for confidence: a word weighs its
	// idf to this power, so words common in the content, which show a
	// question is about it, still count.
	confPower float64

	// unknownDF is the document frequency a word no entry has is weighed
	// as; maxIDF caps every word's weight, so one rare word cannot decide.
	unknownDF, maxIDF float64

	localBoost, otherLocality float64 // the asker's locality; another one
	namedBoost                float64 // a locality the question names
	noLocality                float64 // a local entry, for an asker with no locality
	roleBoost, otherRole      float64 // an entry for the asker's role; one only for other roles
	typo1, typo2              float64 // a word corrected by one, two edits counts this much

	// A query near one of an entry's questions (see nearestQuestion)
	// ranks nearRank times its nearness higher, and is nearConf times it
	// more confident; nearness below nearFrom counts nothing.
	nearRank, nearConf, nearFrom float64
}

var tune = tuning{
	k1:     1.2,
	weight: [numFields]float64{5, 5, 2, 1, 1},
	b:      [numFields]float64{0.3, 0.3, 0.5, 0.75, 0},
	about:  0.1,

	confidentAt: 0.5,
	coveredAt:   0.5,

	confPower: 0.5,
	unknownDF: 1,
	maxIDF:    2.5,

	localBoost:    1.02,
	namedBoost:    1.2,
	noLocality:    1 / 1.1,
	otherLocality: 1 / 1.2,
	roleBoost:     1.15,
	otherRole:     1 / 1.15,
	typo1:         0.8,
	typo2:         0.4,

	nearRank: 0.05,
	nearConf: 0.1,
	nearFrom: 0.5,
}

const (
	fieldTitle = iota
	fieldSynonyms
	fieldSummary
	fieldBody
	// fieldQuestions are the questions an article answers, as people
	// ask them (Entry.Questions); a word is counted once however many of
	// them have it.
	fieldQuestions
	numFields
)

// Len returns the number of entries in the index.
func (ix *Index) Len() int { return len(ix.entries) }

// unit is one meaningful word of a query, with every term that stands for
// it: its stem, the concepts of synonym phrases it is part of, and the joined
// form of a hyphenated word it is part of.
type unit struct {
	stem   string
	terms  []int32 // ids of the terms the index has
	weight float64 // the idf of its most telling term, or ix.unknown
	pen    float64 // less than 1 for a corrected word
}

// query is a question made ready for searching.
type query struct {
	units      []unit
	terms      []string
	didYouMean string
	suggested  string
}

// shortWord is the longest word in which one edit is a weak guess: many
// short words are one edit from another.
const shortWord = 5

// maxQueryWords is the most meaningful words of a query that are searched;
// the rest are ignored, so a pasted essay costs no more than a question.
const maxQueryWords = 40

// queryWord is one meaningful word of a query as typed, or as corrected.
type queryWord struct {
	tok, last int // its first and last tokens: two when a word typed apart ("spl w") was joined
	text      string
	corrected int // edits made to correct it; 0 when not corrected
}

// parse reads a question: its meaningful words, corrected where they are
// misspelt, each with the terms that stand for it.
func (ix *Index) parse(q string) query {
	toks, comps := tokenize(q)
	var out query
	words, pos, terms := ix.queryWords(toks)
	if len(words) == 0 {
		return query{}
	}
	out.terms = terms
	out.didYouMean = didYouMeanText(q, toks, words, false)
	out.suggested = didYouMeanText(q, toks, words, true)
	stems, alts := alternatives(words, comps, pos)
	out.units = ix.units(words, stems, alts)
	return out
}

// queryWords picks the meaningful words of toks, at most maxQueryWords,
// correcting the ones the content does not know. pos maps a token to its
// index in words, or -1; terms are the words' stems as typed, sorted and
// unique.
func (ix *Index) queryWords(toks []token) (words []queryWord, pos []int, terms []string) {
	pos = make([]int, len(toks))
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		pos[i] = -1
		if j := ix.splitWord(toks, i); j > i {
			pos[i], pos[j] = len(words), len(words)
			joined := t.text + toks[j].text
			terms = append(terms, stem(joined))
			words = append(words, queryWord{tok: i, last: j, text: joined, corrected: 1})
			i = j
			continue
		}
		if !indexable(t.text) || len(words) == maxQueryWords {
			continue
		}
		if vagueTerms[stem(t.text)] && !ix.knownWord(t.text) {
			// "pci website", "stuff for coaches": a kind of help the
			// content has no word for says nothing of the subject, and
			// is no typo.
			terms = append(terms, stem(t.text))
			continue
		}
		pos[i] = len(words)
		terms = append(terms, stem(t.text))
		w := queryWord{tok: i, last: i, text: t.text}
		if ix.unfamiliar(t.text) {
			if c, d, ok := ix.correct(t.text); ok && ix.mistyped(t.text, c) {
				w.text, w.corrected = c, d
			}
		}
		words = append(words, w)
	}
	slices.Sort(terms)
	return words, pos, slices.Compact(terms)
}

// splitWord returns j > i when tokens i and j = i+1 are one known word
// typed apart ("spl w" for "splw", "care co ordinator"), one of them not a
// word the content or the synonym table knows; otherwise i.
func (ix *Index) splitWord(toks []token, i int) int {
	if i+1 >= len(toks) || toks[i].end == toks[i+1].start {
		return i
	}
	a, b := toks[i].text, toks[i+1].text
	if stopWords[a] || stopWords[b] || ix.knownWord(a) && ix.knownWord(b) {
		return i // "day to day" is not "today"
	}
	if joined := a + b; isLetters(joined) && len(joined) >= 3 && ix.knownWord(joined) {
		return i + 1
	}
	return i
}

// knownWord reports whether w is a word of the content or the synonym
// table, as typed, and not a stop word.
func (ix *Index) knownWord(w string) bool {
	return indexable(w) && (ix.freq[w] > 0 || synonyms.words[w])
}

// didYouMeanText is the question as typed with its corrected words
// replaced, or "" when none was corrected. With shown, a word typed as an
// English word is left as typed: search reads "wife" as the content's
// nearest word, but "did you mean wide" would only puzzle the asker.
func didYouMeanText(q string, toks []token, words []queryWord, shown bool) string {
	var dym strings.Builder
	last := 0
	for _, w := range words {
		if w.corrected > 0 && !(shown && w.tok == w.last && englishWord(strings.ToLower(q[toks[w.tok].start:toks[w.tok].end]))) {
			dym.WriteString(q[last:toks[w.tok].start])
			dym.WriteString(w.text)
			last = toks[w.last].end
		}
	}
	if last == 0 {
		return ""
	}
	dym.WriteString(q[last:])
	return dym.String()
}

// alternatives returns each word's stem and the other terms that stand for
// it: the concepts of synonym phrases it is part of, and the joined form of
// a hyphenated word it is part of.
func alternatives(words []queryWord, comps []compound, pos []int) (stems []string, alts [][]string) {
	stems = make([]string, len(words))
	alts = make([][]string, len(words))
	for i, w := range words {
		stems[i] = stem(w.text)
	}
	starts := make([][]phrase, len(stems))
	for i, st := range stems {
		starts[i] = synonyms.byFirst[st]
	}
	synonyms.match(stems, starts, func(concept, i, j int) {
		for k := i; k < j; k++ {
			alts[k] = append(alts[k], synonyms.concepts[concept])
			if j-i > 1 && words[k].corrected > 0 {
				// "lnk wrker": corrected, the words make a phrase of
				// the synonym table, which confirms the guess.
				words[k].corrected = -1
			}
		}
	})
	for _, c := range comps {
		if !indexable(c.joined.text) {
			continue
		}
		joined := stem(c.joined.text)
		for t := c.first; t <= c.last; t++ {
			if k := pos[t]; k >= 0 {
				alts[k] = append(alts[k], joined)
			}
		}
	}
	return stems, alts
}

// units makes a unit of each distinct stem, with the index's terms for it,
// its weight and the penalty for a correction.
func (ix *Index) units(words []queryWord, stems []string, alts [][]string) []unit {
	var out []unit
	byStem := make(map[string]int)
	for i, w := range words {
		pen := 1.0
		switch {
		case w.corrected < 0: // confirmed by a phrase (see alternatives)
		case w.corrected > 1 || w.corrected == 1 && len(w.text) <= shortWord:
			// Two edits, or one in a short word ("pain" for "paid"), is
			// as much a guess as a correction.
			pen = ix.t.typo2
		case w.corrected == 1:
			pen = ix.t.typo1
		}
		k, ok := byStem[stems[i]]
		if !ok {
			k = len(out)
			byStem[stems[i]] = k
			out = append(out, unit{stem: stems[i], pen: pen})
		}
		u := &out[k]
		u.pen = max(u.pen, pen)
		for _, t := range append([]string{stems[i]}, alts[i]...) {
			if id, ok := ix.terms[t]; ok && len(ix.postings[id]) > 0 && !slices.Contains(u.terms, id) {
				u.terms = append(u.terms, id)
			}
		}
	}
	for i := range out {
		u := &out[i]
		u.weight = ix.unknown
		if len(u.terms) > 0 {
			u.weight = 0
			for _, id := range u.terms {
				u.weight = max(u.weight, ix.idf[id])
			}
		}
	}
	return out
}

// scratch is the per-search working space, reused through a pool so a
// search allocates little. The marks say which entries a search has touched
// without clearing the arrays each time.
type scratch struct {
	score, cover      []float64 // by entry: the ranking sum; the confidence sum
	best              []float64 // by entry: the best match of the current word
	mark, umark       []uint32
	gen, ugen         uint32
	touched, utouched []int32
	inQuery           []bool   // by term id: the query has the term
	unitMask          []uint64 // by term id: the query's units that have it, one bit each
	unitW             []float64
	queryTerms        []int32
	base, top         []ranked
}

func newScratch(docs, terms int) *scratch {
	return &scratch{
		score: make([]float64, docs), cover: make([]float64, docs), best: make([]float64, docs),
		mark: make([]uint32, docs), umark: make([]uint32, docs),
		inQuery: make([]bool, terms), unitMask: make([]uint64, terms),
	}
}

func (s *scratch) next() {
	s.gen++
	if s.gen == 0 {
		clear(s.mark)
		s.gen = 1
	}
	s.touched = s.touched[:0]
}

func (s *scratch) nextUnit() {
	s.ugen++
	if s.ugen == 0 {
		clear(s.umark)
		s.ugen = 1
	}
	s.utouched = s.utouched[:0]
}

// Search finds the entries that best answer query, best first.
//
// Each meaningful word of the query scores an entry by its best matching
// term (the word's stem, the concept of a synonym phrase it is part of, or
// the joined form of a hyphenated word) as idf times saturated field-weighted
// frequency (BM25F); an entry's confidence is the sum over the words divided
// by the most the query could score, so a question whose telling words the
// content lacks is never confident. Entries are ranked by confidence plus a
// share for how much of the entry's title the query has, times the locality
// factor. It is safe for concurrent use and never panics.
func (ix *Index) Search(q string, o SearchOptions) Results {
	if ix == nil {
		return Results{}
	}
	pq := ix.parse(q)
	res := Results{Terms: pq.terms, DidYouMean: pq.didYouMean, Suggested: pq.suggested}
	if len(pq.units) == 0 || len(ix.entries) == 0 {
		return res
	}
	limit := o.Limit
	if limit <= 0 {
		limit = 3
	}
	s := ix.scratch.Get().(*scratch)
	defer ix.scratch.Put(s)
	most, mostConf := ix.gather(s, pq.units)
	defer s.clearQuery()
	top := ix.rank(s, o, limit, most, mostConf, ix.namedLocality(pq.units))
	if len(top) == 0 {
		return res
	}
	res.Hits = make([]Hit, len(top))
	for i, r := range top {
		res.Hits[i] = r.Hit
	}
	res.Confident = top[0].Confidence >= ix.t.confidentAt && ix.covered(pq.units, top[0].doc) >= ix.t.coveredAt
	return res
}

// gather sums, for every entry a query's words reach, the ranking score
// and the confidence score into s, and returns the most each could be.
func (ix *Index) gather(s *scratch, units []unit) (most, mostConf float64) {
	s.next()
	s.unitW = s.unitW[:0]
	for ui, u := range units {
		most += u.weight
		cw := math.Pow(u.weight, ix.t.confPower)
		mostConf += cw
		s.unitW = append(s.unitW, cw)
		cw /= u.weight
		s.nextUnit()
		for _, id := range u.terms {
			if !s.inQuery[id] {
				s.inQuery[id] = true
				s.queryTerms = append(s.queryTerms, id)
			}
			s.unitMask[id] |= 1 << ui
			w := ix.idf[id] * u.pen
			for _, p := range ix.postings[id] {
				v := w * float64(p.sat)
				if s.umark[p.doc] != s.ugen {
					s.umark[p.doc] = s.ugen
					s.best[p.doc] = v
					s.utouched = append(s.utouched, p.doc)
				} else if v > s.best[p.doc] {
					s.best[p.doc] = v
				}
			}
		}
		for _, d := range s.utouched {
			if s.mark[d] != s.gen {
				s.mark[d] = s.gen
				s.score[d], s.cover[d] = 0, 0
				s.touched = append(s.touched, d)
			}
			s.score[d] += s.best[d]
			s.cover[d] += s.best[d] * cw
		}
	}
	return most, mostConf
}

// clearQuery forgets the terms of the last query.
func (s *scratch) clearQuery() {
	for _, id := range s.queryTerms {
		s.inQuery[id], s.unitMask[id] = false, 0
	}
	s.queryTerms = s.queryTerms[:0]
}

// rank orders the gathered entries, best first, at most limit of them.
// It ranks in two passes: first by the share of the query matched, then,
// for the entries that could still make the list, with the title's
// aboutness too. An entry whose share plus the largest aboutness cannot
// beat the limit-th entry of the first pass cannot make the list.
func (ix *Index) rank(s *scratch, o SearchOptions, limit int, most, mostConf float64, named string) []ranked {
	factor := ix.localityFactors(o.Locality, named)
	roleBit := roleBits(o.Role)
	weigh := func(d int32) float64 {
		f := factor[ix.locality[d]]
		switch m := ix.roles[d]; {
		case roleBit == 0 || m == 0:
		case m&roleBit != 0:
			f *= ix.t.roleBoost
		default:
			f *= ix.t.otherRole
		}
		return f
	}
	about := ix.t.about
	s.base = s.base[:0]
	for _, d := range s.touched {
		rank := (1 - about) * min(1, s.score[d]/most) * weigh(d)
		if len(s.base) == limit && rank < s.base[limit-1].Score {
			continue
		}
		e := ix.entries[d]
		if o.IDPrefix != "" && !strings.HasPrefix(e.ID, o.IDPrefix) {
			continue
		}
		s.base = insertHit(s.base, ranked{Hit{Entry: e, Score: rank}, d}, limit)
	}
	if len(s.base) == 0 {
		return nil
	}
	floor := -1.0
	if len(s.base) == limit {
		floor = s.base[limit-1].Score
	}
	s.top = s.top[:0]
	for _, d := range s.touched {
		loc := weigh(d)
		share := (1 - about) * min(1, s.score[d]/most)
		if (share+about+ix.t.nearRank)*loc < floor {
			continue
		}
		e := ix.entries[d]
		if o.IDPrefix != "" && !strings.HasPrefix(e.ID, o.IDPrefix) {
			continue
		}
		a := about * ix.aboutness(d, s.inQuery)
		near := ix.nearestQuestion(d, s)
		conf := min(1, (1-about)*min(1, s.cover[d]/mostConf)+a+ix.t.nearConf*near)
		s.top = insertHit(s.top, ranked{Hit{Entry: e, Score: (share + a + ix.t.nearRank*near) * loc, Confidence: conf, Near: near}, d}, limit)
	}
	return s.top
}

// roleBits is the bit of a role in Index.roles; 0 for none.
func roleBits(role string) uint8 {
	r, ok := supervision.ParseRole(role)
	if !ok {
		return 0
	}
	return 1 << slices.Index(supervision.Roles, r)
}

// aboutness is the share of entry d's title, weighted by idf, whose words
// the query has.
func (ix *Index) aboutness(d int32, inQuery []bool) float64 {
	var got, all float64
	for _, w := range ix.titleWords[ix.titleAt[d]:ix.titleAt[d+1]] {
		all += float64(w.weight)
		for _, id := range ix.titleTerms[w.from:w.to] {
			if inQuery[id] {
				got += float64(w.weight)
				break
			}
		}
	}
	if all == 0 {
		return 0
	}
	return got / all
}

// nearestQuestion is how near the query is to the nearest of entry d's
// questions, 0..1: the harmonic mean of the share of the query's weight the
// question has and the share of the question's weight the query has, both
// weighed as confidence weighs words. Only a near match counts: below
// nearFrom it is 0, so a question sharing one word with the query does not
// lift the entry.
func (ix *Index) nearestQuestion(d int32, s *scratch) float64 {
	var all float64
	for _, w := range s.unitW {
		all += w
	}
	best := 0.0
	for _, q := range ix.questions[ix.questionAt[d]:ix.questionAt[d+1]] {
		var got, of float64
		var mask uint64
		for _, w := range ix.qWords[q.from:q.to] {
			of += float64(w.weight)
			var m uint64
			for _, id := range ix.qTerms[w.from:w.to] {
				m |= s.unitMask[id]
			}
			if m != 0 {
				got += float64(w.weight)
				mask |= m
			}
		}
		if got == 0 || q.to-q.from < 2 || bits.OnesCount64(mask) < 2 {
			continue // one word in common is no nearness
		}
		var covered float64
		for ui, w := range s.unitW {
			if mask&(1<<ui) != 0 {
				covered += w
			}
		}
		p, r := got/of, covered/all
		best = max(best, 2*p*r/(p+r))
	}
	if best < ix.t.nearFrom {
		return 0
	}
	return best
}

// ranked is a hit with its entry's place in the index.
type ranked struct {
	Hit
	doc int32
}

// namedLocality returns the locality a query names ("london"), or "".
func (ix *Index) namedLocality(units []unit) string {
	for _, u := range units {
		for _, name := range ix.localities[1:] {
			if u.stem == stem(name) {
				return name
			}
		}
	}
	return ""
}

// localityFactors returns, by locality code (see Index.locality), how much
// an entry weighs for an asker in asker: 1 for national entries,
// noLocality for local ones when the asker has no locality, localBoost for the asker's own locality's entries
// (enough to break a tie, never to push a better national answer out) and
// otherLocality for any other locality's. A locality the question itself
// names weighs namedBoost.
func (ix *Index) localityFactors(asker, named string) []float64 {
	asker = strings.ToLower(strings.TrimSpace(asker))
	f := make([]float64, len(ix.localities))
	for code, name := range ix.localities {
		switch {
		case code != 0 && name == named:
			f[code] = ix.t.namedBoost
		case code == 0:
			f[code] = 1
		case asker == "" || asker == "national":
			f[code] = ix.t.noLocality
		case name == asker:
			f[code] = ix.t.localBoost
		default:
			f[code] = ix.t.otherLocality
		}
	}
	return f
}

// insertHit puts h into hits, kept in order best first and at most limit
// long. Equal scores are ordered by id, so results are stable.
func insertHit(hits []ranked, h ranked, limit int) []ranked {
	i, _ := slices.BinarySearchFunc(hits, h, func(a, b ranked) int {
		switch {
		case a.Score > b.Score:
			return -1
		case a.Score < b.Score:
			return 1
		}
		return strings.Compare(a.Entry.ID, b.Entry.ID)
	})
	if i >= limit {
		return hits
	}
	if len(hits) == limit {
		hits = hits[:limit-1]
	}
	return slices.Insert(hits, i, h)
}
