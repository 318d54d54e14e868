"""Drive every widget of every lecture to its extreme values in a live kernel.

Each lecture that shows widgets is executed top to bottom in a fresh kernel
(nbclient); then one extra cell, run in the same kernel, walks all live
ipywidgets instances and sets each control to its minimum, its maximum and
back (first option, last option and back; a checkbox flipped and back; a
button clicked).  Every callback therefore runs at the edges of its range,
where ``log(0)``, empty selections and division by zero live.

A callback's exception does not always reach the cell: ``with output:``
blocks and ``interact`` catch it and call ``showtraceback``.  The driver
wraps ``showtraceback`` to record those too, and the test also fails on any
``error`` output of the extra cell.
"""

import re
from pathlib import Path

import nbformat
import pytest

from coursekit import notebooks as nbk

ROOT = Path(__file__).resolve().parents[1]
LECTURES = nbk.find_notebooks(ROOT, nbk.LECTURES_DIR)

DRIVER = r'''
def _drive_all_widgets():
    import sys
    import traceback

    import ipywidgets
    from IPython import get_ipython
    from ipywidgets.widgets.widget import _instances
    from ipywidgets.widgets.widget_selection import _MultipleSelection, _Selection

    def settings(widget):
        """(attribute, values to set in turn, the last being the original)."""
        if isinstance(widget, ipywidgets.Button):
            return None
        if isinstance(widget, (_Selection, _MultipleSelection, ipywidgets.SelectionRangeSlider)):
            n = len(widget.options)
            if n == 0:
                return None
            if isinstance(widget, ipywidgets.SelectionRangeSlider):
                ends = [(0, 0), (n - 1, n - 1), (0, n - 1)]
            elif isinstance(widget, _MultipleSelection):
                ends = [(0,), (n - 1,)]
            else:
                ends = [0, n - 1]
            return "index", ends + [widget.index]
        if not isinstance(widget, ipywidgets.ValueWidget):
            return None
        value = widget.value
        if isinstance(value, bool):
            return "value", [not value, value]
        if hasattr(widget, "min") and hasattr(widget, "max"):
            low, high = widget.min, widget.max
            if hasattr(widget, "base"):  # FloatLogSlider: min and max are exponents
                low, high = widget.base ** low, widget.base ** high
            if isinstance(value, tuple):  # range sliders
                return "value", [(low, low), (high, high), value]
            return "value", [low, high, value]
        return None

    shell = get_ipython()
    shown = []
    original_showtraceback = shell.showtraceback

    def recording_showtraceback(exc_tuple=None, *args, **kwargs):
        shown.append(exc_tuple or sys.exc_info())
        return original_showtraceback(exc_tuple, *args, **kwargs)

    failures, driven = [], 0
    shell.showtraceback = recording_showtraceback
    try:
        for widget in list(_instances.values()):
            if getattr(widget, "disabled", False):
                continue
            if isinstance(widget, ipywidgets.Button):
                steps = [("click()", None)]
            else:
                setting = settings(widget)
                if setting is None:
                    continue
                attribute, values = setting
                steps = [(attribute, value) for value in values]
            driven += 1
            for attribute, value in steps:
                before = len(shown)
                try:
                    if attribute == "click()":
                        widget.click()
                    else:
                        setattr(widget, attribute, value)
                except Exception:
                    failures.append((widget, attribute, value, traceback.format_exc()))
                for exc in shown[before:]:
                    text = "".join(traceback.format_exception(*exc)) if exc[0] else "?"
                    failures.append((widget, attribute, value, text))
    finally:
        shell.showtraceback = original_showtraceback
    print(f"drove {driven} widgets")
    if failures:
        report = "\n".join(
            f"{type(w).__name__}({getattr(w, 'description', '')!r}).{a} = {v!r}:\n{t}"
            for w, a, v, t in failures
        )
        raise RuntimeError(f"{len(failures)} widget callback(s) failed:\n{report}")


_drive_all_widgets()
'''


def has_widget_cells(nb):
    return any(nbk.displays_widget(cell) for cell in nb.cells)


def run_with_driver(path, timeout=nbk.CELL_TIMEOUT):
    """Execute the notebook, then DRIVER in the same kernel; return the driver cell."""
    from nbclient import NotebookClient

    nb = nbk.read_notebook(path)
    client = NotebookClient(
        nb, timeout=timeout, kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}}, record_timing=False,
    )
    driver = nbformat.v4.new_code_cell(DRIVER)
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index)
        nb.cells.append(driver)
        client.execute_cell(driver, len(nb.cells) - 1)
    return driver


def driven_count(cell):
    text = "".join(o.text for o in cell.outputs if o.output_type == "stream" and o.name == "stdout")
    match = re.search(r"drove (\d+) widgets", text)
    assert match, f"driver printed no count: {text!r}"
    return int(match.group(1))


@pytest.mark.parametrize("path", LECTURES, ids=[p.relative_to(ROOT).as_posix() for p in LECTURES])
def test_widgets_survive_their_extreme_values(path):
    if not has_widget_cells(nbk.read_notebook(path)):
        pytest.skip("no widget cells")
    from nbclient.exceptions import CellExecutionError

    try:
        driver = run_with_driver(path)
    except CellExecutionError as err:
        pytest.fail(f"{path.name}: {err}", pytrace=False)
    errors = [o for o in driver.outputs if o.output_type == "error"]
    assert errors == [], "\n".join(f"{o.ename}: {o.evalue}" for o in errors)
    assert driven_count(driver) >= 1, "the notebook has widget cells but no live widget was found"


def test_driver_catches_errors_inside_output_widgets(tmp_path):
    """The driver must see exceptions that ``with output:`` and ``interact`` swallow."""
    source = '''
import ipywidgets as widgets
out = widgets.Output()
slider = widgets.FloatSlider(value=0.5, min=0.0, max=1.0)
def on_change(change):
    with out:
        1 / change["new"]
slider.observe(on_change, names="value")
widgets.interact(lambda k: [1, 2][k], k=widgets.IntSlider(value=0, min=0, max=1))
choice = widgets.Dropdown(options=["a", "b"])
flag = widgets.Checkbox(value=False)
widgets.VBox([slider, out, choice, flag])
'''
    path = tmp_path / "broken.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)]), path)
    from nbclient.exceptions import CellExecutionError

    with pytest.raises(CellExecutionError) as info:
        run_with_driver(path, timeout=60)
    message = str(info.value)
    assert "ZeroDivisionError" in message
    assert "1 widget callback(s) failed" in message


def test_driver_counts_a_healthy_notebook(tmp_path):
    source = '''
import ipywidgets as widgets
log = widgets.FloatLogSlider(value=1.0, min=-2, max=2)
pair = widgets.IntRangeSlider(value=(2, 5), min=0, max=10)
button = widgets.Button(description="resample")
button.on_click(lambda b: None)
widgets.VBox([log, pair, widgets.ToggleButtons(options=["bits", "nats"]), button])
'''
    path = tmp_path / "healthy.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)]), path)
    driver = run_with_driver(path, timeout=60)
    assert [o for o in driver.outputs if o.output_type == "error"] == []
    assert driven_count(driver) == 4
