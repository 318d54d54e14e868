"""Where the course lives: the repository root, its notebooks, and the pairs to build.

The root is found like git finds its own: from the current directory
upward, the first folder holding ``solutions/`` and a ``pyproject.toml``
whose project is ``coursekit``.  The installed package's location plays no
part, so a command run inside a copy of the course works on that copy.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from coursekit.authoring.errors import NotebookBuildError

SOLUTIONS_DIR = "solutions"
LECTURES_DIR = "lectures"
PROJECT_NAME = "coursekit"


@dataclass(frozen=True)
class NotebookPair:
    """A solution notebook and the lecture generated from it (either may be missing)."""

    stem: str
    root: Path

    @property
    def solution(self) -> Path:
        return self.root / SOLUTIONS_DIR / f"{self.stem}.ipynb"

    @property
    def lecture(self) -> Path:
        return self.root / LECTURES_DIR / f"{self.stem}.ipynb"

    @property
    def solution_name(self) -> str:
        return f"{SOLUTIONS_DIR}/{self.stem}.ipynb"

    @property
    def lecture_name(self) -> str:
        return f"{LECTURES_DIR}/{self.stem}.ipynb"


def names_coursekit(pyproject: Path) -> bool:
    """Whether a ``pyproject.toml`` exists and declares the project ``coursekit``.

    Examples
    --------
    >>> names_coursekit(Path("/nonexistent/pyproject.toml"))
    False
    """
    try:
        text = pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    try:
        import tomllib  # Python 3.11+
    except ModuleNotFoundError:  # Python 3.10: the one line that matters
        return re.search(rf"^name\s*=\s*[\"']{PROJECT_NAME}[\"']", text, re.MULTILINE) is not None
    try:
        return tomllib.loads(text).get("project", {}).get("name") == PROJECT_NAME
    except tomllib.TOMLDecodeError:
        return False


def find_repository_root(start: str | os.PathLike | None = None) -> Path:
    """The course repository holding `start` (default: the current directory).

    Walks up from `start` to the first folder with a ``solutions/`` folder
    and a ``pyproject.toml`` naming the project ``coursekit``.

    Raises
    ------
    NotebookBuildError
        If there is none.

    Examples
    --------
    >>> find_repository_root("/")
    Traceback (most recent call last):
    ...
    coursekit.authoring.errors.NotebookBuildError: no course repository (a folder with solutions/ and a pyproject.toml naming coursekit) in / or above it; run from inside the course, or pass --root
    """
    here = Path(start if start is not None else os.getcwd()).resolve()
    for candidate in (here, *here.parents):
        if (candidate / SOLUTIONS_DIR).is_dir() and names_coursekit(candidate / "pyproject.toml"):
            return candidate
    raise NotebookBuildError(
        f"no course repository (a folder with {SOLUTIONS_DIR}/ and a pyproject.toml naming "
        f"{PROJECT_NAME}) in {here} or above it; run from inside the course, or pass --root"
    )


def checked_root(root: str | os.PathLike) -> Path:
    """An explicitly given root, which must hold ``solutions/``.

    Raises
    ------
    NotebookBuildError
        If `root` has no ``solutions/`` folder (so a wrong path never passes).

    Examples
    --------
    >>> checked_root("/nonexistent")
    Traceback (most recent call last):
    ...
    coursekit.authoring.errors.NotebookBuildError: /nonexistent is not a course repository: it has no solutions/ folder
    """
    path = Path(root)
    if not (path / SOLUTIONS_DIR).is_dir():
        raise NotebookBuildError(
            f"{path} is not a course repository: it has no {SOLUTIONS_DIR}/ folder"
        )
    return path.resolve()


def find_notebooks(root: str | os.PathLike, folder: str | None = None) -> list[Path]:
    """The notebooks in ``lectures/`` and ``solutions/`` (or one of them), sorted.

    Examples
    --------
    >>> find_notebooks("/nonexistent")
    []
    """
    folders = [folder] if folder else [LECTURES_DIR, SOLUTIONS_DIR]
    return sorted(p for f in folders for p in (Path(root) / f).glob("*.ipynb"))


def _stems(root: Path, folder: str) -> set[str]:
    return {path.stem for path in find_notebooks(root, folder)}


def select_pairs(
    root: str | os.PathLike, names: Iterable[str] | None = None, *, solutions_only: bool = True
) -> list[NotebookPair]:
    """The notebook pairs to work on, from command-line names.

    Parameters
    ----------
    root : path
        The repository root.
    names : iterable of str, optional
        ``01``, ``01_surprisal``, ``01_surprisal.ipynb`` or a path to either
        notebook; default: every solution (and, if not `solutions_only`,
        every lecture too).
    solutions_only : bool
        Whether only stems with a solution notebook count.

    Raises
    ------
    NotebookBuildError
        If a name matches no notebook, or several.
    """
    root = Path(root)
    stems = _stems(root, SOLUTIONS_DIR)
    if not solutions_only:
        stems |= _stems(root, LECTURES_DIR)
    if not names:
        return [NotebookPair(stem, root) for stem in sorted(stems)]
    selected: list[str] = []
    for name in names:
        wanted = Path(name).name.removesuffix(".ipynb")
        matches = [s for s in stems if s == wanted] or [
            s for s in stems if s.startswith(f"{wanted}_")
        ]
        if len(matches) != 1:
            found = "several" if matches else "no"
            raise NotebookBuildError(
                f"{found} notebook matches {name!r}; choose one of: "
                + (", ".join(sorted(stems)) or "(none)")
            )
        if matches[0] not in selected:
            selected.append(matches[0])
    return [NotebookPair(stem, root) for stem in selected]
