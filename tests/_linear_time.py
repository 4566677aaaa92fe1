"""One check shared by the grammar tests: a function runs in time linear in its input.

A linear parser costs a small multiple of one pass over the text (`str.split`); a
backtracking one costs seconds to hours on adversarial strings. The bound is a ratio to that
pass, measured on this machine in the same test, plus a floor that absorbs timer noise on
inputs that take microseconds.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from tests._perf import slack

MAX_RATIO_TO_SPLIT = 50
TIMING_FLOOR_SECONDS = 0.02

# Strings that defeat backtracking patterns of every grammar module.
COMMON_ADVERSARIAL = {
    "no spaces": "x" * 1_000_000,
    "comma list": "A, " * 100_000,
    "open brackets": "(" * 100_000,
}


def best_time(function: Callable[[str], object], text: str) -> float:
    """The fastest of three runs of `function(text)`, in seconds."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        function(text)
        best = min(best, time.perf_counter() - start)
    return best


def assert_linear(
    function: Callable[[str], object],
    text: str,
    *,
    max_ratio: float = MAX_RATIO_TO_SPLIT,
    floor: float = TIMING_FLOOR_SECONDS,
) -> None:
    """Fail when `function(text)` takes more than `max_ratio` passes of `str.split`."""
    baseline = best_time(str.split, text)
    elapsed = best_time(function, text)
    assert elapsed <= (max_ratio * baseline + floor) * slack(), (function, elapsed, baseline)
