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

Analysis (tidy frames in and out, every row carrying ``paragraph_id``, ``chapter`` and
``page``): :func:`search`, :func:`kwic`, :func:`term_frequencies`, :func:`dispersion`,
:func:`ngrams`, :func:`keyness`, :func:`collocates`, :func:`compare`,
:func:`similar_passages`, :func:`people_index`, :func:`works_index`. Seminars:
:class:`NoteStore`, :func:`handout`, :func:`reading_plan`. Interactive views:
:mod:`leninism_data.widgets`.
"""

from typing import TYPE_CHECKING

from leninism_data.chapter_arg import resolve_chapter
from leninism_data.citing import UnknownParagraphError, cite, describe, text
from leninism_data.data_dictionary import DATA_DICTIONARY
from leninism_data.stopwords import STOPWORDS, load_stopwords
from leninism_data.tables import (TABLES, chapters, citations, editorial_references,
                                  footnotes, hyphenation, pages, paragraphs, quotations,
                                  sections, sentences, tokens)

# The analysis verbs, the notes store and the seminar tools load on first use (lazy
# loading as in Scientific Python's SPEC 1): reading a table does not pay for them.
_LAZY = {
    "Dispersion": "frequencies", "dispersion": "frequencies", "ngrams": "frequencies",
    "term_frequencies": "frequencies", "Comparison": "distinctive",
    "collocates": "distinctive", "compare": "distinctive", "keyness": "distinctive",
    "QueryError": "query", "QueryTimeout": "query", "kwic": "textsearch",
    "search": "textsearch", "NoteError": "notes", "NoteStore": "notes", "people": "names",
    "people_index": "names", "works": "names", "works_index": "names",
    "similar_passages": "passages", "Handout": "handouts", "handout": "handouts",
    "reading_plan": "reading_plan", "reading_plan_handout": "reading_plan",
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(f"leninism_data.{_LAZY[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'leninism_data' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


if TYPE_CHECKING:  # for type checkers and editors: the lazy names, imported eagerly
    from leninism_data.distinctive import Comparison, collocates, compare, keyness
    from leninism_data.frequencies import Dispersion, dispersion, ngrams, term_frequencies
    from leninism_data.handouts import Handout, handout
    from leninism_data.names import people, people_index, works, works_index
    from leninism_data.notes import NoteError, NoteStore
    from leninism_data.passages import similar_passages
    from leninism_data.query import QueryError, QueryTimeout
    from leninism_data.reading_plan import reading_plan, reading_plan_handout
    from leninism_data.textsearch import kwic, search

__version__ = "0.1.0"

__all__ = [
    "DATA_DICTIONARY", "STOPWORDS", "TABLES", "Comparison", "Dispersion", "NoteError",
    "NoteStore", "QueryError",
    "QueryTimeout", "UnknownParagraphError", "chapters", "citations", "cite", "collocates",
    "compare", "describe", "dispersion", "Handout", "handout", "reading_plan",
    "reading_plan_handout", "editorial_references", "footnotes", "hyphenation",
    "keyness", "kwic", "load_stopwords", "ngrams", "pages", "paragraphs", "people",
    "people_index", "quotations", "resolve_chapter", "search", "sections", "sentences",
    "similar_passages", "term_frequencies", "text", "tokens", "works", "works_index",
]
