package knowledge

import "testing"

// TestRiskInLastGoodbyesAndWatchedDoors: more risk in words unlike those
// the concepts were read from: a last goodbye, an attempt to be finished,
// tablets with someone ready, a photo of her door from an ex, a pension
// card "borrowed", an online partner asking for money, a child in a taxi
// with a man, marriage in the family's country, no word from next door and
// a smell, hands round a neck, and a black eye from sport, which is none.
func TestRiskInLastGoodbyesAndWatchedDoors(t *testing.T) {
	b := shippedBase(t)
	wantSafetyReply(t, b, []string{
		"she rang to say her final goodbyes",
		"he wants to finish what he started before christmas",
		"the pills are in the drawer and he's ready",
		"his ex keeps sending him pictures of his house",
		"the lodger keeps borrowing mr k's bank card",
		"her online boyfriend asked her for money again",
		"a 12 year old is getting picked up in a taxi by a man",
		"her parents are sending her to their country to marry",
		"she's heard nothing from her neighbour in a week and there's a smell",
		"he put his hands around his wife's neck",
	})
	wantNoSafetyReply(t, b, []string{
		"her tablets are helping and she's ready to start the course",
		"she got a black eye from rugby and wants physio",
		"he wants to finish what he started at the allotment",
	})
}
