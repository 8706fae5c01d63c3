"""What is distinctive: keyness of a part, collocates of a word, two parts compared.

All three work on the term counts of :mod:`leninism_data.analysis.parts` and the statistics of
:mod:`leninism_data.analysis.stats`, whose docstrings give every formula with its reference.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

import numpy as np
import pandas as pd

from leninism_data.analysis.frequencies import _matching_terms
from leninism_data.analysis.parts import PartLike, part_counts, resolve_part, select_tokens
from leninism_data.analysis.stats import (
    collocation_log_likelihood,
    cosine_similarity,
    log_dice,
    log_likelihood,
    log_ratio,
    mutual_information,
    t_score,
)
from leninism_data.corpus.arguments import check_options
from leninism_data.tables.build import _paragraphs

KeynessMeasure = Literal["log_likelihood", "log_ratio"]
CollocationMeasure = Literal["log_dice", "mi", "t_score", "log_likelihood"]


def keyness(
    target: PartLike,
    reference: PartLike | Literal["rest"] = "rest",
    *,
    measure: KeynessMeasure = "log_likelihood",
    include_quotations: bool = True,
    stopwords: bool = False,
    min_freq: int = 3,
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
        size). Both are always returned.
    include_quotations : bool, default True
        False leaves out the words of block quotations on both sides, so a chapter's
        keywords are Stalin's own and not those of the Lenin he quotes.
    stopwords : bool, default False
        Keep stopwords (left out by default).
    min_freq : int, default 3
        Least count in target and reference together.

    Returns
    -------
    pandas.DataFrame
        ``term``, ``freq_target``, ``freq_reference``, ``per_10k_target``,
        ``per_10k_reference``, ``g2`` (signed: negative when under-used), ``p_value`` and
        ``log_ratio``, most distinctive first.

    Notes
    -----
    With a = the term's count in the target, b = in the reference, c and d the sizes of
    target and reference in words: E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d),
    G² = 2(a ln(a/E1) + b ln(b/E2)) (Dunning 1993; Rayson & Garside 2000), p from χ² with
    one degree of freedom; Log Ratio = log2((a/c)/(b/d)), zero counts set to 0.5 (Hardie
    2014). A Log Ratio of 1 means twice as frequent in the target.

    Examples
    --------
    >>> k = keyness("V")
    >>> k.head(3)["term"].tolist()
    ['peasantry', 'peasant', 'agriculture']
    >>> round(float(k.iloc[0]["g2"]), 1), int(k.iloc[0]["freq_target"])
    (109.0, 51)
    """
    check_options(include_quotations=include_quotations, stopwords=stopwords, min_freq=min_freq)
    target_part = resolve_part(target)
    target_counts = part_counts(
        target_part, include_quotations=include_quotations, stopwords=stopwords
    )
    if isinstance(reference, str) and reference == "rest":
        book = part_counts(
            resolve_part("book"), include_quotations=include_quotations, stopwords=stopwords
        )
        reference_counts = book - target_counts
    else:
        reference_counts = part_counts(
            resolve_part(reference), include_quotations=include_quotations, stopwords=stopwords
        )
    return _keyness_table(target_counts, reference_counts, measure=measure, min_freq=min_freq)


def _keyness_table(
    target: pd.Series, reference: pd.Series, *, measure: KeynessMeasure, min_freq: int
) -> pd.DataFrame:
    c, d = float(target.sum()), float(reference.sum())
    keep = (target + reference) >= min_freq
    a, b = target[keep].to_numpy(float), reference[keep].to_numpy(float)
    result = log_likelihood(a, b, c, d)
    frame = pd.DataFrame(
        {
            "term": target.index[keep],
            "freq_target": a.astype(int),
            "freq_reference": b.astype(int),
            "per_10k_target": a * 10_000 / c,
            "per_10k_reference": b * 10_000 / d,
            "g2": np.asarray(result.g2) * np.asarray(result.sign),
            "p_value": result.p_value,
            "log_ratio": log_ratio(a, b, c, d),
        }
    )
    order = "g2" if measure == "log_likelihood" else "log_ratio"
    if measure not in ("log_likelihood", "log_ratio"):
        raise ValueError(f"measure must be 'log_likelihood' or 'log_ratio', not {measure!r}.")
    return frame.sort_values([order, "term"], ascending=[False, True], ignore_index=True)


def collocates(
    term: str,
    *,
    window: int = 5,
    measure: CollocationMeasure = "log_dice",
    min_freq: int = 3,
    include_quotations: bool = True,
    stopwords: bool = False,
) -> pd.DataFrame:
    """Words that keep company with ``term`` within ``window`` words on either side.

    Windows do not cross paragraph boundaries. A collocate token is counted once however
    many node windows it falls in.

    Returns
    -------
    pandas.DataFrame
        ``collocate``, ``observed`` (O), ``left``/``right`` (of which before/after the
        node), ``f_coll``, ``expected`` (E = f_node·f_coll·span/N, span = 2·window),
        ``log_dice``, ``mi``, ``t_score``, ``log_likelihood`` — sorted by ``measure``.

    Notes
    -----
    log-Dice = 14 + log2(2O/(f_node + f_coll)) (Rychlý 2008); MI = log2(O/E);
    t-score = (O − E)/√O; log-likelihood: G² on the 2×2 table of window slots against the
    rest of the book. See :mod:`leninism_data.analysis.stats`.

    Examples
    --------
    >>> top = collocates("dictatorship").head(3)
    >>> top["collocate"].tolist()
    ['proletariat', 'proletarian', 'achieving']
    """
    check_options(
        term=term,
        window=window,
        min_freq=min_freq,
        stopwords=stopwords,
        include_quotations=include_quotations,
    )
    if window < 1:
        raise ValueError(f"window must be at least 1, not {window}.")
    tokens = select_tokens(include_quotations=include_quotations, stopwords=stopwords)
    terms = tokens["term"].to_numpy()
    paragraphs = tokens["paragraph_id"].to_numpy()
    matched = set(_matching_terms(term, pd.Index(np.unique(terms))))
    if not matched:
        raise ValueError(f"{term!r} does not occur in the book (with these options).")
    nodes = np.flatnonzero(pd.Series(terms).isin(matched).to_numpy())  # hashed: fast
    n = len(terms)
    side = np.zeros(n, dtype=np.int8)  # 1 = left of some node, 2 = right, 3 = both
    for offset in range(1, window + 1):
        for direction, flag in ((-offset, 1), (offset, 2)):
            positions = nodes + direction
            ok = (positions >= 0) & (positions < n)
            positions, origins = positions[ok], nodes[ok]
            same = paragraphs[positions] == paragraphs[origins]
            side[positions[same]] |= flag
    side[nodes] = 0
    in_window = np.flatnonzero(side)
    observed = pd.Series(terms[in_window]).value_counts()
    left = pd.Series(terms[in_window[side[in_window] & 1 > 0]]).value_counts()
    right = pd.Series(terms[in_window[side[in_window] & 2 > 0]]).value_counts()
    frequency = pd.Series(terms).value_counts()
    frame = pd.DataFrame({"observed": observed})
    frame = frame[frame["observed"] >= min_freq]
    frame = frame.drop(index=[t for t in matched if t in frame.index])
    o = frame["observed"].to_numpy(float)
    f_coll = frequency.loc[frame.index].to_numpy(float)
    f_node, span = float(len(nodes)), 2 * window
    result = pd.DataFrame(
        {
            "collocate": frame.index,
            "observed": o.astype(int),
            "left": left.reindex(frame.index, fill_value=0).to_numpy(),
            "right": right.reindex(frame.index, fill_value=0).to_numpy(),
            "f_coll": f_coll.astype(int),
            "expected": f_node * f_coll * span / n,
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
) -> Comparison:
    """Compare two chapters or sections.

    Returns a :class:`Comparison`: the terms distinctive of each side against the other
    (:func:`keyness`, significant at p < 0.01 and over-used), the vocabulary both use
    often (``shared``: terms among the 200 most frequent content words of each side), a
    similarity score (cosine of their content-word counts, 0–1) and the passages that
    best represent each side (paragraphs with the highest sum of G² of the side's
    distinctive terms per word).

    Examples
    --------
    >>> c = compare("V", "VI")
    >>> c.distinctive_a["term"].head(2).tolist(), c.distinctive_b["term"].head(2).tolist()
    (['peasantry', 'peasant'], ['national', 'nations'])
    >>> round(c.similarity, 2)
    0.31
    """
    check_options(include_quotations=include_quotations, top=top, n_passages=n_passages)
    part_a, part_b = resolve_part(a), resolve_part(b)
    counts_a = part_counts(part_a, include_quotations=include_quotations, stopwords=False)
    counts_b = part_counts(part_b, include_quotations=include_quotations, stopwords=False)
    both = _keyness_table(counts_a, counts_b, measure="log_likelihood", min_freq=3)
    significant = both["p_value"] < 0.01
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
            "per_10k_a": [counts_a[t] * 10_000 / counts_a.sum() for t in shared_terms],
            "per_10k_b": [counts_b[t] * 10_000 / counts_b.sum() for t in shared_terms],
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
        _representative(part_a, distinctive_a, n_passages),
        _representative(part_b, distinctive_b, n_passages),
    )


def _representative(part, distinctive: pd.DataFrame, n: int) -> pd.DataFrame:
    weights = dict(zip(distinctive["term"], distinctive["g2"]))
    tokens = select_tokens(stopwords=False)
    inside = tokens[part.mask(tokens)]
    scores = inside["term"].map(weights).fillna(0).groupby(inside["paragraph_id"]).sum()
    sizes = inside.groupby("paragraph_id").size()
    per_word = (scores / sizes).sort_values(ascending=False)
    best = per_word[per_word > 0].head(n)
    paragraphs = _paragraphs().set_index("paragraph_id")
    frame = paragraphs.loc[best.index, ["chapter", "section", "page", "text"]].reset_index()
    frame.insert(1, "score", best.to_numpy())
    return frame
