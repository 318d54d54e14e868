"""Keeping lectures in sync with solutions: content hashes, marker checks, ``--check``.

A lecture records (in ``metadata.coursekit``) the hash of its content when
the build wrote it.  :func:`check` compares every lecture with what the
build would generate now, without executing anything.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
from typing import Iterable

import nbformat

from coursekit.authoring.errors import NotebookBuildError
from coursekit.authoring.io import read_notebook, temporary_files
from coursekit.authoring.pipeline import (
    clear_solution,
    has_solution_markers,
    is_solution_only,
    located,
    make_lecture,
)
from coursekit.authoring.repository import LECTURES_DIR, SOLUTIONS_DIR, NotebookPair, select_pairs

#: Cell metadata written by the build or by the editor, not by the author.
TIMING_METADATA = ("execution", "ExecuteTime")
#: Cell metadata left out of :func:`content_hash` (editor view state).
VIEW_METADATA = TIMING_METADATA + ("collapsed", "scrolled", "jupyter")
#: Notebook metadata left out of :func:`content_hash` (set by kernel or build).
MACHINE_METADATA = ("coursekit", "kernelspec", "language_info", "widgets", "vscode")


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

    Both use the build's own rule (:func:`~coursekit.authoring.pipeline.has_solution_markers`),
    so what builds also passes this check.

    Parameters
    ----------
    solution : NotebookNode
        Every code cell must have balanced, parseable blocks; markers are
        allowed only in code cells (or in cells tagged ``solution-only``).
    lecture : NotebookNode, optional
        Must not contain a solution marker.
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
            problems.append(str(located(name, index, err)))
    if lecture is not None:
        lecture_name = name.replace(f"{SOLUTIONS_DIR}/", f"{LECTURES_DIR}/", 1)
        for index, cell in enumerate(lecture.cells):
            if has_solution_markers(cell):
                problems.append(f"{lecture_name}, cell {index}: contains solution markers")
    return problems


def first_difference(current: nbformat.NotebookNode, expected: nbformat.NotebookNode) -> str:
    """A short hint of where two notebooks' content first differs.

    Examples
    --------
    >>> a = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("x")])
    >>> first_difference(a, nbformat.v4.new_notebook())
    '1 cells, expected 0'
    """
    for index, (have, want) in enumerate(zip(current.cells, expected.cells)):
        if _cell_content(have) != _cell_content(want):
            return f"first difference at cell {index}"
    if len(current.cells) != len(expected.cells):
        return f"{len(current.cells)} cells, expected {len(expected.cells)}"
    return "notebook metadata differs"


def _pair_problems(pair: NotebookPair) -> list[str]:
    """What is out of sync between one solution and its lecture."""
    if not pair.lecture.exists():
        return [f"{pair.solution_name} has no lecture {pair.lecture_name} "
                f"(run: python -m coursekit build {pair.stem})"]
    if not pair.solution.exists():
        return [f"{pair.lecture_name} has no solution {pair.solution_name}"]
    solution = read_notebook(pair.solution, pair.solution_name)
    lecture = read_notebook(pair.lecture, pair.lecture_name)
    marker_problems = check_solutions_markers(solution, lecture, pair.solution_name)
    if marker_problems:
        return marker_problems
    problems = []
    if not is_untouched(lecture):
        problems.append(
            f"{pair.lecture_name} was edited by hand (or never built): its content "
            "no longer matches the hash recorded by the build"
        )
    expected = make_lecture(solution, pair.solution_name)
    if content_hash(lecture) != content_hash(expected):
        problems.append(
            f"{pair.lecture_name} is out of sync with {pair.solution_name} "
            f"({first_difference(lecture, expected)}; "
            f"run: python -m coursekit build {pair.stem})"
        )
    return problems


def check(root: str | os.PathLike, names: Iterable[str] | None = None) -> list[str]:
    """Every way the lectures are out of sync with the solutions (no execution).

    Reports lectures whose content (everything but outputs) differs from
    what the build would generate now, lectures edited by hand since the
    last build or never built, solutions without a lecture, lectures without
    a solution, marker problems, unreadable notebooks, and temporary files
    an interrupted build left behind.

    Parameters
    ----------
    root : path
        The repository root.
    names : iterable of str, optional
        Restrict to these notebooks (see :func:`~coursekit.authoring.repository.select_pairs`).

    Returns
    -------
    list of str
        One message per problem; empty when everything is in sync.
    """
    problems: list[str] = []
    for pair in select_pairs(root, names, solutions_only=False):
        try:
            problems += _pair_problems(pair)
        except NotebookBuildError as err:
            problems.append(str(err))
    for folder in (SOLUTIONS_DIR, LECTURES_DIR):
        problems += [
            f"{folder}/{path.name} is a temporary file left by an interrupted build; delete it"
            for path in temporary_files(os.path.join(root, folder))
        ]
    return problems
