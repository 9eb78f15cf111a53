package knowledge

import "testing"

// TestRiskSaidPlainlyInOtherWords: risk in plain words unlike those the
// concepts were read from, and everyday sayings that share its words.
func TestRiskSaidPlainlyInOtherWords(t *testing.T) {
	b := shippedBase(t)
	wantSafetyReply(t, b, []string{
		"his text said so sorry, love you mum",
		"she thinks everyone would cope better if she just wasn't here",
		"he's cutting again, worse than before",
		"she scratched her face on purpose till it bled",
		"she's frightened they'll find out where she's moved to",
		"he kicked the wall right next to her",
		"her home help keeps the change every week",
		"a caller asked for her bank details and she gave them",
		"she's been taken between hotels for sex",
		"her ex texted her that she's dead meat",
		"someone keeps following my client home",
		"he smashes things when he's angry with her",
		"the 3 kids are alone in the flat until midnight",
		"the baby isn't being looked after properly",
		"the 12 year old goes to a man's flat at weekends",
		"the old lady was found lost outside in her nightdress",
		"he's 90 and has been sick all night",
		"she's lent a man she met on tinder five grand",
	})
	wantNoSafetyReply(t, b, []string{
		"he's on the edge of his seat waiting for the results",
		"she's been hitting the gym three times a week",
		"her grandson beats her at chess every sunday",
		"her boyfriend was shouting at the telly all night",
		"her husband threatened to cancel their trip",
		"is there a leaflet on dating safety tips for older people",
		"the council keeps cutting services again",
	})
}
