"""Speed of the statistics in `leninism_data.analysis.stats` on data the size of the book.

Run ``python benchmarks/bench_stats.py``. The synthetic data are shaped like the
book: about 500 paragraphs of about 40,000 word tokens in all, a vocabulary
whose frequencies follow Zipf's law, and 10 chapters. Each figure is the best
of several repetitions, which is the least noisy estimate of the true cost.

Targets: a BM25 index built in at most 50 ms; a query answered in at most 2 ms.
"""

from __future__ import annotations

import timeit
from collections.abc import Callable

import numpy as np

from leninism_data.analysis.stats import BM25Index, log_likelihood

N_DOCUMENTS = 500
N_TOKENS = 40_000
VOCABULARY_SIZE = 5_000
N_CHAPTERS = 10
BUILD_TARGET_MS = 50.0
QUERY_TARGET_MS = 2.0


def best_time_ms(function: Callable[[], object], repeat: int, number: int) -> float:
    """Best time of one call in milliseconds over ``repeat`` rounds of ``number`` calls."""
    return min(timeit.repeat(function, repeat=repeat, number=number)) / number * 1000


def synthetic_paragraphs(rng: np.random.Generator) -> list[list[str]]:
    """About N_TOKENS Zipf-distributed words split into N_DOCUMENTS paragraphs."""
    ranks = np.arange(1, VOCABULARY_SIZE + 1)
    probabilities = (1 / ranks) / (1 / ranks).sum()
    words = np.array([f"w{rank}" for rank in ranks])
    lengths = rng.poisson(N_TOKENS / N_DOCUMENTS, size=N_DOCUMENTS)
    return [rng.choice(words, size=length, p=probabilities).tolist() for length in lengths]


def main() -> None:
    rng = np.random.default_rng(1924)
    paragraphs = synthetic_paragraphs(rng)
    n_tokens = sum(map(len, paragraphs))
    print(f"synthetic book: {len(paragraphs)} paragraphs, {n_tokens:,} tokens")

    build_ms = best_time_ms(lambda: BM25Index(paragraphs), repeat=7, number=3)
    index = BM25Index(paragraphs)
    short_query = ["w40", "w700", "w2500"]
    paragraph_query = paragraphs[123]  # "passages similar to this one"
    short_ms = best_time_ms(lambda: index.scores(short_query), repeat=7, number=200)
    paragraph_ms = best_time_ms(lambda: index.scores(paragraph_query), repeat=7, number=200)
    top_ms = best_time_ms(lambda: index.top(paragraph_query, k=10), repeat=7, number=200)

    build = f"{build_ms:8.2f} ms (target <= {BUILD_TARGET_MS:g} ms)"
    short = f"{short_ms:8.3f} ms (target <= {QUERY_TARGET_MS:g} ms)"
    paragraph = f"{paragraph_ms:8.3f} ms (target <= {QUERY_TARGET_MS:g} ms)"
    print(f"BM25 index build:                       {build}")
    print(f"BM25 scores, 3-word query:              {short}")
    print(f"BM25 scores, {len(paragraph_query):3d}-word paragraph query:  {paragraph}")
    print(f"BM25 top 10, same paragraph query:      {top_ms:8.3f} ms")

    # Keyness of every word in every chapter against the rest of the book.
    word_rates = rng.pareto(1.2, size=(VOCABULARY_SIZE, 1)) + 0.1
    counts = rng.poisson(word_rates, size=(VOCABULARY_SIZE, N_CHAPTERS))
    chapter_sizes = counts.sum(axis=0)
    rest = counts.sum(axis=1, keepdims=True) - counts
    rest_sizes = chapter_sizes.sum() - chapter_sizes
    g2_ms = best_time_ms(
        lambda: log_likelihood(counts, rest, chapter_sizes, rest_sizes), repeat=7, number=5
    )
    print(
        f"G² for {VOCABULARY_SIZE:,} words x {N_CHAPTERS} chapters "
        f"({counts.size:,} tests, with p-values): {g2_ms:8.2f} ms"
    )

    if build_ms > BUILD_TARGET_MS or max(short_ms, paragraph_ms) > QUERY_TARGET_MS:
        print("WARNING: a BM25 figure is above its target")


if __name__ == "__main__":
    main()
