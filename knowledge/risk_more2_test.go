package knowledge

import "testing"

// TestRiskToldQuietly: threats to a named person, cries for help passed
// quietly, cruelty to a disabled partner, scams, honour, a baby or a
// pregnancy in danger and sleeping out in the cold, in other words than
// the questions they were found from.
func TestRiskToldQuietly(t *testing.T) {
	b := shippedBase(t)
	for _, q := range []string{
		"he says he is going to batter his landlord tonight",
		"she's left cards for each of the grandchildren for afterwards",
		"client keeps punching walls and his hands are a mess",
		"her 16 year old goes country most weekends",
		"dad admitted he shakes the baby to make her stop",
		"the chemist says he hasn't collected his insulin in a month",
		"I couldn't wake mum properly and the toddler was alone in the kitchen",
		"she whispered she can't talk and hung up on me",
		"he takes her walking frame out of reach when she annoys him",
		"a woman passed me a note saying help me at the pharmacy",
		"another black eye, says she walked into a door",
		"my client met a man on a dating app and has sent him her savings",
		"since her nephew moved in, her dementia has got worse and her pension has gone",
		"she's waiting for a courier to collect cash the bank told her to take out",
		"the girls at the car wash never go out without the boss",
		"her family want the same done to her daughter as was done to her as a girl, the cut",
		"his uncles said the family's honour means they'll deal with her",
		"lad says a man pays him to send pictures",
		"pregnant, bad headache and blurred vision since this morning",
		"she's 30 weeks pregnant and the baby hasn't moved today",
		"a 15 year old is pregnant and her stepdad is the father",
		"man sleeping rough in the park and it's going to be freezing tonight",
		"baby won't feed and has had no wet nappy since last night",
		"found him barely responsive with empty bottles around him",
	} {
		if a := b.Answer(q, Asker{}); !a.Safety {
			t.Errorf("%q: no safety reply", q)
		}
	}
	for _, q := range []string{
		"pregnant client wants to stop smoking, who can help",
		"patient wants to get back to the shooting club after his knee operation",
		"where can someone sleeping rough get help with housing",
		"my client met a friend online and wants to join a walking group with her",
	} {
		if a := b.Answer(q, Asker{}); a.Safety {
			t.Errorf("%q: the safety reply, want none", q)
		}
	}
}
