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

import math

import numpy as np

from coursekit.exercises import as_real, call_student, choice_hint, exercise, number_hint
from coursekit.info import cross_entropy, entropy, kl_divergence

#: The pair of exercises 03.1 and 03.2: the world follows P, you believe Q.
P = (0.7, 0.2, 0.1)
Q = (0.4, 0.4, 0.2)

LN2 = math.log(2)


def _close(a, b):
    return math.isclose(a, b, rel_tol=1e-3, abs_tol=1e-9)


@exercise("03.1", praise="that is the expected surprisal, in bits, of believing q while the world follows p.")
def _cross_entropy_number(answer):
    """H(P, Q) in bits."""
    expected = cross_entropy(P, Q)
    return number_hint(answer, expected, abs_=1e-9, unit="bits", slips=[
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
    return number_hint(answer, expected, abs_=1e-9, unit="bits", slips=[
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


def _call(func, p, q):
    """The student's ``func(p, q)`` on numpy arrays, as a float (None if not one number)."""
    return as_real(call_student(func, np.array(p), np.array(q)))


@exercise("03.3", praise="finite with zeros in p, zero at q = p, infinite where q rules out what p allows.")
def _kl_function(func):
    """A from-scratch ``kl_bits(p, q)``: D(p‖q) in bits."""
    if not callable(func):
        return f"pass the function itself, kl_bits, not {type(func).__name__}."
    for p, q in KL_CASES:
        expected = kl_divergence(p, q)
        value = _call(func, p, q)
        if value is None:
            return "kl_bits should return one number (a float), e.g. float(total)."
        if math.isinf(expected):
            if not (math.isinf(value) and value > 0):
                return ("when some q_i = 0 while p_i > 0, the divergence is infinite: "
                        "return float('inf') (np.inf) in that case.")
            continue
        if math.isnan(value):
            if 0.0 in p:
                return ("you get NaN when some p_i = 0: the term p_i log(p_i / q_i) counts as 0 "
                        "there; skip those outcomes (or use scipy.special.xlogy / rel_entr).")
            return "your function returns NaN on an ordinary pair; check the logarithm and the division."
        if _close(value, expected):
            continue
        if _close(value, expected * LN2) and expected > 0:
            return "that looks like nats; use log base 2 so the result is in bits."
        if _close(value, kl_divergence(q, p)) and not _close(expected, kl_divergence(q, p)):
            return "you computed D(q‖p): weight by p_i and take log(p_i / q_i)."
        if p == q:
            return "when q = p the divergence must vanish; yours does not."
        if 0.0 in p:
            return "with a zero in p, the outcome p rules out must contribute nothing to the sum."
        return "on an ordinary pair your value is off; compare with sum of p_i log2(p_i / q_i) by hand."
    return None


@exercise("03.4", praise="equality holds only when your belief is the truth.")
def _statement(answer):
    """Which statement is true? (B)"""
    return choice_hint(answer, "B", "ABCD", {
        "A": "try p = (0.5, 0.5) and q = (0.9, 0.1), then swap them: are the two divergences equal?",
        "C": "when q = p the cross-entropy becomes H(p); is H(p) zero for a fair coin?",
        "D": "code lengths are whole numbers of bits; what if -log2 q_i is not an integer?",
    })
