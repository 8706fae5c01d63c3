"""Reader: read the book chapter by chapter or section by section, with its apparatus."""

from __future__ import annotations

import os

import ipywidgets as widgets

import leninism_data as ld
from leninism_data.corpus.book import book
from leninism_data.corpus.naming import ChapterLike, chapter_label
from leninism_data.corpus.structure import Paragraph
from leninism_data.seminar.notes import NoteStore
from leninism_data.tables.citing import find_paragraph
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
from leninism_data.widgets.citations import citation_title
from leninism_data.widgets.notes import Notes

Unit = tuple[int, int | None]  # (chapter, section); section None = the whole chapter


def first_paragraph(chapter: int, section: int | None) -> str:
    """The id of the first paragraph of a chapter, or of one of its sections.

    >>> first_paragraph(4, None), first_paragraph(4, 2)
    ('IV.1', 'IV.26')
    """
    return next(
        p.paragraph_id
        for p in book().paragraphs
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
    """Read a chapter whole or section by section, as printed, with its apparatus.

    Paragraph ids and printed pages stand in the margin, page breaks inside a paragraph
    are marked where they fall, footnote markers are superscript numbers at their place in
    the text with the footnote beside the paragraph (click to open: plain HTML
    ``<details>``, no JavaScript), block quotations are set off with the name of who is
    quoted, and references to Lenin's Works are underlined (hover for volume and page).
    Previous / Next step through chapters, or through sections once a section is chosen;
    "Go to" opens a paragraph id (``IV.27``) or a printed page (``40``) — the box updates
    when you press Enter or leave it (``continuous_update=False``).

    Parameters
    ----------
    chapter : int or str, default "Introduction"
        ``4``, ``"IV"`` or ``"Introduction"``.
    section : int, optional
        A section of the chapter (0 = its text before section 1); None shows the whole
        chapter.
    paragraph_id : str, optional
        Open the section of this paragraph (``"IV.26"``) with the paragraph outlined and
        the paragraphs before it folded away; it overrides ``chapter`` and ``section``.
    notes : bool, NoteStore or path, optional
        Add a :class:`~leninism_data.widgets.Notes` panel under the text, to write notes
        beside the paragraph you went to (or the first one on view), and show in the
        margin how many notes each paragraph has. ``True`` uses your default notes file;
        a store or a path uses that one.

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
    >>> Reader(paragraph_id="IV.26")
    Reader(chapter='IV', section=2, paragraph_id='IV.26', 15 paragraphs)
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
            focus = find_paragraph(paragraph_id)
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
        self._citations = {
            paragraph: list(rows.itertuples())
            for paragraph, rows in ld.citations().groupby("paragraph_id")
        }
        self._focus = None if focus is None else focus.paragraph_id
        self._step_by_section = False  # kept up to date by _render

        self._chapter = widgets.Dropdown(
            options=chapter_options(),
            value=chapter_number,
            description="Chapter",
            style=LABEL_STYLE,
        )
        self._section = widgets.Dropdown(
            options=section_options(chapter_number, "Whole chapter"),
            value=option_value(section),
            description="Section",
            style=LABEL_STYLE,
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
        self._position = widgets.HTML()
        self._page = widgets.HTML(
            layout=widgets.Layout(max_height="40em", overflow="auto"), tabbable=True
        )
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
                widgets.HBox([self._chapter, self._section]),
                widgets.HBox([self._previous, self._next, self._go_to]),
                self._position,
                self._page,
                *([self._notes] if self._notes else []),
            ]
        )
        self._chapter.observe(self._on_chapter_change, "value")
        self._section.observe(self._on_section_change, "value")
        self._previous.on_click(self._on_previous_click)
        self._next.on_click(self._on_next_click)
        self._go_to.observe(self._on_go_to_change, "value")
        self._render()

    @property
    def html(self) -> str:
        """The HTML of the text on view (what the page area shows)."""
        return self._page.value

    @property
    def notes(self) -> Notes | None:
        """The notes panel (None unless the Reader was made with ``notes=``)."""
        return self._notes

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

    def _step(self, step: int) -> None:
        units = self._units()
        here = units.index((self._chapter.value, chosen(self._section)))
        self._show(units[min(max(here + step, 0), len(units) - 1)])

    def _on_previous_click(self, _button: widgets.Button) -> None:
        self._step(-1)

    def _on_next_click(self, _button: widgets.Button) -> None:
        self._step(+1)

    def _on_go_to_change(self, _change: dict) -> None:
        target = self._go_to.value.strip().removeprefix("¶").strip()
        if not target:
            return
        try:
            paragraph = self._find(target)
        except ValueError as error:
            self._position.value = view(self._position_text(), message(str(error), "warning"))
            return
        self._show(
            (paragraph.chapter, resolve_section(paragraph.chapter, paragraph.section)),
            focus=paragraph.paragraph_id,
        )
        self._go_to.value = ""  # so that the same target can be typed again

    def _find(self, target: str) -> Paragraph:
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
            return find_paragraph(on_page["paragraph_id"].iloc[0])
        return find_paragraph(target)

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
        here = units.index((chapter, section))
        self._previous.disabled, self._next.disabled = here == 0, here == len(units) - 1
        self._position.value = view(self._position_text())
        ids = list(self._result["paragraph_id"])
        folded = ids.index(self._focus) if self._focus in ids else 0
        parts = [self._chapter_heading(chapter)]
        if folded:
            parts.append(
                f"<details><summary>¶ {escape(ids[0])}–{escape(ids[folded - 1])} "
                f"({plural(folded, 'paragraph')} before ¶ {escape(self._focus)})"
                f"</summary>{self._paragraphs(ids[:folded])}</details>"
            )
        parts.append(self._paragraphs(ids[folded:]))
        self._page.value = view(*parts)
        target = self._focus or ids[0]
        if self._notes is not None and self._notes.paragraph_id != target:
            self._notes.show(target)

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

    def _paragraphs(self, ids: list[str]) -> str:
        if self._notes is not None:
            listed = self._notes.store.list()["paragraph_id"]
            self._note_counts = listed.value_counts().to_dict()
        parts, section = [], None
        for paragraph_id in ids:
            paragraph = book().paragraph_by_id[paragraph_id]
            if paragraph.section != section:
                section = paragraph.section
                title = self._sections[
                    (self._sections["chapter"] == paragraph.chapter)
                    & (self._sections["section"] == section)
                ]["title"].item()
                if section:
                    parts.append(f'<div class="ld-heading">{section}) {escape(title)}</div>')
            parts.append(self._card(paragraph))
        return "".join(parts)

    def _card(self, paragraph: Paragraph) -> str:
        marks = [
            Mark(citation.start, citation.end, "ld-cite", "span", citation_title(citation))
            for citation in self._citations.get(paragraph.paragraph_id, [])
        ]
        inserts = [
            (offset, f'<sup class="ld-fn" title="Footnote {number}">{number}</sup>')
            for offset, number in paragraph.markers
        ]
        inserts += [
            (word_end(paragraph.text, offset), f'<span class="ld-pagebreak">[p. {page}]</span>')
            for offset, page in paragraph.page_breaks[1:]
        ]
        notes = "".join(
            f"<details><summary>Footnote {number}</summary>"
            f"{escape(self._footnote_texts[number])}</details>"
            for _, number in paragraph.markers
        )
        css = "ld-para ld-with-notes"
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
        if paragraph.paragraph_id == self._focus:
            css += " ld-focus"
        return (
            f'<div class="{css}"><div class="ld-margin">{margin}</div>'
            f'<div class="ld-body">{mark_up(paragraph.text, marks, inserts)}</div>'
            f'<div class="ld-notes">{notes}</div></div>'
        )
