"""Study helpers the notebooks call in one line: show passages, sum up a chapter, check.

:func:`show` displays paragraphs of the book as a handout does — each with its citable id,
printed page(s), who is quoted, footnote markers where they stand, then its footnotes and
the references it makes. :func:`glance` gives a chapter's vital statistics (charts are the
SVG charts of :mod:`leninism_data.widgets`). :func:`check` compares
a student's answer with the value the tables give and prints friendly feedback; a wrong
type is feedback too, never a traceback.

Examples
--------
>>> import leninism_data as ld
>>> ld.show("IV.27")
Passages('IV.27')
>>> ld.check({"I.1", "I.2"}, {"I.2", "I.1"})
Correct.
>>> ld.check("Leninism", "Lenin")  # doctest: +NORMALIZE_WHITESPACE
Not quite: you answered 'Leninism', which is not the expected word or phrase.
Look at the hint, then try again.
"""

from __future__ import annotations

import math
from collections.abc import Set
from dataclasses import dataclass
from typing import Any

import pandas as pd

from leninism_data.corpus.naming import ChapterLike, resolve_chapter
from leninism_data.seminar.handouts import _Passage, _passage_html
from leninism_data.tables.build import chapters, citations
from leninism_data.tables.citing import find_paragraph

__all__ = ["Passages", "check", "glance", "show"]

#: How close a float answer must be to the expected value to count as right.
TOLERANCE = 0.005

#: The rules of the handouts' style sheet that passages need, compact: a notebook stores
#: them with every ``show()`` output.
CSS = (
    ".ld-handout{font-family:Georgia,serif;line-height:1.5;max-width:44em}"
    ".ld-handout h3{font-size:1em;margin:1em 0 .2em}"
    ".ld-handout .ld-where{font-weight:normal;color:#555}"
    ".ld-handout blockquote.ld-text{margin:.2em 0 .2em 2em}"
    ".ld-handout sup.ld-fn{font-size:.7em;font-weight:bold}"
    ".ld-handout .ld-page{font-size:.75em;color:#666}"
    ".ld-handout .ld-footnotes,.ld-handout .ld-references{margin:.3em 0 .3em 1em;"
    "padding-left:.8em;border-left:2px solid #ccc;font-size:.85em}"
    ".ld-handout .ld-footnotes p,.ld-handout .ld-references p{margin:.15em 0}"
)


@dataclass(frozen=True)
class Passages:
    """Paragraphs of the book ready to display: HTML in a notebook, plain text elsewhere.

    Made by :func:`show`. Everything taken from the book is escaped in the HTML.

    Attributes
    ----------
    paragraph_ids : tuple of str
        The paragraphs shown, in the order given.
    html : str
        The passages as an HTML fragment (one ``<div class="ld-handout">``).
    text : str
        The passages as plain text: id and pages, the text, its footnotes.
    """

    paragraph_ids: tuple[str, ...]
    html: str
    text: str

    def _repr_html_(self) -> str:
        return f"<style>{CSS}</style>\n{self.html}"

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"Passages({', '.join(repr(pid) for pid in self.paragraph_ids)})"


def show(*paragraph_ids: str) -> Passages:
    """Show paragraphs of the book by id, with pages, footnotes and references.

    Parameters
    ----------
    *paragraph_ids : str
        Paragraph ids such as ``"IV.27"`` or ``"Intro.3"``, shown in this order.

    Returns
    -------
    Passages
        Displays itself as HTML in a notebook (the last line of a cell); ``str()`` gives
        the plain text.

    Raises
    ------
    TypeError
        If an id is not a string (or none is given).
    leninism_data.UnknownParagraphError
        For an id the book does not have (the message suggests close ones).

    Examples
    --------
    >>> passages = show("I.30")
    >>> print(passages.text.splitlines()[0])
    ¶ I.30 · p. 10 · block quotation (Lenin)
    >>> [line[:41] for line in passages.text.splitlines() if line.startswith("Footnote")]
    ['Footnote 3: The reference here, as in oth']
    >>> "Lenin, Works (3rd Russian ed.), Vol. 4, p. 382" in passages.html
    True
    >>> show("IV.99")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    leninism_data.corpus.naming.UnknownAnchorError: 'IV.99' is not a paragraph ... 'IV.49'?
    """
    if not paragraph_ids:
        raise TypeError('show() needs at least one paragraph id, e.g. show("IV.27").')
    for pid in paragraph_ids:
        if not isinstance(pid, str):
            raise TypeError(
                f"paragraph ids are strings such as 'IV.27', not {type(pid).__name__} {pid!r}."
            )
        find_paragraph(pid)
    passages = [_Passage.of(pid, {}) for pid in paragraph_ids]
    body = "\n".join(_passage_html(p) for p in passages)
    return Passages(
        paragraph_ids=tuple(paragraph_ids),
        html=f'<div class="ld-handout">\n{body}\n</div>',
        text="\n\n".join(_passage_text(p) for p in passages),
    )


def _passage_text(passage: _Passage) -> str:
    quoted = f" · block quotation ({passage.speaker})" if passage.kind == "quotation" else ""
    lines = [f"¶ {passage.paragraph_id} · {passage.pages}{quoted}"]
    lines.append("".join(piece for piece, _ in passage.pieces))
    lines += [f"Footnote {n}: {text}" for n, text in passage.footnotes]
    return "\n".join(lines)


def glance(chapter: ChapterLike) -> pd.DataFrame:
    """A chapter's vital statistics: pages, length, notes, references and quotations.

    Parameters
    ----------
    chapter : int or str
        ``4``, ``"IV"``, ``"Introduction"`` …

    Returns
    -------
    pandas.DataFrame
        One column, named after the chapter, one row per statistic; shares are formatted
        as percentages. "Quoted" means the words inside quotations, block or inline.

    Examples
    --------
    >>> table = glance("IV")
    >>> table.columns[0]
    'Chapter IV: The Dictatorship of the Proletariat'
    >>> column = table.iloc[:, 0]
    >>> column["printed pages"], int(column["numbered sections"]), column["  of which to Lenin"]
    ('35–46', 3, 16)
    """
    number = resolve_chapter(chapter)
    book = chapters()
    row = book.set_index("chapter").loc[number]
    cites = citations().query("chapter == @number")
    stats = pd.Series(
        {
            "printed pages": f"{row.first_page}–{row.last_page}",
            "numbered sections": row.n_sections,
            "paragraphs": row.n_paragraphs,
            "words": row.n_words,
            "share of the book's words": f"{row.n_words / book.n_words.sum():.1%}",
            "footnotes": row.n_footnotes,
            "in-text references (citations)": len(cites),
            "  of which to Lenin": int((cites.author == "Lenin").sum()),
            "quotations (block and inline)": row.n_quotations,
            "words inside quotations": row.n_quoted_words,
            "share of the chapter that is quoted": f"{row.n_quoted_words / row.n_words:.1%}",
        },
        name=f"{row.heading}: {row.title}",
    )
    return stats.to_frame()


def check(answer: Any, expected: Any) -> None:
    """Print whether an exercise's answer equals the value computed from the tables.

    Text is compared as a whole word or phrase, ignoring case, surrounding spaces and
    quotes (``"Lenin"`` is right for ``"lenin"``, wrong for ``"Leninism"``); sets ignore
    order; lists and tuples keep it; floats may differ by :data:`TOLERANCE`; tables are
    compared by value, ignoring their index and dtypes. An answer of the wrong type gets
    a message saying what was expected.

    Parameters
    ----------
    answer : object
        What the student computed (``None`` means not answered yet).
    expected : object
        The model answer.

    Examples
    --------
    >>> check(None, 3)
    Not answered yet: replace None with your code, run the cell, then this one.
    >>> check(" Marx and Engels ", "marx and engels")
    Correct.
    >>> check("3", 3)
    Not quite: expected a number, you gave str '3'. Look at the hint, then try again.
    >>> check(["IV.1", "IV.3"], ["IV.1", "IV.2", "IV.3"])
    Not quite: expected 3 items in this order, you gave 2. Look at the hint, then try again.
    >>> check(0.314, 0.31)
    Correct.
    """
    if answer is None:
        print("Not answered yet: replace None with your code, run the cell, then this one.")
        return
    problem = _difference(answer, expected)
    if problem:
        print(f"Not quite: {problem}. Look at the hint, then try again.")
    else:
        print("Correct.")


def _difference(answer: Any, expected: Any) -> str:
    """Why ``answer`` is not ``expected`` (empty if it is)."""
    if isinstance(expected, str):
        if not isinstance(answer, str):
            return f"expected text (a str), you gave {_typed(answer)}"
        if _words(answer) != _words(expected):
            return f"you answered {answer!r}, which is not the expected word or phrase"
        return ""
    if isinstance(expected, pd.DataFrame | pd.Series):
        return _table_difference(answer, expected)
    if isinstance(expected, Set):
        if isinstance(answer, str) or not _iterable(answer):
            return f"expected a collection of {len(expected)} items, you gave {_typed(answer)}"
        given = set(answer)
        if given == set(expected):
            return ""
        return (
            f"expected {len(expected)} items, you gave {len(given)}; "
            f"missing {len(set(expected) - given)}, extra {len(given - set(expected))}"
        )
    if isinstance(expected, list | tuple):
        if isinstance(answer, str) or not _iterable(answer):
            return f"expected a list of {len(expected)} items, you gave {_typed(answer)}"
        given_list = list(answer)
        if given_list == list(expected):
            return ""
        if len(given_list) != len(expected):
            return f"expected {len(expected)} items in this order, you gave {len(given_list)}"
        return "the items are not the expected ones, or not in the expected order"
    if isinstance(expected, bool):
        if not isinstance(answer, bool):
            return f"expected True or False, you gave {_typed(answer)}"
        return "" if answer == expected else "the value is not the expected one"
    if isinstance(expected, int | float):
        if isinstance(answer, bool) or not _is_number(answer):
            return f"expected a number, you gave {_typed(answer)}"
        if isinstance(expected, float):
            close = math.isclose(float(answer), expected, abs_tol=TOLERANCE)
            return "" if close else "the value is not the expected one"
        return "" if answer == expected else "the value is not the expected one"
    try:
        same = bool(answer == expected)
    except (TypeError, ValueError):
        same = False
    return "" if same else f"expected {type(expected).__name__}, you gave {_typed(answer)}"


def _table_difference(answer: Any, expected: pd.DataFrame | pd.Series) -> str:
    kind = type(expected).__name__
    if not isinstance(answer, type(expected)):
        return f"expected a pandas {kind}, you gave {_typed(answer)}"
    if answer.shape != expected.shape:
        return f"expected a {kind} of shape {expected.shape}, you gave one of {answer.shape}"
    try:
        if isinstance(expected, pd.DataFrame):
            pd.testing.assert_frame_equal(
                answer.reset_index(drop=True),
                expected.reset_index(drop=True),
                check_dtype=False,
            )
        else:
            pd.testing.assert_series_equal(answer, expected, check_dtype=False, check_names=False)
    except AssertionError as difference:
        first = str(difference).strip().splitlines()[0]
        return first or f"the {kind} holds other values"
    return ""


def _words(text: str) -> str:
    """Text normalised for comparing answers: case, spaces and surrounding quotes ignored."""
    return " ".join(text.casefold().strip(" \t\n\"'“”‘’.").split())


def _iterable(value: Any) -> bool:
    try:
        iter(value)
    except TypeError:
        return False
    return True


def _is_number(value: Any) -> bool:
    try:
        return not math.isnan(float(value)) and not isinstance(value, str)
    except (TypeError, ValueError):
        return False


def _typed(value: Any) -> str:
    shown = repr(value)
    shown = shown if len(shown) <= 40 else shown[:37] + "..."
    return f"{type(value).__name__} {shown}"
