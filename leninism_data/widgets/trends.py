"""Trends: how often terms occur across the chapters or sections, and where they fall."""

from __future__ import annotations

from collections.abc import Iterable

import ipywidgets as widgets
import pandas as pd

import leninism_data as ld
from leninism_data.analysis.frequencies import Dispersion
from leninism_data.corpus.arguments import check_texts
from leninism_data.widgets._base import LABEL_STYLE, StudyWidget, check_choice
from leninism_data.widgets._html import explanation, message, number, table, view
from leninism_data.widgets._measures import explain
from leninism_data.widgets._search_options import (
    SearchControls,
    SearchOptions,
    widget_message,
)
from leninism_data.widgets.charts import STYLE as CHART_STYLE
from leninism_data.widgets.charts import Chart, dispersion_chart, line_chart

MAX_TERMS = 8
BY_OPTIONS = [("Chapters", "chapter"), ("Sections", "section")]
MEASURE_OPTIONS = [("per 10,000 words", True), ("raw count", False)]
FIELDS = ["query", "lemma", "include_quotations", "include_citations"]
CHAPTER_TICKS = ["Intro", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]


def parse_terms(terms: str | Iterable[str]) -> list[str]:
    """The terms of a comma-separated string (or of a list), stripped, without repeats.

    >>> parse_terms("proletariat, peasantry,, proletariat ")
    ['proletariat', 'peasantry']
    """
    items = terms.split(",") if isinstance(terms, str) else list(terms)
    return list(dict.fromkeys(item.strip() for item in items if item.strip()))


def part_names(by: str) -> pd.DataFrame:
    """Each part's full name (for hover), tick label and table label, in book order.

    >>> part_names("chapter").loc[4, ["name", "tick", "label"]].tolist()
    ['Chapter IV', 'IV', 'IV']
    >>> part_names("section").loc[4, ["name", "tick", "label"]].tolist()
    ['III.1 The importance of theory', '', 'III.1']
    """
    sections = ld.sections()
    if by == "chapter":
        parts = ld.chapters()[["chapter"]].assign(section=0)
        parts["name"] = [
            "Introduction" if c == 0 else f"Chapter {CHAPTER_TICKS[c]}" for c in parts["chapter"]
        ]
        parts["tick"] = CHAPTER_TICKS
        parts["label"] = [str(label) for label in ld.chapters()["label"]]
        return parts.reset_index(drop=True)
    parts = sections[["chapter", "section"]].copy()
    parts["name"] = [
        f"{row.label} {row.title}" if row.title else str(row.label)
        for row in sections.itertuples()
    ]
    first = ~sections["chapter"].duplicated()
    parts["tick"] = [CHAPTER_TICKS[c] if f else "" for c, f in zip(sections["chapter"], first)]
    parts["label"] = sections["label"].astype(str)
    return parts.reset_index(drop=True)


class Trends(StudyWidget):
    """Frequency of one or several terms across chapters or sections, and where they fall.

    A line chart shows each term per 10,000 words (or as a raw count) part by part; a
    dispersion strip below marks every occurrence at its place in the book, as AntConc's
    concordance plot does. Hover a point or a tick to read its value, chapter or
    paragraph. Tables give the same numbers, with Gries' DP (0 = spread in proportion to
    the chapters' lengths, 1 = all in one place). Charts are SVG drawn in the theme's
    colours (:mod:`leninism_data.widgets.charts`). Type terms separated by commas and
    press Enter.

    Parameters
    ----------
    terms : str or iterable of str
        Words, wildcards (``proletar*``) or phrases; a string is split at commas.
    by : {"chapter", "section"}
    relative : bool, default True
        Plot per 10,000 words rather than raw counts.
    include_quotations : bool, default True
        False leaves out the words of block quotations.

    Attributes
    ----------
    result : pandas.DataFrame
        :func:`leninism_data.term_frequencies` for the terms: one row per term per part.
    chart, strip : Chart or None
        The line chart and the dispersion strip shown.

    Examples
    --------
    >>> trends = Trends("proletariat, peasantry")
    >>> trends
    Trends(terms='proletariat, peasantry', by='chapter', per 10k)
    >>> trends.result.query("chapter == 5")[["term", "count"]].values.tolist()
    [['proletariat', 46], ['peasantry', 51]]
    >>> trends.chart
    Chart(line, 'per 10,000 words by chapter', 2 series × 10 points)
    """

    def __init__(
        self,
        terms: str | Iterable[str] = ("proletariat", "peasantry"),
        *,
        by: str = "chapter",
        relative: bool = True,
        include_quotations: bool = True,
    ) -> None:
        check_texts("terms", terms, allow_empty=True)  # none typed yet: a hint, not an error
        check_choice("by", by, [value for _, value in BY_OPTIONS])
        self._chapters = ld.chapters()
        self._parts = {value: part_names(value) for _, value in BY_OPTIONS}
        self._dispersions: dict[tuple[str, bool], Dispersion] = {}  # (term, quotations)
        self.chart: Chart | None = None
        self.strip: Chart | None = None
        self._search = SearchControls(
            SearchOptions(", ".join(parse_terms(terms)), include_quotations=include_quotations),
            FIELDS,
            analysis=ld.term_frequencies,
            on_change=self._refresh,
            query_label="Terms",
            placeholder="comma-separated: proletariat, peasant*",
        )
        self._by = widgets.ToggleButtons(
            options=BY_OPTIONS, value=by, description="Across", style=LABEL_STYLE
        )
        self._relative = widgets.ToggleButtons(
            options=MEASURE_OPTIONS, value=relative, description="Count", style=LABEL_STYLE
        )
        self._notes = widgets.HTML()
        self._plot = widgets.HTML()
        self._table = widgets.HTML()
        super().__init__(
            [
                self._search,
                widgets.HBox([self._by, self._relative]),
                self._notes,
                self._plot,
                self._table,
            ]
        )
        self._by.observe(self._on_by_change, "value")
        self._relative.observe(self._on_relative_change, "value")
        self._refresh()

    def _repr_fields(self) -> list[str]:
        terms = ", ".join(parse_terms(self._search.options.query))
        measure = "per 10k" if self._relative.value else "raw counts"
        return [f"terms={terms!r}", f"by={self._by.value!r}", measure]

    def _on_by_change(self, _change: dict) -> None:
        self._refresh()

    def _on_relative_change(self, _change: dict) -> None:
        if not self._result.empty:
            self._render()

    def _refresh(self) -> None:
        options = self._search.options
        terms = parse_terms(options.query)
        problem = None
        if not terms:
            problem = "Type one or more terms, separated by commas (e.g. proletariat, peasantry)."
        elif len(terms) > MAX_TERMS:
            problem = f"Compare at most {MAX_TERMS} terms at a time (you typed {len(terms)})."
        else:
            quotations = options.include_quotations
            try:
                self._result = ld.term_frequencies(
                    terms, by=self._by.value, **options.arguments(ld.term_frequencies)
                )
                kept = {
                    term: found
                    for (term, with_quotations), found in self._dispersions.items()
                    if with_quotations == quotations
                }
                self._dispersions = {  # in the order typed; only new terms are computed
                    (term, quotations): kept[term]
                    if term in kept
                    else ld.dispersion(term, **options.arguments(ld.dispersion))
                    for term in terms
                }
            except ValueError as error:
                problem = widget_message(error)
        if problem is None:
            self._render()
            return
        self._result = pd.DataFrame(columns=["chapter", "term", "count", "n_words", "per_10k"])
        self.chart = self.strip = None
        self._notes.value = view(message(problem, "warning"))
        self._plot.value = self._table.value = ""

    def _terms(self) -> list[str]:
        return [term for term, _ in self._dispersions]

    def _dispersion(self, term: str) -> Dispersion:
        return self._dispersions[term, self._search.options.include_quotations]

    def _measure(self) -> str:
        return "per_10k" if self._relative.value else "count"

    def _render(self) -> None:
        terms = self._terms()
        totals = self._result.groupby("term", sort=False)["count"].sum()
        absent = [term for term in terms if totals[term] == 0]
        notes = []
        if absent:
            notes.append(
                message(f"Not in the book with these options: {', '.join(absent)}.", "warning")
            )
        self._notes.value = view(*notes) if notes else ""
        self.chart = self._line_chart()
        self.strip = self._strip(terms)
        self._plot.value = CHART_STYLE + self.chart.svg
        self._table.value = view(
            '<div class="ld-heading">Where each occurrence falls in the book</div>',
            self.strip.svg,
            explanation("Each tick is one occurrence; hover it for its paragraph and page."),
            self._frequency_tables(terms),
        )

    def _line_chart(self) -> Chart:
        by = self._by.value
        parts = self._parts[by]
        keys = ["chapter", "section"] if by == "section" else ["chapter"]
        frame = self._result.merge(parts, on=keys, how="left", sort=False)
        frame[self._measure()] = frame[self._measure()].astype(float).round(1)
        bands = []
        if by == "section":
            starts = parts.index[parts["tick"] != ""].tolist() + [len(parts)]
            bands = [(a, b) for a, b in zip(starts[1::2], starts[2::2])]
        y_label = "per 10,000 words" if self._relative.value else "count"
        return line_chart(
            frame,
            "name",
            self._measure(),
            "term",
            title=f"{y_label} by {by}",
            y_label=y_label,
            ticks="tick",
            bands=bands,
        )

    def _strip(self, terms: list[str]) -> Chart:
        starts = self._chapters["n_words"].cumsum().shift(fill_value=0)
        # the Introduction is too short to hold its label beside Chapter I's
        boundaries = list(zip(starts / self._chapters["n_words"].sum(), ["", *CHAPTER_TICKS[1:]]))
        hits = pd.concat(
            [
                self._dispersion(term).hits.assign(term=term)[
                    ["term", "position", "paragraph_id", "page"]
                ]
                for term in terms
            ],
            ignore_index=True,
        )
        return dispersion_chart(
            hits, boundaries, title="Where each occurrence falls in the book", rows=terms
        )

    def _frequency_tables(self, terms: list[str]) -> str:
        rows = []
        for term, frame in self._result.groupby("term", sort=False):
            count, words = int(frame["count"].sum()), int(frame["n_words"].sum())
            dp = self._dispersion(str(term)).dp
            rows.append(
                {
                    "term": term,
                    "count": count,
                    "per_10k": count * 10_000 / words,
                    "dp": None if pd.isna(dp) else round(dp, 2),
                }
            )
        summary = table(
            pd.DataFrame(rows),
            {"term": "term", "count": "in the book", "per_10k": "per 10k", "dp": "DP"},
            formats={"per_10k": number, "dp": lambda v: number(v, 2)},
        )
        by = self._by.value
        parts = self._parts[by]
        keys = ["chapter", "section"] if by == "section" else ["chapter"]
        wide = self._result.pivot(index=keys, columns="term", values=self._measure())
        wide = wide.reindex(columns=terms)
        wide = parts.merge(wide.reset_index(), on=keys, how="left")
        caption = "per 10,000 words" if self._relative.value else "occurrences"
        by_part = table(
            wide,
            {"label": by, **{term: term for term in terms}},
            formats={term: number for term in terms},
        )
        return (
            summary
            + explanation(explain("per_10k", "dp"))
            + f'<div class="ld-heading">{caption} by {by}</div>'
            + f'<div style="max-height:24em;overflow:auto" tabindex="0">{by_part}</div>'
        )
