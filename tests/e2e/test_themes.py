"""Verdicts and figures read in JupyterLab's light and dark themes (issues 10 and 13).

Lecture 00 is opened with its stored outputs (a passed, a failed and an
unanswered check, and figures). In each theme, every verdict box must:

- lead with its word (Correct / Not yet / Not answered yet), so it reads
  with no emoji font;
- have text whose contrast with what is behind it is at least 4.5:1 (WCAG AA);
- carry a coloured border that differs between a right and a wrong answer.

In the dark theme no course figure may sit on a white box: the course
stylesheet (served as JupyterLab's custom CSS) drops the light backdrop
that matplotlib-inline asks for, since the figures are transparent with
ink that reads on both backgrounds.
"""

import pytest

from .conftest import artifact_path, lecture_names

LECTURE = "00_start_here"
THEMES = ("JupyterLab Light", "JupyterLab Dark")
WORDS = ("Correct", "Not yet", "Not answered yet")

_JS_VERDICTS = """
() => {
  const rgb = (s) => (s.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const backdrop = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length >= 3 && (c.length < 4 || c[3] > 0.5)) { return c; }
    }
    return [255, 255, 255];
  };
  return Array.from(document.querySelectorAll('.jp-NotebookPanel .coursekit-verdict')).map((box) => {
    const style = getComputedStyle(box);
    const fg = lum(rgb(style.color)), bg = lum(backdrop(box));
    return {
      word: box.querySelector('strong') ? box.querySelector('strong').textContent : '',
      kind: box.className,
      contrast: (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05),
      border: style.borderLeftColor,
    };
  });
}
"""

_JS_FIGURE_BACKDROPS = """
() => Array.from(document.querySelectorAll('.jp-NotebookPanel .jp-RenderedImage img'))
  .map((img) => getComputedStyle(img).backgroundColor)
"""


def _set_theme(page, theme):
    page.evaluate("(t) => window.jupyterapp.commands.execute('apputils:change-theme', {theme: t})",
                  theme)
    light = "true" if theme.endswith("Light") else "false"
    page.wait_for_function(f"() => document.body.dataset.jpThemeLight === '{light}'", timeout=30_000)
    page.wait_for_timeout(500)  # the theme's stylesheet applies


@pytest.mark.skipif(LECTURE not in lecture_names(), reason=f"no {LECTURE} to open")
@pytest.mark.parametrize("theme", THEMES)
def test_verdicts_and_figures_read_in_the_theme(lab, theme):
    lab.open_notebook(f"{LECTURE}.ipynb")
    page = lab.page
    try:
        _set_theme(page, theme)
        page.locator(".jp-NotebookPanel .coursekit-verdict").first.wait_for(state="attached")
        verdicts = page.evaluate(_JS_VERDICTS)
        kinds = {v["kind"].split()[-1] for v in verdicts}
        assert {"coursekit-verdict-correct", "coursekit-verdict-wrong"} <= kinds, kinds
        for v in verdicts:
            assert v["word"] in WORDS, f"{theme}: a verdict leads with {v['word']!r}"
            assert v["contrast"] >= 4.5, f"{theme}: {v['word']} text has contrast {v['contrast']:.2f}:1"
        borders = {v["kind"].split()[-1]: v["border"] for v in verdicts}
        assert borders["coursekit-verdict-correct"] != borders["coursekit-verdict-wrong"], borders
        if theme.endswith("Dark"):
            backdrops = page.evaluate(_JS_FIGURE_BACKDROPS)
            assert backdrops, "lecture 00 shows no figure"
            white = [b for b in backdrops if b.replace(" ", "") in ("rgb(255,255,255)", "rgba(255,255,255,1)")]
            assert white == [], f"{len(white)} of {len(backdrops)} figures sit on a white box"
            page.locator(".jp-NotebookPanel .jp-RenderedImage img").first.scroll_into_view_if_needed()
            page.screenshot(path=str(artifact_path("dark-theme-00.png")))
    finally:
        _set_theme(page, THEMES[0])
