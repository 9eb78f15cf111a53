package main

import (
	"strings"
	"testing"
)

func TestBenchFigures(t *testing.T) {
	tests := []struct {
		line, name, value, detail string
	}{
		{"BenchmarkSearchShipped-2   \t   20000\t     51234 ns/op\t    8712 B/op\t      93 allocs/op",
			"SearchShipped", "51.2 µs", "8.5 KiB/op, 93 allocs/op"},
		{"BenchmarkTick/due=1M-2  3  812345678 ns/op  1024.0 sent/op",
			"Tick/due=1M", "812.35 ms", "1024.0 sent/op"},
		{"BenchmarkTeam50 1000 950 ns/op", "Team50", "950 ns", ""},
	}
	for _, tt := range tests {
		m := resultLine.FindStringSubmatch(tt.line)
		if m == nil {
			t.Errorf("%q is not read as a result", tt.line)
			continue
		}
		value, detail := benchFigures(m[3])
		if name := strings.TrimPrefix(m[1], "Benchmark"); name != tt.name || value != tt.value || detail != tt.detail {
			t.Errorf("%q = %q, %q, %q; want %q, %q, %q", tt.line, name, value, detail, tt.name, tt.value, tt.detail)
		}
	}
	for _, line := range []string{"PASS", "ok  \tgithub.com/peerbot/peerbot/knowledge\t1.2s", "goos: linux"} {
		if resultLine.MatchString(line) {
			t.Errorf("%q is read as a result", line)
		}
	}
}
