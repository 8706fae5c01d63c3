"""The SQLite file behind :class:`leninism_data.NoteStore`: schema, migrations, locking, rows.

What keeps the notes safe
-------------------------
- Every change is one SQLite transaction (``BEGIN IMMEDIATE`` ... ``COMMIT``): a crash
  or a lost kernel in the middle of a write leaves the store as it was before that
  write, and a committed note is synced to disk.
- The file is in WAL mode with a busy timeout, and a write that still finds the store
  locked is retried, so two notebooks writing at the same time both succeed.
- One :class:`NotesFile` may be used from any thread (a Jupyter kernel runs widget
  callbacks on other threads than the cell that built the widget): its one connection
  is shared, and every use of it holds a lock.
- The file header carries an application id and a schema version. A file that is not
  an SQLite database, an SQLite database of another program, a damaged store, or a
  store written by a newer version of this package is refused with a
  :class:`~leninism_data.seminar.anchors.NoteError` that names the problem, and is
  never written to (not even switched to WAL mode).
- An older store is migrated forward in one transaction, after a copy of it has been
  saved beside it (``notes.v1-backup.sqlite3``, one per version, never overwritten).
  Legacy rows the current schema would refuse are repaired (an over-long tag is cut,
  an unreadable time replaced) or, if they cannot be (an empty note), kept aside in the
  ``quarantined_notes`` table; :attr:`NotesFile.migration_report` says how many.
- A new notes file is readable by its owner only (0600), in a folder created 0700.
- A read-only file or folder, a full disk, a closed store or a deleted file gives a
  ``NoteError`` that says so.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from leninism_data.seminar.anchors import NoteError, Passage, chapter_of_anchor

__all__ = [
    "MAX_TAG_LENGTH",
    "SCHEMA_VERSION",
    "Note",
    "NotesFile",
    "clean_tags",
    "clean_text",
    "insert_note",
    "note_from_row",
    "parse_timestamp",
    "timestamp_text",
    "utc_now",
]

SCHEMA_VERSION = 2
"""Version of the store's tables, kept in the file header (``PRAGMA user_version``)."""

MAX_TAG_LENGTH = 40
MAX_TEXT_LENGTH = 1_000_000  # characters of one note: a long essay, far from SQLite's limit

# Marks the file as ours in the SQLite header ("LSNT": Leninism Study NoTes),
# so that a foreign SQLite file is recognised and left alone.
APPLICATION_ID = 0x4C534E54
_SQLITE_MAGIC = b"SQLite format 3\x00"
_BUSY_TIMEOUT_SECONDS = 5.0
_WRITE_ATTEMPTS = 4
MEMORY = ":memory:"

_T = TypeVar("_T")


@dataclass(frozen=True)
class Note:
    """One note, as stored.

    Attributes
    ----------
    note_id : int
        The note's number in this store (never reused after a delete).
    uid : str
        A universally unique id that travels with the note through exports, so that
        importing the same note twice does not duplicate it.
    anchor : str
        Where the note is attached: a paragraph id (``"IV.27"``) or a footnote
        (``"fn:12"``).
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


# --- checking what a student typed ---------------------------------------------------


def clean_text(text: object) -> str:
    """A note's text in stored form: line ends as ``\\n``, blank space around removed.

    >>> clean_text("  Two\\r\\nlines.\\r")
    'Two\\nlines.'
    """
    if not isinstance(text, str):
        raise NoteError(f"a note's text must be a string, not {type(text).__name__}.")
    cleaned = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not cleaned:
        raise NoteError("a note cannot be empty; write something to attach to the passage.")
    if len(cleaned) > MAX_TEXT_LENGTH:
        raise NoteError(
            f"a note is limited to {MAX_TEXT_LENGTH:,} characters; this one has "
            f"{len(cleaned):,}. Split it into several notes."
        )
    return cleaned


def clean_tags(tags: object, *, repair: bool = False) -> tuple[str, ...]:
    """Tags in stored form: stripped, spaces collapsed, lower case, unique, sorted.

    A single string is read as comma-separated tags (``"state, party"``). With
    ``repair``, an over-long tag is cut to :data:`MAX_TAG_LENGTH` instead of refused.

    >>> clean_tags("State,  the   Party")
    ('state', 'the party')
    """
    if tags is None:
        return ()
    if isinstance(tags, str):
        items: list[object] = list(tags.split(","))
    elif isinstance(tags, Iterable) and not isinstance(tags, (bytes, dict)):
        items = list(tags)
    else:
        raise NoteError(
            f"tags are a list of strings or one comma-separated string, not {type(tags).__name__}."
        )
    cleaned = set()
    for tag in items:
        if not isinstance(tag, str):
            raise NoteError(f"a tag must be a string, not {type(tag).__name__}.")
        if "," in tag:
            raise NoteError(f"a tag cannot contain a comma: {tag!r}; give several tags as a list.")
        tag = " ".join(tag.split()).lower()
        if len(tag) > MAX_TAG_LENGTH:
            if not repair:
                raise NoteError(
                    f"the tag {tag[:MAX_TAG_LENGTH]!r}… is longer than {MAX_TAG_LENGTH} "
                    "characters."
                )
            tag = tag[:MAX_TAG_LENGTH].strip()
        if tag:
            cleaned.add(tag)
    return tuple(sorted(cleaned))


def utc_now() -> datetime:
    """The present moment in UTC (tests replace it with a fixed clock)."""
    return datetime.now(UTC)


def timestamp_text(moment: datetime) -> str:
    """Stored form of a moment: ISO 8601 in UTC to the microsecond.

    >>> timestamp_text(datetime(2024, 5, 1, 12, 30, tzinfo=UTC))
    '2024-05-01T12:30:00.000000+00:00'
    """
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def parse_timestamp(text: str) -> datetime:
    """Read an ISO 8601 time (``Z`` or an offset; none means UTC) as a UTC datetime."""
    moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


# --- the schema and its migrations ------------------------------------------------------


def _create_schema_v1(connection: sqlite3.Connection) -> None:
    """Version 1: notes on paragraphs only, tags kept inline as "a,b"."""
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.execute(
        """CREATE TABLE notes (
               note_id INTEGER PRIMARY KEY AUTOINCREMENT,
               paragraph_id TEXT NOT NULL,
               text TEXT NOT NULL,
               tags TEXT NOT NULL DEFAULT '',
               created TEXT NOT NULL)"""
    )


_V2_TABLES = (
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
)
_QUARANTINE_TABLE = """CREATE TABLE IF NOT EXISTS quarantined_notes (
           note_id INTEGER, paragraph_id TEXT, text TEXT, tags TEXT, created TEXT,
           reason TEXT NOT NULL)"""
#: Columns each table of a store must have, checked before anything is written.
_REQUIRED_COLUMNS = {
    1: {"notes": {"note_id", "paragraph_id", "text", "tags", "created"}},
    2: {
        "notes": {"note_id", "uid", "anchor", "chapter", "text", "created", "updated"},
        "note_tags": {"note_id", "tag"},
    },
}


@dataclass
class _MigrationCount:
    repaired: int = 0
    quarantined: int = 0


def _migrate_v1_to_v2(connection: sqlite3.Connection, count: _MigrationCount) -> None:
    """Version 2: any anchor (paragraph or footnote), a uid for merging imports, the
    chapter for filtering, an ``updated`` time, and tags in their own table.

    A row the new schema would refuse never stops the migration: a blank note is moved
    to ``quarantined_notes``; an over-long tag is cut and an unreadable time replaced.
    """
    connection.execute("ALTER TABLE notes RENAME TO notes_v1")
    # One statement at a time: executescript() would commit the migration half-way.
    for statement in _V2_TABLES:
        connection.execute(statement)
    old_notes = connection.execute(
        "SELECT note_id, paragraph_id, text, tags, created FROM notes_v1"
    ).fetchall()
    now = timestamp_text(utc_now())
    for note_id, paragraph_id, text, tags, created in old_notes:
        anchor = str(paragraph_id or "").strip()
        if not isinstance(text, str) or not text.strip() or not anchor:
            connection.execute(_QUARANTINE_TABLE)
            connection.execute(
                "INSERT INTO quarantined_notes VALUES (?, ?, ?, ?, ?, ?)",
                (note_id, paragraph_id, text, tags, created, "empty note or no paragraph"),
            )
            count.quarantined += 1
            continue
        repaired = False
        try:
            stamp = timestamp_text(parse_timestamp(str(created)))
        except ValueError:
            stamp, repaired = now, True
        try:
            note_tags = clean_tags(str(tags or ""))
        except NoteError:
            note_tags, repaired = clean_tags(str(tags or ""), repair=True), True
        count.repaired += repaired
        connection.execute(
            "INSERT INTO notes (note_id, uid, anchor, chapter, text, created, updated) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (note_id, str(uuid.uuid4()), anchor, chapter_of_anchor(anchor), text, stamp, stamp),
        )
        insert_tags(connection, note_id, note_tags)
    # Keep the id counter, so that ids of notes deleted under version 1 are not reused.
    connection.execute("DELETE FROM sqlite_sequence WHERE name = 'notes'")
    connection.execute("UPDATE sqlite_sequence SET name = 'notes' WHERE name = 'notes_v1'")
    connection.execute("DROP TABLE notes_v1")


# Migration to version N is MIGRATIONS[N]; a new store runs them all from 1.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection, _MigrationCount], None]] = {
    1: lambda connection, _count: _create_schema_v1(connection),
    2: _migrate_v1_to_v2,
}


# --- transactions and errors -----------------------------------------------------------


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


def _is_locked(error: sqlite3.Error) -> bool:
    message = str(error)
    return "locked" in message or "busy" in message


def _store_error(error: sqlite3.Error, where: str, path: Path | None) -> NoteError:
    """A NoteError naming what went wrong with the file, in words a student can act on."""
    message = str(error).lower()
    if "readonly" in message or "read-only" in message or "unable to open" in message:
        folder = None if path is None else path.parent
        if folder is not None and folder.exists() and not os.access(folder, os.W_OK):
            return NoteError(
                f"the folder {folder} is read-only, so the notes in {where} cannot be saved "
                "(SQLite keeps a journal beside the file). Nothing was written: make the "
                "folder writable or open a notes file elsewhere."
            )
        return NoteError(
            f"{where} is read-only (or cannot be opened for writing); nothing was written. "
            "Make the file writable or open a notes file elsewhere."
        )
    if "full" in message:
        return NoteError(
            f"the disk holding {where} is full; nothing was written. Free some space and "
            "try again: the notes already saved are safe."
        )
    if _is_locked(error):
        return NoteError(f"{where} is locked by another program; close it there and try again.")
    if "closed" in message:
        return NoteError(f"{where} is closed; open it again with NoteStore({str(path)!r}).")
    return NoteError(f"cannot use {where}: {error}.")


def _refuse_non_sqlite_file(path: Path) -> None:
    if path.is_dir():
        raise NoteError(
            f"{path} is a folder; give the path of a notes file inside it, "
            f"e.g. {path / 'notes.sqlite3'}."
        )
    if not path.exists():
        return
    try:
        with path.open("rb") as file:
            header = file.read(len(_SQLITE_MAGIC))
    except OSError as error:
        raise NoteError(
            f"cannot read {path}: {error.strerror or error}. Check its permissions."
        ) from None
    if header and header != _SQLITE_MAGIC:
        raise NoteError(
            f"{path} is not an SQLite database, so it cannot be a notes store; it may be "
            "damaged or another kind of file. It was left untouched: move it aside or pass "
            "another path."
        )


def _check_existing_store(connection: sqlite3.Connection, where: str, path: Path | None) -> int:
    """Return the store's schema version (0 for a new, empty file), or refuse the file."""
    try:
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        n_objects = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        problems = [row[0] for row in connection.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as error:
        if isinstance(error, sqlite3.OperationalError):  # locked, read-only, unreadable
            raise _store_error(error, where, path) from error
        raise NoteError(
            f"{where} is damaged and cannot be read ({error}). It was left untouched: "
            "restore it from a backup or move it aside and start a new store."
        ) from error
    if application_id == 0 and version == 0 and n_objects == 0:
        return 0
    if application_id != APPLICATION_ID:
        raise NoteError(
            f"{where} is an SQLite database but not a leninism-study notes store. "
            "It was left untouched: pass the path of your notes file, or a new one."
        )
    if problems != ["ok"]:
        raise NoteError(
            f"{where} is damaged ({problems[0]}). It was left untouched: restore it from a "
            "backup (after an upgrade, a notes.v<N>-backup file lies beside it) or move it "
            "aside."
        )
    if version > SCHEMA_VERSION:
        raise NoteError(
            f"{where} was written by a newer leninism-study (notes schema {version}; this one "
            f"reads up to {SCHEMA_VERSION}). Upgrade the package to open it; the file was left "
            "untouched."
        )
    for table, columns in _REQUIRED_COLUMNS.get(version, {}).items():
        present = {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}
        if not columns <= present:
            raise NoteError(
                f"{where} carries the mark of a leninism-study notes store but has no proper "
                f"{table!r} table, so it was not made by this package. It was left untouched: "
                "pass the path of your notes file, or a new one."
            )
    return version


def _back_up(connection: sqlite3.Connection, path: Path, version: int) -> None:
    """Copy the store beside itself before migrating, once per schema version."""
    backup_path = path.with_name(f"{path.stem}.v{version}-backup{path.suffix}")
    if backup_path.exists():  # the copy of the untouched store, from an earlier attempt
        return
    partial = backup_path.with_name(f".{backup_path.name}.partial")
    with contextlib.closing(sqlite3.connect(partial)) as backup:
        connection.backup(backup)
        backup.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
    os.replace(partial, backup_path)


def _create_private(path: Path) -> None:
    """Create the notes file (and its folder) readable by its owner only."""
    if not path.parent.exists():
        path.parent.mkdir(mode=0o700, parents=True)
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def _make_private(path: Path) -> None:
    """Take away the group's and others' access to a notes file of ours (best effort)."""
    with contextlib.suppress(OSError):
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077 and os.access(path, os.W_OK):
            path.chmod(mode & 0o700)


# --- the file --------------------------------------------------------------------------


class NotesFile:
    """One open notes store: an SQLite connection usable from any thread.

    Parameters
    ----------
    path : pathlib.Path or None
        The file (None for a throwaway store in memory).

    Attributes
    ----------
    migration_report : str
        What the migration of an older store did ("" if there was none).
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.where = "the in-memory notes store" if path is None else str(path)
        self.migration_report = ""
        self._lock = threading.RLock()
        self._connection: sqlite3.Connection | None = self._open()

    @property
    def closed(self) -> bool:
        """True once :meth:`close` has been called."""
        return self._connection is None

    def _open(self) -> sqlite3.Connection:
        if self.path is not None:
            _refuse_non_sqlite_file(self.path)
            try:
                _create_private(self.path)
            except OSError as error:
                raise NoteError(
                    f"cannot create {self.where}: {error.strerror or error}. Choose a folder "
                    "you can write to."
                ) from None
        try:
            connection = sqlite3.connect(
                MEMORY if self.path is None else self.path,
                timeout=_BUSY_TIMEOUT_SECONDS,  # sets SQLite's busy timeout
                isolation_level=None,  # transactions are begun explicitly, see write()
                check_same_thread=False,  # shared by the kernel's threads, under self._lock
            )
        except sqlite3.Error as error:
            raise _store_error(error, self.where, self.path) from error
        try:
            version = _check_existing_store(connection, self.where, self.path)
            # Only now, with the file known to be ours, is anything written to it.
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = FULL")  # a returned write is on disk
            connection.execute("PRAGMA foreign_keys = ON")
            if version < SCHEMA_VERSION:
                self._migrate(connection, version)
        except sqlite3.Error as error:
            connection.close()
            raise _store_error(error, self.where, self.path) from error
        except BaseException:
            connection.close()
            raise
        if self.path is not None:
            _make_private(self.path)
        return connection

    def _migrate(self, connection: sqlite3.Connection, version: int) -> None:
        if self.path is not None and version > 0:
            _back_up(connection, self.path, version)
        count = _MigrationCount()

        def migrate(connection: sqlite3.Connection) -> None:
            # Another notebook may have migrated the file since we looked.
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            for target in range(version + 1, SCHEMA_VERSION + 1):
                MIGRATIONS[target](connection, count)
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

        self._transaction(connection, migrate)
        if version > 0:
            self.migration_report = (
                f"{self.where} was upgraded from notes schema {version} to {SCHEMA_VERSION}: "
                f"{count.repaired} note(s) repaired (a tag cut to {MAX_TAG_LENGTH} characters "
                f"or an unreadable time replaced), {count.quarantined} empty note(s) kept aside "
                "in the quarantined_notes table."
            )

    def close(self) -> None:
        """Close the file. Using the store afterwards raises a NoteError."""
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    def _usable(self) -> sqlite3.Connection:
        if self._connection is None:
            raise NoteError(
                f"{self.where} is closed; open it again"
                + ("." if self.path is None else f" with NoteStore({str(self.path)!r}).")
            )
        if self.path is not None and not self.path.exists():
            raise NoteError(
                f"{self.path} was deleted or moved while open, so nothing more can be saved "
                "there. Open a notes file again with NoteStore() (or pass the new path)."
            )
        return self._connection

    def read(self, work: Callable[[sqlite3.Connection], _T]) -> _T:
        """Run ``work(connection)`` for reading, holding the lock."""
        with self._lock:
            connection = self._usable()
            try:
                return work(connection)
            except sqlite3.Error as error:
                raise _store_error(error, self.where, self.path) from error

    def write(self, work: Callable[[sqlite3.Connection], _T]) -> _T:
        """Run ``work(connection)`` in one write transaction, holding the lock."""
        with self._lock:
            connection = self._usable()
            try:
                return self._transaction(connection, work)
            except sqlite3.Error as error:
                raise _store_error(error, self.where, self.path) from error

    def _transaction(
        self, connection: sqlite3.Connection, work: Callable[[sqlite3.Connection], _T]
    ) -> _T:
        """One write transaction, retried while another notebook holds the lock.

        SQLite's busy timeout already waits for the lock; the retries cover a writer that
        keeps it longer than that, or a lock SQLite does not wait for.
        """
        attempt = 1
        while True:
            try:
                with _immediate_transaction(connection):
                    return work(connection)
            except sqlite3.OperationalError as error:
                if not _is_locked(error):
                    raise
                if attempt >= _WRITE_ATTEMPTS:
                    raise NoteError(
                        f"{self.where} stayed locked by another program for over "
                        f"{_WRITE_ATTEMPTS * _BUSY_TIMEOUT_SECONDS:.0f} s; nothing was "
                        "written. Try again."
                    ) from error
                time.sleep(0.05 * attempt)
                attempt += 1


# --- rows -------------------------------------------------------------------------------

NOTE_COLUMNS = "n.note_id, n.uid, n.anchor, n.chapter, n.text, n.created, n.updated"
# Tags come back joined by newlines (a tag never contains one).
_TAGS_OF_NOTE = (
    "(SELECT group_concat(t.tag, char(10)) FROM note_tags AS t WHERE t.note_id = n.note_id)"
)
SELECT_NOTES = f"SELECT {NOTE_COLUMNS}, {_TAGS_OF_NOTE} AS tags FROM notes AS n"


def note_from_row(row: Sequence[Any]) -> Note:
    """A :class:`Note` from a row of :data:`SELECT_NOTES`."""
    note_id, uid, anchor, chapter, text, created, updated, tags = row
    return Note(
        note_id=note_id,
        uid=uid,
        anchor=anchor,
        chapter=chapter,
        text=text,
        tags=tuple(sorted(tags.split("\n"))) if tags else (),
        created=parse_timestamp(created),
        updated=parse_timestamp(updated),
    )


def insert_note(
    connection: sqlite3.Connection,
    uid: str,
    passage: Passage,
    text: str,
    tags: tuple[str, ...],
    created: datetime,
    updated: datetime,
) -> int:
    """Insert a note and its tags; return its new ``note_id``."""
    cursor = connection.execute(
        "INSERT INTO notes (uid, anchor, chapter, text, created, updated) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (
            uid,
            passage.anchor,
            passage.chapter,
            text,
            timestamp_text(created),
            timestamp_text(updated),
        ),
    )
    note_id = cursor.lastrowid
    assert note_id is not None
    insert_tags(connection, note_id, tags)
    return note_id


def replace_note(
    connection: sqlite3.Connection,
    note_id: int,
    passage: Passage,
    text: str,
    tags: tuple[str, ...],
    updated: datetime,
) -> None:
    """Overwrite a note's anchor, text, tags and ``updated`` time (keeping its uid)."""
    connection.execute(
        "UPDATE notes SET anchor = ?, chapter = ?, text = ?, updated = ? WHERE note_id = ?",
        (passage.anchor, passage.chapter, text, timestamp_text(updated), note_id),
    )
    connection.execute("DELETE FROM note_tags WHERE note_id = ?", (note_id,))
    insert_tags(connection, note_id, tags)


def insert_tags(connection: sqlite3.Connection, note_id: int, tags: tuple[str, ...]) -> None:
    """Attach ``tags`` to note ``note_id``."""
    connection.executemany(
        "INSERT INTO note_tags (note_id, tag) VALUES (?, ?)", [(note_id, tag) for tag in tags]
    )
