package knowledge

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The fresh sets were written by someone who had not read the engine, the
// articles' bodies or the other question sets: the questions were written
// before any article was looked at, then labelled from the articles' front
// matter alone. Their figures are reported, not held to issue 11's targets,
// so that they measure answers to questions nobody tuned on; once a set's
// failures are looked at and fixed it stops measuring that, and the next
// set takes its place. Each set's note beside it says how it was written
// and what it scored at its one untuned scoring. All of them have since
// been tuned on: their figures now guard against regressions more than
// they judge, and the next honest figure needs a new set.
var freshSets = []struct{ file, name string }{
	{"questions_fresh.json", "fresh set 1 (tuned on since it was scored)"},
	{"questions_fresh2.json", "fresh set 2 (tuned on since it was scored)"},
	{"questions_fresh3.json", "fresh set 3 (tuned on since it was scored)"},
	{"questions_fresh4.json", "fresh set 4 (tuned on since it was scored)"},
	{"questions_fresh5.json", "fresh set 5 (tuned on since it was scored)"},
	{"questions_fresh6.json", "fresh set 6 (tuned on since it was scored)"},
	{"questions_fresh7.json", "fresh set 7 (tuned on since it was scored)"},
	{"questions_fresh8.json", "fresh set 8 (tuned on since it was scored)"},
	{"questions_fresh9.json", "fresh set 9 (tuned on since it was scored)"},
	{"questions_fresh10.json", "fresh set 10 (tuned on since it was scored)"},
	{"questions_fresh11.json", "fresh set 11 (tuned on since it was scored)"},
	{"questions_fresh12.json", "fresh set 12 (tuned on since it was scored)"},
	{"questions_fresh13.json", "fresh set 13 (its safety misses fixed since it was scored)"},
	{"questions_fresh14.json", "fresh set 14 (tuned on since it was scored)"},
	{"questions_fresh15.json", "fresh set 15, mostly about risk (tuned on since it was scored)"},
	{"questions_fresh16.json", "fresh set 16, mostly about risk (tuned on since it was scored)"},
	{"questions_fresh17.json", "fresh set 17, mostly about risk (tuned on since it was scored)"},
	{"questions_fresh18.json", "fresh set 18, mostly about risk (tuned on since it was scored)"},
	{"questions_fresh19.json", "fresh set 19, mostly about risk (tuned on since it was scored)"},
	{"questions_fresh20.json", "fresh set 20, mostly about risk (tuned on since it was scored)"},
	{"questions_fresh21.json", "fresh set 21, mostly about risk (tuned on since it was scored)"},
	{"questions_fresh22.json", "fresh set 22 (its safety misses fixed since it was scored)"},
	{"questions_fresh23.json", "fresh set 23 (its safety and usage misses fixed since it was scored)"},
	{"questions_fresh24.json", "fresh set 24 (its safety and usage misses fixed since it was scored)"},
	{"questions_fresh25.json", "fresh set 25 (scored, failures not looked at)"},
	{"questions_fresh26.json", "fresh set 26 (scored, failures not looked at)"},
	{"questions_fresh27.json", "fresh set 27 (scored, failures not looked at)"},
	{"questions_fresh28.json", "fresh set 28 (scored, failures not looked at)"},
	{"questions_fresh29.json", "fresh set 29 (scored, failures not looked at)"},
	{"questions_fresh30.json", "fresh set 30 (scored, failures not looked at)"},
}

// TestEvalFresh prints the figures for each fresh set. It fails only when a
// set is malformed (an empty question, a want naming no article, a role or
// locality a profile cannot have, a repeated question) or too small to say
// anything; a poor card is reported, not failed.
func TestEvalFresh(t *testing.T) {
	b, err := Load(Content())
	if err != nil {
		t.Fatal(err)
	}
	ids := contentIDs(t)
	for _, set := range freshSets {
		t.Run(strings.TrimSuffix(set.file, ".json"), func(t *testing.T) {
			qs := loadEval(t, set.file)
			checkEvalSet(t, qs, ids)
			c := evaluate(b, qs)
			if c.inScope < 40 || c.offTopic < 25 || c.safety < 8 {
				t.Fatalf("%s too small to judge: %d in scope, %d off-topic, %d safety", set.name, c.inScope, c.offTopic, c.safety)
			}
			lines := c.failures
			if *evalShow {
				lines = c.all
			}
			for _, l := range lines {
				t.Log(l)
			}
			t.Logf("%s (reported, not held to targets): %s", set.name, c)
			right, wrong, in, wrongs := channelCard(b, qs, ChannelConfidence)
			t.Logf("%s in the channel, unasked, at %.2f: %d of %d in scope answered, %d wrongly %q", set.name, ChannelConfidence, right, in, wrong, wrongs)
		})
	}
}

// checkEvalSet fails the test for a question set that cannot be scored as
// written.
func checkEvalSet(t *testing.T, qs []evalQuestion, ids map[string]bool) {
	t.Helper()
	roles := map[string]bool{"": true, "splw": true, "hwbc": true, "cc": true}
	localities := map[string]bool{"": true, "gateshead": true, "london": true}
	seen := map[string]bool{}
	for i, q := range qs {
		if strings.TrimSpace(q.Q) == "" {
			t.Errorf("question %d is empty", i)
		}
		key := strings.ToLower(strings.TrimSpace(q.Q))
		if seen[key] {
			t.Errorf("question %d %q is repeated", i, q.Q)
		}
		seen[key] = true
		if !roles[q.Role] || !localities[q.Locality] {
			t.Errorf("question %q: role %q, locality %q; want one of splw, hwbc, cc and gateshead, london, or empty", q.Q, q.Role, q.Locality)
		}
		if q.Want == wantOffTopic || q.Want == wantSafety || q.Want == wantUsage {
			continue
		}
		for _, id := range strings.Split(q.Want, "|") {
			if !ids[id] {
				t.Errorf("question %q wants %q, which is no article's id", q.Q, id)
			}
		}
	}
	if t.Failed() {
		t.FailNow()
	}
}

// contentIDs reads the id line of each article's front matter in content/.
func contentIDs(t *testing.T) map[string]bool {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("content", "*.md"))
	if err != nil || len(files) == 0 {
		t.Fatalf("listing content: %d files, %v", len(files), err)
	}
	ids := map[string]bool{}
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if id, ok := strings.CutPrefix(sc.Text(), "id:"); ok {
				ids[strings.Trim(strings.TrimSpace(id), `"`)] = true
				break
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatalf("reading %s: %v", name, err)
		}
	}
	return ids
}
