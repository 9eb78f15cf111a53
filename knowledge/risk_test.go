package knowledge

import "testing"

// TestRiskSaidIndirectly: risk is recognised as people say it, without the
// words "suicide" or "abuse".
func TestRiskSaidIndirectly(t *testing.T) {
	b := shippedBase(t)
	for _, q := range []string{
		"my client said she doesnt see the point in going on anymore",
		"child mentioned being hit at home during a home visit",
		"worried a patient's partner is controlling her and checking her phone",
		"my patient said if things dont get better he'll do something stupid",
		"i'm not coping and have thought about hurting myself",
		"patient says life isn't worth living",
		"she told me everyone would be better off without her",
		"he said he can't take it anymore",
		"lady on my caseload has bruises on her arms",
		"patient is scared of her husband",
		"her boyfriend takes her money and she's not allowed out",
		"young person said their stepdad touched them",
		"a man in the waiting room has collapsed",
		"patient has chest pains",
		"elderly man's son keeps his bank card and won't let him see friends",
		"client mentioned cutting herself",
		"patient said he wants to go to sleep and not wake up",
		"what do i do if a patient discloses domestic abuse",
		"safeguarding adults",
	} {
		if a := b.Answer(q, Asker{}); !a.Safety {
			t.Errorf("%q: no safety reply", q)
		}
	}
}

// TestRiskAsASubject: a question about safeguarding or safety training,
// policy or leads tells of no one at risk: no safety reply, and no guess.
// Ordinary questions get no safety reply either.
func TestRiskAsASubject(t *testing.T) {
	b := shippedBase(t)
	for _, q := range []string{
		"mandatory training fire safety where",
		"safeguarding training dates",
		"who is the safeguarding lead",
		"health and safety policy",
		"level 3 safeguarding course",
	} {
		if a := b.Answer(q, Asker{Role: "splw"}); a.Safety || a.Confident() {
			t.Errorf("%q: safety %v, confident %v; want neither", q, a.Safety, a.Confident())
		}
	}
	for _, q := range []string{
		"i feel burnt out and need someone to talk to",
		"carer is burnt out, who can help",
		"can i keep my phone on during supervision",
		"we touched base with the family about the care plan",
		"how do i end my supervision session early",
		"i'm being pushed to take on more patients",
		"is there no point in logging supervision",
		"how many home visits can a link worker do",
	} {
		if a := b.Answer(q, Asker{Role: "splw"}); a.Safety {
			t.Errorf("%q: safety reply to an ordinary question", q)
		}
	}
}
