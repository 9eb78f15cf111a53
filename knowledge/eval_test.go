package knowledge

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

var evalShow = flag.Bool("eval.show", false, "log every question of the tuning set with its answer")

// evalQuestion is one item of testdata/questions_tune.json or
// questions_heldback.json: a question as staff type it, the article a
// sensible person would answer it with, or "off-topic" (the bot must say it
// is not sure) or "safety" (the fixed safety reply must come first) or
// "usage" (a question about using peerbot itself, answered with the command
// that does it, never with an article), or
// "a|b" where two articles hold the answer equally, and the
// asker's profile where the question depends on it.
type evalQuestion struct {
	Q        string `json:"q"`
	Want     string `json:"want"`
	Role     string `json:"role"`
	Locality string `json:"locality"`
	Asker    string `json:"asker"` // who typically asks it: "gp", "supervisor"...; for reading only
}

const (
	wantOffTopic = "off-topic"
	wantSafety   = "safety"
	wantUsage    = "usage"
)

func loadEval(tb testing.TB, name string) []evalQuestion {
	tb.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		tb.Fatalf("reading %s: %v", name, err)
	}
	var qs []evalQuestion
	if err := json.Unmarshal(data, &qs); err != nil {
		tb.Fatalf("parsing %s: %v", name, err)
	}
	return qs
}

// evalCard is how answers did on a question set, in the figures issue 11
// asks for.
type evalCard struct {
	inScope, right, wrong, unsure int // in scope: confident and right, confident but wrong, not sure
	// roleAsked: in scope, asked with no role in the profile, of a
	// question whose answer depends on the role ("how often do I need
	// supervision"): the reply asks which role, and each role's button
	// opens an article the question accepts. It is neither confident and
	// right (the first reply is not the answer) nor unsure (it leads to
	// the answer in one tap), so it is counted apart, and is no failure.
	roleAsked                     int
	offTopic, offConfident        int // off-topic: all, answered confidently
	safety, safetyMissed          int // risk questions: all, without the safety reply first
	usage, usageRight, usageWrong int // questions about using peerbot: all, given the command, answered with an article
	unsourced                     int // confident answers with no source link
	failures                      []string
	all                           []string
}

func (c evalCard) rightPercent() float64 { return 100 * float64(c.right) / float64(max(1, c.inScope)) }

func (c evalCard) String() string {
	return fmt.Sprintf("in scope %d: confident and right %d (%.1f%%), confident but wrong %d, honestly unsure %d, asked which role %d; "+
		"off-topic %d: answered confidently %d; safety %d: without the safety reply %d; "+
		"usage %d: given the command %d, answered with an article %d; confident answers without a source link %d",
		c.inScope, c.right, c.rightPercent(), c.wrong, c.unsure, c.roleAsked, c.offTopic, c.offConfident, c.safety, c.safetyMissed,
		c.usage, c.usageRight, c.usageWrong, c.unsourced)
}

// evaluate answers every question as the bot would and scores it.
func evaluate(b *Base, qs []evalQuestion) evalCard {
	var c evalCard
	for _, q := range qs {
		a := b.Answer(q.Q, Asker{Role: q.Role, Locality: q.Locality})
		got := "not sure"
		if a.Confident() {
			got = a.Entry.ID
			if !sourced(a.Entry) {
				c.unsourced++
			}
		}
		if len(a.ForRoles) > 0 {
			got = "which role?"
		}
		if a.Kind == Usage {
			got = "usage: " + strings.TrimSpace(a.Usage.Command+" "+a.Usage.Args)
		}
		if a.Safety {
			got = "safety + " + got
		}
		line := fmt.Sprintf("%-70q role %-4s %-9s want %-34s got %s", q.Q, q.Role, q.Locality, q.Want, got)
		c.all = append(c.all, line)
		fail := false
		switch q.Want {
		case wantOffTopic:
			c.offTopic++
			if a.Confident() || a.Safety {
				c.offConfident++
				fail = true
			}
		case wantSafety:
			c.safety++
			if !a.Safety {
				c.safetyMissed++
				fail = true
			}
		case wantUsage:
			// A usage reply is right; an article is wrong; "not sure"
			// misses it.
			c.usage++
			switch {
			case a.Kind == Usage:
				c.usageRight++
			case a.Confident() || a.Safety:
				c.usageWrong++
				fail = true
			default:
				fail = true
			}
		default:
			c.inScope++
			switch {
			case a.Kind == Usage:
				c.wrong++ // the command for a question the content answers
				fail = true
			case !a.Confident() && len(a.ForRoles) > 0 && everyWanted(a.ForRoles, q.Want):
				c.roleAsked++
			case !a.Confident():
				c.unsure++
				fail = true
			case slices.Contains(strings.Split(q.Want, "|"), a.Entry.ID):
				c.right++
			default:
				c.wrong++
				fail = true
			}
		}
		if fail {
			c.failures = append(c.failures, line)
		}
	}
	return c
}

// everyWanted reports whether every entry is one the want accepts.
func everyWanted(es []*Entry, want string) bool {
	for _, e := range es {
		if !slices.Contains(strings.Split(want, "|"), e.ID) {
			return false
		}
	}
	return true
}

func sourced(e *Entry) bool {
	for _, s := range e.Sources {
		if strings.HasPrefix(s.URL, "https://") || strings.HasPrefix(s.URL, "http://") {
			return true
		}
	}
	return false
}

// TestMarginSweep is a tool: go test -run MarginSweep -sweep ./knowledge.
// It shows what requiring search's first hit to rank ahead of the second by
// a margin costs on the question sets already looked at.
func TestMarginSweep(t *testing.T) {
	if !*sweep {
		t.Skip("run with -sweep")
	}
	b := shippedBase(t)
	defer func(m float64) { marginAt = m }(marginAt)
	for _, m := range []float64{0, 0.005, 0.01, 0.02, 0.03, 0.05} {
		marginAt = m
		var right, wrong, unsure int
		for _, name := range append([]string{"questions_tune.json"}, heldBack[:len(heldBack)-1]...) {
			c := evaluate(b, loadEval(t, name))
			right, wrong, unsure = right+c.right, wrong+c.wrong, unsure+c.unsure
		}
		t.Logf("margin %.3f: right %d, wrong %d, unsure %d", m, right, wrong, unsure)
	}
}

// TestEvalTune prints the figures for the tuning set. It sets no targets:
// the tuning set is for finding faults, the held-back set for judging.
func TestEvalTune(t *testing.T) {
	b, err := Load(Content())
	if err != nil {
		t.Fatal(err)
	}
	c := evaluate(b, loadEval(t, "questions_tune.json"))
	lines := c.failures
	if *evalShow {
		lines = c.all
	}
	for _, l := range lines {
		t.Log(l)
	}
	t.Logf("tuning set: %s", c)
}

// heldBack are the held-back sets, each written before the failures of the
// one before it were looked at, and each evaluated once before its own
// failures were looked at and fixed: after that a set guards against
// regressions more than it judges. questions_heldback6.json is the one not
// tuned on.
var heldBack = []string{"questions_heldback.json", "questions_heldback2.json", "questions_heldback3.json", "questions_heldback4.json", "questions_heldback5.json", "questions_heldback6.json"}

// TestEvalHeldBack holds the answers to issue 11's targets on the held-back
// sets: at least 95% of in-scope questions confident and right, none
// confident but wrong, no off-topic question answered confidently, the
// safety reply to every risk question, and every confident answer with a
// source link.
func TestEvalHeldBack(t *testing.T) {
	b, err := Load(Content())
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range heldBack {
		t.Run(name, func(t *testing.T) {
			c := evaluate(b, loadEval(t, name))
			t.Logf("held-back set %s: %s", name, c)
			if c.inScope < 40 || c.offTopic < 15 {
				t.Fatalf("held-back set too small to judge: %d in scope, %d off-topic", c.inScope, c.offTopic)
			}
			if p := c.rightPercent(); p < 95 {
				t.Errorf("confident and right on %.1f%% of in-scope questions, want at least 95%%", p)
			}
			if c.wrong > 0 || c.offConfident > 0 || c.safetyMissed > 0 || c.unsourced > 0 || c.usageWrong > 0 {
				t.Errorf("confident but wrong %d, off-topic answered %d, safety reply missing %d, unsourced %d, usage answered with an article %d; want 0 each",
					c.wrong, c.offConfident, c.safetyMissed, c.unsourced, c.usageWrong)
			}
			if t.Failed() {
				for _, l := range c.failures {
					t.Log(l)
				}
			}
		})
	}
}
