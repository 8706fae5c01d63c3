"""Tests of leninism_data.seminar.notes: a student's notes in an SQLite file."""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import platformdirs
import pytest

import leninism_data as ld
from leninism_data.seminar import storage
from leninism_data.seminar.notes import (
    SCHEMA_VERSION,
    Note,
    NoteError,
    NoteStore,
    check_anchor,
    default_notes_path,
)

REPO_ROOT = Path(__file__).resolve().parent.parent
PARAGRAPH_TEXT = ld.paragraphs().set_index("paragraph_id")["text"]
LIST_COLUMNS = [
    "note_id", "uid", "anchor", "paragraph_id", "footnote", "chapter", "text", "tags", "created", "updated",
]  # fmt: skip


# No test touches the real user folder: the default store is a temporary file (conftest).
pytestmark = pytest.mark.usefixtures("notes_path")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[NoteStore]:
    with NoteStore(tmp_path / "store.sqlite3") as opened:
        yield opened


class FixedClock:
    """Stands in for notes._utc_now: 12:00 UTC on 1 May 2024, one minute later at each call."""

    def __init__(self) -> None:
        self.moment = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.moment += timedelta(minutes=1)
        return self.moment


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FixedClock:
    fixed = FixedClock()
    monkeypatch.setattr(storage, "utc_now", fixed)
    return fixed


def run_python(code: str, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=REPO_ROOT,
    )


# --- where the store lives ----------------------------------------------------------


def test_the_environment_variable_chooses_the_default_file(notes_path: Path) -> None:
    assert default_notes_path() == notes_path
    with NoteStore() as opened:
        opened.add("IV.27", "Kept in the file the variable names.")
        assert opened.path == notes_path
    assert notes_path.is_file()
    with NoteStore(notes_path) as reopened:
        assert reopened.list()["text"].tolist() == ["Kept in the file the variable names."]


def test_without_the_variable_the_default_is_the_per_user_data_folder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("LENINISM_STUDY_NOTES")
    assert default_notes_path() == platformdirs.user_data_path("leninism-study") / "notes.sqlite3"
    monkeypatch.setenv("LENINISM_STUDY_NOTES", "")
    assert default_notes_path() == platformdirs.user_data_path("leninism-study") / "notes.sqlite3"


def test_an_argument_overrides_the_environment_variable(tmp_path: Path, notes_path: Path) -> None:
    chosen = tmp_path / "deep" / "folder" / "mine.sqlite3"
    with NoteStore(chosen) as opened:
        opened.add("Intro.3", "Here.")
    assert chosen.is_file()
    assert not notes_path.exists()


def test_an_in_memory_store_leaves_no_file(tmp_path: Path, notes_path: Path) -> None:
    with NoteStore(":memory:") as opened:
        opened.add("Intro.3", "Gone when closed.")
        assert len(opened) == 1
        assert opened.path is None
    assert not notes_path.exists()
    assert list(tmp_path.iterdir()) == []


# --- add, edit, delete, get ---------------------------------------------------------


def test_add_stores_the_note_as_given(store: NoteStore, clock: FixedClock) -> None:
    note = store.add(" IV.27 ", "  A power based on force.\r\n\r\nSee also IV.28. ",
                     tags=["Dictatorship", " class   rule ", "dictatorship"])  # fmt: skip
    created = datetime(2024, 5, 1, 12, 1, tzinfo=UTC)
    assert note == Note(
        note_id=1,
        uid=note.uid,
        anchor="IV.27",
        chapter=4,
        text="A power based on force.\n\nSee also IV.28.",
        tags=("class rule", "dictatorship"),
        created=created,
        updated=created,
    )
    assert len(note.uid) == 36 and note.uid.count("-") == 4
    assert (note.paragraph_id, note.footnote) == ("IV.27", None)
    assert store.get(1) == note


def test_a_footnote_anchor(store: NoteStore) -> None:
    note = store.add("FN 3", "Third Russian edition of Lenin's Works.", tags="sources")
    assert (note.anchor, note.paragraph_id, note.footnote, note.chapter, note.tags) == (
        "fn:3", None, 3, 1, ("sources",)
    )  # fmt: skip


def test_edit_changes_text_and_tags_and_the_updated_time(
    store: NoteStore, clock: FixedClock
) -> None:
    note = store.add("IV.27", "First draft.", tags=["strategy"])
    retagged = store.edit(note.note_id, tags=["reserves", "Strategy"])
    assert (retagged.text, retagged.tags) == ("First draft.", ("reserves", "strategy"))
    rewritten = store.edit(note.note_id, text="Second draft.")
    assert (rewritten.text, rewritten.tags) == ("Second draft.", ("reserves", "strategy"))
    assert rewritten.created == datetime(2024, 5, 1, 12, 1, tzinfo=UTC)
    assert rewritten.updated == datetime(2024, 5, 1, 12, 3, tzinfo=UTC)
    assert store.edit(note.note_id, tags=()).tags == ()
    assert store.tags().empty


def test_delete_returns_the_note_and_its_id_is_never_reused(store: NoteStore) -> None:
    store.add("IV.27", "Keep.")
    doomed = store.add("IV.28", "Drop.", tags=["draft"])
    assert store.delete(doomed.note_id) == doomed
    assert store.list()["text"].tolist() == ["Keep."]
    assert store.tags().empty  # the tags went with the note
    assert store.add("IV.29", "Next.").note_id == 3
    with pytest.raises(
        NoteError, match=r"there is no note 2 in .*store\.sqlite3 \(was it deleted\?\)"
    ):
        store.get(2)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda s: s.edit(99, text="x"), "there is no note 99"),
        (lambda s: s.delete(99), "there is no note 99"),
        (lambda s: s.edit(1), "edit needs new text=, new tags=, or both"),
        (lambda s: s.edit(1, text="  \n "), "a note cannot be empty"),
    ],
)
def test_a_failed_change_changes_nothing(store: NoteStore, call, message: str) -> None:
    original = store.add("IV.27", "Unchanged.", tags=["kept"])
    with pytest.raises(NoteError, match=message):
        call(store)
    assert store.get(1) == original
    assert len(store) == 1


# --- bad input ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("anchor", "message"),
    [
        (
            "IV.999",
            "'IV.999' is not a paragraph of the book; Chapter IV runs from IV.1 to IV.64. "
            "Did you mean 'IV.9', 'IV.59' or 'IV.49'? "
            "Paragraph ids look like 'IV.27' (Chapter IV, paragraph 27) or 'Intro.3'; "
            "footnotes look like 'fn:12'.",
        ),
        (
            "Intro.99",
            "'Intro.99' is not a paragraph of the book; the Introduction runs from Intro.1 "
            "to Intro.11. Did you mean 'Intro.9', 'Intro.11' or 'Intro.10'?",
        ),
        ("fn:40", "'fn:40' is not a footnote of the book; its footnotes run from fn:1 to fn:32."),
        (
            "Chapter four",
            "'Chapter four' is not a paragraph of the book. Paragraph ids look like 'IV.27'",
        ),
        ("", "'' is not a paragraph of the book."),
        ("IV." + "7" * 5000, "'IV." + "7" * 37 + "…' is not a paragraph of the book;"),
        (27, "a note is attached to a paragraph id or a footnote, not int."),
        (None, "a note is attached to a paragraph id or a footnote, not NoneType."),
    ],
)
def test_an_unknown_anchor_is_refused_with_a_helpful_message(
    store: NoteStore, anchor, message: str
) -> None:
    with pytest.raises(NoteError) as raised:
        store.add(anchor, "A note.")
    assert str(raised.value).startswith(message)
    assert isinstance(raised.value, ValueError)
    assert len(store) == 0


@pytest.mark.parametrize(
    ("typed", "anchor"),
    [("iv.27", "IV.27"), ("4.27", "IV.27"), ("IV,27", "IV.27"), ("Introduction 3", "Intro.3"),
     ("¶ vii 30", "VII.30"), ("intro.3", "Intro.3")],
)  # fmt: skip
def test_a_paragraph_id_is_read_however_it_is_written(
    store: NoteStore, typed: str, anchor: str
) -> None:
    assert store.add(typed, "A note.").anchor == anchor


@pytest.mark.parametrize(
    ("text", "tags", "message"),
    [
        ("", (), "a note cannot be empty; write something to attach to the passage."),
        (" \n\t ", (), "a note cannot be empty; write something to attach to the passage."),
        (None, (), "a note's text must be a string, not NoneType."),
        (
            "ok",
            ["state, party"],
            "a tag cannot contain a comma: 'state, party'; give several tags as a list.",
        ),
        ("ok", [3], "a tag must be a string, not int."),
        ("ok", 3, "tags are a list of strings or one comma-separated string, not int."),
        ("ok", ["x" * 41], f"the tag '{'x' * 40}'… is longer than 40 characters."),
    ],
)
def test_bad_text_or_tags_are_refused(store: NoteStore, text, tags, message: str) -> None:
    with pytest.raises(NoteError) as raised:
        store.add("IV.27", text, tags=tags)
    assert str(raised.value) == message
    assert len(store) == 0


def test_check_anchor_gives_the_stored_form() -> None:
    assert [check_anchor(a) for a in ["IV.27", " Intro.3 ", "fn:12", "FN12", "fn 7", "fn.32"]] == [
        "IV.27", "Intro.3", "fn:12", "fn:12", "fn:7", "fn:32"
    ]  # fmt: skip


# --- list, filter, search, tags -------------------------------------------------------


@pytest.fixture
def seminar_notes(store: NoteStore, clock: FixedClock) -> NoteStore:
    store.add("IV.27", "Born of the breaking up of the bourgeois order.", tags=["dictatorship"])
    store.add(
        "Intro.3", "Only a synopsis, not an exhaustive exposition.", tags=["Method", "scope"]
    )
    store.add("fn:3", "In-text references: third Russian edition.", tags=["sources"])
    store.add("IV.28", "The state: a machine of the ruling class.", tags=["dictatorship", "state"])
    return store


def test_list_has_one_row_per_note_with_typed_columns(seminar_notes: NoteStore) -> None:
    listed = seminar_notes.list()
    assert listed.columns.tolist() == LIST_COLUMNS
    assert listed["note_id"].tolist() == [1, 2, 3, 4]
    assert listed["anchor"].tolist() == ["IV.27", "Intro.3", "fn:3", "IV.28"]
    assert listed["paragraph_id"].isna().tolist() == [False, False, True, False]
    assert listed["paragraph_id"].dropna().tolist() == ["IV.27", "Intro.3", "IV.28"]
    assert listed["footnote"].tolist() == [pd.NA, pd.NA, 3, pd.NA]
    assert listed["chapter"].tolist() == [4, 0, 1, 4]
    assert listed["tags"].tolist() == [
        ("dictatorship",),
        ("method", "scope"),
        ("sources",),
        ("dictatorship", "state"),
    ]
    assert str(listed["footnote"].dtype) == "Int64"
    assert str(listed["chapter"].dtype) == "Int64"
    assert str(listed["created"].dtype).endswith("UTC]")
    assert listed["created"].tolist() == [
        pd.Timestamp(f"2024-05-01 12:0{minute}", tz="UTC") for minute in range(1, 5)
    ]  # fmt: skip
    assert listed["updated"].equals(listed["created"])
    assert listed["uid"].is_unique


def test_an_empty_store_lists_an_empty_frame_with_the_same_columns(store: NoteStore) -> None:
    listed = store.list()
    assert listed.empty
    assert listed.columns.tolist() == LIST_COLUMNS
    assert str(listed["chapter"].dtype) == "Int64"


@pytest.mark.parametrize(
    ("filters", "anchors"),
    [
        ({"chapter": 4}, ["IV.27", "IV.28"]),
        ({"chapter": "IV"}, ["IV.27", "IV.28"]),
        ({"chapter": "iv"}, ["IV.27", "IV.28"]),
        ({"chapter": "Introduction"}, ["Intro.3"]),
        ({"chapter": 0}, ["Intro.3"]),
        ({"chapter": "I"}, ["fn:3"]),
        ({"chapter": 9}, []),
        ({"tag": "dictatorship"}, ["IV.27", "IV.28"]),
        ({"tag": " METHOD "}, ["Intro.3"]),
        ({"tag": "nonexistent"}, []),
        ({"anchor": "IV.28"}, ["IV.28"]),
        ({"anchor": "FN:3"}, ["fn:3"]),
        ({"chapter": 4, "tag": "state"}, ["IV.28"]),
    ],
)
def test_list_filters(seminar_notes: NoteStore, filters: dict, anchors: list[str]) -> None:
    assert seminar_notes.list(**filters)["anchor"].tolist() == anchors


@pytest.mark.parametrize("chapter", [10, -1, "X", "Chapter four", True, 4.0])
def test_a_bad_chapter_names_the_valid_choices(seminar_notes: NoteStore, chapter) -> None:
    with pytest.raises(NoteError) as raised:
        seminar_notes.list(chapter=chapter)
    assert str(raised.value) == (
        f"{chapter!r} is not a chapter of the book; choose one of 0–9, 'Introduction', 'I', 'II', 'III', 'IV', "
        "'V', 'VI', 'VII', 'VIII' or 'IX'."
    )


def test_search_finds_text_and_tags_ignoring_case(seminar_notes: NoteStore) -> None:
    assert seminar_notes.search("MACHINE")["anchor"].tolist() == ["IV.28"]
    assert seminar_notes.search("metho")["anchor"].tolist() == ["Intro.3"]  # a tag
    assert seminar_notes.search("bourgeois")["note_id"].tolist() == [1]
    assert seminar_notes.search("the", chapter="IV")["anchor"].tolist() == ["IV.27", "IV.28"]
    assert seminar_notes.search("[")["anchor"].tolist() == []  # taken literally, not as a pattern
    assert seminar_notes.search("nothing like it").columns.tolist() == LIST_COLUMNS
    with pytest.raises(NoteError, match="search needs some text to look for"):
        seminar_notes.search("  ")


def test_tags_counts_notes_per_tag(seminar_notes: NoteStore) -> None:
    assert seminar_notes.tags().to_dict("list") == {
        "tag": ["dictatorship", "method", "scope", "sources", "state"],
        "n_notes": [2, 1, 1, 1, 1],
    }


def test_results_are_fresh_frames(seminar_notes: NoteStore) -> None:
    listed = seminar_notes.list()
    listed.loc[0, "text"] = "changed by the caller"
    assert seminar_notes.list().loc[0, "text"] == "Born of the breaking up of the bourgeois order."


# --- export and import --------------------------------------------------------------


def comparable(listed: pd.DataFrame) -> pd.DataFrame:
    """A list() frame without the store-local note_id."""
    return listed.drop(columns="note_id")


@pytest.mark.parametrize("suffix", [".json", ".csv"])
def test_round_trip_through_an_export_into_a_fresh_store(
    seminar_notes: NoteStore, tmp_path: Path, suffix: str
) -> None:
    seminar_notes.add(
        "VII.30",
        'Quotes " and commas, a\nsecond line; and ünïcödé “as printed”.',
        tags=["hard, case"[:4]],
    )
    seminar_notes.edit(2, text="A concise synopsis of the foundations.")
    seminar_notes.delete(3)
    written = seminar_notes.list()
    export = getattr(seminar_notes, f"export_{suffix[1:]}")
    text = export(tmp_path / f"mine{suffix}")
    assert (tmp_path / f"mine{suffix}").read_text(encoding="utf-8") == text

    with NoteStore(tmp_path / "fresh.sqlite3") as fresh:
        assert fresh.import_file(tmp_path / f"mine{suffix}") == 4
        pd.testing.assert_frame_equal(comparable(fresh.list()), comparable(written))
        assert export() == text
        assert fresh.export_markdown() == seminar_notes.export_markdown()


def test_csv_export_is_one_row_per_note_with_readable_columns(seminar_notes: NoteStore) -> None:
    rows = seminar_notes.export_csv().splitlines()
    assert rows[0] == "uid,anchor,paragraph_id,footnote,chapter,text,tags,created,updated"
    uid = seminar_notes.get(4).uid
    assert rows[4] == (
        f'{uid},IV.28,IV.28,,4,The state: a machine of the ruling class.,"dictatorship, state",'
        "2024-05-01T12:04:00.000000+00:00,2024-05-01T12:04:00.000000+00:00"
    )
    assert rows[3].split(",")[1:5] == ["fn:3", "", "3", "1"]


def test_json_export_names_its_format(seminar_notes: NoteStore) -> None:
    document = json.loads(seminar_notes.export_json())
    assert (document["format"], document["version"], len(document["notes"])) == (
        "leninism-study notes",
        1,
        4,
    )
    assert document["notes"][2] == {
        "uid": seminar_notes.get(3).uid,
        "anchor": "fn:3",
        "paragraph_id": None,
        "footnote": 3,
        "chapter": 1,
        "text": "In-text references: third Russian edition.",
        "tags": ["sources"],
        "created": "2024-05-01T12:03:00.000000+00:00",
        "updated": "2024-05-01T12:03:00.000000+00:00",
    }


def test_importing_a_classmates_notes_merges_without_duplicates(
    seminar_notes: NoteStore, tmp_path: Path, clock: FixedClock
) -> None:
    with NoteStore(tmp_path / "classmate.sqlite3") as classmate:
        classmate.add("IV.27", "Her own note: a power based on force.", tags=["dictatorship"])
        classmate.add("Intro.5", "The question the lectures answer.", tags=["method"])
        seminar_notes.export_json(tmp_path / "mine.json")
        assert classmate.import_file(tmp_path / "mine.json") == 4
        classmate.export_json(tmp_path / "classmate.json")
    assert (
        seminar_notes.import_file(tmp_path / "classmate.json") == 2
    )  # my own four came back: skipped
    assert (
        seminar_notes.import_file(tmp_path / "classmate.json") == 0
    )  # importing again adds nothing
    merged = seminar_notes.list()
    assert merged["anchor"].tolist() == ["IV.27", "Intro.3", "fn:3", "IV.28", "IV.27", "Intro.5"]
    assert merged["text"].tolist()[4:] == [
        "Her own note: a power based on force.",
        "The question the lectures answer.",
    ]
    assert merged["uid"].is_unique
    assert seminar_notes.tags().set_index("tag")["n_notes"].to_dict() == {
        "dictatorship": 3, "method": 2, "scope": 1, "sources": 1, "state": 1,
    }  # fmt: skip


def test_a_hand_made_csv_without_uids_is_imported_once(store: NoteStore, tmp_path: Path) -> None:
    handout = tmp_path / "teacher.csv"
    handout.write_text(
        "\ufeffanchor,text,tags\n"  # a byte order mark, as spreadsheet programs write
        'IV.27,On what basis does the dictatorship arise?,"question, dictatorship"\n'
        "fn:1,When was it first printed?,question\n",
        encoding="utf-8",
    )
    assert store.import_file(handout) == 2
    assert store.import_file(handout) == 0
    listed = store.list()
    assert listed["anchor"].tolist() == ["IV.27", "fn:1"]
    assert listed["tags"].tolist() == [("dictatorship", "question"), ("question",)]
    assert listed["uid"].is_unique


def test_a_bad_row_imports_nothing_and_is_named(store: NoteStore, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("anchor,text\nIV.27,Fine.\nIV.999,Not a paragraph.\n", encoding="utf-8")
    with pytest.raises(NoteError) as raised:
        store.import_file(bad)
    assert str(raised.value).startswith(
        "bad.csv, note 2: 'IV.999' is not a paragraph of the book;"
    )
    assert len(store) == 0


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "notes.txt",
            "anything",
            "notes.txt is neither .csv nor .json; import a file made by export_csv or export_json.",
        ),
        (
            "notes.csv",
            "paragraph,comment\nIV.27,x\n",
            "notes.csv has no anchor or text column; a notes CSV needs anchor and text.",
        ),
        ("notes.json", "{not json", "notes.json is not valid JSON"),
        (
            "notes.json",
            '{"notes": []}',
            "notes.json is JSON but not a leninism-study notes export (made by export_json).",
        ),
        (
            "notes.json",
            '{"format": "leninism-study notes", "version": 2, "notes": []}',
            "notes.json was exported by a newer leninism-study",
        ),
        (
            "notes.json",
            '{"format": "leninism-study notes", "version": "1", "notes": []}',
            "notes.json has no export version; it was not made by export_json.",
        ),
        (
            "notes.json",
            '{"format": "leninism-study notes", "version": 1, "notes": {}}',
            "notes.json has no list of notes.",
        ),
        ("notes.csv", "anchor,text\nIV.27,\n", "notes.csv, note 1: a note cannot be empty"),
        (
            "notes.csv",
            "anchor,text,created\nIV.27,x,yesterday\n",
            "notes.csv, note 1: a time is not in ISO 8601 form",
        ),
        (
            "notes.csv",
            "uid,anchor,text\n17,IV.27,x\n",
            "notes.csv, note 1: '17' is not a note uid (a UUID)",
        ),
    ],
)
def test_a_file_that_is_not_an_export_is_refused(
    store: NoteStore, tmp_path: Path, name: str, content: str, message: str
) -> None:
    (tmp_path / name).write_text(content, encoding="utf-8")
    with pytest.raises(NoteError) as raised:
        store.import_file(tmp_path / name)
    assert message in str(raised.value)
    assert len(store) == 0


def test_markdown_quotes_each_passage_with_its_id_and_page_in_book_order(
    seminar_notes: NoteStore,
) -> None:
    seminar_notes.add("IV.27", "A second note on the same passage.")
    seminar_notes.add("I.18", "A paragraph that runs over a page break.")
    markdown = seminar_notes.export_markdown()
    expected = textwrap.dedent(
        """\
        # Notes on *The Foundations of Leninism*

        ## Introduction

        ### Intro.3, p. 1

        > {Intro.3}

        Only a synopsis, not an exhaustive exposition.

        *Tags: method, scope*

        ## I. The Historical Roots of Leninism

        ### I.18, pp. 7–8

        > {I.18}

        A paragraph that runs over a page break.

        ### Footnote 3, p. 10

        > The reference here, as in other citations from the works of V. I. Lenin, is to the third Russian edition of the Works of V. I. Lenin.

        In-text references: third Russian edition.

        *Tags: sources*

        ## IV. The Dictatorship of the Proletariat

        ### IV.27, p. 40

        > {IV.27}

        Born of the breaking up of the bourgeois order.

        *Tags: dictatorship*

        A second note on the same passage.

        ### IV.28, p. 40

        > {IV.28}

        The state: a machine of the ruling class.

        *Tags: dictatorship, state*
        """
    )
    assert markdown == re.sub(r"\{([\w.]+)\}", lambda id_: PARAGRAPH_TEXT[id_[1]], expected)
    assert (
        "> The dictatorship of the proletariat arises not on the basis of the bourgeois order, but"
        in markdown
    )


def test_markdown_keeps_a_note_on_a_passage_the_book_no_longer_has(store: NoteStore) -> None:
    store.add("IX.16", "On style.")
    # as if the book's ids had changed
    with contextlib.closing(sqlite3.connect(store.path)) as direct, direct:
        direct.execute("UPDATE notes SET anchor = 'IX.99' WHERE note_id = 1")
    assert store.export_markdown().endswith(
        "## Passages not in the book\n\n### IX.99\n\n> (IX.99 is not a passage of this edition of the book.)\n\n"
        "On style.\n"
    )


def test_markdown_escapes_what_would_break_the_sheet(store: NoteStore, tmp_path: Path) -> None:
    store.add(
        "IV.27",
        "# not a heading\n> not a quote\n```\n<div>\nsetext?\n---\n===\n* * *\n   # indented\n"
        "- a list item stays a list\n**bold** stays bold; 3 > 2 inside a line stays",
        tags=["a_b*c"],
    )
    markdown = store.export_markdown(tmp_path / "sheet.md")
    assert (tmp_path / "sheet.md").read_text(encoding="utf-8") == markdown
    assert markdown.partition(PARAGRAPH_TEXT["IV.27"] + "\n\n")[2] == textwrap.dedent(
        """\
        \\# not a heading
        \\> not a quote
        \\```
        &lt;div>
        setext?
        \\---
        \\===
        \\* * *
           \\# indented
        - a list item stays a list
        **bold** stays bold; 3 > 2 inside a line stays

        *Tags: a\\_b\\*c*
        """
    )


# --- the file: concurrency, crashes, migrations, bad files -----------------------------


WRITER = """
    import sys
    from leninism_data.seminar.notes import NoteStore, check_anchor
    path, name = sys.argv[1], sys.argv[2]
    with NoteStore(path) as store:
        check_anchor("IV.1")  # parse the book now, not in the first add
        print("ready", flush=True)
        sys.stdin.readline()  # blocks until the test says go
        store.add("IV.1", f"{name} 0", tags=[name, "n0"])
        print("wrote", flush=True)
        sys.stdin.readline()  # blocks until both have written their first note
        for number in range(1, 200):
            store.add(f"IV.{number % 60 + 1}", f"{name} {number}", tags=[name, f"n{number % 7}"])
"""


def test_two_notebooks_writing_at_once_both_keep_every_note(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite3"
    NoteStore(path).close()
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", textwrap.dedent(WRITER), str(path), name],
            cwd=REPO_ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("alice", "boris")
    ]

    def tell_all(line: str, answer: str) -> None:  # a blocking handshake, no polling
        for writer in writers:
            writer.stdin.write(line)
            writer.stdin.flush()
        assert [writer.stdout.readline() for writer in writers] == [answer, answer]

    assert [writer.stdout.readline() for writer in writers] == ["ready\n", "ready\n"]
    tell_all("go\n", "wrote\n")
    for writer in writers:
        writer.stdin.write("on\n")
        writer.stdin.close()
    for writer in writers:
        assert writer.wait(timeout=120) == 0, writer.stderr.read()
    with NoteStore(path) as store:
        listed = store.list()
        assert len(listed) == 400
        assert set(listed["text"][:2]) == {
            "alice 0",
            "boris 0",
        }  # both were writing before either went on
        for name in ("alice", "boris"):
            mine = store.list(tag=name)
            assert mine["text"].tolist() == [f"{name} {number}" for number in range(200)]
            assert mine["tags"].map(len).tolist() == [2] * 200
        assert listed["note_id"].is_unique and listed["uid"].is_unique


CRASH_IN_THE_MIDDLE_OF_ADD = """
    import os, sys
    from leninism_data.seminar import notes, storage
    store = notes.NoteStore(sys.argv[1])
    store.add("IV.1", "Written before the crash.", tags=["safe"])

    def crash(connection, note_id, tags):  # the note's row is written, its tags are not
        os._exit(1)

    storage.insert_tags = crash
    store.add("IV.2", "Half written.", tags=["lost"])
"""


def test_a_crash_in_the_middle_of_a_write_leaves_the_store_as_before(tmp_path: Path) -> None:
    path = tmp_path / "crash.sqlite3"
    with NoteStore(path) as store:
        store.add("Intro.1", "An earlier note.", tags=["earlier"])
    crashed = run_python(CRASH_IN_THE_MIDDLE_OF_ADD, str(path))
    assert crashed.returncode == 1, crashed.stderr
    with NoteStore(path) as store:
        listed = store.list()
        assert listed["text"].tolist() == ["An earlier note.", "Written before the crash."]
        assert listed["tags"].tolist() == [("earlier",), ("safe",)]
        assert "lost" not in store.tags()["tag"].tolist()
        assert store.add("IV.2", "Written after.").note_id == 3


KEEP_WRITING = """
    import sys
    from leninism_data.seminar.notes import NoteStore
    store = NoteStore(sys.argv[1])
    for number in range(100_000):
        store.add(f"IV.{number % 60 + 1}", f"note {number}", tags=["a", "b", "c"])
        if number == 49:
            print("fifty", flush=True)  # 50 notes are committed
"""


def test_a_killed_kernel_leaves_a_consistent_store(tmp_path: Path) -> None:
    path = tmp_path / "killed.sqlite3"
    writer = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(KEEP_WRITING), str(path)],
        cwd=REPO_ROOT, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert writer.stdout.readline() == "fifty\n"  # blocks until 50 notes are written
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(timeout=30)
    with NoteStore(path) as store:
        listed = store.list()
        assert len(listed) >= 50
        assert listed["text"].tolist() == [f"note {number}" for number in range(len(listed))]
        assert listed["tags"].map(len).eq(3).all()  # no note without its tags
    with sqlite3.connect(path) as check:
        assert check.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def test_a_write_waits_for_another_notebook_holding_the_lock(store: NoteStore) -> None:
    other = sqlite3.connect(store.path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO notes (uid, anchor, chapter, text, created, updated) "
                  "VALUES ('u', 'IV.1', 4, 'other', '2024-05-01T12:00:00+00:00', '2024-05-01T12:00:00+00:00')")  # fmt: skip
    attempting = threading.Event()  # set when the store asks for the lock: a handshake

    def trace(statement: str) -> None:
        if statement.startswith("BEGIN IMMEDIATE"):
            attempting.set()

    store._file.read(lambda connection: connection.set_trace_callback(trace))
    releaser = threading.Thread(
        target=lambda: (attempting.wait(timeout=30), other.execute("COMMIT"))
    )
    releaser.start()
    store.add("IV.2", "Mine, written once the other notebook is done.")
    releaser.join()
    other.close()
    assert store.list()["text"].tolist() == [
        "other",
        "Mine, written once the other notebook is done.",
    ]


def test_a_lock_that_is_never_released_gives_a_clear_error(
    store: NoteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(storage, "_WRITE_ATTEMPTS", 2)
    store._file.read(lambda connection: connection.execute("PRAGMA busy_timeout = 10"))
    other = sqlite3.connect(store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    with pytest.raises(
        NoteError, match=r"store\.sqlite3 stayed locked by another program .*; nothing was written"
    ):
        store.add("IV.2", "Blocked.")
    other.execute("ROLLBACK")
    other.close()
    assert store.add("IV.2", "Now free.").note_id == 1


SCHEMA_V1 = """
    PRAGMA application_id = 1280527956;
    PRAGMA user_version = 1;
    CREATE TABLE notes (
        note_id INTEGER PRIMARY KEY AUTOINCREMENT,
        paragraph_id TEXT NOT NULL,
        text TEXT NOT NULL,
        tags TEXT NOT NULL DEFAULT '',
        created TEXT NOT NULL);
    INSERT INTO notes VALUES (1, 'IV.27', 'Main blow.', 'strategy,Reserves', '2024-04-01T10:00:00.000000+00:00');
    INSERT INTO notes VALUES (2, 'Intro.3', 'Untagged.', '', '2024-04-02T10:00:00.000000+00:00');
    INSERT INTO notes VALUES (3, 'I.5', 'Deleted later.', 'x', '2024-04-03T10:00:00.000000+00:00');
    DELETE FROM notes WHERE note_id = 3;
"""


def test_a_version_1_store_is_backed_up_and_migrated(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    with sqlite3.connect(path) as old:
        old.executescript(SCHEMA_V1)
    with NoteStore(path) as store:
        listed = store.list()
        assert listed["note_id"].tolist() == [1, 2]
        assert listed["anchor"].tolist() == ["IV.27", "Intro.3"]
        assert listed["chapter"].tolist() == [4, 0]
        assert listed["tags"].tolist() == [("reserves", "strategy"), ()]
        assert listed["updated"].equals(listed["created"])
        assert listed["created"].tolist() == [
            pd.Timestamp("2024-04-01 10:00", tz="UTC"),
            pd.Timestamp("2024-04-02 10:00", tz="UTC"),
        ]
        assert listed["uid"].str.len().eq(36).all() and listed["uid"].is_unique
        assert (
            store.add("fn:3", "Footnotes are new in version 2.").note_id == 4
        )  # 3 was used in version 1
    with sqlite3.connect(path) as migrated:
        assert migrated.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    [backup] = tmp_path.glob("notes.v1-backup.sqlite3")
    with contextlib.closing(sqlite3.connect(backup)) as kept:
        assert kept.execute("PRAGMA journal_mode").fetchone() == (
            "delete",
        )  # one self-contained file
        assert kept.execute("PRAGMA user_version").fetchone() == (1,)
        assert kept.execute("SELECT paragraph_id, tags FROM notes").fetchall() == [
            ("IV.27", "strategy,Reserves"),
            ("Intro.3", ""),
        ]
    with NoteStore(path) as again:  # opening a migrated store changes nothing
        assert len(again) == 3
    assert list(tmp_path.glob("*backup*")) == [backup]


def test_a_failed_migration_leaves_the_old_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "notes.sqlite3"
    with sqlite3.connect(path) as old:
        old.executescript(SCHEMA_V1)

    def fail_half_way(connection: sqlite3.Connection, count: object) -> None:
        connection.execute("ALTER TABLE notes RENAME TO notes_v1")
        raise RuntimeError("power cut")

    monkeypatch.setitem(storage.MIGRATIONS, 2, fail_half_way)
    with pytest.raises(RuntimeError, match="power cut"):
        NoteStore(path)
    with sqlite3.connect(path) as old:
        assert old.execute("PRAGMA user_version").fetchone() == (1,)
        assert old.execute("SELECT note_id, tags FROM notes").fetchall() == [
            (1, "strategy,Reserves"),
            (2, ""),
        ]


def test_a_file_that_is_not_sqlite_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("My seminar notes, typed by hand.\n", encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(NoteError) as raised:
        NoteStore(path)
    assert str(raised.value) == (
        f"{path} is not an SQLite database, so it cannot be a notes store; it may be damaged or another kind "
        "of file. It was left untouched: move it aside or pass another path."
    )
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.sqlite3"]


def test_a_foreign_sqlite_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "places.sqlite"
    with sqlite3.connect(path) as foreign:
        foreign.execute("CREATE TABLE bookmarks (url TEXT)")
    before = path.read_bytes()
    with pytest.raises(NoteError) as raised:
        NoteStore(path)
    assert str(raised.value) == (
        f"{path} is an SQLite database but not a leninism-study notes store. "
        "It was left untouched: pass the path of your notes file, or a new one."
    )
    assert path.read_bytes() == before


def test_a_damaged_store_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    with NoteStore(path) as store:
        for number in range(300):
            store.add(f"IV.{number % 60 + 1}", f"A note long enough to fill pages. {number} " * 5)
    with sqlite3.connect(path) as checkpoint:
        checkpoint.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    damaged = bytearray(path.read_bytes())
    page_size = int.from_bytes(damaged[16:18], "big")
    for page_start in range(
        page_size, len(damaged), page_size
    ):  # scribble over every page but the first
        damaged[page_start : page_start + 64] = b"\xff" * 64
    path.write_bytes(damaged)
    with pytest.raises(NoteError) as raised:
        NoteStore(path)
    assert str(raised.value).startswith(f"{path} is damaged")
    assert "It was left untouched: restore it from a backup" in str(raised.value)
    assert path.read_bytes() == bytes(damaged)


def test_a_truncated_store_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    with NoteStore(path) as store:
        for number in range(300):
            store.add("IV.1", f"note {number} " * 20)
    with sqlite3.connect(path) as checkpoint:
        checkpoint.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    path.write_bytes(path.read_bytes()[:8192])
    with pytest.raises(NoteError, match=r"is damaged"):
        NoteStore(path)
    assert path.stat().st_size == 8192


def test_a_store_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    NoteStore(path).close()
    with sqlite3.connect(path) as newer:
        newer.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(NoteError) as raised:
        NoteStore(path)
    assert str(raised.value) == (
        f"{path} was written by a newer leninism-study (notes schema {SCHEMA_VERSION + 1}; this one reads up to "
        f"{SCHEMA_VERSION}). Upgrade the package to open it; the file was left untouched."
    )


def test_an_empty_file_becomes_a_store(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.touch()
    with NoteStore(path) as store:
        store.add("IV.27", "First.")
    with sqlite3.connect(path) as check:
        assert check.execute("PRAGMA application_id").fetchone() == (0x4C534E54,)
        assert check.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_a_folder_is_not_a_notes_file(tmp_path: Path) -> None:
    with pytest.raises(
        NoteError, match=f"{tmp_path} is a folder; give the path of a notes file inside it"
    ):
        NoteStore(tmp_path)


# --- hardening: threads, closed and deleted stores, imports by uid, bad disks -----------


def test_a_store_can_be_used_from_another_thread(store: NoteStore) -> None:
    """A real kernel runs widget callbacks on other threads than the cell's."""
    store.add("IV.27", "Written on the main thread.")
    results: list[object] = []
    worker = threading.Thread(
        target=lambda: results.extend(
            [store.add("IV.28", "Written on another thread.").note_id, len(store)]
        )
    )
    worker.start()
    worker.join(timeout=30)
    assert results == [2, 2]
    assert store.list()["text"].tolist() == [
        "Written on the main thread.",
        "Written on another thread.",
    ]


def test_many_threads_writing_at_once_lose_nothing(store: NoteStore) -> None:
    start = threading.Barrier(8)

    def write(name: int) -> None:
        start.wait(timeout=30)  # all threads begin together: a blocking handshake
        for number in range(25):
            store.add(f"IV.{number + 1}", f"thread {name} note {number}", tags=[f"t{name}"])

    threads = [threading.Thread(target=write, args=(name,)) for name in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(store) == 200
    assert store.tags()["n_notes"].tolist() == [25] * 8


def test_a_closed_store_says_so(tmp_path: Path) -> None:
    store = NoteStore(tmp_path / "closed.sqlite3")
    store.close()
    for call in (lambda: store.add("IV.27", "x"), store.list, lambda: len(store)):
        with pytest.raises(NoteError, match=r"closed\.sqlite3 is closed; open it again with"):
            call()
    assert store.closed


def test_a_deleted_store_says_so_instead_of_writing_into_the_void(tmp_path: Path) -> None:
    folder = tmp_path / "class"
    store = NoteStore(folder / "notes.sqlite3")
    store.add("IV.27", "Saved before the folder went.")
    for path in folder.iterdir():
        path.unlink()
    folder.rmdir()
    with pytest.raises(NoteError, match=r"notes\.sqlite3 was deleted or moved while open"):
        store.add("IV.28", "Would be lost.")
    store.close()


def test_import_keeps_two_notes_with_the_same_text_and_different_uids(
    store: NoteStore, tmp_path: Path
) -> None:
    store.add("IV.27", "Same words.", tags=["a"])
    store.add("IV.27", "Same words.", tags=["b"])
    store.export_json(tmp_path / "two.json")
    with NoteStore(":memory:") as restored:
        assert restored.import_file(tmp_path / "two.json") == 2
        assert restored.list()["tags"].tolist() == [("a",), ("b",)]


def test_import_of_a_newer_edit_replaces_the_older_and_says_so(
    store: NoteStore, tmp_path: Path, clock: FixedClock
) -> None:
    note = store.add("IV.27", "First draft.", tags=["draft"])
    store.export_json(tmp_path / "old.json")
    with NoteStore(":memory:") as laptop:
        laptop.import_file(tmp_path / "old.json")
        laptop.edit(1, text="Second draft, written on the laptop.", tags=["final"])
        laptop.export_csv(tmp_path / "new.csv")
    report = store.import_file(tmp_path / "new.csv")
    assert (report, report.added, report.updated, report.unchanged) == (0, 0, 1, 0)
    assert report.summary == (
        "0 note(s) added, 1 updated to a newer edit of the same note, 0 already here."
    )
    assert store.get(note.note_id).text == "Second draft, written on the laptop."
    assert store.get(note.note_id).tags == ("final",)
    older = store.import_file(tmp_path / "old.json")  # the older edit does not win back
    assert (older.added, older.updated, older.unchanged) == (0, 0, 1)
    assert store.get(note.note_id).text == "Second draft, written on the laptop."


@pytest.mark.parametrize("suffix", [".csv", ".json"])
def test_a_very_long_note_comes_back_whole(store: NoteStore, tmp_path: Path, suffix: str) -> None:
    text = "The dictatorship of the proletariat. " * 6000  # over 200,000 characters
    store.add("IV.27", text)
    getattr(store, f"export_{suffix[1:]}")(tmp_path / f"long{suffix}")
    with NoteStore(":memory:") as restored:
        assert restored.import_file(tmp_path / f"long{suffix}") == 1
        assert restored.get(1).text == text.strip()


def test_a_big_backup_is_restored_completely(tmp_path: Path) -> None:
    with NoteStore(tmp_path / "big.sqlite3") as big:
        for number in range(3000):
            big.add(f"IV.{number % 60 + 1}", "The same short remark.", tags=[f"n{number % 3}"])
        big.export_csv(tmp_path / "backup.csv")
    with NoteStore(":memory:") as restored:
        assert restored.import_file(tmp_path / "backup.csv") == 3000


def test_csv_export_neutralises_formulas_and_reads_them_back(
    store: NoteStore, tmp_path: Path
) -> None:
    store.add("IV.27", '=HYPERLINK("http://evil.example","click")', tags=["-1", "@x"])
    store.add("IV.28", "'quoted' on purpose")
    text = store.export_csv(tmp_path / "sheet.csv")
    rows = text.splitlines()[1:]
    assert ',"\'=HYPERLINK(""http://evil.example"",""click"")","\'-1, @x",' in rows[0]
    assert ",''quoted' on purpose," in rows[1]
    with NoteStore(":memory:") as restored:
        restored.import_file(tmp_path / "sheet.csv")
        assert restored.list()["text"].tolist() == store.list()["text"].tolist()
        assert restored.get(1).tags == ("-1", "@x")


def test_markdown_export_carries_no_html_or_script_links(store: NoteStore) -> None:
    store.add(
        "IV.27",
        "<img src=x onerror=alert(1)> [see](javascript:alert(1)) [data](DATA:text/html,x)\r===",
    )
    note = store.export_markdown().partition(PARAGRAPH_TEXT["IV.27"] + "\n\n")[2]
    assert note == (
        "&lt;img src=x onerror=alert(1)> [see](javascript%3Aalert(1)) "
        "[data](DATA%3Atext/html,x)\n\\===\n"
    )


def test_a_read_only_store_says_read_only_not_damaged(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    with NoteStore(path) as store:
        store.add("IV.27", "Kept.")
    with NoteStore(path) as store:
        query_only = "PRAGMA query_only = ON"  # how SQLite sees a file it may not write
        store._file.read(lambda connection: connection.execute(query_only))
        with pytest.raises(NoteError) as raised:
            store.add("IV.28", "Refused.")
        assert "read-only" in str(raised.value) and "damaged" not in str(raised.value)
        assert "nothing was written" in str(raised.value)
        assert store.list()["text"].tolist() == ["Kept."]


def test_a_full_disk_says_so(store: NoteStore) -> None:
    store.add("IV.27", "Saved before the disk filled up.")
    page_count = store._file.read(
        lambda connection: connection.execute("PRAGMA page_count").fetchone()[0]
    )
    store._file.read(lambda c: c.execute(f"PRAGMA max_page_count = {page_count}"))
    with pytest.raises(NoteError, match="is full; nothing was written"):
        store.add("IV.28", "x" * 100_000)
    assert store.list()["text"].tolist() == ["Saved before the disk filled up."]


def test_a_new_store_is_private_to_its_owner(tmp_path: Path) -> None:
    path = tmp_path / "private" / "notes.sqlite3"
    NoteStore(path).close()
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o777 == 0o700


def test_an_old_world_readable_store_is_made_private(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    NoteStore(path).close()
    path.chmod(0o644)
    NoteStore(path).close()
    assert path.stat().st_mode & 0o777 == 0o600


SCHEMA_V1_WITH_BAD_ROWS = SCHEMA_V1 + """
    INSERT INTO notes VALUES (4, 'IV.28', 'Long tag.', '{long_tag},ok',
                              '2024-04-04T10:00:00+00:00');
    INSERT INTO notes VALUES (5, 'IV.29', '   ', 'blank', '2024-04-05T10:00:00+00:00');
    INSERT INTO notes VALUES (6, 'IV.30', 'Bad time.', '', 'last Tuesday');
"""  # fmt: skip


def test_a_migration_repairs_or_quarantines_legacy_rows_and_keeps_one_backup(
    tmp_path: Path,
) -> None:
    path = tmp_path / "notes.sqlite3"
    with sqlite3.connect(path) as old:
        old.executescript(SCHEMA_V1_WITH_BAD_ROWS.format(long_tag="t" * 41))
    with NoteStore(path) as store:
        assert store.list()["anchor"].tolist() == ["IV.27", "Intro.3", "IV.28", "IV.30"]
        assert store.get(4).tags == ("ok", "t" * 40)
        assert store.migration_report.endswith(
            "2 note(s) repaired (a tag cut to 40 characters or an unreadable time replaced), "
            "1 empty note(s) kept aside in the quarantined_notes table."
        )
    with contextlib.closing(sqlite3.connect(path)) as check:
        assert check.execute("SELECT note_id, reason FROM quarantined_notes").fetchall() == [
            (5, "empty note or no paragraph")
        ]
    with NoteStore(path) as again:
        assert again.migration_report == ""
    assert [p.name for p in tmp_path.glob("*backup*")] == ["notes.v1-backup.sqlite3"]


def test_a_foreign_file_with_our_mark_is_refused_and_never_written(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with contextlib.closing(sqlite3.connect(path)) as other:
        other.execute("PRAGMA application_id = 1280527956")
        other.execute("PRAGMA user_version = 2")
        other.execute("CREATE TABLE measurements (x REAL)")
        other.commit()
    before = path.read_bytes()
    with pytest.raises(NoteError, match="has no proper 'notes' table"):
        NoteStore(path)
    assert path.read_bytes() == before
    assert not path.with_name("other.sqlite3-wal").exists()
    with contextlib.closing(sqlite3.connect(path)) as check:
        assert check.execute("PRAGMA journal_mode").fetchone() == ("delete",)


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda store: store.list(tag=123), "tag must be a string such as 'state', not int."),
        (lambda store: store.get("one"), "note ids are whole numbers from 1"),
        (lambda store: store.edit(None, text="x"), "note ids are whole numbers from 1"),
        (lambda store: store.import_file(None), "give the path of a file, not 'None'."),
        (lambda store: store.list(chapter=np.int64(99)), "99 is not a chapter of the book"),
    ],
)
def test_mistakes_with_the_store_are_note_errors(call, error: str) -> None:
    with NoteStore(":memory:") as store:
        with pytest.raises(NoteError) as raised:
            call(store)
        assert error in str(raised.value)


def test_a_numpy_note_id_and_chapter_are_accepted(store: NoteStore) -> None:
    store.add("IV.27", "From a table.")
    note_id = store.list()["note_id"].to_numpy()[0]
    assert store.get(note_id).text == "From a table."
    assert len(store.list(chapter=np.int64(4))) == 1


def test_a_read_only_folder_is_reported_as_read_only_not_damaged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "class" / "notes.sqlite3"
    NoteStore(path).close()
    # What SQLite says when it cannot create its journal beside the file; the tests may
    # run as root, which no chmod stops, so the folder is declared read-only instead.
    monkeypatch.setattr(storage.os, "access", lambda where, mode: Path(where) != path.parent)
    error = storage._store_error(
        sqlite3.OperationalError("unable to open database file"), str(path), path
    )
    assert str(error).startswith(f"the folder {path.parent} is read-only, so the notes in")
    assert "damaged" not in str(error)
    error = storage._store_error(
        sqlite3.OperationalError("attempt to write a readonly database"), str(path), path
    )
    assert "read-only" in str(error) and "Nothing was written" in str(error)
