"""References to the works of Lenin (and of Marx and Engels) in the book.

Two kinds are kept apart, because they cite different editions:

In-text citations (:class:`Citation`)
    Stalin's own parenthesised references in the main text: "(See Vol. XXV, p. 190.)",
    "(See Lenin, Vol. XXIV, p. 13.)", "(Ibid., p. 191.)", "(See Lenin, Imperialism)",
    "(Lenin, The State and Revolution)". Volumes are Roman numerals of the *third* Russian
    edition of Lenin's Works (footnote 3 says so), or, once, of Marx and Engels's Works.
    An Ibid. takes the volume (and author) of the reference it points back to.
Editorial references (:class:`EditorialReference`)
    References inside the editors' footnotes, to the *fourth* Russian edition of Lenin's
    Works ("Works, 4th Russ. ed., Vol. 31, p. 9") or to the Moscow 1951 *Selected Works* of
    Marx and Engels, with Arabic or Roman volume numbers.
"""

from __future__ import annotations

import re
from typing import NamedTuple

ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
PARENTHESIS = re.compile(r"\(([^()]*)\)")
VOLUME = re.compile(r"\bVol\.\s+([IVXLC]+|\d+)\b")
PAGES = re.compile(r"\bpp?\.\s+(\d[\d\s,\-–]*(?:and\s+\d+)?)")
ATTRIBUTION = re.compile(r"^(Lenin|Engels|Marx)(?:,\s+(.+))?$")
TITLE_REFERENCES = ("“Left-Wing” Communism", "What the “Friends of the People” Are")


def roman_to_int(numeral: str) -> int:
    """Convert a Roman numeral to an integer.

    >>> roman_to_int("XXVII"), roman_to_int("IV"), roman_to_int("XIX")
    (27, 4, 19)
    """
    total = 0
    for i, char in enumerate(numeral):
        value = ROMAN[char]
        if i + 1 < len(numeral) and ROMAN[numeral[i + 1]] > value:
            total -= value
        else:
            total += value
    return total


def _volume(text: str) -> int | None:
    match = VOLUME.search(text)
    if not match:
        return None
    value = match.group(1)
    return int(value) if value.isdigit() else roman_to_int(value)


def _pages(text: str) -> str | None:
    match = PAGES.search(text)
    return re.sub(r"\s+", " ", match.group(1)).strip(" ,.") if match else None


class Citation(NamedTuple):
    """A parenthesised reference in the main text."""

    citation_id: int
    paragraph_id: str
    start: int  # offset of "(" in the paragraph text
    end: int  # offset after ")"
    raw: str  # the text inside the parentheses
    author: str
    work: str | None
    volume: int | None
    pages: str | None
    ibid: bool
    ibid_of: int | None


def _is_reference(raw: str) -> bool:
    return bool(
        re.match(r"(?:See|see|Ibid|ibid)\b", raw)
        or VOLUME.search(raw)
        or re.search(r"\bibid\.", raw)
        or ATTRIBUTION.match(raw)
        or raw in TITLE_REFERENCES
    )


def _author_and_work(raw: str) -> tuple[str, str | None]:
    body = re.sub(r"^(?:See|see)\s+", "", raw).rstrip(".")
    if body.startswith("K. Marx and F. Engels"):
        return "Marx and Engels", None
    author = "Lenin"
    match = re.match(r"(Lenin|Engels)(?:’s)?\b,?\s*(.*)$", body)
    if match:
        author, body = match.group(1), match.group(2)
    if raw in TITLE_REFERENCES:
        return "Lenin", raw
    quoted = re.match(r"(?:article |the resolution )?“(.+?),?”", body)
    if quoted:
        return author, quoted.group(1).rstrip(",.")
    if VOLUME.search(body) or re.match(r"(?i)ibid", body) or not body:
        return author, None
    if body.startswith("criticism"):  # "(see Engels’s criticism)"
        return author, None
    return author, re.sub(r",\s*\d{4} ed$", "", body).strip() or None


def find_citations(paragraphs: list[tuple[str, str]]) -> list[Citation]:
    """All in-text references, in book order, with Ibid. resolved.

    ``paragraphs``: ``(paragraph_id, text)`` pairs in reading order.
    """
    citations: list[Citation] = []
    for pid, text in paragraphs:
        for match in PARENTHESIS.finditer(text):
            raw = re.sub(r"\s+", " ", match.group(1)).strip()
            if not _is_reference(raw):
                continue
            ibid = bool(re.search(r"(?i)\bibid\b", raw)) and not VOLUME.search(raw)
            author, work = _author_and_work(raw)
            volume, ibid_of = _volume(raw), None
            if ibid:
                if not citations:
                    raise ValueError(f"{pid}: an Ibid. with nothing before it.")
                referent = citations[-1]
                ibid_of, volume, author = referent.citation_id, referent.volume, referent.author
                work = work or referent.work
            citations.append(
                Citation(
                    citation_id=len(citations) + 1,
                    paragraph_id=pid,
                    start=match.start(),
                    end=match.end(),
                    raw=raw,
                    author=author,
                    work=work,
                    volume=volume,
                    pages=_pages(raw),
                    ibid=ibid,
                    ibid_of=ibid_of,
                )
            )
    return citations


class EditorialReference(NamedTuple):
    """A reference inside an editors' footnote."""

    footnote: int
    author: str
    work: str | None
    edition: str
    volume: int
    pages: str | None
    raw: str


def find_editorial_references(footnotes: list[tuple[int, str]]) -> list[EditorialReference]:
    """References with a volume number inside the footnotes, in order.

    >>> refs = find_editorial_references([(6, "V. I. Lenin, “‘Left-Wing’ Communism, an "
    ...     "Infantile Disorder,” Works, 4th Russ. ed., Vol. 31, p. 9.")])
    >>> refs[0].edition, refs[0].volume, refs[0].pages
    ('Lenin, Works, 4th Russian edition', 31, '9')
    """
    references = []
    for number, text in footnotes:
        for match in re.finditer(
            r"Vol\.\s+([IVX]+|\d+)(?:,\s+pp?\.\s+(\d(?:[\d\-–]|,\s(?=\d)|\sand\s(?=\d))*))?", text
        ):
            before = text[: match.start()]
            if "4th Russ. ed." in before[-40:]:
                author, edition = "Lenin", "Lenin, Works, 4th Russian edition"
            else:
                author = "Marx and Engels"
                edition = "Marx and Engels, Selected Works, Moscow, 1951"
            titles = re.findall(r"“(.+?)”", before)
            work = titles[-1].rstrip(",.") if titles else None
            value = match.group(1)
            references.append(
                EditorialReference(
                    footnote=number,
                    author=author,
                    work=work,
                    edition=edition,
                    volume=int(value) if value.isdigit() else roman_to_int(value),
                    pages=match.group(2),
                    raw=text[max(0, match.start() - 60) : match.end()].strip(),
                )
            )
    return references
