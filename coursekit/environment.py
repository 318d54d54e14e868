"""Is this Python ready for the course? One line per requirement, no version numbers.

The start-here notebook prints, for Python and each library the lectures
use, whether it meets the minimum version that ``pyproject.toml`` asks for
("numpy ≥ 1.24: ok"), and whether ``coursekit`` and its figure, widget and
exercise modules import. It prints no installed version: those differ from
machine to machine, and the notebook's stored output must not.

The minimums are read from the project's ``pyproject.toml`` when coursekit
runs from a checkout, else from the installed package's metadata (which
pip writes from the same file).
"""

import importlib
import importlib.metadata
import platform
from pathlib import Path
from typing import NamedTuple

__all__ = ["EnvironmentRow", "check_environment", "minimum_versions", "requirement_row", "PACKAGES"]

#: The libraries the start-here notebook checks, by distribution name, in order.
PACKAGES = ("numpy", "scipy", "matplotlib", "ipywidgets", "scikit-learn", "jupyterlab", "jupyterlab-slideshow")

#: The coursekit modules that must import (the maths, then the heavier helpers).
COURSEKIT_MODULES = ("coursekit", "coursekit.figures.style", "coursekit.figures.live", "coursekit.exercises")

_PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


class EnvironmentRow(NamedTuple):
    """One line of the environment check.

    ``name`` is what is checked, ``minimum`` the smallest version asked for
    (None if there is none), ``found`` the version installed (None if
    missing), ``ok`` whether it will do, and ``problem`` what is wrong
    (empty when ``ok``).
    """

    name: str
    minimum: str | None
    found: str | None
    ok: bool
    problem: str = ""

    def __str__(self):
        """``numpy ≥ 1.24: ok``, or what is wrong and what to do about it."""
        if self.name == "coursekit":
            label = "coursekit imports"
        elif self.minimum:
            label = f"{self.name} ≥ {self.minimum}"
        else:
            label = self.name
        return f"{label}: {'ok' if self.ok else self.problem}"


def _normal(name):
    return name.lower().replace("_", "-").replace(".", "-")


def minimum_versions():
    """The version specifier of Python and of each runtime dependency.

    Returns
    -------
    dict of str to str
        ``"python"`` and every dependency of ``[project]`` (not the test
        extras), by normalised name, mapped to its specifier, e.g.
        ``{"python": ">=3.10", "numpy": ">=1.24", ...}``; empty if neither
        ``pyproject.toml`` nor the installed metadata can be read.

    Examples
    --------
    >>> minimum_versions()["numpy"]
    '>=1.24'
    """
    from packaging.requirements import Requirement as Parsed

    python, requirements = None, []
    project = _pyproject_project()
    if project is not None:
        python, requirements = project.get("requires-python"), project.get("dependencies", [])
    else:
        try:
            python = importlib.metadata.metadata("coursekit")["Requires-Python"]
            requirements = [r for r in importlib.metadata.requires("coursekit") or []
                            if Parsed(r).marker is None]  # leave out the test extras
        except importlib.metadata.PackageNotFoundError:
            pass
    specifiers = {_normal(parsed.name): str(parsed.specifier) for parsed in map(Parsed, requirements)}
    if python:
        specifiers["python"] = python
    return specifiers


def _pyproject_project():
    """The ``[project]`` table of coursekit's own pyproject.toml, or None."""
    try:
        import tomllib  # Python 3.11+
    except ModuleNotFoundError:
        return None
    try:
        project = tomllib.loads(_PYPROJECT.read_text(encoding="utf-8")).get("project", {})
    except (OSError, tomllib.TOMLDecodeError):
        return None
    return project if project.get("name") == "coursekit" else None


def requirement_row(name, specifier, found, install=None):
    """Judge one installed version against its specifier.

    Parameters
    ----------
    name : str
        What is checked, as printed ("numpy", "Python").
    specifier : str or None
        A version specifier such as ``">=1.24"``; None or "" accepts any version.
    found : str or None
        The installed version; None if not installed.
    install : str, optional
        The pip name to suggest; default ``name``. Python gets no pip advice.

    Returns
    -------
    EnvironmentRow

    Examples
    --------
    >>> print(requirement_row("numpy", ">=1.24", "2.1.0"))
    numpy ≥ 1.24: ok
    >>> print(requirement_row("numpy", ">=1.24", "1.21.5"))
    numpy ≥ 1.24: too old (found 1.21.5); run: pip install --upgrade numpy
    >>> print(requirement_row("scipy", ">=1.10", None))
    scipy ≥ 1.10: missing; run: pip install scipy
    """
    from packaging.specifiers import SpecifierSet
    from packaging.version import InvalidVersion, Version

    spec = SpecifierSet(specifier or "")
    minimum = next((s.version for s in spec if s.operator in (">=", "==", "~=", ">")), None)
    install = install or name
    python = name == "Python"
    if found is None:
        advice = "install a newer Python" if python else f"run: pip install {install}"
        return EnvironmentRow(name, minimum, None, False, f"missing; {advice}")
    try:
        ok = spec.contains(Version(found), prereleases=True)
    except InvalidVersion:
        ok = False
    if ok:
        return EnvironmentRow(name, minimum, found, True)
    if python:
        advice = f"this course needs Python {specifier}"
    else:
        advice = f"run: pip install --upgrade {install}" if minimum else f"run: pip install '{install}{spec}'"
    try:
        too_old = minimum is not None and Version(found) < Version(minimum)
    except InvalidVersion:
        too_old = False
    what = "too old" if too_old else f"not supported (needs {spec})"
    return EnvironmentRow(name, minimum, found, False, f"{what} (found {found}); {advice}")


def _installed_version(distribution):
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None


def _coursekit_row():
    """Whether coursekit and its figure, widget and exercise modules import."""
    for module in COURSEKIT_MODULES:
        try:
            importlib.import_module(module)
        except Exception as exc:  # report any failure as a line, never crash the notebook
            return EnvironmentRow("coursekit", None, None, False,
                               f"importing {module} failed ({type(exc).__name__}: {exc}); "
                               "run: pip install -e . in the course folder")
    return EnvironmentRow("coursekit", None, importlib.import_module("coursekit").__version__, True)


def check_environment(packages=PACKAGES):
    """Check Python, each of ``packages`` and coursekit; return one row each.

    Parameters
    ----------
    packages : sequence of str, default :data:`PACKAGES`
        Distribution names (as pip knows them), checked against
        :func:`minimum_versions`.

    Returns
    -------
    list of EnvironmentRow
        Python first, then ``packages`` in order, then coursekit. Print a row
        to read it: ``numpy ≥ 1.24: ok``.

    Examples
    --------
    >>> rows = check_environment()
    >>> [row.name for row in rows]
    ['Python', 'numpy', 'scipy', 'matplotlib', 'ipywidgets', 'scikit-learn', 'jupyterlab', 'jupyterlab-slideshow', 'coursekit']
    >>> print(rows[1])
    numpy ≥ 1.24: ok
    >>> print(rows[-1])
    coursekit imports: ok
    >>> all(row.ok for row in rows)
    True
    """
    minimums = minimum_versions()
    rows = [requirement_row("Python", minimums.get("python"), platform.python_version())]
    for name in packages:
        rows.append(requirement_row(name, minimums.get(_normal(name)), _installed_version(name)))
    rows.append(_coursekit_row())
    return rows
