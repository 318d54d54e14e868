r"""Seeded sampling for the thought experiments of lectures 02 and 03.

Draw N outcomes from the world's distribution ``p`` and score the whole
sequence under a belief ``q`` (``q = p`` for entropy). The per-symbol surprisal
of the sequence,

.. math:: -\frac{1}{N} \log_b \prod_{k=1}^{N} q(x_k),

tends to :math:`H(p, q)` as N grows (to :math:`H(p)` when ``q = p``).
"""

import numpy as np

from coursekit._validation import _to_array, as_float_array, check_base, check_ndim, check_scalar
from coursekit._validation_probability import check_pair, check_probabilities

__all__ = ["MAX_DRAWS", "draw", "per_symbol_surprisal", "convergence"]

#: The longest sequence :func:`draw` makes in one call (800 MB of indices).
MAX_DRAWS = 10**8


def _check_rng(rng):
    if not isinstance(rng, np.random.Generator):
        raise TypeError(
            f"rng must be a numpy Generator, e.g. np.random.default_rng(0); got {type(rng).__name__}."
        )
    return rng


def _check_distribution(p, name):
    return check_ndim(check_probabilities(p, name), name, 1, "one distribution (1-D)")


def _check_indices(x, name, what, low, high):
    """A non-empty 1-D array of integers in [low, high]; ``what`` says what they are."""
    arr = _to_array(x, name, f"a 1-D sequence of {what}")
    if arr.size == 0:
        raise ValueError(f"{name} must be a non-empty 1-D array of {what}; got shape {arr.shape}.")
    if arr.dtype.kind == "O":
        as_float_array(arr, name)  # too-large integers: ValueError; other objects: TypeError
    if arr.dtype.kind not in "iu":
        raise TypeError(f"{name} must be {what} (integers); got an array of dtype {arr.dtype}.")
    if arr.ndim != 1 or arr.size == 0:
        raise ValueError(f"{name} must be a non-empty 1-D array of {what}; got shape {arr.shape}.")
    if arr.min() < low or arr.max() > high:
        bad = (arr < low) | (arr > high)
        raise ValueError(f"{name} must be {what} in {low}..{high}; got {arr[bad][0]} at index {int(np.argmax(bad))}.")
    return arr


def draw(p, n, rng):
    """Draw ``n`` outcome indices from the distribution ``p`` with the generator ``rng``.

    Parameters
    ----------
    p : array_like, shape (K,)
        The world's distribution.
    n : int
        How many draws, 1 to :data:`MAX_DRAWS`.
    rng : numpy.random.Generator
        The seeded generator, e.g. ``np.random.default_rng(0)``.

    Examples
    --------
    >>> draw([0.0, 1.0], 3, np.random.default_rng(0)).tolist()
    [1, 1, 1]
    """
    p = _check_distribution(p, "p")
    n = check_scalar(n, "n", "integer", low=1, high=MAX_DRAWS)
    return _check_rng(rng).choice(len(p), size=n, p=p)


def per_symbol_surprisal(samples, q, base=2):
    r"""Per-symbol surprisal :math:`-\frac{1}{N}\log_b \prod_k q(x_k)` of a sequence.

    Computed as a mean of logs, never as a product (which underflows to 0.0).

    Parameters
    ----------
    samples : array_like of int, shape (N,)
        Outcome indices in ``0..len(q) - 1``.
    q : array_like, shape (K,)
        The belief: one distribution.
    base : float, default 2
        2 for bits, ``math.e`` for nats.

    Examples
    --------
    >>> per_symbol_surprisal([0, 1, 1, 1], [0.25, 0.75]) > 0
    True
    >>> per_symbol_surprisal([0, 0], [0.5, 0.5])
    1.0
    """
    log_base = check_base(base)
    q = _check_distribution(q, "q")
    samples = _check_indices(samples, "samples", "outcome indices", 0, len(q) - 1)
    with np.errstate(divide="ignore"):
        return float(-np.mean(np.log(q[samples])) / log_base + 0.0)


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
    check_ndim(p, "p", 1, "one distribution (1-D)")
    check_base(base)
    sizes = _check_indices(sizes, "sizes", "prefix lengths", 1, MAX_DRAWS)
    samples = draw(p, int(sizes.max()), rng)
    return np.array([per_symbol_surprisal(samples[:n], q, base) for n in sizes])
