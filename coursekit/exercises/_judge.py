"""Shared judging: numbers, letters, and a student's function against reference cases.

A lecture's ``lNN.py`` declares what to ask and what to say; everything that
calls, converts and compares lives here, once:

- :func:`number_hint` judges a typed number (tolerance, known slips, rounding);
- :func:`choice_hint` judges a letter;
- :func:`judge_function` runs a student's function over :class:`Case` s under
  the time limit and turns every failure into a hint.
"""

import math
import numbers
from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Callable, NamedTuple

import numpy as np

from coursekit.exercises._limits import StudentFailure, run_limited

LN2 = math.log(2.0)
LOG10_2 = math.log10(2.0)


class Tolerance(NamedTuple):
    """How close counts as equal: ``math.isclose(a, b, rel_tol=rel, abs_tol=abs)``."""

    rel: float
    abs: float


#: A number the student types: a few significant digits are enough.
ROUNDED = Tolerance(rel=1e-3, abs=1e-6)
#: A value the student's code computes, or an exact fraction: floating-point agreement.
COMPUTED = Tolerance(rel=1e-6, abs=1e-9)

ROUNDING_HINT = "close, but rounded too much: keep more digits, or give the unrounded value."


class NotAnswered(Exception):
    """Raised inside a check when the answer is still the placeholder."""


def is_close(a, b, tol=ROUNDED):
    """``a`` and ``b`` agree within ``tol`` (elementwise for arrays; inf equals inf)."""
    return bool(np.all(np.isclose(a, b, rtol=tol.rel, atol=tol.abs)))


def as_real(answer):
    """``answer`` as a float if it is one real number (Python, numpy, 0-d array), else None.

    >>> as_real(3), as_real("3"), as_real(True), as_real(np.array([2.5]))
    (3.0, None, None, 2.5)
    """
    if hasattr(answer, "item") and getattr(answer, "size", 2) == 1:
        try:
            answer = answer.item()
        except Exception:  # an object that only looks like an array
            return None
    if isinstance(answer, bool) or not isinstance(answer, numbers.Real):
        return None
    return float(answer)


def is_rounded(value, expected):
    """True if ``value`` is ``expected`` rounded to ``value``'s own decimals.

    Only a value with at least one decimal and two significant digits counts:
    ``1``, ``0.3`` or ``0`` read as guesses, not roundings.

    >>> is_rounded(1.42, 1.4219), is_rounded(1.4, 1.4219), is_rounded(1.43, 1.4219)
    (True, True, False)
    >>> is_rounded(1.0, 1.4219), is_rounded(0.3, 0.28), is_rounded(0.0, 0.04)
    (False, False, False)
    """
    try:
        typed = Decimal(repr(float(value)))
        exponent = typed.as_tuple().exponent
        if not isinstance(exponent, int) or exponent >= 0 or not math.isfinite(expected):
            return False
        if len(typed.normalize().as_tuple().digits) < 2:
            return False
        step = Decimal(1).scaleb(exponent)
        truth = Decimal(float(expected))
        return any(truth.quantize(step, rounding=mode) == typed for mode in (ROUND_HALF_UP, ROUND_HALF_EVEN))
    except (InvalidOperation, ValueError, OverflowError):
        return False


def number_hint(answer, expected, tol=ROUNDED, unit="", slips=(), advice=""):
    """Return ``None`` if ``answer`` is a number close to ``expected``, else a hint.

    ``slips`` are ``(wrong value, hint)`` pairs: the exercise's likely mistakes
    (nats for bits, a flipped sign, the probability instead of its surprisal),
    each named by its own hint. A value that is the truth rounded to the
    decimals the student typed is told to keep more digits. Otherwise the
    hint says whether the answer is too large or too small, never by how much,
    followed by ``advice``.

    >>> number_hint(2.0, 2.0004) is None
    True
    >>> number_hint(3.0, 2.0)
    'that is too large.'
    >>> number_hint(-2.0, 2.0, slips=[(-2.0, "check the sign.")])
    'check the sign.'
    >>> number_hint(1.0, 2.0, unit="bits", advice="Count the outcomes.")
    'that is too small (in bits). Count the outcomes.'
    >>> number_hint(1.42, 1.4219)
    'close, but rounded too much: keep more digits, or give the unrounded value.'
    >>> number_hint("2", 2.0)
    'give a number (int or float), not str.'
    """
    value = as_real(answer)
    if value is None:
        return f"give a number (int or float), not {type(answer).__name__}."
    if math.isnan(value):
        return "your answer is NaN; check for 0 * log 0 or a division by zero."
    if is_close(value, expected, tol):
        return None
    for wrong, hint in slips:
        if is_close(value, wrong, tol):
            return hint
    if is_rounded(value, expected):
        return ROUNDING_HINT
    unit_note = f" (in {unit})" if unit else ""
    hint = f"that is too {'large' if value > expected else 'small'}{unit_note}."
    return f"{hint} {advice}" if advice else hint


def temperature_hint(answer, expected, tol=ROUNDED, slips=(), advice="", at_infinity=None):
    """:func:`number_hint` for a temperature: also names T <= 0, and T = inf when ``at_infinity`` says why.

    >>> temperature_hint(-1.0, 2.0)
    'a temperature is positive: the logits are divided by it.'
    >>> temperature_hint(2.0, 2.0) is None
    True
    """
    value = as_real(answer)
    if value is None or math.isnan(value):
        return number_hint(answer, expected)
    if value <= 0:
        return "a temperature is positive: the logits are divided by it."
    if math.isinf(value) and at_infinity:
        return at_infinity
    return number_hint(value, expected, tol, slips=slips, advice=advice)


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


def call_student(func, *args, seconds=None):
    """Call the student's function on copies of ``args``, within ``seconds``.

    ``seconds`` defaults to :data:`~coursekit.exercises._limits.TIME_LIMIT`.

    Raises :class:`NotAnswered` if it returns nothing (``None`` or ``...``) and
    :class:`~coursekit.exercises._limits.StudentFailure` if it raises anything
    or overruns; :func:`~coursekit.exercises.verdict` turns both into a verdict.

    >>> call_student(lambda p: sum(p), [0.5, 0.5])
    1.0
    >>> call_student(lambda p: None, [0.5])
    Traceback (most recent call last):
    ...
    coursekit.exercises._judge.NotAnswered: your function returns nothing yet: write its body and run the cell again.
    """
    if not callable(func):
        raise TypeError(f"expected a function, got {type(func).__name__}")
    result = run_limited(func, args, seconds)
    if result is None or result is Ellipsis:
        raise NotAnswered("your function returns nothing yet: write its body and run the cell again.")
    return result


# A student's function against reference cases ---------------------------------


@dataclass(frozen=True)
class Case:
    """One call of the student's function and what it must return.

    ``label`` names the case in hints ("for {label} ..."), so it shows the
    inputs, never the answer. ``slips`` are this case's own ``(value, hint)``
    pairs, tried before the exercise's; ``hints`` override the exercise's
    hint templates for this case only; ``note`` ends the hint when the
    function raises on this case (a string, or a callable given what was
    raised, ``None`` after a timeout).
    """

    args: tuple
    label: str
    expected: object
    slips: tuple = ()
    hints: dict = field(default_factory=dict)
    note: object = ""


#: The hint templates every function exercise starts from. Each is a string
#: (formatted with the fields of :func:`judge_function`) or a callable taking
#: those fields as keywords.
FUNCTION_HINTS = {
    "not_callable": "pass the function itself, {name} (without calling it); got {type}.",
    "not_a_number": "return one number (a float); for {label} you return a {type}.",
    "too_many": "return one number (a float); for {label} you return {size} values.",
    "shape": "for {label} return an array of shape {expected_shape}; you return shape {shape}.",
    "nan": "your function returns NaN for {label}.",
    "inf": "your function returns {value} for {label}, where the answer is {finiteness}.",
    "wrong": "for {label} your function gives a different value.",
}


@dataclass(frozen=True)
class FunctionExercise:
    """A function exercise, declared: the function's name, its cases, its hints.

    ``returns`` is ``"number"`` (one real number per call) or ``"array"``
    (an array shaped like each case's ``expected``). ``slips(case)`` yields the
    ``(value, hint)`` pairs of the usual mistakes on that case. ``hints``
    overrides entries of :data:`FUNCTION_HINTS`.
    """

    name: str
    cases: tuple
    returns: str = "number"
    slips: Callable = None
    hints: dict = field(default_factory=dict)
    tol: Tolerance = COMPUTED


def _say(exercise, case, key, **fields):
    template = case.hints.get(key) if case is not None else None
    template = template or exercise.hints.get(key) or FUNCTION_HINTS[key]
    fields = {"name": exercise.name, "label": case.label if case else "", **fields}
    return template(**fields) if callable(template) else template.format(**fields)


def _as_numbers(result, exercise, case, expected):
    """The student's result as a float array shaped like ``expected``, or a hint (str)."""
    if exercise.returns == "number":
        value = as_real(result)
        if value is not None:
            return np.asarray(value)
        size = np.size(result) if isinstance(result, (np.ndarray, list, tuple)) else 1
        if size > 1:
            shape = np.shape(result) if isinstance(result, np.ndarray) else (size,)
            return _say(exercise, case, "too_many", size=size, shape=shape, type=type(result).__name__)
        return _say(exercise, case, "not_a_number", type=type(result).__name__)
    if isinstance(result, (str, bytes, bool, np.bool_)):
        return _say(exercise, case, "not_a_number", type=type(result).__name__)
    try:
        arr = np.asarray(result, dtype=float)
    except (TypeError, ValueError):
        return _say(exercise, case, "not_a_number", type=type(result).__name__)
    if arr.shape != expected.shape:
        return _say(exercise, case, "shape", shape=arr.shape, expected_shape=expected.shape,
                    expected_ndim=expected.ndim)
    return arr


def _judge_case(func, exercise, case):
    """``None`` if ``func`` passes ``case``, else a hint; may raise NotAnswered."""
    try:
        result = call_student(func, *case.args)
    except StudentFailure as failure:
        note = case.note(failure.error) if callable(case.note) else case.note
        return failure.describe(case.label, note)
    expected = np.asarray(case.expected, dtype=float)
    got = _as_numbers(result, exercise, case, expected)
    if isinstance(got, str):
        return got
    value = got.item() if got.size == 1 else got
    if np.isnan(got).any():
        return _say(exercise, case, "nan", value=value)
    if is_close(got, expected, exercise.tol):
        return None
    slips = [*case.slips, *(exercise.slips(case) if exercise.slips else ())]
    for slip, hint in slips:
        if is_close(got, slip, exercise.tol):
            return hint
    if not np.array_equal(np.isinf(got), np.isinf(expected)):
        finiteness = "infinite" if np.isinf(expected).any() else "finite"
        return _say(exercise, case, "inf", value=value, finiteness=finiteness)
    side = "large" if np.mean(got - expected) > 0 else "small"
    return _say(exercise, case, "wrong", value=value, side=side)


def judge_function(func, exercise):
    """Judge the student's ``func`` on every case of ``exercise``; ``None`` or a hint.

    For each :class:`Case` in order, ``func`` is called on copies of
    ``case.args`` under the time limit; the first failure decides the hint:
    an exception or a timeout, a result that is not numbers (or of the wrong
    shape), NaN, then agreement within ``exercise.tol``, then the case's and
    the exercise's slips, then a misplaced infinity, then ``"wrong"``. A
    function that returns nothing raises :class:`NotAnswered`.

    >>> ex = FunctionExercise("double", (Case((2,), "x = 2", 4.0), Case((0.5,), "x = 0.5", 1.0)),
    ...                       slips=lambda case: [(case.args[0], "you return x itself.")])
    >>> judge_function(lambda x: 2 * x, ex) is None
    True
    >>> judge_function(lambda x: x, ex)
    'you return x itself.'
    >>> judge_function(lambda x: 1 / (x - 2), ex)
    'for x = 2 your function raised ZeroDivisionError: division by zero.'
    >>> judge_function(3, ex)
    'pass the function itself, double (without calling it); got int.'
    """
    if not callable(func):
        return _say(exercise, None, "not_callable", type=type(func).__name__)
    for case in exercise.cases:
        hint = _judge_case(func, exercise, case)
        if hint is not None:
            return hint
    return None
