"""How fast and how lean is ``coursekit.cross_entropy_loss``? Run by hand, not a test.

For each size it measures, in this one process and on the same logits:

- coursekit: ``cross_entropy_loss(logits, labels)``, validation included;
- (a) what a user would write without coursekit:
  ``sklearn.metrics.log_loss(labels, scipy.special.softmax(logits, axis=1))``;
- (b) the bare floor: ``-scipy.special.log_softmax(logits, axis=1)[range(N), labels].mean()``.

It prints times (best of several runs) and peak extra memory (tracemalloc,
which sees numpy's allocations) as ratios. Goals: at least 3x faster than (a),
within 1.2x of (b) in time, and extra peak memory no more than one
logits-sized array.

    python benchmarks/bench_losses.py
"""

import sys
import time
import tracemalloc

import numpy as np
from scipy import special
from sklearn.metrics import log_loss

from coursekit import cross_entropy_loss

MAX_ELEMENTS = 10**8  # 800 MB of float64 logits; (a) needs several copies of that


def with_sklearn(logits, labels):
    return log_loss(labels, special.softmax(logits, axis=1), labels=np.arange(logits.shape[1]))


def floor(logits, labels):
    return -special.log_softmax(logits, axis=1)[np.arange(len(labels)), labels].mean()


def best_time(func, *args, budget=1.0, max_runs=20):
    runs, times = 0, []
    start = time.perf_counter()
    while runs < 3 or (runs < max_runs and time.perf_counter() - start < budget):
        t0 = time.perf_counter()
        func(*args)
        times.append(time.perf_counter() - t0)
        runs += 1
    return min(times)


def peak_memory(func, *args):
    tracemalloc.start()
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    func(*args)
    peak = tracemalloc.get_traced_memory()[1] - base
    tracemalloc.stop()
    return peak


def main():
    rng = np.random.default_rng(0)
    header = (f"{'N':>9} {'K':>5} | {'coursekit':>10} {'(a) skl':>10} {'(b) floor':>10} | "
              f"{'a/ck':>6} {'ck/b':>6} | {'mem ck/logits':>13} {'mem a/logits':>12} {'mem b/logits':>12}")
    print(header)
    print("-" * len(header))
    for k in (10, 1000):
        for n in (10**3, 10**4, 10**5, 10**6):
            if n * k > MAX_ELEMENTS:
                print(f"{n:>9} {k:>5} | skipped: {n * k * 8 / 1e9:.0f} GB of logits; (a) would need several times that")
                continue
            logits = rng.normal(scale=3.0, size=(n, k))
            labels = rng.integers(0, k, size=n)
            ck_value = cross_entropy_loss(logits, labels)
            assert abs(ck_value - floor(logits, labels)) < 1e-9
            assert abs(ck_value - with_sklearn(logits, labels)) < 1e-9
            t_ck = best_time(cross_entropy_loss, logits, labels)
            t_a = best_time(with_sklearn, logits, labels)
            t_b = best_time(floor, logits, labels)
            size = logits.nbytes
            m_ck, m_a, m_b = (peak_memory(f, logits, labels) / size
                              for f in (cross_entropy_loss, with_sklearn, floor))
            print(f"{n:>9} {k:>5} | {t_ck * 1e3:>8.2f}ms {t_a * 1e3:>8.2f}ms {t_b * 1e3:>8.2f}ms | "
                  f"{t_a / t_ck:>5.1f}x {t_ck / t_b:>5.2f}x | {m_ck:>13.2f} {m_a:>12.2f} {m_b:>12.2f}")
            sys.stdout.flush()
    print("\na/ck: how many times faster coursekit is than (a); ck/b: coursekit's time over the floor's.")
    print("mem */logits: peak extra memory during the call, in logits-sized arrays.")


if __name__ == "__main__":
    main()
