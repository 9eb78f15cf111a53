package knowledge

import "testing"

// TestRiskToldBySigns: an overdose of a named medicine, a wish for it all
// to be over, a crash on purpose, an acute illness told by its signs, a
// child with a much older partner or neglected, and control of someone's
// money get the safety reply.
func TestRiskToldBySigns(t *testing.T) {
	b := shippedBase(t)
	for _, q := range []string{
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
	} {
		if a := b.Answer(q, Asker{}); !a.Safety {
			t.Errorf("%q: no safety reply", q)
		}
	}
}

// TestNoRiskInEverydayHealth: one sign of illness, or a word the signs
// share, in an everyday question is no emergency.
func TestNoRiskInEverydayHealth(t *testing.T) {
	b := shippedBase(t)
	for _, q := range []string{
		"patient with copd gets breathless walking and wants to be more active",
		"patient confused by hospital letters and appointments",
		"what is the blue badge scheme",
		"patient wants to stay active as they get older",
		"how do i help someone stay in their own home",
		"our practice staff are feeling low after the winter",
		"young people's mental health support in gateshead",
		"how do i take my annual leave",
	} {
		if a := b.Answer(q, Asker{}); a.Safety {
			t.Errorf("%q: the safety reply, want none", q)
		}
	}
}
