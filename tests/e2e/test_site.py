"""The course website, read offline in a real Chromium, as a student would before installing.

One session fixture builds the site the way ``make site`` does (``make slides``
first, then ``site/build_site.py``) into a temporary folder, from the checkout as it
is: no notebook is executed. Every page is then opened twice, from ``file://`` and
from ``python -m http.server``, with every request that leaves the site aborted,
and must load with no failed request, its maths typeset, its images loaded and
every internal link pointing at a file (and anchor) that exists.
"""

import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from .conftest import REPO_ROOT, VIEWPORT, _stop_process

MATHJAX = REPO_ROOT / "node_modules" / "mathjax" / "es5" / "tex-chtml-full.js"
LECTURE_STEMS = sorted(p.stem for p in (REPO_ROOT / "lectures").glob("*.ipynb"))
PAGES = (["index.html", "run-it-yourself.html", "search.html", "genindex.html"]
         + [f"lectures/{stem}.html" for stem in LECTURE_STEMS]
         + [f"solutions/{stem}.html" for stem in LECTURE_STEMS])
# What a widget prints where no widget manager renders it: must never reach a page.
WIDGET_REPR = re.compile(r"\b(VBox|HBox|GridBox|interactive)\(children=")


def _run(command, **kwargs):
    result = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True, **kwargs)
    assert result.returncode == 0, (
        f"`{' '.join(map(str, command))}` failed ({result.returncode}):\n"
        f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return result


@pytest.fixture(scope="session")
def built_site(decks_dir):
    """The site, built from the checkout into a temporary folder, with the decks of ``make slides``."""
    base = Path(tempfile.mkdtemp(prefix="coursekit-site-"))
    if not MATHJAX.exists():
        pytest.fail("MathJax is missing: run `npm ci` (make test does)", pytrace=False)
    start = time.perf_counter()
    _run([sys.executable, "site/build_site.py", str(base / "site")], timeout=600)
    print(f"\nsite built in {time.perf_counter() - start:.1f} s")
    try:
        yield base / "site"
    finally:
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def site_dir(built_site):
    return built_site


@pytest.fixture(scope="session")
def site_server(site_dir):
    """``python -m http.server`` on the built site; its base URL."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
         "--directory", str(site_dir)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 20
    while True:
        try:
            urllib.request.urlopen(base, timeout=2).close()
            break
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                _stop_process(process)
                raise RuntimeError("python -m http.server did not start")
            time.sleep(0.1)
    try:
        yield base
    finally:
        _stop_process(process)


class OfflinePage:
    """A page that aborts every request outside ``base`` and records what went wrong."""

    def __init__(self, browser, base):
        self.base = base
        self.context = browser.new_context(viewport=VIEWPORT)
        self.context.set_default_timeout(30_000)
        self.page = self.context.new_page()
        self.problems = []
        self.page.route("**/*", self._route)
        self.page.on("requestfailed",
                     lambda r: self.problems.append(f"failed: {r.url} ({r.failure})"))
        self.page.on("response", lambda r: r.status >= 400
                     and self.problems.append(f"HTTP {r.status}: {r.url}"))
        self.page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        self.page.on("console", lambda m: m.type == "error"
                     and self.problems.append(f"console error: {m.text}"))

    def _route(self, route):
        url = route.request.url
        if url.startswith(self.base) or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.problems.append(f"non-local request: {url}")
            route.abort()

    def open(self, relative):
        self.page.goto(self.base + relative, wait_until="load")
        try:
            return self.settle()
        except Exception as error:  # noqa: BLE001 - say what the page could not load, too
            raise AssertionError(f"{relative} did not settle ({error}); {self.problems}") from None

    def click(self, selector):
        """Click the link ``selector`` and wait for the page it opens to settle."""
        with self.page.expect_navigation(wait_until="load"):
            self.page.locator(selector).click()
        return self.settle()

    def settle(self):
        """Wait for the maths, images and fonts (so no load is cut off by the next step)."""
        self.page.evaluate(_JS_SETTLE)
        return self.page

    def close(self):
        self.context.close()


# Wait until MathJax (where the page loads it) has typeset and every image is decoded.
_JS_SETTLE = """
async () => {
  if (document.querySelector('script[src*="mathjax"]')) {
    const deadline = Date.now() + 20000;
    while (!(window.MathJax && MathJax.startup && MathJax.startup.promise)) {
      if (Date.now() > deadline) { throw new Error('MathJax never started'); }
      await new Promise((r) => setTimeout(r, 50));
    }
    await MathJax.startup.promise;
  }
  await Promise.all(Array.from(document.images).map((img) => img.decode().catch(() => null)));
  await document.fonts.ready;
}
"""

_JS_REPORT = """
() => {
  const visibleText = (root) => {
    const clone = root.cloneNode(true);
    clone.querySelectorAll('pre, code, script, style, mjx-container, mjx-assistive-mml, textarea')
      .forEach((n) => n.remove());
    return clone.textContent;
  };
  const main = document.querySelector('article') || document.body;
  return {
    text: visibleText(main),
    untypeset: Array.from(document.querySelectorAll('.math'))
      .filter((n) => !n.querySelector('mjx-container')).map((n) => n.textContent.slice(0, 80)),
    mathErrors: Array.from(document.querySelectorAll('mjx-merror'))
      .map((n) => n.getAttribute('data-mjx-error') || n.textContent),
    typeset: document.querySelectorAll('mjx-container').length,
    images: Array.from(document.images).map((img) => ({
      src: img.currentSrc || img.src, ok: img.complete && img.naturalWidth > 0})),
    links: Array.from(document.querySelectorAll('a[href]')).map((a) => a.href),
    outputs: Array.from(document.querySelectorAll('.cell_output')).map((n) => n.textContent),
    emptyOutputs: Array.from(document.querySelectorAll('.cell_output'))
      .filter((n) => !n.textContent.trim() && !n.querySelector('img')).length,
  };
}
"""


def _local_target(url, base, site_dir):
    """(file, fragment) that an internal link ``url`` points at, or None for an external one."""
    if not url.startswith(base):
        return None
    parts = urlsplit(url)
    relative = unquote(url[len(base):].split("#", 1)[0].split("?", 1)[0])
    target = site_dir / relative
    if relative == "" or relative.endswith("/"):
        target = target / "index.html"
    return target, unquote(parts.fragment)


def _check_page(offline, relative, site_dir):
    page = offline.open(relative)
    report = page.evaluate(_JS_REPORT)
    problems = list(offline.problems)
    if report["untypeset"]:
        problems.append(f"maths not typeset: {report['untypeset'][:3]}")
    if report["mathErrors"]:
        problems.append(f"MathJax errors: {report['mathErrors'][:3]}")
    for raw in ("$", "\\(", "\\["):
        if raw in report["text"]:
            at = report["text"].index(raw)
            problems.append(f"raw {raw!r} left in the text: {report['text'][max(0, at - 60):at + 60]!r}")
    problems += [f"image did not load: {img['src']}" for img in report["images"] if not img["ok"]]
    if any(WIDGET_REPR.search(text) for text in report["outputs"]):
        problems.append("a widget's text repr (VBox(children=...)) is shown")
    if report["emptyOutputs"]:
        problems.append(f"{report['emptyOutputs']} empty output box(es)")
    for url in report["links"]:
        target = _local_target(url, offline.base, site_dir)
        if target is None:
            continue
        path, fragment = target
        if not path.is_file():
            problems.append(f"broken link: {url}")
        elif fragment and path.suffix == ".html" and (
                f'id="{fragment}"' not in path.read_text(encoding="utf-8")):
            problems.append(f"link to a missing anchor: {url}")
    return report, problems


def _site_pages(site_dir):
    return sorted(str(p.relative_to(site_dir)) for p in site_dir.rglob("*.html")
                  if p.relative_to(site_dir).parts[0] not in {"slides", "_static"})


def test_every_page_is_checked(site_dir):
    """The page list of these tests is every page the build wrote: none escapes the checks."""
    assert _site_pages(site_dir) == sorted(PAGES)


@pytest.mark.parametrize("served", ["file", "http"])
def test_every_page_works_offline(browser, site_dir, site_server, served):
    """Each page, from file:// and from http.server, with the network cut: nothing fails."""
    base = site_dir.as_uri() + "/" if served == "file" else site_server
    offline = OfflinePage(browser, base)
    failures, typeset, images = {}, 0, 0
    try:
        for relative in PAGES:
            offline.problems.clear()
            report, problems = _check_page(offline, relative, site_dir)
            typeset += report["typeset"]
            images += len(report["images"])
            if problems:
                failures[relative] = problems
    finally:
        offline.close()
    assert not failures, "\n".join(f"{page}:\n  " + "\n  ".join(p[:5]) for page, p in failures.items())
    n_images = len(list((site_dir / "_images").glob("*.png")))
    assert typeset > 100 and images >= n_images > 0, (typeset, images, n_images)


def _readme_lectures():
    """(number, title, notebook stem, goal) of each row of the README's lecture table."""
    text = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Lectures", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        link = re.fullmatch(r"\[(.+)\]\(lectures/(.+)\.ipynb\)", cells[1]) if len(cells) > 2 else None
        if link:
            rows.append((cells[0], link.group(1), link.group(2), cells[2]))
    return rows


def test_front_page_lecture_list_equals_the_readme(browser, site_dir):
    offline = OfflinePage(browser, site_dir.as_uri() + "/")
    try:
        page = offline.open("index.html")
        shown = page.evaluate("""() => Array.from(document.querySelectorAll('article table tbody tr'))
          .map((tr) => { const td = tr.querySelectorAll('td'); const a = td[1].querySelector('a');
                         return [td[0].innerText.trim(), a.innerText.trim(),
                                 a.getAttribute('href'), td[2].innerText.trim()]; })""")
    finally:
        offline.close()
    readme = _readme_lectures()
    assert len(readme) == len(LECTURE_STEMS)
    expected = [[number, title, f"lectures/{stem}.html", re.sub(r"\*(.+?)\*", r"\1", goal)]
                for number, title, stem, goal in readme]
    # Sphinx typesets quotes (smartquotes): the README's ' is the page's ’.
    shown = [[text.replace("\u2019", "'").replace("\u2018", "'") for text in row] for row in shown]
    assert shown == expected


def test_previous_and_next_walk_the_lectures_in_order(browser, site_dir):
    order = ["index.html", *(f"lectures/{s}.html" for s in LECTURE_STEMS), "run-it-yourself.html"]
    offline = OfflinePage(browser, site_dir.as_uri() + "/")
    try:
        for here, there in zip(order, order[1:]):
            offline.open(here)
            assert offline.click("a.next-page").url == offline.base + there, f"next from {here}"
            assert offline.click("a.prev-page").url == offline.base + here, f"previous from {there}"
            assert not offline.problems, offline.problems
    finally:
        offline.close()


@pytest.mark.parametrize("served", ["file", "http"])
def test_search_finds_a_lecture_offline(browser, site_dir, site_server, served):
    base = site_dir.as_uri() + "/" if served == "file" else site_server
    offline = OfflinePage(browser, base)
    try:
        page = offline.open("index.html")
        page.locator("input[name=q]").first.fill("Huffman")
        with page.expect_navigation(wait_until="load"):
            page.keyboard.press("Enter")
        offline.settle()
        results = page.locator("#search-results ul.search li a")
        results.first.wait_for(state="attached", timeout=20_000)
        hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
        assert any(h.startswith("lectures/02_entropy.html") for h in hrefs), hrefs
        assert not offline.problems, offline.problems
    finally:
        offline.close()


def test_each_lecture_links_its_slides_handout_and_solution(site_dir):
    front = (site_dir / "index.html").read_text(encoding="utf-8")
    for stem in LECTURE_STEMS:
        lecture = (site_dir / "lectures" / f"{stem}.html").read_text(encoding="utf-8")
        assert f'href="../solutions/{stem}.html"' in lecture, stem
        assert f'href="solutions/{stem}.html"' in front, stem
        solution = (site_dir / "solutions" / f"{stem}.html").read_text(encoding="utf-8")
        assert "Solution version" in solution and f'href="../lectures/{stem}.html"' in solution
    for stem in LECTURE_STEMS:
        lecture = (site_dir / "lectures" / f"{stem}.html").read_text(encoding="utf-8")
        for name in (f"{stem}.slides.html", f"{stem}.pdf"):
            assert (site_dir / "slides" / name).is_file(), name
            assert f'href="../slides/{name}"' in lecture, (stem, name)
            assert f'href="slides/{name}"' in front, (stem, name)
