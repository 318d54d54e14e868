"""The offline decks and handouts of ``make slides``, opened with the network off.

The session builds every lecture's deck and PDF into a temporary directory
with ``coursekit/authoring/decks.py`` (from the stored outputs: no kernel).
Each deck is then opened from ``file://`` at 1280x720 with every request that
is not ``file:`` aborted, and stepped through with the right arrow (reveal.js
is set to linear navigation). It checks that no request went out, that the
maths is typeset (no ``$`` left in the prose), that the deck has the slides
the metadata makes, and that every slide fits with readable type; and that
each PDF has one page per slide. A failing slide is saved as
``test-artifacts/deck-<lecture>-<slide>.png`` and named in the message.
"""

import re

import pytest

from .conftest import artifact_path, lecture_names, lectures_source_dir
from .slides import JS_MEASURE, SCREEN, SlideMeasure, expected_screens

LECTURES = lecture_names()

# The leaf sections of the deck (a slide, or a sub-slide of a vertical stack).
_JS_LEAVES = """
() => Array.from(document.querySelectorAll('.reveal .slides section'))
        .filter((s) => !s.querySelector('section')).length
"""
_JS_CURRENT = "() => { const i = Reveal.getIndices(); return `${i.h}-${i.v}`; }"
_JS_CURRENT_NODES = "() => Array.from(Reveal.getCurrentSlide().children)"
# Text of the prose (not code, not typeset maths) that still holds a `$`.
_JS_RAW_DOLLARS = """
() => {
  const raw = [];
  for (const md of document.querySelectorAll('.reveal .jp-RenderedMarkdown')) {
    const copy = md.cloneNode(true);
    copy.querySelectorAll('mjx-container, code, pre').forEach((el) => el.remove());
    if (copy.textContent.includes('$')) {
      const text = copy.textContent;
      const at = text.indexOf('$');
      raw.push(text.slice(Math.max(0, at - 30), at + 30).trim());
    }
  }
  return raw;
}
"""


def pdf_pages(path):
    """The number of pages of a PDF (its ``/Type /Page`` objects; Chromium writes them plainly)."""
    return len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", path.read_bytes()))


@pytest.mark.parametrize("name", LECTURES)
def test_offline_deck(browser, decks_dir, name):
    """The deck opens offline, typesets its maths, has its slides, and every slide fits."""
    from coursekit.authoring import decks

    deck = decks_dir / f"{name}.slides.html"
    assert deck.exists(), f"make slides wrote no {deck.name} (in {decks_dir})"
    n_expected = len(expected_screens(lectures_source_dir() / f"{name}.ipynb"))
    context = browser.new_context(viewport=SCREEN)
    try:
        page, blocked = decks.open_offline(context, deck)
        assert blocked == [], f"{name}: the deck asked for the network: {blocked[:5]}"
        raw = page.evaluate(_JS_RAW_DOLLARS)
        assert raw == [], f"{name}: maths left untypeset: {raw[:3]}"
        n_shown = page.evaluate(_JS_LEAVES)
        assert n_shown == n_expected, (
            f"{name}: the deck has {n_shown} slides, the metadata makes {n_expected}")

        failures, seen = [], []
        for number in range(1, n_shown + 1):
            seen.append(page.evaluate(_JS_CURRENT))
            page.evaluate("() => Reveal.getCurrentSlide().querySelectorAll('.fragment')"
                          ".forEach((f) => f.classList.add('visible'))")
            nodes = page.evaluate_handle(_JS_CURRENT_NODES)
            measure = SlideMeasure.from_page(f"{name} slide {number} ({seen[-1]})",
                                             page.evaluate(JS_MEASURE, nodes))
            if measure.problems:
                shot = artifact_path(f"deck-{name}-{number:02d}.png")
                page.screenshot(path=str(shot))
                failures.append(f"{measure.label}: {'; '.join(measure.problems)} "
                                f"[screenshot: {shot}]")
            page.evaluate("() => Reveal.navigateNext()")  # what the right arrow does (linear)
        assert len(set(seen)) == n_shown, f"{name}: next visited {seen}"
        assert blocked == [], f"{name}: stepping through asked for the network: {blocked[:5]}"
        assert not failures, (f"{name}: {len(failures)} of {n_shown} slides fail:\n"
                              + "\n".join(failures))
    finally:
        context.close()

    handout = decks_dir / f"{name}.pdf"
    assert handout.exists(), f"make slides wrote no {handout.name}"
    assert pdf_pages(handout) == n_expected, (
        f"{handout.name} has {pdf_pages(handout)} pages, the deck {n_expected} slides")


def test_deck_screenshot(browser, decks_dir):
    """Save test-artifacts/deck-slide.png: one slide of an offline deck, for the record."""
    if not LECTURES:
        pytest.skip(f"no notebook in {lectures_source_dir()}")
    from coursekit.authoring import decks

    name = "02_entropy" if "02_entropy" in LECTURES else LECTURES[0]
    context = browser.new_context(viewport=SCREEN)
    try:
        page, blocked = decks.open_offline(context, decks_dir / f"{name}.slides.html")
        page.evaluate("() => Reveal.slide(1, 0)")
        page.wait_for_timeout(300)
        path = artifact_path("deck-slide.png")
        page.screenshot(path=str(path))
        assert path.stat().st_size > 0 and blocked == []
    finally:
        context.close()
