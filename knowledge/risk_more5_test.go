package knowledge

import "testing"

// TestRiskInTheLastThingsSaid: a last message, a note found, a rope or a
// running engine, letters left in case, tablets put by for when she is
// ready, and a person who thinks the world better without them.
func TestRiskInTheLastThingsSaid(t *testing.T) {
	b := shippedBase(t)
	wantSafetyReply(t, b, []string{
		"she said she'll be gone by tomorrow",
		"he keeps calling himself a waste of space",
		"pt says she won't see another christmas",
		"she said this is goodbye",
		"she says there's nothing to get up for any more",
		"he thinks his family would have a better life without him",
		"her husband found a note in her handbag",
		"he's been googling ropes and knots",
		"she's been sitting in the garage with the engine running",
		"he has written to his children in case anything happens",
		"she has a box of paracetamol hidden in her wardrobe",
		"she keeps a bag of pills under the mattress",
	})
	wantNoSafetyReply(t, b, []string{
		"client wrote a note to thank her carers",
		"a rope swing in the park is broken, who do i tell",
		"pt wants to be gone by 5 so she can pick up her kids",
		"this is goodbye from me, i'm leaving the pcn on friday",
		"she is learning the ropes as a new volunteer",
	})
}

// TestRiskFromCallsThreatsAndDebts: a caller who says an account is at
// risk, an ex who knows where she lives, a child in debt to a dealer,
// a partner who must always know where she is, and things sold at the
// door to someone with dementia.
func TestRiskFromCallsThreatsAndDebts(t *testing.T) {
	b := shippedBase(t)
	wantSafetyReply(t, b, []string{
		"a man rang her saying her account has been compromised",
		"someone from 'the bank' told him to move his money today",
		"her ex is out next month and knows where she lives",
		"the 15 year old owes a dealer two hundred quid",
		"he's been doing runs to another town for some lads",
		"he messages her constantly demanding to know where she is",
		"men keep coming to her door selling her things she didn't need, she has dementia",
	})
	wantNoSafetyReply(t, b, []string{
		"client wants to move her money to a new bank",
		"pt is selling her car and wants advice",
	})
}

// TestRiskOfCareWithheldOrAFallLeft: food or tablets no longer brought, a
// fall left for hours, the dead heard calling, someone else's tablets
// taken, a toddler who will not drink.
func TestRiskOfCareWithheldOrAFallLeft(t *testing.T) {
	b := shippedBase(t)
	wantSafetyReply(t, b, []string{
		"her son has stopped bringing her food and she can't get out",
		"he fell in the hallway and has been there since last night",
		"the lady fell on the path and lay there overnight",
		"he hears his dead brother saying he should join him",
		"he's drowsy after taking his wife's tablets",
		"the toddler has had diarrhoea all day and won't drink",
	})
	wantNoSafetyReply(t, b, []string{
		"gp has stopped giving her the tablets and she wants a review",
		"she fell last year and wants a balance class",
		"he's very sleepy during the day and wants a sleep clinic referral",
	})
}

// TestRiskToAChildToldByAge: a child named by "her son is 13" with older
// men, shown what no child should see, or told she will be cut.
func TestRiskToAChildToldByAge(t *testing.T) {
	b := shippedBase(t)
	wantSafetyReply(t, b, []string{
		"her son is 13 and has been hanging around with older men",
		"a 10 year old says his uncle showed him rude videos",
		"she's been told she'll get cut when they go to see her nan",
	})
	wantNoSafetyReply(t, b, []string{
		"her son is 14 stone and wants a weight group",
		"her daughter is 15 and wants to join a choir",
	})
}
