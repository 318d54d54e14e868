r"""Checks for lecture 05, maximum likelihood.

05.1  the maximum-likelihood estimate of a coin's θ from 7 heads in 25 flips;
05.2  the average negative log-likelihood of those flips at that θ, in nats;
05.3  ``bernoulli_nll(theta, flips)``, the average NLL of 0/1 flips, in nats;
05.4  which statement about likelihood, cross-entropy and KL is true;
05.5  *construct*: the constant c in −log Laplace(y; ŷ, b = 3) = |y − ŷ|/3 + c, in nats
      (the mean absolute error is the Laplace NLL up to a scale and c);
05.6  *predict*: what duplicating every training example does to the length of a MAP
      (L2-penalised) logistic-regression weight vector on separable data.

Expected values are computed here, never written in a notebook, and no hint
contains them.

Examples
--------
>>> from coursekit.exercises import verdict
>>> verdict("05.5", 0.0)[0], verdict("05.6", ...)[0]
('wrong', 'not answered')
"""

import math

import numpy as np

from coursekit.exercises import (
    COMPUTED, LN2, Case, FunctionExercise, as_real, choice_hint, exercise, judge_function, number_hint,
)
from coursekit.info import cross_entropy

HEADS, FLIPS = 7, 25


def _coin_average_nll(theta, k, n):
    """Average NLL in nats of k heads in n flips under Bernoulli(theta): the cross-entropy
    between the empirical distribution (k/n, 1 - k/n) and the model (theta, 1 - theta)."""
    return cross_entropy([k / n, 1 - k / n], [theta, 1 - theta], base=math.e)


@exercise("05.1", praise="the MLE of a coin is the fraction of heads.")
def _coin_mle(answer):
    expected = HEADS / FLIPS
    value = as_real(answer)
    if value is not None and (value < 0 or value > 1):
        return "θ is a probability, so it lies between 0 and 1; you may have given a count."
    return number_hint(answer, expected, tol=COMPUTED,
                       advice="Maximise k log θ + (n − k) log(1 − θ): set its derivative to zero.", slips=[
        (1 - expected, "θ is the probability of heads; check which outcome you counted."),
    ])


@exercise("05.2", praise="at the MLE the average NLL is the entropy of the data's frequencies.")
def _nll_at_mle(answer):
    expected = _coin_average_nll(HEADS / FLIPS, HEADS, FLIPS)
    return number_hint(answer, expected, unit="nats", slips=[
        (expected / LN2, "that looks like bits (log base 2); the question asks for nats (natural log)."),
        (expected * FLIPS, "that is the total over all 25 flips; the question asks for the average per flip."),
        (-expected, "check the sign: a negative log-likelihood of probabilities below 1 is positive."),
        (LN2, "that is the value at θ = 0.5 (any data give it there); use the MLE θ̂."),
    ])


#: (theta, flips) on which a student's bernoulli_nll is tried, with what each case teaches.
NLL_CASES = [
    (0.5, [1, 0, 1, 1], "θ = 0.5"),
    (0.3, [1, 0, 0, 0, 1, 0, 0], "θ = 0.3 on seven flips"),
    (0.9, [0, 0, 1], "θ = 0.9 on mostly tails"),
    (0.25, np.array([1.0, 1.0, 0.0, 1.0]), "flips given as a float array"),
    (0.7, [1], "a single flip"),
    (0.0, [0, 0, 0], "θ = 0 and no heads (0 · log 0 counts as 0)"),
    (1.0, [1, 1], "θ = 1 and only heads (0 · log 0 counts as 0)"),
    (0.0, [0, 1, 0], "θ = 0 and a head (the model calls it impossible)"),
    (1.0, [1, 0], "θ = 1 and a tail (the model calls it impossible)"),
]


def _expected_nll(theta, flips):
    flips = np.asarray(flips, dtype=float)
    return _coin_average_nll(theta, float(flips.sum()), flips.size)


def _nll_slips(case):
    expected, flips, label = case.expected, case.args[1], case.label
    if expected != 0:
        yield expected / LN2, f"for {label} your value looks like bits; use the natural log (nats)."
        yield expected * len(flips), f"for {label} you return the total; divide by the number of flips."
        yield -expected, f"for {label} the sign is wrong: return the NEGATIVE log-likelihood."


BERNOULLI_NLL = FunctionExercise(
    name="bernoulli_nll",
    cases=tuple(Case((theta, flips), label, _expected_nll(theta, flips)) for theta, flips, label in NLL_CASES),
    slips=_nll_slips,
    hints={
        "not_a_number": "return one number (a float), not {type}; case: {label}.",
        "too_many": "return one number (a float), not {type}; case: {label}.",
        "nan": "your function returns NaN for {label}; use scipy.special.xlogy so that 0 · log 0 = 0.",
        "inf": ("wrong for {label}: it should be infinite exactly when the model gives "
                "probability 0 to a flip that happened."),
        "wrong": "wrong value for {label}; a flip of 1 has probability θ, a flip of 0 has 1 − θ.",
    },
)


@exercise("05.3", praise="your function handles every θ, including the edges 0 and 1.")
def _bernoulli_nll(func):
    return judge_function(func, BERNOULLI_NLL)


@exercise("05.4", praise="NLL and KL differ by H(p_data), which does not move with θ.")
def _statement(answer):
    return choice_hint(answer, "A", "ABCD", {
        "B": "u ↦ 1/u keeps positive numbers positive too, yet moves the argmax; which property of the log keeps it?",
        "C": "for independent events, how do probabilities combine: by adding or by multiplying?",
        "D": "on separable data, what happens to the likelihood when you double the weights?",
    })


#: Exercise 05.5: the scale b of the Laplace noise model.
LAPLACE_SCALE = 3


def laplace_constant(scale=LAPLACE_SCALE):
    r"""The c in :math:`-\log \tfrac{1}{2b} e^{-|y - \hat y|/b} = |y - \hat y|/b + c`: :math:`\ln(2b)` nats."""
    return math.log(2 * scale)


@exercise("05.5", praise="the normalising factor 1/(2b) becomes the constant; the rest is |y − ŷ|/b.")
def _laplace_constant(answer):
    b = LAPLACE_SCALE
    expected = laplace_constant()
    return number_hint(answer, expected, unit="nats", slips=[
        (expected / LN2, "that looks like bits (log base 2); the question asks for nats (natural log)."),
        (-expected, "check the sign: c is −log of the factor 1/(2b), and that factor is below 1."),
        (math.log(b), "the factor in front is 1/(2b), not 1/b: keep the 2."),
        (math.log(2), "that is the constant for b = 1; here b = 3."),
        (1 / (2 * b), "that is the factor 1/(2b) itself; c is its negative log."),
        (2 * b, "that is 2b; c is the log of it."),
        (0.5 * math.log(2 * math.pi * b**2), "that is the Gaussian's constant ½ log(2πσ²); the Laplace "
                                             "density has a different normalising factor."),
        (0.0, "the density is not just the exponential: its normalising factor 1/(2b) gives the constant."),
    ], advice="Take −log of the density: the log of a product is a sum.")


@exercise("05.6", praise="each copy doubles the NLL term but not the prior, so the prior weighs half as much.")
def _duplicate_data(answer):
    return choice_hint(answer, "B", "ABCD", {
        "A": ("the NLL is a sum over examples and the prior is one term: which of the two doubles when "
              "every example appears twice?"),
        "C": "more data makes a fixed prior matter less, not more; compare the two terms of the MAP objective.",
        "D": ("the penalty is still there, and it alone keeps the answer finite; separability does not "
              "change that."),
    })
