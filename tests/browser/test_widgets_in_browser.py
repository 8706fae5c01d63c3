"""The concordance workbench and the SVG charts in a real JupyterLab, light and dark.

A notebook with the Concordance, Trends, WordList, Collocates and Clusters is written
into the lab folder and run; clicking a line must open its paragraph, hovering a chart's
mark must offer its value, the charts must take their colours from the theme and fit the
output without a horizontal scrollbar. Screenshots of both themes go to test-artifacts/.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lab_driver import PAGE_TIMEOUT_MS, Server, cell_output, open_notebook, run_all_cells
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

NAME = "widgets-workbench.ipynb"
CELLS = [
    "from leninism_data.widgets import Clusters, Collocates, Concordance, Trends, WordList",
    'Concordance("proletariat", chapter="IV", sort="1R")',
    'Trends("proletariat, peasantry", by="section")',
    'WordList(chapter="V")',
    'Collocates("dictatorship")',
    "Clusters(4, stopwords=False)",
]


def write_notebook(folder: Path) -> None:
    cells = [
        {
            "cell_type": "code",
            "id": f"c{number}",
            "metadata": {},
            "execution_count": None,
            "outputs": [],
            "source": source,
        }
        for number, source in enumerate(CELLS)
    ]
    notebook = {
        "cells": cells,
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    (folder / NAME).write_text(json.dumps(notebook), encoding="utf-8")


def test_workbench_and_charts_in_light_and_dark(
    lab: Server, lab_folder: Path, page: Page, request: pytest.FixtureRequest
) -> None:
    write_notebook(lab_folder)
    page.set_viewport_size({"width": 1200, "height": 3600})
    open_notebook(page, lab, NAME)
    run_all_cells(page, NAME)

    concordance = cell_output(page, 'Concordance("proletariat"')
    expect(concordance.locator(".ld-kwic-head th")).to_have_text(
        ["left context", "keyword", "right context", "¶", "page"]
    )
    expect(concordance.locator(".ld-kwic tr")).to_have_count(20)
    expect(concordance.locator(".ld-sort1").first).to_be_visible()
    concordance.get_by_role("button", name="3", exact=True).click()
    expect(concordance.locator(".ld-para .ld-margin")).to_contain_text("line 3")

    trends = cell_output(page, "Trends(")
    svg = trends.locator("svg.ld-chart").first
    expect(svg).to_be_visible()
    expect(
        svg.locator("title", has_text="proletariat · III.1 The importance of theory")
    ).to_have_count(1)
    fits = trends.evaluate(
        "node => [...node.querySelectorAll('.jp-OutputArea-output, .widget-html')]"
        ".every(e => e.scrollWidth <= e.clientWidth + 1)"
    )
    assert fits, "a chart or table widens the output"
    point = svg.locator("circle.ld-mark").first

    def fill() -> str:
        return point.evaluate("node => getComputedStyle(node).fill")

    light = fill()
    artifacts = request.config.rootpath / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    page.screenshot(path=str(artifacts / "widgets-light.png"), timeout=PAGE_TIMEOUT_MS)
    page.evaluate(
        "() => window.jupyterapp.commands.execute('apputils:change-theme', "
        "{theme: 'JupyterLab Dark'})"
    )
    page.wait_for_function(
        "() => document.body.dataset.jpThemeLight === 'false'", timeout=PAGE_TIMEOUT_MS
    )
    page.wait_for_timeout(500)
    assert fill() != light  # the marks follow the theme's brand colour
    text_colour = svg.locator("text").first.evaluate("node => getComputedStyle(node).fill")
    assert text_colour not in ("rgb(0, 0, 0)", "rgb(33, 33, 33)")  # light text on dark
    page.screenshot(path=str(artifacts / "widgets-dark.png"), timeout=PAGE_TIMEOUT_MS)
    page.evaluate(
        "() => window.jupyterapp.commands.execute('apputils:change-theme', "
        "{theme: 'JupyterLab Light'})"
    )
