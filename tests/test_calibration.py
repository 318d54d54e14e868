"""coursekit.calibration: reliability curves against scikit-learn, ECE properties, every error message."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.calibration import calibration_curve

from coursekit.calibration import ReliabilityCurve, expected_calibration_error, reliability_curve


def _random_case(seed, n=500):
    rng = np.random.default_rng(seed)
    p = rng.random(n)
    y = (rng.random(n) < p).astype(int)
    return y, p


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("n_bins", [1, 5, 10, 17])
def test_agrees_with_sklearn_calibration_curve(seed, n_bins):
    # Continuous random probabilities never sit exactly on a bin edge, where
    # the two binning conventions agree.
    y, p = _random_case(seed)
    curve = reliability_curve(y, p, n_bins)
    prob_true, prob_pred = calibration_curve(y, p, n_bins=n_bins, strategy="uniform")
    filled = curve.counts > 0
    np.testing.assert_allclose(curve.observed[filled], prob_true)
    np.testing.assert_allclose(curve.mean_predicted[filled], prob_pred)


def test_agrees_with_sklearn_with_empty_bins():
    y = np.array([0, 1, 1, 0, 1])
    p = np.array([0.05, 0.93, 0.97, 0.12, 0.55])
    curve = reliability_curve(y, p, 10)
    prob_true, prob_pred = calibration_curve(y, p, n_bins=10, strategy="uniform")
    assert curve.counts.tolist() == [1, 1, 0, 0, 0, 1, 0, 0, 0, 2]
    assert np.isnan(curve.observed[curve.counts == 0]).all()
    np.testing.assert_allclose(curve.observed[curve.counts > 0], prob_true)
    np.testing.assert_allclose(curve.mean_predicted[curve.counts > 0], prob_pred)


def test_edge_convention_is_left_closed_and_last_bin_closed():
    # Documented difference from scikit-learn: an inner edge goes to the upper bin.
    curve = reliability_curve([0, 1, 1, 0], [0.0, 0.5, 1.0, 0.25], n_bins=2)
    assert curve.counts.tolist() == [2, 2]
    assert curve.mean_predicted.tolist() == [0.125, 0.75]


def test_fields_and_bin_centres():
    curve = reliability_curve([0, 1], [0.2, 0.9], n_bins=4)
    assert isinstance(curve, ReliabilityCurve)
    assert curve._fields == ("centers", "mean_predicted", "observed", "counts")
    np.testing.assert_allclose(curve.centers, [0.125, 0.375, 0.625, 0.875])
    assert all(len(field) == 4 for field in curve)


@given(st.lists(st.tuples(st.integers(0, 1), st.floats(0, 1)), min_size=1, max_size=60),
       st.integers(1, 20))
@settings(max_examples=60, deadline=None)
def test_counts_sum_to_n_and_means_lie_in_their_bins(pairs, n_bins):
    y, p = map(np.array, zip(*pairs))
    curve = reliability_curve(y, p, n_bins)
    assert curve.counts.sum() == len(p)
    filled = curve.counts > 0
    lower = (curve.centers - 0.5 / n_bins)[filled]
    upper = (curve.centers + 0.5 / n_bins)[filled]
    assert np.all(curve.mean_predicted[filled] >= lower - 1e-12)
    assert np.all(curve.mean_predicted[filled] <= upper + 1e-12)
    assert np.all((curve.observed[filled] >= 0) & (curve.observed[filled] <= 1))
    ece = expected_calibration_error(y, p, n_bins)
    assert 0.0 <= ece <= 1.0


def test_ece_is_near_zero_for_a_calibrated_model():
    # Labels drawn with exactly the predicted probability: calibrated by construction.
    y, p = _random_case(seed=7, n=200_000)
    assert expected_calibration_error(y, p, 10) < 0.005


def test_ece_of_an_overconfident_model_is_the_gap():
    # Says 0.9 for everything, right half the time: ECE = |0.5 - 0.9| = 0.4.
    y = np.array([0, 1] * 50)
    assert expected_calibration_error(y, np.full(100, 0.9)) == pytest.approx(0.4)


def test_ece_matches_its_definition():
    y, p = _random_case(seed=3, n=300)
    curve = reliability_curve(y, p, 8)
    filled = curve.counts > 0
    by_hand = sum(n / 300 * abs(o - m) for n, o, m in
                  zip(curve.counts[filled], curve.observed[filled], curve.mean_predicted[filled]))
    assert expected_calibration_error(y, p, 8) == pytest.approx(by_hand)


@pytest.mark.parametrize("y_true, p_pred, n_bins, error, message", [
    ([0, 1], [0.5], 10, ValueError, r"y_true and p_pred must have the same shape; got \(2,\) and \(1,\)"),
    ([[0, 1]], [[0.2, 0.4]], 10, ValueError, r"must be 1-D .* got shape \(1, 2\)"),
    ([0, 2], [0.2, 0.4], 10, ValueError, r"y_true must hold labels 0 or 1; got 2 at index 1"),
    ([0, 1], [0.2, 1.4], 10, ValueError, r"p_pred must hold probabilities between 0 and 1; got 1.4 at index 1"),
    ([0, 1], [0.2, float("nan")], 10, ValueError, r"p_pred must contain only finite numbers"),
    ([0, 1], [0.2, 0.4], 0, ValueError, r"n_bins must be at least 1; got 0"),
    ([0, 1], [0.2, 0.4], 2.5, ValueError, r"n_bins must be a whole number; got 2.5"),
    ([0, 1], [0.2, 0.4], True, TypeError, r"n_bins must be an integer; got bool \(True\)"),
    ([0, 1], [0.2, 0.4], 10**400, ValueError, r"n_bins must be at most 1000000; got 1000"),
    ([0, 1], [0.2, 0.4], "10", TypeError, r"n_bins must be an integer; got str \('10'\)"),
    ([False, True], [0.2, 0.4], 10, TypeError, r"y_true must hold numbers, not truth values"),
    ([0, 1], [False, True], 10, TypeError, r"p_pred must hold numbers, not truth values"),
    ([0, 1], np.ma.masked_array([0.2, 0.4], mask=[0, 1]), 10, TypeError, r"p_pred is a masked array with 1 masked entry"),
    ("01", [0.2, 0.4], 10, TypeError, r"y_true must be numbers"),
    ([0, 1], ["a", "b"], 10, TypeError, r"p_pred must contain real numbers"),
    ([], [], 10, ValueError, r"y_true must not be empty"),
])
def test_error_messages(y_true, p_pred, n_bins, error, message):
    with pytest.raises(error, match=message):
        reliability_curve(y_true, p_pred, n_bins)
    with pytest.raises(error, match=message):
        expected_calibration_error(y_true, p_pred, n_bins)
