"""Exercise checks of lecture 06: each accepts the right answer, rejects wrong ones, never says the answer."""

import math

import numpy as np
import pytest
from scipy import special

from coursekit.calibration import expected_calibration_error
from coursekit.exercises import verdict
from coursekit.exercises import l06
from tests.exercises.leaks import assert_hidden


# The answers, computed independently of the module ------------------------------

# 06.1: z = 7.3, y = 0, so dL/dz = 2 ŷ · ŷ(1 - ŷ) with ŷ = σ(7.3).
EXPECTED_1 = 2 * special.expit(7.3) * special.expit(7.3) * special.expit(-7.3)
# 06.4: bins [0, 0.85) (five predictions, mean 0.42, three of label 1) and [0.85, 1]
# (three predictions of 0.9, two of label 1).
EXPECTED_4 = 5 / 8 * abs(3 / 5 - 0.42) + 3 / 8 * abs(2 / 3 - 0.9)


def mse_grad_wrt_logit(z, y):
    y_hat = 1 / (1 + np.exp(-z))
    return 2 * (y_hat - y) * y_hat * (1 - y_hat)


# 06.1 -----------------------------------------------------------------------------


def test_061_accepts_the_value_and_close_roundings():
    assert verdict("06.1", EXPECTED_1)[0] == "correct"
    assert verdict("06.1", round(EXPECTED_1, 6))[0] == "correct"
    assert verdict("06.1", np.float64(EXPECTED_1))[0] == "correct"
    assert verdict("06.1", np.array(EXPECTED_1))[0] == "correct"
    assert EXPECTED_1 == pytest.approx(0.001348, abs=1e-6)


@pytest.mark.parametrize("answer, phrase", [
    (special.expit(7.3), "cross-entropy gradient"),
    (2 * special.expit(7.3), "chain rule"),
    (EXPECTED_1 / 2, "no 1/2"),
    (-EXPECTED_1, "sign is flipped"),
    (0.0013, "rounded too much"),
    (0.01, "too large"),
    (0.0, "too small"),
    ("0.0013", "give a number"),
    ([EXPECTED_1], "give a number"),
    (float("nan"), "NaN"),
    (True, "give a number"),
])
def test_061_rejects_wrong_answers_with_a_hint(answer, phrase):
    status, message = verdict("06.1", answer)
    assert status == "wrong"
    assert phrase in message
    assert_hidden(message, EXPECTED_1)


def test_061_no_readout_of_the_widget_passes_the_check():
    """The leak of issue 11: the widget above the exercise (default z = -6, y = 1) showed the answer.

    Every slider position, either label, shown as the readout shows it (``.3g``) or in
    full: none may be the answer to 06.1.
    """
    from coursekit.figures.ce_vs_mse import Z_RANGE, Z_STEP

    low, high = Z_RANGE
    grid = np.arange(low, high + Z_STEP / 2, Z_STEP)
    assert grid.size == 41 and -6.0 in grid
    for z in grid:
        for y in (0, 1):
            slope = l06.mse_grad(float(z), y)
            assert verdict("06.1", float(f"{slope:.3g}"))[0] != "correct", (z, y)
            assert verdict("06.1", slope)[0] != "correct", (z, y)


def test_061_numbers_are_off_the_slider_grid_and_a_confident_mistake():
    from coursekit.figures.ce_vs_mse import Z_STEP

    assert (l06.WRONG_LOGIT / Z_STEP) % 1 != 0
    assert (l06.WRONG_LOGIT, l06.WRONG_LABEL) != (-6.0, 1)
    assert abs(special.expit(l06.WRONG_LOGIT) - l06.WRONG_LABEL) > 0.99  # cross-entropy pushes hard


@pytest.mark.parametrize("answer", [..., None])
def test_061_placeholder(answer):
    assert verdict("06.1", answer)[0] == "not answered"


# 06.2 -----------------------------------------------------------------------------


def test_062_accepts_correct_functions():
    assert verdict("06.2", mse_grad_wrt_logit)[0] == "correct"

    def with_math(z, y):
        y_hat = 1 / (1 + math.exp(-z))
        return 2 * (y_hat - y) * y_hat * (1 - y_hat)

    def returns_array(z, y):
        return np.array([mse_grad_wrt_logit(z, y)])

    assert verdict("06.2", with_math)[0] == "correct"
    assert verdict("06.2", returns_array)[0] == "correct"


def _no_factor(z, y):
    return 2 * (special.expit(z) - y)


def _cross_entropy(z, y):
    return special.expit(z) - y


def _half(z, y):
    return mse_grad_wrt_logit(z, y) / 2


def _flipped(z, y):
    return -mse_grad_wrt_logit(z, y)


def _wrong_elsewhere(z, y):
    # Right for y = 1, wrong for y = 0: the loop must go through every case.
    return mse_grad_wrt_logit(z, y) if y == 1 else 0.1


@pytest.mark.parametrize("func, phrase", [
    (_no_factor, "derivative of the sigmoid"),
    (_cross_entropy, "cross-entropy gradient"),
    (_half, "no 1/2"),
    (_flipped, "sign is flipped"),
    (_wrong_elsewhere, "your function disagrees"),
    (lambda z, y: float("nan"), "returns nan"),
    (lambda z, y: "0.25", "return one number"),
    (lambda z, y: [1.0, 2.0], "return one number"),
    (lambda z, y: 1 / 0, "raised ZeroDivisionError"),
    (mse_grad_wrt_logit(0.0, 1), "pass the function itself"),
    ("mse_grad_wrt_logit", "pass the function itself"),
])
def test_062_rejects_wrong_functions(func, phrase):
    status, message = verdict("06.2", func)
    assert status == "wrong"
    assert phrase in message
    for z, y in l06.GRAD_CASES:
        if abs(mse_grad_wrt_logit(z, y)) > 1e-3:
            assert_hidden(message, float(mse_grad_wrt_logit(z, y)))


def test_062_factor_missing_is_caught_even_if_right_at_the_extremes():
    # Without the factor the function is still close to right where both are ~0.
    status, message = verdict("06.2", _no_factor)
    assert status == "wrong" and "ŷ(1 - ŷ)" in message


def test_062_function_returning_none_or_placeholder():
    def placeholder(z, y):
        ...  # your code here

    assert verdict("06.2", placeholder)[0] == "not answered"
    assert verdict("06.2", lambda z, y: None)[0] == "not answered"
    assert verdict("06.2", ...)[0] == "not answered"


def test_062_reference_is_finite_at_the_extremes():
    for z, y in l06.GRAD_CASES:
        assert math.isfinite(l06.mse_grad(z, y))
        assert l06.mse_grad(z, y) == pytest.approx(mse_grad_wrt_logit(z, y), rel=1e-6, abs=1e-12)


# 06.3 -----------------------------------------------------------------------------


def test_063_accepts_b_in_any_case():
    assert verdict("06.3", "B")[0] == "correct"
    assert verdict("06.3", " b ")[0] == "correct"


@pytest.mark.parametrize("answer", ["A", "C", "D", "E", 2, "", None, ...])
def test_063_rejects_other_answers(answer):
    status, message = verdict("06.3", answer)
    assert status in {"wrong", "not answered"}
    assert status == ("not answered" if answer in (None, ...) else "wrong")
    assert "'B'" not in message or "one of the letters" in message
    assert "Correct" not in message


# 06.4 -----------------------------------------------------------------------------


def test_064_accepts_the_ece():
    assert EXPECTED_4 == pytest.approx(0.2)
    assert verdict("06.4", EXPECTED_4)[0] == "correct"
    assert verdict("06.4", 0.2)[0] == "correct"
    assert l06.two_bin_ece() == pytest.approx(EXPECTED_4)


def test_064_the_library_cannot_give_the_answer():
    """The giveaway of issue 11: the exercise told the student to call the function that computes it."""
    y, p = np.array(l06.ECE_LABELS), np.array(l06.ECE_PROBS)
    for k in range(1, 21):
        status, message = verdict("06.4", expected_calibration_error(y, p, n_bins=k))
        assert status == "wrong", k
        assert_hidden(message, EXPECTED_4)


def test_064_two_equal_width_bins_agree_with_the_library():
    y, p = np.array(l06.ECE_LABELS), np.array(l06.ECE_PROBS)
    assert l06.two_bin_ece(0.5) == pytest.approx(expected_calibration_error(y, p, n_bins=2))


UNWEIGHTED = (abs(3 / 5 - 0.42) + abs(2 / 3 - 0.9)) / 2
SIGNED = 5 / 8 * (3 / 5 - 0.42) + 3 / 8 * (2 / 3 - 0.9)


@pytest.mark.parametrize("answer, phrase", [
    (UNWEIGHTED, "share of predictions"),
    (SIGNED, "absolute value"),
    (-EXPECTED_4, "never negative"),
    (0.075, "split at 0.5"),          # the two equal-width bins of the old exercise
    (0.225, "equal-width bins"),      # expected_calibration_error(..., n_bins=4)
    (0.5, "too large"),
    (0.01, "too small"),
    ("0.2", "give a number"),
    ({"ece": 0.2}, "give a number"),
    (float("nan"), "NaN"),
])
def test_064_rejects_wrong_answers(answer, phrase):
    status, message = verdict("06.4", answer)
    assert status == "wrong"
    assert phrase in message
    assert_hidden(message, EXPECTED_4)


def test_064_placeholder():
    assert verdict("06.4", ...)[0] == "not answered"


# 06.5 -----------------------------------------------------------------------------


def grads(z, y):
    """|dCE/dz| and |dMSE/dz| of one example, computed here."""
    p = special.expit(z)
    return abs(p - y), abs(2 * (p - y) * p * (1 - p))


@pytest.mark.parametrize("answer", [
    (-8.0, 1), (8.0, 0), (-20, 1), (35.0, 0.0), (-1e6, 1), [-9.0, 1],
    np.array([-9.0, 1.0]), (np.float64(10.0), np.int64(0)), (np.array(-8.5), 1),
])
def test_065_accepts_a_confident_mistake(answer):
    z, y = float(np.asarray(answer[0])), float(answer[1])
    ce, mse = grads(z, y)
    assert ce > 0.9 and mse < 1e-3  # the pair really meets the conditions
    assert verdict("06.5", answer)[0] == "correct"


@pytest.mark.parametrize("z, y", [(z, y) for z in np.linspace(-30, 30, 121) for y in (0, 1)])
def test_065_agrees_with_the_conditions_everywhere(z, y):
    ce, mse = grads(z, y)
    assert (verdict("06.5", (z, y))[0] == "correct") == (ce > 0.9 and mse < 1e-3)


@pytest.mark.parametrize("answer, phrase", [
    ((-7.0, 1), "MSE still pushes too hard"),   # confidently wrong, but |dMSE/dz| = 1.8e-3
    ((7.5, 0), "MSE still pushes too hard"),
    ((-1.0, 1), "not confidently"),
    ((-2.0, 1), "not confidently"),             # |dCE/dz| = 0.88
    ((8.0, 1), "right side"),                   # both gradients tiny: a confident right answer
    ((-8.0, 0), "right side"),
    ((0.0, 1), "right side"),
    ((-8.0, 2), "the number 0 or 1"),
    ((-8.0, 0.5), "the number 0 or 1"),
    ((-8.0, True), "the number 0 or 1"),
    ((-8.0, "1"), "the number 0 or 1"),
    (("-8", 1), "finite number"),
    ((float("inf"), 1), "finite number"),
    ((float("nan"), 1), "finite number"),
    ((True, 1), "finite number"),
    ((list(range(10 ** 4)), 1), "finite number"),
    (-8.0, "give the pair"),
    ("-8, 1", "give the pair"),
    ((-8.0, 1, 0), "give the pair"),
    ((-8.0,), "give the pair"),
])
def test_065_rejects_what_fails_with_a_hint(answer, phrase):
    status, message = verdict("06.5", answer)
    assert status == "wrong"
    assert phrase in message
    assert len(message) < 300  # a huge answer is not echoed back whole


def test_065_hint_reports_the_students_own_gradients():
    status, message = verdict("06.5", (-7.0, 1))
    ce, mse = grads(-7.0, 1)
    assert status == "wrong" and f"{ce:.3f}" in message and f"{mse:.2e}" in message


@pytest.mark.parametrize("answer", [..., None, (..., 1), (-8.0, ...), (..., ...), (None, None)])
def test_065_placeholder(answer):
    assert verdict("06.5", answer)[0] == "not answered"


# 06.6 -----------------------------------------------------------------------------


def test_066_accepts_a():
    assert verdict("06.6", "A")[0] == "correct"
    assert verdict("06.6", " a ")[0] == "correct"


@pytest.mark.parametrize("answer", ["B", "C", "D", 1, ""])
def test_066_rejects_other_answers(answer):
    status, message = verdict("06.6", answer)
    assert status == "wrong"
    assert "'A'" not in message or "one of the letters" in message


def test_066_answer_is_what_the_lecture_data_give():
    """From -5d cross-entropy passes 90% training accuracy in a handful of steps; MSE takes hundreds."""
    from coursekit.data import load
    from coursekit.training import fit_logistic

    data = load("breast_cancer")
    X, y = data.X_train, data.y_train
    d = X[y == 1].mean(axis=0) - X[y == 0].mean(axis=0)
    d /= np.linalg.norm(d)

    def first_above(loss, k):
        acc = np.array(fit_logistic(X, y, loss=loss, lr=0.5, steps=400, weights=-k * d).history["accuracy"])
        assert (acc > 0.9).any()
        return int(np.argmax(acc > 0.9))

    assert first_above("cross_entropy", 5) <= 10
    assert first_above("mse", 5) >= 100
