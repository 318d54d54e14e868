r"""Checks for the exercises of lecture 02, *Entropy*.

The expected answers are computed here, from :mod:`coursekit`, and never
printed: a wrong answer gets a hint that points at the usual slip (nats
instead of bits, a lost minus sign, :math:`0 \log 0`, the entropy mistaken for
a code length) without saying the number.

- ``02.1`` the entropy, in bits, of the weather forecast :data:`FORECAST`;
- ``02.2`` the expected length of a Huffman code for the same forecast;
- ``02.3`` a function ``entropy_bits(p)`` written from scratch;
- ``02.4`` the true statement about entropy bounds, Huffman and Kraft.

Examples
--------
>>> from coursekit.exercises import verdict
>>> verdict("02.4", "A")[0]
'wrong'
>>> verdict("02.3", ...)[0]
'not answered'
"""

import math

import numpy as np

from coursekit.coding import expected_length, huffman_code
from coursekit.exercises import NotAnswered, as_real, call_student, choice_hint, exercise, number_hint
from coursekit.info import entropy

#: The forecast of exercises 02.1 and 02.2: sunny, cloudy, rainy, snowy.
FORECAST = {"sunny": 0.5, "cloudy": 0.2, "rainy": 0.2, "snowy": 0.1}

#: Distributions ``entropy_bits`` is tried on (02.3): plain lists and 1-D
#: arrays, with and without zeros, from no uncertainty to the uniform case.
ENTROPY_CASES = (
    [0.5, 0.5],
    [0.3, 0.3, 0.2, 0.1, 0.1],
    [0.5, 0.25, 0.25, 0.0],
    [1.0, 0.0, 0.0],
    np.array([0.25, 0.25, 0.25, 0.25]),
    np.array([0.7, 0.0, 0.2, 0.1]),
)

_LN2 = math.log(2)


def _forecast_entropy():
    return entropy(list(FORECAST.values()))


def _forecast_huffman_length():
    return expected_length(huffman_code(FORECAST), FORECAST)


@exercise("02.1", praise="that is the forecast's entropy, in bits per forecast.")
def _forecast_entropy_check(answer):
    """The entropy of :data:`FORECAST` in bits."""
    expected = _forecast_entropy()
    value = as_real(answer)
    if value is not None and value < 0:
        return "entropy is never negative: check the minus sign in H = -Σ p log p."
    return number_hint(answer, expected, unit="bits", slips=[
        (expected * _LN2, "that looks like nats (natural log); give the answer in bits, with log base 2."),
        (math.log2(len(FORECAST)), "that is log2 4, the most four outcomes can carry, reached only when they "
                                   "are equally likely; this forecast is not uniform."),
    ])


@exercise("02.2", praise="Huffman's code sits between H and H + 1, as promised.")
def _huffman_length_check(answer):
    """The expected length of Huffman's code for :data:`FORECAST`, in bits per symbol."""
    entropy_bits = _forecast_entropy()
    value = as_real(answer)
    hint = number_hint(answer, _forecast_huffman_length(), unit="bits", slips=[
        (entropy_bits, "that is the entropy, the lower bound; codewords have whole numbers of bits, "
                       "so build the code and average its lengths, Σ p_i ℓ_i."),
        (entropy_bits * _LN2, "that is the entropy in nats; the question asks for the average codeword "
                              "length in bits."),
        (2.0, "that is what a fixed-length code needs for four outcomes; Huffman's algorithm "
              "gives the likeliest outcome a shorter codeword."),
    ])
    if hint and hint.startswith("that is too small") and value < entropy_bits:
        return "no prefix-free code averages fewer bits than the entropy; recount the codeword lengths."
    return hint


def _show(p):
    return "[" + ", ".join(f"{float(x):g}" for x in p) + "]"


@exercise("02.3", praise="your entropy_bits handles zeros and agrees with coursekit.entropy.")
def _entropy_bits_check(func):
    """A from-scratch ``entropy_bits(p)``: bits, one number, 0 log 0 = 0."""
    if not callable(func):
        return (f"pass the function itself, entropy_bits (without calling it); "
                f"got {type(func).__name__}.")
    for p in ENTROPY_CASES:
        shown = _show(p)
        has_zero = any(float(x) == 0 for x in p)
        try:
            result = call_student(func, p)
        except NotAnswered:
            raise
        except Exception as exc:  # the student's code: report it, never crash
            if isinstance(p, list) and isinstance(exc, (TypeError, AttributeError)):
                note = " (a plain list: convert it first with np.asarray(p, dtype=float))"
            elif has_zero:
                note = " (it contains a 0: the term 0 log 0 is 0 by convention)"
            else:
                note = ""
            return f"your function raised {type(exc).__name__} for p = {shown}{note}."
        value = as_real(result)
        if value is None:
            if isinstance(result, (np.ndarray, list, tuple)) and np.size(result) > 1:
                return (f"for p = {shown} your function returns {np.size(result)} values; return one "
                        "number, the sum of the terms -p_i log2 p_i.")
            return f"return one number (a float); for p = {shown} you return a {type(result).__name__}."
        if math.isnan(value):
            if has_zero:
                return (f"your function returns NaN for p = {shown}: in floating point 0 * log 0 is "
                        "0 * (-inf) = nan, but by convention 0 log 0 = 0 (the limit of p log p as "
                        "p -> 0); leave out the zero terms, or use scipy.special.xlogy.")
            return f"your function returns NaN for p = {shown}."
        expected = entropy(p)
        if math.isclose(value, expected, rel_tol=1e-6, abs_tol=1e-9):
            continue
        if expected > 0 and math.isclose(value, expected * _LN2, rel_tol=1e-6):
            return f"for p = {shown} your function answers in nats; use log base 2 (np.log2) for bits."
        if expected > 0 and math.isclose(value, -expected, rel_tol=1e-6):
            return f"for p = {shown} your function returns a negative entropy; check the minus sign."
        if math.isinf(value):
            return (f"your function returns {value} for p = {shown}; a zero probability "
                    "must contribute 0, not -inf (0 log 0 = 0).")
        side = "large" if value > expected else "small"
        return f"for p = {shown} your function gives {value:.4f}, which is too {side}."
    return None


@exercise("02.4", praise="the entropy of n outcomes lies between 0 and log2 n bits.")
def _statement_check(answer):
    """Which statement holds? (see the lecture's exercise 4)"""
    return choice_hint(answer, "B", "ABCD", {
        "A": "add up 2^-ℓ over those four lengths and compare the sum with 1 (Kraft's inequality).",
        "C": "try a biased coin, p = (0.9, 0.1): how long is each Huffman codeword, and what is H(p)?",
        "D": ("Kraft's inequality speaks about lengths, not about one particular code: "
              "look at the code {a: '0', b: '01'}."),
    })
