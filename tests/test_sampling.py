"""coursekit.sampling: the thought experiment converges, and it is reproducible."""

import math

import numpy as np
import pytest

from coursekit import cross_entropy, entropy
from coursekit.sampling import convergence, draw, per_symbol_surprisal

P = [0.5, 0.25, 0.125, 0.125]
Q = [0.25, 0.25, 0.25, 0.25]


def test_same_seed_same_sequence():
    a = draw(P, 100, np.random.default_rng(7))
    b = draw(P, 100, np.random.default_rng(7))
    assert np.array_equal(a, b)


def test_per_symbol_surprisal_tends_to_entropy_and_cross_entropy():
    sizes = [10, 100_000]
    to_h = convergence(P, P, sizes, np.random.default_rng(0))
    to_hpq = convergence(P, Q, sizes, np.random.default_rng(0))
    assert abs(to_h[-1] - entropy(P)) < 0.01
    assert abs(to_hpq[-1] - cross_entropy(P, Q)) < 1e-12  # uniform q: every symbol costs 2 bits


def test_never_underflows():
    samples = draw(P, 200_000, np.random.default_rng(1))
    assert math.isfinite(per_symbol_surprisal(samples, P))
    assert np.prod(np.asarray(P)[samples]) == 0.0  # what the log avoids


def test_impossible_outcome_costs_infinitely_many_bits():
    assert per_symbol_surprisal([0, 1], [1.0, 0.0]) == math.inf


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda: draw(P, 0, np.random.default_rng(0)), ValueError, "n must be at least 1; got 0"),
        (lambda: draw(P, 10, 0), TypeError, "rng must be a numpy Generator"),
        (lambda: per_symbol_surprisal([0, 4], P), ValueError, "samples must be outcome indices in 0..3; got 4 at index 1"),
        (lambda: per_symbol_surprisal([], P), ValueError, "samples must be a non-empty 1-D array"),
        (lambda: convergence(P, [0.5, 0.5], [10], np.random.default_rng(0)), ValueError, "p and q must have the same shape"),
        (lambda: convergence(P, P, [0], np.random.default_rng(0)), ValueError, "sizes must be sequence lengths in 1..100000000; got 0 at index 0"),
    ],
)
def test_bad_input_gets_a_clear_error(call, error, message):
    with pytest.raises(error) as info:
        call()
    assert message in str(info.value)
