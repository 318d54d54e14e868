r"""Checks for lecture 04, *Cross-entropy as a classification loss*.

- 04.1 (a number): the loss, in nats, of given logits for a given true class.
- 04.2 (a function): ``cross_entropy_from_logits(z, t)``, finite for extreme logits.
- 04.3 (a statement): the gradient of softmax + cross-entropy.
- 04.4 (a statement): the loss as :math:`\hat y_t \to 0` and :math:`\hat y_t \to 1`.
- 04.5 (*predict*): at T = 10, does the loss of :data:`EX5_LOGITS` lie above, at or
  below ln 4? The true class is the second choice, like the lecture's dog, yet its
  loss lies *above* ln 4: what decides is :math:`z_t` against the mean logit.
- 04.6 (*find*): the temperature that minimises the loss of :data:`EX6_LOGITS`,
  to 2 decimals (logits other than the lecture's, so the answer is not on screen).

The expected answers are computed here with :func:`scipy.special.logsumexp`,
never written into the notebook. Hints say what went wrong, never the value.
"""

import math

import numpy as np
from scipy import optimize, special

from coursekit.exercises import (
    LN2, Case, FunctionExercise, Tolerance, as_real, choice_hint, exercise, judge_function, number_hint,
    temperature_hint,
)

#: Exercise 04.1: the logits of one example and its true class.
EX1_LOGITS = (1.0, 3.0, 0.5, -2.0)
EX1_TARGET = 0

#: Exercise 04.2: ordinary logits (any sound formula passes these) ...
EX2_ORDINARY = (
    ((2.0, 1.0, 0.1), 0),
    ((0.5, -1.2, 3.3, 0.0), 2),
    ((-3.0, 4.0), 0),
    ((0.0, 0.0, 0.0), 1),
    ((1.5, -0.25, 2.75, 0.5, -1.0), 4),
)
#: ... and extreme ones, where exp overflows to inf or underflows to 0.
EX2_EXTREME = (
    ((1000.0, 0.0), 0),
    ((1000.0, 0.0), 1),
    ((-1000.0, 0.0), 0),
    ((0.0, -1000.0), 1),
    ((800.0, 799.0, -50.0), 1),
)

_STABLE_HINT = (
    "your function returns nan or inf for extreme logits (one score far above or below the "
    "others): exp overflows to inf or underflows to zero before the log is taken. Use the "
    "log-sum-exp trick: subtract the largest logit m before exponentiating, "
    "log Σ e^z = m + log Σ e^(z − m), and take the log before any division."
)


def loss_from_logits(z, t):
    r"""The reference loss :math:`\log \sum_j e^{z_j} - z_t` in nats.

    >>> round(loss_from_logits([0.0, 0.0], 1), 4)
    0.6931
    >>> loss_from_logits([0.0, -1000.0], 1)
    1000.0
    """
    z = np.asarray(z, dtype=float)
    return float(special.logsumexp(z) - z[t])


@exercise("04.1", praise="that is the surprisal, in nats, of the true class under softmax(z).")
def _loss_of_logits(answer):
    expected = loss_from_logits(EX1_LOGITS, EX1_TARGET)
    value = as_real(answer)
    if value is not None and math.isinf(value):
        return ("a loss is infinite only if ŷ_t is 0. In exact arithmetic softmax of finite logits "
                "never is; in float64 a softmax computed stably underflows to 0.0 only when z_t lies "
                "about 745 or more below the largest logit, far from the case here.")
    y_hat = np.exp(np.asarray(EX1_LOGITS) - special.logsumexp(EX1_LOGITS))
    other_classes = [loss_from_logits(EX1_LOGITS, k) for k in range(len(EX1_LOGITS)) if k != EX1_TARGET]
    return number_hint(answer, expected, unit="nats", advice="Compute ŷ = softmax(z), then −ln ŷ_t.", slips=[
        (expected / LN2, "that looks like bits (log base 2); the loss uses the natural log, so give it in nats."),
        (-expected, "check the sign: the loss is −ln ŷ_t, which is never negative."),
        (y_hat[EX1_TARGET], "that is the probability ŷ_t; the loss is its negative natural log."),
        *((loss, "that is the loss of another class; use the true class t (the first entry).")
          for loss in other_classes),
    ])


def _logits_case(logits, target, extreme=False):
    """Case of 04.2; an extreme case gets the log-sum-exp hints, not the ordinary ones."""
    hints = {}
    if extreme:
        hints = {"nan": _STABLE_HINT, "inf": _STABLE_HINT,
                 "wrong": ("for extreme logits your function gives a finite but wrong loss; check the "
                           "shift: log Σ e^z = m + log Σ e^(z − m), with m the largest logit.")}
    label = f"z = [{', '.join(f'{x:g}' for x in logits)}], t = {target}"
    return Case((np.array(logits), target), label, loss_from_logits(logits, target), hints=hints)


def _logits_slips(case):
    if case.hints:  # extreme logits: only stability is judged
        return
    yield case.expected / LN2, "your function seems to return bits; the loss uses the natural log (nats)."
    yield -case.expected, "check the sign: the loss is −ln ŷ_t, which is never negative."


_NOT_FINITE = "your function returns nan or inf even for ordinary logits; check each step."

CROSS_ENTROPY_FROM_LOGITS = FunctionExercise(
    name="cross_entropy_from_logits",
    cases=(*(_logits_case(z, t) for z, t in EX2_ORDINARY),
           *(_logits_case(z, t, extreme=True) for z, t in EX2_EXTREME)),
    slips=_logits_slips,
    hints={
        "not_callable": "give the function itself (its name, without brackets), not a {type}.",
        "not_a_number": "your function should return one number (the loss in nats), not {type}.",
        "too_many": ("your function returns an array of shape {shape}; return one number, "
                     "the loss of the true class t."),
        "nan": _NOT_FINITE,
        "inf": _NOT_FINITE,
        "wrong": ("on ordinary logits your function gives a different loss; it should return "
                  "−ln softmax(z)_t = log Σ_j e^(z_j) − z_t, in nats."),
    },
)


@exercise("04.2", praise="finite and right, even where exp overflows: that is log-sum-exp at work.")
def _cross_entropy_from_logits(func):
    return judge_function(func, CROSS_ENTROPY_FROM_LOGITS)


@exercise("04.3", praise="the gradient is prediction minus target, ŷ − y.")
def _gradient_statement(answer):
    return choice_hint(answer, "B", "ABCD", {
        "A": "check the sign: differentiate −Σ y_i z_i + ln Σ_j e^(z_j) with respect to z_k.",
        "C": "the wrong classes have y_i = 0, but ŷ_i still appears through ln Σ_j e^(z_j); "
             "compute the gradient for a small example.",
        "D": "look at the true class's entry, ŷ_t − 1, as ŷ_t → 0: does it shrink?",
    })


@exercise("04.4", praise="−ln ŷ_t has no upper bound, and one infinite term makes a mean infinite.")
def _limits_statement(answer):
    return choice_hint(answer, "D", "ABCD", {
        "A": "compute −ln ŷ_t for ŷ_t = 0.01 and for ŷ_t = 0.000001: is there a largest value?",
        "B": "with a one-hot target only ŷ_t appears in the loss; compare the losses of "
             "[0.6, 0.2, 0.2] and [0.6, 0.4, 0.0] when the first class is the true one.",
        "C": "−ln(ŷ_t / 2) = −ln ŷ_t + ln 2: what does halving do to the loss?",
    })


#: Exercise 04.5: four logits, the true class (the second choice) and the temperature.
EX5_LOGITS = (4.0, 0.0, -0.5, -1.5)
EX5_TARGET = 1
EX5_TEMPERATURE = 10.0


def loss_at_temperature(logits, target, temperature):
    r"""The loss :math:`-\ln \operatorname{softmax}(z / T)_t` in nats.

    >>> round(loss_at_temperature([2.0, 1.0, 0.1, -1.0], 1, 4.0), 4)
    1.3054
    """
    return loss_from_logits(np.asarray(logits, dtype=float) / temperature, target)


@exercise("04.5", praise="z_t lies below the mean logit, so hot softmax gives the true class less than 1/K.")
def _predict_hot_loss(answer):
    return choice_hint(answer, "A", "ABC", {
        "B": "ln 4 is reached only as T → ∞; at T = 10 the scaled logits z/T still differ, "
             "so the four probabilities are not all 1/4.",
        "C": "being the second choice is not what decides. For large T, ŷ_i ≈ (1 + (z_i − z̄)/T)/K "
             "with z̄ the mean logit: compare z_t with z̄ for these logits.",
    })


#: Exercise 04.6: five logits and the true class whose loss-minimising temperature is asked.
EX6_LOGITS = (2.5, 1.5, -0.5, -1.0, -2.0)
EX6_TARGET = 1
#: The logits and true class of the lecture's section 8, for the "copied the lecture" slip.
LECTURE_LOGITS = (2.0, 1.0, 0.1, -1.0)
LECTURE_TARGET = 1
#: "To 2 decimals": anything within a hundredth of the minimiser.
WITHIN_A_HUNDREDTH = Tolerance(rel=0.0, abs=0.01)


def best_temperature(logits=EX6_LOGITS, target=EX6_TARGET):
    r"""The temperature minimising :func:`loss_at_temperature` (searched over :math:`\ln T`).

    In :math:`\beta = 1/T` the loss is convex, with slope :math:`\sum_i \hat y_i z_i - z_t`:
    the mean logit minus :math:`z_t` at :math:`\beta = 0`, the largest logit minus
    :math:`z_t` as :math:`\beta \to \infty`. So the minimiser is unique, and finite
    when :math:`z_t` lies above the mean logit and below the largest.

    >>> round(best_temperature((2.0, 1.0, 0.1, -1.0), 1), 2)
    2.44
    """
    result = optimize.minimize_scalar(lambda log_t: loss_at_temperature(logits, target, math.exp(log_t)),
                                      bounds=(-5.0, 5.0), method="bounded", options={"xatol": 1e-10})
    return math.exp(result.x)


@exercise("04.6", praise="that is the temperature of least loss for this example.")
def _best_temperature(answer):
    expected = best_temperature()
    at_infinity = ("as T → ∞ the loss tends to ln 5, but here it dips below that at a finite T; "
                   "look for the lowest point of the curve.")
    return temperature_hint(answer, expected, WITHIN_A_HUNDREDTH, at_infinity=at_infinity, advice=(
        "Evaluate −ln softmax(z / T)_t on a grid of T (or use minimize_scalar) and take the smallest."), slips=[
        (1 / expected, "that is 1/T: the logits are divided by T, not multiplied by it."),
        (loss_at_temperature(EX6_LOGITS, EX6_TARGET, expected),
         "that is the smallest loss; the exercise asks for the temperature where it is reached."),
        (best_temperature(LECTURE_LOGITS, LECTURE_TARGET),
         "that is the best temperature for the lecture's cat, dog, fox and owl; use this exercise's logits."),
        (1.0, "T = 1 leaves the logits as they are; search over T for the smallest loss."),
    ])
