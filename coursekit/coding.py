r"""Prefix-free codes: Huffman's algorithm, Kraft's inequality, code lengths.

A code maps each symbol to a codeword, a string of ``'0'`` and ``'1'``. It is
*prefix-free* when no codeword begins another, so a stream of bits decodes in
exactly one way. Any prefix-free code satisfies Kraft's inequality

.. math:: \sum_i 2^{-\ell_i} \le 1,

and Huffman's code has the least expected length :math:`L` of all of them, with
:math:`H(p) \le L < H(p) + 1` bits per symbol when every :math:`p_i > 0`.

Symbols are the keys of a mapping ``{symbol: probability}``, or the indices
0, 1, ... of a sequence of probabilities.

References
----------
.. [1] D. A. Huffman, "A Method for the Construction of Minimum-Redundancy
   Codes", *Proceedings of the IRE* 40(9), 1952.
.. [2] T. M. Cover and J. A. Thomas, *Elements of Information Theory*,
   2nd ed., Wiley, 2006, chapter 5.
"""

import heapq
import math
import numbers
from collections.abc import Hashable, Iterable, Mapping

import numpy as np

from coursekit._validation import check_scalar
from coursekit._validation_probability import check_probabilities

#: The most symbols :func:`fixed_length_code` gives codewords to (2**20, about
#: a million): beyond that the dictionary alone takes seconds to build.
MAX_SYMBOLS = 2**20

__all__ = [
    "huffman_code",
    "fixed_length_code",
    "expected_length",
    "is_prefix_free",
    "kraft_sum",
    "encode",
    "decode",
]


def _symbols_and_probs(probs, name="probs"):
    """Split a mapping or sequence of probabilities into symbols and a checked vector."""
    if isinstance(probs, Mapping):
        symbols = list(probs)
        values = list(probs.values())
    elif isinstance(probs, (str, bytes)) or not hasattr(probs, "__len__"):
        raise TypeError(
            f"{name} must be a mapping {{symbol: probability}} or a sequence of probabilities; "
            f"got {type(probs).__name__}."
        )
    else:
        values = probs
        symbols = list(range(len(probs)))
    p = check_probabilities(values, name)
    if p.ndim != 1:
        raise ValueError(f"{name} must be one distribution (1-D); got shape {p.shape}.")
    return symbols, p


def _check_code(code):
    if not isinstance(code, Mapping):
        raise TypeError(f"code must be a mapping {{symbol: codeword}}; got {type(code).__name__}.")
    if not code:
        raise ValueError("code must not be empty.")
    for symbol, word in code.items():
        if not isinstance(word, str):
            raise TypeError(
                f"code[{symbol!r}] must be a string of '0' and '1'; got {type(word).__name__}."
            )
        if set(word) - {"0", "1"}:
            raise ValueError(f"code[{symbol!r}] must contain only '0' and '1'; got {word!r}.")
    return code


def huffman_code(probs):
    """Build a Huffman code: an optimal prefix-free binary code for ``probs``.

    Repeatedly merge the two least likely subtrees; the first merged gets
    ``'0'``, the second ``'1'``. Ties are broken by order of appearance, so the
    same input always gives the same code.

    Parameters
    ----------
    probs : mapping or sequence
        ``{symbol: probability}``, or probabilities whose symbols are their
        indices. Must sum to 1.

    Returns
    -------
    dict
        ``{symbol: codeword}`` in the order of ``probs``. A single symbol gets
        the empty codeword: a certain outcome needs no bits.

    Raises
    ------
    ValueError
        If the probabilities are empty, negative, NaN or do not sum to 1.
    TypeError
        If ``probs`` is not a mapping or sequence of numbers.

    Examples
    --------
    >>> huffman_code({"a": 0.5, "b": 0.25, "c": 0.25})
    {'a': '0', 'b': '10', 'c': '11'}
    >>> huffman_code([0.4, 0.6])
    {0: '0', 1: '1'}
    """
    symbols, p = _symbols_and_probs(probs)
    if len(symbols) == 1:
        return {symbols[0]: ""}
    # Heap entries: (probability, tie-breaker, leaves under this node).
    heap = [(float(pi), i, [i]) for i, pi in enumerate(p)]
    heapq.heapify(heap)
    words = [""] * len(symbols)
    order = len(symbols)
    while len(heap) > 1:
        p0, _, leaves0 = heapq.heappop(heap)
        p1, _, leaves1 = heapq.heappop(heap)
        for leaf in leaves0:
            words[leaf] = "0" + words[leaf]
        for leaf in leaves1:
            words[leaf] = "1" + words[leaf]
        heapq.heappush(heap, (p0 + p1, order, leaves0 + leaves1))
        order += 1
    return dict(zip(symbols, words))


def _symbol_list(symbols):
    """The symbols of a count, mapping or iterable, checked: hashable, distinct, at most MAX_SYMBOLS."""
    if isinstance(symbols, (numbers.Number, np.generic)) or (isinstance(symbols, np.ndarray) and symbols.ndim == 0):
        n = check_scalar(symbols, "symbols", "integer", low=1, high=MAX_SYMBOLS)
        return list(range(n))
    if isinstance(symbols, np.ma.MaskedArray) or not isinstance(symbols, Iterable):
        raise TypeError(
            f"symbols must be a count or a collection of symbols; got {type(symbols).__name__}."
        )
    symbols = list(symbols)
    if not symbols:
        raise ValueError("symbols must not be empty.")
    if len(symbols) > MAX_SYMBOLS:
        raise ValueError(f"symbols must hold at most {MAX_SYMBOLS} symbols; got {len(symbols)}.")
    unhashable = next((s for s in symbols if not isinstance(s, Hashable)), None)
    if unhashable is not None:
        raise TypeError(f"symbols must be hashable (usable as dict keys); got {unhashable!r}.")
    if len(set(symbols)) != len(symbols):
        seen = set()
        repeated = next(s for s in symbols if s in seen or seen.add(s))
        raise ValueError(f"symbols must be distinct; got {repeated!r} twice.")
    return symbols


def fixed_length_code(symbols):
    """Give every symbol a codeword of the same length, ceil(log2 n) bits.

    Parameters
    ----------
    symbols : int, mapping or sequence
        How many symbols (then they are 0 .. n-1), or the symbols themselves
        (the keys of a mapping; the characters of a string). Distinct, and
        at most :data:`MAX_SYMBOLS` of them.

    Raises
    ------
    TypeError
        If ``symbols`` is a bool, a non-integer type or holds unhashable items.
    ValueError
        If there are no symbols, too many, or repeated ones.

    Examples
    --------
    >>> fixed_length_code(["red", "blue", "yellow"])
    {'red': '00', 'blue': '01', 'yellow': '10'}
    >>> fixed_length_code(1)
    {0: ''}
    >>> fixed_length_code(10**8)
    Traceback (most recent call last):
    ...
    ValueError: symbols must be at most 1048576; got 100000000.
    """
    symbols = _symbol_list(symbols)
    width = math.ceil(math.log2(len(symbols)))
    return {s: format(i, "b").zfill(width) if width else "" for i, s in enumerate(symbols)}


def expected_length(code, probs):
    r"""Average codeword length :math:`L = \sum_i p_i \ell_i`, in bits per symbol.

    Parameters
    ----------
    code : mapping
        ``{symbol: codeword}``.
    probs : mapping or sequence
        Probabilities of the symbols, keyed like ``code``.

    Examples
    --------
    >>> round(expected_length({"a": "0", "b": "10", "c": "11"}, {"a": 0.5, "b": 0.25, "c": 0.25}), 4)
    1.5
    """
    _check_code(code)
    symbols, p = _symbols_and_probs(probs)
    missing = [s for s in symbols if s not in code]
    if missing:
        raise ValueError(f"code has no codeword for symbol {missing[0]!r} of probs.")
    return float(sum(pi * len(code[s]) for s, pi in zip(symbols, p)))


def is_prefix_free(code):
    """True when no codeword is a prefix of another (nor equal to one).

    Examples
    --------
    >>> is_prefix_free({"a": "0", "b": "10", "c": "11"})
    True
    >>> is_prefix_free({"a": "0", "b": "01"})
    False
    """
    words = sorted(_check_code(code).values())
    # After sorting, a word that is a prefix of another sits right before one it prefixes.
    return not any(b.startswith(a) for a, b in zip(words, words[1:]))


def kraft_sum(code):
    r"""The Kraft sum :math:`\sum_i 2^{-\ell_i}`; at most 1 for any prefix-free code.

    Examples
    --------
    >>> kraft_sum({"a": "0", "b": "10", "c": "11"})
    1.0
    >>> kraft_sum({"a": "00", "b": "01"})
    0.5
    """
    return float(sum(2.0 ** -len(word) for word in _check_code(code).values()))


def encode(symbols, code):
    """Concatenate the codewords of a sequence of symbols into one bit string.

    Examples
    --------
    >>> encode("abca", {"a": "0", "b": "10", "c": "11"})
    '010110'
    """
    _check_code(code)
    if isinstance(symbols, np.ma.MaskedArray) or not isinstance(symbols, Iterable):
        raise TypeError(f"symbols must be a sequence of symbols (a string, list or array); got {type(symbols).__name__}.")
    words = []
    for s in symbols:
        if not isinstance(s, Hashable) or s not in code:
            raise ValueError(f"symbols contains {s!r}, which code has no codeword for.")
        words.append(code[s])
    return "".join(words)


def decode(bits, code):
    """Read a bit string back into symbols with a prefix-free code.

    Examples
    --------
    >>> decode("010110", {"a": "0", "b": "10", "c": "11"})
    ['a', 'b', 'c', 'a']
    """
    if not isinstance(bits, str):
        raise TypeError(f"bits must be a string of '0' and '1'; got {type(bits).__name__}.")
    if set(bits) - {"0", "1"}:
        raise ValueError(f"bits must contain only '0' and '1'; got {bits[:40]!r}.")
    if not is_prefix_free(code):
        raise ValueError("code must be prefix-free to decode unambiguously.")
    lookup = {word: symbol for symbol, word in code.items()}
    out, word = [], ""
    for bit in bits:
        word += bit
        if word in lookup:
            out.append(lookup[word])
            word = ""
    if word:
        raise ValueError(f"bits ends in the middle of a codeword ({word!r} left over).")
    return out
