"""Give the paragraphs their place in the book: chapter, section, kind, quotation.

* Sections: Chapters III–VIII are divided into numbered sections opened by a run-in
  heading ("1) The importance of theory. Some think …"). The heading (without its number
  and final period) becomes the section's title and is removed from the paragraph.
  Section 0 is a chapter's text before its first numbered section, titled
  "Before section 1" in Chapters III–VIII; in the chapters without numbered
  sections it is the whole chapter and takes the chapter's title. Quoted numbered
  points ("“1) Never play …") are not headings.
* Kinds: ``front_matter`` (the Introduction's dedication and signature), ``list_item``
  (lettered lists: "a) …", also "direct: a) …"), ``quotation`` (block quotations: set
  narrower than the prose in print, or quoted from the first word to a closing
  reference such as "(See Vol. VIII, p. 96.)"), ``prose`` (everything else).
* Quotations: a block quotation that runs over several paragraphs opens each with “ and
  closes only the last; such paragraphs form one quotation. Who is quoted is read from the
  quotation's own framing ("says Lenin"), else from the sentence that leads into it
  ("Here is what Engels says …"), else from a closing reference to Lenin's Works, else
  from the last of Lenin, Marx or Engels named just before it.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from leninism_data.corpus.joining import LETTERED, ChapterLines, Joined, Joiner
from leninism_data.corpus.layout import Line
from leninism_data.corpus.naming import NUMERALS as CHAPTER_NAMES

#: Chapter numerals as the headings print them ("" for the Introduction).
NUMERALS = ("", *CHAPTER_NAMES[1:])
SPEAKERS = ("Marx and Engels", "Lenin", "Marx", "Engels")
_SPEAKER = "|".join(SPEAKERS)
_VERB = r"(?:says|say|said|writes|wrote|declares|declared|remarks|remarked|states|stated)"
FRAMING = re.compile(
    rf"\b{_VERB}\s+({_SPEAKER})\b|\b({_SPEAKER})\s+(?:(?:has|had|once|then)\s+)?"
    rf"(?:{_VERB}|puts? it|pointed out|points out)\b"
)
NAMED = re.compile(rf"\b({_SPEAKER})\b")
#: Works Marx wrote with Engels: a quotation the text gives to "Marx" from one of them is
#: theirs (I.26, the *Communist Manifesto*; III.64, the 1850 *Address* of the Central
#: Committee to the Communist League).
JOINT_WORKS = re.compile(r"\bCommunist Manifesto\b|\bhis Address\b")
OPENING_TITLE = "Before section 1"
"""Title of section 0 in a chapter with numbered sections; elsewhere section 0 is the
whole chapter and takes the chapter's title."""
BLOCK_WIDTH, TWO_LINE_BLOCK_WIDTH = 67, 60
CLOSING_REFERENCE = re.compile(r"”\s*\((?:See|Ibid)[^()]*\)$")


class Paragraph(NamedTuple):
    """A paragraph of the main text, clean and placed in the book."""

    paragraph_id: str
    chapter: int
    section: int
    number: int  # 1-based within the chapter (the number in paragraph_id)
    position: int  # 0-based in the book
    kind: str
    text: str
    page_breaks: tuple[tuple[int, int], ...]
    markers: tuple[tuple[int, int], ...]
    linenos: tuple[int, ...]
    quotation_id: int | None = None

    @property
    def page(self) -> int:
        return self.page_breaks[0][1]

    @property
    def page_end(self) -> int:
        return self.page_breaks[-1][1]

    @property
    def footnotes(self) -> tuple[int, ...]:
        return tuple(number for _, number in self.markers)

    def page_at(self, offset: int) -> int:
        """Printed page on which the character at ``offset`` stands."""
        page = self.page_breaks[0][1]
        for start, p in self.page_breaks:
            if start <= offset:
                page = p
        return page


class Section(NamedTuple):
    chapter: int
    section: int
    title: str
    first_page: int


class Chapter(NamedTuple):
    chapter: int
    numeral: str
    heading: str
    title: str
    first_page: int


class Quotation(NamedTuple):
    """A block or inline quotation (see :mod:`leninism_data.corpus.quoting`)."""

    quotation_id: int
    paragraph_ids: tuple[str, ...]
    speaker: str
    text: str
    form: str = "block"  # "block" (whole paragraphs) or "inline" (inside a prose paragraph)
    spans: tuple[tuple[str, int, int], ...] = ()  # (paragraph_id, start, end) quoted spans
    citation_id: int | None = None  # the in-text reference that closes it


def paragraph_id(chapter: int, index: int) -> str:
    """The citable id of a paragraph.

    >>> paragraph_id(4, 27), paragraph_id(0, 3)
    ('IV.27', 'Intro.3')
    """
    return f"{NUMERALS[chapter] or 'Intro'}.{index}"


def _is_block_quotation(lines: tuple[Line, ...], text: str) -> bool:
    opening = " ".join(line.text for line in lines[:2])
    if "“" not in opening:
        return False
    if text.startswith("“") and CLOSING_REFERENCE.search(text):
        return True  # quoted from its first word to the reference that closes it
    if len(lines) >= 3:
        return max(len(line.text) for line in lines[1:-1]) <= BLOCK_WIDTH
    return len(lines) == 2 and len(lines[0].text) <= TWO_LINE_BLOCK_WIDTH


def _cut_heading(joined: Joined, number: int) -> tuple[str, Joined]:
    """Split a run-in section heading off the start of a paragraph."""
    match = re.match(rf"{number}\) (.+?)\.\s+", joined.text)
    if not match:
        raise ValueError(
            f"Section {number}: no heading ending in a period in {joined.text[:80]!r}."
        )
    cut = match.end()
    breaks = tuple((max(0, offset - cut), page) for offset, page in joined.page_breaks)
    breaks = tuple(
        b for i, b in enumerate(breaks) if i + 1 == len(breaks) or breaks[i + 1][0] > b[0]
    )
    markers = tuple((offset - cut, n) for offset, n in joined.markers)
    return match.group(1), Joined(joined.text[cut:], breaks, markers, joined.linenos)


def build_structure(
    chapters_lines: list[ChapterLines], joiner: Joiner, markers: dict[int, tuple[int, int]]
) -> tuple[list[Chapter], list[Section], list[Paragraph]]:
    """Chapters, sections and paragraphs (without quotations) of the whole book."""
    chapters: list[Chapter] = []
    sections: list[Section] = []
    paragraphs: list[Paragraph] = []
    for number, chapter_lines in enumerate(chapters_lines):
        chapters.append(
            Chapter(
                number,
                NUMERALS[number],
                chapter_lines.heading,
                chapter_lines.title,
                chapter_lines.page,
            )
        )
        opening = OPENING_TITLE if 3 <= number <= 8 else chapter_lines.title
        sections.append(Section(number, 0, opening, chapter_lines.page))
        section = 0
        first_in_chapter = len(paragraphs)
        blocks = [(lines, "front_matter") for lines in chapter_lines.front_matter]
        blocks += [(lines, "") for lines in chapter_lines.paragraphs]
        for lines, kind in blocks:
            joined = joiner.join(lines, markers)
            if 3 <= number <= 8 and joined.text.startswith(f"{section + 1}) "):
                section += 1
                title, joined = _cut_heading(joined, section)
                sections.append(Section(number, section, title, joined.page_breaks[0][1]))
            if not kind:
                kind = (
                    "list_item"
                    if LETTERED.match(joined.text)
                    else "quotation"
                    if _is_block_quotation(lines, joined.text)
                    else "prose"
                )
            index = len(paragraphs) - first_in_chapter + 1
            paragraphs.append(
                Paragraph(
                    paragraph_id=paragraph_id(number, index),
                    chapter=number,
                    section=section,
                    number=index,
                    position=len(paragraphs),
                    kind=kind,
                    text=joined.text,
                    page_breaks=joined.page_breaks,
                    markers=joined.markers,
                    linenos=joined.linenos,
                )
            )
    return chapters, sections, paragraphs


def _speaker(
    group: list[Paragraph],
    lead_in: list[Paragraph],
    has_lenin_reference: bool,
    previous: str | None,
) -> str:
    quoted = " ".join(p.text for p in group)
    outside_marks = re.sub(r"“[^”]*”", " ", quoted)
    for source in (outside_marks, lead_in[-1].text if lead_in else ""):
        framing = FRAMING.findall(source)
        if framing:
            name = next(name for name in framing[0] if name)
            return "Marx and Engels" if name == "Marx" and JOINT_WORKS.search(source) else name
    if has_lenin_reference:
        return "Lenin"
    for paragraph in reversed(lead_in):
        named = NAMED.findall(paragraph.text)
        if named:
            return named[-1]
    return previous or "Lenin"


def group_quotations(
    paragraphs: list[Paragraph], lenin_reference: set[str]
) -> tuple[list[Paragraph], list[Quotation]]:
    """Group quotation paragraphs into quotations and name who is quoted.

    ``lenin_reference``: ids of paragraphs whose closing reference is to Lenin's Works.
    """
    groups: list[list[Paragraph]] = []
    for i, p in enumerate(paragraphs):
        if p.kind != "quotation":
            continue
        previous = paragraphs[i - 1] if i else None
        continues = (
            groups
            and previous is groups[-1][-1]
            and previous.text.count("“") > previous.text.count("”")
        )
        if continues:
            groups[-1].append(p)
        else:
            groups.append([p])
    quotations: list[Quotation] = []
    by_id = {p.paragraph_id: p for p in paragraphs}
    for number, group in enumerate(groups, start=1):
        first = group[0].position
        lead_in = [p for p in paragraphs[max(0, first - 3) : first] if p.kind != "quotation"]
        speaker = _speaker(
            group,
            lead_in,
            group[-1].paragraph_id in lenin_reference,
            quotations[-1].speaker if quotations else None,
        )
        ids = tuple(p.paragraph_id for p in group)
        quotations.append(Quotation(number, ids, speaker, " ".join(p.text for p in group)))
        for pid in ids:
            by_id[pid] = by_id[pid]._replace(quotation_id=number)
    return [by_id[p.paragraph_id] for p in paragraphs], quotations
