"""HTML for the widgets: escaping, highlighting, tables and a theme-aware style sheet.

Every string that comes from the book or from the user passes through :func:`escape`
(directly, or through :func:`mark_up` and :func:`table`) before it is placed in HTML, so a
query such as ``<script>`` is shown as text. Colours are JupyterLab's CSS variables only
(``--jp-content-font-color1``, ``--jp-layout-color2``, ``--jp-brand-color1``,
``--jp-warn-color0`` …), so the views follow the light and dark themes; nothing needs
JavaScript (footnotes open with ``<details>``).
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

import pandas as pd

from leninism_data.analysis.passages import s_stem
from leninism_data.corpus.formatting import escape_html, page_range
from leninism_data.corpus.words import WORD, term

# Highlights fall back to a plain layout colour where color-mix() is not supported.
STYLE = """<style>
.ld-view{color:var(--jp-content-font-color1);font-family:var(--jp-content-font-family);
 font-size:var(--jp-content-font-size1);line-height:1.5}
.ld-view mark.ld-hit{color:inherit;background:var(--jp-layout-color3);
 background:color-mix(in srgb,var(--jp-warn-color1) 35%,transparent);
 border-bottom:2px solid var(--jp-warn-color0);padding:0 1px}
.ld-message{padding:4px 8px;border-left:3px solid var(--jp-brand-color1);
 background:var(--jp-layout-color2);white-space:pre-wrap}
.ld-message.ld-warning{border-left-color:var(--jp-warn-color0)}
.ld-muted{color:var(--jp-content-font-color2)}
.ld-para{display:grid;grid-template-columns:6.5em minmax(0,1fr);gap:0 1em;margin:0 0 .9em}
.ld-para.ld-with-notes{grid-template-columns:6.5em minmax(0,1fr) minmax(10em,16em)}
.ld-margin{color:var(--jp-content-font-color2);font-size:.85em;text-align:right}
.ld-margin b{color:var(--jp-content-font-color1)}
.ld-quotation>.ld-body{border-left:3px solid var(--jp-brand-color2);padding-left:.8em;
 background:var(--jp-layout-color2)}
.ld-focus>.ld-body{outline:2px solid var(--jp-brand-color1);outline-offset:3px}
.ld-cite{border-bottom:1px dotted var(--jp-brand-color1);color:var(--jp-content-font-color2)}
.ld-pagebreak{color:var(--jp-brand-color1);font-size:.75em;white-space:nowrap;margin:0 .3em}
sup.ld-fn{color:var(--jp-brand-color1);font-weight:bold}
.ld-notes details,.ld-footnote{font-size:.85em;border-left:2px solid var(--jp-border-color2);
 padding-left:.5em;margin-bottom:.3em}
.ld-notes summary{cursor:pointer;color:var(--jp-brand-color1)}
.ld-heading{margin:.6em 0 .5em;font-weight:bold;color:var(--jp-content-font-color0)}
.ld-table{border-collapse:collapse;font-size:.9em;margin:.3em 0 .8em}
.ld-table th,.ld-table td{padding:2px 8px;border-bottom:1px solid var(--jp-border-color2);
 text-align:left;vertical-align:top}
.ld-table th{color:var(--jp-content-font-color2);font-weight:normal}
.ld-table td.ld-num{text-align:right;font-variant-numeric:tabular-nums}
.ld-table tr.ld-selected td{background:var(--jp-layout-color2)}
.ld-kwic-line,.ld-kwic-head{table-layout:fixed;width:100%;margin:0}
.ld-kwic-line td,.ld-kwic-head th{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.ld-kwic-line td.ld-num,.ld-kwic-head th.ld-num{text-overflow:clip;padding:2px 4px}
.ld-kwic-line .ld-left,.ld-kwic-head .ld-left{text-align:right;direction:rtl}
.ld-kwic-line .ld-match,.ld-kwic-head .ld-match{text-align:center}
.ld-sort1{color:var(--jp-error-color1);font-weight:bold}
.ld-sort2{color:var(--jp-success-color1);font-weight:bold}
.ld-sort3{color:var(--jp-brand-color1);font-weight:bold}
.ld-explain{color:var(--jp-content-font-color2);font-size:.85em;margin:.1em 0 .4em}
.ld-columns{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1.5em}
</style>"""

Tone = Literal["info", "warning"]


def escape(value: object) -> str:
    """``value`` as text that is safe inside HTML elements and attribute values.

    >>> escape('<img src=x onerror="alert(1)">')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
    """
    return escape_html(value)


def view(*parts: str) -> str:
    """Wrap ready-made HTML ``parts`` in the themed container, with the style sheet.

    >>> view("<p>x</p>").endswith('<div class="ld-view"><p>x</p></div>')
    True
    """
    return f'{STYLE}<div class="ld-view">{"".join(parts)}</div>'


def message(text: str, tone: Tone = "info") -> str:
    """A short notice for the reader: a hint (``"info"``) or a problem (``"warning"``).

    >>> message("No paragraph matches “<b>”.", "warning")
    '<div class="ld-message ld-warning">No paragraph matches “&lt;b&gt;”.</div>'
    """
    tone_class = " ld-warning" if tone == "warning" else ""
    return f'<div class="ld-message{tone_class}">{escape(text)}</div>'


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """``count`` and the noun, singular or plural, with a thousands separator.

    >>> plural(1, "paragraph"), plural(4018, "line"), plural(2, "match", "matches")
    ('1 paragraph', '4,018 lines', '2 matches')
    """
    return f"{count:,} {noun if count == 1 else (nouns or noun + 's')}"


def pages_label(first: int, last: int) -> str:
    """Printed pages as a reference gives them (:func:`~leninism_data.corpus.formatting.page_range`).

    >>> pages_label(40, 40), pages_label(39, 40)
    ('p. 40', 'pp. 39–40')
    """
    return page_range(first, last)


def shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, with an ellipsis when cut.

    >>> shorten("dictatorship of the proletariat", 12)
    'dictatorshi…'
    """
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class Mark:
    """``text[start:end]`` to be wrapped in ``<tag class="css_class" title="title">``."""

    start: int
    end: int
    css_class: str = "ld-hit"
    tag: str = "mark"
    title: str = ""

    def open(self) -> str:
        title = f' title="{escape(self.title)}"' if self.title else ""
        return f'<{self.tag} class="{self.css_class}"{title}>'

    def close(self) -> str:
        return f"</{self.tag}>"


def mark_up(text: str, marks: Iterable[Mark] = (), inserts: Iterable[tuple[int, str]] = ()) -> str:
    """Escape ``text``, wrap its ``marks`` and put ready-made HTML ``inserts`` at offsets.

    Offsets are those of the plain text, so the escaping never shifts or breaks a
    highlight. Marks should not overlap; one that starts inside an earlier one is left
    out. An insert that falls inside a mark splits it (the mark closes before the insert
    and opens again after it).

    Parameters
    ----------
    text : str
        Plain text (a paragraph, a footnote, a query).
    marks : iterable of Mark
        Stretches to highlight or label.
    inserts : iterable of (offset, html)
        Trusted HTML (e.g. a footnote's superscript) to place before ``text[offset]``.

    Examples
    --------
    >>> mark_up("a <b> c", [Mark(2, 5)])
    'a <mark class="ld-hit">&lt;b&gt;</mark> c'
    >>> mark_up("Shipka Pass", [Mark(0, 11)], [(6, "<sup>20</sup>")])
    '<mark class="ld-hit">Shipka</mark><sup>20</sup><mark class="ld-hit"> Pass</mark>'
    """
    kept: list[Mark] = []
    for mark in sorted((m for m in marks if m.end > m.start), key=lambda m: m.start):
        if not kept or mark.start >= kept[-1].end:
            kept.append(mark)
    inserted: dict[int, list[str]] = {}
    for offset, snippet in inserts:
        inserted.setdefault(offset, []).append(snippet)
    starting = {mark.start: mark for mark in kept}
    cuts = sorted({0, len(text), *inserted, *(m.start for m in kept), *(m.end for m in kept)})
    pieces: list[str] = []
    open_mark: Mark | None = None
    for cut, next_cut in zip(cuts, cuts[1:] + [None]):
        if open_mark is not None and open_mark.end == cut:
            pieces.append(open_mark.close())
            open_mark = None
        if cut in inserted:
            if open_mark is not None:
                pieces.append(open_mark.close())
            pieces.extend(inserted[cut])
            if open_mark is not None:
                pieces.append(open_mark.open())
        if cut in starting:
            open_mark = starting[cut]
            pieces.append(open_mark.open())
        if next_cut is not None:
            pieces.append(escape(text[cut:next_cut]))
    return "".join(pieces)


def span_marks(spans: Iterable[tuple[int, int]]) -> list[Mark]:
    """Highlight marks for ``(start, end)`` spans such as :func:`leninism_data.search` gives.

    >>> span_marks([(0, 6)])
    [Mark(start=0, end=6, css_class='ld-hit', tag='mark', title='')]
    """
    return [Mark(int(start), int(end)) for start, end in spans]


def stem_marks(text: str, stems: Iterable[str]) -> list[Mark]:
    """Highlight the words of ``text`` whose plural-free stem is one of ``stems``.

    The stems are those :func:`leninism_data.similar_passages` reports as ``matched``
    (lower case, possessive and plural endings removed).

    >>> text = "The Party leads the masses; parties and classes."
    >>> [text[m.start:m.end] for m in stem_marks(text, ["party", "masse"])]
    ['Party', 'masses', 'parties']
    """
    wanted = set(stems)
    return [
        Mark(match.start(), match.end())
        for match in WORD.finditer(text)
        if s_stem(term(match.group(0))) in wanted
    ]


def table(
    frame: pd.DataFrame,
    columns: Mapping[str, str],
    *,
    formats: Mapping[str, Callable[[object], str]] | None = None,
    selected_row: int | None = None,
    css_class: str = "ld-table",
) -> str:
    """An HTML table of some ``columns`` of ``frame``, every cell escaped.

    Parameters
    ----------
    frame : pandas.DataFrame
    columns : mapping
        Column name → header, in display order.
    formats : mapping, optional
        Column name → function turning a value into display text (escaped afterwards).
        Numbers are right-aligned; missing values are shown empty.
    selected_row : int, optional
        Position of a row to shade.

    Examples
    --------
    >>> frame = pd.DataFrame({"term": ["<b>"], "count": [3]})
    >>> print(table(frame, {"term": "Term", "count": "Count"}).replace("<tr>", "\\n<tr>"))
    <table class="ld-table">
    <tr><th>Term</th><th>Count</th></tr>
    <tr><td>&lt;b&gt;</td><td class="ld-num">3</td></tr></table>
    """
    formats = formats or {}
    header = "".join(f"<th>{escape(title)}</th>" for title in columns.values())
    rows = [f"<tr>{header}</tr>"]
    for position, values in enumerate(frame[list(columns)].itertuples(index=False)):
        cells = []
        for name, value in zip(columns, values):
            missing = pd.api.types.is_scalar(value) and pd.isna(value)
            numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
            numeric = numeric and not missing
            if name in formats and not missing:
                shown = formats[name](value)
            else:
                shown = "" if missing else value
            css = ' class="ld-num"' if numeric else ""
            cells.append(f"<td{css}>{escape(shown)}</td>")
        selected = ' class="ld-selected"' if position == selected_row else ""
        rows.append(f"<tr{selected}>{''.join(cells)}</tr>")
    return f'<table class="{css_class}">{"".join(rows)}</table>'


def number(value: object, digits: int = 1) -> str:
    """A float rounded for display, an integer as it is.

    >>> number(124.27086), number(49), number(0.3127, 2)
    ('124.3', '49', '0.31')
    """
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


_ROMAN = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(value: int) -> str:
    """A volume number as the book prints it (1–39).

    >>> roman(25), roman(4), roman(19)
    ('XXV', 'IV', 'XIX')
    """
    numeral = ""
    for amount, letters in _ROMAN:
        while value >= amount:
            numeral += letters
            value -= amount
    return numeral


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells cannot run as spreadsheet formulas.

    A cell beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
    leading ``'`` (OWASP's advice against CSV injection); other cells are unchanged.

    >>> frame = pd.DataFrame({"left": ["=HYPERLINK(1)", "- the masses", "the"], "n": [1, 2, 3]})
    >>> spreadsheet_safe(frame)["left"].tolist()
    ["'=HYPERLINK(1)", "'- the masses", 'the']
    """
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = [
                f"'{value}"
                if isinstance(value, str) and value.startswith(FORMULA_STARTS)
                else value
                for value in safe[column]
            ]
    return safe


def csv_text(frame: pd.DataFrame) -> str:
    """``frame`` as CSV text, made :func:`spreadsheet_safe`, without the index.

    >>> csv_text(pd.DataFrame({"match": ["+1"]}))
    "match\\n'+1\\n"
    """
    return spreadsheet_safe(frame).to_csv(index=False, lineterminator="\n")


def csv_link(frame: pd.DataFrame, filename: str, label: str) -> str:
    """A link that saves ``frame`` as a CSV file (UTF-8 with a BOM, for Excel), offline.

    The file travels inside the link (a ``data:`` URI): nothing is written on the server
    and nothing leaves the machine.

    >>> csv_link(pd.DataFrame({"a": [1]}), "x.csv", "Save x.csv").startswith(
    ...     '<a class="ld-download" download="x.csv" href="data:text/csv;charset=utf-8;base64,')
    True
    """
    payload = base64.b64encode(("\ufeff" + csv_text(frame)).encode("utf-8")).decode("ascii")
    return (
        f'<a class="ld-download" download="{escape(filename)}" '
        f'href="data:text/csv;charset=utf-8;base64,{payload}">{escape(label)}</a>'
    )


def explanation(text: str) -> str:
    """A one-line, plain-language note on what a number means, under a table.

    >>> explanation("per 10k: occurrences per 10,000 words")
    '<div class="ld-explain">per 10k: occurrences per 10,000 words</div>'
    """
    return f'<div class="ld-explain">{escape(text)}</div>'
