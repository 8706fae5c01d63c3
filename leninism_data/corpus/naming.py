"""Resolve the ways a user may name a chapter: ``4``, ``"IV"`` or ``"Introduction"``."""

from __future__ import annotations

from typing import Union

ChapterLike = Union[int, str]
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
