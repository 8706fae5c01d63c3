"""Reading and citing: the clean running text, references in several styles, the source card.

The printed pages are those of one edition, named in every reference:
J. V. Stalin, *The Foundations of Leninism*, Foreign Languages Press, Paris, 2020
(Collection "Foundations" #1, ISBN 978-2-491182-16-8), a reprint of the First Edition
(Second Printing), Foreign Languages Press, Peking, 1970, published under CC BY-SA 4.0.
For readers of another edition, ``cite(..., style="locator")`` gives a page-free locator.
"""

from __future__ import annotations

import difflib
import re
from typing import Any, Literal, NamedTuple, get_args

from leninism_data.corpus.book import book
from leninism_data.corpus.formatting import page_range
from leninism_data.corpus.naming import (
    Anchor,
    ChapterLike,
    UnknownAnchorError,
    resolve_anchor,
    resolve_chapter,
)
from leninism_data.corpus.source import read_data_file
from leninism_data.corpus.structure import Paragraph
from leninism_data.corpus.words import sentence_spans
from leninism_data.tables.build import chapters

AUTHOR = "J. V. Stalin"
TITLE = "The Foundations of Leninism"
WRITTEN = 1924
PUBLISHER = "Foreign Languages Press"
PLACE = "Paris"
YEAR = 2020
SERIES = "Collection “Foundations” #1"
ISBN = "978-2-491182-16-8"
REPRINT_OF = "First Edition (Second Printing), Foreign Languages Press, Peking, 1970"
LICENCE = "CC BY-SA 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by-sa/4.0/"
#: The edition, as a reference names it.
EDITION = f"{PUBLISHER}, {PLACE}, {YEAR}"
#: The book and edition, as the references, handouts and exports name them.
BOOK_TITLE = f"{AUTHOR}, {TITLE} ({WRITTEN}), {EDITION}"
#: What any copy of the text (an export, a handout) must carry under CC BY-SA 4.0.
ATTRIBUTION = (
    f"Text: {AUTHOR}, {TITLE}, {EDITION} (ISBN {ISBN}), reprinting the {REPRINT_OF}; "
    f"licensed under {LICENCE} ({LICENCE_URL})."
)

CitationStyle = Literal["default", "chicago", "mla", "bibtex", "locator"]
STYLES: tuple[str, ...] = get_args(CitationStyle)


class Markdown(str):
    """A string that Jupyter shows as Markdown, and that is otherwise a plain ``str``.

    It compares, joins and slices as the plain text; IPython prints that text without
    quotes, and JupyterLab renders :attr:`markdown` (already escaped).

    >>> note = Markdown("Leninism, p. 40.", "*Leninism*, p. 40.")
    >>> note == "Leninism, p. 40.", note + " See also p. 41.", note._repr_markdown_()
    (True, 'Leninism, p. 40. See also p. 41.', '*Leninism*, p. 40.')
    """

    markdown: str

    def __new__(cls, text: str, markdown: str | None = None) -> Markdown:
        self = super().__new__(cls, text)
        self.markdown = text if markdown is None else markdown
        return self

    def _repr_markdown_(self) -> str:
        return self.markdown

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(str.__str__(self))


def markdown_escape(text: str) -> str:
    r"""``text`` with every character Markdown (or HTML inside it) would interpret escaped.

    >>> print(markdown_escape("*Works*, Vol. [XXV] <b> & 2_3"))
    \*Works\*, Vol. \[XXV\] &lt;b&gt; &amp; 2\_3
    """
    escaped = re.sub(r"([\\`*_\[\]#|~])", r"\\\1", text)
    return escaped.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


UnknownParagraphError = UnknownAnchorError
"""A paragraph id (or sentence id, or footnote anchor) that is not in the book."""


def find_paragraph(paragraph_id: str):
    """The parsed paragraph with this id, or a clear error with the closest ids.

    >>> find_paragraph("IV.27").page
    40
    """
    if not isinstance(paragraph_id, str):
        raise UnknownParagraphError(
            f"a paragraph id is a string such as 'IV.27', not {type(paragraph_id).__name__}."
        )
    paragraphs = book().paragraph_by_id
    if paragraph_id in paragraphs:
        return paragraphs[paragraph_id]
    close = difflib.get_close_matches(str(paragraph_id), list(paragraphs), n=3)
    hint = f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    raise UnknownParagraphError(
        f"{paragraph_id!r} is not a paragraph of the book. Paragraph ids look like 'IV.27' "
        f"(Chapter IV, paragraph 27) or 'Intro.3'.{hint}"
    )


def text(chapter: ChapterLike | None = None) -> str:
    """The clean running text of the book, or of one chapter: paragraphs separated by a
    blank line, headings and footnotes left out.

    >>> text("IX").split("\\n\\n")[0][:37]
    'I am not referring to literary style.'
    """
    wanted = None if chapter is None else resolve_chapter(chapter)
    return "\n\n".join(p.text for p in book().paragraphs if wanted is None or p.chapter == wanted)


def cite(paragraph_id: str, *, style: CitationStyle = "default") -> Markdown:
    """A ready-to-paste reference to a paragraph, a sentence or a footnote, naming the
    edition its page is from.

    Parameters
    ----------
    paragraph_id : str
        A paragraph id of :func:`leninism_data.paragraphs` (``"IV.27"``), a sentence id
        (``"IV.27.2"``) or a footnote anchor (``"fn3"``, ``"footnote 3"``), in any letter
        case (read by :func:`~leninism_data.corpus.naming.resolve_anchor`).
    style : {"default", "chicago", "mla", "bibtex", "locator"}
        ``"default"``: book, edition, chapter, section, paragraph id and printed page.
        ``"chicago"``: a Chicago-style note. ``"mla"``: an MLA works-cited entry with the
        page. ``"bibtex"``: an ``@book`` entry (pages, and the chapter, section and
        paragraph in ``note``). ``"locator"``: chapter, section and paragraph without
        a page or an edition, for readers of another edition or translation.

    Returns
    -------
    Markdown
        A ``str`` (compare it, join it, write it to a file) that JupyterLab shows as
        Markdown, the title in italics.

    Raises
    ------
    UnknownParagraphError
        If the book has no such paragraph (the message suggests close ids).
    ValueError
        If ``style`` is not one of the styles above.

    Examples
    --------
    >>> print(cite("IV.27"))  # doctest: +NORMALIZE_WHITESPACE
    J. V. Stalin, The Foundations of Leninism (1924), Foreign Languages Press, Paris, 2020,
    Chapter IV “The Dictatorship of the Proletariat”, section 2 “The dictatorship of the
    proletariat as the rule of the proletariat over the bourgeoisie”, ¶ IV.27, p. 40.
    >>> print(cite("IV.26", style="chicago"))
    J. V. Stalin, The Foundations of Leninism (Paris: Foreign Languages Press, 2020), 39–40.
    >>> print(cite("IV.27", style="mla"))
    Stalin, J. V. The Foundations of Leninism. Foreign Languages Press, 2020, p. 40.
    >>> print(cite("Intro.3", style="locator"))
    Introduction, paragraph 3
    >>> cite("iv.27.2").endswith("¶ IV.27, sentence 2, p. 40.")
    True
    >>> cite("fn3").endswith("Chapter I “The Historical Roots of Leninism”, note 3, p. 10.")
    True
    >>> print(cite("IV.27", style="bibtex"))  # doctest: +NORMALIZE_WHITESPACE
    @book{stalin2020foundations:IV.27,
      author    = {Stalin, J. V.},
      title     = {The Foundations of Leninism},
      publisher = {Foreign Languages Press},
      address   = {Paris},
      year      = {2020},
      series    = {Collection ``Foundations''},
      number    = {1},
      isbn      = {978-2-491182-16-8},
      pages     = {40},
      note      = {Chapter IV, section 2, paragraph 27 (IV.27). Reprint of the First Edition
                   (Second Printing), Foreign Languages Press, Peking, 1970. Text licensed
                   under CC BY-SA 4.0},
    }
    """
    if style not in STYLES:
        raise ValueError(
            f"{style!r} is not a citation style; choose one of {', '.join(map(repr, STYLES))}."
        )
    return _STYLES[style](_target(resolve_anchor(paragraph_id)))


class _Target(NamedTuple):
    """What a reference points at: a paragraph, one of its sentences or a footnote."""

    paragraph: Paragraph
    first_page: int
    last_page: int
    label: str  # "¶ IV.27", "¶ IV.27, sentence 2" or "note 3"
    place: str  # "paragraph 27", "paragraph 27, sentence 2" or "note 3"
    in_section: bool  # whether the section is part of the reference (not for a note)


def _target(anchor: Anchor) -> _Target:
    paragraph = find_paragraph(anchor.paragraph_id)
    number = paragraph.paragraph_id.rpartition(".")[2]
    if anchor.footnote is not None:
        page = book().footnotes[anchor.footnote - 1].page
        note = f"note {anchor.footnote}"
        return _Target(paragraph, page, page, note, note, in_section=False)
    if anchor.sentence is not None:
        page = paragraph.page_at(sentence_spans(paragraph.text)[anchor.sentence - 1][0])
        tail = f", sentence {anchor.sentence}"
        return _Target(
            paragraph,
            page,
            page,
            f"¶ {paragraph.paragraph_id}{tail}",
            f"paragraph {number}{tail}",
            in_section=True,
        )
    return _Target(
        paragraph,
        paragraph.page,
        paragraph.page_end,
        f"¶ {paragraph.paragraph_id}",
        f"paragraph {number}",
        in_section=True,
    )


def _chapter_heading(paragraph: Paragraph) -> str:
    """ "Introduction" or "Chapter IV"."""
    return "Introduction" if paragraph.chapter == 0 else book().chapters[paragraph.chapter].heading


def _section_title(target: _Target) -> str | None:
    """The title of the numbered section referred to, or None (before the first one, or a
    footnote)."""
    paragraph = target.paragraph
    if not paragraph.section or not target.in_section:
        return None
    return next(
        s.title
        for s in book().sections
        if (s.chapter, s.section) == (paragraph.chapter, paragraph.section)
    )


def _pages(target: _Target, *, prefix: bool = True, dash: str = "–") -> str:
    return page_range(target.first_page, target.last_page, prefix=prefix, dash=dash)


def _styled(plain: str, title: str = TITLE) -> Markdown:
    """``plain`` as a reference whose Markdown form escapes it and sets the title in italics."""
    before, found, after = plain.partition(title)
    if not found:
        return Markdown(plain, markdown_escape(plain))
    return Markdown(plain, f"{markdown_escape(before)}*{title}*{markdown_escape(after)}")


def _default(target: _Target) -> Markdown:
    paragraph = target.paragraph
    where = _chapter_heading(paragraph)
    if paragraph.chapter:
        where += f" “{book().chapters[paragraph.chapter].title}”"
    title = _section_title(target)
    if title is not None:
        where += f", section {paragraph.section} “{title}”"
    return _styled(f"{BOOK_TITLE}, {where}, {target.label}, {_pages(target)}.")


def _chicago(target: _Target) -> Markdown:
    pages = _pages(target, prefix=False)
    if not target.in_section:
        pages += f"n{target.label.removeprefix('note ')}"
    return _styled(f"{AUTHOR}, {TITLE} ({PLACE}: {PUBLISHER}, {YEAR}), {pages}.")


def _mla(target: _Target) -> Markdown:
    initials, surname = AUTHOR.rsplit(" ", 1)
    return _styled(f"{surname}, {initials} {TITLE}. {PUBLISHER}, {YEAR}, {_pages(target)}.")


def _locator(target: _Target) -> Markdown:
    paragraph = target.paragraph
    where = _chapter_heading(paragraph)
    title = _section_title(target)
    if title is not None:
        where += f", section {paragraph.section} ({title})"
    elif target.in_section and any(
        s.chapter == paragraph.chapter and s.section for s in book().sections
    ):
        where += ", before section 1"
    plain = f"{where}, {target.place}"
    return Markdown(plain, markdown_escape(plain))


def _bibtex(target: _Target) -> Markdown:
    paragraph = target.paragraph
    where = _chapter_heading(paragraph)
    if paragraph.section and target.in_section:
        where += f", section {paragraph.section}"
    key = target.label.removeprefix("¶ ").replace(", sentence ", ".").replace("note ", "fn")
    note = (
        f"{where}, {target.place} ({key}). "
        f"Reprint of the {REPRINT_OF}. Text licensed under {LICENCE}"
    )
    fields = {
        "author": "Stalin, J. V.",
        "title": TITLE,
        "publisher": PUBLISHER,
        "address": PLACE,
        "year": str(YEAR),
        "series": "Collection ``Foundations''",
        "number": "1",
        "isbn": ISBN,
        "pages": _pages(target, prefix=False, dash="--"),
        "note": note,
    }
    lines = [f"@book{{stalin{YEAR}foundations:{key},"]
    lines += [f"  {name:<9} = {{{value}}}," for name, value in fields.items()]
    entry = "\n".join(lines + ["}"])
    return Markdown(entry, f"```bibtex\n{entry}\n```")


_STYLES = {
    "default": _default,
    "chicago": _chicago,
    "mla": _mla,
    "bibtex": _bibtex,
    "locator": _locator,
}


def describe() -> Markdown:
    """The description card of the source: edition, licence, translation, cleaning, counts.

    The card is Markdown: JupyterLab renders it; ``print`` shows its text.

    >>> print(describe().splitlines()[0])
    # The Foundations of Leninism — source card
    """
    card = read_data_file("DESCR.md")
    b = book()
    counts = {
        "n_chapters": len(b.chapters),
        "n_sections": sum(s.section > 0 for s in b.sections),
        "n_paragraphs": len(b.paragraphs),
        "n_footnotes": len(b.footnotes),
        "n_author_notes": sum(f.by_author for f in b.footnotes),
        "n_citations": len(b.citations),
        "n_quotations": len(b.quotations),
        "n_hyphens": len(b.hyphenations),
        "n_kept_hyphens": sum(h.kept_hyphen for h in b.hyphenations),
        "first_page": b.chapters[0].first_page,
        "last_page": b.paragraphs[-1].page_end,
    }
    chapter_table = chapters()
    counts["n_words"] = int(chapter_table["n_words"].sum())
    counts["n_citation_words"] = int(chapter_table["n_citation_words"].sum())
    counts["n_block"] = sum(q.form == "block" for q in b.quotations)
    counts["n_inline"] = len(b.quotations) - counts["n_block"]
    return Markdown(card.format(**counts))
