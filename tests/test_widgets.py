"""coursekit.widgets: every live figure follows its controls by moving existing artists."""

# Lecture 06: ce_vs_mse_widget -------------------------------------------------------


def test_l06_ce_vs_mse_widget_follows_the_slider_and_the_label():
    import ipywidgets as widgets

    from coursekit.widgets import ce_vs_mse_widget

    w = ce_vs_mse_widget(z=-10.0, y=1)
    assert "coursekit-widget" in w._dom_classes
    controls, readout, image = w.children
    assert "coursekit-readout" in readout._dom_classes and "coursekit-figure" in image._dom_classes
    z_slider, label = controls.children
    assert isinstance(label, widgets.ToggleButtons) and label.value == 1
    assert readout.value == ("ŷ = σ(z) = 0.0000 &nbsp;|&nbsp; CE = 10.0000 nats, dCE/dz = -1.0000"
                             " &nbsp;|&nbsp; MSE = 0.9999, dMSE/dz = -9.08e-05")
    before = image.value
    z_slider.value = 0.0
    assert readout.value == ("ŷ = σ(z) = 0.5000 &nbsp;|&nbsp; CE = 0.6931 nats, dCE/dz = -0.5000"
                             " &nbsp;|&nbsp; MSE = 0.2500, dMSE/dz = -0.25")
    assert image.value != before
    after_slider = image.value
    label.value = 0
    assert "dCE/dz = 0.5000" in readout.value and "dMSE/dz = 0.25" in readout.value
    assert image.value != after_slider


def test_l06_ce_vs_mse_widget_moves_existing_artists():
    import matplotlib.pyplot as plt

    from coursekit.widgets import ce_vs_mse_widget

    n_figures = len(plt.get_fignums())
    w = ce_vs_mse_widget(z=2.0, y=1)
    z_slider, label = w.children[0].children
    for value in (z_slider.min, z_slider.max):
        z_slider.value = value
    label.value = 0
    label.value = 1
    assert "nan" not in w.children[1].value and "inf" not in w.children[1].value
    assert len(plt.get_fignums()) == n_figures  # the figure is closed, shown only as an image


# Lecture 05: coin_likelihood_widget ------------------------------------------------


def test_l05_coin_likelihood_widget_follows_theta_and_k():
    import matplotlib.pyplot as plt

    from coursekit.widgets import coin_likelihood_widget

    box = coin_likelihood_widget(6, 20, 0.5)
    theta, heads = box.children[0].children
    readout, image = box.children[1], box.children[2]
    assert "coursekit-widget" in box._dom_classes and "coursekit-readout" in readout._dom_classes
    assert "coursekit-figure" in image._dom_classes
    assert readout.value == ("average NLL = 0.6931 nats at θ = 0.500; "
                             "minimum 0.6109 nats at θ̂ = k/n = 6/20 = 0.300")
    png = image.value
    theta.value = 0.3
    assert readout.value.startswith("average NLL = 0.6109 nats at θ = 0.300")
    assert image.value != png
    png = image.value
    heads.value = 20
    assert readout.value.endswith("minimum 0.0000 nats at θ̂ = k/n = 20/20 = 1.000")
    assert image.value != png
    assert (heads.min, heads.max, theta.min, theta.max) == (0, 20, 0.01, 0.99)
    plt.close("all")


def test_l05_coin_likelihood_widget_checks_its_arguments():
    import pytest

    from coursekit.widgets import coin_likelihood_widget

    with pytest.raises(ValueError, match=r"k must be an integer in 0\.\.n = 0\.\.20; got 21"):
        coin_likelihood_widget(k=21)
    with pytest.raises(ValueError, match=r"n must be an integer in 1\.\.1000; got 0"):
        coin_likelihood_widget(k=0, n=0)
    with pytest.raises(ValueError, match=r"theta must be a number in \[0\.01, 0\.99\]; got 0"):
        coin_likelihood_widget(theta=0)


# Lecture 03: cross_entropy_widget ---------------------------------------------------


def test_l03_cross_entropy_widget_follows_both_sliders():
    from coursekit.widgets import cross_entropy_widget

    w = cross_entropy_widget(a=0.8, b=0.5)
    assert "coursekit-widget" in w._dom_classes
    controls, readout, image = w.children
    assert "coursekit-readout" in readout._dom_classes and "coursekit-figure" in image._dom_classes
    a_slider, b_slider = controls.children
    assert readout.value == ("p = (0.80, 0.20), q = (0.50, 0.50): H(p) = 0.7219 bits, "
                             "H(p, q) = 1.0000 bits, D(p‖q) = 0.2781 bits")
    before = image.value
    b_slider.value = 0.8
    assert readout.value.endswith("H(p) = 0.7219 bits, H(p, q) = 0.7219 bits, D(p‖q) = 0.0000 bits")
    assert image.value != before
    after_b = image.value
    a_slider.value = 0.5
    assert "H(p) = 1.0000 bits" in readout.value
    assert image.value != after_b


def test_l03_cross_entropy_widget_moves_existing_artists_and_checks_arguments():
    import matplotlib.pyplot as plt
    import pytest

    from coursekit.widgets import cross_entropy_widget

    n_figures = len(plt.get_fignums())
    w = cross_entropy_widget()
    a_slider, b_slider = w.children[0].children
    for a, b in ((a_slider.min, b_slider.max), (a_slider.max, b_slider.min)):
        a_slider.value, b_slider.value = a, b
        assert "nan" not in w.children[1].value and "inf" not in w.children[1].value
    assert len(plt.get_fignums()) == n_figures  # shown only through the image
    for bad in (0.0, 1.0, "0.5", True):
        with pytest.raises(ValueError, match="must be a number in"):
            cross_entropy_widget(a=bad)


# Lecture 04: softmax_loss_widget --------------------------------------------------


def test_l04_softmax_loss_widget_follows_temperature_and_logit():
    import math

    import numpy as np
    from scipy import special

    from coursekit.widgets import softmax_loss_widget

    w = softmax_loss_widget()  # cat, dog, fox, owl; the true class is dog
    assert "coursekit-widget" in w._dom_classes
    controls, readout, image = w.children
    assert "coursekit-readout" in readout._dom_classes and "coursekit-figure" in image._dom_classes
    temperature, dog_logit = controls.children
    assert (temperature.value, temperature.min, temperature.max) == (1.0, -1.0, 1.0)  # 10^-1..10^1
    logits = np.array([2.0, 1.0, 0.1, -1.0])

    def loss(z, t=1):
        return -special.log_softmax(z)[t]

    assert readout.value == (f"T = 1, z<sub>dog</sub> = 1.0, ŷ<sub>dog</sub> = "
                             f"{special.softmax(logits)[1]:.4f}: <b>loss = {loss(logits):.4f} nats</b>")
    before = image.value
    temperature.value = 0.25
    assert f"<b>loss = {loss(logits / 0.25):.4f} nats</b>" in readout.value
    assert readout.value.startswith("T = 0.25, ")
    assert image.value != before
    after_temperature = image.value
    dog_logit.value = 4.0
    moved = logits.copy()
    moved[1] = 4.0
    assert f"<b>loss = {loss(moved / 0.25):.4f} nats</b>" in readout.value
    assert image.value != after_temperature
    assert math.isclose(float(loss(moved / 0.25)), 0.000335, rel_tol=1e-2)  # dog is now the favourite


def test_l04_softmax_loss_widget_is_finite_at_the_extremes_and_checks_arguments():
    import math

    import matplotlib.pyplot as plt
    import pytest

    from coursekit.widgets import softmax_loss_widget

    n_figures = len(plt.get_fignums())
    w = softmax_loss_widget([3.0, -2.0], target=1, labels=["yes", "no"])
    temperature, logit = w.children[0].children
    assert logit.description == "logit of no (true class)"
    # The ends of both sliders: cold and wrong (z / T = [30, -50]), then hot and right.
    temperature.value, logit.value = 0.1, -5.0
    assert w.children[1].value.endswith("<b>loss = 80.0000 nats</b>")
    temperature.value, logit.value = 10.0, 5.0
    assert w.children[1].value.endswith(f"<b>loss = {math.log1p(math.exp(-0.2)):.4f} nats</b>")
    assert len(plt.get_fignums()) == n_figures  # shown only through the image
    with pytest.raises(ValueError, match="target must be a class index in 0..1; got 2"):
        softmax_loss_widget([3.0, -2.0], target=2, labels=["yes", "no"])
    with pytest.raises(ValueError, match="labels must name the 2 classes"):
        softmax_loss_widget([3.0, -2.0], target=0, labels=["yes"])
    plt.close("all")


# Lecture 02: entropy_widget ----------------------------------------------------------


def test_l02_entropy_widget_rejects_bad_weights():
    import pytest

    from coursekit.widgets import entropy_widget

    with pytest.raises(ValueError, match="weights must be 2 to 6 numbers"):
        entropy_widget(weights=(1,))
    with pytest.raises(ValueError, match=r"weights must each lie in \[0, 10\]"):
        entropy_widget(weights=(1, -1, 2))
    with pytest.raises(ValueError, match="weights must not all be 0"):
        entropy_widget(weights=(0, 0))
    with pytest.raises(ValueError, match=r"labels must have one entry per weight \(2\); got 1"):
        entropy_widget(weights=(1, 1), labels=["a"])


def test_l02_entropy_widget_follows_its_sliders():
    from coursekit.widgets import entropy_widget

    w = entropy_widget(weights=(1, 1, 1, 1), labels=["r", "g", "b", "k"])
    assert "coursekit-widget" in w._dom_classes
    controls, readout, image = w.children
    assert "coursekit-readout" in readout._dom_classes and "coursekit-figure" in image._dom_classes
    sliders = controls.children
    assert [s.description for s in sliders] == ["weight r", "weight g", "weight b", "weight k"]
    assert readout.value == "H = 2.0000 bits, max log2 4 = 2.0000 bits"
    before = bytes(image.value)
    assert before.startswith(b"\x89PNG")
    sliders[2].value = 0.0
    sliders[3].value = 0.0
    assert readout.value == "H = 1.0000 bits, max log2 4 = 2.0000 bits"
    assert bytes(image.value) != before
    sliders[1].value = 0.0
    assert readout.value == "H = 0.0000 bits, max log2 4 = 2.0000 bits"
    sliders[0].value = 0.0
    assert readout.value == "all weights are 0: raise one to make a distribution"


# Lecture 01: surprisal_widget; start here: echo_widget ------


def test_l01_surprisal_widget_follows_the_slider():
    import pytest
    import ipywidgets as widgets

    from coursekit.widgets import surprisal_widget

    w = surprisal_widget(p=0.5)
    assert "coursekit-widget" in w._dom_classes
    controls, readout, image = w.children
    assert "coursekit-readout" in readout._dom_classes and "coursekit-figure" in image._dom_classes
    (p_slider,) = controls.children
    assert isinstance(p_slider, widgets.FloatLogSlider)
    assert (p_slider.min, p_slider.max) == (-3.0, 0.0)  # exponents: p from 0.001 to 1
    assert readout.value == ("p = 0.5000: surprisal 1.0000 bits = 0.6931 nats, "
                             "as surprising as 1.00 fair-coin heads in a row")
    before = bytes(image.value)
    p_slider.value = 1 / 52
    assert readout.value.startswith("p = 0.0192: surprisal 5.7004 bits = 3.9512 nats")
    assert bytes(image.value) != before
    p_slider.value = 1.0
    assert readout.value.startswith("p = 1.0000: surprisal 0.0000 bits = 0.0000 nats")
    with pytest.raises(ValueError, match=r"p must be a number in \[0.001, 1\]"):
        surprisal_widget(p=0.0)


def test_start_here_echo_widget_repeats_its_value():
    import pytest

    from coursekit.widgets import echo_widget

    w = echo_widget()
    controls, readout, image = w.children
    assert "coursekit-widget" in w._dom_classes and "coursekit-readout" in readout._dom_classes
    assert readout.value == "The slider reads 0.50."
    before = bytes(image.value)
    controls.children[0].value = 1.0
    assert readout.value == "The slider reads 1.00."
    assert bytes(image.value) != before
    with pytest.raises(ValueError, match=r"value must be a number in \[0, 1\]"):
        echo_widget(1.5)


# live_figure: redrawing only what moved gives the same picture as a full draw ----


def _pixels(png):
    import io

    import matplotlib.image as mimage

    return mimage.imread(io.BytesIO(png))


def test_live_figure_blits_only_the_moving_artists_and_matches_a_full_draw():
    import ipywidgets as widgets
    import matplotlib.pyplot as plt
    import numpy as np

    from coursekit import widgets as ckw
    from coursekit.plotting import figure_to_png

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
    original = ckw._Renderer._draw_background
    ckw._Renderer._draw_background = lambda self, moving: (draws.append(len(moving)), original(self, moving))
    try:
        control.value = 0.9  # the title's text changes for the first time: learnt now
        learnt = list(draws)
        control.value = 0.1
        control.value = 0.7
        control.value = 0.1
    finally:
        ckw._Renderer._draw_background = original
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

    from coursekit import widgets as ckw
    from coursekit.plotting import figure_to_png

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
