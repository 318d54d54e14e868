"""coursekit.figures.live."""


def _pixels(png):
    import io

    import matplotlib.image as mimage

    return mimage.imread(io.BytesIO(png))


def test_live_figure_blits_only_the_moving_artists_and_matches_a_full_draw():
    import ipywidgets as widgets
    import matplotlib.pyplot as plt
    import numpy as np

    from coursekit.figures import live as ckw
    from coursekit.figures import figure_to_png

    fig, ax = plt.subplots()
    x = np.linspace(0, 1, 50)
    ax.plot(x, x**2)
    (marker,) = ax.plot([0.5], [0.25], "o")
    title = ax.set_title("x = 0.50")
    draws = []

    def update(x0):
        marker.set_data([x0], [x0**2])
        title.set_text(f"x = {x0:.2f}")
        return f"x = {x0:.2f}"

    control = widgets.FloatSlider(value=0.5, min=0.0, max=1.0)
    box = ckw.live_figure(fig, {"x0": control}, update)
    original = ckw.Renderer._draw_background
    ckw.Renderer._draw_background = lambda self, moving: (draws.append(len(moving)), original(self, moving))
    try:
        control.value = 0.9  # the title's text changes for the first time: learnt now
        learnt = list(draws)
        control.value = 0.1
        control.value = 0.7
        control.value = 0.1
    finally:
        ckw.Renderer._draw_background = original
    assert learnt == [2]  # the marker (already learnt when built) and the title
    assert draws == learnt  # later moves only redraw the two moving artists
    blitted = _pixels(box.children[2].value)
    full = _pixels(figure_to_png(box.figure))
    assert blitted.shape == full.shape
    assert np.mean(np.any(np.abs(blitted - full) > 1 / 255, axis=-1)) < 0.002
    assert box.children[1].value == "x = 0.10"


def test_live_figure_redraws_everything_when_limits_change():
    import ipywidgets as widgets
    import matplotlib.pyplot as plt
    import numpy as np

    from coursekit.figures import live as ckw
    from coursekit.figures import figure_to_png

    fig, ax = plt.subplots()
    (line,) = ax.plot([0, 1], [0, 1])

    def update(top):
        ax.set_ylim(0, top)
        return f"top = {top:.1f}"

    control = widgets.FloatSlider(value=1.0, min=0.5, max=4.0)
    box = ckw.live_figure(fig, {"top": control}, update)
    control.value = 4.0
    blitted = _pixels(box.children[2].value)
    full = _pixels(figure_to_png(box.figure))
    assert np.array_equal(blitted, full)

