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

How it is built
---------------
This module is the public face; three modules beside it do the work:
:mod:`~leninism_data.seminar.anchors` (what a note can be attached to),
:mod:`~leninism_data.seminar.storage` (the SQLite file: schema, migrations, locking,
threads, and what keeps the notes safe) and :mod:`~leninism_data.seminar.exchange`
(Markdown, CSV and JSON out, CSV and JSON in).

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

import os
import sqlite3
import uuid
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import platformdirs

from leninism_data.corpus.arguments import check_int
from leninism_data.corpus.naming import ChapterLike
from leninism_data.seminar import exchange, storage
from leninism_data.seminar.anchors import NoteError, chapter_number, check_anchor, find_passage
from leninism_data.seminar.exchange import ImportReport
from leninism_data.seminar.storage import MEMORY, SCHEMA_VERSION, SELECT_NOTES, Note, NotesFile

__all__ = [
    "NOTES_PATH_ENV",
    "SCHEMA_VERSION",
    "ImportReport",
    "Note",
    "NoteError",
    "NoteStore",
    "check_anchor",
    "default_notes_path",
]

NOTES_PATH_ENV = "LENINISM_STUDY_NOTES"
"""Environment variable that, when set, names the notes file ``NoteStore()`` opens."""

_LIST_COLUMNS = ["note_id", *exchange.EXPORT_COLUMNS]


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
    file. A store may be used from any thread (widget callbacks run on the kernel's
    other threads), and several processes (several notebooks) may open the same file at
    once. Once closed, or once its file is deleted, every call raises a
    :class:`NoteError` saying so.

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
        if path is not None and not isinstance(path, (str, os.PathLike)):
            raise NoteError(
                f"a notes store is opened with the path of a file, not {type(path).__name__}."
            )
        if path is not None and not str(path).strip():
            raise NoteError("the path of the notes file is empty; give a file name.")
        self.path: Path | None = (
            None if str(path) == MEMORY else Path(path or default_notes_path()).expanduser()
        )
        self._file = NotesFile(self.path)

    @property
    def migration_report(self) -> str:
        """What upgrading an older store did when it was opened ("" if nothing was needed)."""
        return self._file.migration_report

    @property
    def closed(self) -> bool:
        """True once the store has been closed."""
        return self._file.closed

    def close(self) -> None:
        """Close the file. Using the store afterwards raises a NoteError."""
        self._file.close()

    def __enter__(self) -> NoteStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __len__(self) -> int:
        return self._file.read(
            lambda connection: connection.execute("SELECT count(*) FROM notes").fetchone()[0]
        )

    def __repr__(self) -> str:
        return f"NoteStore({MEMORY if self.path is None else str(self.path)!r})"

    # -- writing ------------------------------------------------------------------

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
        passage = find_passage(anchor)
        clean_text = storage.clean_text(text)
        clean_tags = storage.clean_tags(tags)
        now = storage.utc_now()
        uid = str(uuid.uuid4())

        def insert(connection: sqlite3.Connection) -> int:
            return storage.insert_note(connection, uid, passage, clean_text, clean_tags, now, now)

        note_id = self._file.write(insert)
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
        note_id = _note_number(note_id)
        clean_text = None if text is None else storage.clean_text(text)
        clean_tags = None if tags is None else storage.clean_tags(tags)
        now = storage.timestamp_text(storage.utc_now())

        def update(connection: sqlite3.Connection) -> None:
            self._require(connection, note_id)
            if clean_text is not None:
                connection.execute(
                    "UPDATE notes SET text = ? WHERE note_id = ?", (clean_text, note_id)
                )
            if clean_tags is not None:
                connection.execute("DELETE FROM note_tags WHERE note_id = ?", (note_id,))
                storage.insert_tags(connection, note_id, clean_tags)
            connection.execute("UPDATE notes SET updated = ? WHERE note_id = ?", (now, note_id))

        self._file.write(update)
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

        note_id = _note_number(note_id)

        def remove(connection: sqlite3.Connection) -> Note:
            note = self._require(connection, note_id)
            connection.execute("DELETE FROM notes WHERE note_id = ?", (note_id,))
            return note

        return self._file.write(remove)

    def _require(self, connection: sqlite3.Connection, note_id: int) -> Note:
        row = connection.execute(f"{SELECT_NOTES} WHERE n.note_id = ?", (note_id,)).fetchone()
        if row is None:
            raise NoteError(
                f"there is no note {note_id!r} in {self._file.where} (was it deleted?)."
            )
        return storage.note_from_row(row)

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
        note_id = _note_number(note_id)
        return self._file.read(lambda connection: self._require(connection, note_id))

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
            parameters.append(chapter_number(chapter))
        if tag is not None:
            if not isinstance(tag, str):
                raise NoteError(f"tag must be a string such as 'state', not {type(tag).__name__}.")
            conditions.append("n.note_id IN (SELECT note_id FROM note_tags WHERE tag = ?)")
            parameters.append(" ".join(tag.split()).lower())
        if anchor is not None:
            conditions.append("n.anchor = ?")
            parameters.append(check_anchor(anchor))
        where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
        rows = self._file.read(
            lambda connection: connection.execute(
                f"{SELECT_NOTES}{where} ORDER BY n.note_id", parameters
            ).fetchall()
        )
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
        rows = self._file.read(
            lambda connection: connection.execute(
                "SELECT tag, count(*) FROM note_tags GROUP BY tag ORDER BY tag"
            ).fetchall()
        )
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
        markdown = exchange.markdown_sheet(self._notes())
        if path is not None:
            exchange.write_text_atomically(_export_path(path), markdown)
        return markdown

    def _notes(self) -> tuple[Note, ...]:
        """Every note, oldest first."""
        rows = self._file.read(
            lambda connection: connection.execute(f"{SELECT_NOTES} ORDER BY n.note_id").fetchall()
        )
        return tuple(storage.note_from_row(row) for row in rows)

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
        text = exchange.csv_text(self._notes())
        if path is not None:
            exchange.write_text_atomically(_export_path(path), text)
        return text

    def export_json(self, path: str | os.PathLike[str] | None = None) -> str:
        """Return (and optionally write) the notes as JSON, for a classmate or a program.

        The document is ``{"format": "leninism-study notes", "version": 1,
        "notes": [...]}`` with one object per note (the columns of
        :meth:`list` without ``note_id``; tags as a list). :meth:`import_file`
        reads it back.

        Examples
        --------
        >>> import json
        >>> with NoteStore(":memory:") as store:
        ...     _ = store.add("fn:1", "Pravda.", tags=["sources"])
        ...     document = json.loads(store.export_json())
        >>> document["format"], document["notes"][0]["footnote"], document["notes"][0]["tags"]
        ('leninism-study notes', 1, ['sources'])
        """
        text = exchange.json_text(self._notes())
        if path is not None:
            exchange.write_text_atomically(_export_path(path), text)
        return text

    # -- importing ----------------------------------------------------------------

    def import_file(self, path: str | os.PathLike[str]) -> ImportReport:
        """Add the notes of a CSV or JSON export (yours or a classmate's).

        Notes are identified by their ``uid``, which travels with them through
        exports. A note this store does not have is added, even if another note has
        the same text; a note it has is replaced only by a newer edit of itself (a
        later ``updated`` time), otherwise skipped. A row without a uid (a hand-made
        CSV) gets one made from its anchor, text and tags, so importing the same file
        twice adds its notes once. Every row is checked before anything is written,
        and all rows are merged in one transaction, so a bad file changes nothing.

        Parameters
        ----------
        path : str or os.PathLike
            A ``.csv`` file (from :meth:`export_csv`, or any CSV with at least
            ``anchor`` and ``text`` columns; ``uid``, ``tags``, ``created``,
            ``updated`` are optional) or a ``.json`` file from
            :meth:`export_json`.

        Returns
        -------
        ImportReport
            The number of notes added (an ``int``), with ``.updated``, ``.unchanged``
            and a one-sentence ``.summary``.

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
        notes = list(exchange.prepared_rows(_export_path(path)))
        return self._file.write(lambda connection: exchange.import_notes(connection, notes))


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


def _note_number(note_id: object) -> int:
    """A note id as an ``int`` (a NumPy integer from a table counts), or a NoteError."""
    try:
        return check_int("note_id", note_id, 1)
    except (TypeError, ValueError):
        raise NoteError(
            f"note ids are whole numbers from 1 (the note_id column of list()), "
            f"not {str(note_id)[:40]!r}."
        ) from None


def _export_path(path: object) -> Path:
    if not isinstance(path, (str, os.PathLike)) or not str(path).strip():
        raise NoteError(f"give the path of a file, not {str(path)[:40]!r}.")
    return Path(path).expanduser()
