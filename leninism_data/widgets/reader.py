"""Reader: read the book chapter by chapter or section by section, with its apparatus."""

from __future__ import annotations

import os
import re

import ipywidgets as widgets

import leninism_data as ld
from leninism_data.corpus.naming import (
    ChapterLike,
    UnknownAnchorError,
    chapter_label,
    resolve_anchor,
)
from leninism_data.seminar.notes import NoteStore
from leninism_data.tables.citing import UnknownParagraphError
from leninism_data.widgets._base import (
    ALL,
    LABEL_STYLE,
    StudyWidget,
    chapter_options,
    chosen,
    has_sections,
    option_value,
    resolve_section,
    section_options,
)
from leninism_data.widgets._html import Mark, escape, mark_up, message, pages_label, plural, view
from leninism_data.widgets._passages import Passage, paragraphs_by_id
from leninism_data.widgets.citations import citation_title
from leninism_data.widgets.companion import (
    COMPANION_STYLE,
    EntryView,
    ParagraphEntries,
    companion_marks,
)
from leninism_data.widgets.notes import Notes

Unit = tuple[int, int | None]  # (chapter, section); section None = the whole chapter
# Footnotes open in place: the marker is the <summary> of an inline <details> (no
# JavaScript). ::details-content (Chromium 131+) keeps the opened note in the line;
# elsewhere the note opens on a line of its own.
READER_STYLE = """<style>
.ld-view details.ld-fn{display:inline}
.ld-view details.ld-fn::details-content{display:inline}
.ld-view details.ld-fn:not([open])::details-content{display:none}
.ld-view details.ld-fn>summary{display:inline;list-style:none;cursor:pointer;
 color:var(--jp-brand-color1);font-weight:bold;font-size:.75em;vertical-align:super}
.ld-view details.ld-fn>summary::-webkit-details-marker{display:none}
.ld-view .ld-fn-text{font-size:.85em;color:var(--jp-content-font-color1);
 background:var(--jp-layout-color2);border:1px solid var(--jp-border-color2);
 border-radius:2px;padding:0 .3em;margin:0 .2em}
</style>"""


def resolve_paragraph(target: str) -> Passage:
    """The paragraph a reader typed, in any case (``"iv.27"``, ``"¶ IV.27"``, ``"intro.3"``).

    Ids are read by :func:`leninism_data.corpus.naming.resolve_anchor`, the package's one
    resolver, so a sentence id (``"IV.27.2"``) or a footnote (``"fn3"``) opens its
    paragraph too. An unknown id in a real chapter is answered with that chapter's
    closest paragraphs first.

    Raises
    ------
    leninism_data.UnknownParagraphError
        With the closest ids.

    Examples
    --------
    >>> resolve_paragraph("iv.27").paragraph_id, resolve_paragraph("intro.3").paragraph_id
    ('IV.27', 'Intro.3')
    >>> resolve_paragraph("fn3").paragraph_id
    'I.30'
    >>> resolve_paragraph("iv.299")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    leninism_data.corpus.naming.UnknownAnchorError: ... Did you mean 'IV.64', 'IV.63', 'IV.62'?
    """
    if not isinstance(target, str):
        raise TypeError(
            f"A paragraph id is a string such as 'IV.27', not {type(target).__name__}."
        )
    cleaned = re.sub(r"\s*\.\s*", ".", target.strip().removeprefix("¶").strip())
    try:
        anchor = resolve_anchor(cleaned)
    except UnknownAnchorError as error:
        hint = closest_in_chapter(cleaned)
        if hint is None:
            raise
        raise UnknownParagraphError(hint) from error
    return paragraphs_by_id()[anchor.paragraph_id]


def closest_in_chapter(paragraph_id: str) -> str | None:
    """For an unknown id in a real chapter, its range and closest paragraphs (else None).

    >>> closest_in_chapter("iv.299").split(": ")[1]
    "Chapter IV has paragraphs IV.1–IV.64. Did you mean 'IV.64', 'IV.63', 'IV.62'?"
    >>> closest_in_chapter("xi.3") is None  # no Chapter XI
    True
    """
    chapter, _, number = paragraph_id.partition(".")
    if not number.isdigit():
        return None
    try:
        prefix = resolve_anchor(f"{chapter}.1").paragraph_id.split(".")[0]
    except UnknownAnchorError:
        return None  # not a chapter of the book
    same_chapter = [p for p in paragraphs_by_id() if p.split(".")[0] == prefix]
    closest = sorted(same_chapter, key=lambda p: abs(int(p.split(".")[1]) - int(number)))
    where = "the Introduction" if prefix == "Intro" else f"Chapter {prefix}"
    return (
        f"{f'{prefix}.{int(number)}'!r} is not a paragraph of the book: {where} has "
        f"paragraphs {same_chapter[0]}–{same_chapter[-1]}. Did you mean "
        f"{', '.join(repr(p) for p in closest[:3])}?"
    )


def first_paragraph(chapter: int, section: int | None) -> str:
    """The id of the first paragraph of a chapter, or of one of its sections.

    >>> first_paragraph(4, None), first_paragraph(4, 2)
    ('IV.1', 'IV.26')
    """
    return next(
        p.paragraph_id
        for p in paragraphs_by_id().values()
        if p.chapter == chapter and (section is None or p.section == section)
    )


def word_end(text: str, offset: int) -> int:
    """``offset``, or the end of the word it falls inside (where to mark a page break that
    splits a word: the word was hyphenated across the two pages).

    >>> word_end("the weakening of", 10), word_end("the weakening of", 4)
    (13, 4)
    """
    if 0 < offset < len(text) and text[offset - 1].isalnum():
        while offset < len(text) and text[offset].isalnum():
            offset += 1
    return offset


class Reader(StudyWidget):
    """Read a chapter whole or section by section, as printed, with its apparatus and the
    study companion.

    Paragraph ids and printed pages stand in the margin, page breaks inside a paragraph
    are marked where they fall, footnote markers are superscript numbers that open their
    note in place when clicked, block quotations are set off with the name of who is
    quoted, references to Lenin's Works are underlined (hover for volume and page), and
    the words that have an entry in the companion (terms, people, works) have a dotted
    underline (hover for the entry's name).

    One paragraph at a time is *studied*: the first on view, or the one you went to. Beside
    it stand a button for each of its footnotes (opens the note at its marker) and one for
    each entry it needs (shows the entry beside the paragraph, with buttons to the other
    paragraphs that need it); "Next ¶ ▶" and "◀ Previous ¶" move to the neighbouring
    paragraphs. Previous / Next step through chapters, or through sections once a section
    is chosen; "Go to" opens a paragraph id (``IV.27``, any case) or a printed page
    (``40``) when you press Enter.

    Parameters
    ----------
    chapter : int or str, default "Introduction"
        ``4``, ``"IV"`` or ``"Introduction"``.
    section : int, optional
        A section of the chapter (0 = its text before section 1); None shows the whole
        chapter.
    paragraph_id : str, optional
        Open the section of this paragraph (``"IV.26"``) with the paragraph studied and
        the paragraphs before it folded away; it overrides ``chapter`` and ``section``.
    notes : bool, NoteStore or path, optional
        Add a :class:`~leninism_data.widgets.Notes` panel under the text, to write notes
        beside the paragraph studied, and show in the margin how many notes each paragraph
        has. ``True`` uses your default notes file; a store or a path uses that one.

    Attributes
    ----------
    result : pandas.DataFrame
        The rows of :func:`leninism_data.paragraphs` on view.

    Examples
    --------
    >>> reader = Reader("IV")
    >>> reader
    Reader(chapter='IV', 64 paragraphs)
    >>> "All quiet at the Shipka Pass" in reader.html
    True
    >>> reader.go_to("iv.27")
    >>> reader
    Reader(chapter='IV', section=2, paragraph_id='IV.27', 15 paragraphs)
    >>> Reader(paragraph_id="IV.27", notes=ld.NoteStore(":memory:")).notes
    Notes(paragraph_id='IV.27', 0 notes)
    """

    def __init__(
        self,
        chapter: ChapterLike = "Introduction",
        *,
        section: int | None = None,
        paragraph_id: str | None = None,
        notes: bool | NoteStore | str | os.PathLike[str] | None = None,
    ) -> None:
        focus = None
        if paragraph_id is not None:
            focus = resolve_paragraph(paragraph_id)
            chapter_number = focus.chapter
            section = resolve_section(chapter_number, focus.section)
        else:
            chapter_number = ld.resolve_chapter(chapter)
            section = resolve_section(chapter_number, section)
        self._table = ld.paragraphs()
        self._sections = ld.sections()
        self._chapters = ld.chapters().set_index("chapter")
        self._footnote_texts = dict(zip(ld.footnotes()["footnote"], ld.footnotes()["text"]))
        self._speakers = dict(zip(self._table["paragraph_id"], self._table["speaker"]))
        self._citations: dict[str, list] = {}
        for citation in ld.citations().itertuples():
            self._citations.setdefault(citation.paragraph_id, []).append(citation)
        self._focus = None if focus is None else focus.paragraph_id
        self._step_by_section = False  # kept up to date by _render
        self._open_footnotes: set[int] = set()

        wide = widgets.Layout(width="auto", max_width="100%")
        self._chapter = widgets.Dropdown(
            options=chapter_options(),
            value=chapter_number,
            description="Chapter",
            style=LABEL_STYLE,
            layout=wide,
        )
        self._section = widgets.Dropdown(
            options=section_options(chapter_number, "Whole chapter"),
            value=option_value(section),
            description="Section",
            style=LABEL_STYLE,
            layout=widgets.Layout(width="auto", max_width="100%"),
        )
        self._previous = widgets.Button(
            description="◀ Previous", layout=widgets.Layout(width="auto")
        )
        self._next = widgets.Button(description="Next ▶", layout=widgets.Layout(width="auto"))
        self._go_to = widgets.Text(
            description="Go to",
            placeholder="¶ IV.27 or page 40",
            continuous_update=False,
            style=LABEL_STYLE,
            layout=widgets.Layout(width="16em"),
        )
        self._message = widgets.HTML()
        self._position = widgets.HTML()
        # The text flows in three parts so that the studied paragraph can stand in a row
        # of widgets (its buttons and the entry panel beside it); no part scrolls on its
        # own: the notebook scrolls.
        self._before = widgets.HTML()
        self._studied = widgets.HTML(layout=widgets.Layout(flex="1 1 30em", min_width="0"))
        self._previous_paragraph = widgets.Button(
            description="◀ Previous ¶",
            tooltip="Study the paragraph before",
            layout=widgets.Layout(width="auto"),
        )
        self._next_paragraph = widgets.Button(
            description="Next ¶ ▶",
            tooltip="Study the paragraph after",
            layout=widgets.Layout(width="auto"),
        )
        self._footnote_buttons = widgets.Box(layout=widgets.Layout(flex_flow="row wrap"))
        self._entries = ParagraphEntries(on_paragraph=self.go_to, on_entry=self._render_studied)
        side = widgets.VBox(
            [
                widgets.HBox([self._previous_paragraph, self._next_paragraph]),
                self._footnote_buttons,
                self._entries,
            ],
            layout=widgets.Layout(flex="0 1 24em", min_width="16em"),
        )
        self._after = widgets.HTML()
        self._notes: Notes | None = None
        self._note_counts: dict[str, int] = {}
        if notes is not None and notes is not False:
            self._notes = Notes(
                self._focus or first_paragraph(chapter_number, section),
                store=None if notes is True else notes,
            )
            self._notes.observe_saved(self._render)
        super().__init__(
            [
                widgets.HBox(
                    [self._chapter, self._section], layout=widgets.Layout(flex_flow="row wrap")
                ),
                widgets.HBox([self._previous, self._next, self._go_to]),
                self._message,
                self._position,
                self._before,
                widgets.HBox(
                    [self._studied, side],
                    layout=widgets.Layout(flex_flow="row wrap", align_items="flex-start"),
                ),
                self._after,
                *([self._notes] if self._notes else []),
            ]
        )
        self._chapter.observe(self._on_chapter_change, "value")
        self._section.observe(self._on_section_change, "value")
        self._previous.on_click(self._on_previous_click)
        self._next.on_click(self._on_next_click)
        self._previous_paragraph.on_click(self._on_previous_paragraph_click)
        self._next_paragraph.on_click(self._on_next_paragraph_click)
        self._go_to.observe(self._on_go_to_change, "value")
        self._render()

    @property
    def html(self) -> str:
        """The HTML of the text on view (the three parts the page shows, in order)."""
        return self._before.value + self._studied.value + self._after.value

    @property
    def notes(self) -> Notes | None:
        """The notes panel (None unless the Reader was made with ``notes=``)."""
        return self._notes

    @property
    def studied(self) -> str:
        """The id of the paragraph studied (the one gone to, or the first on view)."""
        return self._focus or str(self._result["paragraph_id"].iloc[0])

    @property
    def footnote_buttons(self) -> tuple[widgets.ToggleButton, ...]:
        """A toggle for each footnote of the paragraph studied: it opens the note at its
        marker."""
        return tuple(self._footnote_buttons.children)

    @property
    def entry_buttons(self) -> tuple[widgets.Button, ...]:
        """A button for each companion entry the paragraph studied needs."""
        return self._entries.buttons

    @property
    def entry_view(self) -> EntryView:
        """The panel beside the paragraph showing the entry last clicked."""
        return self._entries.entry_view

    def go_to(self, target: str) -> None:
        """Study a paragraph (``"IV.27"``, any case) or the first one printed on a page
        (``"40"``, ``"p. 40"``), showing its chapter or section.

        Raises
        ------
        ValueError
            For an unknown paragraph (with the closest ids) or page; the "Go to" box shows
            the same message instead of raising.
        """
        paragraph = self._find(target.strip())
        self._show(
            (paragraph.chapter, resolve_section(paragraph.chapter, paragraph.section)),
            focus=paragraph.paragraph_id,
        )

    def _repr_fields(self) -> list[str]:
        fields = [f"chapter={chapter_label(self._chapter.value)!r}"]
        if chosen(self._section) is not None:
            fields.append(f"section={self._section.value}")
        if self._focus is not None:
            fields.append(f"paragraph_id={self._focus!r}")
        return fields + [plural(len(self._result), "paragraph")]

    # --------------------------------------------------------------- navigation

    def _units(self) -> list[Unit]:
        """The reading order Previous / Next step through."""
        if not self._step_by_section:
            return [(int(chapter), None) for chapter in self._chapters.index]
        units: list[Unit] = []
        for chapter in self._chapters.index:
            if has_sections(chapter):
                sections = self._sections[self._sections["chapter"] == chapter]["section"]
                units += [(int(chapter), int(section)) for section in sections]
            else:
                units.append((int(chapter), None))
        return units

    def _show(self, unit: Unit, focus: str | None = None) -> None:
        chapter, section = unit
        with self._quietly():
            if chapter != self._chapter.value:
                self._chapter.value = chapter
                self._section.options = section_options(chapter, "Whole chapter")
            self._section.value = option_value(section)
        self._focus = focus
        self._render()

    def _on_chapter_change(self, _change: dict) -> None:
        if self._is_quiet:
            return
        with self._quietly():
            self._section.options = section_options(self._chapter.value, "Whole chapter")
            self._section.value = ALL
        self._focus = None
        self._render()

    def _on_section_change(self, _change: dict) -> None:
        if self._is_quiet:
            return
        self._focus = None
        self._render()

    def _unit(self) -> Unit:
        """The chapter and section on view (section None: the whole chapter)."""
        section = chosen(self._section)
        return int(self._chapter.value), section if isinstance(section, int) else None

    def _step(self, step: int) -> None:
        units = self._units()
        here = units.index(self._unit())
        self._show(units[min(max(here + step, 0), len(units) - 1)])

    def _on_previous_click(self, _button: widgets.Button) -> None:
        self._step(-1)

    def _on_next_click(self, _button: widgets.Button) -> None:
        self._step(+1)

    def _step_paragraph(self, step: int) -> None:
        ids = list(self._result["paragraph_id"])
        here = ids.index(self.studied) + step
        if 0 <= here < len(ids):
            self._focus = ids[here]
            self._render()

    def _on_previous_paragraph_click(self, _button: widgets.Button) -> None:
        self._step_paragraph(-1)

    def _on_next_paragraph_click(self, _button: widgets.Button) -> None:
        self._step_paragraph(+1)

    def _on_go_to_change(self, _change: dict) -> None:
        target = self._go_to.value.strip()
        if not target:
            return
        try:
            self.go_to(target)
        except ValueError as error:
            self._message.value = view(message(str(error), "warning"))
            return
        self._go_to.value = ""  # so that the same target can be typed again

    def _find(self, target: str) -> Passage:
        """The paragraph for a typed id, or the first one printed on a typed page."""
        page_number = target.lower().removeprefix("page").removeprefix("p.").strip()
        if page_number.isdigit():
            page = int(page_number)
            on_page = self._table[
                (self._table["page"] <= page) & (self._table["page_end"] >= page)
            ]
            if on_page.empty:
                first, last = self._table["page"].min(), self._table["page_end"].max()
                raise ValueError(
                    f"No paragraph is printed on page {page}; the text runs "
                    f"from page {first} to {last}."
                )
            return paragraphs_by_id()[on_page["paragraph_id"].iloc[0]]
        return resolve_paragraph(target)

    # ------------------------------------------------------- footnotes and entries

    def _on_footnote_toggle(self, change: dict) -> None:
        number = int(change["owner"].description.split()[-1])
        if change["new"]:
            self._open_footnotes.add(number)
        else:
            self._open_footnotes.discard(number)
        self._render_studied()

    def _study_controls(self, paragraph: Passage) -> None:
        """The footnote toggles and entry buttons of the paragraph studied."""
        toggles = []
        for _, number in paragraph.markers:
            toggle = widgets.ToggleButton(
                value=number in self._open_footnotes,
                description=f"Footnote {number}",
                tooltip=f"Open footnote {number} at its marker",
                layout=widgets.Layout(width="auto"),
            )
            toggle.observe(self._on_footnote_toggle, "value")
            toggles.append(toggle)
        self._footnote_buttons.children = toggles
        self._entries.show(paragraph.paragraph_id)

    # ---------------------------------------------------------------- rendering

    def _render(self) -> None:
        chapter, section = self._chapter.value, chosen(self._section)
        if section is not None:
            self._step_by_section = True
        elif has_sections(chapter):
            self._step_by_section = False  # else keep stepping as before
        on_view = self._table[self._table["chapter"] == chapter]
        if section is not None:
            on_view = on_view[on_view["section"] == section]
        self._result = on_view.reset_index(drop=True)
        units = self._units()
        here = units.index(self._unit())
        self._previous.disabled, self._next.disabled = here == 0, here == len(units) - 1
        self._message.value = ""  # a success clears the last warning
        self._position.value = view(self._position_text())
        if self._notes is not None:
            listed = self._notes.store.list()["paragraph_id"]
            self._note_counts = listed.value_counts().to_dict()
        ids = list(self._result["paragraph_id"])
        studied = ids.index(self.studied)
        self._previous_paragraph.disabled = studied == 0
        self._next_paragraph.disabled = studied == len(ids) - 1
        parts = [self._chapter_heading(chapter)]
        if self._focus is not None and studied:
            parts.append(
                f"<details><summary>¶ {escape(ids[0])}–{escape(ids[studied - 1])} "
                f"({plural(studied, 'paragraph')} before ¶ {escape(self._focus)})"
                f"</summary>{self._paragraphs(ids[:studied])}</details>"
            )
        else:
            parts.append(self._paragraphs(ids[:studied]))
        paragraph = paragraphs_by_id()[ids[studied]]
        previous_section = paragraphs_by_id()[ids[studied - 1]].section if studied else None
        parts.append(self._section_heading(paragraph, previous_section))
        self._before.value = view(READER_STYLE, COMPANION_STYLE, *parts)
        self._after.value = view(
            READER_STYLE, COMPANION_STYLE, self._paragraphs(ids[studied + 1 :], paragraph.section)
        )
        self._open_footnotes &= set(paragraph.footnotes)
        self._study_controls(paragraph)
        self._render_studied()
        if self._notes is not None and self._notes.paragraph_id != paragraph.paragraph_id:
            self._notes.show(paragraph.paragraph_id)

    def _render_studied(self) -> None:
        paragraph = paragraphs_by_id()[self.studied]
        self._studied.value = view(
            READER_STYLE,
            COMPANION_STYLE,
            self._card(paragraph, studied=True, chosen=self._entries.chosen),
        )

    def _position_text(self) -> str:
        rows = self._result
        first, last = rows["paragraph_id"].iloc[0], rows["paragraph_id"].iloc[-1]
        where = f"Chapter {chapter_label(self._chapter.value)}"
        if self._chapter.value == 0:
            where = "Introduction"
        if chosen(self._section) is not None:
            n_sections = int(self._chapters.loc[self._chapter.value, "n_sections"])
            where += f" · section {self._section.value} of {n_sections}"
        return (
            f"<b>{escape(where)}</b> · ¶ {escape(first)}–{escape(last)} · "
            f"{pages_label(int(rows['page'].min()), int(rows['page_end'].max()))}"
        )

    def _chapter_heading(self, chapter: int) -> str:
        row = self._chapters.loc[chapter]
        return f'<div class="ld-heading">{escape(row["heading"])} · {escape(row["title"])}</div>'

    def _section_heading(self, paragraph: Passage, previous_section: int | None) -> str:
        """The numbered section's heading, if ``paragraph`` opens it."""
        if not paragraph.section or paragraph.section == previous_section:
            return ""
        title = self._sections[
            (self._sections["chapter"] == paragraph.chapter)
            & (self._sections["section"] == paragraph.section)
        ]["title"].item()
        return f'<div class="ld-heading">{paragraph.section}) {escape(title)}</div>'

    def _paragraphs(self, ids: list[str], section: int | None = None) -> str:
        parts = []
        for paragraph_id in ids:
            paragraph = paragraphs_by_id()[paragraph_id]
            parts.append(self._section_heading(paragraph, section))
            section = paragraph.section
            parts.append(self._card(paragraph))
        return "".join(parts)

    def _card(
        self,
        paragraph: Passage,
        studied: bool = False,
        chosen: tuple[str, str] | None = None,
    ) -> str:
        marks = [
            Mark(citation.start, citation.end, "ld-cite", "span", citation_title(citation))
            for citation in self._citations.get(paragraph.paragraph_id, [])
        ]
        marks += companion_marks(paragraph.text, chosen)
        opened = self._open_footnotes if studied else set()
        inserts = [
            (
                offset,
                f'<details class="ld-fn"{" open" if number in opened else ""}>'
                f'<summary title="Footnote {number}">{number}</summary>'
                f'<span class="ld-fn-text">{escape(self._footnote_texts[number])}</span>'
                "</details>",
            )
            for offset, number in paragraph.markers
        ]
        inserts += [
            (word_end(paragraph.text, offset), f'<span class="ld-pagebreak">[p. {page}]</span>')
            for offset, page in paragraph.page_breaks[1:]
        ]
        css = "ld-para"
        margin = (
            f"¶ <b>{escape(paragraph.paragraph_id)}</b><br>"
            f"{pages_label(paragraph.page, paragraph.page_end)}"
        )
        if paragraph.kind == "quotation":
            css += " ld-quotation"
            margin += f"<br>quoting {escape(self._speakers[paragraph.paragraph_id])}"
        n_notes = self._note_counts.get(paragraph.paragraph_id, 0)
        if n_notes:
            margin += f'<br><span class="ld-muted">✎ {plural(n_notes, "note")}</span>'
        if studied:
            css += " ld-focus"
        return (
            f'<div class="{css}"><div class="ld-margin">{margin}</div>'
            f'<div class="ld-body">{mark_up(paragraph.text, marks, inserts)}</div></div>'
        )
