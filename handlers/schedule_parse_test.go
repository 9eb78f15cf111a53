package handlers

import "testing"

func TestScheduleChannel(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"<#C0123ABCD|peer-support>", "C0123ABCD"},
		{"<#C0123ABCD>", "C0123ABCD"},
		{"C0123ABCD", "C0123ABCD"},
		{"<#G0PRIVATE|group>", "G0PRIVATE"},
		{"#peer-support", ""},
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
