"""Drive every widget of every lecture to its extreme values in a live kernel.

The driver itself is :mod:`tests.figures.driver`; these tests run it on every
lecture that shows widgets, and check that it sees what ``with output:`` and
``interact`` swallow. The test also fails on any ``error`` output of the
driver's cell.
"""

from pathlib import Path

import nbformat
import pytest

from coursekit import notebooks as nbk

from .driver import driven_count, run_with_driver

ROOT = Path(__file__).resolve().parents[2]
LECTURES = nbk.find_notebooks(ROOT, nbk.LECTURES_DIR)


def has_widget_cells(nb):
    return any(nbk.displays_widget(cell) for cell in nb.cells)


@pytest.mark.parametrize("path", LECTURES, ids=[p.relative_to(ROOT).as_posix() for p in LECTURES])
def test_widgets_survive_their_extreme_values(path):
    if not has_widget_cells(nbk.read_notebook(path)):
        pytest.skip("no widget cells")
    from nbclient.exceptions import CellExecutionError

    try:
        driver = run_with_driver(path, timeout=nbk.CELL_TIMEOUT)
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


def test_driver_uses_only_public_ipywidgets_api():
    """ipywidgets 8.0 has no ``widget._instances``: the driver must not need internals."""
    import inspect

    from . import driver

    source = inspect.getsource(driver)
    for private in ("_instances", "ipywidgets.widgets.", "_Selection", "_MultipleSelection"):
        assert private not in source, f"the driver uses ipywidgets internals: {private}"
