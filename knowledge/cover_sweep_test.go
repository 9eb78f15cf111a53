package knowledge

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
)

// allEvalSets are every question set in testdata, tuned on or not.
func allEvalSets() []string {
	sets := append([]string{"questions_tune.json"}, heldBack...)
	for _, s := range freshSets {
		sets = append(sets, s.file)
	}
	return sets
}

// TestCoverSweep is a tool: go test -run CoverSweep -sweep -v ./knowledge.
// It lists, for every confident answer of every set, how much of the
// question the answering article covers, so the least covering right
// answers can be set beside the most covering wrong ones.
func TestCoverSweep(t *testing.T) {
	if !*sweep {
		t.Skip("run with -sweep")
	}
	b := shippedBase(t)
	type row struct {
		cov   float64
		class string
		line  string
	}
	var rows []row
	for _, name := range allEvalSets() {
		for _, q := range loadEval(t, name) {
			a := b.Answer(q.Q, Asker{Role: q.Role, Locality: q.Locality})
			if !a.Confident() {
				continue
			}
			class := "right"
			switch {
			case q.Want == wantOffTopic:
				class = "OFF"
			case q.Want == wantSafety || q.Want == wantUsage:
				continue
			case !slices.Contains(strings.Split(q.Want, "|"), a.Entry.ID):
				class = "WRONG"
			}
			cov, miss := b.coverage(searchedForm(q.Q), a.Entry)
			best, bid := 0.0, ""
			for _, e := range b.entries {
				if c, _ := b.coverage(searchedForm(q.Q), e); e != a.Entry && c > best {
					best, bid = c, e.ID
				}
			}
			rows = append(rows, row{cov, class, fmt.Sprintf("%.2f %+.2f %-5s %s kind %d %-40q %s want %s miss %v other %s", cov, best-cov, class, name, a.Kind, q.Q, a.Entry.ID, q.Want, miss, bid)})
		}
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].cov < rows[j].cov })
	for _, r := range rows {
		if r.cov < 0.5 {
			t.Log(r.line)
		}
	}
}

// missFeatures returns the greatest weight of a word of q the content has
// but e lacks, and the words no entry has.
func (b *Base) missFeatures(q string, e *Entry) (known float64, knownW []string, unknown []string) {
	d := int32(slices.Index(b.index.entries, e))
	_, searched := readQuestion(q)
	for _, u := range b.index.parse(searched).units {
		if u.pen < 1 || b.index.has(u, d) || b.told[e.ID][u.stem] {
			continue
		}
		if len(u.terms) == 0 {
			unknown = append(unknown, u.stem)
			continue
		}
		knownW = append(knownW, fmt.Sprintf("%s:%.1f", u.stem, u.weight))
		known = max(known, u.weight)
	}
	return known, knownW, unknown
}

func TestMissSweep(t *testing.T) {
	if !*sweep {
		t.Skip("run with -sweep")
	}
	b := shippedBase(t)
	for _, name := range allEvalSets() {
		for _, q := range loadEval(t, name) {
			a := b.Answer(q.Q, Asker{Role: q.Role, Locality: q.Locality})
			if !a.Confident() || q.Want == wantSafety || q.Want == wantUsage {
				continue
			}
			class := "right"
			switch {
			case q.Want == wantOffTopic:
				class = "OFF"
			case !slices.Contains(strings.Split(q.Want, "|"), a.Entry.ID):
				class = "WRONG"
			}
			k, kw, u := b.missFeatures(q.Q, a.Entry)
			fmt.Printf("%.2f %d %-5s %s kind %d %q %s want %s known %v unknown %v\n", k, len(u), class, name, a.Kind, q.Q, a.Entry.ID, q.Want, kw, u)
		}
	}
	t.Logf("unknown weight %.2f", b.index.unknown)
}

// TestDumpAnswers is a tool: go test -run DumpAnswers -v ./knowledge -sweep
// writes one JSON line per question of every set with its answer.
func TestDumpAnswers(t *testing.T) {
	if !*sweep {
		t.Skip("run with -sweep")
	}
	b := shippedBase(t)
	for _, name := range allEvalSets() {
		for _, q := range loadEval(t, name) {
			a := b.Answer(q.Q, Asker{Role: q.Role, Locality: q.Locality})
			rec := map[string]any{"set": name, "q": q.Q, "role": q.Role, "loc": q.Locality, "want": q.Want, "kind": int(a.Kind), "safety": a.Safety, "confident": a.Confident()}
			if a.Entry != nil {
				_, kw, u := b.missFeatures(q.Q, a.Entry)
				rec["entry"], rec["eloc"], rec["known"], rec["unknown"] = a.Entry.ID, a.Entry.Locality, kw, u
				w, _ := readQuestion(q.Q)
				rest := strings.Join(withoutRolesTool(w), " ")
				rc, rm := b.coverage(rest, a.Entry)
				rec["rest"], rec["restcov"], rec["restmiss"] = rest, rc, rm
			}
			if len(a.Results.Hits) > 0 {
				rec["top"], rec["conf"] = a.Results.Hits[0].Entry.ID, a.Results.Hits[0].Confidence
			}
			words, _ := readQuestion(q.Q)
			rec["words"] = words
			j, _ := json.Marshal(rec)
			fmt.Println(string(j))
		}
	}
}

// withoutRolesTool returns words without the spans that name a role.
func withoutRolesTool(words []string) []string {
	var out []string
	for i := 0; i < len(words); {
		n := 4
		for ; n >= 1; n-- {
			if i+n > len(words) {
				continue
			}
			if len(rolesNamed(words[i:i+n])) > 0 && len(rolesNamed(words[i:i+n-1])) == 0 && (n == 1 || len(rolesNamed(words[i+1:i+n])) == 0 || true) {
				break
			}
		}
		if n >= 1 {
			i += n
			continue
		}
		out = append(out, words[i])
		i++
	}
	return out
}

// searchedForm is q as search reads it.
func searchedForm(q string) string {
	_, s := readQuestion(q)
	return s
}
