"""The course's one figure style, and plot helpers that compose.

:func:`use_style` sets sizes, fonts and a colour-blind-safe palette that read on
a projector; every lecture calls it in its first code cell. Plot helpers follow
the matplotlib convention: take an optional ``ax``, draw on it, return it.
"""

import io

import matplotlib

#: Okabe and Ito's colour-blind-safe palette (blue, orange, green, vermillion,
#: reddish purple, sky blue, yellow, black).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]

#: matplotlib settings for a projector: large type, thick lines, light grid.
STYLE = {
    "figure.figsize": (8.0, 4.5),
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "figure.constrained_layout.use": True,
    "font.size": 14,
    "axes.titlesize": 16,
    "axes.labelsize": 14,
    "xtick.labelsize": 13,
    "ytick.labelsize": 13,
    "legend.fontsize": 13,
    "lines.linewidth": 2.5,
    "lines.markersize": 8,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
    "image.cmap": "viridis",
    "svg.hashsalt": "coursekit",
}


def use_style():
    """Apply the course style to matplotlib (call once, in a notebook's first cell)."""
    import matplotlib.pyplot as plt  # activates the notebook backend first, so ours wins

    plt.rcParams.update(STYLE)


def get_ax(ax=None, **subplots_kw):
    """Return ``ax``, or the axes of a new figure when ``ax`` is None."""
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    return plt.subplots(**subplots_kw)[1]


def figure_to_png(fig):
    """Render ``fig`` to PNG bytes with Agg, fast enough for a slider (see :func:`rgba_to_png`)."""
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = fig.canvas if hasattr(fig.canvas, "buffer_rgba") else FigureCanvasAgg(fig)
    canvas.draw()
    return rgba_to_png(np.asarray(canvas.buffer_rgba()))


def rgba_to_png(pixels):
    """Compress an (height, width, 4) array of RGBA bytes to PNG, lightly (zlib level 1).

    The picture is only ever shown on a screen, so speed beats size; no
    timestamps or version go in, so the bytes are stable.
    """
    from PIL import Image

    buffer = io.BytesIO()
    Image.fromarray(pixels).save(buffer, format="png", compress_level=1)
    return buffer.getvalue()


def plot_distribution(p, labels=None, ax=None, color=None, title=None, ylabel="probability"):
    """Draw the distribution ``p`` as bars labelled by ``labels``; return ``ax``.

    Examples
    --------
    >>> ax = plot_distribution([0.5, 0.25, 0.25], labels=["a", "b", "c"])
    >>> len(ax.patches)
    3
    """
    import numpy as np

    p = np.asarray(p, dtype=float)
    ax = get_ax(ax)
    labels = [str(i) for i in range(len(p))] if labels is None else [str(s) for s in labels]
    ax.bar(labels, p, color=color or PALETTE[0])
    ax.set_ylim(0, max(1.0, float(p.max()) * 1.1))
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title)
    return ax


# Lecture 03: cross-entropy = entropy + KL divergence, as bars -----------------


def set_cross_entropy_bars(artists, p, q):
    r"""Move the bars made by :func:`draw_cross_entropy_bars` to the pair ``p``, ``q``.

    Changes the existing artists only (heights, positions, texts), so a widget
    can call it on every move of a slider. An infinite value is drawn up to the
    top of the axes and labelled ``∞ bits``.

    Parameters
    ----------
    artists : dict
        As returned by :func:`draw_cross_entropy_bars`.
    p, q : array_like
        The world's distribution and the belief, of the same length.

    Returns
    -------
    tuple of float
        ``(H(p), H(p, q), D(p‖q))`` in bits.

    Examples
    --------
    >>> artists = draw_cross_entropy_bars([0.5, 0.5], [0.5, 0.5])
    >>> [round(v, 4) for v in set_cross_entropy_bars(artists, [0.5, 0.5], [0.9, 0.1])]
    [1.0, 1.737, 0.737]
    >>> artists["labels"][2].get_text()
    '0.737 bits'
    """
    import math

    from coursekit.info import cross_entropy, entropy, kl_divergence

    h, hpq, d = entropy(p), cross_entropy(p, q), kl_divergence(p, q)
    top = artists["ax"].get_ylim()[1]
    h_bar, base_bar, excess_bar, d_bar = artists["bars"]
    h_bar.set_height(min(h, top))
    base_bar.set_height(min(h, top))
    excess_bar.set_y(min(h, top))
    excess_bar.set_height(min(d, top - min(h, top)))
    d_bar.set_height(min(d, top))
    for label, value in zip(artists["labels"], (h, hpq, d)):
        label.set_text("∞ bits" if math.isinf(value) else f"{value:.3f} bits")
        label.set_y(min(value, top) + 0.02 * top)
    return h, hpq, d


def draw_cross_entropy_bars(p, q, ax=None, ymax=None):
    r"""Draw :math:`H(p)`, :math:`H(p, q)` and :math:`D(p\|q)` in bits as three bars.

    The middle bar is stacked: a lower part as tall as :math:`H(p)` and an
    upper part as tall as :math:`D(p\|q)`, so the picture reads

    .. math:: H(p, q) = H(p) + D(p \,\|\, q).

    Parameters
    ----------
    p, q : array_like
        The world's distribution and the belief, of the same length.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when None.
    ymax : float, optional
        Top of the y axis, in bits; default a little above the largest
        finite value (a widget passes a fixed value so the axis stays put).

    Returns
    -------
    dict
        ``"ax"``; ``"bars"``: four rectangles (the H(p) bar, the two parts of
        the H(p, q) bar, the D(p‖q) bar); ``"labels"``: the three value texts.
        :func:`set_cross_entropy_bars` moves them to a new pair.

    Examples
    --------
    >>> artists = draw_cross_entropy_bars([0.5, 0.5], [0.9, 0.1])
    >>> [round(bar.get_height(), 4) for bar in artists["bars"]]
    [1.0, 1.0, 0.737, 0.737]
    >>> [label.get_text() for label in artists["labels"]]
    ['1.000 bits', '1.737 bits', '0.737 bits']
    >>> draw_cross_entropy_bars([0.5, 0.5], [1.0, 0.0])["labels"][1].get_text()
    '∞ bits'
    """
    import math

    from coursekit.info import cross_entropy, entropy

    ax = get_ax(ax)
    if ymax is None:
        finite = [v for v in (entropy(p), cross_entropy(p, q)) if not math.isinf(v)]
        ymax = 1.2 * max(finite + [1.0])
    ax.set_ylim(0, ymax)
    ax.set_xlim(-0.6, 2.6)
    h_color, d_color = PALETTE[0], PALETTE[3]
    h_bar = ax.bar([0], [0.0], width=0.6, color=h_color)[0]
    base_bar = ax.bar([1], [0.0], width=0.6, color=h_color)[0]
    excess_bar = ax.bar([1], [0.0], width=0.6, color=d_color)[0]
    d_bar = ax.bar([2], [0.0], width=0.6, color=d_color)[0]
    labels = [ax.text(x, 0.0, "", ha="center", va="bottom") for x in range(3)]
    ax.set_xticks([0, 1, 2], ["$H(p)$", "$H(p, q)$", r"$D(p\,\|\,q)$"])
    ax.set_ylabel("bits")
    ax.set_title(r"$H(p, q) = H(p) + D(p\,\|\,q)$")
    ax.grid(False, axis="x")
    artists = {"ax": ax, "bars": [h_bar, base_bar, excess_bar, d_bar], "labels": labels}
    set_cross_entropy_bars(artists, p, q)
    return artists


# Lecture 05: the average negative log-likelihood of a coin, over theta --------


def coin_average_nll(theta, k, n):
    r"""Average negative log-likelihood, in nats, of ``k`` heads in ``n`` flips under Bernoulli(θ).

    .. math:: -\frac{1}{n} \log L(\theta) = -\Big(\frac{k}{n} \ln \theta
              + \frac{n - k}{n} \ln (1 - \theta)\Big)

    It equals the cross-entropy between the empirical distribution
    :math:`(k/n, 1 - k/n)` and the model :math:`(\theta, 1 - \theta)`, and it is
    smallest at :math:`\hat\theta = k/n`. The convention :math:`0 \ln 0 = 0`
    holds, so ``theta = 0`` gives 0 when there are no heads and ``inf`` otherwise.

    Examples
    --------
    >>> round(float(coin_average_nll(0.5, 3, 10)), 4)
    0.6931
    >>> coin_average_nll([0.0, 1.0], 0, 4).tolist()
    [0.0, inf]
    """
    import numpy as np
    from scipy.special import xlogy

    theta = np.asarray(theta, dtype=float)
    with np.errstate(divide="ignore"):
        return -(xlogy(k, theta) + xlogy(n - k, 1 - theta)) / n + 0.0


def set_coin_nll(artists, k, n, theta):
    r"""Move the artists of :func:`draw_coin_nll` to ``k`` heads in ``n`` flips and to ``theta``.

    Returns
    -------
    tuple of float
        ``(nll_at_theta, theta_hat, nll_at_theta_hat)``, the NLLs in nats.

    Examples
    --------
    >>> artists = draw_coin_nll(6, 20, 0.5)
    >>> [round(v, 4) for v in set_coin_nll(artists, 5, 20, 0.25)]
    [0.5623, 0.25, 0.5623]
    >>> [float(x) for x in artists["marker"].get_xdata()]
    [0.25]
    """
    grid = artists["grid"]
    theta_hat = k / n
    nll_theta = float(coin_average_nll(theta, k, n))
    nll_hat = float(coin_average_nll(theta_hat, k, n))
    artists["curve"].set_ydata(coin_average_nll(grid, k, n))
    artists["marker"].set_data([theta], [nll_theta])
    artists["mle"].set_xdata([theta_hat, theta_hat])
    artists["minimum"].set_data([theta_hat], [nll_hat])
    artists["title"].set_text(f"{k} heads in {n} flips: average NLL over θ")
    return nll_theta, theta_hat, nll_hat


def draw_coin_nll(k, n, theta, ax=None, ymax=5.0):
    r"""Draw the average NLL (nats) of ``k`` heads in ``n`` flips against θ.

    A dot marks the model θ, a dashed line the maximum-likelihood estimate
    :math:`\hat\theta = k/n`, where the curve is lowest.

    Parameters
    ----------
    k, n : int
        Heads and flips, ``0 <= k <= n``, ``n >= 1``.
    theta : float
        The model's probability of heads, in (0, 1).
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when None.
    ymax : float, default 5.0
        Top of the y axis in nats (fixed, so a widget's axis stays put).

    Returns
    -------
    dict
        ``"ax"``, ``"grid"`` (the θ values of the curve) and the artists
        ``"curve"``, ``"marker"``, ``"mle"``, ``"minimum"``, ``"title"`` that
        :func:`set_coin_nll` moves.

    Examples
    --------
    >>> artists = draw_coin_nll(6, 20, 0.5)
    >>> round(float(artists["mle"].get_xdata()[0]), 2), artists["title"].get_text()
    (0.3, '6 heads in 20 flips: average NLL over θ')
    """
    import numpy as np

    ax = get_ax(ax)
    grid = np.linspace(0.005, 0.995, 199)
    (curve,) = ax.plot(grid, np.zeros_like(grid), color=PALETTE[0], label="average NLL")
    mle = ax.axvline(0.5, color=PALETTE[3], linestyle="--", label=r"MLE $\hat\theta = k/n$")
    (minimum,) = ax.plot([0.5], [0.0], "o", color=PALETTE[3])
    (marker,) = ax.plot([0.5], [0.0], "o", color=PALETTE[1], markersize=12, label="model θ")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, ymax)
    ax.set_xlabel("θ = model probability of heads")
    ax.set_ylabel("average NLL (nats)")
    ax.legend(loc="upper center")
    title = ax.set_title("")
    artists = {"ax": ax, "grid": grid, "curve": curve, "marker": marker, "mle": mle,
               "minimum": minimum, "title": title}
    set_coin_nll(artists, k, n, theta)
    return artists


# Lecture 04: softmax of logits at a temperature, with the loss of the true class --


def set_softmax_loss_bars(artists, logits, target, temperature=1.0):
    r"""Move the bars made by :func:`draw_softmax_loss_bars` to new logits or temperature.

    Sets each bar to :math:`\hat y_i = \operatorname{softmax}(z / T)_i`, moves
    the value labels, and writes the loss :math:`-\ln \hat y_t` in nats into
    the title. Changes the existing artists only, so a widget can call it on
    every move of a slider.

    Parameters
    ----------
    artists : dict
        As returned by :func:`draw_softmax_loss_bars`.
    logits : array_like, shape (K,)
        Finite scores, one per class.
    target : int
        The true class, in ``0..K-1``.
    temperature : float, default 1.0
        A positive number T; the logits are divided by it before the softmax.

    Returns
    -------
    tuple
        ``(probabilities, loss)``: the array :math:`\hat y` and the loss in nats.

    Raises
    ------
    ValueError
        If ``temperature`` is not a positive finite number, or the number of
        logits differs from the number of bars.

    Examples
    --------
    >>> artists = draw_softmax_loss_bars([0.0, 0.0], 0)
    >>> probs, loss = set_softmax_loss_bars(artists, [2.0, 1.0], 1, temperature=0.5)
    >>> probs.round(4).tolist(), round(loss, 4)
    ([0.8808, 0.1192], 2.1269)
    >>> artists["title"].get_text()
    'T = 0.5   loss = 2.1269 nats'
    >>> set_softmax_loss_bars(artists, [2.0, 1.0], 1, temperature=0.0)
    Traceback (most recent call last):
    ...
    ValueError: temperature must be a positive finite number; got 0.0.
    """
    import math
    import numbers

    import numpy as np

    from coursekit.losses import cross_entropy_loss, softmax

    if (isinstance(temperature, bool) or not isinstance(temperature, numbers.Real)
            or not math.isfinite(temperature) or temperature <= 0):
        raise ValueError(f"temperature must be a positive finite number; got {temperature!r}.")
    z = np.asarray(logits, dtype=float)
    if z.shape != (len(artists["bars"]),):
        raise ValueError(
            f"logits must hold one score per bar ({len(artists['bars'])}); got shape {z.shape}."
        )
    scaled = z / temperature
    probs = softmax(scaled)
    loss = cross_entropy_loss(scaled, target)
    for bar, label, p in zip(artists["bars"], artists["values"], probs.tolist()):
        bar.set_height(p)
        label.set_y(p + 0.02)
        label.set_text(f"{p:.2f}")
    artists["title"].set_text(f"T = {temperature:.3g}   loss = {loss:.4f} nats")
    return probs, loss


def draw_softmax_loss_bars(logits, target, temperature=1.0, labels=None, ax=None):
    r"""Draw :math:`\operatorname{softmax}(z / T)` as bars, the true class highlighted.

    The true class's bar is vermillion and its tick reads "(true)"; the title
    gives the temperature and the loss :math:`-\ln \hat y_t` in nats.

    Parameters
    ----------
    logits : array_like, shape (K,)
        Finite scores, one per class.
    target : int
        The true class, in ``0..K-1``.
    temperature : float, default 1.0
        A positive number T; the logits are divided by it before the softmax.
    labels : sequence of str, optional
        Class names; ``"0"``, ``"1"``, ... when None.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when None.

    Returns
    -------
    dict
        ``"ax"``; ``"bars"``: the K rectangles; ``"values"``: the K value
        texts; ``"title"``: the title text. :func:`set_softmax_loss_bars`
        moves them to new logits or a new temperature.

    Raises
    ------
    ValueError
        If ``logits`` is not one vector, ``target`` is not a class index or
        ``labels`` has the wrong length.

    Examples
    --------
    >>> artists = draw_softmax_loss_bars([2.0, 1.0, 0.1], 0, labels=["cat", "dog", "fox"])
    >>> [round(bar.get_height(), 4) for bar in artists["bars"]]
    [0.659, 0.2424, 0.0986]
    >>> artists["title"].get_text()
    'T = 1   loss = 0.4170 nats'
    >>> [tick.get_text() for tick in artists["ax"].get_xticklabels()]
    ['cat\n(true)', 'dog', 'fox']
    >>> draw_softmax_loss_bars([2.0, 1.0], 2)
    Traceback (most recent call last):
    ...
    ValueError: target must be a class index in 0..1; got 2.
    """
    import numbers

    import numpy as np

    z = np.asarray(logits, dtype=float)
    if z.ndim != 1 or z.size < 2:
        raise ValueError(f"logits must be one vector of at least two scores; got shape {z.shape}.")
    k = z.size
    if isinstance(target, bool) or not isinstance(target, numbers.Integral) or not 0 <= target < k:
        raise ValueError(f"target must be a class index in 0..{k - 1}; got {target!r}.")
    names = [str(i) for i in range(k)] if labels is None else [str(name) for name in labels]
    if len(names) != k:
        raise ValueError(f"labels must name the {k} classes; got {len(names)} names.")
    ax = get_ax(ax)
    colors = [PALETTE[3] if i == target else PALETTE[0] for i in range(k)]
    bars = ax.bar(range(k), np.zeros(k), color=colors, width=0.7)
    values = [ax.text(i, 0.0, "", ha="center", va="bottom") for i in range(k)]
    ticks = [f"{name}\n(true)" if i == target else name for i, name in enumerate(names)]
    ax.set_xticks(range(k), ticks)
    ax.set_ylim(0, 1.12)
    ax.set_ylabel(r"probability $\hat y_i$")
    ax.grid(False, axis="x")
    artists = {"ax": ax, "bars": list(bars), "values": values, "title": ax.set_title(" ")}
    set_softmax_loss_bars(artists, z, target, temperature)
    return artists


# Lecture 02 (entropy): a distribution's bars with its entropy, and code trees --


def entropy_readout(p):
    """One line: the entropy of ``p`` in bits and the most ``len(p)`` outcomes can carry.

    Shared by :func:`draw_entropy_bars` (as its title) and
    :func:`coursekit.widgets.entropy_widget` (as its readout).

    Examples
    --------
    >>> entropy_readout([0.5, 0.25, 0.25])
    'H = 1.5000 bits, max log2 3 = 1.5850 bits'
    """
    import math

    from coursekit.info import entropy

    h = entropy(p)
    n = len(p)
    return f"H = {h:.4f} bits, max log2 {n} = {math.log2(n):.4f} bits"


def draw_entropy_bars(p, labels=None, ax=None):
    """Draw the distribution ``p`` as bars, titled with its entropy; return the artists.

    The title is :func:`entropy_readout`, so the static figure and the widget
    say the same thing. The y-axis is fixed to [0, 1], so bars of different
    distributions compare by eye.

    Parameters
    ----------
    p : array_like
        One probability vector.
    labels : sequence of str, optional
        One label per outcome; default ``a``, ``b``, ``c``, ...
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when None.

    Returns
    -------
    bars : matplotlib.container.BarContainer
        One rectangle per outcome (change them with ``set_height``).
    title : matplotlib.text.Text
        The axes title holding the readout (change it with ``set_text``).

    Raises
    ------
    ValueError
        If ``p`` is not one distribution, or ``labels`` has the wrong length.

    Examples
    --------
    >>> bars, title = draw_entropy_bars([0.25, 0.25, 0.25, 0.25])
    >>> len(bars), title.get_text()
    (4, 'H = 2.0000 bits, max log2 4 = 2.0000 bits')
    """
    from coursekit._validation import check_probabilities

    p = check_probabilities(p, "p")
    if p.ndim != 1:
        raise ValueError(f"p must be one distribution (1-D); got shape {p.shape}.")
    if labels is None:
        labels = [chr(ord("a") + i) for i in range(len(p))]
    labels = [str(label) for label in labels]
    if len(labels) != len(p):
        raise ValueError(f"labels must have one entry per outcome ({len(p)}); got {len(labels)}.")
    ax = get_ax(ax)
    bars = ax.bar(labels, p, color=PALETTE[0])
    ax.set_ylim(0, 1)
    ax.set_xlabel("outcome")
    ax.set_ylabel("probability")
    title = ax.set_title(entropy_readout(p))
    return bars, title


def _code_tree_layout(code):
    """Positions of the nodes of a code's binary tree: ``{prefix: (x, depth)}``.

    Every prefix of every codeword is a node; leaves are spread evenly in
    left-to-right (``0`` before ``1``) order and each inner node sits above the
    middle of its children.
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


def draw_code_tree(code, probs=None, ax=None):
    """Draw a binary code as a tree: nodes at codeword prefixes, edges labelled 0/1.

    The root is at the top; from every node the edge to the left reads ``0``
    and the edge to the right ``1``, so the path from the root to a symbol
    spells its codeword. Each codeword's node is labelled with its symbol, its
    codeword and, when ``probs`` is given, its probability. In a prefix-free
    code every codeword is a leaf; a codeword on an inner node is what makes a
    code ambiguous.

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
        If ``code`` is not a mapping of bit strings, or ``probs`` does not
        match it.

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
    from collections.abc import Mapping

    from coursekit.coding import _check_code

    _check_code(code)
    if probs is None:
        prob_of = {}
    elif isinstance(probs, Mapping):
        missing = [s for s in code if s not in probs]
        if missing:
            raise ValueError(f"probs has no probability for symbol {missing[0]!r} of code.")
        prob_of = {s: float(probs[s]) for s in code}
    else:
        values = list(probs)
        if len(values) != len(code):
            raise ValueError(
                f"probs must have one probability per codeword ({len(code)}); got {len(values)}."
            )
        prob_of = {s: float(v) for s, v in zip(code, values)}

    ax = get_ax(ax)
    position = _code_tree_layout(code)
    for node, (x, depth) in position.items():
        if not node:
            continue
        parent_x, parent_depth = position[node[:-1]]
        ax.plot([parent_x, x], [-parent_depth, -depth], color="0.55", lw=2, zorder=1)
        ax.text((parent_x + x) / 2, -(parent_depth + depth) / 2, node[-1],
                ha="center", va="center", fontsize=12, color=PALETTE[3],
                bbox=dict(boxstyle="circle,pad=0.15", fc="white", ec="none"), zorder=3)
    words = set(code.values())
    inner = [xy for node, xy in position.items() if node not in words]
    if inner:
        ax.scatter([x for x, _ in inner], [-d for _, d in inner], s=40, color="0.55", zorder=2)
    for symbol, word in code.items():
        x, depth = position[word]
        ax.scatter([x], [-depth], s=140, color=PALETTE[0], zorder=4)
        label = f"{symbol}\n{word or '(empty)'}"
        if symbol in prob_of:
            label += f"\np = {prob_of[symbol]:.3g}"
        if any(node != word and node.startswith(word) for node in position):
            # A codeword on an inner node (the code is not prefix-free): label it on the left.
            ax.text(x - 0.15, -depth, label, ha="right", va="center", fontsize=12, zorder=4)
        else:
            ax.text(x, -depth - 0.15, label, ha="center", va="top", fontsize=12, zorder=4)
    max_depth = max(d for _, d in position.values())
    n_leaves = max(x for x, _ in position.values()) + 1
    ax.set_xlim(-0.6, n_leaves - 0.4)
    ax.set_ylim(-max_depth - 1.1, 0.3)
    ax.set_axis_off()
    return ax


# Lecture 06: cross-entropy against MSE for a sigmoid unit ---------------------


def draw_ce_vs_mse(z, y=1, axes=None, z_range=(-10.0, 10.0)):
    r"""Draw both losses of a sigmoid unit (left) and their slopes (right) against the logit.

    For one example with label ``y`` and prediction :math:`\hat y = \sigma(z)`,
    the cross-entropy :math:`\log(1 + e^{z}) - y z` (nats) and the squared error
    :math:`(\hat y - y)^2` are drawn as curves over ``z_range``, their
    derivatives :math:`\hat y - y` and :math:`2(\hat y - y)\hat y(1 - \hat y)`
    on the right, with a marker on each curve at ``z``.

    Parameters
    ----------
    z : float
        The logit to mark.
    y : {0, 1}, default 1
        The label.
    axes : pair of matplotlib Axes, optional
        Where to draw; a new 1 x 2 figure when omitted.
    z_range : (float, float)
        The logits the curves cover.

    Returns
    -------
    dict
        The artists a widget moves: ``"ce_curve"``, ``"mse_curve"``,
        ``"ce_grad_curve"``, ``"mse_grad_curve"`` (lines over ``z_range``),
        ``"ce_marker"``, ``"mse_marker"``, ``"ce_grad_marker"``,
        ``"mse_grad_marker"`` (one point each, at ``z``), the two titles
        ``"loss_title"`` and ``"grad_title"``, and ``"axes"``.

    Examples
    --------
    >>> artists = draw_ce_vs_mse(-10.0, y=1)
    >>> [float(v) for v in artists["ce_grad_marker"].get_ydata()]
    [-0.9999546021312976]
    >>> round(float(artists["mse_grad_marker"].get_ydata()[0]), 8)
    -9.079e-05
    """
    import matplotlib.pyplot as plt
    import numpy as np

    from coursekit.training import sigmoid_unit_losses

    if axes is None:
        axes = plt.subplots(1, 2, figsize=(12.0, 4.5))[1]
    loss_ax, grad_ax = axes
    grid = np.linspace(z_range[0], z_range[1], 401)
    ce, ce_grad, mse, mse_grad = sigmoid_unit_losses(grid, y)
    ce_z, ce_grad_z, mse_z, mse_grad_z = sigmoid_unit_losses([z], y)
    artists = {"axes": axes}
    for ax, name, curves, points, ylabel in [
        (loss_ax, "", (ce, mse), (ce_z, mse_z), "loss of one example"),
        (grad_ax, "_grad", (ce_grad, mse_grad), (ce_grad_z, mse_grad_z), "slope dL/dz"),
    ]:
        for kind, curve, point, color, label in [
            ("ce", curves[0], points[0], PALETTE[0], "cross-entropy (nats)"),
            ("mse", curves[1], points[1], PALETTE[1], "squared error"),
        ]:
            (artists[f"{kind}{name}_curve"],) = ax.plot(grid, curve, color=color, label=label)
            (artists[f"{kind}{name}_marker"],) = ax.plot([z], point, "o", color=color, zorder=3)
        ax.set_xlabel("logit z")
        ax.set_ylabel(ylabel)
    loss_ax.set_ylim(-0.3, max(z_range) + 0.7)
    grad_ax.set_ylim(-1.1, 1.1)
    loss_ax.legend(loc="upper center")
    artists["loss_title"] = loss_ax.set_title(f"Loss of one example, label y = {y:g}")
    artists["grad_title"] = grad_ax.set_title(f"Its slope, label y = {y:g}")
    return artists


def plot_reliability(y_true, p_pred, n_bins=10, ax=None, label=None, color=None, marker="o"):
    """Draw a reliability diagram: observed frequency of class 1 against mean predicted probability.

    One point per non-empty bin of :func:`coursekit.calibration.reliability_curve`,
    joined by a line, over the dashed diagonal of perfect calibration (drawn
    once per axes). Call it once per model to compare models on one ``ax``.

    Examples
    --------
    >>> ax = plot_reliability([0, 0, 1, 1], [0.1, 0.3, 0.6, 0.8], n_bins=2, label="model")
    >>> ax = plot_reliability([0, 1], [0.4, 0.9], n_bins=2, ax=ax, label="other")
    >>> [line.get_label() for line in ax.lines]
    ['perfectly calibrated', 'model', 'other']
    >>> ax.lines[1].get_xydata().round(2).tolist()
    [[0.2, 0.0], [0.7, 1.0]]
    """
    from coursekit.calibration import reliability_curve

    curve = reliability_curve(y_true, p_pred, n_bins)
    ax = get_ax(ax)
    if not any(line.get_gid() == "diagonal" for line in ax.lines):
        ax.plot([0, 1], [0, 1], "--", color="0.5", linewidth=1.5, label="perfectly calibrated", gid="diagonal")
    filled = curve.counts > 0
    ax.plot(curve.mean_predicted[filled], curve.observed[filled], marker=marker, color=color, label=label)
    ax.set_xlim(0, 1)
    ax.set_ylim(-0.02, 1.02)
    ax.set_xlabel("mean predicted probability of class 1")
    ax.set_ylabel("observed frequency of class 1")
    ax.set_aspect("equal")
    return ax


# Lecture 01: surprisal against probability, in bits and in nats ---------------


def set_surprisal_marker(artists, p):
    r"""Move the markers made by :func:`draw_surprisal_marker` to the probability ``p``.

    Changes the existing artists only, so a widget can call it on every move
    of a slider.

    Parameters
    ----------
    artists : dict
        As returned by :func:`draw_surprisal_marker`, or by :func:`draw_surprisal`
        with a ``p``.
    p : float
        The new probability, in (0, 1].

    Returns
    -------
    tuple of float
        The surprisal of ``p`` in bits and in nats.

    Raises
    ------
    ValueError
        If ``p`` is not in (0, 1] (an impossible event has no point on the curve).

    Examples
    --------
    >>> artists = draw_surprisal_marker(0.5)
    >>> [round(s, 4) for s in set_surprisal_marker(artists, 0.25)]
    [2.0, 1.3863]
    >>> [float(y) for y in artists["marker_bits"].get_ydata()]
    [2.0]
    """
    import math

    from coursekit.info import surprisal

    if isinstance(p, bool) or not isinstance(p, (int, float)) or not 0 < p <= 1:
        raise ValueError(f"p must be a probability in (0, 1]; got {p!r}.")
    bits, nats = surprisal(p, base=2), surprisal(p, base=math.e)
    artists["marker_bits"].set_data([p], [bits])
    artists["marker_nats"].set_data([p], [nats])
    artists["guide"].set_data([p, p], [0.0, bits])
    return bits, nats


def draw_surprisal(p=None, ax=None, examples=None, log_x=False, p_min=1e-3):
    r"""Draw surprisal against probability, in bits and in nats; return the artists.

    .. math:: s(p) = -\log_2 p \ \text{bits} = -\ln p \ \text{nats}

    Parameters
    ----------
    p : float, optional
        A probability in (0, 1] to mark on both curves (the marker a widget
        moves with :func:`set_surprisal_marker`); no marker when None.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when None.
    examples : dict of str to float, optional
        Named probabilities to mark and label on the curve in bits.
    log_x : bool, default False
        Put the probability on a log axis, where both curves are straight lines.
    p_min : float, default 1e-3
        The smallest probability drawn, in (0, 1).

    Returns
    -------
    dict
        ``"ax"``; the curves ``"bits"`` and ``"nats"``; ``"examples"``, the
        labels of the marked examples, by increasing probability; and, when ``p`` is given,
        the artists of :func:`draw_surprisal_marker`.

    Raises
    ------
    ValueError
        If ``p_min`` is not in (0, 1), or an example or ``p`` is not in (0, 1].

    Examples
    --------
    >>> artists = draw_surprisal(p=0.5, examples={"coin": 0.5, "die": 1 / 6})
    >>> [round(float(s), 4) for s in artists["bits"].get_ydata()[[0, -1]]]
    [9.9658, 0.0]
    >>> [label.get_text() for label in artists["examples"]]  # by increasing probability
    ['die', 'coin']
    >>> round(float(artists["marker_nats"].get_ydata()[0]), 4)
    0.6931
    """
    import math

    import numpy as np

    from coursekit.info import surprisal

    if isinstance(p_min, bool) or not isinstance(p_min, (int, float)) or not 0 < p_min < 1:
        raise ValueError(f"p_min must be a number in (0, 1); got {p_min!r}.")
    examples = dict(examples or {})
    for name, value in examples.items():
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 1:
            raise ValueError(f"examples[{name!r}] must be a probability in (0, 1]; got {value!r}.")
    ax = get_ax(ax)
    grid = np.geomspace(p_min, 1.0, 400)  # dense near 0, where the curve climbs
    bits_line, = ax.plot(grid, surprisal(grid, base=2), color=PALETTE[0], label=r"bits, $-\log_2 p$")
    nats_line, = ax.plot(grid, surprisal(grid, base=math.e), color=PALETTE[1], label=r"nats, $-\ln p$")
    artists = {"ax": ax, "bits": bits_line, "nats": nats_line, "examples": []}

    ordered = sorted(examples.items(), key=lambda item: item[1])
    if ordered:
        ax.plot([v for _, v in ordered], [surprisal(v) for _, v in ordered], "o",
                color=PALETTE[0], markeredgecolor="white", zorder=3)
    for i, (name, value) in enumerate(ordered):
        # Labels sit above and right of their point; one whose neighbour is
        # close (within a factor 1.5) is lifted higher, with a leader line.
        crowded = i + 1 < len(ordered) and ordered[i + 1][1] < 1.5 * value
        label = ax.annotate(name, (value, surprisal(value)), textcoords="offset points",
                            xytext=(14, 26) if crowded else (9, 2), ha="left", va="bottom",
                            arrowprops=dict(arrowstyle="-", color="0.4", linewidth=1,
                                            shrinkA=0, shrinkB=5) if crowded else None)
        artists["examples"].append(label)

    if log_x:
        ax.set_xscale("log")
        ax.set_xlim(p_min, 1.0)
    else:
        ax.set_xlim(0.0, 1.0)
    ax.set_ylim(0.0, 1.06 * surprisal(p_min))
    ax.set_xlabel("probability $p$" + (" (log scale)" if log_x else ""))
    ax.set_ylabel("surprisal (bits or nats)")
    ax.set_title(r"Surprisal $s(p) = -\log p$")
    ax.legend(loc="upper right")
    if p is not None:
        artists.update(draw_surprisal_marker(p, ax=ax))
    return artists


def draw_surprisal_marker(p, ax=None):
    """Mark the probability ``p`` on the curves of :func:`draw_surprisal`; return the artists.

    A dotted line from ``p`` on the probability axis up to the curves, a round
    marker on the curve in bits and a square one on the curve in nats. A widget
    moves them with :func:`set_surprisal_marker`.

    Parameters
    ----------
    p : float
        A probability in (0, 1].
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when None.

    Returns
    -------
    dict
        ``"guide"``, ``"marker_bits"`` and ``"marker_nats"``.

    Raises
    ------
    ValueError
        If ``p`` is not in (0, 1].

    Examples
    --------
    >>> marker = draw_surprisal_marker(0.125)
    >>> [float(y) for y in marker["marker_bits"].get_ydata()]
    [3.0]
    """
    ax = get_ax(ax)
    artists = {
        "guide": ax.plot([], [], color=PALETTE[7], linestyle=":", linewidth=1.5, zorder=4)[0],
        "marker_bits": ax.plot([], [], "o", color=PALETTE[3], markersize=12, zorder=4)[0],
        "marker_nats": ax.plot([], [], "s", color=PALETTE[3], markersize=10, zorder=4)[0],
    }
    set_surprisal_marker(artists, p)
    return artists


# Start here: a one-bar figure that checks widgets work --------------------------


def set_echo(artists, value):
    """Set the bar made by :func:`draw_echo` to ``value`` (in [0, 1]); return the label text.

    Examples
    --------
    >>> artists = draw_echo(0.5)
    >>> set_echo(artists, 0.75)
    '0.75'
    >>> artists["bar"].get_width()
    0.75
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise ValueError(f"value must be a number in [0, 1]; got {value!r}.")
    artists["bar"].set_width(value)
    artists["label"].xy = (value, 0.0)
    artists["label"].set_text(f"{value:.2f}")
    return artists["label"].get_text()


def draw_echo(value, ax=None):
    """Draw one horizontal bar as long as ``value``: the start-here widget check.

    Parameters
    ----------
    value : float
        In [0, 1].
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when None.

    Returns
    -------
    dict
        ``"ax"``, ``"bar"`` (the rectangle) and ``"label"`` (the value, printed
        at the end of the bar); :func:`set_echo` moves them.

    Examples
    --------
    >>> artists = draw_echo(0.3)
    >>> artists["bar"].get_width(), artists["label"].get_text()
    (0.3, '0.30')
    """
    ax = get_ax(ax)
    bar = ax.barh([0], [0.0], height=0.5, color=PALETTE[0])[0]
    label = ax.annotate("", (0.0, 0.0), textcoords="offset points", xytext=(6, 0), va="center")
    ax.set_xlim(0.0, 1.1)
    ax.set_ylim(-1.0, 1.0)
    ax.set_yticks([])
    ax.grid(False, axis="y")
    ax.set_xlabel("slider value")
    ax.set_title("Widget check: the bar follows the slider")
    artists = {"ax": ax, "bar": bar, "label": label}
    set_echo(artists, value)
    return artists
