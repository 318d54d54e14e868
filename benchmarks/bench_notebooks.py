"""Speed budgets of the student's experience. Run by hand, not a test.

Prints, in one run:

1. per lecture: its execution time in a fresh kernel divided by the time of a
   notebook holding only its first (import) cell, the floor a student cannot
   beat; goal <= 1.5x; beside it, the same for the import cell followed by as
   many empty cells as the lecture has code cells, the share of the budget that
   running cells at all takes (the kernel's round trip per cell, about 10 ms);
   the time matplotlib itself spends drawing and encoding the lecture's figures
   (its Agg draws and PNG encoding, summed in the kernel of a separate run); and
   the bound those two set, (empty cells + drawing) / imports, which no change
   to coursekit can get under, only fewer cells or figures; and the peak
   memory of the kernel that ran it (its RSS
   high-water mark, VmHWM in /proc/<kernel pid>/status, read just before the
   kernel is shut down), the figure to size a JupyterHub's per-student limit by;
2. per widget: the time of one update (compute and redraw), median and
   maximum over many control values; goal <= 30 ms median, never above 100 ms;
3. ``import coursekit`` time divided by the time of importing what its core
   needs (numpy and scipy.special); goal <= 1.2x;
4. the wall time of the README's test command (``make test``), unless
   ``--skip-suite``.

    python benchmarks/bench_notebooks.py [--skip-suite] [--repeat N] [--only 01 05]
"""

import argparse
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Run:
    """One execution of a notebook in a fresh kernel."""

    seconds: float
    peak_mb: float | None  # the kernel's RSS high-water mark; None where /proc is missing


def kernel_peak_mb(pid):
    """VmHWM (the peak resident set size) of process ``pid`` in MB, or None off Linux."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    kib = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:"))
    return kib / 1024


def run_notebook(nb):
    """Execute ``nb`` cell by cell in a fresh kernel; its time and the kernel's peak memory."""
    from nbclient import NotebookClient

    client = NotebookClient(nb, kernel_name="python3", timeout=600,
                            resources={"metadata": {"path": str(ROOT / "lectures")}})
    start = time.perf_counter()
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index)
        seconds = time.perf_counter() - start
        peak = kernel_peak_mb(client.km.provisioner.pid)  # before the kernel shuts down
    return Run(seconds, peak)


#: Run first in the kernel of the drawing-time run: adds up the time matplotlib spends in
#: its Agg draw and in encoding PNGs, the part of a figure that is matplotlib's own.
_TIME_DRAWING = """\
import time as _time
from matplotlib.backends.backend_agg import FigureCanvasAgg as _Agg
import PIL.Image as _Image
_drawing = {"draw": 0.0, "encode": 0.0, "draws": 0}
def _timed(owner, name, key, count=False):
    original = getattr(owner, name)
    def timed(*args, **kwargs):
        start = _time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            _drawing[key] += _time.perf_counter() - start
            _drawing["draws"] += count
    setattr(owner, name, timed)
_timed(_Agg, "draw", "draw", count=True)
_timed(_Image.Image, "save", "encode")
"""


def drawing_time(nb):
    """Seconds lecture ``nb`` spends in matplotlib's Agg draws and PNG encoding, and its draws.

    ``nb`` gains the timing cells: pass a copy.
    """
    import json

    import nbformat

    nb.cells.insert(0, nbformat.v4.new_code_cell(_TIME_DRAWING))
    nb.cells.append(nbformat.v4.new_code_cell("import json; print(json.dumps(_drawing))"))
    run_notebook(nb)
    report = json.loads(nb.cells[-1].outputs[0]["text"])
    return report["draw"] + report["encode"], report["draws"]


def notebook_ratios(repeat=3, only=()):
    import nbformat

    print("1. Lecture run time / its imports alone (fresh kernel each; goal <= 1.5x),"
          " and the kernel's peak memory (RSS high-water mark)")
    peaks = {}
    for path in sorted((ROOT / "lectures").glob("*.ipynb")):
        if only and not path.name.startswith(tuple(only)):
            continue
        nb = nbformat.read(path, as_version=4)
        first_code = next(c for c in nb.cells if c.cell_type == "code")
        n_code = sum(cell.cell_type == "code" for cell in nb.cells)

        def imports_then(*sources):
            cells = [nbformat.v4.new_code_cell(code) for code in (first_code.source, *sources)]
            return nbformat.v4.new_notebook(cells=cells, metadata=nb.metadata)

        floor_nb, empty_nb = imports_then(), imports_then(*["pass"] * (n_code - 1))
        # Interleaved, so a slow spell of the machine falls on all three; the fastest of each.
        floors, empties, runs = [], [], []
        for _ in range(repeat):
            floors.append(run_notebook(floor_nb).seconds)
            empties.append(run_notebook(empty_nb).seconds)
            runs.append(run_notebook(nbformat.read(path, as_version=4)))
        floor = min(floors)
        full = min(run.seconds for run in runs)
        verdict = "ok" if full / floor <= 1.5 else "OVER"
        drawing, draws = drawing_time(nbformat.read(path, as_version=4))  # its own copy
        # What no change to coursekit can remove: running the cells at all, and matplotlib
        # drawing and encoding each figure once.
        bound = (min(empties) + drawing) / floor
        cells_only = (f"{n_code:2d} empty cells {min(empties) / floor:4.2f}x, {draws:2d} draws"
                      f" {drawing:4.2f} s, bound {bound:4.2f}x")
        peak = max((run.peak_mb for run in runs if run.peak_mb is not None), default=None)
        memory = f"peak {peak:4.0f} MB" if peak is not None else "peak memory n/a (no /proc)"
        peaks[path.name] = peak
        print(f"   {path.name:<34} {full:6.2f} s / {floor:5.2f} s = {full / floor:4.2f}x  {verdict:<4}"
              f"  ({cells_only})   {memory}")
    known = {name: mb for name, mb in peaks.items() if mb is not None}
    if known:
        worst = max(known, key=known.get)
        print(f"   largest kernel: {known[worst]:.0f} MB ({worst}); a student runs one lecture"
              f" at a time, plus the Jupyter server's own share")


def widget_update_times(values_per_control=40):
    import matplotlib

    matplotlib.use("agg")
    import numpy as np

    from coursekit import figures

    print("\n2. One widget update (set a control, recompute, redraw; goal <= 30 ms, max < 100 ms)")
    rng = np.random.default_rng(0)
    # Widgets over a data set get a small seeded one (the lecture uses its own).
    data = {"temperature_widget": (2.0 * rng.normal(size=(300, 10)), rng.integers(0, 10, size=300))}
    makers = [(name, getattr(figures, name)) for name in figures.__all__ if name.endswith("_widget")]
    for name, make in makers:
        box = make(*data.get(name, ()))
        controls = list(box.controls.values())
        times = []
        for control in controls:
            if hasattr(control, "options") and control.options:
                choices = [o[1] if isinstance(o, tuple) else o for o in control.options]
            elif hasattr(control, "min") and hasattr(control, "max"):
                choices = list(np.linspace(control.min, control.max, values_per_control))
                if isinstance(control.value, (int, np.integer)):
                    choices = sorted({int(round(v)) for v in choices})
                if getattr(control, "base", None):  # FloatLogSlider: min and max are exponents
                    choices = [control.base ** v for v in choices]
            else:
                continue
            for value in choices:
                start = time.perf_counter()
                control.value = value
                times.append(time.perf_counter() - start)
        if not times:
            print(f"   {name:<34} no numeric control")
            continue
        median, worst = statistics.median(times) * 1e3, max(times) * 1e3
        verdict = "ok" if median <= 30 and worst < 100 else "OVER"
        print(f"   {name:<34} median {median:5.1f} ms  max {worst:5.1f} ms  ({len(times)} updates)  {verdict}")


def import_time(statement, runs=7):
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    times = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                  check=True).stdout) for _ in range(runs)]
    return statistics.median(times)


def import_ratio():
    core = import_time("import numpy, scipy.special")
    ours = import_time("import coursekit")
    verdict = "ok" if ours / core <= 1.2 else "OVER"
    print(f"\n3. import coursekit / import numpy, scipy.special: {ours * 1e3:.0f} ms / {core * 1e3:.0f} ms"
          f" = {ours / core:.2f}x  {verdict} (goal <= 1.2x)")


def suite_time():
    start = time.perf_counter()
    result = subprocess.run(["make", "test"], cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    last = (result.stdout.strip().splitlines() or ["(no output)"])[-1]
    print(f"\n4. make test: {elapsed / 60:.1f} min wall time, exit code {result.returncode}: {last}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-suite", action="store_true", help="do not time `make test`")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each lecture and of its imports, interleaved (default 3)")
    parser.add_argument("--only", nargs="*", default=(), metavar="NN",
                        help="lectures whose file name starts with these (default: all)")
    args = parser.parse_args()
    notebook_ratios(args.repeat, args.only)
    widget_update_times()
    import_ratio()
    if not args.skip_suite:
        suite_time()


if __name__ == "__main__":
    main()
