package supervision

import (
	"crypto/rand"
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
