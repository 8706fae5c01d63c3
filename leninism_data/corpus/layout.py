"""Undo the page layout of the PDF extraction.

Input: the raw lines of the source text. Output: the lines of the main text, each with its
printed page number, the footnotes taken out of the text flow, and the leaked running heads
removed. Paragraphs are assembled later (:mod:`leninism_data.corpus.joining`).

How printed pages are found (the extraction artifacts are described on the source card, ``data/DESCR.md``):

* a new printed page begins with a line that starts with exactly one space;
* at four places a running head leaked instead: a blank block, the page number alone on a
  line, a blank line, the running head, a blank line;
* every chapter opens on an odd page (blank pages are not in the file).

Counting page starts from an unknown first page and rounding chapter openings up to the
next odd page gives every line a page number; the first page is the one for which the
leaked page numbers agree. The parser refuses a text for which no first page agrees.
"""

from __future__ import annotations

import re
from typing import NamedTuple

CHAPTER_HEADING = re.compile(r"^ (Introduction|Chapter ([IVX]+)\.)\s*$")
PAGE_NUMBER = re.compile(r"\d{1,3}")
FOOTNOTE_START = re.compile(r"^(\d{1,2})(?:\.\s*|\s{2,})(\S.*)$")
N_FOOTNOTES = 32


class LayoutError(ValueError):
    """The source text does not have the layout the parser expects."""


class Line(NamedTuple):
    """One line of the main text (blank lines included, as ``text == ""``)."""

    lineno: int  # 1-based line number in the source file
    text: str  # without the page-start space and without trailing spaces
    page: int
    page_start: bool  # first line of a printed page


class RawFootnote(NamedTuple):
    """A footnote as found at the foot of its page, its lines not yet joined."""

    number: int
    page: int
    lines: tuple[Line, ...]


class Layout(NamedTuple):
    """The main text and footnotes of the book, page numbers attached."""

    body: tuple[Line, ...]
    footnotes: tuple[RawFootnote, ...]
    running_heads: tuple[tuple[int, int, str], ...]  # (lineno, printed page, head text)


def _leaked_heads(lines: list[str]) -> dict[int, tuple[int, int, int, str]]:
    """Find leaked running heads: index of the number line -> (first, last, page, head)."""
    heads = {}
    for i, line in enumerate(lines):
        if not PAGE_NUMBER.fullmatch(line.strip()):
            continue
        if not (
            lines[i - 1] == ""
            and lines[i + 1] == ""
            and lines[i + 2].strip()
            and lines[i + 3] == ""
        ):
            continue
        first = i
        while first > 0 and lines[first - 1] == "":
            first -= 1
        heads[i] = (first, i + 3, int(line.strip()), lines[i + 2].strip())
    return heads


def is_page_start(line: str) -> bool:
    """Does the line open a printed page (one space, then text)?

    >>> is_page_start(" rooted in the whole"), is_page_start("  x"), is_page_start("text")
    (True, False, False)
    """
    return line[:1] == " " and len(line) > 1 and not line[1].isspace()


def _page_numbers(
    lines: list[str], heads: dict[int, tuple[int, int, int, str]], first_page: int
) -> list[int]:
    """Printed page of every line, counting page starts from ``first_page``."""
    pages = []
    page = first_page - 1
    for i, line in enumerate(lines):
        if is_page_start(line) and CHAPTER_HEADING.match(line):
            page += 1 if page % 2 == 0 else 2
        elif is_page_start(line) or i in heads:
            page += 1
        pages.append(page)
    return pages


def _solve_first_page(lines: list[str], heads: dict[int, tuple[int, int, int, str]]) -> list[int]:
    for first_page in range(1, 21, 2):
        pages = _page_numbers(lines, heads, first_page)
        if all(pages[i] == printed for i, (_, _, printed, _) in heads.items()):
            return pages
    printed = sorted(p for _, _, p, _ in heads.values())
    raise LayoutError(
        f"No first page makes the page starts agree with the printed page numbers {printed}."
    )


def parse_layout(text: str) -> Layout:
    """Split the source into main-text lines and footnotes, with printed pages.

    Examples
    --------
    >>> from leninism_data.corpus.source import read_source
    >>> layout = parse_layout(read_source())
    >>> layout.footnotes[9].number, layout.footnotes[9].page
    (10, 20)
    >>> [(page, head) for _, page, head in layout.running_heads]  # doctest: +NORMALIZE_WHITESPACE
    [(40, 'The Foundations of Leninism'), (45, '4. The Dictatorship of the Proletariat'),
     (62, 'The Foundations of Leninism'), (90, 'The Foundations of Leninism')]
    """
    if "\t" in text or "\r" in text:
        raise LayoutError("The source text contains tabs or carriage returns.")
    lines = text.split("\n")
    heads = _leaked_heads(lines)
    pages = _solve_first_page(lines, heads)
    skip = {j for first, last, _, _ in heads.values() for j in range(first, last + 1)}

    body: list[Line] = []
    footnotes: list[RawFootnote] = []
    note_lines: list[Line] = []  # lines of the footnote being read, if any
    expected = 1
    pending_page_start = False  # the page whose leaked head was just removed
    for i, raw in enumerate(lines):
        pending_page_start = pending_page_start or i in heads
        if i in skip:
            continue
        page_start = is_page_start(raw)
        if page_start and note_lines:  # a new page ends the block of notes
            footnotes.append(_footnote(expected - 1, note_lines))
            note_lines = []
        start = FOOTNOTE_START.match(raw) if raw[:1].isdigit() else None
        if (
            start
            and int(start.group(1)) == expected
            and (note_lines or (body and body[-1].text == ""))
        ):
            if note_lines:
                footnotes.append(_footnote(expected - 1, note_lines))
            else:
                body.pop()  # the blank line between the text and its notes
            note_lines = [Line(i + 1, start.group(2).strip(), pages[i], False)]
            expected += 1
            continue
        if note_lines:
            if raw.strip():
                note_lines.append(Line(i + 1, raw.strip(), pages[i], False))
            continue
        page_start = page_start or (pending_page_start and bool(raw.strip()))
        body.append(Line(i + 1, raw.strip(), pages[i], page_start))
        pending_page_start = pending_page_start and not raw.strip()
    if note_lines:
        footnotes.append(_footnote(expected - 1, note_lines))
    if [n.number for n in footnotes] != list(range(1, N_FOOTNOTES + 1)):
        raise LayoutError(
            f"Expected footnotes 1–{N_FOOTNOTES}, found {[n.number for n in footnotes]}."
        )
    while body and body[-1].text == "":
        body.pop()
    running = tuple(
        (first + 1, printed, head) for first, _, printed, head in (heads[i] for i in sorted(heads))
    )
    return Layout(tuple(body), tuple(footnotes), running)


def _footnote(number: int, lines: list[Line]) -> RawFootnote:
    return RawFootnote(number, lines[0].page, tuple(lines))
