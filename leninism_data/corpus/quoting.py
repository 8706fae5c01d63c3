"""Who speaks where: quotation marks, block and inline quotations, the author's glosses.

Three kinds of span are found in the paragraphs' clean text:

Quoted spans (:func:`quoted_spans`)
    The stretches between an opening “ and its closing ” at the outermost level (‘…’
    nest inside). A paragraph of a block quotation that runs on into the next one is left
    open to its end. One printing slip is read as the printer meant it: an opening “
    followed by a space while a quotation is open closes it (III.50, “organisation of
    ‘order’ “ but as …).
Quotations (:class:`~leninism_data.corpus.structure.Quotation`)
    *Block* quotations are whole paragraphs (:func:`~leninism_data.corpus.structure.
    group_quotations`). *Inline* quotations are quoted spans inside a prose paragraph
    that the text cites or attributes (:func:`find_inline_quotations`):

    * closed by a reference: the quoted span right before "(See …)" or "(Ibid., …)",
      together with the quoted spans that lead up to it in the same sentence ("the
      “permanent and sole basis …”; that “precisely those masses …,” while being equal
      in law, “have in fact …” (See Lenin, Vol. XXIV, p. 13.)");
    * or attributed: a quoted span introduced or interrupted by a framing phrase such as
      "says Lenin", "Lenin wrote", "Engels said that", "as Marx put it".

    Quoted spans with neither (scare quotes, names of slogans, terms held at arm's length)
    are not quotations: they stay only in the tokens' ``in_quote_marks``.
The author's glosses (:func:`gloss_spans`, :func:`signature_spans`)
    Inside two quotations Stalin explains a pronoun in parentheses and signs the
    explanation: "(i.e., the Russian Marxists-J. St.)". The gloss is the author's words,
    not the quoted author's; the signature "J. St." is apparatus, like a reference.

Speakers come from the framing phrase, else from the reference (an in-text reference is
to Lenin's Works unless it names Engels or Marx and Engels).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from leninism_data.corpus.references import Citation
from leninism_data.corpus.structure import FRAMING, Paragraph, Quotation

Span = tuple[int, int]
GLOSS = re.compile(r"\([^()]*J\. St\.\)")
SIGNATURE = re.compile(r"[-—]J\. St\.")
SENTENCE_BREAK = re.compile(r"[.?!]\s+[“‘A-Z]")
TITLE_BEFORE = re.compile(r"\b(?:article|pamphlet|book|resolution|speech|letter)\s+$")
TITLE_AFTER = re.compile(r"^ [A-Z]")  # “Left-Wing” Communism
LINKING_GAP = 60  # characters of the author's own words that may link quoted spans
JOINER = " … "


def quoted_spans(text: str, *, open_at_start: bool = False) -> list[Span]:
    """Outermost “…” spans of a paragraph (marks included), in order.

    Parameters
    ----------
    text : str
        A paragraph's clean text.
    open_at_start : bool, default False
        The paragraph continues a quotation left open by the one before.

    Examples
    --------
    >>> text = "the “organisation of ‘order’ “ but as the “organisation of war”."
    >>> [text[a:b] for a, b in quoted_spans(text)]
    ['“organisation of ‘order’ “', '“organisation of war”']
    >>> quoted_spans("“It runs on", open_at_start=False), quoted_spans("“He said “no”.”")
    ([(0, 11)], [(0, 15)])
    """
    spans: list[Span] = []
    depth, start = (1, 0) if open_at_start else (0, 0)
    first = 1 if open_at_start and text.startswith("“") else 0  # the run-on paragraph's “
    for i in range(first, len(text)):
        char = text[i]
        if char == "“" and depth and (i + 1 == len(text) or text[i + 1] == " "):
            depth -= 1  # a printed “ used as a closing mark
        elif char == "“":
            depth += 1
            if depth == 1:
                start = i
            continue
        elif char == "”" and depth:
            depth -= 1
        else:
            continue
        if depth == 0:
            spans.append((start, i + 1))
    if depth:
        spans.append((start, len(text)))
    return spans


def gloss_spans(text: str) -> list[Span]:
    """The author's signed glosses inside quotations, parentheses included.

    >>> text = "“History has now confronted us (i.e., the Russian Marxists-J. St.) with"
    >>> [text[a:b] for a, b in gloss_spans(text)]
    ['(i.e., the Russian Marxists-J. St.)']
    """
    return [m.span() for m in GLOSS.finditer(text)]


def signature_spans(text: str) -> list[Span]:
    """The author's signatures "J. St." (without the dash that glues them on).

    >>> text = "(i.e., the Russian Marxists-J. St.)"
    >>> [text[a:b] for a, b in signature_spans(text)]
    ['J. St.']
    """
    return [(m.start() + 1, m.end()) for m in SIGNATURE.finditer(text)]


def _framing_speaker(text: str) -> str | None:
    found = FRAMING.search(text)
    return next(name for name in found.groups() if name) if found else None


def _lead_in(text: str, start: int, floor: int) -> str:
    """The author's words from the start of the sentence (or ``floor``) up to ``start``."""
    before = text[floor:start]
    breaks = list(SENTENCE_BREAK.finditer(before))
    return before[breaks[-1].start() + 1 :] if breaks else before


def _links(gap: str) -> bool:
    return len(gap) <= LINKING_GAP and not SENTENCE_BREAK.search(gap) and "(" not in gap


Chain = tuple[list[Span], str | None, Citation | None]


def _chains(text: str, spans: list[Span], closing: list[Citation]) -> list[Chain]:
    """Groups of quoted spans that form one inline quotation, with speaker and reference."""
    used: set[Span] = set()
    chains: list[Chain] = []
    for citation in closing:
        before = [s for s in spans if s[1] <= citation.start and s not in used]
        if not before or text[before[-1][1] : citation.start].strip(" .,;:") != "":
            continue
        chain = [before[-1]]
        for span in reversed(before[:-1]):
            if not _links(text[span[1] : chain[0][0]]):
                break
            chain.insert(0, span)
        used.update(chain)
        chains.append((chain, None, citation))
    for i, span in enumerate(spans):
        if span in used:
            continue
        floor = spans[i - 1][1] if i else 0
        after = text[span[1] : spans[i + 1][0]] if i + 1 < len(spans) else text[span[1] :]
        speaker = _framing_speaker(_lead_in(text, span[0], floor)) or (
            _framing_speaker(after) if _links(after) and len(after) < 40 else None
        )
        if speaker is None:
            continue
        chain = [span]
        used.add(span)
        for later in spans[i + 1 :]:
            gap = text[chain[-1][1] : later[0]]
            if later in used or not (_links(gap) and _framing_speaker(gap)):
                break
            chain.append(later)
            used.add(later)
        chains.append((chain, speaker, None))
    return sorted(chains, key=lambda c: c[0][0])


def find_inline_quotations(
    paragraphs: Sequence[Paragraph], citations: Sequence[Citation]
) -> list[Quotation]:
    """Cited or attributed quotations inside prose paragraphs (``quotation_id`` 0).

    ``citations``: all in-text references (their ``paragraph_id``, ``start`` and
    ``author`` are used). Numbering is left to :func:`number_quotations`.
    """
    by_paragraph: dict[str, list[Citation]] = {}
    for citation in citations:
        by_paragraph.setdefault(citation.paragraph_id, []).append(citation)
    found: list[Quotation] = []
    for p in paragraphs:
        if p.kind not in ("prose", "list_item"):
            continue
        cited = by_paragraph.get(p.paragraph_id, [])
        spans = [
            (a, b)
            for a, b in quoted_spans(p.text)
            if not _is_title(p.text, a, b) and not any(c.start < a < c.end for c in cited)
        ]
        if not spans:
            continue
        for chain, speaker, closing in _chains(p.text, spans, cited):
            who = (
                speaker
                or _framing_speaker(" ".join(p.text[a:b] for a, b in _gaps(chain)))
                or _framing_speaker(_lead_in(p.text, chain[0][0], 0))
                or (closing.author if closing else "Lenin")
            )
            found.append(
                Quotation(
                    quotation_id=0,
                    paragraph_ids=(p.paragraph_id,),
                    speaker=who,
                    text=JOINER.join(p.text[a:b] for a, b in chain),
                    form="inline",
                    spans=tuple((p.paragraph_id, a, b) for a, b in chain),
                    citation_id=closing.citation_id if closing else None,
                )
            )
    return found


def _is_title(text: str, start: int, end: int) -> bool:
    """A quoted title of a work ("pamphlet “Left-Wing” Communism", "article “The …”")."""
    return bool(TITLE_BEFORE.search(text[:start]) or TITLE_AFTER.match(text[end : end + 2]))


def _gaps(chain: list[Span]) -> list[Span]:
    return [(chain[k][1], chain[k + 1][0]) for k in range(len(chain) - 1)]


def block_spans(group: Sequence[Paragraph]) -> tuple[tuple[str, int, int], ...]:
    """The quoted spans of a block quotation's paragraphs (each but the first may open
    inside the quotation left open by the one before)."""
    spans: list[tuple[str, int, int]] = []
    open_before = False
    for p in group:
        for a, b in quoted_spans(p.text, open_at_start=open_before):
            spans.append((p.paragraph_id, a, b))
        open_before = p.text.count("“") > p.text.count("”")
    return tuple(spans)


def closing_citation(group: Sequence[Paragraph], citations: Sequence[Citation]) -> int | None:
    """The reference that closes a block quotation: after its last closing mark."""
    last = group[-1]
    for c in citations:
        if c.paragraph_id == last.paragraph_id and c.start >= last.text.rfind("”"):
            return c.citation_id
    return None


def number_quotations(
    paragraphs: Sequence[Paragraph], quotations: Sequence[Quotation]
) -> tuple[list[Paragraph], list[Quotation]]:
    """Number block and inline quotations together in reading order; paragraphs of block
    quotations take their new number."""
    position = {p.paragraph_id: p.position for p in paragraphs}
    ordered = sorted(quotations, key=lambda q: (position[q.spans[0][0]], q.spans[0][1]))
    renumbered = [q._replace(quotation_id=n) for n, q in enumerate(ordered, start=1)]
    block_of = {
        pid: q.quotation_id for q in renumbered if q.form == "block" for pid in q.paragraph_ids
    }
    return [p._replace(quotation_id=block_of.get(p.paragraph_id)) for p in paragraphs], renumbered
