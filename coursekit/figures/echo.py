"""Start here (lecture 00): a slider, a readout that repeats it, and a bar as long as its value."""

from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.patches import Rectangle
from matplotlib.text import Annotation

from coursekit._validation import check_scalar
from coursekit.figures.style import PALETTE, get_ax


@dataclass
class EchoBar:
    """What :func:`draw_echo` drew: the bar and its value label (moved by :func:`set_echo`)."""

    ax: Axes
    bar: Rectangle
    label: Annotation


def set_echo(drawn, value):
    """Set the bar of an :class:`EchoBar` to ``value`` (in [0, 1]); return the label text.

    Examples
    --------
    >>> drawn = draw_echo(0.5)
    >>> set_echo(drawn, 0.75)
    '0.75'
    >>> drawn.bar.get_width()
    0.75
    """
    value = check_scalar(value, "value", low=0, high=1)
    drawn.bar.set_width(value)
    drawn.label.xy = (value, 0.0)
    drawn.label.set_text(f"{value:.2f}")
    return drawn.label.get_text()


def draw_echo(value, ax=None):
    """Draw one horizontal bar as long as ``value``: the start-here widget check.

    Parameters
    ----------
    value : float
        In [0, 1].
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when None.

    Returns
    -------
    EchoBar
        The axes, the bar and the value label; :func:`set_echo` moves them.

    Examples
    --------
    >>> drawn = draw_echo(0.3)
    >>> drawn.bar.get_width(), drawn.label.get_text()
    (0.3, '0.30')
    """
    value = check_scalar(value, "value", low=0, high=1)
    ax = get_ax(ax)
    bar = ax.barh([0], [0.0], height=0.5, color=PALETTE[0])[0]
    label = ax.annotate("", (0.0, 0.0), textcoords="offset points", xytext=(6, 0), va="center")
    ax.set_xlim(0.0, 1.15)
    ax.set_ylim(-1.0, 1.0)
    ax.set_yticks([])
    ax.grid(False, axis="y")
    ax.set_xlabel("slider value")
    ax.set_title("Widget check: the bar follows the slider")
    drawn = EchoBar(ax, bar, label)
    set_echo(drawn, value)
    return drawn


def echo_widget(value=0.5):
    """A slider, a readout that repeats its value, and a bar as long as the value.

    The start-here notebook uses it to check that widgets work: when you move
    the slider, the readout and the bar must follow.

    Parameters
    ----------
    value : float, default 0.5
        Starting value, in [0, 1].

    Returns
    -------
    ipywidgets.VBox
        See :func:`coursekit.figures.live.live_figure`.

    Raises
    ------
    TypeError, ValueError
        If ``value`` is not a number in [0, 1].

    Examples
    --------
    >>> box = echo_widget(0.5)
    >>> box.children[1].value
    'The slider reads 0.50.'
    >>> box.controls["value"].value = 0.8
    >>> box.children[1].value
    'The slider reads 0.80.'
    """
    import matplotlib.pyplot as plt

    from coursekit.figures.live import live_figure, slider

    value = check_scalar(value, "value", low=0, high=1)
    fig, ax = plt.subplots()
    drawn = draw_echo(value, ax=ax)

    def update(value):
        return f"The slider reads {set_echo(drawn, value)}."

    controls = {"value": slider("value", value, 0.0, 1.0, 0.02, readout_format=".2f")}
    return live_figure(fig, controls, update)
