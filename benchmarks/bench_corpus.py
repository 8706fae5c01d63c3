"""Figures for the corpus issue: cold parse + every table, and warm table calls.

Run: ``python benchmarks/bench_corpus.py``. A fresh interpreter is started for each cold
run, so the import of pandas is timed separately from the parse and table build. Cold runs
are timed twice: reading the tables from the disk cache (:mod:`leninism_data.tables.store`,
the normal case after the first use) and parsing the book with the cache turned off.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time

COLD = r"""
import json, time
t0, c0 = time.perf_counter(), time.process_time()
import pandas  # noqa: F401  (timed separately: the budget is beyond pandas itself)
t1, c1 = time.perf_counter(), time.process_time()
import leninism_data as ld
for table in ld.TABLES.values():
    table()
t2, c2 = time.perf_counter(), time.process_time()
print(json.dumps({"pandas": t1 - t0, "parse_and_tables": t2 - t1, "cpu": c2 - c1}))
"""


def cold_runs(n: int = 5, *, cache: bool = True) -> list[dict[str, float]]:
    env = {**os.environ} if cache else {**os.environ, "LENINISM_DATA_CACHE": "off"}
    runs = []
    for _ in range(n):
        out = subprocess.run(
            [sys.executable, "-c", COLD],
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
            env=env,
        )
        runs.append(json.loads(out.stdout))
    return runs


def warm_calls(repeats: int = 50) -> dict[str, list[float]]:
    import leninism_data as ld

    for table in ld.TABLES.values():
        table()
    times: dict[str, list[float]] = {}
    for name, table in ld.TABLES.items():
        samples = []
        for _ in range(repeats):
            start = time.perf_counter()
            table()
            samples.append(time.perf_counter() - start)
        times[name] = samples
    return times


def main() -> None:
    runs = cold_runs()
    cold = [r["parse_and_tables"] * 1000 for r in runs]
    cpu = [r["cpu"] * 1000 for r in runs]
    pandas_import = [r["pandas"] * 1000 for r in runs]
    parsed = [r["parse_and_tables"] * 1000 for r in cold_runs(cache=False)]
    print("Fresh process (5 runs):")
    print(f"  import pandas:                 median {statistics.median(pandas_import):6.1f} ms")
    print(
        f"  every table, from the cache:   median {statistics.median(cold):6.1f} ms, "
        f"worst {max(cold):6.1f} ms   (target <= 150 ms)"
    )
    print(
        f"  parse + build, cache off:      median {statistics.median(parsed):6.1f} ms, "
        f"worst {max(parsed):6.1f} ms"
    )
    print(
        f"  the same in CPU time:          median {statistics.median(cpu):6.1f} ms "
        "(less sensitive to other processes on the machine)"
    )
    print("Warm table calls (50 each), median / worst:   (target <= 5 ms)")
    for name, samples in warm_calls().items():
        ms = [s * 1000 for s in samples]
        print(f"  {name:22s} {statistics.median(ms):6.2f} ms / {max(ms):6.2f} ms")


if __name__ == "__main__":
    main()
