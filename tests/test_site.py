"""The website's build glue, without a browser or a build (the browser tests build it)."""

import doctest
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load(name):
    spec = importlib.util.spec_from_file_location(f"site_{name}", ROOT / "site" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


coursesite = _load("coursesite")
build_site = _load("build_site")


def test_coursesite_examples_run():
    assert doctest.testmod(coursesite).failed == 0


def test_the_readme_table_lists_every_lecture_notebook_in_order():
    lectures = coursesite.lectures_from_readme((ROOT / "README.md").read_text(encoding="utf-8"))
    assert [lec.stem for lec in lectures] == sorted(p.stem for p in (ROOT / "lectures").glob("*.ipynb"))
    assert [lec.number for lec in lectures] == [lec.stem[:2] for lec in lectures]
    assert all(lec.title and lec.goal for lec in lectures)


def test_a_readme_without_the_table_is_an_error_not_an_empty_front_page():
    with pytest.raises(ValueError, match="no lecture rows"):
        coursesite.lectures_from_readme("# A course\n\n## Lectures\n\nnone yet\n\n## Two commands\n")


def test_the_front_page_table_links_each_lecture_and_its_solution():
    lectures = [coursesite.Lecture("01", "Surprisal", "01_surprisal", "measure it")]
    table = coursesite.lecture_table(lectures).splitlines()
    assert len(table) == 3
    assert "[Surprisal](lectures/01_surprisal.ipynb)" in table[2]
    assert "[solution](solutions/01_surprisal.ipynb)" in table[2]


@pytest.mark.parametrize("repr_text, is_widget", [
    ("VBox(children=(HBox(children=(FloatSlider(value=0.5,", True),
    ("interactive(children=(IntSlider(value=3,", True),
    ("0.4150 bits", False),
    ("array([0.5, 0.5])", False),
])
def test_only_a_widget_repr_counts_as_a_widget_output(repr_text, is_widget):
    from docutils import nodes

    output = nodes.container(nb_element="cell_code_output")
    output += nodes.literal_block(repr_text, repr_text)
    assert coursesite._is_widget_output(output) is is_widget


def test_staging_copies_the_pages_and_notebooks_and_drops_stale_ones(tmp_path):
    (tmp_path / "lectures").mkdir()
    (tmp_path / "lectures" / "99_gone.ipynb").write_text("{}")
    build_site.stage(tmp_path)
    staged = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*.*"))
    expected = sorted([*build_site.PAGES,
                       *(f"{d}/{p.name}" for d in build_site.NOTEBOOK_DIRS
                         for p in (ROOT / d).glob("*.ipynb"))])
    assert staged == expected


def test_a_readme_without_a_lectures_section_is_an_error():
    with pytest.raises(ValueError, match="no lecture rows"):
        coursesite.lectures_from_readme("# A course\n\n## Lectures in a table\n\n| 01 | x |\n")
