"""coursekit.figures.layout: measured margins that fit, drawn once, maths parsed once."""

import functools

import numpy as np
import pytest


@pytest.fixture(autouse=True)
def course_style():
    """Every test here runs in the course style, as every lecture does, and leaves rcParams as found."""
    import matplotlib

    from coursekit.figures import use_style

    with matplotlib.rc_context():
        use_style()
        yield


def _helper_figures():
    """One figure from every ``draw_*`` helper and every widget, by name."""
    from coursekit import figures

    rng = np.random.default_rng(0)
    logits, labels = 2.0 * rng.normal(size=(200, 10)), rng.integers(0, 10, size=200)
    examples = {"coin": 1 / 2, "die": 1 / 6, "an ace": 4 / 52, "ace of spades": 1 / 52}
    calls = {
        "draw_echo": lambda: figures.draw_echo(0.5),
        "draw_surprisal": lambda: figures.draw_surprisal(p=0.1, examples=examples),
        "draw_surprisal log": lambda: figures.draw_surprisal(p=0.1, examples=examples, log_x=True),
        "draw_entropy_bars": lambda: figures.draw_entropy_bars([0.5, 0.25, 0.125, 0.125]),
        "draw_code_tree": lambda: figures.draw_code_tree({"a": "0", "b": "10", "c": "11"}),
        "draw_cross_entropy_bars": lambda: figures.draw_cross_entropy_bars([0.8, 0.2], [0.3, 0.7]),
        "draw_distribution": lambda: figures.draw_distribution([0.1, 0.2, 0.7], ["cat", "dog", "owl"]),
        "draw_softmax_loss_bars": lambda: figures.draw_softmax_loss_bars([1.0, 3.0, 0.5], 1),
        "draw_coin_nll": lambda: figures.draw_coin_nll(6, 20, 0.5),
        "draw_ce_vs_mse": lambda: figures.draw_ce_vs_mse(-6.0, y=1),
        "draw_loss_curves": lambda: figures.draw_loss_curves(
            {"cross_entropy": np.geomspace(1, 0.01, 50), "mse": np.geomspace(0.3, 0.02, 50)},
            title="Training loss"),
        "draw_reliability": lambda: figures.draw_reliability(rng.integers(0, 2, 100), rng.random(100),
                                                             label="a model"),
        "draw_temperature": lambda: figures.draw_temperature(logits, labels, temperature=1.5),
    }
    for name in figures.__all__:
        if name.endswith("_widget"):
            data = (logits, labels) if name == "temperature_widget" else ()
            calls[name] = functools.partial(lambda make, data: make(*data).figure,
                                            getattr(figures, name), data)
    return calls


HELPERS = _helper_figures()


def _figure_of(made):
    import matplotlib.pyplot as plt

    return made if hasattr(made, "savefig") else plt.gcf()


@pytest.mark.parametrize("name", sorted(HELPERS))
def test_every_helper_figure_fits_its_text_without_overlap(name):
    """Nothing sticks out of the figure, and no axes' text runs into a neighbouring axes."""
    import matplotlib.pyplot as plt

    plt.close("all")
    fig = _figure_of(HELPERS[name]())
    if not hasattr(fig.canvas, "get_renderer"):  # a widget's figure, closed once shown
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        FigureCanvasAgg(fig)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    inside = fig.bbox.padded(1)  # a pixel of rounding
    frames = {ax: ax.get_window_extent(renderer) for ax in fig.axes if ax.get_visible()}
    for ax, frame in frames.items():
        tight = ax.get_tightbbox(renderer)
        assert (tight.x0 >= inside.x0 and tight.y0 >= inside.y0 and tight.x1 <= inside.x1
                and tight.y1 <= inside.y1), f"{name}: text of {ax.get_title()!r} is cut off: {tight}"
        for other, other_frame in frames.items():
            if other is ax or np.allclose(other_frame.bounds, frame.bounds):
                continue  # a twin shares its frame
            overlap = tight.intersection(tight, other_frame)
            assert overlap is None or overlap.width * overlap.height < 1, (
                f"{name}: text of {ax.get_title()!r} runs into the axes {other.get_title()!r}")


def test_use_style_gives_plain_figures_the_course_layout_and_keeps_an_asked_one():
    import matplotlib.pyplot as plt
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    from coursekit.figures.layout import CourseLayout

    assert isinstance(plt.subplots()[0].get_layout_engine(), CourseLayout)
    assert isinstance(plt.subplots(layout="constrained")[0].get_layout_engine(),
                      ConstrainedLayoutEngine)


def test_margins_follow_the_text():
    """A longer tick label widens the left margin by its extra width, and no more."""
    import matplotlib.pyplot as plt

    left = {}
    for top in (1, 100_000):
        fig, ax = plt.subplots(figsize=(8, 4.5))
        ax.plot([0, 1], [0, top])
        ax.set_ylabel("y")
        fig.draw_without_rendering()
        left[top] = ax.get_position().x0 * fig.bbox.width
    extra = left[100_000] - left[1]  # "100000" against "1.0" at 16 pt: about 4 digits wider
    assert 30 < extra < 60


def test_a_print_draws_the_figure_once_and_keeps_its_layout():
    """matplotlib draws a figure with a layout engine twice to print it; the course print once."""
    import matplotlib.pyplot as plt
    from IPython.core.pylabtools import print_figure

    from coursekit.figures.layout import CourseLayout
    from coursekit.figures.style import INLINE_PRINT_KWARGS, _print_drawn_once

    def counted():
        fig, ax = plt.subplots()
        ax.plot([0, 1], [0, 1])
        ax.set(title="t", xlabel="x", ylabel="y")
        draws = []
        original = fig.draw
        fig.draw = lambda renderer: (draws.append(1), original(renderer))
        return fig, draws

    fig, draws = counted()
    plain = print_figure(fig, "png", **INLINE_PRINT_KWARGS)
    assert len(draws) == 2
    fig, draws = counted()
    ours = _print_drawn_once(functools.partial(print_figure, fmt="png", **INLINE_PRINT_KWARGS), fig)
    assert len(draws) == 1
    assert isinstance(fig.get_layout_engine(), CourseLayout)
    assert ours == plain  # the same picture


def test_a_figure_closed_before_it_is_shown_prints_as_matplotlib_prints_it():
    """Lecture 03 closes a figure and shows it a cell later; its x label was cut off."""
    import matplotlib.pyplot as plt
    from IPython.core.pylabtools import print_figure

    from coursekit.figures.style import INLINE_PRINT_KWARGS, _print_drawn_once

    from matplotlib.backend_bases import FigureCanvasBase
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig, ax = plt.subplots(figsize=(8.0, 4.0))
    ax.set(xlabel="x", ylabel="density", title="closed, then shown")
    plt.close(fig)
    FigureCanvasBase(fig)  # what the inline backend leaves a closed figure with
    before = ax.get_position().bounds
    draws = []
    original = FigureCanvasAgg.draw
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(FigureCanvasAgg, "draw", lambda canvas: (draws.append(1), original(canvas))[1])
        ours = _print_drawn_once(functools.partial(print_figure, fmt="png", **INLINE_PRINT_KWARGS), fig)
    assert ax.get_position().bounds != before  # laid out, though pyplot no longer holds it
    assert len(draws) == 1  # measured without a draw of its own, as an open figure is
    assert ours == print_figure(fig, "png", **INLINE_PRINT_KWARGS)  # the same picture


def test_maths_in_a_label_is_parsed_once_for_every_figure():
    import matplotlib.pyplot as plt
    from matplotlib.mathtext import MathTextParser

    from coursekit.figures import figure_to_png

    def png():
        fig, ax = plt.subplots()
        ax.set_title(r"$\hat y_t = \frac{1}{2}$ (a label only this test uses)")
        return figure_to_png(fig)

    first = png()
    misses = MathTextParser._parse_cached.cache_info().misses
    second = png()
    assert MathTextParser._parse_cached.cache_info().misses == misses  # served from the cache
    assert first == second


def test_log_axes_label_powers_in_plain_text():
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    ax.semilogy([1, 2, 3], [1e-3, 2e-2, 3e-1])
    fig.draw_without_rendering()
    texts = [label.get_text() for label in ax.yaxis.get_ticklabels() if label.get_text()]
    assert "10⁻²" in texts and not any("$" in text for text in texts)


@pytest.mark.parametrize("label, plain", [
    (r"$\mathdefault{10^{0}}$", "10⁰"),
    (r"$\mathdefault{10^{-12}}$", "10⁻¹²"),
    (r"$\mathdefault{2\times10^{-3}}$", "2×10⁻³"),
    (r"$\mathdefault{-10^{2}}$", r"$\mathdefault{-10^{2}}$"),  # not a form it knows: unchanged
    (r"$\hat y$", r"$\hat y$"),
    ("", ""),
])
def test_plain_power(label, plain):
    from coursekit.figures.style import plain_power

    assert plain_power(label) == plain


def test_a_widget_is_drawn_once_when_made_and_its_first_move_only_blits():
    from coursekit.figures import live, surprisal_widget

    full = []
    original = live.Renderer._draw_background
    live.Renderer._draw_background = lambda self, moving: (full.append(len(moving)),
                                                           original(self, moving))
    try:
        box = surprisal_widget(p=0.1)
        made = list(full)
        box.controls["p"].value = 0.5
    finally:
        live.Renderer._draw_background = original
    assert made == [3]  # one draw, with the marker's three artists already known to move
    assert full == made  # the first move blits over that background
