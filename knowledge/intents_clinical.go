package knowledge

import (
	"slices"
	"strings"
)

// clinicalServices are services a question may ask how to refer to that
// the content does not cover: clinical referral pathways.
var clinicalServices = []string{"physio*", "consultant*", "specialist*", "hospital*", "dietitian*", "camhs", "iapt", "therap*",
	"psychiatr*", "psycholog*", "mental", "counsell*", "secondary", "a&e", "ae", "ent", "orthopaedic*", "orthopedic*", "obstetric*", "gynae*",
	"outpatient*", "clinic", "clinics", "adult", "district", "falls", "memory", "podiatr*", "continence"}

// clinicalService reports whether w names a clinical service or a
// hospital specialty: one of clinicalServices, or a word of a specialty's
// shape ("cardiology", "dermatologist", "paediatrics").
func clinicalService(w string) bool {
	return hasAny([]string{w}, clinicalServices...) || strings.HasSuffix(w, "ology") || strings.HasSuffix(w, "ologist") ||
		strings.HasSuffix(w, "ologists") || strings.HasSuffix(w, "iatrics")
}

// clinicalReferral reports whether a question asks how to refer someone
// to a clinical service ("a referral to mental health services"), not who
// of the roles can help.
func clinicalReferral(words []string) bool {
	if hasAny(words, "who", "whom", "which") {
		return false
	}
	for i, w := range words {
		if !strings.HasPrefix(w, "refer") {
			continue
		}
		for j := i + 1; j < len(words) && j <= i+4; j++ {
			if words[j] == "to" && j+1 < len(words) && slices.ContainsFunc(words[j+1:min(len(words), j+4)], clinicalService) {
				return true
			}
		}
	}
	return false
}
