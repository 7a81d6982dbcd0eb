# innerthigh-kit: `make lab` to teach, `make test` to check. Both set up .venv on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# What is installed: the kit and what it needs to run (lab, app), then the extras for the tests.
RUNTIME_STAMP := $(VENV)/.stamp-runtime
TEST_STAMP    := $(VENV)/.stamp-test
LINTED := innerthigh_kit tests bench deploy
HOST   := 127.0.0.1
ROOT_FLAG := $(shell [ "$$(id -u)" = "0" ] && echo --allow-root)
NBVAL  := --nbval --nbval-current-env --nbval-sanitize-with notebooks/sanitize.cfg

.PHONY: lab test test-fast bench bench-setup app teach setup-hub notebooks browser-deps lint setup setup-test clean help
help:
	@echo "make lab        open JupyterLab on notebooks/ (sets up .venv on first use)"
	@echo "make app        the class builder as an app, code hidden (voila)"
	@echo "make teach PLAN=notebooks/my_plans/x.yaml   teach a saved class in run mode (voila)"
	@echo "make test       every test: package, notebooks (nbval), browser"
	@echo "make bench      speed figures, as ratios against a floor measured in the same run"
	@echo "make bench-setup  how fast a fresh clone sets up, against plain pip"
	@echo "make notebooks  re-run the notebooks in place (refresh their stored outputs)"

# .venv is made once and re-synced only when pyproject.toml changes. tools/venv.sh installs with
# uv (from PATH, or put into .venv by pip), or with plain pip when uv can't be had.
# `make setup`: what lab and app need. `make setup-test`: adds the test and opensim extras.
$(RUNTIME_STAMP): pyproject.toml
	sh tools/venv.sh $(VENV) $(PYTHON) -e .
	@touch $@

$(TEST_STAMP): $(RUNTIME_STAMP)
	sh tools/venv.sh $(VENV) $(PYTHON) -e '.[test,opensim,hub]'
	@touch $@

# configurable-http-proxy (JupyterHub's proxy) from npm, into .venv/chp: for the hub tests, the
# load bench and a workshop hub on one server (deploy/jupyterhub/).
CHP := $(VENV)/chp/node_modules/.bin/configurable-http-proxy
$(CHP):
	@command -v npm >/dev/null || { echo "The hub needs Node.js and npm: sudo apt-get install nodejs npm"; exit 1; }
	npm install --silent --no-audit --no-fund --prefix $(VENV)/chp configurable-http-proxy@5

setup: $(RUNTIME_STAMP)
setup-test: $(TEST_STAMP)
# `make setup-hub`: what a workshop hub on one server needs (deploy/jupyterhub/README.md).
setup-hub: $(TEST_STAMP) $(CHP)

lab: $(RUNTIME_STAMP)
	$(BIN)/jupyter lab --ip=$(HOST) $(ROOT_FLAG) notebooks/

app: $(RUNTIME_STAMP)
	$(BIN)/voila --no-browser --Voila.ip=$(HOST) notebooks/04_class_builder.ipynb

# `make teach PLAN=notebooks/my_plans/my-class.yaml`: that class in run mode; without PLAN, choose one.
teach: $(RUNTIME_STAMP)
	INNERTHIGH_KIT_PLAN="$(if $(PLAN),$(abspath $(PLAN)))" $(BIN)/voila --no-browser --Voila.ip=$(HOST) notebooks/06_teach.ipynb

# Debian's chromium for the browser tests, poppler for looking at PDFs, shellcheck for the TLJH
# set-up script (deploy/jupyterhub/tljh/setup.sh) (root on Debian only).
browser-deps:
	@if [ ! -x /usr/bin/chromium ] || ! command -v pdftoppm >/dev/null || ! command -v shellcheck >/dev/null; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils shellcheck >/dev/null; \
	  else echo "The tests need Debian's chromium, poppler and shellcheck: sudo apt-get install chromium poppler-utils shellcheck"; fi; \
	fi

# ruff first (seconds), then every test.
test: $(TEST_STAMP) $(CHP) lint browser-deps
	$(BIN)/python -m pytest $(NBVAL) tests notebooks

test-fast: $(TEST_STAMP)
	$(BIN)/python -m pytest -m "not browser and not slow" tests

# The anatomy bench compares against OpenSim: the extras are needed.
bench: $(TEST_STAMP) $(CHP)
	$(BIN)/python bench/run.py

# Needs only git, make and Python: it sets up fresh clones in a temporary folder.
bench-setup:
	$(PYTHON) bench/bench_setup.py

notebooks: $(RUNTIME_STAMP)
	$(BIN)/python -m innerthigh_kit.tools.refresh_notebooks notebooks

lint: $(TEST_STAMP)
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/ruff check $(LINTED)

clean:
	rm -rf $(VENV) build dist *.egg-info
