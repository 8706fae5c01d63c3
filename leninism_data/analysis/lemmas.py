"""Optional lemma matching: every inflected form of a word, with an offline lemmatiser.

``simplemma`` (offline, no downloads) gets most regular forms right on this book
(proletarians → proletarian, parties → party, were → be) but, working without context,
gets some of its key words wrong. Those are overridden here, decided from the book:
"masses" (the people) is not "masse", "peoples" (nations) is not "people", "tactics" is
not "tactic", "working class" is not "work".
"""

from __future__ import annotations

import functools

import pandas as pd
import regex

from leninism_data import tables

OVERRIDES = {
    "masses": "masses",
    "peoples": "peoples",
    "tactics": "tactics",
    "working": "working",
    "developed": "develop",
    "lay": "lay",
    "least": "least",
    "leading": "leading",
    "oppressed": "oppressed",
    "powers": "power",
    "mensheviks": "menshevik",
    "bolsheviks": "bolshevik",
}


@functools.cache
def lemma(term: str) -> str:
    """The lemma of a lower-case word.

    >>> lemma("proletarians"), lemma("parties"), lemma("masses"), lemma("were")
    ('proletarian', 'party', 'masses', 'be')
    """
    if term in OVERRIDES:
        return OVERRIDES[term]
    import simplemma

    return simplemma.lemmatize(term, lang="en").lower()


@functools.lru_cache(maxsize=1)
def _forms_by_lemma() -> dict[str, frozenset[str]]:
    forms: dict[str, set[str]] = {}
    for word in set(tables.tokens()["lower"]):
        forms.setdefault(lemma(word), set()).add(word)
    return {key: frozenset(value) for key, value in forms.items()}


def forms(word: str) -> list[str]:
    """Every form of ``word`` that occurs in the book.

    >>> forms("peasant")
    ['peasant', 'peasants']
    """
    return sorted(_forms_by_lemma().get(lemma(word.strip().lower()), {word.strip().lower()}))


def lemma_pattern(word: str) -> str:
    """A regular expression matching every form of one word (whole words).

    >>> lemma_pattern("class")
    '(?:class|classes)'
    """
    if not word.strip() or len(word.split()) > 1:
        from leninism_data.analysis.query import QueryError

        raise QueryError("Lemma matching takes a single word, e.g. 'peasant'.", query=word)
    return "(?:" + "|".join(regex.escape(form) for form in forms(word)) + ")"


def lemma_counts(counts: pd.Series) -> pd.Series:
    """Term counts summed under their lemmas (the index becomes lemmas).

    >>> lemma_counts(pd.Series({"soviet": 3, "soviets": 2, "party": 1})).to_dict()
    {'party': 1, 'soviet': 5}
    """
    return counts.groupby(counts.index.map(lemma)).sum()
