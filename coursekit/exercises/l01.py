r"""Checks for the exercises of lecture 01, *Surprisal*.

The expected answers are computed here, from :func:`coursekit.info.surprisal`,
and never printed: a wrong answer gets a hint that names the usual slip
(nats instead of bits, a lost minus sign, the probability given instead of
its surprisal, a rounded value) without saying the number.

- ``01.1`` the surprisal, in bits, of drawing a face card from a full deck;
- ``01.2`` a function ``surprisal_bits(p)`` written from scratch with numpy;
- ``01.3`` the true statement about surprisal and its units;
- ``01.4`` a surprisal of :data:`NATS_TO_CONVERT` nats, expressed in bits;
- ``01.5`` *construct*: the probabilities of two independent events, neither
  certain, whose joint surprisal is exactly :data:`JOINT_TARGET_BITS` bits;
- ``01.6`` *predict*: how many times larger the surprisal of probability
  :data:`PREDICT_RARE` is than that of :data:`PREDICT_COMMON` (it is 3, in any unit).

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

from coursekit.exercises import (
    LN2, LOG10_2, Case, FunctionExercise, Tolerance, as_real, choice_hint, exercise, is_close,
    judge_function, number_hint,
)
from coursekit.info import surprisal

#: Exercise 01.1: a face card (jack, queen or king, any suit) from a 52-card deck.
FACE_CARDS, DECK = 12, 52

#: Exercise 01.4: a surprisal in nats, to be expressed in bits.
NATS_TO_CONVERT = 2.0

#: Exercise 01.5: the joint surprisal, in bits, of the two events to construct.
JOINT_TARGET_BITS = 5.0

#: Exercise 01.6: two probabilities whose surprisals the student compares before running.
PREDICT_RARE, PREDICT_COMMON = 1e-6, 1e-2

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


def _bits_hint(answer, expected, probability=None, slips=()):
    """Judge a number of bits (01.1 and 01.4): ``None`` if right, else a hint.

    ``slips`` are ``(value, hint)`` pairs for the exercise's own likely wrong
    answers; then come the slips every such exercise shares (a minus sign,
    nats, log base 10, the probability instead of its surprisal); a rounded
    value is named by :func:`number_hint` itself.
    """
    value = as_real(answer)
    if value is not None and value < 0 and not is_close(value, expected):
        return "a surprisal is never negative (p ≤ 1, so -log p ≥ 0): check the minus sign."
    shared = [
        (expected * LN2, "that looks like nats (natural log); give the answer in bits, with log base 2."),
        (expected * LOG10_2, "that looks like log base 10; bits need log base 2."),
    ]
    if probability is not None:
        shared.append((probability, "that is the probability itself; the surprisal is -log2 of it."))
    return number_hint(answer, expected, unit="bits", slips=[*slips, *shared])


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


def _surprisal_case(p):
    if isinstance(p, np.ndarray):
        note = "; math.log2 takes one number, np.log2 works on a whole array, element by element"
    elif p == 0:
        note = ("; an impossible event is infinitely surprising, and np.log2(0) gives "
                "-inf where math.log2(0) raises")
    else:
        note = ""
    slips = ((-np.inf, f"your function returns -inf for p = {_show(p)}; check the minus sign in -log2 p."),)
    return Case((p,), f"p = {_show(p)}", surprisal(p), slips=slips if np.ndim(p) == 0 and p == 0 else (),
                note=note)


def _surprisal_slips(case):
    """Wrong bases and a lost sign, as multiples of the true surprisal."""
    for factor, slip in ((LN2, "answers in nats; use log base 2 (np.log2) for bits"),
                         (LOG10_2, "uses log base 10; use log base 2 (np.log2) for bits"),
                         (-1.0, "returns a negative surprisal; check the minus sign")):
        if np.any(np.isfinite(case.expected) & (np.asarray(case.expected) > 0)):
            yield np.asarray(case.expected) * factor, f"for {case.label} your function {slip}."


def _shape_hint(label, expected_ndim, expected_shape, shape, **_):
    wanted = ("one number" if expected_ndim == 0
              else f"an array of shape {expected_shape}, one surprisal per probability")
    return f"for {label} return {wanted}; you return shape {shape}."


def _infinity_hint(label, value, finiteness, **_):
    if finiteness == "infinite":
        return (f"for {label} your function returns a finite number; an impossible event "
                "is infinitely surprising (-log2 0 = inf, which np.log2 gives you).")
    return f"for {label} your function does not give -log2 p; try it by hand on p = 0.5 and p = 0.25."


SURPRISAL_BITS = FunctionExercise(
    name="surprisal_bits",
    cases=tuple(_surprisal_case(p) for p in SURPRISAL_CASES),
    returns="array",
    slips=_surprisal_slips,
    hints={
        "not_a_number": "return numbers; for {label} you return a {type}.",
        "shape": _shape_hint,
        "inf": _infinity_hint,
        "wrong": "for {label} your function does not give -log2 p; try it by hand on p = 0.5 and p = 0.25.",
    },
)


@exercise("01.2", praise="your surprisal_bits works on numbers and arrays, and agrees with coursekit.surprisal.")
def _surprisal_bits_check(func):
    """A from-scratch ``surprisal_bits(p)``: -log2 p, elementwise, inf for p = 0."""
    return judge_function(func, SURPRISAL_BITS)


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
    return _bits_hint(answer, NATS_TO_CONVERT / LN2, slips=[
        (NATS_TO_CONVERT * LN2, "you converted the wrong way: a bit is the smaller unit, so the "
                                 "same surprisal takes more bits than nats."),
        (NATS_TO_CONVERT, "that is the surprisal in nats, unchanged; convert it to bits."),
        (math.exp(-NATS_TO_CONVERT), "that is the probability of such an event; the question asks "
                                     "for its surprisal, in bits."),
    ])


#: 01.5 says "exactly": a product typed to four significant digits still passes.
NEARLY_EXACT = Tolerance(rel=1e-4, abs=1e-9)
_TARGET = f"{JOINT_TARGET_BITS:g}"


def _pair_of_numbers(answer):
    """``answer`` as a list of two floats if it is a pair of real numbers, else None."""
    if isinstance(answer, np.ndarray):
        items = list(answer) if answer.ndim == 1 else None
    elif isinstance(answer, (tuple, list)):
        items = list(answer)
    else:
        items = None
    if items is None or len(items) != 2:
        return None
    values = [as_real(item) for item in items]
    return None if None in values else values


def _bits(x):
    """-log2 x for x > 0, inf for an underflowed 0 (no validation: x is the student's, checked already)."""
    return math.inf if x == 0 else -math.log2(x)


def _joint_slips(p_a, p_b):
    """Hints for pairs that hit the target with the wrong rule or the wrong unit."""
    s_a, s_b, joint = _bits(p_a), _bits(p_b), _bits(p_a * p_b)
    return [
        (joint * LN2, f"together they surprise you {_TARGET} nats, not {_TARGET} bits: measure in bits, "
                      "with log base 2."),
        (joint * LOG10_2, f"that is {_TARGET} in log base 10 (hartleys); the exercise asks for bits."),
        (_bits(p_a + p_b), "you made the probabilities add up; for independent events they multiply."),
        (s_a if is_close(s_a, JOINT_TARGET_BITS, NEARLY_EXACT) else s_b,
         f"one event alone already surprises you {_TARGET} bits; the two together must."),
        (s_a * s_b, f"the product of their surprisals is {_TARGET}, but surprisals of independent events add."),
    ]


@exercise("01.5", praise="probabilities multiply to 2^-5, so the surprisals add up to 5 bits.")
def _joint_surprisal_check(answer):
    """Two probabilities in (0, 1), each < 1, whose joint surprisal is JOINT_TARGET_BITS bits."""
    pair = _pair_of_numbers(answer)
    if pair is None:
        return "give the two probabilities as a pair of numbers, (p_a, p_b)."
    if any(math.isnan(p) for p in pair):
        return "one of your numbers is NaN; give two probabilities."
    if all(p > 1 for p in pair) and is_close(sum(pair), JOINT_TARGET_BITS, NEARLY_EXACT):
        return (f"those look like two surprisals in bits, which do add up to {_TARGET}; give the "
                "probabilities of the two events instead.")
    if any(not 0 < p <= 1 for p in pair):
        return ("a probability lies between 0 and 1, and an event of probability 0 would surprise "
                "you infinitely: give two probabilities p with 0 < p < 1.")
    if any(p == 1 for p in pair):
        return "a certain event (p = 1) adds no surprise at all: make both events uncertain, p < 1."
    joint = _bits(pair[0] * pair[1])
    if is_close(joint, JOINT_TARGET_BITS, NEARLY_EXACT):
        return None
    for value, hint in _joint_slips(*pair):
        if is_close(value, JOINT_TARGET_BITS, NEARLY_EXACT):
            return hint
    if is_close(joint, JOINT_TARGET_BITS, Tolerance(rel=1e-2, abs=0.0)):
        return (f"together they surprise you {joint:.4f} bits, close to {_TARGET} but not exactly: keep more "
                "digits, or choose probabilities whose product you can write exactly.")
    side = "more" if joint > JOINT_TARGET_BITS else "less"
    return (f"together they surprise you {joint:.4f} bits, {side} than {_TARGET}: the joint surprisal "
            "is s(p_a) + s(p_b) = -log2(p_a p_b).")


@exercise("01.6", praise="a million is a hundred cubed, so the surprisal is three times as large, in any unit.")
def _surprisal_ratio_check(answer):
    """Predict: s(PREDICT_RARE) / s(PREDICT_COMMON)."""
    return choice_hint(answer, "C", "ABCD", {
        "A": ("10 000 is how many times rarer the event is (the ratio of the 1/p); the surprisal "
              "is the log of 1/p. Write 10^-6 as a power of 10^-2."),
        "B": ("6 - 2 = 4 is the difference of the exponents: it gives the difference of the two "
              "surprisals (in log base 10), and the question asks for their ratio."),
        "D": ("changing the base multiplies every surprisal by the same constant, 1/ln b; in a "
              "ratio of two surprisals it cancels."),
    })
