# Allot — the two commands are `make run` and `make test`; `make bench` prints the performance figures.
SHELL := /bin/bash
export PATH := $(PATH):/opt/swift/usr/bin
SWIFT ?= swift
ALLOT_HOME ?= $(CURDIR)/.allot
export ALLOT_HOME
RELEASE_BIN = .build/release

.PHONY: run test bench prereqs build release clean

## run: prerequisites, release build, embedded database, migrations, then the main job.
run: prereqs release
	$(RELEASE_BIN)/allot db start
	$(RELEASE_BIN)/allot migrate
	$(RELEASE_BIN)/allot status

## test: the whole test suite against a throwaway PostgreSQL cluster.
test: prereqs
	$(SWIFT) build --build-tests
	scripts/with-test-db.sh $(SWIFT) test --skip-build

## bench: the benchmark figures, each against a baseline measured in the same run.
bench: release
	@scripts/prereqs.sh --for bench
	$(RELEASE_BIN)/allot-bench

prereqs:
	@scripts/prereqs.sh --for test

build:
	$(SWIFT) build

release:
	$(SWIFT) build -c release

clean:
	rm -rf .build
