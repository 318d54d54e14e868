"""coursekit.figures.style: one style, readable on a slide and in both JupyterLab themes."""

import pytest

WHITE, DARK = "#ffffff", "#111111"  # JupyterLab's light and dark notebook backgrounds


def relative_luminance(color):
    """WCAG 2 relative luminance of an sRGB colour."""
    from matplotlib.colors import to_rgb

    def linear(c):
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in to_rgb(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a, b):
    """WCAG 2 contrast ratio, from 1 (none) to 21 (black on white)."""
    high, low = sorted([relative_luminance(a), relative_luminance(b)], reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_ratio_matches_wcag_reference_values():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # WCAG's AA grey


def test_ink_reads_on_white_and_on_the_dark_theme():
    from coursekit.figures.style import INK

    on_white, on_dark = contrast_ratio(INK, WHITE), contrast_ratio(INK, DARK)
    assert on_white >= 4.3 and on_dark >= 4.3  # above WCAG's 3:1 for large (22 px+) text
    # And it is the best a single grey can do on both backgrounds at once.
    best = max(min(contrast_ratio(f"#{g:02x}{g:02x}{g:02x}", WHITE),
                   contrast_ratio(f"#{g:02x}{g:02x}{g:02x}", DARK)) for g in range(256))
    assert min(on_white, on_dark) == pytest.approx(best)


def test_every_text_colour_is_ink_and_the_backgrounds_are_transparent():
    from coursekit.figures.style import INK, PALETTE, STYLE

    for key in ("text.color", "axes.labelcolor", "axes.titlecolor", "xtick.color", "ytick.color",
                "axes.edgecolor"):
        assert STYLE[key] == INK, key
    assert STYLE["figure.facecolor"] == STYLE["axes.facecolor"] == STYLE["savefig.facecolor"] == "none"
    # Okabe and Ito's black vanishes on #111111; the course's palette has INK in its place.
    assert "#000000" not in PALETTE
    assert all(contrast_ratio(c, DARK) >= 3 for c in PALETTE)


def test_a_rendered_figure_is_transparent_around_the_axes():
    import io

    import matplotlib.image as mimage
    import matplotlib.pyplot as plt

    from coursekit.figures import figure_to_png, use_style

    use_style()
    fig, ax = plt.subplots()
    ax.plot([0, 1], [0, 1])
    pixels = mimage.imread(io.BytesIO(figure_to_png(fig)))
    assert pixels.shape[-1] == 4 and pixels[0, 0, 3] == 0.0  # the corner is see-through
    plt.close(fig)


def test_figure_text_is_at_least_slide_body_size():
    """22 px is the body text of a 1280x720 slide; figures are shown at DPI, unscaled."""
    from coursekit.figures.style import DPI, FONT_SIZE, STYLE

    assert FONT_SIZE * DPI / 72 >= 22
    for key in ("font.size", "axes.labelsize", "xtick.labelsize", "ytick.labelsize", "legend.fontsize",
                "axes.titlesize"):
        assert STYLE[key] >= FONT_SIZE, key


def test_use_style_outside_a_kernel_starts_no_shell():
    from IPython import get_ipython

    from coursekit.figures import use_style
    from coursekit.figures.style import INLINE_PRINT_KWARGS

    use_style()
    assert get_ipython() is None
    assert INLINE_PRINT_KWARGS["pil_kwargs"] == {"compress_level": 1}

