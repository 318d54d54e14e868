"""Tests of the notebook pipeline (coursekit.notebooks and the CLI).

Everything runs on small notebooks made in ``tmp_path``; only
``test_real_repository_is_in_sync`` looks at the real ``solutions/``.
"""

import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from coursekit import notebooks as nbk
from coursekit.__main__ import main

REPO_ROOT = Path(__file__).resolve().parents[1]
TODO = "...  # your code here"


def code(source, *tags, outputs=(), execution_count=None):
    cell = new_code_cell(textwrap.dedent(source).strip("\n"), execution_count=execution_count)
    if tags:
        cell.metadata["tags"] = list(tags)
    cell.outputs = list(outputs)
    return cell


def markdown(source, *tags):
    cell = new_markdown_cell(source)
    if tags:
        cell.metadata["tags"] = list(tags)
    return cell


def blocks(source):
    """replace_solution_blocks on a dedented multi-line source."""
    return nbk.replace_solution_blocks(textwrap.dedent(source).strip("\n"))


def make_project(root, notebooks):
    """A course repository in `root` with these solution notebooks {stem: nb}."""
    (root / "solutions").mkdir(parents=True)
    (root / "pyproject.toml").write_text("")
    for stem, nb in notebooks.items():
        nbformat.write(nb, root / "solutions" / f"{stem}.ipynb")
    return root


def run_cli(*args):
    """Run ``python -m coursekit`` in a subprocess; return (exit code, stdout + stderr)."""
    result = subprocess.run(
        [sys.executable, "-m", "coursekit", *args],
        capture_output=True, text=True, timeout=120, cwd=REPO_ROOT,
    )
    return result.returncode, result.stdout + result.stderr


def exercise_solution():
    return new_notebook(cells=[
        markdown("# Surprisal"),
        code("import math"),
        code("""
            ### BEGIN SOLUTION
            s = -math.log2(0.5)
            ### END SOLUTION
            print(f"{s:.4f} bits")
        """),
        markdown("The answer is 1 bit.", "solution-only"),
    ])


# --------------------------------------------------------------------------
# Solution blocks
# --------------------------------------------------------------------------


def test_one_assignment_becomes_placeholder_and_rest_is_kept():
    assert blocks("""
        ### BEGIN SOLUTION
        h = -p * math.log2(p)
        ### END SOLUTION
        print(h)
    """) == f"h = {TODO}\nprint(h)"


def test_multiple_assignments_each_name_once_in_order():
    result = blocks("""
        ### BEGIN SOLUTION
        a = 1
        b, (c, *d) = 2, (3, 4, 5)
        a = a + b
        e = f = 0
        g: float = 0.5
        ### END SOLUTION
    """)
    assert result.splitlines() == [
        f"a = {TODO}", f"b = {TODO}", f"c = {TODO}", f"d = {TODO}",
        f"e = {TODO}", f"f = {TODO}", f"g: float = {TODO}",
    ]


def test_function_body_stays_valid_and_returns_none():
    result = blocks("""
        def entropy(p):
            ### BEGIN SOLUTION
            terms = [-x * math.log2(x) for x in p if x > 0]
            return sum(terms)
            ### END SOLUTION
    """)
    assert result == f"def entropy(p):\n    terms = {TODO}\n    {TODO}"
    namespace = {}
    exec(compile(result, "<cell>", "exec"), namespace)
    assert namespace["entropy"]([0.5, 0.5]) is None


def test_nested_indentation_follows_the_begin_marker():
    result = blocks("""
        def train(steps):
            for step in range(steps):
                if step % 2:
                    ### BEGIN SOLUTION
                    loss = step * 2
                    print(loss)
                    ### END SOLUTION
            return steps
    """)
    assert result.splitlines()[3:5] == [f"            loss = {TODO}", f"            {TODO}"]
    compile(result, "<cell>", "exec")


def test_non_assignments_collapse_into_one_line():
    result = blocks("""
        ### BEGIN SOLUTION
        print("hi")
        for i in range(3):
            total += i
        obj.attribute = 1
        x += 1
        ### END SOLUTION
    """)
    assert result == TODO


def test_assignments_and_other_statements_interleave():
    result = blocks("""
        ### BEGIN SOLUTION
        total = 0
        for x in xs:
            total += x
        mean = total / len(xs)
        ### END SOLUTION
    """)
    assert result.splitlines() == [f"total = {TODO}", TODO, f"mean = {TODO}"]


def test_several_blocks_and_untouched_code_between_them():
    source = "x = 1  # given\n### BEGIN SOLUTION\ny = 2\n### END SOLUTION\n\nz = 3\n# BEGIN SOLUTION\nw = 4\n# END SOLUTION\n"
    assert nbk.replace_solution_blocks(source) == (
        f"x = 1  # given\ny = {TODO}\n\nz = 3\nw = {TODO}\n"
    )


def test_empty_block_still_gives_a_statement():
    assert blocks("if True:\n    ### BEGIN SOLUTION\n    ### END SOLUTION") == f"if True:\n    {TODO}"


def test_source_without_markers_is_returned_unchanged():
    source = "x = 1\r\n\n  y = 2\n"
    assert nbk.replace_solution_blocks(source) == source


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("### BEGIN SOLUTION\nx = 1", "line 1: BEGIN SOLUTION marker without a matching END"),
        ("x = 1\n### END SOLUTION", "line 2: END SOLUTION marker without a BEGIN"),
        ("### BEGIN SOLUTION\n### BEGIN SOLUTION\n### END SOLUTION",
         "line 2: BEGIN SOLUTION marker inside the block opened on line 1"),
        ("if x:\n### BEGIN SOLUTION\nif y:\n### END SOLUTION\n    pass",
         "line 2: the solution block is not valid Python on its own"),
    ],
)
def test_bad_markers_raise_with_line_number(source, message):
    with pytest.raises(ValueError, match=message):
        nbk.replace_solution_blocks(source)


def test_bad_block_error_names_notebook_and_cell_index():
    solution = new_notebook(cells=[markdown("intro"), code("x = 1"), code("### BEGIN SOLUTION\ny = (")])
    with pytest.raises(nbk.NotebookBuildError, match=r"^solutions/03_kl\.ipynb, cell 2: line 1"):
        nbk.make_lecture(solution, "solutions/03_kl.ipynb")


def test_markers_in_markdown_are_an_error_unless_solution_only():
    text = "### BEGIN SOLUTION\nIt is 2 bits.\n### END SOLUTION"
    with pytest.raises(nbk.NotebookBuildError, match="cell 0: solution markers are only allowed in code cells"):
        nbk.make_lecture(new_notebook(cells=[markdown(text)]))
    lecture = nbk.make_lecture(new_notebook(cells=[markdown(text, "solution-only")]))
    assert lecture.cells == []


# --------------------------------------------------------------------------
# Lecture pipeline
# --------------------------------------------------------------------------


def test_solution_only_cells_are_dropped():
    solution = new_notebook(cells=[
        markdown("keep"), code("answer = 2", "solution-only"), markdown("hint", "solution-only"),
        code("print(1)"),
    ])
    lecture = nbk.make_lecture(solution)
    assert [cell.source for cell in lecture.cells] == ["keep", "print(1)"]
    assert len(solution.cells) == 4  # the input is not modified


def test_outputs_and_execution_counts_are_cleared():
    solution = new_notebook(cells=[
        code("print(1)", outputs=[new_output("stream", name="stdout", text="1\n")], execution_count=1),
    ])
    (cell,) = nbk.make_lecture(solution).cells
    assert cell.outputs == [] and cell.execution_count is None


def test_lecture_has_no_markers_and_checks_pass():
    solution = exercise_solution()
    lecture = nbk.make_lecture(solution)
    assert not any(nbk.has_solution_markers(cell) for cell in lecture.cells)
    assert nbk.check_solutions_markers(solution, lecture) == []


def test_check_solutions_markers_reports_both_notebooks():
    solution = new_notebook(cells=[code("### BEGIN SOLUTION\nx = 1")])
    lecture = new_notebook(cells=[code("x = 1"), markdown("see ### END SOLUTION")])
    problems = nbk.check_solutions_markers(solution, lecture, name="solutions/02_h.ipynb")
    assert problems == [
        "solutions/02_h.ipynb, cell 0: line 1: BEGIN SOLUTION marker without a matching "
        "END SOLUTION marker",
        "lectures/02_h.ipynb, cell 1: contains solution markers",
    ]


def test_normalize_removes_everything_that_varies_between_runs():
    cell = code("w", outputs=[
        new_output("display_data", {"text/plain": "IntSlider(value=0)",
                                    nbk.WIDGET_VIEW_MIME: {"model_id": "ab12", "version_major": 2}}),
        new_output("stream", name="stdout", text="a"),
        new_output("stream", name="stderr", text="warn"),
        new_output("stream", name="stdout", text="b"),
    ])
    cell.metadata["execution"] = {"iopub.status.busy": "2024-01-01T00:00:00Z"}
    nb = new_notebook(cells=[cell, markdown("x")], metadata={
        "widgets": {"application/vnd.jupyter.widget-state+json": {}},
        "kernelspec": {"name": "conda-env-x", "display_name": "x"},
        "language_info": {"name": "python", "version": "3.11.7"},
    })
    nb.nbformat_minor = 4
    new = nbk.normalize(nb)
    nbformat.validate(new)
    assert new.nbformat_minor == 5
    assert "widgets" not in new.metadata
    assert new.metadata.kernelspec == nbk.KERNELSPEC
    assert "version" not in new.metadata.language_info
    (widget, stdout, stderr) = new.cells[0].outputs
    assert widget.data == {"text/plain": "IntSlider(value=0)"}
    assert (stdout.text, stderr.text) == ("ab", "warn")
    assert "execution" not in new.cells[0].metadata
    assert [c.id for c in new.cells] == [c.id for c in nbk.normalize(new).cells]
    assert len({c.id for c in new.cells}) == 2


def test_cell_ids_depend_on_content_not_on_random_ids():
    first = nbk.normalize(new_notebook(cells=[code("x = 1"), code("x = 1"), markdown("x = 1")]))
    again = nbk.normalize(new_notebook(cells=[code("x = 1"), code("x = 1"), markdown("x = 1")]))
    assert [c.id for c in first.cells] == [c.id for c in again.cells]
    assert len({c.id for c in first.cells}) == 3


def test_tracebacks_are_relative_to_the_repository(tmp_path):
    error = new_output("error", ename="ValueError", evalue="p must be in [0, 1]",
                       traceback=[f"File {tmp_path}/coursekit/info.py:3, in surprisal(p)"])
    nb = nbk.normalize(new_notebook(cells=[code("surprisal(2)", outputs=[error])]), [tmp_path])
    assert nb.cells[0].outputs[0].traceback == ["File coursekit/info.py:3, in surprisal(p)"]


def test_content_hash_ignores_outputs_and_machine_metadata_only():
    nb = exercise_solution()
    before = nbk.content_hash(nb)
    nb.cells[1].outputs = [new_output("stream", name="stdout", text="1\n")]
    nb.cells[1].execution_count = 7
    nb.cells[1].metadata["execution"] = {"shell.execute_reply": "now"}
    nb.metadata["coursekit"] = {"source_hash": "abc"}
    nb.metadata["language_info"] = {"version": "3.12"}
    assert nbk.content_hash(nb) == before
    nb.cells[1].metadata["tags"] = ["raises-exception"]
    assert nbk.content_hash(nb) != before


def test_notebook_bytes_are_sorted_indented_and_end_with_newline():
    data = nbk.notebook_bytes(nbk.normalize(new_notebook(cells=[markdown("é")])))
    assert data.startswith(b'{\n "cells": [\n  {\n   "cell_type"')
    assert data.endswith(b"}\n") and "é".encode() in data


# --------------------------------------------------------------------------
# Atomic writes
# --------------------------------------------------------------------------


def test_write_atomic_leaves_no_temporary_file_and_keeps_permissions(tmp_path):
    target = tmp_path / "01_x.ipynb"
    target.write_text("old")
    target.chmod(0o640)
    nbk.write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["01_x.ipynb"]


def test_new_file_gets_default_permissions(tmp_path):
    target = tmp_path / "new.ipynb"
    nbk.write_atomic(target, b"{}")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_failed_write_keeps_the_old_file_and_removes_the_temporary(tmp_path, monkeypatch):
    target = tmp_path / "01_x.ipynb"
    target.write_text("old")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(nbk.os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        nbk.write_atomic(target, b"new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["01_x.ipynb"]


def test_write_notebook_does_not_touch_identical_files(tmp_path):
    nb = nbk.normalize(new_notebook(cells=[markdown("x")]))
    target = tmp_path / "x.ipynb"
    assert nbk.write_notebook(nb, target) is True
    assert nbk.write_notebook(nb, target) is False


# --------------------------------------------------------------------------
# Build with execution (real kernels)
# --------------------------------------------------------------------------

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
    nbk.build(root, log=lambda line: None)
    first = [path.read_bytes() for path in paths]
    changed = nbk.build(root, log=lambda line: None)
    second = [path.read_bytes() for path in paths]
    return root, first, second, changed


def test_rebuild_changes_no_byte(built_twice):
    root, first, second, changed = built_twice
    assert first == second
    assert changed == []


def test_build_executes_both_notebooks(built_twice):
    root = built_twice[0]
    solution = nbk.read_notebook(root / "solutions" / "01_tiny.ipynb")
    lecture = nbk.read_notebook(root / "lectures" / "01_tiny.ipynb")
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
        assert "widgets" not in nb.metadata and "version" not in nb.metadata.language_info
        assert all("execution" not in c.metadata for c in nb.cells)
    assert len(lecture.cells) == len(solution.cells) - 1
    assert lecture.metadata.coursekit.generated_from == "solutions/01_tiny.ipynb"
    assert nbk.is_untouched(lecture)
    assert nbk.check(root) == []


def test_failing_cell_names_notebook_and_cell(tmp_path):
    root = make_project(tmp_path, {"01_bad": new_notebook(cells=[markdown("x"), code("1 / 0")])})
    with pytest.raises(nbk.NotebookBuildError, match=r"solutions/01_bad\.ipynb, cell 1: execution failed"):
        nbk.build(root, log=lambda line: None)
    assert not (root / "lectures" / "01_bad.ipynb").exists()


# --------------------------------------------------------------------------
# Check, hand edits, command line
# --------------------------------------------------------------------------


@pytest.fixture
def project(tmp_path):
    """A repository with one solution, built without execution."""
    root = make_project(tmp_path, {"01_surprisal": exercise_solution()})
    nbk.build(root, execute=False, log=lambda line: None)
    return root


def test_check_passes_after_build(project):
    assert nbk.check(project) == []
    assert run_cli("build", "--check", "--root", str(project))[0] == 0


def test_check_detects_an_edited_solution_via_the_cli(project):
    path = project / "solutions" / "01_surprisal.ipynb"
    solution = nbk.read_notebook(path)
    solution.cells[0].source = "# Surprisal, in bits"
    nbformat.write(solution, path)
    lecture_before = (project / "lectures" / "01_surprisal.ipynb").read_bytes()

    status, output = run_cli("build", "--check", "--root", str(project))

    assert status == 1
    assert "lectures/01_surprisal.ipynb is out of sync with solutions/01_surprisal.ipynb" in output
    assert "first difference at cell 0" in output
    assert (project / "lectures" / "01_surprisal.ipynb").read_bytes() == lecture_before


def test_check_reports_missing_and_orphan_notebooks(project):
    nbformat.write(exercise_solution(), project / "solutions" / "02_entropy.ipynb")
    (project / "lectures" / "01_surprisal.ipynb").rename(project / "lectures" / "09_orphan.ipynb")
    problems = nbk.check(project)
    assert any(p.startswith("solutions/01_surprisal.ipynb has no lecture") for p in problems)
    assert any(p.startswith("solutions/02_entropy.ipynb has no lecture") for p in problems)
    assert "lectures/09_orphan.ipynb has no solution solutions/09_orphan.ipynb" in problems


def test_build_refuses_a_hand_edited_lecture_and_force_overrides(project):
    path = project / "lectures" / "01_surprisal.ipynb"
    lecture = nbk.read_notebook(path)
    lecture.cells[0].source = "# My notes"
    nbformat.write(lecture, path)
    edited = path.read_bytes()

    problems = nbk.check(project)
    assert any("edited by hand" in p for p in problems)
    with pytest.raises(nbk.HandEditedError, match="lectures/01_surprisal.ipynb"):
        nbk.build(project, execute=False, log=lambda line: None)
    assert main(["build", "--no-execute", "--root", str(project)]) == 1
    assert path.read_bytes() == edited

    nbk.build(project, execute=False, force=True, log=lambda line: None)
    assert nbk.read_notebook(path).cells[0].source == "# Surprisal"
    assert nbk.check(project) == []


def test_refusal_message_mentions_force(project, capsys):
    path = project / "lectures" / "01_surprisal.ipynb"
    lecture = nbk.read_notebook(path)
    lecture.cells.append(markdown("extra"))
    nbformat.write(lecture, path)
    assert main(["build", "--no-execute", "--root", str(project)]) == 1
    assert "--force" in capsys.readouterr().err


def test_viewing_a_lecture_is_not_a_hand_edit(project):
    path = project / "lectures" / "01_surprisal.ipynb"
    lecture = nbk.read_notebook(path)
    lecture.cells[2].outputs = [new_output("stream", name="stdout", text="1.0000 bits\n")]
    lecture.cells[2].execution_count = 1
    lecture.cells[2].metadata["scrolled"] = True
    nbformat.write(lecture, path)
    assert nbk.check(project) == []
    nbk.build(project, execute=False, log=lambda line: None)  # no refusal


def test_cli_build_without_execution_writes_the_lecture(tmp_path):
    root = make_project(tmp_path, {"01_surprisal": exercise_solution()})
    status, output = run_cli("build", "--no-execute", "--root", str(root), "01")
    assert status == 0, output
    lecture = nbk.read_notebook(root / "lectures" / "01_surprisal.ipynb")
    assert lecture.cells[2].source == f's = {TODO}\nprint(f"{{s:.4f}} bits")'


def test_names_select_notebooks(project):
    nbformat.write(exercise_solution(), project / "solutions" / "02_entropy.ipynb")
    pick = lambda *names: [pair.stem for pair in nbk.select_pairs(project, names)]
    assert pick("01") == ["01_surprisal"]
    assert pick("02_entropy", "solutions/01_surprisal.ipynb") == ["02_entropy", "01_surprisal"]
    assert pick() == ["01_surprisal", "02_entropy"]
    with pytest.raises(nbk.NotebookBuildError, match="no notebook matches '07'"):
        pick("07")
    assert main(["build", "--check", "--root", str(project), "07"]) == 1


def test_marker_errors_stop_the_build_before_anything_runs(project):
    bad = new_notebook(cells=[code("### BEGIN SOLUTION\nx = 1")])
    nbformat.write(bad, project / "solutions" / "02_entropy.ipynb")
    with pytest.raises(nbk.NotebookBuildError, match=r"solutions/02_entropy\.ipynb, cell 0"):
        nbk.build(project, log=lambda line: None)
    assert not (project / "lectures" / "02_entropy.ipynb").exists()


# --------------------------------------------------------------------------
# The real repository
# --------------------------------------------------------------------------


def test_real_repository_is_in_sync():
    if not nbk.find_notebooks(REPO_ROOT, "solutions"):
        pytest.skip("solutions/ holds no notebook yet")
    problems = nbk.check(REPO_ROOT)
    assert problems == [], "\n".join(problems) + "\nrun: python -m coursekit build"
