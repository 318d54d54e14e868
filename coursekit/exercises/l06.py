r"""Checks for the exercises of lecture 06, *Why cross-entropy and not MSE for classification*.

The expected answers are computed here and never printed: a wrong answer gets
a hint that names the usual slip (a lost chain-rule factor, the 1/2
convention, a flipped sign, the cross-entropy gradient given for the MSE one)
without saying the number.

The squared error of one example is :math:`L = (\hat y - y)^2` with
:math:`\hat y = \sigma(z)`, as in :func:`coursekit.losses.mse_loss` (no 1/2),
so :math:`\partial L / \partial z = 2(\hat y - y)\,\hat y(1 - \hat y)`.

- ``06.1`` the MSE gradient with respect to the logit at a confidently wrong
  prediction (:data:`WRONG_LOGIT`, :data:`WRONG_LABEL`), chosen off the
  widget's slider grid so that no readout on screen gives it away;
- ``06.2`` a function ``mse_grad_wrt_logit(z, y)`` written from scratch;
- ``06.3`` the true statement about why MSE trains a sigmoid unit slowly;
- ``06.4`` the expected calibration error of :data:`ECE_LABELS` and
  :data:`ECE_PROBS` with two bins of unequal width, split at :data:`ECE_EDGE`
  (which ``expected_calibration_error``, equal-width bins only, cannot compute);
- ``06.5`` *construct*: a logit and a label where the MSE gradient is below
  :data:`MSE_GRAD_BELOW` in size while the cross-entropy gradient is above
  :data:`CE_GRAD_ABOVE`;
- ``06.6`` *predict*: how many steps cross-entropy needs from the worse start
  :math:`-5d` of section 4.

Examples
--------
>>> from coursekit.exercises import verdict
>>> verdict("06.3", "A")[0]
'wrong'
>>> verdict("06.2", ...)[0]
'not answered'
"""

import math
import reprlib

import numpy as np

from coursekit.calibration import expected_calibration_error
from coursekit.exercises import (
    Case,
    FunctionExercise,
    NotAnswered,
    as_real,
    choice_hint,
    exercise,
    is_placeholder,
    judge_function,
    number_hint,
)
from coursekit.activations import sigmoid

#: The logit and label of exercise 06.1: the label is 0, the model says "almost surely 1".
#: Not a multiple of the widget's slider step (0.5), and not the widget's default (z = -6, y = 1).
WRONG_LOGIT, WRONG_LABEL = 7.3, 0

#: ``(z, y)`` pairs ``mse_grad_wrt_logit`` is tried on (06.2): the middle of the
#: sigmoid, both labels, moderate and extreme logits, right and wrong.
GRAD_CASES = ((0.0, 1), (0.0, 0), (2.0, 0), (-3.0, 1), (1.5, 1), (-10.0, 1), (10.0, 0),
              (30.0, 1), (-30.0, 0), (-40.0, 1), (40.0, 0))

#: Labels and predicted probabilities of exercise 06.4, and its bin edge: [0, 0.85) and [0.85, 1].
ECE_LABELS = (0, 0, 1, 1, 1, 1, 0, 1)
ECE_PROBS = (0.1, 0.2, 0.3, 0.7, 0.8, 0.9, 0.9, 0.9)
ECE_EDGE = 0.85

#: Exercise 06.5: |dMSE/dz| must be below the first, |dCE/dz| above the second.
MSE_GRAD_BELOW, CE_GRAD_ABOVE = 1e-3, 0.9


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
    """dL/dz of the squared error at z = WRONG_LOGIT, y = WRONG_LABEL."""
    return number_hint(answer, mse_grad(WRONG_LOGIT, WRONG_LABEL), slips=_slips(WRONG_LOGIT, WRONG_LABEL))


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


def two_bin_ece(edge=ECE_EDGE, labels=ECE_LABELS, probs=ECE_PROBS):
    """ECE with the two bins [0, edge) and [edge, 1]: each bin's |gap| weighted by its share."""
    y, p = np.asarray(labels, dtype=float), np.asarray(probs, dtype=float)
    low = p < edge
    return float(sum(m.mean() * abs(y[m].mean() - p[m].mean()) for m in (low, ~low)))


def _ece_slips():
    """The usual slips of 06.4: no weights, no absolute values, the library's equal-width bins."""
    y, p = np.asarray(ECE_LABELS, dtype=float), np.asarray(ECE_PROBS, dtype=float)
    low = p < ECE_EDGE
    gaps = [y[m].mean() - p[m].mean() for m in (low, ~low)]
    slips = [
        ((abs(gaps[0]) + abs(gaps[1])) / 2, "weight each bin's gap by the share of predictions that fall in it, n_k / N."),
        (low.mean() * gaps[0] + (~low).mean() * gaps[1], "take the absolute value of each bin's gap before you add them up."),
        (two_bin_ece(0.5), "that is the ECE with two equal-width bins, split at 0.5; this exercise splits at 0.85."),
    ]
    slips += [(expected_calibration_error(y, p, n_bins=k),
               "that is an ECE with equal-width bins, as expected_calibration_error makes them; "
               "this exercise uses two bins, split at 0.85.") for k in range(3, 11)]
    return slips


@exercise("06.4", praise="that is the ECE of the eight predictions with these two bins; other bins give another number.")
def _ece_check(answer):
    """ECE of ECE_LABELS, ECE_PROBS with the two bins [0, ECE_EDGE) and [ECE_EDGE, 1]."""
    value = as_real(answer)
    if value is not None and value < 0:
        return "an ECE is never negative: take the absolute value of each bin's gap before you add them up."
    return number_hint(answer, two_bin_ece(), slips=_ece_slips())


def _as_label(y):
    """``y`` as 0.0 or 1.0, or None if it is not one of the two labels (a bool is not a label)."""
    value = as_real(y)
    return value if value in (0.0, 1.0) else None


@exercise("06.5", praise="a confident mistake: cross-entropy pushes with almost its full strength, MSE hardly at all.")
def _construct_check(answer):
    """A pair (z, y) with |dMSE/dz| < MSE_GRAD_BELOW and |dCE/dz| > CE_GRAD_ABOVE."""
    if isinstance(answer, (str, bytes)) or not hasattr(answer, "__len__") or len(answer) != 2:
        return "give the pair (z_5, y_5): one logit and one label."
    z_answer, y_answer = answer
    if is_placeholder(z_answer) or is_placeholder(y_answer):
        raise NotAnswered("replace each `...` with your answer and run the cell again.")
    z, y = as_real(z_answer), _as_label(y_answer)
    if z is None or not math.isfinite(z):
        return f"z_5 must be one finite number, not {type(z_answer).__name__} {reprlib.repr(z_answer)}."
    if y is None:
        return f"y_5 is a label: the number 0 or 1, not {type(y_answer).__name__} {reprlib.repr(y_answer)}."
    ce, mse = abs(float(sigmoid(z)) - y), abs(mse_grad(z, y))
    if ce > CE_GRAD_ABOVE and mse < MSE_GRAD_BELOW:
        return None
    at = f"at z = {z:g}, y = {y:g} you get |dCE/dz| = {ce:.3f} and |dMSE/dz| = {mse:.2e}"
    if ce <= 0.5:
        return (f"{at}: the prediction is on the right side of 0.5, and there both gradients are small. "
                "Make the model wrong.")
    if ce <= CE_GRAD_ABOVE:
        return f"{at}: the model is wrong, but not confidently; move z further the wrong way."
    return (f"{at}: confidently wrong, but MSE still pushes too hard; move z further the wrong way "
            "(far out, its slope shrinks by a factor e per unit of z).")


@exercise("06.6", praise="cross-entropy's slope on a confident mistake saturates near 1; it does not shrink.")
def _predict_steps_check(answer):
    """Predict: steps cross-entropy needs from -5d to pass 90% training accuracy."""
    return choice_hint(answer, "A", "ABC", {
        "B": ("that is MSE's behaviour from -3d. Look at dCE/dz = ŷ - y in section 3: what happens to it "
              "as the mistake gets more confident?"),
        "C": ("cross-entropy is convex and its slope on a confident mistake does not vanish; "
              "gradient descent will get there. How fast?"),
    })
