"""coursekit.figures.surprisal."""


def test_l01_draw_surprisal_curves_are_minus_log_in_bits_and_nats():
    import matplotlib.pyplot as plt
    import numpy as np

    from coursekit.figures import draw_surprisal

    artists = draw_surprisal()
    p = artists.bits.get_xdata()
    assert p[0] == 1e-3 and p[-1] == 1.0 and np.all(np.diff(p) > 0)
    np.testing.assert_allclose(artists.bits.get_ydata(), -np.log2(p), atol=1e-12)
    np.testing.assert_allclose(artists.nats.get_ydata(), -np.log(p), atol=1e-12)
    ax = artists.ax
    assert ax.get_xscale() == "linear" and ax.get_xlim() == (0.0, 1.0)
    assert ax.get_ylim()[1] > -np.log2(1e-3)  # the whole curve fits
    assert artists.marker is None and artists.examples == []
    assert ax.get_xlabel() and ax.get_ylabel() and ax.get_title()
    plt.close(ax.figure)


def test_l01_draw_surprisal_labels_examples_by_probability_on_a_log_axis():
    import matplotlib.pyplot as plt
    import numpy as np

    from coursekit.figures import draw_surprisal

    examples = {"coin": 1 / 2, "an ace": 4 / 52, "coin and die": 1 / 12}
    artists = draw_surprisal(examples=examples, log_x=True)
    assert artists.ax.get_xscale() == "log"
    labels = artists.examples
    assert [label.get_text() for label in labels] == ["an ace", "coin and die", "coin"]
    np.testing.assert_allclose([label.xy for label in labels],
                               [(4 / 52, np.log2(13)), (1 / 12, np.log2(12)), (0.5, 1.0)])
    # "an ace" is within a factor 1.5 of its neighbour: lifted, with a leader line.
    assert labels[0].arrow_patch is not None and labels[2].arrow_patch is None
    plt.close(artists.ax.figure)


def test_l01_surprisal_marker_moves_with_p():
    import math

    import matplotlib.pyplot as plt
    import pytest

    from coursekit.figures import draw_surprisal, set_surprisal_marker

    artists = draw_surprisal(p=0.5)
    marker = artists.marker
    assert list(marker.marker_bits.get_ydata()) == [1.0]
    bits, nats = set_surprisal_marker(marker, 1 / 8)
    assert (bits, nats) == pytest.approx((3.0, math.log(8)))
    assert list(marker.marker_bits.get_xdata()) == [1 / 8]
    assert list(marker.marker_nats.get_ydata()) == pytest.approx([math.log(8)])
    assert list(marker.guide.get_ydata()) == pytest.approx([0.0, 3.0])
    assert set_surprisal_marker(marker, 1.0) == (0.0, 0.0)
    for bad in (0, -0.1, 1.5, float("nan")):
        with pytest.raises(ValueError, match=r"p must be (greater than 0|at most 1|a finite number)"):
            set_surprisal_marker(marker, bad)
    for bad in ("0.5", True, None):
        with pytest.raises(TypeError, match=r"p must be a real number"):
            set_surprisal_marker(marker, bad)
    plt.close(artists.ax.figure)


def test_l01_draw_surprisal_rejects_bad_arguments():
    import pytest

    from coursekit.figures import draw_surprisal

    with pytest.raises(ValueError, match=r"p_min must be greater than 0; got 0"):
        draw_surprisal(p_min=0)
    with pytest.raises(ValueError, match=r"examples\['die'\] must be at most 1; got 6"):
        draw_surprisal(examples={"die": 6})


def test_l01_surprisal_widget_follows_the_slider():
    import pytest
    import ipywidgets as widgets

    from coursekit.figures import surprisal_widget

    w = surprisal_widget(p=0.5)
    assert "coursekit-widget" in w._dom_classes
    controls, readout, image = w.children
    assert "coursekit-readout" in readout._dom_classes and "coursekit-figure" in image._dom_classes
    (p_slider,) = list(w.controls.values())
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
    with pytest.raises(ValueError, match=r"p must be at least 0.001; got 0"):
        surprisal_widget(p=0.0)
