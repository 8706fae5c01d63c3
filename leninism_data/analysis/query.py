r"""Turn what a reader types into a search pattern, and search with it safely.

Two kinds of query are understood:

Plain queries (the default)
    The text is searched for as written, except that

    - a run of spaces matches any run of whitespace, so a phrase is found even
      where the book breaks it across lines;
    - ``*`` stands for any number of letters or digits (``proletar*`` finds
      *proletariat*, *proletarian*, *proletarians*), and a ``*`` standing alone
      for any one word (``dictatorship of the *``);
    - ``?`` stands for exactly one letter or digit (``wom?n``);
    - a straight apostrophe ``'`` also matches the book's typographic ``’``;
    - a backslash makes the next character literal: ``\*``, ``\?``.

Regular expressions (``regex=True``)
    Compiled as given with the third-party `regex` module (a superset of the
    standard library's `re`).

Whole words (``whole_word=True``, the default) follow these rules, chosen for
this book, in which ’ serves both as apostrophe and as closing quote:

- letters or digits right before or after a match rule it out: *Lenin* does
  not match inside *Leninism*, nor *Party* inside *Partyism*;
- a possessive ’s may follow: *Lenin* matches the *Lenin* of *Lenin’s*, and
  *workers* that of *workers’*. Search for ``Lenin’s`` (or ``Lenin's``) to
  find only the possessive; a contraction is one word (*let* is not in *Let’s*);
- a match never begins just after an apostrophe inside a word, so *s*
  does not match the *s* of *Lenin’s* (nor *etat* in *coup d’etat*);
- a hyphenated compound is one word: *Party* does not match inside *non-Party*
  nor *state* inside *state-regulated*; search for the compound (``non-Party``).

These are the words that every count of the package counts
(:mod:`leninism_data.corpus.words`), so a search finds what a frequency counts.

Plain queries only check a boundary at an edge that is a letter, digit or
wildcard, so ``’s`` finds every possessive ending. A regular expression gets
both boundaries whatever its edges; turn ``whole_word`` off for patterns that
begin or end with punctuation.

Searching a regular expression can take astronomically long on some patterns
(catastrophic backtracking, as with ``(a|aa)+$``). `match_spans` stops such a
search after ``timeout`` seconds (one limit for the whole text, however many
matches it finds) and raises `QueryTimeout`.

Building the pattern is bounded before it starts: `compile_query` refuses a query
longer than `MAX_QUERY_LENGTH` characters, groups nested deeper than
`MAX_GROUP_DEPTH`, and counted repetitions (``x{1000}``) that multiply to more than
`MAX_REPETITION`, each with a `QueryError` saying so. Within those limits a pattern
compiles in milliseconds (``benchmarks/bench_notes.py`` measures the worst cases), so
compiling and matching together stay within about a second.
"""

from __future__ import annotations

import regex as _regex
from regex import Match, Pattern

from leninism_data.corpus.arguments import check_bool, check_number, check_text
from leninism_data.corpus.words import WORD_END as _WORDS_END
from leninism_data.corpus.words import WORD_START as _WORDS_START

__all__ = [
    "MAX_GROUP_DEPTH",
    "MAX_QUERY_LENGTH",
    "MAX_REPETITION",
    "QueryError",
    "QueryTimeout",
    "compile_query",
    "match_spans",
    "wildcard_to_regex",
]

APOSTROPHES = "'’ʼ"
"""Characters treated as apostrophes: straight, typographic (U+2019), modifier letter."""

# The edges of a word as every count defines it (leninism_data.corpus.words), so that
# search, kwic and the frequency functions count the same words.
WORD_START = _WORDS_START
"""Regex assertion: a word of :mod:`leninism_data.corpus.words` may begin here."""

WORD_END = _WORDS_END
"""Regex assertion: a word may end here (a possessive ’s may follow)."""

EMPTY_QUERY_MESSAGE = "The query is empty: type a word or phrase to search for."

MAX_QUERY_LENGTH = 500
"""Longest query accepted, in characters (a long sentence; a paragraph is searched with
:func:`leninism_data.similar_passages` instead)."""

MAX_GROUP_DEPTH = 30
"""Deepest nesting of brackets accepted in a regular expression."""

MAX_REPETITION = 10_000
"""Largest product of nested counted repetitions (``(?:x{100}){100}`` is 10,000)."""

# In a regular expression: an escape, a character class, a bracket, or a counted repetition.
_STRUCTURE = _regex.compile(
    r"\\.|\[\^?\]?(?:\\.|[^\]])*\]|(?P<open>\()|(?P<close>\))"
    r"|\{(?P<low>\d*)(?:,(?P<high>\d*))?\}|.",
    _regex.DOTALL,
)

# Leading global flags such as "(?i)" or "(?x)" must stay at the very start
# of a pattern once it is wrapped in word boundaries.
_LEADING_FLAGS = _regex.compile(r"(?:\(\?[a-zA-Z01]+\))*")

# One piece of a plain query: an escaped character, a whitespace run, a run
# of stars, a question mark, an apostrophe, or any other single character.
_PLAIN_PIECE = _regex.compile(
    rf"\\(?P<escaped>.)|(?P<space>\s+)|(?P<stars>\*+)|(?P<one>\?)"
    rf"|(?P<apostrophe>[{APOSTROPHES}])|(?P<char>.)",
    _regex.DOTALL,
)
_WORD_CHARACTER = _regex.compile(r"\w")


class QueryError(ValueError):
    """A query that cannot be searched for, with a message written for learners.

    Parameters
    ----------
    message : str
        What is wrong and how to put it right.
    query : str, optional
        The query as typed.
    position : int, optional
        Index in ``query`` where the problem was found, if known.
    """

    def __init__(self, message: str, *, query: str | None = None, position: int | None = None):
        super().__init__(message)
        self.query = query
        self.position = position


class QueryTimeout(QueryError, TimeoutError):
    """A search that ran out of time, typically because of catastrophic backtracking.

    It is both a `QueryError` (so one ``except QueryError`` handles every bad
    query) and a built-in `TimeoutError`.

    Parameters
    ----------
    seconds : float
        The time limit that was exceeded.
    """

    def __init__(self, seconds: float):
        super().__init__(
            f"The pattern took longer than {seconds:g} s to search the text and was stopped. "
            "Simplify it: avoid nested or overlapping repetition such as (a+)+ or (a|aa)+, "
            "which makes the search try an enormous number of ways to match."
        )
        self.seconds = seconds


def wildcard_to_regex(query: str, *, whole_word: bool = True) -> str:
    r"""Translate a plain query with ``*`` and ``?`` wildcards into regex source.

    Parameters
    ----------
    query : str
        The query as typed; leading and trailing whitespace is ignored.
    whole_word : bool, default True
        Add the word-boundary assertions `WORD_START` / `WORD_END` at each
        edge of the query that is a letter, digit or wildcard.

    Returns
    -------
    str
        Source for `regex.compile`.

    Raises
    ------
    QueryError
        If the query is empty or only whitespace.

    Notes
    -----
    ========================  ================================  =============
    in the query              matches                           regex
    ========================  ================================  =============
    ``*`` inside a word       any number of letters or digits   ``\w*``
    ``*`` standing alone      any one word                      ``\w+``
    ``?``                     one letter or digit               ``\w``
    whitespace                any run of whitespace             ``\s+``
    ``'``, ``’`` or ``ʼ``     any of these apostrophes          ``['’ʼ]``
    ``\`` + character         that character literally
    anything else             itself                            escaped
    ========================  ================================  =============

    Examples
    --------
    >>> wildcard_to_regex("proletar*", whole_word=False)
    'proletar\\w*'
    >>> wildcard_to_regex("dictatorship of the *", whole_word=False)
    'dictatorship\\s+of\\s+the\\s+\\w+'
    >>> wildcard_to_regex("Lenin's", whole_word=False)
    "Lenin['’ʼ]s"
    """
    text = _checked_query(query).strip()
    pieces = list(_PLAIN_PIECE.finditer(text))
    parts: list[str] = []
    for i, piece in enumerate(pieces):
        kind = piece.lastgroup
        if kind == "stars":
            stands_alone = (i == 0 or pieces[i - 1].lastgroup == "space") and (
                i == len(pieces) - 1 or pieces[i + 1].lastgroup == "space"
            )
            parts.append(r"\w+" if stands_alone else r"\w*")
        elif kind == "one":
            parts.append(r"\w")
        elif kind == "space":
            parts.append(r"\s+")
        elif kind == "apostrophe":
            parts.append(f"[{APOSTROPHES}]")
        else:
            parts.append(_regex.escape(piece.group(kind)))
    source = "".join(parts)
    if whole_word:
        if _is_wordlike(pieces[0]):
            source = WORD_START + source
        if _is_wordlike(pieces[-1]):
            source = source + WORD_END
    return source


def _is_wordlike(piece: Match[str]) -> bool:
    """True for a wildcard or a letter or digit: a query edge that needs a boundary."""
    kind = piece.lastgroup
    if kind in ("stars", "one"):
        return True
    return kind in ("char", "escaped") and bool(_WORD_CHARACTER.fullmatch(piece.group(kind)))


def compile_query(
    query: str, *, regex: bool = False, whole_word: bool = True, case: bool = False
) -> Pattern[str]:
    r"""Compile what a reader typed into a pattern, with errors a learner can act on.

    Parameters
    ----------
    query : str
        A plain query with optional ``*`` / ``?`` wildcards, or a regular
        expression if ``regex`` is true. See the module description.
    regex : bool, default False
        Treat ``query`` as a regular expression (`regex` module syntax).
    whole_word : bool, default True
        Match whole words only (see the module description for how
        apostrophes and hyphens are handled).
    case : bool, default False
        Match upper and lower case exactly; by default case is ignored.

    Returns
    -------
    regex.Pattern
        The compiled pattern. Search with it through `match_spans` to stay
        safe from runaway patterns.

    Raises
    ------
    QueryError
        If the query is empty, or if it is a regular expression that is not
        valid; the message then names the problem and shows where it is, and
        ``position`` holds its index in the query.

    Examples
    --------
    >>> pattern = compile_query("proletar*")
    >>> pattern.findall("The proletarians and the proletariat; proletarisation.")
    ['proletarians', 'proletariat', 'proletarisation']
    >>> compile_query("Lenin").findall("Lenin’s Leninism, as Lenin said")
    ['Lenin', 'Lenin']
    >>> compile_query(r"dictatorships?\b", regex=True).findall("Dictatorship, dictatorships")
    ['Dictatorship', 'dictatorships']
    >>> try:
    ...     compile_query("   ")
    ... except QueryError as error:
    ...     print(error)
    The query is empty: type a word or phrase to search for.
    """
    _checked_query(query)
    regex, whole_word, case = (
        check_bool("regex", regex),
        check_bool("whole_word", whole_word),
        check_bool("case", case),
    )
    flags = 0 if case else _regex.IGNORECASE
    if not regex:
        return _regex.compile(wildcard_to_regex(query, whole_word=whole_word), flags)
    _check_structure(query)
    # Compile the expression alone first, so error positions refer to what was typed.
    pattern = _compile_regex(query, query, flags)
    if not whole_word:
        return pattern
    prefix = _LEADING_FLAGS.match(query)
    flag_prefix = "" if prefix is None else prefix.group()
    body = query[len(flag_prefix) :]
    # A trailing "# comment" in verbose mode would swallow the closing bracket.
    closing = "\n)" if pattern.flags & _regex.VERBOSE else ")"
    wrapped = f"{flag_prefix}{WORD_START}(?:{body}{closing}{WORD_END}"
    return _compile_regex(wrapped, query, flags)


def _checked_query(query: object) -> str:
    """The query, if it is a string that is neither empty nor too long."""
    check_text("query", query)
    assert isinstance(query, str)
    if not query.strip():
        raise QueryError(EMPTY_QUERY_MESSAGE, query=query)
    if len(query) > MAX_QUERY_LENGTH:
        raise QueryError(
            f"The query is {len(query):,} characters long; the limit is {MAX_QUERY_LENGTH}. "
            "Search for a shorter phrase (to find passages like a whole paragraph, use "
            "similar_passages).",
            query=query[:MAX_QUERY_LENGTH],
        )
    return query


def _check_structure(query: str) -> None:
    """Refuse brackets nested too deep and counted repetitions that multiply too far."""
    # For each open bracket, the largest repetition product found inside it so far.
    inside: list[int] = [1]
    last_atom = 1  # the product carried by the item a following {m,n} repeats
    for piece in _STRUCTURE.finditer(query):
        if piece["open"]:
            inside.append(1)
            if len(inside) > MAX_GROUP_DEPTH + 1:
                raise QueryError(
                    f"The regular expression nests brackets more than {MAX_GROUP_DEPTH} deep "
                    f"(at position {piece.start()}); simplify it.",
                    query=query,
                    position=piece.start(),
                )
        elif piece["close"]:
            last_atom = inside.pop() if len(inside) > 1 else 1
            inside[-1] = max(inside[-1], last_atom)
        elif piece["low"] is not None and (piece["low"] or piece["high"]):
            count = max(int(piece["low"] or 0), int(piece["high"] or 0))
            last_atom *= max(count, 1)
            inside[-1] = max(inside[-1], last_atom)
            if last_atom > MAX_REPETITION:
                raise QueryError(
                    f"The regular expression repeats too much (at position {piece.start()}): "
                    f"counted repetitions such as {{1000}} may multiply to at most "
                    f"{MAX_REPETITION:,}.",
                    query=query,
                    position=piece.start(),
                )
        else:
            last_atom = 1


def _compile_regex(source: str, query: str, flags: int) -> Pattern[str]:
    try:
        return _regex.compile(source, flags)
    except _regex.error as error:
        raise _invalid_regex_error(query, error) from None
    except (RecursionError, OverflowError, MemoryError, ValueError) as error:
        raise QueryError(
            f"The regular expression is too complex to search with ({type(error).__name__}); "
            "simplify it.",
            query=query,
        ) from None


def _invalid_regex_error(query: str, error: _regex.error) -> QueryError:
    """Explain an invalid regular expression, pointing at the problem."""
    message = f"The regular expression is not valid: {error.msg}"
    if error.pos is not None:
        message += f" at position {error.pos}.\n    {query}\n    {' ' * error.pos}^"
    else:
        message += "."
    message += (
        "\nCheck that every bracket is closed and that the special characters "
        r". ^ $ * + ? ( ) [ ] { } | \ are escaped with a backslash when meant "
        "literally, or turn regular expressions off (regex=False) to search for "
        "the text as written."
    )
    return QueryError(message, query=query, position=error.pos)


def match_spans(pattern: Pattern[str], text: str, timeout: float = 1.0) -> list[tuple[int, int]]:
    """``(start, end)`` of every non-empty match, within a time limit.

    Parameters
    ----------
    pattern : regex.Pattern
        A pattern from `compile_query` (or any `regex` module pattern).
    text : str
        The text to search.
    timeout : float, default 1.0
        Seconds of matching time allowed for the whole text (the `regex`
        module counts them over the whole iteration).

    Returns
    -------
    list of (int, int)
        Character offsets, ``text[start:end]`` being the matched text, in
        order and not overlapping. Empty matches, which a regular expression
        such as ``x*`` finds everywhere, have nothing to highlight and are
        left out.

    Raises
    ------
    QueryTimeout
        If the search exceeds the limit.

    Examples
    --------
    >>> text = "Lenin’s teaching: Leninism."
    >>> spans = match_spans(compile_query("lenin*"), text)
    >>> spans, [text[start:end] for start, end in spans]
    ([(0, 5), (18, 26)], ['Lenin', 'Leninism'])
    """
    timeout = check_number("timeout", timeout, 0.001, 60)
    try:
        return [
            match.span()
            for match in pattern.finditer(text, timeout=timeout)
            if match.end() > match.start()
        ]
    except TimeoutError:
        raise QueryTimeout(timeout) from None
