"""Input checks shared by every public function that takes that kind of input.

One ``check_*`` helper per kind of input, in the manner of scikit-learn's
``_check_*`` helpers: validate first, then compute. Each raises a
``TypeError`` for input of the wrong type (``None``, strings, bools where a
number is meant, complex numbers, masked arrays with masked entries) and a
``ValueError`` for a wrong value (NaN, inf, empty, out of bounds); the message
names the argument, quotes what was received and says what was expected.

The checks of probabilities, logits, labels and targets are in
:mod:`coursekit._validation_probability`; they build on these.
"""

import math
import numbers

import numpy as np


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


def check_same_shape(a, b, names):
    """Check two finite arrays of the same shape (for losses on paired values)."""
    a_arr = as_float_array(a, names[0])
    b_arr = as_float_array(b, names[1])
    if a_arr.shape != b_arr.shape:
        raise ValueError(
            f"{names[0]} and {names[1]} must have the same shape; got {a_arr.shape} and {b_arr.shape}."
        )
    return a_arr, b_arr


def scalar_or_array(x):
    """Return a Python float for a 0-d result, the array otherwise; ``-0.0`` becomes ``+0.0``."""
    x = np.asarray(x) + 0.0  # -0.0 + 0.0 = +0.0: a perfect score never prints as "-0.0"
    return float(x) if x.ndim == 0 else x
