"""Reading, writing and the file-system checks (coursekit.authoring.io)."""

import os
import stat

import nbformat
import pytest
from nbformat.v4 import new_notebook

from coursekit.authoring import io as nbio
from coursekit.authoring.errors import ConcurrentEditError, NotebookBuildError
from coursekit.authoring.pipeline import normalize

from .factories import exercise_solution, markdown


def test_write_atomic_leaves_no_temporary_file_and_keeps_permissions(tmp_path):
    target = tmp_path / "01_x.ipynb"
    target.write_text("old")
    target.chmod(0o640)
    nbio.write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["01_x.ipynb"]


def test_new_file_gets_default_permissions(tmp_path):
    target = tmp_path / "new.ipynb"
    nbio.write_atomic(target, b"{}")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


@pytest.mark.parametrize("error", [OSError("disk full"), KeyboardInterrupt()])
def test_failed_write_keeps_the_old_file_and_removes_the_temporary(tmp_path, monkeypatch, error):
    target = tmp_path / "01_x.ipynb"
    target.write_text("old")

    def broken_replace(src, dst):
        raise error

    monkeypatch.setattr(nbio.os, "replace", broken_replace)
    with pytest.raises(type(error)):
        nbio.write_atomic(target, b"new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["01_x.ipynb"]


def test_temporary_files_are_found_by_the_pattern_write_atomic_uses(tmp_path, monkeypatch):
    target = tmp_path / "01_x.ipynb"
    monkeypatch.setattr(nbio.os, "replace", lambda src, dst: None)  # "interrupted" after the write
    monkeypatch.setattr(nbio.Path, "unlink", lambda self, missing_ok=False: None)
    nbio.write_atomic(target, b"new")
    (left,) = nbio.temporary_files(tmp_path)
    assert left.name.startswith(".01_x.ipynb.") and left.name.endswith(".tmp")


def test_write_notebook_does_not_touch_identical_files(tmp_path):
    nb = normalize(new_notebook(cells=[markdown("x")]))
    target = tmp_path / "x.ipynb"
    assert nbio.write_notebook(nb, target) is True
    assert nbio.write_notebook(nb, target) is False


def test_a_file_edited_since_it_was_read_is_never_overwritten(tmp_path):
    path = tmp_path / "01_x.ipynb"
    nbformat.write(exercise_solution(), path)
    nb, seen = nbio.read_source(path)
    edited = path.read_bytes().replace(b"# Surprisal", b"# Surprisal (edited)")
    path.write_bytes(edited)
    with pytest.raises(ConcurrentEditError, match="changed on disk while the build ran; not overwritten"):
        nbio.write_notebook(normalize(nb), path, seen)
    assert path.read_bytes() == edited


def test_same_bytes_rewritten_still_count_as_an_edit(tmp_path):
    """A save of identical content moves the mtime: still not ours to overwrite."""
    path = tmp_path / "01_x.ipynb"
    nbformat.write(exercise_solution(), path)
    _, seen = nbio.read_source(path)
    os.utime(path, ns=(seen.mtime_ns + 10**9, seen.mtime_ns + 10**9))
    assert nbio.fingerprint(path) != seen


def test_a_file_that_appeared_since_is_not_overwritten(tmp_path):
    path = tmp_path / "01_x.ipynb"
    path.write_text("{}")
    with pytest.raises(ConcurrentEditError):
        nbio.write_notebook(new_notebook(), path, expected=None)
    assert path.read_text() == "{}"


@pytest.mark.parametrize(("content", "reason"), [
    (None, "not a readable notebook (the file is not valid JSON; is it truncated?)"),
    (b"\xff\xfe not utf-8", "not a readable notebook (not UTF-8 text)"),
    (b'{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5, "extra": 1}',
     "not a readable notebook (invalid nbformat:"),
    (b'{"cells": [{"cell_type": "code"}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}',
     "not a readable notebook ("),
    (b"[]", "not a readable notebook ("),
])
def test_unreadable_notebooks_are_one_line_naming_the_file(tmp_path, content, reason):
    path = tmp_path / "01_x.ipynb"
    if content is None:  # a truncated solution, as in issue 13
        nbformat.write(exercise_solution(), path)
        content = path.read_bytes()[:200]
    path.write_bytes(content)
    with pytest.raises(NotebookBuildError) as info:
        nbio.read_notebook(path, "solutions/01_x.ipynb")
    message = str(info.value)
    assert message.startswith(f"solutions/01_x.ipynb: {reason}")
    assert "\n" not in message and "Traceback" not in message


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(NotebookBuildError, match=r"^solutions/x\.ipynb: cannot read it \(No such file"):
        nbio.read_notebook(tmp_path / "x.ipynb", "solutions/x.ipynb")


def test_check_writable_creates_the_folder_and_leaves_nothing(tmp_path):
    folder = tmp_path / "lectures"
    assert nbio.check_writable(folder, "lectures/") is None
    assert folder.is_dir() and list(folder.iterdir()) == []


def test_check_writable_reports_a_folder_that_cannot_be_made(tmp_path):
    (tmp_path / "lectures").write_text("a file where the folder should be")
    assert nbio.check_writable(tmp_path / "lectures", "lectures/").startswith("cannot write into lectures/")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_check_writable_reports_a_read_only_folder(tmp_path):
    folder = tmp_path / "lectures"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        assert nbio.check_writable(folder, "lectures/") == "cannot write into lectures/ (Permission denied)"
    finally:
        folder.chmod(0o755)
