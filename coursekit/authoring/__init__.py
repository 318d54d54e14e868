"""coursekit.authoring: the course tooling, for instructors and CI only.

No lecture and no ``import coursekit`` ever imports this package (a test
checks that the student library loads no nbformat, nbclient or nbconvert).

Each ``solutions/NN_name.ipynb`` is the single source of a lecture;
``python -m coursekit build`` generates ``lectures/NN_name.ipynb`` from it
and executes both.  The modules, in the order the build uses them:

- :mod:`~coursekit.authoring.repository`: the course root (found from the
  current directory upward), its notebooks, the pairs to build;
- :mod:`~coursekit.authoring.placeholders`: solution blocks to
  ``name = ...  # your code here`` (plain Python source, AST-based);
- :mod:`~coursekit.authoring.pipeline`: the chain of steps over nbformat
  nodes, nbconvert's preprocessors where they exist;
- :mod:`~coursekit.authoring.io`: read (with a fingerprint), execute
  (nbclient), write atomically;
- :mod:`~coursekit.authoring.sync`: content hashes and ``build --check``;
- :mod:`~coursekit.authoring.build`: the build itself;
- :mod:`~coursekit.authoring.cli`: the thin argparse shell.

Conventions in a solution notebook
----------------------------------
``### BEGIN SOLUTION`` / ``### END SOLUTION``
    Comment lines around an answer, in code cells only.  The lecture gets a
    placeholder per assigned name: ``x = ...  # your code here``, or for a
    string literal ``x = ...  # one letter in quotes ('A', 'B', ...)`` (one
    letter) / ``x = ...  # text in quotes``.
tag ``solution-only``
    The cell is dropped from the lecture (worked answers, notes).
tag ``keep-solution``
    The cell's answer stays in the lecture; only its marker lines go.  For
    a cell that demonstrates a solved exercise (lecture 00 shows how a
    check answers a right answer).
tag ``raises-exception``
    The cell is meant to raise; the build keeps the traceback (with paths
    relative to the repository).
tag ``nbval-ignore-output``
    The cell shows a live widget; nbval does not compare its output.
"""
