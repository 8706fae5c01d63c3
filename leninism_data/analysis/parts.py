"""Name a part of the book and count its words: the shared basis of the analysis verbs.

A *part* is a chapter (``4``, ``"IV"``, ``"Introduction"``), a section (``"III.2"`` or
``(3, 2)``), or the whole book (``"book"``). Counts come from a term × part matrix built
once per choice of options and cached, so keyness or comparison of any two parts is a
few vector operations.
"""

from __future__ import annotations

import functools
import re
from typing import Literal, NamedTuple

import numpy as np
import pandas as pd

from leninism_data import tables
from leninism_data.corpus.arguments import check_int
from leninism_data.corpus.naming import NUMERALS, ChapterLike, resolve_chapter

PartLike = int | str | tuple[int, int]
By = Literal["chapter", "section", "page"]


class Part(NamedTuple):
    """A resolved part: a chapter (``section is None``), a section, or the book."""

    chapter: int | None
    section: int | None = None

    @property
    def label(self) -> str:
        if self.chapter is None:
            return "the whole book"
        name = "Introduction" if self.chapter == 0 else f"Chapter {NUMERALS[self.chapter]}"
        return name if self.section is None else f"{name}, section {self.section}"

    def mask(self, frame: pd.DataFrame) -> pd.Series:
        """Rows of a frame with ``chapter``/``section`` columns that lie in this part."""
        if self.chapter is None:
            return pd.Series(True, index=frame.index)
        inside = frame["chapter"] == self.chapter
        if self.section is not None:
            inside &= frame["section"] == self.section
        return inside


def resolve_part(part: PartLike) -> Part:
    """Resolve a chapter, a section or ``"book"``.

    >>> resolve_part("IV"), resolve_part("III.2"), resolve_part((7, 4)).label
    (Part(chapter=4, section=None), Part(chapter=3, section=2), 'Chapter VII, section 4')
    >>> resolve_part("III.9")
    Traceback (most recent call last):
    ...
    ValueError: Chapter III has no section 9; its sections are 0–3.
    """
    if isinstance(part, str) and part.strip().lower() in ("book", "all", "whole book"):
        return Part(None)
    if isinstance(part, str) and re.fullmatch(r"\s*\w+\.\d+\s*", part):
        name, number = part.strip().rsplit(".", 1)
        part = (resolve_chapter(name), int(number))
    if isinstance(part, tuple):
        if len(part) != 2:
            raise ValueError(
                f"A section is a pair (chapter, section) such as (3, 2) or 'III.2', not {part!r}."
            )
        chapter, section = resolve_chapter(part[0]), check_int("section", part[1], 0, 99)
        known = tables.sections().query("chapter == @chapter")["section"]
        if section not in set(known):
            raise ValueError(
                f"{Part(chapter).label} has no section {section}; its sections "
                f"are 0–{known.max()}."
            )
        return Part(chapter, section)
    return Part(resolve_chapter(part))


def check_section(chapter: ChapterLike | None, section: object) -> None:
    """Check that ``section`` (if given) is a section of ``chapter``.

    >>> check_section("III", 2)
    >>> check_section(None, 2)
    Traceback (most recent call last):
    ...
    ValueError: A section needs its chapter: pass chapter= as well as section=.
    """
    if section is None:
        return
    if chapter is None:
        raise ValueError("A section needs its chapter: pass chapter= as well as section=.")
    resolve_part((resolve_chapter(chapter), check_int("section", section, 0, 99)))


def select_tokens(
    *,
    include_quotations: bool = True,
    stopwords: bool = True,
    include_footnotes: bool = False,
    include_citations: bool = False,
) -> pd.DataFrame:
    """The tokens table (not a copy: do not modify), filtered.

    ``include_quotations=False`` leaves out the quoted words of block and inline
    quotations (Lenin, Marx and Engels); ``stopwords=False`` leaves out stopwords;
    ``include_citations=True`` puts back the words inside references ("See", "Vol",
    page numbers; left out by default); ``include_footnotes=True`` adds the footnotes'
    words (``chapter`` of their marker, ``section`` -1 and ``paragraph_id`` ``"fn12"``).
    """
    tokens = tables.tokens()
    if include_footnotes:
        tokens = pd.concat([tokens, _footnote_tokens()], ignore_index=True)
    keep = np.ones(len(tokens), dtype=bool)
    if not include_citations:
        keep &= ~tokens["in_citation"].to_numpy(dtype=bool)
    if not include_quotations:
        keep &= ~tokens["in_quotation"].to_numpy(dtype=bool)
    if not stopwords:
        keep &= ~tokens["is_stopword"].to_numpy(dtype=bool)
    return tokens[keep] if not keep.all() else tokens


@functools.lru_cache(maxsize=1)
def _footnote_tokens() -> pd.DataFrame:
    from leninism_data.corpus.stopwords import STOPWORDS
    from leninism_data.corpus.words import WORD, term

    rows = []
    for note in tables.footnotes().itertuples():
        for match in WORD.finditer(note.text):
            word = match.group(0)
            lower = word.lower()
            counted = term(word)
            rows.append(
                {
                    "paragraph_id": f"fn{note.footnote}",
                    "chapter": note.chapter,
                    "section": -1,
                    "page": note.page,
                    "offset": match.start(),
                    "token": word,
                    "lower": lower,
                    "term": counted,
                    "is_stopword": counted in STOPWORDS or lower in STOPWORDS,
                    "in_quotation": False,
                    "in_quote_marks": False,
                    "in_citation": False,
                }
            )
    return pd.DataFrame(rows)


@functools.lru_cache(maxsize=32)
def count_matrix(
    by: By = "chapter",
    *,
    include_quotations: bool = True,
    stopwords: bool = True,
    include_citations: bool = False,
) -> pd.DataFrame:
    """Term × part counts (rows: terms, columns: parts). Cached; treat as read-only.

    Columns are chapter numbers, ``(chapter, section)`` pairs or page numbers.
    ``stopwords=False`` drops the stopwords' rows; the size of a part is always
    :func:`part_sizes` (all its words), whatever the rows kept.

    >>> m = count_matrix("chapter")
    >>> int(m.loc["proletariat", 4])
    49
    """
    tokens = select_tokens(
        include_quotations=include_quotations,
        stopwords=stopwords,
        include_citations=include_citations,
    )
    keys = ["chapter", "section"] if by == "section" else [by]
    if by not in ("chapter", "section", "page"):
        raise ValueError(f"by must be 'chapter', 'section' or 'page', not {by!r}.")
    counts = tokens.groupby(keys + ["term"], observed=True).size()
    return counts.unstack(keys, fill_value=0).sort_index(axis=1)


def part_sizes(
    by: By = "chapter", *, include_quotations: bool = True, include_citations: bool = False
) -> pd.Series:
    """Size of each part in words: the one unit of every relative frequency.

    The size is ``n_words`` (every word token outside references; see the data
    dictionary), less the quoted words when ``include_quotations=False`` and plus the
    reference words when ``include_citations=True``. Stopwords always count: leaving
    them out of a list of terms does not change the size of the text they stand in.

    >>> int(part_sizes()[5]) == int(__import__("leninism_data").chapters().loc[5, "n_words"])
    True
    """
    return count_matrix(
        by, include_quotations=include_quotations, include_citations=include_citations
    ).sum(axis=0)


def part_counts(
    part: Part,
    *,
    include_quotations: bool = True,
    stopwords: bool = True,
    include_citations: bool = False,
) -> pd.Series:
    """Counts of every term in one part (index: terms of the whole book)."""
    by: By = "chapter" if part.section is None else "section"
    matrix = count_matrix(
        by,
        include_quotations=include_quotations,
        stopwords=stopwords,
        include_citations=include_citations,
    )
    if part.section is None:
        return matrix.sum(axis=1) if part.chapter is None else matrix[part.chapter]
    return matrix[(part.chapter, part.section)]


def part_size(
    part: Part, *, include_quotations: bool = True, include_citations: bool = False
) -> int:
    """Size of one part in words (see :func:`part_sizes`)."""
    return int(
        part_counts(
            part, include_quotations=include_quotations, include_citations=include_citations
        ).sum()
    )
