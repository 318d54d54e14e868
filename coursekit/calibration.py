r"""Calibration: do predicted probabilities match how often things happen?

A classifier that says "70 %" should be right about 70 % of the time when it
says so. To check, sort the predictions into ``n_bins`` equal-width bins of
[0, 1] and compare, in each bin, the mean predicted probability with the
observed frequency of class 1. Plotted against each other they give a
*reliability diagram*; a calibrated model lies on the diagonal.

The *expected calibration error* summarises the gaps, weighting each bin by
the share of predictions that fall in it:

.. math::
    \mathrm{ECE} = \sum_{k=1}^{K} \frac{n_k}{N}\,
        \big| \bar y_k - \bar p_k \big|

where :math:`n_k` predictions fall in bin :math:`k`, :math:`\bar p_k` is their
mean predicted probability and :math:`\bar y_k` the fraction of them whose
label is 1.

Bin :math:`k` (counting from 0) holds :math:`k/K \le p < (k+1)/K`; the last bin
also holds :math:`p = 1`. This is the convention of :func:`numpy.histogram`.
:func:`sklearn.calibration.calibration_curve` closes its bins on the right
instead, so the two differ only for predictions that sit exactly on an inner
bin edge.

References
----------
.. [1] C. Guo, G. Pleiss, Y. Sun and K. Q. Weinberger, "On Calibration of
   Modern Neural Networks", ICML 2017.
"""

import numbers
from typing import NamedTuple

import numpy as np

from coursekit._validation import check_same_shape, check_unit_interval

__all__ = ["ReliabilityCurve", "reliability_curve", "expected_calibration_error"]


class ReliabilityCurve(NamedTuple):
    """Per-bin summary of predictions; every field has one entry per bin.

    Empty bins have ``counts == 0`` and NaN in ``mean_predicted`` and
    ``observed``.
    """

    centers: np.ndarray
    mean_predicted: np.ndarray
    observed: np.ndarray
    counts: np.ndarray


def _check_n_bins(n_bins):
    if isinstance(n_bins, bool) or not isinstance(n_bins, numbers.Integral) or n_bins < 1:
        raise ValueError(f"n_bins must be a positive integer; got {n_bins!r}.")
    return int(n_bins)


def _check_labels_and_probabilities(y_true, p_pred):
    y, p = check_same_shape(y_true, p_pred, ("y_true", "p_pred"))
    if y.ndim != 1:
        raise ValueError(f"y_true and p_pred must be 1-D (one entry per prediction); got shape {y.shape}.")
    not_binary = (y != 0) & (y != 1)
    if not_binary.any():
        raise ValueError(
            f"y_true must hold labels 0 or 1; got {y[not_binary][0]:g} at index {int(np.argmax(not_binary))}."
        )
    check_unit_interval(p, "p_pred")
    return y, p


def reliability_curve(y_true, p_pred, n_bins=10):
    r"""Mean predicted probability and observed frequency of class 1, bin by bin.

    Parameters
    ----------
    y_true : array_like, shape (N,)
        Labels, 0 or 1.
    p_pred : array_like, shape (N,)
        Predicted probabilities of class 1, each in [0, 1].
    n_bins : int, default 10
        Number of equal-width bins of [0, 1].

    Returns
    -------
    ReliabilityCurve
        ``centers`` (the bin midpoints), ``mean_predicted`` (:math:`\bar p_k`),
        ``observed`` (:math:`\bar y_k`) and ``counts`` (:math:`n_k`), each of
        length ``n_bins``; NaN where a bin is empty.

    Raises
    ------
    ValueError
        If the shapes differ or are not 1-D, a label is not 0 or 1, a
        probability is outside [0, 1], or ``n_bins`` is not a positive integer.
    TypeError
        If ``y_true`` or ``p_pred`` is not numeric.

    Examples
    --------
    >>> curve = reliability_curve([0, 0, 1, 1], [0.1, 0.3, 0.6, 0.8], n_bins=2)
    >>> curve.centers.tolist(), curve.counts.tolist()
    ([0.25, 0.75], [2, 2])
    >>> curve.mean_predicted.round(4).tolist(), curve.observed.tolist()
    ([0.2, 0.7], [0.0, 1.0])

    An empty bin is reported, with NaN for its means:

    >>> reliability_curve([1], [1.0], n_bins=2).observed.tolist()
    [nan, 1.0]
    """
    n_bins = _check_n_bins(n_bins)
    y, p = _check_labels_and_probabilities(y_true, p_pred)
    bins = np.minimum((p * n_bins).astype(int), n_bins - 1)  # k/K <= p < (k+1)/K; p = 1 in the last
    counts = np.bincount(bins, minlength=n_bins)
    sum_predicted = np.bincount(bins, weights=p, minlength=n_bins)
    sum_observed = np.bincount(bins, weights=y, minlength=n_bins)
    with np.errstate(invalid="ignore", divide="ignore"):  # empty bins: 0 / 0 = nan, on purpose
        mean_predicted = sum_predicted / counts
        observed = sum_observed / counts
    centers = (np.arange(n_bins) + 0.5) / n_bins
    return ReliabilityCurve(centers, mean_predicted, observed, counts)


def expected_calibration_error(y_true, p_pred, n_bins=10):
    r"""Expected calibration error: the count-weighted mean gap between the
    observed frequency and the mean predicted probability over the bins.

    .. math:: \mathrm{ECE} = \sum_k \frac{n_k}{N} \big| \bar y_k - \bar p_k \big|

    Parameters
    ----------
    y_true, p_pred, n_bins
        As for :func:`reliability_curve`.

    Returns
    -------
    float
        A number in [0, 1]; 0 when every bin's frequency equals its mean
        prediction. It is a difference of probabilities, so it has no unit.

    Examples
    --------
    >>> expected_calibration_error([0, 0, 1, 1], [0.1, 0.3, 0.6, 0.8], n_bins=2)
    0.25
    >>> expected_calibration_error([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5])
    0.0
    """
    curve = reliability_curve(y_true, p_pred, n_bins)
    filled = curve.counts > 0
    weights = curve.counts[filled] / curve.counts.sum()
    gaps = np.abs(curve.observed[filled] - curve.mean_predicted[filled])
    return float(np.sum(weights * gaps))
