"""Checks of lecture 02 (entropy): right answers pass, wrong ones get a hint, never the answer.

The expected values are computed here independently of coursekit: scipy for
entropies, and for Huffman's expected length the identity "L equals the sum
of the probabilities of the merged (inner) nodes".
"""

import heapq
import math
import re

import numpy as np
import pytest
import scipy.special
import scipy.stats

from coursekit.exercises import verdict
from .leaks import assert_hidden

FORECAST = [0.5, 0.2, 0.2, 0.1]
H_FORECAST = float(scipy.stats.entropy(FORECAST, base=2))
H_FORECAST_NATS = float(scipy.stats.entropy(FORECAST))


def huffman_length(p):
    """Expected Huffman length: the sum of the probabilities of all merged nodes."""
    heap = list(map(float, p))
    heapq.heapify(heap)
    total = 0.0
    while len(heap) > 1:
        merged = heapq.heappop(heap) + heapq.heappop(heap)
        total += merged
        heapq.heappush(heap, merged)
    return total


L_FORECAST = huffman_length(FORECAST)


def test_independent_expected_values():
    # Hand arithmetic: H = 0.5 + 0.4 log2 5 + 0.1 log2 10; Huffman merges 0.3, 0.5, 1.0.
    assert H_FORECAST == pytest.approx(0.5 + 0.4 * math.log2(5) + 0.1 * math.log2(10))
    assert L_FORECAST == pytest.approx(1.8)


# 02.1: the entropy of the forecast, in bits ----------------------------------


@pytest.mark.parametrize("answer", [H_FORECAST, np.float64(H_FORECAST), round(H_FORECAST, 3),
                                    np.array(H_FORECAST)])
def test_02_1_accepts_the_entropy_in_bits(answer):
    status, message = verdict("02.1", answer)
    assert status == "correct", message


@pytest.mark.parametrize("answer, fragment", [
    (H_FORECAST_NATS, "nats"),
    (-H_FORECAST, "minus sign"),
    (2.0, "log2 4"),
    (2.5, "too large"),
    (1.0, "too small"),
    (L_FORECAST, "average codeword length of Huffman"),  # 1.8 is also H rounded: name it, else "keep more digits" traps the student
    ("1.761", "give a number"),
    ([H_FORECAST], "give a number"),
    (True, "give a number"),
    (float("nan"), "NaN"),
])
def test_02_1_rejects_wrong_answers_without_revealing(answer, fragment):
    status, message = verdict("02.1", answer)
    assert status == "wrong"
    assert fragment in message
    assert_hidden(message, H_FORECAST)


@pytest.mark.parametrize("answer", [..., None])
def test_02_1_placeholder_is_not_answered(answer):
    assert verdict("02.1", answer)[0] == "not answered"


# 02.2: Huffman's expected length for the forecast ----------------------------


def test_02_2_accepts_the_huffman_length():
    assert verdict("02.2", L_FORECAST)[0] == "correct"
    assert verdict("02.2", np.float64(L_FORECAST))[0] == "correct"


@pytest.mark.parametrize("answer, fragment", [
    (H_FORECAST, "lower bound"),
    (H_FORECAST_NATS, "nats"),
    (2.0, "fixed-length"),
    (1.5, "fewer bits than the entropy"),
    (2.5, "too large"),
    ("1.8", "give a number"),
    ({"sunny": "0", "cloudy": "10"}, "give a number"),
])
def test_02_2_rejects_wrong_answers_without_revealing(answer, fragment):
    status, message = verdict("02.2", answer)
    assert status == "wrong"
    assert fragment in message
    assert_hidden(message, L_FORECAST, H_FORECAST)


def test_02_2_placeholder_is_not_answered():
    assert verdict("02.2", ...)[0] == "not answered"


# 02.3: entropy_bits(p) from scratch -------------------------------------------


def entropy_masked(p):
    p = np.asarray(p, dtype=float)
    nz = p[p > 0]
    return float(-np.sum(nz * np.log2(nz)))


def entropy_xlogy(p):
    return -scipy.special.xlogy(p, p).sum() / math.log(2)  # numpy float, not a Python float


def entropy_pure_python(p):
    return -sum(x * math.log2(x) for x in p if x > 0)


def entropy_zero_d_array(p):
    return np.array(entropy_masked(p))


@pytest.mark.parametrize("func", [entropy_masked, entropy_xlogy, entropy_pure_python,
                                  entropy_zero_d_array])
def test_02_3_accepts_correct_functions(func):
    status, message = verdict("02.3", func)
    assert status == "correct", message


# Expected entropies of the distributions the check uses (independently, scipy).
CASE_ENTROPIES = [float(scipy.stats.entropy(p, base=2)) for p in
                  ([0.5, 0.5], [0.3, 0.3, 0.2, 0.1, 0.1], [0.5, 0.25, 0.25, 0], [0.25] * 4, [0.7, 0, 0.2, 0.1])]


def naive_nan_for_zeros(p):
    p = np.asarray(p, dtype=float)
    return -np.sum(p * np.log2(p))


def in_nats(p):
    return entropy_masked(p) * math.log(2)


def forgot_minus(p):
    return -entropy_masked(p)


def returns_terms(p):
    p = np.asarray(p, dtype=float)
    nz = p[p > 0]
    return -nz * np.log2(nz)


def returns_none(p):
    ...  # your code here


def raises(p):
    raise RuntimeError("not written yet")


def array_only(p):
    nz = p[p > 0]  # fails on a plain list
    return -np.sum(nz * np.log2(nz))


def log10_instead(p):
    p = np.asarray(p, dtype=float)
    nz = p[p > 0]
    return float(-np.sum(nz * np.log10(nz)))


def minus_inf_for_zeros(p):
    p = np.asarray(p, dtype=float)
    return float(np.sum(np.where(p > 0, -p * np.log2(np.where(p > 0, p, 1)), -np.inf)))


def returns_string(p):
    return "2 bits"


@pytest.mark.parametrize("func, fragment", [
    (naive_nan_for_zeros, "0 log 0 = 0"),
    (in_nats, "nats"),
    (forgot_minus, "minus sign"),
    (returns_terms, "return one number"),
    (raises, "raised RuntimeError"),
    (array_only, "np.asarray"),
    (log10_instead, "too small"),
    (minus_inf_for_zeros, "0 log 0 = 0"),
    (returns_string, "return one number"),
    (2.0, "pass the function itself"),
    ("entropy_bits", "pass the function itself"),
])
def test_02_3_rejects_wrong_functions_without_revealing(func, fragment):
    status, message = verdict("02.3", func)
    assert status == "wrong"
    assert fragment in message, message
    assert_hidden(message, *[h for h in CASE_ENTROPIES if h not in (0.5, 1.0, 2.0)])


def test_02_3_nan_hint_explains_0_log_0():
    message = verdict("02.3", naive_nan_for_zeros)[1]
    assert "NaN" in message and "0 log 0 = 0" in message and "0 * (-inf)" in message


@pytest.mark.parametrize("func", [..., returns_none])
def test_02_3_placeholder_is_not_answered(func):
    assert verdict("02.3", func)[0] == "not answered"


def test_02_3_does_not_let_the_student_change_its_cases():
    def mutating(p):
        h = entropy_masked(p)
        if isinstance(p, np.ndarray):
            p[:] = 0
        else:
            p.clear()
        return h

    assert verdict("02.3", mutating)[0] == "correct"
    assert verdict("02.3", entropy_masked)[0] == "correct"


# 02.4: the true statement -------------------------------------------------------


@pytest.mark.parametrize("answer", ["B", "b", " B "])
def test_02_4_accepts_b(answer):
    assert verdict("02.4", answer)[0] == "correct"


@pytest.mark.parametrize("answer, fragment", [
    ("A", "Kraft"),
    ("C", "0.9, 0.1"),
    ("D", "lengths"),
])
def test_02_4_wrong_letters_get_a_hint_not_the_letter(answer, fragment):
    status, message = verdict("02.4", answer)
    assert status == "wrong"
    assert fragment in message
    assert not re.search(r"\bB\b", message.split(":", 1)[1])


@pytest.mark.parametrize("answer", ["E", "true", 2, ["B"]])
def test_02_4_non_letters_are_told_the_format(answer):
    status, message = verdict("02.4", answer)
    assert status == "wrong"
    assert "one of the letters 'A', 'B', 'C', 'D'" in message


def test_02_4_placeholder_is_not_answered():
    assert verdict("02.4", ...)[0] == "not answered"


# 02.5: construct a distribution on four outcomes with entropy 1.5 bits ----------


def positive_solution():
    """All four outcomes possible: (1 - 3t, t, t, t) with H = 1.5 bits, found by scipy alone."""
    from scipy import optimize

    t = optimize.brentq(lambda t: scipy.stats.entropy([1 - 3 * t, t, t, t], base=2) - 1.5, 1e-9, 0.25, xtol=1e-15)
    return [1 - 3 * t, t, t, t]


def test_02_5_reference_constructions_have_1_5_bits():
    for p in ([0.5, 0.25, 0.25, 0.0], positive_solution()):
        assert float(scipy.stats.entropy(p, base=2)) == pytest.approx(1.5, abs=1e-12)
    assert min(positive_solution()) > 0.1


@pytest.mark.parametrize("answer", [
    [0.5, 0.25, 0.25, 0.0],
    [0, 0.25, 0.5, 0.25],                       # any order, ints and floats mixed
    (0.25, 0.25, 0.0, 0.5),
    np.array([0.5, 0.25, 0.25, 0.0]),
    np.array([0.5, 0.25, 0.25, 0.0], dtype=np.float32),
    positive_solution(),
    np.round(positive_solution(), 7) / np.round(positive_solution(), 7).sum(),  # a search stopped early
])
def test_02_5_accepts_any_distribution_with_1_5_bits(answer):
    status, message = verdict("02.5", answer)
    assert status == "correct", message


@pytest.mark.parametrize("answer, fragment", [
    ([50, 25, 25, 0], "percentages"),
    ([0.5, 0.5, 0.5, 0.0], "entropy is defined for a distribution"),   # -Σ w log2 w = 1.5, but Σ w = 1.5
    ([0.7, 0.1, 0.1, 0.1], "Huffman's code"),                          # L = 1.5 bits, H = 1.3568 bits
    ([0.25, 0.25, 0.25, 0.25], "more than 1.5"),
    ([0.9, 0.1, 0.0, 0.0], "less than 1.5"),
    ([2, 1, 1, 0], "add up to 4"),
    ([0.6, 0.6, -0.1, -0.1], "never negative"),
    ([0.5, 0.25, 0.25], "shape (3,)"),                                 # 1.5 bits, but three outcomes
    ([[0.5, 0.25, 0.25, 0.0]], "shape (1, 4)"),
    (np.array(0.5), "shape ()"),
    ([0.5, 0.25, 0.25, float("nan")], "finite"),
    ([float("inf"), 0, 0, 0], "finite"),
    ([True, False, False, False], "True/False"),
    ([True, 0.0, 0.0, 0.0], "True/False"),                             # numpy would read it as [1., 0, 0, 0]
    ({"a": 0.5, "b": 0.25, "c": 0.25, "d": 0.0}, "not a dict"),
    ("0.5, 0.25, 0.25, 0", "not str"),
    ([0.5j, 0.25, 0.25, 0], "complex"),
    (1.5, "shape ()"),
])
def test_02_5_rejects_wrong_constructions_with_the_slip_named(answer, fragment):
    status, message = verdict("02.5", answer)
    assert status == "wrong"
    assert fragment in message, message
    assert "0.25" not in message and "1/4" not in message  # never hands over a construction


def test_02_5_huffman_slip_is_really_a_code_length():
    p = [0.7, 0.1, 0.1, 0.1]
    assert huffman_length(p) == pytest.approx(1.5)
    assert float(scipy.stats.entropy(p, base=2)) < 1.5 - 0.1


class ArrayRaises:
    def __array__(self, *args, **kwargs):
        raise RuntimeError("no")


class IterRaises(list):
    def __iter__(self):
        raise RuntimeError("no")


@pytest.mark.parametrize("answer", [
    ArrayRaises(), IterRaises([0.5, 0.25, 0.25, 0.0]), object(), lambda: [0.5, 0.25, 0.25, 0.0],
    (x for x in [0.5, 0.25, 0.25, 0.0]), [0.5, "0.25", 0.25, 0.0], [10 ** 400, 0, 0, 0],
    list(range(10 ** 5)), [], [None] * 4, {0.5, 0.25}, b"\x00\x01\x02\x03",
])
def test_02_5_hostile_answers_get_a_verdict_about_the_answer(answer):
    status, message = verdict("02.5", answer)
    assert status == "wrong"
    assert "checking your answer raised" not in message, message


@pytest.mark.parametrize("answer", [..., None])
def test_02_5_placeholder_is_not_answered(answer):
    assert verdict("02.5", answer)[0] == "not answered"


# 02.6: predict what merging two outcomes does to H -----------------------------

P_TEN = [0.3, 0.3, 0.2, 0.1, 0.1]


def merged(p, i, j):
    rest = [x for k, x in enumerate(p) if k not in (i, j)]
    return rest + [p[i] + p[j]]


def test_02_6_answer_is_what_the_ten_ball_box_gives():
    """B: every merge of two colours lowers H, by (p_i + p_j) H(split); the amount varies, the sign does not."""
    h = float(scipy.stats.entropy(P_TEN, base=2))
    drops = []
    for i in range(5):
        for j in range(i + 1, 5):
            drop = h - float(scipy.stats.entropy(merged(P_TEN, i, j), base=2))
            pair = P_TEN[i] + P_TEN[j]
            assert drop == pytest.approx(pair * scipy.stats.entropy([P_TEN[i] / pair, P_TEN[j] / pair], base=2))
            drops.append(drop)
    assert min(drops) == pytest.approx(0.2) and max(drops) == pytest.approx(0.6)


@pytest.mark.parametrize("answer", ["B", "b", " B "])
def test_02_6_accepts_b(answer):
    assert verdict("02.6", answer)[0] == "correct"


@pytest.mark.parametrize("answer, fragment", [
    ("A", "no news"),
    ("C", "which of the two"),
    ("D", "how much, not which way"),
])
def test_02_6_wrong_letters_get_a_hint_not_the_letter(answer, fragment):
    status, message = verdict("02.6", answer)
    assert status == "wrong"
    assert fragment in message
    assert not re.search(r"\bB\b", message.split(":", 1)[1])


@pytest.mark.parametrize("answer", ["E", "down", "", 2, ["B"], True, b"B"])
def test_02_6_non_letters_are_told_the_format(answer):
    status, message = verdict("02.6", answer)
    assert status == "wrong"
    assert "one of the letters 'A', 'B', 'C', 'D'" in message


@pytest.mark.parametrize("answer", [..., None])
def test_02_6_placeholder_is_not_answered(answer):
    assert verdict("02.6", answer)[0] == "not answered"
