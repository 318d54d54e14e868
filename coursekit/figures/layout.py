"""The course's layout engine: margins measured from the text that is there, no solver.

Matplotlib's constrained layout solves for every axes' tight box, twice, on
every draw; for the course's small figures that costs as much as drawing
them. :class:`CourseLayout` measures the few things that set the margins (the
tick labels a draw will draw, the axis labels and titles, legends and
annotations that stick out of their axes) and places the grid of axes with
:meth:`~matplotlib.figure.Figure.subplots_adjust`, as tight layout does. Every
figure also shares one mathtext parser (:func:`share_mathtext_parser`), so the
maths in a label is parsed once per kernel, not once per figure.

:func:`~coursekit.figures.style.use_style` installs the engine on every figure
pyplot makes (``rcParams["figure.hooks"]``); a figure made with an explicit
``layout="constrained"`` keeps that. ``tests/figures/test_layout.py`` checks
that no helper's figure has text cut off or running into another axes, and
``tests/authoring/test_hygiene.py`` that no stored figure has ink on its border.
"""

from dataclasses import dataclass

import matplotlib
from matplotlib.layout_engine import LayoutEngine

#: Space between the figure's edge, or between neighbouring axes, and any text, in points.
PAD = 4.0


@dataclass
class _Need:
    """How far one axes' text reaches beyond the axes on each side, in pixels."""

    left: float = 0.0
    right: float = 0.0
    bottom: float = 0.0
    top: float = 0.0


class CourseLayout(LayoutEngine):
    """Place a figure's grid of axes so that its text fits, from measured margins.

    Every axes made by ``plt.subplots`` (or ``fig.add_subplot``) sits in one
    grid; its column gets the room its y tick labels and y label need, its row
    the room of its x tick labels, x label and title. Axes outside a grid
    (``fig.add_axes``) are left where they are.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots(figsize=(8, 4.5), layout=CourseLayout())
    >>> _ = ax.set(xlabel="x", ylabel="y", title="t")
    >>> fig.draw_without_rendering()
    >>> bool(0.05 < fig.subplotpars.left < 0.2 and 0.8 < fig.subplotpars.top < 0.95)
    True
    """

    _adjust_compatible = True
    _colorbar_gridspec = True

    def execute(self, fig):
        renderer = _measuring_renderer(fig)
        share_mathtext_parser(renderer)
        # Twice: the ticks depend on the axes' size (a taller axis gets more, finer, wider
        # labels), so the second pass measures the labels the placed axes will draw.
        for _ in range(2):
            self._place(fig, renderer)

    def _place(self, fig, renderer):
        grid = None
        needs = {}
        for ax in fig.axes:
            spec = ax.get_subplotspec() if hasattr(ax, "get_subplotspec") else None
            if spec is None or not ax.get_visible():
                continue
            gridspec = spec.get_topmost_subplotspec().get_gridspec()
            if grid is None:
                grid = gridspec
            elif gridspec is not grid:
                continue  # a second grid (a subfigure, an inset grid): left alone
            rows, cols = spec.rowspan, spec.colspan
            need = _axes_need(ax, renderer)
            for side, index in [("left", cols.start), ("right", cols.stop - 1),
                                ("bottom", rows.stop - 1), ("top", rows.start)]:
                needs[side, index] = max(needs.get((side, index), 0.0), getattr(need, side))
        if grid is None:
            return
        nrows, ncols = grid.get_geometry()
        width, height = fig.bbox.width, fig.bbox.height
        pad = PAD * fig.dpi / 72

        def edge(side, index):
            return needs.get((side, index), 0.0) + pad

        left, right = edge("left", 0), edge("right", ncols - 1)
        top, bottom = edge("top", 0), edge("bottom", nrows - 1)
        gap_x = max((edge("right", i) + edge("left", i + 1) for i in range(ncols - 1)), default=0.0)
        gap_y = max((edge("bottom", i) + edge("top", i + 1) for i in range(nrows - 1)), default=0.0)
        axes_w = (width - left - right - (ncols - 1) * gap_x) / ncols
        axes_h = (height - top - bottom - (nrows - 1) * gap_y) / nrows
        if axes_w <= 0 or axes_h <= 0:
            return  # text larger than the figure: leave it to the figure's own parameters
        # As matplotlib's tight layout does: it moves every axes of the figure, also of one
        # that pyplot no longer holds (closed before it is shown), which GridSpec.update skips.
        fig.subplots_adjust(left=left / width, right=1 - right / width, bottom=bottom / height,
                            top=1 - top / height, wspace=gap_x / axes_w, hspace=gap_y / axes_h)


def _measuring_renderer(fig):
    """A renderer with the text metrics the figure's print will use, got without drawing it."""
    if hasattr(fig.canvas, "get_renderer"):
        return fig.canvas.get_renderer()  # the one constrained layout uses, so metrics are shared
    # A figure closed before it is shown keeps a plain canvas, which matplotlib prints by
    # switching to Agg; Figure._get_renderer would draw the whole figure to find a renderer.
    from matplotlib.backends.backend_agg import RendererAgg

    return RendererAgg(fig.bbox.width, fig.bbox.height, fig.dpi)


def _axes_need(ax, renderer):
    """How far the text of ``ax`` reaches out of the axes box, per side, in pixels."""
    points = ax.figure.dpi / 72
    box = ax.bbox  # where the tick labels are placed from, in pixels
    need = _Need()

    def reach(extent, across=True):
        need.left = max(need.left, box.x0 - extent.x0)
        need.right = max(need.right, extent.x1 - box.x1)
        if across:
            need.bottom = max(need.bottom, box.y0 - extent.y0)
            need.top = max(need.top, extent.y1 - box.y1)

    if ax.axison:
        for axis in (ax.xaxis, ax.yaxis):
            # The ticks a draw would draw (get_ticklabels also lists ticks outside the view).
            for tick in axis._update_ticks():
                for label in (tick.label1, tick.label2):
                    if label.get_visible() and label.get_text():
                        reach(label.get_window_extent(renderer))
        # An axis label sits labelpad points beyond the tick labels (or the ticks).
        for axis, sides in ((ax.xaxis, ("bottom", "top")), (ax.yaxis, ("left", "right"))):
            label = axis.get_label()
            if not (label.get_visible() and label.get_text()):
                continue
            side = sides[0] if axis.get_label_position() in ("bottom", "left") else sides[1]
            tick_room = max(getattr(need, side), _tick_length(axis) * points)
            setattr(need, side, tick_room + axis.labelpad * points + _text_height(label, renderer))
    for title in (ax.title, ax._left_title, ax._right_title):  # set_title(loc="left"|"right")
        if title.get_visible() and title.get_text():
            pad = matplotlib.rcParams["axes.titlepad"] * points
            need.top = max(need.top, pad + _text_height(title, renderer))
            # Its height is placed at draw time, but a wide title's overhang is known now.
            reach(title.get_window_extent(renderer), across=False)
    for artist in [*ax.texts, *([ax.get_legend()] if ax.get_legend() else [])]:
        if artist.get_visible() and artist.get_in_layout():
            reach(artist.get_window_extent(renderer))
    return need


def _tick_length(axis):
    """The major tick length plus its label pad, in points."""
    ticks = axis.get_major_ticks(1)
    return ticks[0].get_tick_padding() + ticks[0].get_pad() if ticks else 0.0


def _text_height(text, renderer):
    """The height of a (possibly rotated) axis label or title across its baseline, in pixels."""
    extent = text.get_window_extent(renderer)
    return extent.width if abs(text.get_rotation() % 180 - 90) < 1 else extent.height


#: One mathtext parser per kind of renderer, shared by every figure (see share_mathtext_parser).
_PARSERS = {}


def share_mathtext_parser(renderer):
    """Give ``renderer`` the mathtext parser that earlier renderers of its kind used.

    Matplotlib keeps a mathtext parser, and the cache of what it parsed, per
    renderer, and every new figure gets a new renderer: each figure parses its
    maths again, 10 to 20 ms a label here (matplotlib issue #20821). The parse
    depends only on the text, font and dpi, which are the cache's key, so one
    parser can serve every figure. A renderer without one is left alone.
    """
    parser = getattr(renderer, "mathtext_parser", None)
    if parser is not None:
        renderer.mathtext_parser = _PARSERS.setdefault(type(renderer), parser)


def use_course_layout(fig):
    """The ``figure.hooks`` entry: give ``fig`` a :class:`CourseLayout` unless it asked for a layout."""
    if fig.get_layout_engine() is None:
        fig.set_layout_engine(CourseLayout())
