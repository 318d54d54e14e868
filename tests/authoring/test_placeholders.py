"""Solution blocks and their placeholders (coursekit.authoring.placeholders)."""

import textwrap

import pytest

from coursekit.authoring import placeholders as ph

from .factories import TODO

LETTER = "...  # one letter in quotes ('A', 'B', ...)"
TEXT = "...  # text in quotes"


def blocks(source, **kwargs):
    """replace_solution_blocks on a dedented multi-line source."""
    return ph.replace_solution_blocks(textwrap.dedent(source).strip("\n"), **kwargs)


def test_one_assignment_becomes_placeholder_and_rest_is_kept():
    assert blocks("""
        ### BEGIN SOLUTION
        h = -p * math.log2(p)
        ### END SOLUTION
        print(h)
    """) == f"h = {TODO}\nprint(h)"


def test_multiple_assignments_each_name_once_in_order():
    result = blocks("""
        ### BEGIN SOLUTION
        a = 1
        b, (c, *d) = 2, (3, 4, 5)
        a = a + b
        e = f = 0
        g: float = 0.5
        ### END SOLUTION
    """)
    assert result.splitlines() == [
        f"a = {TODO}", f"b = {TODO}", f"c = {TODO}", f"d = {TODO}",
        f"e = {TODO}", f"f = {TODO}", f"g: float = {TODO}",
    ]


def test_function_body_stays_valid_and_returns_none():
    result = blocks("""
        def entropy(p):
            ### BEGIN SOLUTION
            terms = [-x * math.log2(x) for x in p if x > 0]
            return sum(terms)
            ### END SOLUTION
    """)
    assert result == f"def entropy(p):\n    terms = {TODO}\n    {TODO}"
    namespace = {}
    exec(compile(result, "<cell>", "exec"), namespace)
    assert namespace["entropy"]([0.5, 0.5]) is None


def test_nested_indentation_follows_the_begin_marker():
    result = blocks("""
        def train(steps):
            for step in range(steps):
                if step % 2:
                    ### BEGIN SOLUTION
                    loss = step * 2
                    print(loss)
                    ### END SOLUTION
            return steps
    """)
    assert result.splitlines()[3:5] == [f"            loss = {TODO}", f"            {TODO}"]
    compile(result, "<cell>", "exec")


def test_non_assignments_collapse_into_one_line():
    result = blocks("""
        ### BEGIN SOLUTION
        print("hi")
        for i in range(3):
            total += i
        obj.attribute = 1
        x += 1
        ### END SOLUTION
    """)
    assert result == TODO


def test_assignments_and_other_statements_interleave():
    result = blocks("""
        ### BEGIN SOLUTION
        total = 0
        for x in xs:
            total += x
        mean = total / len(xs)
        ### END SOLUTION
    """)
    assert result.splitlines() == [f"total = {TODO}", TODO, f"mean = {TODO}"]


def test_several_blocks_and_untouched_code_between_them():
    source = "x = 1  # given\n### BEGIN SOLUTION\ny = 2\n### END SOLUTION\n\nz = 3\n# BEGIN SOLUTION\nw = 4\n# END SOLUTION\n"
    assert ph.replace_solution_blocks(source) == (
        f"x = 1  # given\ny = {TODO}\n\nz = 3\nw = {TODO}\n"
    )


def test_empty_block_still_gives_a_statement():
    assert blocks("if True:\n    ### BEGIN SOLUTION\n    ### END SOLUTION") == f"if True:\n    {TODO}"


def test_source_without_markers_is_returned_unchanged():
    source = "x = 1\r\n\n  y = 2\n"
    assert ph.replace_solution_blocks(source) == source


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("### BEGIN SOLUTION\nx = 1", "line 1: BEGIN SOLUTION marker without a matching END"),
        ("x = 1\n### END SOLUTION", "line 2: END SOLUTION marker without a BEGIN"),
        ("### BEGIN SOLUTION\n### BEGIN SOLUTION\n### END SOLUTION",
         "line 2: BEGIN SOLUTION marker inside the block opened on line 1"),
        ("if x:\n### BEGIN SOLUTION\nif y:\n### END SOLUTION\n    pass",
         "line 2: the solution block is not valid Python on its own"),
    ],
)
def test_bad_markers_raise_with_line_number(source, message):
    with pytest.raises(ValueError, match=message):
        ph.replace_solution_blocks(source)


# --------------------------------------------------------------------------
# Issue 13 "A letter without quotes": a string answer's placeholder says so
# --------------------------------------------------------------------------


@pytest.mark.parametrize(("answer", "hint"), [
    ('"C"', LETTER), ("'b'", LETTER), ('"text"', TEXT), ('"7"', TEXT), ('""', TEXT),
    ("1.5", TODO), ("None", TODO), ('f"{x}"', TODO), ('"a" + "b"', TODO),
])
def test_a_string_answer_gets_a_hint_of_its_form(answer, hint):
    assert blocks(f"### BEGIN SOLUTION\nanswer_3 = {answer}\n### END SOLUTION") == f"answer_3 = {hint}"


def test_string_hints_hold_for_annotated_and_chained_assignments():
    result = blocks("""
        ### BEGIN SOLUTION
        letter: str = "D"
        first = second = "entropy"
        ### END SOLUTION
    """)
    assert result.splitlines() == [f"letter: str = {LETTER}", f"first = {TEXT}", f"second = {TEXT}"]


def test_every_placeholder_is_valid_python_that_leaves_the_answer_unset():
    for line in (f"a = {TODO}", f"a = {LETTER}", f"a = {TEXT}"):
        namespace = {}
        exec(line, namespace)
        assert namespace["a"] is Ellipsis
        assert ph.PLACEHOLDER_PREFIX in line


# --------------------------------------------------------------------------
# Markers are comments: text inside a string is not one (issue 13)
# --------------------------------------------------------------------------


def test_marker_text_inside_strings_is_not_a_marker():
    source = 'print("### END SOLUTION")\ndoc = """\n### BEGIN SOLUTION\n"""'
    assert ph.marker_lines(source) == {}
    assert ph.replace_solution_blocks(source) == source


def test_a_string_mentioning_a_marker_inside_a_real_block_is_kept_as_answer_text():
    source = '### BEGIN SOLUTION\nnote = "### END SOLUTION"\n### END SOLUTION'
    assert ph.replace_solution_blocks(source) == f"note = {TEXT}"


def test_source_the_tokenizer_cannot_finish_falls_back_to_comment_lines():
    source = '### BEGIN SOLUTION\nx = (\n### END SOLUTION'
    assert ph.marker_lines(source) == {1: ph.BEGIN_SOLUTION, 3: ph.END_SOLUTION}
    with pytest.raises(ValueError, match="line 1: the solution block is not valid Python"):
        ph.replace_solution_blocks(source)


def test_ipython_magics_do_not_hide_markers():
    source = "%matplotlib inline\n### BEGIN SOLUTION\nx = 1\n### END SOLUTION\n!echo hi"
    assert ph.replace_solution_blocks(source) == f"%matplotlib inline\nx = {TODO}\n!echo hi"


def test_keep_drops_only_the_marker_lines_but_still_checks_the_block():
    source = "### BEGIN SOLUTION\nanswer = 1 + 1\n### END SOLUTION\ncheck('00.1', answer)"
    assert ph.replace_solution_blocks(source, keep=True) == "answer = 1 + 1\ncheck('00.1', answer)"
    with pytest.raises(ValueError, match="without a matching END SOLUTION"):
        ph.replace_solution_blocks("### BEGIN SOLUTION\nx = 1", keep=True)
