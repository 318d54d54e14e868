r"""Checks for the exercises of lecture 02, *Entropy*.

The expected answers are computed here, from :mod:`coursekit`, and never
printed: a wrong answer gets a hint that points at the usual slip (nats
instead of bits, a lost minus sign, :math:`0 \log 0`, the entropy mistaken for
a code length) without saying the number.

- ``02.1`` the entropy, in bits, of the weather forecast :data:`FORECAST`;
- ``02.2`` the expected length of a Huffman code for the same forecast;
- ``02.3`` a function ``entropy_bits(p)`` written from scratch;
- ``02.4`` the true statement about entropy bounds, Huffman and Kraft;
- ``02.5`` *construct*: a distribution on :data:`CONSTRUCT_OUTCOMES` outcomes
  whose entropy is exactly :data:`CONSTRUCT_BITS` bits;
- ``02.6`` *predict*: does the entropy of the ten-ball box go up, down or stay
  the same when two of its colours are painted alike (merged)?

Examples
--------
>>> from coursekit.exercises import verdict
>>> verdict("02.4", "A")[0]
'wrong'
>>> verdict("02.3", ...)[0]
'not answered'
>>> verdict("02.5", [0.25, 0.25, 0.25, 0.25]).hint
'its entropy is 2.0000 bits, more than 1.5: make it less even (move probability onto fewer outcomes).'
"""

import math
from collections.abc import Mapping

import numpy as np
from scipy import special

from coursekit.coding import expected_length, huffman_code
from coursekit.exercises import (
    LN2,
    Case,
    FunctionExercise,
    Tolerance,
    as_real,
    choice_hint,
    exercise,
    is_close,
    judge_function,
    number_hint,
)
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


#: Exercise 02.5: the number of outcomes and the entropy (bits) to construct.
CONSTRUCT_OUTCOMES = 4
CONSTRUCT_BITS = 1.5
#: The entropy must come within a ten-thousandth of a bit (a search may stop there);
#: the probabilities must add up to 1 in floating point.
CONSTRUCT_TOL = Tolerance(rel=0.0, abs=1e-4)
SUM_TOL = Tolerance(rel=0.0, abs=1e-6)


def _as_vector(answer):
    """``answer`` as a float array if it is an array of real numbers (no bools), else a hint."""
    n = CONSTRUCT_OUTCOMES
    if isinstance(answer, Mapping):
        return f"give the {n} probabilities as a list, [p1, ..., p{n}], not a dict (list(d.values()) does it)."
    try:
        raw = np.asarray(answer)
        # numpy turns [True, 0.5, ...] into floats silently, so look at the elements too.
        has_bool = raw.dtype.kind == "b" or (
            isinstance(answer, (list, tuple)) and any(isinstance(x, (bool, np.bool_)) for x in answer))
    except Exception:  # an object numpy cannot read, or a list that cannot be iterated
        raw, has_bool = np.asarray(None), False
    if has_bool:
        return "give numbers, not True/False."
    if raw.dtype.kind == "c":
        return "probabilities are real numbers, not complex ones."
    if raw.dtype.kind not in "iuf":
        return f"give the distribution as a list or array of {n} numbers, not {type(answer).__name__}."
    p = raw.astype(float)
    if p.shape != (n,):
        return f"give {n} probabilities, one per outcome (a 0 is allowed); your answer has shape {p.shape}."
    if not np.isfinite(p).all():
        return "use finite numbers: every probability lies between 0 and 1."
    return p


def _unnormalised_hint(p, bits):
    total = float(p.sum())
    if is_close(total, 100.0, SUM_TOL):
        return "those look like percentages (they add up to 100): give probabilities, which add up to 1."
    if is_close(bits, CONSTRUCT_BITS, CONSTRUCT_TOL):
        return (f"-Σ p log2 p of your numbers is {CONSTRUCT_BITS:g}, but they add up to {total:.6g}, not 1: "
                "entropy is defined for a distribution.")
    return f"your numbers add up to {total:.6g}; a distribution adds up to 1."


@exercise("02.5", praise="an entropy of exactly 1.5 bits on four outcomes: the surprisals, averaged, give it.")
def _construct_entropy_check(answer):
    """Construct: CONSTRUCT_OUTCOMES probabilities whose entropy is CONSTRUCT_BITS bits."""
    p = _as_vector(answer)
    if isinstance(p, str):
        return p
    if (p < 0).any():
        return "a probability is never negative."
    bits = float(-special.xlogy(p, p).sum() / LN2)
    if not is_close(float(p.sum()), 1.0, SUM_TOL):
        return _unnormalised_hint(p, bits)
    if is_close(bits, CONSTRUCT_BITS, CONSTRUCT_TOL):
        return None
    if is_close(expected_length(huffman_code(p), p), CONSTRUCT_BITS, CONSTRUCT_TOL):
        return (f"Huffman's code for it averages {CONSTRUCT_BITS:g} bits per draw, but its entropy is "
                f"{bits:.4f} bits: entropy is -Σ p log2 p, not a length in whole bits.")
    if bits > CONSTRUCT_BITS:
        return (f"its entropy is {bits:.4f} bits, more than {CONSTRUCT_BITS:g}: make it less even "
                "(move probability onto fewer outcomes).")
    return f"its entropy is {bits:.4f} bits, less than {CONSTRUCT_BITS:g}: spread the probability more evenly."


@exercise("02.6", praise="merging two outcomes never adds news: the draw no longer says which of the two it was.")
def _merge_prediction_check(answer):
    """Predict: paint two colours of the ten-ball box alike; does H go up (A), down (B), stay (C), depend (D)?"""
    return choice_hint(answer, "B", "ABCD", {
        "A": ("painting two colours alike adds no outcome and no news: after painting, what can a draw "
              "still tell you, and what not?"),
        "C": ("before painting, a draw of either colour also told you which of the two it was; "
              "after painting, does it still?"),
        "D": ("which two you paint changes by how much, not which way: try the two least likely "
              "and the two most likely in your head."),
    })
