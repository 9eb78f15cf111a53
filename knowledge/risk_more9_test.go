package knowledge

import "testing"

// TestRiskOfTheCommonKindsInMoreWords: no sign of life at a home, a carer
// walking out, a pension drawn out by a "friend", money lent until none is
// left, deeds, love and sorrow in a message, unused tablets kept, a child
// promised in marriage, work unpaid for a year, a diabetic who seems drunk,
// and a fall to a room's floor; in words unlike those they were read from.
func TestRiskOfTheCommonKindsInMoreWords(t *testing.T) {
	b := shippedBase(t)
	wantSafetyReply(t, b, []string{
		"mrs j's post hasn't been picked up for a week",
		"his phone has been dead since saturday and he lives alone",
		"we can't reach him and he's missed his depot twice",
		"her daughter said she'd walk out on her if she wets herself again",
		"she'll leave her dad outside the hospital tonight",
		"her pal from bingo has been drawing out her pension for her",
		"she keeps lending her lodger money and now has nothing left",
		"his neighbour talked him into adding her name to the deeds",
		"her voicemail said sorry and that she loved us all",
		"she has a drawer full of the tablets she never took",
		"she was promised to a man from her village when she was 12",
		"she hasn't been paid in months and lives in with the family",
		"he's diabetic and seems drunk but doesn't drink",
		"she was on the kitchen floor when i arrived",
		"her gran can't afford to heat the bungalow and is shivering",
		"they make him carry bags to other towns",
		"some men have taken over his flat",
	})
	wantNoSafetyReply(t, b, []string{
		"the printer on the 2nd floor is broken again",
		"she's at the end of her tether with the council",
		"he won't be back until monday",
		"she walked out of the meeting early",
		"my mate lent me a book on coaching",
		"pt lives on the 5th floor and wants a lift to clinic",
	})
}
