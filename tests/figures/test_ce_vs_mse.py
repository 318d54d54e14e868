"""coursekit.figures.ce_vs_mse."""


def test_l06_draw_ce_vs_mse_curves_and_markers():
    import pytest
    import matplotlib.pyplot as plt
    import numpy as np
    from scipy import special

    from coursekit.figures import draw_ce_vs_mse

    artists = draw_ce_vs_mse(-10.0, y=1)
    grid = artists.ce_curve.get_xdata()
    assert grid[0] == -10.0 and grid[-1] == 10.0
    p = special.expit(grid)
    np.testing.assert_allclose(artists.ce_curve.get_ydata(), -np.log(p), rtol=1e-9)
    np.testing.assert_allclose(artists.mse_curve.get_ydata(), (1 - p) ** 2)
    np.testing.assert_allclose(artists.ce_grad_curve.get_ydata(), p - 1)
    np.testing.assert_allclose(artists.mse_grad_curve.get_ydata(), 2 * (p - 1) * p * (1 - p))
    # At a confidently wrong logit the cross-entropy slope is ~ -1, the squared error's ~ 0.
    assert artists.ce_grad_marker.get_ydata()[0] == pytest.approx(-1.0, abs=1e-4)
    assert artists.mse_grad_marker.get_ydata()[0] == pytest.approx(-9.08e-5, rel=1e-3)
    assert artists.ce_marker.get_xdata()[0] == -10.0
    assert artists.loss_title.get_text() == "Loss of one example, y = 1"
    assert len(artists.axes) == 2
    plt.close("all")


def test_l06_draw_ce_vs_mse_label_zero_and_given_axes():
    import pytest
    import matplotlib.pyplot as plt
    import numpy as np

    from coursekit.figures import draw_ce_vs_mse

    fig, axes = plt.subplots(1, 2)
    artists = draw_ce_vs_mse(3.0, y=0, axes=axes, z_range=(-4.0, 4.0))
    assert artists.axes[0] is axes[0] and len(axes[0].lines) == 4 and len(axes[1].lines) == 4
    ce, ce_grad = artists.ce_marker.get_ydata()[0], artists.ce_grad_marker.get_ydata()[0]
    assert ce == pytest.approx(np.log1p(np.exp(3.0)))
    assert ce_grad == pytest.approx(1 / (1 + np.exp(-3.0)))
    assert artists.mse_grad_marker.get_ydata()[0] > 0
    assert artists.ce_curve.get_xdata()[-1] == 4.0
    plt.close(fig)


def test_l06_ce_vs_mse_widget_follows_the_slider_and_the_label():
    import ipywidgets as widgets

    from coursekit.figures import ce_vs_mse_widget

    w = ce_vs_mse_widget(z=-10.0, y=1)
    assert "coursekit-widget" in w._dom_classes
    controls, readout, image = w.children
    assert "coursekit-readout" in readout._dom_classes and "coursekit-figure" in image._dom_classes
    z_slider, label = list(w.controls.values())
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

    from coursekit.figures import ce_vs_mse_widget

    n_figures = len(plt.get_fignums())
    w = ce_vs_mse_widget(z=2.0, y=1)
    z_slider, label = list(w.controls.values())
    for value in (z_slider.min, z_slider.max):
        z_slider.value = value
    label.value = 0
    label.value = 1
    assert "nan" not in w.children[1].value and "inf" not in w.children[1].value
    assert len(plt.get_fignums()) == n_figures  # the figure is closed, shown only as an image
