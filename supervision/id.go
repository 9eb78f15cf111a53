package supervision

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"strings"
)

// idEncoding is base32 in lower case without padding: letters and the digits
// 2 to 7, safe in URLs, Redis keys and Slack button values.
var idEncoding = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

// NewID returns a short random id of 10 characters (50 random bits) from
// a-z and 2-7, for sessions and leave. It is safe to call concurrently.
// Ids are unique within one person's record in practice, not globally.
func NewID() string {
	var b [7]byte   // 56 bits, 12 characters; the first 10 are kept
	rand.Read(b[:]) // crypto/rand.Read never returns an error since Go 1.24
	return strings.ToLower(idEncoding.EncodeToString(b[:]))[:10]
}

// DerivedID returns an id of 12 characters from a-z and 2-7 made from
// parts: the same parts always give the same id, so a record written again
// (a retried request) lands on itself instead of beside itself. Parts are
// kept apart, so ("ab", "c") and ("a", "bc") differ.
func DerivedID(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return idEncoding.EncodeToString(h.Sum(nil))[:12]
}

// mentionID reads a Slack mention as Slack sends it, <@U123> or <@U123|sam>,
// or as typed in the console, @U123, and returns the user id.
func mentionID(s string) (string, bool) {
	switch {
	case strings.HasPrefix(s, "<@") && strings.HasSuffix(s, ">"):
		s = s[2 : len(s)-1]
		if i := strings.IndexByte(s, '|'); i >= 0 {
			s = s[:i]
		}
	case strings.HasPrefix(s, "@"):
		s = s[1:]
	default:
		return "", false
	}
	return s, validUserID(s)
}

// UserID reads a user id however Slack or a person writes one: "U123",
// "@U123", "<@U123>" or "<@U123|sam>". It reports false for anything that
// is not a user id.
func UserID(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if id, ok := mentionID(s); ok || strings.HasPrefix(s, "@") || strings.HasPrefix(s, "<@") {
		return id, ok
	}
	return s, validUserID(s)
}

// validUserID reports whether s looks like a Slack user id: U or W, then
// at least two capital letters or digits. Slack's ids almost always hold a
// digit, but nothing promises it (the console speaks as UCONSOLE).
func validUserID(s string) bool {
	if len(s) < 3 || len(s) > 24 || (s[0] != 'U' && s[0] != 'W') {
		return false
	}
	for i := 1; i < len(s); i++ {
		if c := s[i]; !isDigit(c) && (c < 'A' || c > 'Z') {
			return false
		}
	}
	return true
}
