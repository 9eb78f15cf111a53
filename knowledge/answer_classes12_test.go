package knowledge

import "testing"

// TestRoleTopicDeclinedSearchKnows: a question that names a role and a
// topic its article does not speak of ("competencies") is still answered
// when search is sure of another article: the frameworks set out each
// role's competencies. A weak search stays "not sure".
func TestRoleTopicDeclinedSearchKnows(t *testing.T) {
	wantAnswers(t, Asker{}, map[string]string{
		"what competencies should a care coordinator have": "resource-frameworks",
		"which competencies do coaches need":               "resource-frameworks",
		"what competencies does a health coach need":       "resource-frameworks",
	})
	wantUnsure(t, Asker{},
		"can health coaches work with under 18s",
	)
}
