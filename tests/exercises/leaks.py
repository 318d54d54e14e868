"""What "a check never prints the answer" means in the exercise tests."""


def renderings(value):
    """The ways a number could leak into a message."""
    out = {repr(value), str(value), f"{value:g}"}
    out |= {f"{value:.{k}f}" for k in range(2, 7)}
    out |= {f"{value:.{k}g}" for k in range(3, 7)}
    return {r for r in out if r not in {"0", "1", "2"}}


def assert_hidden(message, *values):
    """Fail if any rendering of any of ``values`` appears in ``message``."""
    for value in values:
        for text in renderings(value):
            assert text not in message, f"{text!r} leaks into {message!r}"
