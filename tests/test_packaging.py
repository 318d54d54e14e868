"""Packaging: the conda and pip routes name the same packages, every range has a floor
that CI installs (.ci/lowest), and the import stays light."""

import importlib.metadata
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _name_and_spec(requirement):
    match = re.match(r"\s*([A-Za-z0-9_.\-]+)\s*(.*)", requirement)
    return match.group(1).lower().replace("_", "-"), match.group(2).replace(" ", "")


def _pyproject_requirements():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    reqs = project["dependencies"] + project["optional-dependencies"]["test"]
    return dict(_name_and_spec(r) for r in reqs)


def _environment_requirements():
    # environment.yml is a flat list; read it without a YAML dependency.
    reqs = {}
    in_deps = False
    for line in (ROOT / "environment.yml").read_text().splitlines():
        stripped = line.split("#")[0].rstrip()
        if stripped.startswith("dependencies:"):
            in_deps = True
            continue
        match = re.match(r"^  - ([^:\s][^:]*)$", stripped)
        if in_deps and match:
            name, spec = _name_and_spec(match.group(1))
            if name not in {"python", "pip"}:
                reqs[name] = spec
    return reqs


def test_environment_yml_and_pyproject_name_the_same_packages():
    assert _environment_requirements() == _pyproject_requirements()


def test_environment_yml_installs_coursekit_itself():
    assert "--editable ." in (ROOT / "environment.yml").read_text()


def _declared_floors():
    """{name: the version after ``>=``, or None} for every runtime and test requirement."""
    floors = {}
    for name, spec in _pyproject_requirements().items():
        match = re.search(r">=([^,;]+)", spec)
        floors[name] = match.group(1) if match else None
    return floors


def test_every_requirement_has_a_floor():
    # .ci/lowest installs with `--resolution lowest-direct`: a requirement without a
    # floor would get the oldest release on PyPI, often a placeholder.
    assert [name for name, floor in _declared_floors().items() if floor is None] == []


def test_ci_runs_the_lowest_versions_after_the_main_suite():
    run = [line.strip() for line in (ROOT / ".ci" / "run").read_text().splitlines()]
    assert run.index("make test-lowest") > run.index("make test")
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^test-lowest:\n\t.*\.ci/lowest$", makefile, re.MULTILINE)


@pytest.mark.skipif(os.environ.get("COURSEKIT_LOWEST") != "1",
                    reason="only in the lowest-versions run (.ci/lowest sets COURSEKIT_LOWEST=1)")
def test_lowest_run_installed_every_floor_exactly():
    from packaging.version import Version

    wrong = {
        name: f"declares >={floor}, installed {importlib.metadata.version(name)}"
        for name, floor in _declared_floors().items()
        if Version(importlib.metadata.version(name)) != Version(floor)
    }
    assert wrong == {}


def test_import_coursekit_loads_no_heavy_library():
    code = (
        "import sys, coursekit; "
        "heavy = [m for m in ('matplotlib', 'sklearn', 'ipywidgets', 'nbformat', 'nbclient', 'IPython') "
        "if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_lazy_modules_load_on_first_use():
    import coursekit

    assert coursekit.training.fit_logistic
    assert coursekit.figures.PALETTE
