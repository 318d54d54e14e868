"""Lecture 03 checks: each accepts the right answer, rejects wrong ones, never leaks the answer."""

import math

import numpy as np
import pytest
from scipy import special

from coursekit.exercises import verdict
from .leaks import renderings

P = np.array([0.7, 0.2, 0.1])
Q = np.array([0.4, 0.4, 0.2])
LN2 = math.log(2)

# The answers, computed here without coursekit.
H_PQ = float(-np.sum(P * np.log2(Q)))  # cross-entropy H(p, q), bits
D_PQ = float(special.rel_entr(P, Q).sum() / LN2)  # D(p‖q), bits
D_QP = float(special.rel_entr(Q, P).sum() / LN2)  # the reversed direction
H_P = float(-np.sum(P * np.log2(P)))


def assert_no_leak(message, *values):
    for value in values:
        for text in renderings(value):
            assert text not in message, f"{text!r} leaked in {message!r}"


def test_the_reference_values_are_what_the_lecture_says():
    # H(p, q) = 0.9 log2(1 / 0.4) + 0.1 log2(1 / 0.2); D = H(p, q) - H(p); the two directions differ.
    assert H_PQ == pytest.approx(0.9 * math.log2(2.5) + 0.1 * math.log2(5), abs=1e-12)
    assert D_PQ == pytest.approx(H_PQ - H_P, abs=1e-12)
    assert abs(D_PQ - D_QP) > 0.01


# 03.1: H(p, q) in bits ----------------------------------------------------------


@pytest.mark.parametrize("answer", [H_PQ, np.float64(H_PQ), np.array(H_PQ), round(H_PQ, 4)])
def test_03_1_accepts_the_cross_entropy_in_bits(answer):
    status, message = verdict("03.1", answer)
    assert status == "correct", message
    assert_no_leak(message, H_PQ)


@pytest.mark.parametrize("answer, hint", [
    (H_PQ * LN2, "nats"),
    (float(-np.sum(Q * np.log2(P))), "swapped"),
    (H_P, "H(p)"),
    (D_PQ, "KL divergence"),
    (-H_PQ, "sign"),
    (H_PQ + 0.3, "too large"),
    (H_PQ - 0.3, "too small"),
    ("1.42", "give a number"),
    ([H_PQ], "give a number"),
    (float("nan"), "NaN"),
    (True, "give a number"),
])
def test_03_1_rejects_wrong_answers_without_giving_the_value(answer, hint):
    status, message = verdict("03.1", answer)
    assert status == "wrong"
    assert message.startswith("Not yet:") and hint in message
    assert_no_leak(message, H_PQ)


@pytest.mark.parametrize("answer", [..., None])
def test_03_1_placeholder_is_not_answered(answer):
    status, message = verdict("03.1", answer)
    assert status == "not answered"
    assert_no_leak(message, H_PQ)


# 03.2: D(p‖q) in bits -----------------------------------------------------------


@pytest.mark.parametrize("answer", [D_PQ, np.float64(D_PQ), round(D_PQ, 4)])
def test_03_2_accepts_the_divergence_in_bits(answer):
    status, message = verdict("03.2", answer)
    assert status == "correct", message
    assert_no_leak(message, D_PQ)


@pytest.mark.parametrize("answer, hint", [
    (D_QP, "D(q‖p)"),
    (D_PQ * LN2, "nats"),
    (H_PQ, "cross-entropy"),
    (-D_PQ, "sign"),
    (D_PQ * 2, "too large"),
    (0.0, "too small"),
    ("0.265", "give a number"),
])
def test_03_2_rejects_wrong_answers_without_giving_the_value(answer, hint):
    status, message = verdict("03.2", answer)
    assert status == "wrong"
    assert hint in message
    assert_no_leak(message, D_PQ, D_QP)


def test_03_2_placeholder_is_not_answered():
    assert verdict("03.2", ...)[0] == "not answered"


# 03.3: kl_bits(p, q) from scratch ---------------------------------------------


def reference_kl_bits(p, q):
    """Independent reference: scipy's rel_entr handles 0 log 0 and q_i = 0 < p_i."""
    return float(special.rel_entr(np.asarray(p, float), np.asarray(q, float)).sum() / LN2)


def loop_kl_bits(p, q):
    """A student's loop version, written differently from the check and the reference."""
    total = 0.0
    for p_i, q_i in zip(p, q):
        if p_i == 0:
            continue
        if q_i == 0:
            return math.inf
        total += p_i * math.log2(p_i / q_i)
    return total


def naive_kl_bits(p, q):
    return np.sum(p * np.log2(p / q))  # NaN as soon as some p_i = 0


def nats_kl_bits(p, q):
    return loop_kl_bits(p, q) * LN2


def reversed_kl_bits(p, q):
    return loop_kl_bits(q, p)


def cross_entropy_instead(p, q):
    with np.errstate(divide="ignore"):
        return float(-np.sum(special.xlogy(p, q)) / LN2)


def finite_always(p, q):
    mask = (p > 0) & (q > 0)  # silently drops the impossible outcome: never inf
    return float(np.sum(p[mask] * np.log2(p[mask] / q[mask])))


def returns_none(p, q):
    ...  # your code here


def raises(p, q):
    raise ZeroDivisionError("division by zero")


def returns_a_list(p, q):
    return [loop_kl_bits(p, q)]


# Every value a message must never contain.
CASE_VALUES = [reference_kl_bits([0.7, 0.2, 0.1], [0.4, 0.4, 0.2]),
               reference_kl_bits([0.5, 0.5, 0.0], [0.25, 0.25, 0.5])]


def test_reference_values_for_the_special_pairs():
    assert reference_kl_bits([0.5, 0.5, 0.0], [0.25, 0.25, 0.5]) == pytest.approx(1.0)  # finite
    assert reference_kl_bits([0.2, 0.3, 0.5], [0.2, 0.3, 0.5]) == 0.0
    assert reference_kl_bits([0.5, 0.5], [1.0, 0.0]) == math.inf


@pytest.mark.parametrize("func", [reference_kl_bits, loop_kl_bits])
def test_03_3_accepts_correct_functions(func):
    status, message = verdict("03.3", func)
    assert status == "correct", message
    assert_no_leak(message, *CASE_VALUES)


@pytest.mark.parametrize("func, hint", [
    (naive_kl_bits, "NaN"),
    (nats_kl_bits, "nats"),
    (reversed_kl_bits, "D(q‖p)"),
    (cross_entropy_instead, "ordinary pair"),
    (finite_always, "infinite"),
    (returns_a_list, "one number"),
    (lambda p, q: 1.0, "ordinary pair"),
    (42, "pass the function itself"),
    ("kl_bits", "pass the function itself"),
])
def test_03_3_rejects_wrong_functions(func, hint):
    status, message = verdict("03.3", func)
    assert status == "wrong"
    assert hint in message, message
    assert_no_leak(message, *CASE_VALUES)


def test_03_3_function_returning_none_is_not_answered():
    status, message = verdict("03.3", returns_none)
    assert status == "not answered"
    assert "returns nothing" in message


def test_03_3_function_that_raises_becomes_a_verdict():
    status, message = verdict("03.3", raises)
    # The error is the student's, so the verdict blames their function (it used to
    # say "checking your answer raised", blaming the checker).
    assert (status, message) == ("wrong", "Not yet: for p = [0.7, 0.2, 0.1], q = [0.4, 0.4, 0.2] "
                                          "your function raised ZeroDivisionError: division by zero.")


def test_03_3_placeholder_is_not_answered():
    assert verdict("03.3", ...)[0] == "not answered"


def test_03_3_numpy_warnings_stay_off_the_page(recwarn):
    verdict("03.3", naive_kl_bits)
    assert len(recwarn) == 0


# 03.4: which statement is true ---------------------------------------------------


@pytest.mark.parametrize("answer", ["B", "b", " B "])
def test_03_4_accepts_b(answer):
    assert verdict("03.4", answer)[0] == "correct"


@pytest.mark.parametrize("answer, hint", [
    ("A", "swap"),
    ("C", "H(p)"),
    ("D", "whole numbers"),
    ("E", "one of the letters"),
    (2, "one of the letters"),
    (["B"], "one of the letters"),
])
def test_03_4_rejects_other_answers_without_naming_the_right_letter(answer, hint):
    status, message = verdict("03.4", answer)
    assert status == "wrong"
    assert hint in message
    if answer in ("A", "C", "D"):  # a hint about a wrong letter never mentions the right one
        assert "B" not in message


def test_03_4_placeholder_is_not_answered():
    assert verdict("03.4", ...)[0] == "not answered"
