"""A student's session in JupyterLab: open a lecture, Run All, use its widgets.

``open_and_run_all`` (Run -> Run All Cells executes every code cell with no
error on the page) and ``exercise_widget`` (a coursekit widget shows a
control, and moving it with the keyboard changes both its readout and its
figure) are what ``test_slides.py`` does to every lecture before and while
presenting it, so each lecture is run in the browser once. Here: the kernel
is this environment's Python, and no lecture opens as modified.
"""

import re
import time

import nbformat
import pytest

from .conftest import lecture_names, lectures_source_dir

LECTURES = lecture_names()
CHANGE_TIMEOUT_S = 8

# The first control of a coursekit widget, in document order.
CONTROL_SELECTOR = ", ".join([
    ".widget-slider",            # FloatSlider, IntSlider, FloatLogSlider, ...
    ".widget-dropdown",          # Dropdown
    ".widget-toggle-buttons",    # ToggleButtons
    ".widget-radio-box",         # RadioButtons
    ".widget-checkbox",          # Checkbox
])

_JS_FIGURE_SRC = """
(box) => {
  const figure = box.querySelector('.coursekit-figure');
  if (!figure) { return null; }
  const img = figure.tagName === 'IMG' ? figure : figure.querySelector('img');
  return img ? img.getAttribute('src') : null;
}
"""


def read_lecture(name):
    """The notebook ``<name>.ipynb`` of the served lectures (the file, not the page)."""
    return nbformat.read(lectures_source_dir() / f"{name}.ipynb", as_version=4)


def code_cells(name):
    """The code cells of ``lectures/<name>.ipynb``, as (cell index, source) pairs."""
    return [(i, cell.source) for i, cell in enumerate(read_lecture(name).cells)
            if cell.cell_type == "code"]


def cells_expected_to_raise(name):
    """Indices of the cells tagged ``raises-exception`` (their traceback is the lesson)."""
    return {i for i, cell in enumerate(read_lecture(name).cells)
            if "raises-exception" in cell.get("metadata", {}).get("tags", [])}


def widget_cells(name):
    """Indices of the code cells that display a coursekit widget.

    Such a cell ends with a bare call of a ``*_widget(...)`` function (its value is
    what the cell displays), e.g. ``ck.figures.entropy_widget(weights=(4, 2, 1, 1))``.
    """
    cells = []
    for index, source in code_cells(name):
        lines = [line for line in source.splitlines()
                 if line.strip() and not line.lstrip().startswith("#")]
        if lines and re.match(r"[\w.]*_widget\(", lines[-1]):
            cells.append(index)
    return cells


def open_and_run_all(lab, name):
    """Open a lecture, Run All, and check every code cell ran without an error."""
    path = f"{name}.ipynb"
    cells = code_cells(name)
    lab.open_notebook(path)
    lab.run_all(path, expected_executions=sum(1 for _, src in cells if src.strip()))
    reports = lab.cell_reports(path)

    shown = [r.index for r in reports if r.type == "code"]
    assert shown == [i for i, _ in cells], (
        f"{path}: the page shows code cells {shown}, the file has {[i for i, _ in cells]}")

    allowed = cells_expected_to_raise(name)
    failed = {r.index: r.errors for r in reports if r.errors and r.index not in allowed}
    if failed:
        pytest.fail(f"{path}: error output in cell(s) {sorted(failed)}:\n" + "\n".join(
            f"  cell {i}: {errors[0][:300]}" for i, errors in sorted(failed.items())))

    executed = [r for r in reports if r.type == "code" and r.executed]
    not_run = [f"cell {r.index} shows {r.prompt!r}"
               for r in reports if r.type == "code" and not r.executed]
    assert len(executed) == len(cells), (
        f"{path}: {len(executed)} of {len(cells)} code cells ran; not run: "
        + "; ".join(not_run))
    return path


def widget_state(box):
    """(readout text, figure src) of one coursekit widget."""
    readout = box.locator(".coursekit-readout")
    text = readout.first.inner_text() if readout.count() else None
    return text, box.evaluate(_JS_FIGURE_SRC)


def wait_for_change(box, before, timeout_s=CHANGE_TIMEOUT_S):
    """Wait until both the readout and the figure differ from ``before``; return the state."""
    deadline = time.monotonic() + timeout_s
    state = widget_state(box)
    while time.monotonic() < deadline:
        if state[0] != before[0] and state[1] != before[1]:
            break
        box.page.wait_for_timeout(200)
        state = widget_state(box)
    return state


def move_control(control):
    """Change the control's value the way a person would; yield after each attempt.

    A slider gets End (then Home, in case it already was at its maximum), a
    dropdown or radio group another option, toggle buttons another button, a
    checkbox a click.
    """
    classes = control.get_attribute("class") or ""
    if "widget-slider" in classes:
        handle = control.locator(".noUi-handle").first
        for key in ("End", "Home"):
            handle.focus()
            handle.press(key)
            yield f"slider key {key}"
    elif "widget-dropdown" in classes:
        select = control.locator("select")
        current = select.evaluate("(s) => s.selectedIndex")
        n_options = select.locator("option").count()
        for index in [i for i in range(n_options) if i != current][:2]:
            select.select_option(index=index)
            yield f"dropdown option {index}"
    elif "widget-toggle-buttons" in classes:
        for button in control.locator("button:not(.mod-active)").all()[:2]:
            button.click()
            yield "toggle button"
    elif "widget-radio-box" in classes:
        for radio in control.locator("input[type=radio]:not(:checked)").all()[:2]:
            radio.check()
            yield "radio button"
    elif "widget-checkbox" in classes:
        control.locator("input").click()
        yield "checkbox"
    else:
        raise AssertionError(f"do not know how to move a control with classes {classes!r}")


def exercise_widget(box, label):
    """Check one coursekit widget renders, then move its first control; return what was done."""
    box.scroll_into_view_if_needed()
    assert box.is_visible(), f"{label} is not visible"
    controls = box.locator(CONTROL_SELECTOR)
    assert controls.count() > 0, f"{label} has no control (slider, dropdown, ...)"
    before = widget_state(box)
    assert before[1], f"{label} has no figure image (.coursekit-figure)"
    assert before[0] is not None, f"{label} has no readout (.coursekit-readout)"

    after, tried = before, []
    for action in move_control(controls.first):
        tried.append(action)
        after = wait_for_change(box, before)
        if after[0] != before[0] and after[1] != before[1]:
            return action
    unchanged = [what for what, old, new in
                 [("readout", before[0], after[0]), ("figure", before[1], after[1])]
                 if old == new]
    raise AssertionError(f"{label}: {' and '.join(unchanged)} did not change within "
                         f"{CHANGE_TIMEOUT_S} s after {', '.join(tried)} "
                         f"(readout before {before[0]!r}, after {after[0]!r})")


def test_kernel_is_the_virtual_environments_python(lab):
    """The ``python3`` kernel JupyterLab starts is the interpreter running the tests."""
    import sys

    if not LECTURES:
        pytest.skip(f"no notebook in {lectures_source_dir()}")
    path = f"{LECTURES[0]}.ipynb"
    lab.open_notebook(path)
    prefix = lab.kernel_output(path, "import sys; print(sys.prefix, end='')")
    assert prefix == sys.prefix, f"kernel runs in {prefix!r}, the tests in {sys.prefix!r}"


@pytest.mark.parametrize("name", LECTURES)
def test_lecture_opens_unmodified(lab, name):
    """Issue 13: the stored metadata is what the kernel writes, so opening a lecture
    does not mark it modified (no dot on its tab, no "save your changes?" on close)."""
    lab.open_notebook(f"{name}.ipynb")
    tab = lab.page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab.jp-mod-current")
    tab.wait_for(state="visible")
    lab.page.wait_for_timeout(1_000)  # let a late kernel_info reply land, if it would change anything
    assert "jp-mod-dirty" not in (tab.get_attribute("class") or ""), (
        f"{name}.ipynb opens as modified: its stored kernelspec or language_info differs from "
        "what the kernel reports; rebuild it with python -m coursekit build")
