"""How long a seminar handout takes to make (target: a chapter handout in at most 200 ms).

Usage: ``python benchmarks/bench_handouts.py [--repeats N]``

Prints the median and slowest time, over ``--repeats`` runs, of:

* ``chapter handout``: ``handout(chapter, questions=…, notes=store)`` for each of the
  ten chapters, with a store of 200 notes on the book — both the HTML and the Markdown
  are built; the figure given is the chapter whose median is highest (target ≤ 200 ms);
* ``whole-book handout``: every paragraph of the book on one handout;
* ``reading plan, 8 sessions`` and ``reading plan handout, 8 sessions``.

The book is parsed once before timing, as it is by the first cell of any notebook.
"""

from __future__ import annotations

import argparse
import statistics

from timing import timings

import leninism_data as ld
from leninism_data.seminar.handouts import handout
from leninism_data.seminar.reading_plan import reading_plan, reading_plan_handout

TARGET_MS = 200.0
QUESTIONS = [
    "What is the chapter's main claim?",
    "Which passages of Lenin carry the argument?",
    "What would a critic answer?",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=30, help="runs per figure (default 30)")
    repeats = parser.parse_args().repeats

    ld.paragraphs()  # parse the book and build the tables once
    paragraph_ids = ld.paragraphs()["paragraph_id"].tolist()
    with ld.NoteStore(":memory:") as store:
        for number in range(200):
            store.add(
                paragraph_ids[(number * 7) % len(paragraph_ids)],
                f"Note {number} <on> the state & the party.",
                tags=["seminar"],
            )
        handout("IV", notes=store)  # first call: any lazy caches filled before timing
        by_chapter = {
            chapter: timings(
                lambda c=chapter: handout(c, questions=QUESTIONS, notes=store), repeats
            )
            for chapter in range(10)
        }
        whole_book = timings(lambda: handout("book", notes=store), max(3, repeats // 5))
    slowest_chapter = max(by_chapter, key=lambda c: statistics.median(by_chapter[c]))
    chapter_times = by_chapter[slowest_chapter]
    figures = {
        f"chapter handout (slowest: {ld.chapters().loc[slowest_chapter, 'label']})": chapter_times,
        "whole-book handout": whole_book,
        "reading plan, 8 sessions": timings(lambda: reading_plan(8), repeats),
        "reading plan handout, 8 sessions": timings(lambda: reading_plan_handout(8), repeats),
    }
    print(f"handouts, {repeats} runs each (200 notes in the store, 3 questions)")
    for name, times in figures.items():
        median = statistics.median(times)
        print(f"{name:<36} median {median:7.2f} ms   slowest {max(times):7.2f} ms")
    median = statistics.median(chapter_times)
    print(
        f"chapter handout target ≤ {TARGET_MS:.0f} ms: {'met' if median <= TARGET_MS else 'MISSED'} "
        f"(median {median:.1f} ms, worst run {max(chapter_times):.1f} ms)"
    )


if __name__ == "__main__":
    main()
