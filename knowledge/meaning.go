package knowledge

import "strings"

// People ask what a term means in more ways than definitionFrames list:
// "what's VCSE mean", "ICB definition", "meaning ARRS", "whats meant by
// PCSP", "what does LTC refer to", "NASP full form". Whatever the order,
// such a question is the term and words that only ask what it means.

// meaningWords ask what a term means, and say nothing else.
var meaningWords = map[string]bool{"mean": true, "means": true, "meaning": true, "meant": true, "stand": true, "stands": true,
	"short": true, "abbreviation": true, "abbrev": true, "acronym": true, "definition": true, "define": true, "defined": true,
	"form": true, "refer": true, "refers": true}

// meaningFillers stand beside meaningWords in such a question: "what do
// people mean by", "what is the full form of", "what does it stand for
// again".
var meaningFillers = map[string]bool{"what": true, "whats": true, "wat": true, "wot": true, "wats": true, "wots": true, "does": true,
	"do": true, "dose": true, "is": true, "by": true, "for": true, "of": true, "to": true, "full": true, "actually": true,
	"exactly": true, "again": true, "they": true, "people": true, "it": true, "the": true, "a": true, "an": true, "this": true,
	"term": true, "word": true, "letters": true, "initials": true, "explain": true}

// meaningAsked returns the definition of the one term words name when
// every other word only asks what it means (see meaningWords), or, for an
// abbreviation, what it is ("what exactly is ICB").
func (b *Base) meaningAsked(words []string) (string, *Entry, bool) {
	var term []string
	asks := false
	for _, w := range words {
		switch {
		case meaningWords[w]:
			asks = true
		case meaningFillers[w]:
		default:
			term = append(term, w)
		}
	}
	if len(term) == 0 || len(term) > maxTermWords || len(term) == len(words) {
		return "", nil, false
	}
	d, e, ok := b.defined(strings.Join(term, " "))
	if !ok || !asks && (d.Means == "" || !hasAny(words[:1], "what", "whats")) {
		return "", nil, false
	}
	return definitionText(d, e), e, true
}

// definitionText is a term's definition as an answer leads with it: what
// it stands for, if it is short for something, then what it is.
func definitionText(d Abbreviation, e *Entry) string {
	text := d.Text
	if text == "" {
		text = e.Summary
	}
	if d.Means == "" {
		return text
	}
	return d.Term + " stands for " + d.Means + ". " + text
}
