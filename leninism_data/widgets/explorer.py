"""Explorer: filter and search the paragraphs of the book, one page of results at a time."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd
import traitlets

import leninism_data as ld
from leninism_data.corpus.naming import ChapterLike
from leninism_data.tables.build import KINDS
from leninism_data.widgets._base import (
    ALL,
    LABEL_STYLE,
    Pager,
    StudyWidget,
    check_choice,
    chosen,
    option_value,
    repr_chapter,
    repr_text,
    resolve_optional_chapter,
    resolve_section,
)
from leninism_data.widgets._html import (
    escape,
    mark_up,
    message,
    pages_label,
    plural,
    span_marks,
    view,
)
from leninism_data.widgets._search_options import (
    SearchControls,
    SearchOptions,
    widget_message,
)

COLUMNS = [
    "paragraph_id",
    "chapter",
    "section",
    "kind",
    "page",
    "page_end",
    "n_matches",
    "spans",
    "footnotes",
    "text",
]
FIELDS = [
    "query",
    "chapter",
    "section",
    "whole_word",
    "case",
    "lemma",
    "regex",
    "include_quotations",
    "include_citations",
]
KIND_OPTIONS = [
    ("All kinds", ALL),
    ("Prose", "prose"),
    ("Quotation", "quotation"),
    ("List item", "list_item"),
    ("Front matter", "front_matter"),
]


class PageRange(widgets.HBox):
    """Two labelled number boxes, "Pages from" and "to", kept within ``min``–``max``.

    (A range slider's handles have no accessible name in ipywidgets 8, and typing a page
    is quicker than dragging to it.) ``value`` is the ``(first, last)`` pair; observe it
    like any widget value.

    >>> pages = PageRange((30, 40), 1, 103)
    >>> pages.value, (pages.min, pages.max)
    ((30, 40), (1, 103))
    >>> pages.set_bounds(47, 59); pages.value
    (47, 59)
    """

    value = traitlets.Tuple(traitlets.Int(), traitlets.Int())
    description = "Pages"

    def __init__(self, value: tuple[int, int], low: int, high: int) -> None:
        self._first = widgets.BoundedIntText(
            value=value[0],
            min=low,
            max=high,
            description="Pages from",
            style=LABEL_STYLE,
            layout=widgets.Layout(width="11em"),
        )
        self._last = widgets.BoundedIntText(
            value=value[1],
            min=low,
            max=high,
            description="to",
            style=LABEL_STYLE,
            layout=widgets.Layout(width="7em"),
        )
        super().__init__([self._first, self._last])
        self.value = (int(value[0]), int(value[1]))
        for box in (self._first, self._last):
            box.observe(self._on_box_change, "value")
        self.observe(self._on_value_change, "value")

    @property
    def min(self) -> int:
        return int(self._first.min)

    @property
    def max(self) -> int:
        return int(self._first.max)

    def set_bounds(self, low: int, high: int) -> None:
        """Allow pages ``low``–``high`` and choose them all."""
        for box in (self._first, self._last):
            box.max = max(high, box.min)
            box.min = low
            box.max = high
        self.value = (low, high)

    def _on_box_change(self, _change: dict) -> None:
        first, last = int(self._first.value), int(self._last.value)
        self.value = (min(first, last), max(first, last))

    def _on_value_change(self, change: dict) -> None:
        first, last = change["new"]
        self._first.value, self._last.value = first, last


class Explorer(StudyWidget):
    """Filter the paragraphs by chapter, section, kind and pages, and search their text.

    Matching paragraphs are shown a page at a time with their id, printed pages,
    highlighted hits and footnotes. The search box updates when you press Enter or leave
    it (``continuous_update=False``).

    Parameters
    ----------
    query : str, default ""
        A word, phrase, wildcard (``proletar*``) or regular expression (``regex=True``);
        empty lists every paragraph that passes the filters.
    chapter : int or str, optional
        ``4``, ``"IV"`` or ``"Introduction"``.
    section : int, optional
        A section of ``chapter`` (0 = its text before section 1).
    kind : {"prose", "quotation", "list_item", "front_matter"}, optional
    pages : (int, int), optional
        First and last printed page; paragraphs that overlap the range are kept.
    regex, whole_word, case : bool
        How to read the query, as in :func:`leninism_data.search`.
    lemma : bool, default False
        Find every form of a single word (``soviet`` finds *soviets*).
    include_quotations : bool, default True
        False leaves out block quotations (and matches inside them).
    page_size : int, default 10
        Paragraphs per page of results.

    Attributes
    ----------
    result : pandas.DataFrame
        The matching paragraphs: ``paragraph_id``, ``chapter``, ``section``, ``kind``,
        ``page``, ``page_end``, ``n_matches``, ``spans`` (offsets of the hits in
        ``text``), ``footnotes`` and ``text``.

    Examples
    --------
    >>> explorer = Explorer(query="masses", chapter="VIII")
    >>> explorer
    Explorer(query='masses', chapter='VIII', 8 paragraphs)
    >>> explorer.result["paragraph_id"].iloc[0]
    'VIII.7'
    """

    def __init__(
        self,
        query: str = "",
        *,
        chapter: ChapterLike | None = None,
        section: int | None = None,
        kind: str | None = None,
        pages: tuple[int, int] | None = None,
        regex: bool = False,
        whole_word: bool = True,
        case: bool = False,
        lemma: bool = False,
        include_quotations: bool = True,
        page_size: int = 10,
    ) -> None:
        chapter_number = resolve_optional_chapter(chapter)
        section = resolve_section(chapter_number, section)
        if kind is not None:
            check_choice("kind", kind, KINDS)
        self._book_range = int(ld.pages()["page"].min()), int(ld.pages()["page"].max())
        self._chapter_ranges = {
            int(row.chapter): (int(row.first_page), int(row.last_page))
            for row in ld.chapters().itertuples()
        }
        self._chapter_shown = chapter_number
        pages = self._check_pages(pages, *self._page_range())
        if page_size < 1:
            raise ValueError(f"page_size must be at least 1, not {page_size}.")
        self._table = ld.paragraphs()
        self._markers = dict(zip(self._table["paragraph_id"], self._table["footnote_markers"]))
        self._footnote_texts = dict(zip(ld.footnotes()["footnote"], ld.footnotes()["text"]))
        options = SearchOptions(
            query,
            whole_word=whole_word,
            case=case,
            lemma=lemma,
            regex=regex,
            chapter=chapter_number,
            section=section,
            include_quotations=include_quotations,
        )
        self._search_controls = SearchControls(
            options, FIELDS, analysis=ld.search, on_change=self._on_search_change
        )
        self._kind = widgets.Dropdown(
            options=KIND_OPTIONS, value=option_value(kind), description="Kind", style=LABEL_STYLE
        )
        low, high = self._page_range()
        self._pages = PageRange(pages, low, high)
        self._count = widgets.HTML()
        self._pager = Pager(page_size, "paragraphs", on_page=self._render_page)
        self._paragraphs = widgets.HTML(
            layout=widgets.Layout(max_height="40em", overflow="auto"), tabbable=True
        )
        super().__init__(
            [
                self._search_controls,
                widgets.HBox([self._kind, self._pages]),
                self._count,
                self._pager,
                self._paragraphs,
            ]
        )
        for control in (self._kind, self._pages):
            control.observe(self._on_filter_change, "value")
        self._refresh()

    @property
    def options(self) -> SearchOptions:
        """The search options the controls show."""
        return self._search_controls.options

    def _page_range(self) -> tuple[int, int]:
        """The printed pages of the chosen chapter (of the book if none)."""
        chapter = self._chapter_shown
        return self._book_range if chapter is None else self._chapter_ranges[chapter]

    @staticmethod
    def _check_pages(pages: tuple[int, int] | None, first: int, last: int) -> tuple[int, int]:
        if pages is None:
            return first, last
        low, high = (int(page) for page in pages)
        if not first <= low <= high <= last:
            raise ValueError(
                f"pages must be (first, last) with {first} ≤ first ≤ last ≤ "
                f"{last}, not {tuple(pages)!r}."
            )
        return low, high

    def _repr_fields(self) -> list[str]:
        options = self.options
        fields = repr_text("query", options.query) + repr_chapter(options.chapter)
        if options.section is not None:
            fields.append(f"section={options.section}")
        if chosen(self._kind) is not None:
            fields.append(f"kind={self._kind.value!r}")
        if tuple(self._pages.value) != self._page_range():
            fields.append(f"pages={tuple(self._pages.value)!r}")
        return fields + [plural(len(self._result), "paragraph")]

    def _on_filter_change(self, _change: dict) -> None:
        if not self._is_quiet:
            self._refresh()

    def _on_search_change(self) -> None:
        chapter = self.options.chapter
        if chapter != self._chapter_shown:  # the Pages slider follows the chapter
            self._chapter_shown = chapter
            low, high = self._page_range()
            with self._quietly():
                self._pages.set_bounds(low, high)
        self._refresh()

    def _refresh(self) -> None:
        query = self.options.query
        try:
            found = self._search(query) if query else self._browse()
        except ValueError as error:  # QueryError and QueryTimeout are ValueErrors too
            self._result = pd.DataFrame(columns=COLUMNS)
            self._count.value = view(message(widget_message(error), "warning"))
            self._pager.reset(0)
            self._paragraphs.value = ""
            return
        low, high = self._pages.value
        if (low, high) != self._book_range:
            found = found[(found["page"] <= high) & (found["page_end"] >= low)]
        self._result = found.reset_index(drop=True)
        self._count.value = view(self._summary(query))
        self._pager.reset(len(self._result))
        self._render_page()

    def _filters(self) -> dict:
        options = self.options
        return {
            "chapter": options.chapter,
            "section": options.section,
            "kind": chosen(self._kind),
            "include_quotations": options.include_quotations,
        }

    def _search(self, _query: str) -> pd.DataFrame:
        hits = self.options.call(ld.search, kind=chosen(self._kind))
        extra = self._table[["paragraph_id", "page_end", "footnotes"]]
        return hits.merge(extra, on="paragraph_id", how="left")[COLUMNS]

    def _browse(self) -> pd.DataFrame:
        filters = self._filters()
        table = self._table
        keep = pd.Series(True, index=table.index)
        if filters["chapter"] is not None:
            keep &= table["chapter"] == filters["chapter"]
        if filters["section"] is not None:
            keep &= table["section"] == filters["section"]
        if filters["kind"] is not None:
            keep &= table["kind"] == filters["kind"]
        if not filters["include_quotations"]:
            keep &= table["kind"] != "quotation"
        found = table[keep].copy()
        found["n_matches"] = 0
        found["spans"] = [()] * len(found)
        return found[COLUMNS]

    def _summary(self, query: str) -> str:
        n_paragraphs = len(self._result)
        if not query:
            return (
                f"<b>{plural(n_paragraphs, 'paragraph')}</b> "
                f'<span class="ld-muted">— type in the search box to find words in '
                f"them</span>"
            )
        if not n_paragraphs:
            return message(f"No paragraph matches “{query}” with these filters.", "warning")
        n_matches = int(self._result["n_matches"].sum())
        return (
            f"<b>{plural(n_matches, 'match', 'matches')}</b> of “{escape(query)}” in "
            f"<b>{plural(n_paragraphs, 'paragraph')}</b>"
        )

    def _render_page(self) -> None:
        start, stop = self._pager.bounds
        cards = [self._card(row) for row in self._result.iloc[start:stop].itertuples()]
        self._paragraphs.value = view(*cards) if cards else ""

    def _card(self, row) -> str:
        inserts = [
            (offset, f'<sup class="ld-fn">{number}</sup>')
            for offset, number in self._markers[row.paragraph_id]
        ]
        notes = "".join(
            f'<div class="ld-footnote"><sup class="ld-fn">{number}</sup> '
            f"{escape(self._footnote_texts[number])}</div>"
            for number in row.footnotes
        )
        kind = "" if row.kind == "prose" else f"<br>{escape(row.kind.replace('_', ' '))}"
        css = " ld-quotation" if row.kind == "quotation" else ""
        return (
            f'<div class="ld-para{css}"><div class="ld-margin">¶ <b>'
            f"{escape(row.paragraph_id)}</b><br>{pages_label(row.page, row.page_end)}"
            f'{kind}</div><div class="ld-body">'
            f"{mark_up(row.text, span_marks(row.spans), inserts)}{notes}</div></div>"
        )
