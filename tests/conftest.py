"""Settings shared by every test under tests/.

Hypothesis' per-example deadline is a timed assertion: on a loaded 2-core CI
machine it fails tests whose maths is right. Speed is measured by the
benchmarks instead, so the deadline is off everywhere.
"""

from hypothesis import settings

settings.register_profile("course", deadline=None)
settings.load_profile("course")
