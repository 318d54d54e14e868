"""Checks for lecture 00, *Start here*: how an exercise check answers.

- 00.1 (a number): what is 1 + 1? The example every later check follows.
- 00.2 (a prediction): which verdict ``check("00.1", "2")`` gives, before running it.
"""

from coursekit.exercises import choice_hint, exercise, number_hint


@exercise("00.1", praise="well done.")
def _demo(answer):
    """The example exercise of the start-here notebook: what is 1 + 1?"""
    return number_hint(answer, 2)


@exercise("00.2", praise='the quotes make "2" a string, and check asks for a number: Not yet, with a hint.')
def _predict_the_verdict(answer):
    """Predict, before running it, the verdict of ``check("00.1", "2")``: C, Not yet."""
    return choice_hint(answer, "C", "ABC", {
        "A": ('look at the quotes: is "2" the number 2, or the text of the digit? What type is '
              'it in Python?'),
        "B": ('"Not answered yet" is kept for the placeholder `...` (and None); "2" is an '
              "answer, only perhaps not the one you meant."),
    })
