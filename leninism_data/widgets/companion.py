"""The study companion in the widgets: marked text, entry cards and the Companion browser.

* :func:`companion_marks` and :func:`mark_companion` mark the words of a text that have
  an entry (a dotted underline from the theme's colours, the entry's name on hover); the
  Reader uses them, and so can any view of the text (the Concordance's lines).
* :func:`entry_html` is an entry's card, every string escaped.
* :class:`EntryView` shows a card with a button for each paragraph that needs the entry.
* :class:`Companion` browses the whole layer (search, kind and chapter filters) and shows
  the timeline of events 1848–1924 with the chapters that discuss each.

ipywidgets' HTML cannot receive clicks on its inner elements (and JupyterLab strips inline
JavaScript), so whatever can be clicked is a real widget: a ``Button`` per entry or per
paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import ipywidgets as widgets
import pandas as pd

import leninism_data as ld
from leninism_data.corpus.naming import chapter_label
from leninism_data.tables.citing import cite
from leninism_data.tables.companion import (
    ENTRY_KINDS,
    EntryKind,
    companion_entries,
    companion_mentions,
    entry_by_id,
    entry_paragraphs,
    paragraph_entries,
    timeline,
)
from leninism_data.widgets._base import (
    ALL,
    LABEL_STYLE,
    StudyWidget,
    chapter_options,
    chosen,
    repr_chapter,
    repr_text,
)
from leninism_data.widgets._html import Mark, escape, mark_up, message, plural, view
from leninism_data.widgets._passages import paragraphs_by_id

KIND_LABELS: dict[str, str] = {
    "glossary": "Glossary",
    "person": "Person",
    "work": "Work",
    "event": "Event",
}
# Colours are the theme's (JupyterLab CSS variables), so marks and cards follow light and
# dark themes; SVG shapes take their colours from classes, since presentation attributes
# cannot read CSS variables.
COMPANION_STYLE = """<style>
.ld-view .ld-entry{border-bottom:1px dotted var(--jp-content-font-color2);cursor:help}
.ld-view .ld-entry.ld-chosen{border-bottom:2px solid var(--jp-brand-color1);
 background:var(--jp-layout-color2)}
.ld-card{border-left:3px solid var(--jp-brand-color1);padding:.2em .8em;
 background:var(--jp-layout-color1)}
.ld-card h4{margin:.2em 0;color:var(--jp-content-font-color0)}
.ld-card p{margin:.3em 0}
.ld-card .ld-kind{color:var(--jp-content-font-color2);font-size:.85em}
.ld-card .ld-error{border-left:3px solid var(--jp-warn-color0);padding-left:.5em}
.ld-card ul{margin:.2em 0;padding-left:1.2em;font-size:.9em}
.ld-timeline text{fill:var(--jp-content-font-color2);font-size:11px}
.ld-timeline line{stroke:var(--jp-border-color1)}
.ld-timeline .ld-dot{fill:var(--jp-brand-color1);stroke:var(--jp-layout-color0)}
.ld-timeline .ld-span{fill:var(--jp-brand-color3);stroke:var(--jp-brand-color1)}
.ld-years dt{font-weight:bold;margin-top:.5em;color:var(--jp-content-font-color0)}
.ld-years dd{margin:0 0 .2em 1.5em}
</style>"""
FIRST_YEAR, LAST_YEAR = 1848, 1924
PAGE_SIZE = 20


def companion_marks(text: str, chosen: tuple[str, str] | None = None) -> list[Mark]:
    """Marks for the words of ``text`` that have an entry in the companion.

    Each is a ``<span class="ld-entry">`` titled with the kind and name of its entry; the
    mentions of ``chosen`` (a ``(kind, entry_id)``) also get the class ``ld-chosen``.

    >>> companion_marks("Kugelmann")
    [Mark(start=0, end=9, css_class='ld-entry', tag='span', title='Person: Ludwig Kugelmann')]
    """
    marks = []
    for start, end, kind, entry_id in companion_mentions(text):
        css = "ld-entry ld-chosen" if (kind, entry_id) == chosen else "ld-entry"
        marks.append(
            Mark(start, end, css, "span", f"{KIND_LABELS[kind]}: {headword(kind, entry_id)}")
        )
    return marks


def mark_companion(text: str) -> str:
    """``text`` (plain, not yet escaped) as escaped HTML with its companion entries marked.

    For views that build their own HTML (the Concordance's left and right contexts); wrap
    the result with :data:`COMPANION_STYLE` once per view so the marks are visible. To
    combine with other highlights, pass :func:`companion_marks` to ``mark_up`` instead.

    >>> mark_companion("<b> Kautsky")
    '&lt;b&gt; <span class="ld-entry" title="Person: Karl Kautsky">Kautsky</span>'
    """
    return mark_up(text, companion_marks(text))


def headword(kind: EntryKind, entry_id: str) -> str:
    """The name an entry is listed under.

    >>> headword("person", "kapp")
    'Wolfgang Kapp'
    """
    entry = entry_by_id(kind, entry_id)
    return str(entry[{"glossary": "term", "person": "name", "work": "title"}.get(kind, "event")])


def _life(entry: dict) -> str:
    born, died = entry["born"], entry["died"]
    return f" ({born}–{died})" if born and died else ""


def _event_date(entry: dict) -> str:
    return entry["date"] + (f" – {entry['date_end']}" if entry["date_end"] else "")


def entry_html(kind: EntryKind, entry_id: str) -> str:
    """An entry's card: name, what it is, how the book uses it, references; all escaped.

    >>> html = entry_html("person", "kapp")
    >>> html.startswith('<div class="ld-card"><h4>Wolfgang Kapp (1858–1922)</h4>')
    True
    >>> "The book’s error" in html
    True
    """
    entry = entry_by_id(kind, entry_id)
    paragraphs: list[tuple[str, str]] = []
    if kind == "glossary":
        title, kind_line = entry["term"], f"Glossary · {entry['kind']}"
        paragraphs = [("", entry["definition"]), ("In the book", entry["in_the_book"])]
    elif kind == "person":
        title, kind_line = entry["name"] + _life(entry), f"Person · {entry['presented']}"
        paragraphs = [("", entry["who"]), ("In the book", entry["how_presented"])]
    elif kind == "work":
        title = entry["title"]
        kind_line = f"Work · {entry['author']}, {entry['year']} · {entry['kind']}"
        paragraphs = [
            ("", entry["about"]),
            ("In the book", entry["how_used"]),
            ("Editions", entry["volumes"]),
        ]
    else:
        title, kind_line = _event_date(entry), "Event"
        paragraphs = [("", entry["event"])]
    body = "".join(
        f"<p>{f'<b>{escape(lead)}:</b> ' if lead else ''}{escape(text)}</p>"
        for lead, text in paragraphs
        if text
    )
    if entry.get("book_error"):
        body += f'<p class="ld-error"><b>The book’s error:</b> {escape(entry["book_error"])}</p>'
    references = "".join(f"<li>{reference_html(r)}</li>" for r in entry["references"])
    return (
        f'<div class="ld-card"><h4>{escape(title)}</h4>'
        f'<div class="ld-kind">{escape(kind_line)}</div>{body}'
        f'<div class="ld-kind">References</div><ul>{references}</ul></div>'
    )


def reference_html(reference: str) -> str:
    """A reference escaped, its ``*title*`` (as the data files mark titles) in italics.

    >>> reference_html("E. H. Carr, *The Bolshevik Revolution* <1950>")
    'E. H. Carr, <i>The Bolshevik Revolution</i> &lt;1950&gt;'
    """
    return re.sub(r"\*([^*]+)\*", r"<i>\1</i>", escape(reference))


def paragraph_tooltip(paragraph_id: str) -> str:
    """A paragraph's page and first words, for the tooltip of a button naming it.

    >>> paragraph_tooltip("IV.27")
    '¶ IV.27, p. 40: The dictatorship of the proletariat arises not on the basis …'
    """
    paragraph = paragraphs_by_id()[paragraph_id]
    words = " ".join(paragraph.text.split()[:10])
    return f"¶ {paragraph_id}, p. {paragraph.page}: {words} …"


class EntryView(widgets.VBox):
    """An entry's card and a button for each paragraph that needs it.

    Parameters
    ----------
    on_paragraph : callable
        Called with a paragraph id when its button is clicked.

    Examples
    --------
    >>> opened = []
    >>> panel = EntryView(on_paragraph=opened.append)
    >>> panel.show("person", "kugelmann")
    >>> panel.paragraph_ids
    ('IV.34',)
    >>> panel.buttons[0].click(); opened
    ['IV.34']
    """

    def __init__(self, on_paragraph: Callable[[str], None]) -> None:
        self._on_paragraph = on_paragraph
        self._card = widgets.HTML()
        self._heading = widgets.HTML()
        self._links = widgets.Box(layout=widgets.Layout(flex_flow="row wrap"))
        self.entry: tuple[EntryKind, str] | None = None
        self.paragraph_ids: tuple[str, ...] = ()
        self._pool: list[widgets.Button] = []
        super().__init__([self._card, self._heading, self._links])
        self.clear()

    @property
    def html(self) -> str:
        """The card on view (with its style sheet)."""
        return self._card.value

    @property
    def buttons(self) -> tuple[widgets.Button, ...]:
        """The paragraph buttons, in book order."""
        return tuple(self._links.children)

    def show(self, kind: EntryKind, entry_id: str, here: str | None = None) -> None:
        """Show an entry; ``here`` (the paragraph being read) gets no button of its own."""
        self.entry = (kind, entry_id)
        self.paragraph_ids = tuple(p for p in entry_paragraphs(kind, entry_id) if p != here)
        self._card.value = view(COMPANION_STYLE, entry_html(kind, entry_id))
        noun = "other paragraph" if here else "paragraph"
        self._heading.value = view(
            f'<span class="ld-muted">{plural(len(self.paragraph_ids), noun)} '
            f"{'need' if len(self.paragraph_ids) != 1 else 'needs'} it"
            f"{' — click one to open it' if self.paragraph_ids else ''}</span>"
        )
        # Buttons are reused from one entry to the next: making a button costs more than
        # relabelling one, and an entry such as Lenin needs a hundred.
        while len(self._pool) < len(self.paragraph_ids):
            button = widgets.Button(layout=widgets.Layout(width="auto"))
            button.on_click(self._on_link_click)
            self._pool.append(button)
        for button, paragraph_id in zip(self._pool, self.paragraph_ids):
            button.description, button.tooltip = paragraph_id, paragraph_tooltip(paragraph_id)
        self._links.children = self._pool[: len(self.paragraph_ids)]
        self.layout.display = None

    def _on_link_click(self, button: widgets.Button) -> None:
        self._on_paragraph(button.description)

    def clear(self) -> None:
        """Show nothing (the panel takes no room)."""
        self.entry, self.paragraph_ids = None, ()
        self._card.value = self._heading.value = ""
        self._links.children = []
        self.layout.display = "none"


ENTRY_LABEL_LIMIT = 28


def entry_label(kind: EntryKind, entry_id: str) -> str:
    """The name an entry goes by on a button: its headword (an event's with its date),
    cut to :data:`ENTRY_LABEL_LIMIT` characters.

    >>> entry_label("person", "kapp"), entry_label("event", "kapp-putsch")[:22]
    ('Wolfgang Kapp', '1920-03-13 · Kapp puts')
    """
    name = headword(kind, entry_id)
    if kind == "event":
        name = f"{entry_by_id(kind, entry_id)['date']} · {name}"
    return name if len(name) <= ENTRY_LABEL_LIMIT else name[: ENTRY_LABEL_LIMIT - 1] + "…"


class ParagraphEntries(widgets.VBox):
    """A button for each entry a paragraph needs, and the panel the buttons open.

    For any view that shows one paragraph (the Reader's studied paragraph, the
    Concordance's selected line): :meth:`show` a paragraph, and a click on an entry's
    button shows its card with buttons to the other paragraphs that need it.

    Parameters
    ----------
    on_paragraph : callable
        Called with a paragraph id when one of the card's paragraph buttons is clicked.
    on_entry : callable, optional
        Called with no argument after an entry is opened (e.g. to highlight its mentions).

    Examples
    --------
    >>> entries = ParagraphEntries(on_paragraph=print)
    >>> entries.show("VII.54")
    >>> entries.buttons[0].description
    'Otzovists (Otzovism)'
    >>> entries.buttons[0].click(); entries.entry_view.entry
    ('glossary', 'otzovists')
    """

    def __init__(
        self, on_paragraph: Callable[[str], None], on_entry: Callable[[], None] | None = None
    ) -> None:
        self._on_entry = on_entry
        self.paragraph_id: str | None = None
        self._buttons = widgets.Box(layout=widgets.Layout(flex_flow="row wrap"))
        self.entry_view = EntryView(on_paragraph=on_paragraph)
        super().__init__([self._buttons, self.entry_view])

    @property
    def buttons(self) -> tuple[widgets.Button, ...]:
        """One button per entry, in the order of :func:`~leninism_data.tables.companion.
        paragraph_entries`."""
        return tuple(self._buttons.children)

    @property
    def chosen(self) -> tuple[EntryKind, str] | None:
        """The entry on view, if any."""
        return self.entry_view.entry

    def show(self, paragraph_id: str) -> None:
        """Offer the entries of ``paragraph_id`` (and close the entry on view)."""
        self.paragraph_id = paragraph_id
        self.entry_view.clear()
        buttons = []
        for kind, entry_id in paragraph_entries(paragraph_id):
            button = widgets.Button(
                description=entry_label(kind, entry_id),
                tooltip=f"{KIND_LABELS[kind]}: {headword(kind, entry_id)}",
                layout=widgets.Layout(width="auto"),
            )
            button.on_click(
                lambda _b, kind=kind, entry_id=entry_id: self.open_entry(kind, entry_id)
            )
            buttons.append(button)
        self._buttons.children = buttons

    def open_entry(self, kind: EntryKind, entry_id: str) -> None:
        """Show an entry beside the paragraph."""
        self.entry_view.show(kind, entry_id, here=self.paragraph_id)
        if self._on_entry is not None:
            self._on_entry()


# --------------------------------------------------------------------------- timeline


def _x(year: float, width: float) -> float:
    return 20 + (year - FIRST_YEAR) / (LAST_YEAR + 1 - FIRST_YEAR) * (width - 40)


def _chapter_list(chapters: Sequence[int]) -> str:
    """``"chapter IV"``, ``"chapters I, VI"`` or ``"no chapter"``.

    >>> _chapter_list([1, 6]), _chapter_list([4]), _chapter_list([0])
    ('chapters I, VI', 'chapter IV', 'chapter Introduction')
    """
    if not chapters:
        return "no chapter"
    noun = "chapter" if len(chapters) == 1 else "chapters"
    return f"{noun} {', '.join(chapter_label(c) for c in chapters)}"


def timeline_svg(events: pd.DataFrame, width: int = 900) -> str:
    """The events on a time axis 1848–1924 as inline SVG (hover a mark for the event).

    Single dates are dots; events that last more than a year are bars. Marks that would
    overlap are stacked. Colours come from the theme through the classes of
    :data:`COMPANION_STYLE`.

    >>> svg = timeline_svg(timeline())
    >>> svg.startswith('<svg class="ld-timeline"') and "<title>1871-03-18 – 1871-05-28" in svg
    True
    """
    marks: list[str] = []
    stack_ends: list[float] = []  # stack_ends[row] = x where the row is free again
    for row in events.itertuples():
        start = _x(
            row.year + (int(row.date[5:7]) - 1) / 12 if len(row.date) > 4 else row.year, width
        )
        end = _x(row.year_end + 1, width) if row.year_end > row.year else start
        level = next((i for i, free in enumerate(stack_ends) if free <= start), len(stack_ends))
        if level == len(stack_ends):
            stack_ends.append(0.0)
        stack_ends[level] = max(start, end) + 8
        y = 30 + 12 * level
        tip = (
            f"<title>{escape(row.date)}{' – ' + escape(row.date_end) if row.date_end else ''}: "
            f"{escape(row.event)} ({escape(_chapter_list(row.chapters))})</title>"
        )
        if end > start:
            marks.append(
                f'<rect class="ld-span" x="{start:.1f}" y="{y - 4}" width="{end - start:.1f}" '
                f'height="8" rx="3">{tip}</rect>'
            )
        else:
            marks.append(
                f'<circle class="ld-dot" cx="{start:.1f}" cy="{y}" r="4.5">{tip}</circle>'
            )
    height = 30 + 12 * max(len(stack_ends), 1) + 10
    axis = [
        f'<line x1="{_x(FIRST_YEAR, width)}" y1="14" x2="{_x(LAST_YEAR + 1, width)}" y2="14"/>'
    ]
    for year in range(FIRST_YEAR, LAST_YEAR + 1, 4):
        x = _x(year, width)
        axis.append(f'<line x1="{x:.1f}" y1="10" x2="{x:.1f}" y2="18"/>')
        if (year - FIRST_YEAR) % 8 == 0:
            axis.append(f'<text x="{x:.1f}" y="8" text-anchor="middle">{year}</text>')
    return (
        f'<svg class="ld-timeline" viewBox="0 0 {width} {height}" width="100%" '
        f'role="img" aria-label="Timeline of {plural(len(events), "event")}, '
        f'{FIRST_YEAR}–{LAST_YEAR}">{"".join(axis)}{"".join(marks)}</svg>'
    )


def timeline_list(events: pd.DataFrame) -> str:
    """The events as an HTML list by year, with the chapters that discuss each (escaped).

    >>> "<dt>1871</dt>" in timeline_list(timeline())
    True
    """
    parts = []
    for year, rows in events.groupby("year", sort=True):
        parts.append(f"<dt>{int(year)}</dt>")
        for row in rows.itertuples():
            date = row.date + (f" – {row.date_end}" if row.date_end else "")
            parts.append(
                f"<dd><b>{escape(date)}</b> {escape(row.event)} "
                f'<span class="ld-muted">· {escape(_chapter_list(row.chapters))} · '
                f"¶ {escape(', '.join(row.paragraph_ids) or '—')}</span></dd>"
            )
    return f'<dl class="ld-years">{"".join(parts)}</dl>'


# --------------------------------------------------------------------------- browser


def _matches(entries: pd.DataFrame, query: str) -> pd.Series:
    """Rows whose name, spellings or summary contain ``query`` (any case)."""
    needle = query.casefold()
    text = entries["headword"] + " " + entries["forms"].str.join(" ") + " " + entries["summary"]
    return text.str.casefold().str.contains(needle, regex=False)


class Companion(StudyWidget):
    """Browse the glossary, people, works and events of the book, or see them on a timeline.

    Search looks in names, spellings and summaries; Kind and Chapter filter the list.
    Choose an entry to read its card, with a button for every paragraph that needs it;
    a paragraph's button shows its text (entries marked) and its reference. The Timeline
    view places the events from 1848 to 1924 (hover a mark) and lists them by year with
    the chapters that discuss each.

    Parameters
    ----------
    query : str, default ""
    kind : {"glossary", "person", "work", "event"}, optional
    chapter : int or str, optional
    timeline : bool, default False
        Open on the timeline.

    Attributes
    ----------
    result : pandas.DataFrame
        The entries listed (rows of :func:`leninism_data.companion_entries`).

    Examples
    --------
    >>> Companion("Otzovists", kind="glossary")
    Companion(query='Otzovists', kind='glossary', 2 entries)
    >>> events = Companion(kind="event", chapter="VII").result
    >>> "kapp-putsch" in set(events["entry_id"]), events["label"].is_monotonic_increasing
    (True, True)
    """

    def __init__(
        self,
        query: str = "",
        *,
        kind: EntryKind | None = None,
        chapter: int | str | None = None,
        timeline: bool = False,
    ) -> None:
        if kind is not None and kind not in ENTRY_KINDS:
            raise ValueError(f"Unknown kind {kind!r}; choose from {list(ENTRY_KINDS)}.")
        chapter_number = None if chapter is None else ld.resolve_chapter(chapter)
        self._entries = companion_entries()
        self._entries["chapters"] = [
            tuple(sorted({paragraphs_by_id()[p].chapter for p in entry_paragraphs(k, i)} | set(c)))
            for k, i, c in zip(
                self._entries["kind"], self._entries["entry_id"], self._entries["chapters"]
            )
        ]
        self._search = widgets.Text(
            value=query,
            description="Search",
            placeholder="Otzovists, Kautsky, 1917 … (Enter)",
            continuous_update=False,
            style=LABEL_STYLE,
        )
        self._kind = widgets.Dropdown(
            options=[("All kinds", ALL), *((KIND_LABELS[k], k) for k in ENTRY_KINDS)],
            value=kind or ALL,
            description="Kind",
            style=LABEL_STYLE,
            layout=widgets.Layout(width="auto"),
        )
        self._chapter = widgets.Dropdown(
            options=chapter_options("All chapters"),
            value=ALL if chapter_number is None else chapter_number,
            description="Chapter",
            style=LABEL_STYLE,
            layout=widgets.Layout(width="auto"),
        )
        self._view = widgets.ToggleButtons(
            options=["Entries", "Timeline"],
            value="Timeline" if timeline else "Entries",
            description="View",
            style=LABEL_STYLE,
        )
        self._entry = widgets.Dropdown(
            description="Entry", style=LABEL_STYLE, layout=widgets.Layout(width="auto")
        )
        self._list = widgets.HTML()
        self._entry_view = EntryView(on_paragraph=self._show_paragraph)
        self._passage = widgets.HTML()
        super().__init__(
            [
                widgets.HBox(
                    [self._search, self._kind, self._chapter],
                    layout=widgets.Layout(flex_flow="row wrap"),
                ),
                self._view,
                self._list,
                self._entry,
                self._entry_view,
                self._passage,
            ]
        )
        for control in (self._search, self._kind, self._chapter, self._view):
            control.observe(self._on_filter_change, "value")
        self._entry.observe(self._on_entry_change, "value")
        self._render()

    @property
    def html(self) -> str:
        """The list or timeline on view."""
        return self._list.value

    @property
    def entry_view(self) -> EntryView:
        """The panel showing the chosen entry."""
        return self._entry_view

    def show_entry(self, kind: EntryKind, entry_id: str) -> None:
        """Show one entry (clearing the filters if they hide it)."""
        entry_by_id(kind, entry_id)  # a clear error for an unknown entry
        if not ((self._result["kind"] == kind) & (self._result["entry_id"] == entry_id)).any():
            with self._quietly():
                self._search.value, self._kind.value, self._chapter.value = "", ALL, ALL
            self._render()
        self._entry.value = f"{kind}:{entry_id}"

    def _repr_fields(self) -> list[str]:
        fields = repr_text("query", self._search.value)
        if self._kind.value != ALL:
            fields.append(f"kind={self._kind.value!r}")
        chapter = chosen(self._chapter)
        fields += repr_chapter(chapter if isinstance(chapter, int) else None)
        if self._view.value == "Timeline":
            fields.append("timeline=True")
        noun = "event" if self._view.value == "Timeline" else "entry"
        return fields + [
            plural(len(self._result), noun, noun[:-1] + "ies" if noun == "entry" else None)
        ]

    def _on_filter_change(self, _change: dict) -> None:
        if not self._is_quiet:
            self._render()

    def _on_entry_change(self, _change: dict) -> None:
        self._passage.value = ""
        if self._entry.value == ALL:
            self._entry_view.clear()
            return
        kind, entry_id = self._entry.value.split(":", 1)
        self._entry_view.show(kind, entry_id)

    def _show_paragraph(self, paragraph_id: str) -> None:
        paragraph = paragraphs_by_id()[paragraph_id]
        chosen_entry = self._entry_view.entry
        self._passage.value = view(
            COMPANION_STYLE,
            f'<div class="ld-heading">¶ {escape(paragraph_id)}</div>',
            f"<p>{mark_up(paragraph.text, companion_marks(paragraph.text, chosen_entry))}</p>",
            f'<p class="ld-muted">{escape(cite(paragraph_id))}</p>',
        )

    def _filtered(self) -> pd.DataFrame:
        rows = self._entries
        if self._view.value == "Timeline":
            rows = rows[rows["kind"] == "event"]
        elif self._kind.value != ALL:
            rows = rows[rows["kind"] == self._kind.value]
        chapter = chosen(self._chapter)
        if chapter is not None:
            rows = rows[rows["chapters"].map(lambda chapters: chapter in chapters)]
        query = self._search.value.strip()
        if query:
            rows = rows[_matches(rows, query)]
        return rows.reset_index(drop=True)

    def _render(self) -> None:
        self._result = self._filtered()
        rows = self._result
        query = self._search.value.strip()
        if rows.empty:
            what = f"matches “{query}”" if query else "fits these filters"
            self._list.value = view(
                message(f"No entry {what}. Clear the search or the filters.", "warning")
            )
        elif self._view.value == "Timeline":
            events = timeline().set_index("id").loc[list(rows["entry_id"])].reset_index()
            events = events.sort_values("date", kind="stable")
            self._list.value = view(
                COMPANION_STYLE,
                f'<div class="ld-muted">{plural(len(events), "event")}, {FIRST_YEAR}–{LAST_YEAR}: '
                "hover a mark for the event and the chapters that discuss it.</div>",
                timeline_svg(events),
                timeline_list(events),
            )
        else:
            self._list.value = view(COMPANION_STYLE, self._entry_table(rows))
        options = [("Choose an entry to read it", ALL)] + [
            (f"{row.headword} · {KIND_LABELS[row.kind]}", f"{row.kind}:{row.entry_id}")
            for row in rows.itertuples()
        ]
        previous = self._entry.value
        with self._quietly():
            self._entry.options = options
            self._entry.value = previous if previous in dict(options).values() else ALL
        self._on_entry_change({})

    def _entry_table(self, rows: pd.DataFrame) -> str:
        shown = rows.head(PAGE_SIZE * 5)
        items = "".join(
            f"<tr><td>{escape(row.headword)}</td><td>{escape(KIND_LABELS[row.kind])}</td>"
            f"<td>{escape(', '.join(chapter_label(c) for c in row.chapters) or '—')}</td>"
            f"<td>{escape(_first_sentence(row.summary))}</td></tr>"
            for row in shown.itertuples()
        )
        more = (
            f'<div class="ld-muted">The first {len(shown)} are listed; search or filter to '
            "narrow the list.</div>"
            if len(rows) > len(shown)
            else ""
        )
        noun = plural(len(rows), "entry", "entries")
        return (
            f'<div class="ld-muted">{noun} — choose one under “Entry” to read it.</div>'
            '<table class="ld-table"><tr><th>Name</th><th>Kind</th><th>Chapters</th>'
            f"<th>In brief</th></tr>{items}</table>{more}"
        )


def _first_sentence(text: str) -> str:
    """The text up to its first full stop followed by a space (or all of it).

    >>> _first_sentence("One. Two.")
    'One.'
    """
    cut = text.find(". ")
    return text if cut < 0 else text[: cut + 1]
