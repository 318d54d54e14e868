"""Fixtures for the browser tests: one JupyterLab, one Chromium, one page per test.

The tests drive a real JupyterLab in a real (headless) Chromium the way a
student or an instructor would. What they need:

``lab_server`` (session)
    ``python -m jupyterlab`` from this interpreter (so the ``python3`` kernel
    is this virtual environment's) on a free port of 127.0.0.1, with a random
    token, serving a temporary *copy* of ``lectures/`` (the tests never modify
    the real notebooks), and with every Jupyter directory (config, data,
    runtime, settings, workspaces) inside a temporary directory, where a user
    setting switches off the news feed and the update check. The presenter's
    stylesheet (``coursekit/figures/presenter.css``) is its custom CSS.
``browser`` (session)
    Debian's Chromium (``/usr/bin/chromium``) through Playwright. Without it
    the tests are skipped, unless ``COURSEKIT_REQUIRE_BROWSER=1`` (set by CI)
    turns the skip into a failure.
``page`` (per test)
    A fresh browser context and page. When the test fails, a screenshot of
    every page it opened is saved in ``test-artifacts/`` and its path is added
    to the failure message. Afterwards the kernels the test started are shut
    down, so the next test has both cores.

For development, ``COURSEKIT_E2E_LECTURES=/some/dir`` serves the notebooks
of another directory instead of ``lectures/``.
"""

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS_DIR = REPO_ROOT / "test-artifacts"
PRESENTER_CSS = REPO_ROOT / "coursekit" / "figures" / "presenter.css"

CHROMIUM_MISSING = (
    "Chromium not found: install it with `apt-get install -y chromium` (Debian) "
    "to run the browser tests"
)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
VIEWPORT = {"width": 1400, "height": 1000}
SERVER_START_TIMEOUT_S = 60
PAGE_TIMEOUT_MS = 30_000

# User settings written into JUPYTERLAB_SETTINGS_DIR (the same files the
# Settings Editor writes): no request to the news feed or the update check.
LAB_USER_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
}


def lectures_source_dir():
    """The directory whose notebooks the tests serve (``lectures/`` unless overridden)."""
    return Path(os.environ.get("COURSEKIT_E2E_LECTURES", REPO_ROOT / "lectures")).resolve()


def lecture_names():
    """Names (without ``.ipynb``) of the lecture notebooks, sorted."""
    return sorted(path.stem for path in lectures_source_dir().glob("*.ipynb"))


def chromium_path():
    """Path of Debian's Chromium, or None."""
    if Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium"
    return shutil.which("chromium")


def require_chromium():
    """Return Chromium's path; skip the test without it (fail when CI requires it)."""
    path = chromium_path()
    if path is None:
        if os.environ.get("COURSEKIT_REQUIRE_BROWSER") == "1":
            pytest.fail(CHROMIUM_MISSING, pytrace=False)
        pytest.skip(CHROMIUM_MISSING)
    return path


@dataclass
class LabServer:
    """A running JupyterLab: where it is, how to log in, what it serves."""

    base_url: str
    token: str
    root_dir: Path
    pid: int
    log_path: Path

    def url(self, path, **query):
        """``base_url + path`` with the token (and ``query``) as query string."""
        params = "&".join([*(f"{k}={v}" if v != "" else k for k, v in query.items()),
                           f"token={self.token}"])
        return f"{self.base_url}{path}?{params}"

    def api(self, path, method="GET"):
        """Call the REST API; return the decoded JSON (None for an empty body)."""
        request = urllib.request.Request(
            f"{self.base_url}{path}", method=method,
            headers={"Authorization": f"token {self.token}"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def shutdown_sessions(self):
        """Shut down every session (and so every kernel) of this server."""
        for session in self.api("/api/sessions"):
            try:
                self.api(f"/api/sessions/{session['id']}", method="DELETE")
            except urllib.error.HTTPError:
                pass  # already gone
        for kernel in self.api("/api/kernels"):
            try:
                self.api(f"/api/kernels/{kernel['id']}", method="DELETE")
            except urllib.error.HTTPError:
                pass

    def log_tail(self, n_chars=3000):
        """The end of the server's log, for error messages."""
        try:
            return self.log_path.read_text(errors="replace")[-n_chars:]
        except OSError:
            return "(no log)"


def _free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _stop_process(process, timeout=15):
    """Terminate ``process`` (this one, by its pid), kill it if it does not stop."""
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=timeout)


@pytest.fixture(scope="session")
def lab_server():
    """A JupyterLab serving a temporary copy of the lectures; stopped after the session."""
    require_chromium()  # no browser, no point in starting a server
    source = lectures_source_dir()
    base = Path(tempfile.mkdtemp(prefix="coursekit-e2e-"))
    root_dir = base / "lectures"
    shutil.copytree(source, root_dir,
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    # The presenter's stylesheet, as JupyterLab's custom CSS (what `make lab` does):
    # JupyterLab serves <JUPYTER_CONFIG_DIR>/custom/custom.css when custom_css is on.
    custom_dir = base / "config" / "custom"
    custom_dir.mkdir(parents=True)
    shutil.copyfile(PRESENTER_CSS, custom_dir / "custom.css")
    settings_dir = base / "lab-settings"
    for relative, values in LAB_USER_SETTINGS.items():
        path = settings_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values, indent=2))

    env = dict(os.environ)
    env.update({
        "JUPYTER_CONFIG_DIR": str(base / "config"),
        "JUPYTER_DATA_DIR": str(base / "data"),  # no user kernelspec shadows the venv's
        "JUPYTER_RUNTIME_DIR": str(base / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(settings_dir),
        "JUPYTERLAB_WORKSPACES_DIR": str(base / "workspaces"),
        "IPYTHONDIR": str(base / "ipython"),
        "JUPYTER_PLATFORM_DIRS": "0",
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
    })
    env.pop("JUPYTER_PATH", None)
    env.pop("JUPYTER_CONFIG_PATH", None)

    port = _free_port()
    token = secrets.token_hex(24)
    command = [
        sys.executable, "-m", "jupyterlab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root_dir}",
        "--LabApp.expose_app_in_browser=True",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.custom_css=True",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # containers and CI machines run as root
    log_path = base / "jupyterlab.log"
    log_file = open(log_path, "wb")
    process = subprocess.Popen(command, cwd=root_dir, env=env, stdout=log_file,
                               stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    server = LabServer(f"http://127.0.0.1:{port}", token, root_dir, process.pid, log_path)
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT_S
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"JupyterLab exited with code {process.returncode}:\n"
                                   f"{server.log_tail()}")
            try:
                server.api("/api/status")
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if time.monotonic() > deadline:
                    raise RuntimeError(f"JupyterLab did not answer /api/status within "
                                       f"{SERVER_START_TIMEOUT_S} s:\n{server.log_tail()}")
                time.sleep(0.25)
        specs = server.api("/api/kernelspecs")
        assert "python3" in specs["kernelspecs"], (
            f"no python3 kernel in {sorted(specs['kernelspecs'])}")
        yield server
    finally:
        try:
            if process.poll() is None:
                server.shutdown_sessions()
        except Exception:  # noqa: BLE001 - best effort; the process is stopped below anyway
            pass
        _stop_process(process)
        log_file.close()
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session."""
    executable = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, headless=True,
                                              args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def artifact_path(name):
    """``test-artifacts/<name>``, with the directory created."""
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    return ARTIFACTS_DIR / name


def _artifact_stem(nodeid):
    """A file name for a test: ``test_x[00_start_here]`` -> ``test_x-00_start_here``."""
    name = nodeid.split("::", 1)[-1]
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the item and screenshot the pages of a failed test."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)
    if report.when != "call" or not report.failed:
        return
    page = item.funcargs.get("page")
    if page is None:
        return
    saved = []
    stem = _artifact_stem(item.nodeid)
    for i, open_page in enumerate(page.context.pages):
        path = artifact_path(f"{stem}.png" if i == 0 else f"{stem}-{i}.png")
        try:
            open_page.screenshot(path=str(path), full_page=False, timeout=10_000)
            saved.append(path)
        except Exception as error:  # noqa: BLE001 - the test's own failure matters more
            saved.append(f"{path} (not saved: {error})")
    note = "screenshot: " + ", ".join(str(path) for path in saved)
    crash = getattr(report.longrepr, "reprcrash", None)
    if crash is not None:
        crash.message = f"{crash.message} [{note}]"
    if hasattr(report.longrepr, "addsection"):
        report.longrepr.addsection("browser", note)
    else:
        report.sections.append(("browser", note))


# JavaScript run in the page. ``jupyterapp`` is the JupyterLab application
# (exposed by --LabApp.expose_app_in_browser); a notebook is found by its path.
_FIND_PANEL = """
const findPanel = (path) => {
  for (const widget of window.jupyterapp.shell.widgets('main')) {
    if (widget.context && widget.context.path === path && widget.content
        && widget.content.widgets) { return widget; }
  }
  return null;
};
"""

_JS_NOTEBOOK_READY = _FIND_PANEL + """
(path) => {
  if (!window.jupyterapp) { return false; }
  const panel = findPanel(path);
  if (!panel || !panel.context.isReady) { return false; }
  const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
  return !!kernel && kernel.status === 'idle' && panel.content.widgets.length > 0;
}
"""

_JS_COUNT_KERNEL_MESSAGES = _FIND_PANEL + """
(path) => {
  const kernel = findPanel(path).sessionContext.session.kernel;
  window.__coursekitExecuted = 0;
  window.__coursekitErrors = 0;
  kernel.iopubMessage.connect((_, msg) => {
    if (msg.header.msg_type === 'execute_input') { window.__coursekitExecuted += 1; }
    if (msg.header.msg_type === 'error') { window.__coursekitErrors += 1; }
  });
}
"""

# Finished: kernel idle, no prompt [*], and every non-empty code cell sent (or an error
# stopped the run: JupyterLab then aborts the cells queued after it).
_JS_RUN_FINISHED = _FIND_PANEL + """
([path, expected]) => {
  const panel = findPanel(path);
  const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
  if (!kernel || kernel.status !== 'idle') { return false; }
  const prompts = Array.from(panel.content.node.querySelectorAll('.jp-CodeCell .jp-InputPrompt'));
  if (prompts.some((p) => p.textContent.includes('*'))) { return false; }
  return window.__coursekitExecuted >= expected || window.__coursekitErrors > 0;
}
"""

_JS_CELL_REPORT = _FIND_PANEL + """
(path) => {
  const panel = findPanel(path);
  // JupyterLab renders only the cells that have been in view (windowing): a cell far down
  // may have no DOM yet, so its execution count and its errors come from the model; only
  // a widget that failed to display is seen in the DOM alone.
  return panel.content.widgets.map((cell, index) => {
    const errors = [];
    let prompt = null;
    if (cell.model.type === 'code') {
      const count = cell.model.executionCount;
      prompt = count === null || count === undefined ? '[ ]:' : `[${count}]:`;
      for (const output of cell.model.outputs.toJSON()) {
        const text = String(output.text || '');
        if (output.output_type === 'error') { errors.push(`${output.ename}: ${output.evalue}`); }
        if (output.name === 'stderr' && text.includes('Traceback')) { errors.push(text.slice(0, 300)); }
      }
    }
    for (const out of cell.node.querySelectorAll('.jp-OutputArea-output')) {
      if (out.textContent.includes('Error displaying widget')) {
        errors.push(out.textContent.slice(0, 300));
      }
    }
    return {index, type: cell.model.type, prompt, errors};
  });
}
"""

_JS_KERNEL_EXECUTE = _FIND_PANEL + """
async ([path, code]) => {
  const kernel = findPanel(path).sessionContext.session.kernel;
  const future = kernel.requestExecute({code, silent: false, store_history: false});
  let text = '';
  future.onIOPub = (msg) => {
    if (msg.header.msg_type === 'stream') { text += msg.content.text; }
    if (msg.header.msg_type === 'error') { text += msg.content.ename + ': ' + msg.content.evalue; }
  };
  await future.done;
  return text;
}
"""


@dataclass
class CellReport:
    """What the page shows for one cell after a run."""

    index: int
    type: str
    prompt: str | None
    errors: list

    @property
    def executed(self):
        """True when the cell has an execution count, shown as ``[n]:``."""
        return self.prompt is not None and re.fullmatch(r"\[\d+\]:", self.prompt) is not None


class Lab:
    """A page of JupyterLab, driven as a student would: open, Run All, read, move."""

    def __init__(self, page, server):
        self.page = page
        self.server = server

    def open_notebook(self, path, timeout_ms=60_000):
        """Open ``path`` (relative to the served lectures) and wait for an idle kernel."""
        self.page.goto(self.server.url(f"/lab/tree/{path}", reset=""))
        self.page.wait_for_function(_JS_NOTEBOOK_READY, arg=path, timeout=timeout_ms,
                                    polling=250)
        self.page.locator(".jp-NotebookPanel .jp-Notebook").first.wait_for(state="visible")

    def click_menu(self, menu, item):
        """Click ``menu`` in the menu bar, then ``item`` (exact labels)."""
        self.page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(f"^{re.escape(menu)}$")
                          ).click()
        self.page.locator(".lm-Menu-itemLabel", has_text=re.compile(f"^{re.escape(item)}$")
                          ).first.click()

    def run_all(self, path, expected_executions, timeout_ms=120_000):
        """Run -> Run All Cells, then wait until the run is over (idle, no ``[*]``)."""
        self.page.evaluate(_JS_COUNT_KERNEL_MESSAGES, path)
        self.click_menu("Run", "Run All Cells")
        self.page.wait_for_function(_JS_RUN_FINISHED, arg=[path, expected_executions],
                                    timeout=timeout_ms, polling=250)

    def cell_reports(self, path):
        """A :class:`CellReport` for every cell of the notebook, in order."""
        return [CellReport(**cell) for cell in self.page.evaluate(_JS_CELL_REPORT, path)]

    def kernel_output(self, path, code):
        """Run ``code`` in the notebook's kernel (not in a cell); return what it printed."""
        return self.page.evaluate(_JS_KERNEL_EXECUTE, [path, code])


@pytest.fixture
def lab(page, lab_server):
    """A :class:`Lab` on the test's page."""
    return Lab(page, lab_server)


@pytest.fixture
def page(browser, lab_server):
    """A fresh page; on teardown its context is closed and the test's kernels shut down."""
    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(PAGE_TIMEOUT_MS)
    new_page = context.new_page()
    try:
        yield new_page
    finally:
        context.close()
        lab_server.shutdown_sessions()


@pytest.fixture(scope="session")
def decks_dir(browser):
    """Every lecture's offline deck and PDF handout, built once, where ``make slides`` writes them.

    The decks test opens them; the website test links them (the site copies
    ``build/slides/``). Built from the stored outputs: no kernel runs.
    """
    from coursekit.authoring import decks

    decks.build(REPO_ROOT, browser=browser, lectures_dir=lectures_source_dir())
    return REPO_ROOT / decks.OUT_SUBDIR
