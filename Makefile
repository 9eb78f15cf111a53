# Targets for working on peerbot. CI (.ci/run) runs the same commands.

STATICCHECK := go run honnef.co/go/tools/cmd/staticcheck@v0.8.2

.PHONY: run test bench fuzz lint fmt content eval chaos

# run starts the bot: a local console with no Slack settings, else as the
# environment says (see .env.example).
run:
	go run .

# test needs a Redis on 127.0.0.1:6379, or REDIS_TEST_URL.
test:
	go test -race -count=1 ./...

# bench prints one table: slash round trips over loopback beside a bare
# signature-check handler, search, the team view, the scheduler's tick, idle
# RSS, start-to-ready time and Redis bytes per person (cmd/bench). It needs
# a Redis (REDIS_URL, default 127.0.0.1:6379) and takes a few minutes.
# BENCHFLAGS passes flags on, e.g. BENCHFLAGS='-for 2s -rounds 5'.
bench:
	go run ./cmd/bench $(BENCHFLAGS)

# fuzz runs every fuzz target in the module (each func Fuzz... in a
# _test.go file) for FUZZTIME, one after another, and stops at the first
# failure (its input is saved under the package's testdata/fuzz). Go's
# default -fuzzminimizetime of 60s stalls the fuzzer on minimising each new
# interesting input (0 execs/sec for long stretches); 1s keeps it at full
# speed and still shortens a failing input. Plain go test (make test, CI)
# runs each target's seed corpus.
FUZZTIME ?= 60s
fuzz:
	@targets="$$(grep -r --include='*_test.go' -o '^func Fuzz[A-Za-z0-9_]*' . | sed 's/:func /:/' | sort)"; \
	if [ -z "$$targets" ]; then echo "no fuzz targets"; exit 1; fi; \
	for t in $$targets; do \
		dir="$$(dirname "$${t%%:*}")"; name="$${t##*:}"; \
		echo "== $$dir $$name ($(FUZZTIME))"; \
		go test -run '^$$' -fuzz "^$$name$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 1s "$$dir" || exit 1; \
	done

# eval prints how /ask answers the question sets in knowledge/testdata:
# confident and right, confident but wrong, honestly unsure, off-topic
# answered confidently, safety replies and unsourced answers. The held-back
# set's figures are held to targets in CI (TestEvalHeldBack). The fresh set
# (questions_fresh.json, TestEvalFresh) is only reported: its questions were
# written without reading the engine, the articles or the other sets.
eval:
	@go test -count=1 -run 'TestEval' -v ./knowledge | grep -E 'in scope|^(ok|FAIL|---)'

# chaos runs three peerbot processes over 10,000 reminders against its own
# redis-server and a fake Slack, kills one and restarts Redis part way, and
# fails unless each reminder was delivered exactly once (internal/chaos).
chaos:
	go run ./internal/chaos

# content checks the shipped articles and standards (see README, Content).
content:
	go run . knowledge check

lint:
	go vet ./...
	$(STATICCHECK) ./...

# fmt fails, listing the files, when any Go file is not gofmt-formatted.
fmt:
	@files="$$(gofmt -l .)"; \
	if [ -n "$$files" ]; then echo "not gofmt-formatted (run gofmt -w on them):"; echo "$$files"; exit 1; fi
