"""Lecture 03: cross-entropy = entropy + KL divergence, as bars, static and live."""

import math
from dataclasses import dataclass
from typing import NamedTuple

from matplotlib.axes import Axes

from coursekit._validation import check_scalar
from coursekit.figures.style import PALETTE, get_ax
from coursekit.info import cross_entropy, entropy, kl_divergence

#: The y axis reaches this far above the tallest finite bar, then up to a whole half bit.
HEADROOM, Y_STEP = 1.15, 0.5


class CrossEntropyValues(NamedTuple):
    """:math:`H(p)`, :math:`H(p, q)` and :math:`D(p\\|q)`, in bits."""

    entropy: float
    cross_entropy: float
    divergence: float


@dataclass
class CrossEntropyBars:
    """What :func:`draw_cross_entropy_bars` drew; :func:`set_cross_entropy_bars` moves it.

    ``bars`` holds four rectangles: the H(p) bar, the two parts of the
    H(p, q) bar, the D(p‖q) bar; ``labels`` the three value texts. ``ymax``
    is the fixed top of the y axis in bits, or None when the axis follows
    the data.
    """

    ax: Axes
    bars: list
    labels: list
    ymax: float | None = None


def bits_label(value):
    """A bar's value label: ``'0.737 bits'``, or ``'∞ bits'``.

    Examples
    --------
    >>> bits_label(0.7369656), bits_label(math.inf)
    ('0.737 bits', '∞ bits')
    """
    return "∞ bits" if math.isinf(value) else f"{value:.3f} bits"


def axis_top(values):
    """Top of the y axis for these values in bits: above the largest finite one, on a half bit.

    Moving to a whole half bit means a slider moves the axis rarely, not on
    every step.

    Examples
    --------
    >>> axis_top([0.72, 1.0, 0.28]), axis_top([1.0, math.inf]), axis_top([5.1])
    (1.5, 1.5, 6.0)
    """
    finite = [v for v in values if not math.isinf(v)]
    return Y_STEP * math.ceil(HEADROOM * max(finite + [1.0]) / Y_STEP)


def set_cross_entropy_bars(drawn, p, q):
    r"""Move the bars of a :class:`CrossEntropyBars` to the pair ``p``, ``q``.

    Changes the existing artists only (heights, positions, texts), so a widget
    can call it on every move of a slider. Unless ``drawn.ymax`` fixes it, the
    y axis follows the data (see :func:`axis_top`). An infinite value is drawn
    up to the top of the axes and labelled ``∞ bits``.

    Returns
    -------
    CrossEntropyValues
        ``H(p)``, ``H(p, q)`` and ``D(p‖q)`` in bits.

    Examples
    --------
    >>> drawn = draw_cross_entropy_bars([0.5, 0.5], [0.5, 0.5])
    >>> [round(v, 4) for v in set_cross_entropy_bars(drawn, [0.5, 0.5], [0.9, 0.1])]
    [1.0, 1.737, 0.737]
    >>> drawn.labels[2].get_text()
    '0.737 bits'
    """
    values = CrossEntropyValues(entropy(p), cross_entropy(p, q), kl_divergence(p, q))
    h, hpq, d = values
    top = drawn.ymax if drawn.ymax is not None else axis_top(values)
    if drawn.ax.get_ylim() != (0.0, top):
        drawn.ax.set_ylim(0.0, top)
    h_bar, base_bar, excess_bar, d_bar = drawn.bars
    h_bar.set_height(min(h, top))
    base_bar.set_height(min(h, top))
    excess_bar.set_y(min(h, top))
    excess_bar.set_height(min(d, top - min(h, top)))
    d_bar.set_height(min(d, top))
    for label, value in zip(drawn.labels, values):
        label.set_text(bits_label(value))
        label.set_y(min(value, top) + 0.02 * top)
    return values


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
        A fixed top of the y axis, in bits; by default the axis follows the
        data (:func:`axis_top`).

    Returns
    -------
    CrossEntropyBars
        The rectangles and labels; :func:`set_cross_entropy_bars` moves them.

    Examples
    --------
    >>> drawn = draw_cross_entropy_bars([0.5, 0.5], [0.9, 0.1])
    >>> [round(bar.get_height(), 4) for bar in drawn.bars]
    [1.0, 1.0, 0.737, 0.737]
    >>> [label.get_text() for label in drawn.labels]
    ['1.000 bits', '1.737 bits', '0.737 bits']
    >>> draw_cross_entropy_bars([0.5, 0.5], [1.0, 0.0]).labels[1].get_text()
    '∞ bits'
    """
    if ymax is not None:
        ymax = check_scalar(ymax, "ymax", low=0, include=(False, True))
    ax = get_ax(ax)
    ax.set_xlim(-0.6, 2.6)
    h_color, d_color = PALETTE[0], PALETTE[3]
    bars = [ax.bar([x], [0.0], width=0.6, color=color)[0]
            for x, color in [(0, h_color), (1, h_color), (1, d_color), (2, d_color)]]
    labels = [ax.text(x, 0.0, "", ha="center", va="bottom") for x in range(3)]
    ax.set_xticks([0, 1, 2], ["$H(p)$", "$H(p, q)$", r"$D(p\,\|\,q)$"])
    ax.set_ylabel("bits")
    ax.set_title(r"$H(p, q) = H(p) + D(p\,\|\,q)$")
    ax.grid(False, axis="x")
    drawn = CrossEntropyBars(ax, bars, labels, ymax)
    set_cross_entropy_bars(drawn, p, q)
    return drawn


def cross_entropy_widget(a=0.8, b=0.5):
    r"""Two coins: the world's ``p = (a, 1 - a)`` and the belief ``q = (b, 1 - b)``.

    Two sliders set ``a`` and ``b``; the bars of :func:`draw_cross_entropy_bars`
    show :math:`H(p)`, :math:`H(p, q) = H(p) + D(p\|q)` and :math:`D(p\|q)`
    on a y axis that follows them, and the readout gives the three values in bits.

    Parameters
    ----------
    a, b : float, default 0.8 and 0.5
        Starting probabilities of heads under ``p`` and under ``q``, in [0.01, 0.99].

    Returns
    -------
    ipywidgets.VBox
        See :func:`coursekit.figures.live.live_figure`.

    Examples
    --------
    >>> box = cross_entropy_widget(0.5, 0.5)
    >>> "D(p‖q) = 0.0000 bits" in box.children[1].value
    True
    """
    import matplotlib.pyplot as plt

    from coursekit.figures.live import live_figure, slider

    a = check_scalar(a, "a", low=0.01, high=0.99)
    b = check_scalar(b, "b", low=0.01, high=0.99)
    fig, ax = plt.subplots()
    drawn = draw_cross_entropy_bars([a, 1 - a], [b, 1 - b], ax=ax)

    def update(a, b):
        h, hpq, d = set_cross_entropy_bars(drawn, [a, 1 - a], [b, 1 - b])
        return (f"p = ({a:.2f}, {1 - a:.2f}), q = ({b:.2f}, {1 - b:.2f}): "
                f"H(p) = {h:.4f} bits, H(p, q) = {hpq:.4f} bits, D(p‖q) = {d:.4f} bits")

    controls = {"a": slider("p(heads) = a", a, 0.01, 0.99, 0.01, readout_format=".2f"),
                "b": slider("q(heads) = b", b, 0.01, 0.99, 0.01, readout_format=".2f")}
    return live_figure(fig, controls, update)
