package knowledge

import "testing"

// TestRiskDescribedNotNamed: risk told as what was seen or said, in words
// of its own, gets the safety reply.
func TestRiskDescribedNotNamed(t *testing.T) {
	b := shippedBase(t)
	wantSafetyReply(t, b, []string{
		"client emailed to say thanks for everything, you've been so kind",
		"he said he keeps thinking about how easy it would be to step off the platform",
		"she's sorted out who gets her cat for after she's gone",
		"gentleman said he'll be with his wife again soon, she died in march",
		"patient said he's going out on the moors and not coming back",
		"my client told me she doesn't want to be alive anymore",
		"lad keeps banging his head on the wall when he gets angry",
		"she bites herself when she's upset",
		"girl with burn marks on her forearm said it was an accident",
		"teenager said she's been made to sleep with men for money",
		"he checks where she is and speaks for her at every appointment",
		"ex-boyfriend keeps turning up at her work and sending hundreds of messages",
		"her husband said he'll take the kids away if she tells anyone",
		"someone called my patient from the bank and told her to move her savings to a safe account",
		"builders keep coming back for more money from my elderly client and the work never got done",
		"he said he can't leave the job until he's paid back what he owes his boss for bringing him over",
		"mum said her daughter will have it done when they go back home, like she had it done as a girl",
		"my 16 year old client is being made to marry a man she has never met and refuses",
		"patient keeps saying the council are poisoning him through the taps",
		"new mum thinks the baby has been swapped at the hospital",
		"client has been sharing videos saying certain people should be wiped out",
		"patient walked out saying he'd come back and set fire to the place",
		"stung by a wasp and her face and lips are swelling",
		"he fell off a ladder and banged his head and now he's confused",
		"baby has a high temperature and a rash that doesn't fade",
		"young person hasn't come home for three nights",
		"he's been googling how many tablets would kill him",
		"she's skipping her insulin on purpose",
		"a man was photographing children in the play area by the surgery",
		"farmer mentioned he keeps a shotgun and has been feeling hopeless",
	})
}

// TestRiskAsSubjectOrPast: risk spoken of as a subject to learn or record,
// or as a danger long over, gets no safety reply.
func TestRiskAsSubjectOrPast(t *testing.T) {
	b := shippedBase(t)
	wantNoSafetyReply(t, b, []string{
		"is there any suicide awareness training for coaches",
		"how do we recognise the signs of financial abuse",
		"what does coercive control mean",
		"where are the domestic abuse services we can signpost to",
		"her son died by suicide years ago and she wants to meet other bereaved parents",
		"she left a violent partner years ago, is safe now and wants to get back into work",
		"man with heart failure keeps turning up at a&e, who can coordinate his care",
		"carer at breaking point wants respite info",
		"my client is nervous about her daughter's wedding and wants to feel more confident",
	})
}

// TestRiskSeenOnAVisit: risk told as what a visit, a call or a session
// showed, in other words than the tests above.
func TestRiskSeenOnAVisit(t *testing.T) {
	b := shippedBase(t)
	wantSafetyReply(t, b, []string{
		"she told me she has left a note for her son in the drawer",
		"he asked if anyone would notice if he just went",
		"client said she's done with it all after the tribunal",
		"girl of 13 keeps turning up with new phones and cash and won't say where from",
		"the 8yo in the family I visit keeps coming to school with marks on his legs",
		"mum's new boyfriend is a sex offender and she's let him babysit",
		"80 year old living on his own, not eating and the house is full of rubbish",
		"woman with dementia sitting in soiled clothes and no drink by her",
		"patient with learning disabilities, his new mate takes him to the cash machine every friday",
		"his cousin got him to sign over his flat while he was unwell",
		"the lads at the car wash get paid nothing and someone holds their passports",
		"she said they've taken her documents until the debt is paid",
		"he's been on forums saying a race war is coming and he wants to do something big",
		"he said he knows where she lives now and she'll pay for it",
		"my client's son carries a blade to school",
		"could smell gas when i got to her flat",
		"family running a barbecue indoors to keep warm",
		"grandad with alzheimer's wandered off from the shops and nobody can find him",
		"patient's hands were round her throat, she says, last night",
		"he collapsed after a heart attack in the waiting room",
		"had a heart attack in reception just now",
	})
	wantNoSafetyReply(t, b, []string{
		"is there a walking group for older men",
		"patient not eating well and wants to lose weight, which role",
		"patient has a conviction for drink driving and wants help finding work",
		"man on his own since his wife died wants to meet people",
		"patient recovering from a heart attack wants to be more active",
		"she used to self-harm as a teenager and is well now, do I record it",
		"is there guidance for staff on aggressive callers",
		"had a stroke years ago and wants to get back to swimming",
		"since his heart attack he won't go to the shops on his own, who could help",
		"woman anxious about exercise following a cardiac arrest, coach or link worker",
		"heart attack survivor looking for a support group",
		"nervous about going out post heart attack",
	})
}

// TestRiskInCareAndAtHome: risk in a care home, to someone cared for at
// home, in a crisis of the mind, or said as a plan, in other words than
// the questions it was found from.
func TestRiskInCareAndAtHome(t *testing.T) {
	b := shippedBase(t)
	wantSafetyReply(t, b, []string{
		"he said not to worry, he won't be a bother to anyone for much longer",
		"she's given her cat to her sister and sorted out her will this week",
		"client said she'd rather die than go back to that hospital",
		"he asked if the insurance pays out if it's by his own hand",
		"a boy of 14 keeps going missing overnight and coming back with new clothes",
		"her family are taking her abroad to marry and she isn't allowed to say no",
		"my client's aunt is arranging a ceremony for the girls this summer",
		"he said if she leaves him she'll be killed",
		"patient shouting that he's going to stab the receptionist",
		"husband caring for his wife said he could put a pillow over her face",
		"she's been locking her mum in the bedroom overnight",
		"bad headache, stiff neck and can't bear the light",
		"my patient with dementia went for a walk this morning and hasn't come back",
		"he's not slept for five nights and says god has chosen him",
		"she's sure her body is rotting from the inside and she is dead",
		"he stopped drinking cold turkey and is seeing insects on the ceiling",
		"the care staff are rough with him and he's scared to say anything",
		"residents left in wet pads and crying for water",
		"the manager asked me not to mention the bruises to the GP",
		"they give her tablets to keep her quiet",
		"his carer has been taking money from his wallet",
		"her husband won't take her to the toilet as a punishment",
		"she came in with a split lip and said he didn't mean it",
		"on the phone she whispered he's here I can't talk",
		"the builders have been paid thousands and keep coming back for more",
		"her son won't let the carers in and she is losing weight fast",
	})
	wantNoSafetyReply(t, b, []string{
		"a patient died by suicide last year and we had the review, how do we support staff now",
		"how can a coach support someone who wants to lose weight",
		"my client is a carer who wants a break, who can help",
		"patient keeps missing appointments, who can help her keep track",
	})
}

// TestRiskInMessagesAndVisits: risk in a text, an email or a visit, said
// in other words than the questions it was found from.
func TestRiskInMessagesAndVisits(t *testing.T) {
	b := shippedBase(t)
	wantSafetyReply(t, b, []string{
		"her family are forcing her to get married to a man abroad",
		"he says he has made his decision and feels at peace now",
		"email said please don't contact me again, I'm tired of everything",
		"the boy said he does things to himself when it gets bad",
		"both her wrists bandaged again and she said she fell",
		"lad keeps getting train tickets and cash from someone he won't name",
		"she hoards so much the hallway is blocked and she cooks with candles",
		"text from client: can't talk he's back, don't ring",
		"her carer gets her to sign cheques and she looks frightened of him",
		"he works for the boss in exchange for a room and gets no pay",
		"mum said the girls will have the cut when they visit family",
		"my client can't do it anymore with her son and says she'll walk out and leave him",
		"dad of a disabled boy says he's going to lose it with him",
		"she's been up for days and says god has chosen her",
		"he rang saying he's going to die and can't get his breath",
		"staff lock him in his room at night so he doesn't wander",
		"coercively controlled by her partner for years and still with him",
	})
	wantNoSafetyReply(t, b, []string{
		"a safeguarding case last year was handled by the team, do I need to record anything else",
		"how do I reflect on a safeguarding case in supervision",
		"patient locked out of her flat and needs help with the council",
		"can i talk to a coach about stopping smoking",
	})
}
