"""Lecture 05 checks: each accepts the right answer, rejects wrong ones, never leaks the answer."""

import math

import numpy as np
import pytest
from scipy import special

from coursekit.exercises import verdict
from coursekit.exercises import l05
from .leaks import renderings

THETA_HAT = 7 / 25
NLL_HAT = float(-(special.xlogy(7, THETA_HAT) + special.xlogy(18, 1 - THETA_HAT)) / 25)


def assert_no_leak(message, *values):
    for value in values:
        for text in renderings(value):
            assert text not in message, f"{text!r} leaked in {message!r}"


def reference_nll(theta, flips):
    flips = np.asarray(flips, dtype=float)
    k, n = flips.sum(), flips.size
    with np.errstate(divide="ignore"):
        return float(-(special.xlogy(k, theta) + special.xlogy(n - k, 1 - theta)) / n)


def student_nll(theta, flips):
    flips = np.asarray(flips, dtype=float)
    k = flips.sum()
    return -(special.xlogy(k, theta) + special.xlogy(flips.size - k, 1 - theta)) / flips.size


# Expected values of every case of 05.3, which no message may contain either.
NLL_VALUES = [v for theta, flips, _ in l05.NLL_CASES
              if math.isfinite(v := reference_nll(theta, flips)) and v != 0]


def test_expected_values_are_what_the_lecture_says():
    assert math.isclose(THETA_HAT, 0.28)
    assert round(NLL_HAT, 4) == 0.5930
    assert reference_nll(0.0, [0, 0]) == 0.0 and reference_nll(0.0, [1]) == math.inf


# 05.1: the MLE of theta -----------------------------------------------------


@pytest.mark.parametrize("answer", [7 / 25, 0.28, np.float64(0.28), np.array(0.28), 28 / 100])
def test_05_1_accepts_the_mle(answer):
    assert verdict("05.1", answer) == ("correct", "Correct: the MLE of a coin is the fraction of heads.")


@pytest.mark.parametrize("answer, words", [
    (0.3, "too large"),
    (0.25, "too small"),
    (18 / 25, "which outcome"),
    (7, "between 0 and 1"),
    (-0.28, "between 0 and 1"),
    ("0.28", "give a number"),
    ([0.28], "give a number"),
    (True, "give a number"),
    (float("nan"), "NaN"),
    (lambda: 0.28, "give a number"),
])
def test_05_1_rejects_wrong_answers(answer, words):
    status, message = verdict("05.1", answer)
    assert status == "wrong"
    assert message.startswith("Not yet: ") and words in message
    assert_no_leak(message, THETA_HAT)


def test_05_1_placeholder():
    assert verdict("05.1", ...)[0] == "not answered"
    assert verdict("05.1", None)[0] == "not answered"


# 05.2: the average NLL at the MLE, in nats ---------------------------------


@pytest.mark.parametrize("answer", [NLL_HAT, round(NLL_HAT, 4), np.float32(NLL_HAT)])
def test_05_2_accepts_the_average_nll_in_nats(answer):
    assert verdict("05.2", answer)[0] == "correct"


@pytest.mark.parametrize("answer, words", [
    (NLL_HAT / math.log(2), "bits"),
    (NLL_HAT * 25, "total"),
    (-NLL_HAT, "sign"),
    (math.log(2), "θ = 0.5"),
    (0.7, "too large"),
    (0.5, "too small"),
    ("0.593", "give a number"),
    (float("nan"), "NaN"),
])
def test_05_2_rejects_wrong_answers(answer, words):
    status, message = verdict("05.2", answer)
    assert status == "wrong"
    assert words in message
    assert_no_leak(message, NLL_HAT, THETA_HAT)


def test_05_2_placeholder():
    assert verdict("05.2", ...)[0] == "not answered"


# 05.3: bernoulli_nll(theta, flips) -----------------------------------------


def test_05_3_accepts_a_correct_function():
    assert verdict("05.3", student_nll)[0] == "correct"


def test_05_3_accepts_a_plain_python_function():
    def nll(theta, flips):
        heads = sum(flips)
        tails = len(flips) - heads
        total = 0.0
        for count, prob in ((heads, theta), (tails, 1 - theta)):
            if count:
                total += math.inf if prob == 0 else -count * math.log(prob)
        return total / len(flips)

    assert verdict("05.3", nll)[0] == "correct"


def naive(theta, flips):
    flips = np.asarray(flips, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(-np.mean(flips * np.log(theta) + (1 - flips) * np.log(1 - theta)))


def in_bits(theta, flips):
    return student_nll(theta, flips) / math.log(2)


def total(theta, flips):
    return student_nll(theta, flips) * len(flips)


def log_likelihood(theta, flips):
    return -student_nll(theta, flips)


def swapped(theta, flips):
    return student_nll(1 - theta, flips)


def clipped(theta, flips):
    return student_nll(np.clip(theta, 1e-12, 1 - 1e-12), flips)


def per_flip(theta, flips):
    flips = np.asarray(flips, dtype=float)
    return -(special.xlogy(flips, theta) + special.xlogy(1 - flips, 1 - theta))


def returns_none(theta, flips):
    ...  # your code here


def raises(theta, flips):
    raise ZeroDivisionError("division by zero")


@pytest.mark.parametrize("func, status, words", [
    (naive, "wrong", "NaN"),
    (in_bits, "wrong", "bits"),
    (total, "wrong", "total"),
    (log_likelihood, "wrong", "sign"),
    (swapped, "wrong", "wrong value"),
    (clipped, "wrong", "infinite"),
    (per_flip, "wrong", "one number"),
    (lambda theta, flips: "0.69", "wrong", "one number"),
    (returns_none, "not answered", "returns nothing"),
    (raises, "wrong", "raised ZeroDivisionError"),
    (0.6931, "wrong", "pass the function itself"),
])
def test_05_3_rejects_wrong_functions(func, status, words):
    got, message = verdict("05.3", func)
    assert got == status
    assert words in message
    assert_no_leak(message, *NLL_VALUES)


def test_05_3_does_not_let_the_student_mutate_the_cases():
    def mutates(theta, flips):
        value = student_nll(theta, flips)
        flips[0] = 99
        return value

    assert verdict("05.3", mutates)[0] == "correct"
    assert verdict("05.3", student_nll)[0] == "correct"


# 05.4: which statement is true ---------------------------------------------


@pytest.mark.parametrize("answer", ["A", "a", " A "])
def test_05_4_accepts_the_true_statement(answer):
    assert verdict("05.4", answer)[0] == "correct"


@pytest.mark.parametrize("answer, words", [
    ("B", "which property"),
    ("C", "multiplying"),
    ("D", "double the weights"),
    ("E", "one of the letters"),
    (1, "one of the letters"),
    (["A"], "one of the letters"),
])
def test_05_4_rejects_the_others(answer, words):
    status, message = verdict("05.4", answer)
    assert status == "wrong" and words in message
    assert "'A'" not in message.replace("'A', 'B', 'C', 'D'", "")


def test_05_4_placeholder():
    assert verdict("05.4", ...)[0] == "not answered"


# 05.5: the constant of the Laplace NLL (construct) ---------------------------

LAPLACE_C = math.log(6)  # -log(1/(2b)) with b = 3


def test_05_5_expected_value_is_the_laplace_constant():
    """-log Laplace(y; ŷ, b=3) - |y - ŷ|/3 is the same constant for every y, and it is the expected one."""
    from scipy import stats

    y, y_hat = np.linspace(-5, 7, 25), 1.3
    constants = -stats.laplace.logpdf(y, loc=y_hat, scale=3) - np.abs(y - y_hat) / 3
    assert np.allclose(constants, LAPLACE_C, rtol=0, atol=1e-12)
    assert l05.laplace_constant() == pytest.approx(LAPLACE_C, rel=1e-15)


@pytest.mark.parametrize("answer", [LAPLACE_C, np.log(2 * 3), np.float64(LAPLACE_C), np.array(LAPLACE_C),
                                    round(LAPLACE_C, 4), math.log(2) + math.log(3)])
def test_05_5_accepts_ln_2b(answer):
    assert verdict("05.5", answer)[0] == "correct"


@pytest.mark.parametrize("answer, words", [
    (math.log2(6), "bits"),
    (-LAPLACE_C, "sign"),
    (math.log(3), "keep the 2"),
    (math.log(2), "b = 1"),
    (1 / 6, "negative log"),
    (6.0, "log of it"),
    (0.5 * math.log(2 * math.pi * 9), "Gaussian"),
    (0.0, "normalising factor"),
    (1.8, "rounded too much"),
    (2.5, "too large"),
    (1.0, "too small"),
    ("1.79", "give a number"),
    ([LAPLACE_C], "give a number"),
    (True, "give a number"),
    (1 + 2j, "give a number"),
    (float("nan"), "NaN"),
    (float("inf"), "too large"),
    (lambda: LAPLACE_C, "give a number"),
])
def test_05_5_names_the_slip_and_hides_the_answer(answer, words):
    status, message = verdict("05.5", answer)
    assert status == "wrong"
    assert words in message, message
    assert_no_leak(message, LAPLACE_C)


@pytest.mark.parametrize("answer", [..., None])
def test_05_5_placeholder(answer):
    assert verdict("05.5", answer)[0] == "not answered"


# 05.6: predict what duplicating the data does to a MAP fit -------------------


def _map_weights(X, y, sigma2, steps=3000, lr=2.0):
    """The lecture's fit_map: gradient descent on the average NLL + |w|^2 / (2 sigma2 m)."""
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(steps):
        r = special.expit(X @ w + b) - y
        w, b = w - lr * (X.T @ r / len(y) + w / (sigma2 * len(y))), b - lr * r.mean()
    return w


def test_05_6_the_answer_is_what_the_lecture_data_give():
    """Doubled data under the same prior: |w| longer (the fit with sigma2 doubled), and finite."""
    from coursekit import data

    cancer = data.load("breast_cancer")
    X, y = cancer.X_train, cancer.y_train
    once = np.linalg.norm(_map_weights(X, y, 1.0))
    twice = np.linalg.norm(_map_weights(np.vstack([X, X]), np.tile(y, 2), 1.0))
    assert twice > 1.1 * once
    assert twice == pytest.approx(np.linalg.norm(_map_weights(X, y, 2.0)), rel=1e-6)
    assert twice < 10  # finite and settled, unlike the unpenalised fit (|w| ~ 8 after 1000 steps, growing)


@pytest.mark.parametrize("answer", ["B", "b", " B "])
def test_05_6_accepts_longer_but_finite(answer):
    assert verdict("05.6", answer) == (
        "correct", "Correct: each copy doubles the NLL term but not the prior, so the prior weighs half as much.")


@pytest.mark.parametrize("answer, words", [
    ("A", "which of the two doubles"),
    ("C", "matter less"),
    ("D", "penalty is still there"),
    ("E", "one of the letters"),
    ("longer", "one of the letters"),
    (2, "one of the letters"),
    (["B"], "one of the letters"),
    (True, "one of the letters"),
])
def test_05_6_rejects_the_others(answer, words):
    status, message = verdict("05.6", answer)
    assert status == "wrong" and words in message
    assert "'B'" not in message.replace("'A', 'B', 'C', 'D'", "")


@pytest.mark.parametrize("answer", [..., None])
def test_05_6_placeholder(answer):
    assert verdict("05.6", answer)[0] == "not answered"
