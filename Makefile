# yuanqu — `make help` lists the targets. Needs only python3 (>= 3.11) and make.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
YUANQU := $(VENV)/bin/yuanqu
PORT ?= 8000
# The PostgreSQL run of the suite; CI=true makes it required.
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/yuanqu
# The suite runs on every core, a test module to a worker (its fixtures load once per module).
TEST_WORKERS ?= auto
PYTEST := $(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile
# The exact versions `make venv` and `make dev` install, with their hashes, for every platform.
# pip installs them; only `make lock`, which re-pins them within pyproject.toml's ranges, needs uv.
# The pins hold from Python 3.11 (pyproject's requires-python) up, whichever Python runs uv.
BASE_LOCK := requirements/base.lock
DEV_LOCK := requirements/dev.lock
UV_VERSION := 0.13.9
UV_COMPILE = $(VENV)/bin/uv pip compile pyproject.toml --universal --python-version 3.11 \
	--generate-hashes --custom-compile-command "make lock" --quiet $(LOCK_FLAGS)

.DEFAULT_GOAL := help
.PHONY: help venv dev lock demo serve test test-sqlite test-postgres lint format messages clean conformance facts-gold bench-extract

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml $(BASE_LOCK)
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "yuanqu needs Python >= 3.11")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r $(BASE_LOCK)
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed $(DEV_LOCK)
	$(PY) -m pip install --quiet -r $(DEV_LOCK)
	touch $@

venv: $(VENV)/.installed ## Create .venv and install yuanqu into it

dev: $(VENV)/.installed-dev ## Create .venv with the development extras

$(VENV)/.uv-$(UV_VERSION):
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet "uv==$(UV_VERSION)"
	touch $@

# The dev pins are solved under the runtime ones, so the two files never disagree.
lock: $(VENV)/.uv-$(UV_VERSION) ## Re-pin requirements/*.lock to pyproject.toml (LOCK_FLAGS=--upgrade: newest)
	$(UV_COMPILE) -o $(BASE_LOCK)
	$(UV_COMPILE) --extra dev -c $(BASE_LOCK) -o $(DEV_LOCK)

demo: venv ## Set up the database, load the demo corpus and serve on http://127.0.0.1:$(PORT)
	$(YUANQU) demo --port $(PORT)

serve: venv ## Serve the portal (no demo corpus)
	$(YUANQU) init
	$(YUANQU) serve --port $(PORT)

test: dev ## Run the whole suite: SQLite, then PostgreSQL (required when CI=true)
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-postgres

test-sqlite: dev ## Run the suite on SQLite, browser tests included
	$(PYTEST)

test-postgres: dev ## Run the database tests on PostgreSQL ($$TEST_DATABASE_URL)
	@if $(PY) -m yuanqu.devtools pg-reachable "$(TEST_DATABASE_URL)"; then \
		DATABASE_URL="$(TEST_DATABASE_URL)" $(PYTEST) -m "not e2e"; \
	elif [ "$$CI" = "true" ]; then \
		echo "PostgreSQL at $(TEST_DATABASE_URL) is unreachable; CI requires it." >&2; exit 1; \
	else \
		echo "SKIPPED: PostgreSQL run ($(TEST_DATABASE_URL) unreachable; set TEST_DATABASE_URL)."; \
	fi

lint: dev ## Lint and check formatting with ruff; check migrations are complete
	$(VENV)/bin/ruff check src tests
	$(VENV)/bin/ruff format --check src tests
	$(YUANQU) makemigrations --check --dry-run

format: dev ## Format the code with ruff
	$(VENV)/bin/ruff check --fix src tests
	$(VENV)/bin/ruff format src tests

messages: dev ## Refresh the zh_Hans catalogue from the code (needs GNU gettext) and compile it
	cd src/yuanqu && ../../$(YUANQU) makemessages -l zh_Hans --no-obsolete --add-location=file
	cd src/yuanqu && ../../$(YUANQU) compilemessages -l zh_Hans

CONFORMANCE_DIR ?= ../shared/conformance

conformance: dev ## Run the number parser against the third-party suites; refresh the failure report
	$(PY) -m yuanqu.facts.conformance $(CONFORMANCE_DIR) --report docs/conformance-failures.md

facts-gold: dev ## Score the fact engine on the hand-annotated gold and held-out articles
	$(PY) -m yuanqu.facts.gold tests/facts/gold
	$(PY) -m yuanqu.facts.gold tests/facts/heldout

bench-extract: dev ## Benchmark fact extraction against jieba's segmentation (not a test)
	$(YUANQU) bench extract

clean: ## Remove .venv and caches (keeps ./var, the data)
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
