r"""Checks for the exercises of lecture 06, *Why cross-entropy and not MSE for classification*.

The expected answers are computed here and never printed: a wrong answer gets
a hint that names the usual slip (a lost chain-rule factor, the 1/2
convention, a flipped sign, the cross-entropy gradient given for the MSE one)
without saying the number.

The squared error of one example is :math:`L = (\hat y - y)^2` with
:math:`\hat y = \sigma(z)`, as in :func:`coursekit.losses.mse_loss` (no 1/2),
so :math:`\partial L / \partial z = 2(\hat y - y)\,\hat y(1 - \hat y)`.

- ``06.1`` the MSE gradient with respect to the logit at a confidently wrong
  prediction (:data:`WRONG_LOGIT`, label 1);
- ``06.2`` a function ``mse_grad_wrt_logit(z, y)`` written from scratch;
- ``06.3`` the true statement about why MSE trains a sigmoid unit slowly;
- ``06.4`` the expected calibration error of :data:`ECE_LABELS` and
  :data:`ECE_PROBS` with two bins.

Examples
--------
>>> from coursekit.exercises import verdict
>>> verdict("06.3", "A")[0]
'wrong'
>>> verdict("06.2", ...)[0]
'not answered'
"""

import math

import numpy as np

from coursekit.calibration import expected_calibration_error
from coursekit.exercises import Case, FunctionExercise, as_real, choice_hint, exercise, is_close, judge_function, number_hint
from coursekit.losses import sigmoid

#: The logit of exercise 06.1: the label is 1, the model says "almost surely 0".
WRONG_LOGIT = -6.0

#: ``(z, y)`` pairs ``mse_grad_wrt_logit`` is tried on (06.2): the middle of the
#: sigmoid, both labels, moderate and extreme logits, right and wrong.
GRAD_CASES = ((0.0, 1), (0.0, 0), (2.0, 0), (-3.0, 1), (1.5, 1), (-10.0, 1), (10.0, 0),
              (30.0, 1), (-30.0, 0), (-40.0, 1), (40.0, 0))

#: Labels and predicted probabilities of exercise 06.4 (two bins: below and above 0.5).
ECE_LABELS = (0, 0, 1, 1, 1, 1, 0, 1)
ECE_PROBS = (0.1, 0.2, 0.3, 0.7, 0.8, 0.9, 0.9, 0.9)


def mse_grad(z, y):
    """The reference: derivative of (sigmoid(z) - y)^2 with respect to z."""
    p = sigmoid(z)
    return 2.0 * (p - y) * p * (1.0 - p)


def _slips(z, y):
    """Values a common slip gives at (z, y), each with the hint that names it."""
    p = sigmoid(z)
    return [
        (p - y, "that is the cross-entropy gradient ŷ - y; the squared error's slope carries one "
                "more factor, from the chain rule through the sigmoid."),
        (2.0 * (p - y), "you differentiated (ŷ - y)^2 with respect to ŷ only; the chain rule needs "
                        "dŷ/dz too, the derivative of the sigmoid, ŷ(1 - ŷ)."),
        ((p - y) * p * (1.0 - p), "off by a constant factor: this lecture's squared error is "
                                  "(ŷ - y)^2 with no 1/2 in front."),
        (-mse_grad(z, y), "the sign is flipped: the loss falls as z moves ŷ towards y, so the slope "
                          "is negative when ŷ < y and positive when ŷ > y."),
    ]


@exercise("06.1", praise="almost nothing: the model is sure and wrong, and MSE barely nudges it.")
def _gradient_at_wrong_logit_check(answer):
    """dL/dz of the squared error at z = WRONG_LOGIT, y = 1."""
    return number_hint(answer, mse_grad(WRONG_LOGIT, 1), slips=_slips(WRONG_LOGIT, 1))


_NOT_FINITE = ("your function returns {value} for {label}; compute σ(z) = 1/(1 + e^-z) "
               "first and build the slope from it.")

MSE_GRAD_WRT_LOGIT = FunctionExercise(
    name="mse_grad_wrt_logit",
    cases=tuple(Case((z, y), f"z = {z:g}, y = {y}", mse_grad(z, y)) for z, y in GRAD_CASES),
    slips=lambda case: [(value, f"for {case.label}: {hint}") for value, hint in _slips(*case.args)],
    hints={
        "not_callable": "pass the function itself, mse_grad_wrt_logit (without calling it), not a {type}.",
        "not_a_number": "return one number (a float) for one z and one y, not {type}.",
        "too_many": "return one number (a float) for one z and one y, not {type}.",
        "nan": _NOT_FINITE,
        "inf": _NOT_FINITE,
        "wrong": "for {label} your function disagrees; differentiate (σ(z) - y)^2 with the chain rule.",
    },
)


@exercise("06.2", praise="your gradient has the sigmoid's factor ŷ(1 - ŷ), and it agrees everywhere.")
def _mse_grad_function_check(func):
    """A from-scratch ``mse_grad_wrt_logit(z, y)``."""
    return judge_function(func, MSE_GRAD_WRT_LOGIT)


@exercise("06.3", praise="the trouble is confident mistakes, not good fits.")
def _statement_check(answer):
    """Which statement holds? (see the lecture's exercise 3)"""
    return choice_hint(answer, "B", "ABCD", {
        "A": ("a well-trained model has small gradients under any loss; that is how training stops. "
              "Look at the slope where the model is wrong."),
        "C": "evaluate ŷ - y at y = 1 and z = -20: does it go to 0?",
        "D": "recall lecture 05: squared error is the negative log-likelihood of a Gaussian model.",
    })


@exercise("06.4", praise="that is the expected calibration error of the eight predictions.")
def _ece_check(answer):
    """ECE of ECE_LABELS, ECE_PROBS with two equal-width bins."""
    y, p = np.array(ECE_LABELS), np.array(ECE_PROBS)
    expected = expected_calibration_error(y, p, n_bins=2)
    value = as_real(answer)
    if value is None or math.isnan(value):
        return number_hint(answer, expected)
    low = p < 0.5
    gaps = [y[m].mean() - p[m].mean() for m in (low, ~low)]
    if is_close(value, (abs(gaps[0]) + abs(gaps[1])) / 2):
        return "weight each bin's gap by the share of predictions that fall in it, n_k / N."
    if is_close(value, (low.mean() * gaps[0] + (~low).mean() * gaps[1])) or value < 0:
        return "take the absolute value of each bin's gap before you add them up."
    return number_hint(answer, expected)
