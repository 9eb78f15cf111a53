package knowledge

import "github.com/peerbot/peerbot/supervision"

// Questions about supervision itself, of no one role: why it matters,
// and whether something counts as it.

// whySupervision answers why supervision matters ("why should we bother
// with supervision") with the article on the evidence.
//
// Whether something counts as supervision ("does peer supervision
// count?"), and group or peer supervision against one to one, of no role,
// are the article on the kinds of supervision.
func (b *Base) whySupervision(words []string, roles roleSet) (*Entry, bool) {
	if len(roles) == 0 && (asksWhatCounts(words) || groupOrOneToOne(words)) {
		e, ok := b.byID["supervision-kinds"]
		return e, ok
	}
	if !asksWhySupervision(words) {
		return nil, false
	}
	e, ok := b.byID["supervision-why"]
	return e, ok
}

// asksWhatCounts reports a question asking whether something counts as
// supervision: "does a debrief count as supervision", "is peer
// supervision counted", "does group supervision count towards my hours",
// not how many sessions are counted.
func asksWhatCounts(words []string) bool {
	if !hasAny(words, "supervis*") || !hasAny(words, "count", "counts", "counted", "qualify", "qualifies") || hasPhrase(words, "how many") {
		return false
	}
	if hasAny(words, "peer", "group") && (hasPhrase(words, "count towards") || hasPhrase(words, "counts towards")) {
		return true // "does peer supervision count towards my hours": whether it counts, not how many
	}
	return !hasAny(words, "number", "numbers", "hours", "minutes", "mins")
}

// asksWhySupervision reports whether a question asks why supervision
// matters, not how a role gets it: "why does supervision matter, I need to
// make the case to my PCN".
func asksWhySupervision(words []string) bool {
	if !hasAny(words, "supervis*") || !(hasAny(words, "why", "point", "benefit*", "bother", "worth", "evidence", "matter", "matters") ||
		hasPhrase(words, "does supervision help") || hasPhrase(words, "make the case") || hasPhrase(words, "business case")) {
		return false
	}
	return !hasAny(words, "kind*", "type*", "contract*", "guidance")
}

// groupOrOneToOne reports a question setting group or peer supervision
// against one to one: "is group or one to one supervision better", "is
// 1:1 enough or do I need group supervision".
func groupOrOneToOne(words []string) bool {
	return hasAny(words, "supervis*") && hasAny(words, "group", "peer") &&
		(hasPhrase(words, "one to one") || hasPhrase(words, "1 to 1") || hasPhrase(words, "1 1") || hasAny(words, "individual", "121", "1to1"))
}

// bringWords ask whether to bring something to supervision: "should I
// bring it to supervision", "can I share that in supervision".
var bringWords = []string{"bring", "share", "take", "raise", "discuss", "mention", "talk"}

// bringsToSupervision answers whether something that happened, or how
// it felt, belongs in supervision, or whether extra supervision can be
// had after it ("should I still bring a closed safeguarding referral to
// supervision", "can I get extra supervision after a patient's death"),
// for an asker with a role, with their role's supervision article: what
// supervision is for, whatever happened. How often, or how to log it, is
// another question.
func (b *Base) bringsToSupervision(words []string, roles roleSet, a Asker) (*Entry, bool) {
	role, ok := supervision.ParseRole(a.Role)
	if !ok || len(roles) > 0 || !hasAny(words, "supervision") || hasAny(words, "often", "long", "many", "log", "logged", "record", "recorded", "overdue") {
		return nil, false
	}
	brought := hasAny(words, bringWords...) && (hasPhrase(words, "to supervision") || hasPhrase(words, "in supervision") || hasPhrase(words, "into supervision"))
	extra := hasPhrase(words, "extra supervision") || hasPhrase(words, "more supervision") || hasPhrase(words, "additional supervision") ||
		hasPhrase(words, "something for supervision") || hasPhrase(words, "one for supervision")
	if !brought && !extra {
		return nil, false
	}
	e, found := b.byID["supervision-"+string(role)]
	return e, found
}

// supervisionDiffersFor answers whether supervision is different for one
// role ("is clinical supervision different for care coordinators") with
// that role's supervision article, which says what it has. Supervising
// someone in a different role is who may supervise, not this.
func (b *Base) supervisionDiffersFor(words []string, roles roleSet) (*Entry, bool) {
	if len(roles) != 1 || !hasAny(words, "supervision") || !hasAny(words, "different", "differ", "differs", "same") ||
		hasAny(words, "supervise", "supervising", "supervisor", "supervisors", "vs", "versus", "than", "compared", "role", "roles") {
		return nil, false
	}
	for r := range roles {
		e, ok := b.byID["supervision-"+string(r)]
		return e, ok
	}
	return nil, false
}
