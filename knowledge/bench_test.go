package knowledge

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
)

// benchQueries are questions as people type them, typos included.
var benchQueries = []string{
	"what does a social prescribing link worker do",
	"socal prescibing link wroker role",
	"what is a helth coach",
	"care co-ordinator job",
	"splw afc band",
	"how much can we claim back for a link worker under arrs",
	"how many patients should a link worker have on their caseload",
	"snomed code for social prescribing referral",
	"hwbc tier 1",
	"what is a personalised care and support plan",
	"can patients self refer to social prescribing",
	"is arrs funding in icb core allocations now",
	"who is accountable to cqc for arrs staff",
	"helth coach suprevision",
	"recommended minimum supervision vs DES",
	"nhs england supervision guidance for pcn multidisciplinary teams",
	"peer support network meeting gateshead",
	"emerging leaders link worker programme",
	"what's the weather tomorrow",
	"how do I book a GP appointment for myself",
}

func BenchmarkSearchShipped(b *testing.B) {
	base, err := Load(Content())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		base.Search(benchQueries[i%len(benchQueries)], SearchOptions{Locality: "gateshead"})
		i++
	}
}

// BenchmarkAnswerShipped is a whole answer as /ask gives it: the search,
// the intents (definitions, the asker's role, referrals, safety) and the
// choice of passage.
func BenchmarkAnswerShipped(b *testing.B) {
	base, err := Load(Content())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		base.Answer(benchQueries[i%len(benchQueries)], Asker{Role: "splw", Locality: "gateshead"})
		i++
	}
}

var (
	gen10kOnce sync.Once
	gen10k     []*Entry
	index10k   *Index
)

// generated returns 10,000 entries written like the shipped ones: their
// sentences, titles and synonyms recombined, with a tenth of the words
// swapped for words from a large made-up vocabulary drawn with a Zipf
// distribution, as a real collection's long tail of names and terms.
func generated(tb testing.TB) []*Entry {
	tb.Helper()
	gen10kOnce.Do(func() {
		base, err := Load(Content())
		if err != nil {
			tb.Fatal(err)
		}
		var sentences, titles, syns []string
		for _, e := range base.Entries() {
			for s := range strings.SplitSeq(strings.ReplaceAll(e.Body, "\n", " "), ". ") {
				if strings.TrimSpace(s) != "" {
					sentences = append(sentences, s)
				}
			}
			titles = append(titles, e.Title)
			syns = append(syns, e.Synonyms...)
		}
		r := rand.New(rand.NewPCG(1, 2))
		made := make([]string, 40000)
		for i := range made {
			var w strings.Builder
			for range 4 + r.IntN(7) {
				w.WriteByte(byte('a' + r.IntN(26)))
			}
			made[i] = w.String()
		}
		zipf := rand.NewZipf(r, 1.1, 1, uint64(len(made)-1))
		mix := func(s string) string {
			words := strings.Fields(s)
			for i := range words {
				if r.IntN(10) == 0 {
					words[i] = made[zipf.Uint64()]
				}
			}
			return strings.Join(words, " ")
		}
		for i := range 10000 {
			var body strings.Builder
			for j := range 8 + r.IntN(20) {
				if j%5 == 0 {
					fmt.Fprintf(&body, "\n## %s\n", mix(titles[r.IntN(len(titles))]))
				}
				body.WriteString(mix(sentences[r.IntN(len(sentences))]))
				body.WriteString(". ")
			}
			e := &Entry{
				ID:       fmt.Sprintf("gen-%05d", i),
				Title:    mix(titles[r.IntN(len(titles))]),
				Summary:  mix(sentences[r.IntN(len(sentences))]),
				Locality: Localities[r.IntN(len(Localities))],
				Body:     body.String(),
			}
			for range 2 + r.IntN(6) {
				e.Synonyms = append(e.Synonyms, mix(syns[r.IntN(len(syns))]))
			}
			gen10k = append(gen10k, e)
		}
		index10k = NewIndex(gen10k)
	})
	return gen10k
}

func BenchmarkSearch10k(b *testing.B) {
	generated(b)
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		index10k.Search(benchQueries[i%len(benchQueries)], SearchOptions{Locality: "london"})
		i++
	}
}

func BenchmarkIndexBuild10k(b *testing.B) {
	entries := generated(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		NewIndex(entries)
	}
}
