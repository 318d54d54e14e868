"""Solution blocks and their placeholders: plain Python source in, source out.

A solution block (nbgrader's convention) is the code between two marker
comments::

    ### BEGIN SOLUTION
    answer = 42
    ### END SOLUTION

A *marker* is a comment that is alone on its line and holds ``BEGIN
SOLUTION`` or ``END SOLUTION``; the text inside a string (such as
``print("### END SOLUTION")``) is never a marker.  The build and the sync
check both ask :func:`marker_lines`, so they always agree.

In the lecture each block becomes one placeholder line per name it assigns,
with a hint of the expected form::

    answer = ...  # your code here
    answer_3 = ...  # one letter in quotes ('A', 'B', ...)
    title = ...  # text in quotes

Nothing here imports nbformat: these functions work on strings.
"""

from __future__ import annotations

import ast
import io
import textwrap
import tokenize

BEGIN_SOLUTION = "BEGIN SOLUTION"
END_SOLUTION = "END SOLUTION"
#: Every placeholder line of a lecture holds this (``x = ...  # hint``).
PLACEHOLDER_PREFIX = "...  # "
PLACEHOLDER = PLACEHOLDER_PREFIX + "your code here"
LETTER_PLACEHOLDER = PLACEHOLDER_PREFIX + "one letter in quotes ('A', 'B', ...)"
TEXT_PLACEHOLDER = PLACEHOLDER_PREFIX + "text in quotes"


def _line_rule(line: str) -> str | None:
    """The marker a line holds if it is a comment line, by text alone."""
    stripped = line.strip()
    if not stripped.startswith("#"):
        return None
    for marker in (BEGIN_SOLUTION, END_SOLUTION):
        if marker in stripped:
            return marker
    return None


def marker_lines(source: str) -> dict[int, str]:
    """``{line number: marker}`` for the marker comments of a code cell.

    Python's tokenizer decides what is a comment, so a marker's text inside
    a string literal does not count.  Source the tokenizer cannot finish
    (a cell that is not valid Python) falls back to the plain rule: a line
    whose text starts with ``#``.

    Examples
    --------
    >>> marker_lines("### BEGIN SOLUTION\\nx = 1\\n    # END SOLUTION")
    {1: 'BEGIN SOLUTION', 3: 'END SOLUTION'}
    >>> marker_lines("print('### END SOLUTION')\\ns = '''\\n# BEGIN SOLUTION\\n'''")
    {}
    >>> marker_lines("x = 1  # END SOLUTION (not alone on its line)")
    {}
    """
    lines = source.split("\n")
    found: dict[int, str] = {}
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type != tokenize.COMMENT:
                continue
            row, col = token.start
            marker = _line_rule(token.string)
            if marker and not lines[row - 1][:col].strip():
                found[row] = marker
    except (tokenize.TokenError, SyntaxError):
        return {
            number: marker
            for number, line in enumerate(lines, start=1)
            if (marker := _line_rule(line))
        }
    return found


def _bound_names(target: ast.expr) -> list[str] | None:
    """Names bound by an assignment target, or None if it is not only names."""
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, ast.Starred):
        return _bound_names(target.value)
    if isinstance(target, (ast.Tuple, ast.List)):
        names: list[str] = []
        for element in target.elts:
            element_names = _bound_names(element)
            if element_names is None:
                return None
            names.extend(element_names)
        return names
    return None


def placeholder_for(value: ast.expr | None) -> str:
    """The placeholder for an assigned value: a string literal gets a hint of its form.

    Examples
    --------
    >>> placeholder_for(ast.parse('"C"', mode="eval").body)
    "...  # one letter in quotes ('A', 'B', ...)"
    >>> placeholder_for(ast.parse('"cross-entropy"', mode="eval").body)
    '...  # text in quotes'
    >>> placeholder_for(ast.parse("2 ** 3", mode="eval").body)
    '...  # your code here'
    """
    if isinstance(value, ast.Constant) and isinstance(value.value, str):
        letter = len(value.value) == 1 and value.value.isalpha()
        return LETTER_PLACEHOLDER if letter else TEXT_PLACEHOLDER
    return PLACEHOLDER


def _placeholder_assignments(statement: ast.stmt) -> list[tuple[str, str]] | None:
    """``(name, placeholder line)`` for a top-level assignment, else None.

    ``name = value`` (also ``a, b = value`` and ``a = b = value``) gives one
    ``name = ...`` line per bound name; ``name: T = value`` keeps its
    annotation.  Any other statement gives None (the caller writes ``...``).
    """
    if isinstance(statement, ast.Assign):
        names: list[str] = []
        for target in statement.targets:
            target_names = _bound_names(target)
            if target_names is None:
                return None
            names.extend(target_names)
        hint = placeholder_for(statement.value)
        return [(name, f"{name} = {hint}") for name in names]
    if (
        isinstance(statement, ast.AnnAssign)
        and isinstance(statement.target, ast.Name)
        and statement.value is not None
    ):
        name, annotation = statement.target.id, ast.unparse(statement.annotation)
        return [(name, f"{name}: {annotation} = {placeholder_for(statement.value)}")]
    return None


def solution_placeholder(block: str) -> list[str]:
    """Placeholder lines (without indentation) for the code of one solution block.

    Each top-level assignment to a name becomes ``name = ...  # your code
    here`` (once per name, in order of first assignment; a string literal
    gets the hint of :func:`placeholder_for`); each run of other statements
    becomes a single ``...  # your code here`` line, so the result is valid
    Python wherever the block was (a function body then returns None).

    Parameters
    ----------
    block : str
        The lines between the markers; a common indentation is allowed.

    Returns
    -------
    list of str
        At least one line.

    Raises
    ------
    SyntaxError
        If `block` is not a sequence of whole Python statements.

    Examples
    --------
    >>> solution_placeholder("h = -p * np.log2(p)\\nprint(h)\\nn, m = 1, 2")
    ['h = ...  # your code here', '...  # your code here', 'n = ...  # your code here', 'm = ...  # your code here']
    >>> solution_placeholder("    for x in xs:\\n        total += x\\n    return total")
    ['...  # your code here']
    >>> solution_placeholder('answer_3 = "C"')
    ["answer_3 = ...  # one letter in quotes ('A', 'B', ...)"]
    >>> solution_placeholder("")
    ['...  # your code here']
    """
    tree = ast.parse(textwrap.dedent(block))
    lines: list[str] = []
    assigned: set[str] = set()
    for statement in tree.body:
        assignments = _placeholder_assignments(statement)
        if assignments is None:
            if not lines or lines[-1] != PLACEHOLDER:
                lines.append(PLACEHOLDER)
            continue
        for name, line in assignments:
            if name not in assigned:
                assigned.add(name)
                lines.append(line)
    return lines or [PLACEHOLDER]


def _block_placeholder(block: list[str], start: int, indent: str) -> list[str]:
    """The indented placeholder of the block opened on line `start`."""
    try:
        placeholder = solution_placeholder("\n".join(block))
    except SyntaxError as err:
        raise ValueError(
            f"line {start}: the solution block is not valid Python on "
            f"its own ({err.msg}, line {(err.lineno or 0) + start} of "
            "the cell); a block must hold whole statements"
        ) from None
    return [indent + line for line in placeholder]


def replace_solution_blocks(source: str, keep: bool = False) -> str:
    """Replace each ``### BEGIN SOLUTION`` ... ``### END SOLUTION`` block.

    The markers go; the block becomes the lines of
    :func:`solution_placeholder`, indented like the ``BEGIN`` marker (or,
    with `keep`, stays as it is).  Code outside the blocks is kept byte for
    byte.

    Parameters
    ----------
    source : str
        The source of a code cell.
    keep : bool
        Keep the answers and drop only the marker lines (for a cell that
        demonstrates a solved exercise).

    Returns
    -------
    str
        The source with placeholders instead of answers.

    Raises
    ------
    ValueError
        If the markers are unbalanced or nested, or a block is not valid
        Python on its own; the message gives the line number in the cell.

    Examples
    --------
    >>> cell = '''def entropy(p):
    ...     ### BEGIN SOLUTION
    ...     terms = -p * np.log2(p)
    ...     return terms.sum()
    ...     ### END SOLUTION
    ... '''
    >>> print(replace_solution_blocks(cell))
    def entropy(p):
        terms = ...  # your code here
        ...  # your code here
    <BLANKLINE>
    >>> replace_solution_blocks("### BEGIN SOLUTION\\nx = 2\\n### END SOLUTION", keep=True)
    'x = 2'
    >>> replace_solution_blocks("### END SOLUTION")
    Traceback (most recent call last):
    ...
    ValueError: line 1: END SOLUTION marker without a BEGIN SOLUTION marker before it
    """
    markers = marker_lines(source)
    output: list[str] = []
    block: list[str] | None = None
    block_start, indent = 0, ""
    for number, line in enumerate(source.split("\n"), start=1):
        marker = markers.get(number)
        if marker == BEGIN_SOLUTION:
            if block is not None:
                raise ValueError(
                    f"line {number}: BEGIN SOLUTION marker inside the block opened "
                    f"on line {block_start}; close that one with END SOLUTION first"
                )
            block, block_start = [], number
            indent = line[: len(line) - len(line.lstrip())]
        elif marker == END_SOLUTION:
            if block is None:
                raise ValueError(
                    f"line {number}: END SOLUTION marker without a "
                    "BEGIN SOLUTION marker before it"
                )
            placeholder = _block_placeholder(block, block_start, indent)
            output.extend(block if keep else placeholder)
            block = None
        elif block is not None:
            block.append(line)
        else:
            output.append(line)
    if block is not None:
        raise ValueError(
            f"line {block_start}: BEGIN SOLUTION marker without a matching "
            "END SOLUTION marker"
        )
    return "\n".join(output)
