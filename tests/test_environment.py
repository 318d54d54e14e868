"""coursekit.environment: one line per requirement, judged against pyproject.toml, no versions shown."""

import re
import tomllib
from pathlib import Path

import pytest

from coursekit import environment
from coursekit.environment import EnvironmentRow, check_environment, minimum_versions, requirement_row

ROOT = Path(__file__).resolve().parents[1]



def _pyproject_minimums():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    specs = {}
    for requirement in project["dependencies"]:
        name, spec = re.match(r"\s*([A-Za-z0-9_.\-]+)\s*(.*)", requirement).groups()
        specs[name.lower().replace("_", "-")] = spec.replace(" ", "")
    specs["python"] = project["requires-python"]
    return specs


def test_minimums_are_those_of_pyproject():
    assert minimum_versions() == _pyproject_minimums()


def test_minimums_fall_back_to_the_installed_metadata(monkeypatch):
    monkeypatch.setattr(environment, "_PYPROJECT", ROOT / "no-such-file.toml")
    minimums = minimum_versions()
    assert minimums["numpy"] == _pyproject_minimums()["numpy"]
    assert "pytest" not in minimums  # test extras are not runtime requirements


def test_the_modules_checked_are_the_teaching_interface():
    assert environment.COURSEKIT_MODULES == (
        "coursekit", "coursekit.figures.style", "coursekit.figures.live", "coursekit.exercises")


def test_rows_in_order_and_all_met_here():
    rows = check_environment()
    assert [row.name for row in rows] == ["Python", *environment.PACKAGES, "coursekit"]
    assert all(isinstance(row, EnvironmentRow) for row in rows)
    failing = [str(row) for row in rows if not row.ok]
    assert failing == []


def test_printed_lines_hold_minimums_not_installed_versions():
    lines = [str(row) for row in check_environment()]
    minimums = _pyproject_minimums()
    assert lines[0] == f"Python ≥ {minimums['python'].lstrip('>=')}: ok"
    assert lines[1] == f"numpy ≥ {minimums['numpy'].lstrip('>=')}: ok"
    assert lines[-1] == "coursekit imports: ok"
    for row, line in zip(check_environment(), lines):
        if row.found and row.found != row.minimum:
            assert row.found not in line, f"{line!r} shows the installed version"


@pytest.mark.parametrize("found, expected", [
    ("1.24", "numpy ≥ 1.24: ok"),
    ("1.24.0rc1", "numpy ≥ 1.24: too old (found 1.24.0rc1); run: pip install --upgrade numpy"),
    ("2.0.1", "numpy ≥ 1.24: ok"),
    ("1.21.5", "numpy ≥ 1.24: too old (found 1.21.5); run: pip install --upgrade numpy"),
    (None, "numpy ≥ 1.24: missing; run: pip install numpy"),
    ("not-a-version", "numpy ≥ 1.24: not supported (needs >=1.24) (found not-a-version); "
                      "run: pip install --upgrade numpy"),
])
def test_requirement_row_verdicts(found, expected):
    row = requirement_row("numpy", ">=1.24", found)
    assert str(row) == expected
    assert row.ok == expected.endswith(": ok")


def test_upper_bounds_and_python():
    too_new = requirement_row("nbval", "<0.12,>=0.11", "0.12.1")
    assert not too_new.ok and str(too_new).startswith("nbval ≥ 0.11: not supported (needs <0.12,>=0.11)")
    assert str(requirement_row("Python", ">=3.10", "3.9.18")) == (
        "Python ≥ 3.10: too old (found 3.9.18); this course needs Python >=3.10")
    assert str(requirement_row("widgetsnbextension", None, "4.0.0")) == "widgetsnbextension: ok"


def test_a_coursekit_module_that_fails_to_import_is_a_line_not_an_error(monkeypatch):
    monkeypatch.setattr(environment, "COURSEKIT_MODULES", ("coursekit", "coursekit._no_such_module"))
    row = check_environment(packages=())[-1]
    assert not row.ok
    assert str(row).startswith("coursekit imports: importing coursekit._no_such_module failed "
                               "(ModuleNotFoundError")


def test_a_missing_package_is_reported():
    row = check_environment(packages=("surely-not-installed-package",))[1]
    assert str(row) == "surely-not-installed-package: missing; run: pip install surely-not-installed-package"
