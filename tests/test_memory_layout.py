"""Memory layout never changes a result.

For every public maths function that takes arrays, the same values passed as
a C-ordered array, a Fortran-ordered one, a transposed view, a strided
(non-contiguous) view or a view with negative strides give the same result.
The results are compared to 1e-12 relative (numpy may sum in a different
order for a different layout), far below the size of a layout bug such as
issue 13's ``cross_entropy_grad`` on Fortran-ordered 3-D logits (0.125 where
-0.375 was due).
"""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coursekit as ck
from coursekit import calibration, data, sampling, training


def c_order(a):
    return np.array(a, order="C")  # np.ascontiguousarray would make a 0-d array 1-d


def fortran_order(a):
    return np.array(a, order="F")


def transposed_view(a):
    """The same values, stored transposed: a view whose strides run backwards."""
    return np.array(a.T, order="C").T


def strided_view(a):
    """Every other element of an array twice as large along every axis."""
    big = np.zeros(tuple(2 * n for n in a.shape), dtype=a.dtype)
    every_other = tuple(slice(None, None, 2) for _ in a.shape)
    big[every_other] = a
    return big[every_other]


def reversed_view(a):
    """Negative strides on every axis."""
    flip = tuple(slice(None, None, -1) for _ in a.shape)
    return a[flip].copy()[flip]


LAYOUTS = [c_order, fortran_order, transposed_view, strided_view, reversed_view]


def test_the_layouts_are_what_they_claim():
    a = np.arange(24.0).reshape(2, 3, 4)
    views = {f.__name__: f(a) for f in LAYOUTS}
    assert views["c_order"].flags.c_contiguous
    assert views["fortran_order"].flags.f_contiguous and not views["fortran_order"].flags.c_contiguous
    assert not views["transposed_view"].flags.c_contiguous
    assert not views["strided_view"].flags.c_contiguous and not views["strided_view"].flags.f_contiguous
    assert any(s < 0 for s in views["reversed_view"].strides)
    for view in views.values():
        np.testing.assert_array_equal(view, a)


def same(x, y):
    """Results equal, field by field for named results, to 1e-12 relative."""
    if isinstance(x, tuple):
        assert type(x) is type(y) and len(x) == len(y)
        for a, b in zip(x, y):
            same(a, b)
    elif isinstance(x, dict):
        assert x.keys() == y.keys()
        for key in x:
            same(x[key], y[key])
    elif hasattr(x, "__dataclass_fields__"):
        same(vars(x), vars(y))
    elif isinstance(x, str):
        assert x == y
    else:
        np.testing.assert_allclose(np.asarray(x, dtype=float), np.asarray(y, dtype=float), rtol=1e-12, atol=1e-300)


def shapes(min_dims=1, max_dims=3, min_side=2, max_side=4):
    return st.lists(st.integers(min_side, max_side), min_size=min_dims, max_size=max_dims).map(tuple)


def probs(rng, shape):
    w = rng.random(shape) + 0.01
    w[rng.random(shape) < 0.2] = 0.0  # some exact zeros
    w[..., 0] += 0.01
    return w / w.sum(axis=-1, keepdims=True)


def labels_for(rng, shape):
    return rng.integers(0, shape[-1], size=shape[:-1])


# Each entry: name -> (builder(rng, shape) -> tuple of array args, call(*arrays)).
CASES = {
    "surprisal": (lambda rng, s: (rng.random(s),), ck.surprisal),
    "entropy": (lambda rng, s: (probs(rng, s),), ck.entropy),
    "cross_entropy": (lambda rng, s: (probs(rng, s), probs(rng, s)), ck.cross_entropy),
    "kl_divergence": (lambda rng, s: (probs(rng, s), probs(rng, s)), ck.kl_divergence),
    "joint_entropy": (lambda rng, s: (probs(rng, (s[0], 3)) / s[0],), ck.joint_entropy),
    "conditional_entropy": (lambda rng, s: (probs(rng, (s[0], 3)) / s[0],), ck.conditional_entropy),
    "mutual_information": (lambda rng, s: (probs(rng, (s[0], 3)) / s[0],), ck.mutual_information),
    "softmax": (lambda rng, s: (rng.normal(scale=5, size=s),), ck.softmax),
    "log_softmax": (lambda rng, s: (rng.normal(scale=5, size=s),), ck.log_softmax),
    "sigmoid": (lambda rng, s: (rng.normal(scale=5, size=s),), ck.sigmoid),
    "cross_entropy_loss labels": (
        lambda rng, s: (rng.normal(scale=5, size=s), labels_for(rng, s)), ck.cross_entropy_loss),
    "cross_entropy_loss probs": (
        lambda rng, s: (rng.normal(scale=5, size=s), probs(rng, s)), ck.cross_entropy_loss),
    "cross_entropy_grad labels": (
        lambda rng, s: (rng.normal(scale=5, size=s), labels_for(rng, s)), ck.cross_entropy_grad),
    "cross_entropy_grad probs": (
        lambda rng, s: (rng.normal(scale=5, size=s), probs(rng, s)), ck.cross_entropy_grad),
    "binary_cross_entropy": (lambda rng, s: (rng.random(s), rng.random(s)), ck.binary_cross_entropy),
    "binary_cross_entropy_with_logits": (
        lambda rng, s: (rng.random(s), rng.normal(scale=5, size=s)), ck.binary_cross_entropy_with_logits),
    "mse_loss": (lambda rng, s: (rng.normal(size=s), rng.normal(size=s)), ck.mse_loss),
    "smooth_labels": (lambda rng, s: (labels_for(rng, s),), lambda t: ck.smooth_labels(t, 4, 0.1)),
    "huffman_code": (lambda rng, s: (probs(rng, s[-1:]),), ck.huffman_code),
    "expected_length": (
        lambda rng, s: (probs(rng, s[-1:]),), lambda p: ck.expected_length(ck.fixed_length_code(len(p)), p)),
    "sampling.draw": (
        lambda rng, s: (probs(rng, s[-1:]),), lambda p: sampling.draw(p, 50, np.random.default_rng(0))),
    "sampling.per_symbol_surprisal": (
        lambda rng, s: (rng.integers(0, s[-1], size=20), probs(rng, s[-1:]) * 0.9 + 0.1 / s[-1]),
        sampling.per_symbol_surprisal),
    "sampling.convergence": (
        lambda rng, s: (probs(rng, s[-1:]), probs(rng, s[-1:]) * 0.9 + 0.1 / s[-1], np.array([5, 20, 40])),
        lambda p, q, sizes: sampling.convergence(p, q, sizes, np.random.default_rng(1))),
    "calibration.reliability_curve": (
        lambda rng, s: (rng.integers(0, 2, size=30), rng.random(30)), calibration.reliability_curve),
    "calibration.expected_calibration_error": (
        lambda rng, s: (rng.integers(0, 2, size=30), rng.random(30)), calibration.expected_calibration_error),
    "calibration.fit_temperature": (
        lambda rng, s: (rng.normal(scale=3, size=(40, 3)), rng.integers(0, 3, size=40)), calibration.fit_temperature),
    "training.sigmoid_unit_losses": (
        lambda rng, s: (rng.normal(scale=5, size=s), rng.random(s)), training.sigmoid_unit_losses),
    "training.logistic_loss_and_grad": (
        lambda rng, s: (rng.normal(size=3), rng.normal(size=(20, 3)), rng.integers(0, 2, size=20)),
        lambda w, X, y: training.logistic_loss_and_grad(w, 0.5, X, y)),
    "training.softmax_loss_and_grad": (
        lambda rng, s: (rng.normal(size=(3, 4)), rng.normal(size=4), rng.normal(size=(20, 3)),
                        rng.integers(0, 4, size=20)),
        training.softmax_loss_and_grad),
    "training.fit_logistic": (
        lambda rng, s: (rng.normal(size=(20, 3)), rng.integers(0, 2, size=20)),
        lambda X, y: training.fit_logistic(X, y, steps=5)),
    "training.fit_softmax": (
        lambda rng, s: (rng.normal(size=(20, 3)), rng.integers(0, 3, size=20)),
        lambda X, y: training.fit_softmax(X, y, steps=5)),
    "data.standardize": (
        lambda rng, s: (rng.normal(size=(10, 3)), rng.normal(size=(4, 3))), data.standardize),
}


@pytest.mark.parametrize("name", sorted(CASES))
@settings(max_examples=15, deadline=None)
@given(data=st.data())
def test_every_layout_gives_the_same_result(name, data):
    build, call = CASES[name]
    seed = data.draw(st.integers(0, 2**32 - 1), label="seed")
    shape = data.draw(shapes(), label="shape")
    arrays = build(np.random.default_rng(seed), shape)
    layouts = [data.draw(st.sampled_from(LAYOUTS), label=f"layout of argument {i}") for i in range(len(arrays))]
    expected = call(*[c_order(a) for a in arrays])
    same(call(*[layout(a) for layout, a in zip(layouts, arrays)]), expected)


def test_issue_13_fortran_gradient_keeps_the_minus_one():
    """Issue 13's reproducer: 0.125 everywhere, the -1 at the true label lost."""
    labels = [[0, 1], [1, 0]]
    expected = ck.cross_entropy_grad(np.zeros((2, 2, 2)), labels)
    assert expected[0, 0].tolist() == [-0.125, 0.125]
    for logits in (np.asfortranarray(np.zeros((2, 2, 2))), np.zeros((2, 2, 2)).transpose(2, 1, 0)):
        np.testing.assert_array_equal(ck.cross_entropy_grad(logits, labels), expected)
