"""Headless tests of the Notes widget: controls are set and clicked, the views read back.

As in tests/test_widgets.py, no browser and no kernel: ipywidgets runs ``observe``
callbacks synchronously, so right after setting ``.value`` or ``click()`` the HTML and
``.result`` are up to date. Every test uses a notes file in a temporary folder.
"""

from __future__ import annotations

from pathlib import Path

import ipywidgets as widgets
import pytest

import leninism_data as ld
from leninism_data.seminar.notes import NoteError
from leninism_data.widgets.notes import NEW, Notes

PARAGRAPHS = ld.paragraphs().set_index("paragraph_id")
ATTACK = "<script>alert(1)</script> & <img src=x onerror=alert(2)>"
CONTROLS = (widgets.Text, widgets.Textarea, widgets.Dropdown, widgets.Button)


def descendants(widget: widgets.Widget) -> list[widgets.Widget]:
    """The widget and every widget inside it."""
    found = [widget]
    for child in getattr(widget, "children", ()):
        found += descendants(child)
    return found


def control(widget: widgets.Widget, description: str) -> widgets.Widget:
    """The child control labelled ``description``."""
    matches = [
        w for w in descendants(widget) if isinstance(w, CONTROLS) and w.description == description
    ]
    assert len(matches) == 1, f"no single control labelled {description!r}"
    return matches[0]


def status(widget: Notes) -> str:
    """The HTML of the message area under the buttons."""
    return descendants(widget)[-1].value


# No test touches the real user folder: the default store is a temporary file (conftest).
pytestmark = pytest.mark.usefixtures("notes_path")


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "seminar" / "notes.sqlite3"


def write(widget: Notes, text: str, tags: str = "") -> None:
    control(widget, "Text").value, control(widget, "Tags").value = text, tags
    control(widget, "Save").click()


def test_controls_follow_the_conventions_of_the_study_widgets(store_path: Path) -> None:
    widget = Notes("IV.27", store=store_path)
    assert isinstance(widget, widgets.VBox)
    assert (
        widget._repr_mimebundle_()["text/plain"]
        == repr(widget)
        == repr(Notes("IV.27", store=store_path))
    )
    for child in descendants(widget):
        if isinstance(child, CONTROLS):
            assert child.description.strip(), f"unlabelled {type(child).__name__}"
        if isinstance(child, (widgets.Text, widgets.Textarea)):
            # The paragraph moves on Enter; the note and its tags reach the kernel as typed,
            # so that a click on Save right after typing cannot overtake them in a browser.
            expected = child.description == "Paragraph"
            assert child.continuous_update is not expected, child.description
        if isinstance(child, widgets.Dropdown):
            assert child.index is not None and child.label == "New note"


def test_shows_the_paragraph_with_its_id_pages_and_footnote_markers(store_path: Path) -> None:
    widget = Notes("III.7", store=store_path)
    assert repr(widget) == "Notes(paragraph_id='III.7', 0 notes)"
    assert "¶ III.7 · pp. 19–20" in widget.html
    assert (
        'movement.”<sup class="ld-fn" title="Footnote 10">10</sup> (See Vol. IV, p. 380.)'
        in widget.html
    )
    assert "No notes on ¶ III.7 yet." in widget.html
    assert widget.result.empty and widget.message == ""


def test_a_saved_note_is_listed_stored_and_the_editor_emptied(store_path: Path) -> None:
    widget = Notes("IV.27", store=store_path)
    write(widget, "Power based on force.\nCompare VII.30.", "State, force")
    assert widget.message == "Saved note 1 on ¶ IV.27."
    assert repr(widget) == "Notes(paragraph_id='IV.27', 1 note)"
    assert widget.result[["anchor", "text", "tags"]].values.tolist() == [
        ["IV.27", "Power based on force.\nCompare VII.30.", ("force", "state")]
    ]
    assert (
        "<b>Note 1</b>" in widget.html and "Power based on force.\nCompare VII.30." in widget.html
    )
    assert control(widget, "Text").value == "" and control(widget, "Tags").value == ""
    assert (control(widget, "Note").value, control(widget, "Note").label) == (
        NEW,
        "New note",
    )  # shown, not blank
    with ld.NoteStore(store_path) as reopened:  # written at once: another store sees it
        assert reopened.list()["text"].tolist() == ["Power based on force.\nCompare VII.30."]


def test_notes_are_escaped_wherever_they_are_shown(store_path: Path) -> None:
    widget = Notes("IV.27", store=store_path)
    write(widget, ATTACK, "<b>tag</b>")
    shown = widget.html + status(widget)
    assert "<script>" not in shown and "<img" not in shown and "<b>tag</b>" not in shown
    assert (
        "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(2)&gt;" in shown
    )
    assert "&lt;b&gt;tag&lt;/b&gt;" in shown
    # Dropdown labels are plain text, shown as written.
    assert control(widget, "Note").options[1] == (f"Note 1 · {ATTACK[:47]}…", 1)


def test_an_empty_note_gets_a_message_not_an_error(store_path: Path) -> None:
    widget = Notes("IV.27", store=store_path)
    write(widget, "   \n ")
    assert widget.message == "A note cannot be empty; write something to attach to the passage."
    assert "ld-warning" in status(widget)
    assert widget.result.empty
    with ld.NoteStore(store_path) as reopened:
        assert len(reopened) == 0


def test_a_bad_tag_gets_a_message(store_path: Path) -> None:
    widget = Notes("IV.27", store=store_path)
    write(widget, "Fine text.", "x" * 41)
    assert (
        widget.message.startswith("The tag 'xxxx")
        and "longer than 40 characters" in widget.message
    )
    assert control(widget, "Text").value == "Fine text."  # nothing typed is lost
    assert widget.result.empty


def test_a_store_that_cannot_write_gets_a_message(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    widget = Notes("IV.27", store=store_path)

    def locked(*_args: object, **_kwargs: object) -> None:
        raise NoteError("the notes file stayed locked by another program; nothing was written.")

    monkeypatch.setattr(widget._store, "add", locked)
    write(widget, "Keep me.")
    assert (
        widget.message == "The notes file stayed locked by another program; nothing was written."
    )
    assert control(widget, "Text").value == "Keep me."


def test_moving_to_another_paragraph(store_path: Path) -> None:
    widget = Notes("IV.27", store=store_path)
    write(widget, "On IV.27.")
    control(widget, "Paragraph").value = "¶ VII.30"
    assert widget.paragraph_id == "VII.30" and widget.result.empty
    assert PARAGRAPHS.loc["VII.30", "text"][:60] in widget.html
    write(widget, "On VII.30.")
    assert widget.result["text"].tolist() == ["On VII.30."]
    control(widget, "Paragraph").value = "IV.27"
    assert widget.result["text"].tolist() == ["On IV.27."]
    assert repr(widget) == "Notes(paragraph_id='IV.27', 1 note)"


def test_an_unknown_paragraph_gets_a_message_and_nothing_moves(store_path: Path) -> None:
    widget = Notes("IV.27", store=store_path)
    control(widget, "Paragraph").value = "IV.270"
    assert widget.paragraph_id == "IV.27"
    assert widget.message.startswith("'IV.270' is not a paragraph of the book; Chapter IV runs")
    assert "Did you mean" in widget.message and "ld-warning" in status(widget)
    write(widget, "Still attached to IV.27.")
    assert widget.result["anchor"].tolist() == ["IV.27"]


def test_choosing_a_note_edits_it(store_path: Path) -> None:
    widget = Notes("IV.27", store=store_path)
    write(widget, "First draft.", "draft")
    write(widget, "Second note.")
    control(widget, "Note").value = 1
    assert (control(widget, "Text").value, control(widget, "Tags").value) == (
        "First draft.",
        "draft",
    )
    control(widget, "Text").value, control(widget, "Tags").value = "Final version.", "state, force"
    control(widget, "Save").click()
    assert widget.message == "Updated note 1."
    assert widget.result[["note_id", "text", "tags"]].values.tolist() == [
        [1, "Final version.", ("force", "state")],
        [2, "Second note.", ()],
    ]
    control(widget, "Note").value = NEW  # back to a new note: the editor empties
    assert control(widget, "Text").value == ""


def test_delete_keeps_the_text_so_save_brings_it_back(store_path: Path) -> None:
    widget = Notes("IV.27", store=store_path)
    control(widget, "Delete").click()
    assert widget.message == "Choose a note in the Note list to delete it."
    write(widget, "Regretted.", "oops")
    control(widget, "Note").value = 1
    control(widget, "Delete").click()
    assert widget.result.empty
    assert widget.message.startswith("Deleted note 1.")
    assert (control(widget, "Text").value, control(widget, "Tags").value) == ("Regretted.", "oops")
    control(widget, "Save").click()
    assert widget.result[["note_id", "text"]].values.tolist() == [[2, "Regretted."]]


def test_default_store_and_store_objects(notes_path: Path) -> None:
    widget = Notes()  # $LENINISM_STUDY_NOTES
    write(widget, "In the default store.")
    assert notes_path.exists()
    with ld.NoteStore(notes_path) as store:
        assert Notes("IV.27", store=store).result["text"].tolist() == ["In the default store."]


def test_close_releases_a_store_it_opened_but_not_one_it_was_given(store_path: Path) -> None:
    opened = Notes("IV.27", store=store_path)
    opened.close()
    with pytest.raises(NoteError, match=r"notes\.sqlite3 is closed; open it again"):
        opened.store.list()
    with ld.NoteStore(store_path) as given:
        Notes("IV.27", store=given).close()
        assert given.list().empty


def test_constructor_errors_are_python_errors(store_path: Path) -> None:
    with pytest.raises(ld.UnknownParagraphError, match=r"Did you mean 'IV\.27'"):
        Notes("IV.270", store=store_path)


def test_result_is_a_copy(store_path: Path) -> None:
    widget = Notes("IV.27", store=store_path)
    write(widget, "Original.")
    frame = widget.result
    frame.loc[0, "text"] = "changed"
    assert widget.result.loc[0, "text"] == "Original."


def test_the_reader_has_a_notes_panel_that_follows_it(store_path: Path) -> None:
    from leninism_data.widgets import Reader

    reader = Reader("IV", notes=store_path)
    assert reader.notes is not None and reader.notes.paragraph_id == "IV.1"
    control(reader, "Go to").value = "IV.27"
    assert reader.notes.paragraph_id == "IV.27"
    write(reader.notes, "Force against the bourgeoisie: the definition.", "state")
    assert ld.NoteStore(store_path).list()["paragraph_id"].tolist() == ["IV.27"]
    assert "✎ 1 note" in reader.html  # the margin counts the note at once
    control(reader, "Go to").value = "page 90"
    assert reader.notes.paragraph_id.startswith("VIII.")
    assert Reader("IV").notes is None
