package bot

import (
	"errors"
	"net/http"
	"testing"
	"time"
)

// TestVerify signs with the real clock, as Slack does; a stale request is
// one signed with an old timestamp.
func TestVerify(t *testing.T) {
	const secret = "8f742231b10e8888abcd99yyyzzz85a5"
	body := []byte("token=x&command=%2Froles&text=coach")
	now := time.Now()
	signed := func(secret string, at time.Time, body []byte) http.Header {
		ts, sig := Sign(secret, at, body)
		h := http.Header{}
		h.Set("X-Slack-Request-Timestamp", ts)
		h.Set("X-Slack-Signature", sig)
		return h
	}
	with := func(h http.Header, name, value string) http.Header {
		h = h.Clone()
		if value == "" {
			h.Del(name)
		} else {
			h.Set(name, value)
		}
		return h
	}
	good := signed(secret, now, body)
	tests := []struct {
		name   string
		header http.Header
		body   []byte
		want   error
	}{
		{"valid", good, body, nil},
		{"valid, 4 minutes old", signed(secret, now.Add(-4*time.Minute), body), body, nil},
		{"wrong secret", signed("another-secret", now, body), body, ErrBadSignature},
		{"tampered body", good, []byte("token=x&command=%2Froles&text=nurse"), ErrBadSignature},
		{"stale", signed(secret, now.Add(-6*time.Minute), body), body, ErrStale},
		{"from the future", signed(secret, now.Add(6*time.Minute), body), body, ErrStale},
		{"no headers", http.Header{}, body, ErrNoSignature},
		{"no signature", with(good, "X-Slack-Signature", ""), body, ErrNoSignature},
		{"no timestamp", with(good, "X-Slack-Request-Timestamp", ""), body, ErrNoSignature},
		{"timestamp not a number", with(good, "X-Slack-Request-Timestamp", "soon"), body, ErrNoSignature},
		{"not v0", with(good, "X-Slack-Signature", "v1=abcd"), body, ErrBadSignature},
		{"not hex", with(good, "X-Slack-Signature", "v0=zz"), body, ErrBadSignature},
		{"too short", with(good, "X-Slack-Signature", "v0=abcd"), body, ErrBadSignature},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := verify(tt.header, tt.body, secret); !errors.Is(err, tt.want) {
				t.Errorf("verify(%s) = %v, want %v", tt.name, err, tt.want)
			}
		})
	}
	if err := verify(signed("", now, body), body, ""); !errors.Is(err, ErrNoSignature) {
		t.Errorf("verify with no secret configured = %v, want ErrNoSignature", err)
	}
}
