"""coursekit.coding: Huffman's algorithm and the facts every prefix-free code obeys."""


import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from coursekit import (
    decode,
    encode,
    entropy,
    expected_length,
    fixed_length_code,
    huffman_code,
    is_prefix_free,
    kraft_sum,
)

BALLS = {"red": 0.3, "blue": 0.3, "yellow": 0.2, "white": 0.1, "black": 0.1}


def test_known_huffman_example_and_its_expected_length():
    code = huffman_code(BALLS)
    lengths = sorted(len(w) for w in code.values())
    assert lengths == [2, 2, 2, 3, 3]
    # 0.3*2 + 0.3*2 + 0.2*2 + 0.1*3 + 0.1*3 = 2.2 bits per ball
    assert expected_length(code, BALLS) == pytest.approx(2.2, abs=1e-12)
    assert entropy(list(BALLS.values())) == pytest.approx(2.1709505944546687, abs=1e-12)


def test_dyadic_distribution_gets_lengths_minus_log2_p():
    probs = [0.5, 0.25, 0.125, 0.125]
    code = huffman_code(probs)
    assert [len(code[i]) for i in range(4)] == [1, 2, 3, 3]
    assert expected_length(code, probs) == entropy(probs) == 1.75


def test_hand_made_code_of_the_ball_example():
    hand = {"red": "0", "blue": "10", "yellow": "110", "white": "1110", "black": "1111"}
    assert is_prefix_free(hand)
    assert kraft_sum(hand) == 1.0
    assert expected_length(hand, BALLS) == pytest.approx(2.3, abs=1e-12)


def test_fixed_length_code():
    code = fixed_length_code(BALLS)
    assert set(map(len, code.values())) == {3}
    assert is_prefix_free(code)
    assert kraft_sum(code) == 5 / 8
    assert fixed_length_code(4) == {0: "00", 1: "01", 2: "10", 3: "11"}


def test_single_symbol_needs_no_bits():
    assert huffman_code({"x": 1.0}) == {"x": ""}


def test_same_input_same_code():
    assert huffman_code(BALLS) == huffman_code(dict(BALLS))
    assert list(huffman_code(BALLS)) == list(BALLS)


def test_encode_decode_round_trip():
    code = huffman_code(BALLS)
    message = ["red", "black", "yellow", "red", "white"]
    assert decode(encode(message, code), code) == message


def test_prefix_checks():
    assert not is_prefix_free({"a": "0", "b": "0"})
    assert not is_prefix_free({"a": "1", "b": "10", "c": "0"})
    assert is_prefix_free({"a": "10", "b": "11", "c": "0"})


@st.composite
def positive_distributions(draw):
    n = draw(st.integers(2, 12))
    w = draw(arrays(float, n, elements=st.floats(1e-3, 1.0)))
    return w / w.sum()


@given(positive_distributions())
def test_huffman_is_prefix_free_satisfies_kraft_and_the_source_coding_bound(p):
    code = huffman_code(p)
    assert is_prefix_free(code)
    assert kraft_sum(code) == pytest.approx(1.0)  # a full binary tree: Kraft with equality
    h, length = entropy(p), expected_length(code, p)
    assert h - 1e-12 <= length < h + 1


@given(positive_distributions())
def test_huffman_is_no_worse_than_shannon_lengths(p):
    # Shannon's lengths ceil(-log2 p) form a prefix-free code too; Huffman's is optimal.
    shannon = float(np.sum(p * np.ceil(-np.log2(p))))
    assert expected_length(huffman_code(p), p) <= shannon + 1e-12


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda: huffman_code([]), ValueError, "probs must not be empty"),
        (lambda: huffman_code([0.5, 0.6]), ValueError, "probs must sum to 1"),
        (lambda: huffman_code([1.2, -0.2]), ValueError, "probs must not contain negative probabilities; got -0.2 at index 1"),
        (lambda: huffman_code({"a": float("nan"), "b": 1.0}), ValueError, "probs must contain only finite numbers"),
        (lambda: huffman_code("abc"), TypeError, "probs must be a mapping"),
        (lambda: huffman_code(3), TypeError, "probs must be a mapping"),
        (lambda: huffman_code([[0.5, 0.5], [0.5, 0.5]]), ValueError, "probs must be one distribution (1-D)"),
        (lambda: is_prefix_free({"a": "012"}), ValueError, "code['a'] must contain only '0' and '1'; got '012'"),
        (lambda: is_prefix_free({"a": 1}), TypeError, "code['a'] must be a string of '0' and '1'"),
        (lambda: kraft_sum({}), ValueError, "code must not be empty"),
        (lambda: kraft_sum(["0", "1"]), TypeError, "code must be a mapping"),
        (lambda: expected_length({"a": "0"}, {"a": 0.5, "b": 0.5}), ValueError, "code has no codeword for symbol 'b'"),
        (lambda: encode("ax", {"a": "0"}), ValueError, "symbols contains 'x'"),
        (lambda: decode("01", {"a": "0", "b": "01"}), ValueError, "code must be prefix-free"),
        (lambda: decode("1", {"a": "0", "b": "10"}), ValueError, "bits ends in the middle of a codeword"),
        (lambda: fixed_length_code(0), ValueError, "symbols must be at least 1; got 0"),
        (lambda: fixed_length_code([]), ValueError, "symbols must not be empty"),
    ],
)
def test_bad_input_gets_a_clear_error(call, error, message):
    with pytest.raises(error) as info:
        call()
    assert message in str(info.value)
