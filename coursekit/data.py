"""Small real data sets bundled with scikit-learn, split and standardised.

Only ``sklearn.datasets.load_*`` loaders are used: they read files shipped
inside scikit-learn, so nothing is downloaded and every run sees the same data.
"""

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from coursekit._validation import as_float_array, check_choice, check_ndim, check_scalar

__all__ = ["Dataset", "Standardized", "standardize", "load"]

_LOADERS = {
    "breast_cancer": "load_breast_cancer",
    "iris": "load_iris",
    "wine": "load_wine",
    "digits": "load_digits",
}


@dataclass
class Dataset:
    """A train/test split with features standardised on the training set."""

    X_train: np.ndarray
    X_test: np.ndarray
    y_train: np.ndarray
    y_test: np.ndarray
    feature_names: list
    target_names: list


class Standardized(NamedTuple):
    """Both sets, centred and scaled with the training set's statistics."""

    X_train: np.ndarray
    X_test: np.ndarray


def _check_features(X, name):
    return check_ndim(as_float_array(X, name), name, 2, "2-D (samples, features)")


def standardize(X_train, X_test):
    """Centre and scale both sets with the training set's mean and standard deviation.

    Parameters
    ----------
    X_train : array_like, shape (N, D)
        The statistics come from these rows only.
    X_test : array_like, shape (M, D)
        Transformed with the training statistics (it must have the same D).

    Returns
    -------
    Standardized
        ``X_train`` and ``X_test``, new arrays; a constant training feature
        is centred but not scaled (it stays 0 rather than becoming NaN).

    Examples
    --------
    >>> a, b = standardize(np.array([[0.0], [2.0]]), np.array([[4.0]]))
    >>> a.ravel().tolist(), b.ravel().tolist()
    ([-1.0, 1.0], [3.0])
    """
    X_train = _check_features(X_train, "X_train")
    X_test = _check_features(X_test, "X_test")
    if X_test.shape[1] != X_train.shape[1]:
        raise ValueError(
            f"X_test must have the {X_train.shape[1]} features (columns) of X_train; got {X_test.shape[1]}."
        )
    mean = X_train.mean(axis=0)
    scale = X_train.std(axis=0)
    scale[scale == 0] = 1.0  # a constant feature stays 0 rather than becoming NaN
    return Standardized((X_train - mean) / scale, (X_test - mean) / scale)


def load(name="breast_cancer", test_size=0.25, seed=0):
    """Load a bundled scikit-learn data set, split it (stratified) and standardise it.

    Parameters
    ----------
    name : {"breast_cancer", "iris", "wine", "digits"}
        The data set; ``breast_cancer`` is the two-class one.
    test_size : float, default 0.25
        Fraction held out for testing, strictly between 0 and 1.
    seed : int, default 0
        Seed of the split, in 0 .. 2**32 - 1.

    Examples
    --------
    >>> data = load("breast_cancer")
    >>> data.X_train.shape, data.X_test.shape
    ((426, 30), (143, 30))
    >>> data.target_names
    ['malignant', 'benign']
    """
    check_choice(name, "name", _LOADERS)
    test_size = check_scalar(test_size, "test_size", low=0, high=1, include=(False, False))
    seed = check_scalar(seed, "seed", "integer", low=0, high=2**32 - 1)
    from sklearn import datasets
    from sklearn.model_selection import train_test_split

    bunch = getattr(datasets, _LOADERS[name])()
    X_train, X_test, y_train, y_test = train_test_split(
        bunch.data, bunch.target, test_size=test_size, random_state=seed, stratify=bunch.target
    )
    X_train, X_test = standardize(X_train, X_test)
    return Dataset(X_train, X_test, y_train, y_test,
                   [str(f) for f in bunch.feature_names], [str(t) for t in bunch.target_names])
