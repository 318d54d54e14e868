"""Reading, executing and writing notebooks, and the file-system checks around them.

- :func:`read_source` reads a notebook with a :class:`Fingerprint` of the
  bytes it read; :func:`write_notebook` refuses to overwrite a file whose
  fingerprint changed since (an edit saved while the build ran).
- Unreadable or invalid files become one :class:`NotebookBuildError` line
  naming the file, never a traceback.
- :func:`execute_notebook` runs a notebook with nbclient.
- :func:`write_atomic` writes through a temporary file (``.NAME.*.tmp``)
  and :func:`os.replace`; :func:`temporary_files` finds the ones an
  interrupted build left behind.
"""

from __future__ import annotations

import copy
import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import nbformat

from coursekit.authoring.errors import ConcurrentEditError, NotebookBuildError
from coursekit.authoring.pipeline import KERNELSPEC, RAISES_EXCEPTION_TAG, tags

CELL_TIMEOUT = 120
TEMP_SUFFIX = ".tmp"


@dataclass(frozen=True)
class Fingerprint:
    """What a file looked like when it was read: modification time and content hash."""

    mtime_ns: int
    sha256: str


def fingerprint(path: str | os.PathLike) -> Fingerprint | None:
    """The file's current fingerprint, or None if it does not exist.

    Examples
    --------
    >>> fingerprint("/nonexistent/01_x.ipynb") is None
    True
    """
    path = Path(path)
    try:
        mtime_ns = path.stat().st_mtime_ns
        data = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return None
    return Fingerprint(mtime_ns, hashlib.sha256(data).hexdigest())


def parse_notebook(data: bytes, name: str) -> nbformat.NotebookNode:
    """A notebook from the bytes of a file, validated against the nbformat schema.

    Raises
    ------
    NotebookBuildError
        One line naming the file and what is wrong with it.

    Examples
    --------
    >>> parse_notebook(b'{"cells": [', "solutions/01_x.ipynb")
    Traceback (most recent call last):
    ...
    coursekit.authoring.errors.NotebookBuildError: solutions/01_x.ipynb: not a readable notebook (the file is not valid JSON; is it truncated?)
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise NotebookBuildError(f"{name}: not a readable notebook (not UTF-8 text)") from None
    invalid: dict = {}
    try:
        nb = nbformat.reads(text, as_version=4, capture_validation_error=invalid)
        if not invalid:
            nbformat.validate(nb)
    except nbformat.reader.NotJSONError:
        reason = "the file is not valid JSON; is it truncated?"
    except nbformat.ValidationError as err:
        reason = f"invalid nbformat: {err.message}"
    except (ValueError, KeyError, TypeError, AttributeError) as err:
        reason = f"{type(err).__name__}: {err}"
    else:
        if not invalid:
            return nb
        reason = f"invalid nbformat: {invalid['ValidationError'].message}"
    raise NotebookBuildError(f"{name}: not a readable notebook ({reason})")


def read_source(
    path: str | os.PathLike, name: str | None = None
) -> tuple[nbformat.NotebookNode, Fingerprint]:
    """Read a notebook (nbformat 4) and the fingerprint of the bytes read.

    Raises
    ------
    NotebookBuildError
        If the file cannot be read or is not a valid notebook.
    """
    path = Path(path)
    name = name or os.fspath(path)
    try:
        mtime_ns = path.stat().st_mtime_ns
        data = path.read_bytes()
    except OSError as err:
        raise NotebookBuildError(f"{name}: cannot read it ({err.strerror})") from None
    return parse_notebook(data, name), Fingerprint(mtime_ns, hashlib.sha256(data).hexdigest())


def read_notebook(path: str | os.PathLike, name: str | None = None) -> nbformat.NotebookNode:
    """Read a notebook as nbformat 4 (see :func:`read_source`)."""
    return read_source(path, name)[0]


def execute_notebook(
    nb: nbformat.NotebookNode,
    cwd: str | os.PathLike,
    name: str = "notebook",
    timeout: int = CELL_TIMEOUT,
) -> nbformat.NotebookNode:
    """Run a copy of a notebook top to bottom in a fresh ``python3`` kernel.

    nbclient stores the kernel's own ``language_info``; stream chunks are
    merged later, by :func:`~coursekit.authoring.pipeline.normalize`.

    Raises
    ------
    NotebookBuildError
        If a cell not tagged ``raises-exception`` raises, a cell times out or
        the kernel dies; the message names the notebook and the cell.
    """
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    executed = copy.deepcopy(nb)
    client = NotebookClient(
        executed,
        timeout=timeout,
        kernel_name=KERNELSPEC["name"],
        resources={"metadata": {"path": os.fspath(cwd)}},
        allow_errors=False,  # nbclient still lets `raises-exception` cells raise
        record_timing=False,
        store_widget_state=False,
    )
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as err:
        index = _failed_cell_index(executed)
        where = f"{name}, cell {index}" if index is not None else name
        raise NotebookBuildError(f"{where}: execution failed:\n{err}") from None
    return executed


def _failed_cell_index(nb: nbformat.NotebookNode) -> int | None:
    """Index of the first cell with an error it was not allowed to raise."""
    for index, cell in enumerate(nb.cells):
        if RAISES_EXCEPTION_TAG in tags(cell):
            continue
        if any(out.output_type == "error" for out in cell.get("outputs", [])):
            return index
    return None


def notebook_bytes(nb: nbformat.NotebookNode) -> bytes:
    """The file content: nbformat's JSON (sorted keys, indent 1) and a newline.

    Examples
    --------
    >>> notebook_bytes(nbformat.v4.new_notebook()).endswith(b"}\\n")
    True
    """
    return (nbformat.writes(nb) + "\n").encode("utf-8")


def write_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Write `data` to `path` through a temporary file and :func:`os.replace`.

    Readers (JupyterLab, a test run) see the old file or the new one, never
    half of one.  The temporary file lives in the same directory (so the
    rename is atomic), is named ``.NAME.XXXX.tmp`` (hidden, not ``.ipynb``,
    ignored by git) and is removed if writing fails.  An existing file's
    permissions are kept.
    """
    path = Path(path)
    if path.exists():
        mode = path.stat().st_mode & 0o777
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


_UNSET = object()


def write_notebook(
    nb: nbformat.NotebookNode, path: str | os.PathLike, expected=_UNSET, name: str | None = None
) -> bool:
    """Write a notebook atomically unless the file already holds these bytes.

    Parameters
    ----------
    expected : Fingerprint or None, optional
        The file as it was read (None: it did not exist).  If the file no
        longer matches, it was edited meanwhile and is not overwritten.

    Returns
    -------
    bool
        Whether the file changed.

    Raises
    ------
    ConcurrentEditError
        If the file changed since `expected` was taken.
    """
    path = Path(path)
    data = notebook_bytes(nb)
    if expected is not _UNSET and fingerprint(path) != expected:
        raise ConcurrentEditError(
            f"{name or path}: changed on disk while the build ran; not overwritten "
            "(your edit is kept: run the build again)"
        )
    if path.exists() and path.read_bytes() == data:
        return False
    write_atomic(path, data)
    return True


def check_writable(folder: str | os.PathLike, name: str) -> str | None:
    """Why the build could not write into `folder` (creating it if needed), or None.

    The test is a real one: create the folder if missing, then create and
    remove a temporary file in it, as :func:`write_atomic` will.

    Examples
    --------
    >>> check_writable("/proc/coursekit-lectures", "lectures/")
    'cannot write into lectures/ (No such file or directory)'
    """
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder, prefix=".coursekit-probe.", suffix=TEMP_SUFFIX):
            pass
    except OSError as err:
        return f"cannot write into {name} ({err.strerror})"
    return None


def temporary_files(folder: str | os.PathLike) -> list[Path]:
    """Temporary files an interrupted build left in `folder` (``.*.ipynb.*.tmp``).

    Examples
    --------
    >>> temporary_files("/nonexistent")
    []
    """
    return sorted(Path(folder).glob(f".*.ipynb.*{TEMP_SUFFIX}"))
