package knowledge

import "testing"

// TestRiskToldInShorthand: risk in a worker's shorthand or a note, in
// words unlike those the concepts were read from.
func TestRiskToldInShorthand(t *testing.T) {
	b := shippedBase(t)
	wantSafetyReply(t, b, []string{
		"he's got a stash and a date in mind",
		"her deputy hasn't given her any money for food this month",
		"he was sitting on the open window of his top floor flat",
		"she says she was sold to a family here as a maid",
		"the boss has him hand over all his money every friday",
		"she thinks someone put something in her drink last night",
		"the night carer left her in wet sheets till morning",
		"he has to ask his son before he can spend his own money",
		"she keeps giving cash to a man at her door, she has dementia",
		"a caller saying he was the police got her to pay with gift cards",
		"lads are making a man with learning disabilities steal for them",
		"she's on chemo and has a temperature and the shivers",
		"her sugar is 2 and she's drowsy, she's diabetic",
		"her little boy is wheezing and can't talk",
		"she said next time she'll do it properly",
		"he spoke about throwing himself from the car park",
		"their uncle is on the sex offenders register and babysits them",
		"the 9 year old hasn't been to school since easter",
		"the baby isn't responding and is pale",
		"they are taking her to egypt this summer for the cut",
		"she's gone yellow and is very confused",
	})
	wantNoSafetyReply(t, b, []string{
		"cyp bruises easily, any sports for her",
		"my son is scared of the dark, any groups",
		"she can't leave the house without her frame, any transport",
		"sorry i can't take any more referrals this week",
		"pt needs a yellow fever jab before travel",
		"he spent all his money on a holiday and wants budgeting help",
	})
}
