"""Lecture 04: softmax of logits at a temperature, the true class's loss, static and live."""

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
from matplotlib.axes import Axes
from matplotlib.text import Text

from coursekit._validation import check_scalar
from coursekit._validation_probability import check_logits
from coursekit.figures.style import PALETTE, get_ax
from coursekit.activations import softmax
from coursekit.losses import cross_entropy_loss

#: The temperature slider's range, as powers of ten (0.1 to 10), and its step.
LOG_T_RANGE, LOG_T_STEP = (-1.0, 1.0), 0.05
#: The true class's logit slider.
LOGIT_RANGE, LOGIT_STEP = (-5.0, 5.0), 0.2


class SoftmaxLoss(NamedTuple):
    """The probabilities :math:`\\hat y` and the loss :math:`-\\ln \\hat y_t` in nats."""

    probabilities: np.ndarray
    loss: float


@dataclass
class SoftmaxBars:
    """What :func:`draw_softmax_loss_bars` drew; :func:`set_softmax_loss_bars` moves it."""

    ax: Axes
    bars: list
    values: list
    title: Text


def _check_temperature(temperature):
    return check_scalar(temperature, "temperature", low=0, include=(False, True))


def set_softmax_loss_bars(drawn, logits, target, temperature=1.0):
    r"""Move the bars of a :class:`SoftmaxBars` to new logits or temperature.

    Sets each bar to :math:`\hat y_i = \operatorname{softmax}(z / T)_i`, moves
    the value labels, and writes the loss :math:`-\ln \hat y_t` in nats into
    the title. Changes the existing artists only, so a widget can call it on
    every move of a slider.

    Parameters
    ----------
    drawn : SoftmaxBars
        As returned by :func:`draw_softmax_loss_bars`.
    logits : array_like, shape (K,)
        Finite scores, one per class.
    target : int
        The true class, in ``0..K-1``.
    temperature : float, default 1.0
        A positive number T; the logits are divided by it before the softmax.

    Returns
    -------
    SoftmaxLoss

    Raises
    ------
    TypeError
        If ``temperature`` is not a real number.
    ValueError
        If ``temperature`` is not positive and finite, or the number of
        logits differs from the number of bars.

    Examples
    --------
    >>> drawn = draw_softmax_loss_bars([0.0, 0.0], 0)
    >>> probs, loss = set_softmax_loss_bars(drawn, [2.0, 1.0], 1, temperature=0.5)
    >>> probs.round(4).tolist(), round(loss, 4)
    ([0.8808, 0.1192], 2.1269)
    >>> drawn.title.get_text()
    'T = 0.5   loss = 2.1269 nats'
    >>> set_softmax_loss_bars(drawn, [2.0, 1.0], 1, temperature=0.0)
    Traceback (most recent call last):
    ...
    ValueError: temperature must be greater than 0; got 0.0.
    """
    temperature = _check_temperature(temperature)
    z = np.asarray(logits, dtype=float)
    if z.shape != (len(drawn.bars),):
        raise ValueError(f"logits must hold one score per bar ({len(drawn.bars)}); got shape {z.shape}.")
    scaled = z / temperature
    probs = softmax(scaled)
    loss = cross_entropy_loss(scaled, target)
    for bar, label, p in zip(drawn.bars, drawn.values, probs.tolist()):
        bar.set_height(p)
        label.set_y(p + 0.02)
        label.set_text(f"{p:.2f}")
    drawn.title.set_text(f"T = {temperature:.3g}   loss = {loss:.4f} nats")
    return SoftmaxLoss(probs, loss)


def _check_classes(logits, target, labels):
    """The logits as a vector, the target as an int, the class names; checked."""
    z = check_logits(logits, "logits")
    if z.ndim != 1 or z.size < 2:
        raise ValueError(f"logits must be one vector of at least two scores; got shape {z.shape}.")
    k = z.size
    target = check_scalar(target, "target", "integer")
    if not 0 <= target < k:
        raise ValueError(f"target must be a class index in 0..{k - 1}; got {target}.")
    names = [str(i) for i in range(k)] if labels is None else [str(name) for name in labels]
    if len(names) != k:
        raise ValueError(f"labels must name the {k} classes; got {len(names)} names.")
    return z, target, names


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
    SoftmaxBars
        The K rectangles, the K value texts and the title;
        :func:`set_softmax_loss_bars` moves them.

    Raises
    ------
    TypeError
        If ``target`` is not an integer or ``temperature`` not a real number.
    ValueError
        If ``logits`` is not one vector, ``target`` is not a class index or
        ``labels`` has the wrong length.

    Examples
    --------
    >>> drawn = draw_softmax_loss_bars([2.0, 1.0, 0.1], 0, labels=["cat", "dog", "fox"])
    >>> [round(bar.get_height(), 4) for bar in drawn.bars]
    [0.659, 0.2424, 0.0986]
    >>> drawn.title.get_text()
    'T = 1   loss = 0.4170 nats'
    >>> [tick.get_text() for tick in drawn.ax.get_xticklabels()]
    ['cat\n(true)', 'dog', 'fox']
    >>> draw_softmax_loss_bars([2.0, 1.0], 2)
    Traceback (most recent call last):
    ...
    ValueError: target must be a class index in 0..1; got 2.
    """
    z, target, names = _check_classes(logits, target, labels)
    temperature = _check_temperature(temperature)
    k = z.size
    ax = get_ax(ax)
    colors = [PALETTE[3] if i == target else PALETTE[0] for i in range(k)]
    bars = ax.bar(range(k), np.zeros(k), color=colors, width=0.7)
    values = [ax.text(i, 0.0, "", ha="center", va="bottom") for i in range(k)]
    ticks = [f"{name}\n(true)" if i == target else name for i, name in enumerate(names)]
    ax.set_xticks(range(k), ticks)
    ax.set_ylim(0, 1.12)
    ax.set_ylabel(r"probability $\hat y_i$")
    ax.grid(False, axis="x")
    drawn = SoftmaxBars(ax, list(bars), values, ax.set_title(" "))
    set_softmax_loss_bars(drawn, z, target, temperature)
    return drawn


def softmax_loss_widget(logits=(2.0, 1.0, 0.1, -1.0), target=1, labels=("cat", "dog", "fox", "owl")):
    r"""Softmax bars at a temperature, the true class highlighted, and its loss in nats.

    A log slider sets the temperature T (0.1 to 10, a twentieth of a decade
    per key press) and a second slider the true class's logit :math:`z_t`
    (-5 to 5); the bars of :func:`draw_softmax_loss_bars` show
    :math:`\hat y = \operatorname{softmax}(z / T)` and the readout gives
    :math:`\hat y_t` and the loss :math:`-\ln \hat y_t` in nats.

    Parameters
    ----------
    logits : sequence of float, default (2.0, 1.0, 0.1, -1.0)
        The starting scores, one per class.
    target : int, default 1
        The true class.
    labels : sequence of str, default ("cat", "dog", "fox", "owl")
        Class names, one per logit.

    Returns
    -------
    ipywidgets.VBox
        See :func:`coursekit.figures.live.live_figure`.

    Examples
    --------
    >>> box = softmax_loss_widget([0.0, 0.0], target=0, labels=["a", "b"])
    >>> "loss = 0.6931 nats" in box.children[1].value
    True
    """
    import matplotlib.pyplot as plt

    from coursekit.figures.live import live_figure, slider

    base, target, names = _check_classes(logits, target, labels)
    fig, ax = plt.subplots(figsize=(7.0, 4.0))
    drawn = draw_softmax_loss_bars(base, target, labels=names, ax=ax)
    name = names[target]

    def update(temperature, true_logit):
        z = base.copy()
        z[target] = true_logit
        probs, loss = set_softmax_loss_bars(drawn, z, target, temperature)
        return (f"T = {temperature:.3g}, z<sub>{name}</sub> = {true_logit:.1f}, "
                f"ŷ<sub>{name}</sub> = {probs[target]:.4f}: <b>loss = {loss:.4f} nats</b>")

    start = float(np.clip(base[target], *LOGIT_RANGE))
    controls = {"temperature": slider("temperature T", 1.0, *LOG_T_RANGE, LOG_T_STEP, log=True,
                                      readout_format=".2f"),
                "true_logit": slider(f"logit of {name} (true class)", start, *LOGIT_RANGE, LOGIT_STEP,
                                     readout_format=".1f")}
    return live_figure(fig, controls, update)
