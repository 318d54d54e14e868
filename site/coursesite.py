"""The course website's own Sphinx extension: everything ``conf.py`` needs beyond settings.

- The front page's lecture table is generated, at build time, from the table under
  ``## Lectures`` in the README, so the two cannot drift.
- Every lecture page gets a bar of links (offline slides, PDF handout, solution);
  every solution page says it is one and links back.
- A cell that shows a live widget stores only the widget's text repr
  (``VBox(children=...)``), which means nothing on a static page: its output is
  replaced by a one-line note pointing at the static figure the lecture draws above it.
- After the build: MathJax (from ``node_modules``, installed by ``npm install``) is
  copied into ``_static/mathjax/`` and the slide decks of ``make slides``
  (``build/slides/``) into ``slides/``, so the site loads nothing from the internet.
"""

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from docutils import nodes

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
SLIDES_DIR = ROOT / "build" / "slides"
MATHJAX_DIR = ROOT / "node_modules" / "mathjax" / "es5"
MATHJAX_FILES = ("tex-chtml-full.js", "output/chtml/fonts/woff-v2")
LECTURE_TABLE_MARKER = "<!-- lecture-table -->"
WIDGET_NOTE = ("Live widget: run this notebook (see “Run it yourself”) to move its "
               "controls. The figure above shows it at its starting values.")
# The repr an ipywidgets container prints when no widget manager renders it.
_WIDGET_REPR = re.compile(r"^\s*(VBox|HBox|Box|GridBox|Tab|Accordion|Stack|interactive|Output)\(")
_ROW = re.compile(r"^\|\s*(\d{2})\s*\|\s*\[([^\]]+)\]\(lectures/(\w+)\.ipynb\)\s*\|\s*(.*?)\s*\|\s*$")


@dataclass(frozen=True)
class Lecture:
    """One row of the README's lecture table."""

    number: str
    title: str
    stem: str
    goal: str


def lectures_from_readme(text):
    """The rows of the table under ``## Lectures`` in ``text``, in order.

    Examples
    --------
    >>> text = "## Lectures\\n\\n| | N | W |\\n|---|---|---|\\n| 01 | [Surprisal](lectures/01_surprisal.ipynb) | measure it |\\n"
    >>> lectures_from_readme(text)
    [Lecture(number='01', title='Surprisal', stem='01_surprisal', goal='measure it')]
    """
    heading = re.search(r"^## Lectures[ \t]*$", text, flags=re.MULTILINE)
    section = re.split(r"^## ", text[heading.end():], flags=re.MULTILINE)[0] if heading else ""
    rows = [_ROW.match(line) for line in section.splitlines() if line.startswith("|")]
    lectures = [Lecture(*row.groups()) for row in rows if row]
    if not lectures:
        raise ValueError("no lecture rows ('| NN | [Title](lectures/NN_name.ipynb) | goal |') "
                         "under a '## Lectures' heading")
    return lectures


def slide_files(stem):
    """The slide deck and PDF handout ``make slides`` writes for ``stem``, where present."""
    found = {}
    for label, name in (("slides", f"{stem}.slides.html"), ("handout", f"{stem}.pdf")):
        if (SLIDES_DIR / name).is_file():
            found[label] = name
    return found


def lecture_table(lectures):
    """The front page's table (MyST markdown): lecture, goal, slides, handout, solution."""
    lines = ["| | Lecture | What you will be able to do | Slides | Handout | Solution |",
             "|---|---|---|---|---|---|"]
    for lec in lectures:
        files = slide_files(lec.stem)
        # Raw HTML: a markdown link to a file Sphinx does not build would be an xref.
        slides = f'<a href="slides/{files["slides"]}">slides</a>' if "slides" in files else "–"
        handout = f'<a href="slides/{files["handout"]}">PDF</a>' if "handout" in files else "–"
        lines.append(f"| {lec.number} | [{lec.title}](lectures/{lec.stem}.ipynb) | {lec.goal} "
                     f"| {slides} | {handout} | [solution](solutions/{lec.stem}.ipynb) |")
    return "\n".join(lines)


def _fill_lecture_table(app, docname, source):
    if docname == app.config.root_doc and LECTURE_TABLE_MARKER in source[0]:
        table = lecture_table(lectures_from_readme(README.read_text(encoding="utf-8")))
        source[0] = source[0].replace(LECTURE_TABLE_MARKER, table)


def _link(text, uri, classes=()):
    return nodes.reference("", text, refuri=uri, classes=list(classes))


def _lecture_bar(stem):
    """Links under a lecture's title: slides, handout, and the solution, marked as such."""
    bar = nodes.paragraph(classes=["lecture-links"])
    for label, name in slide_files(stem).items():
        text = "Slides (offline)" if label == "slides" else "PDF handout"
        bar += [_link(text, f"../slides/{name}"), nodes.Text(" · ")]
    bar += [_link("Solution (answers shown: try the exercises first)",
                  f"../solutions/{stem}.html", classes=["solution-link"])]
    return bar


def _solution_bar(stem):
    bar = nodes.paragraph(classes=["solution-banner"])
    bar += [nodes.strong("", "Solution version: "),
            nodes.Text("every exercise is answered here. "),
            _link("Back to the student version", f"../lectures/{stem}.html")]
    return bar


def _insert_after_title(doctree, node):
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is not None and section.children and isinstance(section[0], nodes.title):
        section.insert(1, node)


def _is_widget_output(output):
    if any(n.get("mime_type", "").endswith("widget-view+json") for n in output.findall()
           if isinstance(n, nodes.Element)):
        return True
    return bool(_WIDGET_REPR.match(output.astext()))


def _replace_widget_outputs(doctree):
    for cell in list(doctree.findall(nodes.container)):
        if cell.get("nb_element") != "cell_code":
            continue
        if "nbval-ignore-output" not in cell.get("cell_metadata", {}).get("tags", []):
            continue
        for output in [c for c in cell.children if c.get("nb_element") == "cell_code_output"]:
            if _is_widget_output(output):
                output.children = []
                output += nodes.paragraph("", WIDGET_NOTE, classes=["widget-note"])


def _decorate_notebook_pages(app, doctree):
    docname = app.env.docname
    folder, _, stem = docname.partition("/")
    if folder == "lectures":
        _insert_after_title(doctree, _lecture_bar(stem))
    elif folder == "solutions":
        _insert_after_title(doctree, _solution_bar(stem))
        app.env.metadata[docname]["orphan"] = True  # reached from its lecture, not the toctree
    if folder in {"lectures", "solutions"}:
        _replace_widget_outputs(doctree)


def _copy_assets(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    if not MATHJAX_DIR.is_dir():
        raise RuntimeError(f"MathJax is missing ({MATHJAX_DIR}): run `npm install` first")
    for relative in MATHJAX_FILES:
        source, target = MATHJAX_DIR / relative, outdir / "_static" / "mathjax" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, dirs_exist_ok=True)
        else:
            shutil.copy2(source, target)
    if SLIDES_DIR.is_dir():
        shutil.copytree(SLIDES_DIR, outdir / "slides", dirs_exist_ok=True)


def setup(app):
    app.connect("source-read", _fill_lecture_table)
    app.connect("doctree-read", _decorate_notebook_pages)
    app.connect("build-finished", _copy_assets)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
