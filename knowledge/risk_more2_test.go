package knowledge

import "testing"

// TestRiskToldQuietly: threats to a named person, cries for help passed
// quietly, cruelty to a disabled partner, scams, honour, a baby or a
// pregnancy in danger and sleeping out in the cold, in other words than
// the questions they were found from.
func TestRiskToldQuietly(t *testing.T) {
	b := shippedBase(t)
	wantSafetyReply(t, b, []string{
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
	})
	wantNoSafetyReply(t, b, []string{
		"pregnant client wants to stop smoking, who can help",
		"patient wants to get back to the shooting club after his knee operation",
		"where can someone sleeping rough get help with housing",
		"my client met a friend online and wants to join a walking group with her",
	})
}

// TestRiskSeenInFamilies: risk in a family, a relationship or a home, in
// other words than the questions it was found from.
func TestRiskSeenInFamilies(t *testing.T) {
	b := shippedBase(t)
	wantSafetyReply(t, b, []string{
		"her daughter hides razors in her room",
		"since mum's boyfriend moved in the little one won't go near him and has started wetting the bed",
		"11 year old says he carries parcels for older lads for money",
		"13 yo says her boyfriend is 22",
		"small round burn on the child's arm, mum said it was a cigarette by accident",
		"neighbour says there's a smell and she hasn't opened her door in days",
		"he won't take his tablets and keeps saying what's the point",
		"her husband won't give her the wheelchair unless she does what he says",
		"he sent her a photo of her house and keeps turning up outside",
		"he says no one else would have her and she's scared of him",
		"older man keeps getting letters saying he's won a prize and is sending cheques",
		"people are using his bank card and the flat is full of strangers",
		"workers on the farm aren't paid, they arent paid at all and the boss has their ids",
		"he's being told online to prepare for a war",
		"blood sugar reading says LO and he's confused",
		"the carer has been taking notes out of her purse",
		"they film him doing stupid things and make him give them his money",
		"the caretaker takes her into the back room at the club",
		"man in the doorway of the chemist, it's snowing and he's barely moving, not moving much",
		"the pastor told her she'll be punished if she stops giving him money",
		"she said if he finds out she's been here he'll go mad",
	})
	wantNoSafetyReply(t, b, []string{
		"what is a welfare check and who does it",
		"whats the point of supervision if my supervisor is never free",
		"the concern I raised last month has been closed, can I carry on seeing the family",
		"she used to self harm years ago and is doing well, can she volunteer",
	})
}

// TestRiskLastRound: set 21's kinds of risk, in other words than its own.
func TestRiskLastRound(t *testing.T) {
	b := shippedBase(t)
	wantSafetyReply(t, b, []string{
		"man with dementia was found walking on the hard shoulder",
		"she's been looking up how high the bridge over the river is",
		"he hasn't washed in weeks, the flat has rats everywhere and he refuses any help",
		"scammers keep calling my client and they want more today",
		"she can't leave till the debt to the man who brought her here is paid",
		"she's only 15 and her parents are taking her abroad to meet a husband",
		"he was shouting he'd come back and shoot the receptionist",
		"her husband says he's about to snap and he has all her tablets",
		"newborn breathing fast and not feeding since this morning",
		"the lady in the group can't lift her arm all of a sudden",
		"staff leave him in bed all day and his sores smell, sores that smell",
		"a man asleep in the park with no coat and it's freezing",
		"her dad with dementia keeps leaving the gas on",
		"loan sharks told him they'd break his legs",
		"she said she knows which train doesnt stop at her station, which one doesnt stop",
	})
	wantNoSafetyReply(t, b, []string{
		"a knife-making class for men's mental health, can I refer to it",
		"what should a good safeguarding referral include",
		"what is the usual process when a patient discloses abuse",
		"we lost a patient to suicide last year and had a debrief, any resources for the team",
		"a referral I made last month has been resolved, should I tell my supervisor",
	})
}

// TestRiskSet22Kinds: set 22's kinds of risk, in other words than its own.
func TestRiskSet22Kinds(t *testing.T) {
	b := shippedBase(t)
	wantSafetyReply(t, b, []string{
		"she rang and thanked me for everything, said it was the last time she would call",
		"her husband answers every call for her and sits in on all her appointments",
		"new mum said the baby would be better off with someone else",
		"someone claiming to be from the bank got him to move money, he transferred his savings",
		"he says he's ready to do something for the cause",
		"he's written letters to his children and sorted out his will",
		"text at midnight saying goodbye and sorry for everything",
		"she keeps talking about jumping from the multistorey",
		"family sleeping in their car with a baby in the middle of winter",
		"he hasn't been able to get up from the floor since yesterday",
		"there's a gas smell in her flat and no smoke alarm",
		"he's stopped his antipsychotic and says he is the messiah",
		"dad caring for his son says he's at breaking point and doesn't know what he'll do",
		"young carer aged 10 doing everything for her mum, she's exhausted",
		"a psychic has been taking her pension, says she'll be cursed",
		"her son hides her inhaler when he's angry, he takes her inhaler",
	})
	wantNoSafetyReply(t, b, []string{
		"a man on my list slept rough last winter but has been housed and is settled, what follow-up is normal",
		"young carers support in gateshead",
		"what terrorism awareness training is there for staff",
	})
}

// TestRiskSet23Kinds: set 23's kinds of risk, in other words than its own.
func TestRiskSet23Kinds(t *testing.T) {
	b := shippedBase(t)
	wantSafetyReply(t, b, []string{
		"he's given his cat to a neighbour and says he won't be needing anything",
		"his partner locks him out overnight when she's been drinking",
		"her uncles will punish her if they find out she has a boyfriend",
		"the baby's room is covered in mould and he keeps getting chest infections",
	})
}

// TestRiskSet24Kinds: set 24's kinds of risk, in other words than its own.
func TestRiskSet24Kinds(t *testing.T) {
	b := shippedBase(t)
	wantSafetyReply(t, b, []string{
		"lads keep storing drugs at his place and he cant say no to them",
		"he says he'll get her when he finds her",
		"she said she wants to make the baby stop crying forever",
		"client messaged please help and then went silent",
		"he's been going to the railway bridge at night",
		"her parents are marrying her off in the summer",
		"the little boy hasn't been brought to his appointments and is losing weight",
	})
	wantNoSafetyReply(t, b, []string{
		"how to talk to a patient about suicide - training",
		"is there a course on how to talk to people about self-harm",
	})
}

// A person who says there is no risk is taken at their word; any other
// sign of risk in what they say still gets the safety reply.
func TestRiskDeniedIsNoSign(t *testing.T) {
	b := shippedBase(t)
	wantNoSafetyReply(t, b, []string{
		"older lady, lonely since her husband died, no risk, could a link worker help",
		"patient with low mood but not at risk, which of the roles would suit him",
		"no safeguarding concerns, just a man who wants to get out more - who do I refer to",
		"young woman, anxious about her diabetes, no current risk, coach or care coordinator?",
	})
	wantSafetyReply(t, b, []string{
		"he says he's not at risk but told me he has been saving up his tablets to take them all",
		"no safeguarding concerns before but today she said her partner hits her",
		"not at risk last week, now he says he wants to end his life",
	})
}

// The signs of a risk asked about in people in general are a subject;
// signs seen in someone in particular are a risk.
func TestRiskSignsInGeneral(t *testing.T) {
	b := shippedBase(t)
	wantNoSafetyReply(t, b, []string{
		"what signs of neglect should we watch for in elderly patients",
		"red flags of coercive control in clients, what are they",
		"signs of cuckooing to be aware of in vulnerable adults",
	})
	wantSafetyReply(t, b, []string{
		"seeing signs of financial abuse in her, her son takes her pension",
		"signs of neglect in this patient, she has lost weight and the house is filthy",
		"red flags that he is being cuckooed, strangers staying at his flat",
	})
}

// TestRiskOwnMedicineAndStaffSafety: someone not taking their own
// medicine, and staff's own safety on visits, are no one's risk now; a
// medicine kept from someone is.
func TestRiskOwnMedicineAndStaffSafety(t *testing.T) {
	b := shippedBase(t)
	wantNoSafetyReply(t, b, []string{
		"patient keeps forgetting to take her tablets, would a care coordinator help",
		"he's stopped taking his inhaler and won't come to appointments, which role",
		"man not using his inhaler properly and avoiding the gp",
		"safety advice for staff on home visits",
		"visiting safety guidance for link workers",
	})
	wantSafetyReply(t, b, []string{
		"she's not taking her tablets because he hides them",
		"her partner keeps taking her meds",
		"he takes her insulin off her when she upsets him",
	})
}
