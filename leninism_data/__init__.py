"""Study J. V. Stalin's *The Foundations of Leninism* (1924) as tidy pandas tables.

>>> import leninism_data as ld
>>> ld.chapters().loc[8, "title"]
'The Party'
>>> ld.cite("Intro.3")[-30:]
'Introduction, ¶ Intro.3, p. 1.'

Tables (each call returns a fresh copy): :func:`chapters`, :func:`sections`,
:func:`paragraphs`, :func:`footnotes`, :func:`citations`, :func:`quotations`,
:func:`sentences`, :func:`tokens`, :func:`pages`, :func:`editorial_references`,
:func:`hyphenation`. Reading and citing: :func:`text`, :func:`cite`, :func:`describe`.
"""

from leninism_data.chapter_arg import resolve_chapter
from leninism_data.citing import UnknownParagraphError, cite, describe, text
from leninism_data.data_dictionary import DATA_DICTIONARY
from leninism_data.tables import (TABLES, chapters, citations, editorial_references,
                                  footnotes, hyphenation, pages, paragraphs, quotations,
                                  sections, sentences, tokens)

__version__ = "0.1.0"

__all__ = [
    "DATA_DICTIONARY", "TABLES", "UnknownParagraphError", "chapters", "citations", "cite",
    "describe", "editorial_references", "footnotes", "hyphenation", "pages", "paragraphs",
    "quotations", "resolve_chapter", "sections", "sentences", "text", "tokens",
]
