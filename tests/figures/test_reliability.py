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


def test_l06_reliability_shows_how_many_predictions_each_bin_holds():
    """Issue 11: the diagram had no bin counts, and its line joined bins holding one prediction."""
    import matplotlib.pyplot as plt
    import numpy as np

    from coursekit.calibration import reliability_curve
    from coursekit.figures import draw_reliability

    y = [0, 0, 1, 1, 1, 0]
    p = [0.05, 0.08, 0.55, 0.58, 0.93, 0.31]
    ax = draw_reliability(y, p, n_bins=10, label="model")
    ax = draw_reliability(y, np.square(p), n_bins=10, ax=ax, label="other")
    counts = [t for t in ax.texts if t.get_gid() == "bin-count"]
    curve = reliability_curve(y, p, 10)
    first = counts[: int((curve.counts > 0).sum())]
    assert [t.get_text() for t in first] == [str(n) for n in curve.counts[curve.counts > 0]]
    assert [t.xy for t in first] == list(zip(curve.mean_predicted[curve.counts > 0],
                                             curve.observed[curve.counts > 0]))
    # The two models' counts sit on opposite sides of their markers.
    assert first[0].get_va() == "bottom" and counts[-1].get_va() == "top"
    # Only bins of at least two predictions are joined; 0.31 and 0.93 are alone.
    np.testing.assert_allclose(ax.lines[1].get_xdata(), [0.065, 0.565])
    assert len(ax.collections[0].get_offsets()) == 2
    assert min(t.get_fontsize() for t in counts) >= plt.rcParams["font.size"]
    plt.close("all")


def test_l06_n_bins_is_checked():
    import pytest

    from coursekit.figures import draw_reliability

    with pytest.raises(ValueError, match="n_bins must be at least 1; got 0"):
        draw_reliability([0, 1], [0.2, 0.8], n_bins=0)
    with pytest.raises(TypeError, match=r"n_bins must be an integer; got bool \(True\)"):
        draw_reliability([0, 1], [0.2, 0.8], n_bins=True)
