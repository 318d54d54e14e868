"""No notebook opens as modified (issue 13): stored metadata is what the kernel writes.

When JupyterLab connects a kernel to a notebook it sets
``metadata.language_info`` to the kernel's ``kernel_info`` reply and
``metadata.kernelspec`` to ``{name, display_name, language}`` of the
kernelspec; it marks the notebook dirty only if these differ (deep
equality) from what is stored.  It also upgrades nbformat < 4.4 and adds
missing cell ids.  These tests compare the build's metadata with what a real
kernel reports; the browser check of the dirty flag belongs to tests/e2e.
"""

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import start_new_kernel
from nbformat.v4 import new_notebook

from coursekit.authoring.build import build
from coursekit.authoring.pipeline import KERNELSPEC

from .factories import code, make_project, markdown
from .hygiene import ALL, read, relative

#: The nbformat minor version below which JupyterLab 4 upgrades (and so dirties) a notebook.
JUPYTERLAB_MINOR = 4



@pytest.fixture(scope="module")
def kernel_language_info():
    """The ``language_info`` of a real ``python3`` kernel's ``kernel_info`` reply."""
    manager, client = start_new_kernel(kernel_name=KERNELSPEC["name"])
    try:
        return client.kernel_info(reply=True, timeout=60)["content"]["language_info"]
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def jupyterlab_kernelspec():
    """What JupyterLab writes as ``metadata.kernelspec`` for the python3 kernel."""
    spec = KernelSpecManager().get_kernel_spec(KERNELSPEC["name"])
    return {"name": KERNELSPEC["name"], "display_name": spec.display_name, "language": spec.language}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    solution = new_notebook(cells=[markdown("# x"), code("### BEGIN SOLUTION\nx = 1\n### END SOLUTION\nprint(x)")])
    solution.nbformat_minor = 4  # as an old editor would save it: no cell ids
    for cell in solution.cells:
        del cell["id"]
    root = make_project(tmp_path_factory.mktemp("course"), {"01_x": solution})
    build(root, log=lambda line: None)
    return [read(root / folder / "01_x.ipynb") for folder in ("solutions", "lectures")]


def test_the_kernelspec_the_build_writes_is_the_one_jupyterlab_writes():
    assert KERNELSPEC == jupyterlab_kernelspec()


def test_built_notebooks_store_the_kernels_own_language_info(built, kernel_language_info):
    for nb in built:
        assert nb.metadata.language_info == kernel_language_info
        assert nb.metadata.kernelspec == jupyterlab_kernelspec()


def test_built_notebooks_need_no_upgrade_and_have_cell_ids(built):
    for nb in built:
        assert (nb.nbformat, nb.nbformat_minor) == (4, nbformat.v4.nbformat_minor)
        assert nb.nbformat_minor >= JUPYTERLAB_MINOR
        assert all(cell.get("id") for cell in nb.cells)
        nbformat.validate(nb)


@pytest.mark.parametrize("path", ALL, ids=[relative(path) for path in ALL])
def test_stored_notebooks_hold_what_the_kernel_writes(path, kernel_language_info):
    """Exact up to the Python version, which is the build machine's."""
    nb = read(path)
    stored = dict(nb.metadata.language_info)
    assert "version" in stored, "rebuild: python -m coursekit build"
    expected = {**kernel_language_info, "version": stored["version"]}
    assert stored == expected
    assert nb.metadata.kernelspec == jupyterlab_kernelspec()
    assert nb.nbformat_minor >= JUPYTERLAB_MINOR and all(cell.get("id") for cell in nb.cells)

