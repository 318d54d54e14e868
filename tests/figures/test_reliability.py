"""coursekit.figures.reliability."""


def test_l06_draw_reliability_draws_the_diagonal_once_and_one_line_per_model():
    import matplotlib.pyplot as plt
    import numpy as np

    from coursekit.calibration import reliability_curve
    from coursekit.figures import draw_reliability

    rng = np.random.default_rng(0)
    p = rng.random(200)
    y = (rng.random(200) < p).astype(int)
    ax = draw_reliability(y, p, n_bins=5, label="a")
    assert draw_reliability(y, p ** 2, n_bins=5, ax=ax, label="b") is ax
    assert [line.get_label() for line in ax.lines] == ["perfectly calibrated", "a", "b"]
    curve = reliability_curve(y, p, 5)
    np.testing.assert_allclose(ax.lines[1].get_xdata(), curve.mean_predicted)
    np.testing.assert_allclose(ax.lines[1].get_ydata(), curve.observed)
    assert ax.get_xlabel() == "mean predicted probability of class 1"
    plt.close("all")


def test_l06_draw_reliability_skips_empty_bins_and_validates():
    import pytest
    import matplotlib.pyplot as plt

    from coursekit.figures import draw_reliability

    ax = draw_reliability([0, 1, 1], [0.05, 0.92, 0.97], n_bins=10)
    # The bin of 0.92 and 0.97 is on the line; 0.05 is alone in its bin: a hollow marker, not joined.
    assert len(ax.lines[1].get_xdata()) == 1
    assert len(ax.collections[0].get_offsets()) == 1
    with pytest.raises(ValueError, match="y_true must hold labels 0 or 1"):
        draw_reliability([0, 3], [0.1, 0.2])
    plt.close("all")
