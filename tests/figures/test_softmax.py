"""coursekit.figures.softmax."""


def test_l04_softmax_loss_bars_show_softmax_and_the_loss_in_nats():
    import math

    import matplotlib.pyplot as plt
    import numpy as np
    import pytest
    from scipy import special

    from coursekit.figures import PALETTE, draw_softmax_loss_bars

    fig, ax = plt.subplots()
    logits, target, temperature = np.array([2.0, 1.0, 0.1, -1.0]), 1, 0.25
    artists = draw_softmax_loss_bars(logits, target, temperature, labels=list("abcd"), ax=ax)
    assert artists.ax is ax
    expected = special.softmax(logits / temperature)
    heights = [bar.get_height() for bar in artists.bars]
    np.testing.assert_allclose(heights, expected, rtol=1e-12)
    assert all(type(h) is float for h in heights)
    assert [t.get_text() for t in artists.values] == [f"{p:.2f}" for p in expected]
    assert [t.get_position()[1] for t in artists.values] == pytest.approx(expected + 0.02)
    loss = -math.log(expected[target])
    assert artists.title.get_text() == f"T = 0.25   loss = {loss:.4f} nats"
    colors = [bar.get_facecolor() for bar in artists.bars]
    assert colors[1] != colors[0] and colors[0] == colors[2] == colors[3]
    assert plt.matplotlib.colors.to_hex(colors[1]) == PALETTE[3].lower()
    assert [t.get_text() for t in ax.get_xticklabels()] == ["a", "b\n(true)", "c", "d"]
    assert ax.get_ylim() == (0.0, 1.12)
    plt.close(fig)


def test_l04_set_softmax_loss_bars_moves_the_same_artists_and_validates():
    import matplotlib.pyplot as plt
    import numpy as np
    import pytest

    from coursekit.figures import draw_softmax_loss_bars, set_softmax_loss_bars

    fig, ax = plt.subplots()
    artists = draw_softmax_loss_bars([0.0, 0.0, 0.0], 2, ax=ax)
    assert artists.title.get_text() == f"T = 1   loss = {np.log(3):.4f} nats"
    n_patches, n_texts = len(ax.patches), len(ax.texts)
    probs, loss = set_softmax_loss_bars(artists, [0.0, -1000.0, 1000.0], 2, temperature=10.0)
    assert loss == pytest.approx(np.log1p(np.exp(-100.0)), abs=1e-12)  # finite, ~0 nats
    assert probs.sum() == pytest.approx(1.0)
    probs, loss = set_softmax_loss_bars(artists, [1000.0, 0.0, -1000.0], 2)
    assert loss == 2000.0 and np.isfinite(loss)  # from the logits: no log 0
    assert artists.title.get_text() == "T = 1   loss = 2000.0000 nats"
    assert (len(ax.patches), len(ax.texts)) == (n_patches, n_texts)
    for bad in (0.0, -1.0, float("inf"), float("nan")):
        with pytest.raises(ValueError, match="temperature must be (greater than 0|a finite number)"):
            set_softmax_loss_bars(artists, [0.0, 0.0, 0.0], 0, temperature=bad)
    for bad in ("1", True):  # not numbers: a TypeError, like every other coursekit function
        with pytest.raises(TypeError, match="temperature must be a real number"):
            set_softmax_loss_bars(artists, [0.0, 0.0, 0.0], 0, temperature=bad)
    with pytest.raises(ValueError, match=r"one score per bar \(3\); got shape \(2,\)"):
        set_softmax_loss_bars(artists, [0.0, 0.0], 0)
    with pytest.raises(ValueError, match="target must be a class index in 0..2; got 3"):
        draw_softmax_loss_bars([0.0, 0.0, 0.0], 3)
    with pytest.raises(ValueError, match="target must be a whole number; got 1.5"):
        draw_softmax_loss_bars([0.0, 0.0, 0.0], 1.5)
    with pytest.raises(TypeError, match=r"target must be an integer; got bool \(True\)"):
        draw_softmax_loss_bars([0.0, 0.0, 0.0], True)
    with pytest.raises(ValueError, match="one vector of at least two scores"):
        draw_softmax_loss_bars([[0.0, 0.0]], 0)
    with pytest.raises(ValueError, match="labels must name the 3 classes; got 2 names"):
        draw_softmax_loss_bars([0.0, 0.0, 0.0], 0, labels=["a", "b"])
    plt.close("all")


def test_l04_softmax_loss_widget_follows_temperature_and_logit():
    import math

    import numpy as np
    from scipy import special

    from coursekit.figures import softmax_loss_widget

    w = softmax_loss_widget()  # cat, dog, fox, owl; the true class is dog
    assert "coursekit-widget" in w._dom_classes
    controls, readout, image = w.children
    assert "coursekit-readout" in readout._dom_classes and "coursekit-figure" in image._dom_classes
    temperature, dog_logit = list(w.controls.values())
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

    from coursekit.figures import softmax_loss_widget

    n_figures = len(plt.get_fignums())
    w = softmax_loss_widget([3.0, -2.0], target=1, labels=["yes", "no"])
    temperature, logit = list(w.controls.values())
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
