"""coursekit.figures.echo."""


def test_start_here_draw_echo_bar_follows_the_value():
    import matplotlib.pyplot as plt
    import pytest

    from coursekit.figures import draw_echo, set_echo

    artists = draw_echo(0.25)
    assert artists.bar.get_width() == 0.25 and artists.label.get_text() == "0.25"
    assert set_echo(artists, 1.0) == "1.00"
    assert artists.bar.get_width() == 1.0 and artists.label.xy == (1.0, 0.0)
    with pytest.raises(ValueError, match=r"value must be at most 1; got 2"):
        set_echo(artists, 2)
    plt.close(artists.ax.figure)



def test_start_here_echo_widget_repeats_its_value():
    import pytest

    from coursekit.figures import echo_widget

    w = echo_widget()
    controls, readout, image = w.children
    assert "coursekit-widget" in w._dom_classes and "coursekit-readout" in readout._dom_classes
    assert readout.value == "The slider reads 0.50."
    before = bytes(image.value)
    w.controls["value"].value = 1.0
    assert readout.value == "The slider reads 1.00."
    assert bytes(image.value) != before
    with pytest.raises(ValueError, match=r"value must be at most 1; got 1.5"):
        echo_widget(1.5)
    with pytest.raises(TypeError, match=r"value must be a real number; got bool \(True\)"):
        echo_widget(True)
