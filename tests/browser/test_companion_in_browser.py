"""The Reader's study companion in real JupyterLab: marked words, entry buttons, footnotes
opening in place at their marker."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lab_driver import Server, cell_output, code_cells, open_notebook, run_all_cells
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

SOURCE = 'from leninism_data.widgets import Reader\nReader(paragraph_id="VII.54")'


def write_reader_notebook(path: Path) -> str:
    notebook = {
        "cells": [
            {
                "cell_type": "code",
                "id": "reader",
                "metadata": {},
                "execution_count": None,
                "outputs": [],
                "source": SOURCE,
            }
        ],
        "metadata": {
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(notebook, indent=1), encoding="utf-8")
    return f"harness/{path.name}"


def test_reader_marks_words_opens_entries_and_footnotes_in_place(
    lab: Server, lab_folder: Path, page: Page
) -> None:
    name = write_reader_notebook(lab_folder / "harness" / "companion.ipynb")
    open_notebook(page, lab, name)
    run_all_cells(page, name)
    assert [cell["errors"] for cell in code_cells(page)] == [[]]
    reader = cell_output(page, "Reader(paragraph_id=")

    # A word with an entry: a dotted underline in the theme's colour, its entry on hover.
    mark = reader.locator("span.ld-entry", has_text="Otzovist").first
    expect(mark).to_be_visible()
    expect(mark).to_have_attribute("title", "Glossary: Otzovists (Otzovism)")
    assert mark.evaluate("node => getComputedStyle(node).borderBottomStyle") == "dotted"

    # Clicking the entry's button shows it beside the paragraph, with the other paragraphs.
    reader.get_by_role("button", name="Otzovists (Otzovism)").click()
    card = reader.locator(".ld-card")
    expect(card).to_contain_text("to recall")
    expect(card).to_contain_text("References")
    studied_box = reader.locator(".ld-focus").bounding_box()
    card_box = card.bounding_box()
    assert studied_box and card_box and card_box["x"] > studied_box["x"] + studied_box["width"] / 2

    # A footnote marker further down opens its note in place, inside the paragraph.
    footnote = reader.locator("details.ld-fn", has=page.locator("summary[title='Footnote 27']"))
    marker, note = footnote.locator("summary"), footnote.locator(".ld-fn-text")
    expect(note).to_be_hidden()
    marker.click()
    expect(note).to_be_visible()
    expect(note).to_contain_text("Kapp (1868-1922) was the ringleader")
    body = reader.locator(".ld-body", has=page.locator("summary[title='Footnote 27']"))
    body = body.bounding_box()
    note_box = note.bounding_box()
    assert body and note_box and body["y"] <= note_box["y"] <= body["y"] + body["height"]

    # A paragraph button opens that paragraph for study.
    reader.get_by_role("button", name="VII.53", exact=True).click()
    expect(reader.locator(".ld-focus .ld-margin")).to_contain_text("¶ VII.53")
