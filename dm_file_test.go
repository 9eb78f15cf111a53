package main

import (
	"testing"
	"time"
)

// TestHTTPDirectMessageWithAFile: a question typed with a file (a
// screenshot, say) is answered, and a file sent with no words gets a
// word back saying only typed words are read, not silence.
func TestHTTPDirectMessageWithAFile(t *testing.T) {
	p := startHTTP(t, nil)
	const me = "U0DMFILE1"
	withWords := `{"type":"message","subtype":"file_share","channel":"D0FILE1","channel_type":"im","user":"` + me + `","text":"what does a health and wellbeing coach do","ts":"1700000500.000100","event_ts":"1700000500.000100","files":[{"id":"F1"}]}`
	p.post(t, "application/json", eventBody("EvFile1", withWords), testSecret, time.Now())
	mustContain(t, "a question sent with a file", p.postsTo(t, "D0FILE1", 1)[0].Get("text"), "Health and wellbeing coach")
	alone := `{"type":"message","subtype":"file_share","channel":"D0FILE1","channel_type":"im","user":"` + me + `","text":"","ts":"1700000501.000100","event_ts":"1700000501.000100","files":[{"id":"F2"}]}`
	p.post(t, "application/json", eventBody("EvFile2", alone), testSecret, time.Now())
	mustContain(t, "a file with no words", p.postsTo(t, "D0FILE1", 2)[1].Get("text"), "only read typed words")
}
