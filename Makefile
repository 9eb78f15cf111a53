# Targets for working on peerbot. CI (.ci/run) runs the same commands.

STATICCHECK := go run honnef.co/go/tools/cmd/staticcheck@v0.8.2

.PHONY: run test bench lint fmt content chaos

# run starts the bot: a local console with no Slack settings, else as the
# environment says (see .env.example).
run:
	go run .

# test needs a Redis on 127.0.0.1:6379, or REDIS_TEST_URL.
test:
	go test -race -count=1 ./...

bench:
	go test -run '^$$' -bench . -benchmem ./...

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
