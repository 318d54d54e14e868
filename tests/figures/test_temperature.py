"""coursekit.figures.temperature: the reliability bars, the NLL curve and the slider follow T."""

import numpy as np
import pytest
from scipy import special

from coursekit.calibration import expected_calibration_error, top_label_confidence

LOGITS = np.array([[3.0, 0.0, -1.0], [0.0, 2.0, 1.0], [1.0, 0.5, 0.0], [0.0, 0.0, 4.0], [2.0, 2.1, 0.0]])
LABELS = np.array([0, 1, 2, 2, 0])


def nll(t):
    return -np.mean(special.log_softmax(LOGITS / t, axis=1)[np.arange(len(LABELS)), LABELS])


def test_top_label_confidence_is_the_largest_probability_and_keeps_the_class():

    for t in (0.3, 1.0, 7.0):
        top = top_label_confidence(LOGITS, LABELS, t)
        probs = special.softmax(LOGITS / t, axis=1)
        np.testing.assert_allclose(top.confidence, probs.max(axis=1))
        assert top.correct.tolist() == [1.0, 1.0, 0.0, 1.0, 0.0]  # the class never changes with T
    assert np.all(top_label_confidence(LOGITS, LABELS, 1e3).confidence < 0.34)  # hot: nearly uniform


def test_bars_counts_marker_and_title_follow_the_temperature():
    import matplotlib.pyplot as plt

    from coursekit.figures.temperature import draw_temperature, set_temperature

    art = draw_temperature(LOGITS, LABELS, temperature=1.0, n_bins=5)
    assert len(art.bars) == 5 and len(art.counts) == 5
    for t in (0.5, 2.0):
        value = set_temperature(art, t)
        assert value == pytest.approx(nll(t))
        assert art.marker.get_xdata()[0] == t and art.marker.get_ydata()[0] == pytest.approx(nll(t))
        assert art.title.get_text() == f"Reliability at T = {t:.2f}"
        top = top_label_confidence(LOGITS, LABELS, t)
        bins = np.minimum((top.confidence * 5).astype(int), 4)
        counts = [int(np.sum(bins == k)) for k in range(5)]
        assert [int(text.get_text()) for text in art.counts] == counts
        for k, bar in enumerate(art.bars):
            expected = top.correct[bins == k].mean() if counts[k] else 0.0
            assert bar.get_height() == pytest.approx(expected)
    plt.close("all")


def test_the_nll_curve_is_the_average_nll_and_its_minimum_is_inside():
    import matplotlib.pyplot as plt

    from coursekit.figures.temperature import draw_temperature

    art = draw_temperature(LOGITS, LABELS, t_range=(0.25, 4.0))
    curve = art.nll_ax.lines[0]
    grid = curve.get_xdata()
    assert grid[0] == pytest.approx(0.25) and grid[-1] == pytest.approx(4.0)
    np.testing.assert_allclose(curve.get_ydata(), [nll(t) for t in grid], rtol=1e-12)
    assert art.nll_ax.get_xscale() == "log"
    assert art.reliability_ax.figure.get_size_inches().tolist() == [9.3, 4.2]  # 930 x 420 px: shown as drawn
    plt.close("all")


def test_readout_gives_nll_in_nats_ece_and_accuracy():
    from coursekit.figures.temperature import temperature_readout, top_label_confidence

    top = top_label_confidence(LOGITS, LABELS, 2.0)
    ece = expected_calibration_error(top.correct, top.confidence)
    assert temperature_readout(LOGITS, LABELS, 2.0) == (
        f"T = 2.00: NLL {nll(2.0):.4f} nats, ECE {ece:.3f}, accuracy 0.600")


@pytest.mark.parametrize("kwargs, error, message", [
    ({"temperature": 0.0}, ValueError, "temperature must be greater than 0"),
    ({"temperature": -1.0}, ValueError, "temperature"),
    ({"temperature": float("nan")}, ValueError, "temperature"),
    ({"temperature": True}, TypeError, "temperature must be a real number; got bool"),
    ({"temperature": "2"}, TypeError, "temperature must be a real number; got str"),
    ({"reference": 10.0}, ValueError, "reference must lie inside t_range"),
    ({"n_bins": 0}, ValueError, "n_bins must be at least 1"),
    ({"n_bins": 2.5}, ValueError, "n_bins"),
])
def test_bad_numbers_are_refused_with_a_message(kwargs, error, message):
    from coursekit.figures.temperature import draw_temperature

    with pytest.raises(error, match=message):
        draw_temperature(LOGITS, LABELS, **kwargs)


@pytest.mark.parametrize("logits, labels, message", [
    (LOGITS[0], LABELS[:1], r"labels must hold one label per row of logits"),
    (LOGITS, LABELS[:3], r"labels must hold one label per row of logits, shape \(5,\); got \(3,\)"),
    (LOGITS, special.softmax(LOGITS, axis=1), "integer class labels"),
    (LOGITS, [0, 1, 2, 3, 0], "labels must be class labels in 0..2"),
])
def test_bad_arrays_are_refused_with_a_message(logits, labels, message):

    with pytest.raises(ValueError, match=message):
        top_label_confidence(logits, labels)


def test_widget_follows_the_slider_by_moving_existing_artists():
    import matplotlib.pyplot as plt

    from coursekit.figures.temperature import temperature_widget

    n_figures = len(plt.get_fignums())
    box = temperature_widget(LOGITS, LABELS, temperature=1.0, n_bins=5)
    assert "coursekit-widget" in box._dom_classes
    control, readout, image = box.controls["temperature"], box.children[1], box.children[2]
    assert readout.value.startswith("T = 1.00: NLL") and "nats" in readout.value
    marker = box.figure.axes[1].lines[-1]
    first_image = image.value
    for value in (control.min, control.max):  # FloatLogSlider: min and max are exponents
        control.value = 10 ** value
        assert f"NLL {nll(control.value):.4f} nats" in readout.value
        assert marker.get_xdata()[0] == pytest.approx(control.value)
    assert image.value != first_image
    assert "nan" not in readout.value
    assert len(plt.get_fignums()) == n_figures  # shown through the image only
