package knowledge

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
	if place == "" && nearMe(words) {
		place = a.Locality
	}
	if place == "" {
		return nil, false
	}
	e, ok := b.byID["resource-"+place+"-local"]
	return e, ok
}
