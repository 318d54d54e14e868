"""Exercise checks of lecture 07: each accepts the right answer, rejects wrong ones, never says the answer."""

import math

import numpy as np
import pytest
from scipy import optimize, special

from coursekit.exercises import l07, verdict
from tests.exercises.leaks import assert_hidden

# The answers, computed independently of the module ------------------------------

Z3 = np.array(l07.TEMPERATURE_LOGITS)
Y3 = np.array(l07.TEMPERATURE_LABELS)


def nll3(t):
    return -np.mean(special.log_softmax(Z3 / t, axis=1)[np.arange(len(Y3)), Y3])


GRID = np.arange(0.5, 4.0, 1e-4)
EXPECTED_3 = float(GRID[np.argmin([nll3(t) for t in GRID])])
EXPECTED_4 = math.log(17.0)  # K = 4, eps = 0.2: (0.8 + 0.05) / 0.05 = 17


def row(p_true):
    """Four logits whose softmax gives class 0 the probability ``p_true``, the rest shared evenly."""
    rest = math.log((1 - p_true) / 3)
    return [math.log(p_true), rest, rest, rest]


def perplexity(logits, labels):
    nll = special.logsumexp(logits, axis=1) - logits[np.arange(len(labels)), labels]
    return float(np.exp(nll.mean()))


# 07.1 -----------------------------------------------------------------------------


@pytest.mark.parametrize("p_a", [0.5, 0.9, 1 / 9 ** 0.5 + 0.1])
def test_071_accepts_two_different_rows_of_perplexity_three(p_a):
    answer = np.array([row(p_a), row(1 / (9 * p_a))])
    assert verdict("07.1", answer)[0] == "correct"
    assert verdict("07.1", answer.tolist())[0] == "correct"
    assert verdict("07.1", answer + np.array([[5.0], [-7.0]]))[0] == "correct"  # a shift per row changes nothing


@pytest.mark.parametrize("answer, phrase", [
    ([row(1 / 3), row(1 / 3)], "same probability"),
    ([row(0.5), row(0.5)], "same probability"),
    ([row(0.5), row(0.3)], "not 3"),
    ([row(0.5), row(0.3)], "1 / (ŷ₁ ŷ₂)"),
    # Arithmetic mean of 1/p is 3 (1/p = 2 and 4), geometric mean is not.
    ([row(0.5), row(0.25)], "geometric mean"),
    ([row(0.5)], "shape (2, 4)"),
    (np.zeros((2, 3)), "shape (2, 4)"),
    ([[0.0, -np.inf, -np.inf, -np.inf], row(0.2)], "finite"),
    ([[np.nan] * 4, row(0.2)], "finite"),
    ("three", "array of numbers"),
    ([[1, "a", 0, 0], row(0.2)], "array of numbers"),
])
def test_071_rejects_wrong_constructions(answer, phrase):
    status, message = verdict("07.1", answer)
    assert status == "wrong"
    assert phrase in message


def test_071_names_the_arithmetic_mean_slip():
    # 1/p = 1.5 and 4.5: arithmetic mean 3, geometric mean sqrt(6.75) = 2.598.
    status, message = verdict("07.1", [row(1 / 1.5), row(1 / 4.5)])
    assert status == "wrong" and "geometric mean" in message


@pytest.mark.parametrize("answer", [..., None])
def test_071_placeholder(answer):
    assert verdict("07.1", answer)[0] == "not answered"


# 07.2 -----------------------------------------------------------------------------


def test_072_accepts_c_in_any_case():
    assert verdict("07.2", "C")[0] == "correct"
    assert verdict("07.2", " c ")[0] == "correct"


@pytest.mark.parametrize("answer", ["A", "B", "D", 3, ""])
def test_072_rejects_other_answers_without_naming_the_letter(answer):
    status, message = verdict("07.2", answer)
    assert status == "wrong"
    assert "'C'" not in message or "one of the letters" in message


def test_072_answer_is_what_the_lecture_data_give():
    """The training split really gives a smaller temperature than the validation split."""
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    X, y = load_digits(return_X_y=True)
    X = X / 16.0
    X_rest, X_tr, y_rest, y_tr = train_test_split(X, y, test_size=300, random_state=0, stratify=y)
    X_val, _, y_val, _ = train_test_split(X_rest, y_rest, test_size=0.5, random_state=0, stratify=y_rest)
    from coursekit.training import fit_softmax

    fit = fit_softmax(X_tr, y_tr, lr=1.0, steps=300)

    def best_t(X_, y_):
        z = X_ @ fit.weights + fit.bias
        f = lambda lt: -np.mean(special.log_softmax(z / np.exp(lt), axis=1)[np.arange(len(y_)), y_])  # noqa: E731
        return np.exp(optimize.minimize_scalar(f, bounds=(-3, 3), method="bounded").x)

    assert best_t(X_tr, y_tr) < 0.5 * best_t(X_val, y_val)


# 07.3 -----------------------------------------------------------------------------


def test_073_reference_agrees_with_an_independent_grid():
    assert l07.best_temperature() == pytest.approx(EXPECTED_3, abs=2e-4)
    assert EXPECTED_3 > 1.2  # the eight predictions are overconfident: the exercise's point


@pytest.mark.parametrize("offset", [0.0, 0.009, -0.009])
def test_073_accepts_within_a_hundredth(offset):
    assert verdict("07.3", EXPECTED_3 + offset)[0] == "correct"
    assert verdict("07.3", np.float64(EXPECTED_3 + offset))[0] == "correct"


@pytest.mark.parametrize("answer, phrase", [
    (1 / EXPECTED_3, "1/T"),
    (nll3(EXPECTED_3), "smallest NLL"),
    (1.0, "leaves the model"),
    (0.0, "positive"),
    (-1.5, "positive"),
    (EXPECTED_3 + 0.05, "too large"),
    (EXPECTED_3 - 0.05, "too small"),
    ("1.6", "give a number"),
    (float("nan"), "NaN"),
    (True, "give a number"),
])
def test_073_rejects_wrong_answers_with_a_hint(answer, phrase):
    status, message = verdict("07.3", answer)
    assert status == "wrong"
    assert phrase in message
    assert_hidden(message, EXPECTED_3, round(EXPECTED_3, 2))


# 07.4 -----------------------------------------------------------------------------


def test_074_accepts_ln_17():
    assert l07.optimal_gap() == pytest.approx(EXPECTED_4)
    assert verdict("07.4", EXPECTED_4)[0] == "correct"
    assert verdict("07.4", round(EXPECTED_4, 4))[0] == "correct"


@pytest.mark.parametrize("answer, phrase", [
    (math.log(16.0), "its share ε/K"),
    (math.log(4.0), "ONE other class"),
    (math.log(12.0), "K - 1 wrong classes"),
    (math.log2(17.0), "bits"),
    (17.0, "ratio"),
    (10.0, "too large"),
    (1.0, "too small"),
    ("2.83", "give a number"),
])
def test_074_rejects_the_usual_slips(answer, phrase):
    status, message = verdict("07.4", answer)
    assert status == "wrong"
    assert phrase in message
    assert_hidden(message, EXPECTED_4)


def test_074_is_the_minimiser_of_the_smoothed_loss():
    """Minimise H(ỹ, softmax(z)) over the gap numerically: the optimum is ln 17."""
    k, eps = l07.SMOOTHING_CLASSES, l07.SMOOTHING_EPSILON
    target = np.full(k, eps / k)
    target[0] += 1 - eps

    def loss(gap):
        return -np.sum(target * special.log_softmax(np.r_[gap, np.zeros(k - 1)]))

    assert optimize.minimize_scalar(loss, bounds=(0, 10), method="bounded").x == pytest.approx(EXPECTED_4, abs=1e-4)


# 07.5 -----------------------------------------------------------------------------


def test_075_accepts_correct_functions():
    assert verdict("07.5", perplexity)[0] == "correct"

    def with_max_shift(logits, labels):
        m = logits.max(axis=1, keepdims=True)
        log_p = logits - m - np.log(np.exp(logits - m).sum(axis=1, keepdims=True))
        return np.exp(-log_p[np.arange(len(labels)), labels].mean())

    assert verdict("07.5", with_max_shift)[0] == "correct"


def _naive(logits, labels):
    p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    return float(np.exp(-np.mean(np.log(p[np.arange(len(labels)), labels]))))


def _nll(logits, labels):
    return math.log(perplexity(logits, labels))


def _bits(logits, labels):
    return math.log(perplexity(logits, labels)) / math.log(2)


def _arithmetic(logits, labels):
    return float(np.mean(np.exp(special.logsumexp(logits, axis=1) - logits[np.arange(len(labels)), labels])))


def _first_row_only(logits, labels):
    return perplexity(logits[:1], labels[:1])


@pytest.mark.parametrize("func, phrase", [
    (_naive, "log-sum-exp"),
    (_nll, "average NLL in nats"),
    (_bits, "in bits"),
    (_arithmetic, "geometric mean"),
    (_first_row_only, "disagrees"),
    (lambda logits, labels: "3", "return one number"),
    (lambda logits, labels: [1.0, 2.0], "return one number"),
    (lambda logits, labels: 1 / 0, "raised ZeroDivisionError"),
    (2.5, "pass the function itself"),
])
def test_075_rejects_wrong_functions(func, phrase):
    status, message = verdict("07.5", func)
    assert status == "wrong"
    assert phrase in message


def test_075_placeholder_function():
    def placeholder(logits, labels):
        ...  # your code here

    assert verdict("07.5", placeholder)[0] == "not answered"
    assert verdict("07.5", ...)[0] == "not answered"


def test_075_reference_is_finite_on_every_case():
    for logits, labels in l07.PERPLEXITY_CASES:
        value = l07.reference_perplexity(logits, labels)
        assert math.isfinite(value) and value >= 1.0
        assert value == pytest.approx(perplexity(np.array(logits), np.array(labels)))
