package knowledge

// Questions about the practice or the NHS as an employer, not the roles:
// how many hours full time is, joining a union, the practice's own CQC
// rating, how many appointments a practice offers, supervision for the
// supervisors themselves. The content says none of it; an article sharing
// a word would be a guess.

// unionWords name a trade union.
var unionWords = []string{"union", "unions", "unison", "gmb", "rcn", "bma"}

// cqcOwn are the words of a question about the practice's own CQC
// inspection, not the roles under it.
var cqcOwn = []string{"rating", "ratings", "rated", "dates", "date", "when", "next", "score", "outstanding", "good", "inadequate", "report",
	"registration", "register", "registering", "prep*", "ready", "checklist", "mock"}

// cqcOfRoles are the words of a question about the roles under CQC.
var cqcOfRoles = []string{"arrs", "staff", "accountab*", "responsib*", "employ*", "regulat*", "roles", "role", "worker*", "coach*", "coordinator*",
	"vcse", "pcn"}

// aboutThePractice reports a question about the practice or the NHS as an
// employer that the content does not answer.
func aboutThePractice(words []string) bool {
	named := func() bool { return len(rolesNamed(words)) > 0 }
	if hasPhrase(words, "full time") || hasAny(words, "fulltime") {
		return !named() // what full time is; "a full time link worker's caseload" is the role's
	}
	if hasAny(words, unionWords...) && !hasPhrase(words, "european union") {
		return true
	}
	if hasAny(words, "cqc") || hasPhrase(words, "care quality") {
		return hasAny(words, cqcOwn...) && !hasAny(words, cqcOfRoles...) && !named() || ourPCNRating(words)
	}
	if hasAny(words, "appointment", "appointments") && (hasAny(words, "per") && hasAny(words, "1000", "thousand", "head", "capita") || hasPhrase(words, "practice offer")) {
		return !named() // the practice's capacity
	}
	if (hasPhrase(words, "our practice") || hasPhrase(words, "my practice") || hasPhrase(words, "our surgery")) && hasPhrase(words, "how many") {
		return !named() // the practice's own figures
	}
	return supervisorsSupervised(words)
}

// supervisorsSupervised reports a question about supervision for the
// supervisors themselves ("who supervises the supervisors"): the content
// says how the roles are supervised, and trains supervisors, but says
// nothing of who supervises them.
func supervisorsSupervised(words []string) bool {
	if hasAny(words, "training", "train", "trained", "course*", "learn*", "development", "programme*", "session*") {
		return false
	}
	for i := 0; i+1 < len(words); i++ {
		if hasAny(words[i:i+1], "supervise", "supervises", "supervising", "supervision", "support", "supports") {
			rest := words[i+1 : min(len(words), i+3)]
			if hasAny(rest, "supervisors") {
				return true
			}
		}
	}
	return false
}

// ourPCNRating reports a question about the CQC rating of one's own PCN
// or practice ("our pcn's cqc rating"), which is the PCN's, not the roles'.
func ourPCNRating(words []string) bool {
	return hasAny(words, "rating", "ratings", "rated") && (hasPhrase(words, "our pcn") || hasPhrase(words, "my pcn") || hasPhrase(words, "our practice")) &&
		!hasAny(words, "arrs", "staff", "worker*", "coach*", "coordinator*", "role", "roles")
}
