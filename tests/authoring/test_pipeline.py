"""The build pipeline over nbformat nodes (coursekit.authoring.pipeline)."""

import nbformat
import pytest
from nbformat.v4 import new_notebook, new_output

from coursekit.authoring import pipeline as pl
from coursekit.authoring.errors import NotebookBuildError
from coursekit.authoring.io import notebook_bytes
from coursekit.authoring.sync import check_solutions_markers

from .factories import TODO, code, exercise_solution, markdown


def test_bad_block_error_names_notebook_and_cell_index():
    solution = new_notebook(cells=[markdown("intro"), code("x = 1"), code("### BEGIN SOLUTION\ny = (")])
    with pytest.raises(NotebookBuildError, match=r"^solutions/03_kl\.ipynb, cell 2: line 1"):
        pl.make_lecture(solution, "solutions/03_kl.ipynb")


def test_markers_in_markdown_are_an_error_unless_solution_only():
    text = "### BEGIN SOLUTION\nIt is 2 bits.\n### END SOLUTION"
    with pytest.raises(NotebookBuildError, match="cell 0: solution markers are only allowed in code cells"):
        pl.make_lecture(new_notebook(cells=[markdown(text)]))
    lecture = pl.make_lecture(new_notebook(cells=[markdown(text, "solution-only")]))
    assert lecture.cells == []


def test_error_index_counts_cells_of_the_solution_including_dropped_ones():
    solution = new_notebook(cells=[markdown("note", "solution-only"), code("### END SOLUTION")])
    with pytest.raises(NotebookBuildError, match=r"cell 1: line 1"):
        pl.make_lecture(solution, "solutions/x.ipynb")


def test_solution_only_cells_are_dropped():
    solution = new_notebook(cells=[
        markdown("keep"), code("answer = 2", "solution-only"), markdown("hint", "solution-only"),
        code("print(1)"),
    ])
    lecture = pl.make_lecture(solution)
    assert [cell.source for cell in lecture.cells] == ["keep", "print(1)"]
    assert len(solution.cells) == 4  # the input is not modified


def test_outputs_and_execution_counts_are_cleared():
    solution = new_notebook(cells=[
        code("print(1)", outputs=[new_output("stream", name="stdout", text="1\n")], execution_count=1),
    ])
    (cell,) = pl.make_lecture(solution).cells
    assert cell.outputs == [] and cell.execution_count is None


def test_lecture_has_no_markers_and_checks_pass():
    solution = exercise_solution()
    lecture = pl.make_lecture(solution)
    assert not any(pl.has_solution_markers(cell) for cell in lecture.cells)
    assert check_solutions_markers(solution, lecture) == []


def test_keep_solution_cell_keeps_its_answer_in_the_lecture():
    """Issue 11 item 1: lecture 00 says "Here it is answered:" and must show the answer."""
    demo = code("### BEGIN SOLUTION\nanswer = 1 + 1\n### END SOLUTION\ncheck('00.1', answer)",
                pl.KEEP_SOLUTION_TAG)
    exercise = code("### BEGIN SOLUTION\nanswer = 1 + 1\n### END SOLUTION")
    lecture = pl.make_lecture(new_notebook(cells=[demo, exercise]))
    assert [cell.source for cell in lecture.cells] == [
        "answer = 1 + 1\ncheck('00.1', answer)", f"answer = {TODO}",
    ]
    assert pl.tags(lecture.cells[0]) == [pl.KEEP_SOLUTION_TAG]
    assert check_solutions_markers(new_notebook(cells=[demo]), lecture) == []


def test_normalize_removes_everything_that_varies_between_runs():
    cell = code("w", outputs=[
        new_output("display_data", {"text/plain": "IntSlider(value=0)",
                                    pl.WIDGET_VIEW_MIME: {"model_id": "ab12", "version_major": 2}}),
        new_output("stream", name="stdout", text="a"),
        new_output("stream", name="stdout", text="b"),
        new_output("stream", name="stderr", text="warn"),
    ])
    cell.metadata["execution"] = {"iopub.status.busy": "2024-01-01T00:00:00Z"}
    cell.metadata["ExecuteTime"] = {"end_time": "2024-01-01T00:00:00Z"}
    nb = new_notebook(cells=[cell, markdown("x")], metadata={
        "widgets": {"application/vnd.jupyter.widget-state+json": {}},
        "kernelspec": {"name": "conda-env-x", "display_name": "x"},
        "language_info": {"name": "python", "version": "3.11.7"},
    })
    nb.nbformat_minor = 4
    new = pl.normalize(nb)
    nbformat.validate(new)
    assert new.nbformat_minor == 5
    assert "widgets" not in new.metadata
    assert new.metadata.kernelspec == pl.KERNELSPEC
    # language_info is what the kernel wrote (JupyterLab writes the same: no dirty flag)
    assert new.metadata.language_info == {"name": "python", "version": "3.11.7"}
    (widget, stdout, stderr) = new.cells[0].outputs
    assert widget.data == {"text/plain": "IntSlider(value=0)"}
    assert (stdout.text, stderr.text) == ("ab", "warn")
    assert "execution" not in new.cells[0].metadata and "ExecuteTime" not in new.cells[0].metadata
    assert [c.id for c in new.cells] == [c.id for c in pl.normalize(new).cells]
    assert len({c.id for c in new.cells}) == 2


def test_stream_chunks_merge_as_nbconvert_merges_them():
    """Consecutive chunks of one stream merge; ``\\r`` progress lines collapse."""
    cell = code("", outputs=[
        new_output("stream", name="stdout", text="10%\r"),
        new_output("stream", name="stdout", text="100%\n"),
        new_output("stream", name="stderr", text="warn\n"),
        new_output("stream", name="stdout", text="done\n"),
    ])
    outputs = pl.normalize(new_notebook(cells=[cell])).cells[0].outputs
    assert [(o.name, o.text) for o in outputs] == [
        ("stdout", "100%\n"), ("stderr", "warn\n"), ("stdout", "done\n"),
    ]


def test_author_cell_metadata_is_kept_and_anything_else_dropped():
    cell = code("x = 1", "nbval-ignore-output")
    cell.metadata.update(slideshow={"slide_type": "slide"}, jupyter={"source_hidden": True},
                         scrolled=True, vscode={"languageId": "python"})
    (new,) = pl.normalize(new_notebook(cells=[cell])).cells
    assert dict(new.metadata) == {
        "tags": ["nbval-ignore-output"], "slideshow": {"slide_type": "slide"},
        "jupyter": {"source_hidden": True},
    }
    assert isinstance(new.metadata, nbformat.NotebookNode)


def test_cell_ids_depend_on_content_not_on_random_ids():
    first = pl.normalize(new_notebook(cells=[code("x = 1"), code("x = 1"), markdown("x = 1")]))
    again = pl.normalize(new_notebook(cells=[code("x = 1"), code("x = 1"), markdown("x = 1")]))
    assert [c.id for c in first.cells] == [c.id for c in again.cells]
    assert len({c.id for c in first.cells}) == 3


def test_tracebacks_are_relative_to_the_repository(tmp_path):
    error = new_output("error", ename="ValueError", evalue="p must be in [0, 1]",
                       traceback=[f"File {tmp_path}/coursekit/info.py:3, in surprisal(p)"])
    nb = pl.normalize(new_notebook(cells=[code("surprisal(2)", outputs=[error])]), [tmp_path])
    assert nb.cells[0].outputs[0].traceback == ["File coursekit/info.py:3, in surprisal(p)"]


def test_notebook_bytes_are_sorted_indented_and_end_with_newline():
    data = notebook_bytes(pl.normalize(new_notebook(cells=[markdown("é")])))
    assert data.startswith(b'{\n "cells": [\n  {\n   "cell_type"')
    assert data.endswith(b"}\n") and "é".encode() in data


def test_pipeline_never_modifies_its_input():
    solution = exercise_solution()
    solution.cells[2].outputs = [new_output("stream", name="stdout", text="1.0000 bits\n")]
    before = nbformat.writes(solution)
    pl.make_lecture(solution)
    pl.normalize(solution)
    pl.without_outputs(solution)
    assert nbformat.writes(solution) == before
