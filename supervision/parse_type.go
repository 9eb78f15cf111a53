package supervision

import "strings"

// sessionTypeWords maps everything people call a session type, normalised by
// normalise, to the type.
var sessionTypeWords = map[string]SessionType{
	"clinical":                      Clinical,
	"clinical supervision":          Clinical,
	"clinical sup":                  Clinical,
	"professional":                  Clinical,
	"professional supervision":      Clinical,
	"1:1":                           Clinical, // "1:1 supervision"
	"1:1 supervision":               Clinical,
	"individual":                    Clinical,
	"individual supervision":        Clinical,
	"group":                         Group,
	"group supervision":             Group,
	"group clinical":                Group,
	"group clinical supervision":    Group,
	"clinical group":                Group,
	"peer":                          Peer,
	"peer supervision":              Peer,
	"peer group":                    Peer,
	"peer group supervision":        Peer,
	"action learning":               Peer,
	"action learning set":           Peer,
	"als":                           Peer,
	"coaching":                      CoachingSup,
	"coaching supervision":          CoachingSup,
	"health coaching":               CoachingSup,
	"health coaching supervision":   CoachingSup,
	"group coaching":                CoachingSup,
	"group coaching supervision":    CoachingSup,
	"line management":               LineManagement,
	"line managment":                LineManagement,
	"line manager":                  LineManagement,
	"line management 1 2 1":         LineManagement,
	"lm":                            LineManagement,
	"1 2 1":                         LineManagement, // "1-2-1"
	"one to one":                    LineManagement, // "a line management one-to-one"
	"line management one to one":    LineManagement,
	"line management supervision":   LineManagement,
	"management":                    LineManagement,
	"managerial supervision":        LineManagement,
	"managerial":                    LineManagement,
	"line management meeting":       LineManagement,
	"supervision with line manager": LineManagement,
}

// ParseSessionType finds the session type a person means by s, in any case,
// with hyphens or spaces: "clinical", "clinical supervision", "professional"
// and "1:1" are clinical; "group"; "peer" or "action learning set"; "coaching",
// "coaching supervision" or "health coaching"; "line-management", "line
// manager", "LM", "1-2-1" or "one-to-one". It reports false when s names no
// type.
func ParseSessionType(s string) (SessionType, bool) {
	t, ok := sessionTypeWords[normalise(s)]
	return t, ok
}

// Valid reports whether t is one of SessionTypes.
func (t SessionType) Valid() bool {
	for _, u := range SessionTypes {
		if t == u {
			return true
		}
	}
	return false
}

// Name is the session type in plain words: "line management".
func (t SessionType) Name() string {
	if t == CoachingSup {
		return "coaching supervision"
	}
	return strings.ReplaceAll(string(t), "-", " ")
}

func typeList() string {
	names := make([]string, len(SessionTypes))
	for i, t := range SessionTypes {
		names[i] = string(t)
	}
	return strings.Join(names, ", ")
}
