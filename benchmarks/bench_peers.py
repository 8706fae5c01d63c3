"""The package against its peers, side by side in one process, interleaved.

Three ratios (smaller is faster; the limits are the project's speed targets):

* ``kwic`` / NLTK ``Text.concordance_list`` on the same words of the book, the same
  width in characters (limit 0.5);
* ``similar_passages`` per query / rank_bm25 ``BM25Okapi.get_scores`` over the same
  paragraphs (limit 1.0);
* parse + every table in a fresh process / ``import pandas`` in a fresh process
  (limit 0.25). Both are measured in fresh subprocesses; the first figure is the time
  from ``import leninism_data`` (pandas already imported) to every table built.

Run: ``python benchmarks/bench_peers.py`` (peers from the ``bench`` extra:
``pip install -e ".[bench]"``).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

WIDTH = 80  # NLTK's concordance width in characters
ROUNDS = 30
LIMITS = {"kwic": 0.5, "similar_passages": 1.0, "tables": 0.25}
QUERIES = [
    "the dictatorship of the proletariat as the rule of the proletariat over the bourgeoisie",
    "alliance of the working class and the peasantry",
    "the national question is part of the general question of the proletarian revolution",
    "why did the revolution break out in a backward country",
    "the party must be the vanguard of the working class",
    "reforms and concessions under imperialism",
]


def _interleaved(first, second, rounds: int = ROUNDS) -> tuple[float, float]:
    """Median time in ms of ``first`` and ``second``, run alternately."""
    a, b = [], []
    for _ in range(rounds):
        for action, times in ((first, a), (second, b)):
            began = time.perf_counter()
            action()
            times.append((time.perf_counter() - began) * 1000)
    return statistics.median(a), statistics.median(b)


def kwic_ratio() -> float:
    from nltk.text import Text

    import leninism_data as ld

    tokens = ld.tokens()
    text = Text(tokens["token"].tolist())
    text.concordance_list("proletariat")  # builds NLTK's index once, outside the timing
    words = ld.term_frequencies(top=200, stopwords=False)
    words = words.groupby("term")["count"].sum().nlargest(20).index.tolist()
    half = (WIDTH - 2) // 2

    def ours():
        for word in words:
            ld.kwic(word, window=half - len(word) // 2, unit="chars")

    def nltk():
        for word in words:
            text.concordance_list(word, width=WIDTH, lines=10_000)

    ours(), nltk()
    mine, theirs = _interleaved(ours, nltk)
    print(f"kwic, 20 words: {mine:.2f} ms; NLTK concordance_list: {theirs:.2f} ms")
    return mine / theirs


def passages_ratio() -> float:
    from rank_bm25 import BM25Okapi

    import leninism_data as ld
    from leninism_data.analysis.passages import _content_stems, _passages

    peer = BM25Okapi([list(d) for d in _passages().documents])  # the same stems
    stems = [_content_stems(q.split()) for q in QUERIES]
    ld.similar_passages(QUERIES[0])

    def ours():
        for query in QUERIES:
            ld.similar_passages(query, k=5)

    def theirs():
        for query in stems:
            peer.get_scores(query)

    mine, peer_time = _interleaved(ours, theirs)
    print(
        f"similar_passages, {len(QUERIES)} queries: {mine:.2f} ms; "
        f"rank_bm25 get_scores: {peer_time:.2f} ms"
    )
    return mine / peer_time


FRESH_TABLES = """
import time, pandas
began = time.perf_counter()
import leninism_data as ld
for table in ld.TABLES.values():
    table()
print((time.perf_counter() - began) * 1000)
"""
FRESH_PANDAS = """
import time
began = time.perf_counter()
import pandas
print((time.perf_counter() - began) * 1000)
"""


def _fresh(code: str) -> float:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def tables_ratio(rounds: int = 7) -> float:
    tables, pandas = [], []
    for _ in range(rounds):
        tables.append(_fresh(FRESH_TABLES))
        pandas.append(_fresh(FRESH_PANDAS))
    mine, theirs = statistics.median(tables), statistics.median(pandas)
    print(f"parse + every table, fresh process: {mine:.1f} ms; import pandas: {theirs:.1f} ms")
    return mine / theirs


def main() -> None:
    ratios = {
        "kwic": kwic_ratio(),
        "similar_passages": passages_ratio(),
        "tables": tables_ratio(),
    }
    for name, ratio in ratios.items():
        verdict = "within" if ratio <= LIMITS[name] else "OVER"
        print(f"{name:>17}: {ratio:.2f}× the peer ({verdict} the limit {LIMITS[name]}×)")


if __name__ == "__main__":
    main()
