package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// goBench is a go test benchmark whose results become rows: every result
// line its pattern matches is a row of its own, named by label and the
// sub-benchmark. A benchmark another branch adds is plugged in by adding
// (or correcting) its line here.
type goBench struct {
	label     string
	pkg       string // as go test takes it: ./knowledge/
	pattern   string // -bench
	benchtime string // -benchtime
	missing   string // the row's detail when nothing matches
}

var goBenchmarks = []goBench{
	{label: "search, per query", pkg: "./knowledge/", pattern: "^BenchmarkSearch(Shipped|10k)$", benchtime: "1s",
		missing: "no BenchmarkSearchShipped in knowledge"},
	{label: "supervision handler", pkg: "./handlers/", pattern: "^BenchmarkSupervision(Team|Status|Home)$", benchtime: "1s",
		missing: "no BenchmarkSupervisionTeam in handlers on this branch; see the round-trip rows above"},
	{label: "scheduler tick, 1,000 due", pkg: "./store/", pattern: "^BenchmarkReminderTick$", benchtime: "1x",
		missing: "no BenchmarkReminderTick in store on this branch (10k/100k/1M stored reminders)"},
}

// resultLine is a go test benchmark result: name, iterations, then value
// and unit pairs (ns/op, B/op, allocs/op and any custom metric).
var resultLine = regexp.MustCompile(`^(Benchmark\S+?)(?:-\d+)?\s+(\d+)\s+(.*)$`)

func runGoBench(ctx context.Context, t *table, gb goBench) {
	ctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", "test", "-run", "^$", "-bench", gb.pattern, "-benchtime", gb.benchtime, "-benchmem", "-count", "1", gb.pkg)
	out, err := cmd.CombinedOutput()
	found := 0
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		m := resultLine.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		found++
		name := strings.TrimPrefix(m[1], "Benchmark")
		value, detail := benchFigures(m[3])
		t.add(gb.label+" ("+name+")", value, detail)
	}
	switch {
	case err != nil && found == 0:
		t.add(gb.label, "-", fmt.Sprintf("go test %s failed: %s", gb.pkg, lastLine(out)))
	case found == 0:
		t.add(gb.label, "-", gb.missing)
	}
}

// benchFigures turns "1234 ns/op  56 B/op  7 allocs/op  8.0 x/op" into the
// time per op and the rest in words.
func benchFigures(s string) (value, detail string) {
	f := strings.Fields(s)
	var rest []string
	value = "-"
	for i := 0; i+1 < len(f); i += 2 {
		n, err := strconv.ParseFloat(f[i], 64)
		if err != nil {
			continue
		}
		switch unit := f[i+1]; unit {
		case "ns/op":
			value = dur(time.Duration(n))
		case "B/op":
			rest = append(rest, bytesIEC(n)+"/op")
		case "allocs/op":
			rest = append(rest, fmt.Sprintf("%.0f allocs/op", n))
		default:
			rest = append(rest, f[i]+" "+unit)
		}
	}
	return value, strings.Join(rest, ", ")
}

func lastLine(out []byte) string {
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	return lines[len(lines)-1]
}
