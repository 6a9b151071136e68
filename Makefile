# critmin: the two quick-start commands are `make serve` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CORPUS ?= ../shared/corpus
SEED_METADATA := graph/seed/corpus-metadata.yaml
SHIPPED_SEED := graph/seed/critmin-seed.trig
DATA ?= build/critmin.trig
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install test lint serve data seed docs lock clean

# A local virtual environment with the locked versions of everything critmin needs.
$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $@

install: $(STAMP) assets

lint: install
	$(BIN)/ruff check .

test: install lint
	$(BIN)/pytest

# The web form's front-end assets (CodeMirror 5) from the npm registry, pinned by
# service/package-lock.json and served by Flask from service/node_modules (never a CDN).
# Without npm the form still works, as a plain textarea without syntax highlighting.
ASSETS_STAMP := service/node_modules/.installed
$(ASSETS_STAMP): service/package.json service/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --prefix service --no-audit --no-fund --ignore-scripts && touch $@; \
	else \
		echo "npm not found: the web form falls back to a plain textarea"; \
	fi

.PHONY: assets
assets: $(ASSETS_STAMP)

# The dataset that `make serve` serves: built from the seed corpus where it is at hand,
# otherwise the build shipped in the repository.
# It is rebuilt whenever the texts, the code, the reference data or the ontology change.
BUILD_INPUTS := $(wildcard $(CORPUS)/*.txt graph/*.py graph/*/*.py graph/reference/*.ttl ontology/*.ttl)
$(DATA): $(STAMP) $(BUILD_INPUTS)
	@mkdir -p $(dir $(DATA))
	@if [ -d "$(CORPUS)" ]; then \
		$(BIN)/critmin build --corpus $(CORPUS) --metadata $(SEED_METADATA) --out $(DATA); \
	else \
		echo "$(CORPUS) not found: serving the shipped build $(SHIPPED_SEED)"; \
		cp $(SHIPPED_SEED) $(DATA); \
	fi

data: $(DATA)

serve: $(DATA) assets
	$(BIN)/critmin serve --data $(DATA) --host $(HOST) --port $(PORT) \
		$(if $(wildcard $(CORPUS)),--corpus $(CORPUS))

# Rebuild the shipped seed build from the corpus (a test checks it is up to date).
seed: install
	$(BIN)/critmin build --corpus $(CORPUS) --metadata $(SEED_METADATA) --out $(SHIPPED_SEED)

# Regenerate the ontology's HTML documentation (a test checks it is up to date).
docs: install
	$(BIN)/python -m critmin.graph.owl.ontology_docs

# Re-resolve the locked versions after changing dependencies in pyproject.toml.
lock:
	rm -rf /tmp/critmin-lock && $(PYTHON) -m venv /tmp/critmin-lock
	/tmp/critmin-lock/bin/python -m pip install --quiet -e '.[dev]'
	/tmp/critmin-lock/bin/python -m pip freeze --exclude-editable > constraints.txt

clean:
	rm -rf $(VENV) build
