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
Study companion (reviewed reference data): :func:`glossary`, :func:`biographies`,
:func:`bibliography`, :func:`timeline`, :func:`companion_entries`,
:func:`companion_mentions`.

Analysis (tidy frames in and out, every row carrying ``paragraph_id``, ``chapter`` and
``page``): :func:`search`, :func:`kwic`, :func:`term_frequencies`, :func:`dispersion`,
:func:`ngrams`, :func:`keyness`, :func:`collocates`, :func:`compare`,
:func:`similar_passages`, :func:`people_index`, :func:`works_index`. Seminars:
:class:`NoteStore`, :func:`handout`, :func:`reading_plan`, the question bank
:func:`questions` and a self-studier's :func:`progress` (:class:`ProgressStore`); for the
notebooks :func:`show`, :func:`glance`, :func:`check`.
Interactive views:
:mod:`leninism_data.widgets`.

The package is layered (``corpus`` → ``tables`` → ``analysis`` → ``seminar`` →
``widgets``); every public name is re-exported here from the module in ``_EXPORTS``.
Names load on first use (lazy loading as in Scientific Python's SPEC 1), so reading a
table does not pay for the analysis verbs, the notes store or the seminar tools.
"""

from __future__ import annotations

import importlib
import importlib.metadata
from typing import TYPE_CHECKING, Any

from leninism_data import _aliases

#: public name -> module that defines it (the one list the lazy loader, ``__all__`` and
#: ``dir()`` are made from; a test checks it against the ``TYPE_CHECKING`` imports).
_EXPORTS: dict[str, str] = {
    # corpus and tables
    "resolve_chapter": "corpus.naming",
    "STOPWORDS": "corpus.stopwords",
    "load_stopwords": "corpus.stopwords",
    "TABLES": "tables.build",
    "chapters": "tables.build",
    "sections": "tables.build",
    "paragraphs": "tables.build",
    "footnotes": "tables.build",
    "citations": "tables.build",
    "quotations": "tables.build",
    "sentences": "tables.build",
    "tokens": "tables.build",
    "pages": "tables.build",
    "editorial_references": "tables.build",
    "hyphenation": "tables.build",
    "DATA_DICTIONARY": "tables.data_dictionary",
    "UnknownParagraphError": "tables.citing",
    "cite": "tables.citing",
    "describe": "tables.citing",
    "text": "tables.citing",
    "CompanionDataError": "tables.companion",
    "bibliography": "tables.companion",
    "biographies": "tables.companion",
    "companion_entries": "tables.companion",
    "companion_mentions": "tables.companion",
    "glossary": "tables.companion",
    "timeline": "tables.companion",
    # analysis
    "QueryError": "analysis.query",
    "QueryTimeout": "analysis.query",
    "search": "analysis.textsearch",
    "kwic": "analysis.textsearch",
    "Dispersion": "analysis.frequencies",
    "dispersion": "analysis.frequencies",
    "ngrams": "analysis.frequencies",
    "term_frequencies": "analysis.frequencies",
    "Comparison": "analysis.distinctive",
    "collocates": "analysis.distinctive",
    "compare": "analysis.distinctive",
    "keyness": "analysis.distinctive",
    "similar_passages": "analysis.passages",
    "people": "analysis.names",
    "people_index": "analysis.names",
    "works": "analysis.names",
    "works_index": "analysis.names",
    # seminar
    "NoteError": "seminar.notes",
    "NoteStore": "seminar.notes",
    "Handout": "seminar.handouts",
    "handout": "seminar.handouts",
    "reading_plan": "seminar.reading_plan",
    "reading_plan_handout": "seminar.reading_plan",
    "QuestionBankError": "seminar.questions",
    "questions": "seminar.questions",
    "ProgressError": "seminar.progress",
    "ProgressStore": "seminar.progress",
    "progress": "seminar.progress",
    "Passages": "seminar.study",
    "show": "seminar.study",
    "glance": "seminar.study",
    "check": "seminar.study",
}

__version__ = importlib.metadata.version("leninism-study")
__all__ = sorted(_EXPORTS)

_aliases.install()


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(importlib.import_module(f"leninism_data.{_EXPORTS[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'leninism_data' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))


if TYPE_CHECKING:  # for type checkers and editors: the lazy names, imported eagerly
    from leninism_data.analysis.distinctive import Comparison, collocates, compare, keyness
    from leninism_data.analysis.frequencies import (
        Dispersion,
        dispersion,
        ngrams,
        term_frequencies,
    )
    from leninism_data.analysis.names import people, people_index, works, works_index
    from leninism_data.analysis.passages import similar_passages
    from leninism_data.analysis.query import QueryError, QueryTimeout
    from leninism_data.analysis.textsearch import kwic, search
    from leninism_data.corpus.naming import resolve_chapter
    from leninism_data.corpus.stopwords import STOPWORDS, load_stopwords
    from leninism_data.seminar.handouts import Handout, handout
    from leninism_data.seminar.notes import NoteError, NoteStore
    from leninism_data.seminar.progress import ProgressError, ProgressStore, progress
    from leninism_data.seminar.questions import QuestionBankError, questions
    from leninism_data.seminar.reading_plan import reading_plan, reading_plan_handout
    from leninism_data.seminar.study import Passages, check, glance, show
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
    from leninism_data.tables.citing import UnknownParagraphError, cite, describe, text
    from leninism_data.tables.companion import (
        CompanionDataError,
        bibliography,
        biographies,
        companion_entries,
        companion_mentions,
        glossary,
        timeline,
    )
    from leninism_data.tables.data_dictionary import DATA_DICTIONARY
