package knowledge

// textSpeak reports whether words hold a word of shorthand that spellOut
// spells out as one word ("wrkr").
func textSpeak(words []string) bool {
	for _, w := range words {
		if _, ok := shorthand[w]; ok {
			return true
		}
	}
	return false
}

// shorthand is how people shorten words in a hurry, spelt out for reading
// what a question asks ("help getting to appts").
var shorthand = map[string][]string{
	"appt": {"appointment"}, "appts": {"appointments"}, "apt": {"appointment"}, "apts": {"appointments"},
	"dna": {"missed", "appointments"}, "dnas": {"missed", "appointments"}, "dnaing": {"missing", "appointments"}, "dnad": {"missed", "appointments"},
	"meds": {"medication"}, "dr": {"doctor"}, "drs": {"doctors"}, "info": {"information"}, "mh": {"mental", "health"},
	"u": {"you"}, "ur": {"your"}, "thx": {"thanks"}, "abt": {"about"}, "b4": {"before"}, "wk": {"week"}, "yr": {"year"},
	// Text-speak with the vowels dropped.
	"wrkr": {"worker"}, "wrkrs": {"workers"}, "wkr": {"worker"}, "wkrs": {"workers"}, "cn": {"can"}, "hw": {"how"}, "mny": {"many"},
	"rle": {"role"}, "trng": {"training"}, "hav": {"have"}, "shud": {"should"}, "shld": {"should"}, "wht": {"what"},
	"mgr": {"manager"}, "mgmt": {"management"}, "supvn": {"supervision"}, "supervn": {"supervision"},
	// Words cut short: "splw sup freq", "care coord role desc".
	"sup": {"supervision"}, "supe": {"supervision"}, "supes": {"supervision"}, "freq": {"frequency"}, "coord": {"coordinator"},
	"coords": {"coordinators"}, "coordr": {"coordinator"}, "desc": {"description"}, "descr": {"description"}, "reqs": {"requirements"},
	"req": {"requirement"}, "reqd": {"required"}, "quals": {"qualifications"}, "qual": {"qualification"}, "sesh": {"session"},
	"seshs": {"sessions"}, "hrs": {"hours"}, "mins": {"minutes"}, "wks": {"weeks"}, "mths": {"months"}, "mnths": {"months"},
	"jd": {"job", "description"}, "spec": {"specification"}, "org": {"organisation"}, "orgs": {"organisations"},
	"ref": {"referral"}, "refs": {"referrals"}, "govt": {"government"}, "pts": {"patients"}, "approx": {"about"}, "plz": {"please"}, "pls": {"please"},
	// Roles' names run together or cut short.
	"lw": {"link", "worker"}, "lws": {"link", "workers"}, "linkworker": {"link", "worker"}, "linkworkers": {"link", "workers"},
	"carecoordinator": {"care", "coordinator"}, "carecoordinators": {"care", "coordinators"}, "hwb": {"health", "and", "wellbeing"},
	// "what" slipped or shortened.
	"waht": {"what"}, "wat": {"what"}, "wot": {"what"}, "whta": {"what"}, "wha": {"what"}, "wats": {"whats"}, "wots": {"whats"}, "wahts": {"whats"},
}

// spellOut spells out the shorthand in words, into a new slice when any is.
func spellOut(words []string) []string {
	return replaceWords(words, func(i int) ([]string, bool) {
		long, ok := shorthand[words[i]]
		if ok && i > 0 && politeNamed[words[i-1]+" "+words[i]] {
			return nil, false // "quick ref" is the quick reference summary
		}
		return long, ok
	})
}
