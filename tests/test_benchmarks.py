"""benchmarks/bench_notebooks.py measures what it says: here, the drawing time of a lecture."""

import importlib.util
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]


def _bench():
    path = ROOT / "benchmarks" / "bench_notebooks.py"
    spec = importlib.util.spec_from_file_location("bench_notebooks", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_drawing_time_counts_each_draw_of_a_lecture_in_its_kernel():
    bench = _bench()
    imports = ("import matplotlib.pyplot as plt\n"
               "from coursekit.figures import use_style\n"
               "use_style()")
    two = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell(imports),
        # Each ends in plt.show(), as the lectures' figure cells do: a figure a cell leaves
        # open is drawn twice, once by pyplot's end-of-cell draw_all, then again to show it.
        nbformat.v4.new_code_cell("fig, ax = plt.subplots()\n_ = ax.plot([0, 1], [0, 1])\nplt.show()"),
        nbformat.v4.new_code_cell("print('no figure here')"),
        nbformat.v4.new_code_cell("fig, ax = plt.subplots()\n_ = ax.bar([0, 1], [1, 2])\nplt.show()"),
    ])
    seconds, draws = bench.drawing_time(two)
    # At least one draw a figure shown; at the declared floors (ipykernel 6.25) the kernel's
    # first-cell set-up replaces the course's one-draw print, and each figure takes two.
    assert draws in (2, 4)
    assert 0 < seconds < 30
    none = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(imports),
                                           nbformat.v4.new_code_cell("x = 1")])
    assert bench.drawing_time(none) == (0.0, 0)
