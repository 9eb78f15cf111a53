package knowledge

import "strings"

// UsageHint names the peerbot command that does what a question about
// using peerbot itself asks for ("how do I log a session", "change my
// profile"): the handler spells the command as the person would type it
// and points to its help, so the reply never disagrees with the command
// table.
type UsageHint struct {
	// Command is the command's name in the command table ("supervision"),
	// "" for what peerbot can do at all (its help).
	Command string
	// Args follow the command: a subcommand ("log"), or "" for none.
	Args string
	// Does finishes "To ...": "log a supervision session".
	Does string
	// Note, when set, is a sentence said after the command.
	Note string
}

// usageRule is one thing people ask how to do with peerbot: the question
// must match every group, each by any of its words (a prefix ends in "*")
// or phrases.
type usageRule struct {
	hint  UsageHint
	needs [][]string
}

// requiredAsked ask what is required, not what one's record holds.
// A question with one asks what is required, not what one's record
// holds: "how many sessions have i got to do a year". A rule's group of
// notRequired alone says the question must have none.
var requiredAsked = []string{"got to", "need to", "have to", "needed", "should", "must", "meant", "supposed", "required", "expected"}

const notRequired = "!required"

// Words questions about using peerbot share.
var (
	sessionWords  = []string{"session", "sessions", "supervision"}
	reminderWords = []string{"remind*", "notification*", "nudge*", "alert*", "messages from you", "messaging me", "message me"}
	profileWords  = []string{"profile", "my role", "my locality", "my pcn", "my area", "my supervisor", "my details", "my job title"}
	changeWords   = []string{"change", "changing", "update", "updating", "edit", "set", "setting", "correct", "fix", "switch", "add", "tell", "say", "give"}
	everyoneWords = []string{"everyone*", "everybody*", "all staff", "all our staff", "the whole network", "whole team", "all the link workers",
		"all link workers", "all the coaches", "all the care coordinators", "each person", "every member", "all members"}
	seeWords = []string{"see", "view", "show", "check", "list", "find", "look", "track", "which"}
	// leaveWords say the asker is, or will be, away from work.
	leaveWords = []string{"on leave", "on holiday", "going away", "away for", "my leave", "annual leave", "maternity leave", "sick leave", "off sick",
		"pause", "off work", "be away", "be off", "being off", "going off", "on mat leave", "parental leave"}
)

// usageRules, first match wins. The words of each rule name what peerbot
// keeps (sessions, a profile, reminders, the person's data), so a question
// about leave or logging in to another system is not taken for one.
var usageRules = []usageRule{
	{UsageHint{Command: "admin", Args: "feedback", Does: "see the articles due for review, the least helpful answers and what people ask that goes unanswered (for network admins)"},
		[][]string{{"due for review", "due a review", "review date", "out of date", "need reviewing", "needs reviewing"}, {"article*", "content", "answers"}}},
	{UsageHint{Command: "supervision", Args: "confirm", Does: "see the sessions others logged with you, and confirm or dispute each one"},
		[][]string{{"dispute*", "didnt have", "didnt happen", "never happened", "not happen", "challenge", "disagree"}, {"session", "sessions", "logged", "log", "supervision"}}},
	{UsageHint{Command: "supervision", Args: "status", Does: "see your own supervision record",
		Note: "Your supervisor's team view shows the dates and types of your sessions and your leave; no notes are kept."},
		[][]string{{"my supervisor see", "my supervisor sees", "supervisor see about me", "supervisor can see", "can my supervisor see"}}},
	{UsageHint{Command: "supervision", Args: "log", Does: "log a supervision session"},
		[][]string{{"log"}, {"yesterday", "today", "this morning", "last week", "hour", "hours", "mins", "minutes", "1h", "1hr", "on monday", "on tuesday",
			"on wednesday", "on thursday", "on friday"}, {"with", "hour", "hours", "mins", "minutes", "1h", "1hr", "clinical", "group", "peer"}}},
	{UsageHint{Command: "supervision", Args: "snooze", Does: "put off your next reminder"},
		[][]string{{"snooze"}}},
	{UsageHint{Command: "schedule", Args: "add", Does: "post a message in a channel on a schedule, such as the network meeting (for network admins)"},
		[][]string{{"schedule", "scheduled", "scheduling", "recurring", "repeating", "every week", "every month", "each week", "each month"},
			{"message", "messages", "post", "posts", "posting", "announcement*", "channel", "channels"}}},
	{UsageHint{Command: "admin", Args: "report csv", Does: "have the supervision report sent to you as a CSV file (for network admins)"},
		[][]string{{"report", "reports"}, {"csv", "export*", "spreadsheet", "excel", "download*"}, {"supervision", "csv", "overdue", "everyone", "network"}}},
	{UsageHint{Command: "admin", Args: "report csv", Does: "have the supervision report sent to you as a CSV file (for network admins)"},
		[][]string{{"report", "reports"}, {"csv", "export*", "spreadsheet", "excel"}}},
	{UsageHint{Command: "admin", Args: "report", Does: "see who is on track, due soon or overdue with supervision (for network admins)"},
		[][]string{{"report", "reports"}, {"admin", "overdue", "behind", "on track", "due soon", "supervision report", "supervision reports", "compliance"}}},
	{UsageHint{Command: "supervision", Args: "leave", Does: "pause your supervision clock and reminders while you're on leave"},
		[][]string{leaveWords, append([]string{"clock"}, append(reminderWords, sessionWords...)...)}},
	{UsageHint{Command: "admin", Args: "report", Does: "see who is on track, due soon or overdue with supervision (for network admins)"},
		[][]string{everyoneWords, sessionWords, {"report", "reports", "how do i", "how can i", "can i", "where do i", "where can i", "how to", "is there a way"},
			{"report", "reports", "see", "view", "show", "list", "track", "get", "pull", "run", "look at"}}},
	{UsageHint{Command: "supervision", Args: "leave", Does: "pause your supervision clock and reminders while you're on leave"},
		[][]string{leaveWords, botWords}},
	{UsageHint{Command: "supervision", Args: "leave", Does: "pause your supervision clock and reminders while you're on leave"},
		[][]string{leaveWords, append([]string{"tell you", "let you know", "you know", "told you", "inform you"}, botWords...), {"i", "im", "ill", "my", "me"}}},
	{UsageHint{Command: "supervision", Args: "leave", Does: "pause your supervision clock and reminders while you're on leave"},
		// "how do i record leave so i don't show as overdue": only
		// peerbot's supervision clock says who is overdue.
		[][]string{{"leave", "holiday", "holidays", "away", "off sick", "off work"}, {"overdue", "supervision clock", "my clock"}}},
	{UsageHint{Command: "admin", Args: "reload", Does: "read the content folder again, so edited articles are used (for network admins)"},
		[][]string{{"reload", "reloading", "refresh", "refreshing", "reindex", "re index", "load", "pick up", "picks up"},
			{"article", "articles", "content", "knowledge", "kb", "knowledge base", "answers", "markdown", "md"}}},
	{UsageHint{Command: "admin", Args: "reload", Does: "read the content folder again, so edited articles are used (for network admins)"},
		[][]string{editArticle}},
	{UsageHint{Command: "supervision", Args: "remind", Does: "turn your reminders on or off, or choose when they come"},
		[][]string{reminderWords}},
	{UsageHint{Command: "supervision", Args: "undo", Does: "take back the last session you logged (within a day)"},
		[][]string{{"undo", "delete", "remove", "take back"}, {"session", "sessions", "log", "logged", "entry"}}},
	{UsageHint{Command: "supervision", Args: "undo", Does: "take back the last session you logged (within a day)"},
		[][]string{{"wrong", "mistake"}, {"logged", "logging", "entry"}}},
	{UsageHint{Command: "supervision", Args: "team", Does: "see how the people you supervise are doing"},
		[][]string{{"my team", "my teams", "my supervisees", "people i supervise", "those i supervise", "staff i supervise"},
			{"overdue", "due", "up to date", "behind", "missed", "see", "view", "show", "check", "list", "track", "how are", "doing"}}},
	{UsageHint{Command: "supervision", Args: "history", Does: "see the sessions you have logged"},
		[][]string{{"history", "my sessions", "past sessions", "previous sessions", "sessions i logged", "sessions ive logged", "logged sessions"}, seeWords}},
	{UsageHint{Command: "supervision", Args: "log", Does: "log a session and have your supervisor confirm it",
		Note: "Name them in it (with @person) and I ask them to confirm."},
		[][]string{{"confirm*", "sign off", "verify", "approve"}, {"session", "sessions", "supervision", "log", "logged", "supervisor"}}},
	{UsageHint{Command: "supervision", Args: "log", Does: "log a supervision session"},
		[][]string{{"log", "logging", "record", "enter", "add", "put in"}, sessionWords}},
	{UsageHint{Command: "supervision", Args: "status", Does: "see when your next supervision is due"},
		[][]string{{"due", "overdue", "next"}, {"my", "i", "im", "me"}, sessionWords}},
	{UsageHint{Command: "supervision", Args: "history", Does: "see the sessions you have logged"},
		[][]string{{"last", "latest", "most recent", "previous", "since"}, {"my", "i", "ive", "me"}, sessionWords,
			{"when", "how long", "what date", "which day", "how many", "did i", "have i", "was my", "was the", "was i"}}},
	{UsageHint{Command: "supervision", Args: "status", Does: "see when your next supervision is due"},
		[][]string{{"my status", "my supervision status", "my compliance", "my supervision record"}}},
	{UsageHint{Command: "supervision", Args: "setup", Does: "set your role, PCN, locality, supervisor and reminders"},
		[][]string{{"my supervisor", "my role", "my pcn", "my locality", "my details"},
			{"on here", "in here", "on the bot", "on peerbot", "you have", "set as", "listed", "registered", "saved", "down as", "have i set"}}},
	{UsageHint{Command: "supervision", Args: "history", Does: "see the sessions you have logged"},
		[][]string{{"have i logged", "did i log", "ive logged", "i have logged", "have i recorded", "did i record", "how many sessions have i",
			"how many supervisions have i", "how many sessions did i", "how many sessions ive"}, {notRequired}}},
	{UsageHint{Command: "supervision", Args: "status", Does: "see when your next supervision is due"},
		[][]string{{"have i had", "am i", "have i been", "did i have", "have i done", "have i got", "ive had"}, sessionWords,
			{"enough", "compliant", "on track", "up to date", "meeting", "met", "behind", "this month", "this quarter", "this year", "last month"}, {notRequired}}},
	{UsageHint{Command: "supervision", Args: "status", Does: "see when your next supervision is due"},
		[][]string{{"am i overdue", "am i due", "im overdue", "am i behind", "have i missed supervision", "missed my supervision", "am i up to date"}}},
	{UsageHint{Command: "supervision", Args: "log", Does: "log a supervision session"},
		[][]string{{"had supervision", "had my supervision", "had a supervision", "had a session", "had clinical supervision", "had group supervision"},
			{"tell", "told", "record", "log", "note", "let you know", "peerbot", "bot", "you"}}},
	{UsageHint{Command: "supervision", Args: "log", Does: "log a supervision session"},
		[][]string{{"i had supervision", "i had my supervision", "i had clinical supervision", "i had group supervision", "ive had supervision",
			"ive had my supervision", "ive had clinical supervision", "ive had group supervision", "i had a supervision session"},
			{"today", "yesterday", "earlier", "last week", "on monday", "on tuesday", "on wednesday",
				"on thursday", "on friday"}, {notRequired}}},
	{UsageHint{Command: "supervision", Args: "setup", Does: "set your role, PCN, locality, supervisor and reminders"},
		[][]string{{"moved to a new", "moving to a new", "moved pcn", "changed pcn", "moved practice", "changed practice", "new pcn", "different pcn", "changed my role", "changed roles", "changed jobs"},
			{"i", "im", "ive", "my"}}},
	{UsageHint{Command: "supervision", Args: "setup", Does: "set your role, PCN, locality, supervisor and reminders"},
		[][]string{changeWords, profileWords}},
	{UsageHint{Command: "supervision", Args: "setup", Does: "set your role, PCN, locality, supervisor and reminders"},
		[][]string{{"profile"}, {"my", "i"}}},
	{UsageHint{Command: "forget-me", Does: "erase everything peerbot holds about you, after you confirm"},
		[][]string{{"delete", "erase", "remove", "wipe", "get rid of"}, {"about me", "on me", "you have", "you hold", "you keep", "you store", "you know", "all my", "my data", "my information", "my details", "my account"}}},
	{UsageHint{Command: "forget-me", Does: "erase everything peerbot holds about you, after you confirm"},
		[][]string{{"forget me", "delete my data", "erase my data", "delete my account", "delete my information", "delete my details", "remove my data",
			"delete me", "erase me", "wipe me"}}},
	{UsageHint{Command: "my-data", Does: "get everything peerbot holds about you, as a file"},
		[][]string{{"my data", "my information", "data you hold", "data do you hold", "you hold about me", "you keep about me", "you store about me", "you know about me"}}},
	{UsageHint{Command: "my-data", Does: "get everything peerbot holds about you, as a file"},
		[][]string{{"export*", "download*", "copy"}, {"on me", "about me", "my data", "my information", "my details", "my record", "my records"}}},
	{UsageHint{Command: "my-data", Does: "get everything peerbot holds about you, as a file"},
		[][]string{{"gdpr", "subject access"}, append([]string{"me", "my", "mine", "you", "your"}, botWords...)}},
	{UsageHint{Command: "my-data", Does: "get everything peerbot holds about you, as a file"},
		[][]string{{"data", "information", "info", "details", "records", "personal"}, {"about me", "on me", "of mine"},
			{"hold*", "keep*", "kept", "store*", "know*", "have", "has", "collect*", "see", "view", "access", "copy", "get", "download*"}}},
	{UsageHint{Command: "my-data", Does: "get everything peerbot holds about you, as a file"},
		[][]string{{"data", "information", "info", "details", "personal"},
			{"do you store", "do you collect", "you store", "you collect", "does peerbot hold", "does peerbot keep", "does peerbot store", "does the bot hold", "does the bot keep", "does the bot store", "does peerbot collect", "does the bot collect"}}},
	{UsageHint{Command: "ask", Args: "", Does: "ask the peer support channel",
		Note: "Ask me first: when I'm not sure, I offer to post your question to the peer support channel, with your name or without it."},
		[][]string{{"post", "ask", "share", "put"}, {"anonymously", "anonymous", "anon", "without my name", "the channel", "peer channel", "peer support channel"}}},
}

// editArticle are the phrases of editing the articles: "add an
// article", "we've edited the articles".
var editArticle = func() []string {
	var out []string
	for _, verb := range []string{"add", "edit", "edited", "update", "updated", "change", "changed"} {
		for _, det := range []string{"an ", "the ", "a new ", "new ", "our ", ""} {
			out = append(out, verb+" "+det+"article", verb+" "+det+"articles")
		}
	}
	return out
}()

// botWords name peerbot itself in a question.
var botWords = []string{"bot", "peerbot", "chatbot", "this app", "this service", "this tool", "this network", "this workspace",
	"this channel", "this slack", "this group"}

// aboutBot reports whether a question asks what peerbot is or can do, or
// who runs it ("what can this bot do", "who runs this network").
func aboutBot(words []string) bool {
	if hasPhrase(words, "what can you do") || hasPhrase(words, "what else can you do") || hasPhrase(words, "what do you do") && len(words) <= 4 ||
		hasPhrase(words, "who are you") || hasPhrase(words, "are you a bot") || hasPhrase(words, "are you human") {
		return true
	}
	if len(words) == 1 && hasAny(words, "help", "commands", "command") || hasPhrase(words, "what commands") ||
		hasPhrase(words, "list of commands") || len(words) <= 5 && (hasPhrase(words, "how do i use this") || hasPhrase(words, "how to use this") ||
		hasPhrase(words, "how does this work")) {
		return true
	}
	named := false
	for _, w := range botWords {
		if matchesAny(words, w) {
			named = true
		}
	}
	if !named {
		return false
	}
	return matchesAny(words, "what can", "what does", "what do", "what is", "whats", "how do i use", "how does", "how to use",
		"who runs", "who made", "who built", "who owns", "who manages", "who set up", "who is behind", "commands", "help")
}

// usage answers a question about using peerbot itself with the command
// that does it; ok is false for any other question.
func usage(words []string) (UsageHint, bool) {
	if aboutBot(words) {
		return UsageHint{Does: "see everything I can do"}, true
	}
	if hasAny(words, "expense*", "mileage", "travel") && hasAny(words, "claim*", "expense*", "mileage") {
		return UsageHint{}, false // "put in a travel claim for supervision": expenses, not logging a session
	}
	if hasPhrase(words, "put in place") || hasPhrase(words, "put into place") {
		return UsageHint{}, false // "what supervision do we need to put in place": arranging it, not logging a session
	}
	for _, r := range usageRules {
		ok := true
		for _, group := range r.needs {
			if len(group) == 1 && group[0] == notRequired {
				if matchesAny(words, requiredAsked...) {
					ok = false
					break
				}
				continue
			}
			if !matchesAny(words, group...) {
				ok = false
				break
			}
		}
		if ok {
			return r.hint, true
		}
	}
	return UsageHint{}, false
}

// matchesAny reports whether words hold any of the given words, prefixes
// (ending in "*") or phrases (with a space).
func matchesAny(words []string, any ...string) bool {
	for _, a := range any {
		if strings.Contains(a, " ") && hasPhrase(words, a) || !strings.Contains(a, " ") && hasAny(words, a) {
			return true
		}
	}
	return false
}

// commandHints are what each of peerbot's own commands does, for a
// question that names one ("what does /resources do", "how do I use the
// roles command").
var commandHints = []struct {
	name string
	hint UsageHint
}{
	{"resources", UsageHint{Command: "resources", Does: "list guides, training and networks for the roles, local ones first, or the ones on a topic"}},
	{"roles", UsageHint{Command: "roles", Does: "read what each of the three roles does and how they work together"}},
	{"supervision", UsageHint{Command: "supervision", Does: "see when your supervision is due, log sessions and check the standard for your role"}},
	{"sup", UsageHint{Command: "supervision", Does: "see when your supervision is due, log sessions and check the standard for your role"}},
	{"ask", UsageHint{Command: "ask", Does: "ask me a question about the roles, supervision or resources, in your own words"}},
	{"schedule", UsageHint{Command: "schedule", Does: "post a message in a channel on a schedule, such as the network meeting (for network admins)"}},
	{"my-data", UsageHint{Command: "my-data", Does: "get everything peerbot holds about you, as a file"}},
	{"forget-me", UsageHint{Command: "forget-me", Does: "erase everything peerbot holds about you, after you confirm"}},
	{"help", UsageHint{Does: "see everything I can do"}},
}

// commandAsked reports a question about one of peerbot's commands, named
// with its slash ("what does /resources do") or as a command ("the roles
// command"), and what that command does.
func commandAsked(q string, words []string) (UsageHint, bool) {
	lower := strings.ToLower(q)
	for _, c := range commandHints {
		i := strings.Index(lower, "/"+c.name)
		end := i + 1 + len(c.name)
		slashed := i >= 0 && (i == 0 || !isWordByte(lower[i-1])) && (end == len(lower) || !isWordByte(lower[end]) && lower[end] != '-')
		if slashed || hasPhrase(words, c.name+" command") {
			return c.hint, true
		}
	}
	return UsageHint{}, false
}

func isWordByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }
