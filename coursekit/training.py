r"""A small gradient-descent trainer for logistic and softmax regression.

Readable in one sitting: a model turns features into logits, a loss scores the
predicted probabilities, and full-batch gradient descent follows the gradient
for a fixed number of steps. The loss is pluggable, so the same model can be
trained with cross-entropy or with mean squared error and the two compared.

For a sigmoid unit :math:`\hat y = \sigma(w^\top x + b)` the two losses and
their gradients with respect to the logit :math:`z` are

.. math::
    \text{cross-entropy: } \frac{\partial L}{\partial z} = \hat y - y, \qquad
    \text{MSE: } \frac{\partial L}{\partial z} = 2 (\hat y - y)\, \hat y (1 - \hat y),

and the factor :math:`\hat y (1 - \hat y)` is what starves MSE of gradient on
confidently wrong predictions.
"""

from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np
from scipy import special

from coursekit._validation import (
    as_float_array,
    check_choice,
    check_ndim,
    check_same_shape,
    check_scalar,
)
from coursekit._validation_probability import check_unit_interval
from coursekit.losses import MAX_CLASSES, _binary_nll, _mean, cross_entropy_grad, cross_entropy_loss

__all__ = [
    "LOSSES", "MAX_STEPS", "Fit", "SigmoidUnitLosses", "LossAndGrad", "sigmoid_unit_losses",
    "logistic_loss_and_grad", "softmax_loss_and_grad", "fit_logistic", "fit_softmax",
]

#: The most gradient steps one call of a ``fit_*`` function takes.
MAX_STEPS = 10**7


class SigmoidUnitLosses(NamedTuple):
    """Per-example losses of a sigmoid unit and their slopes with respect to the logit z."""

    cross_entropy: np.ndarray
    cross_entropy_slope: np.ndarray
    squared_error: np.ndarray
    squared_error_slope: np.ndarray


class LossAndGrad(NamedTuple):
    """A loss and its gradient with respect to the weights and the bias."""

    loss: float
    grad_weights: np.ndarray
    grad_bias: object  # a float for a sigmoid unit, an array of K for softmax regression


def _sigmoid_unit_losses(z, y):
    p = special.expit(z)
    return SigmoidUnitLosses(_binary_nll(y, z), p - y, (p - y) ** 2, 2 * (p - y) * p * (1 - p))


def sigmoid_unit_losses(z, y):
    r"""Per-example losses of a sigmoid unit and their slopes with respect to the logit.

    For :math:`\hat y = \sigma(z)`: the cross-entropy
    :math:`y \log(1 + e^{-z}) + (1 - y) \log(1 + e^{z})` (nats; the same as
    :math:`\log(1 + e^z) - y z`, in a form that keeps its digits when tiny)
    and its slope :math:`\hat y - y`; the squared error :math:`(\hat y - y)^2`
    and its slope :math:`2 (\hat y - y) \hat y (1 - \hat y)`.

    Parameters
    ----------
    z : float or array_like
        Logits.
    y : float or array_like
        Targets in [0, 1]: one for all of ``z``, or one per logit (same shape).

    Returns
    -------
    SigmoidUnitLosses
        ``cross_entropy``, ``cross_entropy_slope``, ``squared_error`` and
        ``squared_error_slope``, each shaped like ``z``.

    Examples
    --------
    >>> [round(float(v), 4) for v in sigmoid_unit_losses(0.0, 1)]
    [0.6931, -0.5, 0.25, -0.25]
    >>> float(sigmoid_unit_losses(40.0, 1).cross_entropy)
    4.248354255291589e-18
    """
    z = as_float_array(z, "z")
    y = check_unit_interval(y, "y")
    if y.ndim and y.shape != z.shape:
        raise ValueError(f"y must be one number or have the shape of z, {z.shape}; got {y.shape}.")
    return _sigmoid_unit_losses(z, y)


def _bce_from_logits(z, y):
    """Binary cross-entropy (nats) and its gradient with respect to the logits."""
    ce, slope, _, _ = _sigmoid_unit_losses(z, y)
    return _mean(ce), slope / len(y)


def _mse_of_sigmoid(z, y):
    """Mean squared error of the predicted probability and its gradient wrt the logits."""
    _, _, squared_error, slope = _sigmoid_unit_losses(z, y)
    return _mean(squared_error), slope / len(y)


#: Losses of a sigmoid unit, each ``loss(z, y) -> (value, dL/dz)``.
LOSSES = {"cross_entropy": _bce_from_logits, "mse": _mse_of_sigmoid}


@dataclass
class Fit:
    """A trained model and its training history (one entry per step, step 0 first)."""

    weights: np.ndarray
    bias: np.ndarray
    loss: str
    history: dict = field(default_factory=dict)

    def logits(self, X):
        X = check_ndim(as_float_array(X, "X"), "X", 2, "2-D (samples, features)")
        if X.shape[1] != self.weights.shape[0]:
            raise ValueError(f"X must have {self.weights.shape[0]} features (columns); got {X.shape[1]}.")
        return X @ self.weights + self.bias

    def predict_proba(self, X):
        """Probability of class 1 (logistic), or of every class (softmax)."""
        z = self.logits(X)
        return special.expit(z) if z.ndim == 1 else special.softmax(z, axis=1)

    def predict(self, X):
        p = self.predict_proba(X)
        return (p >= 0.5).astype(int) if p.ndim == 1 else p.argmax(axis=1)


def _check_xy(X, y, labels_from=2):
    """Validate features and integer labels in ``0..labels_from - 1`` (no upper bound if None)."""
    X = as_float_array(X, "X")
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (samples, features); got shape {X.shape}.")
    y = as_float_array(y, "y")
    if y.shape != (X.shape[0],):
        raise ValueError(f"y must have one label per row of X, shape ({X.shape[0]},); got {y.shape}.")
    if labels_from is None:
        if np.any(y != np.round(y)) or y.min() < 0:
            raise ValueError("y must hold non-negative integer labels 0, 1, 2, ...")
    elif np.any(y != np.round(y)) or y.min() < 0 or y.max() >= labels_from:
        raise ValueError(f"y must hold integer labels in 0..{labels_from - 1}.")
    return X, y


def _check_schedule(lr, steps):
    check_scalar(lr, "lr", low=0, include=(False, True))
    return check_scalar(steps, "steps", "integer", low=0, high=MAX_STEPS)


def _check_params(weights, bias, X, shape_w, shape_b):
    """Weights of shape ``shape_w`` and a bias (a number if ``shape_b`` is (), else an array)."""
    w = as_float_array(weights, "weights")
    if w.shape != shape_w:
        raise ValueError(f"weights must have shape {shape_w} to match X; got {w.shape}.")
    if shape_b == ():
        return w, check_scalar(bias, "bias")
    b, _ = check_same_shape(bias, np.zeros(shape_b), ("bias", "the classes"))
    return w, b


def _logistic_loss_and_grad(weights, bias, X, y, loss):
    value, dz = LOSSES[loss](X @ weights + bias, y)
    return LossAndGrad(value, X.T @ dz, float(dz.sum()))


def logistic_loss_and_grad(weights, bias, X, y, loss="cross_entropy"):
    """Loss of a sigmoid unit and its gradient with respect to weights and bias.

    Parameters
    ----------
    weights : array_like, shape (D,)
    bias : float
    X : array_like, shape (N, D)
    y : array_like, shape (N,)
        Labels 0 or 1.
    loss : {"cross_entropy", "mse"}

    Returns
    -------
    LossAndGrad
        ``loss`` (nats for cross-entropy), ``grad_weights`` (shape (D,)) and
        ``grad_bias`` (a float).

    Examples
    --------
    >>> X, y = np.array([[1.0], [-1.0]]), np.array([1.0, 0.0])
    >>> value, gw, gb = logistic_loss_and_grad(np.zeros(1), 0.0, X, y)
    >>> round(value, 4), gw.round(4).tolist(), round(gb, 4)
    (0.6931, [-0.5], 0.0)
    >>> logistic_loss_and_grad([0.0], 0, [[1.0], [-1.0]], [1, 0]).loss == value
    True
    """
    check_choice(loss, "loss", LOSSES)
    X, y = _check_xy(X, y)
    w, b = _check_params(weights, bias, X, (X.shape[1],), ())
    return _logistic_loss_and_grad(w, b, X, y, loss)


def softmax_loss_and_grad(weights, bias, X, y):
    """Cross-entropy (nats) of softmax regression and its gradient wrt weights and bias.

    Parameters
    ----------
    weights : array_like, shape (D, K)
    bias : array_like, shape (K,)
    X : array_like, shape (N, D)
    y : array_like of int, shape (N,)
        Labels in 0..K-1.

    Returns
    -------
    LossAndGrad
        ``loss`` (nats), ``grad_weights`` (D, K) and ``grad_bias`` (K,).

    Examples
    --------
    >>> result = softmax_loss_and_grad(np.zeros((1, 3)), np.zeros(3), [[1.0]], [2])
    >>> round(result.loss, 4), result.grad_bias.round(4).tolist()
    (1.0986, [0.3333, 0.3333, -0.6667])
    """
    w = check_ndim(as_float_array(weights, "weights"), "weights", 2, "2-D (features, classes)")
    X, y = _check_xy(X, y, labels_from=w.shape[1])
    w, b = _check_params(w, bias, X, (X.shape[1], w.shape[1]), (w.shape[1],))
    return _softmax_loss_and_grad(w, b, X, y.astype(int))


def _softmax_loss_and_grad(weights, bias, X, y):
    z = X @ weights + bias
    dz = cross_entropy_grad(z, y)
    return LossAndGrad(cross_entropy_loss(z, y), X.T @ dz, dz.sum(axis=0))


def fit_logistic(X, y, loss="cross_entropy", lr=0.5, steps=300, weights=None, bias=0.0):
    """Fit a sigmoid unit by full-batch gradient descent on ``loss``.

    Parameters
    ----------
    X : array_like, shape (N, D)
        Features, best standardised.
    y : array_like, shape (N,)
        Labels 0 or 1.
    loss : {"cross_entropy", "mse"}
        What to minimise; both score the predicted probability of class 1.
    lr : float
        Step size.
    steps : int
        Number of gradient steps (fixed, so runs are comparable and fast).
    weights, bias : optional
        Starting point (zeros by default).

    Returns
    -------
    Fit
        With ``history["loss"]`` and ``history["accuracy"]`` on the training
        data, one value per step from step 0 to ``steps``.

    Examples
    --------
    >>> X = np.array([[-2.0], [-1.0], [1.0], [2.0]])
    >>> fit = fit_logistic(X, [0, 0, 1, 1], steps=100)
    >>> fit.predict(X).tolist(), float(fit.history["accuracy"][-1])
    ([0, 0, 1, 1], 1.0)
    """
    X, y = _check_xy(X, y)
    steps = _check_schedule(lr, steps)
    check_choice(loss, "loss", LOSSES)
    w, b = _check_params(np.zeros(X.shape[1]) if weights is None else weights, bias, X, (X.shape[1],), ())
    w = w.copy()
    losses, accuracies = [], []
    for step in range(steps + 1):
        value, grad_w, grad_b = _logistic_loss_and_grad(w, b, X, y, loss)
        losses.append(value)
        accuracies.append(float(np.mean(((X @ w + b) >= 0) == (y == 1))))
        if step < steps:
            w -= lr * grad_w
            b -= lr * grad_b
    return Fit(w, np.float64(b), loss, {"loss": np.array(losses), "accuracy": np.array(accuracies)})


def fit_softmax(X, y, n_classes=None, lr=0.5, steps=300):
    """Fit softmax regression by full-batch gradient descent on cross-entropy.

    Examples
    --------
    >>> X = np.array([[-2.0], [0.0], [2.0]])
    >>> fit = fit_softmax(X, [0, 1, 2], steps=500, lr=1.0)
    >>> fit.predict(X).tolist()
    [0, 1, 2]
    """
    if n_classes is not None:
        n_classes = check_scalar(n_classes, "n_classes", "integer", low=2, high=MAX_CLASSES)
    X, y_float = _check_xy(X, y, labels_from=n_classes)
    k = int(y_float.max()) + 1 if n_classes is None else n_classes
    steps = _check_schedule(lr, steps)
    labels = y_float.astype(int)
    W = np.zeros((X.shape[1], k))
    b = np.zeros(k)
    losses, accuracies = [], []
    for step in range(steps + 1):
        value, grad_W, grad_b = _softmax_loss_and_grad(W, b, X, labels)
        losses.append(value)
        accuracies.append(float(np.mean((X @ W + b).argmax(axis=1) == labels)))
        if step < steps:
            W -= lr * grad_W
            b -= lr * grad_b
    return Fit(W, b, "cross_entropy", {"loss": np.array(losses), "accuracy": np.array(accuracies)})
