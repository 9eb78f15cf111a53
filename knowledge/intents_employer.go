package knowledge

// hostAsks ask who employs someone, or whether another may.
var hostAsks = []string{"employ", "employs", "employed", "employing", "employer", "employers", "host", "hosts", "hosted", "hosting"}

// otherHosts are the bodies other than a PCN that may employ or host ARRS
// staff, and the words of employing through one.
var otherHosts = []string{"vcse", "vcses", "voluntary", "charity", "charities", "host", "hosts", "hosted", "hosting", "directly",
	"subcontract*", "organisation*", "organization*", "federation*", "trust", "trusts", "council", "councils"}

// employer answers whether a VCSE, a charity or another host than a PCN
// may employ one of the roles ("can a link worker be employed by a
// VCSE"), and who then answers for them, with the CQC and ARRS article,
// which says; the glossary only defines a VCSE. Who employs a role is the
// role's or the ARRS article's, found as they are. A question of the
// asker's own employer, of pay or claims, of supervision, of numbers, of
// which of two roles to employ, or of why one would employ a role is
// another question.
func (b *Base) employer(words []string) (*Entry, bool) {
	if !hasAny(words, hostAsks...) || offTopic(words) {
		return nil, false
	}
	if n := len(rolesNamed(words)); n > 1 || n == 0 && !hasAny(words, "arrs") {
		return nil, false
	}
	if hasAny(words, firstPerson...) || hasAny(words, askerTopics[0].words...) || hasAny(words, askerTopics[1].words...) ||
		hasAny(words, "cqc", "tupe", "many", "much", "number*", "claim*", "why", "benefit*", "worth", "self", "selfemployed") {
		return nil, false
	}
	if hasAny(words[:min(2, len(words))], "who", "whos") || !hasAny(words, otherHosts...) {
		return nil, false
	}
	e, ok := b.byID["cqc-arrs"]
	return e, ok
}
