package knowledge

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"
)

// shipped loads the shipped content once for the tests that search it.
var shipped = sync.OnceValues(func() (*Base, error) { return Load(Content()) })

func shippedBase(tb testing.TB) *Base {
	tb.Helper()
	b, err := shipped()
	if err != nil {
		tb.Fatalf("Load(shipped content): %v", err)
	}
	return b
}

func TestStem(t *testing.T) {
	tests := []struct{ in, want string }{
		{"train", "train"},
		{"trains", "train"},
		{"training", "train"},
		{"trained", "train"},
		{"coaches", "coach"},
		{"coaching", "coach"},
		{"activities", "activity"},
		{"supervise", "supervis"},
		{"supervision", "supervis"},
		{"supervised", "supervis"},
		{"organisation", "organis"},
		{"organization", "organis"},
		{"organised", "organis"},
		{"qualification", "qualify"},
		{"qualifications", "qualify"},
		{"qualified", "qualify"},
		{"referred", "refer"},
		{"referring", "refer"},
		{"planning", "plan"},
		{"education", "educat"},
		{"educational", "educat"},
		{"locally", "local"},
		{"monthly", "month"},
		{"prescribing", "prescrib"},
		{"prescribe", "prescrib"},
		{"status", "status"},
		{"analysis", "analysis"},
		{"class", "class"},
		{"need", "need"},
		{"gps", "gp"},
		{"pcns", "pcn"},
		{"cc", "cc"},
		{"2.5", "2.5"},
		{"café", "café"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := stem(tt.in); got != tt.want {
			t.Errorf("stem(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		in     string
		words  []string
		joined []string
	}{
		{"What does a Link Worker do?", []string{"what", "does", "a", "link", "worker", "do"}, nil},
		{"care co-ordinator", []string{"care", "co", "ordinator"}, []string{"coordinator"}},
		{"long-term condition", []string{"long", "term", "condition"}, []string{"longterm"}},
		{"the coach's role", []string{"the", "coach", "role"}, nil},
		{"don't", []string{"dont"}, nil},
		{"26,000 staff, 2.5 million people", []string{"26000", "staff", "2.5", "million", "people"}, nil},
		{"1,2 and 3", []string{"1", "2", "and", "3"}, nil},
		{"2023/24", []string{"2023", "24"}, nil},
		{"Naïve – ARRS’s", []string{"naïve", "arrs"}, nil},
		{"- -- '' ,.", nil, nil},
		{"", nil, nil},
	}
	for _, tt := range tests {
		toks, comps := tokenize(tt.in)
		var words, joined []string
		for _, tok := range toks {
			words = append(words, tok.text)
		}
		for _, c := range comps {
			joined = append(joined, c.joined.text)
		}
		if !slices.Equal(words, tt.words) || !slices.Equal(joined, tt.joined) {
			t.Errorf("tokenize(%q) = %q, joined %q; want %q, joined %q", tt.in, words, joined, tt.words, tt.joined)
		}
	}
}

func TestTerms(t *testing.T) {
	b := shippedBase(t)
	tests := []struct {
		query string
		want  []string
	}{
		{"What does a Link Worker do?", []string{"link", "worker"}},
		{"Supervisors supervising supervision", []string{"supervis", "supervisor"}},
		{"training TRAINING trained", []string{"train"}},
		{"what is the", nil},
		{"", nil},
		{"socal prescibing", []string{"prescib", "socal"}}, // as asked, not as corrected
	}
	for _, tt := range tests {
		got := b.Search(tt.query, SearchOptions{}).Terms
		if !slices.Equal(got, tt.want) {
			t.Errorf("Search(%q).Terms = %q, want %q", tt.query, got, tt.want)
		}
	}
}

// entry makes a small valid entry for tests of search alone.
func entry(id, locality, title, body string, synonyms ...string) *Entry {
	return &Entry{ID: id, Title: title, Summary: title, Locality: locality, Body: body, Synonyms: synonyms}
}

// TestSynonyms checks that a question using one name finds an article using
// another, and that every abbreviation people use is in the table.
func TestSynonyms(t *testing.T) {
	tests := []struct{ text, query string }{
		{"A social prescribing link worker helps people.", "What does an SPLW do?"},
		{"A social prescriber helps people.", "link worker"},
		{"An SPLW helps people.", "social prescribing link worker"},
		{"A health and wellbeing coach helps people.", "HWBC"},
		{"A health coach helps people.", "wellbeing coach"},
		{"A care co-ordinator helps people.", "what is a CC"},
		{"A care coordinator helps people.", "care co-ordinator"},
		{"Each primary care network has staff.", "PCN"},
		{"The Additional Roles Reimbursement Scheme pays.", "ARRS"},
		{"People with a long-term condition.", "LTC"},
		{"Paid on Agenda for Change band 4.", "AfC"},
		{"Personalised care and support planning helps.", "PCSP"},
		{"The Care Quality Commission inspects.", "CQC"},
		{"e-Learning for Healthcare has modules.", "elfh"},
		{"A multidisciplinary team meets.", "MDT"},
		{"Continuing professional development counts.", "CPD"},
		{"The pay band is 4.", "salary"},
		{"A two-day course.", "training"},
		{"Ask your supervisor.", "supervision"},
		{"The NHS England page.", "NHSE"},
		{"The integrated care board decides.", "ICB"},
	}
	for _, tt := range tests {
		ix := NewIndex([]*Entry{
			entry("target", "national", "An article", tt.text),
			entry("other", "national", "Another article", "Something else entirely about gardens."),
		})
		r := ix.Search(tt.query, SearchOptions{})
		if len(r.Hits) == 0 || r.Hits[0].Entry.ID != "target" {
			t.Errorf("text %q, Search(%q) = %v, want target first", tt.text, tt.query, hitIDs(r))
		}
	}

	for _, abbr := range strings.Fields(`SPLW HWBC CC ARRS PCN LTC DES PCI WDF MDT AfC PCSP NASP NALW
		CQC LTP PHB SDM FCP PA TPHC NENC HEE NHSE ICB VCSE CPD eLfH`) {
		s := stem(strings.ToLower(abbr))
		found := slices.ContainsFunc(synonyms.byFirst[s], func(p phrase) bool { return len(p.stems) == 1 })
		if !found {
			t.Errorf("abbreviation %s is not in the synonym table", abbr)
		}
	}
}

func TestCorrect(t *testing.T) {
	ix := shippedBase(t).index
	tests := []struct {
		word, want string
		ok         bool
	}{
		{"socal", "social", true},
		{"prescibing", "prescribing", true},
		{"wroker", "worker", true}, // swapped letters are one edit
		{"helth", "health", true},
		{"suprevision", "supervision", true},
		{"cordinator", "coordinator", true},
		{"personalsied", "personalised", true},
		{"caseloda", "caseload", true},
		{"qwertyuiop", "", false},
	}
	for _, tt := range tests {
		got, _, ok := ix.correct(tt.word)
		if got != tt.want || ok != tt.ok {
			t.Errorf("correct(%q) = %q, %v; want %q, %v", tt.word, got, ok, tt.want, tt.ok)
		}
	}
	for _, w := range []string{"worker", "workers", "supervisors", "salary", "abc", "12345", "tier"} {
		if ix.unfamiliar(w) {
			t.Errorf("unfamiliar(%q) = true, want false: it is known or too short to correct", w)
		}
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b  string
		bound int
		want  int
	}{
		{"worker", "worker", 2, 0},
		{"wroker", "worker", 2, 1},
		{"helth", "health", 2, 1},
		{"socal", "social", 2, 1},
		{"band", "bank", 2, 1},
		{"pension", "person", 2, 2},
		{"abcdef", "uvwxyz", 2, 3}, // more than the bound reads bound+1
		{"a", "abcd", 1, 2},
		{"", "ab", 2, 2},
	}
	for _, tt := range tests {
		if got := distance(tt.a, tt.b, tt.bound); got != tt.want {
			t.Errorf("distance(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.bound, got, tt.want)
		}
	}
}

func TestDidYouMean(t *testing.T) {
	b := shippedBase(t)
	tests := []struct{ query, want string }{
		{"socal prescibing wroker", "social prescribing worker"},
		{"Helth coach?", "health coach?"},
		{"what does a care cordinator do", "what does a care coordinator do"},
		{"link worker", ""},
		{"", ""},
		{"xyzzy plugh", ""},
	}
	for _, tt := range tests {
		if got := b.Search(tt.query, SearchOptions{}).DidYouMean; got != tt.want {
			t.Errorf("Search(%q).DidYouMean = %q, want %q", tt.query, got, tt.want)
		}
	}
}

func TestSearchShipped(t *testing.T) {
	b := shippedBase(t)
	tests := []struct {
		query     string
		want      string // the first hit; "" for none expected
		confident bool
	}{
		{"socal prescibing wroker", "role-splw", true},
		{"what does a link worker do", "role-splw", true},
		{"HWBC", "role-hwbc", true},
		{"care co-ordinator", "role-cc", true},
		{"link worker salary", "splw-pay", true},
		{"what's the weather tomorrow", "", false},
		{"how do I reset my password", "", false},
		{"book a GP appointment", "", false},
		{"", "", false},
		{"what is the", "", false},
		{"?!", "", false},
	}
	for _, tt := range tests {
		r := b.Search(tt.query, SearchOptions{})
		if tt.want != "" && (len(r.Hits) == 0 || r.Hits[0].Entry.ID != tt.want) {
			t.Errorf("Search(%q) = %v, want %s first", tt.query, hitIDs(r), tt.want)
		}
		if r.Confident != tt.confident {
			t.Errorf("Search(%q).Confident = %v, want %v (hits %v)", tt.query, r.Confident, tt.confident, hitIDs(r))
		}
		if strings.Trim(tt.query, "?! ") == "" || tt.query == "what is the" {
			if len(r.Hits) != 0 {
				t.Errorf("Search(%q) = %v, want no hits", tt.query, hitIDs(r))
			}
		}
	}
}

func TestSearchOptions(t *testing.T) {
	ix := NewIndex([]*Entry{
		entry("peer-national", "national", "Peer support network", "Meet other link workers."),
		entry("peer-gateshead", "gateshead", "Peer support network", "Meet other link workers."),
		entry("peer-london", "london", "Peer support network", "Meet other link workers."),
		entry("resource-peer", "national", "Peer support resources", "Meet other link workers."),
	})
	tests := []struct {
		name string
		o    SearchOptions
		want []string
	}{
		// resource-peer matches less of the question, so it comes after even
		// another locality's entry: locality orders, it does not remove.
		{"gateshead first, london lower", SearchOptions{Locality: "gateshead", Limit: 4}, []string{"peer-gateshead", "peer-national", "peer-london", "resource-peer"}},
		{"london first, gateshead lower", SearchOptions{Locality: "London", Limit: 4}, []string{"peer-london", "peer-national", "peer-gateshead", "resource-peer"}},
		{"no locality: national first, then local ones by id", SearchOptions{Limit: 4}, []string{"peer-national", "peer-gateshead", "peer-london", "resource-peer"}},
		{"limit", SearchOptions{Locality: "gateshead", Limit: 2}, []string{"peer-gateshead", "peer-national"}},
		{"default limit 3", SearchOptions{}, []string{"peer-national", "peer-gateshead", "peer-london"}},
		{"id prefix", SearchOptions{IDPrefix: "resource-"}, []string{"resource-peer"}},
		{"id prefix matching none", SearchOptions{IDPrefix: "nothing-"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ix.Search("peer support network", tt.o)
			if got := hitIDs(r); !slices.Equal(got, tt.want) {
				t.Errorf("Search(%+v) = %v, want %v", tt.o, got, tt.want)
			}
		})
	}
}

// TestLocalityDoesNotOutweighMatch checks that a locality's boost orders
// equal matches but does not put a poor match above a good one.
func TestLocalityDoesNotOutweighMatch(t *testing.T) {
	b := shippedBase(t)
	for _, loc := range []string{"gateshead", "london"} {
		r := b.Search("what does a health and wellbeing coach do", SearchOptions{Locality: loc})
		if len(r.Hits) == 0 || r.Hits[0].Entry.ID != "role-hwbc" {
			t.Errorf("Search(locality %s) = %v, want role-hwbc first", loc, hitIDs(r))
		}
	}
}

func TestSearchEmptyIndex(t *testing.T) {
	for _, ix := range []*Index{nil, NewIndex(nil), NewIndex([]*Entry{nil})} {
		r := ix.Search("link worker", SearchOptions{})
		if len(r.Hits) != 0 || r.Confident {
			t.Errorf("Search on an empty index = %+v, want nothing", r)
		}
	}
	var b *Base
	if r := b.Search("link worker", SearchOptions{}); len(r.Hits) != 0 {
		t.Errorf("Search on a nil Base = %+v, want nothing", r)
	}
}

func TestSearchConcurrent(t *testing.T) {
	b := shippedBase(t)
	want := fmt.Sprint(hitIDs(b.Search("link worker supervision", SearchOptions{})))
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for j := range 50 {
				q := benchQueries[(i+j)%len(benchQueries)]
				b.Search(q, SearchOptions{Locality: "gateshead"})
				if got := fmt.Sprint(hitIDs(b.Search("link worker supervision", SearchOptions{}))); got != want {
					t.Errorf("concurrent Search = %s, want %s", got, want)
					return
				}
			}
		})
	}
	wg.Wait()
}

func FuzzSearch(f *testing.F) {
	for _, q := range append(benchQueries, "", " ", "-", "co-", "1,000,000", "2.5.5", "'s", "\xff\xfe", "a-b-c-d", "ﬁ ǅ İ") {
		f.Add(q, "gateshead", 3)
	}
	b, err := Load(Content())
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q, locality string, limit int) {
		r := b.Search(q, SearchOptions{Locality: locality, Limit: limit % 20})
		want := limit % 20
		if want <= 0 {
			want = 3
		}
		if len(r.Hits) > want {
			t.Errorf("Search(%q) gave %d hits, limit %d", q, len(r.Hits), want)
		}
		for i, h := range r.Hits {
			if h.Confidence < 0 || h.Confidence > 1 {
				t.Errorf("Search(%q) hit %d confidence %v, want 0..1", q, i, h.Confidence)
			}
			if i > 0 && h.Score > r.Hits[i-1].Score {
				t.Errorf("Search(%q) hits out of order", q)
			}
		}
		if r.Confident && len(r.Hits) == 0 {
			t.Errorf("Search(%q) confident with no hits", q)
		}
		if !slices.IsSorted(r.Terms) || len(slices.Compact(slices.Clone(r.Terms))) != len(r.Terms) {
			t.Errorf("Search(%q).Terms = %q, want sorted and unique", q, r.Terms)
		}
		if r.DidYouMean != "" && utf8.ValidString(q) && !utf8.ValidString(r.DidYouMean) {
			t.Errorf("Search(%q).DidYouMean = %q is not valid UTF-8", q, r.DidYouMean)
		}
	})
}

func hitIDs(r Results) []string {
	var ids []string
	for _, h := range r.Hits {
		ids = append(ids, h.Entry.ID)
	}
	return ids
}

// TestSearchLongQuery checks that a very long query is searched quickly,
// by its first words.
func TestSearchLongQuery(t *testing.T) {
	b := shippedBase(t)
	long := strings.Repeat("link worker supervision xqzvbw plorfmat ", 20000)
	start := time.Now()
	r := b.Search(long, SearchOptions{})
	if d := time.Since(start); d > time.Second {
		t.Errorf("Search(%d bytes) took %v", len(long), d)
	}
	if len(r.Hits) == 0 {
		t.Errorf("Search(long) found nothing")
	}
	if len(r.Terms) > maxQueryWords {
		t.Errorf("Search(long) kept %d terms, want at most %d", len(r.Terms), maxQueryWords)
	}
}

// TestNearestQuestion: a query close to one of an article's questions ranks
// that article first, though another article's text has the same words.
func TestNearestQuestion(t *testing.T) {
	a := &Entry{ID: "a", Title: "Apples", Summary: "Apples", Body: "Orchards grow apples; pears are sold beside them at the market.", Locality: "national"}
	b := &Entry{ID: "b", Title: "Markets", Summary: "Markets", Body: "Markets sell pears and apples.", Locality: "national",
		Questions: []string{"Where can I buy pears?"}}
	ix := NewIndex([]*Entry{a, b})
	res := ix.Search("where do i buy pears", SearchOptions{})
	if len(res.Hits) == 0 || res.Hits[0].Entry.ID != "b" {
		t.Fatalf("hits %v, want b first", res.Hits)
	}
	defer func() { useQuestions = true }()
	useQuestions = false
	without := NewIndex([]*Entry{a, b}).Search("where do i buy pears", SearchOptions{})
	if without.Hits[0].Entry.ID == "b" && without.Hits[0].Confidence >= res.Hits[0].Confidence {
		t.Errorf("confidence %.2f without the question, %.2f with it: want the question to raise it", without.Hits[0].Confidence, res.Hits[0].Confidence)
	}
}
