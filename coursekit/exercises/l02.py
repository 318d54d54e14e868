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
from coursekit.exercises import LN2, Case, FunctionExercise, as_real, choice_hint, exercise, judge_function, number_hint
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
        (expected * LN2, "that looks like nats (natural log); give the answer in bits, with log base 2."),
        (math.log2(len(FORECAST)), "that is log2 4, the most four outcomes can carry, reached only when they "
                                   "are equally likely; this forecast is not uniform."),
        (_forecast_huffman_length(), "that is the average codeword length of Huffman's code for this "
                                     "forecast; the entropy is -Σ p log2 p, with no rounding to whole bits."),
    ])


@exercise("02.2", praise="Huffman's code sits between H and H + 1, as promised.")
def _huffman_length_check(answer):
    """The expected length of Huffman's code for :data:`FORECAST`, in bits per symbol."""
    entropy_bits = _forecast_entropy()
    value = as_real(answer)
    hint = number_hint(answer, _forecast_huffman_length(), unit="bits", slips=[
        (entropy_bits, "that is the entropy, the lower bound; codewords have whole numbers of bits, "
                       "so build the code and average its lengths, Σ p_i ℓ_i."),
        (entropy_bits * LN2, "that is the entropy in nats; the question asks for the average codeword "
                              "length in bits."),
        (2.0, "that is what a fixed-length code needs for four outcomes; Huffman's algorithm "
              "gives the likeliest outcome a shorter codeword."),
    ])
    if hint and hint.startswith("that is too small") and value < entropy_bits:
        return "no prefix-free code averages fewer bits than the entropy; recount the codeword lengths."
    return hint


def _show(p):
    return "[" + ", ".join(f"{float(x):g}" for x in p) + "]"


def _entropy_case(p):
    has_zero = any(float(x) == 0 for x in p)
    zero_note = " (it contains a 0: the term 0 log 0 is 0 by convention)" if has_zero else ""

    def note(error):
        if isinstance(p, list) and isinstance(error, (TypeError, AttributeError)):
            return " (a plain list: convert it first with np.asarray(p, dtype=float))"
        return zero_note

    hints = {"nan": ("your function returns NaN for {label}: in floating point 0 * log 0 is "
                     "0 * (-inf) = nan, but by convention 0 log 0 = 0 (the limit of p log p as "
                     "p -> 0); leave out the zero terms, or use scipy.special.xlogy.")} if has_zero else {}
    return Case((p,), f"p = {_show(p)}", entropy(p), hints=hints, note=note)


def _entropy_slips(case):
    if case.expected > 0:
        yield case.expected * LN2, f"for {case.label} your function answers in nats; use log base 2 (np.log2) for bits."
        yield -case.expected, f"for {case.label} your function returns a negative entropy; check the minus sign."


ENTROPY_BITS = FunctionExercise(
    name="entropy_bits",
    cases=tuple(_entropy_case(p) for p in ENTROPY_CASES),
    slips=_entropy_slips,
    hints={
        "not_a_number": "return one number (a float); for {label} you return a {type}.",
        "too_many": ("for {label} your function returns {size} values; return one "
                     "number, the sum of the terms -p_i log2 p_i."),
        "inf": ("your function returns {value} for {label}; a zero probability "
                "must contribute 0, not -inf (0 log 0 = 0)."),
        "wrong": "for {label} your function gives {value:.4f}, which is too {side}.",
    },
)


@exercise("02.3", praise="your entropy_bits handles zeros and agrees with coursekit.entropy.")
def _entropy_bits_check(func):
    """A from-scratch ``entropy_bits(p)``: bits, one number, 0 log 0 = 0."""
    return judge_function(func, ENTROPY_BITS)


@exercise("02.4", praise="the entropy of n outcomes lies between 0 and log2 n bits.")
def _statement_check(answer):
    """Which statement holds? (see the lecture's exercise 4)"""
    return choice_hint(answer, "B", "ABCD", {
        "A": "add up 2^-ℓ over those four lengths and compare the sum with 1 (Kraft's inequality).",
        "C": "try a biased coin, p = (0.9, 0.1): how long is each Huffman codeword, and what is H(p)?",
        "D": ("Kraft's inequality speaks about lengths, not about one particular code: "
              "look at the code {a: '0', b: '01'}."),
    })
