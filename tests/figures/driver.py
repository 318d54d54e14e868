"""Drive every widget of a notebook to its extreme values, in the notebook's own kernel.

The notebook is executed top to bottom in a fresh kernel (nbclient), after a
first hidden cell that registers :func:`record_widgets` and before a last one
that runs :func:`drive_all_widgets`. That last cell sets each control to its
minimum, its maximum and back (first option, last option and back; a checkbox
flipped and back; a button clicked). Every callback therefore runs at the
edges of its range, where ``log(0)``, empty selections and division by zero live.

Only public ipywidgets API is used (``Widget.on_widget_constructed``,
``ValueWidget``, ``Button``, ``SelectionRangeSlider``, ``options`` and
``index``), so the driver works from ipywidgets 8.0 on.

A callback's exception does not always reach the cell: ``with output:``
blocks and ``interact`` catch it and call ``showtraceback``. The driver wraps
``showtraceback`` to record those too.
"""

import inspect
import re

import nbformat


def record_widgets():
    """Keep a reference to every widget constructed from now on (in ``_coursekit_widgets``)."""
    import ipywidgets

    constructed = []
    ipywidgets.Widget.on_widget_constructed(constructed.append)
    return constructed


def drive_all_widgets(widgets_seen):
    """Move every widget in ``widgets_seen`` to its extremes; raise if any callback failed."""
    import sys
    import traceback

    import ipywidgets
    from IPython import get_ipython

    def settings(widget):
        """(attribute, values to set in turn, the last being the original), or None."""
        if isinstance(widget, ipywidgets.Button):
            return None
        if hasattr(widget, "options") and hasattr(widget, "index"):  # the selection widgets
            n = len(widget.options)
            if n == 0:
                return None
            if isinstance(widget, ipywidgets.SelectionRangeSlider):
                ends = [(0, 0), (n - 1, n - 1), (0, n - 1)]
            elif isinstance(widget.index, tuple):  # several items selected at once
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
        for widget in list(widgets_seen):
            if getattr(widget, "disabled", False) or getattr(widget, "comm", True) is None:
                continue  # disabled, or closed
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


#: The first cell: starts recording widgets.
RECORDER = inspect.getsource(record_widgets) + "\n_coursekit_widgets = record_widgets()\n"

#: The last cell: drives them.
DRIVER = inspect.getsource(drive_all_widgets) + "\ndrive_all_widgets(_coursekit_widgets)\n"


def run_with_driver(path, timeout=600):
    """Execute the notebook at ``path`` between RECORDER and DRIVER; return the DRIVER cell.

    Raises nbclient's ``CellExecutionError`` when a cell, the driver's
    included, raises.
    """
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    recorder = nbformat.v4.new_code_cell(RECORDER)
    driver = nbformat.v4.new_code_cell(DRIVER)
    nb.cells = [recorder, *nb.cells, driver]
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}}, record_timing=False)
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index)
    return driver


def driven_count(cell):
    """How many widgets the DRIVER cell says it drove."""
    text = "".join(o.text for o in cell.outputs if o.output_type == "stream" and o.name == "stdout")
    match = re.search(r"drove (\d+) widgets", text)
    assert match, f"driver printed no count: {text!r}"
    return int(match.group(1))
