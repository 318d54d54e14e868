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


# 03.5: construct (p, q) with D(p‖q) > 2 D(q‖p) -----------------------------------


def kl_bits_scipy(p, q):
    return float(special.rel_entr(np.asarray(p, float), np.asarray(q, float)).sum() / LN2)


@pytest.mark.parametrize("p, q", [
    ([0.5, 0.5], [0.99, 0.01]),
    ((0.4, 0.3, 0.3), (0.98, 0.01, 0.01)),
    (np.array([0.25, 0.25, 0.25, 0.25]), np.array([0.997, 0.001, 0.001, 0.001])),
    ([0, 0.5, 0.5], [0, 0.99, 0.01]),  # an outcome both rule out is allowed: both stay finite
])
def test_03_5_accepts_pairs_more_than_twice_as_far_one_way(p, q):
    assert kl_bits_scipy(p, q) > 2 * kl_bits_scipy(q, p)  # the pair really is an answer
    assert verdict("03.5", (p, q))[0] == "correct"
    assert verdict("03.5", [list(p), list(q)])[0] == "correct"
    assert verdict("03.5", np.array([p, q], dtype=float))[0] == "correct"


def test_03_5_reference_a_pair_just_short_of_twice():
    # D(u‖q) / D(q‖u) for this pair lies between 1 and 2: the "not twice" branch.
    p, q = [0.5, 0.5], [0.8, 0.2]
    assert kl_bits_scipy(q, p) < kl_bits_scipy(p, q) < 2 * kl_bits_scipy(q, p)


@pytest.mark.parametrize("answer, phrase", [
    (([0.99, 0.01], [0.5, 0.5]), "wrong way round"),  # the right pair, swapped
    (([0.3, 0.7], [0.7, 0.3]), "wrong way round"),  # mirror images: equal both ways
    (([0.5, 0.5], [0.8, 0.2]), "not 2 times"),
    (([0.5, 0.5], [0.5, 0.5]), "both divergences are 0"),
    (([0.5, 0.5], [1.0, 0.0]), "infinite"),
    (([1.0, 0.0], [0.5, 0.5]), "infinite"),
    (([0.5, 0.6], [0.5, 0.5]), "sum to 1"),
    (([1.5, -0.5], [0.5, 0.5]), "negative"),
    (([0.5, 0.5], [np.nan, 0.5]), "finite"),
    (([0.5, 0.5], [np.inf, 0.5]), "finite"),
    (([0.5, 0.5], [0.2, 0.3, 0.5]), "same outcomes"),
    (([1.0], [1.0]), "between 2 and"),
    (([0.001] * 1000, [0.001] * 1000), "between 2 and"),
    (([True, False], [0.5, 0.5]), "one number"),
    ((["0.5", "0.5"], [0.5, 0.5]), "one number"),
    (([0.5, [0.5]], [0.5, 0.5]), "one number"),
    (([0.5, 0.5j], [0.5, 0.5]), "one number"),
    (([0.5, 0.5], "0.9, 0.1"), "list of probabilities"),
    (([0.5, 0.5], {0: 0.9, 1: 0.1}), "list of probabilities"),
    (([0.5, 0.5], np.array([[0.9, 0.1]])), "list of probabilities"),
    (([0.5, 0.5], 0.5), "list of probabilities"),
    (([0.5, 0.5],), "give a pair"),
    (([0.5, 0.5], [0.9, 0.1], [0.1, 0.9]), "give a pair"),
    ("p, q", "give a pair"),
    ({"p": [0.5, 0.5], "q": [0.9, 0.1]}, "give a pair"),
    ({(0.5, 0.5), (0.99, 0.01)}, "give a pair"),  # a set has no order: which one is p?
    (np.array(2.0), "give a pair"),
    (3, "give a pair"),
    (((x for x in [0.5, 0.5]), [0.9, 0.1]), "list of probabilities"),
])
def test_03_5_rejects_non_answers_with_the_reason(answer, phrase):
    status, message = verdict("03.5", answer)
    assert status == "wrong"
    assert phrase in message, message
    assert "raised" not in message  # a hint, not a crash of the check


def test_03_5_wrong_direction_hint_quotes_the_students_own_numbers_only():
    status, message = verdict("03.5", ([0.99, 0.01], [0.5, 0.5]))
    assert status == "wrong"
    assert f"{kl_bits_scipy([0.99, 0.01], [0.5, 0.5]):.4f} bits" in message
    assert "0.99" not in message.split("bits")[-1]  # no answer pair suggested


@pytest.mark.parametrize("answer", [..., None])
def test_03_5_placeholder_is_not_answered(answer):
    assert verdict("03.5", answer)[0] == "not answered"


# 03.6: H(Y | X) in bits ------------------------------------------------------------

JOINT = np.array([[0.40, 0.10, 0.10], [0.05, 0.05, 0.30]])
PX, PY = JOINT.sum(axis=1), JOINT.sum(axis=0)
H_XY = float(-np.sum(JOINT * np.log2(JOINT)))
H_X = float(-np.sum(PX * np.log2(PX)))
H_Y = float(-np.sum(PY * np.log2(PY)))
H_Y_GIVEN_X = H_XY - H_X  # the chain rule, computed without coursekit
H_X_GIVEN_Y = H_XY - H_Y
UNWEIGHTED = float(np.mean([-np.sum(r / r.sum() * np.log2(r / r.sum())) for r in JOINT]))


def test_03_6_table_is_the_lectures_and_its_slips_are_distinct():
    from coursekit.exercises import l03

    assert np.array_equal(np.array(l03.JOINT), JOINT)
    values = [H_Y_GIVEN_X, H_X_GIVEN_Y, H_Y_GIVEN_X * LN2, UNWEIGHTED, H_XY, H_Y, H_X, H_Y - H_Y_GIVEN_X]
    for i, a in enumerate(values):  # every slip differs from the truth and from each other by > 1 %
        for b in values[i + 1:]:
            assert abs(a - b) > 0.01 * max(a, b)


@pytest.mark.parametrize("answer", [H_Y_GIVEN_X, np.float64(H_Y_GIVEN_X), round(H_Y_GIVEN_X, 4)])
def test_03_6_accepts_the_conditional_entropy_in_bits(answer):
    status, message = verdict("03.6", answer)
    assert status == "correct", message
    assert_no_leak(message, H_Y_GIVEN_X)


@pytest.mark.parametrize("answer, hint", [
    (H_X_GIVEN_Y, "H(X | Y)"),
    (H_Y_GIVEN_X * LN2, "nats"),
    (UNWEIGHTED, "weight each row"),
    (H_XY, "joint entropy"),
    (H_Y, "H(Y), the entropy of Y alone"),
    (H_X, "that is H(X)"),
    (H_Y - H_Y_GIVEN_X, "mutual information"),
    (-H_Y_GIVEN_X, "sign"),
    (H_Y_GIVEN_X + 0.2, "too large"),
    (H_Y_GIVEN_X - 0.2, "too small"),
    ("1.18", "give a number"),
    (JOINT, "give a number"),
    (float("nan"), "NaN"),
    (False, "give a number"),
])
def test_03_6_rejects_wrong_answers_naming_the_slip(answer, hint):
    status, message = verdict("03.6", answer)
    assert status == "wrong"
    assert hint in message, message
    assert_no_leak(message, H_Y_GIVEN_X)


def test_03_6_placeholder_is_not_answered():
    assert verdict("03.6", ...)[0] == "not answered"


# 03.7: predict the forward fit's mean ------------------------------------------------


def test_03_7_the_right_letter_is_the_mixtures_mean():
    from coursekit.exercises import l03

    mean = float(np.dot(l03.MIXTURE_WEIGHTS, l03.MIXTURE_MEANS))
    assert mean == pytest.approx(-1.2)  # option B of the lecture


@pytest.mark.parametrize("answer", ["B", "b", " B\n"])
def test_03_7_accepts_b(answer):
    assert verdict("03.7", answer)[0] == "correct"


@pytest.mark.parametrize("answer, hint", [
    ("A", "reverse direction"),
    ("C", "weights 0.8 and 0.2"),
    ("D", "only 0.2"),
    ("E", "one of the letters"),
    (-1.2, "one of the letters"),
    (["B"], "one of the letters"),
])
def test_03_7_rejects_other_answers_without_naming_b(answer, hint):
    status, message = verdict("03.7", answer)
    assert status == "wrong"
    assert hint in message
    if answer in ("A", "C", "D"):
        assert "B" not in message and "1.2" not in message


def test_03_7_placeholder_is_not_answered():
    assert verdict("03.7", ...)[0] == "not answered"


def test_03_7_the_student_version_does_not_show_the_fit_before_the_prediction():
    """The reveal cell's stored output in the lecture asks for a letter; no fitted mean is on screen."""
    import nbformat
    from pathlib import Path

    root = Path(__file__).parents[2]
    shown = {}
    for folder in ("lectures", "solutions"):
        nb = nbformat.read(root / folder / "03_cross_entropy_kl.ipynb", as_version=4)
        [cell] = [c for c in nb.cells if c.cell_type == "code" and "log_p_7 = " in c.source]
        shown[folder] = "".join(out.get("text", "") for out in cell.outputs)
    assert shown["lectures"] == "Assign your letter to answer_7 first, then run this cell again.\n"
    assert "mean -1.20" in shown["solutions"]  # the solution, answered, does show it
