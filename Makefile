# Allot — the two commands are `make run` and `make test`; `make bench` prints the performance figures.
SHELL := /bin/bash
export PATH := $(PATH):/opt/swift/usr/bin
SWIFT ?= swift
ALLOT_HOME ?= $(CURDIR)/.allot
export ALLOT_HOME
RELEASE_BIN = .build/release
# The debug `allot` that `make check-api` serves (built by `make test`, else by check-api itself).
ALLOT_BIN ?= .build/debug/allot

.PHONY: run test bench prereqs build release clean generate check-api

## run: prerequisites, release build, embedded database, migrations, the demo ingested, allocated and served.
run: prereqs release
	ALLOT_BIN=$(RELEASE_BIN)/allot scripts/run-demo.sh

## test: the whole test suite against a throwaway PostgreSQL cluster.
## The suite's log (every server and `allot` process the tests start) is checked for tokens afterwards.
test: prereqs
	$(SWIFT) build --build-tests
	rm -f .build/test-suite.log
	ALLOT_TEST_LOG=$(CURDIR)/.build/test-suite.log scripts/with-test-db.sh $(SWIFT) test --skip-build
	scripts/check-test-log.sh .build/test-suite.log
	$(MAKE) --no-print-directory check-api

## check-api: schemathesis (every check) against a live `allot serve` with an admin token, on a throwaway database.
check-api: prereqs
	ALLOT_BIN=$(ALLOT_BIN) scripts/with-test-db.sh scripts/check-api.sh

## generate: regenerate Sources/AllotAPI/Generated from schemas/openapi.yaml, and its stamp (a test checks it).
generate:
	scripts/generate-api.sh

## bench: the benchmark figures, each against a baseline measured in the same run.
bench: release
	@scripts/prereqs.sh --for bench
	$(RELEASE_BIN)/allot-bench
	ALLOT_BIN=$(RELEASE_BIN)/allot scripts/with-test-db.sh scripts/bench.sh

prereqs:
	@scripts/prereqs.sh --for test

build:
	$(SWIFT) build

release:
	$(SWIFT) build -c release

clean:
	rm -rf .build
