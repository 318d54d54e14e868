"""An instructor's session: present each lecture live, in JupyterLab's deck mode.

The presenter is jupyterlab-slideshow: its deck mode shows the notebook
itself as slides, so the kernel, the widget manager and the widgets are the
notebook's own (RISE's stand-alone page cannot load the widget manager,
jupyterlab-contrib/rise#119 and #126). For every lecture, at 1280x720 with
the presenter's stylesheet (``coursekit/figures/presenter.css``, JupyterLab's
custom CSS), the test runs the notebook, starts the deck with the notebook
toolbar's deck button, and presses Space, the deck's "next" key, until the
end. It checks that

- Space stops at every slide, sub-slide and fragment, in order;
- the screens shown are the slides and sub-slides the metadata makes;
- every screen fits 1280x720 (nothing taller, nothing scrolling sideways)
  with body text >= 22 px and code >= 18 px;
- every widget renders on its slide, and moving its control changes its
  readout and its figure.

A slide that fails is saved as ``test-artifacts/live-<lecture>-<screen>.png``
and named in the message; each widget slide, after the move, as
``test-artifacts/live-<lecture>-widget-moved.png``. ``test-artifacts/live-<lecture>.json`` keeps the
per-lecture numbers (slides, slides that fit, widgets, smallest fonts).
"""

import json

import pytest

from .conftest import _FIND_PANEL, artifact_path, lecture_names, lectures_source_dir
from .slides import JS_MEASURE, SCREEN, SlideMeasure, expected_screens, steps
from .test_lectures_in_lab import exercise_widget, open_and_run_all, widget_cells

LECTURES = lecture_names()
NEXT_KEY = "Space"
STEP_TIMEOUT_MS = 5_000

_JS_DECK_STATE = _FIND_PANEL + """
(path) => {
  const notebook = findPanel(path).content;
  const onscreen = [];
  notebook.widgets.forEach((cell, i) => {
    if (cell.hasClass('jp-deck-mod-onscreen')) { onscreen.push(i); }
  });
  return {active: notebook.activeCellIndex, onscreen,
          presenting: document.body.dataset.jpDeckMode === 'presenting'};
}
"""

_JS_FIRST_CELL = _FIND_PANEL + """
(path) => {
  const panel = findPanel(path);
  panel.content.activeCellIndex = 0;
  panel.content.mode = 'command';
  panel.content.activeCell.node.focus();
}
"""

_JS_BACK_TO = _FIND_PANEL + """
([path, index]) => {
  const notebook = findPanel(path).content;
  notebook.activeCellIndex = index;
  notebook.mode = 'command';
  notebook.activeCell.node.focus();
}
"""

_JS_ONSCREEN_NODES = """
() => Array.from(document.querySelectorAll('.jp-Deck .jp-Cell.jp-deck-mod-onscreen'))
"""


def deck_state(page, path):
    return page.evaluate(_JS_DECK_STATE, path)


def start_deck(lab, path):
    """Go to the first cell and press the notebook toolbar's deck button."""
    page = lab.page
    page.evaluate(_JS_FIRST_CELL, path)
    button = page.locator('.jp-NotebookPanel-toolbar [data-command="deck:toggle"]').first
    button.click()
    page.wait_for_function("() => document.body.dataset.jpDeckMode === 'presenting'",
                           timeout=15_000)
    page.wait_for_function(
        "() => document.querySelector('.jp-Deck .jp-Cell.jp-deck-mod-onscreen') !== null",
        timeout=15_000)


def stop_deck(page):
    """Leave deck mode. The deck remembers it in the user settings ("active"), so
    the next notebook opened would start in it, with the menu bar hidden."""
    page.evaluate("() => window.jupyterapp.commands.execute('deck:stop')")
    page.wait_for_function("() => document.body.dataset.jpDeckMode !== 'presenting'",
                           timeout=10_000)


def press_next(page, path, before):
    """Press the next key; return the new state (the same one at the end of the deck)."""
    page.keyboard.press(NEXT_KEY)
    try:
        page.wait_for_function(
            _FIND_PANEL + "([path, before]) => findPanel(path).content.activeCellIndex !== before",
            arg=[path, before["active"]], timeout=1_500, polling=50)
    except Exception:  # noqa: BLE001 - no move: the end of the deck
        return deck_state(page, path)
    settle(page)  # the deck's opacity transition (0.1 s)
    return deck_state(page, path)


# Settled: no CSS transition or animation running, every image on the page decoded, the
# deck's maths typeset (no raw $, \( or \[ left in its prose, as on the course site),
# and two frames painted since. A fixed pause of 150 to 300 ms used to stand for this.
_JS_SETTLED = r"""
() => new Promise((resolve) => {
  const rawMaths = (md) => {
    const walker = document.createTreeWalker(md, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement.closest('code, pre, mjx-container, .MathJax')) { continue; }
      if (/\$|\\\(|\\\[/.test(n.textContent)) { return true; }
    }
    return false;
  };
  const busy = document.getAnimations().some((a) => a.playState === 'running')
    || Array.from(document.images).some((img) => !img.complete)
    || Array.from(document.querySelectorAll('.jp-Deck .jp-RenderedMarkdown')).some(rawMaths);
  if (busy) { resolve(false); return; }
  requestAnimationFrame(() => requestAnimationFrame(() => resolve(true)));
})
"""


def settle(page):
    """Wait until the screen is still: transitions over, images decoded, painted."""
    page.wait_for_function(_JS_SETTLED, timeout=5_000, polling=50)


def measure_screen(page, label):
    nodes = page.evaluate_handle(_JS_ONSCREEN_NODES)
    return SlideMeasure.from_page(label, page.evaluate(JS_MEASURE, nodes))


@pytest.mark.parametrize("name", LECTURES)
def test_presenting_live(lab, name):
    """Space walks the whole deck; every screen fits and reads; every widget moves."""
    page = lab.page
    page.set_viewport_size(SCREEN)
    path = open_and_run_all(lab, name)
    source = lectures_source_dir() / f"{name}.ipynb"
    screens_expected = expected_screens(source)
    steps_expected = steps(source)
    widgets_expected = widget_cells(name)

    start_deck(lab, path)
    try:
        screens, measures, failures, visited, widgets_moved = walk_deck(
            page, path, name, widgets_expected)
    finally:
        stop_deck(page)
    report(name, screens, measures, failures, visited, widgets_moved, steps_expected,
           screens_expected, widgets_expected)


def walk_deck(page, path, name, widgets_expected):
    """Press the next key to the end; measure each screen and move its widgets."""
    state = deck_state(page, path)
    visited, screens, measures, failures = [state["active"]], [], [], []
    widgets_moved = []
    for _ in range(1000):
        if not screens or state["onscreen"] != screens[-1]:
            screens.append(state["onscreen"])
            label = f"{name} screen {len(screens)} (cells {state['onscreen'][0]}.."
            label += f"{state['onscreen'][-1]})"
            settle(page)  # images and MathJax settle
            measure = measure_screen(page, label)
            measures.append(measure)
            for cell in [c for c in widgets_expected if c in state["onscreen"]]:
                box = page.locator(".jp-Deck .jp-Cell").nth(cell).locator(".coursekit-widget")
                try:
                    box.first.wait_for(state="visible", timeout=10_000)
                    exercise_widget(box.first, f"{name}: widget in cell {cell}")
                    widgets_moved.append(cell)
                    page.screenshot(path=str(artifact_path(f"live-{name}-widget-moved.png")))
                except Exception as error:  # noqa: BLE001 - reported with a screenshot
                    measure.problems.append(f"widget in cell {cell}: {error}")
            # Clicking a widget makes its cell the active one: go back to where the
            # deck was, with the focus on the cell (the deck's keys act there).
            page.evaluate(_JS_BACK_TO, [path, state["active"]])
            if measure.problems:
                shot = artifact_path(f"live-{name}-{len(screens):02d}.png")
                page.screenshot(path=str(shot))
                failures.append(f"{label}: {'; '.join(measure.problems)} [screenshot: {shot}]")
        new = press_next(page, path, state)
        if new["active"] == state["active"]:
            break
        state = new
        visited.append(state["active"])
    return screens, measures, failures, visited, widgets_moved


def report(name, screens, measures, failures, visited, widgets_moved, steps_expected,
           screens_expected, widgets_expected):
    """Write test-artifacts/live-<name>.json and assert the deck was all it should be."""
    fit = [m for m in measures if m.fits]
    bodies = [m.body for m in measures if m.body is not None]
    codes = [m.code for m in measures if m.code is not None]
    figures = [m.figure_px for m in measures if m.figure_px is not None]
    summary = {"lecture": name, "slides": len(screens), "expected": len(screens_expected),
               "fit": len(fit), "widgets": len(widgets_expected),
               "widgets_live": len(widgets_moved),
               "min_body_px": min(bodies) if bodies else None,
               "min_code_px": min(codes) if codes else None,
               "min_figure_text_px": round(min(figures), 1) if figures else None}
    artifact_path(f"live-{name}.json").write_text(json.dumps(summary, indent=2))

    missed = [i for i in steps_expected if i not in visited]
    assert not missed, (f"{name}: {NEXT_KEY} never stopped at cell(s) {missed} "
                        f"(visited {visited})")
    order = [i for i in visited if i in steps_expected]
    assert order == sorted(order), f"{name}: {NEXT_KEY} visits cells out of order: {order}"
    starts = [screen[0] for screen in screens]
    assert starts == screens_expected, (
        f"{name}: the deck showed {len(screens)} screens starting at cells {starts}; "
        f"the slide metadata makes {len(screens_expected)}, starting at {screens_expected}")
    assert not failures, (f"{name}: {len(failures)} of {len(screens)} slides fail:\n"
                          + "\n".join(failures))
    assert len(widgets_moved) == len(widgets_expected), (
        f"{name}: {len(widgets_moved)} of {len(widgets_expected)} widgets rendered and moved")
