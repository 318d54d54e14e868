"""coursekit.figures.likelihood."""


def test_l05_the_coin_nll_is_the_cross_entropy_of_the_frequencies():
    import math

    import numpy as np

    from coursekit import cross_entropy
    from coursekit.figures.likelihood import average_nll

    for k, n, theta in [(6, 20, 0.3), (6, 20, 0.8), (0, 5, 0.4), (5, 5, 0.9)]:
        expected = cross_entropy([k / n, 1 - k / n], [theta, 1 - theta], base=math.e)
        assert math.isclose(float(average_nll(theta, k, n)), expected, rel_tol=1e-12)
    grid = np.linspace(0.01, 0.99, 99)
    assert math.isclose(grid[np.argmin(average_nll(grid, 37, 100))], 0.37)
    assert average_nll(0.0, 0, 3) == 0.0 and average_nll(1.0, 3, 3) == 0.0
    assert average_nll(0.0, 1, 3) == math.inf and average_nll(1.0, 2, 3) == math.inf


def test_l05_draw_coin_nll_artists_follow_the_state():
    import math

    import matplotlib.pyplot as plt
    import numpy as np

    from coursekit.figures import draw_coin_nll, set_coin_nll
    from coursekit.figures.likelihood import average_nll

    artists = draw_coin_nll(6, 20, 0.5)
    ax = artists.ax
    grid = artists.curve.get_xdata()
    np.testing.assert_allclose(artists.curve.get_ydata(), average_nll(grid, 6, 20))
    assert list(artists.marker.get_xdata()) == [0.5]
    assert math.isclose(artists.marker.get_ydata()[0], math.log(2))
    assert list(artists.mle.get_xdata()) == [0.3, 0.3]
    assert ax.get_ylabel() == "average NLL (nats)" and ax.get_xlim() == (0.0, 1.0)
    curve_before = artists.curve.get_ydata().copy()
    nll, theta_hat, nll_hat = set_coin_nll(artists, 0, 20, 0.99)
    assert theta_hat == 0.0 and nll_hat == 0.0 and math.isclose(nll, -math.log(0.01))
    assert nll < ax.get_ylim()[1]  # the slider's extremes stay on the axes
    assert not np.allclose(artists.curve.get_ydata(), curve_before)
    assert artists.title.get_text() == "0 heads in 20 flips: average NLL over θ"
    assert len(ax.lines) == 4  # moved, not redrawn
    plt.close("all")


def test_l05_coin_likelihood_widget_follows_theta_and_k():
    import matplotlib.pyplot as plt

    from coursekit.figures import coin_likelihood_widget

    box = coin_likelihood_widget(6, 20, 0.5)
    theta, heads = list(box.controls.values())
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

    from coursekit.figures import coin_likelihood_widget

    with pytest.raises(ValueError, match=r"k must be an integer in 0\.\.n = 0\.\.20; got 21"):
        coin_likelihood_widget(k=21)
    with pytest.raises(ValueError, match=r"n must be at least 1; got 0"):
        coin_likelihood_widget(k=0, n=0)
    with pytest.raises(ValueError, match=r"theta must be at least 0\.01; got 0"):
        coin_likelihood_widget(theta=0)
