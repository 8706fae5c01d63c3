"""Tidy pandas tables of the book: the data contract (see ``docs/ARCHITECTURE.md``).

Each public function returns a *fresh copy* of a table built once per process from the
cached parse (:func:`leninism_data.corpus.book.book`), so the caller may change it freely.
The built tables are also kept on disk between processes (:mod:`leninism_data.tables.store`,
keyed by the sha256 of the source, the package version and this code), so a fresh process
loads them instead of parsing the book again.
Ids join across tables: ``chapter`` → ``(chapter, section)`` → ``paragraph_id`` →
``sentence_id``. ``DATA_DICTIONARY`` documents every column.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from leninism_data.corpus.book import book
from leninism_data.corpus.naming import NUMERALS
from leninism_data.corpus.quoting import gloss_spans, quoted_spans, signature_spans
from leninism_data.corpus.stopwords import STOPWORDS
from leninism_data.corpus.words import WORD, count_words, sentence_spans, term
from leninism_data.tables.store import load_or_build

KINDS = ("prose", "quotation", "list_item", "front_matter")
CHAPTER_LABELS = pd.CategoricalDtype(list(NUMERALS), ordered=True)
KIND_DTYPE = pd.CategoricalDtype(list(KINDS), ordered=False)


def _label(chapters: pd.Series) -> pd.Series:
    return pd.Series(
        pd.Categorical([NUMERALS[c] for c in chapters], dtype=CHAPTER_LABELS), index=chapters.index
    )


@functools.lru_cache(maxsize=1)
def _compute_paragraphs() -> pd.DataFrame:
    b = book()
    speaker = {q.quotation_id: q.speaker for q in b.quotations}
    frame = pd.DataFrame(
        {
            "paragraph_id": [p.paragraph_id for p in b.paragraphs],
            "chapter": [p.chapter for p in b.paragraphs],
            "section": [p.section for p in b.paragraphs],
            "position": [p.position for p in b.paragraphs],
            "number": [p.number for p in b.paragraphs],
            "kind": pd.Categorical([p.kind for p in b.paragraphs], dtype=KIND_DTYPE),
            "text": [p.text for p in b.paragraphs],
            "page": [p.page for p in b.paragraphs],
            "page_end": [p.page_end for p in b.paragraphs],
            "footnotes": [p.footnotes for p in b.paragraphs],
            "footnote_markers": [p.markers for p in b.paragraphs],
            "page_breaks": [p.page_breaks for p in b.paragraphs],
            "n_words": _compute_tokens_and_sentences()[2],
            "n_citation_words": _compute_tokens_and_sentences()[3],
            "quotation_id": pd.array([p.quotation_id for p in b.paragraphs], dtype="Int64"),
            "speaker": pd.array(
                [
                    None if p.quotation_id is None else speaker.get(p.quotation_id)
                    for p in b.paragraphs
                ],
                dtype="string",
            ),
        }
    )
    frame.insert(2, "chapter_label", _label(frame["chapter"]))
    return frame


def character_flags(text_length: int, starts: list[int]) -> dict[str, np.ndarray]:
    """Per character of the joined text of the paragraphs (each paragraph starting at its
    offset in ``starts``): the quotation id (0 = the author's words), whether it is inside a
    reference or signature (``cited``), inside an author's gloss, inside quote marks.

    The token table and the search index both read their flags from here, so a word is
    quoted, cited or glossed in one and the same way everywhere.

    >>> texts = paragraphs()["text"].tolist()
    >>> starts = [0]
    >>> for previous in texts[:-1]:
    ...     starts.append(starts[-1] + len(previous) + 2)
    >>> flags = character_flags(starts[-1] + len(texts[-1]), starts)
    >>> sorted(flags), int(flags["quotation"].max()) == len(quotations())
    (['cited', 'gloss', 'marks', 'quotation'], True)
    """
    b = book()
    quotation = np.zeros(text_length, dtype=np.int32)
    cited = np.zeros(text_length, dtype=bool)
    gloss = np.zeros(text_length, dtype=bool)
    marks = np.zeros(text_length, dtype=bool)
    start_of = {p.paragraph_id: start for p, start in zip(b.paragraphs, starts)}
    for q in b.quotations:
        for pid, a, z in q.spans:
            quotation[start_of[pid] + a : start_of[pid] + z] = q.quotation_id
    for c in b.citations:
        cited[start_of[c.paragraph_id] + c.start : start_of[c.paragraph_id] + c.end] = True
    left_open = False
    for p, start in zip(b.paragraphs, starts):
        runs_on = left_open and p.kind == "quotation"
        for a, z in quoted_spans(p.text, open_at_start=runs_on):
            marks[start + a : start + z] = True
        for a, z in signature_spans(p.text):
            cited[start + a : start + z] = True
        for a, z in gloss_spans(p.text):
            gloss[start + a : start + z] = True
        left_open = p.kind == "quotation" and p.text.count("“") > p.text.count("”")
    return {"quotation": quotation, "cited": cited, "gloss": gloss, "marks": marks}


@functools.lru_cache(maxsize=1)
def _compute_tokens_and_sentences() -> tuple[pd.DataFrame, pd.DataFrame, np.ndarray, np.ndarray]:
    """Sentences, tokens, and counted words and reference words per paragraph, from one
    pass of the word pattern over the joined text.

    Every word is mapped back to its paragraph, page and sentence with ``searchsorted`` on
    the offsets where paragraphs, pages and sentences begin, and to its quotation,
    reference and quote marks by per-character flags (:func:`character_flags`).
    """
    b = book()
    paragraphs = b.paragraphs
    speaker_of = {q.quotation_id: q.speaker for q in b.quotations}
    separator = "\n\n"
    starts = np.cumsum([0] + [len(p.text) + len(separator) for p in paragraphs[:-1]])
    text = separator.join(p.text for p in paragraphs)
    sentence_ids, sentence_starts, sentence_texts = [], [], []
    sentence_para = []
    break_offsets, break_pages = [], []
    for i, (p, start) in enumerate(zip(paragraphs, starts.tolist())):
        for n, (a, z) in enumerate(sentence_spans(p.text), start=1):
            sentence_ids.append(f"{p.paragraph_id}.{n}")
            sentence_starts.append(start + a)
            sentence_texts.append(p.text[a:z])
            sentence_para.append(i)
        for offset, page in p.page_breaks:
            break_offsets.append(start + offset)
            break_pages.append(page)
    found = [(m.start(), m.group()) for m in WORD.finditer(text)]
    offsets = np.array([o for o, _ in found], dtype=np.int64)
    words = [w for _, w in found]
    doc = np.searchsorted(starts, offsets, side="right") - 1
    sentence = np.searchsorted(np.array(sentence_starts), offsets, side="right") - 1
    token_page = np.array(break_pages)[
        np.searchsorted(np.array(break_offsets), offsets, side="right") - 1
    ]
    flags = character_flags(len(text), starts.tolist())
    in_citation = flags["cited"][offsets]
    quotation = np.where(in_citation | flags["gloss"][offsets], 0, flags["quotation"][offsets])
    in_quotation = quotation > 0
    speakers = np.array([None] + [speaker_of[q] for q in range(1, len(speaker_of) + 1)])
    ids = np.array([p.paragraph_id for p in paragraphs], dtype=object)
    chapter = np.array([p.chapter for p in paragraphs])
    section = np.array([p.section for p in paragraphs])
    sentence_para_array = np.array(sentence_para)
    counted = ~in_citation
    quotation_ids = pd.array(quotation, dtype="Int64")
    quotation_ids[~in_quotation] = pd.NA
    sentences = pd.DataFrame(
        {
            "sentence_id": np.array(sentence_ids, dtype=object),
            "paragraph_id": ids[sentence_para_array],
            "chapter": chapter[sentence_para_array],
            "section": section[sentence_para_array],
            "page": np.array(break_pages)[
                np.searchsorted(np.array(break_offsets), np.array(sentence_starts), side="right")
                - 1
            ],
            "text": np.array(sentence_texts, dtype=object),
            "n_words": np.bincount(sentence[counted], minlength=len(sentence_ids)),
        }
    )
    lowered = [w.lower() for w in words]
    terms = [term(w) for w in words]
    stop = STOPWORDS
    tokens = pd.DataFrame(
        {
            "token_index": np.arange(len(words)),
            "paragraph_id": ids[doc],
            "sentence_id": np.array(sentence_ids, dtype=object)[sentence],
            "chapter": chapter[doc],
            "section": section[doc],
            "page": token_page,
            "offset": offsets - starts[doc],
            "token": np.array(words, dtype=object),
            "lower": np.array(lowered, dtype=object),
            "term": np.array(terms, dtype=object),
            "is_stopword": np.array([t in stop or w in stop for t, w in zip(terms, lowered)]),
            "in_quotation": in_quotation,
            "speaker": pd.array(speakers[quotation], dtype="string"),
            "quotation_id": quotation_ids,
            "in_quote_marks": flags["marks"][offsets],
            "in_citation": in_citation,
        }
    )
    return (
        sentences,
        tokens,
        np.bincount(doc[counted], minlength=len(paragraphs)),
        np.bincount(doc[in_citation], minlength=len(paragraphs)),
    )


@functools.lru_cache(maxsize=1)
def _compute_chapters() -> pd.DataFrame:
    b = book()
    words = _compute_tokens_and_sentences()[2]
    cited = _compute_tokens_and_sentences()[3]
    quoted = np.bincount(
        _compute_tokens_and_sentences()[1]["chapter"].to_numpy(),
        weights=_compute_tokens_and_sentences()[1]["in_quotation"].to_numpy(),
        minlength=len(b.chapters),
    )
    chapter_of = {p.paragraph_id: p.chapter for p in b.paragraphs}
    counts = {
        "n_sections": Counter(s.chapter for s in b.sections if s.section > 0),
        "n_paragraphs": Counter(p.chapter for p in b.paragraphs),
        "n_words": Counter(),
        "n_citation_words": Counter(),
        "n_footnotes": Counter(n.chapter for n in b.footnotes),
        "n_citations": Counter(chapter_of[c.paragraph_id] for c in b.citations),
        "n_quotations": Counter(chapter_of[q.paragraph_ids[0]] for q in b.quotations),
    }
    last_page: dict[int, int] = {}
    for p, n, k in zip(b.paragraphs, words.tolist(), cited.tolist()):
        counts["n_words"][p.chapter] += n
        counts["n_citation_words"][p.chapter] += k
        last_page[p.chapter] = max(last_page.get(p.chapter, 0), p.page_end)
    numbers = [c.chapter for c in b.chapters]
    return pd.DataFrame(
        {
            "chapter": numbers,
            "numeral": [c.numeral for c in b.chapters],
            "label": pd.Categorical([NUMERALS[c] for c in numbers], dtype=CHAPTER_LABELS),
            "heading": [c.heading for c in b.chapters],
            "title": [c.title for c in b.chapters],
            "first_page": [c.first_page for c in b.chapters],
            "last_page": [last_page[c] for c in numbers],
            **{
                name: [counts[name][c] for c in numbers]
                for name in (
                    "n_sections",
                    "n_paragraphs",
                    "n_words",
                    "n_citation_words",
                    "n_footnotes",
                    "n_citations",
                    "n_quotations",
                )
            },
            "n_quoted_words": quoted.astype(np.int64),
        }
    )


@functools.lru_cache(maxsize=1)
def _compute_sections() -> pd.DataFrame:
    b = book()
    words = _compute_tokens_and_sentences()[2].tolist()
    n_paragraphs: Counter[tuple[int, int]] = Counter()
    n_words: Counter[tuple[int, int]] = Counter()
    last_page: dict[tuple[int, int], int] = {}
    for p, n in zip(b.paragraphs, words):
        key = (p.chapter, p.section)
        n_paragraphs[key] += 1
        n_words[key] += n
        last_page[key] = max(last_page.get(key, 0), p.page_end)
    keys = [(s.chapter, s.section) for s in b.sections]
    return pd.DataFrame(
        {
            "chapter": [s.chapter for s in b.sections],
            "section": [s.section for s in b.sections],
            "label": [f"{NUMERALS[c]}.{s}" if s else NUMERALS[c] for c, s in keys],
            "title": [s.title for s in b.sections],
            "first_page": [s.first_page for s in b.sections],
            "last_page": [last_page[k] for k in keys],
            "n_paragraphs": [n_paragraphs[k] for k in keys],
            "n_words": [n_words[k] for k in keys],
        }
    )


@functools.lru_cache(maxsize=1)
def _compute_footnotes() -> pd.DataFrame:
    notes = book().footnotes
    return pd.DataFrame(
        {
            "footnote": [n.number for n in notes],
            "text": [n.text for n in notes],
            "chapter": [n.chapter for n in notes],
            "paragraph_id": [n.paragraph_id for n in notes],
            "page": [n.page for n in notes],
            "by_author": [n.by_author for n in notes],
            "n_words": [count_words(n.text) for n in notes],
        }
    )


@functools.lru_cache(maxsize=1)
def _compute_citations() -> pd.DataFrame:
    b = book()
    closes = {q.citation_id: q.quotation_id for q in b.quotations if q.citation_id is not None}
    rows = []
    for c in b.citations:
        p = b.paragraph_by_id[c.paragraph_id]
        rows.append(
            {
                "citation_id": c.citation_id,
                "paragraph_id": c.paragraph_id,
                "chapter": p.chapter,
                "section": p.section,
                "page": p.page_at(c.start),
                "raw": c.raw,
                "author": c.author,
                "work": c.work,
                "volume": c.volume,
                "pages": c.pages,
                "ibid": c.ibid,
                "ibid_of": c.ibid_of,
                "edition": (
                    "Lenin, Works, 3rd Russian edition"
                    if c.author == "Lenin" and c.volume is not None
                    else None
                ),
                "quotation_id": closes.get(c.citation_id),
                "start": c.start,
                "end": c.end,
            }
        )
    frame = pd.DataFrame(rows)
    for column in ("volume", "ibid_of", "quotation_id"):
        frame[column] = frame[column].astype("Int64")
    for column in ("work", "pages", "edition"):
        frame[column] = frame[column].astype("string")
    return frame


@functools.lru_cache(maxsize=1)
def _compute_quotations() -> pd.DataFrame:
    b = book()
    tokens = _compute_tokens_and_sentences()[1]
    quoted_words = tokens["quotation_id"].value_counts()
    rows = []
    for q in b.quotations:
        first = b.paragraph_by_id[q.paragraph_ids[0]]
        rows.append(
            {
                "quotation_id": q.quotation_id,
                "form": q.form,
                "paragraph_id": q.paragraph_ids[0],
                "paragraph_ids": q.paragraph_ids,
                "chapter": first.chapter,
                "section": first.section,
                "page": first.page_at(q.spans[0][1]),
                "speaker": q.speaker,
                "text": q.text,
                "n_words": int(quoted_words.get(q.quotation_id, 0)),
                "citation_id": q.citation_id,
                "start": q.spans[0][1],
                "end": q.spans[-1][2],
            }
        )
    frame = pd.DataFrame(rows)
    frame["form"] = pd.Categorical(frame["form"], categories=["block", "inline"])
    frame["citation_id"] = frame["citation_id"].astype("Int64")
    return frame


@functools.lru_cache(maxsize=1)
def _compute_pages() -> pd.DataFrame:
    tokens = _compute_tokens_and_sentences()[1]
    page = tokens["page"].to_numpy()
    numbers, first = np.unique(page, return_index=True)
    n_words = np.bincount(
        np.searchsorted(numbers, page[~tokens["in_citation"].to_numpy()]), minlength=len(numbers)
    )
    notes: Counter[int] = Counter()
    for note in book().footnotes:
        notes[note.page] += count_words(note.text)
    return pd.DataFrame(
        {
            "page": numbers,
            "chapter": tokens["chapter"].to_numpy()[first],
            "n_words": n_words,
            "first_paragraph_id": tokens["paragraph_id"].to_numpy()[first],
            "n_footnote_words": [notes[n] for n in numbers.tolist()],
        }
    )


@functools.lru_cache(maxsize=1)
def _compute_editorial_references() -> pd.DataFrame:
    refs = book().editorial_references
    frame = pd.DataFrame(
        {
            "footnote": [r.footnote for r in refs],
            "author": [r.author for r in refs],
            "work": pd.array([r.work for r in refs], dtype="string"),
            "edition": [r.edition for r in refs],
            "volume": [r.volume for r in refs],
            "pages": pd.array([r.pages for r in refs], dtype="string"),
        }
    )
    frame.insert(0, "reference_id", range(1, len(frame) + 1))
    return frame


@functools.lru_cache(maxsize=1)
def _compute_hyphenation() -> pd.DataFrame:
    return pd.DataFrame([h._asdict() for h in book().hyphenations])


_COMPUTE: dict[str, Callable[[], object]] = {
    "paragraphs": _compute_paragraphs,
    "tokens_and_sentences": _compute_tokens_and_sentences,
    "chapters": _compute_chapters,
    "sections": _compute_sections,
    "footnotes": _compute_footnotes,
    "citations": _compute_citations,
    "quotations": _compute_quotations,
    "pages": _compute_pages,
    "editorial_references": _compute_editorial_references,
    "hyphenation": _compute_hyphenation,
}


def _build_all() -> dict[str, Any]:
    """Every table, built from the parse (see :mod:`leninism_data.tables.store`)."""
    return {name: compute() for name, compute in _COMPUTE.items()}


@functools.lru_cache(maxsize=1)
def _built() -> dict[str, Any]:
    """Every table, from the disk cache when it holds this version's, else built."""
    return load_or_build("tables", _build_all)


def _paragraphs() -> pd.DataFrame:
    return _built()["paragraphs"]


def _tokens_and_sentences() -> tuple[pd.DataFrame, pd.DataFrame, np.ndarray, np.ndarray]:
    return _built()["tokens_and_sentences"]


def _chapters() -> pd.DataFrame:
    return _built()["chapters"]


def _sections() -> pd.DataFrame:
    return _built()["sections"]


def _footnotes() -> pd.DataFrame:
    return _built()["footnotes"]


def _citations() -> pd.DataFrame:
    return _built()["citations"]


def _quotations() -> pd.DataFrame:
    return _built()["quotations"]


def _pages() -> pd.DataFrame:
    return _built()["pages"]


def _editorial_references() -> pd.DataFrame:
    return _built()["editorial_references"]


def _hyphenation() -> pd.DataFrame:
    return _built()["hyphenation"]


def chapters() -> pd.DataFrame:
    """One row per chapter (10): the Introduction (0) and Chapters I–IX.

    >>> chapters().loc[4, ["numeral", "title"]].tolist(), int(chapters().loc[4, "first_page"])
    (['IV', 'The Dictatorship of the Proletariat'], 35)
    """
    return _chapters().copy(deep=False)


def sections() -> pd.DataFrame:
    """One row per section; section 0 is a chapter's text before its first numbered section.

    >>> s = sections()
    >>> s.loc[(s.chapter == 3) & (s.section == 1), "title"].item()
    'The importance of theory'
    """
    return _sections().copy(deep=False)


def paragraphs() -> pd.DataFrame:
    """One row per paragraph, with its citable id and printed pages.

    >>> p = paragraphs().set_index("paragraph_id")
    >>> p.loc["Intro.1", ["kind", "text"]].tolist()
    ['front_matter', 'Dedicated to the Lenin Enrollment']
    """
    return _paragraphs().copy(deep=False)


def footnotes() -> pd.DataFrame:
    """One row per footnote (32), linked to the paragraph that carries its marker.

    >>> footnotes().loc[9, ["text", "paragraph_id"]].tolist()
    ['My italics.—J. St.', 'III.7']
    """
    return _footnotes().copy(deep=False)


def citations() -> pd.DataFrame:
    """One row per parenthesised reference in the main text (Ibid. resolved).

    Volumes are those of the third Russian edition of Lenin's Works (footnote 3).

    >>> c = citations()
    >>> c.loc[c.raw == "Ibid., p. 191.", ["volume", "pages", "ibid"]].values.tolist()
    [[7, '191', True]]
    """
    return _citations().copy(deep=False)


def quotations() -> pd.DataFrame:
    """One row per quotation, block or inline (``form``), with who is quoted and the
    citation that closes it (see :mod:`leninism_data.corpus.quoting`).

    >>> quotations()["speaker"].value_counts().to_dict()  # doctest: +NORMALIZE_WHITESPACE
    {'Lenin': 69, 'Marx and Engels': 3, 'Marx': 3, 'Engels': 3}
    """
    frame = _quotations().copy(deep=False)
    frame["paragraph_ids"] = frame["paragraph_ids"].map(tuple)
    return frame


def sentences() -> pd.DataFrame:
    """One row per sentence of the main text.

    >>> sentences().set_index("sentence_id").loc["Intro.3.1", "text"]
    'The foundations of Leninism is a big subject.'
    """
    return _tokens_and_sentences()[0].copy(deep=False)


def tokens() -> pd.DataFrame:
    """One row per word of the main text (see :mod:`leninism_data.corpus.words` for "word").

    ``in_quotation`` marks the quoted words of a quotation, block or inline (see
    :mod:`leninism_data.corpus.quoting`), with ``speaker`` and ``quotation_id`` naming who
    is quoted and where; the author's glosses inside a quotation are his own.
    ``in_quote_marks`` marks any word inside “…”, scare quotes included. ``in_citation``
    marks the words of references ("See", "Vol", page numbers) and of the signature
    "J. St.": they are rows of this table but no count includes them by default.

    >>> t = tokens()
    >>> int(((t.chapter == 4) & (t.term == "proletariat")).sum())
    49
    """
    return _tokens_and_sentences()[1].copy(deep=False)


def pages() -> pd.DataFrame:
    """One row per printed page that carries text (blank pages are not in the source).

    >>> pages().set_index("page").loc[40, "chapter"]
    np.int64(4)
    """
    return _pages().copy(deep=False)


def editorial_references() -> pd.DataFrame:
    """References in the editors' footnotes (4th Russian edition of Lenin's Works, or the
    Moscow 1951 *Selected Works* of Marx and Engels), kept apart from :func:`citations`.

    >>> editorial_references().query("footnote == 6")[["volume", "pages"]].values.tolist()
    [[31, '9']]
    """
    return _editorial_references().copy(deep=False)


def hyphenation() -> pd.DataFrame:
    """Every line-end hyphen of the source and what the parser decided, with the evidence.

    >>> h = hyphenation()
    >>> h.loc[h.result == "petty-bourgeois", "evidence"].iloc[0]
    "'petty-bourgeois' ×14, 'pet-ty-bourgeois' ×0 elsewhere"
    """
    return _hyphenation().copy(deep=False)


TABLES: dict[str, Callable[[], pd.DataFrame]] = {
    "chapters": chapters,
    "sections": sections,
    "paragraphs": paragraphs,
    "footnotes": footnotes,
    "citations": citations,
    "quotations": quotations,
    "sentences": sentences,
    "tokens": tokens,
    "pages": pages,
    "editorial_references": editorial_references,
    "hyphenation": hyphenation,
}
