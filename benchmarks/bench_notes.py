"""How fast the notes store answers, on a real file on disk.

Usage: ``python benchmarks/bench_notes.py [--repeats N] [--folder DIR]``

Prints the median (and slowest) time, over ``--repeats`` runs, of:

* ``add one note``: ``NoteStore.add`` to a store already holding 1,000 notes,
  including the anchor check and the synced commit (target: at most 20 ms);
* ``list 1,000 notes``: ``NoteStore.list()`` as a DataFrame (target: at most 20 ms);
* ``search 1,000 notes``: ``NoteStore.search`` for a word;
* ``export Markdown, 1,000 notes``: ``NoteStore.export_markdown()``;
* ``open the store``: ``NoteStore(path)`` on a 1,000-note file, with its
  integrity check.

The store lives in a new folder under ``--folder`` (default: the system's
temporary folder), so its disk decides the cost of the synced commits: run it
where the real notes would live.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

from timing import timings

import leninism_data as ld
from leninism_data.seminar.notes import NoteStore, check_anchor

TARGETS_MS = {"add one note": 20.0, "list 1,000 notes": 20.0}


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
        figures["open the store"] = timings(lambda: NoteStore(path).close(), arguments.repeats)

    print(f"notes store on {tempfile.gettempdir() if arguments.folder is None else arguments.folder}, "
          f"{arguments.repeats} runs each")  # fmt: skip
    for name, times in figures.items():
        median, target = statistics.median(times), TARGETS_MS.get(name)
        verdict = (
            ""
            if target is None
            else f"  (target ≤ {target:.0f} ms: {'met' if median <= target else 'MISSED'})"
        )
        print(f"{name:<30} median {median:7.2f} ms   slowest {max(times):7.2f} ms{verdict}")


if __name__ == "__main__":
    main()
