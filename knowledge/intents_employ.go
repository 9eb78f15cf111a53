package knowledge

// employWords say who employs someone or where they are hosted: "can a
// VCSE employ our link worker", "hosted by a charity".
var employWords = []string{"employ", "employs", "employed", "employer", "employers", "employing", "hosted", "hosts", "hosting", "subcontract*", "sub-contract*"}

// employerWords name who might employ the roles, other than "who".
var employerWords = []string{"vcse", "voluntary", "charity", "charities", "third", "pcn", "pcns", "practice", "practices", "surgery",
	"organisation", "organisations", "organization", "organizations", "org", "host", "hosted", "subcontract*", "sub-contract*", "directly", "federation"}

// employedBy answers who may employ the ARRS roles ("can a VCSE employ our
// link worker", "are care coordinators employed by the PCN or the
// practice") with the ARRS article, which says who may employ them. Who
// answers to the CQC for them is the CQC article's question, a patient's
// job ("my client wants to be employed again") no such question, nor
// which practices employ one, and what they are paid or how they are
// supervised another article's.
func (b *Base) employedBy(words []string, roles roleSet) (*Entry, bool) {
	if !hasAny(words, employWords...) || !hasAny(words, employerWords...) {
		return nil, false
	}
	if len(roles) == 0 && !hasAny(words, "arrs", "staff") {
		return nil, false
	}
	if hasAny(words, "patient", "patients", "client", "clients", "someone", "person", "people", "pay", "paid", "salary", "band", "how", "many",
		"cqc", "accountable", "accountability", "inspect*", "regulat*", "supervis*") {
		return nil, false
	}
	if hasAny(words, "near", "which", "what", "any") && hasAny(words, "practices", "pcns", "surgeries") {
		return nil, false // which practices employ one: a list the content does not keep
	}
	e, ok := b.byID["arrs"]
	return e, ok
}
