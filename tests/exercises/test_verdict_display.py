"""Verdicts as rich output: words not emoji, HTML for JupyterLab, stable plain text for nbval."""

import re

import pytest
from IPython.core.formatters import DisplayFormatter

from coursekit.exercises import CORRECT, NOT_ANSWERED, WRONG, Verdict, check, verdict

VERDICTS = [verdict("00.1", 2), verdict("00.1", ...), verdict("00.1", 3)]
EMOJI = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF\u231A-\u23FF]")


def formatted(v):
    data, _ = DisplayFormatter().format(v)
    return data


@pytest.mark.parametrize("v, label", list(zip(VERDICTS, [CORRECT, NOT_ANSWERED, WRONG])))
def test_each_verdict_leads_with_its_word_in_text_and_html(v, label):
    data = formatted(v)
    assert data["text/plain"] == v.message and v.message.startswith(f"{label}: ")
    assert f"<strong>{label}</strong>: " in data["text/html"]
    assert not EMOJI.search(data["text/plain"] + data["text/html"])


def test_labels_are_the_words_the_issue_asks_for():
    assert (CORRECT, WRONG) == ("Correct", "Not yet") and NOT_ANSWERED.startswith("Not answered")


@pytest.mark.parametrize("v", VERDICTS)
def test_html_is_deterministic_theme_aware_and_wraps_between_words(v):
    html = v._repr_html_()
    assert html == Verdict(*v)._repr_html_()  # nbval 0.11 compares text/html too
    assert re.search(r"var\(--jp-(success|warn|error)-color1, #[0-9a-f]{6}\)", html)  # theme colour, literal fallback
    assert "color: inherit" in html  # the text keeps the theme's (light or dark) colour
    assert "word-break: normal" in html and "break-all" not in html and "white-space: normal" in html
    assert not re.search(r"\bid=", html)


def test_the_three_statuses_look_different():
    colours = {re.search(r"var\((--jp-[a-z]+)", v._repr_html_()).group(1) for v in VERDICTS}
    assert len(colours) == 3


def test_html_escapes_the_hint():
    html = Verdict.of("wrong", "<script>x</script> & q < p")._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html and "&amp; q &lt; p" in html


def test_a_verdict_still_compares_as_the_old_pair():
    status, message = verdict("00.1", 3)
    assert (status, message) == verdict("00.1", 3) == ("wrong", "Not yet: that is too large.")
    assert repr(verdict("00.1", 3)) == str(verdict("00.1", 3)) == "Not yet: that is too large."


def test_check_prints_one_line_outside_ipython(capsys):
    assert check("00.1", 3) is None
    assert capsys.readouterr().out == "Not yet: that is too large.\n"


def test_check_displays_rich_output_inside_ipython(monkeypatch, capsys):
    import IPython
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython, "get_ipython", lambda: object())
    monkeypatch.setattr(IPython.display, "display", shown.append)
    check("00.1", 2)
    assert shown == [verdict("00.1", 2)] and capsys.readouterr().out == ""
