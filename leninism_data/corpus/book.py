"""The parsed book: one immutable record, built once per process.

:func:`book` parses the shipped source text (layout → paragraphs → structure → citations)
and caches the result. Everything else in the package — tables, analysis, widgets — reads
from it. The stages live in private modules, each undoing one kind of artifact:

* :mod:`leninism_data.corpus.source` — read and verify the shipped text;
* :mod:`leninism_data.corpus.layout` — printed pages, footnotes, leaked running heads;
* :mod:`leninism_data.corpus.joining` — footnote markers, paragraph breaks, hyphenation;
* :mod:`leninism_data.corpus.structure` — chapters, sections, kinds, block quotations;
* :mod:`leninism_data.corpus.quoting` — quoted spans, inline quotations, the author's glosses;
* :mod:`leninism_data.corpus.references` — in-text citations and editorial references.
"""

from __future__ import annotations

import functools
from typing import NamedTuple

from leninism_data.corpus.joining import (
    Hyphenation,
    Joiner,
    inline_vocabulary,
    remove_markers,
    split_chapters,
)
from leninism_data.corpus.layout import parse_layout
from leninism_data.corpus.quoting import (
    block_spans,
    closing_citation,
    find_inline_quotations,
    number_quotations,
)
from leninism_data.corpus.references import (
    Citation,
    EditorialReference,
    find_citations,
    find_editorial_references,
)
from leninism_data.corpus.source import read_source
from leninism_data.corpus.structure import (
    Chapter,
    Paragraph,
    Quotation,
    Section,
    build_structure,
    group_quotations,
)


class Footnote(NamedTuple):
    """An editors' or author's footnote, linked to the paragraph that carries its marker."""

    number: int
    text: str
    chapter: int
    paragraph_id: str
    page: int
    by_author: bool  # signed "—J. St." (Stalin's own note) rather than the editors'


class Book(NamedTuple):
    """Everything the parser found, in reading order."""

    chapters: tuple[Chapter, ...]
    sections: tuple[Section, ...]
    paragraphs: tuple[Paragraph, ...]
    footnotes: tuple[Footnote, ...]
    citations: tuple[Citation, ...]
    quotations: tuple[Quotation, ...]
    editorial_references: tuple[EditorialReference, ...]
    hyphenations: tuple[Hyphenation, ...]
    running_heads: tuple[tuple[int, int, str], ...]
    paragraph_by_id: dict[str, Paragraph]  # the paragraphs by their id


@functools.lru_cache(maxsize=1)
def book() -> Book:
    """Parse the shipped source text (once per process) and return the :class:`Book`.

    Examples
    --------
    >>> b = book()
    >>> len(b.chapters), len(b.footnotes), b.paragraph_by_id["IV.1"].page
    (10, 32, 35)
    """
    layout = parse_layout(read_source())
    body, markers = remove_markers(layout)
    joiner = Joiner(inline_vocabulary(list(body)))
    chapters, sections, paragraphs = build_structure(split_chapters(body), joiner, markers)
    citations = find_citations([(p.paragraph_id, p.text) for p in paragraphs])
    by_paragraph = {c.paragraph_id: c for c in citations}
    lenin_reference = {
        pid for pid, c in by_paragraph.items() if c.author == "Lenin" and c.volume is not None
    }
    paragraphs, blocks = group_quotations(paragraphs, lenin_reference)
    by_id = {p.paragraph_id: p for p in paragraphs}
    blocks = [
        q._replace(
            spans=block_spans(group),
            citation_id=closing_citation(group, citations),
        )
        for q in blocks
        for group in [[by_id[pid] for pid in q.paragraph_ids]]
    ]
    paragraphs, quotations = number_quotations(
        paragraphs, blocks + find_inline_quotations(paragraphs, citations)
    )
    marker_at = {number: p for p in paragraphs for number in p.footnotes}
    footnotes = []
    for note in layout.footnotes:
        text = joiner.join(note.lines).text
        carrier = marker_at[note.number]
        footnotes.append(
            Footnote(
                note.number,
                text,
                carrier.chapter,
                carrier.paragraph_id,
                note.page,
                text.rstrip(".").endswith("J. St"),
            )
        )
    references = find_editorial_references([(n.number, n.text) for n in footnotes])
    return Book(
        tuple(chapters),
        tuple(sections),
        tuple(paragraphs),
        tuple(footnotes),
        tuple(citations),
        tuple(quotations),
        tuple(references),
        tuple(joiner.hyphenations),
        layout.running_heads,
        {p.paragraph_id: p for p in paragraphs},
    )
