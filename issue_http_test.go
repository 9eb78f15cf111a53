package main

import (
	"strings"
	"testing"
)

// TestHTTPIssueQuestions asks, over HTTP with signed requests and real
// Redis, the questions staff asked when trying the bot (issue 11), as the
// people who asked them: profiles are set with /supervision setup first,
// as a person would, so answers for "my" role come from what they saved.
func TestHTTPIssueQuestions(t *testing.T) {
	p := startHTTP(t, nil)
	for user, setup := range map[string]string{
		"UCOACH":  "setup role=coach pcn=Central locality=london",
		"ULINK":   "setup role=splw pcn=North",
		"UCC":     "setup role=cc pcn=South",
		"UGATES":  "setup role=splw pcn=Riverside locality=gateshead",
		"ULONDON": "setup role=coach pcn=Thames locality=london",
	} {
		mustContain(t, user+" setup", p.slashAs(t, user, "/supervision", setup), "Saved")
	}
	const (
		safety  = "I can't advise on clinical risk."
		notSure = "I'm not sure"
	)
	tests := []struct {
		user, q string
		want    string // what the reply must say
		not     string // what its first line must not say; "" for nothing
	}{
		{"UCOACH", "how often should I have supervision", "Supervision for health and wellbeing coaches", "care coordinators"},
		{"ULINK", "how often should I have supervision", "Supervision for social prescribing link workers", ""},
		{"UCOACH", "what band am I", "Health and wellbeing coach pay band", "Care coordinator"},
		{"ULINK", "what is my role", "Social prescribing link worker (SPLW)", ""},
		{"UCOACH", "who supervises me", "Supervision for health and wellbeing coaches", ""},
		{"UCC", "what training must I do", "Training for care coordinators", ""},
		{"UGATES", "what's ARRS", "ARRS stands for", ""},
		{"ULONDON", "what is a PCN", "PCN stands for", ""},
		{"UGATES", "what training does a link worker need", "Training for social prescribing link workers", ""},
		{"U1", "explain ARRS", "ARRS stands for", ""},
		{"U1", "what does PCI stand for", "PCI stands for", ""},
		{"U1", "wat is a care coordinater", "Care coordinator (CC)", ""},
		{"U1", "spl w supervision", "Supervision for social prescribing link workers", ""},
		{"U1", "an isolated older man who has stopped going out, who should I refer him to", "Who can help: Social prescribing link worker (SPLW)", ""},
		{"U1", "someone with COPD who wants to get more active", "Who can help: Health and wellbeing coach (HWBC)", ""},
		{"U1", "a patient confused by hospital letters and appointments", "Who can help: Care coordinator (CC)", ""},
		{"U1", "someone who would enjoy a walking group or an art class", "Who can help: Social prescribing link worker (SPLW)", ""},
		{"U1", "what is the minimum wage", notSure, "pay band"},
		{"U1", "my patient is suicidal what do I do", safety, notSure},
		{"U1", "does a coach give people advice", "do not tell people what to do", ""},
	}
	for _, tt := range tests {
		got := p.slashAs(t, tt.user, "/ask", tt.q)
		mustContain(t, tt.user+" asks "+tt.q, got, tt.want)
		first, _, _ := strings.Cut(strings.TrimSpace(got), "\n")
		if tt.not != "" && strings.Contains(first, tt.not) {
			t.Errorf("%s asks %q: the reply opens with %q:\n%s", tt.user, tt.q, first, got)
		}
		if tt.want == safety && !strings.HasPrefix(strings.TrimSpace(got), safety) {
			t.Errorf("%s asks %q: the safety reply does not come first:\n%s", tt.user, tt.q, got)
		}
	}
}
