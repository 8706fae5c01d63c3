"""Resolve the ways a user may name a chapter (``4``, ``"IV"``, ``"Introduction"``) and a
place to cite (``"IV.27"``, ``"IV.27.2"``, ``"fn3"``)."""

from __future__ import annotations

import difflib
import re
from typing import NamedTuple

ChapterLike = int | str
NUMERALS = ("Introduction", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX")
VALID_CHOICES = "0–9, 'Introduction', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII' or 'IX'"


def resolve_chapter(chapter: ChapterLike) -> int:
    """The chapter number (0 = Introduction, 1–9 = Chapters I–IX) for ``chapter``.

    Raises
    ------
    ValueError
        For anything else, naming the valid choices.

    Examples
    --------
    >>> resolve_chapter(4), resolve_chapter("IV"), resolve_chapter("introduction")
    (4, 4, 0)
    >>> resolve_chapter("X")
    Traceback (most recent call last):
    ...
    ValueError: 'X' is not a chapter of the book; choose one of 0–9, 'Introduction', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII' or 'IX'.
    """
    if isinstance(chapter, bool):
        pass
    elif isinstance(chapter, int):
        if 0 <= chapter <= 9:
            return chapter
    elif isinstance(chapter, str):
        name = chapter.strip()
        if name.lower() in ("introduction", "intro"):
            return 0
        for number, numeral in enumerate(NUMERALS[1:], start=1):
            if name.upper() in (numeral, f"CHAPTER {numeral}") or name == str(number):
                return number
    raise ValueError(f"{chapter!r} is not a chapter of the book; choose one of {VALID_CHOICES}.")


def chapter_label(chapter: int) -> str:
    """A chapter's short label: ``"Introduction"`` or its numeral.

    >>> chapter_label(0), chapter_label(8)
    ('Introduction', 'VIII')
    """
    return NUMERALS[chapter]


class UnknownAnchorError(ValueError):
    """A paragraph id, sentence id or footnote anchor that is not in the book."""


class Anchor(NamedTuple):
    """A place in the book a reader can cite: a paragraph, a sentence or a footnote."""

    kind: str  # "paragraph", "sentence" or "footnote"
    paragraph_id: str  # the paragraph (for a footnote: the one carrying its marker)
    sentence: int | None = None  # 1-based sentence number within the paragraph
    footnote: int | None = None

    @property
    def label(self) -> str:
        """The canonical spelling: 'IV.27', 'IV.27.2' or 'fn3'."""
        if self.kind == "footnote":
            return f"fn{self.footnote}"
        if self.kind == "sentence":
            return f"{self.paragraph_id}.{self.sentence}"
        return self.paragraph_id


_ANCHOR = re.compile(r"^(intro(?:duction)?|[ivx]+)\.(\d+)(?:\.(\d+))?$")
_FOOTNOTE = re.compile(r"^(?:fn|footnote|note|n)\.?\s*(\d+)$")
ANCHOR_FORMS = (
    "a paragraph id ('IV.27', 'Intro.3'), a sentence id ('IV.27.2') or a footnote "
    "('fn3', 'footnote 3')"
)


def resolve_anchor(anchor: str) -> Anchor:
    """Read a paragraph id, a sentence id or a footnote anchor, in any letter case.

    Parameters
    ----------
    anchor : str
        "IV.27" (paragraph 27 of Chapter IV), "Intro.3", "IV.27.2" (its second
        sentence), "fn3", "footnote 3" or "note 3"; case and surrounding spaces do
        not matter.

    Returns
    -------
    Anchor
        What the anchor names, checked against the book.

    Raises
    ------
    TypeError
        If ``anchor`` is not a string.
    UnknownAnchorError
        (a ValueError) if it names nothing in the book, with the closest ids.

    Examples
    --------
    >>> resolve_anchor("iv.27")
    Anchor(kind='paragraph', paragraph_id='IV.27', sentence=None, footnote=None)
    >>> resolve_anchor("IV.27.2").label, resolve_anchor("Footnote 3").paragraph_id
    ('IV.27.2', 'I.30')
    >>> resolve_anchor("IV.270")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    leninism_data.corpus.naming.UnknownAnchorError: 'IV.270' is not a paragraph ...
    >>> resolve_anchor("fn40")
    Traceback (most recent call last):
    ...
    leninism_data.corpus.naming.UnknownAnchorError: 'fn40': the book has footnotes 1–32, not 40.
    """
    from leninism_data.corpus.book import book  # the parse; imported here to stay light
    from leninism_data.corpus.words import sentence_spans

    if not isinstance(anchor, str):
        raise TypeError(f"An anchor is a string such as 'IV.27', not {type(anchor).__name__}.")
    name = anchor.strip().lower()
    b = book()
    note = _FOOTNOTE.match(name)
    if note:
        number = int(note.group(1))
        found = next((n for n in b.footnotes if n.number == number), None)
        if found is None:
            raise UnknownAnchorError(
                f"{anchor!r}: the book has footnotes 1–{len(b.footnotes)}, not {number}."
            )
        return Anchor("footnote", found.paragraph_id, footnote=number)
    match = _ANCHOR.match(name)
    if match:
        chapter, index, sentence = match.groups()
        label = "Intro" if chapter.startswith("intro") else chapter.upper()
        paragraph_id = f"{label}.{int(index)}"
        paragraph = b.paragraph_by_id.get(paragraph_id)
        if paragraph is not None and sentence is None:
            return Anchor("paragraph", paragraph_id)
        if paragraph is not None:
            n_sentences = len(sentence_spans(paragraph.text))
            if 1 <= int(sentence) <= n_sentences:
                return Anchor("sentence", paragraph_id, sentence=int(sentence))
            raise UnknownAnchorError(
                f"{anchor!r}: paragraph {paragraph_id} has sentences 1–{n_sentences}."
            )
    close = difflib.get_close_matches(anchor.strip(), list(b.paragraph_by_id), n=3)
    hint = f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    what = "a paragraph of the book" if match else "in the book"
    raise UnknownAnchorError(f"{anchor!r} is not {what}. Use {ANCHOR_FORMS}.{hint}")
