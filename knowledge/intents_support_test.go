package knowledge

import "testing"

// The answers to classes of question the fresh set found answered wrongly:
// the asker's own wellbeing, whether a role does something, whether or how
// to refer to social prescribing, job hunting, a role prescribing, and a
// service asked for in a place the content has nothing on.
func TestAnswerClasses(t *testing.T) {
	b := shippedBase(t)
	tests := []struct {
		q    string
		a    Asker
		want string // "" for not sure
	}{
		{"im feeling burnt out from the job who can i talk to", Asker{Role: "splw", Locality: "gateshead"}, "resource-gateshead-peer-support-network"},
		{"i'm so stressed, i need someone to talk to", Asker{Role: "hwbc"}, "supervision-hwbc"},
		{"my patient is stressed and lonely, who can help", Asker{Role: "hwbc"}, "role-splw"},
		{"can splws do home visits", Asker{}, "role-splw"},
		{"can the health coach see patients with mild depression", Asker{}, "role-hwbc"},
		{"can link workers prescribe anything", Asker{}, "role-splw"},
		{"can link workers prescribe medication", Asker{}, ""},
		{"should i prescribe antibiotics", Asker{}, ""},
		{"how do i write a cv for a band 6 job", Asker{Role: "hwbc"}, ""},
		{"help with my cover letter for a care coordinator job", Asker{}, ""},
		{"how do i refer to the link worker in our practice", Asker{}, "social-prescribing"},
		{"can i refer a 16 year old to social prescribing", Asker{}, "social-prescribing"},
		{"snomed code referral to social prescribing service", Asker{}, "splw-recording"},
		{"housing advice services for patients in london", Asker{Role: "splw", Locality: "london"}, ""},
		{"patient needs help with benefits who should i refer to", Asker{}, "role-splw"},
		{"pt with copd wants to get fitter", Asker{}, "role-hwbc"},
		{"young mum isolated after moving to the area", Asker{}, "role-splw"},
		{"veteran feeling lonely", Asker{}, "role-splw"},
		{"patient with learning disability needs help with appointments", Asker{}, "role-cc"},
		{"how many link workers should a pcn have", Asker{}, "arrs"},
		{"what's the maximum number of link workers a pcn can claim", Asker{}, "arrs"},
		{"i feel isolated in my role", Asker{Role: "cc"}, "supervision-cc"},
		{"i have someone who is isolated, who can help", Asker{Role: "cc"}, "role-splw"},
		{"what does a practice nurse do", Asker{}, ""},
		{"what is a clinical pharmacist", Asker{}, ""},
		{"who supervises a clinical pharmacist", Asker{}, "supervision-other-roles"},
		{"helth coach suprevision", Asker{}, "supervision-hwbc"},
		{"can I work part time as a link worker", Asker{}, ""},
		{"do link workers get a car allowance", Asker{}, ""},
		{"how much does the pci course cost", Asker{}, ""},
		{"when do we get paid this month", Asker{Role: "cc"}, ""},
		{"how much do link workers get paid", Asker{}, "splw-pay"},
		{"how do i become a practice manager", Asker{}, ""},
		{"becoming a care coordinator", Asker{}, "cc-training"},
		{"what insurance do i need for home visits", Asker{}, ""},
		{"how many care coordinators can a pcn claim for", Asker{}, "arrs"},
		{"how many care coordinators have been recruited nationally", Asker{}, "arrs-workforce"},
		{"does a health coach need to be registered with a professional body", Asker{Role: "hwbc"}, "hwbc-training"},
	}
	for _, tt := range tests {
		a := b.Answer(tt.q, tt.a)
		got := ""
		if a.Confident() {
			got = a.Entry.ID
		}
		if got != tt.want {
			t.Errorf("%q as %+v: %q, want %q", tt.q, tt.a, got, tt.want)
		}
	}
}

// Risk said in other words than the ones the sets used gets the safety
// reply first: threats, weapons, exploitation, self-harm, psychosis,
// someone missing, breathing, an overdose.
func TestSafetyOtherWords(t *testing.T) {
	b := shippedBase(t)
	for _, q := range []string{
		"patient threatening to hurt someone", "client has a knife", "worried about a vulnerable adult",
		"patient is drunk and aggressive", "elderly man being scammed out of his savings",
		"a patient told me she is being controlled by her partner", "i think a patient is being cuckooed",
		"teenager says they are cutting themselves", "patient says voices tell him to hurt people",
		"client is having thoughts of ending things", "someone said they took too many pills",
		"a man is threatening to jump", "my client has gone missing", "patient can't breathe",
		"a child told me they are scared of their dad", "patient having a panic attack",
	} {
		if a := b.Answer(q, Asker{}); !a.Safety {
			t.Errorf("%q: no safety reply", q)
		}
	}
	for _, q := range []string{"patient wants help cutting down on smoking", "what does a care coordinator do"} {
		if a := b.Answer(q, Asker{}); a.Safety {
			t.Errorf("%q: the safety reply for a question about no risk", q)
		}
	}
}
