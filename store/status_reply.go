package store

import (
	"errors"
	"strings"
)

// A status read takes each of its three hashes as the raw answer to
// HGETALL and reads it here, without a map or a string for every field
// and value: go-redis's MapStringStringCmd spent over thirty allocations
// of every status reply on them.

// hashReply is an HGETALL answer as field, value, field, value, ...: each
// a part of one string that holds the whole answer.
type hashReply []string

// value is the value of field f, "" when there is none.
func (h hashReply) value(f string) string {
	v, _ := h.lookup(f)
	return v
}

// lookup is the value of field f, and whether the hash has the field. A
// hash a status reads holds a dozen fields at most: a walk costs less
// than a map.
func (h hashReply) lookup(f string) (string, bool) {
	for i := 0; i+1 < len(h); i += 2 {
		if h[i] == f {
			return h[i+1], true
		}
	}
	return "", false
}

// replyError is an error reply from Redis (such as WRONGTYPE) in a raw
// answer. It satisfies redis.Error, as go-redis's own error replies do.
type replyError string

func (e replyError) Error() string { return string(e) }

// RedisError marks replyError as an answer from Redis (redis.Error).
func (replyError) RedisError() {}

// errBadReply is a raw answer that is not what HGETALL answers.
var errBadReply = errors.New("store: unexpected answer to HGETALL")

// appendHashReply reads s, the raw RESP answer to HGETALL, RESP2 (an
// array of bulk strings) or RESP3 (a map), and appends its fields and
// values to dst, as parts of s. An error reply comes back as a
// replyError, and a missing key appends nothing.
func appendHashReply(dst []string, s string) ([]string, error) {
	line, rest, ok := respLine(s)
	if !ok || line == "" {
		return dst, errBadReply
	}
	switch line[0] {
	case '-':
		return dst, replyError(line[1:])
	case '!': // RESP3's blob error: its length, then the message
		msg, _, _ := respLine(rest)
		return dst, replyError(msg)
	case '_':
		return dst, nil
	case '*', '%':
	default:
		return dst, errBadReply
	}
	n, ok := respInt(line[1:])
	if !ok {
		return dst, errBadReply
	}
	if n < 0 {
		return dst, nil
	}
	if line[0] == '%' {
		n *= 2
	}
	if n%2 != 0 {
		return dst, errBadReply
	}
	for range n {
		line, rest, ok = respLine(rest)
		if !ok || len(line) < 2 || line[0] != '$' {
			return dst, errBadReply
		}
		size, ok := respInt(line[1:])
		if !ok || size < 0 || size+2 > len(rest) || rest[size:size+2] != "\r\n" {
			return dst, errBadReply
		}
		dst = append(dst, rest[:size])
		rest = rest[size+2:]
	}
	if rest != "" {
		return dst, errBadReply
	}
	return dst, nil
}

// respLine splits one CRLF-ended line off s.
func respLine(s string) (line, rest string, ok bool) {
	i := strings.Index(s, "\r\n")
	if i < 0 {
		return "", "", false
	}
	return s[:i], s[i+2:], true
}

// respInt reads a RESP length: decimal digits, or -1.
func respInt(s string) (int, bool) {
	if s == "-1" {
		return -1, true
	}
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}
