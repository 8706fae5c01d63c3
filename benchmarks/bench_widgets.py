"""From a control change to the widget's output updated, for every study widget.

Run ``python benchmarks/bench_widgets.py``. Each widget gets a scripted session on the
whole book — the control changes a student makes, in order (typing a query, choosing a
chapter, turning a page, picking a line …). A change is timed in-process from setting
the control's ``.value`` (or clicking its button) until the call returns: ipywidgets runs
``observe`` callbacks synchronously, so by then the HTML, the plot and ``.result`` are
updated. Front-end rendering in the browser is not included.

The process is warmed up first (parse, indexes and analysis caches built by one
unmeasured session per widget); then each session runs ``ROUNDS`` times on a freshly
constructed widget. Text boxes use ``continuous_update=False``: a query costs one update
when the student presses Enter, not one per keystroke.

Targets: median <= 50 ms and worst <= 150 ms per widget. The load average of the machine
is printed before and after: figures taken while other processes keep the cores busy
(load above the number of cores) measure the machine, not the widgets.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable

import ipywidgets as widgets

import leninism_data as ld
from leninism_data.widgets import (
    Citations,
    Clusters,
    Collocates,
    Compare,
    Concordance,
    Explorer,
    PassageFinder,
    Quiz,
    Reader,
    Trends,
    WordList,
)

ROUNDS = 5
MEDIAN_TARGET_MS = 50.0
WORST_TARGET_MS = 150.0

Step = tuple[str, object]  # (control description, new value or "click")


SESSIONS: dict[str, tuple[Callable[[], widgets.Widget], list[Step]]] = {
    "Explorer": (
        Explorer,
        [
            ("Next ▶", "click"),
            ("Next ▶", "click"),  # all 470 paragraphs, no filter
            ("Search", "masses"),
            ("Chapter", 8),
            ("Section", 3),
            ("Kind", "prose"),
            ("Whole words", False),
            ("Regex", True),
            ("Search", "dictatorships?"),
            ("Pages", (30, 60)),
            ("Include quotations", False),
            ("Chapter", "all"),
            ("Search", ""),
            ("Pages", (1, 103)),
            ("Search", "the"),
            ("Next ▶", "click"),
            ("◀ Previous", "click"),
            ("Match case", True),
        ],
    ),
    "Concordance": (
        Concordance,
        [
            ("Search", "proletariat"),
            ("Window (words)", 5),
            ("Sort by", "1L"),
            ("Sort by", "2R"),
            ("Chapter", 4),
            ("Show line", 30),
            ("Next ▶", "click"),
            ("45", "click"),
            ("Download CSV", "click"),
            ("Chapter", "all"),
            ("All forms (lemma)", True),
            ("Search", "peasant"),
            ("All forms (lemma)", False),
            ("Include quotations", False),
            ("Search", "the"),
            ("Next ▶", "click"),
            ("Show line", 400),
            ("Sort by", "1R"),
            ("Download CSV", "click"),
            ("Sort by", "position"),
        ],
    ),
    "WordList": (
        WordList,
        [
            ("Filter", "proletar*"),
            ("Sort by", "dp"),
            ("Chapter", 5),
            ("Filter", ""),
            ("Next ▶", "click"),
            ("Include stopwords", True),
            ("Min. count", 5),
            ("Chapter", "all"),
            ("Include quotations", False),
            ("Sort by", "count"),
        ],
    ),
    "Collocates": (
        Collocates,
        [
            ("Node word", "proletariat"),
            ("Rank by", "mi"),
            ("Left span", 3),
            ("Min. together", 2),
            ("Include stopwords", True),
            ("Node word", "peasant*"),
            ("Include quotations", False),
            ("Rank by", "t_score"),
        ],
    ),
    "Clusters": (
        Clusters,
        [
            ("Words (n)", 4),
            ("Containing", "proletariat"),
            ("Chapter", 4),
            ("Include stopwords at the edges", False),
            ("Words (n)", 2),
            ("Containing", ""),
            ("Chapter", "all"),
            ("Min. count", 5),
            ("Include quotations", False),
        ],
    ),
    "Trends": (
        Trends,
        [
            ("Terms", "party, class"),
            ("Across", "section"),
            ("Count", False),
            ("Across", "chapter"),
            ("Include quotations", False),
            ("Terms", "proletariat, peasantry, masses"),
            ("Count", True),
            ("Include quotations", True),
            ("Terms", "dictatorship of the proletariat, proletar*"),
        ],
    ),
    "Compare": (
        Compare,
        [
            ("with", "VI"),
            ("Compare", "V"),
            ("Include quotations", False),
            ("with", "III.2"),
            ("Compare", "IV.1"),
            ("Include quotations", True),
            ("Compare", "VIII"),
            ("with", "VII"),
        ],
    ),
    "Reader": (
        Reader,
        [
            ("Next ▶", "click"),
            ("Next ▶", "click"),
            ("Next ▶", "click"),
            ("Chapter", 7),
            ("Section", 4),
            ("Next ▶", "click"),
            ("Go to", "IV.30"),
            ("Go to", "88"),
            ("◀ Previous", "click"),
            ("Section", "all"),
        ],
    ),
    "Citations": (
        Citations,
        [
            ("Chapter", 4),
            ("Volume", "Vol. XXV"),
            ("Reference", 31),
            ("Chapter", "all"),
            ("Volume", "by title"),
            ("Chapter", 8),
            ("Volume", "all"),
        ],
    ),
    "PassageFinder": (
        PassageFinder,
        [
            ("Claim or question", "The peasantry is the reserve of the proletariat."),
            ("Passages", 10),
            ("Claim or question", "Why must the Party purge itself of opportunists?"),
            ("Find passages", "click"),
            ("Passages", 3),
        ],
    ),
    "Quiz": (
        Quiz,
        [
            ("Answer", "first choice"),
            ("Check", "click"),
            ("Next ▶", "click"),
            ("Answer", "first choice"),
            ("Check", "click"),
            ("Next ▶", "click"),
            ("◀ Previous", "click"),
        ],
    ),
}


#: A widget change next to the analysis call behind it: what the widget adds (rendering,
#: sorting, colouring) over its peer, the bare function a notebook would call.
PEERS: dict[str, tuple[Callable[[], widgets.Widget], Step, Callable[[], object]]] = {
    "Concordance": (Concordance, ("Search", "proletariat"), lambda: ld.kwic("proletariat")),
    "Collocates": (Collocates, ("Node word", "proletariat"), lambda: ld.collocates("proletariat")),
    "WordList": (
        WordList,
        ("Include quotations", False),
        lambda: ld.term_frequencies(None, stopwords=False, include_quotations=False),
    ),
    "Clusters": (Clusters, ("Words (n)", 4), lambda: ld.ngrams(4)),
    "Trends": (
        Trends,
        ("Terms", "party, class"),
        lambda: (
            ld.term_frequencies(["party", "class"]),
            ld.dispersion("party"),
            ld.dispersion("class"),
        ),
    ),
}


def peer_ratios() -> None:
    """Print each widget change against the analysis call it makes (medians of ROUNDS)."""
    print(f"{'widget change':<40} {'widget':>8} {'analysis':>9} {'ratio':>6}")
    for name, (make, step, analysis) in PEERS.items():
        widget_ms, analysis_ms = [], []
        for _ in range(ROUNDS):
            widget = make()
            start = time.perf_counter()
            apply(widget, step)
            widget_ms.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            analysis()
            analysis_ms.append((time.perf_counter() - start) * 1000)
        w, a = statistics.median(widget_ms), statistics.median(analysis_ms)
        label = f"{name}: {step[0]} = {step[1]!r}"
        print(f"{label:<40} {w:5.1f} ms {a:6.1f} ms {w / a:5.1f}x")


def find_control(widget: widgets.Widget, description: str) -> widgets.Widget:
    """The control labelled ``description`` inside ``widget``."""
    stack = [widget]
    while stack:
        current = stack.pop()
        if getattr(current, "description", None) == description:
            return current
        stack.extend(getattr(current, "children", ()))
    raise LookupError(f"no control labelled {description!r}")


def apply(widget: widgets.Widget, step: Step) -> None:
    """Make one control change."""
    description, value = step
    control = find_control(widget, description)
    if value == "click":
        control.click()
    elif value == "first choice":
        control.value = control.options[0]
    else:
        control.value = value


def run_session(make: Callable[[], widgets.Widget], steps: list[Step]) -> list[float]:
    """Milliseconds of each step, on a fresh widget."""
    widget = make()
    timings = []
    for step in steps:
        start = time.perf_counter()
        apply(widget, step)
        timings.append((time.perf_counter() - start) * 1000)
    return timings


def machine_load() -> str:
    """The 1-minute load average against the number of cores."""
    return f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"


def main() -> int:
    print(f"before: {machine_load()}")
    start = time.perf_counter()
    ld.paragraphs()
    print(f"parse of the book: {(time.perf_counter() - start) * 1000:.0f} ms (once per process)")
    print(
        f"{'widget':<14} {'construct':>10} {'changes':>8} {'median':>8} {'worst':>8}  "
        f"slowest change"
    )
    failures = 0
    for name, (make, steps) in SESSIONS.items():
        start = time.perf_counter()
        run_session(make, steps)  # warm-up: caches of the analysis layer
        first = time.perf_counter()
        make()
        construct_ms = (time.perf_counter() - first) * 1000
        rounds = [run_session(make, steps) for _ in range(ROUNDS)]
        timings = [ms for session in rounds for ms in session]
        median, worst = statistics.median(timings), max(timings)
        slowest = steps[max(range(len(steps)), key=lambda i: max(r[i] for r in rounds))]
        ok = median <= MEDIAN_TARGET_MS and worst <= WORST_TARGET_MS
        failures += not ok
        print(
            f"{name:<14} {construct_ms:8.0f} ms {len(timings):8d} {median:5.1f} ms "
            f"{worst:5.0f} ms  {slowest[0]} = {slowest[1]!r}{'' if ok else '  ** over target'}"
        )
    print(
        f"targets: median <= {MEDIAN_TARGET_MS:g} ms, worst <= {WORST_TARGET_MS:g} ms "
        f"per widget; {'all met' if not failures else f'{failures} widget(s) over'}"
    )
    peer_ratios()
    print(f"after: {machine_load()}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
