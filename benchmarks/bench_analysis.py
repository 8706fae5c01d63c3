"""Figures for the analysis issue: search/kwic vs NLTK, keyness, passage finder.

Run: ``python benchmarks/bench_analysis.py`` (NLTK from the ``bench`` extra:
``pip install -e ".[bench]"``; without it the comparison is skipped with a message).
"""

from __future__ import annotations

import statistics
import time

from timing import timings

import leninism_data as ld
from leninism_data.analysis.distinctive import keyness
from leninism_data.analysis.passages import _passages, passage_index

QUERIES = [
    "proletariat",
    "peasantry",
    "party",
    "imperialism",
    "dictatorship",
    "masses",
    "revolution",
    "Lenin",
    "Soviets",
    "tactics",
    "proletar*",
    "dictatorship of the proletariat",
]
WORDS = [q for q in QUERIES if q.isalpha()]


def timed(function, *args, repeats: int = 20, **kwargs) -> list[float]:
    return timings(lambda: function(*args, **kwargs), repeats)


def main() -> None:
    for table in ld.TABLES.values():  # load the corpus first: the figures are warm
        table()
    ld.kwic("warm up")
    search_ms = [statistics.median(timed(ld.search, q)) for q in QUERIES]
    kwic_ms = [statistics.median(timed(ld.kwic, q)) for q in QUERIES]
    print(
        f"search, whole book, {len(QUERIES)} queries: median {statistics.median(search_ms):.2f} "
        f"ms, worst query {max(search_ms):.2f} ms   (target median <= 5 ms)"
    )
    print(
        f"kwic,   whole book, {len(QUERIES)} queries: median {statistics.median(kwic_ms):.2f} "
        f"ms, worst query {max(kwic_ms):.2f} ms   (target median <= 5 ms)"
    )
    try:
        import nltk
    except ImportError:
        print("NLTK not installed: comparison skipped (pip install -e '.[bench]').")
    else:
        text = nltk.Text(ld.tokens()["token"].tolist())
        text.concordance_list("warm")  # builds NLTK's concordance index once
        ours = [statistics.median(timed(ld.kwic, w)) for w in WORDS]
        theirs = [
            statistics.median(timed(text.concordance_list, w, width=80, lines=10_000))
            for w in WORDS
        ]
        ratio = statistics.median(theirs) / statistics.median(ours)
        print(
            f"NLTK Text.concordance_list, same {len(WORDS)} words: median "
            f"{statistics.median(theirs):.2f} ms vs kwic {statistics.median(ours):.2f} ms "
            f"-> kwic is {ratio:.1f}x {'faster' if ratio >= 1 else 'slower'}"
        )
    chapters = list(range(10))
    for chapter in chapters:  # count matrices are built once and cached
        keyness(chapter)
    all_ms = timed(lambda: [keyness(c) for c in chapters], repeats=10)
    print(
        f"keyness, every chapter against the rest: median {statistics.median(all_ms):.1f} ms "
        f"in total   (target <= 100 ms)"
    )
    _passages.cache_clear()
    start = time.perf_counter()
    passage_index()
    build = (time.perf_counter() - start) * 1000
    questions = [
        "Why did the revolution begin in Russia?",
        "the alliance of the workers and the peasants",
        "What is the role of the Party in the dictatorship of the proletariat?",
        "self-determination of nations and the colonies",
    ]
    query_ms = [statistics.median(timed(ld.similar_passages, q)) for q in questions]
    print(
        f"similar_passages: index build {build:.1f} ms (target <= 200 ms); query median "
        f"{statistics.median(query_ms):.2f} ms, worst {max(query_ms):.2f} ms (target <= 20 ms)"
    )


if __name__ == "__main__":
    main()
