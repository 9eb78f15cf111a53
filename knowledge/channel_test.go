package knowledge

import (
	"slices"
	"strings"
	"testing"
)

// channelCard counts how answers given unasked, at a confidence, fare on a
// question set: in-scope questions answered right, answered wrongly
// (off-topic and risk questions answered count as wrong), and in scope.
func channelCard(b *Base, qs []evalQuestion, min float64) (right, wrong, inScope int, wrongs []string) {
	for _, q := range qs {
		a := b.Answer(q.Q, Asker{Role: q.Role, Locality: q.Locality})
		in := q.Want != wantOffTopic && q.Want != wantSafety && q.Want != wantUsage
		if in {
			inScope++
		}
		if !a.ConfidentAt(min) {
			continue
		}
		if in && slices.Contains(strings.Split(q.Want, "|"), a.Entry.ID) {
			right++
			continue
		}
		wrong++
		wrongs = append(wrongs, q.Q+" → "+a.Entry.ID+" (want "+q.Want+")")
	}
	return right, wrong, inScope, wrongs
}

// TestChannelConfidenceHeldBack: at ChannelConfidence, no question of any
// held-back set is answered unasked and wrongly, and it still answers a
// good share of the in-scope ones (or it would never speak).
func TestChannelConfidenceHeldBack(t *testing.T) {
	b, err := Load(Content())
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range heldBack {
		t.Run(name, func(t *testing.T) {
			right, wrong, in, wrongs := channelCard(b, loadEval(t, name), ChannelConfidence)
			t.Logf("%s at %.2f: %d of %d in scope answered, %d wrongly", name, ChannelConfidence, right, in, wrong)
			if wrong > 0 {
				t.Errorf("confident but wrong %d in the channel, want 0: %q", wrong, wrongs)
			}
			if right*4 < in {
				t.Errorf("answered %d of %d in-scope questions in the channel, want at least a quarter", right, in)
			}
		})
	}
	if ChannelConfidence <= tune.confidentAt {
		t.Errorf("ChannelConfidence %.2f is not stricter than /ask's %.2f", ChannelConfidence, tune.confidentAt)
	}
}

// TestChannelConfidenceLookedAt: the tuning set and the fresh set, which
// have been looked at, are not answered wrongly unasked either.
func TestChannelConfidenceLookedAt(t *testing.T) {
	b, err := Load(Content())
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"questions_tune.json", freshSets[0].file} {
		right, wrong, in, wrongs := channelCard(b, loadEval(t, name), ChannelConfidence)
		t.Logf("%s at %.2f: %d of %d in scope answered, %d wrongly", name, ChannelConfidence, right, in, wrong)
		if wrong > 0 {
			t.Errorf("%s: confident but wrong %d in the channel, want 0: %q", name, wrong, wrongs)
		}
	}
}
