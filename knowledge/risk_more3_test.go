package knowledge

import "testing"

// The tests below hold risk told as staff would type it, in words unlike
// those the concepts were read from: each is a concept, not a phrase.

// TestRiskOfLastWordsAndPlans: a plan with a date, a wish to jump, a way of
// dying asked about, a last visit, a burden soon lifted, tablets laid out,
// and a goodbye in other words.
func TestRiskOfLastWordsAndPlans(t *testing.T) {
	b := shippedBase(t)
	wantSafetyReply(t, b, []string{
		"he told me he has a plan and knows when he'll do it",
		"client keeps saying she wants to jump",
		"pt wanted to know the quickest way to die",
		"he has been checking which express trains don't stop at our station",
		"she wanted to see her grandkids one last time before the weekend",
		"he said you won't have to worry about him for much longer",
		"he's written notes to all his family and sealed them",
		"her pills are lined up on the kitchen side",
		"he's been drinking vodka with his tramadol all afternoon",
		"pt says he won't be alive by the weekend",
		"client texted saying sorry, it's not your fault",
		"he said he won't need his flat after friday",
		"she wants to be with her mum who died",
		"this is the last time you'll hear from me, his text said",
		"she is done with living, she said",
		"she said nobody would notice she'd gone",
	})
	wantNoSafetyReply(t, b, []string{
		"can you jump on a call later about the referral",
		"what's the quickest way to the hospital from the surgery",
		"train times to the hospital for a client",
		"one last time, can you send me the form",
		"this is the last time i'll chase the referral",
		"client wants to be with her mum at christmas",
	})
}

// TestRiskToOwnBody: harm done to one's own body, and things swallowed or
// tied that should not be.
func TestRiskToOwnBody(t *testing.T) {
	b := shippedBase(t)
	wantSafetyReply(t, b, []string{
		"she's been cutting her stomach",
		"he keeps punching his face when he's angry",
		"he has been burning his hands on the hob",
		"pt has been drinking bleach",
		"he swallowed some magnets",
		"she tied a cable to the banister last night",
	})
	wantNoSafetyReply(t, b, []string{
		"she burnt her hand cooking last week",
		"pt is cutting his hair short for the summer",
		"client needs bleach for cleaning the flat",
	})
}

// TestRiskFromAPartnerSaidPlainly: a partner's blows, watch and control
// told without the words "abuse" or "violence".
func TestRiskFromAPartnerSaidPlainly(t *testing.T) {
	b := shippedBase(t)
	wantSafetyReply(t, b, []string{
		"he throttled her when she tried to leave",
		"her husband never lets me talk to her on her own",
		"she fled this morning with the children",
		"her boyfriend has put a tracker on her car",
		"she is never allowed out without him",
		"his wife headbutts him when she's angry",
		"her partner makes her ask before she spends anything",
		"he gives her an allowance and she has to show him the receipts",
		"she's hiding at a friend's because he's been drinking",
		"he hurts her when he's had a drink",
		"her ex has found her new flat and keeps turning up",
	})
	wantNoSafetyReply(t, b, []string{
		"we've grabbed a room for the team meeting",
		"i hit my target this month",
		"her husband watches the football every night",
		"can you kick off the meeting",
		"she left him last year and is doing well",
	})
}

// TestRiskOfMoneyTaken: money or a home taken by a new friend, a caller, a
// carer, a salesman or dealers.
func TestRiskOfMoneyTaken(t *testing.T) {
	b := shippedBase(t)
	wantSafetyReply(t, b, []string{
		"her new lodger does her banking for her now and she has no cash",
		"an elderly man signed his flat over to his carer",
		"lady with dementia keeps getting phone calls from a company and has paid them again",
		"her neighbour has emptied her savings account, she's 87",
		"dealers have moved into his flat and he's frightened",
		"an 80 year old was told she's a lottery winner and must send a release fee",
		"her grandson pressured her into signing over the house",
		"a salesman on the doorstep got my client with dementia to pay for a new driveway",
	})
	wantNoSafetyReply(t, b, []string{
		"client wants help opening a bank account with her daughter",
		"pt's son helps her with online banking",
		"lady wants to sign up to the lunch club",
		"client won a prize at the bingo",
	})
}

// TestRiskToChildrenSentOrLeft: a child sent away, run off, with an adult
// partner, hurt with no explanation, or left with no one.
func TestRiskToChildrenSentOrLeft(t *testing.T) {
	b := shippedBase(t)
	wantSafetyReply(t, b, []string{
		"a 14 year old keeps being sent to other cities and comes back with cash",
		"the 12 year old ran away again and was found at a man's house",
		"toddler has a swollen hand and mum can't explain it",
		"13 year old girl has a boyfriend who is in his twenties",
		"the kids were home while mum was too drunk to look after them",
		"an 8 year old was left looking after her baby sister overnight",
		"7 year old says she doesn't like it when her uncle baths her",
		"the baby has a burn on his foot and is only 3 months",
		"the 15yo has been reported missing twice this month",
		"toddler was left in the flat while mum went to the shop",
	})
	wantNoSafetyReply(t, b, []string{
		"13 year old wants to join a youth club",
		"the 15 year old ran a 5k with her mum",
		"my child can't explain his feelings, any courses",
	})
}

// TestRiskOfWorkOrSexForced: someone living where they work unpaid, made
// to see men, their papers held, sold, or cut abroad.
func TestRiskOfWorkOrSexForced(t *testing.T) {
	b := shippedBase(t)
	wantSafetyReply(t, b, []string{
		"man at the takeaway lives above it and never gets paid",
		"she has to see clients at a hotel and hand over all the cash",
		"the employer is holding their documents and they work 14 hours",
		"the lads at the car wash live on site",
		"since her trip back home she says it stings to pee and she's scared",
		"she was sold for sex by her cousin",
	})
	wantNoSafetyReply(t, b, []string{
		"client lives above a shop and wants a quieter flat",
		"pt works at a car wash and wants a better job",
		"client's holiday was great and she wants to keep walking",
	})
}

// TestRiskOfAFrailPersonAtHome: a cold home, someone found lying down or
// not out for days, sat in one place, lost in the cold, or near a fire.
func TestRiskOfAFrailPersonAtHome(t *testing.T) {
	b := shippedBase(t)
	wantSafetyReply(t, b, []string{
		"she's 91 and her boiler broke on monday, the house is freezing",
		"he was found lying on the landing floor this morning",
		"mr p hasn't been out for a week and his milk is still on the step",
		"he's been sitting in the same clothes for days and smells of urine",
		"elderly gentleman got lost in the rain last night in just his slippers",
		"the gas heater is surrounded by piles of newspapers",
	})
	wantNoSafetyReply(t, b, []string{
		"older man wants a walking group even in the rain",
		"our office heating is broken and it's freezing",
		"she lives on the ground floor and wants a garden",
		"client hasn't been out much since covid and wants a choir",
	})
}

// TestRiskOfAcuteIllnessDescribed: sepsis, meningitis, anaphylaxis, a
// stroke, dehydration and breathing trouble told by their signs.
func TestRiskOfAcuteIllnessDescribed(t *testing.T) {
	b := shippedBase(t)
	wantSafetyReply(t, b, []string{
		"child has a purple rash on his legs",
		"he can't keep anything down and is dizzy",
		"her leg is hot, red and swollen around the wound",
		"lips are tingling and her throat feels tight after the peanut",
		"her toe has gone black and is oozing",
		"he's confused and his heart is pounding after taking some tablets",
		"he suddenly can't hold a pen and his speech is odd",
		"her hands are purple and icy",
		"she's struggling for breath and can't finish a sentence",
		"his inhaler isn't working and he's wheezing",
	})
	wantNoSafetyReply(t, b, []string{
		"her baby has a nappy rash, any baby groups",
		"pt wants a heart rate monitor for her running",
		"he gets dizzy sometimes and wants a tai chi class",
	})
}

// TestRiskDrivenByABelief: a belief of a psychosis with the harm it may
// drive, and a mania without sleep.
func TestRiskDrivenByABelief(t *testing.T) {
	b := shippedBase(t)
	wantSafetyReply(t, b, []string{
		"he thinks mi5 have bugged his flat and keeps a bat by the door",
		"she believes the devil is inside her son and wants to cut it out",
		"the telly tells him his wife must die",
		"he's refusing his depot injection and thinks he's being followed",
		"she's been up all night for a week and has spent all her savings",
		"he's sure his brother is an impostor and wants to get rid of him",
	})
	wantNoSafetyReply(t, b, []string{
		"client's faith in god helps her, any church groups",
		"she believes she can get back to work",
		"he's been up all night with the baby, any sleep tips",
	})
}

// TestRiskOfACarerAtBreakingPoint: a carer about to walk out, or hurting
// the person they care for.
func TestRiskOfACarerAtBreakingPoint(t *testing.T) {
	b := shippedBase(t)
	wantSafetyReply(t, b, []string{
		"her daughter, who cares for her, says she's walking out on her tonight",
		"the carer says she'll drop him at the hospital door and go",
		"the home help thumps him if he's slow to get up",
		"he pinches her when she won't eat",
		"carer says her husband with dementia has been left to fend for himself",
	})
	wantNoSafetyReply(t, b, []string{
		"carer wants to leave her job to care full time",
		"carer needs a break, respite options",
	})
}

// TestNoSafetyReplyToRiskWordsInPassing: a risk word in an idiom, a loss
// spoken of as a loss, an attack long over, kinds compared, and safety
// of a visit or a thing.
func TestNoSafetyReplyToRiskWordsInPassing(t *testing.T) {
	b := shippedBase(t)
	wantNoSafetyReply(t, b, []string{
		"just killing time between clinics, any reading on social prescribing",
		"this new rota is killing me",
		"hit me up with the network dates",
		"a group for people bereaved by suicide",
		"she had a panic attack last month and wants to learn breathing exercises",
		"he can't drive for a year after his seizure",
		"what's the difference between safeguarding adults and children",
		"fire service home safety visit for an elderly client",
		"pt wants to volunteer for a knife crime charity",
		"client wants to join a gun club",
		"where is the chest pain pathway documented",
		"lady wants a course on online banking safety",
	})
}
