"""The study companion: reviewed glossary, biographies, bibliography and timeline.

Four hand-written, reviewed data files ship in ``data/companion/`` (TOML, one table of
entries each). Every entry is short, carries the paragraph ids (and footnotes) where it
applies and at least one reference. They are read once, checked against the parsed book
(an unknown paragraph id or footnote raises :class:`CompanionDataError` naming the file
and the entry), and returned as tidy tables:

=====================  ==============  ============================================
function               file            one row per
=====================  ==============  ============================================
:func:`glossary`       glossary.toml   term, movement, organisation or concept
:func:`biographies`    people.toml     person the book names
:func:`bibliography`   works.toml      work the book cites or names
:func:`timeline`       timeline.toml   dated event the book refers to (1848–1924)
=====================  ==============  ============================================

:func:`companion_entries` puts the four together (one row per entry, ``kind`` =
"glossary", "person", "work" or "event"); :func:`companion_mentions` finds where an
entry's ``forms`` occur in a text, and :func:`date_conflicts` cross-checks the dates
the entries state.

>>> glossary().set_index("id").loc["otzovists", "term"]
'Otzovists (Otzovism)'
>>> companion_mentions("The Otzovists and the Mensheviks")
[(4, 13, 'glossary', 'otzovists'), (22, 32, 'glossary', 'mensheviks')]
"""

from __future__ import annotations

import difflib
import functools
import re
import tomllib
from collections.abc import Mapping, Sequence
from importlib.resources import files
from typing import Any, Literal

import pandas as pd

from leninism_data.corpus.book import book

EntryKind = Literal["glossary", "person", "work", "event"]
#: The kinds of entry, in the order the companion lists them.
ENTRY_KINDS: tuple[EntryKind, ...] = ("glossary", "person", "work", "event")
#: kind -> (file in data/companion/, name of its array of tables)
FILES: dict[EntryKind, tuple[str, str]] = {
    "glossary": ("glossary.toml", "term"),
    "person": ("people.toml", "person"),
    "work": ("works.toml", "work"),
    "event": ("timeline.toml", "event"),
}
#: kind -> the fields every entry must have, in table column order.
FIELDS: dict[EntryKind, tuple[str, ...]] = {
    "glossary": ("id", "term", "kind", "forms", "definition", "in_the_book"),
    "person": (
        "id", "name", "index_name", "forms", "born", "died", "who", "presented", "how_presented",
    ),
    "work": (
        "id", "title", "index_title", "author", "year", "kind", "volumes", "citation_volumes",
        "about", "how_used",
    ),
    "event": ("id", "date", "date_end", "event"),
}  # fmt: skip
SHARED_FIELDS = ("paragraph_ids", "footnotes", "references")
#: Fields that hold a number or a list; every other field holds text.
NUMBERS = {"born", "died", "year"}
LISTS = {"forms", "citation_volumes", "paragraph_ids", "footnotes", "references"}
#: Optional fields and their value when an entry leaves them out.
OPTIONAL: dict[EntryKind, dict[str, Any]] = {
    "glossary": {},
    "person": {"book_error": ""},
    "work": {"forms": ()},
    "event": {},
}
HEADWORD = {"glossary": "term", "person": "name", "work": "title", "event": "event"}
SUMMARY = {"glossary": "definition", "person": "who", "work": "about", "event": "event"}
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
ISO_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
FIRST_YEAR, LAST_YEAR = 1848, 1924


class CompanionDataError(ValueError):
    """An entry of the companion's data files that does not fit the book or the format."""


# ------------------------------------------------------------------------ loading


def validate_entries(
    kind: EntryKind, entries: Sequence[Mapping[str, Any]], source: str
) -> tuple[dict[str, Any], ...]:
    """Check ``entries`` of one file against the format and the book; return clean copies.

    Lists become tuples and optional fields get their defaults.

    Raises
    ------
    CompanionDataError
        Naming ``source`` and the entry: a missing field, a repeated or malformed id, an
        unknown paragraph id or footnote, no reference, no place in the book, a date that
        is not ISO (``1920``, ``1920-03`` or ``1920-03-13``) or lies outside 1848–1924.

    Examples
    --------
    >>> entry = {"id": "x", "date": "1920", "date_end": "", "event": "E",
    ...          "paragraph_ids": ["IV.299"], "footnotes": [], "references": ["R"]}
    >>> validate_entries("event", [entry], "timeline.toml")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    leninism_data.tables.companion.CompanionDataError: timeline.toml, entry 'x': unknown ...
    """
    b = book()
    footnote_numbers = {footnote.number for footnote in b.footnotes}
    seen: set[str] = set()
    clean = []
    for position, entry in enumerate(entries, start=1):
        name = repr(entry.get("id", f"#{position}"))

        def fail(problem: str, name: str = name) -> CompanionDataError:
            return CompanionDataError(f"{source}, entry {name}: {problem}.")

        missing = [f for f in FIELDS[kind] + SHARED_FIELDS if f not in entry]
        if missing:
            raise fail(f"missing {', '.join(missing)}")
        for field, value in entry.items():
            expected = int if field in NUMBERS else (list, tuple) if field in LISTS else str
            if not isinstance(value, expected) or isinstance(value, bool):
                name = "a list" if field in LISTS else "int" if field in NUMBERS else "str"
                raise fail(f"{field} should be {name}, not {value!r}")
        if not isinstance(entry["id"], str) or not SLUG.fullmatch(entry["id"]):
            raise fail("the id must be a lower-case slug such as 'second-international'")
        if entry["id"] in seen:
            raise fail("the id is used twice")
        seen.add(entry["id"])
        for paragraph_id in entry["paragraph_ids"]:
            if paragraph_id not in b.paragraph_by_id:
                raise fail(
                    f"unknown paragraph id {paragraph_id!r} (ids look like 'IV.27' or 'Intro.3')"
                )
        for number in entry["footnotes"]:
            if number not in footnote_numbers:
                raise fail(f"unknown footnote {number!r} (the book has footnotes 1–32)")
        if not entry["paragraph_ids"] and not entry["footnotes"]:
            raise fail("no paragraph id and no footnote: where does the book need it?")
        if not entry["references"] or not all(
            isinstance(r, str) and r.strip() for r in entry["references"]
        ):
            raise fail("at least one reference (author, title, year) is needed")
        if kind == "event":
            for field in ("date", "date_end"):
                value = entry[field]
                if (value or field == "date") and not ISO_DATE.fullmatch(str(value)):
                    raise fail(f"{field} {value!r} is not an ISO date (1920, 1920-03, 1920-03-13)")
            if not FIRST_YEAR <= int(entry["date"][:4]) <= LAST_YEAR:
                raise fail(f"date {entry['date']!r} lies outside {FIRST_YEAR}–{LAST_YEAR}")
            if entry["date_end"] and entry["date_end"] < entry["date"]:
                raise fail(f"date_end {entry['date_end']!r} comes before date {entry['date']!r}")
        row = {**OPTIONAL[kind], **entry}
        clean.append({k: tuple(v) if isinstance(v, list) else v for k, v in row.items()})
    return tuple(clean)


@functools.cache
def _entries(kind: EntryKind) -> tuple[dict[str, Any], ...]:
    file_name, table_name = FILES[kind]
    path = files("leninism_data") / "data" / "companion" / file_name
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise CompanionDataError(f"{file_name} is not valid TOML: {error}.") from error
    return validate_entries(kind, data.get(table_name, []), file_name)


def _chapters(entry: Mapping[str, Any]) -> tuple[int, ...]:
    """The chapters of an entry's paragraphs and footnotes, in book order."""
    b = book()
    by_footnote = {footnote.number: footnote.chapter for footnote in b.footnotes}
    found = {b.paragraph_by_id[p].chapter for p in entry["paragraph_ids"]}
    found |= {by_footnote[n] for n in entry["footnotes"]}
    return tuple(sorted(found))


def _table(kind: EntryKind) -> pd.DataFrame:
    columns = [*FIELDS[kind], *OPTIONAL[kind], *SHARED_FIELDS, "chapters"]
    rows = [{**entry, "chapters": _chapters(entry)} for entry in _entries(kind)]
    frame = pd.DataFrame(rows, columns=list(dict.fromkeys(columns)))
    for column in NUMBERS & set(frame.columns):  # 0 in the files: not known, or no one person
        frame[column] = frame[column].astype("Int64").mask(frame[column] == 0)
    return frame


def glossary() -> pd.DataFrame:
    """One row per term, movement, organisation or concept the book assumes.

    ============== ============================================================
    column         meaning
    ============== ============================================================
    id             stable slug (``"otzovists"``)
    term           headword
    kind           concept, movement, organisation, institution, policy, event,
                   place or publication
    forms          tuple of the spellings marked in the text (whole words, any case)
    definition     what it is, in a few neutral sentences
    in_the_book    where and how the book uses it
    paragraph_ids  tuple of the paragraphs where it applies
    footnotes      tuple of footnote numbers where it applies
    references     tuple of one or two references (author, title, year)
    chapters       tuple of chapter numbers of those paragraphs and footnotes
    ============== ============================================================

    >>> row = glossary().set_index("id").loc["otzovists"]
    >>> "VII.54" in row["paragraph_ids"], row["chapters"]
    (True, (7,))
    """
    return _table("glossary")


def biographies() -> pd.DataFrame:
    """One row per person the book names: ``id``, ``name``, ``index_name`` (the spelling
    of :func:`leninism_data.people_index`), ``forms``, ``born``, ``died`` (missing, ``<NA>``,
    when not a dated individual, e.g. "the Rothschilds" or a fictional character), ``who``,
    ``presented`` (quoted as authority, polemicised against, named in passing …),
    ``how_presented``, ``book_error`` (where the book itself states a fact wrongly, else
    ""), ``paragraph_ids``, ``footnotes``, ``references``, ``chapters``.

    >>> kapp = biographies().set_index("id").loc["kapp"]
    >>> int(kapp["born"]), kapp["book_error"][:35]
    (1858, "Footnote 27 gives Kapp's dates as 1")
    """
    return _table("person")


def bibliography() -> pd.DataFrame:
    """One row per work the book cites or names: ``id``, ``title``, ``index_title`` (the
    title of :func:`leninism_data.works_index`, or ""), ``author``, ``year``, ``kind``,
    ``volumes`` (where it stands in the reference editions), ``citation_volumes`` (tuple of
    the 3rd Russian edition volumes the book cites it by), ``about``, ``how_used``,
    ``forms`` (tuple of extra spellings marked in the text; the title is always one),
    ``paragraph_ids``, ``footnotes``, ``references``, ``chapters``.

    >>> works = bibliography().set_index("id")
    >>> row = works.loc["state-and-revolution"]
    >>> int(row["year"]), row["citation_volumes"]
    (1917, (21,))
    """
    return _table("work")


def timeline() -> pd.DataFrame:
    """One row per dated event the book refers to or assumes, in date order: ``id``,
    ``date`` (ISO, as precise as known: ``"1920"``, ``"1920-03"`` or ``"1920-03-13"``),
    ``date_end`` (the same, or "" for a single date), ``event``, ``paragraph_ids``,
    ``footnotes``, ``references``, ``chapters``, ``year`` and ``year_end`` (int).

    >>> events = timeline()
    >>> bool(events["year"].between(1848, 1924).all()), events["date"].is_monotonic_increasing
    (True, True)
    """
    frame = _table("event")
    frame["year"] = frame["date"].str[:4].astype(int)
    frame["year_end"] = frame["date_end"].where(frame["date_end"] != "", frame["date"])
    frame["year_end"] = frame["year_end"].str[:4].astype(int)
    return frame.sort_values(["date", "id"], kind="stable", ignore_index=True)


def companion_entries() -> pd.DataFrame:
    """Every entry of the companion, one row each, with what the four tables share.

    Columns: ``kind`` ("glossary", "person", "work", "event"), ``entry_id``,
    ``headword``, ``label`` (glossary kind, how a person is presented, work kind, or
    the event's date), ``summary``, ``forms``, ``paragraph_ids``, ``footnotes``,
    ``references``, ``chapters``. Events come in date order, other entries in the order
    of their files.

    >>> entries = companion_entries()
    >>> sorted(set(entries["kind"])) == sorted(ENTRY_KINDS)
    True
    """
    labels = {"glossary": "kind", "person": "presented", "work": "kind", "event": "date"}
    rows = []
    for kind in ENTRY_KINDS:
        in_order = _entries(kind)
        if kind == "event":
            in_order = tuple(sorted(in_order, key=lambda entry: entry["date"]))
        for entry in in_order:
            rows.append(
                {
                    "kind": kind,
                    "entry_id": entry["id"],
                    "headword": entry[HEADWORD[kind]],
                    "label": entry[labels[kind]],
                    "summary": entry[SUMMARY[kind]],
                    "forms": _forms(kind, entry),
                    "paragraph_ids": entry["paragraph_ids"],
                    "footnotes": entry["footnotes"],
                    "references": entry["references"],
                    "chapters": _chapters(entry),
                }
            )
    return pd.DataFrame(rows)


# ------------------------------------------------------------------------ mentions


def _forms(kind: EntryKind, entry: Mapping[str, Any]) -> tuple[str, ...]:
    """The spellings that mark an entry in the text (none for events: they are dated,
    not named)."""
    if kind == "event":
        return ()
    if kind == "work":
        # A one-word title ("Capital") is also a common word: only its listed forms mark it.
        title = [entry["title"]] if len(entry["title"].split()) > 1 else []
        return tuple(dict.fromkeys([*title, *entry["forms"]]))
    return tuple(entry["forms"])


@functools.lru_cache(maxsize=1)
def _mention_pattern() -> tuple[re.Pattern[str], dict[str, tuple[tuple[EntryKind, str], ...]]]:
    owners: dict[str, list[tuple[EntryKind, str]]] = {}
    # Works first, then people, then the glossary: a spelling claimed twice is marked as
    # the most specific kind of entry ("Kapp" the person before "Kapp putsch").
    for kind in ("work", "person", "glossary"):
        for entry in _entries(kind):
            for form in _forms(kind, entry):
                owners.setdefault(form.casefold(), []).append((kind, entry["id"]))
    alternatives = sorted(owners, key=lambda form: (-len(form), form))
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(map(re.escape, alternatives)) + r")(?!\w)", re.IGNORECASE
    )
    return pattern, {form: tuple(entries) for form, entries in owners.items()}


def companion_mentions(text: str) -> list[tuple[int, int, EntryKind, str]]:
    """Where the entries' ``forms`` occur in ``text``: ``(start, end, kind, entry_id)``.

    Whole words only, in any case; where spellings overlap the longest wins, and the
    mentions never overlap. A spelling listed by two entries is reported as the work
    before the person before the glossary term (:func:`spelling_entries` gives them all).

    Examples
    --------
    >>> for mention in companion_mentions("Lenin's What Is To Be Done? against the Economists"):
    ...     print(mention)
    (0, 5, 'person', 'lenin')
    (8, 27, 'work', 'what-is-to-be-done')
    (40, 50, 'glossary', 'economists')
    """
    pattern, owners = _mention_pattern()
    found: list[tuple[int, int, EntryKind, str]] = []
    for match in pattern.finditer(text):
        kind, entry_id = owners[match.group(0).casefold()][0]
        found.append((match.start(), match.end(), kind, entry_id))
    return found


def spelling_entries(spelling: str) -> tuple[tuple[EntryKind, str], ...]:
    """Every entry that lists ``spelling`` among its forms (any case), most specific first.

    >>> spelling_entries("kapp")
    (('person', 'kapp'), ('glossary', 'kapp-putsch'))
    """
    return _mention_pattern()[1].get(spelling.casefold(), ())


@functools.lru_cache(maxsize=1)
def _mentions_by_paragraph() -> dict[str, tuple[tuple[int, int, EntryKind, str], ...]]:
    return {p.paragraph_id: tuple(companion_mentions(p.text)) for p in book().paragraphs}


def paragraph_mentions(paragraph_id: str) -> tuple[tuple[int, int, EntryKind, str], ...]:
    """:func:`companion_mentions` of one paragraph of the book (computed once).

    >>> paragraph_mentions("VII.54")
    ((19, 27, 'glossary', 'otzovists'),)
    """
    return _mentions_by_paragraph()[paragraph_id]


def entry_paragraphs(kind: EntryKind, entry_id: str) -> tuple[str, ...]:
    """The paragraphs an entry applies to: those its data file lists and those where one
    of its forms occurs, in book order.

    >>> entry_paragraphs("person", "kugelmann")
    ('IV.34',)
    """
    entry = entry_by_id(kind, entry_id)
    named = _paragraphs_naming().get((kind, entry_id), set())
    wanted = named | set(entry["paragraph_ids"])
    return tuple(p.paragraph_id for p in book().paragraphs if p.paragraph_id in wanted)


@functools.lru_cache(maxsize=1)
def _paragraphs_naming() -> dict[tuple[EntryKind, str], set[str]]:
    """(kind, entry_id) -> the paragraphs where one of the entry's spellings occurs."""
    found: dict[tuple[EntryKind, str], set[str]] = {}
    for paragraph_id, mentions in _mentions_by_paragraph().items():
        text = book().paragraph_by_id[paragraph_id].text
        for start, end, _, _ in mentions:
            for owner in spelling_entries(text[start:end]):
                found.setdefault(owner, set()).add(paragraph_id)
    return found


def paragraph_entries(paragraph_id: str) -> tuple[tuple[EntryKind, str], ...]:
    """The entries a paragraph needs: those its words name (every entry of each spelling,
    in text order), then those whose data file lists the paragraph without its naming
    them (events, assumed terms), in the order of :data:`ENTRY_KINDS`.

    >>> paragraph_entries("VII.54")[0]
    ('glossary', 'otzovists')
    """
    found: dict[tuple[EntryKind, str], None] = {}
    text = book().paragraph_by_id[paragraph_id].text
    for start, end, _, _ in paragraph_mentions(paragraph_id):
        found.update(dict.fromkeys(spelling_entries(text[start:end])))
    for kind in ENTRY_KINDS:
        for entry in _entries(kind):
            if paragraph_id in entry["paragraph_ids"]:
                found.setdefault((kind, entry["id"]))
    return tuple(found)


def entry_by_id(kind: EntryKind, entry_id: str) -> dict[str, Any]:
    """One entry as a dict (a copy), or a ValueError naming the kinds and a close id.

    >>> entry_by_id("person", "kapp")["died"]
    1922
    """
    if kind not in FILES:
        raise ValueError(f"Unknown kind of entry {kind!r}; choose from {list(ENTRY_KINDS)}.")
    entry = _entry_index().get((kind, entry_id))
    if entry is None:
        close = difflib.get_close_matches(entry_id, [i for k, i in _entry_index() if k == kind])
        hint = f" Did you mean {', '.join(map(repr, close))}?" if close else ""
        raise ValueError(f"The companion has no {kind} entry {entry_id!r}.{hint}")
    return dict(entry)


@functools.lru_cache(maxsize=1)
def _entry_index() -> dict[tuple[EntryKind, str], dict[str, Any]]:
    return {(kind, entry["id"]): entry for kind in ENTRY_KINDS for entry in _entries(kind)}


# ------------------------------------------------------------------------ date checks

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
# "3 March 1918" or "8–16 March 1921" (both days count)
_DAY_MONTH_YEAR = re.compile(
    r"\b(\d{1,2})(?:\s*[–-]\s*(\d{1,2}))? (" + "|".join(MONTHS) + r") (\d{4})\b"
)
# "born on 24 July 1858", "dies in January 1924": the year stated in the same clause
_LIFE_EVENT = re.compile(r"\b(born|died|dies)\b(?:[^.;:]*?\b(1[89]\d\d)\b)?")
_CLAUSE = re.compile(r"[;:]|\.\s")
_SUBJECT = re.compile(r"[^:;,(]+")
_LIFE_DATES = r"\((\d{4})\s*[-–]\s*(\d{4})\)"


def _full_dates(text: str) -> set[str]:
    """The day-precise dates written out in prose ("3 March 1918"), as ISO strings."""
    return {
        f"{year}-{MONTHS.index(month) + 1:02d}-{int(day):02d}"
        for first, last, month, year in _DAY_MONTH_YEAR.findall(text)
        for day in (first, last)
        if day
    }


def _names(forms: Sequence[str]) -> re.Pattern[str]:
    """A pattern for any of ``forms`` as whole words in any case (none: matches nothing)."""
    if not forms:
        return re.compile(r"(?!)")
    alternatives = "|".join(map(re.escape, sorted(forms, key=len, reverse=True)))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def date_conflicts() -> list[str]:
    """Places where two statements of the companion (or the book) date one thing differently.

    What is checked:

    1. **People and the timeline.** Where a clause of an event that names a person (one
       of their ``forms``) says "born", "died" or "dies", the year the clause states (or
       else the event's own year) must be the person's ``born`` or ``died`` year; when the
       event names several people, only clauses naming this one count. No event naming a
       dated person may end before their birth.
    2. **People and the book's footnotes.** Life dates a footnote prints after a name
       ("Kapp (1868-1922)") must equal the entry's ``born`` and ``died``, unless the
       entry's ``book_error`` explains the difference; and born comes before died.
    3. **Works and the timeline.** An event that names a work (its title of two words or
       more, or its ``forms``) must be dated in a year the work's entry also states: its
       ``year`` or a year written in its ``about`` or ``how_used``.
    4. **Glossary events and the timeline.** A timeline event is about a glossary entry of
       kind "event" when it has the same id or names one of its forms before its first
       ":", ";", "," or "("; then the event's year must be one the definition states, and
       a day-precise date of the definition ("13 March 1920", "8–16 March 1921") in the
       month the event starts or ends must lie between its start and end.

    Returns
    -------
    list of str
        One sentence per conflict (empty when the data agree).

    Examples
    --------
    >>> date_conflicts()
    []
    """
    events = list(timeline().itertuples())
    return [
        *_person_conflicts(events),
        *_work_conflicts(events),
        *_glossary_conflicts(events),
    ]


def _years(text: str) -> set[int]:
    return {int(year) for year in re.findall(r"\b(1[89]\d\d)\b", text)}


def _person_conflicts(events: list[Any]) -> list[str]:
    problems = []
    footnote_text = {footnote.number: footnote.text for footnote in book().footnotes}
    dated = [person for person in _entries("person") if person["born"] and person["forms"]]
    for person in _entries("person"):
        born, died, name = person["born"], person["died"], person["name"]
        if born and died and born > died:
            problems.append(f"person {person['id']}: born {born} after died {died}")
        names = _names(person["forms"])
        for event in events:
            if not names.search(event.event):
                continue
            if born and event.year_end < born:
                problems.append(f"event {event.id} ({event.date}) names {name}, born {born}")
            others = [
                p
                for p in dated
                if p["id"] != person["id"] and _names(p["forms"]).search(event.event)
            ]
            for clause in _CLAUSE.split(event.event):
                # "he was born on …" speaks of the person only when nobody else is named
                if not names.search(clause) and others:
                    continue
                for word, year in _LIFE_EVENT.findall(clause):
                    stated = int(year) if year else event.year
                    expected = born if word == "born" else died
                    if expected and stated != expected:
                        problems.append(
                            f"event {event.id} says {name} {word} in {stated}; "
                            f"people.toml says {expected}"
                        )
        for number in person["footnotes"]:
            for form in person["forms"]:
                life = re.escape(form) + r"\s*\((\d{4})\s*[-–]\s*(\d{4})\)"
                for first, last in re.findall(life, footnote_text[number]):
                    if (int(first), int(last)) != (born, died) and not person["book_error"]:
                        problems.append(
                            f"footnote {number} gives {form} {first}–{last}; people.toml says "
                            f"{born}–{died} and no book_error explains it"
                        )
    return problems


def _work_conflicts(events: list[Any]) -> list[str]:
    problems = []
    for work in _entries("work"):
        names = _names(_forms("work", work))
        stated = {work["year"]} | _years(f"{work['about']} {work['how_used']}")
        for event in events:
            if names.search(event.event) and not {event.year, event.year_end} & stated:
                problems.append(
                    f"event {event.id} ({event.date}) names {work['title']!r}, which "
                    f"works.toml dates {sorted(stated)}"
                )
    return problems


def _glossary_conflicts(events: list[Any]) -> list[str]:
    problems = []
    for term in _entries("glossary"):
        names = _names(term["forms"])
        if term["kind"] != "event":
            continue
        stated, full_dates = _years(term["definition"]), _full_dates(term["definition"])
        for event in events:
            subject = _SUBJECT.match(event.event)
            if event.id != term["id"] and not (subject and names.search(subject.group(0))):
                continue
            if stated and event.year not in stated:
                problems.append(
                    f"event {event.id} ({event.date}) is about {term['term']!r}, whose "
                    f"definition gives the years {sorted(stated)}"
                )
            start, end = event.date, event.date_end or event.date
            months = {start[:7], end[:7]}
            outside = sorted(d for d in full_dates if d[:7] in months and not start <= d <= end)
            if len(start) == 10 and len(end) == 10 and outside:
                problems.append(
                    f"event {event.id} is dated {start}–{end}; the glossary's {term['term']!r} "
                    f"says {', '.join(outside)}"
                )
    return problems
