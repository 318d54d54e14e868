"""The course's one figure style: palette, sizes, colours that read in both themes.

Every lecture calls :func:`use_style` in its first code cell; every helper in
:mod:`coursekit.figures` takes its sizes and colours from here, so the course
style is set in this one place.

Sizes. Figures are drawn at ``DPI`` = 100 pixels per inch and shown at that
size, so a font of ``s`` points is ``s * 100 / 72`` pixels on screen. Body text
on a 1280x720 slide is 22 px, so the smallest figure text is 16 pt (22.2 px).

Colours. The figure and axes backgrounds are transparent, so a figure sits on
JupyterLab's light theme (white) and on its dark theme (#111111) alike. Text,
ticks and spines use one grey, ``INK`` = #797979, chosen for the best WCAG
contrast ratio against both backgrounds at once: 4.35:1 on white and 4.34:1 on
#111111 (no single colour does better on both: a lighter grey loses on white,
a darker one on #111111). That is above the 3:1 WCAG asks of large text, and
every figure text is at least 22 px. ``tests/figures/test_style.py`` checks
these ratios.
"""

import functools
import re

import matplotlib
from matplotlib.scale import LogScale, register_scale
from matplotlib.ticker import LogFormatterSciNotation

#: Pixels per inch of every figure; images are shown at the size drawn.
DPI = 100

#: Smallest figure text, in points: 16 pt is 22.2 px at ``DPI``, the body text of a slide.
FONT_SIZE = 16

#: Titles, in points.
TITLE_SIZE = 18

#: Text, ticks and spines: the grey of best contrast on both white and #111111 (see above).
INK = "#797979"

#: Okabe and Ito's colour-blind-safe palette (blue, orange, green, vermillion,
#: reddish purple, sky blue, yellow), then ``INK`` in place of their black,
#: which disappears on a dark background.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", INK]

#: matplotlib settings for a projector and for both JupyterLab themes.
STYLE = {
    "figure.figsize": (8.0, 4.5),
    "figure.dpi": DPI,
    "savefig.dpi": DPI,
    "figure.constrained_layout.use": False,
    "figure.hooks": ["coursekit.figures.layout:use_course_layout"],  # margins measured, not solved
    "figure.facecolor": "none",
    "axes.facecolor": "none",
    "savefig.facecolor": "none",
    "font.size": FONT_SIZE,
    "axes.titlesize": TITLE_SIZE,
    "figure.titlesize": TITLE_SIZE,
    "axes.labelsize": FONT_SIZE,
    "xtick.labelsize": FONT_SIZE,
    "ytick.labelsize": FONT_SIZE,
    "legend.fontsize": FONT_SIZE,
    "legend.title_fontsize": FONT_SIZE,
    "text.color": INK,
    "axes.labelcolor": INK,
    "axes.titlecolor": INK,
    "axes.edgecolor": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "legend.edgecolor": INK,
    "legend.facecolor": "none",
    "grid.color": INK,
    "grid.alpha": 0.3,
    "lines.linewidth": 2.5,
    "lines.markersize": 8,
    "axes.grid": True,
    "axes.axisbelow": True,  # grid behind bars, so a blitted bar looks as in a full draw
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
    "image.cmap": "viridis",
    "svg.hashsalt": "coursekit",
}

#: What the notebook's inline backend passes when it turns a figure into PNG:
#: light zlib compression (level 1 instead of 6: the PNG is only shown, so speed
#: beats size) and no ``bbox_inches="tight"``, whose extra layout pass costs
#: about a third of a render while the course layout already sets the margins.
INLINE_PRINT_KWARGS = {"bbox_inches": None, "pil_kwargs": {"compress_level": 1}}


_SUPERSCRIPT = str.maketrans("-−0123456789", "⁻⁻⁰¹²³⁴⁵⁶⁷⁸⁹")
_MATH_POWER = re.compile(r"^\$\\mathdefault\{(?:(?P<sign>[-−]?)(?P<coeff>[0-9.]+)\\times)?"
                         r"(?P<base>[0-9.]+)\^\{(?P<exp>[-−]?[0-9]+)\}\}\$$")


def plain_power(label):
    r"""A log-axis tick label such as ``$\mathdefault{2\times10^{-3}}$`` as plain text, ``2×10⁻³``.

    Matplotlib's log axes label their ticks in mathtext, and a mathtext label
    is parsed again on every new figure: about a third of the time of drawing
    a figure with a log axis here. Unicode superscripts look the same and cost
    nothing. Any other label is returned unchanged.

    Examples
    --------
    >>> plain_power(r"$\mathdefault{10^{-3}}$"), plain_power(r"$\mathdefault{2\times10^{1}}$")
    ('10⁻³', '2×10¹')
    >>> plain_power("0.5")
    '0.5'
    """
    match = _MATH_POWER.match(label)
    if match is None:
        return label
    coeff = f"{match['sign']}{match['coeff']}×" if match["coeff"] else ""
    return f"{coeff}{match['base']}{match['exp'].translate(_SUPERSCRIPT)}"


class PlainLogFormatter(LogFormatterSciNotation):
    """matplotlib's log-axis formatter, writing powers with Unicode superscripts (see :func:`plain_power`)."""

    def __call__(self, x, pos=None):
        return plain_power(super().__call__(x, pos))


class PlainLogScale(LogScale):
    """The ``"log"`` scale with :class:`PlainLogFormatter` labels; :func:`use_style` registers it."""

    def __init__(self, *args, **kwargs):
        # No named *axis*: matplotlib 3.11 then stops passing it (its pending deprecation),
        # while older versions pass it positionally and LogScale takes it.
        super().__init__(*args, **kwargs)

    def set_default_locators_and_formatters(self, axis):
        super().set_default_locators_and_formatters(axis)
        axis.set_major_formatter(PlainLogFormatter(self.base))
        axis.set_minor_formatter(PlainLogFormatter(self.base, labelOnlyBase=self.subs is not None))


def use_style():
    """Apply the course style to matplotlib (call once, in a notebook's first cell).

    In a notebook it also makes the inline backend encode figures quickly
    (see ``INLINE_PRINT_KWARGS``).

    Examples
    --------
    >>> use_style()
    >>> import matplotlib.pyplot as plt
    >>> plt.rcParams["font.size"], plt.rcParams["figure.facecolor"]
    (16.0, 'none')
    """
    import matplotlib.pyplot as plt  # activates the notebook backend first, so ours wins

    plt.rcParams.update(STYLE)
    register_scale(PlainLogScale)  # "log" axes label 10⁻³ in plain text, not mathtext
    _speed_up_inline_backend()


def _speed_up_inline_backend():
    """Set the inline backend's PNG options, when running in a kernel that uses it."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython ships with every course environment
        return
    if get_ipython() is None or "inline" not in matplotlib.get_backend():
        return
    from matplotlib.figure import Figure
    from matplotlib_inline.backend_inline import set_matplotlib_formats

    set_matplotlib_formats("png", **INLINE_PRINT_KWARGS)
    png = get_ipython().display_formatter.formatters["image/png"]
    png.for_type(Figure, functools.partial(_print_drawn_once, png.lookup_by_type(Figure)))


def _print_drawn_once(print_png, fig):
    """``print_png(fig)``, with the course layout run first and left out of the print itself.

    matplotlib prints a figure that has a layout engine by drawing it twice,
    once without pixels to lay it out. The course layout
    (:class:`~coursekit.figures.layout.CourseLayout`) measures without
    drawing, so it runs here and the figure is printed without an engine, in
    one draw; the engine is put back afterwards.
    """
    from coursekit.figures.layout import CourseLayout

    engine = fig.get_layout_engine()
    plain = not (matplotlib.rcParams["figure.autolayout"]
                 or matplotlib.rcParams["figure.constrained_layout.use"])
    if not (isinstance(engine, CourseLayout) and plain):
        return print_png(fig)
    engine.execute(fig)
    fig.set_layout_engine(None)  # with neither rcParam set, this means no engine at all
    try:
        return print_png(fig)
    finally:
        fig.set_layout_engine(engine)


def get_ax(ax=None, **subplots_kw):
    """Return ``ax``, or the axes of a new figure when ``ax`` is None.

    Examples
    --------
    >>> ax = get_ax()
    >>> get_ax(ax) is ax
    True
    """
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    return plt.subplots(**subplots_kw)[1]
