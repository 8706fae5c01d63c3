"""Concordance: keyword in context, sortable by the words around the hit, each line openable."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import ipywidgets as widgets
import pandas as pd

import leninism_data as ld
from leninism_data.corpus.naming import ChapterLike
from leninism_data.corpus.words import WORD
from leninism_data.widgets._base import (
    LABEL_STYLE,
    Pager,
    StudyWidget,
    check_choice,
    repr_chapter,
    repr_text,
    resolve_optional_chapter,
    resolve_section,
)
from leninism_data.widgets._html import (
    STYLE,
    Mark,
    csv_link,
    csv_text,
    escape,
    mark_up,
    message,
    plural,
    view,
)
from leninism_data.widgets._search_options import (
    SearchControls,
    SearchOptions,
    widget_message,
)
from leninism_data.widgets.companion import COMPANION_STYLE, ParagraphEntries, companion_marks

SORT_OPTIONS = [
    ("Book order", "position"),
    ("1L", "1L"),
    ("2L", "2L"),
    ("3L", "3L"),
    ("1R", "1R"),
    ("2R", "2R"),
    ("3R", "3R"),
    ("Keyword", "match"),
]
SORT_ALIASES = {"left": "1L", "right": "1R"}  # older names :func:`leninism_data.kwic` keeps
SORT_LEVELS = 3  # words coloured after the sort word: AntConc's three sort levels
LINES_PER_PAGE = 20
MAX_WINDOW = 30
CSV_COLUMNS = ["line", "paragraph_id", "chapter", "section", "page", "left", "match", "right"]
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
COLUMN_WIDTHS = (
    '<colgroup><col><col style="width:9em"><col><col style="width:5.5em">'
    '<col style="width:3.2em"></colgroup>'
)


class Location(NamedTuple):
    """A hit opened from a concordance line: what a reader needs to show it."""

    paragraph_id: str
    start: int
    end: int
    page: int
    line: int


def sort_level(key: str) -> tuple[str, int]:
    """The side and distance of a sort key: ``"2L"`` is the second word left of the hit.

    >>> sort_level("2L"), sort_level("1R")
    (('L', 2), ('R', 1))
    """
    return key[-1], int(key[:-1])


def context_words(text: str, side: str) -> list[re.Match[str]]:
    """The words of a context, nearest the hit first (punctuation is not a word).

    >>> [m.group() for m in context_words("the rule of the “proletariat”, ", "L")]
    ['proletariat', 'the', 'of', 'rule', 'the']
    """
    found = list(WORD.finditer(text))
    return found[::-1] if side == "L" else found


def coloured_context(text: str, side: str, key: str | None) -> str:
    """A context in HTML, the sort word and the next levels out in colour (AntConc style).

    >>> print(coloured_context(" of the <proletariat>", "R", "1R").replace("> <", ">\\n<"))
     <span class="ld-sort1">of</span>
    <span class="ld-sort2">the</span> &lt;<span class="ld-sort3">proletariat</span>&gt;
    """
    if key is None or sort_level(key)[0] != side:
        return escape(text)
    distance = sort_level(key)[1]
    words = context_words(text, side)[distance - 1 : distance - 1 + SORT_LEVELS]
    marks = [
        Mark(m.start(), m.end(), css_class=f"ld-sort{level}", tag="span")
        for level, m in enumerate(words, 1)
    ]
    return mark_up(text, marks)


class Concordance(StudyWidget):
    """Keyword in context (KWIC): every hit of a query with the words around it.

    Lines are aligned on the hit and shown a page at a time under column headers (line,
    left context, keyword, right context, ¶, page). Sort by book order, by the keyword,
    or by the 1st–3rd word left (1L–3L) or right (1R–3R) of it: the sort word is
    coloured, then the next two words out in other colours, as in AntConc. Click a line's
    number (or type it under "Show line") to open it: the whole paragraph appears below
    with the hit highlighted and a ready-to-paste reference, and the callbacks given to
    :meth:`on_open` are called (the Reader uses this). "Download CSV" saves the lines.
    The search box updates when you press Enter.

    Parameters
    ----------
    query : str, default ""
        A word, phrase, wildcard (``proletar*``) or regular expression (``regex=True``).
    chapter : int or str, optional
        Restrict to one chapter.
    section : int, optional
        Restrict to one section of ``chapter``.
    window : int, default 8
        Words of context on each side (1–30).
    sort : {"position", "1L", "2L", "3L", "1R", "2R", "3R", "match"}
        Book order, a word around the hit, or the hit itself ("left" and "right" are
        1L and 1R).
    whole_word, case, lemma, regex, include_quotations, include_citations : bool
        The shared search options (:class:`~leninism_data.widgets._search_options.SearchOptions`).

    Attributes
    ----------
    result : pandas.DataFrame
        The lines, as :func:`leninism_data.kwic` returns them (line n is row n − 1).
    selected : int or None
        The number of the opened line.

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
        section: int | None = None,
        window: int = 8,
        sort: str = "position",
        whole_word: bool = True,
        case: bool = False,
        lemma: bool = False,
        regex: bool = False,
        include_quotations: bool = True,
        include_citations: bool = False,
    ) -> None:
        chapter_number = resolve_optional_chapter(chapter)
        sort = SORT_ALIASES.get(sort, sort)
        check_choice("sort", sort, [value for _, value in SORT_OPTIONS])
        if not 1 <= window <= MAX_WINDOW:
            raise ValueError(f"window must be between 1 and {MAX_WINDOW} words, not {window}.")
        options = SearchOptions(
            query,
            whole_word=whole_word,
            case=case,
            lemma=lemma,
            regex=regex,
            chapter=chapter_number,
            section=resolve_section(chapter_number, section),
            include_quotations=include_quotations,
            include_citations=include_citations,
        )
        self._paragraph_texts = dict(zip(ld.paragraphs()["paragraph_id"], ld.paragraphs()["text"]))
        self._callbacks: list[Callable[[Location], None]] = []
        self._selected: int | None = None
        self._search = SearchControls(
            options, FIELDS, analysis=ld.kwic, on_change=self._on_option_change
        )
        self._window = widgets.BoundedIntText(
            value=window,
            min=1,
            max=MAX_WINDOW,
            description="Window (words)",
            style=LABEL_STYLE,
            layout=widgets.Layout(width="13em"),
        )
        self._sort = widgets.Dropdown(
            options=SORT_OPTIONS,
            value=sort,
            description="Sort by",
            style=LABEL_STYLE,
            layout=widgets.Layout(width="12em"),
        )
        self._count = widgets.HTML()
        self._pager = Pager(LINES_PER_PAGE, "lines", on_page=self._on_page)
        self._header = widgets.HTML()
        self._buttons = [
            widgets.Button(
                description=str(number),
                layout=widgets.Layout(
                    width="3.6em", min_width="3.6em", height="1.9em", padding="0", flex="none"
                ),
            )
            for number in range(1, LINES_PER_PAGE + 1)
        ]
        self._cells = [
            widgets.HTML(layout=widgets.Layout(flex="1 1 auto", min_width="0"))
            for _ in range(LINES_PER_PAGE)
        ]
        self._rows = [
            widgets.HBox([button, cell], layout=widgets.Layout(align_items="center"))
            for button, cell in zip(self._buttons, self._cells)
        ]
        for button in self._buttons:
            button.on_click(self._on_line_click)
        self._lines = widgets.VBox(self._rows)
        self._lines.add_class("ld-kwic")  # the lines, one table row each
        self._line = widgets.BoundedIntText(
            value=1,
            min=1,
            max=1,
            description="Show line",
            style=LABEL_STYLE,
            layout=widgets.Layout(width="9em"),
        )
        self._download_button = widgets.Button(
            description="Download CSV",
            tooltip="Save these lines as a CSV file",
            icon="download",
            layout=widgets.Layout(width="auto"),
        )
        self._download = widgets.HTML()
        self._paragraph = widgets.HTML()
        # the open line's paragraph: a button for each glossary, people, works entry it needs
        self._entries = ParagraphEntries(on_paragraph=self._show_entry_paragraph)
        super().__init__(
            [
                self._search,
                widgets.HBox([self._window, self._sort]),
                self._count,
                self._pager,
                self._header,
                self._lines,
                widgets.HBox([self._line, self._download_button, self._download]),
                self._paragraph,
                self._entries,
            ]
        )
        self._window.observe(self._on_option_change, "value")
        self._sort.observe(self._on_option_change, "value")
        self._line.observe(self._on_line_change, "value")
        self._download_button.on_click(self._on_download_click)
        self._refresh()

    @property
    def options(self) -> SearchOptions:
        """The search options the controls show."""
        return self._search.options

    @property
    def selected(self) -> int | None:
        """The number of the opened line (1 = the first), None when there are no lines."""
        return self._selected

    def on_open(self, callback: Callable[[Location], None]) -> None:
        """Call ``callback(location)`` whenever the student opens a line.

        ``location`` is a :class:`Location`: ``paragraph_id``, ``start`` and ``end`` (the
        hit's offsets in the paragraph text), ``page`` and ``line``.
        """
        self._callbacks.append(callback)

    def open_line(self, line: int) -> Location:
        """Open line ``line`` (1 = the first) as a click on it does, and return it."""
        if not 1 <= line <= len(self._result):
            raise ValueError(f"line must be between 1 and {len(self._result)}, not {line}.")
        self._select(line)
        location = self._location(line)
        for callback in self._callbacks:
            callback(location)
        return location

    def lines(self) -> pd.DataFrame:
        """The lines as a table to save: ``line``, ``paragraph_id``, … ``match``, ``right``."""
        frame = self._result.assign(line=range(1, len(self._result) + 1))
        return frame[CSV_COLUMNS].reset_index(drop=True)

    def to_csv(self, path: str | Path) -> Path:
        """Save :meth:`lines` as CSV (UTF-8 with a BOM), formulas neutralised; return the path."""
        path = Path(path)
        path.write_text("\ufeff" + csv_text(self.lines()), encoding="utf-8", newline="")
        return path

    def _repr_fields(self) -> list[str]:
        options = self.options
        return (
            repr_text("query", options.query)
            + repr_chapter(options.chapter)
            + [plural(len(self._result), "line")]
        )

    def _location(self, line: int) -> Location:
        row = self._result.iloc[line - 1]
        return Location(
            str(row["paragraph_id"]), int(row["start"]), int(row["end"]), int(row["page"]), line
        )

    def _on_option_change(self, _change: dict | None = None) -> None:
        self._refresh()

    def _on_page(self) -> None:
        if len(self._result):  # a disabled "Previous" can still be clicked from code
            self._select(self._pager.bounds[0] + 1)

    def _on_line_click(self, button: widgets.Button) -> None:
        self.open_line(int(button.description))

    def _on_line_change(self, _change: dict) -> None:
        if not self._is_quiet and len(self._result):
            self.open_line(self._line.value)

    def _on_download_click(self, _button: widgets.Button) -> None:
        name = re.sub(r"\W+", "-", self.options.query).strip("-")[:40] or "lines"
        filename = f"concordance-{name}.csv"
        self._download.value = csv_link(
            self.lines(), filename, f"Save {filename} ({plural(len(self._result), 'line')})"
        )

    def _refresh(self) -> None:
        self._result, summary = self._concordance()
        self._count.value = view(summary)
        self._download.value = ""
        self._download_button.disabled = self._result.empty
        with self._quietly():
            self._line.max = max(len(self._result), 1)
        self._line.disabled = self._result.empty
        self._pager.reset(len(self._result))
        self._select(1 if len(self._result) else None)

    def _concordance(self) -> tuple[pd.DataFrame, str]:
        """The lines for the options and a summary of them (or what is wrong), in HTML."""
        options = self.options
        if not options.query:
            return EMPTY_LINES, message(
                "Type a word or phrase and press Enter to see every place it occurs, "
                "with the words around it."
            )
        sort = self._sort.value
        try:
            lines = options.call(ld.kwic, window=self._window.value, sort=sort)
        except ValueError as error:  # QueryError and QueryTimeout are ValueErrors too
            return EMPTY_LINES, message(widget_message(error), "warning")
        if lines.empty:
            return lines, message(
                f"“{options.query}” does not occur with these options.", "warning"
            )
        sorted_by = "" if sort == "position" else self._sort_caption(sort)
        return (
            lines,
            f"<b>{plural(len(lines), 'line')}</b> for “{escape(options.query)}”{sorted_by}",
        )

    @staticmethod
    def _sort_caption(sort: str) -> str:
        if sort == "match":
            return ' <span class="ld-muted">sorted by the keyword</span>'
        side, distance = sort_level(sort)
        levels = [f"{distance + i}{side}" for i in range(SORT_LEVELS)]
        coloured = ", then ".join(
            f'<span class="ld-sort{i}">{level}</span>' for i, level in enumerate(levels, 1)
        )
        return f' <span class="ld-muted">sorted by</span> {coloured}'

    def _select(self, line: int | None) -> None:
        self._selected = line
        if line is not None:
            self._pager.show_item(line - 1)
            with self._quietly():
                self._line.value = line
        self._render_lines()
        self._render_paragraph()

    def _render_lines(self) -> None:
        start, stop = self._pager.bounds if len(self._result) else (0, 0)
        self._header.value = (
            f'{STYLE}<div class="ld-view" style="display:flex;align-items:end">'
            '<div style="width:3.6em;flex:none" class="ld-muted">line</div>'
            f'<table class="ld-table ld-kwic-head">{COLUMN_WIDTHS}<tr>'
            '<th class="ld-left">left context</th>'
            '<th class="ld-match">keyword</th><th>right context</th><th>¶</th>'
            '<th class="ld-num">page</th></tr></table></div>'
            if stop
            else ""
        )
        key = self._sort.value if self._sort.value[0].isdigit() else None
        rows = self._result.iloc[start:stop]
        for position, (row, button, cell) in enumerate(
            zip(self._rows, self._buttons, self._cells)
        ):
            if position >= len(rows):
                row.layout.display = "none"
                cell.value = ""
                continue
            line = rows.iloc[position]
            number = start + position + 1
            row.layout.display = None
            button.description = str(number)
            button.tooltip = f"Open line {number}: ¶ {line['paragraph_id']}, p. {line['page']}"
            button.button_style = "info" if number == self._selected else ""
            shade = ' class="ld-selected"' if number == self._selected else ""
            cell.value = (
                f'<div class="ld-view"><table class="ld-table ld-kwic-line">{COLUMN_WIDTHS}'
                f"<tr{shade}>"
                f'<td class="ld-left"><bdi>{coloured_context(line["left"], "L", key)}</bdi></td>'
                f'<td class="ld-match"><mark class="ld-hit">{escape(line["match"])}</mark></td>'
                f"<td>{coloured_context(line['right'], 'R', key)}</td>"
                f"<td>{escape(line['paragraph_id'])}</td>"
                f'<td class="ld-num">{line["page"]}</td></tr></table></div>'
            )

    def _render_paragraph(self) -> None:
        self._entries.layout.display = "none" if self._selected is None else None
        if self._selected is None:
            self._paragraph.value = ""
            return
        line = self._result.iloc[self._selected - 1]
        text = self._paragraph_texts[line["paragraph_id"]]
        hit = Mark(int(line["start"]), int(line["end"]))
        entries = [m for m in companion_marks(text) if m.end <= hit.start or m.start >= hit.end]
        body = mark_up(text, sorted([hit, *entries], key=lambda mark: mark.start))
        self._paragraph.value = view(
            COMPANION_STYLE,
            f'<div class="ld-para"><div class="ld-margin">line {self._selected}<br>¶ <b>'
            f"{escape(line['paragraph_id'])}</b><br>p. {line['page']}</div>"
            f'<div class="ld-body">{body}<div class="ld-muted">'
            f"{escape(ld.cite(line['paragraph_id']))}</div></div></div>",
        )
        self._entries.show(line["paragraph_id"])

    def _show_entry_paragraph(self, paragraph_id: str) -> None:
        """A paragraph an entry links to, shown in place of the open line's."""
        text = self._paragraph_texts[paragraph_id]
        self._paragraph.value = view(
            COMPANION_STYLE,
            f'<div class="ld-para"><div class="ld-margin">¶ <b>{escape(paragraph_id)}</b></div>'
            f'<div class="ld-body">{mark_up(text, companion_marks(text))}<div class="ld-muted">'
            f"{escape(ld.cite(paragraph_id))}</div></div></div>",
        )
