"""Content hashes, marker checks and ``build --check`` (coursekit.authoring.sync)."""

import nbformat
import pytest
from nbformat.v4 import new_notebook, new_output

from coursekit.authoring import sync
from coursekit.authoring.build import build
from coursekit.authoring.errors import NotebookBuildError
from coursekit.authoring.io import read_notebook
from coursekit.authoring.pipeline import make_lecture
from coursekit.authoring.repository import find_notebooks

from .factories import REPO_ROOT, code, exercise_solution, make_project, markdown


@pytest.fixture
def project(tmp_path):
    """A repository with one solution, built without execution."""
    root = make_project(tmp_path, {"01_surprisal": exercise_solution()})
    build(root, execute=False, log=lambda line: None)
    return root


def test_check_solutions_markers_reports_both_notebooks():
    solution = new_notebook(cells=[code("### BEGIN SOLUTION\nx = 1")])
    lecture = new_notebook(cells=[code("x = 1"), markdown("see ### END SOLUTION")])
    problems = sync.check_solutions_markers(solution, lecture, name="solutions/02_h.ipynb")
    assert problems == [
        "solutions/02_h.ipynb, cell 0: line 1: BEGIN SOLUTION marker without a matching "
        "END SOLUTION marker",
        "lectures/02_h.ipynb, cell 1: contains solution markers",
    ]


def test_content_hash_ignores_outputs_and_machine_metadata_only():
    nb = exercise_solution()
    before = sync.content_hash(nb)
    nb.cells[1].outputs = [new_output("stream", name="stdout", text="1\n")]
    nb.cells[1].execution_count = 7
    nb.cells[1].metadata["execution"] = {"shell.execute_reply": "now"}
    nb.metadata["coursekit"] = {"source_hash": "abc"}
    nb.metadata["language_info"] = {"version": "3.12"}
    assert sync.content_hash(nb) == before
    nb.cells[1].metadata["tags"] = ["raises-exception"]
    assert sync.content_hash(nb) != before


@pytest.mark.parametrize("cell_source", [
    'print("### END SOLUTION")',
    'doc = """\n### BEGIN SOLUTION\n"""\nprint(doc)',
    "### BEGIN SOLUTION\nx = '# END SOLUTION'\n### END SOLUTION\nprint(x)",
])
def test_build_and_check_agree_on_markers(tmp_path, cell_source):
    """Issue 13: a marker's text in a string built fine, then failed --check."""
    root = make_project(tmp_path, {"01_x": new_notebook(cells=[code(cell_source)])})
    build(root, execute=False, log=lambda line: None)
    assert sync.check(root) == []


def test_check_passes_after_build(project):
    assert sync.check(project) == []


def test_check_reports_missing_and_orphan_notebooks(project):
    nbformat.write(exercise_solution(), project / "solutions" / "02_entropy.ipynb")
    (project / "lectures" / "01_surprisal.ipynb").rename(project / "lectures" / "09_orphan.ipynb")
    problems = sync.check(project)
    assert any(p.startswith("solutions/01_surprisal.ipynb has no lecture") for p in problems)
    assert any(p.startswith("solutions/02_entropy.ipynb has no lecture") for p in problems)
    assert "lectures/09_orphan.ipynb has no solution solutions/09_orphan.ipynb" in problems


def test_check_names_an_unreadable_notebook_and_goes_on(project):
    nbformat.write(exercise_solution(), project / "solutions" / "02_entropy.ipynb")
    build(project, ["02"], execute=False, log=lambda line: None)
    path = project / "lectures" / "01_surprisal.ipynb"
    path.write_bytes(path.read_bytes()[:100])
    assert sync.check(project) == [
        "lectures/01_surprisal.ipynb: not a readable notebook "
        "(the file is not valid JSON; is it truncated?)"
    ]


def test_check_reports_temporary_files_left_behind(project):
    (project / "lectures" / ".01_surprisal.ipynb.k2j4x.tmp").write_text("half")
    assert sync.check(project) == [
        "lectures/.01_surprisal.ipynb.k2j4x.tmp is a temporary file left by an interrupted "
        "build; delete it"
    ]


def test_viewing_a_lecture_is_not_a_hand_edit(project):
    path = project / "lectures" / "01_surprisal.ipynb"
    lecture = read_notebook(path)
    lecture.cells[2].outputs = [new_output("stream", name="stdout", text="1.0000 bits\n")]
    lecture.cells[2].execution_count = 1
    lecture.cells[2].metadata["scrolled"] = True
    nbformat.write(lecture, path)
    assert sync.check(project) == []
    build(project, execute=False, log=lambda line: None)  # no refusal


def test_first_difference_names_the_cell():
    solution = exercise_solution()
    lecture = make_lecture(solution)
    edited = make_lecture(solution)
    edited.cells[1].source = "import math as m"
    assert sync.first_difference(edited, lecture) == "first difference at cell 1"
    assert sync.first_difference(lecture, lecture) == "notebook metadata differs"


def test_real_repository_is_in_sync():
    if not find_notebooks(REPO_ROOT, "solutions"):
        pytest.skip("solutions/ holds no notebook yet")
    problems = sync.check(REPO_ROOT)
    assert problems == [], "\n".join(problems) + "\nrun: python -m coursekit build"


def test_check_refuses_unknown_names(project):
    with pytest.raises(NotebookBuildError, match="no notebook matches '07'"):
        sync.check(project, ["07"])
