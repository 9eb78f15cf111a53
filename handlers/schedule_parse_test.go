package handlers

import (
	"strings"
	"testing"
)

func TestScheduleChannel(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"<#C0123ABCD|peer-support>", "C0123ABCD"},
		{"<#C0123ABCD>", "C0123ABCD"},
		{"C0123ABCD", "C0123ABCD"},
		{"<#G0PRIVATE|group>", "G0PRIVATE"},
		{"#peer-support", ""},
		{"#C0123ABCD", "C0123ABCD"},
		{"##C0123ABCD", ""},
		{"<#C0123ABCD", ""},
		{"<!channel>", ""},
		{"<@U0123ABCD>", ""},
		{"c0123abcd", ""},
		{"C01", ""},
	} {
		if got := scheduleChannel(tc.in); got != tc.want {
			t.Errorf("scheduleChannel(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestScheduleQuoted(t *testing.T) {
	for _, tc := range []struct {
		in, spec, rest string
		ok             bool
	}{
		{`"0 10 * * MON" C1 hi`, "0 10 * * MON", " C1 hi", true},
		{`“CRON_TZ=Europe/London 0 10 * * MON” <#C1> hi`, "CRON_TZ=Europe/London 0 10 * * MON", " <#C1> hi", true},
		{`'@weekly' C1 hi`, "@weekly", " C1 hi", true},
		{`"" C1 hi`, "", ` C1 hi`, false},
		{`"0 10 * * MON C1 hi`, "", `"0 10 * * MON C1 hi`, false},
		{`0 10 * * MON C1 hi`, "", `0 10 * * MON C1 hi`, false},
	} {
		spec, rest, ok := scheduleQuoted(tc.in)
		if spec != tc.spec || rest != tc.rest || ok != tc.ok {
			t.Errorf("scheduleQuoted(%q) = %q, %q, %v, want %q, %q, %v", tc.in, spec, rest, ok, tc.spec, tc.rest, tc.ok)
		}
	}
}

// TestScheduleWords: a schedule said in words, as an admin would type it,
// becomes the cron spec it means; words it cannot read are named, and a
// schedule with no time or no days is refused.
func TestScheduleWords(t *testing.T) {
	for in, want := range map[string]string{
		"every Monday at 10:00 #peer-support Hi":      "0 10 * * MON",
		"every monday 10am C0123ABCD Hi":              "0 10 * * MON",
		"every monday at 10 C0123ABCD Hi":             "0 10 * * MON",
		"each Wednesday at 2.30pm C0123ABCD Hi":       "30 14 * * WED",
		"every weekday at 9am C0123ABCD Hi":           "0 9 * * MON-FRI",
		"daily at 09:30 C0123ABCD Hi":                 "30 9 * * *",
		"every day at noon C0123ABCD Hi":              "0 12 * * *",
		"every tue and thu at 2pm C0123ABCD Hi":       "0 14 * * TUE,THU",
		"every Mon, Wed & Fri at 8:15 C0123ABCD Hi":   "15 8 * * MON,WED,FRI",
		"on the 1st of every month at 09:30 <#C1> Hi": "30 9 1 * *",
		"every other Monday at 10:00 C0123ABCD Hi":    "WEEKS=2 0 10 * * MON",
		"fortnightly on Mondays at 10am C0123ABCD Hi": "WEEKS=2 0 10 * * MON",
		"every fortnight on tue and thu at 2pm <#C1>": "WEEKS=2 0 14 * * TUE,THU",
		"every two weeks on Wednesday at 9am <#C1> x": "WEEKS=2 0 9 * * WED",
		"every 3 weeks on Friday at 16:00 <#C1> x":    "WEEKS=3 0 16 * * FRI",
		"mondays at 12am C0123ABCD Hi":                "", // "mondays" does not start a schedule
	} {
		spec, _, matched, problem := scheduleWords(in)
		if want == "" {
			if matched {
				t.Errorf("scheduleWords(%q) matched: %q %q", in, spec, problem)
			}
			continue
		}
		if !matched || problem != "" || spec != want {
			t.Errorf("scheduleWords(%q) = %q, %v, %q; want %q", in, spec, matched, problem, want)
		}
	}
	for in, want := range map[string]string{
		"every monday C0123ABCD Hi":             "say what time",
		"every day at 25:00 C0123ABCD Hi":       "couldn't read “25:00”",
		"every fortnight at 10:00 C0123ABCD Hi": "say which weekday",
		"every at 10:00 C0123ABCD Hi":           "say which days",
		"every monday on the 3rd at 9am <#C1>":  "not both",
		"every other day at 9am <#C1>":          "say which weekday",
		"every 60 weeks on monday at 9am <#C1>": "1 to 52 weeks",
	} {
		_, _, matched, problem := scheduleWords(in)
		if !matched || !strings.Contains(problem, want) {
			t.Errorf("scheduleWords(%q) = %v, %q; want a problem holding %q", in, matched, problem, want)
		}
	}
	if _, rest, _, _ := scheduleWords("every monday at 10:00 <#C0123ABCD|peer-support>  Meet  at 10"); rest != "<#C0123ABCD|peer-support>  Meet  at 10" {
		t.Errorf("the channel and text after the words = %q, want them as typed", rest)
	}
}

// TestScheduleInWords: a spec of the kind words make is said in words
// again; any other is not.
func TestScheduleInWords(t *testing.T) {
	for spec, want := range map[string]string{
		"0 10 * * MON":                        "every Monday at 10:00",
		"15 8 * * MON,WED,FRI":                "every Monday, Wednesday and Friday at 08:15",
		"0 9 * * MON-FRI":                     "every weekday at 09:00",
		"30 9 * * *":                          "every day at 09:30",
		"30 9 1 * *":                          "on the 1st of every month at 09:30",
		"0 10 22 * *":                         "on the 22nd of every month at 10:00",
		"WEEKS=2@2026-12-07 0 10 * * MON":     "every other Monday at 10:00",
		"WEEKS=2@2026-12-07 0 14 * * TUE,THU": "every other week on Tuesday and Thursday at 14:00",
		"WEEKS=3@2026-12-07 0 16 * * FRI":     "every 3 weeks on Friday at 16:00",
		"CRON_TZ=Europe/London 0 10 * * MON":  "",
		"*/5 * * * *":                         "",
		"@weekly":                             "",
	} {
		if got := scheduleInWords(spec); got != want {
			t.Errorf("scheduleInWords(%q) = %q, want %q", spec, got, want)
		}
	}
}

// TestSchedulePostText: a link Slack made is a link shown as its own
// address, never as a label that hides it; everything else is marked as
// typed.
func TestSchedulePostText(t *testing.T) {
	for in, want := range map[string]string{
		"Join <https://meet.example/x>":            AsTyped("Join ") + "[meet.example/x](https://meet.example/x)",
		"<https://evil.example/a|click here>":      "[evil.example/a](https://evil.example/a)",
		"<!here> and <!channel>":                   AsTyped("@here") + AsTyped(" and ") + AsTyped("@channel"),
		"<@U0SAM1|sam> <@U0KIM1>":                  AsTyped("@sam") + AsTyped(" ") + AsTyped("@U0KIM1"),
		"<#C0PEERS|peer-support>":                  AsTyped("#peer-support"),
		"<mailto:hub@example.org|hub@example.org>": AsTyped("hub@example.org"),
		"<javascript:alert(1)|x>":                  AsTyped("<javascript:alert(1)|x>"),
		"a < b":                                    AsTyped("a < b"),
	} {
		if got := schedulePostText(in); got != want {
			t.Errorf("schedulePostText(%q) = %q, want %q", in, got, want)
		}
	}
}
