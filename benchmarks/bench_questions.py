"""The question bank and the progress store: load, record, sum up.

Run ``python benchmarks/bench_questions.py``. Prints, in milliseconds:

- the first ``ld.questions()`` of a process (read, sha256 check, TOML parse, frame) and a
  cached call (a copy of the frame);
- recording one answer in a file-backed :class:`~leninism_data.ProgressStore` (one SQLite
  transaction), beside the peer in this package that does the same kind of work, adding a
  note to a file-backed :class:`~leninism_data.NoteStore`;
- ``ld.progress()`` over a store holding 1,000 answers.

Stores are written in a temporary folder, never in the user's own files.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import leninism_data as ld
from leninism_data.seminar import questions as bank_module

ROUNDS = 200


def timed(action: Callable[[], object], rounds: int = ROUNDS) -> float:
    """Median milliseconds of ``action`` over ``rounds`` calls."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    ld.paragraphs()  # the book's parse is not what is measured here
    start = time.perf_counter()
    bank = ld.questions()
    first = (time.perf_counter() - start) * 1000
    print(f"ld.questions(), first call:  {first:7.2f} ms ({len(bank)} questions)")
    print(f"ld.questions(), cached:      {timed(ld.questions):7.2f} ms")

    def reload() -> None:
        bank_module._bank.cache_clear()
        ld.questions()

    print(f"ld.questions(), uncached:    {timed(reload, 50):7.2f} ms")

    ids = bank["question_id"].tolist()
    with (
        tempfile.TemporaryDirectory() as folder,
        ld.ProgressStore(Path(folder) / "progress.sqlite3") as store,
        ld.NoteStore(Path(folder) / "notes.sqlite3") as notes,
    ):
        counter = iter(range(10**6))
        record = timed(lambda: store.record(ids[next(counter) % len(ids)], 0))
        note = timed(lambda: notes.add("IV.27", "A note on the dictatorship."))
        print(f"ProgressStore.record:        {record:7.2f} ms")
        print(f"NoteStore.add (peer):        {note:7.2f} ms  (record/add = {record / note:.2f})")
        for _ in range(1000 - ROUNDS):
            store.record(ids[next(counter) % len(ids)], 1)
        summed = timed(lambda: ld.progress(store), 50)
        print(f"ld.progress(), 1,000 answers: {summed:6.2f} ms")


if __name__ == "__main__":
    main()
