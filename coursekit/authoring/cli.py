"""Command line: ``python -m coursekit build [--check] [--force] [--no-execute] [NAME ...]``.

A thin shell over :mod:`coursekit.authoring`:

- ``build`` generates ``lectures/NN_name.ipynb`` from
  ``solutions/NN_name.ipynb`` and executes both (default: every solution).
- ``build --check`` writes nothing and runs nothing; it lists every lecture
  out of sync with its solution and exits 1 if there is one.

The course repository is the one the current directory is in (searched
upward, like git), or ``--root``; the first line printed says which.

Exit status: 0 on success, 1 when ``--check`` finds a problem or the build
refuses or fails, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import sys


def positive_int(text: str) -> int:
    """An argparse type: a whole number >= 1.

    Examples
    --------
    >>> positive_int("30")
    30
    >>> positive_int("0")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: must be a whole number of seconds >= 1, got '0'
    """
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of seconds >= 1, got {text!r}")
    return value


def make_parser() -> argparse.ArgumentParser:
    """The argument parser.

    Examples
    --------
    >>> args = make_parser().parse_args(["build", "--check", "01"])
    >>> args.command, args.check, args.names
    ('build', True, ['01'])
    """
    parser = argparse.ArgumentParser(prog="python -m coursekit", description="Course notebook tooling.")
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
        "--force", action="store_true", help="overwrite lectures even if they were edited by hand",
    )
    build.add_argument(
        "--no-execute", dest="execute", action="store_false",
        help="do not run the notebooks (lectures are written without outputs)",
    )
    build.add_argument(
        "--timeout", type=positive_int, default=120, metavar="SECONDS",
        help="time allowed per cell, at least 1 (default: %(default)s)",
    )
    build.add_argument(
        "--root", default=None,
        help="repository root holding solutions/ and lectures/ "
        "(default: the current directory or the first folder above it that is the course)",
    )
    return parser


def run_check(root, names) -> int:
    """Print the sync problems; return the exit status."""
    from coursekit.authoring.sync import check

    problems = check(root, names)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s); lectures are out of sync", file=sys.stderr)
        return 1
    print("lectures are in sync with solutions")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = make_parser().parse_args(argv)
    from coursekit.authoring.errors import NotebookBuildError
    from coursekit.authoring.repository import checked_root, find_repository_root

    try:
        root = checked_root(args.root) if args.root else find_repository_root()
        print(f"course repository: {root}")
        if args.check:
            return run_check(root, args.names)
        from coursekit.authoring.build import build

        build(root, args.names, force=args.force, execute=args.execute, timeout=args.timeout)
    except NotebookBuildError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
