"""The student library never loads the course tooling (issue 9).

``import coursekit``, its lazily loaded modules, and every coursekit import
a lecture makes must load no nbformat, nbclient or nbconvert, and nothing
from ``coursekit.authoring``.  Checked in a fresh interpreter.
"""

import ast
import json
import os
import subprocess
import sys

import coursekit

from .hygiene import ALL, ROOT, code_cells, code_tree, read

TOOLING = ("nbformat", "nbclient", "nbconvert", "coursekit.authoring")


def lecture_imports():
    """Every ``coursekit`` module a stored notebook imports, sorted."""
    modules = set()
    for path in ALL:
        for _, cell in code_cells(read(path)):
            tree = code_tree(cell.source)
            for node in ast.walk(tree) if tree else ():
                if isinstance(node, ast.Import):
                    modules |= {alias.name for alias in node.names}
                elif isinstance(node, ast.ImportFrom) and node.module:
                    modules.add(node.module)
    return sorted(m for m in modules if m == "coursekit" or m.startswith("coursekit."))


def loaded_after_importing(modules):
    """Which of TOOLING a fresh interpreter has loaded after importing `modules`."""
    script = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        f"print(json.dumps(sorted(m for m in sys.modules if m.startswith({TOOLING!r}))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_lectures_import_coursekit_modules():
    assert "coursekit" in lecture_imports()
    assert "coursekit.environment" in lecture_imports()


def test_import_coursekit_loads_no_notebook_tooling():
    assert loaded_after_importing(["coursekit"]) == []


def test_no_module_a_lecture_imports_loads_notebook_tooling():
    lazy = sorted(f"coursekit.{name}" for name in coursekit._LAZY_MODULES)
    assert loaded_after_importing(lecture_imports() + lazy) == []


def test_the_check_itself_can_fail():
    assert loaded_after_importing(["coursekit.authoring.pipeline"])[:3] == [
        "coursekit.authoring", "coursekit.authoring.errors", "coursekit.authoring.pipeline",
    ]
    assert "nbformat" in loaded_after_importing(["coursekit.authoring.pipeline"])
