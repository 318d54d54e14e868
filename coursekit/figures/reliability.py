"""Lecture 06: reliability diagrams, with the number of predictions in each bin."""

from coursekit._validation import check_scalar
from coursekit.figures.style import INK, get_ax

#: A bin holding fewer predictions than this is drawn as a hollow marker, not joined:
#: the frequency of one prediction is 0 or 1, which says nothing about calibration.
MIN_JOINED = 2

#: Where each model's bin counts go, in points from its markers: the first
#: model's above and left, the second's below and right, and so on.
COUNT_OFFSETS = [(-6, 8, "right", "bottom"), (6, -8, "left", "top")]


def _count_labels(ax, x, y, counts, color, index):
    dx, dy, ha, va = COUNT_OFFSETS[index % len(COUNT_OFFSETS)]
    return [ax.annotate(f"{n}", (xi, yi), textcoords="offset points", xytext=(dx, dy), ha=ha, va=va,
                        color=color, gid="bin-count")
            for xi, yi, n in zip(x, y, counts)]


def draw_reliability(y_true, p_pred, n_bins=10, ax=None, label=None, color=None, marker="o"):
    """Draw a reliability diagram: observed frequency of class 1 against mean predicted probability.

    One marker per non-empty bin of :func:`coursekit.calibration.reliability_curve`,
    labelled with the number of predictions it holds, over the dashed
    diagonal of perfect calibration (drawn once per axes). Bins holding at
    least ``MIN_JOINED`` predictions are joined by a line; a bin holding one
    is a hollow marker on its own. Call it once per model to compare models
    on one ``ax``; each model's counts sit on its own side of its markers.

    Parameters
    ----------
    y_true, p_pred : array_like
        Labels 0 or 1 and predicted probabilities of class 1.
    n_bins : int, default 10
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when None.
    label, color, marker
        The model's legend entry, colour and marker.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> ax = draw_reliability([0, 0, 1, 1], [0.1, 0.3, 0.6, 0.8], n_bins=2, label="model")
    >>> ax = draw_reliability([0, 1], [0.4, 0.9], n_bins=2, ax=ax, label="other")
    >>> [line.get_label() for line in ax.lines]
    ['perfectly calibrated', 'model', 'other']
    >>> ax.lines[1].get_xydata().round(2).tolist()
    [[0.2, 0.0], [0.7, 1.0]]
    >>> [t.get_text() for t in ax.texts if t.get_gid() == "bin-count"]
    ['2', '2', '1', '1']
    """
    from coursekit.calibration import reliability_curve

    n_bins = check_scalar(n_bins, "n_bins", "integer", low=1)
    curve = reliability_curve(y_true, p_pred, n_bins)
    ax = get_ax(ax)
    if not any(line.get_gid() == "diagonal" for line in ax.lines):
        ax.plot([0, 1], [0, 1], "--", color=INK, linewidth=1.5, label="perfectly calibrated", gid="diagonal")
    index = sum(line.get_gid() == "reliability" for line in ax.lines)
    filled = curve.counts > 0
    joined = curve.counts >= MIN_JOINED
    (line,) = ax.plot(curve.mean_predicted[joined], curve.observed[joined], marker=marker, color=color,
                      label=label, gid="reliability")
    color = line.get_color()
    alone = filled & ~joined
    if alone.any():
        ax.scatter(curve.mean_predicted[alone], curve.observed[alone], marker=marker, s=64,
                   facecolors="none", edgecolors=color, linewidths=2, zorder=3)
    _count_labels(ax, curve.mean_predicted[filled], curve.observed[filled], curve.counts[filled],
                  color, index)
    ax.set_xlim(0, 1)
    ax.set_ylim(-0.02, 1.02)
    ax.set_xlabel("mean predicted probability of class 1")
    ax.set_ylabel("observed frequency of class 1")
    ax.set_aspect("equal")
    return ax
