"""Notebook tooling: build ``lectures/`` from ``solutions/`` and keep them in sync.

Each ``solutions/NN_name.ipynb`` is the single source of a lecture.  The build
turns it into ``lectures/NN_name.ipynb`` with a pipeline of small functions
over nbformat nodes, in the style of nbgrader's ``ClearSolutions``
preprocessor:

1. *Cell functions* (pure, a cell in, a new cell out): replace solution
   blocks, clear outputs, strip timings and widget views, merge streams.
2. *Notebook functions* (pure): :func:`make_lecture` composes the cell
   functions; :func:`normalize` makes the bytes on disk deterministic
   (stable cell ids, fixed kernelspec, no widget state);
   :func:`content_hash` fingerprints what a person edits (not outputs).
3. *I/O*: :func:`execute_notebook` runs a notebook in a fresh kernel,
   :func:`write_notebook` writes it atomically.
4. *Orchestration*: :func:`build` and :func:`check`, called by the command
   line ``python -m coursekit build [--check]``.

The solution-block convention (nbgrader style)::

    ### BEGIN SOLUTION
    answer = 42
    ### END SOLUTION

becomes ``answer = ...  # your code here`` in the lecture.
"""

from __future__ import annotations

import ast
import copy
import hashlib
import json
import os
import tempfile
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

import nbformat

BEGIN_SOLUTION = "BEGIN SOLUTION"
END_SOLUTION = "END SOLUTION"
PLACEHOLDER = "...  # your code here"
SOLUTION_ONLY_TAG = "solution-only"
RAISES_EXCEPTION_TAG = "raises-exception"
WIDGET_VIEW_MIME = "application/vnd.jupyter.widget-view+json"
KERNELSPEC = {
    "display_name": "Python 3 (ipykernel)",
    "language": "python",
    "name": "python3",
}
#: Cell metadata written by the build or by the editor, not by the author.
TIMING_METADATA = ("execution", "ExecuteTime")
#: Cell metadata left out of :func:`content_hash` (editor view state).
VIEW_METADATA = TIMING_METADATA + ("collapsed", "scrolled", "jupyter")
#: Notebook metadata left out of :func:`content_hash` (set by kernel or build).
MACHINE_METADATA = ("coursekit", "kernelspec", "language_info", "widgets", "vscode")
SOLUTIONS_DIR = "solutions"
LECTURES_DIR = "lectures"
CELL_TIMEOUT = 120


class NotebookBuildError(Exception):
    """A notebook cannot be built; the message names the notebook (and cell)."""


class HandEditedError(NotebookBuildError):
    """A lecture was edited by hand since the last build."""


# ---------------------------------------------------------------------------
# 1. Cell functions (pure)
# ---------------------------------------------------------------------------


def _is_marker(line: str, marker: str) -> bool:
    """Whether `line` is a comment line holding `marker` (e.g. ``### END SOLUTION``)."""
    stripped = line.strip()
    return stripped.startswith("#") and marker in stripped


def _bound_names(target: ast.expr) -> list[str] | None:
    """Names bound by an assignment target, or None if it is not only names."""
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, ast.Starred):
        return _bound_names(target.value)
    if isinstance(target, (ast.Tuple, ast.List)):
        names: list[str] = []
        for element in target.elts:
            element_names = _bound_names(element)
            if element_names is None:
                return None
            names.extend(element_names)
        return names
    return None


def _placeholder_assignments(statement: ast.stmt) -> list[tuple[str, str]] | None:
    """``(name, placeholder line)`` for a top-level assignment, else None.

    ``name = value`` (also ``a, b = value`` and ``a = b = value``) gives one
    ``name = ...`` line per bound name; ``name: T = value`` keeps its
    annotation.  Any other statement gives None (the caller writes ``...``).
    """
    if isinstance(statement, ast.Assign):
        names: list[str] = []
        for target in statement.targets:
            target_names = _bound_names(target)
            if target_names is None:
                return None
            names.extend(target_names)
        return [(name, f"{name} = {PLACEHOLDER}") for name in names]
    if (
        isinstance(statement, ast.AnnAssign)
        and isinstance(statement.target, ast.Name)
        and statement.value is not None
    ):
        name, annotation = statement.target.id, ast.unparse(statement.annotation)
        return [(name, f"{name}: {annotation} = {PLACEHOLDER}")]
    return None


def solution_placeholder(block: str) -> list[str]:
    """Placeholder lines (without indentation) for the code of one solution block.

    Each top-level assignment to a name becomes ``name = ...  # your code
    here`` (once per name, in order of first assignment); each run of other
    statements becomes a single ``...  # your code here`` line, so the
    result is valid Python wherever the block was (a function body then
    returns None).

    Parameters
    ----------
    block : str
        The lines between the markers; a common indentation is allowed.

    Returns
    -------
    list of str
        At least one line.

    Raises
    ------
    SyntaxError
        If `block` is not a sequence of whole Python statements.

    Examples
    --------
    >>> solution_placeholder("h = -p * np.log2(p)\\nprint(h)\\nn, m = 1, 2")
    ['h = ...  # your code here', '...  # your code here', 'n = ...  # your code here', 'm = ...  # your code here']
    >>> solution_placeholder("    for x in xs:\\n        total += x\\n    return total")
    ['...  # your code here']
    >>> solution_placeholder("")
    ['...  # your code here']
    """
    tree = ast.parse(textwrap.dedent(block))
    lines: list[str] = []
    assigned: set[str] = set()
    for statement in tree.body:
        assignments = _placeholder_assignments(statement)
        if assignments is None:
            if not lines or lines[-1] != PLACEHOLDER:
                lines.append(PLACEHOLDER)
            continue
        for name, line in assignments:
            if name not in assigned:
                assigned.add(name)
                lines.append(line)
    return lines or [PLACEHOLDER]


def replace_solution_blocks(source: str) -> str:
    """Replace each ``### BEGIN SOLUTION`` ... ``### END SOLUTION`` block.

    The markers go; the block becomes the lines of
    :func:`solution_placeholder`, indented like the ``BEGIN`` marker.  Code
    outside the blocks is kept byte for byte.

    Parameters
    ----------
    source : str
        The source of a code cell.

    Returns
    -------
    str
        The source with placeholders instead of answers.

    Raises
    ------
    ValueError
        If the markers are unbalanced or nested, or a block is not valid
        Python on its own; the message gives the line number in the cell.

    Examples
    --------
    >>> cell = '''def entropy(p):
    ...     ### BEGIN SOLUTION
    ...     terms = -p * np.log2(p)
    ...     return terms.sum()
    ...     ### END SOLUTION
    ... '''
    >>> print(replace_solution_blocks(cell))
    def entropy(p):
        terms = ...  # your code here
        ...  # your code here
    <BLANKLINE>
    >>> replace_solution_blocks("### END SOLUTION")
    Traceback (most recent call last):
    ...
    ValueError: line 1: END SOLUTION marker without a BEGIN SOLUTION marker before it
    """
    output: list[str] = []
    block: list[str] | None = None
    block_start = 0
    indent = ""
    for number, line in enumerate(source.split("\n"), start=1):
        if _is_marker(line, BEGIN_SOLUTION):
            if block is not None:
                raise ValueError(
                    f"line {number}: BEGIN SOLUTION marker inside the block opened "
                    f"on line {block_start}; close that one with END SOLUTION first"
                )
            block, block_start = [], number
            indent = line[: len(line) - len(line.lstrip())]
        elif _is_marker(line, END_SOLUTION):
            if block is None:
                raise ValueError(
                    f"line {number}: END SOLUTION marker without a "
                    "BEGIN SOLUTION marker before it"
                )
            try:
                placeholder = solution_placeholder("\n".join(block))
            except SyntaxError as err:
                raise ValueError(
                    f"line {block_start}: the solution block is not valid Python on "
                    f"its own ({err.msg}, line {(err.lineno or 0) + block_start} of "
                    "the cell); a block must hold whole statements"
                ) from None
            output.extend(indent + line for line in placeholder)
            block = None
        elif block is not None:
            block.append(line)
        else:
            output.append(line)
    if block is not None:
        raise ValueError(
            f"line {block_start}: BEGIN SOLUTION marker without a matching "
            "END SOLUTION marker"
        )
    return "\n".join(output)


def has_solution_markers(cell: nbformat.NotebookNode) -> bool:
    """Whether the cell's source mentions a solution marker anywhere.

    Examples
    --------
    >>> has_solution_markers(nbformat.v4.new_code_cell("x = 1"))
    False
    >>> has_solution_markers(nbformat.v4.new_markdown_cell("### END SOLUTION"))
    True
    """
    return BEGIN_SOLUTION in cell.source or END_SOLUTION in cell.source


def clear_solution(cell: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Return a copy of a cell with its solution blocks replaced.

    Raises
    ------
    ValueError
        If the markers are unbalanced or a block does not parse (see
        :func:`replace_solution_blocks`), or if a non-code cell holds markers.

    Examples
    --------
    >>> cell = nbformat.v4.new_code_cell("### BEGIN SOLUTION\\nx = 2\\n### END SOLUTION")
    >>> clear_solution(cell).source
    'x = ...  # your code here'
    >>> cell.source  # the input is left alone
    '### BEGIN SOLUTION\\nx = 2\\n### END SOLUTION'
    """
    if not has_solution_markers(cell):
        return copy.deepcopy(cell)
    if cell.cell_type != "code":
        raise ValueError(
            f"solution markers are only allowed in code cells, not in a "
            f"{cell.cell_type} cell; tag the cell {SOLUTION_ONLY_TAG!r} instead"
        )
    new = copy.deepcopy(cell)
    new.source = replace_solution_blocks(cell.source)
    return new


def tags(cell: nbformat.NotebookNode) -> list[str]:
    """The cell's tags (``metadata.tags``), possibly empty.

    Examples
    --------
    >>> tags(nbformat.v4.new_code_cell("", metadata={"tags": ["solution-only"]}))
    ['solution-only']
    """
    return list(cell.get("metadata", {}).get("tags", []))


def is_solution_only(cell: nbformat.NotebookNode) -> bool:
    """Whether the cell is tagged ``solution-only`` (dropped from the lecture).

    Examples
    --------
    >>> is_solution_only(nbformat.v4.new_markdown_cell("Answer: 2 bits"))
    False
    """
    return SOLUTION_ONLY_TAG in tags(cell)


def clear_outputs(cell: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Return a copy of a cell without outputs and execution count.

    Examples
    --------
    >>> cell = nbformat.v4.new_code_cell("1 + 1", execution_count=3)
    >>> cell.outputs = [nbformat.v4.new_output("execute_result", {"text/plain": "2"})]
    >>> new = clear_outputs(cell)
    >>> new.outputs, new.execution_count
    ([], None)
    """
    new = copy.deepcopy(cell)
    if new.cell_type == "code":
        new.outputs = []
        new.execution_count = None
    return new


def strip_timing(cell: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Return a copy of a cell without execution timings in its metadata.

    Examples
    --------
    >>> cell = nbformat.v4.new_code_cell("", metadata={"execution": {}, "tags": []})
    >>> dict(strip_timing(cell).metadata)
    {'tags': []}
    """
    new = copy.deepcopy(cell)
    for key in TIMING_METADATA:
        new.metadata.pop(key, None)
    return new


def drop_widget_views(cell: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Return a copy of a cell whose outputs no longer reference widget models.

    A displayed widget's output holds ``text/plain`` (kept) and a widget view
    with a random ``model_id`` (dropped: it would change on every run and
    points at state that is not saved).

    Examples
    --------
    >>> cell = nbformat.v4.new_code_cell("slider")
    >>> cell.outputs = [nbformat.v4.new_output("display_data", {
    ...     "text/plain": "IntSlider(value=0)",
    ...     WIDGET_VIEW_MIME: {"model_id": "4f1c", "version_major": 2}})]
    >>> dict(drop_widget_views(cell).outputs[0].data)
    {'text/plain': 'IntSlider(value=0)'}
    """
    new = copy.deepcopy(cell)
    for output in new.get("outputs", []):
        output.get("data", {}).pop(WIDGET_VIEW_MIME, None)
    return new


def coalesce_streams(cell: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Return a copy of a cell with one stream output per stream name.

    How a kernel chunks what a cell prints depends on timing, so the chunks
    are merged (into the position of the first one) to make outputs
    reproducible.

    Examples
    --------
    >>> cell = nbformat.v4.new_code_cell("")
    >>> cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="a\\n"),
    ...                 nbformat.v4.new_output("stream", name="stdout", text="b\\n")]
    >>> [output.text for output in coalesce_streams(cell).outputs]
    ['a\\nb\\n']
    """
    new = copy.deepcopy(cell)
    if new.cell_type != "code":
        return new
    outputs: list[nbformat.NotebookNode] = []
    streams: dict[str, nbformat.NotebookNode] = {}
    for output in new.outputs:
        if output.output_type == "stream" and output.name in streams:
            streams[output.name].text += output.text
            continue
        if output.output_type == "stream":
            streams[output.name] = output
        outputs.append(output)
    new.outputs = outputs
    return new


def relativize_tracebacks(
    cell: nbformat.NotebookNode, roots: Iterable[str | os.PathLike]
) -> nbformat.NotebookNode:
    """Return a copy of a cell whose tracebacks show paths relative to `roots`.

    A cell tagged ``raises-exception`` that raises inside ``coursekit``
    would otherwise store this machine's absolute path (as ``/abs/path`` or
    IPython's ``~/path``) in the notebook.

    Examples
    --------
    >>> cell = nbformat.v4.new_code_cell("surprisal(2)")
    >>> cell.outputs = [nbformat.v4.new_output("error", ename="ValueError", evalue="",
    ...     traceback=["File /srv/course/coursekit/info.py:10, in surprisal(p)"])]
    >>> relativize_tracebacks(cell, ["/srv/course"]).outputs[0].traceback
    ['File coursekit/info.py:10, in surprisal(p)']
    """
    home = Path.home()
    prefixes = []
    for root in map(Path, roots):
        root = root.resolve()
        prefixes.append(f"{root}{os.sep}")
        if root != home and root.is_relative_to(home):
            prefixes.append(f"~{os.sep}{root.relative_to(home)}{os.sep}")
    new = copy.deepcopy(cell)
    for output in new.get("outputs", []):
        if output.output_type == "error":
            lines = output.traceback
            for prefix in prefixes:
                lines = [line.replace(prefix, "") for line in lines]
            output.traceback = lines
    return new


def code_tree(source: str) -> ast.Module | None:
    """The syntax tree of a code cell (IPython magics translated), or None.

    Examples
    --------
    >>> type(code_tree("%matplotlib inline\\nx = 1")).__name__
    'Module'
    >>> code_tree("x = (") is None
    True
    """
    from IPython.core.inputtransformer2 import TransformerManager

    try:
        return ast.parse(TransformerManager().transform_cell(source))
    except SyntaxError:
        return None


def called_names(source: str) -> set[str]:
    """Names of the functions a code cell calls (``f`` in ``f()`` and ``m.f()``).

    Examples
    --------
    >>> sorted(called_names("w = surprisal_widget(p=0.5)\\nplt.show()"))
    ['show', 'surprisal_widget']
    """
    tree = code_tree(source)
    if tree is None:
        return set()
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            if isinstance(node.func, ast.Name):
                names.add(node.func.id)
            elif isinstance(node.func, ast.Attribute):
                names.add(node.func.attr)
    return names


_WIDGET_FACTORIES = {"interact", "interactive", "interact_manual"}


def _widget_class_names() -> set[str]:
    import ipywidgets

    return {
        name for name, obj in vars(ipywidgets).items()
        if isinstance(obj, type) and issubclass(obj, ipywidgets.DOMWidget)
    }


def displays_widget(cell: nbformat.NotebookNode) -> bool:
    """Whether a code cell shows a live widget.

    True if its source calls a ``*_widget(...)`` function or ``interact``, or
    its outputs hold a widget (a widget view, or the ``text/plain`` repr of an
    ipywidgets class such as ``VBox(children=...``).

    Examples
    --------
    >>> displays_widget(nbformat.v4.new_code_cell("entropy_widget()"))
    True
    >>> cell = nbformat.v4.new_code_cell("w")
    >>> cell.outputs = [nbformat.v4.new_output("display_data", {"text/plain": "VBox(children=(...))"})]
    >>> displays_widget(cell)
    True
    >>> displays_widget(nbformat.v4.new_code_cell("draw_entropy(p)"))
    False
    """
    if cell.cell_type != "code":
        return False
    calls = called_names(cell.source)
    if any(name.endswith("_widget") for name in calls) or calls & _WIDGET_FACTORIES:
        return True
    widget_classes = None
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        if WIDGET_VIEW_MIME in data:
            return True
        text = data.get("text/plain", "")
        if "(" in text:
            widget_classes = widget_classes or _widget_class_names()
            if text.split("(", 1)[0] in widget_classes:
                return True
    return False


# ---------------------------------------------------------------------------
# 2. Notebook functions (pure)
# ---------------------------------------------------------------------------


def stable_cell_ids(cells: Iterable[nbformat.NotebookNode]) -> list[str]:
    """Cell ids derived from content: the same cells always get the same ids.

    The id is a short hash of the cell type and source; a repeated cell gets
    ``-2``, ``-3``, ... appended, so ids are unique.

    Examples
    --------
    >>> cells = [nbformat.v4.new_code_cell("x = 1"), nbformat.v4.new_code_cell("x = 1")]
    >>> first, second = stable_cell_ids(cells)
    >>> second == first + "-2"
    True
    >>> stable_cell_ids(cells) == [first, second]
    True
    """
    ids: list[str] = []
    seen: dict[str, int] = {}
    for cell in cells:
        digest = hashlib.sha256(f"{cell.cell_type}\0{cell.source}".encode()).hexdigest()
        base = digest[:12]
        seen[base] = seen.get(base, 0) + 1
        ids.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return ids


def normalize(
    nb: nbformat.NotebookNode, roots: Iterable[str | os.PathLike] = ()
) -> nbformat.NotebookNode:
    """Return a copy of a notebook whose bytes depend only on its content.

    Stable cell ids (nbformat 4.5), kernelspec ``python3``, no saved widget
    state, no Python version, no cell timings, no widget views, one stream
    output per stream name, and tracebacks with paths relative to `roots`
    (see :func:`relativize_tracebacks`).

    Examples
    --------
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")])
    >>> nb.metadata["widgets"] = {"state": {}}
    >>> nb.metadata["language_info"] = {"name": "python", "version": "3.12.1"}
    >>> new = normalize(nb)
    >>> sorted(new.metadata), dict(new.metadata.language_info)
    (['kernelspec', 'language_info'], {'name': 'python'})
    >>> new.cells[0].id == normalize(new).cells[0].id
    True
    """
    new = copy.deepcopy(nb)
    new.nbformat, new.nbformat_minor = 4, 5
    new.metadata.pop("widgets", None)
    new.metadata["kernelspec"] = nbformat.from_dict(KERNELSPEC)
    if "language_info" in new.metadata:
        new.metadata.language_info.pop("version", None)
    cells = [coalesce_streams(drop_widget_views(strip_timing(c))) for c in new.cells]
    if roots:
        cells = [relativize_tracebacks(cell, roots) for cell in cells]
    for cell, cell_id in zip(cells, stable_cell_ids(cells)):
        cell.id = cell_id
    new.cells = cells
    return new


def without_outputs(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Return a copy of a notebook with every cell's outputs cleared.

    Examples
    --------
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1", execution_count=1)])
    >>> without_outputs(nb).cells[0].execution_count is None
    True
    """
    new = copy.deepcopy(nb)
    new.cells = [clear_outputs(cell) for cell in new.cells]
    return new


def _located(name: str, index: int, err: Exception) -> NotebookBuildError:
    return NotebookBuildError(f"{name}, cell {index}: {err}")


def make_lecture(solution: nbformat.NotebookNode, name: str = "notebook") -> nbformat.NotebookNode:
    """The lecture for a solution notebook, without outputs (not executed).

    Drops cells tagged ``solution-only``, replaces solution blocks, clears
    outputs, and normalizes (:func:`normalize`).

    Parameters
    ----------
    solution : NotebookNode
        The solution notebook (left unchanged).
    name : str
        How error messages name the notebook, e.g. ``"solutions/01_x.ipynb"``.

    Returns
    -------
    NotebookNode

    Raises
    ------
    NotebookBuildError
        If a cell's markers are unbalanced or a block does not parse; the
        message names the notebook and the cell index (0-based, in `solution`).

    Examples
    --------
    >>> solution = nbformat.v4.new_notebook(cells=[
    ...     nbformat.v4.new_markdown_cell("Compute $H$."),
    ...     nbformat.v4.new_code_cell("### BEGIN SOLUTION\\nh = 1.0\\n### END SOLUTION"),
    ...     nbformat.v4.new_markdown_cell("It is 1 bit.", metadata={"tags": ["solution-only"]}),
    ... ])
    >>> [cell.source for cell in make_lecture(solution).cells]
    ['Compute $H$.', 'h = ...  # your code here']
    >>> solution.cells[1].source = "### BEGIN SOLUTION\\nh = 1.0"
    >>> make_lecture(solution, "solutions/02_entropy.ipynb")
    Traceback (most recent call last):
    ...
    coursekit.notebooks.NotebookBuildError: solutions/02_entropy.ipynb, cell 1: line 1: BEGIN SOLUTION marker without a matching END SOLUTION marker
    """
    cells = []
    for index, cell in enumerate(solution.cells):
        if is_solution_only(cell):
            continue
        try:
            cells.append(clear_outputs(clear_solution(cell)))
        except ValueError as err:
            raise _located(name, index, err) from None
    lecture = copy.deepcopy(solution)
    lecture.cells = cells
    lecture.metadata.pop("coursekit", None)
    return normalize(lecture)


def _cell_content(cell: nbformat.NotebookNode) -> dict:
    """What an author edits in a cell: type, source, metadata, attachments."""
    return {
        "cell_type": cell.cell_type,
        "source": cell.source,
        "metadata": {k: v for k, v in cell.metadata.items() if k not in VIEW_METADATA},
        "attachments": cell.get("attachments", {}),
    }


def content_hash(nb: nbformat.NotebookNode) -> str:
    """SHA-256 of what an author edits: cell types, sources, metadata.

    Outputs, execution counts, cell ids, editor view state
    (:data:`VIEW_METADATA`) and machine-written notebook metadata
    (:data:`MACHINE_METADATA`, including the build's own record) are left out.

    Examples
    --------
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")])
    >>> before = content_hash(nb)
    >>> nb.cells[0].outputs = [nbformat.v4.new_output("execute_result", {"text/plain": "2"})]
    >>> nb.cells[0].metadata["scrolled"] = True
    >>> content_hash(nb) == before
    True
    >>> nb.cells[0].source = "1 + 2"
    >>> content_hash(nb) == before
    False
    """
    content = {
        "metadata": {k: v for k, v in nb.metadata.items() if k not in MACHINE_METADATA},
        "cells": [_cell_content(cell) for cell in nb.cells],
    }
    text = json.dumps(content, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def mark_generated(lecture: nbformat.NotebookNode, generated_from: str) -> nbformat.NotebookNode:
    """Return a copy of a lecture recording where it came from and its hash.

    Examples
    --------
    >>> nb = mark_generated(nbformat.v4.new_notebook(), "solutions/01_x.ipynb")
    >>> nb.metadata.coursekit.generated_from
    'solutions/01_x.ipynb'
    >>> is_untouched(nb)
    True
    """
    new = copy.deepcopy(lecture)
    new.metadata["coursekit"] = nbformat.from_dict({
        "generated_by": "python -m coursekit build",
        "generated_from": generated_from,
        "source_hash": content_hash(new),
    })
    return new


def is_untouched(lecture: nbformat.NotebookNode) -> bool:
    """Whether a lecture's content still has the hash the build recorded.

    Examples
    --------
    >>> is_untouched(nbformat.v4.new_notebook())  # never built
    False
    """
    recorded = lecture.metadata.get("coursekit", {}).get("source_hash")
    return recorded == content_hash(lecture)


def check_solutions_markers(
    solution: nbformat.NotebookNode,
    lecture: nbformat.NotebookNode | None = None,
    name: str = "notebook",
) -> list[str]:
    """Problems with solution markers: unbalanced in `solution`, left in `lecture`.

    Parameters
    ----------
    solution : NotebookNode
        Every code cell must have balanced, parseable blocks; markers are
        allowed only in code cells (or in cells tagged ``solution-only``).
    lecture : NotebookNode, optional
        Must not contain the text ``BEGIN SOLUTION`` or ``END SOLUTION``.
    name : str
        The solution's name in messages (the lecture's is derived from it).

    Returns
    -------
    list of str
        One message per problem, naming notebook and cell; empty if all is well.

    Examples
    --------
    >>> ok = nbformat.v4.new_notebook(cells=[
    ...     nbformat.v4.new_code_cell("### BEGIN SOLUTION\\nx = 1\\n### END SOLUTION")])
    >>> check_solutions_markers(ok, make_lecture(ok))
    []
    >>> check_solutions_markers(ok, ok, name="solutions/01_x.ipynb")
    ['lectures/01_x.ipynb, cell 0: contains solution markers']
    """
    problems = []
    for index, cell in enumerate(solution.cells):
        if is_solution_only(cell):
            continue
        try:
            clear_solution(cell)
        except ValueError as err:
            problems.append(str(_located(name, index, err)))
    if lecture is not None:
        lecture_name = name.replace(f"{SOLUTIONS_DIR}/", f"{LECTURES_DIR}/", 1)
        for index, cell in enumerate(lecture.cells):
            if has_solution_markers(cell):
                problems.append(f"{lecture_name}, cell {index}: contains solution markers")
    return problems


# ---------------------------------------------------------------------------
# 3. I/O: read, execute, write
# ---------------------------------------------------------------------------


def read_notebook(path: str | os.PathLike) -> nbformat.NotebookNode:
    """Read a notebook as nbformat 4."""
    return nbformat.read(os.fspath(path), as_version=4)


def execute_notebook(
    nb: nbformat.NotebookNode,
    cwd: str | os.PathLike,
    name: str = "notebook",
    timeout: int = CELL_TIMEOUT,
) -> nbformat.NotebookNode:
    """Run a copy of a notebook top to bottom in a fresh ``python3`` kernel.

    Parameters
    ----------
    nb : NotebookNode
        Left unchanged.
    cwd : path
        The kernel's working directory (the notebook's folder).
    name : str
        How error messages name the notebook.
    timeout : int
        Seconds allowed per cell.

    Returns
    -------
    NotebookNode
        The executed copy.

    Raises
    ------
    NotebookBuildError
        If a cell not tagged ``raises-exception`` raises, a cell times out or
        the kernel dies; the message names the notebook and the cell.
    """
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    executed = copy.deepcopy(nb)
    client = NotebookClient(
        executed,
        timeout=timeout,
        kernel_name=KERNELSPEC["name"],
        resources={"metadata": {"path": os.fspath(cwd)}},
        allow_errors=False,  # nbclient still lets `raises-exception` cells raise
        record_timing=False,
        store_widget_state=False,
        coalesce_streams=True,
    )
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as err:
        index = _failed_cell_index(executed)
        where = f"{name}, cell {index}" if index is not None else name
        raise NotebookBuildError(f"{where}: execution failed:\n{err}") from None
    return executed


def _failed_cell_index(nb: nbformat.NotebookNode) -> int | None:
    """Index of the first cell with an error it was not allowed to raise."""
    for index, cell in enumerate(nb.cells):
        if RAISES_EXCEPTION_TAG in tags(cell):
            continue
        if any(out.output_type == "error" for out in cell.get("outputs", [])):
            return index
    return None


def notebook_bytes(nb: nbformat.NotebookNode) -> bytes:
    """The file content: nbformat's JSON (sorted keys, indent 1) and a newline.

    Examples
    --------
    >>> notebook_bytes(nbformat.v4.new_notebook()).endswith(b"}\\n")
    True
    """
    return (nbformat.writes(nb) + "\n").encode("utf-8")


def write_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Write `data` to `path` through a temporary file and :func:`os.replace`.

    Readers (JupyterLab, a test run) see the old file or the new one, never
    half of one.  The temporary file lives in the same directory (so the
    rename is atomic), starts with a dot and does not end in ``.ipynb`` (so
    nothing collects it), and is removed if writing fails.  An existing
    file's permissions are kept.
    """
    path = Path(path)
    if path.exists():
        mode = path.stat().st_mode & 0o777
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_notebook(nb: nbformat.NotebookNode, path: str | os.PathLike) -> bool:
    """Write a notebook atomically unless the file already holds these bytes.

    Returns
    -------
    bool
        Whether the file changed.
    """
    path = Path(path)
    data = notebook_bytes(nb)
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, data)
    return True


# ---------------------------------------------------------------------------
# 4. Orchestration: which notebooks, build, check
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class NotebookPair:
    """A solution notebook and the lecture generated from it (either may be missing)."""

    stem: str
    root: Path

    @property
    def solution(self) -> Path:
        return self.root / SOLUTIONS_DIR / f"{self.stem}.ipynb"

    @property
    def lecture(self) -> Path:
        return self.root / LECTURES_DIR / f"{self.stem}.ipynb"

    @property
    def solution_name(self) -> str:
        return f"{SOLUTIONS_DIR}/{self.stem}.ipynb"

    @property
    def lecture_name(self) -> str:
        return f"{LECTURES_DIR}/{self.stem}.ipynb"


def find_repository_root(start: str | os.PathLike | None = None) -> Path:
    """The course repository: the checkout holding this package, else from cwd.

    A directory counts as the root if it has a ``pyproject.toml`` and a
    ``solutions/`` folder.  Without a package checkout, the search walks up
    from `start` (default: the current directory).

    Raises
    ------
    NotebookBuildError
        If no such directory is found.
    """
    package_checkout = Path(__file__).resolve().parent.parent
    candidates = [package_checkout]
    here = Path(start or os.getcwd()).resolve()
    candidates += [here, *here.parents]
    for candidate in candidates:
        if (candidate / "pyproject.toml").is_file() and (candidate / SOLUTIONS_DIR).is_dir():
            return candidate
    raise NotebookBuildError(
        f"cannot find the course repository (a folder with pyproject.toml and "
        f"{SOLUTIONS_DIR}/) from {here}; pass --root"
    )


def find_notebooks(root: str | os.PathLike, folder: str | None = None) -> list[Path]:
    """The notebooks in ``lectures/`` and ``solutions/`` (or one of them), sorted.

    Examples
    --------
    >>> find_notebooks("/nonexistent")
    []
    """
    folders = [folder] if folder else [LECTURES_DIR, SOLUTIONS_DIR]
    return sorted(p for f in folders for p in (Path(root) / f).glob("*.ipynb"))


def _stems(root: Path, folder: str) -> set[str]:
    return {path.stem for path in find_notebooks(root, folder)}


def select_pairs(
    root: str | os.PathLike, names: Iterable[str] | None = None, *, solutions_only: bool = True
) -> list[NotebookPair]:
    """The notebook pairs to work on, from command-line names.

    Parameters
    ----------
    root : path
        The repository root.
    names : iterable of str, optional
        ``01``, ``01_surprisal``, ``01_surprisal.ipynb`` or a path to either
        notebook; default: every solution (and, if not `solutions_only`,
        every lecture too).
    solutions_only : bool
        Whether only stems with a solution notebook count.

    Raises
    ------
    NotebookBuildError
        If a name matches no notebook, or several.
    """
    root = Path(root)
    stems = _stems(root, SOLUTIONS_DIR)
    if not solutions_only:
        stems |= _stems(root, LECTURES_DIR)
    if not names:
        return [NotebookPair(stem, root) for stem in sorted(stems)]
    selected: list[str] = []
    for name in names:
        wanted = Path(name).name.removesuffix(".ipynb")
        matches = [s for s in stems if s == wanted] or [
            s for s in stems if s.startswith(f"{wanted}_")
        ]
        if len(matches) != 1:
            found = "several" if matches else "no"
            raise NotebookBuildError(
                f"{found} notebook matches {name!r}; choose one of: "
                + (", ".join(sorted(stems)) or "(none)")
            )
        if matches[0] not in selected:
            selected.append(matches[0])
    return [NotebookPair(stem, root) for stem in selected]


def _first_difference(current: nbformat.NotebookNode, expected: nbformat.NotebookNode) -> str:
    """A short hint of where two notebooks' content first differs."""
    for index, (have, want) in enumerate(zip(current.cells, expected.cells)):
        if _cell_content(have) != _cell_content(want):
            return f"first difference at cell {index}"
    if len(current.cells) != len(expected.cells):
        return f"{len(current.cells)} cells, expected {len(expected.cells)}"
    return "notebook metadata differs"


def check(root: str | os.PathLike, names: Iterable[str] | None = None) -> list[str]:
    """Every way the lectures are out of sync with the solutions (no execution).

    Reports lectures whose content (everything but outputs) differs from
    what :func:`build` would generate now, lectures edited by hand since the
    last build or never built, solutions without a lecture, lectures without
    a solution, and marker problems.

    Parameters
    ----------
    root : path
        The repository root.
    names : iterable of str, optional
        Restrict to these notebooks (see :func:`select_pairs`).

    Returns
    -------
    list of str
        One message per problem; empty when everything is in sync.
    """
    problems: list[str] = []
    for pair in select_pairs(root, names, solutions_only=False):
        if not pair.lecture.exists():
            problems.append(
                f"{pair.solution_name} has no lecture {pair.lecture_name} "
                f"(run: python -m coursekit build {pair.stem})"
            )
            continue
        if not pair.solution.exists():
            problems.append(f"{pair.lecture_name} has no solution {pair.solution_name}")
            continue
        solution, lecture = read_notebook(pair.solution), read_notebook(pair.lecture)
        marker_problems = check_solutions_markers(solution, lecture, pair.solution_name)
        if marker_problems:
            problems.extend(marker_problems)
            continue
        if not is_untouched(lecture):
            problems.append(
                f"{pair.lecture_name} was edited by hand (or never built): its content "
                "no longer matches the hash recorded by the build"
            )
        expected = make_lecture(solution, pair.solution_name)
        if content_hash(lecture) != content_hash(expected):
            problems.append(
                f"{pair.lecture_name} is out of sync with {pair.solution_name} "
                f"({_first_difference(lecture, expected)}; "
                f"run: python -m coursekit build {pair.stem})"
            )
    return problems


def build(
    root: str | os.PathLike,
    names: Iterable[str] | None = None,
    *,
    force: bool = False,
    execute: bool = True,
    timeout: int = CELL_TIMEOUT,
    log: Callable[[str], object] = print,
) -> list[Path]:
    """Generate lectures from solutions, execute both, write both.

    Everything is checked before anything runs: markers in every selected
    solution, and that no lecture to be overwritten was edited by hand.
    Then, per notebook, the solution and its lecture are executed in fresh
    kernels (cwd = their folder) and written only if their bytes change.

    Parameters
    ----------
    root : path
        The repository root (holding ``solutions/`` and ``lectures/``).
    names : iterable of str, optional
        Which notebooks (see :func:`select_pairs`); default all solutions.
    force : bool
        Overwrite lectures edited by hand.
    execute : bool
        Run the notebooks.  If False the lecture is written without outputs
        and the solution keeps its outputs (only normalized).
    timeout : int
        Seconds allowed per cell.
    log : callable
        Receives one line per notebook written.

    Returns
    -------
    list of Path
        The files that changed.

    Raises
    ------
    HandEditedError
        If a lecture was edited by hand and `force` is False.
    NotebookBuildError
        If markers are wrong or a cell fails (naming notebook and cell).
    """
    root = Path(root)
    plans = []
    problems: list[str] = []
    edited: list[str] = []
    for pair in select_pairs(root, names):
        solution = read_notebook(pair.solution)
        marker_problems = check_solutions_markers(solution, name=pair.solution_name)
        if marker_problems:
            problems += marker_problems
            continue
        lecture = make_lecture(solution, pair.solution_name)
        if pair.lecture.exists() and not force:
            current = read_notebook(pair.lecture)
            if not is_untouched(current) and content_hash(current) != content_hash(lecture):
                edited.append(pair.lecture_name)
        plans.append((pair, solution, lecture))
    if problems:
        raise NotebookBuildError("\n".join(problems))
    if edited:
        raise HandEditedError(
            "refusing to overwrite lectures edited by hand since the last build:\n  "
            + "\n  ".join(edited)
            + "\nMove the changes into the solution notebook, or use --force to discard them."
        )

    # Tracebacks show paths relative to the course and to the coursekit
    # checkout (deepest first, in case one holds the other).
    roots = sorted(
        {root.resolve(), Path(__file__).resolve().parent.parent},
        key=lambda path: len(path.parts), reverse=True,
    )
    changed: list[Path] = []
    for pair, solution, lecture in plans:
        pair.lecture.parent.mkdir(parents=True, exist_ok=True)
        if execute:
            solution = execute_notebook(
                without_outputs(solution), pair.solution.parent, pair.solution_name, timeout
            )
            lecture = execute_notebook(lecture, pair.lecture.parent, pair.lecture_name, timeout)
        solution = normalize(solution, roots)
        lecture = mark_generated(normalize(lecture, roots), pair.solution_name)
        for nb, path, name in ((solution, pair.solution, pair.solution_name),
                               (lecture, pair.lecture, pair.lecture_name)):
            if write_notebook(nb, path):
                changed.append(path)
                log(f"wrote {name}" + ("" if execute else " (not executed)"))
            else:
                log(f"unchanged {name}")
    return changed
