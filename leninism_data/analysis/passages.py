"""Passage finder: the paragraphs that best support or discuss a sentence you paste.

Ranking is Okapi BM25 (k1 = 1.5, b = 0.75) over the paragraphs' content words (stopwords
left out, plurals reduced by Harman's "S-stemmer" so "peasants" finds "peasant"), with the
small exact implementation in :class:`leninism_data.analysis.stats.BM25Index`. The S-stemmer
(Harman 1991, JASIS 42:7) removes only plural endings, with three rules: "-ies" → "-y"
(not after e or a), "-es" → "-e" (not after a, e, o), "-s" → "" (not after u or s); it
never conflates "masses" with "mass" the way a full lemmatiser does, and needs no data.
BM25 was chosen over TF-IDF cosine because it saturates repeated words and normalises for
paragraph length — both matter here, where paragraphs run from five words to five hundred
— and over a library such as ``rank-bm25`` or ``bm25s`` because 470 paragraphs need none
of their machinery, and a sixty-line implementation tested against hand-computed scores
has no moving parts.
"""

from __future__ import annotations

import functools
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from leninism_data import tables
from leninism_data.analysis.query import QueryError
from leninism_data.analysis.stats import BM25Index
from leninism_data.corpus.arguments import check_options
from leninism_data.corpus.naming import ChapterLike, resolve_chapter
from leninism_data.corpus.stopwords import STOPWORDS
from leninism_data.corpus.words import term, words


def s_stem(word: str) -> str:
    """Harman's S-stemmer: strip English plural endings.

    >>> [s_stem(w) for w in ("peasants", "parties", "classes", "masses", "thesis", "class")]
    ['peasant', 'party', 'classe', 'masse', 'thesis', 'class']
    """
    if word.endswith("ies") and not word.endswith(("eies", "aies")):
        return word[:-3] + "y"
    if word.endswith("es") and not word.endswith(("aes", "ees", "oes")):
        return word[:-1]
    if word.endswith("s") and not word.endswith(("us", "ss", "is")):
        return word[:-1]
    return word


def _content_stems(word_list: list[str]) -> list[str]:
    return [s_stem(term(w)) for w in word_list if w.lower() not in STOPWORDS]


class PassageIndex(NamedTuple):
    """Everything a query needs, built once: the BM25 index, the paragraphs' stems and
    the columns a result shows."""

    bm25: BM25Index
    paragraph_ids: tuple[str, ...]
    documents: tuple[tuple[str, ...], ...]  # content stems of each paragraph, in order
    stem_sets: tuple[frozenset[str], ...]  # the same, as sets
    chapter: np.ndarray
    is_quotation: np.ndarray
    columns: dict[str, Any]  # paragraph_id, chapter, section, page, text, by position


@functools.lru_cache(maxsize=1)
def _passages() -> PassageIndex:
    tokens = tables.tokens()
    content = tokens[~tokens["is_stopword"] & ~tokens["in_citation"]]
    by_paragraph = content.groupby("paragraph_id", sort=False)["term"].agg(list)
    paragraphs = tables.paragraphs()
    ids = tuple(paragraphs["paragraph_id"])
    documents = [[s_stem(t) for t in by_paragraph.get(pid, [])] for pid in ids]
    return PassageIndex(
        BM25Index(documents),
        ids,
        tuple(tuple(d) for d in documents),
        tuple(frozenset(d) for d in documents),
        paragraphs["chapter"].to_numpy(),
        (paragraphs["kind"] == "quotation").to_numpy(),
        {
            name: paragraphs[name].array
            if name in ("paragraph_id", "text")
            else paragraphs[name].to_numpy()
            for name in ("paragraph_id", "chapter", "section", "page", "text")
        },
    )


def passage_index() -> tuple[BM25Index, tuple[str, ...]]:
    """The BM25 index over paragraphs (built once) and the paragraph ids in its order.

    Paragraphs are indexed by their content words outside references (stopwords and
    the words of "(See Vol. …)" left out), reduced by :func:`s_stem`.
    """
    index = _passages()
    return index.bm25, index.paragraph_ids


def similar_passages(
    text: str, *, k: int = 5, chapter: ChapterLike | None = None, include_quotations: bool = True
) -> pd.DataFrame:
    """Paragraphs that best match ``text`` (a claim, a summary sentence, an exam question).

    Parameters
    ----------
    text : str
        Any English sentence or list of words.
    k : int, default 5
        How many paragraphs to return.
    chapter : optional
        Restrict the results to one chapter.
    include_quotations : bool, default True
        False leaves out block-quotation paragraphs.

    Returns
    -------
    pandas.DataFrame
        ``rank``, ``paragraph_id``, ``chapter``, ``section``, ``page``, ``score`` (BM25),
        ``matched`` (the query's words found in the paragraph) and ``text``, best first.

    Examples
    --------
    >>> hits = similar_passages("Why did the revolution break out in a backward country "
    ...                         "where the chain of imperialism was weakest?", k=3)
    >>> hits["paragraph_id"].tolist()
    ['III.40', 'III.38', 'III.44']
    """
    check_options(text=text, k=k, include_quotations=include_quotations)
    query = _content_stems(words(text))
    if not query:
        raise QueryError(
            "Type a sentence or some words to look for, e.g. 'the alliance of "
            "workers and peasants'.",
            query=text,
        )
    if k < 1:
        raise ValueError(f"k must be at least 1, not {k}.")
    index = _passages()
    scores = index.bm25.scores(query)
    keep = scores > 0
    if chapter is not None:
        keep &= index.chapter == resolve_chapter(chapter)
    if not include_quotations:
        keep &= ~index.is_quotation
    candidates = np.flatnonzero(keep)
    best = candidates[np.lexsort((candidates, -scores[candidates]))][:k]
    columns = index.columns
    wanted = set(query)
    matched = np.empty(len(best), dtype=object)
    matched[:] = [tuple(sorted(wanted.intersection(index.stem_sets[i]))) for i in best]
    return pd.DataFrame(
        {
            "rank": np.arange(1, len(best) + 1),
            "paragraph_id": columns["paragraph_id"].take(best),
            "chapter": columns["chapter"][best],
            "section": columns["section"][best],
            "page": columns["page"][best],
            "score": scores[best],
            "matched": matched,
            "text": columns["text"].take(best),
        },
        copy=False,
    )
