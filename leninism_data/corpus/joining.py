"""Assemble paragraphs from the main-text lines of :mod:`leninism_data.corpus.layout`.

Three artifacts of the extraction are undone here:

Footnote markers
    Each note's number is glued to the word or punctuation it follows ("Enrollment1",
    "movement.”10") on the page where the note is printed; once, in one case, to the word
    after it ("Anarchists 5in"). The marker is removed and remembered with its offset.
Paragraph breaks
    A true break is usually a blank line. But the extraction often moved that blank line
    one line down, *after* the paragraph's first line ("Some may say: … Russia," / "" /
    "which was not …"), and sometimes dropped it. So a blank line followed by a line that
    continues a sentence (lower-case start, or a hyphenated word) is spurious when the line
    before it opens a paragraph; and a line opens a paragraph without a blank line when the
    line before ends a sentence and either a spurious blank line follows it, it starts a
    list item or section, or the line before is clearly short (the last line of a paragraph).
Line-end hyphens
    "expo-" / "sition" is joined to "exposition"; "well-" / "known" keeps its hyphen. The
    choice is made from the book's own vocabulary: how the joined and hyphenated spellings
    occur inside lines elsewhere in the book. Without evidence, a hyphen before a capital
    letter is kept ("non-" / "Party") and any other is removed. Every decision is recorded
    (:class:`Hyphenation`) and exposed as a table.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise
from typing import NamedTuple

from leninism_data.corpus.layout import Layout, Line, RawFootnote

# A paragraph's last line is short: under 75% of the typical line around it, or under 90%
# when the next line is itself shorter than typical (a first line is indented in print).
CLEARLY_SHORT, SHORT = 0.75, 0.9
QUOTATION_INDENT = 7  # block quotations are this many characters narrower than prose
TERMINAL = re.compile(r"(?<!\bVol)(?<!\bpp)(?<!\bp)(?<!\bed)(?<!\bMr)[.?!:)”]$")
LIST_OR_SECTION = re.compile(r"^(?:\d\)|[a-j] ?\)|[a-z]+: [a-j]\))\s")
LETTERED = re.compile(r"^(?:[a-z]+: )?[a-j] ?\)\s")
PARAGRAPH_OPENING = re.compile(r"^[“‘]?[A-Z0-9]")
CLOSING_CITATION = re.compile(r"\((?:See|Ibid)[^()]*\)$")
WORD = re.compile(r"[^\W_]+(?:[-’'][^\W_]+)*-?")
LONGEST_WORD = 60  # characters; longer than any word of the book


class Hyphenation(NamedTuple):
    """One line-end hyphen and what the parser made of it."""

    lineno: int
    left: str  # the word part before the line-end hyphen, hyphen included ("pet-")
    right: str  # the word continuing the next line ("ty-bourgeois")
    result: str  # the word as it stands in the clean text ("petty-bourgeois")
    kept_hyphen: bool
    evidence: str  # why: counts of each spelling elsewhere in the book, or the default rule


class Joined(NamedTuple):
    """Lines joined into one clean string, with where the pages and note markers fell."""

    text: str
    page_breaks: tuple[tuple[int, int], ...]  # (offset, page): the page from that offset on
    markers: tuple[tuple[int, int], ...]  # (offset, footnote number)
    linenos: tuple[int, ...]


class ChapterLines(NamedTuple):
    """A chapter's heading, title and body lines (grouped into paragraphs)."""

    heading: str
    title: str
    page: int
    front_matter: tuple[tuple[Line, ...], ...]  # the Introduction's dedication and signature
    paragraphs: tuple[tuple[Line, ...], ...]


def _clean(text: str) -> str:
    """Runs of spaces (the lettered lists have en, em and narrow no-break spaces) as one."""
    return " ".join(text.split())


def remove_markers(layout: Layout) -> tuple[tuple[Line, ...], dict[int, tuple[int, int]]]:
    """Remove every footnote marker from the body.

    Returns the body lines with markers removed and ``{lineno: (offset, number)}``.
    """
    found: dict[int, tuple[int, int]] = {}
    lines = list(layout.body)
    on_page: dict[int, list[int]] = {}
    for i, line in enumerate(lines):
        on_page.setdefault(line.page, []).append(i)
    for note in layout.footnotes:
        n = note.number
        glued = re.compile(rf"(?<=[^\s\d]){n}(?!\d)|(?<=\s){n}(?=[a-z])")
        hits = [(i, m) for i in on_page.get(note.page, []) for m in glued.finditer(lines[i].text)]
        if len(hits) != 1:
            raise ValueError(
                f"Footnote {n}: expected one marker on page {note.page}, found {len(hits)}."
            )
        i, m = hits[0]
        line = lines[i]
        before, after = line.text[: m.start()], line.text[m.end() :]
        if before.endswith(" ") and after.startswith(" "):
            after = after[1:]
        cleaned_before = _clean(before + "x")[:-1]  # offset within the cleaned line
        lines[i] = Line(line.lineno, before + after, line.page, line.page_start)
        found[line.lineno] = (len(cleaned_before), n)
    return tuple(lines), found


def _ends_hyphenated(text: str) -> bool:
    return text.endswith("-") and not text.endswith("--")


def _starts_continuation(text: str) -> bool:
    return text[:1].islower() and not LIST_OR_SECTION.match(text)


def _typical_length(rows: list[tuple[Line, bool]], k: int) -> int:
    """Median length of the lines around row ``k`` (row ``k`` left out)."""
    around = sorted(
        len(line.text) for line, _ in rows[max(0, k - 4) : k + 5] if line is not rows[k][0]
    )
    return around[len(around) // 2] if around else 0


def _ends_paragraph(rows: list[tuple[Line, bool]], k: int) -> bool:
    """Is row ``k`` short enough to be a paragraph's last line?"""
    typical = _typical_length(rows, k)
    length = len(rows[k][0].text)
    next_indented = k + 1 < len(rows) and len(rows[k + 1][0].text) < typical
    return length < CLEARLY_SHORT * typical or (length < SHORT * typical and next_indented)


def _block_quotation_starts(rows: list[tuple[Line, bool]], k: int) -> bool:
    """Does row ``k`` open a block quotation, set narrower than the lines before it?"""
    before = [len(line.text) for line, _ in rows[max(0, k - 4) : k]]
    after = [len(line.text) for line, _ in rows[k : k + 3]]
    return (
        rows[k][0].text.startswith("“")
        and bool(before)
        and bool(after)
        and max(after) <= max(before) - QUOTATION_INDENT
    )


def _inside_quotation(rows: list[tuple[Line, bool]], k: int, opens: list[bool]) -> bool:
    """Does the paragraph that row ``k - 1`` belongs to leave a quotation open?"""
    start = max(i for i in range(k) if opens[i])
    text = " ".join(line.text for line, _ in rows[start:k])
    return text.count("“") > text.count("”")


def _opens_without_blank(rows: list[tuple[Line, bool]], k: int, opens: list[bool]) -> bool:
    """Does row ``k`` open a paragraph, given that the row before it ends a sentence?"""
    cur, prev = rows[k][0].text, rows[k - 1][0].text
    followed_by_spurious_blank = (
        k + 1 < len(rows)
        and rows[k + 1][1]
        and (_starts_continuation(rows[k + 1][0].text) or not TERMINAL.search(cur))
    )
    if LIST_OR_SECTION.match(cur) or followed_by_spurious_blank:
        return True
    if not PARAGRAPH_OPENING.match(cur):
        return False
    if CLOSING_CITATION.search(prev):
        return True
    if _inside_quotation(rows, k, opens):  # each paragraph of a quotation opens with “
        return cur.startswith("“") and _ends_paragraph(rows, k - 1)
    return _ends_paragraph(rows, k - 1) or _block_quotation_starts(rows, k)


def split_paragraphs(lines: list[Line]) -> list[tuple[Line, ...]]:
    """Group a chapter's body lines (after its title) into paragraphs."""
    rows = [(line, i > 0 and lines[i - 1].text == "") for i, line in enumerate(lines) if line.text]
    opens = [True]  # does row k open a paragraph?
    for k in range(1, len(rows)):
        prev, (cur, blank_before) = rows[k - 1][0].text, rows[k]
        if _ends_hyphenated(prev):
            opens.append(False)
            continue
        if LETTERED.match(cur.text):
            opens.append(True)
            continue
        continues = _starts_continuation(cur.text)
        if blank_before:
            # A spurious blank follows a paragraph's first line; a real one ends a paragraph.
            if continues or not TERMINAL.search(prev):
                opens.append(not opens[k - 1])
            else:
                opens.append(True)
            continue
        if continues or prev.endswith("—") or not TERMINAL.search(prev):
            opens.append(False)
            continue
        opens.append(_opens_without_blank(rows, k, opens))
    paragraphs: list[list[Line]] = []
    for (line, _), is_open in zip(rows, opens):
        if is_open:
            paragraphs.append([])
        paragraphs[-1].append(line)
    return [tuple(p) for p in paragraphs]


def _front_matter(body: list[Line]) -> int:
    """Number of leading lines that stand alone between blank lines (dedication, signature)."""
    n = 0
    while n + 1 < len(body) and body[n].text and body[n + 1].text == "":
        n += 2
    return n


def split_chapters(lines: tuple[Line, ...]) -> list[ChapterLines]:
    """Cut the body at chapter headings; the first line after a heading is the title."""
    heading = re.compile(r"^(Introduction|Chapter [IVX]+\.)$")
    starts = [i for i, line in enumerate(lines) if line.page_start and heading.match(line.text)]
    chapters: list[ChapterLines] = []
    for start, end in zip(starts, starts[1:] + [len(lines)]):
        body = [line for line in lines[start + 1 : end]]
        title_index = next(i for i, line in enumerate(body) if line.text)
        title = body[title_index]
        rest = body[title_index + 1 :]
        front = _front_matter(rest) if not chapters else 0
        chapters.append(
            ChapterLines(
                heading=lines[start].text.rstrip("."),
                title=title.text,
                page=lines[start].page,
                front_matter=tuple((line,) for line in rest[:front] if line.text),
                paragraphs=tuple(split_paragraphs(rest[front:])),
            )
        )
    return chapters


def inline_vocabulary(lines: list[Line]) -> Counter[str]:
    """Lower-cased words that stand whole inside a line (not broken at a line end).

    All words of the text are counted in one pass; then the two halves of every word
    broken at a line end (the last word of a hyphen-ended line and the first word of the
    next line with text) are taken off again.
    """
    texts = [line.text for line in lines if line.text]
    vocabulary = Counter(WORD.findall("\n".join(texts).lower()))
    broken: Counter[str] = Counter()
    for text, following in pairwise(texts):
        if _ends_hyphenated(text):
            last, first = WORD.findall(text[-LONGEST_WORD:])[-1], WORD.match(following)
            if last.endswith("-"):
                broken[last.lower()] += 1
            if first:
                broken[first.group(0).lower()] += 1
    vocabulary.subtract(broken)
    return +vocabulary


class Joiner:
    """Join lines into clean text, deciding each line-end hyphen from the vocabulary."""

    def __init__(self, vocabulary: Counter[str]) -> None:
        self.vocabulary = vocabulary
        self.hyphenations: list[Hyphenation] = []

    def _decide(self, lineno: int, left: str, right: str) -> bool:
        """Whether to keep the hyphen between ``left`` ("pet-") and ``right``."""
        stem = left[:-1]
        joined, hyphenated = (stem + right).lower(), (stem + "-" + right).lower()
        n_joined, n_hyphenated = self.vocabulary[joined], self.vocabulary[hyphenated]
        if n_joined or n_hyphenated:
            keep = n_hyphenated > n_joined
            evidence = f"{joined!r} ×{n_joined}, {hyphenated!r} ×{n_hyphenated} elsewhere"
        else:
            keep = right[:1].isupper()
            evidence = (
                "no other occurrence; kept before a capital"
                if keep
                else "no other occurrence; ordinary word division"
            )
        result = stem + ("-" if keep else "") + right
        self.hyphenations.append(Hyphenation(lineno, left, right, result, keep, evidence))
        return keep

    def join(
        self,
        lines: tuple[Line, ...] | list[Line],
        markers: dict[int, tuple[int, int]] | None = None,
    ) -> Joined:
        """Join ``lines`` into one string (see :class:`Joined`)."""
        text = ""
        page_breaks: list[tuple[int, int]] = []
        found_markers: list[tuple[int, int]] = []
        linenos = []
        for line in lines:
            piece = _clean(line.text)
            if not piece:
                continue
            if not text:
                pass
            elif _ends_hyphenated(text):
                left = WORD.findall(text[-LONGEST_WORD:])[-1]
                right_match = WORD.match(piece)
                right = right_match.group(0) if right_match else ""
                if right and self._decide(line.lineno, left, right.rstrip("-")):
                    pass
                else:
                    text = text[:-1]
            elif not text.endswith("—"):
                text += " "
            if not page_breaks or page_breaks[-1][1] != line.page:
                page_breaks.append((len(text), line.page))
            if markers and line.lineno in markers:
                offset, number = markers[line.lineno]
                found_markers.append((len(text) + offset, number))
            text += piece
            linenos.append(line.lineno)
        return Joined(text, tuple(page_breaks), tuple(found_markers), tuple(linenos))


def join_footnote(joiner: Joiner, note: RawFootnote) -> str:
    """The clean text of a footnote."""
    return joiner.join(note.lines).text
