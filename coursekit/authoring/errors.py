"""The errors of the course tooling; each message names the notebook (and cell)."""


class NotebookBuildError(Exception):
    """A notebook cannot be read, built or written; the message says which and why."""


class HandEditedError(NotebookBuildError):
    """A lecture was edited by hand since the last build."""


class ConcurrentEditError(NotebookBuildError):
    """A notebook changed on disk while the build ran, so it was not overwritten."""
