package knowledge

import "testing"

// TestWhoEmploysTheRoles: who may employ the ARRS roles (a VCSE, a
// charity, the PCN or the practice) is the ARRS article's question, which
// says they may be hosted by another organisation; who answers to the CQC
// for them is still the CQC article's, and a patient's own job is no such
// question.
func TestWhoEmploysTheRoles(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"can our link worker be employed by a charity rather than the PCN":         "arrs",
		"are ARRS staff ever employed by a voluntary organisation":                 "arrs",
		"could our care coordinators be hosted by a voluntary sector organisation": "arrs",
		"must a link worker be employed directly by the practice":                  "arrs",
		"who is accountable to CQC for a coach employed by a charity":              "cqc-arrs",
	})
	wantUnsure(t, Asker{},
		"my client wants to be employed by a charity, can a link worker help",
	)
}

// TestSocialPrescribingNetworkInLondon: a London "social prescribing
// network" or "link worker network" is London's peer support.
func TestSocialPrescribingNetworkInLondon(t *testing.T) {
	wantAnswers(t, Asker{Locality: "london"}, map[string]string{
		"is there a London social prescribing network I can join": "resource-london-peer-support",
		"social prescribing networks in london?":                  "resource-london-peer-support",
		"any link worker network in london":                       "resource-london-peer-support",
	})
}
