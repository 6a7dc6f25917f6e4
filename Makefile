# Angebotsatlas — the two sacred commands are `make build` and `make test`.
# Both work on a fresh machine with Python 3.11+, make and the package registries.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
ATLAS  := $(BIN)/atlas
export NO_MKDOCS_2_WARNING := 1

.PHONY: build test check serve schema flyers export report bench bench-quick lint vendor browser clean help

help:
	@echo "make build   – Umgebung einrichten, Inhalte prüfen, Website nach site/ bauen"
	@echo "make test    – alle Tests (inkl. Browser-Tests mit Chromium)"
	@echo "make check   – nur Inhalte prüfen"
	@echo "make serve   – Live-Vorschau auf http://127.0.0.1:8000"
	@echo "make bench   – Benchmarks, Ergebnis nach benchmarks/results/"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Runtime dependencies (pinned by constraints.txt).
$(VENV)/.installed: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c constraints.txt -e .
	@touch $@

# Test dependencies on top.
$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[test]'
	@touch $@

build: $(VENV)/.installed
	$(ATLAS) check
	$(ATLAS) build

check: $(VENV)/.installed
	$(ATLAS) check

serve: $(VENV)/.installed
	$(BIN)/mkdocs serve --livereload

schema: $(VENV)/.installed
	$(ATLAS) schema

flyers: $(VENV)/.installed
	$(ATLAS) flyers

export: $(VENV)/.installed
	$(ATLAS) export

report: $(VENV)/.installed
	$(ATLAS) report

# The npm packages the tests drive (yaml-language-server, opening_hours as an oracle, the
# vendored libraries' sources), exactly as package-lock.json pins them.
node_modules/.package-lock.json: package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  echo "npm fehlt: installiere Debians Pakete nodejs und npm"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; }
	npm ci --no-audit --no-fund --loglevel=error

# Debian's Chromium for the browser tests (never a downloaded browser build).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Chromium fehlt: installiere Debians Paket chromium"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

test: $(VENV)/.installed-test browser node_modules/.package-lock.json
	$(BIN)/ruff check build_tools tests benchmarks
	$(BIN)/python -m pytest -q -n 2 --dist loadgroup

lint: $(VENV)/.installed-test
	$(BIN)/ruff check build_tools tests benchmarks

# The whole suite takes about 80 minutes (N up to 10,000, 3 runs each; plain MkDocs up to 5,000
# pages, one run at 5,000 — 11 minutes, its default nav makes it quadratic);
# bench-quick measures N = 100 and 1,000 in about ten minutes.
bench: $(VENV)/.installed-test browser
	$(BIN)/python -m benchmarks.run

bench-quick: $(VENV)/.installed-test browser
	$(BIN)/python -m benchmarks.run --sizes 100,1000 --runs 3 --reference-max 1000

# Refresh the vendored front-end libraries from npm (versions pinned in package.json).
vendor: node_modules/.package-lock.json
	$(BIN)/python -m build_tools.vendor

clean:
	rm -rf site .pytest_cache .ruff_cache
