"""Self-checked exercises: one verdict, at once, without giving the answer away.

A lecture cell says ``check("01.2", answer)`` and shows one of three verdicts,
as a coloured box in JupyterLab and as one line of text elsewhere:

- ``Correct`` and a short remark;
- ``Not answered yet`` while ``answer`` is still the placeholder ``...``
  (or a function that still returns nothing);
- ``Not yet`` and a hint.

The expected answers are computed in the modules ``coursekit.exercises.lNN``
(one per lecture), never written into a notebook. Each check is a function
registered with :func:`exercise`; it receives the student's answer and returns
``None`` when it is right or a hint (a string) when it is not. The judging
itself (:func:`number_hint`, :func:`choice_hint`, :func:`judge_function`)
is shared, in :mod:`coursekit.exercises._judge`.

A check never raises and never hangs: a placeholder, an answer of the wrong
type, a student function that raises anything (``SystemExit`` included) or
runs longer than :data:`TIME_LIMIT` seconds all become a verdict. Only the
user's own interrupt stops a check.
"""

import importlib

from coursekit.exercises._judge import (
    COMPUTED,
    LN2,
    LOG10_2,
    ROUNDED,
    ROUNDING_HINT,
    Case,
    FunctionExercise,
    NotAnswered,
    Tolerance,
    as_real,
    call_student,
    choice_hint,
    is_close,
    judge_function,
    number_hint,
    temperature_hint,
)
from coursekit.exercises._limits import TIME_LIMIT, StudentFailure
from coursekit.exercises._verdict import CORRECT, NOT_ANSWERED, WRONG, Verdict, show

__all__ = [
    "COMPUTED", "CORRECT", "LN2", "LOG10_2", "NOT_ANSWERED", "ROUNDED", "ROUNDING_HINT", "TIME_LIMIT",
    "WRONG", "Case", "FunctionExercise", "NotAnswered", "StudentFailure", "Tolerance", "Verdict",
    "as_real", "call_student", "check", "choice_hint", "exercise", "is_close", "is_placeholder",
    "judge_function", "number_hint", "temperature_hint", "verdict",
]

_CHECKS = {}
_PLACEHOLDER_HINT = "replace the `...` with your answer and run the cell again."


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
    """Judge ``answer`` to exercise ``key``; return a :class:`Verdict` ``(status, message)``.

    ``status`` is one of ``"correct"``, ``"not answered"`` and ``"wrong"``.
    An unknown ``key`` is the author's mistake, a ``ValueError``; anything
    about the answer is a verdict.

    >>> verdict("00.1", ...)
    Not answered yet: replace the `...` with your answer and run the cell again.
    >>> verdict("00.1", 2)
    Correct: well done.
    >>> verdict("00.1", "two").status
    'wrong'
    """
    func, praise = _load_checks(key)
    if is_placeholder(answer):
        return Verdict.of("not answered", _PLACEHOLDER_HINT)
    try:
        hint = func(answer)
    except NotAnswered as exc:
        return Verdict.of("not answered", str(exc) or _PLACEHOLDER_HINT)
    except StudentFailure as failure:  # raised inside the student's function: their error
        return Verdict.of("wrong", failure.describe())
    except KeyboardInterrupt:  # the user's own interrupt: stop, as they asked
        raise
    except BaseException as exc:  # a check must never crash the student's notebook
        return Verdict.of("wrong", f"checking your answer raised {type(exc).__name__}: {exc}")
    if hint is None:
        return Verdict.of("correct", praise)
    return Verdict.of("wrong", hint)


def check(key, answer):
    """Show the verdict on ``answer`` to exercise ``key``.

    In a notebook it is displayed as rich output (a coloured box, with a
    plain-text fallback); elsewhere it is printed as one line.

    >>> check("00.1", 3)
    Not yet: that is too large.
    """
    show(verdict(key, answer))
