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

The bins are those of ``numpy.histogram(p, bins=K, range=(0, 1))``, edge
for edge: the edges are ``numpy.linspace(0, 1, K + 1)``, bin :math:`k`
(counting from 0) holds :math:`e_k \le p < e_{k+1}`, and the last bin also
holds :math:`p = 1`. (The edge :math:`e_3` of 10 bins is
``0.30000000000000004``, so 0.3 falls in bin 2, as in numpy.)
:func:`sklearn.calibration.calibration_curve` closes its bins on the right
instead, so the two differ only for predictions that sit exactly on an inner
bin edge.

*Temperature scaling* recalibrates a trained classifier with one number:
divide every logit by :math:`T`, chosen to minimise the negative
log-likelihood on held-out data (:func:`fit_temperature`). :math:`T > 1`
softens overconfident predictions; the predicted class never changes.

References
----------
.. [1] C. Guo, G. Pleiss, Y. Sun and K. Q. Weinberger, "On Calibration of
   Modern Neural Networks", ICML 2017.
"""

import math
from typing import NamedTuple

import numpy as np

from coursekit._validation import check_same_shape, check_scalar
from coursekit._validation_probability import check_labels, check_logits, check_unit_interval

__all__ = [
    "MAX_BINS", "ReliabilityCurve", "reliability_curve", "expected_calibration_error",
    "TemperatureFit", "fit_temperature", "TopLabel", "top_label_confidence",
]

#: The most bins :func:`reliability_curve` accepts.
MAX_BINS = 10**6

#: The range searched by :func:`fit_temperature`.
TEMPERATURE_RANGE = (0.01, 100.0)


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
    return check_scalar(n_bins, "n_bins", "integer", low=1, high=MAX_BINS)


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
        Number of equal-width bins of [0, 1], 1 to :data:`MAX_BINS`; the bins
        of ``numpy.histogram(p_pred, bins=n_bins, range=(0, 1))``.

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
        probability is outside [0, 1], or ``n_bins`` is not a whole number
        in 1 .. :data:`MAX_BINS`.
    TypeError
        If ``y_true`` or ``p_pred`` is not numeric (bools included), or
        ``n_bins`` is not an integer.

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
    # numpy.histogram's bins: edges[k] <= p < edges[k+1], and p = 1 in the last bin.
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    bins = np.minimum(np.searchsorted(edges, p, side="right") - 1, n_bins - 1)
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


class TemperatureFit(NamedTuple):
    """The result of :func:`fit_temperature`; the NLLs are in nats per prediction."""

    temperature: float
    nll_before: float
    nll_after: float


def _check_logits_and_labels(logits, labels):
    """(N, K) scores or (N,) binary log-odds, as (N, K) scores, and N integer labels."""
    z = check_logits(logits)
    if z.ndim == 1:  # log-odds of class 1: sigmoid(z) = softmax([0, z])[1]
        z = np.column_stack([np.zeros_like(z), z])
    elif z.ndim != 2 or z.shape[1] < 2:
        raise ValueError(f"logits must have shape (N,) (binary log-odds) or (N, K) with K >= 2; got {z.shape}.")
    t = check_labels(labels, z.shape[1], "labels", context=f" (logits have {z.shape[1]} classes)")
    if t.shape != (z.shape[0],):
        raise ValueError(f"labels must hold one label per row of logits, shape ({z.shape[0]},); got {t.shape}.")
    return z, t


def fit_temperature(logits, labels):
    r"""Temperature scaling: the one number :math:`T` that minimises the held-out NLL of ``logits / T``.

    .. math::
        T^* = \arg\min_{T > 0} \; -\frac{1}{N} \sum_n
              \log \operatorname{softmax}(z_n / T)_{t_n}

    Fit it on held-out logits, never on the training set (those logits were
    fitted to those very labels, so a temperature fitted there describes the
    fit, not new data), then divide new logits by ``temperature``.
    The search runs over :math:`\log T` (bounded, Brent's method in
    :func:`scipy.optimize.minimize_scalar`) within :data:`TEMPERATURE_RANGE`;
    a result at an end of that range means the NLL still falls beyond it.
    The NLL is never worse than at :math:`T = 1`.

    Parameters
    ----------
    logits : array_like, shape (N, K) or (N,)
        Held-out scores of a trained classifier; a 1-D array holds the log-odds
        of class 1 of a binary model.
    labels : array_like of int, shape (N,)
        The true classes, in ``0..K - 1`` (0 or 1 for log-odds).

    Returns
    -------
    TemperatureFit
        ``temperature`` and the mean NLL, in nats, ``nll_before`` (at
        :math:`T = 1`) and ``nll_after`` (at the fitted :math:`T`).

    Examples
    --------
    Logits twice as large as they should be are cooled by about 2:

    >>> rng = np.random.default_rng(0)
    >>> true_logits = rng.normal(size=(2000, 3))
    >>> labels = [rng.choice(3, p=np.exp(z) / np.exp(z).sum()) for z in true_logits]
    >>> fit = fit_temperature(2 * true_logits, labels)
    >>> 1.8 < fit.temperature < 2.2, fit.nll_after < fit.nll_before
    (True, True)
    """
    from scipy.optimize import minimize_scalar

    from coursekit.losses import _mean_label_nll

    z, t = _check_logits_and_labels(logits, labels)

    def nll(log_t):
        return _mean_label_nll(z / math.exp(log_t), t)

    low, high = (math.log(v) for v in TEMPERATURE_RANGE)
    best = minimize_scalar(nll, bounds=(low, high), method="bounded", options={"xatol": 1e-8})
    before = nll(0.0)
    log_t, after = (float(best.x), float(best.fun)) if best.fun < before else (0.0, before)
    return TemperatureFit(math.exp(log_t), before, after)


class TopLabel(NamedTuple):
    """The class each prediction picks, how sure it is, and whether it is right."""

    confidence: np.ndarray
    correct: np.ndarray


def top_label_confidence(logits, labels, temperature=1.0):
    r"""Confidence :math:`\max_k \operatorname{softmax}(z / T)_k` and correctness of each prediction.

    Parameters
    ----------
    logits : array_like, shape (N, K) or (N,)
        Finite scores, one row per prediction (a 1-D array: binary log-odds).
    labels : array_like of int, shape (N,)
        True classes.
    temperature : float, default 1.0
        Positive; the logits are divided by it.

    Returns
    -------
    TopLabel
        ``confidence`` in [1/K, 1] and ``correct`` (1.0 where the top class is
        the label, else 0.0), each of shape (N,).

    Examples
    --------
    >>> top = top_label_confidence([[2.0, 0.0], [0.0, 1.0]], [0, 0])
    >>> top.confidence.round(4).tolist(), top.correct.tolist()
    ([0.8808, 0.7311], [1.0, 0.0])
    >>> top_label_confidence([[2.0, 0.0]], [0], temperature=2.0).confidence.round(4).tolist()
    [0.7311]
    """
    from scipy import special

    z, y = _check_logits_and_labels(logits, labels)
    temperature = check_scalar(temperature, "temperature", low=0, include=(False, True))
    probs = special.softmax(z / temperature, axis=1)
    return TopLabel(probs.max(axis=1), (probs.argmax(axis=1) == y).astype(float))
