"""coursekit.exercises: one verdict line, never the answer, never an exception."""

import pytest

from coursekit.exercises import NotAnswered, call_student, check, choice_hint, exercise, number_hint, verdict


@exercise("99.1")
def _square_of_three(answer):
    return number_hint(answer, 9)


@exercise("99.2")
def _double(func):
    return None if call_student(func, 4) == 8 else "try your function on 4."


def test_correct_placeholder_and_wrong(capsys):
    check("99.1", 9)
    check("99.1", ...)
    check("99.1", 10)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Correct")
    assert lines[1].startswith("Not answered yet")
    assert lines[2] == "Not yet: that is too large."


@pytest.mark.parametrize("answer", ["9", None, [9], object(), float("nan"), True])
def test_wrong_types_become_a_verdict_not_an_exception(answer):
    status, message = verdict("99.1", answer)
    assert status in {"wrong", "not answered"}
    assert "9" not in message.replace("99", "")


def test_function_exercises():
    def placeholder(x):
        ...  # your code here

    def crashes(x):
        raise ZeroDivisionError("oops")

    assert verdict("99.2", lambda x: 2 * x)[0] == "correct"
    assert verdict("99.2", placeholder)[0] == "not answered"
    # the student's error is reported as theirs, not as the checker's own
    assert verdict("99.2", crashes) == ("wrong", "Not yet: your function raised ZeroDivisionError: oops.")
    assert verdict("99.2", lambda x: x)[0] == "wrong"
    assert verdict("99.2", 8)[0] == "wrong"


def test_choice_hint():
    assert choice_hint(" c ", "C", "ABCD") is None
    assert choice_hint("A", "C", "ABCD", {"A": "A holds only for q = p."}) == "A holds only for q = p."
    assert "one of the letters" in choice_hint(3, "C", "ABCD")


def test_unknown_exercise_is_a_clear_error():
    with pytest.raises(ValueError, match="there is no exercise '99.9'"):
        verdict("99.9", 1)
    with pytest.raises(ValueError, match="key must look like '01.2'"):
        verdict("nine", 1)


def test_not_answered_can_carry_its_own_message():
    @exercise("99.3")
    def _needs_list(answer):
        raise NotAnswered("fill in all three entries.")

    assert verdict("99.3", [1]) == ("not answered", "Not answered yet: fill in all three entries.")


def test_a_student_function_gets_copies_and_its_numpy_warnings_stay_quiet():
    import warnings

    import numpy as np

    data = np.array([0.5, 0.0])

    def scribbles_and_warns(p):
        p[:] = 7.0
        return float(np.sum(p * np.log(np.zeros(2))))  # log 0: a RuntimeWarning if not silenced

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = call_student(scribbles_and_warns, data)
    assert result == -np.inf
    assert data.tolist() == [0.5, 0.0]
