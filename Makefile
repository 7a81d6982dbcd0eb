# innerthigh-kit: `make lab` to teach, `make test` to check. Both set up .venv on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
HOST   := 127.0.0.1
ROOT_FLAG := $(shell [ "$$(id -u)" = "0" ] && echo --allow-root)
NBVAL  := --nbval --nbval-current-env --nbval-sanitize-with notebooks/sanitize.cfg

.PHONY: lab test test-fast bench app notebooks browser-deps lint clean help
help:
	@echo "make lab        open JupyterLab on notebooks/ (sets up .venv on first use)"
	@echo "make app        the class builder as an app, code hidden (voila)"
	@echo "make test       every test: package, notebooks (nbval), browser"
	@echo "make bench      speed figures, as ratios against a floor measured in the same run"
	@echo "make notebooks  re-run the notebooks in place (refresh their stored outputs)"

# The venv is (re)installed only when pyproject.toml changes.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,opensim]'
	@touch $(STAMP)

lab: $(STAMP)
	$(BIN)/jupyter lab --ip=$(HOST) $(ROOT_FLAG) notebooks/

app: $(STAMP)
	$(BIN)/voila --no-browser --Voila.ip=$(HOST) notebooks/04_class_builder.ipynb

# Debian's chromium for the browser tests and poppler for looking at PDFs (root on Debian only).
browser-deps:
	@if [ ! -x /usr/bin/chromium ] || ! command -v pdftoppm >/dev/null; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils >/dev/null; \
	  else echo "Browser tests need Debian's chromium: sudo apt-get install chromium poppler-utils"; fi; \
	fi

test: $(STAMP) browser-deps
	$(BIN)/python -m pytest $(NBVAL) tests notebooks

test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not browser and not slow" tests

bench: $(STAMP)
	$(BIN)/python bench/run.py

notebooks: $(STAMP)
	$(BIN)/python -m innerthigh_kit.tools.refresh_notebooks notebooks

lint: $(STAMP)
	$(BIN)/ruff check innerthigh_kit tests bench

clean:
	rm -rf $(VENV) build dist *.egg-info
