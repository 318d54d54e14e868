"""coursekit.calibration: reliability curves against numpy and scikit-learn, ECE properties, temperature scaling, every error message."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.calibration import calibration_curve

from coursekit.calibration import (
    TEMPERATURE_RANGE,
    ReliabilityCurve,
    TemperatureFit,
    expected_calibration_error,
    fit_temperature,
    reliability_curve,
)
from coursekit.losses import binary_cross_entropy_with_logits, cross_entropy_loss


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


# numpy.histogram's bins (issue 13) ----------------------------------------------


def test_issue_13_bins_are_numpy_histograms_bins():
    # 10 bins: the edges 0.30000000000000004, 0.6000000000000001 and
    # 0.7000000000000001 lie above 0.3, 0.6 and 0.7, so numpy puts those in
    # bins 2, 5 and 6; the old floor(10 p) put them in 3, 6 and 7.
    p = np.array([0.3, 0.6, 0.7])
    counts, _ = np.histogram(p, bins=10, range=(0, 1))
    assert np.flatnonzero(counts).tolist() == [2, 5, 6]
    assert reliability_curve([0, 1, 1], p, n_bins=10).counts.tolist() == counts.tolist()


@pytest.mark.parametrize("n_bins", [1, 3, 7, 10, 13, 100])
def test_every_multiple_of_the_bin_width_falls_where_numpy_puts_it(n_bins):
    p = np.concatenate([np.arange(n_bins + 1) / n_bins, np.linspace(0, 1, n_bins + 1), [0.0, 1.0]])
    counts, _ = np.histogram(p, bins=n_bins, range=(0, 1))
    curve = reliability_curve(np.zeros(len(p)), np.clip(p, 0, 1), n_bins=n_bins)
    assert curve.counts.tolist() == counts.tolist()


@given(st.lists(st.floats(0, 1), min_size=1, max_size=80), st.integers(1, 30))
@settings(max_examples=100, deadline=None)
def test_counts_agree_with_numpy_histogram(p, n_bins):
    counts, _ = np.histogram(p, bins=n_bins, range=(0, 1))
    assert reliability_curve(np.zeros(len(p)), p, n_bins).counts.tolist() == counts.tolist()


# Temperature scaling -------------------------------------------------------------


def _overconfident(seed, scale, n=1500, k=3):
    rng = np.random.default_rng(seed)
    true_logits = rng.normal(size=(n, k))
    p = np.exp(true_logits) / np.exp(true_logits).sum(axis=1, keepdims=True)
    labels = (rng.random(n)[:, None] > np.cumsum(p, axis=1)).sum(axis=1)
    return scale * true_logits, labels


@pytest.mark.parametrize("seed, scale", [(0, 3.0), (1, 0.5), (2, 1.0)])
def test_fit_temperature_finds_the_minimum_of_the_nll_curve(seed, scale):
    logits, labels = _overconfident(seed, scale)
    fit = fit_temperature(logits, labels)
    assert isinstance(fit, TemperatureFit) and fit._fields == ("temperature", "nll_before", "nll_after")
    grid = np.exp(np.linspace(np.log(0.05), np.log(20), 2001))
    curve = np.array([cross_entropy_loss(logits / t, labels) for t in grid])
    assert fit.nll_after <= curve.min() + 1e-9  # no point of a fine grid is lower
    assert fit.temperature == pytest.approx(grid[curve.argmin()], rel=0.01)
    assert fit.nll_after == pytest.approx(cross_entropy_loss(logits / fit.temperature, labels), rel=1e-12)
    assert fit.nll_before == pytest.approx(cross_entropy_loss(logits, labels), rel=1e-12)
    assert fit.nll_after <= fit.nll_before
    # The right temperature undoes the scale that made the model over- or underconfident.
    assert fit.temperature == pytest.approx(scale, rel=0.15)


def test_fit_temperature_on_binary_log_odds():
    rng = np.random.default_rng(3)
    z = rng.normal(scale=2, size=2000)
    y = (rng.random(2000) < 1 / (1 + np.exp(-z))).astype(int)
    fit = fit_temperature(4 * z, y)
    assert fit.temperature == pytest.approx(4, rel=0.15)
    assert fit.nll_after == pytest.approx(binary_cross_entropy_with_logits(y, 4 * z / fit.temperature), rel=1e-12)


def test_fit_temperature_stops_at_the_range_on_separable_data():
    fit = fit_temperature([[2.0, 0.0], [0.0, 2.0]], [0, 1])  # always right: the colder the better
    assert fit.temperature == pytest.approx(TEMPERATURE_RANGE[0], rel=1e-4)
    assert fit.nll_after < fit.nll_before


@pytest.mark.parametrize("logits, labels, error, message", [
    ([[0.0], [1.0]], [0, 0], ValueError, r"logits must have shape \(N,\) \(binary log-odds\) or \(N, K\) with K >= 2"),
    ([[[0.0, 1.0]]], [0], ValueError, r"logits must have shape \(N,\)"),
    ([[0.0, 1.0]], [2], ValueError, r"labels must be class labels in 0\.\.1 \(logits have 2 classes\); got 2"),
    ([[0.0, 1.0]], [0, 1], ValueError, r"labels must hold one label per row of logits, shape \(1,\); got \(2,\)"),
    ([[0.0, np.nan]], [0], ValueError, "logits must contain only finite numbers"),
    ([True, False], [0, 1], TypeError, "logits must hold numbers, not truth values"),
    ([0.0, 1.0], [True, False], TypeError, "labels must be integer class labels, not truth values"),
])
def test_fit_temperature_errors(logits, labels, error, message):
    with pytest.raises(error, match=message):
        fit_temperature(logits, labels)
