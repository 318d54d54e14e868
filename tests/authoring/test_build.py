"""The build (coursekit.authoring.build): real kernels on tiny notebooks in tmp_path."""

import os

import nbformat
import pytest
from nbformat.v4 import new_notebook

from coursekit.authoring import build as bd
from coursekit.authoring import io as nbio
from coursekit.authoring.build import build
from coursekit.authoring.errors import ConcurrentEditError, HandEditedError, NotebookBuildError
from coursekit.authoring.io import read_notebook
from coursekit.authoring.sync import check, is_untouched

from .factories import TODO, code, exercise_solution, make_project, markdown

QUIET = {"log": lambda line: None}

TINY = new_notebook(cells=[
    markdown("# Tiny"),
    code("import ipywidgets"),
    code("""
        ### BEGIN SOLUTION
        x = 6 * 7
        ### END SOLUTION
        print(x)
    """),
    code("""
        for i in range(3):
            print(i, flush=True)
    """),
    code("ipywidgets.IntSlider(value=3)", "nbval-ignore-output"),
    code("1 / 0", "raises-exception"),
    markdown("x is 42.", "solution-only"),
])


@pytest.fixture(scope="module")
def built_twice(tmp_path_factory):
    """Build the tiny project twice; return (root, bytes after 1st, bytes after 2nd, changed 2nd)."""
    root = make_project(tmp_path_factory.mktemp("course"), {"01_tiny": TINY})
    paths = [root / "solutions" / "01_tiny.ipynb", root / "lectures" / "01_tiny.ipynb"]
    build(root, **QUIET)
    first = [path.read_bytes() for path in paths]
    changed = build(root, **QUIET)
    second = [path.read_bytes() for path in paths]
    return root, first, second, changed


def test_rebuild_changes_no_byte(built_twice):
    root, first, second, changed = built_twice
    assert first == second
    assert changed == []


def test_build_executes_both_notebooks(built_twice):
    root = built_twice[0]
    solution = read_notebook(root / "solutions" / "01_tiny.ipynb")
    lecture = read_notebook(root / "lectures" / "01_tiny.ipynb")
    assert solution.cells[2].outputs[0].text == "42\n"
    assert lecture.cells[2].source == f"x = {TODO}\nprint(x)"
    assert lecture.cells[2].outputs[0].text == "Ellipsis\n"
    for nb in (solution, lecture):
        nbformat.validate(nb)
        counts = [c.execution_count for c in nb.cells if c.cell_type == "code"]
        assert counts == list(range(1, len(counts) + 1))
        assert nb.cells[3].outputs[0].text == "0\n1\n2\n"
        (widget,) = nb.cells[4].outputs
        assert widget.data == {"text/plain": "IntSlider(value=3)"}
        assert nb.cells[5].outputs[0].ename == "ZeroDivisionError"
        assert "widgets" not in nb.metadata
        assert all("execution" not in c.metadata for c in nb.cells)
    assert len(lecture.cells) == len(solution.cells) - 1
    assert lecture.metadata.coursekit.generated_from == "solutions/01_tiny.ipynb"
    assert is_untouched(lecture)
    assert check(root) == []
    assert os.listdir(root / "lectures") == ["01_tiny.ipynb"]  # no temporary file left


def test_failing_cell_names_notebook_and_cell(tmp_path):
    root = make_project(tmp_path, {"01_bad": new_notebook(cells=[markdown("x"), code("1 / 0")])})
    with pytest.raises(NotebookBuildError, match=r"solutions/01_bad\.ipynb, cell 1: execution failed"):
        build(root, **QUIET)
    assert not (root / "lectures" / "01_bad.ipynb").exists()


def _runs_and_leaves_a_trace():
    """A solution whose only cell writes a file: proof that a kernel ran it."""
    return new_notebook(cells=[code("open('ran.txt', 'w').close()")])


def test_unwritable_lectures_stop_the_build_before_anything_runs(tmp_path):
    """Issue 13: a read-only lectures/ failed only after both notebooks ran."""
    root = make_project(tmp_path, {"01_x": _runs_and_leaves_a_trace()})
    (root / "lectures").write_text("not a folder")  # unwritable, even for root
    solution_before = (root / "solutions" / "01_x.ipynb").read_bytes()
    with pytest.raises(NotebookBuildError, match=r"cannot write into lectures/ .*nothing was run"):
        build(root, **QUIET)
    assert not (root / "solutions" / "ran.txt").exists()
    assert (root / "solutions" / "01_x.ipynb").read_bytes() == solution_before


def test_writability_is_checked_after_reading_and_before_executing(tmp_path, monkeypatch):
    root = make_project(tmp_path, {"01_x": _runs_and_leaves_a_trace()})
    monkeypatch.setattr(bd, "check_writable", lambda folder, name: f"cannot write into {name} (test)")
    with pytest.raises(NotebookBuildError, match=r"cannot write into solutions/ \(test\)"):
        build(root, **QUIET)
    assert not (root / "solutions" / "ran.txt").exists()


def test_an_edit_saved_while_the_build_runs_is_kept(tmp_path, monkeypatch):
    """Issue 13: a solution saved during the build was overwritten with the build's copy."""
    simple = new_notebook(cells=[markdown("# Simple"), code("print(1)")])
    root = make_project(tmp_path, {"01_a": simple, "02_b": simple})
    path = root / "solutions" / "01_a.ipynb"
    edited = path.read_bytes().replace(b"# Simple", b"# Simple, edited meanwhile")
    real_execute = bd.execute_notebook

    def execute_while_the_author_saves(nb, cwd, name, timeout):
        if name == "solutions/01_a.ipynb":
            path.write_bytes(edited)
        return real_execute(nb, cwd, name, timeout)

    monkeypatch.setattr(bd, "execute_notebook", execute_while_the_author_saves)
    with pytest.raises(ConcurrentEditError, match=r"solutions/01_a\.ipynb: changed on disk"):
        build(root, **QUIET)
    assert path.read_bytes() == edited
    assert not (root / "lectures" / "01_a.ipynb").exists()  # the pair is skipped
    assert (root / "lectures" / "02_b.ipynb").exists()  # the others are built


def test_leftover_temporary_files_are_removed_by_the_next_build(tmp_path):
    root = make_project(tmp_path, {"01_x": exercise_solution()})
    (root / "lectures").mkdir()
    leftover = root / "lectures" / ".01_x.ipynb.abc123.tmp"
    leftover.write_text("half a notebook")
    lines = []
    build(root, execute=False, log=lines.append)
    assert not leftover.exists()
    assert "removed lectures/.01_x.ipynb.abc123.tmp, left by an interrupted build" in lines


@pytest.mark.parametrize("timeout", [0, -5, 1.5, True, None])
def test_nonsense_timeouts_are_refused(tmp_path, timeout):
    root = make_project(tmp_path, {"01_x": exercise_solution()})
    with pytest.raises(ValueError, match="timeout must be a whole number of seconds >= 1"):
        build(root, timeout=timeout, **QUIET)


def test_unreadable_solutions_are_all_named_before_anything_runs(tmp_path):
    root = make_project(tmp_path, {"01_a": exercise_solution(), "02_b": _runs_and_leaves_a_trace()})
    (root / "solutions" / "03_c.ipynb").write_text('{"cells": [')
    (root / "solutions" / "04_d.ipynb").write_text("")
    with pytest.raises(NotebookBuildError) as info:
        build(root, **QUIET)
    assert str(info.value).splitlines() == [
        "solutions/03_c.ipynb: not a readable notebook (the file is not valid JSON; is it truncated?)",
        "solutions/04_d.ipynb: not a readable notebook (the file is not valid JSON; is it truncated?)",
    ]
    assert not (root / "lectures").exists() and not (root / "solutions" / "ran.txt").exists()


@pytest.fixture
def project(tmp_path):
    """A repository with one solution, built without execution."""
    root = make_project(tmp_path, {"01_surprisal": exercise_solution()})
    build(root, execute=False, **QUIET)
    return root


def test_build_refuses_a_hand_edited_lecture_and_force_overrides(project):
    path = project / "lectures" / "01_surprisal.ipynb"
    lecture = read_notebook(path)
    lecture.cells[0].source = "# My notes"
    nbformat.write(lecture, path)
    edited = path.read_bytes()

    problems = check(project)
    assert any("edited by hand" in p for p in problems)
    with pytest.raises(HandEditedError, match="lectures/01_surprisal.ipynb"):
        build(project, execute=False, **QUIET)
    assert path.read_bytes() == edited

    build(project, execute=False, force=True, **QUIET)
    assert read_notebook(path).cells[0].source == "# Surprisal"
    assert check(project) == []


def test_force_replaces_an_unreadable_lecture(project):
    path = project / "lectures" / "01_surprisal.ipynb"
    path.write_text("{")
    with pytest.raises(NotebookBuildError, match=r"lectures/01_surprisal\.ipynb: not a readable notebook"):
        build(project, execute=False, **QUIET)
    build(project, execute=False, force=True, **QUIET)
    assert check(project) == []


def test_marker_errors_stop_the_build_before_anything_runs(project):
    bad = new_notebook(cells=[code("### BEGIN SOLUTION\nx = 1")])
    nbformat.write(bad, project / "solutions" / "02_entropy.ipynb")
    with pytest.raises(NotebookBuildError, match=r"solutions/02_entropy\.ipynb, cell 0"):
        build(project, **QUIET)
    assert not (project / "lectures" / "02_entropy.ipynb").exists()


def test_write_helper_is_the_one_the_build_uses():
    assert bd.write_notebook is nbio.write_notebook
