"""Reading and citing: the clean running text, a ready-to-paste reference, the source card."""

from __future__ import annotations

import difflib

from leninism_data.corpus.book import book
from leninism_data.corpus.naming import ChapterLike, resolve_chapter
from leninism_data.corpus.source import read_data_file
from leninism_data.corpus.words import count_words

BOOK_TITLE = "J. V. Stalin, The Foundations of Leninism (1924), English translation"


class UnknownParagraphError(ValueError):
    """A paragraph id that is not in the book."""


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


def cite(paragraph_id: str) -> str:
    """A ready-to-paste reference to a paragraph: book, chapter, section, id, printed page.

    >>> cite("IV.27")
    'J. V. Stalin, The Foundations of Leninism (1924), English translation, Chapter IV “The Dictatorship of the Proletariat”, section 2 “The dictatorship of the proletariat as the rule of the proletariat over the bourgeoisie”, ¶ IV.27, p. 40.'
    """
    paragraph = find_paragraph(paragraph_id)
    b = book()
    chapter = b.chapters[paragraph.chapter]
    where = "Introduction" if chapter.chapter == 0 else f"{chapter.heading} “{chapter.title}”"
    if paragraph.section:
        title = next(
            s.title
            for s in b.sections
            if (s.chapter, s.section) == (paragraph.chapter, paragraph.section)
        )
        where += f", section {paragraph.section} “{title}”"
    pages = (
        f"p. {paragraph.page}"
        if paragraph.page == paragraph.page_end
        else f"pp. {paragraph.page}–{paragraph.page_end}"
    )
    return f"{BOOK_TITLE}, {where}, ¶ {paragraph.paragraph_id}, {pages}."


def describe() -> str:
    """The description card of the source: edition, translation, cleaning, counts.

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
        "n_citations": len(b.citations),
        "n_quotations": len(b.quotations),
        "n_hyphens": len(b.hyphenations),
        "n_kept_hyphens": sum(h.kept_hyphen for h in b.hyphenations),
        "first_page": b.chapters[0].first_page,
        "last_page": b.paragraphs[-1].page_end,
    }
    counts["n_words"] = sum(count_words(p.text) for p in b.paragraphs)
    return card.format(**counts)
