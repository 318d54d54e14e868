"""Input checks for probabilities, logits, class labels and targets.

The same contract as :mod:`coursekit._validation`, whose array and number
checks these build on: a ``TypeError`` for the wrong type, a ``ValueError``
for a wrong value, and a message that names the argument and quotes it.
"""

import numpy as np

from coursekit._validation import _at, _first_index, _to_array, as_float_array

#: How far the entries of a probability vector may sum from 1 and still count
#: as a distribution: generous enough for rounding such as ``[0.1] * 10``,
#: strict enough to reject ``[0.33, 0.33, 0.33]``.
SUM_TOLERANCE = 1e-6


def check_unit_interval(p, name):
    """Check that every entry of ``p`` is a probability in [0, 1].

    >>> check_unit_interval([0.5, 1.2], "p")
    Traceback (most recent call last):
    ...
    ValueError: p must hold probabilities between 0 and 1; got 1.2 at index 1.
    """
    arr = as_float_array(p, name)
    bad = (arr < 0) | (arr > 1)
    if bad.any():
        raise ValueError(f"{name} must hold probabilities between 0 and 1; got {arr[bad][0]:g}{_at(bad)}.")
    return arr


def check_probabilities(p, name):
    """Check that ``p`` holds probability vectors along its last axis.

    Entries must be finite and non-negative, and each vector must sum to 1
    within :data:`SUM_TOLERANCE`. An accepted vector whose sum is not exactly
    1 is divided by its sum, so the promises made for distributions (entropy
    and KL divergence are never negative) hold for every input accepted.

    >>> sum([0.1] * 10)  # rounding: accepted
    0.9999999999999999
    >>> check_probabilities([0.1] * 10, "p").shape
    (10,)
    >>> float(check_probabilities([0.5, 0.4999991], "p").sum())
    1.0
    >>> check_probabilities([0.5, 0.6], "q")
    Traceback (most recent call last):
    ...
    ValueError: q must sum to 1 along its last axis; got a sum of 1.1.
    """
    arr = as_float_array(p, name)
    if arr.ndim == 0:
        raise ValueError(f"{name} must be a probability vector, not a single number ({arr.item():g}).")
    negative = arr < 0
    if negative.any():
        raise ValueError(
            f"{name} must not contain negative probabilities; got {arr[negative][0]:g}{_at(negative)}."
        )
    sums = arr.sum(axis=-1, keepdims=True)
    off = np.abs(sums - 1) > SUM_TOLERANCE
    if off.any():
        total = float(sums[off][0])
        where = "" if arr.ndim == 1 else f" (row {_first_index(off[..., 0])})"
        raise ValueError(f"{name} must sum to 1 along its last axis; got a sum of {total:.6g}{where}.")
    if np.any(sums != 1):
        arr = arr / sums
    return arr


def check_pair(p, q, names=("p", "q")):
    """Check two probability arrays of the same shape.

    >>> check_pair([0.5, 0.5], [1/3, 1/3, 1/3])
    Traceback (most recent call last):
    ...
    ValueError: p and q must have the same shape; got (2,) and (3,).
    """
    p_arr = check_probabilities(p, names[0])
    q_arr = check_probabilities(q, names[1])
    if p_arr.shape != q_arr.shape:
        raise ValueError(
            f"{names[0]} and {names[1]} must have the same shape; got {p_arr.shape} and {q_arr.shape}."
        )
    return p_arr, q_arr


def check_logits(logits, name="logits"):
    """Check scores: a finite float array with the classes on its last axis.

    >>> check_logits(3.0)
    Traceback (most recent call last):
    ...
    ValueError: logits must have the classes on a last axis (shape (K,) or (N, K)); got a single number.
    """
    arr = as_float_array(logits, name)
    if arr.ndim == 0:
        raise ValueError(
            f"{name} must have the classes on a last axis (shape (K,) or (N, K)); got a single number."
        )
    return arr


def check_labels(labels, n_classes, name="labels", *, context=""):
    """Check integer class labels in ``0..n_classes - 1`` (any shape); return them as ``intp``.

    Whole floats such as ``2.0`` count as labels; bools do not.

    >>> check_labels([0, 2.0], 3)
    array([0, 2])
    >>> check_labels([True], 2)
    Traceback (most recent call last):
    ...
    TypeError: labels must be integer class labels, not truth values; got an array of dtype bool.
    """
    arr = _to_array(labels, name, "integer class labels")
    if arr.dtype.kind == "b":
        raise TypeError(f"{name} must be integer class labels, not truth values; got an array of dtype bool.")
    if arr.dtype.kind not in "iuf" or arr.size == 0:
        arr = as_float_array(labels, name)  # raises the right error for objects, complex, empty ...
    if arr.dtype.kind == "f":
        arr = as_float_array(arr, name)
        fractional = arr != np.round(arr)
        if fractional.any():
            raise ValueError(f"{name} must be integer class labels; got {arr[fractional][0]:g}{_at(fractional)}.")
    labels = arr.astype(np.intp, copy=False)
    if labels.size and (labels.min() < 0 or labels.max() >= n_classes):
        bad = (labels < 0) | (labels >= n_classes)
        raise ValueError(
            f"{name} must be class labels in 0..{n_classes - 1}{context}; got {labels[bad][0]}{_at(bad)}."
        )
    return labels


def check_targets(targets, logits_shape, name="targets"):
    """Check targets against logits of shape ``logits_shape``.

    Returns ``("labels", int array)`` for integer class labels of shape
    ``logits_shape[:-1]``, or ``("probs", float array)`` for probability
    vectors (one-hot or soft) of shape ``logits_shape``.

    >>> check_targets([0, 2], (2, 3))
    ('labels', array([0, 2]))
    >>> check_targets([0, 3], (2, 3))
    Traceback (most recent call last):
    ...
    ValueError: targets must be class labels in 0..2 (logits have 3 classes); got 3 at index 1.
    """
    arr = _to_array(targets, name, "integer class labels or probability vectors")
    if arr.dtype.kind not in "biuf":
        arr = as_float_array(targets, name)  # raises the right error for objects, complex, ...
    if arr.dtype.kind == "b":
        raise TypeError(f"{name} must be numeric labels or probabilities, not truth values; got an array of dtype bool.")
    if arr.shape == tuple(logits_shape):
        return "probs", check_probabilities(arr, name)
    if arr.shape != tuple(logits_shape[:-1]):
        raise ValueError(
            f"{name} must be class labels of shape {tuple(logits_shape[:-1])} or probability "
            f"vectors of shape {tuple(logits_shape)} to match logits; got shape {arr.shape}."
        )
    n_classes = logits_shape[-1]
    return "labels", check_labels(arr, n_classes, name, context=f" (logits have {n_classes} classes)")
