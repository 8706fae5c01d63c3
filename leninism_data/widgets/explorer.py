"""Explorer: filter and search the paragraphs of the book, one page of results at a time."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

import leninism_data as ld
from leninism_data.corpus.book import book
from leninism_data.corpus.naming import ChapterLike
from leninism_data.widgets._base import (
    ALL,
    KINDS,
    LABEL_STYLE,
    Pager,
    StudyWidget,
    chapter_options,
    check_choice,
    checkbox,
    chosen,
    option_value,
    repr_chapter,
    repr_text,
    resolve_optional_chapter,
    resolve_section,
    section_options,
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
KIND_OPTIONS = [
    ("All kinds", ALL),
    ("Prose", "prose"),
    ("Quotation", "quotation"),
    ("List item", "list_item"),
    ("Front matter", "front_matter"),
]


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
        include_quotations: bool = True,
        page_size: int = 10,
    ) -> None:
        chapter_number = resolve_optional_chapter(chapter)
        section = resolve_section(chapter_number, section)
        if kind is not None:
            check_choice("kind", kind, KINDS)
        first_page, last_page = int(ld.pages()["page"].min()), int(ld.pages()["page"].max())
        pages = self._check_pages(pages, first_page, last_page)
        if page_size < 1:
            raise ValueError(f"page_size must be at least 1, not {page_size}.")
        self._table = ld.paragraphs()
        self._footnote_texts = dict(zip(ld.footnotes()["footnote"], ld.footnotes()["text"]))
        self._full_range = (first_page, last_page)

        self._query = widgets.Text(
            value=query,
            description="Search",
            placeholder="a word, a phrase, proletar* or a regex",
            continuous_update=False,
            style=LABEL_STYLE,
            layout=widgets.Layout(width="28em"),
        )
        self._whole_word = checkbox("Whole words", whole_word)
        self._regex = checkbox("Regular expression", regex)
        self._case = checkbox("Match case", case)
        self._chapter = widgets.Dropdown(
            options=chapter_options("All chapters"),
            value=option_value(chapter_number),
            description="Chapter",
            style=LABEL_STYLE,
        )
        self._section = widgets.Dropdown(
            options=section_options(chapter_number, "All sections"),
            value=option_value(section),
            description="Section",
            style=LABEL_STYLE,
        )
        self._kind = widgets.Dropdown(
            options=KIND_OPTIONS, value=option_value(kind), description="Kind", style=LABEL_STYLE
        )
        self._pages = widgets.IntRangeSlider(
            value=pages,
            min=first_page,
            max=last_page,
            description="Pages",
            continuous_update=False,
            style=LABEL_STYLE,
        )
        self._include_quotations = checkbox("Include quotations", include_quotations)
        self._count = widgets.HTML()
        self._pager = Pager(page_size, "paragraphs", on_page=self._render_page)
        self._paragraphs = widgets.HTML(
            layout=widgets.Layout(max_height="40em", overflow="auto"), tabbable=True
        )
        super().__init__(
            [
                widgets.HBox([self._query, self._whole_word, self._regex, self._case]),
                widgets.HBox([self._chapter, self._section, self._kind]),
                widgets.HBox([self._pages, self._include_quotations]),
                self._count,
                self._pager,
                self._paragraphs,
            ]
        )
        self._update_section_control()
        self._query.observe(self._on_filter_change, "value")
        for control in (
            self._whole_word,
            self._regex,
            self._case,
            self._section,
            self._kind,
            self._pages,
            self._include_quotations,
        ):
            control.observe(self._on_filter_change, "value")
        self._chapter.observe(self._on_chapter_change, "value")
        self._refresh()

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
        fields = repr_text("query", self._query.value) + repr_chapter(chosen(self._chapter))
        if chosen(self._section) is not None:
            fields.append(f"section={self._section.value}")
        if chosen(self._kind) is not None:
            fields.append(f"kind={self._kind.value!r}")
        if tuple(self._pages.value) != self._full_range:
            fields.append(f"pages={tuple(self._pages.value)!r}")
        return fields + [plural(len(self._result), "paragraph")]

    def _on_filter_change(self, _change: dict) -> None:
        if not self._is_quiet:
            self._refresh()

    def _on_chapter_change(self, _change: dict) -> None:
        with self._quietly():
            self._section.options = section_options(chosen(self._chapter), "All sections")
            self._section.value = ALL
            self._update_section_control()
        self._refresh()

    def _update_section_control(self) -> None:
        self._section.disabled = len(self._section.options) < 2

    def _refresh(self) -> None:
        query = self._query.value.strip()
        try:
            found = self._search(query) if query else self._browse()
        except ValueError as error:  # QueryError and QueryTimeout are ValueErrors too
            self._result = pd.DataFrame(columns=COLUMNS)
            self._count.value = view(message(str(error), "warning"))
            self._pager.reset(0)
            self._paragraphs.value = ""
            return
        low, high = self._pages.value
        if (low, high) != self._full_range:
            found = found[(found["page"] <= high) & (found["page_end"] >= low)]
        self._result = found.reset_index(drop=True)
        self._count.value = view(self._summary(query))
        self._pager.reset(len(self._result))
        self._render_page()

    def _filters(self) -> dict:
        return {
            "chapter": chosen(self._chapter),
            "section": chosen(self._section),
            "kind": chosen(self._kind),
            "include_quotations": self._include_quotations.value,
        }

    def _search(self, query: str) -> pd.DataFrame:
        hits = ld.search(
            query,
            regex=self._regex.value,
            whole_word=self._whole_word.value,
            case=self._case.value,
            **self._filters(),
        )
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
        paragraph = book().paragraph_by_id[row.paragraph_id]
        inserts = [
            (offset, f'<sup class="ld-fn">{number}</sup>') for offset, number in paragraph.markers
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
