package knowledge

// Places the content does not cover, and HR. The content is national
// (England's NHS) with local articles for Gateshead and London only: a
// question about another nation or another place ("ARRS in Wales",
// "social prescribing in Scotland", "peer support in Leeds") is not
// answered by England's or Gateshead's article, which would be a guess
// about a place it does not speak of.

// otherPlaces are nations, regions and places the content has no articles
// for.
var otherPlaces = []string{"scotland", "scottish", "wales", "welsh", "ireland", "irish", "ni",
	"leeds", "manchester", "birmingham", "liverpool", "bristol", "sheffield", "newcastle", "sunderland", "durham", "yorkshire",
	"lancashire", "cumbria", "northumberland", "teesside", "middlesbrough", "nottingham", "leicester", "derby", "coventry", "bradford",
	"hull", "york", "cornwall", "devon", "kent", "essex", "surrey", "sussex", "norfolk", "suffolk", "cambridge", "oxford", "brighton",
	"southampton", "portsmouth", "plymouth", "cardiff", "swansea", "glasgow", "edinburgh", "belfast", "midlands",
	// Other countries, whose health systems are not England's NHS; not
	// their peoples' names, which describe a patient ("an Indian lady").
	"australia", "canada", "america", "usa", "zealand", "india", "france", "germany", "spain", "netherlands", "singapore"}

// otherPlaceSet is otherPlaces, for looking a word up.
var otherPlaceSet = func() map[string]bool {
	m := make(map[string]bool, len(otherPlaces))
	for _, p := range otherPlaces {
		m[p] = true
	}
	return m
}()

// otherPlace reports a question that names a place the content has no
// articles for; "northern ireland" and "greater manchester" too.
func otherPlace(words []string) bool {
	if hasAny(words, "gateshead", "london") {
		return false // "Newcastle and Gateshead Linkwork" is Gateshead's
	}
	for i, w := range words {
		if w == "ni" && (i == 0 || words[i-1] != "in") {
			continue // "ni" is Northern Ireland only as "in NI"
		}
		if otherPlaceSet[w] {
			return true
		}
	}
	return false
}

// hrAsked reports a question for HR ("who to talk to in hr", "is that an
// HR thing"): the employer's, not the content's; "1 hr" is an hour.
func hrAsked(words []string) bool {
	for i, w := range words {
		if w == "hr" && (i == 0 || !isNumber(words[i-1])) {
			return true
		}
	}
	return hasPhrase(words, "human resources")
}

// isNumber reports whether w is all digits.
func isNumber(w string) bool {
	for _, c := range w {
		if c < '0' || c > '9' {
			return false
		}
	}
	return w != ""
}
