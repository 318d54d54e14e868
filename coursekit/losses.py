r"""Losses for classifiers and regressors, computed the stable way.

The cross-entropy loss is the average surprisal, in nats, of the true class under those probabilities. It is
computed straight from the logits with the log-sum-exp trick
(:func:`scipy.special.logsumexp`), so it stays finite for any finite logits:

.. math:: -\log \operatorname{softmax}(z)_t = \log \sum_j e^{z_j} - z_t

Integer labels are gathered, never expanded into a one-hot matrix.

Softmax, log-softmax and the sigmoid themselves are in :mod:`coursekit.activations`.
"""

import math

import numpy as np
from scipy import special

from coursekit._validation import as_float_array, check_same_shape, check_scalar, scalar_or_array
from coursekit._validation_probability import (
    check_labels,
    check_logits,
    check_targets,
    check_unit_interval,
)
from coursekit.activations import _log_normaliser, _log_softmax, _shifted

__all__ = [
    "cross_entropy_loss",
    "cross_entropy_grad",
    "binary_cross_entropy",
    "binary_cross_entropy_with_logits",
    "mse_loss",
    "smooth_labels",
]

#: The most classes :func:`smooth_labels` builds soft targets for (the result
#: holds ``n_classes`` floats per label).
MAX_CLASSES = 2**20


def _mean(values):
    """Mean of ``values`` that overflows only when the mean itself is beyond float range.

    ``np.mean`` sums before it divides, so huge finite losses can sum to inf;
    then the mean is taken again on values divided first.
    """
    with np.errstate(over="ignore"):
        mean = np.mean(values)
    if np.isinf(mean) and np.isfinite(values).all():
        mean = np.sum(values / values.size)
    return float(mean) + 0.0


def _n_samples(logits):
    return logits.size // logits.shape[-1]


#: Rows are processed in blocks of about this many logits, so the temporary
#: arrays stay in cache and never grow with the data set.
_BLOCK_ELEMENTS = 2**16

#: Below this row total, :math:`\log(\text{total})` would lose relative
#: accuracy (it is close to 0); those rows are recomputed in the ``log1p`` form.
_NEAR_ONE = 1.001


def _row_max(z):
    """Maximum of each row; column by column when rows are short (numpy's
    reduction along a short last axis is several times slower)."""
    if z.shape[1] > 32:
        return z.max(axis=1)
    best = z[:, 0].copy()
    for j in range(1, z.shape[1]):
        np.maximum(best, z[:, j], out=best)
    return best


def _mean_label_nll(rows, labels):
    """Mean over rows of ``logsumexp(z) - z[label]``, block by block, gathering the label."""
    mean, n = 0.0, len(rows)
    step = max(1, _BLOCK_ELEMENTS // rows.shape[1])
    # Shift by the row maximum so exp cannot overflow and huge but equal
    # logits keep their differences; a shift beyond float range is -inf, and
    # a sum of huge losses beyond float range is redone below.
    with np.errstate(over="ignore"):
        for start in range(0, n, step):
            z, t = rows[start:start + step], labels[start:start + step]
            shifted = z - _row_max(z)[:, None]
            true_score = shifted[np.arange(len(t)), t]
            total = np.exp(shifted, out=shifted).sum(axis=1)
            log_normaliser = np.log(total)
            if total.min() < _NEAR_ONE:  # some losses near 0: keep their digits (log1p form)
                confident = total < _NEAR_ONE
                log_normaliser[confident] = _log_normaliser(_shifted(z[confident]))[:, 0]
            nll = log_normaliser - true_score
            block = float(np.sum(nll))
            mean += block / n if math.isfinite(block) else _mean(nll) * (len(nll) / n)
    return mean


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
        return _mean_label_nll(rows, targets.reshape(-1)) + 0.0
    log_probs = _log_softmax(logits)  # a shift beyond float range is -inf: probability 0
    # A zero target weight times a -inf log-probability contributes nothing.
    weighted = np.multiply(targets, log_probs, out=np.zeros_like(log_probs), where=targets > 0)
    return _mean(-weighted.sum(axis=-1))


def cross_entropy_grad(logits, targets):
    r"""Gradient of :func:`cross_entropy_loss` with respect to the logits.

    .. math:: \frac{\partial L}{\partial z_{nj}} = \frac{\operatorname{softmax}(z_n)_j - y_{nj}}{N}

    At an integer label the entry :math:`\operatorname{softmax}(z_n)_t - 1`
    is computed as minus the sum of the other probabilities, so it keeps its
    digits when the prediction is confident, and every row sums to 0.

    Parameters
    ----------
    logits, targets
        As for :func:`cross_entropy_loss`; any memory layout (C or Fortran
        order, transposed or strided views).

    Returns
    -------
    ndarray
        Same shape as ``logits``.

    Examples
    --------
    >>> cross_entropy_grad([[0.0, 0.0]], [1]).tolist()
    [[0.5, -0.5]]
    >>> float(cross_entropy_grad([[40.0, 0.0]], [0])[0, 0])  # -(1 - softmax(z)_0)
    -4.248354255291589e-18
    """
    logits = check_logits(logits)
    kind, targets = check_targets(targets, logits.shape)
    grad = special.softmax(logits, axis=-1)
    if kind == "labels":
        # Index along the class axis itself: no reshape, which would copy (and
        # drop the update) for a Fortran-ordered or transposed array.
        at_label = targets[..., None]
        np.put_along_axis(grad, at_label, 0.0, axis=-1)
        np.put_along_axis(grad, at_label, -grad.sum(axis=-1, keepdims=True), axis=-1)
    else:
        grad -= targets
    grad /= _n_samples(logits)
    return grad + 0.0


def _binary_nll(y, z):
    r"""Per-example :math:`y \log(1 + e^{-z}) + (1 - y) \log(1 + e^{z})`, in nats.

    Two softplus terms (``logaddexp`` is ``log1p`` inside), each non-negative:
    unlike :math:`\log(1 + e^z) - y z` this keeps its digits when the loss is tiny.
    """
    return y * np.logaddexp(0.0, -z) + (1 - y) * np.logaddexp(0.0, z)


def binary_cross_entropy(y_true, p_pred):
    r"""Mean binary cross-entropy, in nats, of predicted probabilities.

    .. math:: L = -\frac{1}{N} \sum_n \big( y_n \log \hat p_n + (1 - y_n) \log (1 - \hat p_n) \big)

    with :math:`\log(1 - \hat p)` computed as ``log1p(-p)``, so a small loss
    keeps its digits.

    Parameters
    ----------
    y_true : array_like
        Targets in [0, 1] (labels 0/1, or soft targets).
    p_pred : array_like
        Predicted probabilities of class 1, same shape as ``y_true``.

    Returns
    -------
    float
        The loss; ``inf`` when a prediction of exactly 0 or 1 is wrong, and
        ``0.0`` (never ``-0.0``) for a perfect one.

    Examples
    --------
    >>> round(binary_cross_entropy([1, 0], [0.9, 0.2]), 4)
    0.1643
    >>> binary_cross_entropy([1], [0.0])
    inf
    >>> binary_cross_entropy([0], [1e-20])
    1e-20
    """
    y, p = check_same_shape(y_true, p_pred, ("y_true", "p_pred"))
    check_unit_interval(y, "y_true")
    check_unit_interval(p, "p_pred")
    return _mean(-(special.xlogy(y, p) + special.xlog1py(1 - y, -p)))


def binary_cross_entropy_with_logits(y_true, logits):
    r"""Mean binary cross-entropy, in nats, computed from logits.

    .. math:: L = \frac{1}{N} \sum_n \big( y_n \log(1 + e^{-z_n}) + (1 - y_n) \log(1 + e^{z_n}) \big)

    Finite for any finite logits, where ``binary_cross_entropy(y,
    sigmoid(z))`` would hit ``log 0``, and accurate when the loss is tiny.

    Examples
    --------
    >>> round(binary_cross_entropy_with_logits([1, 0], [2.0, -1.0]), 4)
    0.2201
    >>> binary_cross_entropy_with_logits([1], [-800.0])
    800.0
    >>> binary_cross_entropy_with_logits([1], [40.0])  # log(1 + e^-40)
    4.248354255291589e-18
    """
    y, z = check_same_shape(y_true, logits, ("y_true", "logits"))
    check_unit_interval(y, "y_true")
    return _mean(_binary_nll(y, z))


def mse_loss(y_true, y_pred):
    r"""Mean squared error :math:`\frac{1}{N} \sum_n (y_n - \hat y_n)^2`.

    Examples
    --------
    >>> mse_loss([1.0, 0.0], [0.5, 0.5])
    0.25
    >>> mse_loss([1e154, 1e154], [0.0, 0.0])  # the sum overflows, the mean does not
    1e+308
    """
    y, y_hat = check_same_shape(y_true, y_pred, ("y_true", "y_pred"))
    with np.errstate(over="ignore"):
        return _mean((y - y_hat) ** 2)


def smooth_labels(labels, n_classes, epsilon):
    r"""Soft targets for label smoothing: :math:`\tilde y = (1 - \varepsilon)\,\mathrm{onehot}(t) + \varepsilon / K`.

    Training on :math:`\tilde y` instead of the one-hot target is
    cross-entropy against a soft target, which decomposes as

    .. math:: H(\tilde y, q) = H(\tilde y) + D(\tilde y \,\|\, q),

    so the loss can no longer reach 0: its floor is :math:`H(\tilde y)`, and
    the model is pulled away from infinitely confident logits.

    Parameters
    ----------
    labels : array_like of int
        Class labels in ``0..n_classes - 1``, any shape.
    n_classes : int
        K, the number of classes (at least 2, at most :data:`MAX_CLASSES`).
    epsilon : float
        The smoothing, in [0, 1]: 0 gives one-hot targets, 1 uniform ones.

    Returns
    -------
    ndarray, shape ``labels.shape + (n_classes,)``
        Probability vectors along the last axis; pass them to
        :func:`cross_entropy_loss` as targets.

    Examples
    --------
    >>> smooth_labels([0, 2], 3, 0.3).round(4).tolist()
    [[0.8, 0.1, 0.1], [0.1, 0.1, 0.8]]
    >>> smooth_labels(1, 2, 0.0).tolist()
    [0.0, 1.0]
    """
    k = check_scalar(n_classes, "n_classes", "integer", low=2, high=MAX_CLASSES)
    eps = check_scalar(epsilon, "epsilon", low=0, high=1)
    labels = check_labels(labels, k, "labels")
    soft = np.full(labels.shape + (k,), eps / k)
    np.put_along_axis(soft, labels[..., None], 1 - eps + eps / k, axis=-1)
    return soft
