"""``python -m coursekit build [--check] ...``: see :mod:`coursekit.authoring.cli`."""

import sys

from coursekit.authoring.cli import main

if __name__ == "__main__":
    sys.exit(main())
