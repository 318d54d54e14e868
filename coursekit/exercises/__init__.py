"""Self-checked exercises: one verdict line, at once, without giving the answer away.

A lecture cell says ``check("01.2", answer)`` and reads one of three lines:

- ``✅ Correct`` and a short remark;
- ``⏳ Not answered yet`` while ``answer`` is still the placeholder ``...``
  (or a function that still returns nothing);
- ``❌ Not yet:`` and a hint.

The expected answers are computed in the modules ``coursekit.exercises.lNN``
(one per lecture), never written into a notebook. Each check is a function
registered with :func:`exercise`; it receives the student's answer and returns
``None`` when it is right or a hint (a string) when it is not. A check never
raises: a placeholder, an answer of the wrong type, or a student function that
crashes all become a verdict.
"""

import importlib
import math
import numbers

CORRECT = "✅ Correct"
NOT_ANSWERED = "⏳ Not answered yet"
WRONG = "❌ Not yet"

_CHECKS = {}


class NotAnswered(Exception):
    """Raised inside a check when the answer is still the placeholder."""


def exercise(key, praise="well done."):
    """Register the decorated function as the check of exercise ``key`` ("NN.k")."""

    def register(func):
        _CHECKS[key] = (func, praise)
        return func

    return register


def _load_checks(key):
    if not isinstance(key, str) or "." not in key:
        raise ValueError(f"key must look like '01.2' (lecture.exercise); got {key!r}.")
    lecture = key.split(".")[0]
    try:
        importlib.import_module(f"coursekit.exercises.l{lecture}")
    except ModuleNotFoundError:
        pass
    if key not in _CHECKS:
        raise ValueError(f"there is no exercise {key!r}; known: {', '.join(sorted(_CHECKS)) or 'none'}.")
    return _CHECKS[key]


def is_placeholder(answer):
    """True for the build's placeholder ``...`` and for ``None``."""
    return answer is Ellipsis or answer is None


def verdict(key, answer):
    """Judge ``answer`` to exercise ``key``; return ``(status, message)``.

    ``status`` is one of ``"correct"``, ``"not answered"`` and ``"wrong"``.

    >>> verdict("00.1", ...)
    ('not answered', '⏳ Not answered yet: replace the `...` with your answer and run the cell again.')
    >>> verdict("00.1", 2)
    ('correct', '✅ Correct: well done.')
    >>> verdict("00.1", "two")[0]
    'wrong'
    """
    func, praise = _load_checks(key)
    hint_if_placeholder = "replace the `...` with your answer and run the cell again."
    if is_placeholder(answer):
        return "not answered", f"{NOT_ANSWERED}: {hint_if_placeholder}"
    try:
        hint = func(answer)
    except NotAnswered as exc:
        return "not answered", f"{NOT_ANSWERED}: {exc or hint_if_placeholder}"
    except Exception as exc:  # a check must never crash the student's notebook
        return "wrong", f"{WRONG}: checking your answer raised {type(exc).__name__}: {exc}"
    if hint is None:
        return "correct", f"{CORRECT}: {praise}"
    return "wrong", f"{WRONG}: {hint}"


def check(key, answer):
    """Print the verdict on ``answer`` to exercise ``key`` (one line)."""
    print(verdict(key, answer)[1])


# Helpers for writing checks -------------------------------------------------


def as_real(answer):
    """``answer`` as a float if it is one real number (Python, numpy, 0-d array), else None.

    >>> as_real(3), as_real("3"), as_real(True)
    (3.0, None, None)
    """
    if hasattr(answer, "item") and getattr(answer, "size", 2) == 1:
        answer = answer.item()
    if isinstance(answer, bool) or not isinstance(answer, numbers.Real):
        return None
    return float(answer)


def number_hint(answer, expected, rel=1e-3, abs_=1e-6, unit="", slips=(), advice=""):
    """Return ``None`` if ``answer`` is a number close to ``expected``, else a hint.

    ``slips`` are ``(wrong value, hint)`` pairs: the exercise's likely mistakes
    (nats for bits, a flipped sign, the probability instead of its surprisal),
    each named by its own hint. Otherwise the hint says whether the answer is
    too large or too small, never by how much, followed by ``advice``.

    >>> number_hint(2.0, 2.0004) is None
    True
    >>> number_hint(3.0, 2.0)
    'that is too large.'
    >>> number_hint(-2.0, 2.0, slips=[(-2.0, "check the sign.")])
    'check the sign.'
    >>> number_hint(1.0, 2.0, unit="bits", advice="Count the outcomes.")
    'that is too small (in bits). Count the outcomes.'
    >>> number_hint("2", 2.0)
    'give a number (int or float), not str.'
    """
    value = as_real(answer)
    if value is None:
        return f"give a number (int or float), not {type(answer).__name__}."
    if math.isnan(value):
        return "your answer is NaN; check for 0 * log 0 or a division by zero."
    if math.isclose(value, expected, rel_tol=rel, abs_tol=abs_):
        return None
    for wrong, hint in slips:
        if math.isclose(value, wrong, rel_tol=rel, abs_tol=abs_):
            return hint
    unit_note = f" (in {unit})" if unit else ""
    hint = f"that is too {'large' if value > expected else 'small'}{unit_note}."
    return f"{hint} {advice}" if advice else hint


def call_student(func, *args):
    """Call the student's function; raise :class:`NotAnswered` if it returns nothing.

    Each argument is passed as a copy (a student's function cannot change the
    check's test data), and numpy's warnings (log of 0, 0 / 0) are kept off the
    page: the verdict says what went wrong instead. Exceptions from the
    student's code propagate and become a verdict.

    >>> call_student(lambda p: sum(p), [0.5, 0.5])
    1.0
    >>> call_student(lambda p: None, [0.5])
    Traceback (most recent call last):
    ...
    coursekit.exercises.NotAnswered: your function returns nothing yet: write its body and run the cell again.
    """
    import copy
    import warnings

    import numpy as np

    if not callable(func):
        raise TypeError(f"expected a function, got {type(func).__name__}")
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = func(*(copy.copy(arg) for arg in args))
    if result is None or result is Ellipsis:
        raise NotAnswered("your function returns nothing yet: write its body and run the cell again.")
    return result


def choice_hint(answer, correct, options, wrong_hints=None):
    """Judge a multiple-choice answer given as a letter; return ``None`` or a hint.

    >>> choice_hint("b", "B", "ABC") is None
    True
    >>> choice_hint("D", "B", "ABC")
    "answer with one of the letters 'A', 'B', 'C'."
    """
    options = [o.upper() for o in options]
    if not isinstance(answer, str) or answer.strip().upper() not in options:
        letters = ", ".join(repr(o) for o in options)
        return f"answer with one of the letters {letters}."
    letter = answer.strip().upper()
    if letter == correct.upper():
        return None
    return (wrong_hints or {}).get(letter, "that statement does not hold; test it on a small example.")


@exercise("00.1", praise="well done.")
def _demo(answer):
    """The example exercise of the start-here notebook: what is 1 + 1?"""
    return number_hint(answer, 2)
