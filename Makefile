# The two commands: `make run` (the app with demo data) and `make test` (the whole suite).
# Each sets up what it needs first, and is safe to run again.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BUN_VERSION := 1.4.5
BUN_DIR := .tools/bun
PORT ?= 3000
export PORT
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

# Reflex builds its frontend with bun from the npm registry; its own bun download needs the web.
export PATH := $(CURDIR)/$(BUN_DIR)/node_modules/.bin:$(CURDIR)/$(VENV)/bin:$(PATH)
export REFLEX_USE_SYSTEM_BUN := 1
export REFLEX_TELEMETRY_ENABLED := false
export REFLEX_CHECK_LATEST_VERSION := false

.PHONY: run test bench setup lint system-graphviz system-chromium

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e ".[test,bench]"
	touch $@

$(BUN_DIR)/node_modules/.bin/bun:
	mkdir -p $(BUN_DIR)
	npm install --prefix $(BUN_DIR) --no-audit --no-fund --loglevel=error bun@$(BUN_VERSION)
	$@ --version

system-graphviz:
	@command -v dot >/dev/null || { $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq graphviz; }

system-chromium:
	@test -x /usr/bin/chromium || { $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; }

setup: $(VENV)/.installed $(BUN_DIR)/node_modules/.bin/bun system-graphviz

run: setup
	academy migrate
	academy seed-demo --if-empty
	@echo
	@echo "  Serviceakademin: http://localhost:$(PORT)/  (first start builds the frontend)"
	@echo "  Log in as admin@demo.se, utbildare@demo.se, medarbetare@demo.se or strateg@demo.se"
	@echo "  with the password serviceakademin (local demo data only)."
	@echo
	reflex run --env prod --single-port --frontend-port $(PORT)

lint: $(VENV)/.installed
	ruff check .
	ruff format --check .
	lint-imports

test: setup system-chromium lint
	pytest

# Benchmarks (never part of `make test`): figures go to docs/performance.md.
bench: setup system-chromium
	python bench/journeys_bench.py
	python bench/editor_bench.py
	python bench/load.py --rounds 3
	python bench/step_cpu.py
	python bench/import_load.py
	python bench/cli_bench.py
