"""Words and sentences: the one definition of a word used for every count.

A **word** is a maximal run of letters or digits, possibly joined by internal hyphens or
apostrophes: "petty-bourgeois", "Lenin’s", "1921-22" and "J" (of "J. St.") are one word
each; dashes, quotation marks and other punctuation separate words. Every ``n_words`` in
the package counts words so defined (:func:`count_words`).

A **sentence** ends at ".", "?", "!" or "…" (with any closing quotation marks or
brackets) followed by a space and a capital letter, a digit or an opening quotation mark,
except after the abbreviations this book uses (Vol., p., pp., i.e., e.g., ed., Russ., St.,
Mr., Co., No., Nos., viz., and initials such as "J." and "V. I."). A reference in
parentheses after a quotation ("… masses.” (See Vol. XXV, p. 200.)") stays with the
sentence it documents.
"""

from __future__ import annotations

import re

WORD = re.compile(r"[^\W_]+(?:[-’'][^\W_]+)*")
ABBREVIATIONS = frozenset(
    {
        "vol",
        "p",
        "pp",
        "i.e",
        "e.g",
        "ed",
        "russ",
        "st",
        "mr",
        "co",
        "no",
        "nos",
        "viz",
        "cf",
        "ibid",
    }
)
SENTENCE_END = re.compile(r"[.?!…]+[”’)\]]*(?=\s+[“‘\"]?[A-Z0-9])")


def words(text: str) -> list[str]:
    """The words of ``text``.

    >>> words("the petty-bourgeois “orthodox”—Kautsky and Lenin’s Works, 1921-22.")
    ['the', 'petty-bourgeois', 'orthodox', 'Kautsky', 'and', 'Lenin’s', 'Works', '1921-22']
    """
    return WORD.findall(text)


def count_words(text: str) -> int:
    """Number of words in ``text`` (see :func:`words`).

    >>> count_words("Leninism is Marxism of the era of imperialism.")
    8
    """
    return len(WORD.findall(text))


def term(word: str) -> str:
    """The form a word is counted under: lower case, possessive ’s removed.

    >>> term("Lenin’s"), term("Proletariat")
    ('lenin', 'proletariat')
    """
    lower = word.lower()
    return lower[:-2] if lower.endswith(("’s", "'s")) else lower


def _abbreviation_before(text: str, end: int) -> bool:
    """Does the period ending at ``end`` close an abbreviation or an initial?"""
    word = text[text.rfind(" ", 0, end) + 1 : end - 1].lstrip("(“‘")
    initials = word.split(".")
    return word.lower() in ABBREVIATIONS or all(len(i) == 1 and i.isupper() for i in initials)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Start and end offsets of the sentences of a paragraph.

    >>> text = "Lenin replies (see Vol. IV, p. 380.) in 1902. J. V. Stalin agreed. Why?"
    >>> [text[a:b] for a, b in sentence_spans(text)]
    ['Lenin replies (see Vol. IV, p. 380.) in 1902.', 'J. V. Stalin agreed.', 'Why?']
    """
    spans, start = [], 0
    for match in SENTENCE_END.finditer(text):
        end = match.end()
        if (
            text[match.start()] == "."
            and match.group(0).rstrip("”’)]") == "."
            and _abbreviation_before(text, match.start() + 1)
        ):
            continue
        if text.count("(", start, end) > text.count(")", start, end):
            continue  # inside a parenthesis
        spans.append((start, end))
        start = end
        while start < len(text) and text[start] == " ":
            start += 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans
