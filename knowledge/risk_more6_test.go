package knowledge

import "testing"

// TestRiskToldInPassing: risk typed in a hurry, in words unlike those the
// concepts were read from: a count of tablets, a bridge, a flight to be
// married, a child's sex with an adult, a bed offered for carrying, a
// person held down, a bottle and a packet, pictures shared, a carer not
// come, fear of what someone will do, and signs of a body failing.
func TestRiskToldInPassing(t *testing.T) {
	b := shippedBase(t)
	wantSafetyReply(t, b, []string{
		"pt says she swallowed 25 co-codamol an hour ago",
		"client just texted that she's on the roof of her flats",
		"her parents have booked her to fly out and marry in june",
		"the 13 year old has been having sex with her 19 year old cousin",
		"someone has offered him somewhere to stay if he sells for them",
		"her son holds her down and takes her purse",
		"he's sitting in his car with a bottle of gin and his tablets",
		"her husband posts pictures of her online without her consent",
		"the carers haven't turned up since friday and he can't stand",
		"she's terrified of what she might do to herself",
		"people are cooking drugs in my client's flat",
		"she hasn't had water since yesterday and is very weak",
		"he's burning up and talking nonsense",
		"his arm is numb and he's sweating",
		"she said she'd be better if she wasn't here",
		"he's planning to drive into oncoming traffic",
		"his mum begged him to put her out of her misery",
		"she took them all, she said on the phone",
	})
	wantNoSafetyReply(t, b, []string{
		"pt has been self harm free for six months",
		"client is threatening to complain about the surgery",
		"client works on the bridge repairs and wants a stop smoking group",
		"is it ok for a client to drink wine with her tablets",
		"pt takes 2 paracetamol for her back, any pain groups",
		"the 15 year old wants a sexual health clinic",
		"client's son is flying out to marry his fiancee and she wants to go",
	})
}
