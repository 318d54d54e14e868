"""coursekit._validation, and every public maths function against hostile input.

The shared checks give one answer to one mistake: ``TypeError`` for a wrong
type (``None``, strings, bools where a number is meant, complex numbers,
masked entries), ``ValueError`` for a wrong value (NaN, inf, empty, ragged, out
of bounds, too large for a float), and a message that names the argument.
The table at the end feeds ten hostile values to every argument of every
public function and checks exactly that: never another exception type, never
a NaN result.
"""

import inspect
import math
import re

import numpy as np
import pytest

import coursekit as ck
from coursekit import calibration, coding, data, info, joint, losses, sampling, training
from coursekit.joint import check_joint
from coursekit._validation import (
    as_float_array,
    check_base,
    check_choice,
    check_scalar,
    scalar_or_array,
)
from coursekit._validation_probability import check_labels, check_probabilities, check_targets

# check_scalar ------------------------------------------------------------------


@pytest.mark.parametrize("value, kind, expected", [
    (0.25, "real", 0.25),
    (np.float32(0.25), "real", 0.25),
    (np.array(0.25), "real", 0.25),
    (3, "real", 3.0),
    (3, "integer", 3),
    (3.0, "integer", 3),
    (np.int64(3), "integer", 3),
    (10**400, "integer", 10**400),  # an integer may be huge; callers bound it
])
def test_check_scalar_accepts_numbers(value, kind, expected):
    result = check_scalar(value, "x", kind)
    assert result == expected and type(result) is type(expected)


@pytest.mark.parametrize("value, kind, error, message", [
    (True, "real", TypeError, r"x must be a real number; got bool \(True\)"),
    (np.bool_(False), "integer", TypeError, r"x must be an integer; got bool"),
    (None, "real", TypeError, r"x must be a real number; got NoneType \(None\)"),
    ("0.5", "real", TypeError, r"x must be a real number; got str \('0\.5'\)"),
    (1 + 2j, "real", TypeError, r"x must be a real number; got complex \(\(1\+2j\)\)"),
    ([0.5], "real", TypeError, r"x must be a real number; got list \(\[0\.5\]\)"),
    (np.ma.masked, "real", TypeError, r"x must be a real number; got MaskedConstant"),
    (math.nan, "real", ValueError, r"x must be a finite number; got nan"),
    (-math.inf, "integer", ValueError, r"x must be a finite number; got -inf"),
    (2.5, "integer", ValueError, r"x must be a whole number; got 2\.5"),
    (10**400, "real", ValueError, r"x is too large to be a float; got an integer of 401 digits"),
])
def test_check_scalar_refuses_with_the_right_type_of_error(value, kind, error, message):
    with pytest.raises(error, match=message):
        check_scalar(value, "x", kind)


def test_check_scalar_bounds_inclusive_or_not():
    assert check_scalar(0, "p", low=0, high=1) == 0.0
    assert check_scalar(1, "p", low=0, high=1) == 1.0
    with pytest.raises(ValueError, match="p must be greater than 0; got 0.0"):
        check_scalar(0, "p", low=0, include=(False, True))
    with pytest.raises(ValueError, match="p must be less than 1; got 1.0"):
        check_scalar(1, "p", high=1, include=(True, False))
    with pytest.raises(ValueError, match="n must be at most 10; got 1000"):
        check_scalar(10**400, "n", "integer", high=10)
    with pytest.raises(ValueError, match="kind must be 'real' or 'integer'; got 'float'"):
        check_scalar(1, "x", "float")


def test_check_base_goes_through_check_scalar():
    assert check_base(math.e) == 1.0
    with pytest.raises(ValueError, match="base is too large to be a float"):
        check_base(10**400)
    with pytest.raises(TypeError, match=r"base must be a real number; got bool"):
        check_base(True)
    with pytest.raises(ValueError, match="base must be a positive number other than 1"):
        check_base(-2)


def test_check_choice():
    assert check_choice("a", "kind", {"a": 1}) == "a"
    with pytest.raises(ValueError, match=r"kind must be one of \['a', 'b'\]; got 'c'"):
        check_choice("c", "kind", ["b", "a"])
    with pytest.raises(TypeError, match=r"kind must be one of \['a'\]; got list \(\[\]\)"):
        check_choice([], "kind", ["a"])  # unhashable: no TypeError from deep inside `in`


# Arrays ------------------------------------------------------------------------


@pytest.mark.parametrize("value, error, message", [
    (None, TypeError, r"x must be numbers .*; got NoneType \(None\)"),
    ("abc", TypeError, r"x must be numbers .*; got str \('abc'\)"),
    (True, TypeError, "x must hold numbers, not truth values"),
    (np.array([True, False]), TypeError, "x must hold numbers, not truth values"),
    ([1 + 2j], TypeError, "x must contain real numbers; got an array of dtype complex128"),
    ([[1, 2], [3]], ValueError, "x must be a rectangular array of numbers"),
    ([], ValueError, r"x must not be empty; got shape \(0,\)"),
    ([10**400, 1], ValueError, "x holds a number too large to be a float: an integer of 401 digits"),
    ([1, None], TypeError, "x must contain real numbers; got an array of dtype object"),
    (np.ma.masked_array([1.0, 2.0], mask=[False, True]), TypeError,
     r"x is a masked array with 1 masked entry; coursekit does not honour masks\. Pass x\.compressed\(\)"),
])
def test_as_float_array_refuses(value, error, message):
    with pytest.raises(error, match=message):
        as_float_array(value, "x")


def test_a_masked_array_with_nothing_masked_is_its_data():
    arr = as_float_array(np.ma.masked_array([1.0, 2.0], mask=[False, False]), "x")
    assert type(arr) is np.ndarray and arr.tolist() == [1.0, 2.0]


def test_accepted_near_distributions_are_renormalised():
    p = check_probabilities([0.5, 0.4999991], "p")
    assert abs(p.sum() - 1) <= 2e-16
    exact = np.array([0.25, 0.75])
    assert check_probabilities(exact, "p") is exact  # nothing to fix, nothing copied
    rows = check_probabilities([[0.5, 0.5000005], [0.2, 0.8]], "p")
    np.testing.assert_allclose(rows.sum(axis=1), 1.0, rtol=0, atol=2e-16)


def test_check_labels_and_targets():
    assert check_labels(np.array([0.0, 2.0]), 3).tolist() == [0, 2]
    with pytest.raises(ValueError, match="labels must not be empty"):
        check_labels([], 3)
    with pytest.raises(TypeError, match="labels must be integer class labels, not truth values"):
        check_labels(np.array([True]), 2)
    with pytest.raises(ValueError, match="targets must be a rectangular array of numbers"):
        check_targets([[0, 1], [1]], (2, 2))
    with pytest.raises(TypeError, match="targets is a masked array with 1 masked entry"):
        check_targets(np.ma.masked_array([0, 1], mask=[0, 1]), (2, 2))
    with pytest.raises(TypeError, match="targets must be numeric labels or probabilities, not truth values"):
        check_targets(np.array([[True, False]]), (1, 2))


def test_check_joint():
    with pytest.raises(ValueError, match="pxy must sum to 1 over all its cells; got a sum of 0.5"):
        check_joint([[0.25, 0.25], [0.0, 0.0]])
    with pytest.raises(ValueError, match=r"pxy must be a 2-D joint table .*; got shape \(1, 1, 2\)"):
        check_joint([[[0.5, 0.5]]])


def test_scalar_or_array_turns_minus_zero_into_zero():
    assert math.copysign(1, scalar_or_array(-0.0)) == 1.0
    assert math.copysign(1, scalar_or_array(np.array([-0.0]))[0]) == 1.0


# The hostile-input table -------------------------------------------------------

HOSTILE = {
    "None": None,
    "a string": "abc",
    "a bool": True,
    "nan": math.nan,
    "inf": math.inf,
    "empty": [],
    "ragged": [[1, 2], [3]],
    "complex": 1 + 2j,
    "masked": np.ma.masked_array([0.25, 0.75], mask=[False, True]),
    "huge int": 10**400,
}

CODE = {0: "0", 1: "1"}
X2, Y2 = [[1.0], [-1.0], [0.5]], [1, 0, 1]

#: name -> (function, valid keyword arguments).
TABLE = {
    "surprisal": (ck.surprisal, dict(p=0.5, base=2)),
    "entropy": (ck.entropy, dict(p=[0.5, 0.5], base=2)),
    "cross_entropy": (ck.cross_entropy, dict(p=[0.5, 0.5], q=[0.25, 0.75], base=2)),
    "kl_divergence": (ck.kl_divergence, dict(p=[0.5, 0.5], q=[0.25, 0.75], base=2)),
    "perplexity": (ck.perplexity, dict(nll=1.0, base=math.e)),
    "joint_entropy": (ck.joint_entropy, dict(pxy=[[0.25, 0.25], [0.5, 0.0]], base=2)),
    "conditional_entropy": (ck.conditional_entropy, dict(pxy=[[0.25, 0.25], [0.5, 0.0]], base=2)),
    "mutual_information": (ck.mutual_information, dict(pxy=[[0.25, 0.25], [0.5, 0.0]], base=2)),
    "softmax": (ck.softmax, dict(logits=[0.0, 1.0], axis=-1)),
    "log_softmax": (ck.log_softmax, dict(logits=[0.0, 1.0], axis=-1)),
    "sigmoid": (ck.sigmoid, dict(z=0.0)),
    "cross_entropy_loss": (ck.cross_entropy_loss, dict(logits=[[0.0, 1.0]], targets=[1])),
    "cross_entropy_grad": (ck.cross_entropy_grad, dict(logits=[[0.0, 1.0]], targets=[1])),
    "binary_cross_entropy": (ck.binary_cross_entropy, dict(y_true=[1, 0], p_pred=[0.9, 0.2])),
    "binary_cross_entropy_with_logits": (ck.binary_cross_entropy_with_logits, dict(y_true=[1, 0], logits=[2.0, -1.0])),
    "mse_loss": (ck.mse_loss, dict(y_true=[1.0, 0.0], y_pred=[0.5, 0.5])),
    "smooth_labels": (ck.smooth_labels, dict(labels=[0, 1], n_classes=2, epsilon=0.1)),
    "huffman_code": (ck.huffman_code, dict(probs=[0.5, 0.25, 0.25])),
    "fixed_length_code": (ck.fixed_length_code, dict(symbols=3)),
    "expected_length": (ck.expected_length, dict(code=CODE, probs=[0.5, 0.5])),
    "is_prefix_free": (ck.is_prefix_free, dict(code=CODE)),
    "kraft_sum": (ck.kraft_sum, dict(code=CODE)),
    "encode": (ck.encode, dict(symbols=[0, 1], code=CODE)),
    "decode": (ck.decode, dict(bits="01", code=CODE)),
    "sampling.draw": (sampling.draw, dict(p=[0.5, 0.5], n=3, rng=np.random.default_rng(0))),
    "sampling.per_symbol_surprisal": (sampling.per_symbol_surprisal, dict(samples=[0, 1], q=[0.5, 0.5], base=2)),
    "sampling.convergence": (
        sampling.convergence, dict(p=[0.5, 0.5], q=[0.5, 0.5], sizes=[1, 2], rng=np.random.default_rng(0), base=2)),
    "calibration.reliability_curve": (
        calibration.reliability_curve, dict(y_true=[0, 1], p_pred=[0.2, 0.8], n_bins=10)),
    "calibration.expected_calibration_error": (
        calibration.expected_calibration_error, dict(y_true=[0, 1], p_pred=[0.2, 0.8], n_bins=10)),
    "calibration.fit_temperature": (calibration.fit_temperature, dict(logits=[[0.0, 1.0], [1.0, 0.0]], labels=[1, 1])),
    "calibration.top_label_confidence": (
        calibration.top_label_confidence, dict(logits=[[0.0, 1.0], [1.0, 0.0]], labels=[1, 1], temperature=1.0)),
    "training.sigmoid_unit_losses": (training.sigmoid_unit_losses, dict(z=[0.0, 1.0], y=1)),
    "training.logistic_loss_and_grad": (
        training.logistic_loss_and_grad, dict(weights=[0.0], bias=0.0, X=X2, y=Y2, loss="cross_entropy")),
    "training.softmax_loss_and_grad": (
        training.softmax_loss_and_grad, dict(weights=[[0.0, 0.0]], bias=[0.0, 0.0], X=X2, y=Y2)),
    "training.fit_logistic": (
        training.fit_logistic, dict(X=X2, y=Y2, loss="mse", lr=0.5, steps=2, weights=[0.0], bias=0.0)),
    "training.fit_softmax": (training.fit_softmax, dict(X=X2, y=Y2, n_classes=2, lr=0.5, steps=2)),
    "data.standardize": (data.standardize, dict(X_train=[[0.0], [1.0]], X_test=[[2.0]])),
    "data.load": (data.load, dict(name="iris", test_size=0.25, seed=0)),
}

#: (function, argument, hostile value) that are valid input, and why.
VALID = {
    ("fixed_length_code", "symbols", "a string"): "a string is a sequence of symbols, its characters",
    ("encode", "symbols", "empty"): "an empty message encodes to the empty string",
    ("training.fit_logistic", "weights", "None"): "None means: start from zeros (the default)",
    ("training.fit_softmax", "n_classes", "None"): "None means: one more than the largest label (the default)",
}


def _public_functions():
    """Every public function of the maths modules and of coursekit.__all__."""
    found = {name: getattr(ck, name) for name in ck.__all__ if inspect.isfunction(getattr(ck, name))}
    for module in (info, joint, losses, coding):
        for name in module.__all__:
            if inspect.isfunction(getattr(module, name)):
                found[name] = getattr(module, name)
    for module in (sampling, calibration, training, data):
        short = module.__name__.rsplit(".", 1)[1]
        for name in module.__all__:
            if inspect.isfunction(getattr(module, name)):
                found[f"{short}.{name}"] = getattr(module, name)
    return found


def test_the_table_covers_every_public_function_and_argument():
    public = _public_functions()
    assert sorted(public) == sorted(TABLE)
    for name, (function, kwargs) in TABLE.items():
        assert function is public[name]
        assert list(kwargs) == list(inspect.signature(function).parameters), name


def test_the_valid_arguments_of_the_table_are_valid():
    for name, (function, kwargs) in TABLE.items():
        function(**kwargs)


def _names(argument):
    """A regex for the argument's name as a word (``p`` does not match inside ``p_pred``)."""
    return re.compile(rf"(?<![A-Za-z0-9_]){re.escape(argument)}(?![A-Za-z0-9_])")


def _has_nan(result):
    if isinstance(result, (tuple, list)):
        return any(_has_nan(r) for r in result)
    if isinstance(result, dict):
        return any(_has_nan(r) for r in result.values())
    if hasattr(result, "__dataclass_fields__"):
        return _has_nan(vars(result))
    if isinstance(result, (float, np.ndarray)) and np.asarray(result).dtype.kind == "f":
        return bool(np.isnan(result).any())
    return False


CELLS = [(name, argument, value_name)
         for name, (_, kwargs) in TABLE.items() for argument in kwargs for value_name in HOSTILE]


@pytest.mark.parametrize("name, argument, value_name", CELLS)
def test_hostile_input_gets_a_type_or_value_error_naming_the_argument(name, argument, value_name):
    function, kwargs = TABLE[name]
    call = {**kwargs, argument: HOSTILE[value_name]}
    if (name, argument, value_name) in VALID:
        assert not _has_nan(function(**call))
        return
    with pytest.raises((TypeError, ValueError)) as info:
        function(**call)
    assert type(info.value) in (TypeError, ValueError), f"{type(info.value).__name__}: {info.value}"
    assert _names(argument).search(str(info.value)), f"{argument!r} not named in: {info.value}"
