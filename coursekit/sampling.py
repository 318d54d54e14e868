r"""Seeded sampling for the thought experiments of lectures 02 and 03.

Draw N outcomes from the world's distribution ``p`` and score the whole
sequence under a belief ``q`` (``q = p`` for entropy). The per-symbol surprisal
of the sequence,

.. math:: -\frac{1}{N} \log_b \prod_{k=1}^{N} q(x_k),

tends to :math:`H(p, q)` as N grows (to :math:`H(p)` when ``q = p``).
"""

import numpy as np

from coursekit._validation import check_base, check_pair, check_probabilities


def _check_rng(rng):
    if not isinstance(rng, np.random.Generator):
        raise TypeError(
            f"rng must be a numpy Generator, e.g. np.random.default_rng(0); got {type(rng).__name__}."
        )
    return rng


def draw(p, n, rng):
    """Draw ``n`` outcome indices from the distribution ``p`` with the generator ``rng``.

    Examples
    --------
    >>> draw([0.0, 1.0], 3, np.random.default_rng(0)).tolist()
    [1, 1, 1]
    """
    p = check_probabilities(p, "p")
    if p.ndim != 1:
        raise ValueError(f"p must be one distribution (1-D); got shape {p.shape}.")
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError(f"n must be a positive integer; got {n!r}.")
    return _check_rng(rng).choice(len(p), size=int(n), p=p / p.sum())


def per_symbol_surprisal(samples, q, base=2):
    r"""Per-symbol surprisal :math:`-\frac{1}{N}\log_b \prod_k q(x_k)` of a sequence.

    Computed as a mean of logs, never as a product (which underflows to 0.0).

    Examples
    --------
    >>> per_symbol_surprisal([0, 1, 1, 1], [0.25, 0.75]) > 0
    True
    >>> per_symbol_surprisal([0, 0], [0.5, 0.5])
    1.0
    """
    log_base = check_base(base)
    q = check_probabilities(q, "q")
    samples = np.asarray(samples)
    if samples.ndim != 1 or samples.size == 0 or samples.dtype.kind not in "iu":
        raise ValueError("samples must be a non-empty 1-D array of outcome indices.")
    if samples.min() < 0 or samples.max() >= len(q):
        raise ValueError(f"samples must be indices in 0..{len(q) - 1}.")
    with np.errstate(divide="ignore"):
        return float(-np.mean(np.log(q[samples])) / log_base)


def convergence(p, q, sizes, rng, base=2):
    """Per-symbol surprisal under ``q`` of one growing sequence drawn from ``p``.

    Returns an array with one value per prefix length in ``sizes``, so the
    curve shows a single sequence settling down as it grows.

    Examples
    --------
    >>> convergence([0.5, 0.5], [0.5, 0.5], [10, 100], np.random.default_rng(0)).tolist()
    [1.0, 1.0]
    """
    p, q = check_pair(p, q)
    sizes = np.asarray(sizes)
    if sizes.ndim != 1 or sizes.size == 0 or sizes.min() < 1:
        raise ValueError("sizes must be a non-empty 1-D sequence of positive integers.")
    samples = draw(p, int(sizes.max()), rng)
    return np.array([per_symbol_surprisal(samples[:n], q, base) for n in sizes])
