"""Where a note can be attached: the book's paragraphs (``"IV.27"``) and footnotes (``"fn:12"``).

An *anchor* is the stored form of such a place. :func:`check_anchor` turns what a
student typed into an anchor, or raises :class:`NoteError` with the ids that exist and
a close one; it reads paragraph ids however they are written (``"iv 27"``, ``"4.27"``)
through :func:`leninism_data.corpus.naming.resolve_paragraph_id`, the package's one
resolver of paragraph ids.

Examples
--------
>>> check_anchor("iv.27"), check_anchor("FN 12")
('IV.27', 'fn:12')
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass

from leninism_data.corpus.formatting import page_range
from leninism_data.corpus.naming import (
    PARAGRAPH_PREFIXES,
    ChapterLike,
    resolve_chapter,
    resolve_paragraph_id,
    suggest_paragraph_ids,
)

__all__ = [
    "ANCHOR_HELP",
    "NoteError",
    "Passage",
    "book_passages",
    "chapter_headings",
    "chapter_number",
    "chapter_of_anchor",
    "check_anchor",
    "find_passage",
]

ANCHOR_HELP = (
    "Paragraph ids look like 'IV.27' (Chapter IV, paragraph 27) or 'Intro.3'; "
    "footnotes look like 'fn:12'."
)
_FOOTNOTE_ANCHOR = re.compile(r"fn\s*[:.]?\s*(\d{1,6})", re.IGNORECASE)
_LONGEST_ANCHOR = 40  # longer input is not an id; it is shortened in messages


class NoteError(ValueError):
    """A note, an anchor or a notes file that cannot be used, with the reason."""


@dataclass(frozen=True)
class Passage:
    """A paragraph or footnote of the book that a note can be attached to."""

    anchor: str
    label: str  # how Markdown names it: "IV.27" or "Footnote 12"
    chapter: int
    book_order: tuple[int, int]  # (position of the paragraph, footnote number or 0)
    pages: str  # as cited: "p. 40" or "pp. 7–8"
    text: str


@functools.lru_cache(maxsize=1)
def book_passages() -> Mapping[str, Passage]:
    """Every paragraph and footnote of the book, by anchor, in book order."""
    from leninism_data import tables as ld  # imported here: the tables are built on first use

    passages: dict[str, Passage] = {}
    paragraphs = ld.paragraphs()
    position_of = dict(zip(paragraphs["paragraph_id"], paragraphs["position"]))
    for row in paragraphs.itertuples(index=False):
        passages[row.paragraph_id] = Passage(
            anchor=row.paragraph_id,
            label=row.paragraph_id,
            chapter=int(row.chapter),
            book_order=(int(row.position), 0),
            pages=page_range(row.page, row.page_end),
            text=row.text,
        )
    for row in ld.footnotes().itertuples(index=False):
        anchor = f"fn:{row.footnote}"
        passages[anchor] = Passage(
            anchor=anchor,
            label=f"Footnote {row.footnote}",
            chapter=int(row.chapter),
            book_order=(int(position_of[row.paragraph_id]), int(row.footnote)),
            pages=page_range(row.page, row.page),
            text=row.text,
        )
    return dict(sorted(passages.items(), key=lambda item: item[1].book_order))


@functools.lru_cache(maxsize=1)
def chapter_headings() -> Mapping[int, str]:
    """Markdown heading text of each chapter: "Introduction", "IV. Strategy and Tactics"."""
    from leninism_data import tables as ld

    return {
        int(row.chapter): f"{row.numeral}. {row.title}" if row.numeral else row.title
        for row in ld.chapters().itertuples(index=False)
    }


def check_anchor(anchor: str) -> str:
    """Return the anchor in its stored form, or say why the book has no such place.

    Parameters
    ----------
    anchor : str
        A paragraph id as in ``ld.paragraphs().paragraph_id`` (``"IV.27"``,
        ``"Intro.3"``; case and the separator do not matter) or a footnote as
        ``"fn:12"`` (``"fn12"`` and ``"FN 12"`` are read the same way).

    Returns
    -------
    str
        The anchor as stored: the paragraph id, or ``"fn:<number>"``.

    Raises
    ------
    NoteError
        If the book has no such paragraph or footnote; the message says which
        ids exist and suggests close ones.

    Examples
    --------
    >>> check_anchor("FN 12"), check_anchor("4 27")
    ('fn:12', 'IV.27')
    >>> check_anchor("IV.99")
    Traceback (most recent call last):
    ...
    leninism_data.seminar.anchors.NoteError: 'IV.99' is not a paragraph of the book; Chapter IV runs from IV.1 to IV.64. Did you mean 'IV.9', 'IV.59' or 'IV.49'? Paragraph ids look like 'IV.27' (Chapter IV, paragraph 27) or 'Intro.3'; footnotes look like 'fn:12'.
    """
    return find_passage(anchor).anchor


def find_passage(anchor: object) -> Passage:
    """The passage ``anchor`` names (see :func:`check_anchor`)."""
    if not isinstance(anchor, str):
        raise NoteError(
            f"a note is attached to a paragraph id or a footnote, not {type(anchor).__name__}. "
            f"{ANCHOR_HELP}"
        )
    cleaned = anchor.strip()
    passages = book_passages()
    if len(cleaned) <= _LONGEST_ANCHOR:
        footnote = _FOOTNOTE_ANCHOR.fullmatch(cleaned)
        if footnote:
            cleaned = f"fn:{int(footnote[1])}"
        if cleaned in passages:
            return passages[cleaned]
        paragraph_id = resolve_paragraph_id(cleaned, passages)
        if paragraph_id is not None:
            return passages[paragraph_id]
    raise NoteError(_unknown_anchor_message(cleaned, passages))


def _unknown_anchor_message(anchor: str, passages: Mapping[str, Passage]) -> str:
    shown = repr(anchor if len(anchor) <= _LONGEST_ANCHOR else anchor[:_LONGEST_ANCHOR] + "…")
    if anchor.startswith("fn:"):
        numbers = sorted(int(known[3:]) for known in passages if known.startswith("fn:"))
        return (
            f"{shown} is not a footnote of the book; its footnotes run from "
            f"fn:{numbers[0]} to fn:{numbers[-1]}."
        )
    message = f"{shown} is not a paragraph of the book"
    paragraph_ids = [known for known in passages if not known.startswith("fn:")]
    prefix = anchor.partition(".")[0]
    in_chapter = [known for known in paragraph_ids if known.partition(".")[0] == prefix]
    if in_chapter:
        name = "the Introduction" if prefix == "Intro" else f"Chapter {prefix}"
        message += f"; {name} runs from {in_chapter[0]} to {in_chapter[-1]}"
    message += "."
    close = suggest_paragraph_ids(anchor[:_LONGEST_ANCHOR], paragraph_ids)
    if close:
        listed = [repr(known) for known in close]
        options = listed[0] if len(listed) == 1 else f"{', '.join(listed[:-1])} or {listed[-1]}"
        message += f" Did you mean {options}?"
    return f"{message} {ANCHOR_HELP}"


def chapter_of_anchor(anchor: str) -> int | None:
    """The chapter a stored paragraph id belongs to, from its prefix (None if unknown).

    >>> chapter_of_anchor("IV.27"), chapter_of_anchor("Intro.3"), chapter_of_anchor("X.1")
    (4, 0, None)
    """
    prefix = anchor.partition(".")[0]
    return PARAGRAPH_PREFIXES.index(prefix) if prefix in PARAGRAPH_PREFIXES else None


def chapter_number(chapter: ChapterLike) -> int:
    """The chapter number of ``chapter`` (``4``, ``"IV"``, ``"Introduction"``), as a NoteError."""
    try:
        return resolve_chapter(chapter)
    except ValueError as error:
        raise NoteError(str(error)) from None
