# Targets for working on peerbot. CI (.ci/run) runs the same commands.

STATICCHECK := go run honnef.co/go/tools/cmd/staticcheck@v0.8.2

.PHONY: run test bench lint fmt content eval

# run starts the bot: a local console with no Slack settings, else as the
# environment says (see .env.example).
run:
	go run .

# test needs a Redis on 127.0.0.1:6379, or REDIS_TEST_URL.
test:
	go test -race -count=1 ./...

bench:
	go test -run '^$$' -bench . -benchmem ./...

# eval prints how /ask answers the question sets in knowledge/testdata:
# confident and right, confident but wrong, honestly unsure, off-topic
# answered confidently, safety replies and unsourced answers. The held-back
# set's figures are held to targets in CI (TestEvalHeldBack).
eval:
	@go test -count=1 -run 'TestEval' -v ./knowledge | grep -E 'in scope|^(ok|FAIL|---)'

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
