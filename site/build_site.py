"""Build the course website: ``python site/build_site.py [OUTDIR]`` (``make site``).

Sphinx reads its sources from one folder, so the pages of this folder and the
notebooks of ``lectures/`` and ``solutions/`` are copied (with their times, so a
rebuild redoes only what changed) into a staging folder beside the output, and
Sphinx runs there with this folder's ``conf.py``. Nothing is executed.
"""

import shutil
import sys
from pathlib import Path

SITE = Path(__file__).resolve().parent
ROOT = SITE.parent
PAGES = ("index.md", "run-it-yourself.md")
NOTEBOOK_DIRS = ("lectures", "solutions")


def stage(staging):
    """Copy the site's pages and the notebooks into ``staging``; drop stale copies."""
    staging.mkdir(parents=True, exist_ok=True)
    for name in PAGES:
        shutil.copy2(SITE / name, staging / name)
    for folder in NOTEBOOK_DIRS:
        target = staging / folder
        wanted = {p.name: p for p in sorted((ROOT / folder).glob("*.ipynb"))}
        target.mkdir(exist_ok=True)
        for stale in set(p.name for p in target.glob("*.ipynb")) - set(wanted):
            (target / stale).unlink()
        for name, path in wanted.items():
            shutil.copy2(path, target / name)


def build(outdir=ROOT / "build" / "site", quiet=True):
    """Stage the sources and run Sphinx; return its exit status (0: built, no warning)."""
    from sphinx.cmd.build import build_main

    outdir = Path(outdir).resolve()
    staging = outdir.parent / f"{outdir.name}-src"
    stage(staging)
    args = ["-b", "html", "-c", str(SITE), "-d", str(staging / ".doctrees"),
            "--fail-on-warning", str(staging), str(outdir)]
    return build_main(["-q", *args] if quiet else args)


if __name__ == "__main__":
    sys.exit(build(*sys.argv[1:2]))
