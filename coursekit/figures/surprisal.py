"""Lecture 01: surprisal against probability, in bits and in nats, static and live."""

import math
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np
from matplotlib.axes import Axes
from matplotlib.lines import Line2D

from coursekit._validation import check_scalar
from coursekit.figures.style import PALETTE, get_ax
from coursekit.info import surprisal


class Surprisal(NamedTuple):
    """The surprisal of one probability in both units."""

    bits: float
    nats: float


@dataclass
class SurprisalMarker:
    """The artists that mark one probability on the curves (moved by :func:`set_surprisal_marker`)."""

    guide: Line2D
    marker_bits: Line2D
    marker_nats: Line2D


@dataclass
class SurprisalFigure:
    """What :func:`draw_surprisal` drew: the curves, the example labels and the marker."""

    ax: Axes
    bits: Line2D
    nats: Line2D
    examples: list = field(default_factory=list)
    marker: SurprisalMarker | None = None


def _check_probability(p, name="p"):
    return check_scalar(p, name, low=0, high=1, include=(False, True))


def set_surprisal_marker(marker, p):
    r"""Move a :class:`SurprisalMarker` to the probability ``p``; return its :class:`Surprisal`.

    Changes the existing artists only, so a widget can call it on every move
    of a slider.

    Raises
    ------
    TypeError
        If ``p`` is not a real number.
    ValueError
        If ``p`` is not in (0, 1] (an impossible event has no point on the curve).

    Examples
    --------
    >>> marker = draw_surprisal_marker(0.5)
    >>> [round(s, 4) for s in set_surprisal_marker(marker, 0.25)]
    [2.0, 1.3863]
    >>> [float(y) for y in marker.marker_bits.get_ydata()]
    [2.0]
    """
    p = _check_probability(p)
    bits, nats = surprisal(p, base=2), surprisal(p, base=math.e)
    marker.marker_bits.set_data([p], [bits])
    marker.marker_nats.set_data([p], [nats])
    marker.guide.set_data([p, p], [0.0, bits])
    return Surprisal(bits, nats)


def draw_surprisal_marker(p, ax=None):
    """Mark the probability ``p`` on the curves of :func:`draw_surprisal`.

    A dotted line from ``p`` on the probability axis up to the curves, a round
    marker on the curve in bits and a square one on the curve in nats.

    Returns
    -------
    SurprisalMarker
        The artists; :func:`set_surprisal_marker` moves them.

    Examples
    --------
    >>> marker = draw_surprisal_marker(0.125)
    >>> [float(y) for y in marker.marker_bits.get_ydata()]
    [3.0]
    """
    ax = get_ax(ax)
    marker = SurprisalMarker(
        guide=ax.plot([], [], color=PALETTE[7], linestyle=":", linewidth=1.5, zorder=4)[0],
        marker_bits=ax.plot([], [], "o", color=PALETTE[3], markersize=12, zorder=4)[0],
        marker_nats=ax.plot([], [], "s", color=PALETTE[3], markersize=10, zorder=4)[0],
    )
    set_surprisal_marker(marker, p)
    return marker


def _label_examples(ax, examples):
    """Mark and label named probabilities on the curve in bits; return the labels in order."""
    ordered = sorted(examples.items(), key=lambda item: item[1])
    if ordered:
        ax.plot([v for _, v in ordered], [surprisal(v) for _, v in ordered], "o",
                color=PALETTE[0], markeredgecolor="white", zorder=3)
    labels = []
    for i, (name, value) in enumerate(ordered):
        # Labels sit above and right of their point; one whose neighbour is
        # close (within a factor 1.5) is lifted higher, with a leader line.
        crowded = i + 1 < len(ordered) and ordered[i + 1][1] < 1.5 * value
        labels.append(ax.annotate(name, (value, surprisal(value)), textcoords="offset points",
                                  xytext=(14, 26) if crowded else (9, 2), ha="left", va="bottom",
                                  arrowprops=dict(arrowstyle="-", color="0.4", linewidth=1,
                                                  shrinkA=0, shrinkB=5) if crowded else None))
    return labels


def draw_surprisal(p=None, ax=None, examples=None, log_x=False, p_min=1e-3):
    r"""Draw surprisal against probability, in bits and in nats.

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
    SurprisalFigure
        The axes, both curves, the example labels by increasing probability,
        and the marker (None when ``p`` is None).

    Raises
    ------
    TypeError
        If ``p_min``, an example or ``p`` is not a real number.
    ValueError
        If ``p_min`` is not in (0, 1), or an example or ``p`` is not in (0, 1].

    Examples
    --------
    >>> drawn = draw_surprisal(p=0.5, examples={"coin": 0.5, "die": 1 / 6})
    >>> [round(float(s), 4) for s in drawn.bits.get_ydata()[[0, -1]]]
    [9.9658, 0.0]
    >>> [label.get_text() for label in drawn.examples]  # by increasing probability
    ['die', 'coin']
    >>> round(float(drawn.marker.marker_nats.get_ydata()[0]), 4)
    0.6931
    """
    p_min = check_scalar(p_min, "p_min", low=0, high=1, include=(False, False))
    examples = {name: _check_probability(value, f"examples[{name!r}]")
                for name, value in dict(examples or {}).items()}
    if p is not None:
        p = _check_probability(p)
    ax = get_ax(ax)
    grid = np.geomspace(p_min, 1.0, 400)  # dense near 0, where the curve climbs
    bits_line, = ax.plot(grid, surprisal(grid, base=2), color=PALETTE[0], label=r"bits, $-\log_2 p$")
    nats_line, = ax.plot(grid, surprisal(grid, base=math.e), color=PALETTE[1], label=r"nats, $-\ln p$")
    drawn = SurprisalFigure(ax, bits_line, nats_line, _label_examples(ax, examples))
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
        drawn.marker = draw_surprisal_marker(p, ax=ax)
    return drawn


def surprisal_readout(p):
    """The readout line of :func:`surprisal_widget` for the probability ``p``.

    Examples
    --------
    >>> surprisal_readout(0.25)
    'p = 0.2500: surprisal 2.0000 bits = 1.3863 nats, as surprising as 2.00 fair-coin heads in a row'
    """
    p = _check_probability(p)
    bits, nats = surprisal(p, base=2), surprisal(p, base=math.e)
    return (f"p = {p:.4f}: surprisal {bits:.4f} bits = {nats:.4f} nats, "
            f"as surprising as {bits:.2f} fair-coin heads in a row")


def surprisal_widget(p=0.1, log_x=True):
    r"""A probability on a log slider; its surprisal in bits and nats, on the curve.

    The figure is :func:`draw_surprisal` with a marker; moving the slider moves
    the marker (:func:`set_surprisal_marker`) and the readout gives
    :math:`-\log_2 p` bits and :math:`-\ln p` nats. One arrow key press moves
    ``p`` by a twentieth of a decade (a factor 1.12).

    Parameters
    ----------
    p : float, default 0.1
        Starting probability, in [0.001, 1] (the slider's range).
    log_x : bool, default True
        Probability axis on a log scale, matching the slider.

    Returns
    -------
    ipywidgets.VBox
        See :func:`coursekit.figures.live.live_figure`.

    Raises
    ------
    TypeError, ValueError
        If ``p`` is not a number in [0.001, 1].

    Examples
    --------
    >>> box = surprisal_widget(0.5)
    >>> box.children[1].value
    'p = 0.5000: surprisal 1.0000 bits = 0.6931 nats, as surprising as 1.00 fair-coin heads in a row'
    >>> box.controls["p"].value = 0.125
    >>> box.children[1].value.split(",")[0]
    'p = 0.1250: surprisal 3.0000 bits = 2.0794 nats'
    """
    import matplotlib.pyplot as plt

    from coursekit.figures.live import live_figure, slider

    p = check_scalar(p, "p", low=1e-3, high=1)
    fig, ax = plt.subplots()
    draw_surprisal(ax=ax, log_x=log_x)
    marker = draw_surprisal_marker(p, ax=ax)

    def update(p):
        set_surprisal_marker(marker, p)
        return surprisal_readout(p)

    controls = {"p": slider("probability p", p, -3.0, 0.0, 0.05, log=True, readout_format=".4f")}
    return live_figure(fig, controls, update)
