"""How often, and how evenly: term frequencies, dispersion and repeated phrases.

Words are counted under their ``term`` (lower case, possessive ’s removed; see
:mod:`leninism_data.corpus.words`). A term may be a word or a wildcard (``proletar*``:
``*`` stands for any letters or digits, ``?`` for one), which sums every matching term;
a phrase (``"dictatorship of the proletariat"``) is counted by searching the text
(:func:`leninism_data.search`). The same rule decides what :func:`leninism_data.kwic` and
:func:`leninism_data.search` find, so their counts agree: a hyphenated compound is one
word ("state-regulated" is not counted as "state").

Sizes are in one unit everywhere: the words of the part (``n_words``: every word token
outside references), less the quoted words when quotations are left out; stopwords always
count in the size. Words inside references ("See", "Vol", page numbers) are left out of
every count unless ``include_citations=True``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple

import numpy as np
import pandas as pd
import regex

from leninism_data import tables
from leninism_data.analysis.parts import By, count_matrix, part_sizes, select_tokens
from leninism_data.analysis.query import wildcard_to_regex
from leninism_data.analysis.stats import gries_dp, gries_dp_norm, juilland_d
from leninism_data.analysis.textsearch import search
from leninism_data.corpus.arguments import check_options
from leninism_data.corpus.words import term as words_term

PER = 10_000


def _matching_terms(term: str, vocabulary: pd.Index) -> list[str]:
    pattern = term.strip().lower()
    if not pattern:
        raise ValueError("The term is empty: type a word such as 'proletariat'.")
    if any(ch in pattern for ch in "*?"):
        compiled = regex.compile(wildcard_to_regex(pattern, whole_word=False), regex.IGNORECASE)
        return [t for t in vocabulary if compiled.fullmatch(t)]
    counted = words_term(pattern)
    return [counted] if counted in vocabulary else []


def _part_columns(by: By) -> list[str]:
    return ["chapter", "section"] if by == "section" else [by]


def term_frequencies(
    terms: str | Iterable[str] | None = None,
    *,
    by: By = "chapter",
    include_quotations: bool = True,
    stopwords: bool = True,
    top: int | None = None,
    include_citations: bool = False,
) -> pd.DataFrame:
    """Raw and relative frequencies of terms across chapters, sections or pages.

    Parameters
    ----------
    terms : str, iterable of str, or None
        Words, wildcards or phrases; ``None`` for every term of the book.
    by : {"chapter", "section", "page"}
    include_quotations : bool, default True
        False leaves out the quoted words of block and inline quotations (from the
        counts and from the size of each part).
    stopwords : bool, default True
        False leaves out the stopwords' rows; the size of each part is unchanged.
    top : int, optional
        With ``terms=None``, keep only the ``top`` most frequent terms.
    include_citations : bool, default False
        True counts the words inside references too ("See", "Vol", page numbers).

    Returns
    -------
    pandas.DataFrame
        Tidy: one row per term per part: the part columns, ``term``, ``count``,
        ``n_words`` (size of the part in words: every word outside references, less
        quoted words if they are left out) and ``per_10k`` (count per 10,000 words of
        the part; the same figure :func:`leninism_data.keyness` reports).

    Examples
    --------
    >>> f = term_frequencies("proletariat")
    >>> f.loc[f.chapter == 4, ["count", "n_words"]].values.tolist()
    [[49, 3854]]
    >>> f = term_frequencies("proletariat", include_quotations=False)
    >>> int(f.loc[f.chapter == 4, "count"].item())
    43
    >>> "vol" in set(term_frequencies(top=100, stopwords=False)["term"])
    False
    """
    check_options(
        terms=terms,
        by=by,
        include_quotations=include_quotations,
        stopwords=stopwords,
        top=top,
        include_citations=include_citations,
    )
    matrix = count_matrix(
        by,
        include_quotations=include_quotations,
        stopwords=stopwords,
        include_citations=include_citations,
    )
    sizes = part_sizes(
        by, include_quotations=include_quotations, include_citations=include_citations
    ).reindex(matrix.columns)
    if terms is None:
        counts = matrix
        if top is not None:
            counts = counts.loc[counts.sum(axis=1).nlargest(top).index]
    else:
        wanted = [terms] if isinstance(terms, str) else list(terms)
        rows = {}
        for term in wanted:
            if " " in term.strip():
                rows[term] = _phrase_counts(
                    term, by, matrix.columns, include_quotations, include_citations
                )
            else:
                matched = _matching_terms(term, matrix.index)
                rows[term] = (
                    matrix.loc[matched].sum(axis=0)
                    if matched
                    else pd.Series(0, index=matrix.columns)
                )
        counts = pd.DataFrame(rows).T
        counts.columns = matrix.columns
    long = counts.stack(list(range(counts.columns.nlevels)), future_stack=True)
    frame = long.rename("count").rename_axis(["term"] + _part_columns(by)).reset_index()
    keys = frame[_part_columns(by)]
    frame["n_words"] = sizes.loc[
        pd.MultiIndex.from_frame(keys) if by == "section" else keys[by]
    ].to_numpy()
    frame["per_10k"] = frame["count"] * PER / frame["n_words"]
    return frame[_part_columns(by) + ["term", "count", "n_words", "per_10k"]]


def _phrase_counts(
    phrase: str, by: By, columns: pd.Index, include_quotations: bool, include_citations: bool
) -> pd.Series:
    hits = search(
        phrase, include_quotations=include_quotations, include_citations=include_citations
    )
    counts: Counter = Counter()
    for row in hits.itertuples():
        key = (
            (row.chapter, row.section)
            if by == "section"
            else row.chapter
            if by == "chapter"
            else row.page
        )
        counts[key] += row.n_matches
    return pd.Series([counts.get(c, 0) for c in columns], index=columns)


class Dispersion(NamedTuple):
    """Where a term occurs and how evenly it is spread over the book's chapters.

    ``hits``: one row per occurrence (``token_index``, ``position`` 0–1 through the
    book, ``paragraph_id``, ``chapter``, ``page``); ``by_part``: size and frequency per
    part; ``dp``, ``dp_norm``: Gries' DP (0 = perfectly even, 1 = all in one part) and
    its normalised form; ``juilland_d``: Juilland's D (1 = perfectly even).
    """

    term: str
    hits: pd.DataFrame
    by_part: pd.DataFrame
    dp: float
    dp_norm: float
    juilland_d: float


def dispersion(
    term: str,
    *,
    by: By = "chapter",
    include_quotations: bool = True,
    include_citations: bool = False,
) -> Dispersion:
    """Hit positions through the book (for a dispersion plot) and dispersion measures.

    DP (Gries 2008) compares each part's share of the book's words, s_i, with its share
    of the term's hits, v_i: ``DP = ½ Σ |v_i − s_i|``; DP_norm divides by ``1 − min s``
    (Lijffijt & Gries 2012). Juilland's D uses the coefficient of variation of the
    parts' relative frequencies: ``D = 1 − CV/√(n − 1)``. Formulas and references in
    :mod:`leninism_data.analysis.stats`. Part sizes and the words matched follow the
    rules of the module description (references left out unless ``include_citations``).

    Examples
    --------
    >>> d = dispersion("peasantry")
    >>> len(d.hits), d.by_part.set_index("chapter").loc[5, "count"]
    (82, np.int64(51))
    >>> round(d.dp, 2)
    0.54
    >>> len(dispersion("dictatorship of the proletariat").hits)
    61
    """
    check_options(
        term=term,
        by=by,
        include_quotations=include_quotations,
        include_citations=include_citations,
    )
    tokens = select_tokens(
        include_quotations=include_quotations, include_citations=include_citations
    )
    all_tokens = tables.tokens()
    frequencies = count_matrix(
        by, include_quotations=include_quotations, include_citations=include_citations
    )
    sizes = frequencies.sum(axis=0)
    if " " in term.strip():  # a phrase: its hits start at the token where it begins
        found = search(
            term, include_quotations=include_quotations, include_citations=include_citations
        )
        starts = {
            (pid, start)
            for pid, spans in zip(found["paragraph_id"], found["spans"])
            for start, _ in spans
        }
        keys = zip(tokens["paragraph_id"], tokens["offset"])
        hits = tokens[[key in starts for key in keys]]
        counts = _phrase_counts(
            term, by, frequencies.columns, include_quotations, include_citations
        )
    else:
        matched = _matching_terms(term, pd.Index(tokens["term"].unique()))
        hits = tokens[tokens["term"].isin(matched)]
        counts = (
            frequencies.loc[matched].sum(axis=0)
            if matched
            else pd.Series(0, index=frequencies.columns)
        )
    by_part = pd.DataFrame({"n_words": sizes, "count": counts}).reset_index(
        names=_part_columns(by)
    )
    if by == "section":
        by_part = by_part.merge(tables.sections()[["chapter", "section", "label"]])
    hit_frame = hits[["token_index", "paragraph_id", "chapter", "section", "page"]].copy()
    hit_frame.insert(1, "position", hit_frame["token_index"] / len(all_tokens))
    sizes_array, counts_array = sizes.to_numpy(float), counts.to_numpy(float)
    if counts_array.sum() == 0:
        return Dispersion(
            term,
            hit_frame.reset_index(drop=True),
            by_part,
            float("nan"),
            float("nan"),
            float("nan"),
        )
    return Dispersion(
        term,
        hit_frame.reset_index(drop=True),
        by_part,
        float(gries_dp(sizes_array, counts_array)),
        float(gries_dp_norm(sizes_array, counts_array)),
        float(juilland_d(sizes_array, counts_array)),
    )


def ngrams(
    n: int,
    *,
    by: By | None = None,
    min_freq: int = 2,
    stopwords: bool = True,
    include_quotations: bool = True,
    include_citations: bool = False,
) -> pd.DataFrame:
    """Repeated phrases of ``n`` words (AntConc clusters, Voyant phrases).

    N-grams do not cross sentence boundaries, nor references: the words of a reference
    are left out and the words on either side of it are not joined into an n-gram
    (``include_citations=True`` keeps references as words). ``stopwords=False`` drops n-grams that
    begin or end with a stopword ("of the proletariat" goes, "dictatorship of the
    proletariat" stays).

    Returns
    -------
    pandas.DataFrame
        ``ngram``, ``count`` and ``n_parts`` (in how many chapters it occurs), most
        frequent first; with ``by``, one row per n-gram per part instead.

    Examples
    --------
    >>> ngrams(4).head(1)[["ngram", "count"]].values.tolist()
    [['dictatorship of the proletariat', 61]]
    """
    check_options(
        n=n,
        by="chapter" if by is None else by,
        min_freq=min_freq,
        stopwords=stopwords,
        include_quotations=include_quotations,
        include_citations=include_citations,
    )
    tokens = select_tokens(
        include_quotations=include_quotations, include_citations=include_citations
    )
    words = tokens["lower"].to_numpy()
    sentence = tokens["sentence_id"].to_numpy()
    index = tokens["token_index"].to_numpy()
    stop = tokens["is_stopword"].to_numpy(dtype=bool)
    if len(words) < n:
        return pd.DataFrame(columns=["ngram", "count", "n_parts"])
    same = np.ones(len(words) - n + 1, dtype=bool)
    for k in range(1, n):
        same &= sentence[k : len(words) - n + 1 + k] == sentence[: len(words) - n + 1]
        same &= index[k : len(words) - n + 1 + k] == index[: len(words) - n + 1] + k
    if not stopwords:
        same &= ~stop[: len(words) - n + 1] & ~stop[n - 1 :]
    starts = np.flatnonzero(same)
    grams = [" ".join(words[i : i + n]) for i in starts]
    part_key = "chapter" if by is None else by
    parts = (
        tokens[part_key].to_numpy()[starts]
        if by != "section"
        else list(zip(tokens["chapter"].to_numpy()[starts], tokens["section"].to_numpy()[starts]))
    )
    frame = pd.DataFrame({"ngram": grams, "part": list(parts)})
    if by is None:
        result = (
            frame.groupby("ngram")
            .agg(count=("part", "size"), n_parts=("part", "nunique"))
            .reset_index()
        )
        result = result[result["count"] >= min_freq]
        return result.sort_values(["count", "ngram"], ascending=[False, True], ignore_index=True)
    counts = frame.groupby(["part", "ngram"]).size().rename("count").reset_index()
    totals = counts.groupby("ngram")["count"].transform("sum")
    counts = counts[totals >= min_freq]
    if by == "section":
        counts[["chapter", "section"]] = pd.DataFrame(counts["part"].tolist(), index=counts.index)
        columns = ["chapter", "section"]
    else:
        counts[by] = counts["part"]
        columns = [by]
    return counts[columns + ["ngram", "count"]].sort_values(
        columns + ["count"], ascending=[True] * len(columns) + [False], ignore_index=True
    )
