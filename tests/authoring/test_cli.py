"""``python -m coursekit build``: the command line and how it finds the repository."""

import shutil

import nbformat
import pytest

from coursekit.authoring import cli
from coursekit.authoring.build import build
from coursekit.authoring.errors import NotebookBuildError
from coursekit.authoring.io import read_notebook
from coursekit.authoring.repository import find_repository_root, select_pairs
from coursekit.authoring.cli import main

from .factories import REPO_ROOT, TODO, exercise_solution, make_project, markdown, run_cli


@pytest.fixture
def project(tmp_path):
    """A repository with one solution, built without execution."""
    root = make_project(tmp_path, {"01_surprisal": exercise_solution()})
    build(root, execute=False, log=lambda line: None)
    return root


def test_check_passes_after_build(project):
    status, output = run_cli("build", "--check", "--root", str(project))
    assert status == 0, output
    assert f"course repository: {project}" in output


def test_check_detects_an_edited_solution_via_the_cli(project):
    path = project / "solutions" / "01_surprisal.ipynb"
    solution = read_notebook(path)
    solution.cells[0].source = "# Surprisal, in bits"
    nbformat.write(solution, path)
    lecture_before = (project / "lectures" / "01_surprisal.ipynb").read_bytes()

    status, output = run_cli("build", "--check", "--root", str(project))

    assert status == 1
    assert "lectures/01_surprisal.ipynb is out of sync with solutions/01_surprisal.ipynb" in output
    assert "first difference at cell 0" in output
    assert (project / "lectures" / "01_surprisal.ipynb").read_bytes() == lecture_before


def test_hand_edited_lecture_is_refused_by_the_cli(project):
    path = project / "lectures" / "01_surprisal.ipynb"
    lecture = read_notebook(path)
    lecture.cells[0].source = "# My notes"
    nbformat.write(lecture, path)
    edited = path.read_bytes()
    assert main(["build", "--no-execute", "--root", str(project)]) == 1
    assert path.read_bytes() == edited


def test_refusal_message_mentions_force(project, capsys):
    path = project / "lectures" / "01_surprisal.ipynb"
    lecture = read_notebook(path)
    lecture.cells.append(markdown("extra"))
    nbformat.write(lecture, path)
    assert main(["build", "--no-execute", "--root", str(project)]) == 1
    assert "--force" in capsys.readouterr().err


def test_cli_build_without_execution_writes_the_lecture(tmp_path):
    root = make_project(tmp_path, {"01_surprisal": exercise_solution()})
    status, output = run_cli("build", "--no-execute", "--root", str(root), "01")
    assert status == 0, output
    lecture = read_notebook(root / "lectures" / "01_surprisal.ipynb")
    assert lecture.cells[2].source == f's = {TODO}\nprint(f"{{s:.4f}} bits")'


def test_names_select_notebooks(project):
    nbformat.write(exercise_solution(), project / "solutions" / "02_entropy.ipynb")
    pick = lambda *names: [pair.stem for pair in select_pairs(project, names)]
    assert pick("01") == ["01_surprisal"]
    assert pick("02_entropy", "solutions/01_surprisal.ipynb") == ["02_entropy", "01_surprisal"]
    assert pick() == ["01_surprisal", "02_entropy"]
    with pytest.raises(NotebookBuildError, match="no notebook matches '07'"):
        pick("07")
    assert main(["build", "--check", "--root", str(project), "07"]) == 1


# --------------------------------------------------------------------------
# Issue 13, the build tool: the right repository, or an error
# --------------------------------------------------------------------------


@pytest.mark.parametrize("flag", [[], ["--check"]])
def test_a_root_without_solutions_is_an_error(tmp_path, flag):
    status, output = run_cli("build", *flag, "--root", str(tmp_path / "nonexistent"))
    assert status == 1
    assert "has no solutions/ folder" in output and "in sync" not in output
    assert "Traceback" not in output


def test_the_root_is_found_from_the_current_directory_upward(project):
    (project / "lectures" / "deeper").mkdir()
    assert find_repository_root(project / "lectures" / "deeper") == project.resolve()


def test_a_folder_with_solutions_but_another_project_is_not_the_course(tmp_path):
    (tmp_path / "solutions").mkdir()
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "other"\n')
    with pytest.raises(NotebookBuildError, match="no course repository"):
        find_repository_root(tmp_path)


def test_outside_any_course_the_cli_says_so(tmp_path):
    status, output = run_cli("build", "--check", cwd=tmp_path)
    assert status == 1
    assert "no course repository" in output and "--root" in output and "Traceback" not in output


@pytest.fixture(scope="module")
def copy_of_the_course(tmp_path_factory):
    """The real course's notebooks and pyproject in a tmp folder (no coursekit package)."""
    copy = tmp_path_factory.mktemp("copy") / "course"
    copy.mkdir()
    shutil.copy(REPO_ROOT / "pyproject.toml", copy)
    for folder in ("solutions", "lectures"):
        shutil.copytree(REPO_ROOT / folder, copy / folder)
    return copy


def test_check_run_inside_a_copy_checks_the_copy(copy_of_the_course):
    """Issue 13: from a copy's lectures/, --check checked the installed checkout."""
    path = copy_of_the_course / "lectures" / "00_start_here.ipynb"
    lecture = read_notebook(path)
    lecture.cells[0].source += "\n\nA note added by hand."
    nbformat.write(lecture, path)

    status, output = run_cli("build", "--check", "00", cwd=copy_of_the_course / "lectures")

    assert output.splitlines()[0] == f"course repository: {copy_of_the_course.resolve()}"
    assert status == 1, output
    assert "lectures/00_start_here.ipynb was edited by hand" in output


@pytest.mark.parametrize("value", ["0", "-1", "1.5", "soon"])
def test_nonsense_timeout_is_a_usage_error(project, value, capsys):
    with pytest.raises(SystemExit) as info:
        main(["build", "--timeout", value, "--root", str(project)])
    assert info.value.code == 2
    assert "must be a whole number of seconds >= 1" in capsys.readouterr().err


def test_python_dash_m_coursekit_is_the_authoring_cli():
    import coursekit.__main__ as entry

    assert entry.main is cli.main
    status, output = run_cli("build", "--help")
    assert status == 0 and "--check" in output and "--timeout" in output


