# Two commands do all the set-up on a fresh machine:
#   make lab    create (or reuse) .venv, install the course, start JupyterLab on lectures/
#   make test   the same set-up, then the whole test suite (library, notebooks, browser)
#   make test-lowest   library and notebook tests at the lowest versions pyproject.toml allows
#                      (a fresh .venv-lowest made with uv; see .ci/lowest)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: lab test test-lowest build check bench site clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# JupyterLab refuses to run as root unless told to (containers, CI machines).
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)

lab: $(STAMP)
	$(BIN)/jupyter lab $(ROOT_FLAG) lectures/

test: $(STAMP)
	$(BIN)/python -m pytest -n 2 --dist loadfile

test-lowest:
	PYTHON=$(PYTHON) .ci/lowest

build: $(STAMP)
	$(BIN)/python -m coursekit build

check: $(STAMP)
	$(BIN)/python -m coursekit build --check

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_losses.py
	$(BIN)/python benchmarks/bench_notebooks.py

# The course website, from the notebooks' stored outputs (nothing runs), with the
# offline slide decks and handouts of `make slides` copied in: open build/site/index.html.
SITE_DIR ?= build/site
MATHJAX := node_modules/mathjax/es5/tex-chtml-full.js

$(MATHJAX): package.json
	npm install --no-audit --no-fund
	touch $@

site: $(STAMP) $(MATHJAX) slides
	$(BIN)/python site/build_site.py $(SITE_DIR)

clean:
	rm -rf $(VENV) .venv-lowest build *.egg-info
