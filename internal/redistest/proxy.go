package redistest

import (
	"net"
	"strings"
	"sync"
	"testing"
)

// DropScriptReplies starts a proxy on loopback in front of the Redis at
// target (host:port, anything after it such as "/0" ignored) and returns
// its address. It passes everything both
// ways until a connection sends a script (EVAL or EVALSHA); from then on it
// still passes what the client sends, so the write happens, but drops every
// answer on that connection, as a connection lost mid-reply would. It
// stands in front of one server, not a Cluster. It stops when the test
// ends.
func DropScriptReplies(tb testing.TB, target string) string {
	tb.Helper()
	if i := strings.IndexAny(target, "/?"); i >= 0 {
		target = target[:i]
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go dropAfterScript(c, target)
		}
	}()
	return ln.Addr().String()
}

func dropAfterScript(c net.Conn, target string) {
	defer c.Close()
	up, err := net.Dial("tcp", target)
	if err != nil {
		return
	}
	defer up.Close()
	var mu sync.Mutex
	dropping := false
	go func() {
		buf := make([]byte, 32<<10)
		for {
			n, err := up.Read(buf)
			if err != nil {
				return
			}
			mu.Lock()
			drop := dropping
			mu.Unlock()
			if !drop {
				if _, err := c.Write(buf[:n]); err != nil {
					return
				}
			}
		}
	}()
	buf := make([]byte, 32<<10)
	for {
		n, err := c.Read(buf)
		if err != nil {
			return
		}
		if strings.Contains(strings.ToUpper(string(buf[:n])), "EVAL") {
			mu.Lock()
			dropping = true
			mu.Unlock()
		}
		if _, err := up.Write(buf[:n]); err != nil {
			return
		}
	}
}
