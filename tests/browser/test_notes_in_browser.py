"""The Notes widget in real JupyterLab: typing paragraph ids and saving notes reaches the store.

Headless tests run every widget callback on one thread; a real kernel may run them on
another thread than the cell that opened the notes file (ipykernel 7 subshells), which
once made the Notes list stick on the first paragraph and Save do nothing visible. Here
Chromium types three paragraph ids and saves a note on each; the notes must then be in
the SQLite file, read back by the test itself.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lab_driver import Server, cell_output, code_cells, open_notebook, run_all_cells
from playwright.sync_api import Page, expect

import leninism_data as ld

pytestmark = pytest.mark.browser

NOTES_CELL = """\
from leninism_data import NoteStore
from leninism_data.widgets import Notes

store = NoteStore({path!r})
Notes("IV.27", store=store)"""

#: (what the student types in the Paragraph box, the note written on that paragraph)
STEPS = [
    ("IV.28", "The state as a machine in the hands of the ruling class."),
    ("iv 27", "The dictatorship arises from the breaking up of the bourgeois order."),
    ("IV.30", "Three sides of the dictatorship."),
]


def write_notes_notebook(path: Path, store: Path) -> Path:
    """A one-cell notebook showing the Notes widget over the notes file ``store``."""
    cell = {
        "cell_type": "code",
        "id": "notes",
        "metadata": {},
        "execution_count": None,
        "outputs": [],
        "source": NOTES_CELL.format(path=str(store)),
    }
    notebook = {
        "cells": [cell],
        "metadata": {
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(notebook, indent=1), encoding="utf-8")
    return path


def test_notes_typed_in_jupyterlab_across_three_paragraphs_are_in_the_store(
    lab: Server, lab_folder: Path, page: Page, tmp_path: Path
) -> None:
    store_path = tmp_path / "class" / "notes.sqlite3"
    write_notes_notebook(lab_folder / "harness-notes" / "notes.ipynb", store_path)
    open_notebook(page, lab, "harness-notes/notes.ipynb")
    run_all_cells(page, "harness-notes/notes.ipynb")
    assert code_cells(page) == [{"execution_count": 1, "errors": [], "tags": []}]

    notes = cell_output(page, "Notes(")
    paragraph_box = notes.get_by_role("textbox", name="Paragraph")
    expect(notes.locator(".ld-heading").first).to_contain_text("¶ IV.27")
    for number, (typed, text) in enumerate(STEPS, 1):
        paragraph_id = ld.NoteStore(":memory:").add(typed, "probe").anchor  # "iv 27" → IV.27
        paragraph_box.fill(typed)
        paragraph_box.press("Enter")
        expect(notes.locator(".ld-heading").first).to_contain_text(f"¶ {paragraph_id} ·")
        expect(notes.get_by_text(f"No notes on ¶ {paragraph_id} yet.")).to_be_visible()
        notes.get_by_role("textbox", name="Text").fill(text)
        notes.get_by_role("button", name="Save").click()
        expect(notes.get_by_text(f"Saved note {number} on ¶ {paragraph_id}.")).to_be_visible()
        expect(notes.locator(".ld-footnote")).to_contain_text(text)

    with ld.NoteStore(store_path) as store:
        saved = store.list()
    assert saved[["note_id", "anchor", "text"]].values.tolist() == [
        [1, "IV.28", STEPS[0][1]],
        [2, "IV.27", STEPS[1][1]],
        [3, "IV.30", STEPS[2][1]],
    ]
