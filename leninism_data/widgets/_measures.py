"""What each number in the widgets means, in one plain sentence (shown under its table).

>>> explain("g2", "log_ratio")
'G²: log-likelihood — how unlikely the difference is by chance (above 6.6: p < 0.01). \
Log Ratio: 1 = twice as frequent on this side, 2 = four times, 0 = the same.'
"""

from __future__ import annotations

#: Column -> (header, one-sentence meaning).
MEASURES: dict[str, tuple[str, str]] = {
    "count": ("count", "how many times it occurs"),
    "per_10k": ("per 10k", "occurrences per 10,000 words, so parts of different length compare"),
    "range": ("range", "in how many of the book's 10 chapters it occurs"),
    "dp": (
        "DP",
        "Gries' dispersion — 0 = spread in proportion to the chapters' lengths, "
        "1 = all in one place",
    ),
    "g2": (
        "G²",
        "log-likelihood — how unlikely the difference is by chance (above 6.6: p < 0.01)",
    ),
    "log_ratio": (
        "Log Ratio",
        "1 = twice as frequent on this side, 2 = four times, 0 = the same",
    ),
    "log_dice": (
        "log-Dice",
        "how exclusively the two words keep company, at most 14; each point more doubles it",
    ),
    "mi": (
        "MI",
        "mutual information, log₂(observed ÷ expected) — 3 = eight times more often than "
        "chance; favours rare words",
    ),
    "t_score": (
        "t-score",
        "(observed − expected) ÷ √observed — how sure the pairing is more than chance; "
        "favours frequent words",
    ),
    "log_likelihood": (
        "G²",
        "log-likelihood of the pairing — above 6.6 it is unlikely to be chance (p < 0.01)",
    ),
    "observed": ("together", "times the word stands within the span of the node word"),
    "similarity": (
        "similarity",
        "cosine of the content-word counts — 0 = no word in common, 1 = the same proportions",
    ),
    "n_parts": ("chapters", "in how many chapters the phrase occurs"),
    "bm25": (
        "score",
        "BM25 relevance — higher when a paragraph shares more of your words, rare ones "
        "weighing most; it ranks, it is not a percentage",
    ),
}


def header(column: str) -> str:
    """The table header of a measure.

    >>> header("log_dice"), header("per_10k")
    ('log-Dice', 'per 10k')
    """
    return MEASURES[column][0]


def explain(*columns: str) -> str:
    """One line saying what the measures of ``columns`` mean."""
    return " ".join(f"{MEASURES[c][0]}: {MEASURES[c][1]}." for c in columns)
