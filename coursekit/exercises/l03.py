"""Checks for lecture 03, cross-entropy and KL divergence.

The expected answers are computed here from the exercise's data, never
written into the notebook, and no hint ever contains them.

- ``03.1`` and ``03.2``: :math:`H(p, q)` and :math:`D(p\\|q)` in bits;
- ``03.3``: a function ``kl_bits(p, q)`` written from scratch;
- ``03.4``: which statement is true (Gibbs' inequality);
- ``03.5`` *construct*: a pair ``(p, q)``, both divergences finite, with
  :math:`D(p\\|q)` more than twice :math:`D(q\\|p)`;
- ``03.6``: :math:`H(Y \\mid X)` in bits of the joint table :data:`JOINT`
  (X on the rows), with the slips of the wrong axis, the unweighted average
  and the chain rule left half done;
- ``03.7`` *predict*: where the forward-KL Gaussian fit of an unequal
  mixture puts its mean.

Examples
--------
>>> from coursekit.exercises import verdict
>>> verdict("03.2", ...)[0]
'not answered'
>>> verdict("03.4", "A")[0]
'wrong'
>>> verdict("03.5", ([0.5, 0.5], [0.5, 0.5]))[0]
'wrong'
"""

import numpy as np

from coursekit.exercises import LN2, Case, FunctionExercise, as_real, choice_hint, exercise, judge_function, number_hint
from coursekit.info import cross_entropy, entropy, kl_divergence
from coursekit.joint import conditional_entropy, joint_entropy, mutual_information

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


# 03.5: construct a pair whose divergences differ more than twofold -------------

#: 03.5 asks for D(p‖q) > RATIO * D(q‖p), both finite.
RATIO = 2.0
#: More outcomes than this is not an example any more (and keeps the check fast).
MAX_OUTCOMES = 100


def _as_distribution(values, name):
    """``values`` as a 1-D float array of probabilities, or a hint (str) saying what is wrong."""
    if not isinstance(values, (list, tuple, np.ndarray)) or getattr(values, "ndim", 1) != 1:
        return f"{name} should be a list of probabilities such as [0.5, 0.5], not {type(values).__name__}."
    if not 2 <= len(values) <= MAX_OUTCOMES:
        return f"{name} should have between 2 and {MAX_OUTCOMES} probabilities; it has {len(values)}."
    numbers = [as_real(v) for v in values]
    if any(v is None for v in numbers):
        return f"every entry of {name} should be one number (int or float), no strings, lists or bools."
    arr = np.array(numbers)
    if not np.isfinite(arr).all():
        return f"every entry of {name} should be finite: no NaN and no inf."
    if (arr < 0).any():
        return f"{name} has a negative entry; probabilities are at least 0."
    if abs(arr.sum() - 1) > 1e-6:
        return f"{name} should sum to 1; yours sums to {arr.sum():.6g}."
    return arr


def _pair(answer):
    """``answer`` as two distributions of the same length, or a hint (str)."""
    if not isinstance(answer, (list, tuple, np.ndarray)) or getattr(answer, "ndim", 1) == 0 or len(answer) != 2:
        return "give a pair (p, q): two lists of probabilities, e.g. ([0.5, 0.5], [0.9, 0.1])."
    p, q = (_as_distribution(values, name) for values, name in zip(answer, "pq"))
    for arr in (p, q):
        if isinstance(arr, str):
            return arr
    if len(p) != len(q):
        return f"p and q should cover the same outcomes; p has {len(p)} and q has {len(q)}."
    return p, q


@exercise("03.5", praise="you found the direction that pays for every outcome q makes rare but p does not.")
def _asymmetry_check(answer):
    """Construct (p, q), both divergences finite, with D(p‖q) > RATIO * D(q‖p)."""
    pair = _pair(answer)
    if isinstance(pair, str):
        return pair
    p, q = pair
    if ((p > 0) != (q > 0)).any():
        return ("one of the two divergences is infinite (one distribution gives 0 to an outcome the other "
                "allows); keep both finite: give the same outcomes positive probability in both.")
    forward, backward = kl_divergence(p, q), kl_divergence(q, p)
    if forward > RATIO * backward and forward > 1e-9:
        return None
    if forward <= 1e-9:
        return "p and q are (nearly) the same distribution: both divergences are 0. Make them differ."
    ours = f"your pair has D(p‖q) = {forward:.4f} bits and D(q‖p) = {backward:.4f} bits"
    if forward <= backward:
        return (f"{ours}: the wrong way round, or equal. D(p‖q) weights log(p_i / q_i) by p_i: "
                "which outcomes make it large?")
    return (f"{ours}: the right direction, but not {RATIO:g} times. Make q small on an outcome "
            "that p gives a lot of probability to.")


# 03.6: H(Y | X) of a joint table --------------------------------------------------

#: The joint table of 03.6: X (2 values) on the rows, Y (3 values) on the columns.
JOINT = ((0.40, 0.10, 0.10),
         (0.05, 0.05, 0.30))


def _unweighted_rows(pxy):
    """The slip of averaging the rows' entropies without the weights p(x)."""
    return float(np.mean([entropy(np.divide(row, sum(row))) for row in pxy]))


@exercise("03.6", praise="that is what is left to learn about Y once you know X.")
def _conditional_entropy_check(answer):
    """H(Y | X) in bits of JOINT, X on axis 0."""
    table = np.array(JOINT)
    expected = conditional_entropy(table)
    return number_hint(answer, expected, unit="bits", slips=[
        (conditional_entropy(table.T), "that is H(X | Y): X is on the rows, so condition on the rows, "
                                       "renormalising each row to p(y | x)."),
        (expected * LN2, "that looks like nats; the question asks for bits (use log base 2)."),
        (_unweighted_rows(JOINT), "you averaged the rows' entropies equally; weight each row's "
                                  "H(Y | X = x) by p(x), the row's sum."),
        (joint_entropy(table), "that is the joint entropy H(X, Y); by the chain rule, subtract H(X)."),
        (entropy(table.sum(axis=0)), "that is H(Y), the entropy of Y alone; knowing X should leave less."),
        (entropy(table.sum(axis=1)), "that is H(X); the chain rule gives H(Y | X) = H(X, Y) - H(X)."),
        (mutual_information(table), "that is the mutual information I(X; Y) = H(Y) - H(Y | X)."),
        (-expected, "mind the sign: an entropy is never negative."),
    ])


# 03.7: predict the forward-KL fit of an unequal mixture ---------------------------

#: The mixture of 03.7: weights, means and the common standard deviation of its two Gaussians.
MIXTURE_WEIGHTS, MIXTURE_MEANS, MIXTURE_SD = (0.8, 0.2), (-2.0, 2.0), 0.6


@exercise("03.7", praise="the forward fit matches p's mean (and variance), so it sits between the modes, "
                         "pulled towards the heavier one.")
def _forward_fit_check(answer):
    """Predict the mean of the Gaussian minimising D(p‖q) for the unequal mixture. (B)"""
    return choice_hint(answer, "B", "ABCD", {
        "A": ("sitting on one mode is what the reverse direction D(q‖p) tends to do. The forward "
              "direction must cover both modes; which of p's numbers did its fit reproduce?"),
        "C": ("halfway between the modes ignores the weights 0.8 and 0.2. Which of p's numbers did "
              "the forward fit reproduce in the lecture?"),
        "D": "the mode at +2 holds only 0.2 of the probability; why would q move there?",
    })
