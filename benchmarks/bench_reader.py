"""The Reader and the study companion: how long a student waits after a click.

Run ``python benchmarks/bench_reader.py``. Timed in-process from the call (or the button
click) until it returns: ipywidgets runs ``observe`` callbacks synchronously, so by then
the Reader's HTML and buttons are updated. Front-end rendering is not included.

Actions timed, each over every paragraph of a sample spread through the book:

* **go to** — ``Reader.go_to(id)`` in lower case, from another chapter (re-renders the
  chapter or section, marks the companion's entries, builds the studied paragraph's
  footnote toggles and entry buttons);
* **open entry** — clicking each entry button of the studied paragraph (the card and one
  button per paragraph that needs the entry);
* **footnote** — toggling each footnote of the studied paragraph open;
* **companion search** — typing a query into the Companion browser.

The process is warmed up first (parse, companion data, mention index). Peers: the
Reader's own chapter change (the cost of rendering a chapter without the companion layer
is part of every "go to") is printed for comparison. Targets: median <= 50 ms, worst
<= 150 ms. The load average is printed: figures taken on a busy machine measure the
machine.
"""

from __future__ import annotations

import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from timing import timings

import leninism_data as ld
from leninism_data.widgets import Companion, Reader

# ~40 paragraphs spread through every chapter, and every paragraph carrying a footnote
SAMPLE = list(
    dict.fromkeys(
        ld.paragraphs()["paragraph_id"].iloc[::12].tolist()
        + ld.footnotes()["paragraph_id"].tolist()
    )
)
QUERIES = ["otzov", "Kautsky", "1917", "peasant", "International", "NEP"]


def report(name: str, times: list[float]) -> None:
    print(
        f"{name:<22} n={len(times):>4}  median {statistics.median(times):6.1f} ms  "
        f"worst {max(times):6.1f} ms"
    )


def main() -> None:
    print(f"load average before: {os.getloadavg()[0]:.2f} ({os.cpu_count()} cores)")
    reader = Reader("IV")
    for paragraph_id in SAMPLE:  # warm-up
        reader.go_to(paragraph_id)
    Companion("warm")

    go_to, entries, footnotes, chapters = [], [], [], []
    for paragraph_id in SAMPLE:
        reader.go_to("IV.1" if not paragraph_id.startswith("IV.") else "I.1")
        go_to += timings(lambda p=paragraph_id: reader.go_to(p.lower()), 1)
        for button in reader.entry_buttons:
            entries += timings(button.click, 1)
        for toggle in reader.footnote_buttons:
            footnotes += timings(lambda t=toggle: setattr(t, "value", True), 1)
    for chapter in range(10):
        chapters += timings(lambda c=chapter: setattr(reader._chapter, "value", c), 1)
    browser = Companion()
    search = [
        t for q in QUERIES for t in timings(lambda q=q: setattr(browser._search, "value", q), 1)
    ]

    report("go to (any case)", go_to)
    report("open entry", entries)
    report("footnote in place", footnotes)
    report("chapter change (peer)", chapters)
    report("companion search", search)
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
