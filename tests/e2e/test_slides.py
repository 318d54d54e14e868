"""An instructor's session: present a lecture with RISE (reveal.js) from JupyterLab.

jupyterlab-rise gives two ways in: the command "Open as Reveal Slideshow"
(``RISE:slideshow``, in the command palette) opens ``/rise/<path>`` in a new
browser tab, and the notebook toolbar button "Render as Reveal Slideshow"
(``RISE:preview``) shows the same page in a panel beside the notebook.
Both must start reveal.js on the lecture's slides.
"""

import re

import nbformat
import pytest

from .conftest import lecture_names, lectures_source_dir

SLIDES_LECTURE = "01_surprisal"
REVEAL_TIMEOUT_MS = 45_000


def slides_lecture():
    """01_surprisal if present, else the first lecture (skip when there is none)."""
    names = lecture_names()
    if not names:
        pytest.skip(f"no notebook in {lectures_source_dir()}")
    return SLIDES_LECTURE if SLIDES_LECTURE in names else names[0]


def expected_slides(name):
    """(number of top-level slides, words the first slide's first line must show)."""
    notebook = nbformat.read(lectures_source_dir() / f"{name}.ipynb", as_version=4)
    starts = [i for i, cell in enumerate(notebook.cells)
              if cell.get("metadata", {}).get("slideshow", {}).get("slide_type") == "slide"]
    n_slides = 1 + sum(1 for i in starts if i > 0)
    words = []
    first = notebook.cells[0] if notebook.cells else None
    if first is not None and first.cell_type == "markdown":
        first_line = next((line for line in first.source.splitlines() if line.strip()), "")
        words = re.findall(r"[A-Za-z]{3,}", first_line)[:4]
    return n_slides, words


def check_reveal(frame, name):
    """reveal.js is ready on ``frame`` and shows the lecture's first slide; return slide count."""
    frame.locator(".reveal.ready .slides > section").first.wait_for(
        state="attached", timeout=REVEAL_TIMEOUT_MS)
    present = frame.locator(".reveal .slides > section.present")
    present.wait_for(state="visible", timeout=REVEAL_TIMEOUT_MS)
    n_slides, words = expected_slides(name)
    shown = frame.locator(".reveal .slides > section").count()
    assert shown == n_slides, (
        f"{name}: reveal.js shows {shown} slide(s), the notebook's slideshow metadata "
        f"makes {n_slides}")
    first_line = present.inner_text().strip().split("\n", 1)[0]
    missing = [word for word in words if word not in first_line]
    assert not missing, (
        f"{name}: the slideshow does not open on the first cell: its first line is "
        f"{first_line[:80]!r}, expected the words {words}")
    return shown


def present_text(frame):
    return frame.locator(".reveal .slides > section.present").first.inner_text()


def test_slideshow_opens_in_a_new_tab(lab):
    """Command palette -> "Open as Reveal Slideshow": a tab with reveal.js; → goes on."""
    name = slides_lecture()
    path = f"{name}.ipynb"
    lab.open_notebook(path)
    page = lab.page
    # The slideshow starts at the active cell: the first one, as the notebook opened.
    page.keyboard.press("Control+Shift+C")  # the command palette
    palette = page.locator("#command-palette .lm-CommandPalette-input")
    palette.wait_for(state="visible")
    palette.fill("Open as Reveal Slideshow")
    item = page.locator("#command-palette .lm-CommandPalette-item",
                        has_text="Open as Reveal Slideshow").first
    item.wait_for(state="visible")
    with page.context.expect_page(timeout=REVEAL_TIMEOUT_MS) as new_tab:
        item.click()
    slides = new_tab.value
    slides.bring_to_front()  # as the browser does; a background tab gets no animation frames
    slides.wait_for_load_state()
    assert re.search(rf"/rise/{re.escape(path)}(\?|$)", slides.url), slides.url

    n_slides = check_reveal(slides, name)
    if n_slides > 1:
        before = present_text(slides)
        slides.keyboard.press("ArrowRight")
        slides.wait_for_function(
            "(before) => { const s = document.querySelector("
            "'.reveal .slides > section.present'); return s && s.innerText !== before; }",
            arg=before, timeout=10_000, polling=200)


def test_toolbar_button_renders_the_slideshow_beside_the_notebook(lab):
    """The notebook toolbar's RISE button opens a preview panel running reveal.js."""
    name = slides_lecture()
    lab.open_notebook(f"{name}.ipynb")
    page = lab.page
    page.locator('.jp-NotebookPanel-toolbar [data-command="RISE:preview"]').first.click()
    iframe = page.locator(f'iframe[src*="/rise/{name}.ipynb"]')
    iframe.wait_for(state="attached", timeout=REVEAL_TIMEOUT_MS)
    check_reveal(iframe.content_frame, name)
