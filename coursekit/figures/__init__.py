"""The teaching interface: one module per concept, each with its ``draw_*`` and ``*_widget``.

- :mod:`~coursekit.figures.style`: palette, sizes, colours, :func:`use_style` (the one place);
- :mod:`~coursekit.figures.live`: controls, readout and a PNG that follows them (every widget);
- :mod:`~coursekit.figures.echo` (00), :mod:`~coursekit.figures.surprisal` (01),
  :mod:`~coursekit.figures.entropy` and :mod:`~coursekit.figures.codetree` (02),
  :mod:`~coursekit.figures.divergence` (03), :mod:`~coursekit.figures.softmax` and
  :mod:`~coursekit.figures.distribution` (04), :mod:`~coursekit.figures.likelihood` (05),
  :mod:`~coursekit.figures.ce_vs_mse` and :mod:`~coursekit.figures.reliability` (06), :mod:`~coursekit.figures.temperature` (07).

The public names below are re-exported lazily: ``from coursekit.figures import
draw_surprisal`` imports matplotlib and that one module, and ipywidgets only
when a widget is made.
"""

import importlib

_HOME = {
    "style": ["DPI", "FONT_SIZE", "INK", "PALETTE", "STYLE", "TITLE_SIZE", "get_ax", "use_style"],
    "live": ["figure_to_png", "live_figure", "slider", "int_slider"],
    "echo": ["draw_echo", "set_echo", "echo_widget"],
    "surprisal": ["draw_surprisal", "draw_surprisal_marker", "set_surprisal_marker",
                  "surprisal_readout", "surprisal_widget"],
    "entropy": ["draw_entropy_bars", "entropy_readout", "entropy_widget"],
    "codetree": ["draw_code_tree"],
    "divergence": ["draw_cross_entropy_bars", "set_cross_entropy_bars", "cross_entropy_widget"],
    "distribution": ["draw_distribution"],
    "softmax": ["draw_softmax_loss_bars", "set_softmax_loss_bars", "softmax_loss_widget"],
    "likelihood": ["draw_coin_nll", "set_coin_nll", "coin_likelihood_widget"],
    "ce_vs_mse": ["draw_ce_vs_mse", "set_ce_vs_mse", "draw_loss_curves", "ce_vs_mse_widget"],
    "reliability": ["draw_reliability"],
    "temperature": ["draw_temperature", "set_temperature", "temperature_readout", "temperature_widget"],
}
_MODULE_OF = {name: module for module, names in _HOME.items() for name in names}

__all__ = sorted(_MODULE_OF)


def __getattr__(name):
    if name in _MODULE_OF:
        return getattr(importlib.import_module(f"coursekit.figures.{_MODULE_OF[name]}"), name)
    if name in _HOME:
        return importlib.import_module(f"coursekit.figures.{name}")
    raise AttributeError(f"module 'coursekit.figures' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(__all__) | set(_HOME))
