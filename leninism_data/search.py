"""Search and keyword-in-context over the book's own structure.

Both verbs compile the query once (:func:`leninism_data.query.compile_query`: words,
phrases, ``*``/``?`` wildcards or a regular expression) and run it over one cached index
of the text: the paragraphs joined in reading order (and, when asked, the footnotes), with
a map from character offsets back to paragraphs, pages and quotations. One matching-time
budget (1 s) covers the whole search, so a runaway regular expression raises
:class:`~leninism_data.query.QueryTimeout` instead of hanging the kernel.

Whole-word matching treats hyphens and apostrophes as word boundaries, so "Party" is
found inside "non-Party" and "Lenin" in "Lenin’s" (but not in "Leninism"). Frequency
counts (:mod:`leninism_data.frequencies`) count a hyphenated compound as one word, so
``kwic("party")`` can find more lines than ``term_frequencies("party")`` counts.
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from leninism_data.chapter_arg import ChapterLike, resolve_chapter
from leninism_data.corpus import book
from leninism_data.query import SearchBudget, compile_query, finditer_safe
from leninism_data.tables import KINDS

SEARCH_SECONDS = 1.0
SEPARATOR = "\n\n"


@dataclass(frozen=True)
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

    def document(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1

    def page(self, doc: int, local_offset: int) -> int:
        breaks = self.page_breaks[doc]
        return breaks[bisect_right([o for o, _ in breaks], local_offset) - 1][1]


def _quoted_characters(text: str) -> np.ndarray:
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    steps = (codes == ord("“")).astype(np.int32) - (codes == ord("”")).astype(np.int32)
    return np.cumsum(steps) > 0


@functools.lru_cache(maxsize=2)
def text_index(include_footnotes: bool = False) -> TextIndex:
    """The cached index of the main text (optionally followed by the footnotes)."""
    b = book()
    docs = [(p.text, p.paragraph_id, None, p.chapter, p.section, p.kind, p.page_breaks)
            for p in b.paragraphs]
    if include_footnotes:
        docs += [(n.text, n.paragraph_id, n.number, n.chapter,
                  b.paragraph_by_id[n.paragraph_id].section, "footnote", ((0, n.page),))
                 for n in b.footnotes]
    starts, position = [], 0
    for doc in docs:
        starts.append(position)
        position += len(doc[0]) + len(SEPARATOR)
    text = SEPARATOR.join(doc[0] for doc in docs)
    quoted = np.zeros(len(text), dtype=bool)
    for start, doc in zip(starts, docs):
        if doc[5] == "quotation":
            quoted[start:start + len(doc[0])] = _quoted_characters(doc[0])
    return TextIndex(text, tuple(starts), tuple(d[1] for d in docs), tuple(d[2] for d in docs),
                     np.array([d[3] for d in docs]), np.array([d[4] for d in docs]),
                     tuple(d[5] for d in docs), tuple(d[6] for d in docs), quoted)


def _kinds(kind: str | list[str] | None) -> set[str] | None:
    if kind is None:
        return None
    wanted = {kind} if isinstance(kind, str) else set(kind)
    unknown = wanted - set(KINDS)
    if unknown:
        raise ValueError(f"Unknown kind {sorted(unknown)}; choose from {list(KINDS)}.")
    return wanted


def _matches(query: str, *, regex: bool, whole_word: bool, case: bool,
             chapter: ChapterLike | None, section: int | None, kind,
             include_quotations: bool, include_footnotes: bool):
    """Yield (document index, local start, local end, in_quotation) for every hit."""
    pattern = compile_query(query, regex=regex, whole_word=whole_word, case=case)
    chapter_number = None if chapter is None else resolve_chapter(chapter)
    kinds = _kinds(kind)
    index = text_index(include_footnotes)
    budget = SearchBudget(SEARCH_SECONDS)
    for match in finditer_safe(pattern, index.text, budget):
        start, end = match.span()
        if start == end:
            continue
        doc = index.document(start)
        if chapter_number is not None and index.chapter[doc] != chapter_number:
            continue
        if section is not None and index.section[doc] != section:
            continue
        if kinds is not None and index.kind[doc] not in kinds:
            continue
        in_quotation = bool(index.quoted[start])
        if in_quotation and not include_quotations:
            continue
        yield doc, start - index.starts[doc], end - index.starts[doc], in_quotation


def search(query: str, *, regex: bool = False, whole_word: bool = True, case: bool = False,
           chapter: ChapterLike | None = None, section: int | None = None,
           kind: str | list[str] | None = None, include_quotations: bool = True,
           include_footnotes: bool = False) -> pd.DataFrame:
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
    index = text_index(include_footnotes)
    found: dict[int, list[tuple[int, int]]] = {}
    for doc, start, end, _ in _matches(
            query, regex=regex, whole_word=whole_word, case=case, chapter=chapter,
            section=section, kind=kind, include_quotations=include_quotations,
            include_footnotes=include_footnotes):
        found.setdefault(doc, []).append((start, end))
    docs = sorted(found)
    texts = [index.text[index.starts[d]:index.starts[d] + _length(index, d)] for d in docs]
    return pd.DataFrame({
        "paragraph_id": [index.paragraph_ids[d] for d in docs],
        "footnote": pd.array([index.footnote[d] for d in docs], dtype="Int64"),
        "chapter": [int(index.chapter[d]) for d in docs],
        "section": [int(index.section[d]) for d in docs],
        "page": [index.page(d, found[d][0][0]) for d in docs],
        "kind": [index.kind[d] for d in docs],
        "n_matches": [len(found[d]) for d in docs],
        "spans": [tuple(found[d]) for d in docs],
        "text": texts,
    })


def _length(index: TextIndex, doc: int) -> int:
    end = index.starts[doc + 1] - len(SEPARATOR) if doc + 1 < len(index.starts) \
        else len(index.text)
    return end - index.starts[doc]


def _context(text: str, start: int, end: int, window: int,
             unit: Literal["words", "chars"]) -> tuple[str, str]:
    if unit == "chars":
        return text[max(0, start - window):start], text[end:end + window]
    if unit != "words":
        raise ValueError(f"unit must be 'words' or 'chars', not {unit!r}.")
    left = text[:start].split()
    right = text[end:].split()
    left_text = " ".join(left[-window:]) if window else ""
    if text[:start].endswith(" ") and left_text:
        left_text += " "
    right_text = " ".join(right[:window]) if window else ""
    if text[end:].startswith(" ") and right_text:
        right_text = " " + right_text
    return left_text, right_text


def kwic(query: str, *, window: int = 8, unit: Literal["words", "chars"] = "words",
         sort: Literal["position", "left", "right", "match"] = "position",
         regex: bool = False, whole_word: bool = True, case: bool = False,
         chapter: ChapterLike | None = None, section: int | None = None,
         include_quotations: bool = True, include_footnotes: bool = False,
         lemma: bool = False) -> pd.DataFrame:
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
        peasantry is another word); see :mod:`leninism_data.lemmas`.
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
    if window < 0:
        raise ValueError(f"window must be zero or more, not {window}.")
    if lemma:
        from leninism_data.lemmas import lemma_pattern

        query, regex = lemma_pattern(query), True
    index = text_index(include_footnotes)
    rows = []
    for doc, start, end, in_quotation in _matches(
            query, regex=regex, whole_word=whole_word, case=case, chapter=chapter,
            section=section, kind=None, include_quotations=include_quotations,
            include_footnotes=include_footnotes):
        text = index.text[index.starts[doc]:index.starts[doc] + _length(index, doc)]
        left, right = _context(text, start, end, window, unit)
        rows.append((index.paragraph_ids[doc], index.footnote[doc], int(index.chapter[doc]),
                     int(index.section[doc]), index.page(doc, start), left, text[start:end],
                     right, start, end, in_quotation))
    frame = pd.DataFrame(rows, columns=["paragraph_id", "footnote", "chapter", "section",
                                        "page", "left", "match", "right", "start", "end",
                                        "in_quotation"])
    frame["footnote"] = frame["footnote"].astype("Int64")
    frame["in_quotation"] = frame["in_quotation"].astype(bool)
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
