"""Checks for lecture 03, cross-entropy and KL divergence.

The expected answers are computed here from the exercise's data, never
written into the notebook, and no hint ever contains them.

Examples
--------
>>> from coursekit.exercises import verdict
>>> verdict("03.2", ...)[0]
'not answered'
>>> verdict("03.4", "A")[0]
'wrong'
"""

import numpy as np

from coursekit.exercises import LN2, Case, FunctionExercise, choice_hint, exercise, judge_function, number_hint
from coursekit.info import cross_entropy, entropy, kl_divergence

#: The pair of exercises 03.1 and 03.2: the world follows P, you believe Q.
P = (0.7, 0.2, 0.1)
Q = (0.4, 0.4, 0.2)


@exercise("03.1", praise="that is the expected surprisal, in bits, of believing q while the world follows p.")
def _cross_entropy_number(answer):
    """H(P, Q) in bits."""
    expected = cross_entropy(P, Q)
    return number_hint(answer, expected, unit="bits", slips=[
        (expected * LN2, "that looks like nats; the question asks for bits (use log base 2)."),
        (cross_entropy(Q, P), "you swapped the roles: the weights are the world's p_i, the logs are of your belief q_i."),
        (entropy(P), "that is H(p), the entropy of the world alone; the logarithm should be of q_i."),
        (kl_divergence(P, Q), "that is the KL divergence; the cross-entropy also includes H(p)."),
        (-expected, "mind the sign: a cross-entropy is never negative."),
    ])


@exercise("03.2", praise="that is how many extra bits per symbol believing q costs you.")
def _kl_number(answer):
    """D(P‖Q) in bits."""
    expected = kl_divergence(P, Q)
    return number_hint(answer, expected, unit="bits", slips=[
        (expected * LN2, "that looks like nats; the question asks for bits (use log base 2)."),
        (kl_divergence(Q, P), "that is D(q‖p): KL is not symmetric. Weight by the world's p_i and use log(p_i / q_i)."),
        (cross_entropy(P, Q), "that is the cross-entropy H(p, q); subtract H(p) from it."),
        (-expected, "mind the sign: D(p‖q) is never negative."),
    ])


#: Pairs the function of exercise 03.3 is tried on: (p, q).
KL_CASES = (
    ((0.7, 0.2, 0.1), (0.4, 0.4, 0.2)),  # an ordinary pair; the reverse direction differs
    ((0.5, 0.5, 0.0), (0.25, 0.25, 0.5)),  # p rules an outcome out: the 0 * log(0 / q) term is 0
    ((0.2, 0.3, 0.5), (0.2, 0.3, 0.5)),  # q = p
    ((0.0, 0.0, 0.0, 0.0, 0.0, 1.0), (0.0, 0.0, 0.0, 0.0, 0.0, 1.0)),  # the loaded die, known
    ((0.5, 0.5), (1.0, 0.0)),  # q rules out what p allows: infinite
)


_NAN_WITH_ZERO = ("you get NaN when some p_i = 0: the term p_i log(p_i / q_i) counts as 0 "
                  "there; skip those outcomes (or use scipy.special.xlogy / rel_entr).")
_NEEDS_INF = ("when some q_i = 0 while p_i > 0, the divergence is infinite: "
              "return float('inf') (np.inf) in that case.")


def _kl_case(p, q):
    """Case of 03.3: the student's function gets numpy arrays."""
    expected = kl_divergence(p, q)
    hints = {}
    if np.isinf(expected):  # anything but +inf gets the same hint, NaN included
        hints = {"nan": _NEEDS_INF, "inf": _NEEDS_INF, "wrong": _NEEDS_INF}
    elif 0.0 in p:
        hints = {"nan": _NAN_WITH_ZERO,
                 "wrong": "with a zero in p, the outcome p rules out must contribute nothing to the sum."}
    if p == q:
        hints["wrong"] = "when q = p the divergence must vanish; yours does not."
    label = f"p = {list(p)}, q = {list(q)}"
    return Case((np.array(p), np.array(q)), label, expected, hints=hints)


def _kl_slips(case):
    p, q = (tuple(a) for a in case.args)
    if case.expected > 0:
        yield case.expected * LN2, "that looks like nats; use log base 2 so the result is in bits."
    yield kl_divergence(q, p), "you computed D(q‖p): weight by p_i and take log(p_i / q_i)."


KL_BITS = FunctionExercise(
    name="kl_bits",
    cases=tuple(_kl_case(p, q) for p, q in KL_CASES),
    slips=_kl_slips,
    hints={
        "not_callable": "pass the function itself, kl_bits, not {type}.",
        "not_a_number": "kl_bits should return one number (a float), e.g. float(total).",
        "too_many": "kl_bits should return one number (a float), e.g. float(total).",
        "nan": "your function returns NaN on an ordinary pair; check the logarithm and the division.",
        "inf": "on an ordinary pair your value is off; compare with sum of p_i log2(p_i / q_i) by hand.",
        "wrong": "on an ordinary pair your value is off; compare with sum of p_i log2(p_i / q_i) by hand.",
    },
)


@exercise("03.3", praise="finite with zeros in p, zero at q = p, infinite where q rules out what p allows.")
def _kl_function(func):
    """A from-scratch ``kl_bits(p, q)``: D(p‖q) in bits."""
    return judge_function(func, KL_BITS)


@exercise("03.4", praise="equality holds only when your belief is the truth.")
def _statement(answer):
    """Which statement is true? (B)"""
    return choice_hint(answer, "B", "ABCD", {
        "A": "try p = (0.5, 0.5) and q = (0.9, 0.1), then swap them: are the two divergences equal?",
        "C": "when q = p the cross-entropy becomes H(p); is H(p) zero for a fair coin?",
        "D": "code lengths are whole numbers of bits; what if -log2 q_i is not an integer?",
    })
