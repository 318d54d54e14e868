"""Input checks shared by every public function that takes that kind of input.

One ``check_*`` helper per kind of input, in the manner of scikit-learn's
``_check_*`` helpers: validate first, then compute. Each raises a
``TypeError`` for input of the wrong type (``None``, strings, bools where a
number is meant, complex numbers, masked arrays with masked entries) and a
``ValueError`` for a wrong value (NaN, inf, empty, out of bounds); the message
names the argument, quotes what was received and says what was expected.

(About 400 lines: one module, so every kind of input is checked in one place;
most of the length is the doctests that state each message.)
"""

import math
import numbers

import numpy as np

#: How far the entries of a probability vector may sum from 1 and still count
#: as a distribution: generous enough for rounding such as ``[0.1] * 10``,
#: strict enough to reject ``[0.33, 0.33, 0.33]``.
SUM_TOLERANCE = 1e-6



def _fits_a_float(n):
    """Whether the integer ``n`` converts to a float without overflow."""
    try:
        float(n)
    except OverflowError:
        return False
    return True


def _short(x, limit=40):
    """``repr(x)``, cut to ``limit`` characters, for quoting a received value."""
    text = repr(x)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _first_index(mask):
    """Index (a tuple, or an int for 1-D input) of the first True in ``mask``."""
    index = np.unravel_index(int(np.argmax(mask)), mask.shape)
    return int(index[0]) if len(index) == 1 else tuple(int(i) for i in index)


def _at(mask):
    """`` at index i`` for the first True in ``mask``; nothing for a single number."""
    return "" if mask.ndim == 0 else f" at index {_first_index(mask)}"


def _unmask(x, name):
    """The data of a masked array with nothing masked; a TypeError if something is
    (dropping the mask would silently compute on the hidden values)."""
    if not isinstance(x, np.ma.MaskedArray):
        return x
    hidden = int(np.ma.count_masked(x))
    if hidden:
        raise TypeError(
            f"{name} is a masked array with {hidden} masked entr{'y' if hidden == 1 else 'ies'}; "
            f"coursekit does not honour masks. Pass {name}.compressed() to drop them "
            f"or {name}.filled(value) to fill them."
        )
    return np.ma.getdata(x)


def _object_array_error(arr, name, source):
    """The error for an object array: ValueError for integers beyond float range, else TypeError."""
    items = arr.ravel().tolist()
    if items and all(isinstance(v, numbers.Real) and not isinstance(v, bool) for v in items):
        big = next((v for v in items if isinstance(v, numbers.Integral) and not _fits_a_float(v)), None)
        if big is not None:
            return ValueError(f"{name} holds a number too large to be a float: an integer of {len(str(abs(big)))} digits.")
    return TypeError(f"{name} must contain real numbers; got an array of dtype object (from {type(source).__name__}).")


def _to_array(x, name, what="numbers (a list, tuple or array)"):
    """``np.asarray(x)`` with clear errors for ``None``, strings, masks and ragged lists."""
    if isinstance(x, (str, bytes)) or x is None:
        raise TypeError(f"{name} must be {what}; got {type(x).__name__} ({_short(x)}).")
    try:
        return np.asarray(_unmask(x, name))
    except ValueError as exc:  # ragged nested lists
        raise ValueError(f"{name} must be a rectangular array of numbers; {exc}") from None


def as_float_array(x, name):
    """Convert ``x`` to a non-empty float array of finite numbers.

    Raises ``TypeError`` when ``x`` is not real numbers (strings, ``None``,
    bools, complex numbers, objects, a masked array with masked entries) and
    ``ValueError`` when it is empty, ragged, or holds NaN, inf or a number too
    large for a float.

    >>> as_float_array([1, 2], "x")
    array([1., 2.])
    >>> as_float_array([1, float("nan")], "x")
    Traceback (most recent call last):
    ...
    ValueError: x must contain only finite numbers; got nan at index 1.
    >>> as_float_array([True, False], "p")
    Traceback (most recent call last):
    ...
    TypeError: p must hold numbers, not truth values; got an array of dtype bool.
    """
    arr = _to_array(x, name)
    if arr.dtype.kind == "b":
        raise TypeError(f"{name} must hold numbers, not truth values; got an array of dtype bool.")
    if arr.dtype.kind == "O":
        raise _object_array_error(arr, name, x)
    if arr.dtype.kind not in "iuf":
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


# Longer than 60 lines only for its docstring: the examples are the contract's reference.
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
    >>> check_scalar(10**400, "base")
    Traceback (most recent call last):
    ...
    ValueError: base is too large to be a float; got an integer of 401 digits.
    """
    if kind not in ("real", "integer"):
        raise ValueError(f"kind must be 'real' or 'integer'; got {kind!r}.")
    what = "an integer" if kind == "integer" else "a real number"
    if isinstance(x, np.ndarray) and x.ndim == 0 and not isinstance(x, np.ma.MaskedArray):
        x = x[()]
    if isinstance(x, (bool, np.bool_)) or not isinstance(x, numbers.Real):
        raise TypeError(f"{name} must be {what}; got {type(x).__name__} ({_short(x)}).")
    if isinstance(x, numbers.Integral):
        value = int(x)
        if kind == "real":
            if not _fits_a_float(value):
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


def check_choice(value, name, choices):
    """Check that ``value`` is one of the strings ``choices``.

    >>> check_choice("mse", "loss", ["cross_entropy", "mse"])
    'mse'
    >>> check_choice(None, "loss", ["cross_entropy", "mse"])
    Traceback (most recent call last):
    ...
    TypeError: loss must be one of ['cross_entropy', 'mse']; got NoneType (None).
    """
    options = sorted(choices)
    if not isinstance(value, str):
        raise TypeError(f"{name} must be one of {options}; got {type(value).__name__} ({_short(value)}).")
    if value not in choices:
        raise ValueError(f"{name} must be one of {options}; got {value!r}.")
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
    value = check_scalar(base, "base")
    if not (value > 0 and value != 1):
        raise ValueError(
            f"base must be a positive number other than 1 (2 for bits, math.e for nats); got {base}."
        )
    return math.log(value)


def check_ndim(arr, name, ndim, what):
    """Check the number of axes of an already converted array."""
    if arr.ndim != ndim:
        raise ValueError(f"{name} must be {what}; got shape {arr.shape}.")
    return arr


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


def scalar_or_array(x):
    """Return a Python float for a 0-d result, the array otherwise; ``-0.0`` becomes ``+0.0``."""
    x = np.asarray(x) + 0.0  # -0.0 + 0.0 = +0.0: a perfect score never prints as "-0.0"
    return float(x) if x.ndim == 0 else x
