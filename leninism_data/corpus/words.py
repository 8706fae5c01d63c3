"""Words and sentences: the one definition of a word used for every count and every match.

A **word** is a maximal run of letters or digits, possibly joined by internal hyphens or
apostrophes: "petty-bourgeois", "Lenin’s", "1921-22" and "J" (of "J. St.") are one word
each; dashes, quotation marks and other punctuation separate words. Two exceptions:

* the Latin abbreviations "i.e." and "e.g." are one word each (so they never yield the
  words "i", "e" and "g");
* the author's signature "-J. St." glued to the last word of an interpolation
  ("the Russian Marxists-J. St.") is not part of that word: "Marxists", "J", "St".

Every count in the package counts words so defined (:func:`words`, :func:`count_words`),
and every whole-word search matches them: :data:`WORD_START` and :data:`WORD_END` are the
edges of a word in this sense, so a search for "state" finds exactly the words counted as
"state". A hyphenated compound is one word: "state" is not found inside
"state-regulated", nor "Party" inside "non-Party" (search for the compound, or for
``state*``).

A word is counted under its **term** (:func:`term`): lower case, possessive ’s removed
("Lenin’s" → "lenin"), except in the contractions of :data:`CONTRACTIONS` ("Let’s" is
"let’s", i.e. "let us", not a possessive of "let").

A **sentence** ends at ".", "?", "!" or "…" (with any closing quotation marks or
brackets) followed by a space and a capital letter, a digit or an opening quotation mark,
except after the abbreviations this book uses (Vol., p., pp., i.e., e.g., ed., Russ., St.,
Mr., Co., No., Nos., viz., and initials such as "J." and "V. I.") — but a period that
closes a parenthesised reference ("… 1911 ed.) He wrote …") always ends the sentence. A
reference in parentheses after a quotation ("… masses.” (See Vol. XXV, p. 200.)") stays
with the sentence it documents.
"""

from __future__ import annotations

import re

WORD = re.compile(r"\b(?:i\.e|e\.g)\.|[^\W_]+(?:(?:-(?!J\. St\.)|[’'])[^\W_]+)*")
CONTRACTIONS = frozenset(
    f"{word}{apostrophe}s"
    for word in ("let", "it", "that", "there", "what", "who", "here", "he", "she")
    for apostrophe in "’'"
)
WORD_START = (
    r"(?<![^\W_])(?<![^\W_][’'])(?<![^\W_]-(?!J\. St\.))(?<!\bi\.(?=e\.))(?<!\be\.(?=g\.))"
)
"""Regex assertion: a word (see the module description) may begin here."""
WORD_END = (
    r"(?![^\W_])(?!-(?!J\. St\.)[^\W_])(?![’'](?![sS](?![^\W_]))[^\W_])"
    r"(?!(?<=\b[Ll]et|\b[Ii]t|\b[Tt]hat|\b[Tt]here|\b[Ww]hat|\b[Ww]ho|\b[Hh]ere|\b[Hh]e|\b[Ss]he)[’']s)"
    r"(?!(?<=\bi)\.e\.)(?!(?<=\be)\.g\.)"
)
"""Regex assertion: a word may end here (a possessive ’s may follow; it is not a word)."""
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
    >>> words("us (i.e., the Russian Marxists-J. St.) with")
    ['us', 'i.e.', 'the', 'Russian', 'Marxists', 'J', 'St', 'with']
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

    >>> term("Lenin’s"), term("Proletariat"), term("Let’s")
    ('lenin', 'proletariat', 'let’s')
    """
    lower = word.lower()
    if lower.endswith(("’s", "'s")) and lower not in CONTRACTIONS:
        return lower[:-2]
    return lower


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
            and not match.group(0).endswith(")")  # "… 1911 ed.) He wrote"
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
