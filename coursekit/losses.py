r"""Losses for classifiers and regressors, computed the stable way.

Softmax turns scores (logits) into probabilities; the cross-entropy loss is the
average surprisal, in nats, of the true class under those probabilities. It is
computed straight from the logits with the log-sum-exp trick
(:func:`scipy.special.logsumexp`), so it stays finite for any finite logits:

.. math:: -\log \operatorname{softmax}(z)_t = \log \sum_j e^{z_j} - z_t

Integer labels are gathered, never expanded into a one-hot matrix.
"""

import numpy as np
from scipy import special

from coursekit._validation import (
    as_float_array,
    check_logits,
    check_same_shape,
    check_targets,
    check_unit_interval,
    scalar_or_array,
)

__all__ = [
    "softmax",
    "log_softmax",
    "sigmoid",
    "cross_entropy_loss",
    "cross_entropy_grad",
    "binary_cross_entropy",
    "binary_cross_entropy_with_logits",
    "mse_loss",
]


def softmax(logits, axis=-1):
    r"""Probabilities from scores: :math:`\operatorname{softmax}(z)_i = e^{z_i} / \sum_j e^{z_j}`.

    Parameters
    ----------
    logits : array_like
        Finite scores, classes along ``axis``.
    axis : int, default -1
        The axis that holds the classes.

    Returns
    -------
    ndarray
        Probabilities of the same shape, summing to 1 along ``axis``.

    Examples
    --------
    >>> softmax([0.0, 0.0]).tolist()
    [0.5, 0.5]
    >>> softmax([1000.0, 0.0]).round(4).tolist()
    [1.0, 0.0]
    """
    return special.softmax(check_logits(logits), axis=axis)


def log_softmax(logits, axis=-1):
    r"""Log-probabilities from scores, :math:`z_i - \log \sum_j e^{z_j}`, without overflow.

    Examples
    --------
    >>> log_softmax([0.0, 0.0]).round(4).tolist()
    [-0.6931, -0.6931]
    >>> log_softmax([1000.0, 0.0]).tolist()
    [0.0, -1000.0]
    """
    return special.log_softmax(check_logits(logits), axis=axis)


def sigmoid(z):
    r"""The logistic function :math:`\sigma(z) = 1 / (1 + e^{-z})`, the two-class softmax.

    Examples
    --------
    >>> sigmoid(0.0)
    0.5
    >>> sigmoid([-800.0, 800.0]).tolist()
    [0.0, 1.0]
    """
    return scalar_or_array(special.expit(as_float_array(z, "z")))


def _n_samples(logits):
    return logits.size // logits.shape[-1]


#: Rows are processed in blocks of about this many logits, so the temporary
#: arrays stay in cache and never grow with the data set.
_BLOCK_ELEMENTS = 2**16


def _row_max(z):
    """Maximum of each row; column by column when rows are short (numpy's
    reduction along a short last axis is several times slower)."""
    if z.shape[1] > 32:
        return z.max(axis=1)
    best = z[:, 0].copy()
    for j in range(1, z.shape[1]):
        np.maximum(best, z[:, j], out=best)
    return best


def _sum_of_label_nll(rows, labels):
    """Sum over rows of ``logsumexp(z) - z[label]``, block by block, gathering the label."""
    total = 0.0
    step = max(1, _BLOCK_ELEMENTS // rows.shape[1])
    for start in range(0, len(rows), step):
        z, t = rows[start:start + step], labels[start:start + step]
        # Shift by the row maximum so exp cannot overflow and huge but equal
        # logits keep their differences; a shift beyond float range is -inf.
        with np.errstate(over="ignore"):
            shifted = z - _row_max(z)[:, None]
        true_score = shifted[np.arange(len(t)), t]
        log_normaliser = np.log(np.exp(shifted, out=shifted).sum(axis=1))
        total += float(np.sum(log_normaliser - true_score))
    return total


def cross_entropy_loss(logits, targets):
    r"""Mean cross-entropy, in nats, between targets and ``softmax(logits)``.

    .. math::
        L = \frac{1}{N} \sum_{n=1}^{N} \Big( \log \sum_j e^{z_{nj}}
            - \sum_j y_{nj} z_{nj} \Big)

    which for an integer label :math:`t_n` is the average of
    :math:`-\log \operatorname{softmax}(z_n)_{t_n}`.

    Parameters
    ----------
    logits : array_like, shape (K,) or (N, K)
        Finite scores; the last axis holds the K classes.
    targets : array_like
        Integer class labels of shape ``logits.shape[:-1]``, or probability
        vectors (one-hot or soft) of the same shape as ``logits``.

    Returns
    -------
    float
        The mean negative log-likelihood in nats.

    Raises
    ------
    ValueError
        For NaN or inf logits, mismatched shapes, labels that are out of range
        or not integers, or target rows that are not distributions.

    Examples
    --------
    >>> round(cross_entropy_loss([[2.0, 1.0, 0.1]], [0]), 4)
    0.417
    >>> round(cross_entropy_loss([[2.0, 1.0, 0.1]], [[1.0, 0.0, 0.0]]), 4)
    0.417
    >>> cross_entropy_loss([[1e4, -1e300]], [1])
    1e+300
    """
    logits = check_logits(logits)
    kind, targets = check_targets(targets, logits.shape)
    if kind == "labels":
        rows = logits.reshape(-1, logits.shape[-1])
        return _sum_of_label_nll(rows, targets.reshape(-1)) / len(rows)
    with np.errstate(over="ignore"):  # a shift beyond float range is -inf: probability 0
        log_probs = special.log_softmax(logits, axis=-1)
    # A zero target weight times a -inf log-probability contributes nothing.
    weighted = np.multiply(targets, log_probs, out=np.zeros_like(log_probs), where=targets > 0)
    return float(-np.mean(weighted.sum(axis=-1)))


def cross_entropy_grad(logits, targets):
    r"""Gradient of :func:`cross_entropy_loss` with respect to the logits.

    .. math:: \frac{\partial L}{\partial z_{nj}} = \frac{\operatorname{softmax}(z_n)_j - y_{nj}}{N}

    Parameters
    ----------
    logits, targets
        As for :func:`cross_entropy_loss`.

    Returns
    -------
    ndarray
        Same shape as ``logits``.

    Examples
    --------
    >>> cross_entropy_grad([[0.0, 0.0]], [1]).tolist()
    [[0.5, -0.5]]
    """
    logits = check_logits(logits)
    kind, targets = check_targets(targets, logits.shape)
    grad = special.softmax(logits, axis=-1)
    if kind == "labels":
        rows = grad.reshape(-1, logits.shape[-1])  # a view: grad is contiguous
        rows[np.arange(len(rows)), targets.reshape(-1)] -= 1.0
    else:
        grad -= targets
    grad /= _n_samples(logits)
    return grad


def binary_cross_entropy(y_true, p_pred):
    r"""Mean binary cross-entropy, in nats, of predicted probabilities.

    .. math:: L = -\frac{1}{N} \sum_n \big( y_n \log \hat p_n + (1 - y_n) \log (1 - \hat p_n) \big)

    Parameters
    ----------
    y_true : array_like
        Targets in [0, 1] (labels 0/1, or soft targets).
    p_pred : array_like
        Predicted probabilities of class 1, same shape as ``y_true``.

    Returns
    -------
    float
        The loss; ``inf`` when a prediction of exactly 0 or 1 is wrong.

    Examples
    --------
    >>> round(binary_cross_entropy([1, 0], [0.9, 0.2]), 4)
    0.1643
    >>> binary_cross_entropy([1], [0.0])
    inf
    """
    y, p = check_same_shape(y_true, p_pred, ("y_true", "p_pred"))
    check_unit_interval(y, "y_true")
    check_unit_interval(p, "p_pred")
    return float(-np.mean(special.xlogy(y, p) + special.xlogy(1 - y, 1 - p)))


def binary_cross_entropy_with_logits(y_true, logits):
    r"""Mean binary cross-entropy, in nats, computed from logits.

    .. math:: L = \frac{1}{N} \sum_n \big( \log(1 + e^{z_n}) - y_n z_n \big)

    Finite for any finite logits, where ``binary_cross_entropy(y,
    sigmoid(z))`` would hit ``log 0``.

    Examples
    --------
    >>> round(binary_cross_entropy_with_logits([1, 0], [2.0, -1.0]), 4)
    0.2201
    >>> binary_cross_entropy_with_logits([1], [-800.0])
    800.0
    """
    y, z = check_same_shape(y_true, logits, ("y_true", "logits"))
    check_unit_interval(y, "y_true")
    return float(np.mean(np.logaddexp(0.0, z) - y * z))


def mse_loss(y_true, y_pred):
    r"""Mean squared error :math:`\frac{1}{N} \sum_n (y_n - \hat y_n)^2`.

    Examples
    --------
    >>> mse_loss([1.0, 0.0], [0.5, 0.5])
    0.25
    """
    y, y_hat = check_same_shape(y_true, y_pred, ("y_true", "y_pred"))
    return float(np.mean((y - y_hat) ** 2))
