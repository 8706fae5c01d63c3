"""Search and keyword-in-context over the book's own structure.

Both verbs compile the query once (:func:`leninism_data.analysis.query.compile_query`: words,
phrases, ``*``/``?`` wildcards or a regular expression) and run it over one cached index
of the text: the paragraphs joined in reading order (and, when asked, the footnotes), with
a map from character offsets back to paragraphs, pages and quotations. One matching-time
limit (1 s) covers the whole search, so a runaway regular expression raises
:class:`~leninism_data.analysis.query.QueryTimeout` instead of hanging the kernel.

Whole-word matching finds the words every count counts (:mod:`leninism_data.corpus.words`):
"Lenin" in "Lenin’s" (but not in "Leninism"), and a hyphenated compound as one word
("state" is not found inside "state-regulated"). So ``len(kwic("state"))``,
``search("state")["n_matches"].sum()``, ``dispersion("state")`` and
``term_frequencies("state")`` agree. Matches inside references ("(See Vol. XXV, p.
190.)") are left out unless ``include_citations=True``, as in every count.
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from dataclasses import dataclass
from typing import Literal, NamedTuple

import numpy as np
import pandas as pd
import regex

from leninism_data.analysis.parts import check_section
from leninism_data.analysis.query import compile_query, match_spans
from leninism_data.corpus.arguments import check_options
from leninism_data.corpus.book import book
from leninism_data.corpus.naming import ChapterLike, resolve_chapter
from leninism_data.corpus.words import WORD, term
from leninism_data.tables.build import KINDS, character_flags

SEARCH_SECONDS = 1.0
SEPARATOR = "\n\n"
AVERAGE_WORD = 12  # characters, with space and punctuation: a first, cheap guess
MAX_WORD = 40  # characters: longer than any word with its punctuation in the book
SINGLE_WORD = regex.compile(r"[^\W_]+")
SORTS = ("position", "match", "1L", "2L", "3L", "1R", "2R", "3R")
SORT_ALIASES = {"left": "1L", "right": "1R"}


@dataclass(frozen=True, eq=False)
class TextIndex:
    """Paragraphs (and footnotes) joined into one string, with offsets to map back."""

    text: str
    starts: tuple[int, ...]  # offset of each document in ``text``
    paragraph_ids: tuple[str, ...]
    footnote: tuple[int | None, ...]
    chapter: np.ndarray
    section: np.ndarray
    kind: tuple[str, ...]
    page_breaks: tuple[tuple[tuple[int, int], ...], ...]
    quoted: np.ndarray  # per character: a quoted word of a block or inline quotation
    cited: np.ndarray  # per character: inside a reference or signature

    @functools.cached_property
    def start_array(self) -> np.ndarray:
        return np.asarray(self.starts, dtype=np.int64)

    @functools.cached_property
    def words(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Every word's start and end, and the start and end of the whitespace-delimited
        piece it stands in (the word with its punctuation attached)."""
        found = [(m.start(), m.end()) for m in WORD.finditer(self.text)]
        spans = np.array(found, dtype=np.int64).reshape(-1, 2)
        codes = np.frombuffer(self.text.encode("utf-32-le"), dtype=np.uint32)
        blanks = np.flatnonzero((codes == 32) | (codes == 10))
        before = np.searchsorted(blanks, spans[:, 0]) - 1
        piece_start = np.where(before >= 0, blanks[np.maximum(before, 0)] + 1, 0)
        after = np.searchsorted(blanks, spans[:, 1])
        piece_end = np.where(
            after < len(blanks), blanks[np.minimum(after, len(blanks) - 1)], len(self.text)
        )
        return spans[:, 0], spans[:, 1], piece_start, piece_end

    @functools.cached_property
    def word_spans(self) -> dict[str, np.ndarray]:
        """Term → the ``(start, end)`` spans that a whole-word query for it matches: the
        fast path for a plain word (a possessive ’s is not part of the match)."""
        spans: dict[str, list[tuple[int, int]]] = {}
        for match in WORD.finditer(self.text):
            word = match.group()
            counted = term(word)
            end = match.end() - (len(word) - len(counted))
            spans.setdefault(counted, []).append((match.start(), end))
        return {word: np.array(s, dtype=np.int64) for word, s in spans.items()}

    def document(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1

    def document_text(self, doc: int) -> str:
        end = (
            self.starts[doc + 1] - len(SEPARATOR) if doc + 1 < len(self.starts) else len(self.text)
        )
        return self.text[self.starts[doc] : end]

    @functools.cached_property
    def _break_offsets(self) -> tuple[tuple[int, ...], ...]:
        return tuple(tuple(offset for offset, _ in breaks) for breaks in self.page_breaks)

    @functools.cached_property
    def id_array(self) -> np.ndarray:
        return np.asarray(self.paragraph_ids, dtype=object)

    @functools.cached_property
    def footnote_array(self) -> np.ndarray:
        return np.asarray(self.footnote, dtype=object)

    def page(self, doc: int, local_offset: int) -> int:
        breaks = self.page_breaks[doc]
        if len(breaks) == 1:
            return breaks[0][1]
        return breaks[bisect_right(self._break_offsets[doc], local_offset) - 1][1]


@functools.lru_cache(maxsize=2)
def text_index(include_footnotes: bool = False) -> TextIndex:
    """The cached index of the main text (optionally followed by the footnotes)."""
    b = book()
    docs: list[tuple[str, str, int | None, int, int, str, tuple[tuple[int, int], ...]]] = [
        (p.text, p.paragraph_id, None, p.chapter, p.section, p.kind, p.page_breaks)
        for p in b.paragraphs
    ]
    if include_footnotes:
        docs += [
            (
                n.text,
                n.paragraph_id,
                n.number,
                n.chapter,
                b.paragraph_by_id[n.paragraph_id].section,
                "footnote",
                ((0, n.page),),
            )
            for n in b.footnotes
        ]
    starts, position = [], 0
    for doc in docs:
        starts.append(position)
        position += len(doc[0]) + len(SEPARATOR)
    text = SEPARATOR.join(doc[0] for doc in docs)
    quoted = np.zeros(len(text), dtype=bool)
    cited = np.zeros(len(text), dtype=bool)
    n_main = len(b.paragraphs)
    main_length = starts[n_main - 1] + len(docs[n_main - 1][0])
    flags = character_flags(main_length, starts[:n_main])
    quoted[:main_length] = (flags["quotation"] > 0) & ~flags["gloss"] & ~flags["cited"]
    cited[:main_length] = flags["cited"]
    return TextIndex(
        text,
        tuple(starts),
        tuple(d[1] for d in docs),
        tuple(d[2] for d in docs),
        np.array([d[3] for d in docs]),
        np.array([d[4] for d in docs]),
        tuple(d[5] for d in docs),
        tuple(d[6] for d in docs),
        quoted,
        cited,
    )


def _kinds(kind: str | list[str] | None) -> set[str] | None:
    if kind is None:
        return None
    wanted = {kind} if isinstance(kind, str) else set(kind)
    unknown = wanted - set(KINDS)
    if unknown:
        raise ValueError(f"Unknown kind {sorted(unknown)}; choose from {list(KINDS)}.")
    return wanted


class Hits(NamedTuple):
    """Matches of a query: document index and offsets within the document, as arrays."""

    doc: np.ndarray
    start: np.ndarray
    end: np.ndarray
    in_quotation: np.ndarray


def _matches(
    query: str,
    *,
    regex: bool,
    whole_word: bool,
    case: bool,
    chapter: ChapterLike | None,
    section: int | None,
    kind,
    include_quotations: bool,
    include_footnotes: bool,
    include_citations: bool = False,
) -> Hits:
    """Every non-empty hit of ``query`` that passes the filters."""
    pattern = compile_query(query, regex=regex, whole_word=whole_word, case=case)
    chapter_number = None if chapter is None else resolve_chapter(chapter)
    check_section(chapter, section)
    kinds = _kinds(kind)
    index = text_index(include_footnotes)
    if not regex and whole_word and not case and SINGLE_WORD.fullmatch(query.strip()):
        spans = index.word_spans.get(term(query.strip()), np.zeros((0, 2), dtype=np.int64))
    else:
        spans = np.array(match_spans(pattern, index.text, SEARCH_SECONDS), dtype=np.int64).reshape(
            -1, 2
        )
    starts, ends = spans[:, 0], spans[:, 1]
    docs = np.searchsorted(index.start_array, starts, side="right") - 1
    quoted = index.quoted[starts] if len(starts) else np.zeros(0, dtype=bool)
    keep = ends > starts
    if chapter_number is not None:
        keep &= index.chapter[docs] == chapter_number
    if section is not None:
        keep &= index.section[docs] == section
    if kinds is not None:
        keep &= np.isin(np.asarray(index.kind, dtype=object)[docs], list(kinds))
    if not include_quotations:
        keep &= ~quoted
    if not include_citations and len(starts):
        keep &= ~index.cited[starts]
    docs, starts, ends = docs[keep], starts[keep], ends[keep]
    offsets = index.start_array[docs]
    return Hits(docs, starts - offsets, ends - offsets, quoted[keep])


def search(
    query: str,
    *,
    regex: bool = False,
    whole_word: bool = True,
    case: bool = False,
    chapter: ChapterLike | None = None,
    section: int | None = None,
    kind: str | list[str] | None = None,
    include_quotations: bool = True,
    include_footnotes: bool = False,
    include_citations: bool = False,
) -> pd.DataFrame:
    """Paragraphs that match ``query``, in reading order, with match counts and spans.

    Parameters
    ----------
    query : str
        A word, a phrase, a wildcard (``proletar*``) or, with ``regex=True``, a regular
        expression.
    regex, whole_word, case : bool
        How to read the query (case-insensitive whole words by default).
    chapter, section : optional
        Restrict to a chapter (``4``, ``"IV"``, ``"Introduction"``) and a section number.
    kind : str or list of str, optional
        Restrict to paragraph kinds: "prose", "quotation", "list_item", "front_matter".
    include_quotations : bool, default True
        False leaves out matches inside quotations, block and inline (the quoted words of
        Lenin, Marx and Engels).
    include_footnotes : bool, default False
        Also search the footnotes (rows with a ``footnote`` number).
    include_citations : bool, default False
        Also find matches inside references ("(See Vol. XXV, p. 190.)").

    Returns
    -------
    pandas.DataFrame
        One row per matching paragraph or footnote: ``paragraph_id``, ``footnote``,
        ``chapter``, ``section``, ``page``, ``kind``, ``n_matches``, ``spans`` (tuple of
        ``(start, end)`` offsets into ``text``) and ``text``.

    Examples
    --------
    >>> hits = search("Shipka Pass", include_footnotes=True)
    >>> hits[["paragraph_id", "footnote", "n_matches"]].values.tolist()
    [['IV.26', <NA>, 1], ['IV.26', 20, 2]]
    """
    check_options(
        query=query,
        regex=regex,
        whole_word=whole_word,
        case=case,
        section=section,
        kind=kind,
        include_quotations=include_quotations,
        include_footnotes=include_footnotes,
        include_citations=include_citations,
    )
    index = text_index(include_footnotes)
    hits = _matches(
        query,
        regex=regex,
        whole_word=whole_word,
        case=case,
        chapter=chapter,
        section=section,
        kind=kind,
        include_quotations=include_quotations,
        include_footnotes=include_footnotes,
        include_citations=include_citations,
    )
    found: dict[int, list[tuple[int, int]]] = {}
    for doc, start, end in zip(hits.doc.tolist(), hits.start.tolist(), hits.end.tolist()):
        found.setdefault(doc, []).append((start, end))
    docs = sorted(found)
    texts = [index.document_text(d) for d in docs]
    return pd.DataFrame(
        {
            "paragraph_id": [index.paragraph_ids[d] for d in docs],
            "footnote": pd.array([index.footnote[d] for d in docs], dtype="Int64"),
            "chapter": [int(index.chapter[d]) for d in docs],
            "section": [int(index.section[d]) for d in docs],
            "page": [index.page(d, found[d][0][0]) for d in docs],
            "kind": [index.kind[d] for d in docs],
            "n_matches": [len(found[d]) for d in docs],
            "spans": [tuple(found[d]) for d in docs],
            "text": texts,
        }
    )


def _contexts(
    index: TextIndex, hits: Hits, window: int, unit: Literal["words", "chars"]
) -> tuple[list[str], list[str], list[str]]:
    """Left context, match and right context of every hit, within its document.

    In words: the ``window`` words before and after the match, each with the punctuation
    attached to it (a quote mark, a comma, a closing parenthesis); a word cut by the
    match itself does not count.
    """
    text = index.text
    doc_start = index.start_array[hits.doc]
    starts, ends = doc_start + hits.start, doc_start + hits.end
    next_start = np.append(index.start_array[1:] - len(SEPARATOR), len(text))
    doc_end = next_start[hits.doc]
    if unit == "chars":
        left_from = np.maximum(starts - window, doc_start)
        right_to = np.minimum(ends + window, doc_end)
    elif unit == "words":
        word_start, word_end, piece_start, piece_end = index.words
        before = np.searchsorted(word_end, starts, side="right")  # words ending before
        after = np.searchsorted(word_start, ends, side="left")  # first word after
        first = before - window
        last = after + window - 1
        left_ok = (window > 0) & (first >= 0)
        left_ok &= word_start[np.clip(first, 0, len(word_start) - 1)] >= doc_start
        first_in_doc = np.searchsorted(word_start, doc_start, side="left")
        first = np.where(left_ok, first, first_in_doc)
        left_from = np.where(
            (window > 0) & (first < before),
            np.maximum(piece_start[np.clip(first, 0, len(word_start) - 1)], doc_start),
            starts,
        )
        last_in_doc = np.searchsorted(word_start, doc_end, side="left") - 1
        last = np.minimum(last, last_in_doc)
        right_to = np.where(
            (window > 0) & (last >= after),
            np.minimum(piece_end[np.clip(last, 0, len(word_end) - 1)], doc_end),
            ends,
        )
    else:
        raise ValueError(f"unit must be 'words' or 'chars', not {unit!r}.")
    lefts, matches, rights = [], [], []
    for a, s0, e0, z in zip(left_from.tolist(), starts.tolist(), ends.tolist(), right_to.tolist()):
        lefts.append(text[a:s0])
        matches.append(text[s0:e0])
        rights.append(text[e0:z])
    return lefts, matches, rights


def _sort_words(contexts: list[str], k: int, from_end: bool) -> list[str]:
    """The ``k``-th word out from the match, lower case, punctuation ignored."""
    keys = []
    for context in contexts:
        found = WORD.findall(context)
        if len(found) >= k:
            keys.append((found[-k] if from_end else found[k - 1]).lower())
        else:
            keys.append("")
    return keys


def kwic_sort(frame: pd.DataFrame, sort: str) -> pd.DataFrame:
    """Order concordance lines as a concordancer does (see :func:`kwic`'s ``sort``).

    >>> lines = kwic("Shipka Pass", window=2)
    >>> kwic_sort(lines, "1R")["right"].tolist()
    ['”; nevertheless, governments']
    """
    sort = SORT_ALIASES.get(sort, sort)
    if sort not in SORTS:
        raise ValueError(
            f"sort must be one of {', '.join(repr(s) for s in SORTS)} "
            f"(or 'left'/'right' for '1L'/'1R'), not {sort!r}."
        )
    if sort == "position" or frame.empty:
        return frame
    if sort == "match":
        levels = [frame["match"].str.lower().str.lstrip("“‘(\"'").tolist()]
    else:
        k, side = int(sort[0]), sort[1]
        column, from_end = ("left", True) if side == "L" else ("right", False)
        levels = [_sort_words(frame[column].tolist(), j, from_end) for j in range(k, 4)]
    order = sorted(range(len(frame)), key=lambda i: (*(level[i] for level in levels), i))
    return frame.iloc[order].reset_index(drop=True)


def kwic(
    query: str,
    *,
    window: int = 8,
    unit: Literal["words", "chars"] = "words",
    sort: str = "position",
    regex: bool = False,
    whole_word: bool = True,
    case: bool = False,
    chapter: ChapterLike | None = None,
    section: int | None = None,
    include_quotations: bool = True,
    include_footnotes: bool = False,
    lemma: bool = False,
    include_citations: bool = False,
) -> pd.DataFrame:
    """Keyword in context: one row per hit, with its left and right context.

    Context stays within the hit's paragraph, so every line can be cited by its id. As
    in AntConc, context is counted in words (the words of :mod:`leninism_data.corpus.words`),
    each shown with the punctuation attached to it, so a dash or a quote mark never takes
    the place of a word (Anthony, L. *AntConc* manual, "KWIC sort" and "Window span").

    Parameters
    ----------
    query : str
        A word, phrase, wildcard (``proletar*``) or regular expression (``regex=True``).
    window : int, default 8
        Context size on each side, in ``unit``.
    unit : {"words", "chars"}
    sort : {"position", "match", "1L", "2L", "3L", "1R", "2R", "3R"}
        Reading order; the hit itself; or the k-th word to the left (``"2L"``) or right
        (``"1R"``) of the hit, then the words further out (AntConc's sort levels).
        Sorting is case-insensitive and ignores punctuation. ``"left"`` and ``"right"``
        are kept as names for ``"1L"`` and ``"1R"``.
    lemma : bool, default False
        Match every inflected form of the query word (``"peasant"`` finds peasants,
        peasantry is another word); see :mod:`leninism_data.analysis.lemmas`.
    include_citations : bool, default False
        Also show hits inside references.
    Other parameters as in :func:`search`.

    Returns
    -------
    pandas.DataFrame
        ``paragraph_id``, ``footnote``, ``chapter``, ``section``, ``page``, ``left``,
        ``match``, ``right``, ``start``, ``end`` (offsets in the paragraph text),
        ``in_quotation``.

    Examples
    --------
    >>> lines = kwic("Shipka", window=3)
    >>> lines[["paragraph_id", "page", "left", "match", "right"]].values.tolist()
    [['IV.26', 40, 'quiet “at the ', 'Shipka', ' Pass”; nevertheless, governments']]
    """
    check_options(
        query=query,
        window=window,
        unit=unit,
        lemma=lemma,
        regex=regex,
        whole_word=whole_word,
        case=case,
        section=section,
        include_quotations=include_quotations,
        include_footnotes=include_footnotes,
        include_citations=include_citations,
    )
    if lemma:
        from leninism_data.analysis.lemmas import lemma_pattern

        query, regex = lemma_pattern(query), True
    index = text_index(include_footnotes)
    hits = _matches(
        query,
        regex=regex,
        whole_word=whole_word,
        case=case,
        chapter=chapter,
        section=section,
        kind=None,
        include_quotations=include_quotations,
        include_footnotes=include_footnotes,
        include_citations=include_citations,
    )
    lefts, matches, rights = _contexts(index, hits, window, unit)
    docs = hits.doc
    breaks = index.page_breaks
    pages = [
        breaks[d][0][1] if len(breaks[d]) == 1 else index.page(d, start)
        for d, start in zip(docs.tolist(), hits.start.tolist())
    ]
    frame = pd.DataFrame(
        {
            "paragraph_id": index.id_array[docs],
            "footnote": pd.array(index.footnote_array[docs], dtype="Int64"),
            "chapter": index.chapter[docs],
            "section": index.section[docs],
            "page": np.asarray(pages, dtype=np.int64),
            "left": np.asarray(lefts, dtype=object),
            "match": np.asarray(matches, dtype=object),
            "right": np.asarray(rights, dtype=object),
            "start": hits.start,
            "end": hits.end,
            "in_quotation": hits.in_quotation.astype(bool),
        }
    )
    return kwic_sort(frame, sort)
