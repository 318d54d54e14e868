"""``build``: generate lectures from solutions, execute both, write both.

Everything that can be checked is checked before the first kernel starts:
every selected solution is readable and its markers are balanced, no
lecture to be overwritten was edited by hand, and ``solutions/`` and
``lectures/`` are writable.  A notebook that changes on disk while the
build runs is not overwritten (its pair is skipped and reported).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

import nbformat

from coursekit.authoring.errors import ConcurrentEditError, HandEditedError, NotebookBuildError
from coursekit.authoring.io import (
    CELL_TIMEOUT,
    Fingerprint,
    check_writable,
    execute_notebook,
    fingerprint,
    read_source,
    temporary_files,
    write_notebook,
)
from coursekit.authoring.pipeline import make_lecture, normalize, without_outputs
from coursekit.authoring.repository import LECTURES_DIR, SOLUTIONS_DIR, NotebookPair, select_pairs
from coursekit.authoring.sync import check_solutions_markers, content_hash, is_untouched, mark_generated

#: The checkout holding this package: tracebacks show paths relative to it too.
PACKAGE_CHECKOUT = Path(__file__).resolve().parents[2]


@dataclass
class Plan:
    """One pair to build: the solution as read, its lecture, and both files' fingerprints."""

    pair: NotebookPair
    solution: nbformat.NotebookNode
    lecture: nbformat.NotebookNode
    solution_print: Fingerprint
    lecture_print: Fingerprint | None


def _is_hand_edited(plan: Plan) -> bool:
    """Whether the existing lecture holds edits the new one would discard."""
    current, _ = read_source(plan.pair.lecture, plan.pair.lecture_name)
    return not is_untouched(current) and content_hash(current) != content_hash(plan.lecture)


def plan_builds(root: Path, names: Iterable[str] | None, force: bool) -> list[Plan]:
    """Read and check every selected pair; raise before anything runs.

    Raises
    ------
    NotebookBuildError
        Listing every unreadable notebook and marker problem.
    HandEditedError
        Listing the lectures edited by hand (unless `force`).
    """
    plans: list[Plan] = []
    problems: list[str] = []
    edited: list[str] = []
    for pair in select_pairs(root, names):
        try:
            solution, solution_print = read_source(pair.solution, pair.solution_name)
            marker_problems = check_solutions_markers(solution, name=pair.solution_name)
            if marker_problems:
                problems += marker_problems
                continue
            plan = Plan(pair, solution, make_lecture(solution, pair.solution_name),
                        solution_print, fingerprint(pair.lecture))
            if plan.lecture_print is not None and not force and _is_hand_edited(plan):
                edited.append(pair.lecture_name)
        except NotebookBuildError as err:
            problems.append(str(err))
            continue
        plans.append(plan)
    if problems:
        raise NotebookBuildError("\n".join(problems))
    if edited:
        raise HandEditedError(
            "refusing to overwrite lectures edited by hand since the last build:\n  "
            + "\n  ".join(edited)
            + "\nMove the changes into the solution notebook, or use --force to discard them."
        )
    return plans


def check_folders_writable(root: Path) -> None:
    """Raise unless the build can write into ``solutions/`` and ``lectures/``."""
    problems = [
        problem for folder in (SOLUTIONS_DIR, LECTURES_DIR)
        if (problem := check_writable(root / folder, f"{folder}/"))
    ]
    if problems:
        raise NotebookBuildError("; ".join(problems) + "; nothing was run or written")


def remove_leftovers(root: Path, log: Callable[[str], object]) -> None:
    """Delete the temporary files an interrupted build left behind."""
    for folder in (SOLUTIONS_DIR, LECTURES_DIR):
        for path in temporary_files(root / folder):
            path.unlink(missing_ok=True)
            log(f"removed {folder}/{path.name}, left by an interrupted build")


def _traceback_roots(root: Path) -> list[Path]:
    """The course and the package checkout, deepest first (one may hold the other)."""
    return sorted({root.resolve(), PACKAGE_CHECKOUT}, key=lambda path: len(path.parts), reverse=True)


def _build_one(plan: Plan, execute: bool, timeout: int, log: Callable[[str], object]) -> list[Path]:
    """Execute and write one pair; return the files that changed."""
    pair, solution, lecture = plan.pair, plan.solution, plan.lecture
    if execute:
        solution = execute_notebook(
            without_outputs(solution), pair.solution.parent, pair.solution_name, timeout
        )
        lecture = execute_notebook(lecture, pair.lecture.parent, pair.lecture_name, timeout)
    roots = _traceback_roots(pair.root)
    solution = normalize(solution, roots)
    lecture = mark_generated(normalize(lecture, roots), pair.solution_name)
    targets = ((solution, pair.solution, pair.solution_name, plan.solution_print),
               (lecture, pair.lecture, pair.lecture_name, plan.lecture_print))
    for _, path, name, expected in targets:  # both checked before either is written
        if fingerprint(path) != expected:
            raise ConcurrentEditError(
                f"{name}: changed on disk while the build ran; {pair.stem} was not "
                "written (your edit is kept: run the build again)"
            )
    changed = []
    for nb, path, name, expected in targets:
        if write_notebook(nb, path, expected, name):
            changed.append(path)
            log(f"wrote {name}" + ("" if execute else " (not executed)"))
        else:
            log(f"unchanged {name}")
    return changed


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

    Per notebook, the solution and its lecture are executed in fresh
    kernels (cwd = their folder) and written only if their bytes change.

    Parameters
    ----------
    root : path
        The repository root (holding ``solutions/`` and ``lectures/``).
    names : iterable of str, optional
        Which notebooks (see :func:`~coursekit.authoring.repository.select_pairs`);
        default all solutions.
    force : bool
        Overwrite lectures edited by hand.
    execute : bool
        Run the notebooks.  If False the lecture is written without outputs
        and the solution keeps its outputs (only normalized).
    timeout : int
        Seconds allowed per cell (at least 1).
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
    ConcurrentEditError
        If a notebook changed on disk while the build ran (after building
        every other pair).
    NotebookBuildError
        If a notebook is unreadable, markers are wrong, a folder is not
        writable, or a cell fails (naming notebook and cell).
    """
    if isinstance(timeout, bool) or not isinstance(timeout, int) or timeout < 1:
        raise ValueError(f"timeout must be a whole number of seconds >= 1, got {timeout!r}")
    root = Path(root)
    plans = plan_builds(root, names, force)
    check_folders_writable(root)
    remove_leftovers(root, log)
    changed: list[Path] = []
    skipped: list[str] = []
    for plan in plans:
        try:
            changed += _build_one(plan, execute, timeout, log)
        except ConcurrentEditError as err:
            skipped.append(str(err))
    if skipped:
        raise ConcurrentEditError("\n".join(skipped))
    return changed
