"""Search and keyword-in-context over the book's own structure.

Both verbs compile the query once (:func:`leninism_data.analysis.query.compile_query`: words,
phrases, ``*``/``?`` wildcards or a regular expression) and run it over one cached index
of the text: the paragraphs joined in reading order (and, when asked, the footnotes), with
a map from character offsets back to paragraphs, pages and quotations. One matching-time
limit (1 s) covers the whole search, so a runaway regular expression raises
:class:`~leninism_data.analysis.query.QueryTimeout` instead of hanging the kernel.

Whole-word matching treats hyphens and apostrophes as word boundaries, so "Party" is
found inside "non-Party" and "Lenin" in "Lenin’s" (but not in "Leninism"). Frequency
counts (:mod:`leninism_data.analysis.frequencies`) count a hyphenated compound as one word, so
``kwic("party")`` can find more lines than ``term_frequencies("party")`` counts.
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
from leninism_data.analysis.query import WORD_END, WORD_START, compile_query, match_spans
from leninism_data.corpus.arguments import check_options
from leninism_data.corpus.book import book
from leninism_data.corpus.naming import ChapterLike, resolve_chapter
from leninism_data.tables.build import KINDS

SEARCH_SECONDS = 1.0
SEPARATOR = "\n\n"
AVERAGE_WORD = 12  # characters, with space and punctuation: a first, cheap guess
MAX_WORD = 40  # characters: longer than any word with its punctuation in the book
PLAIN_WORD = regex.compile(rf"{WORD_START}\w+{WORD_END}")
SINGLE_WORD = regex.compile(r"\w+")


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
    quoted: np.ndarray  # per character: inside the quotation marks of a block quotation

    @functools.cached_property
    def start_array(self) -> np.ndarray:
        return np.asarray(self.starts, dtype=np.int64)

    @functools.cached_property
    def word_spans(self) -> dict[str, np.ndarray]:
        """Lower-cased word → its ``(start, end)`` spans: the fast path for a plain word.

        Words are cut exactly as whole-word queries match them (hyphens and apostrophes
        separate words; a piece just after an apostrophe inside a word is not a word).
        """
        spans: dict[str, list[tuple[int, int]]] = {}
        for match in PLAIN_WORD.finditer(self.text):
            spans.setdefault(match.group().lower(), []).append(match.span())
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


def _quoted_characters(text: str) -> np.ndarray:
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    steps = (codes == ord("“")).astype(np.int32) - (codes == ord("”")).astype(np.int32)
    return np.cumsum(steps) > 0


@functools.lru_cache(maxsize=2)
def text_index(include_footnotes: bool = False) -> TextIndex:
    """The cached index of the main text (optionally followed by the footnotes)."""
    b = book()
    docs = [
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
    for start, doc in zip(starts, docs):
        if doc[5] == "quotation":
            quoted[start : start + len(doc[0])] = _quoted_characters(doc[0])
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
) -> Hits:
    """Every non-empty hit of ``query`` that passes the filters."""
    pattern = compile_query(query, regex=regex, whole_word=whole_word, case=case)
    chapter_number = None if chapter is None else resolve_chapter(chapter)
    check_section(chapter, section)
    kinds = _kinds(kind)
    index = text_index(include_footnotes)
    if not regex and whole_word and not case and SINGLE_WORD.fullmatch(query.strip()):
        spans = index.word_spans.get(query.strip().lower(), np.zeros((0, 2), dtype=np.int64))
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
        False leaves out matches inside block quotations (the quoted words of Lenin, Marx
        and Engels).
    include_footnotes : bool, default False
        Also search the footnotes (rows with a ``footnote`` number).

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


def _words_around(text: str, start: int, end: int, window: int, width: int) -> tuple[str, str]:
    """Slices around a hit wide enough for ``window`` words of up to ``width`` characters
    (one more, so that a word cut by the slice is never among them)."""
    reach = (window + 1) * width
    return text[max(0, start - reach) : start], text[end : end + reach]


def _context(
    text: str, start: int, end: int, window: int, unit: Literal["words", "chars"]
) -> tuple[str, str]:
    if unit == "chars":
        return text[max(0, start - window) : start], text[end : end + window]
    if unit != "words":
        raise ValueError(f"unit must be 'words' or 'chars', not {unit!r}.")
    if not window:
        return "", ""
    before, after = _words_around(text, start, end, window, AVERAGE_WORD)
    left, right = before.split(), after.split()
    if (len(left) <= window and start > len(before)) or (
        len(right) <= window and end + len(after) < len(text)
    ):
        before, after = _words_around(text, start, end, window, MAX_WORD)
        left, right = before.split(), after.split()
    left, right = left[-window:], right[:window]
    left_text = " ".join(left) + (" " if left and before.endswith(" ") else "")
    right_text = (" " if right and after.startswith(" ") else "") + " ".join(right)
    return left_text, right_text


def kwic(
    query: str,
    *,
    window: int = 8,
    unit: Literal["words", "chars"] = "words",
    sort: Literal["position", "left", "right", "match"] = "position",
    regex: bool = False,
    whole_word: bool = True,
    case: bool = False,
    chapter: ChapterLike | None = None,
    section: int | None = None,
    include_quotations: bool = True,
    include_footnotes: bool = False,
    lemma: bool = False,
) -> pd.DataFrame:
    """Keyword in context: one row per hit, with its left and right context.

    Context stays within the hit's paragraph, so every line can be cited by its id.

    Parameters
    ----------
    query : str
        A word, phrase, wildcard (``proletar*``) or regular expression (``regex=True``).
    window : int, default 8
        Context size on each side, in ``unit``.
    unit : {"words", "chars"}
    sort : {"position", "left", "right", "match"}
        Reading order, or alphabetical by the words nearest the hit on the left (read
        outwards, as AntConc's 1L, 2L …), on the right, or by the hit itself.
    lemma : bool, default False
        Match every inflected form of the query word (``"peasant"`` finds peasants,
        peasantry is another word); see :mod:`leninism_data.analysis.lemmas`.
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
    )
    texts: dict[int, str] = {}
    lefts, matches, rights, pages = [], [], [], []
    for doc, start, end in zip(hits.doc.tolist(), hits.start.tolist(), hits.end.tolist()):
        text = texts.get(doc) or texts.setdefault(doc, index.document_text(doc))
        left, right = _context(text, start, end, window, unit)
        lefts.append(left)
        matches.append(text[start:end])
        rights.append(right)
        pages.append(index.page(doc, start))
    docs = hits.doc
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
    if sort == "left":
        keys = frame["left"].map(lambda s: " ".join(reversed(s.lower().split())))
    elif sort == "right":
        keys = frame["right"].str.lower().str.strip()
    elif sort == "match":
        keys = frame["match"].str.lower()
    elif sort == "position":
        return frame
    else:
        raise ValueError(f"sort must be 'position', 'left', 'right' or 'match', not {sort!r}.")
    order = sorted(range(len(frame)), key=lambda i: (keys.iloc[i], i))
    return frame.iloc[order].reset_index(drop=True)
