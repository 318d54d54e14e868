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
