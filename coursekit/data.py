"""Small real data sets bundled with scikit-learn, split and standardised.

Only ``sklearn.datasets.load_*`` loaders are used: they read files shipped
inside scikit-learn, so nothing is downloaded and every run sees the same data.
"""

import numbers
from dataclasses import dataclass

import numpy as np

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


def standardize(X_train, X_test):
    """Centre and scale both sets with the training set's mean and standard deviation.

    Examples
    --------
    >>> a, b = standardize(np.array([[0.0], [2.0]]), np.array([[4.0]]))
    >>> a.ravel().tolist(), b.ravel().tolist()
    ([-1.0, 1.0], [3.0])
    """
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    mean = X_train.mean(axis=0)
    scale = X_train.std(axis=0)
    scale[scale == 0] = 1.0  # a constant feature stays 0 rather than becoming NaN
    return (X_train - mean) / scale, (X_test - mean) / scale


def load(name="breast_cancer", test_size=0.25, seed=0):
    """Load a bundled scikit-learn data set, split it (stratified) and standardise it.

    Parameters
    ----------
    name : {"breast_cancer", "iris", "wine", "digits"}
        The data set; ``breast_cancer`` is the two-class one.
    test_size : float, default 0.25
        Fraction held out for testing.
    seed : int, default 0
        Seed of the split.

    Examples
    --------
    >>> data = load("breast_cancer")
    >>> data.X_train.shape, data.X_test.shape
    ((426, 30), (143, 30))
    >>> data.target_names
    ['malignant', 'benign']
    """
    if name not in _LOADERS:
        raise ValueError(f"name must be one of {sorted(_LOADERS)}; got {name!r}.")
    if isinstance(test_size, bool) or not isinstance(test_size, numbers.Real):
        raise TypeError(f"test_size must be a number between 0 and 1; got {type(test_size).__name__}.")
    if not 0 < test_size < 1:
        raise ValueError(f"test_size must be between 0 and 1; got {test_size!r}.")
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral):
        raise TypeError(f"seed must be an integer; got {type(seed).__name__}.")
    from sklearn import datasets
    from sklearn.model_selection import train_test_split

    bunch = getattr(datasets, _LOADERS[name])()
    X_train, X_test, y_train, y_test = train_test_split(
        bunch.data, bunch.target, test_size=test_size, random_state=seed, stratify=bunch.target
    )
    X_train, X_test = standardize(X_train, X_test)
    return Dataset(X_train, X_test, y_train, y_test,
                   [str(f) for f in bunch.feature_names], [str(t) for t in bunch.target_names])
