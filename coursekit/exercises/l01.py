r"""Checks for the exercises of lecture 01, *Surprisal*.

The expected answers are computed here, from :func:`coursekit.info.surprisal`,
and never printed: a wrong answer gets a hint that names the usual slip
(nats instead of bits, a lost minus sign, the probability given instead of
its surprisal, a rounded value) without saying the number.

- ``01.1`` the surprisal, in bits, of drawing a face card from a full deck;
- ``01.2`` a function ``surprisal_bits(p)`` written from scratch with numpy;
- ``01.3`` the true statement about surprisal and its units;
- ``01.4`` a surprisal of :data:`NATS_TO_CONVERT` nats, expressed in bits.

Examples
--------
>>> from coursekit.exercises import verdict
>>> verdict("01.3", "A")[0]
'wrong'
>>> verdict("01.2", ...)[0]
'not answered'
"""

import math

import numpy as np

from coursekit.exercises import NotAnswered, as_real, call_student, choice_hint, exercise, number_hint
from coursekit.info import surprisal

#: Exercise 01.1: a face card (jack, queen or king, any suit) from a 52-card deck.
FACE_CARDS, DECK = 12, 52

#: Exercise 01.4: a surprisal in nats, to be expressed in bits.
NATS_TO_CONVERT = 2.0

#: Probabilities ``surprisal_bits`` is tried on (01.2): numbers first, then an
#: array, then the impossible event (whose surprisal is infinite).
SURPRISAL_CASES = (
    0.5,
    1.0,
    1 / 6,
    np.array([0.25, 0.125, 1.0]),
    np.array([[0.5, 1 / 1024]]),
    0.0,
)

_LN2 = math.log(2)
_LOG10_2 = math.log10(2)


def _close(a, b, rel=1e-3, abs_=1e-6):
    return math.isclose(a, b, rel_tol=rel, abs_tol=abs_)


def _bits_hint(answer, expected, probability=None, slips=()):
    """Judge a number of bits (01.1 and 01.4): ``None`` if right, else a hint.

    ``slips`` are ``(value, hint)`` pairs for the exercise's own likely wrong
    answers; then come the slips every such exercise shares (a minus sign,
    nats, log base 10, the probability instead of its surprisal, rounding).
    """
    value = as_real(answer)
    if value is not None and value < 0 and not _close(value, expected):
        return "a surprisal is never negative (p ≤ 1, so -log p ≥ 0): check the minus sign."
    shared = [
        (expected * _LN2, "that looks like nats (natural log); give the answer in bits, with log base 2."),
        (expected * _LOG10_2, "that looks like log base 10; bits need log base 2."),
    ]
    if probability is not None:
        shared.append((probability, "that is the probability itself; the surprisal is -log2 of it."))
    hint = number_hint(answer, expected, unit="bits", slips=[*slips, *shared])
    if hint and hint.startswith("that is too") and _close(value, expected, rel=0.02):
        return "close, but rounded too much: keep at least four decimals (or the unrounded value)."
    return hint


@exercise("01.1", praise="twelve face cards out of fifty-two, and the logarithm does the rest.")
def _face_card_check(answer):
    """The surprisal, in bits, of drawing a face card (J, Q or K) from a full deck."""
    p = FACE_CARDS / DECK
    return _bits_hint(answer, surprisal(p), probability=p, slips=[
        (surprisal(1 / DECK), "that is the surprisal of one particular card; here any of the "
                              "face cards will do, so count how many there are."),
        (surprisal(16 / DECK), "aces are not face cards: only jacks, queens and kings, in each "
                               "of the four suits."),
        (surprisal(3 / DECK), "the face card may be of any suit: count the jacks, queens and "
                              "kings of all four suits."),
    ])


def _show(p):
    """``p`` as the student would type it: 0.5, np.array([0.25, 0.125, 1])."""
    def nested(x):
        return "[" + ", ".join(nested(y) for y in x) + "]" if isinstance(x, list) else f"{x:g}"

    if isinstance(p, np.ndarray):
        return f"np.array({nested(p.tolist())})"
    return f"{p:g}"


def _as_float_array(result):
    """The student's result as a float array, or None if it is not numbers."""
    if isinstance(result, (str, bytes, bool)):
        return None
    try:
        arr = np.asarray(result, dtype=float)
    except (TypeError, ValueError):
        return None
    return arr


@exercise("01.2", praise="your surprisal_bits works on numbers and arrays, and agrees with coursekit.surprisal.")
def _surprisal_bits_check(func):
    """A from-scratch ``surprisal_bits(p)``: -log2 p, elementwise, inf for p = 0."""
    if not callable(func):
        return (f"pass the function itself, surprisal_bits (without calling it); "
                f"got {type(func).__name__}.")
    for p in SURPRISAL_CASES:
        shown = _show(p)
        try:
            result = call_student(func, p)
        except NotAnswered:
            raise
        except Exception as exc:  # the student's code: report it, never crash
            if isinstance(p, np.ndarray):
                note = ("; math.log2 takes one number, np.log2 works on a whole array, "
                        "element by element")
            elif p == 0:
                note = ("; an impossible event is infinitely surprising, and np.log2(0) gives "
                        "-inf where math.log2(0) raises")
            else:
                note = ""
            return f"your function raised {type(exc).__name__} for p = {shown}{note}."
        arr = _as_float_array(result)
        if arr is None:
            return f"return numbers; for p = {shown} you return a {type(result).__name__}."
        expected = np.asarray(surprisal(p), dtype=float)
        if arr.shape != expected.shape:
            wanted = ("one number" if expected.ndim == 0
                      else f"an array of shape {expected.shape}, one surprisal per probability")
            return f"for p = {shown} return {wanted}; you return shape {arr.shape}."
        if np.isnan(arr).any():
            return f"your function returns NaN for p = {shown}."
        finite = np.isfinite(expected)
        if np.array_equal(np.isinf(arr) & (arr > 0), ~finite) and np.allclose(
                arr[finite], expected[finite], rtol=1e-6, atol=1e-9):
            continue
        if not finite.all():
            if np.isneginf(arr).any():
                return f"your function returns -inf for p = {shown}; check the minus sign in -log2 p."
            return (f"for p = {shown} your function returns a finite number; an impossible event "
                    "is infinitely surprising (-log2 0 = inf, which np.log2 gives you).")
        positive = expected > 0
        if positive.any():
            ratio = arr[positive] / expected[positive]
            if np.allclose(ratio, _LN2, rtol=1e-6):
                return f"for p = {shown} your function answers in nats; use log base 2 (np.log2) for bits."
            if np.allclose(ratio, _LOG10_2, rtol=1e-6):
                return f"for p = {shown} your function uses log base 10; use log base 2 (np.log2) for bits."
            if np.allclose(ratio, -1.0, rtol=1e-6):
                return f"for p = {shown} your function returns a negative surprisal; check the minus sign."
        return f"for p = {shown} your function does not give -log2 p; try it by hand on p = 0.5 and p = 0.25."
    return None


@exercise("01.3", praise="each halving of the probability is one more fair-coin flip's worth of surprise.")
def _statement_check(answer):
    """Which statement holds? (see the lecture's exercise 3)"""
    return choice_hint(answer, "C", "ABCD", {
        "A": "compute -log2 0.5: how many bits is one fair coin flip?",
        "B": ("probabilities of independent events multiply; what does a logarithm turn a "
              "product into?"),
        "D": ("a nat is the larger unit (more than one bit), so the same surprisal takes "
              "fewer nats than bits; compare -ln 0.5 with -log2 0.5."),
    })


@exercise("01.4", praise="dividing by ln 2 turns nats into bits.")
def _nats_to_bits_check(answer):
    """A surprisal of :data:`NATS_TO_CONVERT` nats, in bits."""
    return _bits_hint(answer, NATS_TO_CONVERT / _LN2, slips=[
        (NATS_TO_CONVERT * _LN2, "you converted the wrong way: a bit is the smaller unit, so the "
                                 "same surprisal takes more bits than nats."),
        (NATS_TO_CONVERT, "that is the surprisal in nats, unchanged; convert it to bits."),
        (math.exp(-NATS_TO_CONVERT), "that is the probability of such an event; the question asks "
                                     "for its surprisal, in bits."),
    ])
