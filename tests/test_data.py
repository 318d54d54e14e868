"""coursekit.data: bundled data only, stratified splits, standardised on the training set."""

import inspect
import math

import numpy as np
import pytest

from coursekit import data

SIZES = {"breast_cancer": (569, 30, 2), "iris": (150, 4, 3), "wine": (178, 13, 3), "digits": (1797, 64, 10)}


def raw(name):
    from sklearn import datasets

    bunch = getattr(datasets, f"load_{name}")()
    return bunch.data, bunch.target


@pytest.mark.parametrize("name", sorted(SIZES))
def test_shapes_and_names(name):
    n, features, classes = SIZES[name]
    d = data.load(name)
    n_test = math.ceil(0.25 * n)  # scikit-learn rounds the test share up
    assert d.X_train.shape == (n - n_test, features) and d.X_test.shape == (n_test, features)
    assert d.y_train.shape == (n - n_test,) and d.y_test.shape == (n_test,)
    assert len(d.feature_names) == features and all(isinstance(f, str) for f in d.feature_names)
    assert len(d.target_names) == classes and all(isinstance(t, str) for t in d.target_names)
    assert set(np.unique(d.y_train)) == set(range(classes))


@pytest.mark.parametrize("name", sorted(SIZES))
def test_split_is_stratified(name):
    _, y = raw(name)
    d = data.load(name)
    for labels in (d.y_train, d.y_test):
        counts = np.bincount(labels, minlength=SIZES[name][2])
        expected = np.bincount(y) * len(labels) / len(y)
        assert np.all(np.abs(counts - expected) <= 1)


@pytest.mark.parametrize("name", ["breast_cancer", "wine"])
def test_standardised_with_training_statistics_only(name):
    from sklearn.model_selection import train_test_split

    X, y = raw(name)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=3, stratify=y)
    d = data.load(name, seed=3)
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)
    np.testing.assert_allclose(d.X_train, (X_train - mean) / std, atol=1e-12)
    np.testing.assert_allclose(d.X_test, (X_test - mean) / std, atol=1e-12)
    np.testing.assert_array_equal(d.y_test, y_test)
    np.testing.assert_allclose(d.X_train.mean(axis=0), 0, atol=1e-12)
    np.testing.assert_allclose(d.X_train.std(axis=0), 1, atol=1e-12)
    assert np.abs(d.X_test.mean(axis=0)).max() > 1e-3  # not re-centred on its own statistics


def test_constant_features_stay_zero_not_nan():
    d = data.load("digits")  # some pixels are always blank
    assert np.isfinite(d.X_train).all() and np.isfinite(d.X_test).all()
    constant = np.ptp(raw("digits")[0], axis=0) == 0
    assert constant.any() and np.all(d.X_train[:, constant] == 0)


def test_standardize_leaves_its_inputs_alone():
    a, b = np.array([[1.0, 5.0], [3.0, 5.0]]), np.array([[2.0, 6.0]])
    a_copy, b_copy = a.copy(), b.copy()
    train, test = data.standardize(a, b)
    np.testing.assert_array_equal(a, a_copy)
    np.testing.assert_array_equal(b, b_copy)
    assert train.tolist() == [[-1.0, 0.0], [1.0, 0.0]] and test.tolist() == [[0.0, 1.0]]


def test_same_seed_same_split_other_seed_other_split():
    a, b, c = data.load("iris", seed=1), data.load("iris", seed=1), data.load("iris", seed=2)
    np.testing.assert_array_equal(a.X_train, b.X_train)
    assert not np.array_equal(a.y_test, c.y_test) or not np.array_equal(a.X_test, c.X_test)


def test_test_size_changes_the_split():
    d = data.load("breast_cancer", test_size=0.5)
    assert len(d.y_test) == math.ceil(0.5 * 569)


def test_only_bundled_loaders_nothing_fetched(monkeypatch):
    import sklearn.datasets

    assert "fetch_" not in inspect.getsource(data)
    assert all(loader.startswith("load_") for loader in data._LOADERS.values())

    def refuse(*args, **kwargs):
        raise AssertionError("a fetch_* loader was called")

    for attr in dir(sklearn.datasets):
        if attr.startswith("fetch_"):
            monkeypatch.setattr(sklearn.datasets, attr, refuse)
    for name in SIZES:
        data.load(name)


@pytest.mark.parametrize("kwargs, error, message", [
    (dict(name="mnist"), ValueError, r"name must be one of \['breast_cancer', 'digits', 'iris', 'wine'\]; got 'mnist'"),
    (dict(test_size=0), ValueError, r"test_size must be greater than 0; got 0\.0"),
    (dict(test_size=1.5), ValueError, "test_size must be less than 1; got 1.5"),
    (dict(test_size=math.nan), ValueError, "test_size must be a finite number; got nan"),
    (dict(test_size="0.2"), TypeError, r"test_size must be a real number; got str \('0\.2'\)"),
    (dict(test_size=True), TypeError, r"test_size must be a real number; got bool \(True\)"),
    (dict(seed="x"), TypeError, r"seed must be an integer; got str \('x'\)"),
    (dict(seed=-1), ValueError, "seed must be at least 0; got -1"),
    (dict(seed=10**400), ValueError, "seed must be at most 4294967295; got 1000"),
    (dict(name=None), TypeError, r"name must be one of \['breast_cancer', 'digits', 'iris', 'wine'\]; got NoneType"),
    (dict(name=[]), TypeError, r"name must be one of .*; got list \(\[\]\)"),
    (dict(seed=1.5), ValueError, "seed must be a whole number; got 1.5"),
])
def test_errors_name_the_argument(kwargs, error, message):
    with pytest.raises(error, match=message):
        data.load(**kwargs)
