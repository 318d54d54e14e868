"""Interactive figures: controls, a readout line and a figure that follows them.

Every widget in the course has the same shape. A pure ``draw_*`` function draws
a state on an ``ax`` (the static figure a lecture shows first, testable without
a browser) and returns the artists it made; a ``*_widget`` wrapper builds the
figure once and hands an ``update`` function to :func:`live_figure`, which
changes those artists' data on every move of a control and re-renders the PNG,
redrawing only the artists that moved over a cached background.
The box has the DOM class ``coursekit-widget``, the readout
``coursekit-readout`` and the image ``coursekit-figure``, which the browser
tests look for.
"""

from coursekit.plotting import rgba_to_png


class _Renderer:
    """Render a figure to PNG again and again, redrawing only what moved.

    The first render draws everything and fixes the layout. After that, the
    artists an update changed are the ones matplotlib marks stale; they are
    drawn over a cached background (the figure drawn without them), which is
    matplotlib's blitting. When something else changes (an axes' limits, a new
    set of moving artists), the background is drawn again.
    """

    def __init__(self, fig):
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        self.fig = fig
        self.canvas = fig.canvas if hasattr(fig.canvas, "copy_from_bbox") else FigureCanvasAgg(fig)
        self.moving = []
        self.background = None
        self.limits = None

    def _leaves(self):
        """The artists a draw would paint (a stale hidden one is no change)."""
        from matplotlib.axis import Axis
        from matplotlib.spines import Spine
        from matplotlib.text import Text

        for ax in self.fig.axes:
            for artist in ax.get_children():
                if not artist.get_visible() or (isinstance(artist, Text) and not artist.get_text()):
                    continue
                if ax.axison or not isinstance(artist, (Axis, Spine)):
                    yield artist
        yield from (text for text in self.fig.texts if text.get_visible())

    def _limits(self):
        return [tuple(ax.viewLim.bounds) for ax in self.fig.axes]

    def _draw_background(self, moving):
        for artist in moving:
            artist.set_visible(False)
        self.canvas.draw()
        self.background = self.canvas.copy_from_bbox(self.fig.bbox)
        for artist in moving:
            artist.set_visible(True)
        self.moving = sorted(moving, key=lambda a: a.get_zorder())

    def render(self):
        """PNG bytes of the figure as it is now."""
        from matplotlib.axis import Axis

        stale = [a for a in self._leaves() if a.stale]
        limits = self._limits()
        if self.background is None or limits != self.limits or any(isinstance(a, Axis) for a in stale):
            self._draw_background([])  # everything is background: a plain full draw
            self.limits = limits
        elif not set(stale) <= set(self.moving):
            self._draw_background(set(self.moving) | set(stale))
        if self.moving:
            self.canvas.restore_region(self.background)
            renderer = self.canvas.get_renderer()
            for artist in self.moving:
                artist.draw(renderer)
        import numpy as np

        return rgba_to_png(np.asarray(self.canvas.buffer_rgba()))


def live_figure(fig, controls, update):
    """Wire ``controls`` to ``update`` and to a rendered copy of ``fig``.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        Built once; ``update`` changes its artists in place.
    controls : dict of str to ipywidgets.ValueWidget
        Named controls; their values are passed to ``update`` by name.
    update : callable
        ``update(**values)`` changes the figure's artists and returns the
        readout text (HTML).

    Returns
    -------
    ipywidgets.VBox
        The controls, the readout and the figure, ready to display.
    """
    import ipywidgets as widgets
    import matplotlib.pyplot as plt

    readout = widgets.HTML()
    readout.add_class("coursekit-readout")
    image = widgets.Image(format="png", layout=widgets.Layout(max_width="100%"))
    image.add_class("coursekit-figure")

    renderer = _Renderer(fig)

    def refresh(change=None):
        readout.value = update(**{name: control.value for name, control in controls.items()})
        image.value = renderer.render()

    for control in controls.values():
        control.observe(refresh, names="value")
    refresh()
    _freeze_layout(fig)
    refresh()  # the same state again: learns which artists move, so the first drag is fast too
    plt.close(fig)  # shown through the Image widget only, not a second time inline
    box = widgets.VBox([widgets.HBox(list(controls.values())), readout, image])
    box.add_class("coursekit-widget")
    box.refresh = refresh  # lets tests and benchmarks drive one update directly
    box.figure = fig
    return box


def _freeze_layout(fig):
    """Keep every axes where the first render's layout put it.

    A layout engine (the course style uses constrained layout) re-solves the
    layout on every draw; an update that only moves artists does not need it,
    and skipping it roughly halves the time of one update.
    """
    from matplotlib.layout_engine import PlaceHolderLayoutEngine

    fig.set_layout_engine(PlaceHolderLayoutEngine(adjust_compatible=True, colorbar_gridspec=True))


def slider(description, value, min, max, step, log=False, readout_format=".3f"):
    """A float slider that reacts continuously and is wide enough to use on a projector."""
    import ipywidgets as widgets

    cls = widgets.FloatLogSlider if log else widgets.FloatSlider
    kwargs = dict(value=value, min=min, max=max, step=step, description=description,
                  readout_format=readout_format, continuous_update=True,
                  style={"description_width": "initial"},
                  layout=widgets.Layout(width="420px"))
    if log:
        kwargs["base"] = 10
    return cls(**kwargs)


# Lecture 03: move p and q, watch H(p), H(p, q) and D(p‖q) -------------------


def cross_entropy_widget(a=0.8, b=0.5):
    r"""Two coins: the world's ``p = (a, 1 - a)`` and the belief ``q = (b, 1 - b)``.

    Two sliders set ``a`` and ``b``; the bars of
    :func:`coursekit.plotting.draw_cross_entropy_bars` show :math:`H(p)`,
    :math:`H(p, q) = H(p) + D(p\|q)` and :math:`D(p\|q)`, and the readout gives
    the three values in bits.

    Parameters
    ----------
    a, b : float, default 0.8 and 0.5
        Starting probabilities of heads under ``p`` and under ``q``, in [0.01, 0.99].

    Returns
    -------
    ipywidgets.VBox
        See :func:`live_figure`.

    Examples
    --------
    >>> box = cross_entropy_widget(0.5, 0.5)
    >>> "D(p‖q) = 0.0000 bits" in box.children[1].value
    True
    """
    import matplotlib.pyplot as plt

    from coursekit.plotting import draw_cross_entropy_bars, set_cross_entropy_bars

    for name, value in (("a", a), ("b", b)):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.01 <= value <= 0.99:
            raise ValueError(f"{name} must be a number in [0.01, 0.99]; got {value!r}.")
    fig, ax = plt.subplots()
    # The largest H(p, q) the sliders allow is about 6.58 bits (a = 0.01, b = 0.99).
    artists = draw_cross_entropy_bars([a, 1 - a], [b, 1 - b], ax=ax, ymax=7.0)

    def update(a, b):
        p, q = [a, 1 - a], [b, 1 - b]
        h, hpq, d = set_cross_entropy_bars(artists, p, q)
        return (f"p = ({a:.2f}, {1 - a:.2f}), q = ({b:.2f}, {1 - b:.2f}): "
                f"H(p) = {h:.4f} bits, H(p, q) = {hpq:.4f} bits, D(p‖q) = {d:.4f} bits")

    controls = {"a": slider("p(heads) = a", a, 0.01, 0.99, 0.01, readout_format=".2f"),
                "b": slider("q(heads) = b", b, 0.01, 0.99, 0.01, readout_format=".2f")}
    return live_figure(fig, controls, update)


# Lecture 05: the coin's average negative log-likelihood, θ and k on sliders ----


def coin_likelihood_widget(k=6, n=20, theta=0.5):
    r"""Average NLL of ``k`` heads in ``n`` flips against θ, with θ and ``k`` on sliders.

    Draws :func:`coursekit.plotting.draw_coin_nll`; the readout gives the
    average NLL at the chosen θ and its minimum, reached at
    :math:`\hat\theta = k/n`, both in nats.

    Parameters
    ----------
    k : int, default 6
        Starting number of heads, ``0 <= k <= n``.
    n : int, default 20
        Number of flips (fixed for the widget).
    theta : float, default 0.5
        Starting model probability of heads, in [0.01, 0.99].

    Returns
    -------
    ipywidgets.VBox
        See :func:`live_figure`.

    Examples
    --------
    >>> box = coin_likelihood_widget(6, 20, 0.3)
    >>> box.children[1].value
    'average NLL = 0.6109 nats at θ = 0.300; minimum 0.6109 nats at θ̂ = k/n = 6/20 = 0.300'
    """
    import numbers

    import ipywidgets as widgets
    import matplotlib.pyplot as plt

    from coursekit.plotting import draw_coin_nll, set_coin_nll

    if isinstance(n, bool) or not isinstance(n, numbers.Integral) or not 1 <= n <= 1000:
        raise ValueError(f"n must be an integer in 1..1000; got {n!r}.")
    if isinstance(k, bool) or not isinstance(k, numbers.Integral) or not 0 <= k <= n:
        raise ValueError(f"k must be an integer in 0..n = 0..{n}; got {k!r}.")
    if isinstance(theta, bool) or not isinstance(theta, numbers.Real) or not 0.01 <= theta <= 0.99:
        raise ValueError(f"theta must be a number in [0.01, 0.99]; got {theta!r}.")
    n = int(n)
    fig, ax = plt.subplots()
    artists = draw_coin_nll(int(k), n, float(theta), ax=ax)

    def update(theta, k):
        nll, theta_hat, nll_hat = set_coin_nll(artists, k, n, theta)
        return (f"average NLL = {nll:.4f} nats at θ = {theta:.3f}; "
                f"minimum {nll_hat:.4f} nats at θ̂ = k/n = {k}/{n} = {theta_hat:.3f}")

    heads = widgets.IntSlider(value=int(k), min=0, max=n, step=1, description=f"heads k (of n = {n})",
                              continuous_update=True, style={"description_width": "initial"},
                              layout=widgets.Layout(width="420px"))
    controls = {"theta": slider("model θ", float(theta), 0.01, 0.99, 0.01, readout_format=".2f"),
                "k": heads}
    return live_figure(fig, controls, update)


# Lecture 02 (entropy): shape a distribution, watch its entropy ------------------


def entropy_widget(weights=(4.0, 2.0, 1.0, 1.0), labels=None):
    """Sliders of weights, normalised to a distribution; its bars and entropy follow.

    Each slider sets a weight :math:`w_i \\ge 0`; the figure shows
    :math:`p_i = w_i / \\sum_j w_j` as bars (drawn once by
    :func:`coursekit.plotting.draw_entropy_bars`, then resized) and the readout
    gives :math:`H(p)` in bits next to its maximum :math:`\\log_2 n`.

    Parameters
    ----------
    weights : sequence of float, default (4, 2, 1, 1)
        Starting weights, 2 to 6 of them, each in [0, 10], not all 0.
    labels : sequence of str, optional
        One label per outcome; default ``a``, ``b``, ...

    Returns
    -------
    ipywidgets.VBox
        Sliders, readout and figure (see :func:`live_figure`).

    Raises
    ------
    ValueError
        If ``weights`` has fewer than 2 or more than 6 entries, an entry
        outside [0, 10], or sums to 0; or ``labels`` has the wrong length.

    Examples
    --------
    >>> w = entropy_widget((1, 1, 1, 1))
    >>> w.children[1].value
    'H = 2.0000 bits, max log2 4 = 2.0000 bits'
    >>> w.children[0].children[3].value = 0.0
    >>> w.children[1].value
    'H = 1.5850 bits, max log2 4 = 2.0000 bits'
    """
    import matplotlib.pyplot as plt
    import numpy as np

    from coursekit._validation import as_float_array
    from coursekit.plotting import draw_entropy_bars, entropy_readout

    w = as_float_array(weights, "weights")
    if w.ndim != 1 or not 2 <= len(w) <= 6:
        raise ValueError(f"weights must be 2 to 6 numbers; got shape {w.shape}.")
    if (w < 0).any() or (w > 10).any():
        raise ValueError(f"weights must each lie in [0, 10] (the sliders' range); got {w.tolist()}.")
    if w.sum() == 0:
        raise ValueError("weights must not all be 0: they are normalised to a distribution.")
    if labels is None:
        labels = [chr(ord("a") + i) for i in range(len(w))]
    labels = [str(label) for label in labels]
    if len(labels) != len(w):
        raise ValueError(f"labels must have one entry per weight ({len(w)}); got {len(labels)}.")

    fig, ax = plt.subplots()
    bars, title = draw_entropy_bars(w / w.sum(), labels=labels, ax=ax)
    controls = {}
    for i, (label, value) in enumerate(zip(labels, w)):
        control = slider(f"weight {label}", float(value), 0.0, 10.0, 0.1, readout_format=".1f")
        control.layout.width = "250px"
        controls[f"w{i}"] = control

    def update(**values):
        new = np.array([values[f"w{i}"] for i in range(len(labels))], dtype=float)
        total = new.sum()
        if total == 0:
            for bar in bars:
                bar.set_height(0.0)
            text = "all weights are 0: raise one to make a distribution"
        else:
            p = new / total
            for bar, height in zip(bars, p):
                bar.set_height(height)
            text = entropy_readout(p)
        title.set_text(text)
        return text

    return live_figure(fig, controls, update)


def ce_vs_mse_widget(z=-6.0, y=1):
    """Slide the logit of one example; watch cross-entropy and squared error, and their slopes.

    The figure is :func:`coursekit.plotting.draw_ce_vs_mse`; a slider moves the
    logit ``z`` and a toggle switches the label ``y``. The readout gives the
    prediction, both losses and both derivatives with respect to ``z``.

    Examples
    --------
    >>> w = ce_vs_mse_widget(z=-10.0, y=1)
    >>> w.children[1].value
    'ŷ = σ(z) = 0.0000 &nbsp;|&nbsp; CE = 10.0000 nats, dCE/dz = -1.0000 &nbsp;|&nbsp; MSE = 0.9999, dMSE/dz = -9.08e-05'
    """
    import ipywidgets as widgets
    import matplotlib.pyplot as plt
    import numpy as np

    from coursekit.plotting import draw_ce_vs_mse
    from coursekit.training import sigmoid_unit_losses

    fig, axes = plt.subplots(1, 2, figsize=(12.0, 4.5))
    artists = draw_ce_vs_mse(z, y, axes=axes)
    grid = artists["ce_curve"].get_xdata()
    label = widgets.ToggleButtons(options=[0, 1], value=y, description="label y",
                                  style={"description_width": "initial", "button_width": "48px"})
    controls = {"z": slider("logit z", z, -10.0, 10.0, 0.1, readout_format=".1f"), "y": label}
    shown = {"y": y}

    def update(z, y):
        if y != shown["y"]:  # the curves depend on the label only
            curves = sigmoid_unit_losses(grid, y)
            for name, values in zip(["ce_curve", "ce_grad_curve", "mse_curve", "mse_grad_curve"], curves):
                artists[name].set_ydata(values)
            artists["loss_title"].set_text(f"Loss of one example, label y = {y:g}")
            artists["grad_title"].set_text(f"Its slope, label y = {y:g}")
            shown["y"] = y
        ce, ce_grad, mse, mse_grad = (float(v[0]) for v in sigmoid_unit_losses([z], y))
        for name, value in [("ce_marker", ce), ("ce_grad_marker", ce_grad),
                            ("mse_marker", mse), ("mse_grad_marker", mse_grad)]:
            artists[name].set_data([z], [value])
        p = float(1 / (1 + np.exp(-z)))
        return (f"ŷ = σ(z) = {p:.4f} &nbsp;|&nbsp; CE = {ce:.4f} nats, dCE/dz = {ce_grad:.4f}"
                f" &nbsp;|&nbsp; MSE = {mse:.4f}, dMSE/dz = {mse_grad:.3g}")

    return live_figure(fig, controls, update)


# Lecture 04: temperature and one logit vs. the softmax bars and the loss -------


def softmax_loss_widget(logits=(2.0, 1.0, 0.1, -1.0), target=1, labels=("cat", "dog", "fox", "owl")):
    r"""Softmax bars at a temperature, the true class highlighted, and its loss in nats.

    A log slider sets the temperature T (0.1 to 10) and a second slider the
    true class's logit :math:`z_t` (-5 to 5); the bars of
    :func:`coursekit.plotting.draw_softmax_loss_bars` show
    :math:`\hat y = \operatorname{softmax}(z / T)` and the readout gives
    :math:`\hat y_t` and the loss :math:`-\ln \hat y_t` in nats.

    Parameters
    ----------
    logits : sequence of float, default (2.0, 1.0, 0.1, -1.0)
        The starting scores, one per class.
    target : int, default 1
        The true class.
    labels : sequence of str, default ("cat", "dog", "fox", "owl")
        Class names, one per logit.

    Returns
    -------
    ipywidgets.VBox
        See :func:`live_figure`.

    Examples
    --------
    >>> box = softmax_loss_widget([0.0, 0.0], target=0, labels=["a", "b"])
    >>> "loss = 0.6931 nats" in box.children[1].value
    True
    """
    import matplotlib.pyplot as plt
    import numpy as np

    from coursekit.plotting import draw_softmax_loss_bars, set_softmax_loss_bars

    fig, ax = plt.subplots(figsize=(7.0, 4.0))
    artists = draw_softmax_loss_bars(logits, target, labels=labels, ax=ax)  # validates
    base = np.asarray(logits, dtype=float)
    name = str(labels[target]) if labels is not None else str(target)

    def update(temperature, true_logit):
        z = base.copy()
        z[target] = true_logit
        probs, loss = set_softmax_loss_bars(artists, z, target, temperature)
        return (f"T = {temperature:.3g}, z<sub>{name}</sub> = {true_logit:.1f}, "
                f"ŷ<sub>{name}</sub> = {probs[target]:.4f}: <b>loss = {loss:.4f} nats</b>")

    start = float(np.clip(base[target], -5.0, 5.0))
    controls = {"temperature": slider("temperature T", 1.0, -1.0, 1.0, 0.01, log=True,
                                      readout_format=".2f"),
                "true_logit": slider(f"logit of {name} (true class)", start, -5.0, 5.0, 0.1,
                                     readout_format=".1f")}
    return live_figure(fig, controls, update)


# Lecture 01: pick a probability, read its surprisal in bits and in nats --------


def surprisal_readout(p):
    """The readout line of :func:`surprisal_widget` for the probability ``p``.

    Examples
    --------
    >>> surprisal_readout(0.25)
    'p = 0.2500: surprisal 2.0000 bits = 1.3863 nats, as surprising as 2.00 fair-coin heads in a row'
    """
    import math

    from coursekit.info import surprisal

    bits, nats = surprisal(p, base=2), surprisal(p, base=math.e)
    return (f"p = {p:.4f}: surprisal {bits:.4f} bits = {nats:.4f} nats, "
            f"as surprising as {bits:.2f} fair-coin heads in a row")


def surprisal_widget(p=0.1, log_x=True):
    r"""A probability on a log slider; its surprisal in bits and nats, on the curve.

    The figure is :func:`coursekit.plotting.draw_surprisal` with the markers of
    :func:`coursekit.plotting.draw_surprisal_marker`; moving the slider moves
    the markers (:func:`coursekit.plotting.set_surprisal_marker`) and the
    readout gives :math:`-\log_2 p` bits and :math:`-\ln p` nats.

    Parameters
    ----------
    p : float, default 0.1
        Starting probability, in [0.001, 1] (the slider's range).
    log_x : bool, default True
        Probability axis on a log scale, matching the slider.

    Returns
    -------
    ipywidgets.VBox
        See :func:`live_figure`.

    Raises
    ------
    ValueError
        If ``p`` is not a number in [0.001, 1].

    Examples
    --------
    >>> box = surprisal_widget(0.5)
    >>> box.children[1].value
    'p = 0.5000: surprisal 1.0000 bits = 0.6931 nats, as surprising as 1.00 fair-coin heads in a row'
    >>> box.children[0].children[0].value = 0.125
    >>> box.children[1].value.split(",")[0]
    'p = 0.1250: surprisal 3.0000 bits = 2.0794 nats'
    """
    import matplotlib.pyplot as plt

    from coursekit.plotting import draw_surprisal, draw_surprisal_marker, set_surprisal_marker

    if isinstance(p, bool) or not isinstance(p, (int, float)) or not 1e-3 <= p <= 1:
        raise ValueError(f"p must be a number in [0.001, 1] (the slider's range); got {p!r}.")
    fig, ax = plt.subplots()
    draw_surprisal(ax=ax, log_x=log_x)
    marker = draw_surprisal_marker(p, ax=ax)

    def update(p):
        set_surprisal_marker(marker, p)
        return surprisal_readout(p)

    controls = {"p": slider("probability p", p, -3.0, 0.0, 0.01, log=True, readout_format=".4f")}
    return live_figure(fig, controls, update)


# Start here: a slider whose readout and bar echo its value -----------------------


def echo_widget(value=0.5):
    """A slider, a readout that repeats its value, and a bar as long as the value.

    The start-here notebook uses it to check that widgets work: when you move
    the slider, the readout and the bar must follow.

    Parameters
    ----------
    value : float, default 0.5
        Starting value, in [0, 1].

    Returns
    -------
    ipywidgets.VBox
        See :func:`live_figure`.

    Raises
    ------
    ValueError
        If ``value`` is not a number in [0, 1].

    Examples
    --------
    >>> box = echo_widget(0.5)
    >>> box.children[1].value
    'The slider reads 0.50.'
    >>> box.children[0].children[0].value = 0.8
    >>> box.children[1].value
    'The slider reads 0.80.'
    """
    import matplotlib.pyplot as plt

    from coursekit.plotting import draw_echo, set_echo

    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise ValueError(f"value must be a number in [0, 1]; got {value!r}.")
    fig, ax = plt.subplots()
    artists = draw_echo(value, ax=ax)

    def update(value):
        return f"The slider reads {set_echo(artists, value)}."

    controls = {"value": slider("value", value, 0.0, 1.0, 0.05, readout_format=".2f")}
    return live_figure(fig, controls, update)
