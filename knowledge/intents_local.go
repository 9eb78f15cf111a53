package knowledge

import (
	"slices"
	"strings"
)

// serviceWords name a service, group or activity someone might be sent
// to: "bereavement services", "a grief cafe", "a shooting club".
var serviceWords = []string{"service", "services", "group", "groups", "club", "clubs", "activity", "activities", "cafe", "cafes",
	"class", "classes", "directory", "directories", "charity", "charities"}

// notServiceWords mark a question about a place that is not for a service
// to send someone to: the council's tax or phone number, parking, the
// roles' own training, supervision or peer support, jobs; and services
// for risk to someone, which are for the safeguarding policy and the
// supervisor, not a list of local links.
var notServiceWords = []string{"tax", "phone", "number", "numbers", "park", "parking", "training", "course", "courses", "supervis*", "peer",
	"network", "job", "jobs", "vacanc*", "band", "pay", "salary", "role", "roles", "practice", "practices", "pcn", "pcns", "grant*", "funding", "fund",
	"abuse", "domestic", "violence", "crisis", "safeguard*", "suicid*", "self-harm", "selfharm"}

// localServices answers a question asking for services, groups or
// activities in a place the content has a local services article for
// ("what bereavement services are there in Gateshead", "is there a grief
// cafe in Gateshead I can refer to") with that article, which says where
// to look: services change too often to list, and the article says so
// rather than guess.
func (b *Base) localServices(words []string, a Asker) (*Entry, bool) {
	if !hasAny(words, serviceWords...) || hasAny(words, notServiceWords...) {
		return nil, false
	}
	place := b.namedLocality(words)
	if place == "" && (nearMe(words) || hasAny(words, "refer", "signpost", "send") && !namesSocialPrescribing(words)) {
		// "what services can I refer a patient to", asked in Gateshead;
		// referring to social prescribing itself is the national article's.
		place = a.Locality
	}
	if place == "" {
		return nil, false
	}
	e, ok := b.byID["resource-"+place+"-local"]
	return e, ok
}

// peerWords ask for people in the same job to meet or share with: "a
// peer support group", "a link worker network", "any local networks".
var peerWords = []string{"network", "networks", "forum", "forums", "group", "groups", "community", "communities"}

// peerSupportIn answers a question asking for peer support, or a network
// or group of people in the roles, in a place (named, or the asker's own
// when the question says "local" or "near me") with that place's peer
// support article: "is there a peer support group for link workers in
// Gateshead" asks for the peer network, not for local services to send
// patients to. A group for patients is another question.
func (b *Base) peerSupportIn(words []string, roles roleSet, a Asker) (*Entry, bool) {
	peer := hasAny(words, "peer") || hasAny(words, peerWords...) && (len(roles) > 0 || hasAny(words, "connect", "colleagues", "others"))
	if !peer || hasAny(words, "patient", "patients", "client", "clients", "someone", "refer*", "signpost*", "carers", "service", "services") {
		return nil, false
	}
	place := b.namedLocality(words)
	if place == "" && (nearMe(words) || hasAny(words, "based")) {
		place = strings.ToLower(strings.TrimSpace(a.Locality))
	}
	if place == "" || place == "national" {
		return nil, false
	}
	for _, e := range b.entries {
		if strings.EqualFold(e.Locality, place) && slices.ContainsFunc(e.Synonyms, func(s string) bool {
			return strings.EqualFold(s, "peer support group") || strings.EqualFold(s, "peer support network")
		}) {
			return e, true
		}
	}
	return nil, false
}

// namesSocialPrescribing reports whether words name social prescribing or
// its link workers (see socialPrescribingWords).
func namesSocialPrescribing(words []string) bool {
	for _, w := range socialPrescribingWords {
		if hasPhrase(words, w) {
			return true
		}
	}
	return false
}
