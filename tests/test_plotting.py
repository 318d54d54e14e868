"""coursekit.plotting: the pure draw functions, checked on the artists they make."""

# Lecture 06: draw_ce_vs_mse and plot_reliability ---------------------------------


def test_l06_draw_ce_vs_mse_curves_and_markers():
    import pytest
    import matplotlib.pyplot as plt
    import numpy as np
    from scipy import special

    from coursekit.plotting import draw_ce_vs_mse

    artists = draw_ce_vs_mse(-10.0, y=1)
    grid = artists["ce_curve"].get_xdata()
    assert grid[0] == -10.0 and grid[-1] == 10.0
    p = special.expit(grid)
    np.testing.assert_allclose(artists["ce_curve"].get_ydata(), -np.log(p), rtol=1e-9)
    np.testing.assert_allclose(artists["mse_curve"].get_ydata(), (1 - p) ** 2)
    np.testing.assert_allclose(artists["ce_grad_curve"].get_ydata(), p - 1)
    np.testing.assert_allclose(artists["mse_grad_curve"].get_ydata(), 2 * (p - 1) * p * (1 - p))
    # At a confidently wrong logit the cross-entropy slope is ~ -1, the squared error's ~ 0.
    assert artists["ce_grad_marker"].get_ydata()[0] == pytest.approx(-1.0, abs=1e-4)
    assert artists["mse_grad_marker"].get_ydata()[0] == pytest.approx(-9.08e-5, rel=1e-3)
    assert artists["ce_marker"].get_xdata()[0] == -10.0
    assert artists["loss_title"].get_text() == "Loss of one example, label y = 1"
    assert len(artists["axes"]) == 2
    plt.close("all")


def test_l06_draw_ce_vs_mse_label_zero_and_given_axes():
    import pytest
    import matplotlib.pyplot as plt
    import numpy as np

    from coursekit.plotting import draw_ce_vs_mse

    fig, axes = plt.subplots(1, 2)
    artists = draw_ce_vs_mse(3.0, y=0, axes=axes, z_range=(-4.0, 4.0))
    assert artists["axes"][0] is axes[0] and len(axes[0].lines) == 4 and len(axes[1].lines) == 4
    ce, ce_grad = artists["ce_marker"].get_ydata()[0], artists["ce_grad_marker"].get_ydata()[0]
    assert ce == pytest.approx(np.log1p(np.exp(3.0)))
    assert ce_grad == pytest.approx(1 / (1 + np.exp(-3.0)))
    assert artists["mse_grad_marker"].get_ydata()[0] > 0
    assert artists["ce_curve"].get_xdata()[-1] == 4.0
    plt.close(fig)


def test_l06_plot_reliability_draws_the_diagonal_once_and_one_line_per_model():
    import matplotlib.pyplot as plt
    import numpy as np

    from coursekit.calibration import reliability_curve
    from coursekit.plotting import plot_reliability

    rng = np.random.default_rng(0)
    p = rng.random(200)
    y = (rng.random(200) < p).astype(int)
    ax = plot_reliability(y, p, n_bins=5, label="a")
    assert plot_reliability(y, p ** 2, n_bins=5, ax=ax, label="b") is ax
    assert [line.get_label() for line in ax.lines] == ["perfectly calibrated", "a", "b"]
    curve = reliability_curve(y, p, 5)
    np.testing.assert_allclose(ax.lines[1].get_xdata(), curve.mean_predicted)
    np.testing.assert_allclose(ax.lines[1].get_ydata(), curve.observed)
    assert ax.get_xlabel() == "mean predicted probability of class 1"
    plt.close("all")


def test_l06_plot_reliability_skips_empty_bins_and_validates():
    import pytest
    import matplotlib.pyplot as plt

    from coursekit.plotting import plot_reliability

    ax = plot_reliability([0, 1, 1], [0.05, 0.92, 0.97], n_bins=10)
    assert len(ax.lines[1].get_xdata()) == 2
    with pytest.raises(ValueError, match="y_true must hold labels 0 or 1"):
        plot_reliability([0, 3], [0.1, 0.2])
    plt.close("all")


# Lecture 05: draw_coin_nll, the coin's average NLL over theta ---------------------


def test_l05_coin_average_nll_is_the_cross_entropy_of_the_frequencies():
    import math

    import numpy as np

    from coursekit import cross_entropy
    from coursekit.plotting import coin_average_nll

    for k, n, theta in [(6, 20, 0.3), (6, 20, 0.8), (0, 5, 0.4), (5, 5, 0.9)]:
        expected = cross_entropy([k / n, 1 - k / n], [theta, 1 - theta], base=math.e)
        assert math.isclose(float(coin_average_nll(theta, k, n)), expected, rel_tol=1e-12)
    grid = np.linspace(0.01, 0.99, 99)
    assert math.isclose(grid[np.argmin(coin_average_nll(grid, 37, 100))], 0.37)
    assert coin_average_nll(0.0, 0, 3) == 0.0 and coin_average_nll(1.0, 3, 3) == 0.0
    assert coin_average_nll(0.0, 1, 3) == math.inf and coin_average_nll(1.0, 2, 3) == math.inf


def test_l05_draw_coin_nll_artists_follow_the_state():
    import math

    import matplotlib.pyplot as plt
    import numpy as np

    from coursekit.plotting import coin_average_nll, draw_coin_nll, set_coin_nll

    artists = draw_coin_nll(6, 20, 0.5)
    ax = artists["ax"]
    grid = artists["curve"].get_xdata()
    np.testing.assert_allclose(artists["curve"].get_ydata(), coin_average_nll(grid, 6, 20))
    assert list(artists["marker"].get_xdata()) == [0.5]
    assert math.isclose(artists["marker"].get_ydata()[0], math.log(2))
    assert list(artists["mle"].get_xdata()) == [0.3, 0.3]
    assert ax.get_ylabel() == "average NLL (nats)" and ax.get_xlim() == (0.0, 1.0)
    curve_before = artists["curve"].get_ydata().copy()
    nll, theta_hat, nll_hat = set_coin_nll(artists, 0, 20, 0.99)
    assert theta_hat == 0.0 and nll_hat == 0.0 and math.isclose(nll, -math.log(0.01))
    assert nll < ax.get_ylim()[1]  # the slider's extremes stay on the axes
    assert not np.allclose(artists["curve"].get_ydata(), curve_before)
    assert artists["title"].get_text() == "0 heads in 20 flips: average NLL over θ"
    assert len(ax.lines) == 4  # moved, not redrawn
    plt.close("all")


# Lecture 03: draw_cross_entropy_bars, H(p, q) = H(p) + D(p‖q) as stacked bars ------


def test_l03_cross_entropy_bars_stack_entropy_and_divergence():
    import math

    import matplotlib.pyplot as plt
    import pytest
    from scipy import special, stats

    from coursekit.plotting import draw_cross_entropy_bars

    p, q = [0.8, 0.15, 0.05], [1 / 3, 1 / 3, 1 / 3]
    h = stats.entropy(p, base=2)
    d = special.rel_entr(p, q).sum() / math.log(2)
    fig, ax = plt.subplots()
    artists = draw_cross_entropy_bars(p, q, ax=ax)
    assert artists["ax"] is ax
    h_bar, base_bar, excess_bar, d_bar = artists["bars"]
    assert h_bar.get_height() == pytest.approx(h)
    assert base_bar.get_height() == pytest.approx(h)
    assert excess_bar.get_y() == pytest.approx(h) and excess_bar.get_height() == pytest.approx(d)
    assert d_bar.get_height() == pytest.approx(d)
    # The stacked bar is as tall as the cross-entropy (Gibbs: taller than H(p)).
    assert excess_bar.get_y() + excess_bar.get_height() == pytest.approx(math.log2(3))
    assert [t.get_text() for t in artists["labels"]] == [f"{h:.3f} bits", f"{math.log2(3):.3f} bits", f"{d:.3f} bits"]
    assert ax.get_ylim()[1] > math.log2(3)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["$H(p)$", "$H(p, q)$", r"$D(p\,\|\,q)$"]
    plt.close(fig)


def test_l03_cross_entropy_bars_follow_a_new_pair_and_clip_infinity():
    import matplotlib.pyplot as plt
    import pytest

    from coursekit.plotting import draw_cross_entropy_bars, set_cross_entropy_bars

    fig, ax = plt.subplots()
    artists = draw_cross_entropy_bars([0.5, 0.5], [0.5, 0.5], ax=ax, ymax=3.0)
    assert artists["bars"][3].get_height() == 0.0  # q = p: no divergence
    n_patches = len(ax.patches)
    h, h_pq, d = set_cross_entropy_bars(artists, [0.5, 0.5], [1.0, 0.0])
    assert (h, h_pq, d) == (pytest.approx(1.0), float("inf"), float("inf"))
    assert len(ax.patches) == n_patches  # the same artists, moved
    assert artists["bars"][3].get_height() == pytest.approx(3.0)  # clipped to the axes
    assert artists["bars"][2].get_y() + artists["bars"][2].get_height() == pytest.approx(3.0)
    assert [t.get_text() for t in artists["labels"]] == ["1.000 bits", "∞ bits", "∞ bits"]
    with pytest.raises(ValueError, match="same shape"):
        draw_cross_entropy_bars([0.5, 0.5], [1 / 3] * 3)
    plt.close("all")


# Lecture 04: draw_softmax_loss_bars and set_softmax_loss_bars -------------------


def test_l04_softmax_loss_bars_show_softmax_and_the_loss_in_nats():
    import math

    import matplotlib.pyplot as plt
    import numpy as np
    import pytest
    from scipy import special

    from coursekit.plotting import PALETTE, draw_softmax_loss_bars

    fig, ax = plt.subplots()
    logits, target, temperature = np.array([2.0, 1.0, 0.1, -1.0]), 1, 0.25
    artists = draw_softmax_loss_bars(logits, target, temperature, labels=list("abcd"), ax=ax)
    assert artists["ax"] is ax
    expected = special.softmax(logits / temperature)
    heights = [bar.get_height() for bar in artists["bars"]]
    np.testing.assert_allclose(heights, expected, rtol=1e-12)
    assert all(type(h) is float for h in heights)
    assert [t.get_text() for t in artists["values"]] == [f"{p:.2f}" for p in expected]
    assert [t.get_position()[1] for t in artists["values"]] == pytest.approx(expected + 0.02)
    loss = -math.log(expected[target])
    assert artists["title"].get_text() == f"T = 0.25   loss = {loss:.4f} nats"
    colors = [bar.get_facecolor() for bar in artists["bars"]]
    assert colors[1] != colors[0] and colors[0] == colors[2] == colors[3]
    assert plt.matplotlib.colors.to_hex(colors[1]) == PALETTE[3].lower()
    assert [t.get_text() for t in ax.get_xticklabels()] == ["a", "b\n(true)", "c", "d"]
    assert ax.get_ylim() == (0.0, 1.12)
    plt.close(fig)


def test_l04_set_softmax_loss_bars_moves_the_same_artists_and_validates():
    import matplotlib.pyplot as plt
    import numpy as np
    import pytest

    from coursekit.plotting import draw_softmax_loss_bars, set_softmax_loss_bars

    fig, ax = plt.subplots()
    artists = draw_softmax_loss_bars([0.0, 0.0, 0.0], 2, ax=ax)
    assert artists["title"].get_text() == f"T = 1   loss = {np.log(3):.4f} nats"
    n_patches, n_texts = len(ax.patches), len(ax.texts)
    probs, loss = set_softmax_loss_bars(artists, [0.0, -1000.0, 1000.0], 2, temperature=10.0)
    assert loss == pytest.approx(np.log1p(np.exp(-100.0)), abs=1e-12)  # finite, ~0 nats
    assert probs.sum() == pytest.approx(1.0)
    probs, loss = set_softmax_loss_bars(artists, [1000.0, 0.0, -1000.0], 2)
    assert loss == 2000.0 and np.isfinite(loss)  # from the logits: no log 0
    assert artists["title"].get_text() == "T = 1   loss = 2000.0000 nats"
    assert (len(ax.patches), len(ax.texts)) == (n_patches, n_texts)
    for bad in (0.0, -1.0, float("inf"), float("nan"), "1", True):
        with pytest.raises(ValueError, match="temperature must be a positive finite number"):
            set_softmax_loss_bars(artists, [0.0, 0.0, 0.0], 0, temperature=bad)
    with pytest.raises(ValueError, match=r"one score per bar \(3\); got shape \(2,\)"):
        set_softmax_loss_bars(artists, [0.0, 0.0], 0)
    with pytest.raises(ValueError, match="target must be a class index in 0..2; got 3"):
        draw_softmax_loss_bars([0.0, 0.0, 0.0], 3)
    with pytest.raises(ValueError, match="target must be a class index"):
        draw_softmax_loss_bars([0.0, 0.0, 0.0], 1.0)
    with pytest.raises(ValueError, match="one vector of at least two scores"):
        draw_softmax_loss_bars([[0.0, 0.0]], 0)
    with pytest.raises(ValueError, match="labels must name the 3 classes; got 2 names"):
        draw_softmax_loss_bars([0.0, 0.0, 0.0], 0, labels=["a", "b"])
    plt.close("all")


# Lecture 02: entropy_readout, draw_entropy_bars, draw_code_tree ---------------------


def test_l02_entropy_readout_gives_bits_and_the_maximum():
    from coursekit.plotting import entropy_readout

    assert entropy_readout([1, 0, 0, 0]) == "H = 0.0000 bits, max log2 4 = 2.0000 bits"
    assert entropy_readout([0.25, 0.75]) == "H = 0.8113 bits, max log2 2 = 1.0000 bits"


def test_l02_draw_entropy_bars_returns_its_artists():
    import matplotlib.pyplot as plt

    from coursekit.plotting import draw_entropy_bars

    fig, ax = plt.subplots()
    bars, title = draw_entropy_bars([0.5, 0.25, 0.25, 0.0], labels=["w", "x", "y", "z"], ax=ax)
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

    from coursekit.plotting import draw_entropy_bars

    with pytest.raises(ValueError, match="p must sum to 1"):
        draw_entropy_bars([0.5, 0.6])
    with pytest.raises(ValueError, match=r"labels must have one entry per outcome \(2\); got 3"):
        draw_entropy_bars([0.5, 0.5], labels=["a", "b", "c"])
    with pytest.raises(ValueError, match="p must be one distribution"):
        draw_entropy_bars([[0.5, 0.5], [0.5, 0.5]])
    plt.close("all")


def test_l02_draw_code_tree_has_one_edge_per_non_root_prefix():
    import matplotlib.pyplot as plt

    from coursekit.plotting import draw_code_tree

    probs = {"red": 0.3, "blue": 0.3, "yellow": 0.2, "white": 0.1, "black": 0.1}
    code = {"red": "10", "blue": "11", "yellow": "00", "white": "010", "black": "011"}
    fig, ax = plt.subplots()
    assert draw_code_tree(code, probs, ax=ax) is ax
    # Prefixes: 0, 1, 00, 01, 10, 11, 010, 011 -> 8 edges, each labelled with its last bit.
    assert len(ax.lines) == 8
    bits = sorted(t.get_text() for t in ax.texts if t.get_text() in {"0", "1"})
    assert bits == ["0"] * 4 + ["1"] * 4
    labels = {t.get_text(): t.get_position() for t in ax.texts if "\n" in t.get_text()}
    assert set(labels) == {f"{s}\n{w}\np = {probs[s]:.3g}" for s, w in code.items()}
    # Depth follows codeword length; left-to-right follows the codewords' order.
    positions = {s: labels[f"{s}\n{w}\np = {probs[s]:.3g}"] for s, w in code.items()}
    for s, w in code.items():
        assert positions[s][1] == -len(w) - 0.15
    xs = [positions[s][0] for s in sorted(code, key=code.get)]
    assert xs == sorted(xs) and len(set(xs)) == len(xs)
    assert not ax.axison
    plt.close(fig)


def test_l02_draw_code_tree_without_probs_single_symbol_and_ambiguous_code():
    import matplotlib.pyplot as plt

    from coursekit.plotting import draw_code_tree

    ax = draw_code_tree({"a": ""})
    assert len(ax.lines) == 0 and [t.get_text() for t in ax.texts] == ["a\n(empty)"]
    ax = draw_code_tree({"a": "0", "b": "1"})
    assert sorted(t.get_text() for t in ax.texts if "\n" in t.get_text()) == ["a\n0", "b\n1"]
    # Not prefix-free: 'a' sits on an inner node, labelled on its left.
    ax = draw_code_tree({"a": "0", "b": "01"}, [0.5, 0.5])
    inner = [t for t in ax.texts if t.get_text().startswith("a\n")][0]
    assert inner.get_ha() == "right"
    plt.close("all")


def test_l02_draw_code_tree_errors_name_the_argument():
    import matplotlib.pyplot as plt
    import pytest

    from coursekit.plotting import draw_code_tree

    with pytest.raises(TypeError, match="code must be a mapping"):
        draw_code_tree(["0", "1"])
    with pytest.raises(ValueError, match="must contain only '0' and '1'"):
        draw_code_tree({"a": "02"})
    with pytest.raises(ValueError, match="probs has no probability for symbol 'b'"):
        draw_code_tree({"a": "0", "b": "1"}, {"a": 1.0})
    with pytest.raises(ValueError, match=r"one probability per codeword \(2\); got 3"):
        draw_code_tree({"a": "0", "b": "1"}, [0.2, 0.3, 0.5])
    plt.close("all")


# Lecture 01 and start here: draw_surprisal, draw_surprisal_marker, draw_echo -----


def test_l01_draw_surprisal_curves_are_minus_log_in_bits_and_nats():
    import matplotlib.pyplot as plt
    import numpy as np

    from coursekit.plotting import draw_surprisal

    artists = draw_surprisal()
    p = artists["bits"].get_xdata()
    assert p[0] == 1e-3 and p[-1] == 1.0 and np.all(np.diff(p) > 0)
    np.testing.assert_allclose(artists["bits"].get_ydata(), -np.log2(p), atol=1e-12)
    np.testing.assert_allclose(artists["nats"].get_ydata(), -np.log(p), atol=1e-12)
    ax = artists["ax"]
    assert ax.get_xscale() == "linear" and ax.get_xlim() == (0.0, 1.0)
    assert ax.get_ylim()[1] > -np.log2(1e-3)  # the whole curve fits
    assert "guide" not in artists and artists["examples"] == []
    assert ax.get_xlabel() and ax.get_ylabel() and ax.get_title()
    plt.close(ax.figure)


def test_l01_draw_surprisal_labels_examples_by_probability_on_a_log_axis():
    import matplotlib.pyplot as plt
    import numpy as np

    from coursekit.plotting import draw_surprisal

    examples = {"coin": 1 / 2, "an ace": 4 / 52, "coin and die": 1 / 12}
    artists = draw_surprisal(examples=examples, log_x=True)
    assert artists["ax"].get_xscale() == "log"
    labels = artists["examples"]
    assert [label.get_text() for label in labels] == ["an ace", "coin and die", "coin"]
    np.testing.assert_allclose([label.xy for label in labels],
                               [(4 / 52, np.log2(13)), (1 / 12, np.log2(12)), (0.5, 1.0)])
    # "an ace" is within a factor 1.5 of its neighbour: lifted, with a leader line.
    assert labels[0].arrow_patch is not None and labels[2].arrow_patch is None
    plt.close(artists["ax"].figure)


def test_l01_surprisal_marker_moves_with_p():
    import math

    import matplotlib.pyplot as plt
    import pytest

    from coursekit.plotting import draw_surprisal, set_surprisal_marker

    artists = draw_surprisal(p=0.5)
    assert list(artists["marker_bits"].get_ydata()) == [1.0]
    bits, nats = set_surprisal_marker(artists, 1 / 8)
    assert (bits, nats) == pytest.approx((3.0, math.log(8)))
    assert list(artists["marker_bits"].get_xdata()) == [1 / 8]
    assert list(artists["marker_nats"].get_ydata()) == pytest.approx([math.log(8)])
    assert list(artists["guide"].get_ydata()) == pytest.approx([0.0, 3.0])
    assert set_surprisal_marker(artists, 1.0) == (0.0, 0.0)
    for bad in (0, -0.1, 1.5, "0.5", True):
        with pytest.raises(ValueError, match=r"p must be a probability in \(0, 1\]"):
            set_surprisal_marker(artists, bad)
    plt.close(artists["ax"].figure)


def test_l01_draw_surprisal_rejects_bad_arguments():
    import pytest

    from coursekit.plotting import draw_surprisal

    with pytest.raises(ValueError, match=r"p_min must be a number in \(0, 1\); got 0"):
        draw_surprisal(p_min=0)
    with pytest.raises(ValueError, match=r"examples\['die'\] must be a probability in \(0, 1\]; got 6"):
        draw_surprisal(examples={"die": 6})


def test_start_here_draw_echo_bar_follows_the_value():
    import matplotlib.pyplot as plt
    import pytest

    from coursekit.plotting import draw_echo, set_echo

    artists = draw_echo(0.25)
    assert artists["bar"].get_width() == 0.25 and artists["label"].get_text() == "0.25"
    assert set_echo(artists, 1.0) == "1.00"
    assert artists["bar"].get_width() == 1.0 and artists["label"].xy == (1.0, 0.0)
    with pytest.raises(ValueError, match=r"value must be a number in \[0, 1\]; got 2"):
        set_echo(artists, 2)
    plt.close(artists["ax"].figure)
