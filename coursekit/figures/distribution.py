"""Any probability vector as bars (lecture 04 draws the softmax output with it)."""

import numpy as np

from coursekit._validation import as_float_array
from coursekit.figures.style import PALETTE, get_ax


def draw_distribution(p, labels=None, ax=None, color=None, title=None, ylabel="probability"):
    """Draw the distribution ``p`` as bars labelled by ``labels``; return ``ax``.

    Examples
    --------
    >>> ax = draw_distribution([0.5, 0.25, 0.25], labels=["a", "b", "c"])
    >>> len(ax.patches)
    3
    """
    p = as_float_array(p, "p")
    if p.ndim != 1:
        raise ValueError(f"p must be one vector (1-D); got shape {p.shape}.")
    ax = get_ax(ax)
    labels = [str(i) for i in range(len(p))] if labels is None else [str(s) for s in labels]
    if len(labels) != len(p):
        raise ValueError(f"labels must have one entry per value ({len(p)}); got {len(labels)}.")
    ax.bar(labels, p, color=color or PALETTE[0])
    ax.set_ylim(0, max(1.0, float(np.max(p)) * 1.1))
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title)
    return ax
