package knowledge

import "testing"

// TestRiskOfSomeoneNamed: risk told of someone by first name, whose age
// comes after the name and whose words are reported, in wordings unlike
// those the concepts were read from.
func TestRiskOfSomeoneNamed(t *testing.T) {
	b := shippedBase(t)
	wantSafetyReply(t, b, []string{
		"amy, 13, has a mark on her cheek and won't say who did it",
		"leo is 14 and his 'girlfriend' is 26",
		"tina's in-laws beat her if she goes out",
		"her grandson is pawning her jewellery and she has no money for food",
		"his carer hasn't been for two days and he can't get to the toilet",
		"mel texted 'bye forever' at 2am",
		"he fell in the bath and can't get out",
		"jade keeps staring at the tracks late at night",
		"her aunt will cut her when they visit somalia",
		"she is sleeping with men for somewhere to stay",
	})
	wantNoSafetyReply(t, b, []string{
		"room 14 has a broken heater",
		"linda's son is selling her old car",
		"zara wants her hair cut before the wedding",
		"her in-laws are visiting for christmas",
	})
}
