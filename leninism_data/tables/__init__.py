"""Layer 2: the data contract — the book as tidy pandas tables built from the parse
(:mod:`.build`), what every column means (:mod:`.data_dictionary`), and reading and
citing passages (:mod:`.citing`)."""

from leninism_data.tables.build import (
    TABLES,
    chapters,
    citations,
    editorial_references,
    footnotes,
    hyphenation,
    pages,
    paragraphs,
    quotations,
    sections,
    sentences,
    tokens,
)

__all__ = [
    "TABLES",
    "chapters",
    "citations",
    "editorial_references",
    "footnotes",
    "hyphenation",
    "pages",
    "paragraphs",
    "quotations",
    "sections",
    "sentences",
    "tokens",
]
