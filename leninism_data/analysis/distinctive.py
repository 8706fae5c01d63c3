"""What is distinctive: keyness of a part, collocates of a word, two parts compared.

All three work on the term counts of :mod:`leninism_data.analysis.parts` and the statistics of
:mod:`leninism_data.analysis.stats`, whose docstrings give every formula with its reference.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

import numpy as np
import pandas as pd

from leninism_data import tables
from leninism_data.analysis.frequencies import _matching_terms
from leninism_data.analysis.lemmas import lemma as lemma_of
from leninism_data.analysis.lemmas import lemma_counts
from leninism_data.analysis.parts import (
    PartLike,
    part_counts,
    part_size,
    resolve_part,
    select_tokens,
)
from leninism_data.analysis.stats import (
    benjamini_hochberg,
    bonferroni,
    collocation_log_likelihood,
    cosine_similarity,
    log_dice,
    log_likelihood,
    log_ratio,
    mutual_information,
    t_score,
)
from leninism_data.corpus.arguments import check_options

KeynessMeasure = Literal["log_likelihood", "log_ratio"]
CollocationMeasure = Literal["log_dice", "mi", "t_score", "log_likelihood"]


def keyness(
    target: PartLike,
    reference: PartLike | Literal["rest"] = "rest",
    *,
    measure: KeynessMeasure = "log_likelihood",
    include_quotations: bool = True,
    reference_quotations: bool | None = None,
    stopwords: bool = False,
    min_freq: int = 3,
    min_log_ratio: float | None = None,
    include_citations: bool = False,
) -> pd.DataFrame:
    """Terms over- and under-used in a part of the book against a reference.

    Parameters
    ----------
    target : chapter or section
        ``4``, ``"IV"``, ``"Introduction"``, ``"III.2"`` or ``(3, 2)``.
    reference : "rest", a chapter or section, or "book"
        "rest" (default) is the whole book without the target.
    measure : {"log_likelihood", "log_ratio"}
        The order of the result: by signed G² (significance) or by Log Ratio (effect
        size; terms absent from the reference are listed after the others, see Notes).
        Both are always returned.
    include_quotations : bool, default True
        False leaves out the quoted words (block and inline quotations) of the *target*,
        so its keywords are the author's own and not those of the Lenin he quotes.
    reference_quotations : bool, optional
        The same for the *reference*. By default it follows ``include_quotations``, so
        ``include_quotations=False`` leaves quotations out of **both** sides; pass
        ``reference_quotations=True`` to compare the author's own words in the target
        with everything, quotations included, in the reference.
    stopwords : bool, default False
        List stopwords too (left out of the list by default; they always count in the
        sizes).
    min_freq : int, default 3
        Least count in target and reference together.
    min_log_ratio : float, optional
        Keep only terms whose Log Ratio is at least this far from 0 (e.g. 1: at least
        twice or at most half as frequent).
    include_citations : bool, default False
        Count the words inside references too.

    Returns
    -------
    pandas.DataFrame
        ``term``, ``freq_target``, ``freq_reference``, ``per_10k_target``,
        ``per_10k_reference``, ``g2`` (signed: negative when under-used), ``p_value``,
        ``p_adjusted`` (Benjamini–Hochberg over all terms tested), ``bonferroni`` (True
        if ``p_value < 0.05 / m`` for the m terms tested), ``log_ratio`` and
        ``zero_reference`` (the term is absent from the reference), most distinctive
        first.

    Notes
    -----
    Sizes c and d are the words of target and reference (every word outside references,
    stopwords included, less quoted words where quotations are left out): the unit of
    ``n_words`` and of :func:`~leninism_data.term_frequencies`, so ``per_10k_target`` is
    the figure ``term_frequencies`` gives for the same part and options.

    With a = the term's count in the target and b in the reference: E1 = c(a+b)/(c+d),
    E2 = d(a+b)/(c+d), G² = 2(a ln(a/E1) + b ln(b/E2)) (Dunning 1993; Rayson & Garside
    2000), p from χ² with one degree of freedom. About a thousand terms are tested at
    once, so some 5% reach p < .05 by chance: read ``p_adjusted`` (Benjamini & Hochberg
    1995) or ``bonferroni`` instead of ``p_value``.

    Log Ratio = log2((a/c)/(b/d)) (Hardie 2014); 1 means twice as frequent in the
    target. A term absent from the reference (b = 0) has no finite ratio: its value is
    computed with b = 0.5, which depends on that choice more than on the data, so it is
    flagged in ``zero_reference`` and such terms are listed after the others when
    sorting by Log Ratio.

    Examples
    --------
    >>> k = keyness("V")
    >>> k.head(3)["term"].tolist()
    ['peasantry', 'peasant', 'agriculture']
    >>> row = k.iloc[0]
    >>> int(row["freq_target"]), round(float(row["per_10k_target"]), 1)
    (51, 114.1)
    >>> int(k["bonferroni"].sum()) <= int((k["p_adjusted"] < 0.05).sum())
    True
    """
    check_options(include_quotations=include_quotations, stopwords=stopwords, min_freq=min_freq)
    target_part = resolve_part(target)
    reference_quotations = (
        include_quotations if reference_quotations is None else reference_quotations
    )
    options = {"stopwords": stopwords, "include_citations": include_citations}
    target_counts = part_counts(target_part, include_quotations=include_quotations, **options)
    c = part_size(
        target_part, include_quotations=include_quotations, include_citations=include_citations
    )
    if isinstance(reference, str) and reference == "rest":
        whole = resolve_part("book")
        reference_counts = part_counts(
            whole, include_quotations=reference_quotations, **options
        ) - part_counts(target_part, include_quotations=reference_quotations, **options)
        d = part_size(
            whole, include_quotations=reference_quotations, include_citations=include_citations
        ) - part_size(
            target_part,
            include_quotations=reference_quotations,
            include_citations=include_citations,
        )
    else:
        reference_part = resolve_part(reference)
        reference_counts = part_counts(
            reference_part, include_quotations=reference_quotations, **options
        )
        d = part_size(
            reference_part,
            include_quotations=reference_quotations,
            include_citations=include_citations,
        )
    frame = _keyness_table(
        target_counts, reference_counts, c, d, measure=measure, min_freq=min_freq
    )
    if min_log_ratio is not None:
        frame = frame[frame["log_ratio"].abs() >= min_log_ratio].reset_index(drop=True)
    return frame


def _keyness_table(
    target: pd.Series,
    reference: pd.Series,
    c: float,
    d: float,
    *,
    measure: KeynessMeasure,
    min_freq: int,
) -> pd.DataFrame:
    if measure not in ("log_likelihood", "log_ratio"):
        raise ValueError(f"measure must be 'log_likelihood' or 'log_ratio', not {measure!r}.")
    target, reference = target.align(reference, fill_value=0)
    keep = (target + reference) >= min_freq
    a, b = target[keep].to_numpy(float), reference[keep].to_numpy(float)
    result = log_likelihood(a, b, c, d)
    p_values = np.asarray(result.p_value)
    frame = pd.DataFrame(
        {
            "term": target.index[keep],
            "freq_target": a.astype(int),
            "freq_reference": b.astype(int),
            "per_10k_target": a * 10_000 / c,
            "per_10k_reference": b * 10_000 / d,
            "g2": np.asarray(result.g2) * np.asarray(result.sign),
            "p_value": p_values,
            "p_adjusted": benjamini_hochberg(p_values),
            "bonferroni": bonferroni(p_values),
            "log_ratio": log_ratio(a, b, c, d),
            "zero_reference": b == 0,
        }
    )
    if measure == "log_likelihood":
        return frame.sort_values(["g2", "term"], ascending=[False, True], ignore_index=True)
    # Measured over-use first, then terms absent from the reference, then under-use.
    frame["_tier"] = np.where(frame["zero_reference"], 1, np.where(frame["log_ratio"] > 0, 0, 2))
    frame = frame.sort_values(
        ["_tier", "log_ratio", "term"], ascending=[True, False, True], ignore_index=True
    )
    return frame.drop(columns="_tier")


def collocates(
    term: str,
    *,
    window: int = 5,
    left: int | None = None,
    right: int | None = None,
    measure: CollocationMeasure = "log_dice",
    min_freq: int = 3,
    include_quotations: bool = True,
    stopwords: bool = False,
    include_citations: bool = False,
) -> pd.DataFrame:
    """Words that keep company with ``term`` within a window of running words.

    Parameters
    ----------
    term : str
        The node: a word or a wildcard (``proletar*``), matched as in every count.
    window : int, default 5
        Span on each side in running words, stopwords included, as AntConc's window
        span L5–R5 (Anthony, *AntConc* manual, "Collocates"). References (and quoted
        words when ``include_quotations=False``) are not in the running text.
    left, right : int, optional
        Different spans on the left and the right (``left=0, right=3``: R1–R3);
        each defaults to ``window``.
    measure : {"log_dice", "mi", "t_score", "log_likelihood"}
        The order of the result.
    min_freq : int, default 3
        Least number of co-occurrences O for a collocate to be listed.
    include_quotations : bool, default True
        False leaves the quoted words out of the running text.
    stopwords : bool, default False
        List stopwords as collocates too. Either way they fill window slots: the window
        is counted in running words, and stopwords are dropped from the list only.
    include_citations : bool, default False
        Keep the words of references in the running text.

    Returns
    -------
    pandas.DataFrame
        ``collocate``, ``observed`` (O), ``left``/``right`` (of which before/after the
        node), ``f_coll``, ``expected`` (E), ``log_dice``, ``mi``, ``t_score``,
        ``log_likelihood`` — sorted by ``measure``.

    Notes
    -----
    Windows stop at paragraph ends and overlapping windows are merged: a token counts
    once however many node windows it falls in, and the nodes' own tokens are not
    collocate slots. So E is computed from the slots the windows actually cover, W
    (Evert 2008, on window-based co-occurrence)::

        E = f_coll · W / N

    the collocate's relative frequency times the window slots; N is the running text.
    log-Dice = 14 + log2(2O/(f_node + f_coll)) (Rychlý 2008); MI = log2(O/E) (Church &
    Hanks 1990); t-score = (O − E)/√O; log-likelihood: G² on the 2×2 table of the W
    window slots against the rest of the running text (Dunning 1993). See
    :mod:`leninism_data.analysis.stats`.

    Examples
    --------
    >>> top = collocates("dictatorship").head(3)
    >>> top["collocate"].tolist()
    ['proletariat', 'achieving', 'question']
    """
    check_options(
        term=term,
        window=window,
        left=left,
        right=right,
        min_freq=min_freq,
        stopwords=stopwords,
        include_quotations=include_quotations,
        include_citations=include_citations,
    )
    spans = {"window": window, "left": left, "right": right}
    for name, value in spans.items():
        if value is not None and value < 0:
            raise ValueError(f"{name} must be zero or more, not {value}.")
    n_left = window if left is None else left
    n_right = window if right is None else right
    if n_left + n_right < 1:
        raise ValueError("The window is empty: give left or right a span of at least 1.")
    tokens = select_tokens(
        include_quotations=include_quotations, include_citations=include_citations
    )
    terms = tokens["term"].to_numpy()
    paragraphs = tokens["paragraph_id"].to_numpy()
    matched = set(_matching_terms(term, pd.Index(np.unique(terms))))
    if not matched:
        raise ValueError(f"{term!r} does not occur in the book (with these options).")
    nodes = np.flatnonzero(pd.Series(terms).isin(matched).to_numpy())  # hashed: fast
    n = len(terms)
    side = np.zeros(n, dtype=np.int8)  # 1 = left of some node, 2 = right, 3 = both
    for offset, flag in [(-k, 1) for k in range(1, n_left + 1)] + [
        (k, 2) for k in range(1, n_right + 1)
    ]:
        positions = nodes + offset
        ok = (positions >= 0) & (positions < n)
        positions, origins = positions[ok], nodes[ok]
        same = paragraphs[positions] == paragraphs[origins]
        side[positions[same]] |= flag
    side[nodes] = 0
    in_window = np.flatnonzero(side)
    slots = float(len(in_window))
    listed = in_window
    if not stopwords:
        listed = in_window[~tokens["is_stopword"].to_numpy(dtype=bool)[in_window]]
    observed = pd.Series(terms[listed]).value_counts()
    left_counts = pd.Series(terms[listed[side[listed] & 1 > 0]]).value_counts()
    right_counts = pd.Series(terms[listed[side[listed] & 2 > 0]]).value_counts()
    frequency = pd.Series(terms).value_counts()
    frame = pd.DataFrame({"observed": observed})
    frame = frame[frame["observed"] >= min_freq]
    frame = frame.drop(index=[t for t in matched if t in frame.index])
    if not slots:  # every word is a node ("*"): no word is left to stand beside one
        frame = frame.iloc[0:0]
    o = frame["observed"].to_numpy(float)
    f_coll = frequency.loc[frame.index].to_numpy(float)
    f_node = float(len(nodes))
    span = slots / f_node if slots else 1.0  # window slots per node actually covered
    result = pd.DataFrame(
        {
            "collocate": frame.index,
            "observed": o.astype(int),
            "left": left_counts.reindex(frame.index, fill_value=0).to_numpy(),
            "right": right_counts.reindex(frame.index, fill_value=0).to_numpy(),
            "f_coll": f_coll.astype(int),
            "expected": f_coll * slots / n,
            "log_dice": log_dice(o, f_node, f_coll),
            "mi": mutual_information(o, f_node, f_coll, n, span=span),
            "t_score": t_score(o, f_node, f_coll, n, span=span),
            "log_likelihood": collocation_log_likelihood(
                o, f_node, f_coll, n, span=span
            ).signed_g2,
        }
    )
    if measure not in ("log_dice", "mi", "t_score", "log_likelihood"):
        raise ValueError(
            f"measure must be 'log_dice', 'mi', 't_score' or 'log_likelihood', not {measure!r}."
        )
    return result.sort_values([measure, "collocate"], ascending=[False, True], ignore_index=True)


class Comparison(NamedTuple):
    """Two parts of the book side by side (see :func:`compare`)."""

    a: str
    b: str
    distinctive_a: pd.DataFrame
    distinctive_b: pd.DataFrame
    shared: pd.DataFrame
    similarity: float
    passages_a: pd.DataFrame
    passages_b: pd.DataFrame


def compare(
    a: PartLike,
    b: PartLike,
    *,
    include_quotations: bool = True,
    top: int = 15,
    n_passages: int = 3,
    alpha: float = 0.05,
    lemma: bool = False,
) -> Comparison:
    """Compare two chapters or sections.

    ``include_quotations=False`` leaves the quoted words out of both sides. Relative
    frequencies are per 10,000 words of each side (the unit of ``n_words``).

    Returns a :class:`Comparison`: the terms distinctive of each side against the other
    (:func:`keyness`, over-used and significant at ``alpha`` after the Benjamini–Hochberg
    correction, Benjamini & Hochberg 1995), the vocabulary both use
    often (``shared``: terms among the 200 most frequent content words of each side), a
    similarity score (cosine of their content-word counts, 0–1) and the passages that
    best represent each side (paragraphs with the highest sum of G² of the side's
    distinctive terms per word). ``lemma=True`` counts every form of a word under its
    lemma ("soviet" and "soviets" are one row; :mod:`leninism_data.analysis.lemmas`).

    Examples
    --------
    >>> c = compare("V", "VI")
    >>> c.distinctive_a["term"].head(2).tolist(), c.distinctive_b["term"].head(2).tolist()
    (['peasantry', 'peasant'], ['national', 'nations'])
    >>> round(c.similarity, 2)
    0.3
    """
    check_options(include_quotations=include_quotations, top=top, n_passages=n_passages)
    part_a, part_b = resolve_part(a), resolve_part(b)
    counts_a = part_counts(part_a, include_quotations=include_quotations, stopwords=False)
    counts_b = part_counts(part_b, include_quotations=include_quotations, stopwords=False)
    if lemma:
        counts_a, counts_b = lemma_counts(counts_a), lemma_counts(counts_b)
    size_a = part_size(part_a, include_quotations=include_quotations)
    size_b = part_size(part_b, include_quotations=include_quotations)
    both = _keyness_table(counts_a, counts_b, size_a, size_b, measure="log_likelihood", min_freq=3)
    significant = both["p_adjusted"] < alpha
    distinctive_a = both[significant & (both["g2"] > 0)].head(top).reset_index(drop=True)
    distinctive_b = (
        both[significant & (both["g2"] < 0)].sort_values("g2", ignore_index=True).head(top)
    )
    distinctive_b = distinctive_b.rename(
        columns={
            "freq_target": "freq_reference",
            "freq_reference": "freq_target",
            "per_10k_target": "per_10k_reference",
            "per_10k_reference": "per_10k_target",
        }
    )
    distinctive_b["g2"] = -distinctive_b["g2"]
    distinctive_b["log_ratio"] = -distinctive_b["log_ratio"]
    distinctive_b = distinctive_b[distinctive_a.columns]
    frequent_a = set(counts_a[counts_a > 0].nlargest(200).index)
    frequent_b = set(counts_b[counts_b > 0].nlargest(200).index)
    shared_terms = sorted(
        frequent_a & frequent_b,
        key=lambda t: -(counts_a[t] / counts_a.sum() + counts_b[t] / counts_b.sum()),
    )
    shared = pd.DataFrame(
        {
            "term": shared_terms,
            "per_10k_a": [counts_a[t] * 10_000 / size_a for t in shared_terms],
            "per_10k_b": [counts_b[t] * 10_000 / size_b for t in shared_terms],
        }
    ).head(top)
    similarity = cosine_similarity(
        counts_a[counts_a > 0].to_dict(), counts_b[counts_b > 0].to_dict()
    )
    return Comparison(
        part_a.label,
        part_b.label,
        distinctive_a,
        distinctive_b,
        shared,
        similarity,
        _representative(part_a, distinctive_a, n_passages, lemma),
        _representative(part_b, distinctive_b, n_passages, lemma),
    )


def _representative(part, distinctive: pd.DataFrame, n: int, lemma: bool) -> pd.DataFrame:
    weights = dict(zip(distinctive["term"], distinctive["g2"]))
    tokens = select_tokens(stopwords=False)
    inside = tokens[part.mask(tokens)]
    terms = inside["term"].map(lemma_of) if lemma else inside["term"]
    scores = terms.map(weights).fillna(0).groupby(inside["paragraph_id"]).sum()
    sizes = inside.groupby("paragraph_id").size()
    per_word = (scores / sizes).sort_values(ascending=False)
    best = per_word[per_word > 0].head(n)
    paragraphs = tables.paragraphs().set_index("paragraph_id")
    frame = paragraphs.loc[best.index, ["chapter", "section", "page", "text"]].reset_index()
    frame.insert(1, "score", best.to_numpy())
    return frame
