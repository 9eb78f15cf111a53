package main

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// table is the one table bench prints: a measure, its figure, and what the
// figure means beside others.
type table struct {
	title string
	rows  []row
}

type row struct{ measure, value, detail string }

func (t *table) add(measure, value, detail string) {
	t.rows = append(t.rows, row{measure, value, detail})
}

func (t *table) print(w io.Writer) {
	mw, vw := len("MEASURE"), len("VALUE")
	for _, r := range t.rows {
		mw, vw = max(mw, len(r.measure)), max(vw, len(r.value))
	}
	fmt.Fprintf(w, "\n%s\n\n", t.title)
	fmt.Fprintf(w, "%-*s  %*s  %s\n", mw, "MEASURE", vw, "VALUE", "DETAIL")
	fmt.Fprintf(w, "%s  %s  %s\n", strings.Repeat("-", mw), strings.Repeat("-", vw), strings.Repeat("-", 30))
	for _, r := range t.rows {
		fmt.Fprintf(w, "%-*s  %*s  %s\n", mw, r.measure, vw, r.value, r.detail)
	}
	fmt.Fprintln(w)
}

// dur prints a duration with three significant figures.
func dur(d time.Duration) string {
	switch {
	case d < time.Microsecond:
		return fmt.Sprintf("%d ns", d.Nanoseconds())
	case d < time.Millisecond:
		return fmt.Sprintf("%.1f µs", float64(d)/float64(time.Microsecond))
	case d < time.Second:
		return fmt.Sprintf("%.2f ms", float64(d)/float64(time.Millisecond))
	}
	return fmt.Sprintf("%.2f s", d.Seconds())
}

// bytesIEC prints a byte count in B, KiB or MiB.
func bytesIEC(n float64) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%.0f B", n)
	case n < 1<<20:
		return fmt.Sprintf("%.1f KiB", n/(1<<10))
	}
	return fmt.Sprintf("%.1f MiB", n/(1<<20))
}
