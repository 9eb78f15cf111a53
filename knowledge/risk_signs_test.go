package knowledge

import "testing"

// TestRiskToldBySigns: an overdose of a named medicine, a wish for it all
// to be over, a crash on purpose, an acute illness told by its signs, a
// child with a much older partner or neglected, and control of someone's
// money get the safety reply.
func TestRiskToldBySigns(t *testing.T) {
	b := shippedBase(t)
	wantSafetyReply(t, b, []string{
		"patient just told me she has taken all her antidepressants",
		"had a call from a man who swallowed a packet of painkillers",
		"he keeps saying theres no reason to stay alive",
		"patient drinking heavily and talking about not wanting to wake up",
		"lady keeps saying she wants it all to be over",
		"client has gone quiet and said she's made her peace",
		"chap said he's thinking of driving his car into a wall",
		"pt very breathless and lips going blue",
		"patient severely short of breath at home",
		"patient with diabetes is drowsy and confused and sweating",
		"a 15 year old told me she has an older boyfriend of 25",
		"14 yo girl seeing a man of 30",
		"young carer aged 12 looking after mum alone and missing school",
		"child looks underweight and dirty and is always hungry",
		"woman said she is not allowed to have her own money and her husband decides everything",
	})
}

// TestNoRiskInEverydayHealth: one sign of illness, or a word the signs
// share, in an everyday question is no emergency.
func TestNoRiskInEverydayHealth(t *testing.T) {
	b := shippedBase(t)
	wantNoSafetyReply(t, b, []string{
		"patient with copd gets breathless walking and wants to be more active",
		"patient confused by hospital letters and appointments",
		"what is the blue badge scheme",
		"patient wants to stay active as they get older",
		"how do i help someone stay in their own home",
		"our practice staff are feeling low after the winter",
		"young people's mental health support in gateshead",
		"how do i take my annual leave",
	})
}

// TestRiskOfExploitation: FGM, forced labour, forced marriage and a child
// drawn in by an older person, told without their names.
func TestRiskOfExploitation(t *testing.T) {
	b := shippedBase(t)
	wantSafetyReply(t, b, []string{
		"lady told me she was cut as a child and worried about her daughter being taken abroad for it",
		"mum says her girls will be cut when they visit family back home this summer",
		"I think a man I'm working with is being made to work for no pay and lives at his workplace",
		"client sleeps at the car wash where he works and has to work off a debt to the owner",
		"my patient's 16 year old is being taken abroad to get married",
		"teenager told me an older man gives her gifts and drives her around, feels off",
		"a 14 year old keeps getting lifts from a man who buys her vapes",
		"diabetic patient is confused and shaky and not making sense on the phone",
	})
	wantNoSafetyReply(t, b, []string{
		"do volunteers get their expenses paid",
		"teenager wants help to get more active, which role",
		"patient gets shaky when anxious about appointments, who can help",
		"can i accept a gift from a patient",
		"patient going abroad on holiday and needs their care plan",
	})
}

// TestRiskOfNeglectAndCriminalExploitation: a child drawn into crime by
// older people's gifts and lifts, someone trafficked, and a vulnerable
// adult neglected, told by what was seen.
func TestRiskOfNeglectAndCriminalExploitation(t *testing.T) {
	b := shippedBase(t)
	wantSafetyReply(t, b, []string{
		"young lad I work with has new trainers and phones and older men picking him up from school",
		"schoolboy suddenly has loads of cash and older lads waiting for him outside",
		"patient told me she's been trafficked and works for no pay",
		"home visit - house filthy, no food, elderly woman bedbound alone, carer not been for days",
		"vulnerable man living alone with no heating and hasnt eaten properly for days",
	})
	wantNoSafetyReply(t, b, []string{
		"elderly woman lives alone and would like to get out more, who can help",
		"young lad wants to get back into school, which role",
	})
}

// wantSafetyReply fails t for each question that gets no safety reply.
func wantSafetyReply(t *testing.T, b *Base, qs []string) {
	t.Helper()
	for _, q := range qs {
		if a := b.Answer(q, Asker{}); !a.Safety {
			t.Errorf("%q: no safety reply", q)
		}
	}
}

// wantNoSafetyReply fails t for each question that gets the safety reply.
func wantNoSafetyReply(t *testing.T, b *Base, qs []string) {
	t.Helper()
	for _, q := range qs {
		if a := b.Answer(q, Asker{}); a.Safety {
			t.Errorf("%q: the safety reply, want none", q)
		}
	}
}
