"""Interactive figures: controls, a readout line and a figure that follows them.

Every widget in the course has the same shape. A pure ``draw_*`` function draws
a state on an ``ax`` (the static figure a lecture shows first, testable without
a browser) and returns the artists it made; a ``*_widget`` wrapper builds the
figure once and hands an ``update`` function to :func:`live_figure`, which
changes those artists' data on every move of a control and re-renders the PNG.
The box has the DOM class ``coursekit-widget``, the readout
``coursekit-readout`` and the image ``coursekit-figure``, which the browser
tests look for.
"""

from coursekit.plotting import figure_to_png


def live_figure(fig, controls, update):
    """Wire ``controls`` to ``update`` and to a rendered copy of ``fig``.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        Built once; ``update`` changes its artists in place.
    controls : dict of str to ipywidgets.ValueWidget
        Named controls; their values are passed to ``update`` by name.
    update : callable
        ``update(**values)`` changes the figure's artists and returns the
        readout text (HTML).

    Returns
    -------
    ipywidgets.VBox
        The controls, the readout and the figure, ready to display.
    """
    import ipywidgets as widgets
    import matplotlib.pyplot as plt

    readout = widgets.HTML()
    readout.add_class("coursekit-readout")
    image = widgets.Image(format="png", layout=widgets.Layout(max_width="100%"))
    image.add_class("coursekit-figure")

    def refresh(change=None):
        readout.value = update(**{name: control.value for name, control in controls.items()})
        image.value = figure_to_png(fig)

    for control in controls.values():
        control.observe(refresh, names="value")
    refresh()
    plt.close(fig)  # shown through the Image widget only, not a second time inline
    box = widgets.VBox([widgets.HBox(list(controls.values())), readout, image])
    box.add_class("coursekit-widget")
    box.refresh = refresh  # lets tests and benchmarks drive one update directly
    return box


def slider(description, value, min, max, step, log=False, readout_format=".3f"):
    """A float slider that reacts continuously and is wide enough to use on a projector."""
    import ipywidgets as widgets

    cls = widgets.FloatLogSlider if log else widgets.FloatSlider
    kwargs = dict(value=value, min=min, max=max, step=step, description=description,
                  readout_format=readout_format, continuous_update=True,
                  style={"description_width": "initial"},
                  layout=widgets.Layout(width="420px"))
    if log:
        kwargs["base"] = 10
    return cls(**kwargs)
