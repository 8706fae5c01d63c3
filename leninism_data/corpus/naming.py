"""Resolve the ways a user may name a chapter (``4``, ``"IV"``, ``"Introduction"``), a
paragraph (``"IV.27"``, ``"iv 27"``, ``"4.27"``) and a place to cite (``"IV.27.2"``,
``"fn3"``)."""

from __future__ import annotations

import difflib
import numbers
import re
from collections.abc import Collection
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
    >>> import numpy as np
    >>> resolve_chapter(4), resolve_chapter("IV"), resolve_chapter("introduction")
    (4, 4, 0)
    >>> resolve_chapter(np.int64(4)), resolve_chapter("0"), resolve_chapter(" 9 ")
    (4, 0, 9)
    >>> resolve_chapter("X")
    Traceback (most recent call last):
    ...
    ValueError: 'X' is not a chapter of the book; choose one of 0–9, 'Introduction', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII' or 'IX'.
    """
    if isinstance(chapter, bool):
        pass
    elif isinstance(chapter, numbers.Integral):  # int or a NumPy integer
        if 0 <= chapter <= 9:
            return int(chapter)
    elif isinstance(chapter, str):
        name = chapter.strip()
        if name.lower() in ("introduction", "intro"):
            return 0
        if name in tuple("0123456789"):
            return int(name)
        for number, numeral in enumerate(NUMERALS[1:], start=1):
            if name.upper() in (numeral, f"CHAPTER {numeral}"):
                return number
    if isinstance(chapter, numbers.Integral) and not isinstance(chapter, bool):
        chapter = int(chapter)  # shown as 99, not np.int64(99)
    shown = repr(chapter) if len(repr(chapter)) <= 60 else repr(chapter)[:57] + "..."
    raise ValueError(f"{shown} is not a chapter of the book; choose one of {VALID_CHOICES}.")


def chapter_label(chapter: int) -> str:
    """A chapter's short label: ``"Introduction"`` or its numeral.

    >>> chapter_label(0), chapter_label(8)
    ('Introduction', 'VIII')
    """
    return NUMERALS[chapter]


#: How a paragraph id begins in each chapter: "Intro.3" is chapter 0, "IV.27" chapter 4.
PARAGRAPH_PREFIXES = ("Intro", *NUMERALS[1:])


def resolve_paragraph_id(typed: str, known: Collection[str]) -> str | None:
    """The id in ``known`` that ``typed`` stands for, however it was written, or None.

    Case, a leading ``¶``, a comma, colon or space instead of the dot, an Arabic chapter
    number and ``Introduction`` for ``Intro`` are all accepted.

    Examples
    --------
    >>> known = {"IV.27", "IV.28", "Intro.3"}
    >>> [resolve_paragraph_id(t, known) for t in ("iv.28", "¶ IV 27", "4.27", "introduction.3")]
    ['IV.28', 'IV.27', 'IV.27', 'Intro.3']
    >>> resolve_paragraph_id("IV.99", known) is None
    True
    """
    prefix, _, number = re.sub(
        r"[.,:;\s]+", ".", typed.strip().lstrip("¶").strip(), count=1
    ).partition(".")
    if prefix.isdigit() and int(prefix) < len(PARAGRAPH_PREFIXES):
        prefix = PARAGRAPH_PREFIXES[int(prefix)]
    if prefix.casefold() == "introduction":
        prefix = "Intro"
    wanted = f"{prefix}.{number}".casefold()
    return next(
        (paragraph_id for paragraph_id in known if paragraph_id.casefold() == wanted), None
    )


def suggest_paragraph_ids(typed: str, known: Collection[str], n: int = 3) -> list[str]:
    """Up to ``n`` ids of ``known`` close to ``typed``: in its chapter if it names one.

    Examples
    --------
    >>> known = ["IV.26", "IV.27", "IV.28", "V.28", "I.28"]
    >>> suggest_paragraph_ids("IV.270", known)
    ['IV.27', 'IV.28', 'IV.26']
    >>> suggest_paragraph_ids("iv-27", known, n=1)
    ['IV.27']
    """
    folded = {paragraph_id.casefold(): paragraph_id for paragraph_id in known}
    prefix, _, number = typed.strip().casefold().partition(".")
    same_chapter = [
        (int(key.partition(".")[2]), paragraph_id)
        for key, paragraph_id in folded.items()
        if key.partition(".")[0] == prefix and key.partition(".")[2].isdigit()
    ]
    if same_chapter and number.isdigit():
        # A mistyped number first (IV.270 for IV.27), then the nearest numbers.
        def likeness(item: tuple[int, str]) -> tuple[float, int]:
            ratio = difflib.SequenceMatcher(None, number, str(item[0])).ratio()
            return (-round(ratio, 1), abs(item[0] - int(number)))

        same_chapter.sort(key=likeness)
        return [paragraph_id for _, paragraph_id in same_chapter[:n]]
    close = difflib.get_close_matches(typed.strip().casefold(), list(folded), n=n, cutoff=0.6)
    return [folded[key] for key in close]


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
