package bot

import (
	"errors"
	"net/http"
	"testing"
	"time"
)

func TestVerify(t *testing.T) {
	const secret = "8f742231b10e8888abcd99yyyzzz85a5"
	body := []byte("token=x&command=%2Froles&text=coach")
	now := time.Unix(1_700_000_000, 0)
	signed := func(secret string, at time.Time, body []byte) http.Header {
		ts, sig := Sign(secret, at, body)
		h := http.Header{}
		h.Set("X-Slack-Request-Timestamp", ts)
		h.Set("X-Slack-Signature", sig)
		return h
	}
	tests := []struct {
		name   string
		header http.Header
		body   []byte
		want   error
	}{
		{"valid", signed(secret, now, body), body, nil},
		{"valid, 4 minutes old", signed(secret, now.Add(-4*time.Minute), body), body, nil},
		{"wrong secret", signed("another-secret", now, body), body, ErrBadSignature},
		{"tampered body", signed(secret, now, body), []byte("token=x&command=%2Froles&text=nurse"), ErrBadSignature},
		{"stale", signed(secret, now.Add(-6*time.Minute), body), body, ErrStale},
		{"from the future", signed(secret, now.Add(6*time.Minute), body), body, ErrStale},
		{"no headers", http.Header{}, body, ErrNoSignature},
		{"no signature", func() http.Header { h := signed(secret, now, body); h.Del("X-Slack-Signature"); return h }(), body, ErrNoSignature},
		{"no timestamp", func() http.Header { h := signed(secret, now, body); h.Del("X-Slack-Request-Timestamp"); return h }(), body, ErrNoSignature},
		{"timestamp not a number", func() http.Header {
			h := signed(secret, now, body)
			h.Set("X-Slack-Request-Timestamp", "soon")
			return h
		}(), body, ErrNoSignature},
		{"not v0", func() http.Header { h := signed(secret, now, body); h.Set("X-Slack-Signature", "v1=abcd"); return h }(), body, ErrBadSignature},
		{"not hex", func() http.Header { h := signed(secret, now, body); h.Set("X-Slack-Signature", "v0=zz"); return h }(), body, ErrBadSignature},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := verify(tt.header, tt.body, secret, now); !errors.Is(err, tt.want) {
				t.Errorf("verify(%s) = %v, want %v", tt.name, err, tt.want)
			}
		})
	}
	if err := verify(signed("", now, body), body, "", now); !errors.Is(err, ErrNoSignature) {
		t.Errorf("verify with no secret configured = %v, want ErrNoSignature", err)
	}
}
