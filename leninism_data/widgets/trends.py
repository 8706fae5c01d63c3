"""Trends: how often terms occur across the chapters or sections, and where they fall."""

from __future__ import annotations

import io
from collections.abc import Iterable

import ipywidgets as widgets
import pandas as pd
from IPython.display import Image
from matplotlib import colormaps
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

import leninism_data as ld
from leninism_data.analysis.frequencies import Dispersion
from leninism_data.corpus.arguments import check_texts
from leninism_data.corpus.naming import chapter_label
from leninism_data.widgets._base import LABEL_STYLE, StudyWidget, check_choice, checkbox
from leninism_data.widgets._html import escape, message, number, plural, position_bar, table, view

MAX_TERMS = 8
COLOURS = colormaps["tab10"].colors
BY_OPTIONS = [("Chapters", "chapter"), ("Sections", "section")]
MEASURE_OPTIONS = [("per 10,000 words", True), ("raw count", False)]
FIGURE_DPI = 80
CHAPTER_TICKS = ["Intro", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]


def parse_terms(terms: str | Iterable[str]) -> list[str]:
    """The terms of a comma-separated string (or of a list), stripped, without repeats.

    >>> parse_terms("proletariat, peasantry,, proletariat ")
    ['proletariat', 'peasantry']
    """
    items = terms.split(",") if isinstance(terms, str) else list(terms)
    return list(dict.fromkeys(item.strip() for item in items if item.strip()))


class Trends(StudyWidget):
    """Frequency of one or several terms across chapters or sections, with a dispersion strip.

    The line plot shows each term per 10,000 words (or as a raw count) part by part; the
    strip below it marks every occurrence at its place in the book, as AntConc's
    concordance plot does, with Gries' DP in the legend (0 = spread evenly, 1 = all in one
    chapter). A table gives the same numbers. Type terms separated by commas; the box
    updates when you press Enter or leave it (``continuous_update=False``).

    Figures are drawn with matplotlib's object-oriented API on figures the widget owns
    (``matplotlib.figure.Figure``, rendered by Agg to PNG, never registered with pyplot),
    so they do not depend on the notebook's backend and no figure is left open.

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

    Examples
    --------
    >>> trends = Trends("proletariat, peasantry")
    >>> trends
    Trends(terms='proletariat, peasantry', by='chapter', per 10k)
    >>> trends.result.query("chapter == 5")[["term", "count"]].values.tolist()
    [['proletariat', 46], ['peasantry', 51]]
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
        self._sections = ld.sections()
        self._figure = self._new_figure()
        self._ticks_by = ""
        self._dispersions: dict[tuple[str, bool], Dispersion] = {}  # (term, quotations)
        self._terms = widgets.Text(
            value=", ".join(parse_terms(terms)),
            description="Terms",
            placeholder="comma-separated: proletariat, peasant*",
            continuous_update=False,
            style=LABEL_STYLE,
            layout=widgets.Layout(width="30em"),
        )
        self._by = widgets.ToggleButtons(
            options=BY_OPTIONS, value=by, description="Across", style=LABEL_STYLE
        )
        self._relative = widgets.ToggleButtons(
            options=MEASURE_OPTIONS, value=relative, description="Count", style=LABEL_STYLE
        )
        self._include_quotations = checkbox("Include quotations", include_quotations)
        self._notes = widgets.HTML()
        self._plot = widgets.Output()
        self._table = widgets.HTML(layout=widgets.Layout(overflow="auto"))
        super().__init__(
            [
                widgets.HBox([self._terms, self._include_quotations]),
                widgets.HBox([self._by, self._relative]),
                self._notes,
                self._plot,
                self._table,
            ]
        )
        self._terms.observe(self._on_terms_change, "value")
        self._include_quotations.observe(self._on_terms_change, "value")
        self._by.observe(self._on_by_change, "value")
        self._relative.observe(self._on_relative_change, "value")
        self._refresh()

    def _repr_fields(self) -> list[str]:
        terms = ", ".join(parse_terms(self._terms.value))
        measure = "per 10k" if self._relative.value else "raw counts"
        return [f"terms={terms!r}", f"by={self._by.value!r}", measure]

    def _on_terms_change(self, _change: dict) -> None:
        self._refresh()

    def _on_by_change(self, _change: dict) -> None:
        self._refresh()

    def _on_relative_change(self, _change: dict) -> None:
        if not self._result.empty:
            self._render()

    def _refresh(self) -> None:
        terms = parse_terms(self._terms.value)
        problem = None
        if not terms:
            problem = "Type one or more terms, separated by commas (e.g. proletariat, peasantry)."
        elif len(terms) > MAX_TERMS:
            problem = f"Compare at most {MAX_TERMS} terms at a time (you typed {len(terms)})."
        else:
            quotations = self._include_quotations.value
            try:
                self._result = ld.term_frequencies(
                    terms, by=self._by.value, include_quotations=quotations
                )
                kept = {
                    term: found
                    for (term, with_quotations), found in self._dispersions.items()
                    if with_quotations == quotations
                }
                self._dispersions = {  # in the order typed; only new terms are computed
                    (term, quotations): kept[term]
                    if term in kept
                    else ld.dispersion(term, include_quotations=quotations)
                    for term in terms
                }
            except ValueError as error:
                problem = str(error)
        if problem is None:
            self._render()
            return
        self._result = pd.DataFrame(columns=["chapter", "term", "count", "n_words", "per_10k"])
        self._notes.value = view(message(problem, "warning"))
        self._plot.outputs = ()
        self._table.value = ""

    def _render(self) -> None:
        terms = [term for term, _ in self._dispersions]
        totals = self._result.groupby("term", sort=False)["count"].sum()
        absent = [term for term in terms if totals[term] == 0]
        notes = []
        if absent:
            notes.append(
                message(f"Not in the book with these options: {', '.join(absent)}.", "warning")
            )
        self._notes.value = view(self._key(terms), *notes)
        self._plot.outputs = ()
        self._plot.append_display_data(Image(data=self._draw(terms), format="png"))
        self._table.value = view(self._frequency_table(terms), self._strip(terms))

    @staticmethod
    def _key(terms: list[str]) -> str:
        """The plot's legend, in HTML (a legend drawn by matplotlib costs a third of the
        plot's drawing time)."""
        entries = [
            f'<span style="color:{to_hex(COLOURS[index % len(COLOURS)])}">●</span> {escape(term)}'
            for index, term in enumerate(terms)
        ]
        return f"<div>{' &nbsp; '.join(entries)}</div>"

    def _dispersion(self, term: str) -> Dispersion:
        return self._dispersions[term, self._include_quotations.value]

    def _measure(self) -> str:
        return "per_10k" if self._relative.value else "count"

    def _frequency_table(self, terms: list[str]) -> str:
        if self._by.value == "chapter":
            parts = [chapter_label(c) for c in self._chapters["chapter"]]
        else:
            parts = [
                f"{chapter_label(row.chapter)}.{row.section}"
                for row in self._sections.itertuples()
            ]
        rows = []
        for term, frame in self._result.groupby("term", sort=False):
            count, words = frame["count"].sum(), frame["n_words"].sum()
            in_book = count * 10_000 / words if self._relative.value else count
            dp = self._dispersion(term).dp
            rows.append(
                [
                    term,
                    in_book,
                    "" if pd.isna(dp) else round(dp, 2),
                    *frame[self._measure()].tolist(),
                ]
            )
        wide = pd.DataFrame(rows, columns=["term", "book", "DP", *parts])
        caption = "per 10,000 words" if self._relative.value else "occurrences"
        return (
            f'<div class="ld-muted">{caption} in the whole book and by '
            f"{escape(self._by.value)}; DP: Gries' dispersion, 0 = spread evenly over "
            f"the chapters, 1 = all in one</div>"
            + table(
                wide,
                {name: name for name in wide.columns},
                formats={name: number for name in ["book", *parts]},
            )
        )

    def _strip(self, terms: list[str]) -> str:
        starts = self._chapters["n_words"].cumsum().shift(fill_value=0)
        # the Introduction is too short to hold its label beside Chapter I's
        boundaries = list(zip(starts / self._chapters["n_words"].sum(), ["", *CHAPTER_TICKS[1:]]))
        unlabelled = [(start, "") for start, _ in boundaries]
        rows = []
        for term in terms:
            hits = self._dispersion(term).hits
            rows.append(
                f'<div class="ld-muted">{escape(term)} · {plural(len(hits), "hit")}'
                "</div>"
                + position_bar(hits["position"], boundaries if term == terms[-1] else unlabelled)
            )
        return '<div class="ld-heading">Where each occurrence falls in the book</div>' + "".join(
            rows
        )

    @staticmethod
    def _new_figure() -> Figure:
        figure = Figure(figsize=(7.5, 2.6), dpi=FIGURE_DPI, facecolor="white")
        figure.subplots_adjust(left=0.09, right=0.98, top=0.96, bottom=0.1)
        axes = figure.add_subplot()
        axes.yaxis.set_major_locator(MaxNLocator(4))
        axes.grid(axis="y", alpha=0.3)
        return figure

    def _draw(self, terms: list[str]) -> bytes:
        axes = self._figure.axes[0]
        for line in list(axes.lines):
            line.remove()
        for index, term in enumerate(terms):
            rows = self._result[self._result["term"] == term]
            axes.plot(
                range(len(rows)),
                rows[self._measure()].to_numpy(),
                marker="o",
                markersize=3,
                color=COLOURS[index % len(COLOURS)],
                label=term,
            )
        if self._by.value != self._ticks_by:  # new ticks cost a few ms: only when needed
            if self._by.value == "chapter":
                ticks = list(range(len(self._chapters)))
            else:  # each chapter's first section
                ticks = self._sections.drop_duplicates("chapter").index.tolist()
            axes.set_xticks(ticks, CHAPTER_TICKS)
            self._ticks_by = self._by.value
        axes.set_ylabel("per 10,000 words" if self._relative.value else "count")
        axes.relim()
        axes.autoscale_view()
        axes.set_ylim(bottom=0)
        buffer = io.BytesIO()
        self._figure.savefig(buffer, format="png", pil_kwargs={"compress_level": 1})
        return buffer.getvalue()
