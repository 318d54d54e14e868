r"""Information measures: surprisal, entropy, cross-entropy, KL divergence, perplexity.

A readable front over :mod:`scipy.special` (``xlogy`` and ``rel_entr``), in
the manner of :func:`scipy.stats.entropy`. Every function takes probability
vectors along the last axis, so a 2-D array is a batch of distributions, and a
``base``: 2 (the default) gives bits, ``math.e`` gives nats.

The convention :math:`0 \log 0 = 0` holds throughout, and the result is
``inf`` exactly where the mathematics is infinite: an outcome that happens
(:math:`p_i > 0`) under a belief that rules it out (:math:`q_i = 0`).

References
----------
.. [1] T. M. Cover and J. A. Thomas, *Elements of Information Theory*,
   2nd ed., Wiley, 2006, chapter 2.
"""

import math

import numpy as np
from scipy.special import rel_entr, xlogy

from coursekit._validation import check_base, check_scalar, scalar_or_array
from coursekit._validation_probability import check_pair, check_probabilities, check_unit_interval

__all__ = ["surprisal", "entropy", "cross_entropy", "kl_divergence", "perplexity"]


def surprisal(p, base=2):
    r"""Surprisal (self-information) of outcomes with probability ``p``.

    .. math:: s(x) = -\log_b p(x)

    Parameters
    ----------
    p : float or array_like
        Probabilities of single outcomes, each in [0, 1]. They need not sum to 1.
    base : float, default 2
        Base of the logarithm: 2 for bits, ``math.e`` for nats.

    Returns
    -------
    float or ndarray
        The surprisal; ``inf`` for an impossible outcome (``p = 0``).

    Raises
    ------
    ValueError
        If an entry is outside [0, 1], NaN or inf, or ``base`` is invalid.
    TypeError
        If ``p`` is not numeric.

    Examples
    --------
    >>> surprisal(0.5)
    1.0
    >>> round(surprisal(1 / 6), 4)
    2.585
    >>> import math
    >>> round(surprisal(1 / 6, base=math.e), 4)
    1.7918
    """
    log_base = check_base(base)
    p = check_unit_interval(p, "p")
    with np.errstate(divide="ignore"):
        return scalar_or_array(-np.log(p) / log_base)


def entropy(p, base=2):
    r"""Entropy of the distribution ``p``: its expected surprisal.

    .. math:: H(p) = -\sum_i p_i \log_b p_i, \qquad 0 \log 0 = 0

    Parameters
    ----------
    p : array_like
        Probability vector(s) along the last axis.
    base : float, default 2
        Base of the logarithm: 2 for bits, ``math.e`` for nats.

    Returns
    -------
    float or ndarray
        The entropy, one value per distribution.

    Raises
    ------
    ValueError
        If ``p`` is empty, has negative, NaN or inf entries, or does not sum to 1.
    TypeError
        If ``p`` is not numeric.

    Examples
    --------
    A fair die carries :math:`\log_2 6` bits; a certain outcome none:

    >>> round(entropy([1 / 6] * 6), 4)
    2.585
    >>> entropy([1, 0])
    0.0
    >>> entropy([[0.5, 0.5], [0.25, 0.75]]).round(4)
    array([1.    , 0.8113])
    """
    log_base = check_base(base)
    p = check_probabilities(p, "p")
    return scalar_or_array(_entropy_nats(p) / log_base)


def _entropy_nats(p):
    """Entropy in nats of checked distributions along the last axis."""
    return -xlogy(p, p).sum(axis=-1)


def cross_entropy(p, q, base=2):
    r"""Cross-entropy of the belief ``q`` when the world follows ``p``.

    .. math:: H(p, q) = -\sum_i p_i \log_b q_i

    The expected surprisal of someone who believes ``q``, and the average
    length of a code built for ``q`` used on data from ``p``.

    Parameters
    ----------
    p, q : array_like
        Probability vector(s) of the same shape, along the last axis.
    base : float, default 2
        Base of the logarithm: 2 for bits, ``math.e`` for nats.

    Returns
    -------
    float or ndarray
        The cross-entropy; ``inf`` where some :math:`q_i = 0 < p_i`.

    Raises
    ------
    ValueError
        If either input is not a valid distribution or the shapes differ.

    Notes
    -----
    Gibbs' inequality :math:`H(p, q) \ge H(p)` holds for every input
    accepted: rounding could put the computed sum a hair below :math:`H(p)`,
    so the result is clipped there.

    Examples
    --------
    The die that always shows 6, judged by someone who thinks it fair:

    >>> round(cross_entropy([0, 0, 0, 0, 0, 1], [1 / 6] * 6), 4)
    2.585
    >>> cross_entropy([0.5, 0.5], [1, 0])
    inf
    """
    log_base = check_base(base)
    p, q = check_pair(p, q)
    nats = np.maximum(-xlogy(p, q).sum(axis=-1), _entropy_nats(p))
    return scalar_or_array(nats / log_base)


def kl_divergence(p, q, base=2):
    r"""Kullback-Leibler divergence :math:`D(p \,\|\, q)` of the belief ``q`` relative to the truth ``p``.

    .. math:: D(p \,\|\, q) = \sum_i p_i \log_b \frac{p_i}{q_i} = H(p, q) - H(p)

    The extra cost, in bits or nats per outcome, of believing ``q`` when the
    world follows ``p``. It is never negative, zero only when ``q = p``, and not
    symmetric.

    Parameters
    ----------
    p, q : array_like
        Probability vector(s) of the same shape, along the last axis.
    base : float, default 2
        Base of the logarithm: 2 for bits, ``math.e`` for nats.

    Returns
    -------
    float or ndarray
        The divergence; ``inf`` where some :math:`q_i = 0 < p_i`.

    Raises
    ------
    ValueError
        If either input is not a valid distribution or the shapes differ.

    Notes
    -----
    Inputs within :data:`~coursekit._validation_probability.SUM_TOLERANCE` of summing to 1
    are renormalised before the sum, and a rounding residue below 0 is
    clipped, so the result is never negative.

    Examples
    --------
    >>> round(kl_divergence([0.5, 0.5], [0.9, 0.1]), 4)
    0.737
    >>> round(kl_divergence([0.9, 0.1], [0.5, 0.5]), 4)
    0.531
    """
    log_base = check_base(base)
    p, q = check_pair(p, q)
    return scalar_or_array(np.maximum(rel_entr(p, q).sum(axis=-1), 0.0) / log_base)


def perplexity(nll, base=math.e):
    r"""Perplexity :math:`b^{\,\mathrm{NLL}}`: the effective number of equally likely choices.

    A model whose mean negative log-likelihood per prediction is ``nll``
    (measured with logarithms to the base ``base``) is exactly as surprised,
    on average, as one that picks uniformly among ``perplexity(nll)``
    outcomes. A uniform guess over K classes scores :math:`\log K` and so a
    perplexity of K; a perfect model scores 0 and a perplexity of 1.

    .. math:: \mathrm{PP} = b^{\,\mathrm{NLL}} = e^{\,\mathrm{NLL}_{\text{nats}}}

    Parameters
    ----------
    nll : float
        A mean negative log-likelihood, such as :func:`coursekit.cross_entropy_loss`
        (nats) or :func:`entropy` (bits). Must be finite and at least 0.
    base : float, default math.e
        The unit of ``nll``: ``math.e`` for nats, 2 for bits. The perplexity
        itself has no unit and does not depend on the base.

    Returns
    -------
    float
        At least 1; ``inf`` when it exceeds the float range.

    Raises
    ------
    TypeError
        If ``nll`` or ``base`` is not a real number (bools included).
    ValueError
        If ``nll`` is negative, NaN or inf, or ``base`` is invalid.

    Examples
    --------
    Guessing uniformly among 4 classes costs ln 4 nats, a perplexity of 4:

    >>> round(perplexity(math.log(4)), 10)
    4.0
    >>> round(perplexity(entropy([0.25] * 4), base=2), 10)
    4.0
    >>> perplexity(0.0)
    1.0
    """
    log_base = check_base(base)
    nll = check_scalar(nll, "nll", low=0)
    try:
        return math.exp(nll * log_base)
    except OverflowError:  # beyond float range: honestly infinite, like the loss log 0
        return math.inf
