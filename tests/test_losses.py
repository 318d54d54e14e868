"""coursekit.losses: stable from logits, the gradient, and agreement with scikit-learn."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from scipy import special
from sklearn.metrics import log_loss

from coursekit import (
    binary_cross_entropy,
    binary_cross_entropy_with_logits,
    cross_entropy,
    cross_entropy_grad,
    cross_entropy_loss,
    log_softmax,
    mse_loss,
    sigmoid,
    softmax,
)

finite_logits = st.floats(-50, 50, allow_nan=False)


@st.composite
def logits_and_labels(draw, max_n=6, max_k=5):
    n = draw(st.integers(1, max_n))
    k = draw(st.integers(2, max_k))
    z = draw(arrays(float, (n, k), elements=finite_logits))
    t = draw(arrays(np.int64, n, elements=st.integers(0, k - 1)))
    return z, t


# Values -----------------------------------------------------------------------


def test_loss_is_minus_log_of_true_class_probability():
    z = np.array([[2.0, 1.0, 0.1], [0.5, 2.5, 0.0]])
    t = np.array([0, 1])
    expected = -np.mean(np.log(softmax(z)[[0, 1], t]))
    assert cross_entropy_loss(z, t) == pytest.approx(expected, abs=1e-15)


def test_one_hot_targets_equal_integer_labels():
    z = np.array([[2.0, 1.0, 0.1], [0.5, 2.5, 0.0]])
    assert cross_entropy_loss(z, np.eye(3)[[0, 1]]) == pytest.approx(cross_entropy_loss(z, [0, 1]), abs=1e-15)


def test_soft_targets_are_cross_entropy_in_nats():
    z = np.array([1.0, -1.0, 0.5])
    y = np.array([0.2, 0.3, 0.5])
    assert cross_entropy_loss(z, y) == pytest.approx(cross_entropy(y, softmax(z), base=math.e), abs=1e-14)


@pytest.mark.parametrize(
    "z, t, expected",
    [
        ([[1e4, 0.0]], [0], 0.0),
        ([[1e4, 0.0]], [1], 1e4),
        ([[1e4, -1e300]], [1], 1e300),
        ([[-1e300, 0.0, 1e4]], [2], 0.0),
        ([[-1e300, -1e300]], [0], math.log(2)),
        ([[1e308, 1e308]], [0], math.log(2)),
    ],
)
def test_extreme_logits_give_finite_correct_losses(z, t, expected):
    assert cross_entropy_loss(z, t) == pytest.approx(expected, rel=1e-12, abs=1e-12)
    assert np.all(np.isfinite(cross_entropy_grad(z, t)))


def test_soft_targets_with_extreme_logits_stay_finite():
    assert cross_entropy_loss([1e4, -1e300], [1.0, 0.0]) == 0.0
    assert cross_entropy_loss([[1.7e308, -1.7e308]], [[1.0, 0.0]]) == 0.0


def test_single_sample_1d_logits():
    assert cross_entropy_loss([0.0, 0.0], 1) == pytest.approx(math.log(2))
    np.testing.assert_allclose(cross_entropy_grad([0.0, 0.0], 1), [0.5, -0.5])


def test_softmax_and_log_softmax_agree_with_scipy():
    z = np.array([[1000.0, 0.0, -5.0], [1.0, 2.0, 3.0]])
    np.testing.assert_allclose(softmax(z), special.softmax(z, axis=-1))
    np.testing.assert_allclose(log_softmax(z), special.log_softmax(z, axis=-1))
    np.testing.assert_allclose(softmax(z, axis=0), special.softmax(z, axis=0))


def test_binary_losses():
    y = np.array([1.0, 0.0, 1.0])
    z = np.array([2.0, -1.0, -3.0])
    assert binary_cross_entropy(y, sigmoid(z)) == pytest.approx(binary_cross_entropy_with_logits(y, z), abs=1e-14)
    two_class = cross_entropy_loss(np.stack([np.zeros(3), z], axis=1), y.astype(int))
    assert binary_cross_entropy_with_logits(y, z) == pytest.approx(two_class, abs=1e-14)
    assert binary_cross_entropy_with_logits([1.0], [-1e4]) == 1e4
    assert binary_cross_entropy([1.0], [0.0]) == math.inf
    assert binary_cross_entropy([0.0, 1.0], [0.0, 1.0]) == 0.0


def test_mse():
    assert mse_loss([1.0, 2.0], [1.0, 4.0]) == 2.0


# Properties -------------------------------------------------------------------


@given(arrays(float, (3, 4), elements=finite_logits))
def test_softmax_rows_sum_to_one(z):
    np.testing.assert_allclose(softmax(z).sum(axis=1), 1.0, atol=1e-12)


@given(logits_and_labels())
def test_batch_loss_is_mean_of_rows(zt):
    z, t = zt
    rows = [cross_entropy_loss(z[i], t[i]) for i in range(len(t))]
    assert cross_entropy_loss(z, t) == pytest.approx(np.mean(rows), rel=1e-12, abs=1e-12)


@settings(max_examples=50)
@given(logits_and_labels(max_n=4, max_k=4), st.booleans())
def test_gradient_matches_central_finite_differences(zt, soft):
    z, t = zt
    k = z.shape[1]
    targets = softmax(np.arange(k) * 0.3 + t[:, None]) if soft else t
    grad = cross_entropy_grad(z, targets)
    h = 1e-6
    numeric = np.zeros_like(z)
    for idx in np.ndindex(z.shape):
        up, down = z.copy(), z.copy()
        up[idx] += h
        down[idx] -= h
        numeric[idx] = (cross_entropy_loss(up, targets) - cross_entropy_loss(down, targets)) / (2 * h)
    np.testing.assert_allclose(grad, numeric, atol=1e-6)


@given(logits_and_labels())
def test_gradient_rows_sum_to_zero(zt):
    z, t = zt
    np.testing.assert_allclose(cross_entropy_grad(z, t).sum(axis=1), 0.0, atol=1e-12)


@settings(max_examples=50)
@given(logits_and_labels(max_n=8, max_k=5))
def test_agrees_with_sklearn_log_loss(zt):
    z, t = zt
    # Keep probabilities away from sklearn's clipping at machine epsilon.
    z = np.clip(z, -15, 15)
    p = special.softmax(z, axis=1)
    k = z.shape[1]
    assert abs(cross_entropy_loss(z, t) - log_loss(t, p, labels=list(range(k)))) < 1e-12


# Validation -------------------------------------------------------------------


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda: cross_entropy_loss([[0.0, float("nan")]], [0]), ValueError, "logits must contain only finite numbers; got nan at index (0, 1)"),
        (lambda: cross_entropy_loss([[0.0, float("inf")]], [0]), ValueError, "logits must contain only finite numbers; got inf"),
        (lambda: cross_entropy_loss([[0.0, 1.0]], [2]), ValueError, "targets must be class labels in 0..1 (logits have 2 classes); got 2 at index 0"),
        (lambda: cross_entropy_loss([[0.0, 1.0]], [-1]), ValueError, "got -1 at index 0"),
        (lambda: cross_entropy_loss([[0.0, 1.0]], [0.5]), ValueError, "targets must be integer class labels; got 0.5 at index 0"),
        (lambda: cross_entropy_loss([[0.0, 1.0], [1.0, 0.0]], [0]), ValueError, "targets must be class labels of shape (2,) or probability vectors of shape (2, 2)"),
        (lambda: cross_entropy_loss([[0.0, 1.0]], [[0.5, 0.6]]), ValueError, "targets must sum to 1 along its last axis"),
        (lambda: cross_entropy_loss([[0.0, 1.0]], [[1.5, -0.5]]), ValueError, "targets must not contain negative probabilities; got -0.5 at index (0, 1)"),
        (lambda: cross_entropy_loss([], []), ValueError, "logits must not be empty"),
        (lambda: cross_entropy_loss(2.0, 0), ValueError, "logits must have the classes on a last axis"),
        (lambda: cross_entropy_loss([["a", "b"]], [0]), TypeError, "logits must contain real numbers"),
        (lambda: cross_entropy_loss([[0.0, 1.0]], ["a"]), TypeError, "targets must contain real numbers"),
        (lambda: cross_entropy_loss([[0.0, 1.0]], None), TypeError, "targets must be integer class labels or probability vectors"),
        (lambda: cross_entropy_grad([[0.0, 1.0]], [3]), ValueError, "targets must be class labels in 0..1"),
        (lambda: softmax([1.0, float("nan")]), ValueError, "logits must contain only finite numbers"),
        (lambda: binary_cross_entropy([1.0, 0.0], [0.5]), ValueError, "y_true and p_pred must have the same shape; got (2,) and (1,)"),
        (lambda: binary_cross_entropy([1.0], [1.5]), ValueError, "p_pred must hold probabilities between 0 and 1; got 1.5 at index 0"),
        (lambda: binary_cross_entropy([2.0], [0.5]), ValueError, "y_true must hold probabilities between 0 and 1; got 2"),
        (lambda: binary_cross_entropy_with_logits([1.0], [float("nan")]), ValueError, "logits must contain only finite numbers"),
        (lambda: mse_loss([1.0, 2.0], [1.0]), ValueError, "y_true and y_pred must have the same shape"),
        (lambda: sigmoid("x"), TypeError, "z must be numbers"),
    ],
)
def test_bad_input_gets_a_clear_error(call, error, message):
    with pytest.raises(error) as info:
        call()
    assert message in str(info.value)


def test_integer_labels_do_not_materialise_a_one_hot_matrix(monkeypatch):
    """The label path gathers; it never calls np.eye or builds an (N, K) target array."""
    def forbidden(*args, **kwargs):
        raise AssertionError("one-hot matrix materialised")

    monkeypatch.setattr(np, "eye", forbidden)
    monkeypatch.setattr(np, "identity", forbidden)
    assert cross_entropy_loss(np.zeros((4, 3)), [0, 1, 2, 0]) == pytest.approx(math.log(3))
