"""The wiring of every live figure: controls, a readout line and a PNG that follows them.

Every widget in the course has the same shape. A pure ``draw_*`` function
draws a state on an ``ax`` (the static figure a lecture shows first, testable
without a browser) and returns the artists it made; a ``*_widget`` wrapper
builds the figure once and hands an ``update`` function to :func:`live_figure`,
which changes those artists' data on every move of a control and re-renders
the PNG, redrawing only the artists that moved over a cached background
(:class:`Renderer`).

The box has the DOM class ``coursekit-widget``, the readout
``coursekit-readout`` and the image ``coursekit-figure``, which the browser
tests look for. Each slider's value is shown in a plain label next to it
(``coursekit-value``), not in the slider's own readout, which ipywidgets 8
makes an editable field that Tab lands on.
"""

import io
import math

import ipywidgets as widgets
import numpy as np
import traitlets

#: The DOM classes the browser tests look for.
BOX_CLASS, READOUT_CLASS, FIGURE_CLASS, VALUE_CLASS = (
    "coursekit-widget", "coursekit-readout", "coursekit-figure", "coursekit-value")

#: Width of a slider, wide enough to use on a projector.
SLIDER_WIDTH = "420px"


def rgba_to_png(pixels):
    """Compress an (height, width, 4) array of RGBA bytes to PNG, lightly (zlib level 1).

    The picture is only ever shown on a screen, so speed beats size; no
    timestamps or version go in, so the bytes are stable.

    Examples
    --------
    >>> rgba_to_png(np.zeros((2, 3, 4), dtype=np.uint8))[:8]
    b'\\x89PNG\\r\\n\\x1a\\n'
    """
    from PIL import Image

    buffer = io.BytesIO()
    Image.fromarray(pixels).save(buffer, format="png", compress_level=1)
    return buffer.getvalue()


def figure_to_png(fig):
    """Render ``fig`` to PNG bytes with Agg (a full draw; see :func:`rgba_to_png`)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = fig.canvas if hasattr(fig.canvas, "buffer_rgba") else FigureCanvasAgg(fig)
    canvas.draw()
    return rgba_to_png(np.asarray(canvas.buffer_rgba()))


class Renderer:
    """Render a figure to PNG again and again, redrawing only what moved.

    The first render draws everything and fixes the layout (after
    :meth:`settle`, it also learns which artists move). After that, the
    artists an update changed are the ones matplotlib marks stale; they are
    drawn over a cached background (the figure drawn without them), which is
    matplotlib's blitting. The moving artists are left out of the background
    by marking them *animated*, matplotlib's own switch for blitting, and not
    by hiding them: a hidden title is placed off the figure by the next draw.
    When something else changes (an axes' limits, a new set of moving
    artists), the background is drawn again.
    """

    def __init__(self, fig):
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        self.fig = fig
        self.canvas = fig.canvas if hasattr(fig.canvas, "copy_from_bbox") else FigureCanvasAgg(fig)
        self.moving = []
        self.background = None
        self.limits = None

    def _leaves(self):
        """The artists a draw would paint (a stale hidden one is no change)."""
        from matplotlib.axis import Axis
        from matplotlib.spines import Spine
        from matplotlib.text import Text

        for ax in self.fig.axes:
            for artist in ax.get_children():
                if not artist.get_visible() or (isinstance(artist, Text) and not artist.get_text()):
                    continue
                if ax.axison or not isinstance(artist, (Axis, Spine)):
                    yield artist
        yield from (text for text in self.fig.texts if text.get_visible())

    def _limits(self):
        return [tuple(ax.viewLim.bounds) for ax in self.fig.axes]

    def _draw_background(self, moving):
        for artist in moving:
            artist.set_animated(True)
        try:
            self.canvas.draw()
        finally:
            for artist in moving:
                artist.set_animated(False)
        self.background = self.canvas.copy_from_bbox(self.fig.bbox)
        self.moving = sorted(moving, key=lambda a: a.get_zorder())

    def settle(self):
        """Count the figure as drawn as it is now, without drawing it.

        The artists the next update changes are then the only stale ones, so
        the first :meth:`render` both draws the figure and learns which
        artists move: one full draw where learning would otherwise take two.
        """
        for artist in self._leaves():
            artist.stale = False
        self.limits = self._limits()

    def render(self):
        """PNG bytes of the figure as it is now."""
        from matplotlib.axis import Axis

        stale = [a for a in self._leaves() if a.stale]
        limits = self._limits()
        if limits != self.limits or any(isinstance(a, Axis) for a in stale):
            self._draw_background([])  # everything is background: a plain full draw
            self.limits = limits
        elif self.background is None or not set(stale) <= set(self.moving):
            self._draw_background(set(self.moving) | set(stale))
        if self.moving:
            self.canvas.restore_region(self.background)
            renderer = self.canvas.get_renderer()
            for artist in self.moving:
                artist.draw(renderer)
        return rgba_to_png(np.asarray(self.canvas.buffer_rgba()))


def live_figure(fig, controls, update):
    """Wire ``controls`` to ``update`` and to a rendered copy of ``fig``.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        Built once; ``update`` changes its artists in place.
    controls : dict of str to ipywidgets.ValueWidget
        Named controls; their values are passed to ``update`` by name. A
        slider made by :func:`slider` or :func:`int_slider` gets a label
        next to it showing its value.
    update : callable
        ``update(**values)`` changes the figure's artists and returns the
        readout text (HTML).

    Returns
    -------
    ipywidgets.VBox
        The controls, the readout and the figure, ready to display. The image
        is as wide as the PNG, so the figure is shown at the size it was drawn.
    """
    import matplotlib.pyplot as plt

    readout = widgets.HTML()
    readout.add_class(READOUT_CLASS)
    image = widgets.Image(format="png", layout=widgets.Layout(max_width="100%"))
    image.add_class(FIGURE_CLASS)
    values = {name: _value_label(control) for name, control in controls.items()}
    renderer = Renderer(fig)

    def state():
        return {name: control.value for name, control in controls.items()}

    def refresh(change=None):
        readout.value = update(**state())
        for name, label in values.items():
            if label is not None:
                label.value = format(controls[name].value, controls[name].value_format)
        image.value = renderer.render()

    for control in controls.values():
        control.observe(refresh, names="value")
    update(**state())  # the starting state
    renderer.settle()
    refresh()  # the same state again marks the artists that move: one draw lays out and caches the rest
    _freeze_layout(fig)
    width, _ = renderer.canvas.get_width_height()
    image.layout.width = f"{width}px"  # shown at the size drawn, never scaled up or down
    plt.close(fig)  # shown through the Image widget only, not a second time inline
    row = []
    for name, control in controls.items():
        row.append(control)
        if values[name] is not None:
            row.append(values[name])
    box = widgets.VBox([widgets.HBox(row), readout, image])
    box.add_class(BOX_CLASS)
    box.controls = dict(controls)  # by name, for tests and benchmarks
    box.refresh = refresh  # lets tests and benchmarks drive one update directly
    box.figure = fig
    return box


def _value_label(control):
    """A plain (not editable, not focusable) label for a slider's value, or None."""
    if getattr(control, "value_format", None) is None:
        return None
    label = widgets.Label(format(control.value, control.value_format))
    label.add_class(VALUE_CLASS)
    return label


def _freeze_layout(fig):
    """Keep every axes where the first render's layout put it.

    A layout engine (the course's :class:`~coursekit.figures.layout.CourseLayout`)
    measures the text again on every draw; an update that only moves artists
    does not need that, and a moved tick label must not shift the axes.
    """
    from matplotlib.layout_engine import PlaceHolderLayoutEngine

    fig.set_layout_engine(PlaceHolderLayoutEngine(adjust_compatible=True, colorbar_gridspec=True))


class _RefusesNaN:
    """Mixin for a slider: a NaN value is refused with a message naming the slider."""

    @traitlets.validate("value")
    def _validate_value(self, proposal):  # the name ipywidgets' own validator has: it is extended
        value = proposal["value"]
        if isinstance(value, float) and math.isnan(value):
            raise ValueError(f"{self.description!r} must be set to a number; got nan.")
        return super()._validate_value(proposal)


class CourseFloatSlider(_RefusesNaN, widgets.FloatSlider):
    """A FloatSlider that refuses NaN (ipywidgets' own accepts it)."""


class CourseFloatLogSlider(_RefusesNaN, widgets.FloatLogSlider):
    """A FloatLogSlider that refuses NaN (ipywidgets' own accepts it)."""


def keyboard_steps(control):
    """How many arrow presses take ``control`` from its minimum to its maximum.

    Examples
    --------
    >>> keyboard_steps(slider("p", 0.5, 0.0, 1.0, 0.02))
    50
    """
    return round((control.max - control.min) / control.step)


def slider(description, value, min, max, step, log=False, readout_format=".3f"):
    """A float slider that reacts continuously and is wide enough to use on a projector.

    ``step`` is also what one arrow key press moves: keep ``(max - min) / step``
    at most 100 so that a press is visible. On a log slider ``min``, ``max``
    and ``step`` are powers of ten: ``step=0.05`` is a twentieth of a decade.
    The value is shown in a separate label (see :func:`live_figure`), in
    ``readout_format``.

    Raises
    ------
    ValueError
        If the step is so small that an arrow press would not be visible
        (more than 100 presses from end to end).

    Examples
    --------
    >>> s = slider("probability p", 0.1, -3.0, 0.0, 0.05, log=True, readout_format=".4f")
    >>> s.readout, keyboard_steps(s), s.value_format
    (False, 60, '.4f')
    """
    from coursekit._validation import check_scalar

    low = check_scalar(min, "min")
    high = check_scalar(max, "max", low=low, include=(False, True))
    step = check_scalar(step, "step", low=0, include=(False, True))
    if (high - low) / step > 100 + 1e-9:
        raise ValueError(f"step must be at least 1/100 of the range so a key press shows; got {step} "
                         f"for [{low}, {high}].")
    cls = CourseFloatLogSlider if log else CourseFloatSlider
    kwargs = dict(value=value, min=low, max=high, step=step, description=description,
                  readout=False, continuous_update=True,
                  style={"description_width": "initial"}, layout=widgets.Layout(width=SLIDER_WIDTH))
    if log:
        kwargs["base"] = 10
    control = cls(**kwargs)
    control.value_format = readout_format
    return control


def int_slider(description, value, min, max):
    """An integer slider in the same style as :func:`slider` (step 1, value in a label).

    Examples
    --------
    >>> int_slider("heads k", 6, 0, 20).readout
    False
    """
    control = widgets.IntSlider(value=value, min=min, max=max, step=1, description=description,
                                readout=False, continuous_update=True,
                                style={"description_width": "initial"},
                                layout=widgets.Layout(width=SLIDER_WIDTH))
    control.value_format = "d"
    return control
