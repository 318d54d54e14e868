"""coursekit.joint: joint and conditional entropy, mutual information.

The mathematics as properties (chain rule, I >= 0, I = 0 for independent
variables, symmetry), textbook tables, and agreement with scikit-learn.
"""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from sklearn.metrics import mutual_info_score

from coursekit import conditional_entropy, entropy, joint_entropy, mutual_information


@st.composite
def tables(draw, max_side=5):
    """Joint tables p(x, y), some with zero cells or zero rows."""
    shape = (draw(st.integers(1, max_side)), draw(st.integers(1, max_side)))
    w = draw(arrays(float, shape, elements=st.floats(0.0, 1.0)))
    if w.sum() == 0:
        w[0, 0] = 1.0
    return w / w.sum()


@st.composite
def marginals(draw, max_side=5):
    w = draw(arrays(float, draw(st.integers(1, max_side)), elements=st.floats(0.01, 1.0)))
    return w / w.sum()


# Textbook values ----------------------------------------------------------------


def test_cover_and_thomas_example_2_2_1():
    # Cover & Thomas, Example 2.2.1: H(X) = 7/4, H(Y) = 2, H(X|Y) = 11/8,
    # H(Y|X) = 13/8, H(X, Y) = 27/8 bits, I(X; Y) = 3/8 bit. Rows are y, columns x there.
    p_yx = np.array([[1 / 8, 1 / 16, 1 / 32, 1 / 32],
                     [1 / 16, 1 / 8, 1 / 32, 1 / 32],
                     [1 / 16, 1 / 16, 1 / 16, 1 / 16],
                     [1 / 4, 0, 0, 0]])
    pxy = p_yx.T  # x along axis 0
    assert joint_entropy(pxy) == pytest.approx(27 / 8, abs=1e-12)
    assert conditional_entropy(pxy) == pytest.approx(13 / 8, abs=1e-12)  # H(Y|X)
    assert conditional_entropy(pxy.T) == pytest.approx(11 / 8, abs=1e-12)  # H(X|Y)
    assert mutual_information(pxy) == pytest.approx(3 / 8, abs=1e-12)


def test_copy_and_independence():
    assert joint_entropy([[0.5, 0.0], [0.0, 0.5]]) == 1.0
    assert conditional_entropy([[0.5, 0.0], [0.0, 0.5]]) == 0.0
    assert mutual_information([[0.5, 0.0], [0.0, 0.5]]) == 1.0
    assert mutual_information([[0.25, 0.25], [0.25, 0.25]]) == 0.0
    assert mutual_information([[0.5, 0.0], [0.0, 0.5]], base=math.e) == pytest.approx(math.log(2), abs=1e-15)


def test_results_are_floats_and_never_minus_zero():
    for value in (joint_entropy([[1.0]]), conditional_entropy([[1.0, 0.0]]), mutual_information([[1.0]])):
        assert type(value) is float and math.copysign(1.0, value) == 1.0


# Properties -----------------------------------------------------------------------


@given(tables())
def test_chain_rule(pxy):
    h_x = entropy(pxy.sum(axis=1))
    assert joint_entropy(pxy) == pytest.approx(h_x + conditional_entropy(pxy), abs=1e-12)
    h_y = entropy(pxy.sum(axis=0))
    assert joint_entropy(pxy) == pytest.approx(h_y + conditional_entropy(pxy.T), abs=1e-12)


@given(tables())
def test_mutual_information_is_non_negative_and_bounded(pxy):
    i = mutual_information(pxy)
    assert i >= 0.0  # exactly
    assert i <= min(entropy(pxy.sum(axis=1)), entropy(pxy.sum(axis=0))) + 1e-12


@given(tables())
def test_mutual_information_is_symmetric(pxy):
    assert mutual_information(pxy) == pytest.approx(mutual_information(pxy.T), abs=1e-12)


@given(tables())
def test_mutual_information_is_the_drop_in_entropy(pxy):
    h_y = entropy(pxy.sum(axis=0))
    assert mutual_information(pxy) == pytest.approx(h_y - conditional_entropy(pxy), abs=1e-12)


@given(marginals(), marginals())
def test_independent_tables_have_zero_mutual_information(px, py):
    pxy = np.outer(px, py)
    assert mutual_information(pxy) == pytest.approx(0.0, abs=1e-12)
    assert conditional_entropy(pxy) == pytest.approx(entropy(py), abs=1e-12)


@given(tables())
def test_conditioning_never_increases_entropy(pxy):
    assert 0.0 <= conditional_entropy(pxy) <= entropy(pxy.sum(axis=0)) + 1e-12


# Agreement with scikit-learn -------------------------------------------------------


@settings(max_examples=50)
@given(arrays(np.int64, st.tuples(st.integers(1, 5), st.integers(1, 5)), elements=st.integers(0, 30)))
def test_agrees_with_sklearn_mutual_info_score_on_contingency_tables(counts):
    if counts.sum() == 0:
        counts[0, 0] = 1
    nats = mutual_info_score(None, None, contingency=counts)
    assert mutual_information(counts / counts.sum(), base=math.e) == pytest.approx(nats, abs=1e-12)


def test_agrees_with_sklearn_on_labels():
    rng = np.random.default_rng(0)
    x = rng.integers(0, 3, size=500)
    y = (x + rng.integers(0, 2, size=500)) % 4
    counts = np.zeros((3, 4))
    np.add.at(counts, (x, y), 1)
    assert mutual_information(counts / 500, base=math.e) == pytest.approx(mutual_info_score(x, y), abs=1e-12)


# Validation ---------------------------------------------------------------------


@pytest.mark.parametrize("function", [joint_entropy, conditional_entropy, mutual_information])
@pytest.mark.parametrize("pxy, error, message", [
    ([0.5, 0.5], ValueError, r"pxy must be a 2-D joint table p\(x, y\), x along axis 0 and y along axis 1; got shape \(2,\)"),
    ([[0.5, 0.6]], ValueError, "pxy must sum to 1"),
    ([[1.5, -0.5]], ValueError, "pxy must not contain negative probabilities; got -0.5 at index 1"),
    ([[0.5, math.nan]], ValueError, "pxy must contain only finite numbers"),
    ([[True, False]], TypeError, "pxy must hold numbers, not truth values"),
    ("abc", TypeError, "pxy must be numbers"),
])
def test_bad_tables_are_refused(function, pxy, error, message):
    with pytest.raises(error, match=message):
        function(pxy)


def test_an_accepted_near_table_keeps_the_inequalities():
    pxy = np.array([[0.25, 0.25], [0.25, 0.2499995]])  # sums to 0.9999995: accepted
    assert mutual_information(pxy) >= 0.0
    assert conditional_entropy(pxy) >= 0.0


def test_tiny_marginals_do_not_underflow_to_an_infinite_information():
    # Found by the property tests: p(x) p(y) = 1e-400 underflows to 0, and
    # rel_entr(p(x, y), 0) would be inf although I(X; Y) is about 1e-197 bits.
    tiny = 1e-200
    pxy = np.array([[1.0, tiny], [tiny, tiny]])
    assert 0.0 <= mutual_information(pxy) < 1e-190


@pytest.mark.parametrize("pxy", [
    [[1.0, 4.34584738e-311], [4.34584738e-311, 4.34584738e-311]],
    [[1.0, 5e-324], [5e-324, 5e-324]],
])
def test_subnormal_marginals_give_a_finite_mutual_information(pxy):
    """Found at the floors: scipy 1.10's rel_entr forms p(y|x) / p(y), which overflows to inf."""
    i = mutual_information(pxy)
    assert 0.0 <= i <= 1e-300
