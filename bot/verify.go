package bot

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Why a request from Slack was refused. All of them are answered 401.
var (
	ErrNoSignature  = errors.New("request has no Slack signature")
	ErrStale        = errors.New("request timestamp is more than 5 minutes away")
	ErrBadSignature = errors.New("request signature does not match")
)

// signatureWindow is how far a request's timestamp may be from now, either
// way, before it is refused as a possible replay.
const signatureWindow = 5 * time.Minute

// verify checks Slack's v0 signature: HMAC-SHA256, keyed with the signing
// secret, over "v0:<timestamp>:<body>", compared in constant time.
// https://docs.slack.dev/authentication/verifying-requests-from-slack
func verify(h http.Header, body []byte, secret string, now time.Time) error {
	ts := h.Get("X-Slack-Request-Timestamp")
	sig := h.Get("X-Slack-Signature")
	if ts == "" || sig == "" || secret == "" {
		return ErrNoSignature
	}
	secs, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return ErrNoSignature
	}
	if d := now.Sub(time.Unix(secs, 0)); d > signatureWindow || d < -signatureWindow {
		return ErrStale
	}
	got, ok := strings.CutPrefix(sig, "v0=")
	if !ok {
		return ErrBadSignature
	}
	gotMAC, err := hex.DecodeString(got)
	if err != nil {
		return ErrBadSignature
	}
	if !hmac.Equal(gotMAC, sign(secret, ts, body)) {
		return ErrBadSignature
	}
	return nil
}

func sign(secret, ts string, body []byte) []byte {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte("v0:" + ts + ":"))
	mac.Write(body)
	return mac.Sum(nil)
}

// Sign returns the X-Slack-Signature value Slack would send for body at ts,
// for tests and tools that play the part of Slack.
func Sign(secret string, ts time.Time, body []byte) (timestamp, signature string) {
	timestamp = strconv.FormatInt(ts.Unix(), 10)
	return timestamp, "v0=" + hex.EncodeToString(sign(secret, timestamp, body))
}
