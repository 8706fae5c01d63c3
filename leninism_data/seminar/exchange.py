"""Notes in and out of a store: Markdown study sheets, CSV and JSON exports, imports.

Everything that leaves the package is made safe for where it goes:

- Markdown: a note stays Markdown (its emphasis, lists and links are kept), but what
  would break the sheet's structure at a line start (``#``, ``>``, fences, rules,
  underlines; a lone ``\\r`` counts as a line break) is escaped, ``<`` and ``&`` are
  written as entities so no HTML reaches a renderer, and ``javascript:``, ``vbscript:``
  and ``data:`` links are neutralised.
- CSV: a cell that a spreadsheet would run as a formula (starting ``=``, ``+``, ``-``,
  ``@``, a tab or a carriage return) is prefixed with ``'``; so is one starting with
  ``'``, so that importing an export gives back exactly what was written.

Files are written to a temporary file beside the target and renamed, so a failure
(a full disk) never leaves a half-written file in place of a good one.

An import identifies notes by their ``uid``: a note already in the store is replaced
only by a newer edit of itself (a later ``updated`` time), and notes with different
uids are all kept, even with the same text. Exporting a store and importing the file
into an empty store gives back every note exactly, in JSON and in CSV.
"""

from __future__ import annotations

import contextlib
import csv
import io
import itertools
import json
import os
import re
import sqlite3
import uuid
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

from leninism_data.seminar.anchors import (
    NoteError,
    Passage,
    book_passages,
    chapter_headings,
    find_passage,
)
from leninism_data.seminar.storage import (
    Note,
    clean_tags,
    clean_text,
    insert_note,
    parse_timestamp,
    replace_note,
    timestamp_text,
    utc_now,
)

__all__ = [
    "EXPORT_COLUMNS",
    "EXPORT_FORMAT",
    "ImportReport",
    "ImportedNote",
    "csv_text",
    "import_notes",
    "json_text",
    "markdown_sheet",
    "read_export",
    "write_text_atomically",
]

EXPORT_FORMAT = "leninism-study notes"
_EXPORT_VERSION = 1  # of the JSON export's layout; independent of the store's schema
EXPORT_COLUMNS = [
    "uid", "anchor", "paragraph_id", "footnote", "chapter", "text", "tags", "created", "updated",
]  # fmt: skip
# A fixed namespace for the uids of notes imported from hand-made files without one.
_HAND_MADE = uuid.UUID("6f1c3c1e-3a52-4f4e-9a51-1d6b0e4c2a7d")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")


# --- Markdown -------------------------------------------------------------------------

_BLOCK_START = re.compile(
    r"^( {0,3})(#|>|```|~~~|=+[ \t]*$|-+[ \t]*$|(?:[-*_][ \t]*){3,}$)", re.MULTILINE
)
_UNSAFE_SCHEME = re.compile(r"\b(javascript|vbscript|data)(\s*):", re.IGNORECASE)


def markdown_block_safe(text: str) -> str:
    """A note or passage as Markdown that cannot break the sheet or carry HTML or scripts.

    >>> note = "# Title\\r---\\n<img src=x onerror=alert(1)> & [a](javascript:x)"
    >>> print(markdown_block_safe(note))
    \\# Title
    \\---
    &lt;img src=x onerror=alert(1)> &amp; [a](javascript%3Ax)
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    text = _UNSAFE_SCHEME.sub(r"\1\2%3A", text)
    return _BLOCK_START.sub(r"\1\\\2", text)


def _markdown_inline_safe(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>~&])", r"\\\1", text)


def markdown_sheet(notes: Iterable[Note]) -> str:
    """The notes as a Markdown study sheet, in book order (see ``NoteStore.export_markdown``)."""
    passages = book_passages()
    headings = chapter_headings()
    after_the_book = (len(passages), 0)

    def book_order(note: Note) -> tuple[tuple[int, int], int]:
        passage = passages.get(note.anchor)
        return (after_the_book if passage is None else passage.book_order, note.note_id)

    lines = ["# Notes on *The Foundations of Leninism*", ""]
    current_chapter: object = object()
    for anchor, on_passage in itertools.groupby(
        sorted(notes, key=book_order), key=lambda n: n.anchor
    ):
        passage = passages.get(anchor)
        chapter = None if passage is None else passage.chapter
        if chapter != current_chapter:
            current_chapter = chapter
            heading = "Passages not in the book" if chapter is None else headings[chapter]
            lines += [f"## {heading}", ""]
        if passage is None:
            shown = _markdown_inline_safe(anchor)
            lines += [
                f"### {shown}",
                "",
                f"> ({shown} is not a passage of this edition of the book.)",
                "",
            ]
        else:
            lines += [
                f"### {passage.label}, {passage.pages}",
                "",
                f"> {markdown_block_safe(passage.text)}",
                "",
            ]
        for note in on_passage:
            lines += [markdown_block_safe(note.text), ""]
            if note.tags:
                tags = ", ".join(_markdown_inline_safe(tag) for tag in note.tags)
                lines += [f"*Tags: {tags}*", ""]
    return "\n".join(lines)


# --- CSV and JSON -----------------------------------------------------------------------


def _export_record(note: Note) -> dict[str, Any]:
    return {
        "uid": note.uid,
        "anchor": note.anchor,
        "paragraph_id": note.paragraph_id,
        "footnote": note.footnote,
        "chapter": note.chapter,
        "text": note.text,
        "tags": list(note.tags),
        "created": timestamp_text(note.created),
        "updated": timestamp_text(note.updated),
    }


def spreadsheet_safe(cell: object) -> object:
    """A CSV cell that no spreadsheet runs as a formula: ``'`` before a risky start.

    >>> spreadsheet_safe('=HYPERLINK("x")'), spreadsheet_safe("'quoted"), spreadsheet_safe(4)
    ('\\'=HYPERLINK("x")', "''quoted", 4)
    """
    if isinstance(cell, str) and cell.startswith(_FORMULA_START):
        return "'" + cell
    return cell


def _spreadsheet_value(cell: str) -> str:
    """The value :func:`spreadsheet_safe` protected."""
    return cell[1:] if cell.startswith("'") and cell[1:2] in _FORMULA_START else cell


def csv_text(notes: Iterable[Note]) -> str:
    """The notes as CSV (see ``NoteStore.export_csv``)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=EXPORT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for note in notes:
        record = {**_export_record(note), "tags": ", ".join(note.tags)}
        writer.writerow({column: spreadsheet_safe(value) for column, value in record.items()})
    return buffer.getvalue()


def json_text(notes: Iterable[Note]) -> str:
    """The notes as a JSON document (see ``NoteStore.export_json``)."""
    records = [_export_record(note) for note in notes]
    document = {"format": EXPORT_FORMAT, "version": _EXPORT_VERSION, "notes": records}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def write_text_atomically(path: Path, text: str, *, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` so that a reader sees the old file or the new one, never half.

    Raises
    ------
    NoteError
        If the file cannot be written (a read-only folder, a full disk); the file that
        was there is left as it was.
    """
    partial = path.with_name(f".{path.name}.{uuid.uuid4().hex}.partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with partial.open("x", encoding=encoding, newline="") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(partial, path)
    except OSError as error:
        raise NoteError(
            f"cannot write {path}: {error.strerror or error}; nothing was changed there."
        ) from None
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)


# --- reading an export ------------------------------------------------------------------


def read_export(path: Path) -> list[dict[str, Any]]:
    """The rows of a CSV or JSON export, as dictionaries, or a NoteError saying why not."""
    suffix = path.suffix.lower()
    if suffix not in {".csv", ".json"}:
        raise NoteError(
            f"{path} is neither .csv nor .json; import a file made by export_csv or export_json."
        )
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else error
        raise NoteError(f"cannot read {path}: {reason or error}.") from None
    if suffix == ".csv":
        return _read_csv(path, text)
    try:
        document = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as error:
        raise NoteError(f"{path} is not valid JSON ({error}).") from None
    if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT:
        raise NoteError(
            f"{path} is JSON but not a leninism-study notes export (made by export_json)."
        )
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise NoteError(f"{path} has no export version; it was not made by export_json.")
    if version > _EXPORT_VERSION:
        raise NoteError(
            f"{path} was exported by a newer leninism-study; upgrade the package to import it."
        )
    notes = document.get("notes")
    if not isinstance(notes, list) or not all(isinstance(note, dict) for note in notes):
        raise NoteError(f"{path} has no list of notes.")
    return notes


def _read_csv(path: Path, text: str) -> list[dict[str, Any]]:
    previous_limit = csv.field_size_limit()
    csv.field_size_limit(max(previous_limit, len(text) + 1))  # a note may be very long
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        columns = list(reader.fieldnames or ())
        missing = {"anchor", "text"} - set(columns)
        if missing:
            raise NoteError(
                f"{path} has no {' or '.join(sorted(missing))} column; a notes CSV needs "
                "anchor and text."
            )
        rows = list(reader)  # tags stay one comma-separated string, as clean_tags reads them
    except csv.Error as error:
        raise NoteError(f"{path} is not a readable CSV file ({error}).") from None
    finally:
        csv.field_size_limit(previous_limit)
    if columns == EXPORT_COLUMNS:  # our own export: undo the spreadsheet protection
        rows = [
            {key: _spreadsheet_value(value) if isinstance(value, str) else value
             for key, value in row.items()}
            for row in rows
        ]  # fmt: skip
    return rows


class ImportedNote(NamedTuple):
    """A row of an export, checked and in stored form."""

    uid: str
    passage: Passage
    text: str
    tags: tuple[str, ...]
    created: datetime
    updated: datetime


def prepare_imported_note(row: Mapping[str, Any], where: str) -> ImportedNote:
    """Check one row of an export; a NoteError names the row and the problem."""
    try:
        passage = find_passage(row.get("anchor"))
        text = clean_text(row.get("text"))
        tags = clean_tags(row.get("tags"))
    except NoteError as error:
        raise NoteError(f"{where}: {error}") from None
    try:
        created = parse_timestamp(str(row["created"])) if row.get("created") else utc_now()
        updated = parse_timestamp(str(row["updated"])) if row.get("updated") else created
    except (ValueError, OverflowError) as error:
        raise NoteError(
            f"{where}: a time is not in ISO 8601 form, like 2024-05-01T12:30:00+00:00 ({error})."
        ) from None
    uid = row.get("uid")
    if not uid:  # a hand-made row: the same row imported twice is the same note
        uid = uuid.uuid5(_HAND_MADE, "\n".join([passage.anchor, text, *tags]))
    try:
        uid = str(uuid.UUID(str(uid)))
    except ValueError:
        raise NoteError(
            f"{where}: {str(uid)[:40]!r} is not a note uid (a UUID); leave the uid empty for "
            "a new note."
        ) from None
    return ImportedNote(uid, passage, text, tags, created, updated)


class ImportReport(int):
    """The number of notes an import added, with what else it did.

    Attributes
    ----------
    added, updated, unchanged : int
        Notes new to the store; notes of the store replaced by a newer edit of
        themselves (same uid, later ``updated`` time); notes already there as recent.
    """

    added: int
    updated: int
    unchanged: int

    def __new__(cls, added: int, updated: int, unchanged: int) -> ImportReport:
        report = super().__new__(cls, added)
        report.added, report.updated, report.unchanged = added, updated, unchanged
        return report

    @property
    def summary(self) -> str:
        """One sentence: ``"2 notes added, 1 updated to a newer edit, 4 already here."``"""
        return (
            f"{self.added} note(s) added, {self.updated} updated to a newer edit of the same "
            f"note, {self.unchanged} already here."
        )


def import_notes(connection: sqlite3.Connection, notes: Iterable[ImportedNote]) -> ImportReport:
    """Merge checked notes into a store, by uid (run inside one write transaction)."""
    added = updated = unchanged = 0
    for note in notes:
        existing = connection.execute(
            "SELECT note_id, updated FROM notes WHERE uid = ?", (note.uid,)
        ).fetchone()
        if existing is None:
            insert_note(
                connection, note.uid, note.passage, note.text, note.tags, note.created,
                note.updated,
            )  # fmt: skip
            added += 1
        elif note.updated > parse_timestamp(existing[1]):
            replace_note(connection, existing[0], note.passage, note.text, note.tags, note.updated)
            updated += 1
        else:
            unchanged += 1
    return ImportReport(added, updated, unchanged)


def prepared_rows(path: Path) -> Iterator[ImportedNote]:
    """Every row of the export at ``path``, checked (all of them before any is used)."""
    rows = read_export(path)
    return iter(
        [prepare_imported_note(row, f"{path.name}, note {n}") for n, row in enumerate(rows, 1)]
    )
