"""coursekit.training: exact gradients, the maximum-likelihood fit scikit-learn finds, clear errors."""

import math
import warnings

import numpy as np
import pytest
from scipy import special

from coursekit import data
from coursekit.training import LOSSES, Fit, fit_logistic, fit_softmax, logistic_loss_and_grad, softmax_loss_and_grad


def central_difference(f, x, eps=1e-6):
    """Numerical gradient of the scalar function ``f`` at the array ``x``."""
    x = np.array(x, dtype=float)
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[index] = eps
        grad[index] = (f(x + step) - f(x - step)) / (2 * eps)
    return grad


@pytest.fixture
def binary_problem():
    rng = np.random.default_rng(5)
    X = rng.normal(size=(40, 3))
    y = (rng.random(40) < special.expit(X @ [1.0, -2.0, 0.5])).astype(float)
    return X, y, rng.normal(size=3), 0.3


@pytest.fixture
def multiclass_problem():
    rng = np.random.default_rng(6)
    X = rng.normal(size=(30, 4))
    y = rng.integers(0, 3, size=30)
    return X, y, rng.normal(size=(4, 3)), rng.normal(size=3)


def sklearn_unpenalised(X, y):
    """scikit-learn's unpenalised logistic regression (C = inf), fitted tightly, warnings as errors."""
    from sklearn.linear_model import LogisticRegression

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return LogisticRegression(C=np.inf, tol=1e-10, max_iter=1000).fit(X, y)


def two_breast_cancer_features():
    """A non-separable subset, so the unpenalised maximum-likelihood estimate is finite."""
    d = data.load("breast_cancer")
    columns = [d.feature_names.index(name) for name in ("mean radius", "mean texture")]
    return d.X_train[:, columns], d.y_train


# Gradients ------------------------------------------------------------------


@pytest.mark.parametrize("loss", sorted(LOSSES))
def test_logistic_gradient_matches_central_differences(binary_problem, loss):
    X, y, w, b = binary_problem
    _, grad_w, grad_b = logistic_loss_and_grad(w, b, X, y, loss)
    numeric_w = central_difference(lambda v: logistic_loss_and_grad(v, b, X, y, loss)[0], w)
    numeric_b = central_difference(lambda v: logistic_loss_and_grad(w, float(v[0]), X, y, loss)[0], [b])
    np.testing.assert_allclose(grad_w, numeric_w, rtol=1e-6, atol=1e-9)
    assert math.isclose(grad_b, numeric_b[0], rel_tol=1e-6, abs_tol=1e-9)


def test_softmax_gradient_matches_central_differences(multiclass_problem):
    X, y, W, b = multiclass_problem
    _, grad_W, grad_b = softmax_loss_and_grad(W, b, X, y)
    numeric_W = central_difference(lambda V: softmax_loss_and_grad(V, b, X, y)[0], W)
    numeric_b = central_difference(lambda v: softmax_loss_and_grad(W, v, X, y)[0], b)
    np.testing.assert_allclose(grad_W, numeric_W, rtol=1e-6, atol=1e-9)
    np.testing.assert_allclose(grad_b, numeric_b, rtol=1e-6, atol=1e-9)


def test_loss_values_are_the_textbook_formulas(binary_problem):
    X, y, w, b = binary_problem
    p = special.expit(X @ w + b)
    ce = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
    assert math.isclose(logistic_loss_and_grad(w, b, X, y, "cross_entropy")[0], ce, rel_tol=1e-12)
    assert math.isclose(logistic_loss_and_grad(w, b, X, y, "mse")[0], np.mean((p - y) ** 2), rel_tol=1e-12)


def test_cross_entropy_gradient_is_prediction_minus_target(binary_problem):
    X, y, w, b = binary_problem
    _, grad_w, grad_b = logistic_loss_and_grad(w, b, X, y)
    residual = special.expit(X @ w + b) - y
    np.testing.assert_allclose(grad_w, X.T @ residual / len(y))
    assert math.isclose(grad_b, residual.mean())


# Fits: gradient descent reaches the maximum-likelihood estimate --------------


@pytest.mark.parametrize("loss", sorted(LOSSES))
def test_history_starts_at_zero_weights_and_loss_decreases(binary_problem, loss):
    X, y, _, _ = binary_problem
    fit = fit_logistic(X, y, loss=loss, lr=0.5, steps=50)
    assert isinstance(fit, Fit) and fit.loss == loss
    assert len(fit.history["loss"]) == len(fit.history["accuracy"]) == 51
    start = math.log(2) if loss == "cross_entropy" else 0.25  # p = 1/2 everywhere
    assert math.isclose(fit.history["loss"][0], start)
    assert np.all(np.diff(fit.history["loss"]) <= 1e-12)


def test_fit_logistic_matches_sklearn_unpenalised():
    from sklearn.metrics import log_loss

    X, y = two_breast_cancer_features()
    fit = fit_logistic(X, y, lr=2.0, steps=1000)
    sk = sklearn_unpenalised(X, y)
    assert np.abs(fit.weights - sk.coef_[0]).max() < 1e-3
    assert abs(fit.bias - sk.intercept_[0]) < 1e-3
    assert abs(log_loss(y, fit.predict_proba(X)) - log_loss(y, sk.predict_proba(X)[:, 1])) < 1e-6
    assert math.isclose(fit.history["loss"][-1], log_loss(y, fit.predict_proba(X)), rel_tol=1e-12)
    np.testing.assert_array_equal(fit.predict(X), (fit.predict_proba(X) >= 0.5).astype(int))


def test_warm_start_continues_the_same_descent():
    X, y = two_breast_cancer_features()
    once = fit_logistic(X, y, lr=1.0, steps=40)
    first = fit_logistic(X, y, lr=1.0, steps=15)
    second = fit_logistic(X, y, lr=1.0, steps=25, weights=first.weights, bias=first.bias)
    np.testing.assert_allclose(second.weights, once.weights, rtol=1e-12)
    assert math.isclose(second.bias, once.bias, rel_tol=1e-12)


def test_separable_data_have_no_finite_maximum_likelihood():
    """All 30 breast-cancer features separate the training set: the weights grow without end."""
    d = data.load("breast_cancer")
    norms, losses = [], []
    fit = fit_logistic(d.X_train, d.y_train, lr=2.0, steps=100)
    for _ in range(3):
        norms.append(np.linalg.norm(fit.weights))
        losses.append(fit.history["loss"][-1])
        fit = fit_logistic(d.X_train, d.y_train, lr=2.0, steps=300, weights=fit.weights, bias=fit.bias)
    assert norms[0] < norms[1] < norms[2] and losses[0] > losses[1] > losses[2] > 0


def test_fit_softmax_matches_sklearn_multinomial_on_wine():
    from sklearn.metrics import log_loss

    d = data.load("wine")
    X, y = d.X_train[:, :2], d.y_train  # alcohol and malic acid: classes overlap, MLE finite
    fit = fit_softmax(X, y, lr=2.0, steps=300)
    sk = sklearn_unpenalised(X, y)
    # Softmax is unchanged by adding a constant to every class; both fits keep the
    # class sums at zero (gradient descent from zero, and scikit-learn's symmetric form).
    np.testing.assert_allclose(fit.weights.sum(axis=1), 0, atol=1e-12)
    assert np.abs(fit.weights - sk.coef_.T).max() < 1e-3
    assert np.abs(fit.bias - sk.intercept_).max() < 1e-3
    assert abs(log_loss(y, fit.predict_proba(X)) - log_loss(y, sk.predict_proba(X))) < 1e-6
    assert math.isclose(fit.history["loss"][0], math.log(3))
    np.testing.assert_array_equal(fit.predict(X), fit.predict_proba(X).argmax(axis=1))


def test_fit_softmax_keeps_growing_on_iris_where_setosa_is_separable():
    """Setosa is linearly separable from the rest: no finite MLE, the weights keep growing,
    whereas on the overlapping wine subset they settle."""
    iris, wine = data.load("iris"), data.load("wine")
    norms = {}
    for name, X, y in (("iris", iris.X_train, iris.y_train), ("wine", wine.X_train[:, :2], wine.y_train)):
        short = fit_softmax(X, y, lr=2.0, steps=300)
        long = fit_softmax(X, y, lr=2.0, steps=1200)
        norms[name] = np.linalg.norm(short.weights), np.linalg.norm(long.weights)
        assert long.history["loss"][-1] <= short.history["loss"][-1]
    assert norms["iris"][1] > norms["iris"][0] + 2.0
    assert abs(norms["wine"][1] - norms["wine"][0]) < 1e-6


def test_fit_softmax_with_more_classes_than_labels_seen():
    X = np.array([[-1.0], [1.0]])
    fit = fit_softmax(X, [0, 1], n_classes=3, steps=5)
    assert fit.weights.shape == (1, 3) and fit.predict_proba(X).shape == (2, 3)


def test_numpy_scalars_are_accepted_for_the_schedule():
    X = np.array([[-1.0], [1.0]])
    a = fit_logistic(X, [0, 1], lr=np.float32(0.5), steps=np.int64(3))
    b = fit_logistic(X, [0, 1], lr=0.5, steps=3)
    np.testing.assert_allclose(a.weights, b.weights)
    assert fit_softmax(X, [0, 1], lr=np.float64(1.0), steps=np.int32(2), n_classes=np.int64(2)).weights.shape == (1, 2)


# Errors name the argument ----------------------------------------------------

X2 = np.array([[0.0], [1.0], [2.0]])


@pytest.mark.parametrize("kwargs, error, message", [
    (dict(X=[0.0, 1.0, 2.0], y=[0, 1, 1]), ValueError, r"X must be 2-D \(samples, features\); got shape \(3,\)"),
    (dict(X=X2, y=[0, 1]), ValueError, r"y must have one label per row of X, shape \(3,\); got \(2,\)"),
    (dict(X=X2, y=[0, 1, 2]), ValueError, r"y must hold integer labels in 0\.\.1"),
    (dict(X=X2, y=[0, 0.5, 1]), ValueError, r"y must hold integer labels in 0\.\.1"),
    (dict(X=X2, y=["a", "b", "a"]), TypeError, "y must contain real numbers"),
    (dict(X=[[np.nan], [1.0], [2.0]], y=[0, 1, 1]), ValueError, "X must contain only finite numbers"),
    (dict(X=X2, y=[0, 1, 1], lr=0), ValueError, r"lr must be greater than 0; got 0\.0"),
    (dict(X=X2, y=[0, 1, 1], lr=math.inf), ValueError, "lr must be a finite number; got inf"),
    (dict(X=X2, y=[0, 1, 1], lr="0.1"), TypeError, r"lr must be a real number; got str \('0\.1'\)"),
    (dict(X=X2, y=[0, 1, 1], lr=True), TypeError, r"lr must be a real number; got bool \(True\)"),
    (dict(X=X2, y=[0, 1, 1], steps=-1), ValueError, "steps must be at least 0; got -1"),
    (dict(X=X2, y=[0, 1, 1], steps=1.5), ValueError, "steps must be a whole number; got 1.5"),
    (dict(X=X2, y=[0, 1, 1], steps=10**400), ValueError, "steps must be at most 10000000; got 1000"),
    (dict(X=X2, y=[0, 1, 1], loss="hinge"), ValueError, r"loss must be one of \['cross_entropy', 'mse'\]; got 'hinge'"),
    (dict(X=X2, y=[0, 1, 1], weights=[1.0, 2.0]), ValueError, r"weights must have shape \(1,\) to match X; got \(2,\)"),
    (dict(X=X2, y=[0, 1, 1], bias="a"), TypeError, r"bias must be a real number; got str \('a'\)"),
    (dict(X=X2, y=[0, 1, 1], bias=[1.0, 2.0]), TypeError, r"bias must be a real number; got list \(\[1\.0, 2\.0\]\)"),
])
def test_fit_logistic_errors(kwargs, error, message):
    with pytest.raises(error, match=message):
        fit_logistic(**kwargs)


@pytest.mark.parametrize("kwargs, error, message", [
    (dict(y=[0, 1, 2], n_classes=2), ValueError, r"y must hold integer labels in 0\.\.1"),
    (dict(y=[0, 0, 0], n_classes=1), ValueError, "n_classes must be at least 2; got 1"),
    (dict(y=[0, 0, 0], n_classes=-1), ValueError, "n_classes must be at least 2; got -1"),
    (dict(y=[0, 1, 2], n_classes=3.7), ValueError, "n_classes must be a whole number; got 3.7"),
    (dict(y=["a", "b", "c"]), TypeError, "y must contain real numbers"),
    (dict(y=[-1, 0, 1]), ValueError, "y must hold non-negative integer labels"),
    (dict(y=[0, 1.5, 2]), ValueError, "y must hold non-negative integer labels"),
    (dict(y=[0, np.nan, 2]), ValueError, "y must contain only finite numbers"),
    (dict(y=[0, 1, 2], lr=-1), ValueError, r"lr must be greater than 0; got -1\.0"),
])
def test_fit_softmax_errors(kwargs, error, message):
    with pytest.raises(error, match=message):
        fit_softmax(X2, **kwargs)


def test_loss_and_grad_reject_an_unknown_loss():
    with pytest.raises(ValueError, match=r"loss must be one of \['cross_entropy', 'mse'\]; got 'x'"):
        logistic_loss_and_grad(np.zeros(1), 0.0, X2, np.array([0.0, 1.0, 1.0]), loss="x")
