"""The English stopword list shipped with the package, and how to change it.

The list lives in ``leninism_data/data/stopwords_en.txt``: function words only
(articles, pronouns, auxiliaries, prepositions, conjunctions, common adverbs and
contractions); the file's header explains the choices. Content words that carry
the book's argument, such as "party", "class", "masses", "revolution", "state"
or "one" (as in "one country"), are deliberately not stopwords.

Entries are lower case; compare them with lower-cased tokens. A word written
with the typographic apostrophe ’, as the book prints it, also covers its
spelling with the straight apostrophe ', and the other way round.

Examples
--------
>>> "the" in STOPWORDS, "party" in STOPWORDS
(True, False)
>>> "don’t" in STOPWORDS and "don't" in STOPWORDS
True
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from leninism_data.corpus.source import read_data_file

__all__ = ["STOPWORDS", "STOPWORDS_FILE", "load_stopwords", "parse_stopwords"]

STOPWORDS_FILE: Traversable = files("leninism_data") / "data" / "stopwords_en.txt"
"""The shipped list; read it with ``STOPWORDS_FILE.read_text(encoding="utf-8")``."""

_APOSTROPHE_SPELLINGS = ("’", "'")


def _spellings(word: str) -> set[str]:
    """``word`` lower-cased, with each apostrophe written both ways."""
    word = word.strip().lower()
    return {word} | {
        word.replace(other, apostrophe)
        for apostrophe in _APOSTROPHE_SPELLINGS
        for other in _APOSTROPHE_SPELLINGS
    }


def parse_stopwords(text: str) -> frozenset[str]:
    """Read stopwords from the text of a list in the shipped file's format.

    Parameters
    ----------
    text : str
        One word per line; blank lines and everything after ``#`` are ignored.

    Returns
    -------
    frozenset of str
        The words in lower case, each apostrophe spelled both ’ and '.

    Examples
    --------
    >>> sorted(parse_stopwords("# my list\\nThe\\n\\nwon’t  # contraction\\n"))
    ['the', "won't", 'won’t']
    """
    words: set[str] = set()
    for line in text.splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words |= _spellings(word)
    return frozenset(words)


def load_stopwords(
    path: str | os.PathLike[str] | Traversable | None = None,
    *,
    extra: Iterable[str] = (),
    remove: Iterable[str] = (),
) -> frozenset[str]:
    """Load a stopword list, optionally adding and removing words.

    Parameters
    ----------
    path : str, os.PathLike or Traversable, optional
        A UTF-8 text file in the format of the shipped list (see
        `parse_stopwords`). By default the shipped list, `STOPWORDS_FILE`.
    extra : Iterable[str], default ()
        Words to add.
    remove : Iterable[str], default ()
        Words to take out (whichever apostrophe they are written with).

    Returns
    -------
    frozenset of str
        The stopwords, lower case.

    Examples
    --------
    Keep the first person plural, which matters in a speech to the Party, and
    add a Latin abbreviation:

    >>> mine = load_stopwords(extra=["viz"], remove=["we", "us", "our"])
    >>> "we" in mine, "viz" in mine, "the" in mine
    (False, True, True)

    To edit the list itself, copy it, change the copy and load that:

    >>> from pathlib import Path
    >>> import tempfile
    >>> copy = Path(tempfile.mkdtemp()) / "my_stopwords.txt"
    >>> _ = copy.write_text(STOPWORDS_FILE.read_text(encoding="utf-8") + "viz\\n",
    ...                     encoding="utf-8")
    >>> "viz" in load_stopwords(copy)
    True
    """
    extra, remove = check_words("extra", extra), check_words("remove", remove)
    if path is None:
        text = read_data_file("stopwords_en.txt")  # verified: keyness depends on it
    else:
        if not isinstance(path, (str, os.PathLike, Traversable)):
            raise TypeError(f"path must be the path of a text file, not {type(path).__name__}.")
        source = path if isinstance(path, Traversable) else Path(path)
        try:
            text = source.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            reason = error.strerror if isinstance(error, OSError) else "it is not UTF-8 text"
            raise ValueError(
                f"cannot read the stopword list {source}: {reason or error}."
            ) from None
    words = set(parse_stopwords(text))
    for word in extra:
        words |= _spellings(word)
    for word in remove:
        words -= _spellings(word)
    words.discard("")
    return frozenset(words)


def check_words(name: str, words: object) -> list[str]:
    """``words`` as a list of strings (a single string is one word), or a TypeError."""
    if isinstance(words, str):
        return [words]
    if not isinstance(words, Iterable) or isinstance(words, (bytes, dict)):
        raise TypeError(f"{name} must be a list of words, not {type(words).__name__}.")
    listed = list(words)
    for word in listed:
        if not isinstance(word, str):
            raise TypeError(f"{name} must hold words (strings), not {type(word).__name__}.")
    return listed


STOPWORDS: frozenset[str] = load_stopwords()
"""The shipped English stopword list (see the module description)."""
