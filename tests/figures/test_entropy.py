"""coursekit.figures.entropy."""


def test_l02_entropy_readout_gives_bits_and_the_maximum():
    from coursekit.figures import entropy_readout

    assert entropy_readout([1, 0, 0, 0]) == "H = 0.0000 bits, max log2 4 = 2.0000 bits"
    assert entropy_readout([0.25, 0.75]) == "H = 0.8113 bits, max log2 2 = 1.0000 bits"


def test_l02_draw_entropy_bars_returns_its_artists():
    import matplotlib.pyplot as plt

    from coursekit.figures import draw_entropy_bars

    fig, ax = plt.subplots()
    drawn = draw_entropy_bars([0.5, 0.25, 0.25, 0.0], labels=["w", "x", "y", "z"], ax=ax)
    bars, title = drawn.bars, drawn.title
    assert drawn.ax is ax
    assert [bar.get_height() for bar in bars] == [0.5, 0.25, 0.25, 0.0]
    assert title is ax.title
    assert title.get_text() == "H = 1.5000 bits, max log2 4 = 2.0000 bits"
    assert ax.get_ylim() == (0.0, 1.0)
    assert ax.get_ylabel() == "probability"
    fig.canvas.draw()
    assert [t.get_text() for t in ax.get_xticklabels()] == ["w", "x", "y", "z"]
    plt.close(fig)


def test_l02_draw_entropy_bars_rejects_bad_input():
    import matplotlib.pyplot as plt
    import pytest

    from coursekit.figures import draw_entropy_bars

    with pytest.raises(ValueError, match="p must sum to 1"):
        draw_entropy_bars([0.5, 0.6])
    with pytest.raises(ValueError, match=r"labels must have one entry per outcome \(2\); got 3"):
        draw_entropy_bars([0.5, 0.5], labels=["a", "b", "c"])
    with pytest.raises(ValueError, match="p must be one distribution"):
        draw_entropy_bars([[0.5, 0.5], [0.5, 0.5]])
    plt.close("all")


def test_l02_entropy_widget_rejects_bad_weights():
    import pytest

    from coursekit.figures import entropy_widget

    with pytest.raises(ValueError, match="weights must be 2 to 6 numbers"):
        entropy_widget(weights=(1,))
    with pytest.raises(ValueError, match=r"weights must each lie in \[0, 10\]"):
        entropy_widget(weights=(1, -1, 2))
    with pytest.raises(ValueError, match="weights must not all be 0"):
        entropy_widget(weights=(0, 0))
    with pytest.raises(ValueError, match=r"labels must have one entry per weight \(2\); got 1"):
        entropy_widget(weights=(1, 1), labels=["a"])


def test_l02_entropy_widget_follows_its_sliders():
    from coursekit.figures import entropy_widget

    w = entropy_widget(weights=(1, 1, 1, 1), labels=["r", "g", "b", "k"])
    assert "coursekit-widget" in w._dom_classes
    controls, readout, image = w.children
    assert "coursekit-readout" in readout._dom_classes and "coursekit-figure" in image._dom_classes
    sliders = list(w.controls.values())
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
