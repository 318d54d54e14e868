"""What a slide must be, checked in the page: it fits 1280x720 and its type reads from the back.

Shared by the live deck test (JupyterLab's deck mode, ``test_slides.py``) and
the offline deck test (reveal.js from ``make slides``, ``test_decks.py``):
the JavaScript measures the elements of one slide, the Python judges them.
"""

from dataclasses import dataclass, field

import nbformat

from coursekit.figures.style import DPI, FONT_SIZE

SCREEN = {"width": 1280, "height": 720}
MIN_BODY_PX = 22.0
#: The course's smallest figure text as drawn, in px (16 pt at 100 dpi: 22.2 px).
FIGURE_TEXT_PX = FONT_SIZE * DPI / 72
MIN_CODE_PX = 18.0
FIT_TOLERANCE_PX = 1.0

# Measure the elements under ``roots`` (the slide's nodes): their union box, any
# element that scrolls sideways (clipped code or output), and the smallest font of
# visible text, split into code (editor, pre, code) and body (everything else).
# Typeset maths (MathJax), sub- and superscripts and screen-reader-only text are
# left out: their size follows the line they sit in.
JS_MEASURE = """
(roots) => {
  const isShown = (el) => {
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') { return false; }
    const rect = el.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0;
  };
  let top = Infinity, bottom = -Infinity, left = Infinity, right = -Infinity;
  const scrolling = [];
  let body = Infinity, code = Infinity, bodyText = '', codeText = '';
  let figureScale = Infinity, figure = '';
  for (const root of roots) {
    for (const img of root.querySelectorAll('img')) {  // figures, static or a widget's
      if (!isShown(img) || !img.naturalHeight) { continue; }
      const scale = img.getBoundingClientRect().height / img.naturalHeight;
      if (scale < figureScale) { figureScale = scale; figure = `${img.naturalWidth}x${img.naturalHeight}`; }
    }
    const rect = root.getBoundingClientRect();
    if (rect.height === 0) { continue; }
    top = Math.min(top, rect.top); bottom = Math.max(bottom, rect.bottom);
    left = Math.min(left, rect.left); right = Math.max(right, rect.right);
    for (const el of root.querySelectorAll('pre, .cm-scroller, .jp-OutputArea-output')) {
      if (isShown(el) && el.scrollWidth > el.clientWidth + 2
          && getComputedStyle(el).overflowX !== 'visible') {
        scrolling.push((el.innerText || '').trim().slice(0, 60));
      }
    }
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.trim();
      const el = node.parentElement;
      if (!text || !el) { continue; }
      if (el.closest('mjx-container, .MathJax, sub, sup, .sr-only, .jp-InputPrompt, '
                     + '.jp-OutputPrompt, .jp-Collapser, .jp-InputPlaceholder, style, script')) {
        continue;
      }
      if (!isShown(el)) { continue; }
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (el.closest('.cm-editor, pre, code, .jp-InputArea-editor')) {
        if (size < code) { code = size; codeText = text.slice(0, 40); }
      } else if (size < body) { body = size; bodyText = text.slice(0, 40); }
    }
  }
  return {top, bottom, left, right, scrolling,
          body: isFinite(body) ? body : null, bodyText,
          code: isFinite(code) ? code : null, codeText,
          figureScale: isFinite(figureScale) ? figureScale : null, figure,
          width: window.innerWidth, height: window.innerHeight};
}
"""


@dataclass
class SlideMeasure:
    """What one slide measured, and what is wrong with it (empty when it fits and reads)."""

    label: str
    top: float
    bottom: float
    left: float
    right: float
    scrolling: list
    body: float | None
    code: float | None
    body_text: str = ""
    code_text: str = ""
    figure_scale: float | None = None
    figure: str = ""
    width: float = SCREEN["width"]
    height: float = SCREEN["height"]
    problems: list = field(default_factory=list)

    @classmethod
    def from_page(cls, label, values):
        """Judge the dictionary ``JS_MEASURE`` returned."""
        measure = cls(label, values["top"], values["bottom"], values["left"], values["right"],
                      values["scrolling"], values["body"], values["code"], values["bodyText"],
                      values["codeText"], values.get("figureScale"), values.get("figure", ""),
                      values["width"], values["height"])
        measure.problems = measure.judge()
        return measure

    @property
    def figure_px(self):
        """The smallest figure text as shown: the course's figure font, scaled as the image is."""
        if self.figure_scale is None:
            return None
        return FIGURE_TEXT_PX * self.figure_scale

    @property
    def fits(self):
        """True when the slide's content lies inside the screen and nothing scrolls."""
        return not [p for p in self.problems if not p.startswith("type")]

    def judge(self):
        """The reasons this slide does not fit or read, as sentences."""
        problems = []
        tall = self.bottom - self.top
        if tall > self.height + FIT_TOLERANCE_PX:
            problems.append(f"content is {tall:.0f} px tall on a {self.height:.0f} px screen")
        elif self.top < -FIT_TOLERANCE_PX or self.bottom > self.height + FIT_TOLERANCE_PX:
            problems.append(f"content spans y = {self.top:.0f}..{self.bottom:.0f} px, "
                            f"outside 0..{self.height:.0f}")
        if self.left < -FIT_TOLERANCE_PX or self.right > self.width + FIT_TOLERANCE_PX:
            problems.append(f"content spans x = {self.left:.0f}..{self.right:.0f} px, "
                            f"outside 0..{self.width:.0f}")
        for text in self.scrolling:
            problems.append(f"scrolls sideways (clipped): {text!r}")
        if self.body is not None and self.body < MIN_BODY_PX:
            problems.append(f"type: body text {self.body:.1f} px < {MIN_BODY_PX:.0f} px "
                            f"({self.body_text!r})")
        if self.figure_px is not None and self.figure_px < MIN_BODY_PX - 0.25:
            problems.append(f"type: figure text {self.figure_px:.1f} px < {MIN_BODY_PX:.0f} px "
                            f"(a {self.figure} figure shown at {self.figure_scale:.2f} of its size)")
        if self.code is not None and self.code < MIN_CODE_PX:
            problems.append(f"type: code {self.code:.1f} px < {MIN_CODE_PX:.0f} px "
                            f"({self.code_text!r})")
        return problems


def slide_type(cell):
    """The cell's nbconvert slide type; no ``slide_type`` means ``"-"``."""
    return cell.get("metadata", {}).get("slideshow", {}).get("slide_type") or "-"


def expected_screens(path):
    """Cell indices that start a screen (slide or sub-slide), as the metadata implies.

    The first shown cell starts the first slide whatever its type; skipped cells and
    speaker notes are never shown.
    """
    notebook = nbformat.read(path, as_version=4)
    starts = []
    for index, cell in enumerate(notebook.cells):
        kind = slide_type(cell)
        if kind in ("skip", "notes"):
            continue
        if not starts or kind in ("slide", "subslide"):
            starts.append(index)
    return starts


def expected_top_slides(path):
    """How many top-level slides (horizontal, reveal.js ``section`` children) the metadata makes."""
    notebook = nbformat.read(path, as_version=4)
    shown = [slide_type(c) for c in notebook.cells if slide_type(c) not in ("skip", "notes")]
    return (1 if shown else 0) + sum(1 for kind in shown[1:] if kind == "slide")


def steps(path):
    """Cell indices the "next" key must stop at: every slide, sub-slide and fragment start."""
    notebook = nbformat.read(path, as_version=4)
    first = next((i for i, c in enumerate(notebook.cells)
                  if slide_type(c) not in ("skip", "notes")), None)
    return [i for i, c in enumerate(notebook.cells)
            if i == first or slide_type(c) in ("slide", "subslide", "fragment")]
