"""Lecture 02: a binary code drawn as a tree, edges labelled 0 and 1."""

from collections.abc import Mapping

from coursekit.coding import _check_code
from coursekit.figures.style import INK, PALETTE, get_ax


def code_tree_layout(code):
    """Positions of the nodes of a code's binary tree: ``{prefix: (x, depth)}``.

    Every prefix of every codeword is a node; leaves are spread evenly in
    left-to-right (``0`` before ``1``) order and each inner node sits above the
    middle of its children.

    Examples
    --------
    >>> code_tree_layout({"a": "0", "b": "10", "c": "11"})
    {'0': (0.0, 1), '10': (1.0, 2), '11': (2.0, 2), '1': (1.5, 1), '': (0.75, 0)}
    """
    nodes = {word[:k] for word in code.values() for k in range(len(word) + 1)}
    position = {}
    next_leaf = [0.0]

    def place(node):
        children = [node + bit for bit in "01" if node + bit in nodes]
        if not children:
            position[node] = (next_leaf[0], len(node))
            next_leaf[0] += 1
        else:
            for child in children:
                place(child)
            position[node] = (sum(position[c][0] for c in children) / len(children), len(node))

    place("")
    return position


def codeword_label(symbol, word, prob=None):
    """The text under a codeword's node: symbol, codeword and, if known, probability.

    Examples
    --------
    >>> codeword_label("a", "0", 0.5)
    'a\\n0\\np = 0.5'
    >>> codeword_label("a", "")
    'a\\n(empty)'
    """
    label = f"{symbol}\n{word or '(empty)'}"
    return label if prob is None else f"{label}\np = {prob:.3g}"


def _probabilities(code, probs):
    """``{symbol: probability}`` from a mapping keyed like ``code`` or a list in its order."""
    if probs is None:
        return {}
    if isinstance(probs, Mapping):
        missing = [s for s in code if s not in probs]
        if missing:
            raise ValueError(f"probs has no probability for symbol {missing[0]!r} of code.")
        return {s: float(probs[s]) for s in code}
    values = list(probs)
    if len(values) != len(code):
        raise ValueError(f"probs must have one probability per codeword ({len(code)}); got {len(values)}.")
    return {s: float(v) for s, v in zip(code, values)}


def _draw_edges(ax, position):
    """One grey line per edge, its bit beside it: 0 left of a left edge, 1 right of a right one."""
    for node, (x, depth) in position.items():
        if not node:
            continue
        parent_x, parent_depth = position[node[:-1]]
        ax.plot([parent_x, x], [-parent_depth, -depth], color=INK, lw=2, zorder=1)
        left = node[-1] == "0"
        ax.text((parent_x + x) / 2 + (-0.08 if left else 0.08), -(parent_depth + depth) / 2, node[-1],
                ha="right" if left else "left", va="center", color=PALETTE[3], fontweight="bold", zorder=3)


def draw_code_tree(code, probs=None, ax=None):
    """Draw a binary code as a tree: nodes at codeword prefixes, edges labelled 0/1.

    The root is at the top; from every node the edge to the left reads ``0``
    and the edge to the right ``1``, so the path from the root to a symbol
    spells its codeword. Each codeword's node is labelled with its symbol, its
    codeword and, when ``probs`` is given, its probability, in the course's
    body size. In a prefix-free code every codeword is a leaf; a codeword on an
    inner node is what makes a code ambiguous.

    Parameters
    ----------
    code : mapping
        ``{symbol: codeword}``, codewords strings of ``'0'`` and ``'1'``.
    probs : mapping or sequence, optional
        Probabilities keyed like ``code``, or listed in the order of ``code``.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when None.

    Returns
    -------
    matplotlib.axes.Axes
        ``ax``; one line per edge, text for every edge label and codeword label.

    Raises
    ------
    TypeError, ValueError
        If ``code`` is not a mapping of bit strings, or ``probs`` does not match it.

    Examples
    --------
    >>> ax = draw_code_tree({"a": "0", "b": "10", "c": "11"}, {"a": 0.5, "b": 0.25, "c": 0.25})
    >>> len(ax.lines)  # edges: root-0, root-1, 1-10, 1-11
    4
    >>> sorted(t.get_text() for t in ax.texts if t.get_text() in "01")
    ['0', '0', '1', '1']
    >>> [t.get_text() for t in ax.texts if t.get_text().startswith("a")]
    ['a\\n0\\np = 0.5']
    """
    _check_code(code)
    prob_of = _probabilities(code, probs)
    ax = get_ax(ax)
    position = code_tree_layout(code)
    _draw_edges(ax, position)
    words = set(code.values())
    inner = [xy for node, xy in position.items() if node not in words]
    if inner:
        ax.scatter([x for x, _ in inner], [-d for _, d in inner], s=40, color=INK, zorder=2)
    for symbol, word in code.items():
        x, depth = position[word]
        ax.scatter([x], [-depth], s=140, color=PALETTE[0], zorder=4)
        label = codeword_label(symbol, word, prob_of.get(symbol))
        if any(node != word and node.startswith(word) for node in position):
            # A codeword on an inner node (the code is not prefix-free): label it on the left.
            ax.text(x - 0.15, -depth, label, ha="right", va="center", zorder=4)
        else:
            ax.text(x, -depth - 0.15, label, ha="center", va="top", zorder=4)
    max_depth = max(d for _, d in position.values())
    n_leaves = max(x for x, _ in position.values()) + 1
    ax.set_xlim(-0.6, n_leaves - 0.4)
    ax.set_ylim(-max_depth - 1.4, 0.3)
    ax.set_axis_off()
    return ax
