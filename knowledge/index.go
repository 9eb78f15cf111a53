package knowledge

import (
	"maps"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// Index is a full-text index over entries: BM25F over title, synonyms,
// summary and body, with the synonym table, light stemming and typo
// correction. It is read-only once built and safe for concurrent use.
type Index struct {
	t        tuning
	entries  []*Entry
	terms    map[string]int32 // term to its id
	names    []string         // by term id, the term
	idf      []float64        // by term id
	postings [][]posting      // by term id, in entry order
	unknown  float64          // the weight of a query word no entry has

	// Each entry's locality as a code: localities[locality[d]] is entry
	// d's, and code 0 is national (or none).
	locality   []uint8
	localities []string

	// Each entry's roles, one bit each (see roleBits); 0 for none.
	roles []uint8

	// Each entry's title words, for how much a title is about a question:
	// entry d's words are titleWords[titleAt[d]:titleAt[d+1]], and a word's
	// terms are titleTerms[w.from:w.to].
	titleAt    []int32
	titleWords []titleWord
	titleTerms []int32

	// Each entry's questions (Entry.Questions), for how near a query is
	// to one of them: entry d's are questions[questionAt[d]:questionAt[d+1]],
	// each a run of qWords whose terms are qTerms[w.from:w.to], and a
	// word's weight is its stem's idf flattened as confidence flattens it.
	questionAt []int32
	questions  []run
	qWords     []titleWord
	qTerms     []int32

	freq    map[string]int32 // every indexed word of the content, by count
	vocab   [][]vocabWord    // words typos are corrected to, by length
	scratch sync.Pool        // *scratch, sized for the index
}

// posting says how well one entry matches one term: the saturated, field
// weighted term frequency, tf/(k1+tf), in [0, 1).
type posting struct {
	doc int32
	sat float32
}

// run is a run of a slice: [from, to).
type run struct{ from, to int32 }

// titleWord is one word of a title, with its weight (its stem's idf) and
// the terms that stand for it.
type titleWord struct {
	weight   float32
	stem     int32
	from, to int32
}

type vocabWord struct {
	word string
	mask uint32 // the letters it has, one bit each
	freq int32
}

// useQuestions says whether articles' questions are indexed; a test turns
// it off to measure what they add.
var useQuestions = true

// maxWordLen is the longest word typo correction considers.
const maxWordLen = 30

// NewIndex indexes entries. Nil entries are skipped. Large collections are
// read by several goroutines at once, one share of the entries each, and
// the shares merged in entry order, so the index does not depend on how the
// work was split.
func NewIndex(entries []*Entry) *Index {
	ix := &Index{t: tune, terms: make(map[string]int32), freq: make(map[string]int32)}
	for _, e := range entries {
		if e != nil {
			ix.entries = append(ix.entries, e)
		}
	}
	ix.codeLocalities()
	parts := analyse(ix.entries)
	m := ix.merge(parts)
	ix.fill(parts, m)
	ix.buildVocab()
	ix.names = make([]string, len(ix.idf))
	for name, id := range ix.terms {
		ix.names[id] = name
	}
	docs, nterms := len(ix.entries), len(ix.idf)
	ix.scratch.New = func() any { return newScratch(docs, nterms) }
	return ix
}

// codeLocalities gives each entry its locality as a code, and its roles.
func (ix *Index) codeLocalities() {
	ix.localities = []string{"national"}
	ix.locality = make([]uint8, len(ix.entries))
	for d, e := range ix.entries {
		name := strings.ToLower(strings.TrimSpace(e.Locality))
		if name == "" {
			name = "national"
		}
		code := slices.Index(ix.localities, name)
		if code < 0 {
			if len(ix.localities) > math.MaxUint8 {
				code = 0 // more localities than anyone will have: treat the rest as national
			} else {
				code = len(ix.localities)
				ix.localities = append(ix.localities, name)
			}
		}
		ix.locality[d] = uint8(code)
	}
	ix.roles = make([]uint8, len(ix.entries))
	for d, e := range ix.entries {
		for _, r := range e.Roles {
			ix.roles[d] |= roleBits(r)
		}
	}
}

// analyse reads the entries, each analyser taking a run of them.
func analyse(entries []*Entry) []*analyser {
	workers := 1
	if len(entries) >= 1000 {
		workers = min(runtime.GOMAXPROCS(0), 8)
	}
	parts := make([]*analyser, workers)
	var wg sync.WaitGroup
	for w := range workers {
		from, to := w*len(entries)/workers, (w+1)*len(entries)/workers
		parts[w] = newAnalyser()
		wg.Go(func() { parts[w].entries(entries[from:to]) })
	}
	wg.Wait()
	return parts
}

// merged is what merge learns of the analysers' results: each analyser's
// term ids as the index's, and each field's average length.
type merged struct {
	remap [][]int32
	avg   [numFields]float64
}

// merge gives every term a global id, in order of first use, counts its
// entries, and sets each term's idf and room for its postings.
func (ix *Index) merge(parts []*analyser) merged {
	m := merged{remap: make([][]int32, len(parts))}
	var df []int32
	var totals [numFields]float64
	for w, a := range parts {
		m.remap[w] = make([]int32, len(a.termNames))
		for local, name := range a.termNames {
			id, ok := ix.terms[name]
			if !ok {
				id = int32(len(df))
				ix.terms[name] = id
				df = append(df, 0)
			}
			m.remap[w][local] = id
		}
		for _, p := range a.postings {
			df[m.remap[w][p.doc]]++
		}
		for _, l := range a.lengths {
			for f := range numFields {
				totals[f] += l[f]
			}
		}
		for word, c := range a.freq {
			ix.freq[word] += c
		}
	}

	n := float64(len(ix.entries))
	for f := range numFields {
		m.avg[f] = 1
		if n > 0 && totals[f] > 0 {
			m.avg[f] = totals[f] / n
		}
	}
	idf := func(df float64) float64 { return min(ix.t.maxIDF, math.Log(1+(n-df+0.5)/(df+0.5))) }
	ix.unknown = idf(ix.t.unknownDF)
	ix.idf = make([]float64, len(df))
	ix.postings = make([][]posting, len(df))
	var total int
	for _, c := range df {
		total += int(c)
	}
	flat := make([]posting, 0, total) // one allocation for every posting
	for id, c := range df {
		ix.idf[id] = idf(float64(c))
		ix.postings[id] = flat[len(flat) : len(flat) : len(flat)+int(c)]
		flat = flat[:len(flat)+int(c)]
	}
	return m
}

// fill writes the postings, in entry order, and the titles' words.
func (ix *Index) fill(parts []*analyser, m merged) {
	ix.titleAt = make([]int32, 0, len(ix.entries)+1)
	ix.questionAt = make([]int32, 0, len(ix.entries)+1)
	doc := int32(0)
	for w, a := range parts {
		remap := m.remap[w]
		for d, span := range a.docs {
			lengths := a.lengths[d]
			for _, p := range a.postings[span.from:span.to] {
				var tf float64
				for f := range numFields {
					if p.tf[f] == 0 {
						continue
					}
					norm := 1 - ix.t.b[f] + ix.t.b[f]*lengths[f]/m.avg[f]
					tf += ix.t.weight[f] * float64(p.tf[f]) / norm
				}
				id := remap[p.doc]
				ix.postings[id] = append(ix.postings[id], posting{doc: doc, sat: float32(tf / (ix.t.k1 + tf))})
			}
			ix.titleAt = append(ix.titleAt, int32(len(ix.titleWords)))
			for _, tw := range a.titleWords[span.titleFrom:span.titleTo] {
				from := int32(len(ix.titleTerms))
				for _, local := range a.titleTerms[tw.from:tw.to] {
					ix.titleTerms = append(ix.titleTerms, remap[local])
				}
				stem := remap[tw.stem]
				ix.titleWords = append(ix.titleWords, titleWord{
					weight: float32(ix.idf[stem]), stem: stem,
					from: from, to: int32(len(ix.titleTerms)),
				})
			}
			ix.questionAt = append(ix.questionAt, int32(len(ix.questions)))
			for _, q := range a.questions[span.qFrom:span.qTo] {
				from := int32(len(ix.qWords))
				for _, w := range a.qWords[q.from:q.to] {
					at := int32(len(ix.qTerms))
					for _, local := range a.qTerms[w.from:w.to] {
						ix.qTerms = append(ix.qTerms, remap[local])
					}
					stem := remap[w.stem]
					ix.qWords = append(ix.qWords, titleWord{
						weight: float32(math.Pow(ix.idf[stem], ix.t.confPower)), stem: stem,
						from: at, to: int32(len(ix.qTerms)),
					})
				}
				ix.questions = append(ix.questions, run{from, int32(len(ix.qWords))})
			}
			doc++
		}
	}
	ix.titleAt = append(ix.titleAt, int32(len(ix.titleWords)))
	ix.questionAt = append(ix.questionAt, int32(len(ix.questions)))
}

// buildVocab makes the correction vocabulary: the content's words and the
// synonym table's, bucketed by length so a look-up reads only near lengths.
func (ix *Index) buildVocab() {
	counts := maps.Clone(ix.freq)
	for w := range synonyms.words {
		counts[w]++
	}
	for w, c := range counts {
		if len(w) < 3 || len(w) > maxWordLen || !isLetters(w) {
			continue
		}
		for len(ix.vocab) <= len(w) {
			ix.vocab = append(ix.vocab, nil)
		}
		ix.vocab[len(w)] = append(ix.vocab[len(w)], vocabWord{word: w, mask: letterMask(w), freq: c})
	}
	for _, b := range ix.vocab {
		slices.SortFunc(b, func(x, y vocabWord) int { return strings.Compare(x.word, y.word) })
	}
}

// analyser reads a run of entries into term counts, with term ids of its
// own that NewIndex maps to the index's.
type analyser struct {
	z         tokenizer
	words     map[string]int32 // a word of the content to its index in infos
	infos     []wordInfo
	terms     map[string]int32 // a term to its id here
	termNames []string         // by id
	concept   []int32          // the term id of each synonym concept

	// The results, by entry of the run: its counts (postings, with the
	// term id in doc), the words in each field, and its title's words.
	docs       []docSpan
	postings   []rawPosting
	lengths    [][numFields]float64
	titleWords []titleWord
	titleTerms []int32
	questions  []run // runs of qWords, one for each question
	qWords     []titleWord
	qTerms     []int32
	freq       map[string]int32 // every indexed word, by count

	// The entry being read.
	slot []int32 // by term id: its index in postings, from the entry's start, plus one
	from int     // where its postings start

	// The field being read: each word's stem, the phrases that start with
	// it, and (for a title) the terms it stands for.
	stems  []string
	starts [][]phrase
	spans  [][]int32
	pos    []int
}

// docSpan is where one entry's results lie in the analyser's slices.
type docSpan struct{ from, to, titleFrom, titleTo, qFrom, qTo int32 }

// wordInfo is what an analyser knows of one word of the content.
type wordInfo struct {
	term  int32  // the id of its stem's term; -1 when it is not indexed
	stem  string // its stem
	phr   []phrase
	count int32 // how often it occurs
}

// rawPosting counts one term in one entry, by field.
type rawPosting struct {
	doc int32
	tf  [numFields]uint16
}

func newAnalyser() *analyser {
	a := &analyser{words: make(map[string]int32), terms: make(map[string]int32), freq: make(map[string]int32)}
	a.z.lazy = true
	for _, c := range synonyms.concepts {
		a.concept = append(a.concept, a.termID(c))
	}
	return a
}

func (a *analyser) entries(es []*Entry) {
	// An entry has about one distinct term for every ten bytes of text:
	// allocate for a little more than that at once.
	size := 0
	for _, e := range es {
		size += len(e.Title) + len(e.Summary) + len(e.Body)
		for _, s := range e.Synonyms {
			size += len(s)
		}
		for _, q := range e.Questions {
			size += len(q)
		}
	}
	a.postings = make([]rawPosting, 0, size/8+64)
	for _, e := range es {
		span := docSpan{from: int32(len(a.postings)), titleFrom: int32(len(a.titleWords)), qFrom: int32(len(a.questions))}
		a.from = len(a.postings)
		a.lengths = append(a.lengths, [numFields]float64{})
		a.field(fieldTitle, e.Title)
		for _, terms := range a.spans {
			from := int32(len(a.titleTerms))
			a.titleTerms = append(a.titleTerms, terms...)
			a.titleWords = append(a.titleWords, titleWord{stem: terms[0], from: from, to: int32(len(a.titleTerms))})
		}
		for _, s := range e.Synonyms {
			a.field(fieldSynonyms, s)
		}
		a.field(fieldSummary, e.Summary)
		a.field(fieldBody, e.Body)
		if useQuestions {
			for _, q := range e.Questions {
				a.field(fieldQuestions, q)
				from := int32(len(a.qWords))
				for _, terms := range a.spans {
					at := int32(len(a.qTerms))
					a.qTerms = append(a.qTerms, terms...)
					a.qWords = append(a.qWords, titleWord{stem: terms[0], from: at, to: int32(len(a.qTerms))})
				}
				a.questions = append(a.questions, run{from, int32(len(a.qWords))})
			}
		}
		span.qTo = int32(len(a.questions))
		for _, p := range a.postings[a.from:] {
			a.slot[p.doc] = 0
		}
		span.to, span.titleTo = int32(len(a.postings)), int32(len(a.titleWords))
		a.docs = append(a.docs, span)
	}
	for w, i := range a.words {
		if c := a.infos[i].count; c > 0 {
			a.freq[w] = c
		}
	}
}

func (a *analyser) termID(term string) int32 {
	id, ok := a.terms[term]
	if !ok {
		id = int32(len(a.termNames))
		a.terms[term] = id
		a.termNames = append(a.termNames, term)
		a.slot = append(a.slot, 0)
	}
	return id
}

// word returns what the analyser knows of w, which is t.text or, when that
// is "", a word in the tokenizer's buffer, made a string only when new.
func (a *analyser) word(t token) *wordInfo {
	var (
		i  int32
		ok bool
		w  = t.text
	)
	if w != "" {
		i, ok = a.words[w]
	} else {
		b := a.z.word(t)
		if i, ok = a.words[string(b)]; !ok {
			w = string(b)
		}
	}
	if !ok {
		info := wordInfo{term: -1}
		if indexable(w) {
			info.stem = stem(w)
			info.term = a.termID(info.stem)
			info.phr = synonyms.byFirst[info.stem]
		}
		i = int32(len(a.infos))
		a.infos = append(a.infos, info)
		a.words[w] = i
	}
	return &a.infos[i]
}

// add counts term id in field f of the current entry.
func (a *analyser) add(f int, id int32) {
	i := a.slot[id] - 1
	if i < 0 {
		i = int32(len(a.postings) - a.from)
		a.slot[id] = i + 1
		if len(a.postings) == cap(a.postings) {
			// Double, rather than append's gentler growth for large
			// slices, to copy and allocate less.
			a.postings = append(make([]rawPosting, 0, max(4096, 2*cap(a.postings))), a.postings...)
		}
		a.postings = append(a.postings, rawPosting{doc: id})
	}
	p := &a.postings[a.from+int(i)]
	// A word repeated across synonyms ("social prescribing hub", "social
	// prescribing page") is counted once.
	if (f != fieldSynonyms && f != fieldQuestions || p.tf[f] == 0) && p.tf[f] < math.MaxUint16 {
		p.tf[f]++
	}
}

// field adds the words of text to field f of the current entry: their
// stems, the joined forms of hyphenated words, and the concepts of synonym
// phrases. For a title it keeps, in spans, the terms of each word.
func (a *analyser) field(f int, text string) {
	a.z.run(text)
	title := f == fieldTitle || f == fieldQuestions // keep each word's terms
	a.stems, a.starts, a.spans = a.stems[:0], a.starts[:0], a.spans[:0]
	a.pos = slices.Grow(a.pos[:0], len(a.z.toks))[:len(a.z.toks)]
	for i, t := range a.z.toks {
		a.pos[i] = -1
		info := a.word(t)
		if info.term < 0 {
			continue
		}
		info.count++
		a.pos[i] = len(a.stems)
		a.stems = append(a.stems, info.stem)
		a.starts = append(a.starts, info.phr)
		a.add(f, info.term)
		if title {
			a.spans = append(a.spans, []int32{info.term})
		}
	}
	for _, c := range a.z.comps {
		info := a.word(c.joined)
		if info.term < 0 {
			continue
		}
		info.count++
		a.add(f, info.term)
		if title {
			for t := c.first; t <= c.last; t++ {
				if k := a.pos[t]; k >= 0 {
					a.spans[k] = append(a.spans[k], info.term)
				}
			}
		}
	}
	synonyms.match(a.stems, a.starts, func(concept, i, j int) {
		id := a.concept[concept]
		a.add(f, id)
		if title {
			for k := i; k < j; k++ {
				a.spans[k] = append(a.spans[k], id)
			}
		}
	})
	a.lengths[len(a.lengths)-1][f] += float64(len(a.stems))
}

// termName returns the term with the given id. It is for the rare look-up
// (a passage's terms), not for searching.
func (ix *Index) termName(id int32) string {
	if ix.names == nil {
		return ""
	}
	return ix.names[id]
}
