r"""Checks for the exercises of lecture 07, *Cross-entropy in practice*.

The expected answers are computed here and never printed; a wrong answer gets
a hint that names the usual slip (bits for nats, the wrong share of the
smoothing mass, 1/T for T) without saying the number.

- ``07.1`` *construct*: logits for two examples of class 0 whose perplexity is
  exactly 3, with the two examples giving the true class different
  probabilities (perplexity is a geometric mean, not a per-example number);
- ``07.2`` *predict*: is the temperature fitted on the training split larger
  than, about equal to, or smaller than the one fitted on the validation split?
- ``07.3`` *find*: the temperature that minimises the average NLL of
  :data:`TEMPERATURE_LOGITS` and :data:`TEMPERATURE_LABELS`;
- ``07.4`` the logit gap that minimises the label-smoothed cross-entropy with
  :data:`SMOOTHING_CLASSES` classes and :data:`SMOOTHING_EPSILON`;
- ``07.5`` a function ``perplexity(logits, labels)`` written from scratch,
  stable for huge logits.

Examples
--------
>>> from coursekit.exercises import verdict
>>> verdict("07.2", "A")[0]
'wrong'
>>> verdict("07.4", ...)[0]
'not answered'
"""

import math

import numpy as np
from scipy import optimize, special

from coursekit.exercises import (
    Case,
    FunctionExercise,
    Tolerance,
    choice_hint,
    exercise,
    is_close,
    judge_function,
    number_hint,
    temperature_hint,
)

#: Exercise 07.1: the perplexity to construct, the shape of the logits and their labels.
TARGET_PERPLEXITY = 3.0
CONSTRUCT_SHAPE = (2, 4)
CONSTRUCT_LABELS = (0, 0)

#: Exercise 07.3: eight predictions of a three-class model, and their true classes.
TEMPERATURE_LOGITS = (
    (4.0, 0.0, -2.0), (3.0, 1.0, 0.0), (0.0, 5.0, 1.0), (2.0, 2.5, 0.0),
    (6.0, 0.0, 0.0), (0.0, 1.0, 4.0), (1.0, 4.0, 0.0), (0.0, 3.0, 3.5),
)
TEMPERATURE_LABELS = (0, 0, 1, 0, 0, 2, 0, 1)

#: Exercise 07.4: the number of classes and the smoothing parameter.
SMOOTHING_CLASSES = 4
SMOOTHING_EPSILON = 0.2

#: ``(logits, labels)`` that ``perplexity`` is tried on (07.5): one example,
#: several, a uniform model, and logits so large that exp overflows.
PERPLEXITY_CASES = (
    (((2.0, 1.0, 0.1),), (0,)),
    (((2.0, 1.0, 0.1), (0.0, 3.0, -1.0), (1.0, 1.0, 1.0)), (0, 2, 1)),
    (((0.0, 0.0, 0.0, 0.0),) * 3, (0, 1, 3)),
    (((1000.0, 999.0),), (1,)),
    (((-1000.0, 0.0, -998.0), (500.0, 502.0, 0.0)), (2, 0)),
)


def reference_perplexity(logits, labels):
    """The reference: exp of the average NLL in nats, computed from the logits."""
    z = np.asarray(logits, dtype=float)
    y = np.asarray(labels)
    nll = special.logsumexp(z, axis=1) - z[np.arange(len(y)), y]
    return float(np.exp(nll.mean()))


def average_nll(temperature, logits=TEMPERATURE_LOGITS, labels=TEMPERATURE_LABELS):
    """Average NLL (nats) of ``softmax(logits / temperature)``."""
    z = np.asarray(logits, dtype=float) / temperature
    return float(np.mean(special.logsumexp(z, axis=1) - z[np.arange(len(labels)), labels]))


def best_temperature():
    """The temperature minimising :func:`average_nll` (searched over log T)."""
    result = optimize.minimize_scalar(lambda log_t: average_nll(math.exp(log_t)), bounds=(-4.0, 4.0),
                                      method="bounded", options={"xatol": 1e-10})
    return math.exp(result.x)


def optimal_gap(n_classes=SMOOTHING_CLASSES, epsilon=SMOOTHING_EPSILON):
    r"""The loss-minimising logit gap :math:`\ln\big((1 - \varepsilon + \varepsilon/K) / (\varepsilon/K)\big)`."""
    return math.log((1 - epsilon + epsilon / n_classes) / (epsilon / n_classes))


#: 07.3 asks for T to within a hundredth; 07.4 for the gap to a few significant digits.
WITHIN_A_HUNDREDTH = Tolerance(rel=0.0, abs=0.01)
FOUR_DIGITS = Tolerance(rel=1e-4, abs=1e-9)
EXACT = Tolerance(rel=1e-6, abs=1e-9)


@exercise("07.1", praise="two different examples, one perplexity: it is the geometric mean of 1/ŷ_t.")
def _construct_perplexity_check(answer):
    """Finite logits of shape CONSTRUCT_SHAPE, perplexity 3 on labels (0, 0), rows that differ."""
    try:
        z = np.array(answer, dtype=float)
    except (TypeError, ValueError):
        return f"give the logits as a {CONSTRUCT_SHAPE[0]} x {CONSTRUCT_SHAPE[1]} array of numbers."
    if z.shape != CONSTRUCT_SHAPE:
        return f"give one row of {CONSTRUCT_SHAPE[1]} logits per example: shape {CONSTRUCT_SHAPE}, not {z.shape}."
    if not np.isfinite(z).all():
        return "use finite logits only: no inf and no nan (a very negative number will do)."
    p_true = special.softmax(z, axis=1)[:, 0]
    if abs(p_true[0] - p_true[1]) < 1e-3:
        return ("both examples give class 0 the same probability; make them differ and keep the "
                "perplexity at 3: which product of the two probabilities does that need?")
    value = reference_perplexity(z, CONSTRUCT_LABELS)
    if is_close(value, TARGET_PERPLEXITY, EXACT):
        return None
    if is_close(float(np.mean(1 / p_true)), TARGET_PERPLEXITY, EXACT):
        return ("the arithmetic mean of 1/ŷ_t is 3, but perplexity is e to the mean NLL: the "
                "geometric mean of 1/ŷ_t.")
    return f"their perplexity is {value:.4f}, not 3; it is 1 / (ŷ₁ ŷ₂)^(1/2), with ŷ the probability of class 0."


@exercise("07.2", praise="the training split flatters the model, so its temperature comes out smaller.")
def _training_temperature_check(answer):
    """Predict: the temperature fitted on the training split, against the validation one."""
    return choice_hint(answer, "C", "ABC", {
        "A": ("a larger T would soften the predictions further; on the examples it was fitted to, "
              "is the model right more or less often than it says?"),
        "B": ("the model is not equally good on both splits: compare its training and validation "
              "NLL in section 1."),
    })


@exercise("07.3", praise="that is the temperature of least NLL; the eight predictions were overconfident.")
def _best_temperature_check(answer):
    """The NLL-minimising temperature of TEMPERATURE_LOGITS, to within 0.01."""
    expected = best_temperature()
    slips = [
        (1 / expected, "that is 1/T: the logits are divided by T, not multiplied by it."),
        (average_nll(expected), "that is the smallest NLL; the exercise asks for the temperature where it is reached."),
        (1.0, "T = 1 leaves the model as it is; search over T for the smallest average NLL."),
    ]
    return temperature_hint(answer, expected, WITHIN_A_HUNDREDTH, slips=slips,
                            advice="Evaluate the average NLL of softmax(z / T) on a grid of T and take the smallest.")


@exercise("07.4", praise="the gap at which the smoothed target is matched exactly; it stays finite.")
def _smoothing_gap_check(answer):
    """The optimal logit gap with SMOOTHING_CLASSES classes and SMOOTHING_EPSILON."""
    k, eps = SMOOTHING_CLASSES, SMOOTHING_EPSILON
    expected = optimal_gap()
    slips = [
        (math.log((1 - eps) / (eps / k)), "the true class keeps 1 - ε and also gets its share ε/K of the spread mass."),
        (math.log((1 - eps) / eps), "compare the true class with ONE other class, which gets ε/K, not all of ε."),
        (math.log((1 - eps) / (eps / (k - 1))), "that spreads ε over the K - 1 wrong classes; this lecture "
                                                 "spreads it over all K classes, the true one included."),
        (expected / math.log(2), "that is in bits; logits are in nats (natural log)."),
        (math.exp(expected), "that is the ratio of the two target probabilities; the logit gap is its log."),
    ]
    return number_hint(answer, expected, FOUR_DIGITS, slips=slips, unit="nats",
                       advice="At the optimum softmax(z) equals the smoothed target.")


def _perplexity_slips(case):
    """What the usual slips return on ``case``: the NLL itself (nats, bits), the arithmetic mean of 1/ŷ_t."""
    logits, labels = (np.asarray(a) for a in case.args)
    nll = special.logsumexp(logits, axis=1) - logits[np.arange(len(labels)), labels]
    return [
        (float(nll.mean()), "that is the average NLL in nats; perplexity is e to that power."),
        (float(nll.mean()) / math.log(2), "that is the average NLL in bits; perplexity is 2 to that power "
                                           "(or e to the NLL in nats)."),
        (float(np.mean(np.exp(nll))), "you averaged 1/ŷ_t; perplexity exponentiates the average NLL "
                                      "(a geometric mean)."),
    ]


_OVERFLOW = ("your function returns {value} for {label}; compute log-softmax with the log-sum-exp "
             "trick instead of exp, divide, log.")

PERPLEXITY = FunctionExercise(
    name="perplexity",
    cases=tuple(
        Case((np.array(logits, dtype=float), np.array(labels)),
             f"logits of shape {np.shape(logits)} as large as {np.abs(logits).max():g}",
             reference_perplexity(logits, labels))
        for logits, labels in PERPLEXITY_CASES
    ),
    slips=_perplexity_slips,
    hints={
        "not_callable": "pass the function itself, perplexity (without calling it), not a {type}.",
        "not_a_number": "return one number (a float) for a whole set of examples, not {type}.",
        "too_many": "return one number (a float) for a whole set of examples, not {size} values.",
        "nan": _OVERFLOW,
        "inf": _OVERFLOW,
        "wrong": "for {label} your function disagrees; it should be exp(mean NLL).",
    },
)


@exercise("07.5", praise="stable from the logits up, and it agrees on every case.")
def _perplexity_function_check(func):
    """A from-scratch ``perplexity(logits, labels)``."""
    return judge_function(func, PERPLEXITY)
