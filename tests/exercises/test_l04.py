"""Lecture 04 checks: each accepts the right answer, rejects wrong ones, never leaks the answer.

The right answers are computed here independently of ``coursekit.exercises.l04``
(plain numpy, or by hand for the extreme logits).
"""

import math
import re
import warnings

import numpy as np
import pytest

from coursekit.exercises import check, verdict
from coursekit.exercises import l04
from .leaks import renderings

LOGITS_1 = np.array([1.0, 3.0, 0.5, -2.0])
# -ln softmax(z)_0 with plain exponentials: these logits are small enough.
LOSS_1 = float(np.log(np.exp(LOGITS_1).sum()) - LOGITS_1[0])


def assert_no_leak(message, *values):
    for value in values:
        for text in renderings(value):
            assert text not in message, f"{text!r} leaked in {message!r}"


def assert_rejected(key, answer, expected_values, status="wrong", contains=None):
    got_status, message = verdict(key, answer)
    assert got_status == status, message
    assert message.startswith("Not yet: " if status == "wrong" else "Not answered yet")
    assert_no_leak(message, *expected_values)
    if contains is not None:
        assert contains in message
    return message


# 04.1: a number -------------------------------------------------------------


def test_04_1_expected_value_is_the_one_the_lecture_states():
    assert l04.EX1_LOGITS == tuple(LOGITS_1) and l04.EX1_TARGET == 0
    # by hand: e^1 + e^3 + e^0.5 + e^-2, then the log, minus the true logit 1
    by_hand = math.log(math.e + math.e**3 + math.exp(0.5) + math.exp(-2.0)) - 1.0
    assert math.isclose(LOSS_1, by_hand, rel_tol=1e-12)


@pytest.mark.parametrize("answer", [LOSS_1, round(LOSS_1, 4), round(LOSS_1, 3), np.float64(LOSS_1),
                                    np.array(LOSS_1), np.array([LOSS_1])])
def test_04_1_accepts_the_loss_in_nats(answer):
    assert verdict("04.1", answer) == (
        "correct", "Correct: that is the surprisal, in nats, of the true class under softmax(z).")


@pytest.mark.parametrize("answer, contains", [
    (LOSS_1 / math.log(2), "bits"),
    (-LOSS_1, "sign"),
    (math.exp(-LOSS_1), "probability"),
    (float(np.log(np.exp(LOGITS_1).sum()) - LOGITS_1[1]), "another class"),
    (LOSS_1 + 1.0, "too large (in nats)"),
    (LOSS_1 - 1.0, "too small (in nats)"),
    (0.0, "too small"),
    (math.inf, "infinite"),
    (math.nan, "NaN"),
    (str(round(LOSS_1, 4)), "not str"),
    ([LOSS_1], "not list"),
    (True, "not bool"),
])
def test_04_1_rejects_wrong_answers_without_giving_the_value(answer, contains):
    assert_rejected("04.1", answer, [LOSS_1], contains=contains)


@pytest.mark.parametrize("answer", [..., None])
def test_04_1_placeholder_is_not_answered(answer):
    assert_rejected("04.1", answer, [LOSS_1], status="not answered")


# 04.2: a function -------------------------------------------------------------

CASES = l04.EX2_ORDINARY + l04.EX2_EXTREME


def independent_loss(z, t):
    """-ln softmax(z)_t, shifting by the max by hand (finite for extreme logits)."""
    z = np.asarray(z, dtype=float)
    m = z.max()
    return float(m + math.log(sum(math.exp(v - m) for v in z)) - z[t])


EXPECTED_2 = [independent_loss(z, t) for z, t in CASES]


def test_04_2_cases_include_extreme_logits_with_known_losses():
    assert ((1000.0, 0.0), 1) in l04.EX2_EXTREME and ((-1000.0, 0.0), 0) in l04.EX2_EXTREME
    assert independent_loss([1000.0, 0.0], 1) == 1000.0
    assert independent_loss([1000.0, 0.0], 0) == 0.0
    assert independent_loss([-1000.0, 0.0], 0) == 1000.0
    for (z, t), expected in zip(CASES, EXPECTED_2):
        assert math.isclose(l04.loss_from_logits(z, t), expected, rel_tol=1e-12, abs_tol=1e-12)


def stable(z, t):
    m = np.max(z)
    return float(m + np.log(np.sum(np.exp(z - m))) - z[t])


def stable_numpy_scalar(z, t):
    m = z.max()
    return z[t] * 0 + (m + np.log(np.exp(z - m).sum()) - z[t])  # a numpy float64


def stable_via_logaddexp(z, t):
    return float(np.logaddexp.reduce(z) - z[t])


@pytest.mark.parametrize("func", [stable, stable_numpy_scalar, stable_via_logaddexp])
def test_04_2_accepts_stable_implementations(func):
    assert verdict("04.2", func) == (
        "correct", "Correct: finite and right, even where exp overflows: that is log-sum-exp at work.")


def naive(z, t):
    return float(-np.log(np.exp(z) / np.exp(z).sum())[t])


def shift_then_log_of_softmax(z, t):
    e = np.exp(z - z.max())  # no overflow, but e^-1000 underflows to 0 and ln 0 = -inf
    return float(-np.log(e / e.sum())[t])


def shift_forgotten_in_the_sum(z, t):
    m = z.max()
    return float(np.log(np.exp(z - m).sum()) - z[t])  # m dropped: wrong loss, but finite


def clips_the_logits(z, t):
    return stable(np.clip(z, -100.0, 100.0), t)  # finite everywhere, wrong for extreme logits


def in_bits(z, t):
    return stable(z, t) / math.log(2)


def wrong_sign(z, t):
    return -stable(z, t)


def wrong_formula(z, t):
    return stable(z, t) + 0.5


def returns_log_softmax_vector(z, t):
    m = z.max()
    return z - m - np.log(np.exp(z - m).sum())


def returns_text(z, t):
    return "loss"


def returns_none(z, t):
    ...  # your code here


def raises(z, t):
    raise ZeroDivisionError("oops")


@pytest.mark.parametrize("func, contains", [
    (naive, "log-sum-exp"),
    (shift_then_log_of_softmax, "log-sum-exp"),
    (shift_forgotten_in_the_sum, "different loss"),
    (clips_the_logits, "finite but wrong"),
    (in_bits, "bits"),
    (wrong_sign, "sign"),
    (wrong_formula, "different loss"),
    (returns_log_softmax_vector, "array of shape"),
    (returns_text, "not str"),
    (raises, "raised ZeroDivisionError: oops"),
    (3.0, "give the function itself"),
    ("cross_entropy_from_logits", "give the function itself"),
])
def test_04_2_rejects_wrong_functions(func, contains):
    assert_rejected("04.2", func, EXPECTED_2, contains=contains)


@pytest.mark.parametrize("answer", [returns_none, ...])
def test_04_2_placeholder_is_not_answered(answer):
    assert_rejected("04.2", answer, EXPECTED_2, status="not answered")


def test_04_2_naive_function_makes_no_warning_reach_the_student(capsys):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # any warning would raise here
        with np.errstate(all="raise"):  # and so would any numpy floating-point error
            check("04.2", naive)
    out = capsys.readouterr()
    assert out.err == ""
    assert out.out.count("\n") == 1 and out.out.startswith("Not yet:")
    assert np.geterr()["over"] == "warn"  # the check restored numpy's settings


def test_04_2_student_input_is_a_fresh_array_each_call():
    def mutating(z, t):
        value = stable(z, t)
        z[:] = 0.0  # a careless in-place change must not affect later cases
        return value

    assert verdict("04.2", mutating)[0] == "correct"


# 04.3 and 04.4: statements to judge ----------------------------------------------


def mentions_letter(message, letter):
    body = message.split(":", 1)[1]
    return re.search(rf"(?<![\w']){letter}(?![\w'])", body) is not None or f"'{letter}'" in body


@pytest.mark.parametrize("key, correct", [("04.3", "B"), ("04.4", "D")])
def test_statements_accept_the_true_one_in_any_case(key, correct):
    for answer in (correct, correct.lower(), f" {correct} "):
        assert verdict(key, answer)[0] == "correct"


@pytest.mark.parametrize("key, correct", [("04.3", "B"), ("04.4", "D")])
def test_statements_reject_the_others_without_naming_the_answer(key, correct):
    hints = set()
    for letter in "ABCD".replace(correct, ""):
        status, message = verdict(key, letter)
        assert status == "wrong" and message.startswith("Not yet: ")
        assert not mentions_letter(message, correct), message
        hints.add(message)
    assert len(hints) == 3  # one specific hint per wrong statement


@pytest.mark.parametrize("key", ["04.3", "04.4"])
@pytest.mark.parametrize("answer", ["E", "B and D", 2, None, ...])
def test_statements_handle_answers_that_are_not_a_letter(key, answer):
    status, message = verdict(key, answer)
    if answer is None or answer is Ellipsis:
        assert status == "not answered"
    else:
        assert status == "wrong"
        assert message == "Not yet: answer with one of the letters 'A', 'B', 'C', 'D'."


def test_statement_04_3_is_true_numerically():
    # B: the gradient is y_hat - y; its entries sum to 0 and the true class's entry is <= 0.
    z, t, h = np.array([0.3, -1.2, 2.0, 0.7]), 1, 1e-6
    y = np.eye(4)[t]
    y_hat = np.exp(z) / np.exp(z).sum()
    loss = lambda v: -np.log(np.exp(v[t]) / np.exp(v).sum())
    numerical = [(loss(z + h * e) - loss(z - h * e)) / (2 * h) for e in np.eye(4)]
    np.testing.assert_allclose(numerical, y_hat - y, atol=1e-8)
    assert abs((y_hat - y).sum()) < 1e-12 and (y_hat - y)[t] < 0


def test_statement_04_4_is_true_numerically():
    with np.errstate(divide="ignore"):
        losses = -np.log(np.array([0.5, 1e-10, 1e-300, 0.0]))
    assert np.all(np.diff(losses) > 0) and np.isinf(losses[-1])
    assert np.isinf(np.mean(losses))
    # and the wrong statements: halving adds ln 2; the spread of the rest does not matter
    assert math.isclose(-math.log(0.3) - (-math.log(0.6)), math.log(2))


# 04.1: the infinite-answer hint ---------------------------------------------------


def test_04_1_infinite_hint_is_true_of_a_stable_softmax_and_says_so():
    """The hint claims: softmax of finite logits is 0 in float64 only from a gap of about 745.

    True of a softmax computed stably (shifted by the max); the naive exp-then-divide
    already gives 0 at a gap of 710, where e^710 overflows, so the hint must say "stably".
    """
    from scipy import special

    message = verdict("04.1", math.inf)[1]
    assert "stably" in message and "745" in message and "never is;" in message
    assert all(special.softmax([0.0, -gap])[1] > 0.0 for gap in (700.0, 740.0, 744.0))
    assert special.softmax([0.0, -746.0])[1] == 0.0
    with np.errstate(over="ignore", invalid="ignore"):
        e = np.exp(np.array([710.0, 0.0]))
        assert (e / e.sum())[1] == 0.0  # naive softmax: 1/inf at a gap of only 710


# 04.5: predict the loss at T = 10 against ln 4 ------------------------------------


def hot_loss(z, t, temperature):
    z = np.asarray(z, dtype=float) / temperature
    m = z.max()
    return float(m + math.log(np.exp(z - m).sum()) - z[t])


def test_04_5_answer_is_what_the_numbers_give_and_the_lecture_does_not_show():
    z, t, temperature = l04.EX5_LOGITS, l04.EX5_TARGET, l04.EX5_TEMPERATURE
    assert hot_loss(z, t, temperature) > math.log(4) + 0.05  # A: above ln 4, by a margin
    assert np.mean(z) > z[t]                                   # because z_t is below the mean logit
    assert sorted(z, reverse=True)[1] == z[t]                  # though it is the second choice ...
    lecture = (2.0, 1.0, 0.1, -1.0)                            # ... like the lecture's dog, which lies below
    assert l04.EX5_LOGITS != lecture and hot_loss(lecture, 1, temperature) < math.log(4)


def test_04_5_large_t_expansion_in_the_hint_is_right():
    """ŷ_i ≈ (1 + (z_i − z̄)/T)/K for large T: the hint's formula, to second order."""
    z = np.array(l04.EX5_LOGITS)
    for temperature in (100.0, 1000.0):
        exact = np.exp(z / temperature) / np.exp(z / temperature).sum()
        first_order = (1 + (z - z.mean()) / temperature) / len(z)
        assert np.abs(exact - first_order).max() < 5 / temperature**2


def test_04_5_accepts_a_and_rejects_the_others_with_their_own_hints():
    assert verdict("04.5", "A")[0] == "correct" and verdict("04.5", " a ")[0] == "correct"
    hints = set()
    for letter in "BC":
        status, message = verdict("04.5", letter)
        assert status == "wrong" and not mentions_letter(message, "A"), message
        hints.add(message)
    assert len(hints) == 2
    assert "mean logit" in verdict("04.5", "C")[1] and "T → ∞" in verdict("04.5", "B")[1]


@pytest.mark.parametrize("answer", ["D", "above", 1, True, ["A"], np.str_("Z")])
def test_04_5_hostile_answers_get_the_letter_hint(answer):
    assert verdict("04.5", answer) == ("wrong", "Not yet: answer with one of the letters 'A', 'B', 'C'.")


@pytest.mark.parametrize("answer", [..., None])
def test_04_5_placeholder_is_not_answered(answer):
    assert verdict("04.5", answer)[0] == "not answered"


# 04.6: find the temperature of least loss ------------------------------------------

Z6, T6 = np.array(l04.EX6_LOGITS), l04.EX6_TARGET
GRID6 = np.arange(0.5, 5.0, 1e-4)
LOSSES6 = np.array([hot_loss(Z6, T6, temperature) for temperature in GRID6])
EXPECTED_6 = float(GRID6[LOSSES6.argmin()])


def test_04_6_reference_agrees_with_an_independent_grid_and_is_not_on_screen():
    assert l04.best_temperature() == pytest.approx(EXPECTED_6, abs=2e-4)
    assert 0.5 < EXPECTED_6 < 4.9                              # an interior minimum of the grid
    assert LOSSES6.min() < math.log(len(Z6))                   # below the T → ∞ limit, ln 5
    # the lecture shows the optimum for its own logits, 2.44; this one is far from it
    assert l04.best_temperature((2.0, 1.0, 0.1, -1.0), 1) == pytest.approx(2.4447, abs=1e-4)
    assert abs(EXPECTED_6 - 2.44) > 0.3 and abs(EXPECTED_6 - 1.0) > 0.3


def test_04_6_answer_is_not_printed_by_the_lecture():
    import nbformat
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    for folder in ("solutions", "lectures"):
        nb = nbformat.read(root / folder / "04_classification_loss.ipynb", as_version=4)
        shown = "".join(out.get("text", "") + str(out.get("data", {}).get("text/plain", ""))
                        for cell in nb.cells if cell.cell_type == "code" for out in cell.get("outputs", []))
        assert f"{EXPECTED_6:.2f}" not in shown and f"{EXPECTED_6:.3f}" not in shown


@pytest.mark.parametrize("offset", [0.0, 0.009, -0.009])
def test_04_6_accepts_within_a_hundredth(offset):
    for answer in (EXPECTED_6 + offset, np.float64(EXPECTED_6 + offset), np.array([EXPECTED_6 + offset])):
        assert verdict("04.6", answer) == ("correct", "Correct: that is the temperature of least loss for this example.")
    assert verdict("04.6", round(EXPECTED_6, 2))[0] == "correct"


@pytest.mark.parametrize("answer, phrase", [
    (1 / EXPECTED_6, "1/T"),
    (hot_loss(Z6, T6, EXPECTED_6), "smallest loss"),
    (2.4447, "lecture's cat, dog, fox and owl"),
    (1.0, "leaves the logits"),
    (round(EXPECTED_6, 1), "keep more digits"),
    (EXPECTED_6 + 0.05, "too large"),
    (EXPECTED_6 - 0.05, "too small"),
    (0.0, "positive"),
    (-EXPECTED_6, "positive"),
    (math.inf, "finite T"),
    (math.nan, "NaN"),
    (str(round(EXPECTED_6, 2)), "not str"),
    (True, "not bool"),
    ([EXPECTED_6, 1.0], "not list"),
    (np.array([EXPECTED_6, 1.0]), "not ndarray"),
    (complex(EXPECTED_6, 0), "not complex"),
])
def test_04_6_rejects_wrong_answers_with_a_hint_and_without_the_value(answer, phrase):
    message = assert_rejected("04.6", answer, [EXPECTED_6, round(EXPECTED_6, 2)])
    assert phrase in message, message


@pytest.mark.parametrize("answer", [..., None])
def test_04_6_placeholder_is_not_answered(answer):
    assert_rejected("04.6", answer, [EXPECTED_6], status="not answered")
