"""The paragraphs as the widgets read them: one record per paragraph id, from the public
``paragraphs()`` table (footnote markers and page breaks are columns there), so that no
widget reads the parser's records.

>>> passage = paragraphs_by_id()["IV.26"]
>>> passage.page, passage.page_end, passage.markers
(39, 40, ((1436, 20),))
"""

from __future__ import annotations

import functools
from typing import NamedTuple

import leninism_data as ld


class Passage(NamedTuple):
    """A paragraph of the book, with what a reader widget needs to show it."""

    paragraph_id: str
    chapter: int
    section: int
    kind: str
    text: str
    page: int
    page_end: int
    footnotes: tuple[int, ...]
    markers: tuple[tuple[int, int], ...]  # (offset, footnote number)
    page_breaks: tuple[tuple[int, int], ...]  # (offset, page that starts there)


@functools.lru_cache(maxsize=1)
def paragraphs_by_id() -> dict[str, Passage]:
    """Every paragraph of the book by its id, in book order."""
    table = ld.paragraphs()
    return {
        row.paragraph_id: Passage(
            row.paragraph_id,
            int(row.chapter),
            int(row.section),
            str(row.kind),
            row.text,
            int(row.page),
            int(row.page_end),
            tuple(row.footnotes),
            tuple(row.footnote_markers),
            tuple(row.page_breaks),
        )
        for row in table.itertuples(index=False)
    }
