"""Offline decks and handouts: ``build/slides/NN_name.slides.html`` and ``NN_name.pdf``.

``make slides`` runs ``python -m coursekit.authoring.decks``. Like the build,
it works on the course repository that holds the current directory (found
upward, like git; ``--root`` overrides) and says which one. For every
``lectures/NN_name.ipynb`` it writes

- ``NN_name.slides.html``: a reveal.js deck of the lecture's *stored*
  outputs (no kernel), made by nbconvert's ``SlidesExporter`` with the
  course's own template: reveal.js and MathJax 3 come from ``node_modules/``
  (``npm ci``, run by the Makefile's set-up) and are copied into
  ``build/slides/assets/``, so the deck opens from ``file://`` with the
  network off. Navigation is linear (the right arrow and Space both visit
  every slide, sub-slide and fragment), the slide is 1280x720, and the
  presenter's stylesheet (``coursekit/figures/presenter.css``) is inlined;
- ``NN_name.pdf``: the handout, Chromium's print of the deck
  (reveal.js ``?print-pdf``), one slide per page, fragments shown.

Cells tagged ``hide-input`` show only their output, as in the live deck.
A live widget cannot run without a kernel: its slide shows the widget's
static figure when its output carries one (an ``image/png``), else the most
recent figure of the same slide, and a line saying the widget is live in
JupyterLab.
"""

from __future__ import annotations

import argparse
import copy
import shutil
import sys
from pathlib import Path

#: The presenter's stylesheet ships with the course style, inside the package.
PRESENTER_CSS = Path(__file__).resolve().parents[1] / "figures" / "presenter.css"
#: Where, inside a course repository, the decks are written.
OUT_SUBDIR = Path("build") / "slides"
CHROMIUM = "/usr/bin/chromium"
WIDTH, HEIGHT = 1280, 720
HIDE_INPUT_TAG = "hide-input"
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
WIDGET_NOTE = "(A live widget: present the lecture in JupyterLab to move it.)"

#: What the deck needs from node_modules, copied under build/slides/assets/.
ASSETS = {
    "reveal.js/dist/reveal.js": "reveal.js/dist/reveal.js",
    "reveal.js/dist/reveal.css": "reveal.js/dist/reveal.css",
    "reveal.js/dist/theme/white.css": "reveal.js/dist/theme/white.css",
    "reveal.js/plugin/notes/notes.js": "reveal.js/plugin/notes/notes.js",
    "mathjax/es5/tex-chtml-full.js": "mathjax/tex-chtml-full.js",
    "mathjax/es5/output/chtml/fonts/woff-v2": "mathjax/output/chtml/fonts/woff-v2",
}

# The course's deck template: nbconvert's reveal template without the CDN scripts
# (jQuery, require.js, mermaid, MathJax 2), with local reveal.js and MathJax 3.
TEMPLATE_NAME = "coursekit_deck.html.j2"
TEMPLATE = r"""{%- extends 'reveal/index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{% block jupyter_widgets %}{% endblock jupyter_widgets %}
{%- block html_head_js_mathjax -%}
<script>
window.MathJax = {
  tex: {inlineMath: [['$', '$'], ['\\(', '\\)']], displayMath: [['$$', '$$'], ['\\[', '\\]']],
        processEscapes: true, processEnvironments: true},
  options: {enableMenu: false, ignoreHtmlClass: 'jp-CodeCell|jp-OutputArea'},
  chtml: {fontURL: 'assets/mathjax/output/chtml/fonts/woff-v2'},
  startup: {typeset: true}
};
</script>
<script src="assets/mathjax/tex-chtml-full.js"></script>
{%- endblock html_head_js_mathjax -%}
{%- block html_head_css -%}
<style type="text/css">
{{ resources.coursekit_css }}
</style>
{%- endblock html_head_css -%}
{% block footer_js %}
<script src="assets/reveal.js/dist/reveal.js"></script>
<script src="assets/reveal.js/plugin/notes/notes.js"></script>
<script>
Reveal.initialize({
  width: {{ resources.reveal.width }}, height: {{ resources.reveal.height }},
  margin: 0, minScale: 0.2, maxScale: 2.0, center: false,
  navigationMode: 'linear', controls: true, progress: true, hash: true,
  slideNumber: 'c/t', transition: 'none', pdfSeparateFragments: false,
  plugins: [RevealNotes]
});
</script>
{% endblock footer_js %}
"""


def is_widget_output(output):
    """True for the stored output of a displayed ipywidget (its repr, no figure).

    >>> is_widget_output({"output_type": "execute_result",
    ...                   "data": {"text/plain": "VBox(children=(HBox(),))"}})
    True
    >>> is_widget_output({"output_type": "stream", "text": "VBox("})
    False
    """
    data = output.get("data", {})
    if WIDGET_MIME in data:
        return True
    text = data.get("text/plain", "")
    return set(data) == {"text/plain"} and text.startswith(("VBox(", "HBox(", "interactive("))


def static_widget_output(cell, figure):
    """A copy of ``cell`` whose widget output is its static figure and a note.

    ``figure`` is the last ``image/png`` output shown before it on the slide
    (None if there is none); a figure in the widget's own output wins.
    """
    import nbformat

    new = copy.deepcopy(cell)
    outputs = []
    for output in new.get("outputs", []):
        if not is_widget_output(output):
            outputs.append(output)
            continue
        png = output.get("data", {}).get("image/png") or figure
        if png is not None:
            outputs.append(nbformat.v4.new_output("display_data", {"image/png": png}))
        outputs.append(nbformat.v4.new_output("stream", name="stdout", text=WIDGET_NOTE))
    new.outputs = outputs
    return new


def with_static_widgets(notebook):
    """A copy of ``notebook`` where every widget output shows its static figure."""
    new = copy.deepcopy(notebook)
    figure = None
    for index, cell in enumerate(new.cells):
        kind = cell.get("metadata", {}).get("slideshow", {}).get("slide_type")
        if kind in ("slide", "subslide"):
            figure = None
        if cell.cell_type != "code":
            continue
        if any(is_widget_output(o) for o in cell.get("outputs", [])):
            new.cells[index] = static_widget_output(cell, figure)
        for output in cell.get("outputs", []):
            figure = output.get("data", {}).get("image/png", figure)
    return new


def make_exporter():
    """nbconvert's SlidesExporter with the course template, 1280x720, hide-input dropped."""
    from jinja2 import DictLoader
    from nbconvert import SlidesExporter
    from nbconvert.preprocessors import TagRemovePreprocessor

    exporter = SlidesExporter(extra_loaders=[DictLoader({TEMPLATE_NAME: TEMPLATE})],
                              template_file=TEMPLATE_NAME,
                              reveal_width=str(WIDTH), reveal_height=str(HEIGHT),
                              reveal_url_prefix="assets/reveal.js", reveal_theme="white",
                              exclude_input_prompt=True, exclude_output_prompt=True)
    exporter.register_preprocessor(
        TagRemovePreprocessor(remove_input_tags={HIDE_INPUT_TAG}, enabled=True), enabled=True)
    return exporter


def copy_assets(out_dir, node_modules):
    """Copy reveal.js and MathJax from ``node_modules`` into ``out_dir/assets``."""
    missing = [src for src in ASSETS if not (node_modules / src).exists()]
    if missing:
        raise SystemExit(f"{node_modules} lacks {', '.join(missing)}: run `npm ci` in {node_modules.parent}")
    for src, dest in ASSETS.items():
        source, target = node_modules / src, out_dir / "assets" / dest
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, dirs_exist_ok=True)
        else:
            shutil.copyfile(source, target)


def write_deck(notebook_path, out_dir, exporter=None):
    """Write ``out_dir/NN_name.slides.html`` from a lecture's stored outputs; return its path."""
    import nbformat

    exporter = exporter or make_exporter()
    notebook = with_static_widgets(nbformat.read(notebook_path, as_version=4))
    resources = {"coursekit_css": PRESENTER_CSS.read_text(),
                 "metadata": {"name": notebook_path.stem}}
    html, _ = exporter.from_notebook_node(notebook, resources=resources)
    target = out_dir / f"{notebook_path.stem}.slides.html"
    target.write_text(html, encoding="utf-8")
    return target


_JS_DECK_READY = """
() => window.Reveal && Reveal.isReady() && window.MathJax && MathJax.startup
      && MathJax.startup.document && MathJax.startup.promise
      && document.fonts.status === 'loaded'
"""


def open_offline(context, deck, query=""):
    """Open ``deck`` in a new page of ``context`` with every non-file request aborted.

    Returns ``(page, blocked)``: ``blocked`` lists the URLs the deck asked for.
    """
    page = context.new_page()
    blocked = []

    def route(request_route):
        blocked.append(request_route.request.url)
        request_route.abort()

    page.route(lambda url: not url.startswith("file:"), route)
    page.goto(deck.resolve().as_uri() + query)
    page.wait_for_function(_JS_DECK_READY, timeout=30_000)
    page.evaluate("() => MathJax.startup.promise")
    return page, blocked


def write_pdf(context, deck):
    """Print ``deck`` with Chromium (reveal.js ``?print-pdf``): one slide per page."""
    page, blocked = open_offline(context, deck, "?print-pdf")
    try:
        page.wait_for_timeout(500)  # reveal.js lays the print pages out after ready
        target = deck.with_name(deck.name.replace(".slides.html", ".pdf"))
        page.pdf(path=str(target), width=f"{WIDTH}px", height=f"{HEIGHT}px",
                 print_background=True, prefer_css_page_size=True)
    finally:
        page.close()
    if blocked:
        raise RuntimeError(f"{deck.name} asked for the network: {blocked[:5]}")
    return target


def write_pdfs(browser, decks):
    """Print every deck with ``browser`` (a Playwright Chromium); return the PDF paths."""
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT})
    try:
        return [write_pdf(context, deck) for deck in decks]
    finally:
        context.close()


def build(root, names=None, out_dir=None, pdf=True, browser=None, lectures_dir=None):
    """Write the deck (and the handout) of every lecture of ``root``, or of those ``names`` start.

    ``out_dir`` defaults to ``root/build/slides`` and ``lectures_dir`` to
    ``root/lectures``; reveal.js and MathJax come from ``root/node_modules``.
    ``browser`` is a Playwright Chromium to print with; without one, Debian's
    Chromium is started for the PDFs and stopped afterwards.
    """
    root = Path(root)
    out_dir = Path(out_dir) if out_dir is not None else root / OUT_SUBDIR
    out_dir.mkdir(parents=True, exist_ok=True)
    copy_assets(out_dir, root / "node_modules")
    lectures = sorted(Path(lectures_dir or root / "lectures").glob("*.ipynb"))
    if names:
        lectures = [p for p in lectures if any(p.stem.startswith(n) for n in names)]
    exporter = make_exporter()
    decks = [write_deck(path, out_dir, exporter) for path in lectures]
    if not pdf or not decks:
        return decks
    if browser is not None:
        return decks + write_pdfs(browser, decks)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                              args=["--no-sandbox", "--disable-gpu"])
        try:
            return decks + write_pdfs(chromium, decks)
        finally:
            chromium.close()


def main(argv=None):
    """``python -m coursekit.authoring.decks [--root DIR] [--no-pdf] [--out DIR] [NAME ...]``."""
    from coursekit.authoring.errors import NotebookBuildError
    from coursekit.authoring.repository import checked_root, find_repository_root

    parser = argparse.ArgumentParser(prog="python -m coursekit.authoring.decks",
                                     description=__doc__.split("\n", 1)[0])
    parser.add_argument("names", nargs="*", help="lecture name prefixes, e.g. 02 (default: all)")
    parser.add_argument("--root", type=Path, help="the course repository (default: the one holding "
                        "the current directory)")
    parser.add_argument("--out", type=Path, help="output directory (default: ROOT/build/slides)")
    parser.add_argument("--no-pdf", action="store_true", help="write the decks only")
    args = parser.parse_args(argv)
    try:
        root = checked_root(args.root) if args.root else find_repository_root()
    except NotebookBuildError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print(f"course repository: {root}")
    for path in build(root, args.names, args.out, pdf=not args.no_pdf):
        print(f"wrote {path.relative_to(root) if path.is_relative_to(root) else path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
