package knowledge

import (
	"flag"
	"fmt"
	"os"
	"slices"
	"testing"

	"go.yaml.in/yaml/v3"
)

var showAll = flag.Bool("questions.all", false, "log every question of testdata/questions.yaml with its hits")

// question is one item of testdata/questions.yaml: a question a person might
// ask, the article a sensible person would pick ("" when it is out of scope),
// and the asker's locality.
type question struct {
	Q        string `yaml:"q"`
	Want     string `yaml:"want"`
	Locality string `yaml:"locality"`
}

func loadQuestions(tb testing.TB) []question {
	tb.Helper()
	data, err := os.ReadFile("testdata/questions.yaml")
	if err != nil {
		tb.Fatalf("reading the question set: %v", err)
	}
	var qs []question
	if err := yaml.Unmarshal(data, &qs); err != nil {
		tb.Fatalf("parsing the question set: %v", err)
	}
	return qs
}

// scorecard is how search did on the question set.
type scorecard struct {
	inScope, top1, top3 int
	misses              []string  // in-scope questions whose first hit is wrong
	unsure              []string  // right first hits that are not confident
	overconfident       []string  // out-of-scope questions answered confidently
	unknown             []string  // questions whose wanted article does not exist
	right, out          []float64 // confidence of right first hits; of out-of-scope first hits
	rightCovered        []float64 // the share of the question right first hits match
	all                 []string  // every question with its hits
}

func (c scorecard) top1Percent() float64 { return 100 * float64(c.top1) / float64(max(1, c.inScope)) }
func (c scorecard) top3Percent() float64 { return 100 * float64(c.top3) / float64(max(1, c.inScope)) }

func score(ix *Index, qs []question) scorecard {
	var c scorecard
	for _, q := range qs {
		r := ix.Search(q.Q, SearchOptions{Locality: q.Locality, Limit: 3})
		ids := make([]string, len(r.Hits))
		for i, h := range r.Hits {
			ids[i] = h.Entry.ID
		}
		conf := 0.0
		if len(r.Hits) > 0 {
			conf = r.Hits[0].Confidence
		}
		c.all = append(c.all, fmt.Sprintf("%-62q want %-40s conf %.2f %-5v %v", q.Q, q.Want, conf, r.Confident, ids))
		if q.Want == "" {
			c.out = append(c.out, conf)
			if r.Confident {
				c.overconfident = append(c.overconfident, fmt.Sprintf("%q: answered confidently with %v (confidence %.2f)", q.Q, ids, conf))
			}
			continue
		}
		if !slices.ContainsFunc(ix.entries, func(e *Entry) bool { return e.ID == q.Want }) {
			c.unknown = append(c.unknown, fmt.Sprintf("%q: want %s, which is no article", q.Q, q.Want))
			continue
		}
		c.inScope++
		switch i := slices.Index(ids, q.Want); {
		case i == 0:
			c.top1++
			c.top3++
			c.right = append(c.right, conf)
			d := slices.Index(ix.entries, r.Hits[0].Entry)
			c.rightCovered = append(c.rightCovered, ix.covered(ix.parse(q.Q).units, int32(d)))
			if !r.Confident {
				c.unsure = append(c.unsure, fmt.Sprintf("%q: first hit %s is right but not confident (confidence %.2f)", q.Q, q.Want, conf))
			}
		case i > 0:
			c.top3++
			c.misses = append(c.misses, fmt.Sprintf("%q: want %s, got %v (%d)", q.Q, q.Want, ids, i+1))
		default:
			c.misses = append(c.misses, fmt.Sprintf("%q: want %s, got %v (not in top 3)", q.Q, q.Want, ids))
		}
	}
	return c
}

// TestQuestions measures search on the question set: the right article
// first for at least 90% of the in-scope questions, never a confident answer
// to an out-of-scope one, and a confident answer whenever the first hit is
// right.
func TestQuestions(t *testing.T) {
	b, err := Load(Content())
	if err != nil {
		t.Fatal(err)
	}
	c := score(b.index, loadQuestions(t))
	if *showAll {
		for _, line := range c.all {
			t.Log(line)
		}
	}
	for _, m := range c.misses {
		t.Logf("miss: %s", m)
	}
	for _, list := range [][]string{c.unknown, c.overconfident, c.unsure} {
		for _, m := range list {
			t.Error(m)
		}
	}
	if c.inScope == 0 {
		t.Fatal("no in-scope questions")
	}
	t.Logf("%d in-scope questions: top-1 %.1f%%, top-3 %.1f%%", c.inScope, c.top1Percent(), c.top3Percent())
	t.Logf("confidence: least of a right first hit %.2f, most of an out-of-scope question %.2f, threshold %.2f",
		slices.Min(append(c.right, 1)), slices.Max(append(c.out, 0)), tune.confidentAt)
	t.Logf("coverage: least of a right first hit %.2f, threshold %.2f", slices.Min(append(c.rightCovered, 1)), tune.coveredAt)
	if p := c.top1Percent(); p < 90 {
		t.Errorf("top-1 accuracy %.1f%%, want at least 90%%", p)
	}
}
