package knowledge

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word of a text, lower-cased, with where it was found.
type token struct {
	text       string
	start, end int // byte span in the original text
	lo, hi     int // when text is "" (a lazy tokenizer's copied word): its span in buf
}

// compound is a hyphenated word ("co-ordinator", "long-term"): its parts are
// ordinary tokens, and its joined form ("coordinator") is searched as well,
// so that either spelling finds the other.
type compound struct {
	joined      token
	first, last int // indices of its first and last parts among the tokens
}

// tokenize splits s into lower-case words of letters and digits. An
// apostrophe-s ends a word ("coach's" reads "coach"), other apostrophes are
// dropped ("don't" reads "dont"), a comma between thousands and a decimal
// point stay inside a number ("26,000" reads "26000", "2.5" stays "2.5"), and
// hyphenated words are split into parts and also reported joined.
func tokenize(s string) ([]token, []compound) {
	var z tokenizer
	z.run(s)
	return z.toks, z.comps
}

// tokenizer is tokenize with buffers kept between texts, for indexing. A
// word already in lower case is a slice of the text, not a copy. A lazy
// tokenizer leaves other words in buf, for the caller to look up without
// making a string of each.
type tokenizer struct {
	toks  []token
	comps []compound
	buf   []byte // the words that are not slices of the text, one after another
	lazy  bool
}

// word returns the lower-case text of t as bytes, without copying.
func (z *tokenizer) word(t token) []byte {
	if t.text != "" {
		return []byte(t.text)
	}
	return z.buf[t.lo:t.hi]
}

func (z *tokenizer) run(s string) {
	z.toks, z.comps, z.buf = z.toks[:0], z.comps[:0], z.buf[:0]
	sc := scan{z: z, s: s, start: -1, compFirst: -1}
	for i := 0; i < len(s); {
		// Most text is ASCII: read it a byte at a time.
		if c := s[i]; c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			sc.begin(i)
			if !sc.exact {
				z.buf = append(z.buf, c)
			}
			i++
			continue
		}
		if c := s[i]; c >= 'A' && c <= 'Z' {
			sc.begin(i)
			sc.diverge(i)
			z.buf = append(z.buf, c+'a'-'A')
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if isWord(r) {
			sc.begin(i)
			if lr := unicode.ToLower(r); lr != r {
				sc.diverge(i)
				z.buf = utf8.AppendRune(z.buf, lr)
			} else if !sc.exact {
				z.buf = append(z.buf, s[i:i+size]...)
			}
			i += size
			continue
		}
		if n := sc.inWord(i, r, size); n > 0 {
			i += n
			continue
		}
		sc.endWord(i)
		sc.endCompound(i)
		i += size
	}
	sc.endWord(len(s))
	sc.endCompound(len(s))
}

// scan is the state of one tokenizer run: the word and the compound being
// read.
type scan struct {
	z         *tokenizer
	s         string
	start     int  // where the word being read starts; -1 between words
	exact     bool // the word so far is s[start:i]; otherwise it is buf[lo:]
	lo        int
	compFirst int // the compound being read: its first part's index, or -1
	compStart int
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// begin starts a word at i unless one is being read.
func (sc *scan) begin(i int) {
	if sc.start < 0 {
		sc.start, sc.exact = i, true
	}
}

// diverge starts keeping the word in buf, from s[start:i].
func (sc *scan) diverge(i int) {
	if sc.exact {
		sc.lo = len(sc.z.buf)
		sc.z.buf = append(sc.z.buf, sc.s[sc.start:i]...)
		sc.exact = false
	}
}

// next returns the rune at byte offset i and its size, or 0 at the end.
func (sc *scan) next(i int) (rune, int) {
	if i >= len(sc.s) {
		return 0, 0
	}
	return utf8.DecodeRuneInString(sc.s[i:])
}

func (sc *scan) endWord(end int) {
	if sc.start < 0 {
		return
	}
	z := sc.z
	t := token{text: sc.s[sc.start:end], start: sc.start, end: end}
	if !sc.exact {
		t.text, t.lo, t.hi = "", sc.lo, len(z.buf)
		if !z.lazy {
			t.text = string(z.buf[sc.lo:])
		}
	}
	z.toks = append(z.toks, t)
	sc.start = -1
}

func (sc *scan) endCompound(end int) {
	z := sc.z
	if sc.compFirst >= 0 && len(z.toks)-1 > sc.compFirst {
		var joined strings.Builder
		for _, t := range z.toks[sc.compFirst:] {
			joined.Write(z.word(t))
		}
		z.comps = append(z.comps, compound{
			joined: token{text: joined.String(), start: sc.compStart, end: end},
			first:  sc.compFirst, last: len(z.toks) - 1,
		})
	}
	sc.compFirst = -1
}

// inWord reads the punctuation rune r (size bytes at i) that may belong
// inside a word: an apostrophe, a thousands comma, a decimal point or a
// hyphen. It returns how many bytes it read, or 0 when r ends the word.
func (sc *scan) inWord(i int, r rune, size int) int {
	s := sc.s
	if sc.start < 0 {
		return 0
	}
	switch {
	case r == '\'' || r == '\u2019':
		n, nsize := sc.next(i + size)
		if n == 's' || n == 'S' {
			if after, _ := sc.next(i + size + nsize); !isWord(after) {
				sc.endWord(i)
				sc.endCompound(i)
				return size + nsize
			}
		}
		if isWord(n) {
			sc.diverge(i) // "don't" reads "dont"
			return size
		}
	case r == ',' && isDigitByte(s, i-1):
		// 26,000: a comma followed by exactly three digits and no more.
		if i+4 <= len(s) && isDigitByte(s, i+1) && isDigitByte(s, i+2) && isDigitByte(s, i+3) && !isDigitByte(s, i+4) {
			sc.diverge(i)
			return size
		}
	case r == '.' && isDigitByte(s, i-1) && isDigitByte(s, i+1):
		if !sc.exact {
			sc.z.buf = append(sc.z.buf, '.')
		}
		return size
	case r == '-' || r == '\u2010' || r == '\u2011':
		if n, _ := sc.next(i + size); isWord(n) {
			if sc.compFirst < 0 {
				sc.compFirst, sc.compStart = len(sc.z.toks), sc.start
			}
			sc.endWord(i)
			return size
		}
	}
	return 0
}

func isDigitByte(s string, i int) bool {
	return i >= 0 && i < len(s) && s[i] >= '0' && s[i] <= '9'
}

// stopWords are left out of the index and of queries: they carry no meaning
// of their own in a question ("what does a ... do").
var stopWords = setOf(`a about above after again all also am an and any are as at
be because been before being both but by can cannot could did do does doing dont done
each either every few for from further get gets getting got had has have having he
her here hers him his how i if in into is it its itself just let me might mine more
most much must my myself no nor not of off on once only onto or other our ours
out over own please s same shall she should so some such than that thats the their
theirs them themselves then there theres these they this those through to too under
until up upon us very was we were what whats when where whereas whether which while
who whom whos whose why will with within would yes yet you your yours yourself
know want wants like need needs
look looks someone somebody anyone anybody something anything everyone everybody
usually really actually go goes going went gone thing things lot lots
difference between versus vs eg ie etc ok okay hi hello thanks thank mean means
now still best good big help helps use using
explain explained stand stands define meaning wat wot pls plz diff im ive youre near
read reads reading`)

func setOf(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// stem strips common English suffixes from a lower-case word, lightly, so
// that forms of one word meet: "trains", "training" and "trained" read
// "train"; "supervise" and "supervision" read "supervis"; "organization" and
// "organisation" read "organis". It is applied alike to content and queries,
// so the stems need only agree, not be words. Words with anything but ASCII
// letters, and words of two letters, are left as they are.
func stem(w string) string {
	if len(w) <= 2 {
		return w
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return w
		}
	}
	// Plurals.
	switch {
	case strings.HasSuffix(w, "sses"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "xes"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") &&
		!strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		w = w[:len(w)-1]
	}
	// Nouns made from verbs ("educational" reads as "education" first).
	if strings.HasSuffix(w, "ional") && len(w) >= 8 {
		w = w[:len(w)-2]
	}
	switch {
	case strings.HasSuffix(w, "ification") && len(w) > 11:
		w = w[:len(w)-9] + "ify"
	case (strings.HasSuffix(w, "isation") || strings.HasSuffix(w, "ization")) && len(w) > 9:
		w = w[:len(w)-5]
	case strings.HasSuffix(w, "ation") && len(w) >= 7:
		w = w[:len(w)-3]
	case (strings.HasSuffix(w, "sion") || strings.HasSuffix(w, "tion")) && len(w) >= 6:
		w = w[:len(w)-3]
	}
	// Verb endings and adverbs.
	switch {
	case strings.HasSuffix(w, "ied") && len(w) > 4:
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "eed"):
		if len(w) > 4 {
			w = w[:len(w)-1]
		}
	case strings.HasSuffix(w, "ing") && len(w) >= 6 && hasVowel(w[:len(w)-3]):
		w = w[:len(w)-3]
	case strings.HasSuffix(w, "ed") && len(w) >= 5 && hasVowel(w[:len(w)-2]):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "ly") && len(w) >= 7:
		w = w[:len(w)-2]
	case (strings.HasSuffix(w, "able") || strings.HasSuffix(w, "ible")) && len(w) >= 8:
		w = w[:len(w)-4] // "reimbursable" meets "reimburse"
	}
	// Spelling: a final e, American z, and a doubled final consonant.
	if strings.HasSuffix(w, "e") && len(w) >= 4 {
		w = w[:len(w)-1]
	}
	if strings.HasSuffix(w, "iz") || strings.HasSuffix(w, "yz") {
		w = w[:len(w)-1] + "s"
	}
	if n := len(w); n >= 4 && w[n-1] == w[n-2] && !isVowel(w[n-1]) && !strings.ContainsRune("lsz", rune(w[n-1])) {
		w = w[:n-1]
	}
	return w
}

func hasVowel(s string) bool {
	for i := 0; i < len(s); i++ {
		if isVowel(s[i]) {
			return true
		}
	}
	return false
}

func isVowel(c byte) bool { return strings.IndexByte("aeiouy", c) >= 0 }

// isLetters reports whether s is made only of the ASCII letters a to z, the
// words typo correction works on.
func isLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return s != ""
}

// indexable reports whether a lower-case word is worth indexing: not a stop
// word, and not a lone letter (lone digits, as in "tier 1", are kept).
func indexable(w string) bool {
	if w == "" || stopWords[w] {
		return false
	}
	if len(w) == 1 && (w[0] < '0' || w[0] > '9') {
		return false
	}
	return utf8.RuneCountInString(w) > 1 || unicode.IsDigit(rune(w[0]))
}
