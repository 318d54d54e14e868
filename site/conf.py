"""Sphinx configuration of the course website: ``make site`` -> ``build/site/index.html``.

The pages are the notebooks in ``lectures/`` and ``solutions/`` (linked into this
folder), rendered by myst-nb from their STORED outputs: nothing is executed.
Everything a page loads is a local file: the furo theme uses system fonts, MathJax is
copied from ``node_modules`` (``npm install``), search is Sphinx's own index.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

project = "Cross-entropy from first principles"
author = "the course authors"
copyright = "the course authors, MIT licence"

extensions = ["myst_nb", "coursesite"]
root_doc = "index"
exclude_patterns = ["**.ipynb_checkpoints", "_build"]

# Notebooks: never execute, show what is stored.
nb_execution_mode = "off"
nb_output_stderr = "show"
# A live widget has no static view: never render its view, never load the widget
# manager from a CDN (coursesite replaces the cell's repr with a note instead).
nb_mime_priority_overrides = [("*", "application/vnd.jupyter.widget-view+json", None)]
nb_ipywidgets_js = {}

myst_enable_extensions = ["dollarmath", "amsmath"]
myst_heading_anchors = 3

# MathJax 3 from npm, copied into _static/mathjax/ after the build (coursesite).
mathjax_path = "mathjax/tex-chtml-full.js"

html_theme = "furo"
html_title = project
html_static_path = ["_static"]
html_css_files = ["site.css"]
html_show_sourcelink = False
html_copy_source = False
html_last_updated_fmt = None
# Result snippets are fetched page by page, which a browser forbids from file://:
# without them the search works the same from a folder and from a server.
html_show_search_summary = False
