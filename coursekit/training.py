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

import math
import numbers
from dataclasses import dataclass, field

import numpy as np
from scipy import special

from coursekit._validation import as_float_array
from coursekit.losses import cross_entropy_grad, cross_entropy_loss

__all__ = ["LOSSES", "Fit", "sigmoid_unit_losses", "logistic_loss_and_grad", "softmax_loss_and_grad", "fit_logistic", "fit_softmax"]


def sigmoid_unit_losses(z, y):
    r"""Per-example losses of a sigmoid unit and their slopes with respect to the logit.

    For :math:`\hat y = \sigma(z)`: the cross-entropy :math:`\log(1 + e^z) - y z`
    (nats) and its slope :math:`\hat y - y`; the squared error
    :math:`(\hat y - y)^2` and its slope :math:`2 (\hat y - y) \hat y (1 - \hat y)`.

    Examples
    --------
    >>> [round(float(v), 4) for v in sigmoid_unit_losses(0.0, 1)]
    [0.6931, -0.5, 0.25, -0.25]
    """
    z = np.asarray(z, dtype=float)
    p = special.expit(z)
    return np.logaddexp(0.0, z) - y * z, p - y, (p - y) ** 2, 2 * (p - y) * p * (1 - p)


def _bce_from_logits(z, y):
    """Binary cross-entropy (nats) and its gradient with respect to the logits."""
    ce, slope, _, _ = sigmoid_unit_losses(z, y)
    return float(np.mean(ce)), slope / len(y)


def _mse_of_sigmoid(z, y):
    """Mean squared error of the predicted probability and its gradient wrt the logits."""
    _, _, squared_error, slope = sigmoid_unit_losses(z, y)
    return float(np.mean(squared_error)), slope / len(y)


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
        return np.asarray(X, dtype=float) @ self.weights + self.bias

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
    # numbers.Real / numbers.Integral also accept numpy scalars such as np.float32(0.5).
    if isinstance(lr, bool) or not isinstance(lr, numbers.Real) or not (math.isfinite(lr) and lr > 0):
        raise ValueError(f"lr must be a positive number; got {lr!r}.")
    if isinstance(steps, bool) or not isinstance(steps, numbers.Integral) or steps < 0:
        raise ValueError(f"steps must be a non-negative integer; got {steps!r}.")


def _check_bias(bias):
    b = as_float_array(bias, "bias")
    if b.ndim != 0:
        raise ValueError(f"bias must be a single number; got shape {b.shape}.")
    return float(b)


def logistic_loss_and_grad(weights, bias, X, y, loss="cross_entropy"):
    """Loss of a sigmoid unit and its gradient with respect to weights and bias.

    Examples
    --------
    >>> X, y = np.array([[1.0], [-1.0]]), np.array([1.0, 0.0])
    >>> value, gw, gb = logistic_loss_and_grad(np.zeros(1), 0.0, X, y)
    >>> round(value, 4), gw.round(4).tolist(), round(gb, 4)
    (0.6931, [-0.5], 0.0)
    """
    if loss not in LOSSES:
        raise ValueError(f"loss must be one of {sorted(LOSSES)}; got {loss!r}.")
    value, dz = LOSSES[loss](X @ weights + bias, y)
    return value, X.T @ dz, float(dz.sum())


def softmax_loss_and_grad(weights, bias, X, y):
    """Cross-entropy (nats) of softmax regression and its gradient wrt weights and bias."""
    z = X @ weights + bias
    dz = cross_entropy_grad(z, y)
    return cross_entropy_loss(z, y), X.T @ dz, dz.sum(axis=0)


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
    _check_schedule(lr, steps)
    if loss not in LOSSES:
        raise ValueError(f"loss must be one of {sorted(LOSSES)}; got {loss!r}.")
    w = np.zeros(X.shape[1]) if weights is None else as_float_array(weights, "weights").copy()
    if w.shape != (X.shape[1],):
        raise ValueError(f"weights must have shape ({X.shape[1]},); got {w.shape}.")
    b = _check_bias(bias)
    losses, accuracies = [], []
    for step in range(int(steps) + 1):
        value, grad_w, grad_b = logistic_loss_and_grad(w, b, X, y, loss)
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
    if n_classes is not None and (
        isinstance(n_classes, bool) or not isinstance(n_classes, numbers.Integral) or n_classes < 2
    ):
        raise ValueError(f"n_classes must be an integer of at least 2; got {n_classes!r}.")
    X, y_float = _check_xy(X, y, labels_from=None if n_classes is None else int(n_classes))
    k = int(y_float.max()) + 1 if n_classes is None else int(n_classes)
    _check_schedule(lr, steps)
    labels = y_float.astype(int)
    W = np.zeros((X.shape[1], k))
    b = np.zeros(k)
    losses, accuracies = [], []
    for step in range(int(steps) + 1):
        value, grad_W, grad_b = softmax_loss_and_grad(W, b, X, labels)
        losses.append(value)
        accuracies.append(float(np.mean((X @ W + b).argmax(axis=1) == labels)))
        if step < steps:
            W -= lr * grad_W
            b -= lr * grad_b
    return Fit(W, b, "cross_entropy", {"loss": np.array(losses), "accuracy": np.array(accuracies)})
