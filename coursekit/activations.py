r"""From scores to probabilities: softmax, log-softmax and the sigmoid, without overflow.

A classifier outputs scores (logits), any real numbers; softmax turns a row of
them into probabilities, :math:`e^{z_i} / \sum_j e^{z_j}`, and the sigmoid is
its two-class case. The losses built on them are in :mod:`coursekit.losses`.
"""

import numpy as np
from scipy import special

from coursekit._validation import as_float_array, check_scalar, scalar_or_array
from coursekit._validation_probability import check_logits

__all__ = ["softmax", "log_softmax", "sigmoid"]


def _check_axis(axis, ndim):
    return check_scalar(axis, "axis", "integer", low=-ndim, high=ndim - 1)


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
    logits = check_logits(logits)
    return special.softmax(logits, axis=_check_axis(axis, logits.ndim))


def _log_normaliser(shifted, axis=-1):
    r""":math:`\log \sum_j e^{s_j}` along ``axis`` for scores whose maximum there is 0.

    Written as :math:`\log(1 + \sum_{j \ne j^*} e^{s_j})` with ``log1p`` and
    one maximum :math:`j^*` left out of the sum, so a normaliser close to 0
    (a confident row) keeps its relative accuracy instead of rounding to 0.
    """
    top = np.argmax(shifted, axis=axis, keepdims=True)
    others = np.exp(shifted)
    np.put_along_axis(others, top, 0.0, axis=axis)
    return np.log1p(others.sum(axis=axis, keepdims=True))


def _shifted(z, axis=-1):
    """Scores minus their maximum along ``axis``; a shift beyond float range is -inf."""
    with np.errstate(over="ignore"):
        return z - z.max(axis=axis, keepdims=True)


def _log_softmax(z, axis=-1):
    shifted = _shifted(z, axis)
    return shifted - _log_normaliser(shifted, axis)


def log_softmax(logits, axis=-1):
    r"""Log-probabilities from scores, :math:`z_i - \log \sum_j e^{z_j}`, without overflow.

    Log-probabilities close to 0 keep their relative accuracy (``log1p``
    form), where ``log(sum(exp(...)))`` would round them to 0.

    Examples
    --------
    >>> log_softmax([0.0, 0.0]).round(4).tolist()
    [-0.6931, -0.6931]
    >>> log_softmax([1000.0, 0.0]).tolist()
    [0.0, -1000.0]
    >>> float(log_softmax([0.0, -40.0])[0])  # -log(1 + e^-40)
    -4.248354255291589e-18
    """
    logits = check_logits(logits)
    return _log_softmax(logits, _check_axis(axis, logits.ndim)) + 0.0


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
