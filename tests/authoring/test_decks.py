"""The deck command finds its course the way the build does (issue 13), never the installed checkout."""

import os

from coursekit.authoring import decks


def test_a_root_without_solutions_is_an_error(capsys, tmp_path):
    assert decks.main(["--root", str(tmp_path), "--no-pdf"]) == 1
    assert "is not a course repository" in capsys.readouterr().err


def test_outside_any_course_it_says_so_and_writes_nothing(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert decks.main(["--no-pdf"]) == 1
    assert "no course repository" in capsys.readouterr().err
    assert os.listdir(tmp_path) == []
