"""Clusters: repeated phrases of n words (AntConc's Clusters/N-grams, Voyant's Phrases)."""

from __future__ import annotations

import fnmatch
import functools

import ipywidgets as widgets
import pandas as pd

import leninism_data as ld
from leninism_data.corpus.naming import ChapterLike
from leninism_data.widgets._base import (
    LABEL_STYLE,
    StudyWidget,
    checkbox,
    repr_chapter,
    repr_text,
    resolve_optional_chapter,
)
from leninism_data.widgets._html import escape, message, plural, view
from leninism_data.widgets._measures import explain
from leninism_data.widgets._paged_table import PagedTable
from leninism_data.widgets._search_options import SearchControls, SearchOptions

FIELDS = ["chapter", "include_quotations", "include_citations"]
MAX_N = 8
PAGE_SIZE = 20


def clusters(
    n: int,
    *,
    containing: str = "",
    chapter: int | None = None,
    min_freq: int = 2,
    **counting: bool,
) -> pd.DataFrame:
    """Phrases of ``n`` words that occur at least ``min_freq`` times, most frequent first.

    Parameters
    ----------
    n : int
        Words per phrase.
    containing : str, optional
        Keep the phrases with a word matching this (``*`` and ``?`` wildcards).
    chapter : int, optional
        Count in this chapter only.
    min_freq : int, default 2
    **counting
        Further options of :func:`leninism_data.ngrams` (``stopwords``,
        ``include_quotations`` …).

    Returns
    -------
    pandas.DataFrame
        ``ngram``, ``count`` and ``n_parts`` (in how many chapters it occurs).

    Examples
    --------
    >>> clusters(3, containing="peasant*").head(2).values.tolist()
    [['of the peasantry', 31, 3], ['the peasant question', 10, 1]]
    """
    table = _by_chapter(n, **counting)
    if chapter is None:
        found = table.groupby("ngram", sort=False).agg(
            count=("count", "sum"), n_parts=("chapter", "nunique")
        )
    else:
        found = table[table["chapter"] == chapter].set_index("ngram")[["count"]]
        found["n_parts"] = _chapters_per_ngram(n, **counting).reindex(found.index).to_numpy()
    found = found[found["count"] >= min_freq].reset_index()
    pattern = containing.strip().lower()
    if pattern:
        keep = [any(fnmatch.fnmatchcase(w, pattern) for w in g.split()) for g in found["ngram"]]
        found = found[keep]
    found = found.sort_values(["count", "ngram"], ascending=[False, True], ignore_index=True)
    return found[["ngram", "count", "n_parts"]]


@functools.lru_cache(maxsize=8)
def _by_chapter(n: int, **counting: bool) -> pd.DataFrame:
    """Every n-gram's count in each chapter (cached: the widget filters it per change)."""
    return ld.ngrams(n, by="chapter", min_freq=1, **counting)


@functools.lru_cache(maxsize=8)
def _chapters_per_ngram(n: int, **counting: bool) -> pd.Series:
    return _by_chapter(n, **counting).groupby("ngram")["chapter"].nunique()


class Clusters(StudyWidget):
    """Repeated phrases of 2–8 words, optionally containing a given word.

    Phrases do not cross sentence boundaries. With "Include stopwords at the edges"
    unticked, phrases that begin or end with a stopword are left out ("of the
    proletariat" goes, "dictatorship of the proletariat" stays). Type a word in
    "Containing" and press Enter to keep only the phrases with it.

    Parameters
    ----------
    n : int, default 3
    containing : str, default ""
        A word or wildcard the phrases must contain.
    chapter : optional
        Count in this chapter only.
    min_freq : int, default 2
    stopwords : bool, default True
        Keep phrases that begin or end with a stopword.
    include_quotations : bool, default True

    Attributes
    ----------
    result : pandas.DataFrame
        ``ngram``, ``count``, ``n_parts``, most frequent first.

    Examples
    --------
    >>> found = Clusters(4, stopwords=False)
    >>> found.result.loc[0, "ngram"], int(found.result.loc[0, "count"])
    ('dictatorship of the proletariat', 61)
    """

    def __init__(
        self,
        n: int = 3,
        *,
        containing: str = "",
        chapter: ChapterLike | None = None,
        min_freq: int = 2,
        stopwords: bool = True,
        include_quotations: bool = True,
    ) -> None:
        if not 1 <= n <= MAX_N:
            raise ValueError(f"n must be between 1 and {MAX_N} words, not {n}.")
        if min_freq < 1:
            raise ValueError(f"min_freq must be at least 1, not {min_freq}.")
        options = SearchOptions(
            chapter=resolve_optional_chapter(chapter), include_quotations=include_quotations
        )
        self._search = SearchControls(options, FIELDS, analysis=ld.ngrams, on_change=self._refresh)
        self._n = widgets.BoundedIntText(
            value=n,
            min=1,
            max=MAX_N,
            description="Words (n)",
            style=LABEL_STYLE,
            layout=widgets.Layout(width="9em"),
        )
        self._containing = widgets.Text(
            value=containing,
            description="Containing",
            placeholder="peasant* … then Enter",
            continuous_update=False,
            style=LABEL_STYLE,
            layout=widgets.Layout(width="18em"),
        )
        self._min_freq = widgets.BoundedIntText(
            value=min_freq,
            min=1,
            max=100,
            description="Min. count",
            style=LABEL_STYLE,
            layout=widgets.Layout(width="10em"),
        )
        self._stopwords = checkbox("Include stopwords at the edges", stopwords)
        self._summary = widgets.HTML()
        self._table = PagedTable(PAGE_SIZE, "phrases")
        super().__init__(
            [
                self._search,
                widgets.HBox([self._n, self._containing, self._min_freq, self._stopwords]),
                self._summary,
                self._table,
            ]
        )
        for control in (self._n, self._containing, self._min_freq, self._stopwords):
            control.observe(self._on_option_change, "value")
        self._refresh()

    def _repr_fields(self) -> list[str]:
        return (
            [f"n={self._n.value}"]
            + repr_text("containing", self._containing.value.strip())
            + repr_chapter(self._search.options.chapter)
            + [plural(len(self._result), "phrase")]
        )

    def _on_option_change(self, _change: dict) -> None:
        self._refresh()

    def _refresh(self) -> None:
        options = self._search.options
        self._result = clusters(
            self._n.value,
            containing=self._containing.value,
            chapter=options.chapter,
            min_freq=self._min_freq.value,
            stopwords=self._stopwords.value,
            **options.arguments(ld.ngrams),
        )
        containing = self._containing.value.strip()
        with_word = f" containing “{escape(containing)}”" if containing else ""
        self._summary.value = view(
            f"<b>{plural(len(self._result), 'phrase')}</b> of {self._n.value} words{with_word}"
            if len(self._result)
            else message("No phrase repeats with these options: lower “Min. count”.", "warning")
        )
        self._table.show(
            self._result,
            {"ngram": "phrase", "count": "count", "n_parts": "chapters"},
            note=explain("count", "n_parts"),
        )
