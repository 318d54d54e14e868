"""What the notebook hygiene tests read: the real notebooks and the lint helpers.

Importable (``from tests.authoring import hygiene`` or ``from .hygiene import
...``) by any test that needs to know which cells show a widget, which
notebooks exist, or what an output says.  Only tests use these helpers, so
they live here and not in ``coursekit.authoring``.
"""

import ast
import json
import re
from pathlib import Path

import nbformat

from coursekit.authoring.placeholders import BEGIN_SOLUTION, PLACEHOLDER_PREFIX
from coursekit.authoring.repository import LECTURES_DIR, SOLUTIONS_DIR, find_notebooks
from coursekit.exercises import CORRECT, NOT_ANSWERED, WRONG

ROOT = Path(__file__).resolve().parents[2]
LECTURES = find_notebooks(ROOT, LECTURES_DIR)
SOLUTIONS = find_notebooks(ROOT, SOLUTIONS_DIR)
ALL = LECTURES + SOLUTIONS

WIDGET_VIEW_MIME = "application/vnd.jupyter.widget-view+json"
ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*m")
URL = re.compile(r"^https?://")
DOWNLOAD_CALLS = {"urlopen", "urlretrieve", "download", "wget"}
HTTP_CLIENTS = {"requests", "httpx", "urllib3", "aiohttp"}
SHELL_PREFIXES = ("!", "%pip", "%conda", "%%bash", "%%sh", "%%script", "%system", "%sx")
CHECK_CALL = re.compile(r"""^check\(\s*["'](\d\d\.\d+)["']""", re.MULTILINE)
_WIDGET_FACTORIES = {"interact", "interactive", "interact_manual"}


def relative(path):
    return path.relative_to(ROOT).as_posix()


def read(path):
    return nbformat.read(path, as_version=4)


def code_cells(nb):
    return [(index, cell) for index, cell in enumerate(nb.cells) if cell.cell_type == "code"]


def code_tree(source):
    """The syntax tree of a code cell (IPython magics translated), or None.

    >>> type(code_tree("%matplotlib inline\\nx = 1")).__name__
    'Module'
    >>> code_tree("x = (") is None
    True
    """
    from IPython.core.inputtransformer2 import TransformerManager

    try:
        return ast.parse(TransformerManager().transform_cell(source))
    except SyntaxError:
        return None


def called_names(source):
    """Names of the functions a code cell calls (``f`` in ``f()`` and ``m.f()``).

    >>> sorted(called_names("w = surprisal_widget(p=0.5)\\nplt.show()"))
    ['show', 'surprisal_widget']
    """
    tree = code_tree(source)
    if tree is None:
        return set()
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            if isinstance(node.func, ast.Name):
                names.add(node.func.id)
            elif isinstance(node.func, ast.Attribute):
                names.add(node.func.attr)
    return names


def _widget_class_names():
    import ipywidgets

    return {
        name for name, obj in vars(ipywidgets).items()
        if isinstance(obj, type) and issubclass(obj, ipywidgets.DOMWidget)
    }


def displays_widget(cell):
    """Whether a code cell shows a live widget.

    True if its source calls a ``*_widget(...)`` function or ``interact``, or
    its outputs hold a widget (a widget view, or the ``text/plain`` repr of an
    ipywidgets class such as ``VBox(children=...``).

    >>> displays_widget(nbformat.v4.new_code_cell("entropy_widget()"))
    True
    >>> cell = nbformat.v4.new_code_cell("w")
    >>> cell.outputs = [nbformat.v4.new_output("display_data", {"text/plain": "VBox(children=(...))"})]
    >>> displays_widget(cell)
    True
    >>> displays_widget(nbformat.v4.new_code_cell("draw_entropy(p)"))
    False
    """
    if cell.cell_type != "code":
        return False
    calls = called_names(cell.source)
    if any(name.endswith("_widget") for name in calls) or calls & _WIDGET_FACTORIES:
        return True
    widget_classes = None
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        if WIDGET_VIEW_MIME in data:
            return True
        text = data.get("text/plain", "")
        if "(" in text:
            widget_classes = widget_classes or _widget_class_names()
            if text.split("(", 1)[0] in widget_classes:
                return True
    return False


def output_texts(output):
    """The human-readable text of one output (images and widget views left out)."""
    if output.output_type == "stream":
        return [output.text]
    if output.output_type == "error":
        return [output.evalue, *(ANSI_ESCAPE.sub("", line) for line in output.traceback)]
    return [
        value if isinstance(value, str) else json.dumps(value)
        for mime, value in output.get("data", {}).items()
        if mime.startswith("text/") or mime == "application/json"
    ]


def download_problems(source):
    """Why a code cell's source would reach the network when run (empty if not)."""
    problems = [
        f"shell command {line.strip()!r}"
        for line in source.splitlines()
        if line.lstrip().startswith(SHELL_PREFIXES)
    ]
    tree = code_tree(source)
    if tree is None:
        return problems + ["does not parse"]
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name.startswith("fetch_") or name in DOWNLOAD_CALLS:
                problems.append(f"calls {name}()")
            if (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
                    and func.value.id in HTTP_CLIENTS):
                problems.append(f"calls {func.value.id}.{func.attr}()")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if URL.match(node.value.strip()):
                problems.append(f"opens URL {node.value.strip()!r}")
    return problems


def is_exercise_cell(cell):
    """Whether a code cell holds an answer to give: a solution block or its placeholder.

    >>> is_exercise_cell(nbformat.v4.new_code_cell("answer_3 = ...  # one letter in quotes ('A', 'B', ...)"))
    True
    >>> is_exercise_cell(nbformat.v4.new_code_cell("check('00.1', 3)"))
    False
    """
    return f"### {BEGIN_SOLUTION}" in cell.source or PLACEHOLDER_PREFIX in cell.source


VERDICT_LABELS = tuple(f"{label}: " for label in (CORRECT, NOT_ANSWERED, WRONG))


def verdicts(path):
    """``{exercise key: verdict line}`` for every exercise cell (answer, then ``check``).

    Exercise cells hold a solution block (solutions) or its placeholder
    (lectures); cells that only demonstrate a check are left out.
    """
    found = {}
    for index, cell in code_cells(read(path)):
        if not is_exercise_cell(cell):
            continue
        keys = CHECK_CALL.findall(cell.source)
        texts = [out.text if out.output_type == "stream" else out.get("data", {}).get("text/plain", "")
                 for out in cell.get("outputs", [])]
        lines = [line for text in texts for line in text.splitlines() if line.startswith(VERDICT_LABELS)]
        for key, line in zip(keys, lines):
            found[key] = line
    return found
