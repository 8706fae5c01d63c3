"""Check the arguments of the public functions, with messages written for learners.

Every public function of the package starts with one call per argument it must check,
so that a mistake gives a `TypeError` (wrong kind of value) or a `ValueError` (right
kind, wrong value) naming the argument and what it accepts, never an error from deep
inside pandas or NumPy. NumPy integers count as integers.

Examples
--------
>>> import numpy as np
>>> check_int("window", np.int64(5), 0, 50)
5
>>> check_int("window", 1.5, 0, 50)
Traceback (most recent call last):
...
TypeError: window must be a whole number from 0 to 50, not 1.5 (float).
"""

from __future__ import annotations

import math
import numbers
import operator
from collections.abc import Collection, Iterable
from typing import TypeVar

__all__ = [
    "check_bool",
    "check_choice",
    "check_int",
    "check_number",
    "check_text",
    "check_texts",
]

_Choice = TypeVar("_Choice")


def _shown(value: object) -> str:
    """``value`` as a message shows it: its repr, shortened, and its type."""
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{text} ({type(value).__name__})"


def _range_text(minimum: int | float | None, maximum: int | float | None) -> str:
    if minimum is not None and maximum is not None:
        return f"from {minimum:,} to {maximum:,}"
    if minimum is not None:
        return f"of at least {minimum:,}"
    return f"of at most {maximum:,}" if maximum is not None else ""


def check_int(
    name: str, value: object, minimum: int | None = None, maximum: int | None = None
) -> int:
    """Return ``value`` as an ``int`` if it is a whole number within the bounds.

    Parameters
    ----------
    name : str
        The argument's name, for the message.
    value : object
        What the caller passed: an ``int`` or a NumPy integer (not a bool).
    minimum, maximum : int, optional
        Inclusive bounds.

    Raises
    ------
    TypeError
        If ``value`` is not a whole number.
    ValueError
        If it is outside the bounds.

    Examples
    --------
    >>> check_int("top", 10, 1, 1000)
    10
    >>> check_int("top", -1, 1, 1000)
    Traceback (most recent call last):
    ...
    ValueError: top must be from 1 to 1,000, not -1.
    """
    wanted = f"a whole number {_range_text(minimum, maximum)}".rstrip()
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be {wanted}, not {_shown(value)}.")
    number = operator.index(value)
    if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
        raise ValueError(f"{name} must be {_range_text(minimum, maximum)}, not {number:,}.")
    return number


def check_number(
    name: str, value: object, minimum: float | None = None, maximum: float | None = None
) -> float:
    """Return ``value`` as a finite ``float`` within the (inclusive) bounds.

    Examples
    --------
    >>> check_number("words_per_minute", 180, 20, 2000)
    180.0
    >>> check_number("words_per_minute", 1e-320, 20, 2000)
    Traceback (most recent call last):
    ...
    ValueError: words_per_minute must be from 20 to 2,000, not 1e-320.
    """
    wanted = f"a number {_range_text(minimum, maximum)}".rstrip()
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be {wanted}, not {_shown(value)}.")
    try:
        number = float(value)
    except OverflowError:  # an int too large for a float
        number = math.inf
    if not math.isfinite(number) or (
        (minimum is not None and number < minimum) or (maximum is not None and number > maximum)
    ):
        raise ValueError(f"{name} must be {_range_text(minimum, maximum)}, not {number!r}.")
    return number


def check_bool(name: str, value: object) -> bool:
    """Return ``value`` if it is True or False (a NumPy bool counts).

    Examples
    --------
    >>> check_bool("regex", "yes")
    Traceback (most recent call last):
    ...
    TypeError: regex must be True or False, not 'yes' (str).
    """
    if isinstance(value, bool):
        return value
    if type(value).__name__ == "bool_":  # numpy.bool_, without importing NumPy here
        return bool(value)
    raise TypeError(f"{name} must be True or False, not {_shown(value)}.")


def check_text(
    name: str, value: object, *, max_length: int | None = None, allow_empty: bool = True
) -> str:
    """Return ``value`` if it is a string of acceptable length.

    Examples
    --------
    >>> check_text("query", None)
    Traceback (most recent call last):
    ...
    TypeError: query must be a string, not None (NoneType).
    >>> check_text("term", "   ", allow_empty=False)
    Traceback (most recent call last):
    ...
    ValueError: term is empty: type a word.
    """
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a string, not {_shown(value)}.")
    if not allow_empty and not value.strip():
        raise ValueError(f"{name} is empty: type a word.")
    if max_length is not None and len(value) > max_length:
        raise ValueError(
            f"{name} is {len(value):,} characters long; the limit is {max_length:,}. Shorten it."
        )
    return value


def check_texts(
    name: str, value: object, *, max_items: int = 1000, allow_empty: bool = False
) -> list[str]:
    """Return one string or an iterable of strings as a list of (non-empty) strings.

    With ``allow_empty``, an empty list and empty strings are accepted.

    Examples
    --------
    >>> check_texts("terms", "party"), check_texts("terms", ("party", "state"))
    (['party'], ['party', 'state'])
    >>> check_texts("terms", [None])
    Traceback (most recent call last):
    ...
    TypeError: terms must hold strings, not None (NoneType).
    >>> check_texts("terms", [])
    Traceback (most recent call last):
    ...
    ValueError: terms is empty: give at least one word.
    """
    if isinstance(value, str):
        items: list[object] = [value]
    elif isinstance(value, Iterable) and not isinstance(value, (bytes, dict)):
        items = []
        for item in value:
            items.append(item)
            if len(items) > max_items:
                raise ValueError(f"{name} holds more than {max_items:,} items; give fewer.")
    else:
        raise TypeError(f"{name} must be a string or a list of strings, not {_shown(value)}.")
    if not items and not allow_empty:
        raise ValueError(f"{name} is empty: give at least one word.")
    for item in items:
        if not isinstance(item, str):
            raise TypeError(f"{name} must hold strings, not {_shown(item)}.")
        if not item.strip() and not allow_empty:
            raise ValueError(f"{name} holds an empty string: give words.")
    return [item for item in items if isinstance(item, str)]


def check_choice(name: str, value: _Choice, choices: Collection[_Choice]) -> _Choice:
    """Return ``value`` if it is one of ``choices``.

    Examples
    --------
    >>> check_choice("by", "bogus", ("chapter", "section", "page"))
    Traceback (most recent call last):
    ...
    ValueError: by must be one of 'chapter', 'section' or 'page', not 'bogus'.
    """
    try:
        known = value in choices
    except TypeError:  # an unhashable value asked of a set
        known = False
    if not known:
        listed = [repr(choice) for choice in choices]
        options = listed[0] if len(listed) == 1 else f"{', '.join(listed[:-1])} or {listed[-1]}"
        raise ValueError(
            f"{name} must be one of {options}, not {_shown(value).rsplit(' (', 1)[0]}."
        )
    return value


#: What each option of the analysis verbs accepts: ``(kind, low, high)`` for numbers,
#: ``("bool",)``, ``("text", max_length)`` or ``("choice", choices)``. An option named in
#: :data:`OPTIONAL` may also be None.
OPTION_RULES: dict[str, tuple[object, ...]] = {
    **dict.fromkeys(
        (
            "regex",
            "whole_word",
            "case",
            "lemma",
            "include_quotations",
            "include_citations",
            "include_footnotes",
            "stopwords",
            "relative",
        ),
        ("bool",),
    ),
    "window": ("int", 0, 100),
    "left": ("int", 0, 100),
    "right": ("int", 0, 100),
    "top": ("int", 1, 100_000),
    "k": ("int", 1, 100),
    "n": ("int", 1, 6),
    "min_freq": ("int", 1, 1_000_000),
    "n_passages": ("int", 0, 20),
    "n_questions": ("int", 1, 100),
    "section": ("int", 0, 99),
    "query": ("string",),
    "term": ("text", 100),
    "text": ("text", 20_000),
    "by": ("choice", ("chapter", "section", "page")),
    "unit": ("choice", ("words", "chars")),
    "kind": ("texts", 10),
    "terms": ("texts", 1000),
}
OPTIONAL = frozenset({"top", "section", "kind", "terms", "left", "right"})


def check_options(**options: object) -> None:
    """Check keyword options of an analysis verb by name, as :data:`OPTION_RULES` says.

    One call at the top of a function checks all its options:

    >>> check_options(window=5, include_quotations=True, top=None)
    >>> check_options(window=10**7)
    Traceback (most recent call last):
    ...
    ValueError: window must be from 0 to 100, not 10,000,000.
    >>> check_options(by="bogus")
    Traceback (most recent call last):
    ...
    ValueError: by must be one of 'chapter', 'section' or 'page', not 'bogus'.
    """
    for name, value in options.items():
        if value is None and name in OPTIONAL:
            continue
        kind, *limits = OPTION_RULES[name]
        if kind == "bool":
            check_bool(name, value)
        elif kind == "int":
            check_int(name, value, *limits)  # type: ignore[arg-type]
        elif kind == "text":
            check_text(name, value, max_length=limits[0], allow_empty=False)  # type: ignore[arg-type]
        elif kind == "string":
            check_text(name, value)
        elif kind == "choice":
            check_choice(name, value, limits[0])  # type: ignore[arg-type]
        else:  # one string or a list of strings (their values are checked by the caller)
            check_texts(name, value, max_items=limits[0])  # type: ignore[arg-type]
