package knowledge

import (
	"slices"

	"github.com/peerbot/peerbot/supervision"
)

// A synonym group is a set of words and phrases that mean one thing, such as
// "PCN" and "primary care network". Wherever one of them appears, in an
// article or in a question, the group's concept term is added alongside the
// words themselves, so a question using one name finds an article using
// another. The words are kept too, so an exact match still counts.
type synonymGroup struct {
	name    string
	phrases []string
}

// synonymGroups is the synonym table. Role words come from the supervision
// package, so search and command parsing agree on what names a role.
var synonymGroups = append(roleGroups(), []synonymGroup{
	// Abbreviations people use for the schemes, bodies and documents.
	{"arrs", []string{"arrs", "additional roles reimbursement scheme", "additional role reimbursement scheme", "additional roles"}},
	{"pcn", []string{"pcn", "primary care network"}},
	{"ltc", []string{"ltc", "long term condition", "long term health condition", "chronic pain", "chronic condition", "chronic illness", "long covid", "arthritis", "stroke"}},
	{"des", []string{"des", "directed enhanced service", "network contract"}},
	{"pci", []string{"pci", "personalised care institute"}},
	{"wdf", []string{"wdf", "workforce development framework"}},
	{"mdt", []string{"mdt", "multidisciplinary team", "multi disciplinary team", "multi professional team"}},
	{"afc", []string{"afc", "agenda for change"}},
	{"pcsp", []string{"pcsp", "personalised care and support plan", "personalised care and support planning", "care and support plan", "care and support planning"}},
	{"nasp", []string{"nasp", "national academy for social prescribing"}},
	{"nalw", []string{"nalw", "national association of link workers"}},
	{"cqc", []string{"cqc", "care quality commission"}},
	{"ltp", []string{"ltp", "long term plan"}},
	{"phb", []string{"phb", "personal health budget"}},
	{"sdm", []string{"sdm", "shared decision making"}},
	{"fcp", []string{"fcp", "first contact practitioner", "first contact physiotherapist"}},
	{"pa", []string{"pa", "physician associate"}},
	{"tphc", []string{"tphc", "transformation partners in health and care", "transformation partners"}},
	{"linemanagement", []string{"line management", "line manager", "line managers", "line manage", "line manages", "line managed", "line managing"}},
	{"nenc", []string{"nenc", "north east and north cumbria"}},
	{"hee", []string{"hee", "health education england"}},
	{"nhse", []string{"nhse", "nhsei", "nhs england"}},
	{"icb", []string{"icb", "integrated care board"}},
	{"vcse", []string{"vcse", "voluntary community and social enterprise", "voluntary and community sector", "voluntary sector", "third sector"}},
	{"cpd", []string{"cpd", "continuing professional development"}},
	{"elfh", []string{"elfh", "e-learning for healthcare", "e-lfh"}},
	{"gp", []string{"gp", "general practitioner"}},
	{"sp", []string{"sp", "social prescribing"}},
	// Everyday words for the same idea.
	{"pay", []string{"pay", "salary", "salaries", "band", "banding", "wage", "earn", "paid"}},
	{"training", []string{"training", "train", "trained", "course", "qualification", "qualified", "qualify"}},
	{"supervision", []string{"supervision", "supervisor", "supervise", "supervised", "supervising"}},
	{"caseload", []string{"caseload", "case load"}},
	{"accredited", []string{"accredited", "accreditation", "accredit", "accredits", "accrediting"}},
	{"maximum", []string{"maximum", "max", "upper limit", "cap", "capped"}},
	{"referral", []string{"referral", "refer", "referred", "referring"}},
	{"numbers", []string{"how many", "number", "numbers", "figures", "headcount", "statistics", "count"}},
	{"people", []string{"patient", "patients", "people", "person", "individual"}},
	{"lowmood", []string{"low mood", "depression", "depressed", "feeling low"}},
	{"lonely", []string{"lonely", "loneliness", "isolated", "isolation", "social isolation"}},
	{"tasks", []string{"task", "tasks", "duty", "duties", "responsibility", "responsibilities"}},
}...)

// roleGroups makes a group of each role's words: its code, abbreviation and
// everyday names, such as "link worker" and "social prescriber".
func roleGroups() []synonymGroup {
	var gs []synonymGroup
	for _, r := range supervision.Roles {
		var words []string
		for _, w := range append(append(supervision.RoleWords(r), string(r), r.Name()), moreRolePhrases[r]...) {
			if !notARole[w] {
				words = append(words, w)
			}
		}
		gs = append(gs, synonymGroup{name: string(r), phrases: words})
	}
	return gs
}

// moreRolePhrases name a role in questions and articles besides the words
// supervision takes for it in a profile.
var moreRolePhrases = map[supervision.Role][]string{
	supervision.LinkWorker: {"social prescribing worker", "social prescribing workers"},
}

// notARole are words supervision takes for a role, so "role=social
// prescribing" sets up a link worker, which in a question name the practice
// rather than the role: "what is social prescribing" is not about the link
// worker's job.
var notARole = map[string]bool{"social prescribing": true}

// phrase is one synonym as a sequence of stems, and the concept it adds.
type phrase struct {
	stems   []string
	concept int
}

// thesaurus is the synonym table ready for matching: phrases by their first
// stem. It is built once and only read afterwards.
type thesaurus struct {
	concepts []string            // the concept term of each group, "~pcn"
	byFirst  map[string][]phrase // phrases by first stem, longest first
	words    map[string]bool     // every word of every phrase, lower-case
	stems    map[string]bool     // the stem of every word of every phrase
}

// conceptPrefix starts every concept term. Tokens never contain it, so a
// concept never collides with a word.
const conceptPrefix = "~"

var synonyms = newThesaurus(synonymGroups)

func newThesaurus(groups []synonymGroup) *thesaurus {
	th := &thesaurus{
		byFirst: make(map[string][]phrase),
		words:   make(map[string]bool),
		stems:   make(map[string]bool),
	}
	for ci, g := range groups {
		th.concepts = append(th.concepts, conceptPrefix+g.name)
		for _, p := range g.phrases {
			toks, comps := tokenize(p)
			var stems []string
			for _, t := range toks {
				if indexable(t.text) {
					th.words[t.text] = true
					th.stems[stem(t.text)] = true
					stems = append(stems, stem(t.text))
				}
			}
			for _, c := range comps {
				th.words[c.joined.text] = true
				th.stems[stem(c.joined.text)] = true
			}
			if len(stems) == 0 {
				continue
			}
			dup := slices.ContainsFunc(th.byFirst[stems[0]], func(q phrase) bool {
				return q.concept == ci && slices.Equal(q.stems, stems)
			})
			if !dup {
				th.byFirst[stems[0]] = append(th.byFirst[stems[0]], phrase{stems: stems, concept: ci})
			}
		}
	}
	for k, ps := range th.byFirst {
		slices.SortStableFunc(ps, func(a, b phrase) int { return len(b.stems) - len(a.stems) })
		th.byFirst[k] = ps
	}
	return th
}

// match calls found for every phrase in stems: the concept and the span of
// stems [i, j) it covers. starts[i] are the phrases that start with stems[i]
// (byFirst, looked up once by the caller). A concept is reported again only
// where it does not overlap its previous match, so "social prescribing link
// worker" counts once.
func (th *thesaurus) match(stems []string, starts [][]phrase, found func(concept, i, j int)) {
	// where each concept's last match ended; few concepts match in one text
	type end struct{ concept, at int }
	var buf [8]end
	ends := buf[:0]
	for i := range stems {
		for _, p := range starts[i] {
			j := i + len(p.stems)
			if j > len(stems) || !slices.Equal(stems[i:j], p.stems) {
				continue
			}
			k := slices.IndexFunc(ends, func(e end) bool { return e.concept == p.concept })
			if k >= 0 && i < ends[k].at {
				continue
			}
			if k < 0 {
				ends = append(ends, end{p.concept, j})
			} else {
				ends[k].at = j
			}
			found(p.concept, i, j)
		}
	}
}
