"""A verdict: one line of plain text, and the same line as a coloured box.

In JupyterLab the box shows (``_repr_html_``); nbval, a terminal and
``print`` see the plain text (``__repr__``). Both lead with a word, never an
emoji, so they read the same without an emoji font. The HTML is a pure
function of the verdict (no ids, no timestamps), because nbval 0.11 compares
every MIME type of a stored output except images, including ``text/html``.

Colours come from JupyterLab's theme variables, so they follow the light and
the dark theme; each is written twice, first as a literal colour and then as
``var(--jp-..., literal)``, so a browser (or a sanitiser of untrusted output)
that drops the ``var`` form keeps the literal. The text itself keeps the
theme's colour (``color: inherit``): only the border carries the colour, and
the words carry the meaning.
"""

import html
import sys
from typing import NamedTuple

CORRECT = "Correct"
NOT_ANSWERED = "Not answered yet"
WRONG = "Not yet"

#: status -> (label, JupyterLab theme variable, literal colour readable on white and on black)
_LOOK = {
    "correct": (CORRECT, "--jp-success-color1", "#1a7f37"),
    "not answered": (NOT_ANSWERED, "--jp-warn-color1", "#9a6700"),
    "wrong": (WRONG, "--jp-error-color1", "#cf222e"),
}

_BOX_STYLE = (
    "box-sizing: border-box; margin: 0.25em 0; padding: 0.3em 0.7em; "
    "border: 1px solid {literal}; border: 1px solid var({variable}, {literal}); "
    "border-left-width: 0.45em; border-radius: 4px; color: inherit; background: transparent; "
    "line-height: 1.45; white-space: normal; word-break: normal; overflow-wrap: break-word; "
    "hyphens: manual;"
)


class Verdict(NamedTuple):
    """The judgement of one answer: ``status`` and the one-line ``message``.

    ``status`` is ``"correct"``, ``"not answered"`` or ``"wrong"``; ``message``
    starts with the matching label (``Correct``, ``Not answered yet``,
    ``Not yet``), then ``": "`` and the remark or hint. It compares equal to
    the tuple ``(status, message)``.

    >>> v = Verdict.of("wrong", "that is too large.")
    >>> v
    Not yet: that is too large.
    >>> v == ("wrong", "Not yet: that is too large.")
    True
    >>> v.hint
    'that is too large.'
    """

    status: str
    message: str

    @classmethod
    def of(cls, status, hint):
        """The verdict of ``status`` (a key of the label table) with ``hint``."""
        return cls(status, f"{_LOOK[status][0]}: {hint}")

    @property
    def label(self):
        return _LOOK[self.status][0]

    @property
    def hint(self):
        """The message without its label."""
        return self.message[len(self.label) + 2:]

    def __repr__(self):
        return self.message

    __str__ = __repr__

    def _repr_pretty_(self, printer, cycle):
        printer.text(self.message)

    def _repr_html_(self):
        """The message in a box coloured by its status; deterministic.

        >>> "<strong>Correct</strong>: a &lt; b &amp; c." in Verdict.of("correct", "a < b & c.")._repr_html_()
        True
        """
        label, variable, literal = _LOOK[self.status]
        style = _BOX_STYLE.format(variable=variable, literal=literal)
        status_class = self.status.replace(" ", "-")
        return (
            f'<div class="coursekit-verdict coursekit-verdict-{status_class}" style="{style}">'
            f"<span><strong>{html.escape(label)}</strong>: {html.escape(self.hint)}</span></div>"
        )


def show(verdict):
    """Display ``verdict``: rich output in IPython (a notebook), a printed line elsewhere."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is None:
        print(verdict.message)
        return
    from IPython.display import display

    display(verdict)
