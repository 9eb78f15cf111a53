package store

import (
	"errors"
	"slices"
	"testing"

	"github.com/redis/go-redis/v9"
)

// TestAppendHashReply reads HGETALL answers as Redis writes them in RESP2
// and RESP3, with the error replies and broken answers a read can meet.
func TestAppendHashReply(t *testing.T) {
	for _, tc := range []struct {
		name, raw string
		want      hashReply
		replyErr  bool // an error reply from Redis
		bad       bool // not an answer to HGETALL
	}{
		{name: "RESP2", raw: "*4\r\n$4\r\nrole\r\n$4\r\nsplw\r\n$2\r\ntz\r\n$13\r\nEurope/London\r\n", want: hashReply{"role", "splw", "tz", "Europe/London"}},
		{name: "RESP3", raw: "%2\r\n$4\r\nrole\r\n$4\r\nsplw\r\n$1\r\nv\r\n$1\r\n1\r\n", want: hashReply{"role", "splw", "v", "1"}},
		{name: "value holding CRLF and an empty one", raw: "*4\r\n$1\r\na\r\n$4\r\nx\r\ny\r\n$1\r\nb\r\n$0\r\n\r\n", want: hashReply{"a", "x\r\ny", "b", ""}},
		{name: "missing key, RESP2", raw: "*0\r\n", want: hashReply{}},
		{name: "missing key, RESP3", raw: "%0\r\n", want: hashReply{}},
		{name: "null", raw: "_\r\n", want: hashReply{}},
		{name: "WRONGTYPE", raw: "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n", replyErr: true},
		{name: "blob error", raw: "!21\r\nSYNTAX invalid syntax\r\n", replyErr: true},
		{name: "empty", raw: "", bad: true},
		{name: "odd count", raw: "*1\r\n$1\r\na\r\n", bad: true},
		{name: "cut short", raw: "*2\r\n$4\r\nrole\r\n$4\r\nsp", bad: true},
		{name: "not a bulk string", raw: "*2\r\n:1\r\n$1\r\na\r\n", bad: true},
		{name: "trailing bytes", raw: "*0\r\n+OK\r\n", bad: true},
		{name: "length too long", raw: "*2\r\n$9\r\nrole\r\n$1\r\na\r\n", bad: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := appendHashReply(hashReply{}, tc.raw)
			var reply redis.Error
			switch {
			case tc.replyErr:
				if !errors.As(err, &reply) || !isRedisReply(err) {
					t.Fatalf("appendHashReply(%q) = %v, want an error reply", tc.raw, err)
				}
			case tc.bad:
				if !errors.Is(err, errBadReply) {
					t.Fatalf("appendHashReply(%q) = %q, %v; want errBadReply", tc.raw, got, err)
				}
			case err != nil || !slices.Equal(got, tc.want):
				t.Fatalf("appendHashReply(%q) = %q, %v; want %q", tc.raw, got, err, tc.want)
			}
		})
	}
	h := hashReply{"role", "splw", "tz", ""}
	if v, ok := h.lookup("tz"); v != "" || !ok {
		t.Errorf(`lookup("tz") = %q, %v; want "", true`, v, ok)
	}
	if v, ok := h.lookup("pcn"); v != "" || ok {
		t.Errorf(`lookup("pcn") = %q, %v; want "", false`, v, ok)
	}
}
