"""Static checks over every real notebook in lectures/ and solutions/.

Nothing is executed here: these tests read the stored notebooks and check
what a reader, nbval and the build rely on.  The helpers they share live in
the importable module :mod:`.hygiene`.
"""

import ast
import json
import re

import nbformat
import pytest

from coursekit.authoring.pipeline import KEEP_SOLUTION_TAG, RAISES_EXCEPTION_TAG, has_solution_markers, tags
from coursekit.authoring.sync import check_solutions_markers
from coursekit.exercises import CORRECT, NOT_ANSWERED

from .hygiene import (
    ALL,
    LECTURES,
    SOLUTIONS,
    called_names,
    code_cells,
    code_tree,
    displays_widget,
    download_problems,
    output_texts,
    read,
    relative,
    verdicts,
)

MAX_OUTPUT_BYTES = 200_000
MAX_NOTEBOOK_BYTES = 2_000_000
IGNORE_OUTPUT_TAG = "nbval-ignore-output"
SLIDE_TYPES = {"slide", "subslide", "fragment", "skip", "notes"}
ABSOLUTE_PATH = re.compile(r"(?<![\w.~-])/(?:home|root|tmp|Users|work)(?![\w-])")


def notebooks(paths):
    return pytest.mark.parametrize("path", paths, ids=[relative(p) for p in paths])


@notebooks(ALL)
def test_valid_nbformat_with_python3_kernel(path):
    nb = read(path)
    nbformat.validate(nb)
    assert nb.metadata.get("kernelspec", {}).get("name") == "python3"


@notebooks(ALL)
def test_executed_in_order_from_a_clean_kernel(path):
    """Execution counts run 1, 2, 3, ... (empty code cells are never executed)."""
    cells = [cell for _, cell in code_cells(read(path)) if cell.source.strip()]
    counts = [cell.execution_count for cell in cells]
    assert counts == list(range(1, len(cells) + 1)), (
        f"execution counts {counts}: rebuild with python -m coursekit build"
    )


@notebooks(ALL)
def test_no_errors_unless_tagged_raises_exception(path):
    failing = [
        f"cell {index}: {output.ename}: {output.evalue}"
        for index, cell in code_cells(read(path))
        if RAISES_EXCEPTION_TAG not in tags(cell)
        for output in cell.outputs
        if output.output_type == "error"
    ]
    assert failing == []


@notebooks(ALL)
def test_no_absolute_paths(path):
    found = []
    for index, cell in enumerate(read(path).cells):
        texts = [cell.source] + [t for out in cell.get("outputs", []) for t in output_texts(out)]
        for text in texts:
            found += [f"cell {index}: {m.group()}" for m in ABSOLUTE_PATH.finditer(text)]
    assert found == [], "machine-specific paths (use paths relative to the notebook)"


@notebooks(ALL)
def test_outputs_are_small(path):
    assert path.stat().st_size < MAX_NOTEBOOK_BYTES
    large = [
        f"cell {index}: {size} bytes"
        for index, cell in code_cells(read(path))
        for output in cell.outputs
        if (size := len(json.dumps(output))) > MAX_OUTPUT_BYTES
    ]
    assert large == []


def _border_ink(png_base64, width=2):
    """How many pixels of the outermost ``width`` rows and columns of a PNG are not transparent."""
    import base64
    import io

    import numpy as np
    from PIL import Image

    alpha = np.asarray(Image.open(io.BytesIO(base64.b64decode(png_base64))).convert("RGBA"))[..., 3]
    inner = alpha[width:-width, width:-width]
    return int(np.count_nonzero(alpha)) - int(np.count_nonzero(inner))


def test_border_ink_sees_a_figure_cut_off_at_its_edge():
    import base64
    import io

    import matplotlib.pyplot as plt

    for x, cut in [(0.5, False), (-0.02, True)]:  # a label inside, then one over the left edge
        fig = plt.figure(figsize=(2, 1), facecolor="none")
        fig.text(x, 0.5, "label", fontsize=20)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", facecolor="none")
        plt.close(fig)
        assert (_border_ink(base64.b64encode(buffer.getvalue())) > 0) == cut


@notebooks(ALL)
def test_no_stored_figure_is_cut_off_at_its_edge(path):
    """A figure's text that runs off its edge leaves ink on the picture's border."""
    cut = [
        f"cell {index}: {ink} pixels of ink on the border"
        for index, cell in code_cells(read(path))
        for output in cell.outputs
        if "image/png" in output.get("data", {})
        and (ink := _border_ink(output["data"]["image/png"])) > 0
    ]
    assert cut == []


def test_download_detection():
    assert download_problems("x = fetch_openml('mnist')") == ["calls fetch_openml()"]
    assert download_problems("import requests\nr = requests.get(u)") == ["calls requests.get()"]
    assert download_problems("from urllib.request import urlopen\nurlopen(u)") == ["calls urlopen()"]
    assert download_problems("pd.read_csv('https://example.org/d.csv')") == [
        "opens URL 'https://example.org/d.csv'"
    ]
    assert download_problems("!wget x") == ["shell command '!wget x'"]
    assert download_problems("load_digits()  # see https://scikit-learn.org") == []


@notebooks(ALL)
def test_no_downloads_at_run_time(path):
    found = [
        f"cell {index}: {problem}"
        for index, cell in code_cells(read(path))
        for problem in download_problems(cell.source)
    ]
    assert found == [], "notebooks must run offline (bundled data sets only)"


@notebooks(ALL)
def test_first_code_cell_imports_coursekit_and_applies_the_style(path):
    cells = code_cells(read(path))
    assert cells, "no code cell"
    tree = code_tree(cells[0][1].source)
    assert tree is not None, "first code cell does not parse"
    modules = [
        alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names
    ] + [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
    assert any(m == "coursekit" or m.startswith("coursekit.") for m in modules), (
        "first code cell does not import coursekit"
    )
    assert "use_style" in called_names(cells[0][1].source), "first code cell does not call use_style()"


@notebooks(ALL)
def test_exactly_the_widget_cells_ignore_their_output(path):
    untagged, needlessly_tagged = [], []
    for index, cell in code_cells(read(path)):
        tagged = IGNORE_OUTPUT_TAG in tags(cell)
        widget = displays_widget(cell)
        if widget and not tagged:
            untagged.append(index)
        elif tagged and not widget:
            needlessly_tagged.append(index)
    assert untagged == [], f"widget cells {untagged} need the tag {IGNORE_OUTPUT_TAG!r}"
    assert needlessly_tagged == [], (
        f"cells {needlessly_tagged} are tagged {IGNORE_OUTPUT_TAG!r} but show no widget; "
        "make their output deterministic instead"
    )


@notebooks(SOLUTIONS)
def test_solution_markers_are_balanced(path):
    assert check_solutions_markers(read(path), name=relative(path)) == []


# --------------------------------------------------------------------------
# Lectures
# --------------------------------------------------------------------------


def test_lectures_and_solutions_pair_one_to_one():
    lectures = {path.name for path in LECTURES}
    solutions = {path.name for path in SOLUTIONS}
    assert sorted(solutions - lectures) == [], "solutions without lecture (run the build)"
    assert sorted(lectures - solutions) == [], "lectures without solution"


@notebooks(LECTURES)
def test_lecture_holds_no_solution_markers(path):
    marked = [index for index, cell in enumerate(read(path).cells) if has_solution_markers(cell)]
    assert marked == []


@notebooks(LECTURES)
def test_slide_types_are_ones_the_presenter_shows(path):
    """No slide_type means "continue the slide" (JupyterLab 4 writes it so); the string '-' is hidden."""
    cells = read(path).cells
    bad = [index for index, cell in enumerate(cells)
           if "slide_type" in cell.metadata.get("slideshow", {})
           and cell.metadata["slideshow"]["slide_type"] not in SLIDE_TYPES]
    assert bad == [], (f"cells {bad}: slide_type must be one of {sorted(SLIDE_TYPES)}; "
                       "write '-' as no slide_type (JupyterLab 4 does; jupyterlab-slideshow hides '-')")
    assert cells[0].metadata.get("slideshow", {}).get("slide_type") == "slide", "the first cell opens a slide"


# --------------------------------------------------------------------------
# Exercises: the solution answers every check right, the lecture answers none
# (nbgrader's ``validate --invert`` idea, on the stored outputs nbval verifies)
# --------------------------------------------------------------------------


@notebooks(SOLUTIONS)
def test_solution_passes_every_check_of_its_lecture(path):
    found = verdicts(path)
    lecture = path.stem[:2]
    if lecture != "00":
        assert len([k for k in found if k.startswith(lecture + ".")]) >= 3, "fewer than three exercises"
    wrong = {key: line for key, line in found.items() if not line.startswith(f"{CORRECT}: ")}
    assert not wrong, f"{relative(path)}: checks not passed by the solution: {wrong}"


@notebooks(LECTURES)
def test_lecture_leaves_every_exercise_unanswered(path):
    found = verdicts(path)
    answered = {key: line for key, line in found.items() if not line.startswith(f"{NOT_ANSWERED}: ")}
    assert not answered, f"{relative(path)}: exercises answered in the student version: {answered}"


@notebooks(LECTURES)
def test_a_kept_solution_is_answered_in_the_lecture(path):
    """Issue 11 item 1: a cell tagged keep-solution shows its answer and a passed check."""
    kept = [(index, cell) for index, cell in code_cells(read(path)) if KEEP_SOLUTION_TAG in tags(cell)]
    if path.stem.startswith("00"):
        assert kept, "lecture 00 demonstrates an answered exercise ('Here it is answered:')"
    for index, cell in kept:
        text = "".join(out.text if out.output_type == "stream" else out.get("data", {}).get("text/plain", "")
                       for out in cell.outputs)
        assert text.startswith(f"{CORRECT}: "), f"cell {index}: {text!r}"
