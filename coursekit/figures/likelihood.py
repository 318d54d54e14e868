r"""Lecture 05: a coin's average negative log-likelihood over θ, static and live.

The curve is the cross-entropy, in nats, between the observed frequencies
:math:`(k/n, 1 - k/n)` and the model :math:`(\theta, 1 - \theta)`, computed by
:func:`coursekit.cross_entropy`: the figure draws the maths, it does not redo it.
"""

import math
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.text import Text

from coursekit._validation import check_scalar
from coursekit.figures.style import PALETTE, get_ax
from coursekit.info import cross_entropy

#: The θ slider's range; the curve is drawn a little beyond it.
THETA_RANGE = (0.01, 0.99)


class CoinNLL(NamedTuple):
    """The average NLL at θ, the maximum-likelihood estimate k/n and the NLL there (nats)."""

    nll: float
    theta_hat: float
    nll_at_theta_hat: float


@dataclass
class CoinNLLCurve:
    """What :func:`draw_coin_nll` drew; :func:`set_coin_nll` moves it."""

    ax: Axes
    grid: np.ndarray
    curve: Line2D
    marker: Line2D
    mle: Line2D
    minimum: Line2D
    title: Text


def check_counts(k, n, n_max=None):
    """``k`` heads in ``n`` flips as two ints, ``0 <= k <= n``, ``1 <= n`` (``<= n_max``).

    Examples
    --------
    >>> check_counts(6, 20)
    (6, 20)
    >>> check_counts(0, 0)
    Traceback (most recent call last):
    ...
    ValueError: n must be at least 1; got 0.
    """
    n = check_scalar(n, "n", "integer", low=1, high=n_max)
    k = check_scalar(k, "k", "integer")
    if not 0 <= k <= n:
        raise ValueError(f"k must be an integer in 0..n = 0..{n}; got {k}.")
    return k, n


def average_nll(theta, k, n):
    """Average NLL in nats of ``k`` heads in ``n`` flips under each θ: a cross-entropy.

    Examples
    --------
    >>> round(float(average_nll(0.5, 3, 10)), 4)
    0.6931
    >>> average_nll(np.array([0.25, 0.5]), 1, 4).round(4).tolist()
    [0.5623, 0.6931]
    """
    theta = np.asarray(theta, dtype=float)
    frequencies = np.broadcast_to([k / n, 1 - k / n], theta.shape + (2,))
    return cross_entropy(frequencies, np.stack([theta, 1 - theta], axis=-1), base=math.e)


def set_coin_nll(drawn, k, n, theta):
    r"""Move a :class:`CoinNLLCurve` to ``k`` heads in ``n`` flips and to ``theta``.

    Returns
    -------
    CoinNLL

    Raises
    ------
    TypeError, ValueError
        If ``k``, ``n`` are not counts with ``0 <= k <= n``, ``n >= 1``, or
        ``theta`` is not in (0, 1).

    Examples
    --------
    >>> drawn = draw_coin_nll(6, 20, 0.5)
    >>> [round(v, 4) for v in set_coin_nll(drawn, 5, 20, 0.25)]
    [0.5623, 0.25, 0.5623]
    >>> [float(x) for x in drawn.marker.get_xdata()]
    [0.25]
    """
    k, n = check_counts(k, n)
    theta = check_scalar(theta, "theta", low=0, high=1, include=(False, False))
    theta_hat = k / n
    values = CoinNLL(float(average_nll(theta, k, n)), theta_hat, float(average_nll(theta_hat, k, n)))
    drawn.curve.set_ydata(average_nll(drawn.grid, k, n))
    drawn.marker.set_data([theta], [values.nll])
    drawn.mle.set_xdata([theta_hat, theta_hat])
    drawn.minimum.set_data([theta_hat], [values.nll_at_theta_hat])
    drawn.title.set_text(f"{k} heads in {n} flips: average NLL over θ")
    return values


def draw_coin_nll(k, n, theta, ax=None, ymax=5.0):
    r"""Draw the average NLL (nats) of ``k`` heads in ``n`` flips against θ.

    .. math:: -\frac{1}{n} \log L(\theta) = H\big((\tfrac{k}{n}, 1 - \tfrac{k}{n}),
              (\theta, 1 - \theta)\big)

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
    CoinNLLCurve
        The θ grid of the curve and the artists :func:`set_coin_nll` moves.

    Raises
    ------
    TypeError, ValueError
        As :func:`set_coin_nll`; also if ``ymax`` is not positive.

    Examples
    --------
    >>> drawn = draw_coin_nll(6, 20, 0.5)
    >>> round(float(drawn.mle.get_xdata()[0]), 2), drawn.title.get_text()
    (0.3, '6 heads in 20 flips: average NLL over θ')
    """
    ymax = check_scalar(ymax, "ymax", low=0, include=(False, True))
    check_counts(k, n)
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
    drawn = CoinNLLCurve(ax, grid, curve, marker, mle, minimum, ax.set_title(""))
    set_coin_nll(drawn, k, n, theta)
    return drawn


def coin_likelihood_widget(k=6, n=20, theta=0.5):
    r"""Average NLL of ``k`` heads in ``n`` flips against θ, with θ and ``k`` on sliders.

    Draws :func:`draw_coin_nll`; the readout gives the average NLL at the
    chosen θ and its minimum, reached at :math:`\hat\theta = k/n`, both in nats.

    Parameters
    ----------
    k : int, default 6
        Starting number of heads, ``0 <= k <= n``.
    n : int, default 20
        Number of flips (fixed for the widget), in 1..1000.
    theta : float, default 0.5
        Starting model probability of heads, in [0.01, 0.99].

    Returns
    -------
    ipywidgets.VBox
        See :func:`coursekit.figures.live.live_figure`.

    Examples
    --------
    >>> box = coin_likelihood_widget(6, 20, 0.3)
    >>> box.children[1].value
    'average NLL = 0.6109 nats at θ = 0.300; minimum 0.6109 nats at θ̂ = k/n = 6/20 = 0.300'
    """
    import matplotlib.pyplot as plt

    from coursekit.figures.live import int_slider, live_figure, slider

    k, n = check_counts(k, n, n_max=1000)
    theta = check_scalar(theta, "theta", low=THETA_RANGE[0], high=THETA_RANGE[1])
    fig, ax = plt.subplots()
    drawn = draw_coin_nll(k, n, theta, ax=ax)

    def update(theta, k):
        nll, theta_hat, nll_hat = set_coin_nll(drawn, k, n, theta)
        return (f"average NLL = {nll:.4f} nats at θ = {theta:.3f}; "
                f"minimum {nll_hat:.4f} nats at θ̂ = k/n = {k}/{n} = {theta_hat:.3f}")

    controls = {"theta": slider("model θ", theta, *THETA_RANGE, 0.01, readout_format=".2f"),
                "k": int_slider(f"heads k (of n = {n})", k, 0, n)}
    return live_figure(fig, controls, update)
