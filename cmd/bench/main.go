// Command bench measures peerbot as it runs and prints one table: slash
// command round trips over loopback beside a bare signature-check handler
// measured in the same run, the Go benchmarks that matter (search, the
// team view, the scheduler's tick), the idle memory of the running
// process, its time from start to ready, and the Redis bytes one person
// takes. `make bench` runs it; it needs Go and a Redis (REDIS_URL, default
// redis://127.0.0.1:6379/0), and keeps its keys under a prefix of its own,
// removed at the end.
//
// Figures from a shared or busy machine move between runs; compare the
// ratios, which are taken side by side, more than the absolute times.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"time"
)

func main() {
	bare := flag.Bool("bare", false, "serve the bare signature-check handler on 127.0.0.1 and print its address (used by bench itself)")
	bin := flag.String("bin", "", "a built peerbot binary to measure; default: build the module in the current directory")
	runFor := flag.Duration("for", 300*time.Millisecond, "how long each load run lasts")
	rounds := flag.Int("rounds", 8, "load runs per target and concurrency, interleaved with the bare handler's: many short runs share out the noise of a busy machine")
	skipGo := flag.Bool("nogo", false, "skip the go test benchmarks")
	flag.StringVar(&only, "only", "", "measure only the slash commands whose row names contain this (\"status\"), each still beside the bare handler")
	flag.StringVar(&logLevel, "loglevel", "", "LOG_LEVEL for the bot; default the bot's own (info), as in production")
	flag.Parse()
	if *bare {
		if err := serveBare(os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, "bench -bare:", err)
			os.Exit(1)
		}
		return
	}
	ctx := context.Background()
	t := &table{}
	if err := measure(ctx, t, *bin, *runFor, *rounds, *skipGo); err != nil {
		t.print(os.Stdout)
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
	t.print(os.Stdout)
}

func measure(ctx context.Context, t *table, bin string, runFor time.Duration, rounds int, skipGo bool) error {
	t.title = fmt.Sprintf("peerbot bench, %s, %d CPUs, %s", time.Now().UTC().Format("2006-01-02 15:04 MST"), runtime.NumCPU(), runtime.Version())
	tmp, err := os.MkdirTemp("", "peerbot-bench")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if bin == "" {
		bin = filepath.Join(tmp, "peerbot")
		if out, err := exec.CommandContext(ctx, "go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
			return fmt.Errorf("go build: %v\n%s", err, out)
		}
	}
	if err := measureProcess(ctx, t, bin, runFor, rounds); err != nil {
		return err
	}
	if !skipGo {
		for _, gb := range goBenchmarks {
			runGoBench(ctx, t, gb)
		}
	}
	return nil
}

// discard drains r, so a child's output pipe never fills.
func discard(r io.Reader) { _, _ = io.Copy(io.Discard, r) }
