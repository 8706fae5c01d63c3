"""A student's notes on the book, kept in a small SQLite file.

A :class:`NoteStore` attaches a note and tags to a paragraph of the book
(``"IV.27"``, ``"Intro.3"``) or to one of its footnotes (``"fn:12"``), and
lets you edit, delete, list, search and filter those notes, export them to
Markdown, CSV or JSON, and import a classmate's export without duplicates.

Where the notes live
--------------------
``NoteStore()`` opens the per-user file returned by :func:`default_notes_path`:
the path in the environment variable ``LENINISM_STUDY_NOTES`` if it is set,
otherwise ``notes.sqlite3`` in the per-user data directory (for example
``~/.local/share/leninism-study/`` on Linux). ``NoteStore(path)`` opens any
other file, and ``NoteStore(":memory:")`` a throwaway store for experiments.

What keeps the notes safe
-------------------------
- Every change is one SQLite transaction (``BEGIN IMMEDIATE`` ... ``COMMIT``):
  a crash or a lost kernel in the middle of a write leaves the store as it was
  before that write, and a committed note is synced to disk.
- The file is in WAL mode with a busy timeout, and a write that still finds the
  store locked is retried, so two notebooks writing at the same time both
  succeed.
- The file header carries an application id and a schema version. A file that
  is not an SQLite database, an SQLite database of another program, a damaged
  store, or a store written by a newer version of this package is refused with
  a :class:`NoteError` that names the problem, and is never written to.
- An older store is migrated forward in one transaction, after a copy of it
  has been saved beside it (``notes.v1-backup-<time>.sqlite3``).

Examples
--------
>>> from leninism_data.seminar.notes import NoteStore
>>> with NoteStore(":memory:") as store:
...     note = store.add("IV.27", "It arises from the breaking up of the bourgeois order.",
...                      tags=["dictatorship"])
...     store.list()[["anchor", "chapter", "tags"]]
  anchor  chapter             tags
0  IV.27        4  (dictatorship,)
"""

from __future__ import annotations

import contextlib
import csv
import difflib
import functools
import io
import itertools
import json
import os
import re
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd
import platformdirs

from leninism_data.corpus.naming import NUMERALS, ChapterLike, resolve_chapter

__all__ = [
    "NOTES_PATH_ENV",
    "SCHEMA_VERSION",
    "Note",
    "NoteError",
    "NoteStore",
    "check_anchor",
    "default_notes_path",
]

NOTES_PATH_ENV = "LENINISM_STUDY_NOTES"
"""Environment variable that, when set, names the notes file ``NoteStore()`` opens."""

SCHEMA_VERSION = 2
"""Version of the store's tables, kept in the file header (``PRAGMA user_version``)."""

# Marks the file as ours in the SQLite header ("LSNT": Leninism Study NoTes),
# so that a foreign SQLite file is recognised and left alone.
_APPLICATION_ID = 0x4C534E54
_SQLITE_MAGIC = b"SQLite format 3\x00"
_EXPORT_FORMAT = "leninism-study notes"
_EXPORT_VERSION = 1  # of the JSON export's layout; independent of the store's schema
_BUSY_TIMEOUT_SECONDS = 5.0
_WRITE_ATTEMPTS = 4
_MEMORY = ":memory:"

# Paragraph ids start with the chapter: "Intro.3" is chapter 0, "IV.27" chapter 4.
_CHAPTER_PREFIXES = ("Intro", *NUMERALS[1:])
_FOOTNOTE_ANCHOR = re.compile(r"fn\s*[:.]?\s*(\d+)", re.IGNORECASE)
_ANCHOR_HELP = (
    "Paragraph ids look like 'IV.27' (Chapter IV, paragraph 27) or 'Intro.3'; "
    "footnotes look like 'fn:12'."
)
_MAX_TAG_LENGTH = 40

_T = TypeVar("_T")


class NoteError(ValueError):
    """A note, an anchor or a notes file that cannot be used, with the reason."""


@dataclass(frozen=True)
class Note:
    """One note, as stored.

    Attributes
    ----------
    note_id : int
        The note's number in this store (never reused after a delete).
    uid : str
        A universally unique id that travels with the note through exports,
        so that importing the same note twice does not duplicate it.
    anchor : str
        Where the note is attached: a paragraph id (``"IV.27"``) or a
        footnote (``"fn:12"``).
    chapter : int or None
        Chapter of the anchor, 0 (Introduction) to 9.
    text : str
        The note, as written (surrounding blank space removed).
    tags : tuple of str
        Lower-case tags in alphabetical order.
    created, updated : datetime
        When the note was written and last changed, in UTC.
    """

    note_id: int
    uid: str
    anchor: str
    chapter: int | None
    text: str
    tags: tuple[str, ...]
    created: datetime
    updated: datetime

    @property
    def paragraph_id(self) -> str | None:
        """The paragraph the note is attached to, or None for a footnote."""
        return None if self.anchor.startswith("fn:") else self.anchor

    @property
    def footnote(self) -> int | None:
        """The footnote the note is attached to, or None for a paragraph."""
        return int(self.anchor[3:]) if self.anchor.startswith("fn:") else None


def default_notes_path() -> Path:
    """Return the notes file that ``NoteStore()`` opens.

    Returns
    -------
    pathlib.Path
        ``$LENINISM_STUDY_NOTES`` if that environment variable is set and not
        empty, else ``notes.sqlite3`` in the per-user data directory of
        ``leninism-study`` (see :func:`platformdirs.user_data_path`).

    Examples
    --------
    >>> import os
    >>> saved = os.environ.pop("LENINISM_STUDY_NOTES", None)
    >>> default_notes_path().name
    'notes.sqlite3'
    >>> os.environ["LENINISM_STUDY_NOTES"] = "~/seminar/notes.sqlite3"
    >>> default_notes_path() == Path.home() / "seminar" / "notes.sqlite3"
    True
    >>> if saved is None: del os.environ["LENINISM_STUDY_NOTES"]
    ... else: os.environ["LENINISM_STUDY_NOTES"] = saved
    """
    from_environment = os.environ.get(NOTES_PATH_ENV, "").strip()
    if from_environment:
        return Path(from_environment).expanduser()
    return platformdirs.user_data_path("leninism-study") / "notes.sqlite3"


# --- the book: what a note can be attached to ---------------------------------


@dataclass(frozen=True)
class _Passage:
    """A paragraph or footnote of the book that a note can be attached to."""

    anchor: str
    label: str  # how Markdown names it: "IV.27" or "Footnote 12"
    chapter: int
    book_order: tuple[int, int]  # (position of the paragraph, footnote number or 0)
    pages: str  # as cited: "p. 40" or "pp. 7–8"
    text: str


@functools.lru_cache(maxsize=1)
def _book_passages() -> Mapping[str, _Passage]:
    """Every paragraph and footnote of the book, by anchor, in book order."""
    import leninism_data as ld  # imported here: the tables are built on first use

    passages: dict[str, _Passage] = {}
    paragraphs = ld.paragraphs()
    position_of = dict(zip(paragraphs["paragraph_id"], paragraphs["position"]))
    for row in paragraphs.itertuples(index=False):
        passages[row.paragraph_id] = _Passage(
            anchor=row.paragraph_id,
            label=row.paragraph_id,
            chapter=int(row.chapter),
            book_order=(int(row.position), 0),
            pages=_page_range(row.page, row.page_end),
            text=row.text,
        )
    for row in ld.footnotes().itertuples(index=False):
        anchor = f"fn:{row.footnote}"
        passages[anchor] = _Passage(
            anchor=anchor,
            label=f"Footnote {row.footnote}",
            chapter=int(row.chapter),
            book_order=(int(position_of[row.paragraph_id]), int(row.footnote)),
            pages=_page_range(row.page, row.page),
            text=row.text,
        )
    return dict(sorted(passages.items(), key=lambda item: item[1].book_order))


@functools.lru_cache(maxsize=1)
def _chapter_headings() -> Mapping[int, str]:
    """Markdown heading text of each chapter: "Introduction", "IV. Strategy and Tactics"."""
    import leninism_data as ld

    return {
        int(row.chapter): f"{row.numeral}. {row.title}" if row.numeral else row.title
        for row in ld.chapters().itertuples(index=False)
    }


def _page_range(first: int, last: int) -> str:
    return f"p. {first}" if first == last else f"pp. {first}–{last}"


def check_anchor(anchor: str) -> str:
    """Return the anchor in its stored form, or say why the book has no such place.

    Parameters
    ----------
    anchor : str
        A paragraph id as in ``ld.paragraphs().paragraph_id`` (``"IV.27"``,
        ``"Intro.3"``) or a footnote as ``"fn:12"`` (``"fn12"`` and ``"FN 12"``
        are read the same way).

    Returns
    -------
    str
        The anchor as stored: the paragraph id, or ``"fn:<number>"``.

    Raises
    ------
    NoteError
        If the book has no such paragraph or footnote; the message says which
        ids exist and suggests a close one.

    Examples
    --------
    >>> check_anchor("FN 12")
    'fn:12'
    >>> check_anchor("iv.27")
    Traceback (most recent call last):
    ...
    leninism_data.seminar.notes.NoteError: 'iv.27' is not a paragraph of the book. Did you mean 'IV.27'? Paragraph ids look like 'IV.27' (Chapter IV, paragraph 27) or 'Intro.3'; footnotes look like 'fn:12'.
    """
    return _find_passage(anchor).anchor


def _find_passage(anchor: object) -> _Passage:
    if not isinstance(anchor, str):
        raise NoteError(
            f"a note is attached to a paragraph id or a footnote, not {anchor!r}. {_ANCHOR_HELP}"
        )
    cleaned = anchor.strip()
    footnote = _FOOTNOTE_ANCHOR.fullmatch(cleaned)
    if footnote:
        cleaned = f"fn:{int(footnote[1])}"
    passages = _book_passages()
    try:
        return passages[cleaned]
    except KeyError:
        raise NoteError(_unknown_anchor_message(cleaned, passages)) from None


def _unknown_anchor_message(anchor: str, passages: Mapping[str, _Passage]) -> str:
    if anchor.startswith("fn:"):
        numbers = sorted(int(known[3:]) for known in passages if known.startswith("fn:"))
        return f"'{anchor}' is not a footnote of the book; its footnotes run from fn:{numbers[0]} to fn:{numbers[-1]}."
    message = f"{anchor!r} is not a paragraph of the book."
    prefix, _, number = anchor.partition(".")
    numbers = [
        int(known.partition(".")[2]) for known in passages if known.partition(".")[0] == prefix
    ]
    meant = _anchor_written_differently(anchor, passages)
    if meant is None and numbers and number.isdigit():
        first, last = f"{prefix}.{min(numbers)}", f"{prefix}.{max(numbers)}"
        message += f" Paragraphs of {_chapter_name(prefix)} run from {first} to {last}."
    else:
        meant = meant or next(
            iter(difflib.get_close_matches(anchor, passages, n=1, cutoff=0.8)), None
        )
    if meant is not None:
        message += f" Did you mean {meant!r}?"
    return f"{message} {_ANCHOR_HELP}"


def _chapter_name(prefix: str) -> str:
    return "the Introduction" if prefix == "Intro" else f"Chapter {prefix}"


def _anchor_written_differently(anchor: str, passages: Mapping[str, _Passage]) -> str | None:
    """The known anchor that 'iv.27', '4.27', 'IV,27' or 'Introduction.3' stands for, if any."""
    prefix, _, number = re.sub(r"[,:;\s]+", ".", anchor, count=1).partition(".")
    if prefix.isdigit() and int(prefix) < len(_CHAPTER_PREFIXES):
        prefix = _CHAPTER_PREFIXES[int(prefix)]
    if prefix.casefold() == "introduction":
        prefix = "Intro"
    by_folded_form = {known.casefold(): known for known in passages}
    return by_folded_form.get(f"{prefix}.{number}".casefold())


def _chapter_of_paragraph_id(paragraph_id: str) -> int | None:
    prefix = paragraph_id.partition(".")[0]
    return _CHAPTER_PREFIXES.index(prefix) if prefix in _CHAPTER_PREFIXES else None


def _chapter_number(chapter: ChapterLike) -> int:
    try:
        return resolve_chapter(chapter)
    except ValueError as error:
        raise NoteError(str(error)) from None


# --- checking what a student typed ---------------------------------------------


def _clean_text(text: object) -> str:
    if not isinstance(text, str):
        raise NoteError(f"a note's text must be a string, not {type(text).__name__}.")
    cleaned = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not cleaned:
        raise NoteError("a note cannot be empty; write something to attach to the passage.")
    return cleaned


def _clean_tags(tags: Iterable[str] | str | None) -> tuple[str, ...]:
    """Tags in stored form: stripped, spaces collapsed, lower case, unique, sorted.

    A single string is read as comma-separated tags ("state, party").
    """
    if tags is None:
        return ()
    if not isinstance(tags, Iterable):
        raise NoteError(f"tags are a list of strings or one comma-separated string, not {tags!r}.")
    items = tags.split(",") if isinstance(tags, str) else list(tags)
    cleaned = set()
    for tag in items:
        if not isinstance(tag, str):
            raise NoteError(f"a tag must be a string, not {tag!r}.")
        if "," in tag:
            raise NoteError(f"a tag cannot contain a comma: {tag!r}; give several tags as a list.")
        tag = " ".join(tag.split()).lower()
        if len(tag) > _MAX_TAG_LENGTH:
            raise NoteError(f"the tag {tag!r} is longer than {_MAX_TAG_LENGTH} characters.")
        if tag:
            cleaned.add(tag)
    return tuple(sorted(cleaned))


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _timestamp_text(moment: datetime) -> str:
    """Stored form of a moment: ISO 8601 in UTC to the microsecond."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _parse_timestamp(text: str) -> datetime:
    moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


# --- the SQLite file ---------------------------------------------------------------


def _create_schema_v1(connection: sqlite3.Connection) -> None:
    """Version 1: notes on paragraphs only, tags kept inline as "a,b"."""
    connection.execute(f"PRAGMA application_id = {_APPLICATION_ID}")
    connection.execute(
        """CREATE TABLE notes (
               note_id INTEGER PRIMARY KEY AUTOINCREMENT,
               paragraph_id TEXT NOT NULL,
               text TEXT NOT NULL,
               tags TEXT NOT NULL DEFAULT '',
               created TEXT NOT NULL)"""
    )


def _migrate_v1_to_v2(connection: sqlite3.Connection) -> None:
    """Version 2: any anchor (paragraph or footnote), a uid for merging imports,
    the chapter for filtering, an ``updated`` time, and tags in their own table."""
    connection.execute("ALTER TABLE notes RENAME TO notes_v1")
    # One statement at a time: executescript() would commit the migration half-way.
    for statement in (
        """CREATE TABLE notes (
               note_id INTEGER PRIMARY KEY AUTOINCREMENT,
               uid TEXT NOT NULL UNIQUE,
               anchor TEXT NOT NULL,
               chapter INTEGER,
               text TEXT NOT NULL CHECK (trim(text) <> ''),
               created TEXT NOT NULL,
               updated TEXT NOT NULL)""",
        "CREATE INDEX notes_by_anchor ON notes (anchor)",
        "CREATE INDEX notes_by_chapter ON notes (chapter)",
        """CREATE TABLE note_tags (
               note_id INTEGER NOT NULL REFERENCES notes (note_id) ON DELETE CASCADE,
               tag TEXT NOT NULL,
               PRIMARY KEY (note_id, tag)) WITHOUT ROWID""",
        "CREATE INDEX note_tags_by_tag ON note_tags (tag, note_id)",
    ):
        connection.execute(statement)
    old_notes = connection.execute(
        "SELECT note_id, paragraph_id, text, tags, created FROM notes_v1"
    ).fetchall()
    connection.executemany(
        "INSERT INTO notes (note_id, uid, anchor, chapter, text, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (
                note_id,
                str(uuid.uuid4()),
                paragraph_id,
                _chapter_of_paragraph_id(paragraph_id),
                text,
                created,
                created,
            )
            for note_id, paragraph_id, text, _, created in old_notes
        ],
    )
    connection.executemany(
        "INSERT INTO note_tags (note_id, tag) VALUES (?, ?)",
        [(note_id, tag) for note_id, _, _, tags, _ in old_notes for tag in _clean_tags(tags)],
    )
    # Keep the id counter, so that ids of notes deleted under version 1 are not reused.
    connection.execute("DELETE FROM sqlite_sequence WHERE name = 'notes'")
    connection.execute("UPDATE sqlite_sequence SET name = 'notes' WHERE name = 'notes_v1'")
    connection.execute("DROP TABLE notes_v1")


# Migration to version N is _MIGRATIONS[N]; a new store runs them all from 1.
_MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: _create_schema_v1,
    2: _migrate_v1_to_v2,
}


@contextlib.contextmanager
def _immediate_transaction(connection: sqlite3.Connection) -> Iterator[None]:
    """Hold the write lock from the start, commit at the end, roll back on any error."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise


def _write_transaction(
    connection: sqlite3.Connection, where: str, work: Callable[[sqlite3.Connection], _T]
) -> _T:
    """Run ``work`` in one write transaction, retrying while another notebook holds the lock.

    SQLite's busy timeout already waits for the lock; the retries cover a
    writer that keeps it longer than that, or a lock SQLite does not wait for.
    """
    attempt = 1
    while True:
        try:
            with _immediate_transaction(connection):
                return work(connection)
        except sqlite3.OperationalError as error:
            if not _is_locked(error):
                raise
            if attempt == _WRITE_ATTEMPTS:
                raise NoteError(
                    f"{where} stayed locked by another program for over "
                    f"{_WRITE_ATTEMPTS * _BUSY_TIMEOUT_SECONDS:.0f} s; nothing was written. Try again."
                ) from error
            time.sleep(0.05 * attempt)
            attempt += 1


def _is_locked(error: sqlite3.OperationalError) -> bool:
    message = str(error)
    return "locked" in message or "busy" in message


def _refuse_non_sqlite_file(path: Path) -> None:
    if path.is_dir():
        raise NoteError(
            f"{path} is a folder; give the path of a notes file inside it, e.g. {path / 'notes.sqlite3'}."
        )
    if not path.exists():
        return
    with path.open("rb") as file:
        header = file.read(len(_SQLITE_MAGIC))
    if header and header != _SQLITE_MAGIC:
        raise NoteError(
            f"{path} is not an SQLite database, so it cannot be a notes store; it may be damaged "
            "or another kind of file. It was left untouched: move it aside or pass another path."
        )


def _check_existing_store(connection: sqlite3.Connection, where: str) -> int:
    """Return the store's schema version (0 for a new, empty file), or refuse the file."""
    try:
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        n_objects = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        problems = [row[0] for row in connection.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as error:
        if isinstance(error, sqlite3.OperationalError) and _is_locked(error):
            raise NoteError(
                f"{where} is locked by another program; close it there and try again."
            ) from error
        raise NoteError(
            f"{where} is damaged and cannot be read ({error}). It was left untouched: "
            "restore it from a backup or move it aside and start a new store."
        ) from error
    if application_id == 0 and version == 0 and n_objects == 0:
        return 0
    if application_id != _APPLICATION_ID:
        raise NoteError(
            f"{where} is an SQLite database but not a leninism-study notes store. "
            "It was left untouched: pass the path of your notes file, or a new one."
        )
    if problems != ["ok"]:
        raise NoteError(
            f"{where} is damaged ({problems[0]}). It was left untouched: restore it from a backup "
            "(after an upgrade, a notes.v<N>-backup file lies beside it) or move it aside."
        )
    if version > SCHEMA_VERSION:
        raise NoteError(
            f"{where} was written by a newer leninism-study (notes schema {version}; this one reads "
            f"up to {SCHEMA_VERSION}). Upgrade the package to open it; the file was left untouched."
        )
    return version


def _back_up(connection: sqlite3.Connection, path: Path, version: int) -> None:
    stamp = _utc_now().strftime("%Y%m%dT%H%M%S%fZ")
    backup_path = path.with_name(f"{path.stem}.v{version}-backup-{stamp}{path.suffix}")
    with contextlib.closing(sqlite3.connect(backup_path)) as backup:
        connection.backup(backup)
        backup.execute(
            "PRAGMA journal_mode = DELETE"
        )  # one self-contained file, no -wal beside it


# --- the store ----------------------------------------------------------------------

_NOTE_COLUMNS = "n.note_id, n.uid, n.anchor, n.chapter, n.text, n.created, n.updated"
# Tags come back joined by newlines (a tag never contains one).
_TAGS_OF_NOTE = (
    "(SELECT group_concat(t.tag, char(10)) FROM note_tags AS t WHERE t.note_id = n.note_id)"
)
_SELECT_NOTES = f"SELECT {_NOTE_COLUMNS}, {_TAGS_OF_NOTE} AS tags FROM notes AS n"
_LIST_COLUMNS = [
    "note_id", "uid", "anchor", "paragraph_id", "footnote", "chapter", "text", "tags", "created", "updated",
]  # fmt: skip
_EXPORT_COLUMNS = [column for column in _LIST_COLUMNS if column != "note_id"]


def _note_from_row(row: Sequence[Any]) -> Note:
    note_id, uid, anchor, chapter, text, created, updated, tags = row
    return Note(
        note_id=note_id,
        uid=uid,
        anchor=anchor,
        chapter=chapter,
        text=text,
        tags=tuple(sorted(tags.split("\n"))) if tags else (),
        created=_parse_timestamp(created),
        updated=_parse_timestamp(updated),
    )


class NoteStore:
    """A student's notes on the book, in one SQLite file.

    Parameters
    ----------
    path : str or os.PathLike, optional
        The notes file; created (with its folder) if missing. Default:
        :func:`default_notes_path` (``$LENINISM_STUDY_NOTES`` or the per-user
        data directory). ``":memory:"`` gives a store that vanishes on close.

    Attributes
    ----------
    path : pathlib.Path or None
        The notes file (None for ``":memory:"``).

    Raises
    ------
    NoteError
        If the file is not a notes store, is damaged, or was written by a
        newer version of the package. Such a file is never written to.

    Notes
    -----
    Anchors are paragraph ids (``"IV.27"``, ``"Intro.3"``, as in
    ``ld.paragraphs().paragraph_id``) or footnotes written ``"fn:12"``
    (``ld.footnotes().footnote`` 12), checked against the book when a note is
    added or imported. Tags are folded to lower case and kept as a sorted
    tuple, so ``"State"`` and ``"state"`` are one tag; a tag cannot contain a
    comma, so a single string ``"state, party"`` is read as two tags.

    Use the store as a context manager, or call :meth:`close`, to release the
    file. One store object belongs to one thread; several processes (several
    notebooks) may open the same file at once.

    Examples
    --------
    >>> store = NoteStore(":memory:")
    >>> first = store.add("Intro.3", "Leninism is not only Russian.", tags="definition")
    >>> second = store.add("fn:1", "Published in Pravda, April-May 1924.", tags=["sources", "dates"])
    >>> store.list(tag="sources")[["note_id", "anchor", "footnote", "tags"]]
       note_id anchor  footnote              tags
    0        2   fn:1         1  (dates, sources)
    >>> store.edit(first.note_id, text="Leninism is an international phenomenon.").text
    'Leninism is an international phenomenon.'
    >>> len(store)
    2
    >>> store.close()
    """

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path: Path | None = (
            None if str(path) == _MEMORY else Path(path or default_notes_path()).expanduser()
        )
        self._where = "the in-memory notes store" if self.path is None else str(self.path)
        self._connection = self._open()

    # -- opening ------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        if self.path is not None:
            _refuse_non_sqlite_file(self.path)
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            connection = sqlite3.connect(
                _MEMORY if self.path is None else self.path,
                timeout=_BUSY_TIMEOUT_SECONDS,  # sets SQLite's busy timeout
                isolation_level=None,  # transactions are begun explicitly, see _write
            )
        except sqlite3.Error as error:
            raise NoteError(f"cannot open {self._where}: {error}.") from error
        try:
            version = _check_existing_store(connection, self._where)
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = FULL")  # a returned write is on disk
            connection.execute("PRAGMA foreign_keys = ON")
            if version < SCHEMA_VERSION:
                self._migrate(connection, version)
        except BaseException:
            connection.close()
            raise
        return connection

    def _migrate(self, connection: sqlite3.Connection, version: int) -> None:
        if self.path is not None and version > 0:
            _back_up(connection, self.path, version)

        def migrate(connection: sqlite3.Connection) -> None:
            # Another notebook may have migrated the file since we looked.
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            for target in range(version + 1, SCHEMA_VERSION + 1):
                _MIGRATIONS[target](connection)
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

        _write_transaction(connection, self._where, migrate)

    def close(self) -> None:
        """Close the file. The store cannot be used afterwards."""
        self._connection.close()

    def __enter__(self) -> NoteStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __len__(self) -> int:
        return self._connection.execute("SELECT count(*) FROM notes").fetchone()[0]

    def __repr__(self) -> str:
        return f"NoteStore({_MEMORY if self.path is None else str(self.path)!r})"

    # -- writing ------------------------------------------------------------------

    def _write(self, work: Callable[[sqlite3.Connection], _T]) -> _T:
        return _write_transaction(self._connection, self._where, work)

    def add(self, anchor: str, text: str, *, tags: Iterable[str] | str = ()) -> Note:
        """Attach a note to a paragraph or footnote.

        Parameters
        ----------
        anchor : str
            A paragraph id (``"IV.27"``) or a footnote (``"fn:12"``).
        text : str
            The note; any text, Markdown welcome.
        tags : iterable of str or str, default ()
            Tags for the note; one string is read as comma-separated tags.

        Returns
        -------
        Note
            The stored note, with its new ``note_id`` and ``uid``.

        Raises
        ------
        NoteError
            For an anchor the book does not have, an empty note or a bad tag.

        Examples
        --------
        >>> with NoteStore(":memory:") as store:
        ...     note = store.add(" VII.30 ", "  Tactics serve strategy.  ", tags="Tactics, strategy")
        >>> note.anchor, note.chapter, note.text, note.tags
        ('VII.30', 7, 'Tactics serve strategy.', ('strategy', 'tactics'))
        """
        passage = _find_passage(anchor)
        clean_text = _clean_text(text)
        clean_tags = _clean_tags(tags)
        now = _utc_now()
        uid = str(uuid.uuid4())

        def insert(connection: sqlite3.Connection) -> int:
            return _insert_note(connection, uid, passage, clean_text, clean_tags, now, now)

        note_id = self._write(insert)
        return Note(
            note_id, uid, passage.anchor, passage.chapter, clean_text, clean_tags, now, now
        )

    def edit(
        self, note_id: int, *, text: str | None = None, tags: Iterable[str] | str | None = None
    ) -> Note:
        """Change a note's text, its tags, or both.

        Parameters
        ----------
        note_id : int
            The note to change.
        text : str, optional
            New text; unchanged if omitted.
        tags : iterable of str or str, optional
            New tags, replacing the old ones (``()`` removes all); unchanged
            if omitted.

        Returns
        -------
        Note
            The note as now stored, with a new ``updated`` time.

        Raises
        ------
        NoteError
            If there is no such note, or the new text is empty.

        Examples
        --------
        >>> with NoteStore(":memory:") as store:
        ...     note = store.add("VII.30", "First thought.", tags=["strategy"])
        ...     store.edit(note.note_id, tags=["strategy", "reserves"]).tags
        ('reserves', 'strategy')
        """
        if text is None and tags is None:
            raise NoteError("edit needs new text=, new tags=, or both.")
        clean_text = None if text is None else _clean_text(text)
        clean_tags = None if tags is None else _clean_tags(tags)
        now = _timestamp_text(_utc_now())

        def update(connection: sqlite3.Connection) -> None:
            self._require(note_id)
            if clean_text is not None:
                connection.execute(
                    "UPDATE notes SET text = ? WHERE note_id = ?", (clean_text, note_id)
                )
            if clean_tags is not None:
                connection.execute("DELETE FROM note_tags WHERE note_id = ?", (note_id,))
                _insert_tags(connection, note_id, clean_tags)
            connection.execute("UPDATE notes SET updated = ? WHERE note_id = ?", (now, note_id))

        self._write(update)
        return self.get(note_id)

    def delete(self, note_id: int) -> Note:
        """Delete a note and return it as it was (for an undo, add it again).

        Raises
        ------
        NoteError
            If there is no such note.

        Examples
        --------
        >>> with NoteStore(":memory:") as store:
        ...     note = store.add("IV.27", "Draft.")
        ...     store.delete(note.note_id).text, len(store)
        ('Draft.', 0)
        """

        def remove(connection: sqlite3.Connection) -> Note:
            note = self._require(note_id)
            connection.execute("DELETE FROM notes WHERE note_id = ?", (note_id,))
            return note

        return self._write(remove)

    def _require(self, note_id: int) -> Note:
        row = self._connection.execute(
            f"{_SELECT_NOTES} WHERE n.note_id = ?", (note_id,)
        ).fetchone()
        if row is None:
            raise NoteError(f"there is no note {note_id!r} in {self._where} (was it deleted?).")
        return _note_from_row(row)

    # -- reading ------------------------------------------------------------------

    def get(self, note_id: int) -> Note:
        """Return one note.

        Raises
        ------
        NoteError
            If there is no such note.

        Examples
        --------
        >>> with NoteStore(":memory:") as store:
        ...     note_id = store.add("fn:3", "Third Russian edition.").note_id
        ...     store.get(note_id).footnote
        3
        """
        return self._require(note_id)

    def list(
        self,
        *,
        chapter: ChapterLike | None = None,
        tag: str | None = None,
        anchor: str | None = None,
    ) -> pd.DataFrame:
        """Return the notes, one row per note, oldest first.

        Parameters
        ----------
        chapter : int or str, optional
            Only notes on this chapter: 4, ``"IV"`` or ``"Introduction"``.
        tag : str, optional
            Only notes with this tag (case does not matter).
        anchor : str, optional
            Only notes on this paragraph or footnote.

        Returns
        -------
        pandas.DataFrame
            ============  ==========================================================
            note_id       int, the note's number in this store
            uid           str, the note's id across stores and exports
            anchor        str, ``"IV.27"`` or ``"fn:12"``
            paragraph_id  str, joins ``ld.paragraphs()``; missing for a footnote
            footnote      Int64, joins ``ld.footnotes()``; missing for a paragraph
            chapter       Int64, 0 (Introduction) to 9
            text          str, the note
            tags          tuple of str, lower case, sorted
            created       datetime64 UTC, when it was written
            updated       datetime64 UTC, when it last changed
            ============  ==========================================================

        Examples
        --------
        >>> with NoteStore(":memory:") as store:
        ...     _ = store.add("IV.27", "On the dictatorship.")
        ...     _ = store.add("Intro.3", "On definitions.")
        ...     store.list(chapter="IV")[["anchor", "paragraph_id", "chapter", "text"]]
          anchor paragraph_id  chapter                  text
        0  IV.27        IV.27        4  On the dictatorship.
        """
        conditions: list[str] = []
        parameters: list[object] = []
        if chapter is not None:
            conditions.append("n.chapter = ?")
            parameters.append(_chapter_number(chapter))
        if tag is not None:
            conditions.append("n.note_id IN (SELECT note_id FROM note_tags WHERE tag = ?)")
            parameters.append(" ".join(tag.split()).lower())
        if anchor is not None:
            conditions.append("n.anchor = ?")
            parameters.append(check_anchor(anchor))
        where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
        rows = self._connection.execute(
            f"{_SELECT_NOTES}{where} ORDER BY n.note_id", parameters
        ).fetchall()
        return _notes_frame(rows)

    def search(
        self, text: str, *, chapter: ChapterLike | None = None, tag: str | None = None
    ) -> pd.DataFrame:
        """Return the notes whose text or tags contain ``text``, ignoring case.

        Parameters
        ----------
        text : str
            What to look for, taken literally (not a pattern).
        chapter, tag : optional
            As in :meth:`list`.

        Returns
        -------
        pandas.DataFrame
            The matching rows of :meth:`list`, with its columns.

        Examples
        --------
        >>> with NoteStore(":memory:") as store:
        ...     _ = store.add("VII.30", "The proletariat's RESERVES.")
        ...     _ = store.add("VII.31", "Flexible tactics.", tags=["reserves"])
        ...     _ = store.add("VII.32", "Something else.")
        ...     store.search("reserves")["anchor"].tolist()
        ['VII.30', 'VII.31']
        """
        if not isinstance(text, str) or not text.strip():
            raise NoteError("search needs some text to look for.")
        needle = text.strip().casefold()
        notes = self.list(chapter=chapter, tag=tag)
        in_text = notes["text"].str.casefold().str.contains(needle, regex=False)
        in_tags = notes["tags"].map(lambda tags: any(needle in tag for tag in tags)).astype(bool)
        return notes[in_text | in_tags].reset_index(drop=True)

    def tags(self) -> pd.DataFrame:
        """Return every tag in use, alphabetically, with ``n_notes`` carrying it.

        Examples
        --------
        >>> with NoteStore(":memory:") as store:
        ...     _ = store.add("VII.30", "a", tags=["strategy", "party"])
        ...     _ = store.add("VII.31", "b", tags=["strategy"])
        ...     store.tags()
                tag  n_notes
        0     party        1
        1  strategy        2
        """
        rows = self._connection.execute(
            "SELECT tag, count(*) FROM note_tags GROUP BY tag ORDER BY tag"
        ).fetchall()
        return pd.DataFrame(rows, columns=["tag", "n_notes"]).astype(
            {"tag": "str", "n_notes": "int64"}
        )

    # -- exporting ----------------------------------------------------------------

    def export_markdown(self, path: str | os.PathLike[str] | None = None) -> str:
        """Return (and optionally write) the notes as a Markdown study sheet.

        One ``##`` heading per chapter, in book order; under it a ``###``
        heading per passage (its id and printed page), the passage as a block
        quote, then each note on it followed by its tags. A note is Markdown,
        so its own emphasis, lists and links are kept; only what would break
        the sheet's structure at the start of a line (a heading ``#``, a
        quote ``>``, a code fence, an HTML block, a ``---``/``===`` rule or
        underline) is escaped with a backslash.

        Parameters
        ----------
        path : str or os.PathLike, optional
            If given, the Markdown is also written there (UTF-8), replacing the
            file in one step.

        Returns
        -------
        str
            The Markdown text.

        Examples
        --------
        >>> with NoteStore(":memory:") as store:
        ...     _ = store.add("fn:3", "# Which edition?", tags=["sources"])
        ...     print(store.export_markdown())
        # Notes on *The Foundations of Leninism*
        <BLANKLINE>
        ## I. The Historical Roots of Leninism
        <BLANKLINE>
        ### Footnote 3, p. 10
        <BLANKLINE>
        > The reference here, as in other citations from the works of V. I. Lenin, is to the third Russian edition of the Works of V. I. Lenin.
        <BLANKLINE>
        \\# Which edition?
        <BLANKLINE>
        *Tags: sources*
        <BLANKLINE>
        """
        passages = _book_passages()
        headings = _chapter_headings()
        after_the_book = (len(passages), 0)

        def book_order(note: Note) -> tuple[tuple[int, int], int]:
            passage = passages.get(note.anchor)
            return (after_the_book if passage is None else passage.book_order, note.note_id)

        lines = ["# Notes on *The Foundations of Leninism*", ""]
        current_chapter: object = object()
        for anchor, on_passage in itertools.groupby(
            sorted(self._notes(), key=book_order), key=lambda n: n.anchor
        ):
            passage = passages.get(anchor)
            chapter = None if passage is None else passage.chapter
            if chapter != current_chapter:
                current_chapter = chapter
                lines += [
                    f"## {'Passages not in the book' if chapter is None else headings[chapter]}",
                    "",
                ]
            if passage is None:
                lines += [
                    f"### {anchor}",
                    "",
                    f"> ({anchor} is not a passage of this edition of the book.)",
                    "",
                ]
            else:
                lines += [
                    f"### {passage.label}, {passage.pages}",
                    "",
                    f"> {_markdown_block_safe(passage.text)}",
                    "",
                ]
            for note in on_passage:
                lines += [_markdown_block_safe(note.text), ""]
                if note.tags:
                    lines += [
                        f"*Tags: {', '.join(_markdown_inline_safe(tag) for tag in note.tags)}*",
                        "",
                    ]
        markdown = "\n".join(lines)
        if path is not None:
            _write_text_atomically(Path(path), markdown)
        return markdown

    def _notes(self) -> Iterator[Note]:
        """Every note, oldest first."""
        for row in self._connection.execute(f"{_SELECT_NOTES} ORDER BY n.note_id"):
            yield _note_from_row(row)

    def export_csv(self, path: str | os.PathLike[str] | None = None) -> str:
        """Return (and optionally write) the notes as CSV, for a spreadsheet or a classmate.

        Columns are those of :meth:`list` without ``note_id``; ``tags`` are
        joined by ", ", times are ISO 8601 in UTC. :meth:`import_file` reads
        the file back.

        Examples
        --------
        >>> with NoteStore(":memory:") as store:
        ...     _ = store.add("VII.30", "Reserves, direct and indirect.", tags=["reserves", "strategy"])
        ...     print(store.export_csv(), end="")  # doctest: +ELLIPSIS
        uid,anchor,paragraph_id,footnote,chapter,text,tags,created,updated
        ...,VII.30,VII.30,,7,"Reserves, direct and indirect.","reserves, strategy",...+00:00,...+00:00
        """
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=_EXPORT_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for note in self._notes():
            writer.writerow({**_export_record(note), "tags": ", ".join(note.tags)})
        text = buffer.getvalue()
        if path is not None:
            _write_text_atomically(Path(path), text)
        return text

    def export_json(self, path: str | os.PathLike[str] | None = None) -> str:
        """Return (and optionally write) the notes as JSON, for a classmate or a program.

        The document is ``{"format": "leninism-study notes", "version": 1,
        "notes": [...]}`` with one object per note (the columns of
        :meth:`list` without ``note_id``; tags as a list). :meth:`import_file`
        reads it back.

        Examples
        --------
        >>> with NoteStore(":memory:") as store:
        ...     _ = store.add("fn:1", "Pravda.", tags=["sources"])
        ...     document = json.loads(store.export_json())
        >>> document["format"], document["notes"][0]["footnote"], document["notes"][0]["tags"]
        ('leninism-study notes', 1, ['sources'])
        """
        notes = [_export_record(note) for note in self._notes()]
        document = {"format": _EXPORT_FORMAT, "version": _EXPORT_VERSION, "notes": notes}
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        if path is not None:
            _write_text_atomically(Path(path), text)
        return text

    # -- importing ----------------------------------------------------------------

    def import_file(self, path: str | os.PathLike[str]) -> int:
        """Add the notes of a CSV or JSON export (yours or a classmate's).

        A note is skipped if this store already has it: a note with the same
        ``uid`` (exported from here, or imported before), or with the same
        anchor and text. A note already here is never
        changed. Every row is checked before anything is written, and all rows
        are added in one transaction, so a bad file adds nothing.

        Parameters
        ----------
        path : str or os.PathLike
            A ``.csv`` file (from :meth:`export_csv`, or any CSV with at least
            ``anchor`` and ``text`` columns; ``uid``, ``tags``, ``created``,
            ``updated`` are optional) or a ``.json`` file from
            :meth:`export_json`.

        Returns
        -------
        int
            The number of notes added.

        Raises
        ------
        NoteError
            If the file cannot be read, or a row has an unknown anchor, an
            empty text, a bad tag or time; the message names the row.

        Examples
        --------
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     export = Path(folder) / "classmate.json"
        ...     with NoteStore(":memory:") as classmate:
        ...         _ = classmate.add("VII.30", "Reserves.")
        ...         _ = classmate.export_json(export)
        ...     with NoteStore(":memory:") as mine:
        ...         mine.import_file(export), mine.import_file(export)
        (1, 0)
        """
        path = Path(path)
        rows = _read_export(path)
        prepared = [
            _prepare_imported_note(row, f"{path.name}, note {number}")
            for number, row in enumerate(rows, 1)
        ]

        def insert_new(connection: sqlite3.Connection) -> int:
            added = 0
            for uid, passage, text, tags, created, updated in prepared:
                duplicate = connection.execute(
                    "SELECT 1 FROM notes WHERE uid = ? OR (anchor = ? AND text = ?)",
                    (uid, passage.anchor, text),
                ).fetchone()
                if duplicate is None:
                    _insert_note(connection, uid, passage, text, tags, created, updated)
                    added += 1
            return added

        return self._write(insert_new)


def _export_record(note: Note) -> dict[str, Any]:
    return {
        "uid": note.uid,
        "anchor": note.anchor,
        "paragraph_id": note.paragraph_id,
        "footnote": note.footnote,
        "chapter": note.chapter,
        "text": note.text,
        "tags": list(note.tags),
        "created": _timestamp_text(note.created),
        "updated": _timestamp_text(note.updated),
    }


def _insert_note(
    connection: sqlite3.Connection,
    uid: str,
    passage: _Passage,
    text: str,
    tags: tuple[str, ...],
    created: datetime,
    updated: datetime,
) -> int:
    cursor = connection.execute(
        "INSERT INTO notes (uid, anchor, chapter, text, created, updated) VALUES (?, ?, ?, ?, ?, ?)",
        (
            uid,
            passage.anchor,
            passage.chapter,
            text,
            _timestamp_text(created),
            _timestamp_text(updated),
        ),
    )
    note_id = cursor.lastrowid
    assert note_id is not None
    _insert_tags(connection, note_id, tags)
    return note_id


def _insert_tags(connection: sqlite3.Connection, note_id: int, tags: tuple[str, ...]) -> None:
    connection.executemany(
        "INSERT INTO note_tags (note_id, tag) VALUES (?, ?)", [(note_id, tag) for tag in tags]
    )


def _notes_frame(rows: Sequence[Sequence[Any]]) -> pd.DataFrame:
    note_ids, uids, anchors, chapters, texts, created, updated, tags = (
        zip(*rows) if rows else ((),) * 8
    )
    is_footnote = [anchor.startswith("fn:") for anchor in anchors]
    return pd.DataFrame(
        {
            "note_id": pd.array(note_ids, dtype="int64"),
            "uid": pd.array(uids, dtype="str"),
            "anchor": pd.array(anchors, dtype="str"),
            "paragraph_id": pd.array(
                [None if footnote else anchor for anchor, footnote in zip(anchors, is_footnote)],
                dtype="str",
            ),
            "footnote": pd.array(
                [
                    int(anchor[3:]) if footnote else None
                    for anchor, footnote in zip(anchors, is_footnote)
                ],
                dtype="Int64",
            ),
            "chapter": pd.array(chapters, dtype="Int64"),
            "text": pd.array(texts, dtype="str"),
            "tags": pd.Series(
                [tuple(sorted(joined.split("\n"))) if joined else () for joined in tags],
                dtype=object,
            ),
            "created": pd.to_datetime(pd.Series(created, dtype="str"), format="ISO8601", utc=True),
            "updated": pd.to_datetime(pd.Series(updated, dtype="str"), format="ISO8601", utc=True),
        },
        columns=_LIST_COLUMNS,
    )


# --- files in and out ---------------------------------------------------------------


def _markdown_block_safe(text: str) -> str:
    """Escape what would start a heading, quote, fence, HTML block or rule at a line start."""
    block_start = re.compile(
        r"^( {0,3})(#|>|```|~~~|<|=+[ \t]*$|-+[ \t]*$|(?:[-*_][ \t]*){3,}$)", re.MULTILINE
    )
    return block_start.sub(r"\1\\\2", text)


def _markdown_inline_safe(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>~])", r"\\\1", text)


def _write_text_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that a reader sees the old file or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{uuid.uuid4().hex}.partial")
    try:
        with partial.open("x", encoding="utf-8", newline="") as file:
            file.write(text)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def _read_export(path: Path) -> list[dict[str, Any]]:
    suffix = path.suffix.lower()
    if suffix not in {".csv", ".json"}:
        raise NoteError(
            f"{path} is neither .csv nor .json; import a file made by export_csv or export_json."
        )
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise NoteError(f"cannot read {path}: {error}.") from error
    if suffix == ".csv":
        reader = csv.DictReader(io.StringIO(text))
        missing = {"anchor", "text"} - set(reader.fieldnames or ())
        if missing:
            raise NoteError(
                f"{path} has no {' or '.join(sorted(missing))} column; a notes CSV needs anchor and text."
            )
        return list(reader)  # tags stay one comma-separated string, as _clean_tags reads them
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise NoteError(f"{path} is not valid JSON ({error}).") from error
    if not isinstance(document, dict) or document.get("format") != _EXPORT_FORMAT:
        raise NoteError(
            f"{path} is JSON but not a leninism-study notes export (made by export_json)."
        )
    version = document.get("version")
    if not isinstance(version, int):
        raise NoteError(f"{path} has no export version; it was not made by export_json.")
    if version > _EXPORT_VERSION:
        raise NoteError(
            f"{path} was exported by a newer leninism-study; upgrade the package to import it."
        )
    notes = document.get("notes")
    if not isinstance(notes, list) or not all(isinstance(note, dict) for note in notes):
        raise NoteError(f"{path} has no list of notes.")
    return notes


def _prepare_imported_note(
    row: Mapping[str, Any], where: str
) -> tuple[str, _Passage, str, tuple[str, ...], datetime, datetime]:
    try:
        passage = _find_passage(row.get("anchor"))
        text = _clean_text(row.get("text"))
        tags = _clean_tags(row.get("tags"))
    except NoteError as error:
        raise NoteError(f"{where}: {error}") from None
    try:
        created = _parse_timestamp(str(row["created"])) if row.get("created") else _utc_now()
        updated = _parse_timestamp(str(row["updated"])) if row.get("updated") else created
    except ValueError as error:
        raise NoteError(
            f"{where}: a time is not in ISO 8601 form, like 2024-05-01T12:30:00+00:00 ({error})."
        ) from None
    try:
        uid = str(uuid.UUID(str(row["uid"]))) if row.get("uid") else str(uuid.uuid4())
    except ValueError:
        raise NoteError(
            f"{where}: {row['uid']!r} is not a note uid (a UUID); leave the uid empty for a new note."
        ) from None
    return uid, passage, text, tags, created, updated
