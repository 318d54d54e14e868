"""Lecture 02: a distribution's bars titled with its entropy, static and live."""

import math
from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes
from matplotlib.text import Text

from coursekit._validation import as_float_array
from coursekit._validation_probability import check_probabilities
from coursekit.figures.style import PALETTE, get_ax
from coursekit.info import entropy

#: Each weight slider's range.
WEIGHT_MAX = 10.0


@dataclass
class EntropyBars:
    """What :func:`draw_entropy_bars` drew: one rectangle per outcome and the title."""

    ax: Axes
    bars: list
    title: Text


def entropy_readout(p):
    """One line: the entropy of ``p`` in bits and the most ``len(p)`` outcomes can carry.

    Shared by :func:`draw_entropy_bars` (as its title) and :func:`entropy_widget`
    (as its readout).

    Examples
    --------
    >>> entropy_readout([0.5, 0.25, 0.25])
    'H = 1.5000 bits, max log2 3 = 1.5850 bits'
    """
    n = len(p)
    return f"H = {entropy(p):.4f} bits, max log2 {n} = {math.log2(n):.4f} bits"


def _labels(labels, n, what):
    labels = [chr(ord("a") + i) for i in range(n)] if labels is None else [str(s) for s in labels]
    if len(labels) != n:
        raise ValueError(f"labels must have one entry per {what} ({n}); got {len(labels)}.")
    return labels


def draw_entropy_bars(p, labels=None, ax=None):
    """Draw the distribution ``p`` as bars, titled with its entropy.

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
    EntropyBars
        The axes, the rectangles (change them with ``set_height``) and the
        title holding the readout (change it with ``set_text``).

    Raises
    ------
    ValueError
        If ``p`` is not one distribution, or ``labels`` has the wrong length.

    Examples
    --------
    >>> drawn = draw_entropy_bars([0.25, 0.25, 0.25, 0.25])
    >>> len(drawn.bars), drawn.title.get_text()
    (4, 'H = 2.0000 bits, max log2 4 = 2.0000 bits')
    """
    p = check_probabilities(p, "p")
    if p.ndim != 1:
        raise ValueError(f"p must be one distribution (1-D); got shape {p.shape}.")
    labels = _labels(labels, len(p), "outcome")
    ax = get_ax(ax)
    bars = ax.bar(labels, p, color=PALETTE[0])
    ax.set_ylim(0, 1)
    ax.set_xlabel("outcome")
    ax.set_ylabel("probability")
    return EntropyBars(ax, list(bars), ax.set_title(entropy_readout(p)))


def _check_weights(weights):
    w = as_float_array(weights, "weights")
    if w.ndim != 1 or not 2 <= len(w) <= 6:
        raise ValueError(f"weights must be 2 to 6 numbers; got shape {w.shape}.")
    if (w < 0).any() or (w > WEIGHT_MAX).any():
        raise ValueError(f"weights must each lie in [0, 10] (the sliders' range); got {w.tolist()}.")
    if w.sum() == 0:
        raise ValueError("weights must not all be 0: they are normalised to a distribution.")
    return w


def entropy_widget(weights=(4.0, 2.0, 1.0, 1.0), labels=None):
    """Sliders of weights, normalised to a distribution; its bars and entropy follow.

    Each slider sets a weight :math:`w_i \\ge 0`; the figure shows
    :math:`p_i = w_i / \\sum_j w_j` as bars (drawn once by
    :func:`draw_entropy_bars`, then resized) and the readout gives
    :math:`H(p)` in bits next to its maximum :math:`\\log_2 n`.

    Parameters
    ----------
    weights : sequence of float, default (4, 2, 1, 1)
        Starting weights, 2 to 6 of them, each in [0, 10], not all 0.
    labels : sequence of str, optional
        One label per outcome; default ``a``, ``b``, ...

    Returns
    -------
    ipywidgets.VBox
        Sliders, readout and figure (see :func:`coursekit.figures.live.live_figure`).

    Raises
    ------
    ValueError
        If ``weights`` has fewer than 2 or more than 6 entries, an entry
        outside [0, 10], or sums to 0; or ``labels`` has the wrong length.

    Examples
    --------
    >>> w = entropy_widget((1, 1, 1, 1))
    >>> w.children[1].value
    'H = 2.0000 bits, max log2 4 = 2.0000 bits'
    >>> w.controls["w3"].value = 0.0
    >>> w.children[1].value
    'H = 1.5850 bits, max log2 4 = 2.0000 bits'
    """
    import matplotlib.pyplot as plt

    from coursekit.figures.live import live_figure, slider

    w = _check_weights(weights)
    labels = _labels(labels, len(w), "weight")
    fig, ax = plt.subplots()
    drawn = draw_entropy_bars(w / w.sum(), labels=labels, ax=ax)
    controls = {}
    for i, (label, value) in enumerate(zip(labels, w)):
        control = slider(f"weight {label}", float(value), 0.0, WEIGHT_MAX, 0.2, readout_format=".1f")
        control.layout.width = "250px"
        controls[f"w{i}"] = control

    def update(**values):
        new = np.array([values[f"w{i}"] for i in range(len(labels))], dtype=float)
        total = new.sum()
        if total == 0:
            heights = np.zeros_like(new)
            text = "all weights are 0: raise one to make a distribution"
        else:
            heights = new / total
            text = entropy_readout(heights)
        for bar, height in zip(drawn.bars, heights):
            bar.set_height(height)
        drawn.title.set_text(text)
        return text

    return live_figure(fig, controls, update)
