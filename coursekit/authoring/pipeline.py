"""The build pipeline: small steps over nbformat nodes, nbconvert's where it has them.

:func:`make_lecture` turns a solution notebook into its lecture (not
executed)::

    clear_solution (per cell, ours: the placeholders of
        :mod:`coursekit.authoring.placeholders`)
    -> TagRemovePreprocessor   drops cells tagged ``solution-only``
    -> ClearOutputPreprocessor clears outputs and execution counts
    -> normalize

:func:`normalize` makes the bytes on disk depend only on the content and on
what the kernel itself writes::

    ClearMetadataPreprocessor    keeps only the cell metadata an author sets
                                 (:data:`AUTHOR_CELL_METADATA`; drops timings)
    -> CoalesceStreamsPreprocessor  merges consecutive stream chunks
    -> drop_widget_views, relativize_tracebacks (ours)
    -> kernelspec, nbformat 4.5 and content-derived cell ids

``language_info`` is left as the kernel wrote it (nbclient copies the
kernel's ``kernel_info`` reply), so JupyterLab, which writes the same
dictionary when its kernel starts, finds nothing to change and does not
mark the notebook as modified.
"""

from __future__ import annotations

import copy
import hashlib
import os
from pathlib import Path
from typing import Iterable

import nbformat
from nbconvert.preprocessors import (
    ClearMetadataPreprocessor,
    ClearOutputPreprocessor,
    CoalesceStreamsPreprocessor,
    TagRemovePreprocessor,
)

from coursekit.authoring.errors import NotebookBuildError
from coursekit.authoring.placeholders import BEGIN_SOLUTION, END_SOLUTION, marker_lines, replace_solution_blocks

SOLUTION_ONLY_TAG = "solution-only"
KEEP_SOLUTION_TAG = "keep-solution"
RAISES_EXCEPTION_TAG = "raises-exception"
WIDGET_VIEW_MIME = "application/vnd.jupyter.widget-view+json"
#: What ipykernel's ``python3`` kernelspec holds, and so what JupyterLab writes.
KERNELSPEC = {
    "display_name": "Python 3 (ipykernel)",
    "language": "python",
    "name": "python3",
}
#: Cell metadata an author sets (kept); anything else (timings, view state) is dropped.
AUTHOR_CELL_METADATA = frozenset({"tags", "slideshow", "jupyter", "editable", "deletable", "name"})


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


def has_solution_markers(cell: nbformat.NotebookNode) -> bool:
    """Whether a cell holds a solution marker.

    In a code cell, a marker comment (:func:`~coursekit.authoring.placeholders.marker_lines`;
    text inside a string does not count); in any other cell, the marker text
    anywhere (such cells cannot hold solution blocks).

    Examples
    --------
    >>> has_solution_markers(nbformat.v4.new_code_cell("x = 1"))
    False
    >>> has_solution_markers(nbformat.v4.new_code_cell('print("### END SOLUTION")'))
    False
    >>> has_solution_markers(nbformat.v4.new_markdown_cell("### END SOLUTION"))
    True
    """
    if cell.cell_type == "code":
        return bool(marker_lines(cell.source))
    return BEGIN_SOLUTION in cell.source or END_SOLUTION in cell.source


def clear_solution(cell: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Return a copy of a cell with its solution blocks replaced.

    A cell tagged ``keep-solution`` keeps its answers (only the marker lines
    go): it demonstrates a solved exercise.

    Raises
    ------
    ValueError
        If the markers are unbalanced or a block does not parse (see
        :func:`~coursekit.authoring.placeholders.replace_solution_blocks`),
        or if a non-code cell holds markers.

    Examples
    --------
    >>> cell = nbformat.v4.new_code_cell("### BEGIN SOLUTION\\nx = 2\\n### END SOLUTION")
    >>> clear_solution(cell).source
    'x = ...  # your code here'
    >>> cell.source  # the input is left alone
    '### BEGIN SOLUTION\\nx = 2\\n### END SOLUTION'
    >>> cell.metadata["tags"] = ["keep-solution"]
    >>> clear_solution(cell).source
    'x = 2'
    """
    new = copy.deepcopy(cell)
    if not has_solution_markers(cell):
        return new
    if cell.cell_type != "code":
        raise ValueError(
            f"solution markers are only allowed in code cells, not in a "
            f"{cell.cell_type} cell; tag the cell {SOLUTION_ONLY_TAG!r} instead"
        )
    new.source = replace_solution_blocks(cell.source, keep=KEEP_SOLUTION_TAG in tags(cell))
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


def drop_plain_slide_type(cell: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Remove ``slide_type: "-"`` (continue the current slide), as JupyterLab 4 writes it.

    JupyterLab 4 stores "continue the slide" as no ``slide_type`` at all, and
    the in-JupyterLab presenter hides a cell whose ``slide_type`` is the
    string ``"-"``; the build writes the JupyterLab form.

    >>> cell = nbformat.v4.new_markdown_cell("x", metadata={"slideshow": {"slide_type": "-"}})
    >>> dict(drop_plain_slide_type(cell).metadata)
    {}
    >>> cell = nbformat.v4.new_markdown_cell("x", metadata={"slideshow": {"slide_type": "slide"}})
    >>> dict(drop_plain_slide_type(cell).metadata.slideshow)
    {'slide_type': 'slide'}
    """
    slideshow = cell.metadata.get("slideshow")
    if slideshow is not None and slideshow.get("slide_type") == "-":
        del slideshow["slide_type"]
        if not slideshow:
            del cell.metadata["slideshow"]
    return cell


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


def apply(nb: nbformat.NotebookNode, *preprocessors) -> nbformat.NotebookNode:
    """Run nbconvert preprocessors, in order, over a copy of a notebook.

    Examples
    --------
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1", execution_count=1)])
    >>> apply(nb, ClearOutputPreprocessor()).cells[0].execution_count is None
    True
    >>> nb.cells[0].execution_count
    1
    """
    new = copy.deepcopy(nb)
    for preprocessor in preprocessors:
        new, _ = preprocessor.preprocess(new, {})
    return nbformat.from_dict(new)


def normalize(
    nb: nbformat.NotebookNode, roots: Iterable[str | os.PathLike] = ()
) -> nbformat.NotebookNode:
    """Return a copy of a notebook whose bytes depend only on its content.

    nbformat 4.5 with stable cell ids, kernelspec ``python3``, no saved
    widget state, only author-set cell metadata (no timings), no widget
    views, consecutive stream chunks merged, and tracebacks with paths
    relative to `roots` (see :func:`relativize_tracebacks`).
    ``language_info`` stays as the kernel wrote it.

    Examples
    --------
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")])
    >>> nb.metadata["widgets"] = {"state": {}}
    >>> nb.metadata["language_info"] = {"name": "python", "version": "3.12.1"}
    >>> new = normalize(nb)
    >>> sorted(new.metadata), dict(new.metadata.language_info)
    (['kernelspec', 'language_info'], {'name': 'python', 'version': '3.12.1'})
    >>> new.cells[0].id == normalize(new).cells[0].id
    True
    """
    new = apply(
        nb,
        ClearMetadataPreprocessor(
            clear_notebook_metadata=False, preserve_cell_metadata_mask=set(AUTHOR_CELL_METADATA)
        ),
        CoalesceStreamsPreprocessor(),
    )
    new.nbformat, new.nbformat_minor = 4, 5
    new.metadata.pop("widgets", None)
    new.metadata["kernelspec"] = nbformat.from_dict(KERNELSPEC)
    cells = [drop_plain_slide_type(drop_widget_views(cell)) for cell in new.cells]
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
    return apply(nb, ClearOutputPreprocessor())


def located(name: str, index: int, err: Exception) -> NotebookBuildError:
    """An error naming the notebook and the (0-based) cell."""
    return NotebookBuildError(f"{name}, cell {index}: {err}")


def make_lecture(solution: nbformat.NotebookNode, name: str = "notebook") -> nbformat.NotebookNode:
    """The lecture for a solution notebook, without outputs (not executed).

    Replaces solution blocks (except in cells tagged ``keep-solution``),
    drops cells tagged ``solution-only``, clears outputs, and normalizes
    (:func:`normalize`).

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
    coursekit.authoring.errors.NotebookBuildError: solutions/02_entropy.ipynb, cell 1: line 1: BEGIN SOLUTION marker without a matching END SOLUTION marker
    """
    lecture = copy.deepcopy(solution)
    for index, cell in enumerate(solution.cells):
        if is_solution_only(cell):
            continue
        try:
            lecture.cells[index] = clear_solution(cell)
        except ValueError as err:
            raise located(name, index, err) from None
    lecture.metadata.pop("coursekit", None)
    lecture = apply(
        lecture,
        TagRemovePreprocessor(remove_cell_tags={SOLUTION_ONLY_TAG}),
        ClearOutputPreprocessor(),
    )
    return normalize(lecture)
