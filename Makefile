# Spil: the two commands are `make run` and `make test`; the rest are their parts.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
SPIL_PORT ?= 8000
NPM := npm --prefix frontend
SPECTRAL := npx --yes @stoplight/spectral-cli@6.15.0
# The official ADR ruleset: the workplace's copy when it is there, else the one pinned in standards/.
ADR_RULES ?= $(firstword $(wildcard ../shared/standards/adr-linter.yaml) standards/adr-linter.yaml)
export SPIL_PORT
# The demo accounts share a published password: `make run` asks their admins for no second factor
# (docs/decisions/0022-two-factor-login.md). A deployment keeps the default, required.
SPIL_TWO_FACTOR_FOR_ADMINS ?= optional
export SPIL_TWO_FACTOR_FOR_ADMINS

.PHONY: help run install backend-install frontend-install frontend-build migrate seed client \
        test lint test-backend test-frontend check-client adr-lint fuzz compose-check smoke soak system-deps bench bench-sync bench-import profile clean

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 18

# --- set-up ---------------------------------------------------------------------------------
$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python backend/pyproject.toml backend/constraints.txt
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c backend/constraints.txt -e 'backend[dev]'
	@touch $@

# The client generator the tests run as an integrator would (tests/test_generated_client.py), in a
# virtual environment of its own: it pins an older typer than the app's CLI.
CODEGEN ?= .venv-codegen
$(CODEGEN)/.installed: backend/codegen-constraints.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	$(PYTHON) -m venv $(CODEGEN)
	$(CODEGEN)/bin/pip install --quiet -r backend/codegen-constraints.txt
	@touch $@

backend-install: $(VENV)/.installed $(CODEGEN)/.installed ## Create the virtual environments and install the backend

frontend/node_modules/.installed: frontend/package.json frontend/package-lock.json
	$(NPM) ci --no-audit --no-fund
	@touch $@

frontend-install: frontend/node_modules/.installed ## Install the SPA's packages

frontend/dist/index.html: frontend/node_modules/.installed $(shell find frontend/src frontend/index.html frontend/vite.config.ts -type f 2>/dev/null)
	$(NPM) run build

frontend-build: frontend/dist/index.html ## Build the SPA into frontend/dist

install: backend-install frontend-install ## Install everything

migrate: backend-install ## Apply the database migrations
	$(BIN)/alembic upgrade head

seed: migrate ## Load the demo data (idempotent)
	$(BIN)/spil seed-demo

# --- the first command ----------------------------------------------------------------------
run: backend-install frontend-build seed ## Install, migrate, load demo data, serve API + SPA on one port
	@echo ""
	@echo "Spil runs on http://127.0.0.1:$(SPIL_PORT)  (API: /api/v1, docs: /api/v1/docs). Ctrl-C stops it."
	$(BIN)/uvicorn spil.main:app --host 127.0.0.1 --port $(SPIL_PORT)

client: backend-install frontend-install ## Regenerate the typed API client from the OpenAPI document
	$(BIN)/spil openapi > frontend/openapi.json
	$(NPM) run gen:client

# --- the second command ---------------------------------------------------------------------
test: lint test-backend adr-lint fuzz test-frontend compose-check smoke ## Everything (what CI runs)
	@echo "make test: all checks passed."

lint: backend-install ## ruff and mypy
	$(BIN)/ruff check backend
	$(BIN)/ruff format --check backend
	cd backend && ../$(BIN)/mypy spil bench

test-backend: backend-install ## Backend tests on SQLite and PostgreSQL (migrations, API, permissions)
	cd backend && ../$(BIN)/pytest

adr-lint: backend-install ## The Dutch API Design Rules lint (0 errors)
	@test -f $(ADR_RULES) || { echo "ADR ruleset not found at $(ADR_RULES)"; exit 1; }
	@if [ -f ../shared/standards/adr-linter.yaml ] && ! cmp -s ../shared/standards/adr-linter.yaml standards/adr-linter.yaml; then \
	  echo "note: standards/adr-linter.yaml differs from ../shared/standards/adr-linter.yaml: copy the new one"; fi
	@mkdir -p var
	$(BIN)/spil openapi > var/openapi.json
	$(SPECTRAL) lint --fail-severity error -r $(ADR_RULES) var/openapi.json

fuzz: backend-install ## schemathesis against the running app (bounded)
	$(BIN)/python backend/scripts/schemathesis_run.py

check-client: backend-install frontend-install ## Fail when the committed typed client is stale
	@mkdir -p var
	$(BIN)/spil openapi > var/openapi.json
	@cmp -s var/openapi.json frontend/openapi.json || { echo "frontend/openapi.json is stale: run 'make client'"; exit 1; }
	$(NPM) run check:client

test-frontend: frontend-install check-client ## SPA type check and unit tests
	$(NPM) run typecheck
	$(NPM) test

compose-check: backend-install system-deps ## Validate docker-compose.yml and the nginx config offline
	VENV=$(VENV) scripts/check-compose.sh

system-deps: ## Debian packages the browser smoke test needs (chromium, nginx, envsubst)
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing="$$missing nginx-light"; \
	command -v envsubst >/dev/null 2>&1 || missing="$$missing gettext-base"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing:$$missing"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "Please install:$$missing (apt-get install$$missing)"; exit 1; fi; \
	fi

smoke: backend-install frontend-build system-deps ## docker-compose equivalent: PostgreSQL + entrypoint + nginx + browser tests
	VENV=$(VENV) scripts/smoke.sh

soak: backend-install frontend-build system-deps ## Soak test (not in make test): the compose stack, 20 clients for 600s (SOAK_SECONDS, SOAK_CLIENTS)
	SOAK_SECONDS=$(or $(SOAK_SECONDS),600) SOAK_CLIENTS=$(or $(SOAK_CLIENTS),20) VENV=$(VENV) $(BIN)/python backend/scripts/soak.py

BENCH_SCALE ?= 1.0
bench: backend-install ## Benchmarks (not part of make test): national data set + load; BENCH_SCALE=0.02 for a quick one
	cd backend && BENCH_SCALE=$(BENCH_SCALE) ../$(BIN)/python -m bench.run

profile: backend-install ## Where one request's time goes, in-process (demo data, SQLite); PROFILE_REQUESTS=300
	cd backend && ../$(BIN)/python -m bench.profile

bench-sync: backend-install ## Only the sync case of the benchmarks (its own throwaway PostgreSQL)
	cd backend && ../$(BIN)/python -m bench.sync

bench-import: backend-install ## The import case: 5,000-row dry runs and imports on SQLite and a throwaway PostgreSQL
	cd backend && ../$(BIN)/python -m bench.imports

clean: ## Remove the virtual environment, builds and local data
	rm -rf $(VENV) $(CODEGEN) frontend/node_modules frontend/dist var
