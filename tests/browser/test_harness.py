"""The browser harness itself, proved on a small widget notebook written for the test.

``leninism-study lab`` and ``leninism-study app`` serve a notebook in which a Text box
drives an HTML widget; Chromium types into the box and must see the HTML change, which
needs the whole chain to work: server, kernel, widget manager, comm messages, rendering.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lab_driver import (
    Server,
    code_cells,
    open_notebook,
    run_all_cells,
    write_echo_notebook,
)
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def type_and_expect_echo(page: Page) -> None:
    box = page.locator(".widget-text input")
    echo = page.locator(".widget-html-content")
    expect(echo).to_have_text("nothing typed yet")
    box.press_sequentially("state & revolution")
    expect(echo).to_have_text("18 letters: STATE & REVOLUTION")


def test_lab_serves_a_fresh_copy_of_the_notebooks(
    lab: Server, lab_folder: Path, read_tree, shipped_notebooks: dict[str, bytes]
) -> None:
    copied = {
        name: data
        for name, data in read_tree(lab_folder).items()
        if not name.startswith("harness/")
    }
    assert copied == shipped_notebooks


def test_jupyterlab_runs_a_widget_notebook_and_typing_updates_it(
    lab: Server, lab_folder: Path, page: Page
) -> None:
    write_echo_notebook(lab_folder / "harness" / "echo.ipynb")
    open_notebook(page, lab, "harness/echo.ipynb")
    run_all_cells(page, "harness/echo.ipynb")
    assert code_cells(page) == [
        {"execution_count": 1, "errors": [], "tags": []},
        {"execution_count": 2, "errors": [], "tags": []},
    ]
    expect(page.locator(".jp-OutputArea-output").first).to_have_text("kernel ready")
    type_and_expect_echo(page)


def test_voila_serves_a_widget_notebook_without_code_and_responds(
    voila_app, tmp_path: Path, page: Page
) -> None:
    app = voila_app(str(write_echo_notebook(tmp_path / "echo.ipynb")))
    page.goto(app.url("/"), wait_until="domcontentloaded")
    expect(page.get_by_text("kernel ready")).to_be_visible(timeout=120_000)
    expect(page.get_by_text("import ipywidgets")).to_have_count(0)
    type_and_expect_echo(page)
