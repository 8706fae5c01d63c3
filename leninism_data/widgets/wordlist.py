"""WordList: every term of the book (or of a chapter) with its frequency and spread."""

from __future__ import annotations

import fnmatch

import ipywidgets as widgets
import numpy as np
import pandas as pd

import leninism_data as ld
from leninism_data.analysis.stats import gries_dp
from leninism_data.corpus.naming import ChapterLike
from leninism_data.widgets._base import (
    LABEL_STYLE,
    StudyWidget,
    check_choice,
    checkbox,
    repr_chapter,
    repr_text,
    resolve_optional_chapter,
    resolve_section,
)
from leninism_data.widgets._html import message, number, plural, view
from leninism_data.widgets._measures import explain
from leninism_data.widgets._paged_table import PagedTable
from leninism_data.widgets._search_options import SearchControls, SearchOptions

SORT_OPTIONS = [
    ("Frequency", "count"),
    ("Term (A–Z)", "term"),
    ("Range", "range"),
    ("Most even (DP)", "dp"),
]
COLUMNS = ["rank", "term", "count", "per_10k", "range", "dp"]
FIELDS = ["chapter", "section", "include_quotations", "include_citations"]
PAGE_SIZE = 25


def word_list(
    *,
    chapter: int | None = None,
    section: int | None = None,
    include_quotations: bool = True,
    stopwords: bool = False,
    **counting: bool,
) -> pd.DataFrame:
    """Every term with its count and rate in a part, and its spread over the chapters.

    Parameters
    ----------
    chapter, section : int, optional
        Count in this part only (the whole book by default).
    include_quotations, stopwords : bool
        As in :func:`leninism_data.term_frequencies`.
    **counting
        Further counting options :func:`leninism_data.term_frequencies` accepts.

    Returns
    -------
    pandas.DataFrame
        ``rank``, ``term``, ``count``, ``per_10k`` (in the part), ``range`` (chapters of
        the book it occurs in) and ``dp`` (Gries' DP over the chapters), most frequent
        first.

    Examples
    --------
    >>> word_list().head(2)[["term", "count", "range"]].values.tolist()
    [['revolution', 296, 10], ['proletariat', 278, 9]]
    """
    options = {"include_quotations": include_quotations, "stopwords": stopwords, **counting}
    by_chapter = ld.term_frequencies(None, by="chapter", **options)
    matrix = by_chapter.pivot(index="term", columns="chapter", values="count")
    sizes = by_chapter.drop_duplicates("chapter")["n_words"].to_numpy(float)
    if section is not None:
        by_section = ld.term_frequencies(None, by="section", **options)
        part = by_section[(by_section["chapter"] == chapter) & (by_section["section"] == section)]
        counts = part.set_index("term")["count"].reindex(matrix.index, fill_value=0)
        size = float(part["n_words"].iloc[0])
    elif chapter is not None:
        counts, size = matrix[chapter], float(sizes[list(matrix.columns).index(chapter)])
    else:
        counts, size = matrix.sum(axis=1), float(sizes.sum())
    values = matrix.to_numpy(float)
    frame = pd.DataFrame(
        {
            "term": matrix.index,
            "count": counts.to_numpy(int),
            "per_10k": counts.to_numpy(float) * 10_000 / size,
            "range": (values > 0).sum(axis=1),
            "dp": np.round(gries_dp(sizes, values), 2),
        }
    )
    frame = frame[frame["count"] > 0].sort_values(
        ["count", "term"], ascending=[False, True], ignore_index=True
    )
    frame.insert(0, "rank", np.arange(1, len(frame) + 1))
    return frame


class WordList(StudyWidget):
    """The book's vocabulary as a sortable, filterable list (AntConc's Word List).

    Each term comes with its count and rate per 10,000 words in the chosen part, its
    range (in how many of the 10 chapters it occurs) and Gries' DP over the chapters
    (0 = spread in proportion to their lengths, 1 = all in one place). Filter with a
    wildcard (``proletar*``, ``*ism``) and press Enter.

    Parameters
    ----------
    filter : str, default ""
        Show only the terms that match (``*`` and ``?`` wildcards; a plain word matches
        the terms that contain it).
    chapter, section : optional
        Count in this part only.
    sort : {"count", "term", "range", "dp"}
    min_count : int, default 1
        Least count in the part.
    stopwords : bool, default False
        Also list stopwords (the, of, and …).
    include_quotations : bool, default True

    Attributes
    ----------
    result : pandas.DataFrame
        The listed terms: ``rank``, ``term``, ``count``, ``per_10k``, ``range``, ``dp``.

    Examples
    --------
    >>> words = WordList(chapter="V")
    >>> words
    WordList(chapter='V', 806 terms)
    >>> words.result.loc[0, "term"], int(words.result.loc[0, "count"])
    ('peasantry', 51)
    """

    def __init__(
        self,
        filter: str = "",
        *,
        chapter: ChapterLike | None = None,
        section: int | None = None,
        sort: str = "count",
        min_count: int = 1,
        stopwords: bool = False,
        include_quotations: bool = True,
    ) -> None:
        check_choice("sort", sort, [value for _, value in SORT_OPTIONS])
        if min_count < 1:
            raise ValueError(f"min_count must be at least 1, not {min_count}.")
        chapter_number = resolve_optional_chapter(chapter)
        options = SearchOptions(
            chapter=chapter_number,
            section=resolve_section(chapter_number, section),
            include_quotations=include_quotations,
        )
        self._cache: dict[tuple, pd.DataFrame] = {}
        self._search = SearchControls(
            options, FIELDS, analysis=ld.term_frequencies, on_change=self._refresh
        )
        self._filter = widgets.Text(
            value=filter,
            description="Filter",
            placeholder="proletar*, *ism … then Enter",
            continuous_update=False,
            style=LABEL_STYLE,
            layout=widgets.Layout(width="20em"),
        )
        self._sort = widgets.Dropdown(
            options=SORT_OPTIONS, value=sort, description="Sort by", style=LABEL_STYLE
        )
        self._min_count = widgets.BoundedIntText(
            value=min_count,
            min=1,
            max=1000,
            description="Min. count",
            style=LABEL_STYLE,
            layout=widgets.Layout(width="10em"),
        )
        self._stopwords = checkbox("Include stopwords", stopwords)
        self._summary = widgets.HTML()
        self._table = PagedTable(PAGE_SIZE, "terms")
        super().__init__(
            [
                self._search,
                widgets.HBox([self._filter, self._sort, self._min_count, self._stopwords]),
                self._summary,
                self._table,
            ]
        )
        for control in (self._filter, self._sort, self._min_count, self._stopwords):
            control.observe(self._on_option_change, "value")
        self._refresh()

    def _repr_fields(self) -> list[str]:
        return (
            repr_text("filter", self._filter.value.strip())
            + repr_chapter(self._search.options.chapter)
            + [plural(len(self._result), "term")]
        )

    def _on_option_change(self, _change: dict) -> None:
        self._refresh()

    def _words(self) -> pd.DataFrame:
        options = self._search.options
        arguments = options.arguments(ld.term_frequencies)
        key = (options.chapter, options.section, self._stopwords.value, *arguments.items())
        if key not in self._cache:
            self._cache[key] = word_list(
                chapter=options.chapter,
                section=options.section,
                stopwords=self._stopwords.value,
                **arguments,
            )
        return self._cache[key]

    def _refresh(self) -> None:
        words = self._words()
        words = words[words["count"] >= self._min_count.value]
        pattern = self._filter.value.strip().lower()
        if pattern:
            if not any(ch in pattern for ch in "*?["):
                pattern = f"*{pattern}*"
            words = words[[fnmatch.fnmatchcase(t, pattern) for t in words["term"]]]
        sort = self._sort.value
        ascending = sort in ("term", "dp")
        self._result = words.sort_values(
            [sort, "rank"], ascending=[ascending, True], ignore_index=True
        )
        if self._result.empty:
            self._summary.value = view(message("No term matches these options.", "warning"))
        else:
            self._summary.value = view(f"<b>{plural(len(self._result), 'term')}</b>")
        self._table.show(
            self._result,
            {
                "rank": "rank",
                "term": "term",
                "count": "count",
                "per_10k": "per 10k",
                "range": "range",
                "dp": "DP",
            },
            formats={"per_10k": lambda v: number(v, 2), "dp": lambda v: number(v, 2)},
            note=explain("per_10k", "range", "dp"),
        )
