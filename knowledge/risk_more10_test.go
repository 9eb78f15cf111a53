package knowledge

import "testing"

// TestRiskOfControlAndHarmInOtherWords: a partner's or a family's control
// and harm, money taken or borrowed in someone's name, a child's wedding,
// and a few signs of a body at risk; in words unlike those they were read
// from.
func TestRiskOfControlAndHarmInOtherWords(t *testing.T) {
	b := shippedBase(t)
	wantSafetyReply(t, b, []string{
		"her husband keeps her short of food to punish her",
		"she must give him her bank card every payday",
		"he kicks off if she talks to other men",
		"last month he knocked her out cold",
		"he says if she goes to the police he'll take the children",
		"her nephew comes round when her pension goes in and leaves with most of it",
		"his girlfriend overseas keeps asking him to send money for her visa",
		"someone has taken out loans in her name",
		"his parents have arranged his marriage, he's 16",
		"she says god wants her son back in heaven",
		"pt said he's sick of waking up every day",
		"he put his fist through the bathroom door",
		"the 13 year old gets sexual messages from someone on his game",
		"the father locks them out in the cold when he's drunk",
		"he was promised a job here and now works for nothing",
		"his chest feels like it's in a vice and he's grey",
		"his brother found him in the loft with a belt",
		"she says she's sorry she won't be at group because she'll be gone",
	})
	wantNoSafetyReply(t, b, []string{
		"pt's chest is a bit tight in the cold, any breathe easy groups",
		"the girls' family want a wedding venue for a community party",
		"gent is tired of waking up at 5am, any sleep advice",
		"baby had a fit of giggles at the music group",
		"she's signing her house over to her kids for inheritance tax, who advises",
		"lady wants help putting her affairs in order, any will writing service",
		"he slumped in his chair after a long day lol",
	})
}
