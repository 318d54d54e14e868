r"""Temperature scaling, drawn: how sure the model is against how often it is right.

Dividing every logit by one temperature :math:`T > 0`,

.. math:: \hat y = \operatorname{softmax}(z / T),

keeps each prediction's class (the largest logit stays the largest) and changes
only how sure the model is: :math:`T > 1` softens, :math:`T < 1` sharpens.
The figure of lecture 07 shows both sides of that on held-out data:

- left, a *reliability diagram of the top class*: the predictions sorted by
  their confidence (the probability of the class they pick) into equal-width
  bins, a bar per bin at the fraction of them that are right, the number of
  predictions printed on each bar, the bars of a reference temperature
  (usually :math:`T = 1`) as an outline;
- right, the average negative log-likelihood in nats against :math:`T`, with
  a marker at the current temperature.

:func:`draw_temperature` draws a state (the static figure),
:func:`set_temperature` moves it to another temperature by changing the
artists' data, and :func:`temperature_widget` wires a slider to it.
"""

from dataclasses import dataclass

import numpy as np
from scipy import special

from coursekit._validation import check_scalar
from coursekit._validation_probability import check_logits, check_targets
from coursekit.losses import cross_entropy_loss
from coursekit.calibration import expected_calibration_error, reliability_curve, top_label_confidence
from coursekit.figures.style import INK, PALETTE

__all__ = [
    "TopLabel", "top_label_confidence", "TemperatureArtists",
    "draw_temperature", "set_temperature", "temperature_readout", "temperature_widget",
]

#: Colours of the current bars, the reference outline and the NLL curve
#: (the course palette: blue and vermillion; the course grey).
_BAR, _REFERENCE, _CURVE = PALETTE[0], PALETTE[3], INK


def _check_temperature(temperature, name="temperature"):
    return check_scalar(temperature, name, low=0, include=(False, True))


def _check_logits_and_labels(logits, labels):
    z = check_logits(logits)
    if z.ndim != 2:
        raise ValueError(f"logits must have shape (N, K), one row per prediction; got shape {z.shape}.")
    kind, y = check_targets(labels, z.shape, name="labels")
    if kind != "labels":
        raise ValueError("labels must be integer class labels, one per row of logits; got probability rows.")
    return z, y


@dataclass
class TemperatureArtists:
    """What :func:`draw_temperature` made, and the data :func:`set_temperature` needs."""

    reliability_ax: object
    nll_ax: object
    bars: object  # BarContainer: one bar per bin, height = accuracy in the bin
    counts: list  # one Text per bin: how many predictions fall in it
    marker: object  # Line2D: the current (T, NLL)
    title: object  # Text: the reliability panel's title, naming T
    logits: np.ndarray
    labels: np.ndarray
    n_bins: int


def _bar_heights(logits, labels, temperature, n_bins):
    top = top_label_confidence(logits, labels, temperature)
    curve = reliability_curve(top.correct, top.confidence, n_bins)
    return np.nan_to_num(curve.observed), curve.counts


def _average_nll(logits, labels, temperature):
    """Average NLL (nats) of ``softmax(logits / temperature)``; one value per temperature if it is an array."""
    t = np.asarray(temperature, dtype=float)
    losses = [cross_entropy_loss(logits / value, labels) for value in t.ravel()]
    return np.reshape(losses, t.shape) if t.ndim else losses[0]


def _draw_nll_panel(ax, logits, labels, t_range, reference):
    grid = np.geomspace(t_range[0], t_range[1], 121)
    ax.plot(grid, _average_nll(logits, labels, grid), color=_CURVE, linewidth=2)
    ax.axvline(reference, color=_REFERENCE, linestyle="--", linewidth=1.5, label=f"T = {reference:g} (left: outline)")
    ax.set_xscale("log")
    ticks = [t for t in (0.1, 0.25, 0.5, 1, 2, 4, 10) if t_range[0] <= t <= t_range[1]]
    ax.set_xticks(ticks, [f"{t:g}" for t in ticks])
    ax.minorticks_off()
    ax.set(xlim=t_range, xlabel="temperature T (log scale)", ylabel="average NLL (nats)",
           title="NLL against temperature")
    (marker,) = ax.plot([], [], "o", color=_BAR, markersize=10, zorder=3, label="T in the title (left: bars)")
    ax.legend(loc="upper left")  # one legend for both panels: the colours are shared
    return marker


def draw_temperature(logits, labels, temperature=1.0, reference=1.0, n_bins=10,
                     t_range=(0.25, 4.0), axes=None):
    """Draw the reliability diagram at ``temperature`` and the NLL against T.

    Parameters
    ----------
    logits : array_like, shape (N, K)
        Held-out logits, one row per prediction.
    labels : array_like of int, shape (N,)
        Their true classes.
    temperature : float, default 1.0
        The temperature whose bars are filled and whose NLL is marked.
    reference : float, default 1.0
        The temperature drawn as an outline ("before") and a dashed line.
    n_bins : int, default 10
        Equal-width confidence bins of [0, 1].
    t_range : (float, float), default (0.25, 4.0)
        The temperatures of the NLL curve (log scale).
    axes : pair of Axes, optional
        Where to draw; a new 9.3 x 4.2 inch figure (930 x 420 px) by default.

    Returns
    -------
    TemperatureArtists

    Examples
    --------
    >>> art = draw_temperature([[3.0, 0.0], [0.0, 3.0], [3.0, 0.0]], [0, 0, 0], n_bins=2)
    >>> [bar.get_height() for bar in art.bars], [t.get_text() for t in art.counts]
    ([0.0, 0.6666666666666666], ['0', '3'])
    >>> round(float(art.marker.get_ydata()[0]), 4)
    1.0486
    """
    z, y = _check_logits_and_labels(logits, labels)
    temperature, reference = _check_temperature(temperature), _check_temperature(reference, "reference")
    n_bins = check_scalar(n_bins, "n_bins", "integer", low=1)
    low, high = (_check_temperature(t, "t_range") for t in t_range)
    if not low < reference < high:
        raise ValueError(f"reference must lie inside t_range {t_range}; got {reference!r}.")
    if axes is None:
        import matplotlib.pyplot as plt

        axes = plt.subplots(1, 2, figsize=(9.3, 4.2), width_ratios=(1, 1.15))[1]
    rel_ax, nll_ax = axes
    edges = np.linspace(0, 1, n_bins + 1)
    rel_ax.plot([0, 1], [0, 1], "--", color=INK, linewidth=1.5)  # calibrated: accuracy = confidence
    before, _ = _bar_heights(z, y, reference, n_bins)
    rel_ax.stairs(before, edges, color=_REFERENCE, linewidth=2)
    bars = rel_ax.bar(edges[:-1], np.zeros(n_bins), width=1 / n_bins, align="edge",
                      color=_BAR, alpha=0.55, edgecolor="white")
    counts = [rel_ax.text((k + 0.5) / n_bins, 0.02, "", ha="center", va="bottom", rotation=90)
              for k in range(n_bins)]
    rel_ax.set(xlim=(0, 1), ylim=(0, 1.02), xlabel="confidence (top-class probability)",
               ylabel="accuracy in the bin")
    title = rel_ax.set_title("")
    marker = _draw_nll_panel(nll_ax, z, y, (low, high), reference)
    artists = TemperatureArtists(rel_ax, nll_ax, bars, counts, marker, title, z, y, n_bins)
    set_temperature(artists, temperature)
    return artists


def set_temperature(artists, temperature):
    """Move the figure of :func:`draw_temperature` to ``temperature``; return the NLL in nats there.

    Examples
    --------
    >>> art = draw_temperature([[2.0, 0.0], [0.0, 1.0]], [0, 0], n_bins=2)
    >>> round(set_temperature(art, 2.0), 4), art.title.get_text()
    (0.6437, 'Reliability at T = 2.00')
    """
    temperature = _check_temperature(temperature)
    heights, counts = _bar_heights(artists.logits, artists.labels, temperature, artists.n_bins)
    for bar, height in zip(artists.bars, heights):
        bar.set_height(float(height))
    for text, count in zip(artists.counts, counts):
        text.set_text(f"{count}")
    nll = float(_average_nll(artists.logits, artists.labels, temperature))
    artists.marker.set_data([temperature], [nll])
    artists.title.set_text(f"Reliability at T = {temperature:.2f}")
    return nll


def temperature_readout(logits, labels, temperature, n_bins=10):
    """One line: the NLL (nats), ECE and accuracy of ``softmax(logits / temperature)``.

    Examples
    --------
    >>> temperature_readout([[2.0, 0.0], [0.0, 1.0]], [0, 0], 1.0, n_bins=2)
    'T = 1.00: NLL 0.7201 nats, ECE 0.306, accuracy 0.500'
    """
    z, y = _check_logits_and_labels(logits, labels)
    temperature = _check_temperature(temperature)
    top = top_label_confidence(z, y, temperature)
    ece = expected_calibration_error(top.correct, top.confidence, n_bins)
    nll = float(_average_nll(z, y, temperature))
    return f"T = {temperature:.2f}: NLL {nll:.4f} nats, ECE {ece:.3f}, accuracy {top.correct.mean():.3f}"


def temperature_widget(logits, labels, temperature=1.0, n_bins=10, t_range=(0.25, 4.0)):
    """A temperature slider over :func:`draw_temperature`, with :func:`temperature_readout` above it.

    Returns
    -------
    ipywidgets.VBox
        See :func:`coursekit.figures.live.live_figure`.

    Examples
    --------
    >>> box = temperature_widget([[2.0, 0.0], [0.0, 1.0]], [0, 0], n_bins=2)
    >>> box.children[1].value
    'T = 1.00: NLL 0.7201 nats, ECE 0.306, accuracy 0.500'
    """
    import math

    from coursekit.figures.live import live_figure, slider

    artists = draw_temperature(logits, labels, temperature, n_bins=n_bins, t_range=t_range)
    z, y = artists.logits, artists.labels

    def update(temperature):
        set_temperature(artists, temperature)
        return temperature_readout(z, y, temperature, n_bins)

    low, high = (math.log10(t) for t in t_range)
    control = slider("temperature T", temperature, low, high, (high - low) / 60, log=True, readout_format=".2f")
    return live_figure(artists.reliability_ax.figure, {"temperature": control}, update)
