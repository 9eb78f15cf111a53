package bot

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/slack-go/slack"
)

// Why a request from Slack was refused. All of them are answered 401.
var (
	ErrNoSignature  = errors.New("request has no Slack signature")
	ErrStale        = errors.New("request timestamp is more than 5 minutes away")
	ErrBadSignature = errors.New("request signature does not match")
)

// verify checks Slack's v0 signature with slack-go's SecretsVerifier:
// HMAC-SHA256, keyed with the signing secret, over "v0:<timestamp>:<body>",
// compared in constant time, with the timestamp within 5 minutes of now
// either way. https://docs.slack.dev/authentication/verifying-requests-from-slack
func verify(h http.Header, body []byte, secret string) error {
	sv, err := slack.NewSecretsVerifier(h, secret)
	if err != nil {
		var num *strconv.NumError
		switch {
		case errors.Is(err, slack.ErrExpiredTimestamp):
			return ErrStale
		case errors.Is(err, slack.ErrMissingHeaders), errors.Is(err, slack.ErrInvalidConfiguration), errors.As(err, &num):
			return ErrNoSignature
		}
		return ErrBadSignature // not v0, not hex, the wrong length
	}
	if _, err := sv.Write(body); err != nil {
		return ErrBadSignature
	}
	if err := sv.Ensure(); err != nil {
		return ErrBadSignature
	}
	return nil
}

// Sign returns the X-Slack-Signature value Slack would send for body at ts,
// for tests and tools that play the part of Slack.
func Sign(secret string, ts time.Time, body []byte) (timestamp, signature string) {
	timestamp = strconv.FormatInt(ts.Unix(), 10)
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte("v0:" + timestamp + ":"))
	mac.Write(body)
	return timestamp, "v0=" + hex.EncodeToString(mac.Sum(nil))
}
