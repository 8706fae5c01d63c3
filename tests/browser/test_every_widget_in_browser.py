"""Every widget of the package in one notebook, in JupyterLab Light and JupyterLab Dark.

The notebook (written into the lab's folder for the test) shows Explorer, Concordance,
Trends, Compare, Reader, Citations, PassageFinder, Quiz and Notes on known queries. After
"Run All" no cell may show an error; each widget must show its result from the book; and
in the dark theme no output of the package may keep a light background (the "bright white
box" that ipywidgets would otherwise show) or dark text. A screenshot of each theme goes to test-artifacts/.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lab_driver import Server, cell_output, code_cells, open_notebook, run_all_cells, set_theme
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

#: Under harness/, which the check of the fresh copy of the notebooks (test_harness.py) ignores.
NOTEBOOK = "harness/all-widgets.ipynb"

#: One cell per widget, and a passage of the book its first view must show.
WIDGET_CELLS = {
    'Explorer("proletariat")': "Intro.7",
    'Concordance("proletariat")': "Intro.7",
    'Trends(("proletariat", "peasantry"))': "proletariat",
    'Compare("IV", "VIII")': "democracy",
    'Reader("Introduction")': "Dedicated to the Lenin Enrollment",
    'Citations("IV")': "Lenin",
    'PassageFinder("The peasantry is the reserve of the proletariat.")': "reserve",
    "Quiz(seed=1)": "Question 1",
    'Notes("IV.27", store="notes.sqlite")': "IV.27",
}

#: For each element of the package's HTML that holds text: its text colour and the colour
#: behind it (the first opaque background of it or its ancestors), as relative luminance
#: (0 black .. 1 white).
COLOURS_JS = """(contents) => {
    const luminance = (css) => {
        const [r, g, b, a = 1] = css.match(/[\\d.]+/g).map(Number);
        if (a < 0.5) return null;
        const linear = (c) => (c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    };
    const behind = (node) => {
        for (; node; node = node.parentElement) {
            const value = luminance(getComputedStyle(node).backgroundColor);
            if (value !== null) return value;
        }
        return 1;
    };
    return contents.flatMap(content => [...content.querySelectorAll('*')]
        .filter(node => node.getClientRects().length && [...node.childNodes]
            .some(child => child.nodeType === 3 && child.textContent.trim()))
        .map(node => ({
            text: node.textContent.trim().slice(0, 40),
            colour: luminance(getComputedStyle(node).color),
            background: behind(node),
        })));
}"""


def contrast(a: float, b: float) -> float:
    """WCAG contrast ratio of two relative luminances."""
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def write_widget_notebook(folder: Path) -> None:
    sources = ["from leninism_data.widgets import *"]
    sources += list(WIDGET_CELLS)
    from lab_driver import write_notebook

    write_notebook(folder / NOTEBOOK, sources, title="Every widget of the package")


def show_every_widget(page: Page, lab: Server, lab_folder: Path, theme: str) -> None:
    """Open the notebook of every widget, run it all and switch to ``theme``; no errors."""
    write_widget_notebook(lab_folder)
    open_notebook(page, lab, NOTEBOOK)
    run_all_cells(page, NOTEBOOK)
    cells = code_cells(page)
    assert [cell["errors"] for cell in cells] == [[]] * len(cells)
    counts = [cell["execution_count"] for cell in cells]  # the kernel may have run it before
    assert counts == list(range(counts[0], counts[0] + len(cells)))
    set_theme(page, theme)


@pytest.mark.parametrize("theme", ["JupyterLab Light", "JupyterLab Dark"])
def test_every_widget_renders_its_result_in_the_theme(
    theme: str, lab: Server, lab_folder: Path, page: Page, screenshot
) -> None:
    show_every_widget(page, lab, lab_folder, theme)
    for source, passage in WIDGET_CELLS.items():
        output = cell_output(page, source)
        expect(output.locator(".jp-OutputArea-output").first).to_be_visible()
        expect(output.get_by_text(passage).first).to_be_attached()
        expect(output.locator("[data-mime-type='application/vnd.jupyter.stderr']")).to_have_count(
            0
        )
    colours = page.locator(".jp-OutputArea-output .widget-html-content").evaluate_all(COLOURS_JS)
    assert len(colours) > 100
    unreadable = [c for c in colours if contrast(c["colour"], c["background"]) < 3]
    assert unreadable == []
    # the package's text follows the theme: light on dark in Dark, dark on light in Light
    dark = theme == "JupyterLab Dark"
    off_theme = [c for c in colours if (c["background"] > 0.5) == dark]
    assert off_theme == []
    screenshot("lab-every-widget-" + theme.split()[-1].lower(), tall=True)
    set_theme(page, "JupyterLab Light")


def test_the_concordance_answers_the_keyboard_alone(
    lab: Server, lab_folder: Path, page: Page
) -> None:
    show_every_widget(page, lab, lab_folder, "JupyterLab Light")
    concordance = cell_output(page, 'Concordance("proletariat")')
    box = concordance.locator(".widget-text input").first
    concordance.locator(".jp-OutputArea-output").first.click(position={"x": 2, "y": 2})
    for _ in range(10):  # Tab from the output's edge to the query box
        if box.evaluate("(node) => node === document.activeElement"):
            break
        page.keyboard.press("Tab")
    expect(box).to_be_focused()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("Shipka")
    page.keyboard.press("Enter")
    expect(concordance.get_by_text("IV.26").first).to_be_visible()
    expect(concordance.get_by_text("Intro.7")).to_have_count(0)
