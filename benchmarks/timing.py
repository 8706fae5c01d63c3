"""The one timing helper the benchmark scripts share."""

from __future__ import annotations

import time
from collections.abc import Callable


def timings(action: Callable[[], object], repeats: int) -> list[float]:
    """Run ``action`` ``repeats`` times and return each run's time in milliseconds."""
    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        action()
        times.append((time.perf_counter() - began) * 1000)
    return times
