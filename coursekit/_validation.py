"""Input checks shared by every public function that takes that kind of input.

One ``check_*`` helper per kind of input, in the manner of scikit-learn's
``_check_*`` helpers: validate first, then compute. Each raises a
``TypeError`` for input that is not numbers at all and a ``ValueError`` whose
message names the argument, what was received and what was expected.
"""

import math
import numbers

import numpy as np

#: How far the entries of a probability vector may sum from 1 and still count
#: as a distribution: generous enough for rounding such as ``[0.1] * 10``,
#: strict enough to reject ``[0.33, 0.33, 0.33]``.
SUM_TOLERANCE = 1e-6


def _first_index(mask):
    """Index (a tuple, or an int for 1-D input) of the first True in ``mask``."""
    index = np.unravel_index(int(np.argmax(mask)), mask.shape)
    return int(index[0]) if len(index) == 1 else tuple(int(i) for i in index)


def _at(mask):
    """`` at index i`` for the first True in ``mask``; nothing for a single number."""
    return "" if mask.ndim == 0 else f" at index {_first_index(mask)}"


def as_float_array(x, name):
    """Convert ``x`` to a non-empty float array of finite numbers.

    Raises ``TypeError`` when ``x`` is not numeric (strings, ``None``, complex
    numbers, objects) and ``ValueError`` when it is empty or holds NaN or inf.

    >>> as_float_array([1, 2], "x")
    array([1., 2.])
    >>> as_float_array([1, float("nan")], "x")
    Traceback (most recent call last):
    ...
    ValueError: x must contain only finite numbers; got nan at index 1.
    """
    if isinstance(x, (str, bytes)) or x is None:
        raise TypeError(f"{name} must be numbers (a list, tuple or array); got {type(x).__name__}.")
    try:
        arr = np.asarray(x)
    except ValueError as exc:  # ragged nested lists
        raise ValueError(f"{name} must be a rectangular array of numbers; {exc}") from None
    if arr.dtype.kind not in "biuf":
        raise TypeError(
            f"{name} must contain real numbers; got an array of dtype {arr.dtype} "
            f"(from {type(x).__name__})."
        )
    if arr.size == 0:
        raise ValueError(f"{name} must not be empty; got shape {arr.shape}.")
    arr = arr.astype(float, copy=False)
    # min and max propagate NaN and reveal inf without allocating a mask.
    if not (math.isfinite(arr.min()) and math.isfinite(arr.max())):
        bad = ~np.isfinite(arr)
        raise ValueError(f"{name} must contain only finite numbers; got {arr[bad][0]}{_at(bad)}.")
    return arr


def check_scalar(x, name, kind="real", *, low=None, high=None, include=(True, True)):
    """Check one number and return it as a Python ``float`` (or ``int``).

    The single-number counterpart of :func:`as_float_array`, in the manner of
    scikit-learn's ``check_scalar``: every public function that takes a
    number calls it, so the same wrong input gets the same exception
    everywhere. ``TypeError`` for what is not a number of the right kind
    (``bool`` included, which is a truth value, not a number), ``ValueError``
    for NaN, infinity, a number too large for a float, or one outside the
    bounds.

    Parameters
    ----------
    x : object
        The value to check. numpy scalars and 0-d arrays are accepted.
    name : str
        The argument's name, used in the message.
    kind : {"real", "integer"}
        ``"integer"`` also accepts a float with an integral value (``3.0``).
    low, high : float, optional
        Bounds, ``None`` for none.
    include : (bool, bool)
        Whether ``low`` and ``high`` themselves are allowed.

    Returns
    -------
    float or int

    Examples
    --------
    >>> check_scalar(np.float32(0.25), "p", low=0, high=1)
    0.25
    >>> check_scalar(True, "p")
    Traceback (most recent call last):
    ...
    TypeError: p must be a real number; got bool (True).
    >>> check_scalar(0, "n_bins", "integer", low=1)
    Traceback (most recent call last):
    ...
    ValueError: n_bins must be at least 1; got 0.
    >>> check_scalar(1.0, "p", low=0, high=1, include=(False, False))
    Traceback (most recent call last):
    ...
    ValueError: p must be less than 1; got 1.0.
    """
    if kind not in ("real", "integer"):
        raise ValueError(f"kind must be 'real' or 'integer'; got {kind!r}.")
    what = "an integer" if kind == "integer" else "a real number"
    if isinstance(x, np.ndarray) and x.ndim == 0:
        x = x[()]
    if isinstance(x, (bool, np.bool_)) or not isinstance(x, numbers.Real):
        shown = f" ({x!r})" if isinstance(x, (bool, np.bool_, str)) or x is None else ""
        raise TypeError(f"{name} must be {what}; got {type(x).__name__}{shown}.")
    if isinstance(x, numbers.Integral):
        value = int(x)
        if kind == "real":
            if abs(value) > 2**1023:
                raise ValueError(f"{name} is too large to be a float; got an integer of {len(str(abs(value)))} digits.")
            value = float(value)
    else:
        value = float(x)
        if math.isnan(value) or math.isinf(value):
            raise ValueError(f"{name} must be a finite number; got {value}.")
        if kind == "integer":
            if value != int(value):
                raise ValueError(f"{name} must be a whole number; got {value}.")
            value = int(value)
    if low is not None:
        if value < low or (value == low and not include[0]):
            word = "at least" if include[0] else "greater than"
            raise ValueError(f"{name} must be {word} {low}; got {value}.")
    if high is not None:
        if value > high or (value == high and not include[1]):
            word = "at most" if include[1] else "less than"
            raise ValueError(f"{name} must be {word} {high}; got {value}.")
    return value


def check_base(base):
    """Return ``log(base)`` after checking that ``base`` is a valid logarithm base.

    >>> round(check_base(2), 6)
    0.693147
    >>> check_base(1)
    Traceback (most recent call last):
    ...
    ValueError: base must be a positive number other than 1 (2 for bits, math.e for nats); got 1.
    """
    if isinstance(base, bool) or not isinstance(base, numbers.Real):
        raise TypeError(f"base must be a real number such as 2 or math.e; got {type(base).__name__}.")
    if not (math.isfinite(base) and base > 0 and base != 1):
        raise ValueError(
            f"base must be a positive number other than 1 (2 for bits, math.e for nats); got {base}."
        )
    return math.log(base)


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
    within :data:`SUM_TOLERANCE`.

    >>> sum([0.1] * 10)  # rounding: accepted
    0.9999999999999999
    >>> check_probabilities([0.1] * 10, "p").shape
    (10,)
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
    sums = arr.sum(axis=-1)
    off = np.abs(sums - 1) > SUM_TOLERANCE
    if off.any():
        total = float(sums[off][0]) if sums.ndim else float(sums)
        where = "" if sums.ndim == 0 else f" (row {_first_index(off)})"
        raise ValueError(f"{name} must sum to 1 along its last axis; got a sum of {total:.6g}{where}.")
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


def check_same_shape(a, b, names):
    """Check two finite arrays of the same shape (for losses on paired values)."""
    a_arr = as_float_array(a, names[0])
    b_arr = as_float_array(b, names[1])
    if a_arr.shape != b_arr.shape:
        raise ValueError(
            f"{names[0]} and {names[1]} must have the same shape; got {a_arr.shape} and {b_arr.shape}."
        )
    return a_arr, b_arr


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
    if isinstance(targets, (str, bytes)) or targets is None:
        raise TypeError(
            f"{name} must be integer class labels or probability vectors; got {type(targets).__name__}."
        )
    arr = np.asarray(targets)
    if arr.dtype.kind not in "biuf":
        raise TypeError(f"{name} must be numeric; got an array of dtype {arr.dtype}.")
    n_classes = logits_shape[-1]
    if arr.shape == tuple(logits_shape):
        return "probs", check_probabilities(arr, name)
    if arr.shape != tuple(logits_shape[:-1]):
        raise ValueError(
            f"{name} must be class labels of shape {tuple(logits_shape[:-1])} or probability "
            f"vectors of shape {tuple(logits_shape)} to match logits; got shape {arr.shape}."
        )
    if arr.dtype.kind == "f":
        arr = as_float_array(arr, name)
        fractional = arr != np.round(arr)
        if fractional.any():
            raise ValueError(
                f"{name} must be integer class labels; got {arr[fractional][0]:g}{_at(fractional)}."
            )
    labels = arr.astype(np.intp, copy=False)
    if labels.size and (labels.min() < 0 or labels.max() >= n_classes):
        bad = (labels < 0) | (labels >= n_classes)
        raise ValueError(
            f"{name} must be class labels in 0..{n_classes - 1} (logits have {n_classes} classes); "
            f"got {labels[bad][0]}{_at(bad)}."
        )
    return "labels", labels


def scalar_or_array(x):
    """Return a Python float for a 0-d result, the array otherwise."""
    x = np.asarray(x)
    return float(x) if x.ndim == 0 else x
