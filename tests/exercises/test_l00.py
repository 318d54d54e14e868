"""Checks of lecture 00 (start here): the demonstration exercise and the predict-the-verdict one."""

import pytest

from coursekit.exercises import verdict


# 00.1: what is 1 + 1 --------------------------------------------------------------


@pytest.mark.parametrize("answer", [2, 2.0, 1 + 1])
def test_00_1_accepts_two(answer):
    assert verdict("00.1", answer) == ("correct", "Correct: well done.")


@pytest.mark.parametrize("answer, hint", [(3, "too large"), (1, "too small"), ("2", "not str"), (True, "not bool")])
def test_00_1_rejects_the_rest(answer, hint):
    status, message = verdict("00.1", answer)
    assert status == "wrong" and hint in message


# 00.2: predict the verdict of check("00.1", "2") ----------------------------------


def test_00_2_the_predicted_verdict_is_the_real_one():
    """The cell the student predicts really shows 'Not yet' with a hint (letter C)."""
    status, message = verdict("00.1", "2")
    assert status == "wrong" and message.startswith("Not yet: ") and "str" in message


@pytest.mark.parametrize("answer", ["C", "c", " c "])
def test_00_2_accepts_not_yet(answer):
    assert verdict("00.2", answer)[0] == "correct"


@pytest.mark.parametrize("answer, phrase", [
    ("A", "quotes"),
    ("B", "placeholder"),
    ("D", "one of the letters 'A', 'B', 'C'"),
    ("Not yet", "one of the letters"),
    (3, "one of the letters"),
    (["C"], "one of the letters"),
])
def test_00_2_wrong_answers_get_a_hint(answer, phrase):
    status, message = verdict("00.2", answer)
    assert status == "wrong"
    assert phrase in message, message


@pytest.mark.parametrize("answer", [..., None])
def test_00_2_placeholder_is_not_answered(answer):
    assert verdict("00.2", answer)[0] == "not answered"


def test_00_2_the_student_version_does_not_show_the_verdict_before_the_prediction():
    """The cell to predict holds, in the lecture, a request to predict first, not the verdict on "2"."""
    import nbformat
    from pathlib import Path

    lecture = nbformat.read(Path(__file__).parents[2] / "lectures" / "00_start_here.ipynb", as_version=4)
    [cell] = [c for c in lecture.cells if c.cell_type == "code" and 'check("00.1", "2")' in c.source]
    asked = "Assign your letter to prediction first, then run this cell again.\n"
    assert [out.get("text") for out in cell.outputs] == [asked]
