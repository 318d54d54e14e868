"""Hints that used to mislead, each kept as a test of its fix."""

import math

import pytest
from scipy import special

from coursekit.exercises import ROUNDING_HINT, number_hint, verdict
from coursekit.info import cross_entropy


def test_03_1_rounded_answer_is_told_to_keep_more_digits_not_too_small():
    truth = cross_entropy((0.7, 0.2, 0.1), (0.4, 0.4, 0.2))
    assert round(truth, 4) == 1.4219
    status, message = verdict("03.1", 1.42)
    assert status == "wrong" and "keep more digits" in message and "too small" not in message


@pytest.mark.parametrize("value, expected, hint", [
    (1.42, 1.4219, ROUNDING_HINT),          # rounded to 2 decimals
    (1.4, 1.4219, ROUNDING_HINT),           # to 1 decimal
    (-0.0049, -0.004933, ROUNDING_HINT),    # negative, leading zeros
    (2.89, 2.885390, ROUNDING_HINT),        # rounded up
    (1.43, 1.4219, "that is too large."),   # not a rounding of the truth
    (1.41, 1.4219, "that is too small."),
    (1.0, 1.4219, "that is too small."),    # a whole number reads as a guess
    (0.3, 0.28, "that is too large."),      # so does one significant digit
])
def test_number_hint_names_rounding_generally(value, expected, hint):
    assert number_hint(value, expected) == hint


def test_04_1_infinite_answer_hint_no_longer_claims_softmax_is_never_zero():
    # Lecture 04 shows it: in float64, softmax of finite logits can be exactly 0.
    assert special.softmax([0.0, -746.0])[1] == 0.0 and special.softmax([0.0, -700.0])[1] > 0.0
    status, message = verdict("04.1", math.inf)
    assert status == "wrong"
    assert "never is." not in message and "float64" in message and "745" in message


@pytest.mark.parametrize("key", ["03.3", "04.2", "05.3"])
def test_an_error_inside_the_students_function_is_blamed_on_it(key):
    def helper(x):
        return [x][1]

    def student(*a):
        return helper(a[0])  # fails one level down, in the student's own helper

    status, message = verdict(key, student)
    assert status == "wrong"
    assert "your function raised IndexError: list index out of range" in message
    assert "checking your answer" not in message


def test_05_3_not_a_function_is_a_hint_not_a_checker_error():
    status, message = verdict("05.3", 0.6931)
    assert status == "wrong" and "pass the function itself" in message
