"""Concordance: keyword in context, aligned, with the whole paragraph of a chosen line."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

import leninism_data as ld
from leninism_data.corpus.naming import ChapterLike
from leninism_data.widgets._base import (
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
)
from leninism_data.widgets._html import Mark, escape, mark_up, message, plural, view

SORT_OPTIONS = [
    ("Book order", "position"),
    ("Left context", "left"),
    ("Right context", "right"),
    ("Match", "match"),
]
LINES_PER_PAGE = 20
EMPTY_LINES = pd.DataFrame(
    columns=[
        "paragraph_id",
        "footnote",
        "chapter",
        "section",
        "page",
        "left",
        "match",
        "right",
        "start",
        "end",
        "in_quotation",
    ]
)
MAX_WINDOW = 30


class Concordance(StudyWidget):
    """Keyword in context (KWIC): every hit of a query with the words around it.

    Lines are aligned on the hit and shown a page at a time. Choose a line by its number
    to read the whole paragraph, with the hit highlighted and a ready-to-paste reference
    (:func:`leninism_data.cite`). The query box updates when you press Enter or leave it
    (``continuous_update=False``).

    Parameters
    ----------
    query : str, default ""
        A word, phrase, wildcard (``proletar*``) or regular expression (``regex=True``).
    chapter : int or str, optional
        Restrict to one chapter.
    window : int, default 8
        Words of context on each side (1–30).
    sort : {"position", "left", "right", "match"}
        Book order, or alphabetical by the left context, the right context or the hit.
    lemma : bool, default False
        Match every inflected form of a single word (``peasant`` finds *peasants*).
    include_quotations : bool, default True
        False leaves out hits inside block quotations.
    regex : bool, default False
        Read the query as a regular expression.

    Attributes
    ----------
    result : pandas.DataFrame
        The lines, as :func:`leninism_data.kwic` returns them (line n is row n − 1).

    Examples
    --------
    >>> concordance = Concordance("proletariat", chapter="IV")
    >>> concordance
    Concordance(query='proletariat', chapter='IV', 49 lines)
    >>> concordance.result.loc[0, "paragraph_id"]
    'IV.2'
    """

    def __init__(
        self,
        query: str = "",
        *,
        chapter: ChapterLike | None = None,
        window: int = 8,
        sort: str = "position",
        lemma: bool = False,
        include_quotations: bool = True,
        regex: bool = False,
    ) -> None:
        chapter_number = resolve_optional_chapter(chapter)
        check_choice("sort", sort, [value for _, value in SORT_OPTIONS])
        if not 1 <= window <= MAX_WINDOW:
            raise ValueError(f"window must be between 1 and {MAX_WINDOW} words, not {window}.")
        self._paragraph_texts = dict(zip(ld.paragraphs()["paragraph_id"], ld.paragraphs()["text"]))
        self._query = widgets.Text(
            value=query,
            description="Search",
            placeholder="a word, a phrase, proletar* or a regex",
            continuous_update=False,
            style=LABEL_STYLE,
            layout=widgets.Layout(width="24em"),
        )
        self._regex = checkbox("Regular expression", regex)
        self._lemma = checkbox("All forms (lemma)", lemma)
        self._chapter = widgets.Dropdown(
            options=chapter_options("All chapters"),
            value=option_value(chapter_number),
            description="Chapter",
            style=LABEL_STYLE,
        )
        self._window = widgets.BoundedIntText(
            value=window,
            min=1,
            max=MAX_WINDOW,
            description="Window (words)",
            style=LABEL_STYLE,
            layout=widgets.Layout(width="14em"),
        )
        self._sort = widgets.Dropdown(
            options=SORT_OPTIONS,
            value=sort,
            description="Sort by",
            style=LABEL_STYLE,
            layout=widgets.Layout(width="14em"),
        )
        self._include_quotations = checkbox("Include quotations", include_quotations)
        self._count = widgets.HTML()
        self._pager = Pager(LINES_PER_PAGE, "lines", on_page=self._render_lines)
        self._lines = widgets.HTML()
        self._line = widgets.BoundedIntText(
            value=1,
            min=1,
            max=1,
            description="Show line",
            style=LABEL_STYLE,
            layout=widgets.Layout(width="10em"),
        )
        self._paragraph = widgets.HTML(
            layout=widgets.Layout(max_height="24em", overflow="auto"), tabbable=True
        )
        super().__init__(
            [
                widgets.HBox([self._query, self._regex, self._lemma]),
                widgets.HBox([self._chapter, self._window, self._sort, self._include_quotations]),
                self._count,
                self._pager,
                self._lines,
                self._line,
                self._paragraph,
            ]
        )
        for control in (
            self._query,
            self._regex,
            self._lemma,
            self._chapter,
            self._window,
            self._sort,
            self._include_quotations,
        ):
            control.observe(self._on_option_change, "value")
        self._line.observe(self._on_line_change, "value")
        self._refresh()

    def _repr_fields(self) -> list[str]:
        return (
            repr_text("query", self._query.value)
            + repr_chapter(chosen(self._chapter))
            + [plural(len(self._result), "line")]
        )

    def _on_option_change(self, _change: dict) -> None:
        self._refresh()

    def _on_line_change(self, _change: dict) -> None:
        if self._is_quiet:
            return
        self._pager.show_item(self._line.value - 1)
        self._render_lines()
        self._render_paragraph()

    def _refresh(self) -> None:
        self._result, summary = self._concordance(self._query.value.strip())
        self._count.value = view(summary)
        with self._quietly():
            self._line.max = max(len(self._result), 1)
            self._line.value = 1
        self._line.disabled = self._result.empty
        self._pager.reset(len(self._result))
        self._render_lines()
        self._render_paragraph()

    def _concordance(self, query: str) -> tuple[pd.DataFrame, str]:
        """The lines for ``query`` and a summary of them (or what is wrong), in HTML."""
        if not query:
            return EMPTY_LINES, message(
                "Type a word or phrase to see every place it occurs, with the words around it."
            )
        try:
            lines = ld.kwic(
                query,
                window=self._window.value,
                sort=self._sort.value,
                regex=self._regex.value,
                chapter=chosen(self._chapter),
                include_quotations=self._include_quotations.value,
                lemma=self._lemma.value,
            )
        except ValueError as error:  # QueryError and QueryTimeout are ValueErrors too
            return EMPTY_LINES, message(str(error), "warning")
        if lines.empty:
            return lines, message(f"“{query}” does not occur with these options.", "warning")
        return lines, f"<b>{plural(len(lines), 'line')}</b> for “{escape(query)}”"

    def _render_lines(self) -> None:
        if self._result.empty:
            self._lines.value = ""
            return
        start, stop = self._pager.bounds
        selected = self._line.value - 1
        rows = [
            '<colgroup><col style="width:3.5em"><col style="width:5.5em">'
            '<col style="width:3em"><col><col style="width:9em"><col></colgroup>'
        ]
        for number, line in enumerate(self._result.iloc[start:stop].itertuples(), start):
            shade = ' class="ld-selected"' if number == selected else ""
            rows.append(
                f'<tr{shade}><td class="ld-num">{number + 1}</td>'
                f'<td>{escape(line.paragraph_id)}</td><td class="ld-num">{line.page}</td>'
                f'<td class="ld-left"><bdi>{escape(line.left)}</bdi></td>'
                f'<td class="ld-match"><mark class="ld-hit">{escape(line.match)}</mark></td>'
                f"<td>{escape(line.right)}</td></tr>"
            )
        self._lines.value = view(f'<table class="ld-table ld-kwic">{"".join(rows)}</table>')

    def _render_paragraph(self) -> None:
        if self._result.empty:
            self._paragraph.value = ""
            return
        line = self._result.iloc[self._line.value - 1]
        text = self._paragraph_texts[line["paragraph_id"]]
        body = mark_up(text, [Mark(int(line["start"]), int(line["end"]))])
        self._paragraph.value = view(
            f'<div class="ld-para"><div class="ld-margin">line {self._line.value}<br>¶ <b>'
            f"{escape(line['paragraph_id'])}</b><br>p. {line['page']}</div>"
            f'<div class="ld-body">{body}<div class="ld-muted">'
            f"{escape(ld.cite(line['paragraph_id']))}</div></div></div>"
        )
