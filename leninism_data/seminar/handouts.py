"""Printable handouts for a seminar: passages with their ids, pages, footnotes and references.

:func:`handout` gathers passages of the book — a list of paragraph ids, a chapter or a
section — into a :class:`Handout`: one page of HTML (for the browser and the printer) and
the same content as Markdown. Each passage carries its citable id (``¶ IV.27``), its printed
page(s), the page breaks of the printed edition and its footnote markers at the place they
stand in the text; under it come its footnotes, the references it makes (Lenin's *Works* by
volume and page, with Ibid. resolved), and, if you pass them, your notes on it. Discussion
questions close the page.

Everything that comes from the book, from a note or from the caller (title, questions,
tags) is escaped: in HTML with :func:`html.escape`, in Markdown with a backslash before
every character that Markdown or HTML could read as markup. So a note such as
``<script>alert(1)</script> & co.`` appears as written and never runs.

Examples
--------
>>> from leninism_data.seminar.handouts import handout
>>> sheet = handout(["III.7"], questions=["Why does theory come first?"])
>>> sheet
Handout('Selected passages: III.7', passages=1, format='html')
>>> print(sheet.markdown.split("\\n\\n")[3])
> “Without a revolutionary theory there can be no revolutionary \\[p. 20\\] movement.”¹⁰ (See Vol. IV, p. 380.)
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Literal

import pandas as pd

from leninism_data.analysis.parts import resolve_part
from leninism_data.corpus.arguments import check_choice, check_texts
from leninism_data.corpus.book import book
from leninism_data.corpus.formatting import escape_html, page_range
from leninism_data.corpus.naming import ChapterLike
from leninism_data.corpus.references import Citation
from leninism_data.seminar.notes import NoteStore
from leninism_data.tables.citing import BOOK_TITLE, UnknownParagraphError, find_paragraph
from leninism_data.tables.companion import entry_by_id, paragraph_entries

__all__ = ["CSS", "Handout", "Selection", "handout", "md_escape"]

Selection = ChapterLike | tuple[int, int] | Iterable[str]
"""What a handout covers: a chapter (``4``, ``"IV"``), a section (``"III.2"``, ``(3, 2)``),
or an iterable of paragraph ids (``["IV.27", "IV.28"]``)."""

Format = Literal["html", "markdown"]

CSS = """\
.ld-handout { font-family: Georgia, "Times New Roman", Times, serif; line-height: 1.5;
  max-width: 44em; color: #111; }
.ld-handout h1 { font-size: 1.6em; margin: 0 0 0.2em; line-height: 1.25; }
.ld-handout h2 { font-size: 1.2em; margin: 1.6em 0 0.4em; padding-bottom: 0.1em;
  border-bottom: 1px solid #999; }
.ld-handout h3 { font-size: 1em; margin: 1.2em 0 0.2em; }
.ld-handout h4 { font-size: 0.9em; margin: 0.6em 0 0.1em; }
.ld-handout .ld-source { margin: 0 0 1em; font-style: italic; color: #444; }
.ld-handout .ld-where { font-weight: normal; color: #555; }
.ld-handout .ld-text { margin: 0.2em 0; }
.ld-handout blockquote.ld-text { margin: 0.2em 0 0.2em 2em; font-size: 0.95em; }
.ld-handout sup.ld-fn { font-size: 0.7em; font-weight: bold; }
.ld-handout .ld-page { font-size: 0.75em; color: #666; white-space: nowrap; }
.ld-handout .ld-footnotes, .ld-handout .ld-references { margin: 0.3em 0 0.3em 1em;
  padding-left: 0.8em; border-left: 2px solid #ccc; font-size: 0.85em; }
.ld-handout .ld-footnotes p, .ld-handout .ld-references p { margin: 0.15em 0; }
.ld-handout .ld-notes { margin: 0.4em 0 0.4em 1em; padding: 0.2em 0.8em;
  border-left: 3px solid #b58900; background: #fbf8ee; font-size: 0.9em; }
.ld-handout .ld-notes ul { margin: 0.2em 0; padding-left: 1.2em; }
.ld-handout .ld-note-text { white-space: pre-wrap; }
.ld-handout .ld-tags { color: #666; font-style: italic; }
.ld-handout .ld-questions ol { padding-left: 1.5em; }
.ld-handout .ld-questions li { margin: 0 0 2.5em; }
.ld-handout table.ld-table { border-collapse: collapse; width: 100%; font-size: 0.9em; }
.ld-handout table.ld-table th, .ld-handout table.ld-table td { border-bottom: 1px solid #bbb;
  padding: 0.25em 0.5em; text-align: left; vertical-align: top; background: none; }
.ld-handout table.ld-table .ld-number { text-align: right; }
.ld-handout footer { margin-top: 2em; font-size: 0.8em; color: #555; }
@media print {
  .ld-handout { max-width: none; font-size: 11pt; color: #000; }
  .ld-handout h1, .ld-handout h2, .ld-handout h3, .ld-handout h4 {
    break-after: avoid; page-break-after: avoid; }
  .ld-handout .ld-footnotes, .ld-handout .ld-references, .ld-handout .ld-notes,
  .ld-handout .ld-questions li, .ld-handout tr { break-inside: avoid; page-break-inside: avoid; }
  .ld-handout .ld-questions { break-before: page; page-break-before: always; }
  .ld-handout .ld-notes { background: none; }
  .ld-handout p { orphans: 3; widows: 3; }
}
"""
"""The handout's style sheet; every rule is scoped to ``.ld-handout`` so that showing a
handout in a notebook does not restyle the notebook."""

DOCUMENT_CSS = """\
@page { margin: 2cm 2.2cm; }
body { margin: 2em auto; padding: 0 1.5em; max-width: 46em; background: #fff; }
@media print { body { margin: 0; padding: 0; max-width: none; } }
"""
"""Page margins, only in the standalone document (in a notebook they would apply to the
notebook's own page)."""

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_MD_INLINE = re.compile(r"([\\`*_\[\]<>&#|~])")
# A line starts after \n and also after a lone \r, which Markdown renderers read as a break.
_MD_LINE_START = re.compile(r"(?:^|(?<=\r))([ \t]*)([-+=])", re.MULTILINE)
_MD_ORDERED = re.compile(r"(?:^|(?<=\r))([ \t]*\d+)([.)])", re.MULTILINE)
_MAX_LISTED_IDS = 6

FOOTER_TEXT = (
    "¶ IV.27 = Chapter IV, paragraph 27 (the ids of leninism-study, stable and citable); "
    "pages and [p. N] marks are those of the printed edition; superscript numbers are the "
    "book's footnotes; volumes in references are those of the third Russian edition of "
    "Lenin's Works."
)


@dataclass(frozen=True)
class Handout:
    """A handout: the same content as an HTML page and as Markdown.

    Made by :func:`handout` and :func:`leninism_data.seminar.reading_plan.reading_plan_handout`.
    In a notebook it displays itself (as HTML, or as Markdown if ``format="markdown"``).

    Attributes
    ----------
    title : str
        The handout's heading, as given (unescaped).
    paragraph_ids : tuple of str
        The passages it contains, in the order shown (empty for a reading plan).
    body_html : str
        The content as an HTML fragment: one ``<div class="ld-handout">``, all text escaped.
    markdown : str
        The content as Markdown, all text escaped.
    format : {"html", "markdown"}
        How the handout displays itself in a notebook and what ``str()`` returns.

    Examples
    --------
    >>> sheet = handout("III.1")
    >>> sheet.title, sheet.paragraph_ids[:2]
    ('Chapter III, section 1: The importance of theory', ('III.5', 'III.6'))
    >>> sheet.html.startswith("<!DOCTYPE html>"), "@media print" in sheet.html
    (True, True)
    """

    title: str
    paragraph_ids: tuple[str, ...]
    body_html: str
    markdown: str
    format: Format = "html"

    @property
    def html(self) -> str:
        """The handout as a standalone, printable HTML document (UTF-8)."""
        return (
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{_h(self.title)}</title>\n<style>\n{DOCUMENT_CSS}{CSS}</style>\n</head>\n"
            f"<body>\n{self.body_html}\n</body>\n</html>\n"
        )

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the handout: HTML for a ``.html``/``.htm`` path, Markdown for ``.md``.

        Parameters
        ----------
        path : str or os.PathLike
            Where to write (UTF-8); missing folders are created.

        Returns
        -------
        pathlib.Path
            The path written.

        Raises
        ------
        ValueError
            For any other suffix.

        Examples
        --------
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     written = handout(["IV.27"]).save(Path(folder) / "week-4.md")
        ...     written.read_text(encoding="utf-8").splitlines()[0]
        '# Selected passages: IV.27'
        """
        target = Path(path)
        suffix = target.suffix.lower()
        if suffix in (".html", ".htm"):
            content = self.html
        elif suffix in (".md", ".markdown"):
            content = self.markdown
        else:
            raise ValueError(
                f"save a handout as .html (to print) or .md (Markdown), not {target.name!r}."
            )
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
        return target

    def _repr_html_(self) -> str | None:
        if self.format != "html":
            return None
        return f"<style>\n{CSS}</style>\n{self.body_html}"

    def _repr_markdown_(self) -> str | None:
        return self.markdown if self.format == "markdown" else None

    def __str__(self) -> str:
        return self.html if self.format == "html" else self.markdown

    def __repr__(self) -> str:
        return (
            f"Handout({self.title!r}, passages={len(self.paragraph_ids)}, format={self.format!r})"
        )


def handout(
    selection: Selection,
    *,
    title: str | None = None,
    questions: Iterable[str] | str = (),
    notes: NoteStore | pd.DataFrame | None = None,
    format: Format = "html",
    glossary: bool = False,
) -> Handout:
    """Make a printable handout of passages of the book.

    Parameters
    ----------
    selection : int, str, tuple or iterable of str
        A chapter (``4``, ``"IV"``, ``"Introduction"``), a section (``"III.2"`` or
        ``(3, 2)``), or paragraph ids (``["IV.27", "IV.28"]``, also a column of a
        table such as ``ld.search(...)["paragraph_id"]``). Paragraph ids are shown in
        the order given, each once. A single string is a chapter or a section; for one
        paragraph pass a list: ``["IV.27"]``.
    title : str, optional
        The heading. Default: the chapter or section's title, or "Selected passages".
    questions : iterable of str or str, default ()
        Discussion questions, listed at the end (on a page of their own when printed).
    notes : NoteStore or pandas.DataFrame, optional
        A student's notes to print under the passages they are attached to: a
        :class:`~leninism_data.seminar.notes.NoteStore`, or a frame with ``anchor`` and
        ``text`` columns (and optionally ``tags``) such as ``NoteStore.list()``. Notes
        on a passage's footnotes (``"fn:12"``) are printed with that passage.
    format : {"html", "markdown"}, default "html"
        How the handout displays in a notebook; both forms are always available as
        ``.html`` and ``.markdown``.
    glossary : bool, default False
        End with a glossary box: the study companion's entries (terms, people, works,
        events) that the passages name or need, each with its short explanation.

    Returns
    -------
    Handout

    Raises
    ------
    ValueError
        For an unknown chapter or section, an empty selection, a bad ``format`` or a
        notes frame without ``anchor`` and ``text`` columns.
    leninism_data.UnknownParagraphError
        For a paragraph id the book does not have (the message suggests close ones).

    Examples
    --------
    >>> import leninism_data as ld
    >>> with ld.NoteStore(":memory:") as store:
    ...     _ = store.add("IV.27", "Compare <b>IV.28</b> & VII.30.", tags=["state"])
    ...     sheet = handout(["IV.27"], notes=store, questions=["Who rules whom?"])
    >>> "Compare &lt;b&gt;IV.28&lt;/b&gt; &amp; VII.30." in sheet.html
    True
    >>> print(sheet.markdown.split("\\n\\n")[4])
    **Notes**
    >>> handout("IV").title, len(handout("IV").paragraph_ids)
    ('Chapter IV: The Dictatorship of the Proletariat', 64)
    >>> handout("IV.27")
    Traceback (most recent call last):
    ...
    ValueError: Chapter IV has no section 27; its sections are 0–3. For one paragraph, pass a list: handout(['IV.27']).
    """
    check_choice("format", format, ("html", "markdown"))
    if selection is None or not isinstance(selection, (str, int, tuple, Iterable)):
        raise TypeError(
            f"selection must be a chapter ('IV'), a section ('III.2') or a list of paragraph "
            f"ids (['IV.27']), not {type(selection).__name__}."
        )
    if not isinstance(questions, str):
        questions = check_texts("questions", questions) if questions else ()
    paragraph_ids, default_title = _select(selection)
    question_list = (questions,) if isinstance(questions, str) else tuple(questions)
    notes_by_anchor = _notes_by_anchor(notes)
    passages = [_Passage.of(pid, notes_by_anchor) for pid in paragraph_ids]
    title = default_title if title is None else str(title)
    subtitle = _subtitle(passages)
    grouped = len({p.group for p in passages}) > 1
    box = _glossary_box(paragraph_ids) if glossary else ("", [])
    return Handout(
        title=title,
        paragraph_ids=tuple(paragraph_ids),
        body_html=_body_html(title, subtitle, passages, question_list, grouped, box[0]),
        markdown=_body_markdown(title, subtitle, passages, question_list, grouped, box[1]),
        format=format,
    )


def _glossary_box(paragraph_ids: Sequence[str]) -> tuple[str, list[str]]:
    """The companion entries the passages need, as an HTML box and as Markdown blocks.

    >>> html, markdown = _glossary_box(["VII.54"])
    >>> markdown[0], markdown[1][:28]
    ('## Glossary', '**Otzovists (Otzovism).** Fr')
    """
    needed = dict.fromkeys(e for pid in paragraph_ids for e in paragraph_entries(pid))
    order = ("glossary", "person", "work", "event")
    items = [
        _glossary_item(kind, entry_by_id(kind, entry_id))
        for kind, entry_id in sorted(needed, key=lambda e: order.index(e[0]))
    ]
    if not items:
        return "", []
    rows = "".join(f"<dt>{_h(name)}</dt><dd>{_h(text)}</dd>" for name, text in items)
    html_box = f'<section class="ld-glossary"><h2>Glossary</h2><dl>{rows}</dl></section>'
    return html_box, ["## Glossary", *(f"**{md_escape(n)}.** {md_escape(t)}" for n, t in items)]


def _glossary_item(kind: str, entry: dict) -> tuple[str, str]:
    """An entry of the glossary box: its name (with dates) and its short explanation."""
    if kind == "glossary":
        return entry["term"], entry["definition"]
    if kind == "person":
        life = f" ({entry['born']}–{entry['died']})" if entry["born"] else ""
        return entry["name"] + life, entry["who"]
    if kind == "work":
        return f"{entry['author']}, {entry['title']} ({entry['year']})", entry["about"]
    return entry["date"], entry["event"]


# --- escaping ---------------------------------------------------------------------------


def _h(text: object) -> str:
    """HTML-escaped text (quotes too, so it is safe in attributes as well)."""
    return escape_html(text)


def md_escape(text: object) -> str:
    """Markdown-escaped text: shown literally by any CommonMark renderer, never as markup.

    A backslash goes before every character that could start emphasis, code, a link, an
    HTML tag or entity, a heading or a table cell, and before what would start a list,
    a rule or a heading underline at the beginning of a line.

    Examples
    --------
    >>> print(md_escape("<script>alert(1)</script> & *so*"))
    \\<script\\>alert(1)\\</script\\> \\& \\*so\\*
    >>> print(md_escape("1. first\\n- second"))
    1\\. first
    \\- second
    >>> md_escape("x\\r===")
    'x\\r\\\\==='
    """
    escaped = _MD_INLINE.sub(r"\\\1", str(text))
    escaped = _MD_LINE_START.sub(r"\1\\\2", escaped)
    return _MD_ORDERED.sub(r"\1\\\2", escaped)


# --- what goes on the handout -------------------------------------------------------------


def _select(selection: Selection) -> tuple[list[str], str]:
    """The paragraph ids of a selection, in order, and the handout's default title."""
    b = book()
    if isinstance(selection, (str, int, tuple)):
        try:
            part = resolve_part(selection)
        except ValueError as error:
            if isinstance(selection, str) and selection.strip() in b.paragraph_by_id:
                raise ValueError(
                    f"{error} For one paragraph, pass a list: handout([{selection.strip()!r}])."
                ) from None
            raise
        if part.chapter is None:
            return [p.paragraph_id for p in b.paragraphs], "The Foundations of Leninism"
        in_part = [
            p.paragraph_id
            for p in b.paragraphs
            if p.chapter == part.chapter and (part.section is None or p.section == part.section)
        ]
        return in_part, part_title(part.chapter, part.section)
    ids: list[str] = []
    for item in selection:
        if not isinstance(item, str):
            raise UnknownParagraphError(
                f"{item!r} is not a paragraph id; ids are strings such as 'IV.27' or 'Intro.3'."
            )
        pid = find_paragraph(item.strip()).paragraph_id
        if pid not in ids:
            ids.append(pid)
    if not ids:
        raise ValueError(
            "the selection has no paragraphs; give paragraph ids such as "
            "['IV.27'], a chapter such as 'IV', or a section such as 'III.2'."
        )
    listed = ", ".join(ids) if len(ids) <= _MAX_LISTED_IDS else f"{ids[0]} … {ids[-1]}"
    return ids, f"Selected passages: {listed}"


def part_title(chapter: int, section: int | None) -> str:
    """ "Chapter IV: The Dictatorship …", "Chapter III, section 2: Criticism …"."""
    b = book()
    record = b.chapters[chapter]
    name = "Introduction" if chapter == 0 else f"{record.heading}: {record.title}"
    if not section:
        divided = any(s.chapter == chapter and s.section > 0 for s in b.sections)
        return f"{name}, before section 1" if section == 0 and divided else name
    title = next(s.title for s in b.sections if (s.chapter, s.section) == (chapter, section))
    return f"{record.heading}, section {section}: {title}"


def _superscript(number: int) -> str:
    return str(number).translate(_SUPERSCRIPT)


@dataclass(frozen=True)
class _Passage:
    """One paragraph as a handout shows it, with what belongs under it."""

    paragraph_id: str
    group: tuple[int, int]  # (chapter, section), for the section headings
    pages: str
    kind: str
    speaker: str | None
    # The text cut at footnote markers and page breaks: (text, marker) pairs, where the
    # marker ("fn", 10) or ("page", 41) stands after the text.
    pieces: tuple[tuple[str, tuple[str, int] | None], ...]
    footnotes: tuple[tuple[int, str], ...]
    references: tuple[tuple[str, str], ...]  # (raw, gloss)
    notes: tuple[tuple[str, str, tuple[str, ...]], ...]  # (on what, text, tags)

    @classmethod
    def of(
        cls, paragraph_id: str, notes_by_anchor: dict[str, list[tuple[str, tuple[str, ...]]]]
    ) -> _Passage:
        b = book()
        p = b.paragraph_by_id[paragraph_id]
        footnote_text = {n.number: n.text for n in b.footnotes}
        speaker = next((q.speaker for q in b.quotations if q.quotation_id == p.quotation_id), None)
        notes = [("", text, tags) for text, tags in notes_by_anchor.get(paragraph_id, ())]
        for number in p.footnotes:
            notes += [
                (f"footnote {number}", text, tags)
                for text, tags in notes_by_anchor.get(f"fn:{number}", ())
            ]
        return cls(
            paragraph_id=paragraph_id,
            group=(p.chapter, p.section),
            pages=page_range(p.page, p.page_end),
            kind=p.kind,
            speaker=speaker,
            pieces=_cut(p.text, p.markers, p.page_breaks[1:]),
            footnotes=tuple((n, footnote_text[n]) for n in p.footnotes),
            references=tuple(
                (c.raw, _gloss(c)) for c in b.citations if c.paragraph_id == paragraph_id
            ),
            notes=tuple(notes),
        )


def _cut(
    text: str, markers: Sequence[tuple[int, int]], page_breaks: Sequence[tuple[int, int]]
) -> tuple[tuple[str, tuple[str, int] | None], ...]:
    """Cut a paragraph at its footnote markers and page breaks.

    A page mark goes into the space before the word that opens the page, or, when the
    page break splits a word (hyphenated across the two pages), after that word.
    """
    cuts = [(offset, 0, ("fn", number)) for offset, number in markers]
    for offset, page in page_breaks:
        if 0 < offset < len(text) and text[offset - 1].isspace():
            offset -= 1
        else:
            while offset < len(text) and not text[offset].isspace():
                offset += 1
        cuts.append((offset, 1, ("page", page)))
    pieces: list[tuple[str, tuple[str, int] | None]] = []
    start = 0
    for offset, _, marker in sorted(cuts):
        pieces.append((text[start:offset], marker))
        start = offset
    pieces.append((text[start:], None))
    return tuple(pieces)


def _gloss(citation: Citation) -> str:
    """What a reference points to, spelled out: "Lenin, Works (3rd Russian ed.), Vol. 4, p. 380"."""
    parts = [citation.author]
    if citation.work:
        parts.append(citation.work)
    if citation.volume is not None:
        if citation.author == "Lenin":
            parts.append("Works (3rd Russian ed.)")
        parts.append(f"Vol. {citation.volume}")
    if citation.pages:
        parts.append(
            f"{'pp' if re.search(r'[-–,]|and', citation.pages) else 'p'}. {citation.pages}"
        )
    gloss = ", ".join(parts)
    return f"{gloss} (Ibid.)" if citation.ibid else gloss


def _notes_by_anchor(
    notes: NoteStore | pd.DataFrame | None,
) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """Notes grouped by anchor, in the order given: ``{"IV.27": [(text, tags), ...]}``."""
    if notes is None:
        return {}
    frame = notes.list() if isinstance(notes, NoteStore) else notes
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(
            f"notes must be a NoteStore or a DataFrame from NoteStore.list(), "
            f"not {type(notes).__name__}."
        )
    missing = {"anchor", "text"} - set(frame.columns)
    if missing:
        raise ValueError(
            f"the notes frame has no {' or '.join(sorted(missing))} column; "
            "pass NoteStore.list() or a frame with anchor and text columns."
        )
    tags = (
        frame["tags"]
        if "tags" in frame.columns
        else pd.Series([()] * len(frame), index=frame.index)
    )
    grouped: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for anchor, text, note_tags in zip(frame["anchor"], frame["text"], tags):
        if isinstance(note_tags, str):
            note_tags = tuple(t.strip() for t in note_tags.split(",") if t.strip())
        grouped.setdefault(str(anchor), []).append((str(text), tuple(note_tags or ())))
    return grouped


def _subtitle(passages: Sequence[_Passage]) -> str:
    """The source line under the title: the book, the paragraph ids and the printed pages."""
    b = book()
    ids = [p.paragraph_id for p in passages]
    pages = [b.paragraph_by_id[pid].page for pid in ids] + [
        b.paragraph_by_id[pid].page_end for pid in ids
    ]
    span = ids[0] if len(ids) == 1 else f"{ids[0]}–{ids[-1]}"
    if len(ids) > 1 and _is_run(ids):
        where = f"¶ {span}"
    else:
        where = f"¶ {', '.join(ids)}" if len(ids) <= _MAX_LISTED_IDS else f"{len(ids)} paragraphs"
    return f"{BOOK_TITLE} · {where} · {page_range(min(pages), max(pages))}"


def _is_run(ids: Sequence[str]) -> bool:
    """True if the ids are consecutive paragraphs of the book, in order."""
    position = {p.paragraph_id: p.position for p in book().paragraphs}
    return all(position[b] == position[a] + 1 for a, b in pairwise(ids))


def _kind_label(passage: _Passage) -> str:
    if passage.kind == "quotation":
        return f"block quotation ({passage.speaker})" if passage.speaker else "block quotation"
    return {"list_item": "list item", "front_matter": "front matter"}.get(passage.kind, "")


# --- HTML -------------------------------------------------------------------------------


def _body_html(
    title: str,
    subtitle: str,
    passages: Sequence[_Passage],
    questions: Sequence[str],
    grouped: bool,
    glossary_box: str = "",
) -> str:
    out = [
        '<div class="ld-handout">',
        f"<h1>{_h(title)}</h1>",
        f'<p class="ld-source">{_h(subtitle)}</p>',
    ]
    group = None
    for passage in passages:
        if grouped and passage.group != group:
            group = passage.group
            out.append(f"<h2>{_h(part_title(*group))}</h2>")
        out.append(_passage_html(passage))
    out.append(_questions_html(questions))
    out.append(glossary_box)
    out.append(f"<footer>{_h(FOOTER_TEXT)}</footer>")
    out.append("</div>")
    return "\n".join(part for part in out if part)


def _passage_html(passage: _Passage) -> str:
    kind = _kind_label(passage)
    heading = (
        f'<h3>¶ {_h(passage.paragraph_id)} <span class="ld-where">· {_h(passage.pages)}'
        f"{' · ' + _h(kind) if kind else ''}</span></h3>"
    )
    text = "".join(_h(piece) + _marker_html(marker) for piece, marker in passage.pieces)
    tag = "blockquote" if passage.kind == "quotation" else "p"
    out = ['<section class="ld-passage">', heading, f'<{tag} class="ld-text">{text}</{tag}>']
    if passage.footnotes:
        out.append(
            '<div class="ld-footnotes">'
            + "".join(
                f'<p><sup class="ld-fn">{n}</sup> {_h(text)}</p>' for n, text in passage.footnotes
            )
            + "</div>"
        )
    if passage.references:
        out.append(
            '<div class="ld-references"><p><b>References:</b></p>'
            + "".join(f"<p>({_h(raw)}) — {_h(gloss)}</p>" for raw, gloss in passage.references)
            + "</div>"
        )
    if passage.notes:
        items = "".join(_note_html(on, text, tags) for on, text, tags in passage.notes)
        out.append(f'<aside class="ld-notes"><h4>Notes</h4><ul>{items}</ul></aside>')
    out.append("</section>")
    return "\n".join(out)


def _note_html(on: str, text: str, tags: tuple[str, ...]) -> str:
    lead = f"<b>On {_h(on)}:</b> " if on else ""
    suffix = f' <span class="ld-tags">({_h(", ".join(tags))})</span>' if tags else ""
    return f'<li>{lead}<span class="ld-note-text">{_h(text)}</span>{suffix}</li>'


def _marker_html(marker: tuple[str, int] | None) -> str:
    if marker is None:
        return ""
    kind, number = marker
    if kind == "fn":
        return f'<sup class="ld-fn">{number}</sup>'
    return f' <span class="ld-page">[p. {number}]</span>'


def _questions_html(questions: Sequence[str]) -> str:
    """The discussion questions as an HTML section ("" if there are none)."""
    if not questions:
        return ""
    items = "".join(f"<li>{_h(q)}</li>" for q in questions)
    return f'<section class="ld-questions"><h2>Questions for discussion</h2><ol>{items}</ol></section>'


# --- Markdown -----------------------------------------------------------------------------


def _body_markdown(
    title: str,
    subtitle: str,
    passages: Sequence[_Passage],
    questions: Sequence[str],
    grouped: bool,
    glossary_box: Sequence[str] = (),
) -> str:
    out = [f"# {md_escape(title)}", f"*{md_escape(subtitle)}*"]
    group = None
    for passage in passages:
        if grouped and passage.group != group:
            group = passage.group
            out.append(f"## {md_escape(part_title(*group))}")
        out += _passage_markdown(passage)
    out += _questions_markdown(questions)
    out += glossary_box
    out.append(f"*{md_escape(FOOTER_TEXT)}*")
    return "\n\n".join(out) + "\n"


def _passage_markdown(passage: _Passage) -> list[str]:
    kind = _kind_label(passage)
    heading = f"### ¶ {md_escape(passage.paragraph_id)} · {passage.pages}"
    out = [f"{heading} · {md_escape(kind)}" if kind else heading]
    text = "".join(md_escape(piece) + _marker_markdown(marker) for piece, marker in passage.pieces)
    out.append(f"> {text}")
    out += [f"*Footnote {n}.* {md_escape(text)}" for n, text in passage.footnotes]
    if passage.references:
        out.append(
            "**References**\n\n"
            + "\n".join(
                f"- ({md_escape(raw)}) — {md_escape(gloss)}" for raw, gloss in passage.references
            )
        )
    if passage.notes:
        out.append("**Notes**")
        out.append("\n".join(_note_markdown(on, text, tags) for on, text, tags in passage.notes))
    return out


def _note_markdown(on: str, text: str, tags: tuple[str, ...]) -> str:
    lead = f"*On {md_escape(on)}:* " if on else ""
    suffix = f" *({md_escape(', '.join(tags))})*" if tags else ""
    body = md_escape(text).replace("\n", "\n  ")  # continuation lines stay in the list item
    return f"- {lead}{body}{suffix}"


def _marker_markdown(marker: tuple[str, int] | None) -> str:
    if marker is None:
        return ""
    kind, number = marker
    return _superscript(number) if kind == "fn" else f" \\[p. {number}\\]"


def _questions_markdown(questions: Sequence[str]) -> list[str]:
    """The discussion questions as Markdown blocks (none if there are no questions)."""
    if not questions:
        return []
    return [
        "## Questions for discussion",
        "\n".join(f"{i}. {md_escape(q)}" for i, q in enumerate(questions, 1)),
    ]
