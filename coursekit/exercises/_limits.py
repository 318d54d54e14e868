"""Run a student's function under a time limit, catching everything it raises.

Why a worker thread, stopped with ``PyThreadState_SetAsyncExc``
----------------------------------------------------------------
The check must return a verdict within :data:`TIME_LIMIT` seconds on Linux,
macOS and Windows kernels, whatever the student's code does:

- ``signal.alarm`` / ``SIGALRM`` does not exist on Windows, and a signal
  handler can only be set from the main thread.
- ``_thread.interrupt_main()`` from a watchdog would run the student's code on
  the kernel's main thread and stop it with a ``KeyboardInterrupt``: a student
  loop that catches it (``except BaseException: pass``, a bare ``except:``)
  hangs the kernel again, a call stuck in C never sees it, a late watchdog can
  interrupt the *next* cell, and it cannot be told apart from the user's own
  interrupt.

So the student's function runs in a daemon worker thread while the main
thread waits in short slices. The main thread never depends on the student's
code: when the limit passes, it returns a verdict at once, and it asks the
worker to stop by raising :class:`_Stop` in it (``PyThreadState_SetAsyncExc``,
the CPython call that :mod:`threading` itself builds on; it exists on every
platform). A pure-Python loop stops at its next bytecode. A call stuck inside
C (``time.sleep(1e9)``) cannot be stopped by anyone short of killing the
process; that thread is left behind as a daemon, and the kernel stays usable.

A genuine interrupt (the user pressing *Interrupt kernel*) reaches the main
thread while it waits: the worker is stopped and the ``KeyboardInterrupt`` is
re-raised, never swallowed, so the cell stops as the user asked. Waiting in
short slices keeps that interrupt prompt on Windows too, where a long lock
wait is not interrupted by Ctrl+C.
"""

import copy
import ctypes
import threading
import time
import warnings

import numpy as np

#: Seconds one call of a student's function may take (every hint that reports
#: a timeout states it).
TIME_LIMIT = 3.0

#: Stack size of the worker thread: macOS gives secondary threads only 512 KiB,
#: so a recursive student function would crash the kernel before it raised
#: RecursionError as it does on the main thread.
_STACK_BYTES = 64 * 1024 * 1024

_WAIT_SLICE = 0.05  # seconds between looks at the worker (and at a user interrupt)
_STOP_ATTEMPTS = 20  # a student's ``except BaseException`` may swallow a few stops


class _Stop(BaseException):
    """Raised inside the worker thread to end a student's call that overran."""


class StudentFailure(Exception):
    """The student's function raised, or did not return in time.

    ``error`` is what it raised (any :class:`BaseException`, or ``None`` after a
    timeout); ``seconds`` is the time limit it overran (or ``None``).
    """

    def __init__(self, error=None, seconds=None):
        super().__init__(error)
        self.error = error
        self.seconds = seconds

    def describe(self, label="", note=""):
        """One hint sentence: what went wrong, for which case, and ``note``.

        >>> StudentFailure(ZeroDivisionError("division by zero")).describe("p = 0")
        'for p = 0 your function raised ZeroDivisionError: division by zero.'
        >>> StudentFailure(seconds=3.0).describe()
        'your function did not return within 3 s; look for a loop that never ends.'
        """
        where = f"for {label} " if label else ""
        if self.error is None:
            what = f"did not return within {self.seconds:g} s; look for a loop that never ends"
        else:
            what = f"raised {_exception_text(self.error)}"
        return f"{where}your function {what}{note}."


def _exception_text(error, limit=160):
    """``"ValueError: math domain error"``: the name, then the message on one line."""
    message = " ".join(str(error).split())
    if len(message) > limit:
        message = message[: limit - 1] + "…"
    name = type(error).__name__
    return f"{name}: {message}" if message else name


def _raise_in(thread, exc_type):
    """Ask ``thread`` to raise ``exc_type`` at its next bytecode; False if impossible."""
    try:
        set_async_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc
    except AttributeError:  # not CPython: the thread is left to run out as a daemon
        return False
    set_async_exc.argtypes = (ctypes.c_ulong, ctypes.py_object)
    return set_async_exc(thread.ident, exc_type) == 1


def _stop(thread, done):
    """Stop the worker: raise :class:`_Stop` in it until it ends (or give up)."""
    for _ in range(_STOP_ATTEMPTS):
        if done.is_set() or not _raise_in(thread, _Stop):
            return
        if done.wait(_WAIT_SLICE):
            return


def _start_worker(target):
    old = threading.stack_size()
    try:
        threading.stack_size(_STACK_BYTES)
    except (ValueError, RuntimeError):  # a platform that refuses: keep its default
        pass
    try:
        worker = threading.Thread(target=target, name="coursekit-student-function", daemon=True)
        worker.start()
    finally:
        threading.stack_size(old)
    return worker


def run_limited(func, args=(), seconds=TIME_LIMIT):
    """``func(*args)`` on deep copies of ``args``, within ``seconds``; never hangs.

    Returns what ``func`` returns. Raises :class:`StudentFailure` if it raises
    anything (``SystemExit`` and ``KeyboardInterrupt`` included) or overruns.
    numpy's warnings (log of 0, 0 / 0) are kept off the page: the verdict says
    what went wrong instead. A user interrupt while waiting propagates.

    >>> run_limited(sum, ([1, 2],))
    3
    >>> def leaves():
    ...     raise SystemExit(3)
    >>> try:
    ...     run_limited(leaves)
    ... except StudentFailure as failure:
    ...     print(failure.describe())
    your function raised SystemExit: 3.
    """
    args = copy.deepcopy(args)
    box = {}
    done = threading.Event()

    def target():
        try:
            try:
                with np.errstate(all="ignore"):  # per thread: set here, not by the caller
                    box["result"] = func(*args)
            except BaseException as exc:  # the student's code: every exception is reported
                box["error"] = exc
            done.set()
        except _Stop:  # a stop that arrived just after the function returned
            done.set()

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        worker = _start_worker(target)
        deadline = time.monotonic() + seconds
        try:
            while not done.wait(_WAIT_SLICE):
                if time.monotonic() > deadline:
                    break
        except BaseException:  # the user's own interrupt: stop the worker, then let it through
            _stop(worker, done)
            raise
    if not done.is_set():
        _stop(worker, done)
        raise StudentFailure(seconds=seconds)
    if "error" in box:
        error = box["error"]
        if isinstance(error, _Stop):  # stopped at the very edge of the limit
            raise StudentFailure(seconds=seconds)
        raise StudentFailure(error)
    return box["result"]
