"""Exercise checks of lecture 06: each accepts the right answer, rejects wrong ones, never says the answer."""

import math

import numpy as np
import pytest
from scipy import special

from coursekit.calibration import expected_calibration_error
from coursekit.exercises import verdict
from coursekit.exercises import l06


def _expected_strings(value):
    """How the expected value might appear in a message."""
    return {f"{value:.{d}f}" for d in range(2, 7)} | {f"{value:.{d}g}" for d in range(2, 7)} | {repr(value)}


def _assert_hidden(message, value):
    for text in _expected_strings(value):
        assert text not in message, f"{text!r} leaks in {message!r}"


# The answers, computed independently of the module ------------------------------

EXPECTED_1 = 2 * (special.expit(-6.0) - 1) * special.expit(-6.0) * special.expit(6.0)
EXPECTED_4 = 3 / 8 * abs(1 / 3 - 0.2) + 5 / 8 * abs(0.8 - 0.84)


def mse_grad_wrt_logit(z, y):
    y_hat = 1 / (1 + np.exp(-z))
    return 2 * (y_hat - y) * y_hat * (1 - y_hat)


# 06.1 -----------------------------------------------------------------------------


def test_061_accepts_the_value_and_close_roundings():
    assert verdict("06.1", EXPECTED_1)[0] == "correct"
    assert verdict("06.1", round(EXPECTED_1, 6))[0] == "correct"
    assert verdict("06.1", np.float64(EXPECTED_1))[0] == "correct"
    assert verdict("06.1", np.array(EXPECTED_1))[0] == "correct"
    assert EXPECTED_1 == pytest.approx(-0.00492, abs=1e-5)


@pytest.mark.parametrize("answer, phrase", [
    (special.expit(-6.0) - 1, "cross-entropy gradient"),
    (2 * (special.expit(-6.0) - 1), "chain rule"),
    (EXPECTED_1 / 2, "no 1/2"),
    (-EXPECTED_1, "sign is flipped"),
    (0.0, "too large"),
    (-0.5, "too small"),
    ("-0.0049", "give a number"),
    ([EXPECTED_1], "give a number"),
    (float("nan"), "NaN"),
    (True, "give a number"),
])
def test_061_rejects_wrong_answers_with_a_hint(answer, phrase):
    status, message = verdict("06.1", answer)
    assert status == "wrong"
    assert phrase in message
    _assert_hidden(message, EXPECTED_1)


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
            _assert_hidden(message, float(mse_grad_wrt_logit(z, y)))


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
    assert EXPECTED_4 == pytest.approx(0.075)
    assert verdict("06.4", EXPECTED_4)[0] == "correct"
    assert verdict("06.4", 0.075)[0] == "correct"
    ece = expected_calibration_error(np.array(l06.ECE_LABELS), np.array(l06.ECE_PROBS), n_bins=2)
    assert verdict("06.4", ece)[0] == "correct"


@pytest.mark.parametrize("answer, phrase", [
    ((abs(1 / 3 - 0.2) + abs(0.8 - 0.84)) / 2, "share of predictions"),
    (3 / 8 * (1 / 3 - 0.2) + 5 / 8 * (0.8 - 0.84), "absolute value"),
    (-0.075, "absolute value"),
    (0.5, "too large"),
    (0.01, "too small"),
    ("0.075", "give a number"),
    ({"ece": 0.075}, "give a number"),
])
def test_064_rejects_wrong_answers(answer, phrase):
    status, message = verdict("06.4", answer)
    assert status == "wrong"
    assert phrase in message
    _assert_hidden(message, EXPECTED_4)


def test_064_placeholder():
    assert verdict("06.4", ...)[0] == "not answered"
