# briefpack: the two commands a newcomer needs are `make run` and `make test`.
GO       ?= go
BIN      := bin/briefpack
VERSION  ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS  := -X main.version=$(VERSION)
FUZZTIME ?= 30s
# Fuzz time per target inside `make test` (CI): a few seconds each.
SMOKE_FUZZTIME ?= 3s

.PHONY: all build run test deps bench fuzz fuzz-smoke lint clean

all: build

build:
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/briefpack

## run: build, then write a full briefing pack for the bundled example article to out/
run: build
	./$(BIN) run

## test: every test (unit, golden, corpus when ../shared/corpora exists, end to end) plus a short fuzz pass
test: deps
	$(GO) vet ./...
	$(GO) test -count=1 -timeout 40m ./...
	$(MAKE) --no-print-directory fuzz-smoke

deps:
	@./scripts/deps.sh

## bench: speed and memory figures (BBC corpus articles/s and peak memory, stage throughput)
bench:
	$(GO) test -run '^$$' -bench . -benchmem -benchtime 1x -timeout 60m ./... | tee bench.txt

fuzz-smoke:
	@FUZZTIME=$(SMOKE_FUZZTIME) ./scripts/fuzz.sh

## fuzz: run every fuzz target for FUZZTIME (default 30s) each
fuzz:
	@FUZZTIME=$(FUZZTIME) FUZZMINIMIZETIME=30s ./scripts/fuzz.sh

lint:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || (gofmt -l $$(git ls-files '*.go'); echo "gofmt needed"; exit 1)
	$(GO) vet ./...

clean:
	rm -rf bin bench.txt
