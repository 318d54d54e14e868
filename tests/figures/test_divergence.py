"""coursekit.figures.divergence."""


def test_l03_cross_entropy_bars_stack_entropy_and_divergence():
    import math

    import matplotlib.pyplot as plt
    import pytest
    from scipy import special, stats

    from coursekit.figures import draw_cross_entropy_bars

    p, q = [0.8, 0.15, 0.05], [1 / 3, 1 / 3, 1 / 3]
    h = stats.entropy(p, base=2)
    d = special.rel_entr(p, q).sum() / math.log(2)
    fig, ax = plt.subplots()
    artists = draw_cross_entropy_bars(p, q, ax=ax)
    assert artists.ax is ax
    h_bar, base_bar, excess_bar, d_bar = artists.bars
    assert h_bar.get_height() == pytest.approx(h)
    assert base_bar.get_height() == pytest.approx(h)
    assert excess_bar.get_y() == pytest.approx(h) and excess_bar.get_height() == pytest.approx(d)
    assert d_bar.get_height() == pytest.approx(d)
    # The stacked bar is as tall as the cross-entropy (Gibbs: taller than H(p)).
    assert excess_bar.get_y() + excess_bar.get_height() == pytest.approx(math.log2(3))
    assert [t.get_text() for t in artists.labels] == [f"{h:.3f} bits", f"{math.log2(3):.3f} bits", f"{d:.3f} bits"]
    assert ax.get_ylim()[1] > math.log2(3)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["$H(p)$", "$H(p, q)$", r"$D(p\,\|\,q)$"]
    plt.close(fig)


def test_l03_cross_entropy_bars_follow_a_new_pair_and_clip_infinity():
    import matplotlib.pyplot as plt
    import pytest

    from coursekit.figures import draw_cross_entropy_bars, set_cross_entropy_bars

    fig, ax = plt.subplots()
    artists = draw_cross_entropy_bars([0.5, 0.5], [0.5, 0.5], ax=ax, ymax=3.0)
    assert artists.bars[3].get_height() == 0.0  # q = p: no divergence
    n_patches = len(ax.patches)
    h, h_pq, d = set_cross_entropy_bars(artists, [0.5, 0.5], [1.0, 0.0])
    assert (h, h_pq, d) == (pytest.approx(1.0), float("inf"), float("inf"))
    assert len(ax.patches) == n_patches  # the same artists, moved
    assert artists.bars[3].get_height() == pytest.approx(3.0)  # clipped to the axes
    assert artists.bars[2].get_y() + artists.bars[2].get_height() == pytest.approx(3.0)
    assert [t.get_text() for t in artists.labels] == ["1.000 bits", "∞ bits", "∞ bits"]
    with pytest.raises(ValueError, match="same shape"):
        draw_cross_entropy_bars([0.5, 0.5], [1 / 3] * 3)
    plt.close("all")


def test_l03_cross_entropy_widget_follows_both_sliders():
    from coursekit.figures import cross_entropy_widget

    w = cross_entropy_widget(a=0.8, b=0.5)
    assert "coursekit-widget" in w._dom_classes
    controls, readout, image = w.children
    assert "coursekit-readout" in readout._dom_classes and "coursekit-figure" in image._dom_classes
    a_slider, b_slider = list(w.controls.values())
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

    from coursekit.figures import cross_entropy_widget

    n_figures = len(plt.get_fignums())
    w = cross_entropy_widget()
    a_slider, b_slider = list(w.controls.values())
    for a, b in ((a_slider.min, b_slider.max), (a_slider.max, b_slider.min)):
        a_slider.value, b_slider.value = a, b
        assert "nan" not in w.children[1].value and "inf" not in w.children[1].value
    assert len(plt.get_fignums()) == n_figures  # shown only through the image
    for bad in (0.0, 1.0, "0.5", True):
        error = TypeError if isinstance(bad, (str, bool)) else ValueError
        with pytest.raises(error, match=r"a must be (at least 0.01|at most 0.99|a real number)"):
            cross_entropy_widget(a=bad)
