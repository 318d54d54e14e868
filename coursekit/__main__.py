"""Command line: ``python -m coursekit build [--check] [--force] [--no-execute] [NAME ...]``.

A thin shell over :mod:`coursekit.notebooks`:

- ``build`` generates ``lectures/NN_name.ipynb`` from
  ``solutions/NN_name.ipynb`` and executes both (default: every solution).
- ``build --check`` writes nothing and runs nothing; it lists every lecture
  out of sync with its solution and exits 1 if there is one.

Exit status: 0 on success, 1 when ``--check`` finds a problem or the build
refuses or fails, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import sys


def make_parser() -> argparse.ArgumentParser:
    """The argument parser.

    Examples
    --------
    >>> args = make_parser().parse_args(["build", "--check", "01"])
    >>> args.command, args.check, args.names
    ('build', True, ['01'])
    """
    parser = argparse.ArgumentParser(
        prog="python -m coursekit",
        description="Course notebook tooling.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    build = commands.add_parser(
        "build",
        help="generate lectures/ from solutions/ and execute both",
        description="Generate lectures/NN_name.ipynb from solutions/NN_name.ipynb "
        "(solution blocks replaced, solution-only cells dropped), execute both "
        "in fresh kernels and write them.",
    )
    build.add_argument(
        "names", nargs="*", metavar="NAME",
        help="notebooks to build, e.g. 01 or 01_surprisal (default: all solutions)",
    )
    build.add_argument(
        "--check", action="store_true",
        help="write and run nothing; report lectures out of sync and exit 1 if any",
    )
    build.add_argument(
        "--force", action="store_true",
        help="overwrite lectures even if they were edited by hand",
    )
    build.add_argument(
        "--no-execute", dest="execute", action="store_false",
        help="do not run the notebooks (lectures are written without outputs)",
    )
    build.add_argument(
        "--timeout", type=int, default=120, metavar="SECONDS",
        help="time allowed per cell (default: %(default)s)",
    )
    build.add_argument(
        "--root", default=None,
        help="repository root holding solutions/ and lectures/ "
        "(default: found from the package location or the current directory)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = make_parser().parse_args(argv)
    from coursekit import notebooks

    try:
        root = args.root or notebooks.find_repository_root()
        if args.check:
            problems = notebooks.check(root, args.names)
            for problem in problems:
                print(problem)
            if problems:
                print(f"{len(problems)} problem(s); lectures are out of sync", file=sys.stderr)
                return 1
            print("lectures are in sync with solutions")
            return 0
        notebooks.build(
            root, args.names, force=args.force, execute=args.execute, timeout=args.timeout
        )
    except notebooks.NotebookBuildError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
