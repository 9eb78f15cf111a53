package bot

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"hash"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Why a request from Slack was refused. All of them are answered 401.
var (
	ErrNoSignature  = errors.New("request has no Slack signature")
	ErrStale        = errors.New("request timestamp is more than 5 minutes away")
	ErrBadSignature = errors.New("request signature does not match")
)

// verify checks Slack's v0 signature as slack-go's SecretsVerifier does:
// HMAC-SHA256, keyed with the signing secret, over "v0:<timestamp>:<body>",
// compared in constant time, with the timestamp within 5 minutes of now
// either way, and the same answers for the same faults. The keyed HMAC is
// kept for the next request (a new one costs its key schedule and a dozen
// allocations each time). https://docs.slack.dev/authentication/verifying-requests-from-slack
func verify(h http.Header, body []byte, secret string) error {
	if secret == "" {
		return ErrNoSignature
	}
	signature := h.Get("X-Slack-Signature")
	stimestamp := h.Get("X-Slack-Request-Timestamp")
	if signature == "" || stimestamp == "" {
		return ErrNoSignature
	}
	signature, ok := strings.CutPrefix(signature, "v0=")
	if !ok {
		return ErrBadSignature
	}
	var want [sha256.Size]byte
	if !decodeHex(want[:], signature) {
		return ErrBadSignature // not hex, or the wrong length
	}
	timestamp, err := strconv.ParseInt(stimestamp, 10, 64)
	if err != nil {
		return ErrNoSignature
	}
	if time.Since(time.Unix(timestamp, 0)).Abs() > 5*time.Minute {
		return ErrStale
	}
	m := macFor(secret)
	defer macs.Put(m)
	m.buf = append(append(append(m.buf[:0], "v0:"...), stimestamp...), ':')
	m.mac.Write(m.buf)
	m.mac.Write(body)
	m.buf = m.mac.Sum(m.buf[:0])
	if !hmac.Equal(m.buf, want[:]) {
		return ErrBadSignature
	}
	return nil
}

// keyedMAC is an HMAC keyed with one secret, and a buffer for its use.
type keyedMAC struct {
	secret string
	mac    hash.Hash
	buf    []byte
}

var macs sync.Pool

// macFor is a reset HMAC keyed with secret, from the pool when one is there.
func macFor(secret string) *keyedMAC {
	if m, ok := macs.Get().(*keyedMAC); ok && m.secret == secret {
		m.mac.Reset()
		return m
	}
	return &keyedMAC{secret: secret, mac: hmac.New(sha256.New, []byte(secret)), buf: make([]byte, 0, 64)}
}

// decodeHex decodes s, which must be exactly hex for len(dst) bytes.
func decodeHex(dst []byte, s string) bool {
	if len(s) != 2*len(dst) {
		return false
	}
	for i := range dst {
		hi, ok1 := fromHex(s[2*i])
		lo, ok2 := fromHex(s[2*i+1])
		if !ok1 || !ok2 {
			return false
		}
		dst[i] = hi<<4 | lo
	}
	return true
}

func fromHex(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
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
