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
    """Render ``fig`` to PNG bytes (no timestamps or version, so the bytes are stable)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
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
