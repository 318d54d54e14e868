"""Small notebooks and course repositories made in ``tmp_path``, for the tooling tests."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

REPO_ROOT = Path(__file__).resolve().parents[2]
TODO = "...  # your code here"
PYPROJECT = '[project]\nname = "coursekit"\n'


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


def make_project(root, notebooks):
    """A course repository in `root` with these solution notebooks {stem: nb}."""
    (root / "solutions").mkdir(parents=True)
    (root / "pyproject.toml").write_text(PYPROJECT)
    for stem, nb in notebooks.items():
        nbformat.write(nb, root / "solutions" / f"{stem}.ipynb")
    return root


def run_cli(*args, cwd=REPO_ROOT):
    """Run ``python -m coursekit`` in a subprocess; return (exit code, stdout + stderr).

    The subprocess imports this checkout's coursekit whatever `cwd` is.
    """
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "coursekit", *args],
        capture_output=True, text=True, timeout=120, cwd=cwd, env=env,
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
