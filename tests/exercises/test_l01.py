"""Checks of lecture 01 (surprisal): right answers pass, wrong ones get a hint, never the answer.

The expected values are computed here with :mod:`math` alone, independently
of coursekit.
"""

import math
import re

import numpy as np
import pytest

from coursekit.exercises import verdict
from .leaks import assert_hidden

FACE_CARD_BITS = math.log2(52 / 12)       # 12 face cards (J, Q, K in 4 suits) out of 52
FACE_CARD_NATS = math.log(52 / 12)
TWO_NATS_IN_BITS = 2 / math.log(2)        # 1 nat = 1 / ln 2 bits


def test_independent_expected_values():
    # By hand: log2(52/12) = log2 13 - log2 3, and 2 nats = 2 log2 e bits.
    assert FACE_CARD_BITS == pytest.approx(math.log2(13) - math.log2(3))
    assert TWO_NATS_IN_BITS == pytest.approx(2 * math.log2(math.e))


# 01.1: a face card, in bits ---------------------------------------------------


@pytest.mark.parametrize("answer", [
    FACE_CARD_BITS, round(FACE_CARD_BITS, 4), np.float64(FACE_CARD_BITS), np.array(FACE_CARD_BITS),
    -math.log2(12 / 52),
])
def test_01_1_accepts_the_surprisal_in_bits(answer):
    assert verdict("01.1", answer)[0] == "correct"


@pytest.mark.parametrize("answer, hint", [
    (FACE_CARD_NATS, "nats"),
    (-FACE_CARD_BITS, "minus sign"),
    (12 / 52, "probability itself"),
    (math.log2(52), "one particular card"),
    (math.log2(52 / 16), "aces are not face cards"),
    (math.log2(52 / 3), "any suit"),
    (math.log10(52 / 12), "log base 10"),
    (round(FACE_CARD_BITS, 1), "rounded"),
    (3.0, "too large"),
    (1.0, "too small"),
    ("2.1155", "not str"),
    ([FACE_CARD_BITS], "not list"),
    (True, "not bool"),
    (float("nan"), "NaN"),
])
def test_01_1_rejects_wrong_answers_with_a_hint(answer, hint):
    status, message = verdict("01.1", answer)
    assert status == "wrong"
    assert hint in message
    assert_hidden(message, FACE_CARD_BITS)


@pytest.mark.parametrize("answer", [..., None])
def test_01_1_placeholder_is_not_answered(answer):
    assert verdict("01.1", answer)[0] == "not answered"


# 01.2: surprisal_bits(p) from scratch -----------------------------------------


def surprisal_bits(p):
    return -np.log2(p)


def test_01_2_accepts_a_numpy_solution():
    assert verdict("01.2", surprisal_bits) == (
        "correct", "Correct: your surprisal_bits works on numbers and arrays, "
                   "and agrees with coursekit.surprisal.")


def test_01_2_accepts_other_correct_spellings():
    assert verdict("01.2", lambda p: np.log2(1 / np.asarray(p, dtype=float)))[0] == "correct"
    assert verdict("01.2", lambda p: -np.log(p) / np.log(2))[0] == "correct"


def placeholder(p):
    ...  # your code here


def raises(p):
    raise ZeroDivisionError("division by zero")


def with_math(p):
    return -math.log2(p)


def returns_nan_at_zero(p):
    p = np.asarray(p, dtype=float)
    return np.where(p > 0, -np.log2(np.where(p > 0, p, 1)), np.nan)


def clipped(p):
    return -np.log2(np.clip(p, 1e-12, 1))


@pytest.mark.parametrize("func, hint", [
    (lambda p: -np.log(p), "nats"),
    (lambda p: -np.log10(p), "log base 10"),
    (lambda p: np.log2(p), "minus sign"),
    (lambda p: 1 / p, "does not give -log2 p"),
    (lambda p: 1 - p, "does not give -log2 p"),
    (lambda p: float(np.sum(-np.log2(p))), "shape"),
    (lambda p: np.ravel(-np.log2(p)), "return one number"),
    (lambda p: str(-np.log2(p)), "you return a str"),
    (raises, "raised ZeroDivisionError"),
    (with_math, "np.log2 works on a whole array"),
    (returns_nan_at_zero, "NaN"),
    (clipped, "infinitely surprising"),
])
def test_01_2_rejects_wrong_functions_with_a_hint(func, hint):
    status, message = verdict("01.2", func)
    assert status == "wrong"
    assert hint in message, message
    # No expected value leaks (1 bit for p = 1/2 is the question's own example; the
    # others are checked): log2 6, and the array case's 2, 3 and 10 bits.
    assert_hidden(message, math.log2(6))
    assert not re.search(r"\b(2|3|10)\.0+\b", message), message


@pytest.mark.parametrize("answer", [..., None, placeholder])
def test_01_2_placeholder_is_not_answered(answer):
    assert verdict("01.2", answer)[0] == "not answered"


@pytest.mark.parametrize("answer", [1.0, "surprisal_bits", [surprisal_bits]])
def test_01_2_a_value_instead_of_a_function(answer):
    status, message = verdict("01.2", answer)
    assert status == "wrong" and "pass the function itself" in message


# 01.3: the true statement -----------------------------------------------------


@pytest.mark.parametrize("answer", ["C", "c", " C "])
def test_01_3_accepts_the_true_statement(answer):
    assert verdict("01.3", answer)[0] == "correct"


@pytest.mark.parametrize("answer", ["A", "B", "D", "d"])
def test_01_3_wrong_letters_get_a_hint_that_does_not_name_the_answer(answer):
    status, message = verdict("01.3", answer)
    assert status == "wrong"
    assert not re.search(r"\bC\b", message), message


@pytest.mark.parametrize("answer", ["E", "", 3, ["C"], "CD"])
def test_01_3_invalid_answers_list_all_letters(answer):
    status, message = verdict("01.3", answer)
    assert status == "wrong"
    assert message == "Not yet: answer with one of the letters 'A', 'B', 'C', 'D'."


def test_01_3_placeholder_is_not_answered():
    assert verdict("01.3", ...)[0] == "not answered"


# 01.4: 2 nats in bits ---------------------------------------------------------


@pytest.mark.parametrize("answer", [TWO_NATS_IN_BITS, round(TWO_NATS_IN_BITS, 4), 2 * math.log2(math.e)])
def test_01_4_accepts_the_bits(answer):
    assert verdict("01.4", answer)[0] == "correct"


@pytest.mark.parametrize("answer, hint", [
    (2 * math.log(2), "wrong way"),
    (2.0, "unchanged"),
    (math.exp(-2), "probability"),
    (-TWO_NATS_IN_BITS, "minus sign"),
    (round(TWO_NATS_IN_BITS, 1), "rounded"),
    (5.0, "too large"),
    ("2.885", "not str"),
    (None, None),
])
def test_01_4_rejects_wrong_answers_with_a_hint(answer, hint):
    status, message = verdict("01.4", answer)
    if answer is None:
        assert status == "not answered"
        return
    assert status == "wrong"
    assert hint in message, message
    assert_hidden(message, TWO_NATS_IN_BITS)


# 01.5: construct two independent events of 5 bits together ---------------------


@pytest.mark.parametrize("answer", [
    (1 / 4, 1 / 8),                           # 2 + 3 bits
    [1 / 2, 1 / 16],                          # 1 + 4 bits
    np.array([1 / 8, 1 / 4]),
    (2 ** -2.5, 2 ** -2.5),                   # the same event twice, independently
    (0.1768, 0.1768),                         # typed to four digits: 4.9996 bits
    (np.float64(0.8), 1 / (32 * 0.8)),        # one nearly certain event, one rare
    (1 / 6, 6 / 32),                          # a fair die and an event of 6/32
])
def test_01_5_accepts_pairs_whose_probabilities_multiply_to_1_32(answer):
    assert -math.log2(float(answer[0]) * float(answer[1])) == pytest.approx(5, rel=1e-4)
    assert verdict("01.5", answer)[0] == "correct"


@pytest.mark.parametrize("answer, phrase", [
    ((2, 3), "look like two surprisals"),                    # the surprisals, not the probabilities
    ((2.5, 2.5), "look like two surprisals"),
    ((1 / 4, math.exp(-5) / (1 / 4)), "5 nats, not 5 bits"),  # -ln(p_a p_b) = 5
    ((1 / 4, 1e-5 / (1 / 4)), "log base 10"),                 # -log10(p_a p_b) = 5
    ((1 / 64, 1 / 64), "probabilities add up"),               # p_a + p_b = 1/32
    ((1 / 32, 1 / 2), "one event alone"),                     # 5 bits and 1 more
    ((2 ** -math.sqrt(5), 2 ** -math.sqrt(5)), "product of their surprisals"),  # s_a s_b = 5
    ((1, 1 / 32), "certain event"),
    ((1.0, 1.0), "certain event"),
    ((0.177, 0.177), "not exactly"),                          # 4.9964 bits: rounded too far
    ((1 / 2, 1 / 2), "less than 5"),
    ((1 / 64, 1 / 2), "more than 5"),
    ((0, 1 / 2), "between 0 and 1"),
    ((-1 / 4, -1 / 8), "between 0 and 1"),
    ((1 / 4, 8), "between 0 and 1"),
    ((math.inf, 0.5), "between 0 and 1"),
    ((float("nan"), 0.5), "NaN"),
    ((1e-200, 1e-200), "more than 5"),                        # the product underflows to 0: inf bits
])
def test_01_5_rejects_wrong_constructions_with_a_hint(answer, phrase):
    status, message = verdict("01.5", answer)
    assert status == "wrong"
    assert phrase in message, message


@pytest.mark.parametrize("answer", [
    1 / 32, "0.25, 0.125", ("0.25", "0.125"), (1 / 4,), (1 / 4, 1 / 8, 1.0), [], {0.25: 0.125},
    (True, 0.5), (None, 0.5), ([0.25], [0.125]), np.array([[0.25, 0.125]]), (0.25 + 0j, 0.125),
    (x for x in (0.25, 0.125)), list(range(10 ** 6)),
])
def test_01_5_hostile_inputs_ask_for_a_pair_of_numbers(answer):
    status, message = verdict("01.5", answer)
    assert status == "wrong"
    assert message == "Not yet: give the two probabilities as a pair of numbers, (p_a, p_b)."


@pytest.mark.parametrize("answer", [..., None])
def test_01_5_placeholder_is_not_answered(answer):
    assert verdict("01.5", answer)[0] == "not answered"


# 01.6: predict the ratio of two surprisals ---------------------------------------


def test_01_6_the_answer_is_what_the_lecture_prints():
    """s(1e-6) / s(1e-2) is 3 in any base, computed here with math alone."""
    for log in (math.log2, math.log, math.log10):
        assert log(1e-6) / log(1e-2) == pytest.approx(3.0)


@pytest.mark.parametrize("answer", ["C", "c", " C\n"])
def test_01_6_accepts_three_times(answer):
    assert verdict("01.6", answer)[0] == "correct"


@pytest.mark.parametrize("answer, phrase", [
    ("A", "how many times rarer"),
    ("B", "difference"),
    ("D", "cancels"),
    ("E", "one of the letters 'A', 'B', 'C', 'D'"),
    (3, "one of the letters"),
    ("3", "one of the letters"),
    (["C"], "one of the letters"),
])
def test_01_6_wrong_answers_get_a_hint_that_does_not_name_the_answer(answer, phrase):
    status, message = verdict("01.6", answer)
    assert status == "wrong"
    assert phrase in message, message
    assert "3 times" not in message and "three" not in message


@pytest.mark.parametrize("answer", [..., None])
def test_01_6_placeholder_is_not_answered(answer):
    assert verdict("01.6", answer)[0] == "not answered"


def test_01_6_the_student_version_does_not_show_the_ratio_before_the_prediction():
    """The reveal cell's stored output in the lecture asks for a prediction; no ratio is on screen."""
    import nbformat
    from pathlib import Path

    lecture = nbformat.read(Path(__file__).parents[2] / "lectures" / "01_surprisal.ipynb", as_version=4)
    shown = "".join(out.get("text", "") for cell in lecture.cells if cell.cell_type == "code"
                    for out in cell.get("outputs", []))
    assert "Assign your letter to answer_6 first" in shown
    assert "3.0000 times" not in shown
