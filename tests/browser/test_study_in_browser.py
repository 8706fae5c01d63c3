"""The study as a student and a teacher see it: real notebooks and widgets in Chromium.

JupyterLab is the one ``leninism-study lab`` opened on a fresh copy of the notebooks
(see conftest.py). Each notebook is run in full with "Run All"; then the page must show
no error (but in cells tagged ``raises-exception``, which demonstrate one), and its widgets
must render and answer what is typed into them with the passages of the book.
"""

from __future__ import annotations

import pytest
from lab_driver import Server, cell_output, code_cells, open_notebook, run_all_cells
from playwright.sync_api import Locator, Page, expect

pytestmark = pytest.mark.browser

QUERY_BOX = "a word, a phrase, proletar* or a regex"  # the placeholder of every search box


def run_notebook(page: Page, lab: Server, name: str) -> None:
    """Open ``name``, run all its cells, and check that each ran and none shows an error."""
    open_notebook(page, lab, name)
    run_all_cells(page, name)
    cells = code_cells(page)
    unexpected = [
        cell["errors"]
        for cell in cells
        if cell["errors"] and "raises-exception" not in cell["tags"]
    ]
    assert unexpected == []
    assert [n for n, cell in enumerate(cells) if cell["execution_count"] is None] == []


def search(output: Locator, query: str) -> None:
    """Type ``query`` into a widget's search box and press Enter, as a student would."""
    box = output.get_by_placeholder(QUERY_BOX)
    box.fill("")
    box.press_sequentially(query)
    box.press("Enter")


def test_start_here_runs_and_its_widgets_answer(lab: Server, page: Page) -> None:
    run_notebook(page, lab, "00-start-here.ipynb")

    explorer = cell_output(page, 'Explorer("vanguard")')
    expect(explorer.locator(".ld-view").first).to_contain_text("of “vanguard” in")
    search(explorer, "Shipka")
    expect(explorer.get_by_text("1 match of “Shipka” in 1 paragraph")).to_be_visible()
    expect(explorer.locator(".ld-para")).to_have_count(1)
    expect(explorer.locator(".ld-para")).to_contain_text("¶ IV.26")

    concordance = cell_output(page, 'Concordance("peasantry", window=6)')
    expect(concordance.locator(".ld-kwic")).to_contain_text("peasantry")
    search(concordance, "Shipka")
    expect(concordance.get_by_text("1 line for “Shipka”")).to_be_visible()
    expect(concordance.locator(".ld-kwic tr")).to_have_count(1)
    expect(concordance.locator(".ld-kwic tr")).to_contain_text("IV.26")

    reader = cell_output(page, 'Reader(chapter="Introduction")')
    footnote = reader.locator("details.ld-fn", has=page.locator("summary[title='Footnote 1']"))
    note = "were published in Pravda in April and May 1924"
    expect(footnote).to_have_js_property("open", False)
    expect(footnote).not_to_contain_text(note, use_inner_text=True)  # closed: only its marker
    footnote.locator("summary").click()
    expect(footnote).to_have_js_property("open", True)
    expect(footnote).to_contain_text(note, use_inner_text=True)


def test_a_chapter_notebook_runs_and_its_concordance_answers(lab: Server, page: Page) -> None:
    run_notebook(page, lab, "ch4-dictatorship-of-the-proletariat.ipynb")
    concordance = cell_output(page, 'Concordance("democra*", chapter=CHAPTER)')
    expect(concordance.locator(".ld-kwic")).to_contain_text("democracy")
    search(concordance, "Paris Commune")
    expect(concordance.get_by_text("1 line for “Paris Commune”")).to_be_visible()
    expect(concordance.locator(".ld-kwic tr")).to_contain_text("IV.62")


def test_the_concordance_app_serves_a_classroom_without_code(voila_app, page: Page) -> None:
    app = voila_app("concordance")
    page.goto(app.url("/"), wait_until="domcontentloaded")
    box = page.get_by_placeholder(QUERY_BOX)
    expect(box).to_be_visible(timeout=120_000)
    expect(page.get_by_text("from leninism_data.widgets import")).to_have_count(0)
    search(page.locator("body"), "Shipka")
    expect(page.get_by_text("1 line for “Shipka”")).to_be_visible()
    expect(page.locator(".ld-kwic tr")).to_contain_text("IV.26")
