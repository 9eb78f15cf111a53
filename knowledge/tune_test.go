package knowledge

import (
	"flag"
	"fmt"
	"slices"
	"sort"
	"testing"
)

var sweep = flag.Bool("sweep", false, "try ranking settings on testdata/questions.yaml and log the best")

// confidenceSplit finds the threshold that best separates right first hits
// from out-of-scope questions, and how many of them fall on the wrong side.
func confidenceSplit(right, out []float64) (threshold float64, wrong int) {
	cands := append(append([]float64{}, right...), out...)
	wrong = len(right) + len(out)
	for _, th := range cands {
		n := 0
		for _, r := range right {
			if r < th {
				n++
			}
		}
		for _, o := range out {
			if o >= th {
				n++
			}
		}
		if n < wrong {
			wrong, threshold = n, th
		}
	}
	return threshold, wrong
}

// TestSweep is a tool, not a test: go test -run Sweep -sweep ./knowledge.
func TestSweep(t *testing.T) {
	if !*sweep {
		t.Skip("run with -sweep")
	}
	b, err := Load(Content())
	if err != nil {
		t.Fatal(err)
	}
	qs := loadQuestions(t)
	saved := tune
	defer func() { tune = saved }()
	type result struct {
		desc        string
		top1, wrong int
		th, gap     float64
	}
	var results []result
	for _, k1 := range []float64{1.2, 2, 3} {
		for _, tw := range []float64{2, 3, 5} {
			for _, sw := range []float64{2, 3, 5} {
				for _, sm := range []float64{1, 2} {
					for _, about := range []float64{0.1, 0.2, 0.3, 0.4} {
						for _, lb := range []float64{1.2} {
							for _, cap := range []float64{2.5, 100} {
								for _, cp := range []float64{0.25, 0.5, 0.75, 1} {
									tune = saved
									tune.k1, tune.weight = k1, [numFields]float64{tw, sw, sm, 1, saved.weight[fieldQuestions]}
									tune.about, tune.localBoost, tune.otherLocality = about, lb, 1/lb
									tune.maxIDF, tune.confPower = cap, cp
									c := score(NewIndex(b.entries), qs)
									th, wrong := confidenceSplit(c.right, c.out)
									gap := slices.Min(append(c.right, 1)) - slices.Max(append(c.out, 0))
									results = append(results, result{fmt.Sprintf("k1=%v w=%v,%v,%v about=%v loc=%v cap=%v cp=%v", k1, tw, sw, sm, about, lb, cap, cp), c.top1, wrong, th, gap})
								}
							}
						}
					}
				}
			}
		}
	}
	sort.Slice(results, func(i, j int) bool {
		if results[i].top1/2 != results[j].top1/2 {
			return results[i].top1 > results[j].top1
		}
		return results[i].gap > results[j].gap
	})
	for _, r := range results[:min(40, len(results))] {
		t.Logf("top1 %d wrong %d th %.2f gap %.2f  %s", r.top1, r.wrong, r.th, r.gap, r.desc)
	}
}
