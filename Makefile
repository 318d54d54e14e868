# Two commands do all the set-up on a fresh machine:
#   make lab    create (or reuse) .venv, install the course, start JupyterLab on lectures/
#   make test   the same set-up, then the whole test suite (library, notebooks, browser)
#   make test-lowest   library and notebook tests at the lowest versions pyproject.toml allows
#                      (a fresh .venv-lowest made with uv; see .ci/lowest)
#   make slides offline decks and PDF handouts of every lecture, in build/slides/
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: lab test test-lowest build check bench slides presenter-css site clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# reveal.js and MathJax for the offline decks, from npm (package-lock.json pins them).
NODE_STAMP := node_modules/.package-lock.json
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $(NODE_STAMP)

# The presenter's stylesheet is JupyterLab's custom CSS: <jupyter config dir>/custom/custom.css.
# It is scoped to deck mode, so editing is unchanged; an existing custom.css of yours is kept.
presenter-css: $(STAMP)
	@dir="$$($(BIN)/jupyter --config-dir)/custom" && mkdir -p "$$dir" && \
	if [ ! -e "$$dir/custom.css" ] || grep -q "The presenter's stylesheet" "$$dir/custom.css"; then \
		cp coursekit/figures/presenter.css "$$dir/custom.css"; \
	else echo "kept your $$dir/custom.css; add coursekit/figures/presenter.css to it to present"; fi

# JupyterLab refuses to run as root unless told to (containers, CI machines).
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)

lab: $(STAMP) presenter-css
	$(BIN)/jupyter lab $(ROOT_FLAG) --LabApp.custom_css=True lectures/

test: $(STAMP) $(NODE_STAMP)
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

# build/slides/NN_name.slides.html (offline reveal.js deck) and NN_name.pdf (handout).
slides: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m coursekit.authoring.decks

# The course website, from the notebooks' stored outputs (nothing runs), with the
# offline slide decks and handouts of `make slides` copied in: open build/site/index.html.
SITE_DIR ?= build/site

site: $(STAMP) $(NODE_STAMP) slides
	$(BIN)/python site/build_site.py $(SITE_DIR)

clean:
	rm -rf $(VENV) .venv-lowest build *.egg-info
