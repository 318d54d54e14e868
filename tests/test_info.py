"""coursekit.info: textbook values, the mathematics as properties, and the references."""

import math

import numpy as np
import pytest
import scipy.stats
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from coursekit import cross_entropy, cross_entropy_loss, entropy, kl_divergence, perplexity, surprisal
from coursekit._validation_probability import SUM_TOLERANCE

LN2 = math.log(2)


# Textbook values ------------------------------------------------------------


def test_fair_die_has_log2_6_bits():
    assert entropy([1 / 6] * 6) == pytest.approx(math.log2(6), abs=1e-12)
    assert entropy([1 / 6] * 6, base=math.e) == pytest.approx(math.log(6), abs=1e-12)


def test_biased_coin():
    # H(0.9, 0.1) = -0.9 log2 0.9 - 0.1 log2 0.1 = 0.46899559358928117 bits
    assert entropy([0.9, 0.1]) == pytest.approx(0.46899559358928117, abs=1e-12)


def test_surprisal_of_fair_coin_die_and_card():
    assert surprisal(0.5) == 1.0
    assert surprisal(1 / 6) == pytest.approx(2.584962500721156, abs=1e-12)
    assert surprisal(1 / 52) == pytest.approx(math.log2(52), abs=1e-12)
    assert surprisal(1.0) == 0.0
    assert surprisal(0.0) == math.inf


def test_surprisal_of_independent_events_adds():
    assert surprisal(0.5 * 1 / 6) == pytest.approx(surprisal(0.5) + surprisal(1 / 6), abs=1e-12)


def test_known_kl_pair_in_both_directions():
    p, q = [0.5, 0.5], [0.9, 0.1]
    # D(p||q) = 0.5 log2(0.5/0.9) + 0.5 log2(0.5/0.1); D(q||p) = 0.9 log2 1.8 + 0.1 log2 0.2
    assert kl_divergence(p, q) == pytest.approx(0.5 * math.log2(5 / 9) + 0.5 * math.log2(5), abs=1e-12)
    assert kl_divergence(q, p) == pytest.approx(0.9 * math.log2(1.8) + 0.1 * math.log2(0.2), abs=1e-12)
    assert kl_divergence(p, q) != pytest.approx(kl_divergence(q, p))


def test_zero_log_zero_is_zero_and_infinities_are_honest():
    assert entropy([1.0, 0.0, 0.0]) == 0.0
    assert cross_entropy([1.0, 0.0], [1.0, 0.0]) == 0.0
    assert cross_entropy([0.5, 0.5], [1.0, 0.0]) == math.inf
    assert kl_divergence([0.5, 0.5], [1.0, 0.0]) == math.inf
    assert kl_divergence([1.0, 0.0], [0.5, 0.5]) == 1.0


def test_loaded_die_under_fair_belief():
    six = [0, 0, 0, 0, 0, 1]
    assert cross_entropy(six, [1 / 6] * 6) == pytest.approx(math.log2(6), abs=1e-12)
    assert cross_entropy(six, six) == 0.0


def test_scalar_results_are_python_floats():
    assert type(entropy([0.5, 0.5])) is float
    assert type(surprisal(0.5)) is float


# Properties -------------------------------------------------------------------


def distributions(n_min=1, n_max=8, zeros=True):
    """Probability vectors, some with exact zeros."""
    low = 0.0 if zeros else 1e-3

    @st.composite
    def build(draw):
        n = draw(st.integers(n_min, n_max))
        w = draw(arrays(float, n, elements=st.floats(low, 1.0)))
        if w.sum() == 0:
            w[0] = 1.0
        return w / w.sum()

    return build()


@st.composite
def pairs(draw, zeros_in_q=False):
    p = draw(distributions(zeros=True))
    w = draw(arrays(float, len(p), elements=st.floats(0.0 if zeros_in_q else 1e-3, 1.0)))
    if w.sum() == 0:
        w[:] = 1.0
    return p, w / w.sum()


@given(distributions())
def test_entropy_is_between_zero_and_log_n(p):
    h = entropy(p)
    assert h >= 0
    assert h <= math.log2(len(p)) + 1e-12


@given(pairs())
def test_gibbs_inequality(pq):
    p, q = pq
    assert cross_entropy(p, q) >= entropy(p)  # exactly: no rounding tolerance
    assert cross_entropy(p, p) == pytest.approx(entropy(p), abs=1e-12)


@given(pairs(zeros_in_q=True))
def test_kl_is_non_negative_and_zero_at_q_equals_p(pq):
    p, q = pq
    assert kl_divergence(p, q) >= 0.0  # exactly: no rounding tolerance
    assert kl_divergence(p, p) == pytest.approx(0.0, abs=1e-12)


@given(pairs())
def test_cross_entropy_is_entropy_plus_kl(pq):
    p, q = pq
    assert cross_entropy(p, q) == pytest.approx(entropy(p) + kl_divergence(p, q), abs=1e-9)


@given(st.lists(distributions(n_min=3, n_max=3), min_size=1, max_size=5),
       st.sampled_from([2, math.e, 10]))
def test_a_batch_equals_its_rows_one_by_one(rows, base):
    p = np.array(rows)
    q = p[::-1]
    np.testing.assert_allclose(entropy(p, base), [entropy(r, base) for r in p], atol=1e-15)
    np.testing.assert_allclose(cross_entropy(p, q, base), [cross_entropy(a, b, base) for a, b in zip(p, q)], atol=1e-15)
    np.testing.assert_allclose(kl_divergence(p, q, base), [kl_divergence(a, b, base) for a, b in zip(p, q)], atol=1e-15)


@given(distributions())
def test_bits_and_nats_differ_by_ln2(p):
    assert entropy(p, base=math.e) == pytest.approx(entropy(p) * LN2, abs=1e-12)


# Accepted near-distributions keep the promises (issue 13) ----------------------


def test_issue_13_kl_of_an_accepted_near_distribution_is_not_negative():
    # The input sums to 0.9999991, within the tolerance, so it is accepted;
    # before the fix the result was -1.3e-6 bits although "never negative".
    assert kl_divergence([0.5, 0.4999991], [0.5, 0.5]) >= 0.0
    assert cross_entropy([0.5, 0.4999991], [0.5, 0.5]) >= entropy([0.5, 0.4999991])


def test_entropy_of_a_near_certain_outcome_is_not_negative():
    # -1.0000005 * log(1.0000005) < 0 without renormalisation.
    assert entropy([1.0000005]) == 0.0
    assert entropy([1.0000005, 0.0]) == 0.0


@given(pairs(zeros_in_q=True), st.floats(-0.9, 0.9), st.floats(-0.9, 0.9))
def test_near_distributions_within_the_tolerance_keep_every_inequality(pq, dp, dq):
    p, q = pq
    p, q = p * (1 + dp * SUM_TOLERANCE), q * (1 + dq * SUM_TOLERANCE)  # accepted, not normalised
    assert entropy(p) >= 0.0
    assert kl_divergence(p, q) >= 0.0
    assert cross_entropy(p, q) >= entropy(p)


def test_perfect_and_zero_results_are_plus_zero():
    for value in (entropy([1.0, 0.0]), kl_divergence([0.3, 0.7], [0.3, 0.7]),
                  cross_entropy([0.0, 1.0], [0.0, 1.0]), surprisal(1.0)):
        assert value == 0.0 and math.copysign(1.0, value) == 1.0
    assert math.copysign(1.0, surprisal([1.0, 0.5])[0]) == 1.0


# Perplexity -------------------------------------------------------------------


@pytest.mark.parametrize("k", [1, 2, 4, 10, 1000])
def test_perplexity_of_a_uniform_guess_is_the_number_of_choices(k):
    assert perplexity(math.log(k)) == pytest.approx(k, rel=1e-12)
    assert perplexity(entropy([1 / k] * k), base=2) == pytest.approx(k, rel=1e-12)
    assert perplexity(cross_entropy_loss(np.zeros((3, k)), [0, 0, 0])) == pytest.approx(k, rel=1e-12)


@given(distributions())
def test_perplexity_does_not_depend_on_the_unit(p):
    assert perplexity(entropy(p), base=2) == pytest.approx(perplexity(entropy(p, base=math.e)), rel=1e-12)
    assert 1.0 <= perplexity(entropy(p), base=2) <= len(p) * (1 + 1e-12)


def test_perplexity_beyond_float_range_is_inf_not_an_error():
    assert perplexity(1e4) == math.inf
    assert perplexity(0) == 1.0


@pytest.mark.parametrize("kwargs, error, message", [
    (dict(nll=-0.1), ValueError, "nll must be at least 0; got -0.1"),
    (dict(nll=math.inf), ValueError, "nll must be a finite number; got inf"),
    (dict(nll=True), TypeError, r"nll must be a real number; got bool \(True\)"),
    (dict(nll=[1.0]), TypeError, "nll must be a real number; got list"),
    (dict(nll=1.0, base=1), ValueError, "base must be a positive number other than 1"),
])
def test_perplexity_errors(kwargs, error, message):
    with pytest.raises(error, match=message):
        perplexity(**kwargs)


# Agreement with scipy ---------------------------------------------------------


@settings(max_examples=50)
@given(pairs())
def test_agrees_with_scipy_stats_entropy(pq):
    p, q = pq
    assert abs(entropy(p) - scipy.stats.entropy(p, base=2)) < 1e-12
    assert abs(kl_divergence(p, q, base=math.e) - scipy.stats.entropy(p, q)) < 1e-12


# Validation -------------------------------------------------------------------


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda: entropy([0.5, -0.1, 0.6]), ValueError, "p must not contain negative probabilities; got -0.1 at index 1"),
        (lambda: entropy([0.5, float("nan")]), ValueError, "p must contain only finite numbers; got nan at index 1"),
        (lambda: entropy([0.5, float("inf")]), ValueError, "p must contain only finite numbers; got inf at index 1"),
        (lambda: entropy([0.5, 0.6]), ValueError, "p must sum to 1 along its last axis; got a sum of 1.1"),
        (lambda: entropy([[0.5, 0.5], [0.2, 0.2]]), ValueError, "got a sum of 0.4 (row 1)"),
        (lambda: entropy([0.33, 0.33, 0.33]), ValueError, "p must sum to 1"),
        (lambda: entropy([]), ValueError, "p must not be empty"),
        (lambda: entropy(0.5), ValueError, "p must be a probability vector, not a single number"),
        (lambda: entropy("abc"), TypeError, "p must be numbers"),
        (lambda: entropy(["a", "b"]), TypeError, "p must contain real numbers"),
        (lambda: entropy(None), TypeError, "p must be numbers"),
        (lambda: entropy([[0.5, 0.5], [1.0]]), ValueError, "p must be a rectangular array"),
        (lambda: entropy([0.5, 0.5], base=1), ValueError, "base must be a positive number other than 1"),
        (lambda: entropy([0.5, 0.5], base=-2), ValueError, "base must be a positive number other than 1"),
        (lambda: entropy([0.5, 0.5], base="2"), TypeError, "base must be a real number"),
        (lambda: cross_entropy([0.5, 0.5], [1 / 3] * 3), ValueError, "p and q must have the same shape; got (2,) and (3,)"),
        (lambda: kl_divergence([0.5, 0.5], [0.7, 0.7]), ValueError, "q must sum to 1 along its last axis; got a sum of 1.4"),
        (lambda: surprisal(1.5), ValueError, "p must hold probabilities between 0 and 1; got 1.5."),
        (lambda: surprisal([0.5, -0.5]), ValueError, "p must hold probabilities between 0 and 1; got -0.5 at index 1"),
        (lambda: surprisal(True), TypeError, "p must hold numbers, not truth values"),
        (lambda: entropy([True, False]), TypeError, "p must hold numbers, not truth values"),
        (lambda: entropy(np.ma.masked_array([0.5, 0.5], mask=[0, 1])), TypeError, "p is a masked array with 1 masked entry"),
        (lambda: entropy([0.5, 0.5], base=10**400), ValueError, "base is too large to be a float"),
        (lambda: entropy([0.5, 0.5], base=True), TypeError, "base must be a real number; got bool"),
    ],
)
def test_bad_input_gets_a_clear_error(call, error, message):
    with pytest.raises(error) as info:
        call()
    assert message in str(info.value)


def test_rounding_such_as_ten_tenths_is_accepted():
    assert entropy([0.1] * 10) == pytest.approx(math.log2(10), abs=1e-12)
