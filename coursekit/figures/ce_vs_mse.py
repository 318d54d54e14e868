r"""Lecture 06: cross-entropy against squared error for one sigmoid unit, static and live.

Also the training curves of a model fitted with each loss: cross-entropy is in
nats and squared error has no unit, so each gets its own y axis.
"""

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.text import Text

from coursekit._validation import check_scalar
from coursekit.figures.style import PALETTE, get_ax
from coursekit.activations import sigmoid
from coursekit.training import sigmoid_unit_losses

#: The logit slider's range and step (a fortieth of the range per key press).
Z_RANGE, Z_STEP = (-10.0, 10.0), 0.5
#: The widget's figure: 900 x 450 px, narrower than a notebook's output area, so never shrunk.
WIDGET_FIGSIZE = (9.0, 4.0)
#: How :func:`draw_loss_curves` names the losses of :data:`coursekit.training.LOSSES`.
LOSS_LABELS = {"cross_entropy": "cross-entropy (nats)", "mse": "MSE (no unit)"}


class UnitLosses(NamedTuple):
    """Both losses of one example and their slopes with respect to the logit."""

    ce: float
    ce_grad: float
    mse: float
    mse_grad: float


@dataclass
class CeVsMse:
    """What :func:`draw_ce_vs_mse` drew: for each loss a curve and a marker, for its slope too."""

    axes: tuple
    ce_curve: Line2D
    mse_curve: Line2D
    ce_grad_curve: Line2D
    mse_grad_curve: Line2D
    ce_marker: Line2D
    mse_marker: Line2D
    ce_grad_marker: Line2D
    mse_grad_marker: Line2D
    loss_title: Text
    grad_title: Text
    y: int


def check_label(y):
    """A binary label, 0 or 1, as an int.

    Examples
    --------
    >>> check_label(2)
    Traceback (most recent call last):
    ...
    ValueError: y must be a label, 0 or 1; got 2.
    """
    y = check_scalar(y, "y", "integer")
    if y not in (0, 1):
        raise ValueError(f"y must be a label, 0 or 1; got {y}.")
    return y


def _titles(y):
    return f"Loss of one example, y = {y}", f"Its slope dL/dz, y = {y}"


def set_ce_vs_mse(drawn, z, y):
    """Move the markers of a :class:`CeVsMse` to the logit ``z`` (and the curves to label ``y``).

    Returns
    -------
    UnitLosses
        Both losses and their slopes at ``z``.

    Examples
    --------
    >>> drawn = draw_ce_vs_mse(0.0, y=1)
    >>> [round(v, 4) for v in set_ce_vs_mse(drawn, 0.0, 0)]
    [0.6931, 0.5, 0.25, 0.25]
    >>> drawn.loss_title.get_text()
    'Loss of one example, y = 0'
    """
    z = check_scalar(z, "z")
    y = check_label(y)
    if y != drawn.y:  # the curves depend on the label only
        grid = drawn.ce_curve.get_xdata()
        curves = (drawn.ce_curve, drawn.ce_grad_curve, drawn.mse_curve, drawn.mse_grad_curve)
        for line, values in zip(curves, sigmoid_unit_losses(grid, y)):
            line.set_ydata(values)
        drawn.y = y
    loss_title, grad_title = _titles(y)
    drawn.loss_title.set_text(loss_title)
    drawn.grad_title.set_text(grad_title)
    values = UnitLosses(*(float(v[0]) for v in sigmoid_unit_losses([z], y)))
    for name, value in values._asdict().items():
        getattr(drawn, f"{name}_marker").set_data([z], [value])
    return values


def _draw_pair(ax, grid, curves, colors_labels):
    """Two curves over ``grid`` and two markers (placed later); return the four lines."""
    lines = []
    for curve, (color, label) in zip(curves, colors_labels):
        lines.append(ax.plot(grid, curve, color=color, label=label)[0])
    markers = [ax.plot([], [], "o", color=color, zorder=3)[0] for color, _ in colors_labels]
    ax.set_xlabel("logit z")
    return lines, markers


def draw_ce_vs_mse(z, y=1, axes=None, z_range=Z_RANGE):
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
    CeVsMse
        The curves, markers and titles; :func:`set_ce_vs_mse` moves them.

    Examples
    --------
    >>> drawn = draw_ce_vs_mse(-10.0, y=1)
    >>> [float(v) for v in drawn.ce_grad_marker.get_ydata()]
    [-0.9999546021312976]
    >>> round(float(drawn.mse_grad_marker.get_ydata()[0]), 8)
    -9.079e-05
    """
    import matplotlib.pyplot as plt

    y = check_label(y)
    low = check_scalar(z_range[0], "z_range[0]")
    high = check_scalar(z_range[1], "z_range[1]", low=low, include=(False, True))
    if axes is None:
        axes = plt.subplots(1, 2, figsize=(11.5, 4.5))[1]
    loss_ax, grad_ax = axes
    grid = np.linspace(low, high, 401)
    ce, ce_grad, mse, mse_grad = sigmoid_unit_losses(grid, y)
    names = [(PALETTE[0], "cross-entropy (nats)"), (PALETTE[1], "squared error")]
    (ce_curve, mse_curve), (ce_marker, mse_marker) = _draw_pair(loss_ax, grid, (ce, mse), names)
    (ce_grad_curve, mse_grad_curve), (ce_grad_marker, mse_grad_marker) = _draw_pair(
        grad_ax, grid, (ce_grad, mse_grad), names)
    loss_ax.set_ylabel("loss of one example")
    grad_ax.set_ylabel("slope dL/dz")
    loss_ax.set_ylim(-0.3, max(abs(low), abs(high)) + 0.7)
    grad_ax.set_ylim(-1.1, 1.1)
    loss_ax.legend(loc="upper center")
    loss_title, grad_title = _titles(y)
    drawn = CeVsMse(tuple(axes), ce_curve, mse_curve, ce_grad_curve, mse_grad_curve, ce_marker,
                    mse_marker, ce_grad_marker, mse_grad_marker, loss_ax.set_title(loss_title),
                    grad_ax.set_title(grad_title), y)
    set_ce_vs_mse(drawn, z, y)
    return drawn


def ce_vs_mse_widget(z=-6.0, y=1):
    """Slide the logit of one example; watch cross-entropy and squared error, and their slopes.

    The figure is :func:`draw_ce_vs_mse`, drawn 900 px wide so it is shown at
    that size; a slider moves the logit ``z`` and a toggle switches the label
    ``y``. The readout gives the prediction, both losses and both derivatives
    with respect to ``z``.

    Raises
    ------
    TypeError, ValueError
        If ``z`` is not a number in [-10, 10] or ``y`` is not 0 or 1.

    Examples
    --------
    >>> w = ce_vs_mse_widget(z=-10.0, y=1)
    >>> w.children[1].value
    'ŷ = σ(z) = 0.0000 &nbsp;|&nbsp; CE = 10.0000 nats, dCE/dz = -1.0000 &nbsp;|&nbsp; MSE = 0.9999, dMSE/dz = -9.08e-05'
    """
    import ipywidgets as widgets
    import matplotlib.pyplot as plt

    from coursekit.figures.live import live_figure, slider

    z = check_scalar(z, "z", low=Z_RANGE[0], high=Z_RANGE[1])
    y = check_label(y)
    fig, axes = plt.subplots(1, 2, figsize=WIDGET_FIGSIZE)
    drawn = draw_ce_vs_mse(z, y, axes=axes)
    label = widgets.ToggleButtons(options=[0, 1], value=y, description="label y",
                                  style={"description_width": "initial", "button_width": "48px"})
    controls = {"z": slider("logit z", z, *Z_RANGE, Z_STEP, readout_format=".1f"), "y": label}

    def update(z, y):
        v = set_ce_vs_mse(drawn, z, y)
        p = float(sigmoid(z))
        return (f"ŷ = σ(z) = {p:.4f} &nbsp;|&nbsp; CE = {v.ce:.4f} nats, dCE/dz = {v.ce_grad:.4f}"
                f" &nbsp;|&nbsp; MSE = {v.mse:.4f}, dMSE/dz = {v.mse_grad:.3g}")

    return live_figure(fig, controls, update)


def draw_loss_curves(histories, ax=None, colors=None, title=None):
    """Draw each loss's training curve on its own log y axis: cross-entropy left, MSE right.

    Cross-entropy is in nats and squared error has no unit, so their heights
    are not comparable; a shared axis would invite the comparison. The left
    axis is coloured like the first curve, the right one (a twin) like the second.

    Parameters
    ----------
    histories : mapping of str to sequence of float
        At most two losses, keyed like :data:`coursekit.training.LOSSES`
        (``"cross_entropy"``, ``"mse"``), each one value per gradient step.
    ax : matplotlib.axes.Axes, optional
        Where to draw the first loss; a new figure when None.
    colors : sequence of colours, optional
        One per loss; the palette's first colours by default.
    title : str, optional

    Returns
    -------
    matplotlib.axes.Axes
        ``ax``, the first loss's axes; the second is ``ax.figure.axes[-1]``.

    Examples
    --------
    >>> ax = draw_loss_curves({"cross_entropy": [0.69, 0.3, 0.1], "mse": [0.25, 0.1, 0.02]})
    >>> ax.get_ylabel(), ax.figure.axes[-1].get_ylabel()
    ('cross-entropy (nats), log scale', 'MSE (no unit), log scale')
    """
    if not 1 <= len(histories) <= 2:
        raise ValueError(f"histories must hold one or two losses; got {len(histories)}.")
    ax = get_ax(ax)
    colors = list(colors or PALETTE)
    lines = []
    for i, ((loss, values), color) in enumerate(zip(histories.items(), colors)):
        target = ax if i == 0 else ax.twinx()
        label = LOSS_LABELS.get(loss, loss)
        lines += target.semilogy(np.asarray(values, dtype=float), color=color, label=label)
        target.set_ylabel(f"{label}, log scale", color=color)
        target.tick_params(axis="y", which="both", colors=color)
        if i == 1:
            target.grid(False)
            target.spines["right"].set_visible(True)
    ax.set_xlabel("gradient step")
    if title:
        ax.set_title(title)
    ax.legend(lines, [line.get_label() for line in lines], loc="upper right")
    return ax
