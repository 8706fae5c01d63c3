"""How fast the notes store answers, on a real file on disk.

Usage: ``python benchmarks/bench_notes.py [--repeats N] [--folder DIR]``

Prints the median (and slowest) time, over ``--repeats`` runs, of:

* ``add one note``: ``NoteStore.add`` to a store already holding 1,000 notes,
  including the anchor check and the synced commit (target: at most 20 ms);
* ``list 1,000 notes``: ``NoteStore.list()`` as a DataFrame (target: at most 20 ms);
* ``search 1,000 notes``: ``NoteStore.search`` for a word;
* ``export Markdown, 1,000 notes``: ``NoteStore.export_markdown()``;
* ``open the store``: ``NoteStore(path)`` on a 1,000-note file, with its
  integrity check;
* ``add from another thread``: ``NoteStore.add`` called from a second thread, as a
  widget callback in a real kernel may be (the lock around the shared connection);
* ``export JSON + import, 1,000 notes``: an export read back into an empty store (the
  round trip a backup takes), and the same through CSV.

Then, once each, the worst queries a user may type (``--queries``), timed through
``ld.search`` (building the pattern and searching the book): at the length limit, at the
nesting limit, at the repetition limit, and the catastrophic-backtracking classic. Every
one must answer, or be refused, within 2 s.

The store lives in a new folder under ``--folder`` (default: the system's
temporary folder), so its disk decides the cost of the synced commits: run it
where the real notes would live.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import threading
import time
from pathlib import Path

from timing import timings

import leninism_data as ld
from leninism_data.seminar.notes import NoteStore, check_anchor

TARGETS_MS = {"add one note": 20.0, "list 1,000 notes": 20.0}
WORST_QUERIES = {
    "500 hyphens (length limit)": ("-" * 500, False),
    "250 x '*?' wildcards": ("*?" * 250, False),
    "3,000 hyphens (refused)": ("-" * 3000, False),
    "30 nested groups (nesting limit)": ("(" * 30 + "a" + ")" * 30, True),
    "6,001 brackets (refused)": ("(" * 3000 + "a" + ")" * 3000, True),
    "(?:x{100}){100} (repetition limit)": ("(?:x{100}){100}", True),
    "(\\w+\\s?)+$ (backtracking)": (r"(\w+\s?)+$", True),
}


def in_thread(function: object) -> None:
    """Run ``function`` on a new thread and wait for it (the caller times it)."""
    worker = threading.Thread(target=function)  # type: ignore[arg-type]
    worker.start()
    worker.join()


def worst_query_seconds(query: str, regex: bool) -> tuple[float, str]:
    start = time.perf_counter()
    try:
        outcome = f"{len(ld.search(query, regex=regex))} paragraphs"
    except ValueError as error:
        outcome = f"refused: {type(error).__name__}"
    return time.perf_counter() - start, outcome


def fill(store: NoteStore, n_notes: int) -> None:
    """Add ``n_notes`` notes spread over the book's paragraphs, with two tags each."""
    paragraph_ids = ld.paragraphs()["paragraph_id"].tolist()
    for number in range(n_notes):
        store.add(
            paragraph_ids[number % len(paragraph_ids)],
            f"Note {number}: what this passage says about the party, the state and the class.",
            tags=[f"theme {number % 12}", "seminar"],
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=50, help="runs per figure (default 50)")
    parser.add_argument(
        "--folder", type=Path, default=None, help="where to put the store (default: temp)"
    )
    arguments = parser.parse_args()

    check_anchor("IV.27")  # parse the book once, as a first note in a session would
    with tempfile.TemporaryDirectory(dir=arguments.folder) as folder:
        path = Path(folder) / "notes.sqlite3"
        with NoteStore(path) as store:
            fill(store, 1000)
            figures = {
                "list 1,000 notes": timings(store.list, arguments.repeats),
                "search 1,000 notes": timings(lambda: store.search("state"), arguments.repeats),
                "export Markdown, 1,000 notes": timings(store.export_markdown, arguments.repeats),
            }
            # Added last, so that the other figures are taken on exactly 1,000 notes.
            figures["add one note"] = timings(
                lambda: store.add("VII.30", "One more note.", tags=["strategy"]), arguments.repeats
            )
            figures["add from another thread"] = timings(
                lambda: in_thread(lambda: store.add("IV.28", "From a callback.")),
                arguments.repeats,
            )
            for suffix in ("json", "csv"):
                export = Path(folder) / f"backup.{suffix}"
                getattr(store, f"export_{suffix}")(export)

                def restore(export: Path = export) -> None:
                    with NoteStore(":memory:") as empty:
                        empty.import_file(export)

                figures[f"export {suffix.upper()} + import, 1,000+ notes"] = timings(
                    restore, max(1, arguments.repeats // 10)
                )
        figures["open the store"] = timings(lambda: NoteStore(path).close(), arguments.repeats)

    where = tempfile.gettempdir() if arguments.folder is None else arguments.folder
    print(f"notes store on {where}, {arguments.repeats} runs each")
    for name, times in figures.items():
        median, target = statistics.median(times), TARGETS_MS.get(name)
        verdict = (
            ""
            if target is None
            else f"  (target ≤ {target:.0f} ms: {'met' if median <= target else 'MISSED'})"
        )
        print(f"{name:<36} median {median:7.2f} ms   slowest {max(times):7.2f} ms{verdict}")

    print("\nworst queries through ld.search (bound: 2 s each)")
    ld.search("party")  # build the search index first, as any first search does
    for name, (query, regex) in WORST_QUERIES.items():
        seconds, outcome = worst_query_seconds(query, regex)
        verdict = "within 2 s" if seconds <= 2 else "OVER 2 s"
        print(f"{name:<36} {seconds * 1000:8.1f} ms   {outcome:<24} {verdict}")


if __name__ == "__main__":
    main()
