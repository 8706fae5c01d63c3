"""axe-core on the package's outputs in JupyterLab (Light and Dark) and on each Voilà app.

axe-core (shipped by axe-playwright-python) checks the rendered page against WCAG rules:
names of controls, contrast, alt text of images, keyboard access to scrollable regions...
In JupyterLab it checks only the outputs of the notebook of every widget (JupyterLab's
own interface is not this package's); in Voilà, the whole page. No violation of serious
or critical impact may remain. A Voilà app must also work from the keyboard alone: Tab to
the query box, type, Enter.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lab_driver import PAGE_TIMEOUT_MS, Server, axe_violations, serious
from playwright.sync_api import Page, expect
from test_every_widget_in_browser import show_every_widget

from leninism_data.cli import APP_PAGES

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("theme", ["JupyterLab Light", "JupyterLab Dark"])
def test_the_outputs_of_every_widget_pass_axe_core(
    theme: str, lab: Server, lab_folder: Path, page: Page
) -> None:
    show_every_widget(page, lab, lab_folder, theme)
    violations = axe_violations(page, include=".jp-OutputArea")
    assert serious(violations) == []


@pytest.mark.parametrize("name", list(APP_PAGES))
def test_each_app_passes_axe_core(name: str, served_app, page: Page) -> None:
    page.goto(served_app(name).url("/"), wait_until="commit")
    expect(page.get_by_role("heading", level=1)).to_be_visible(timeout=PAGE_TIMEOUT_MS)
    expect(page.locator(".jp-OutputArea-output .widget-box").first).to_be_visible()
    assert serious(axe_violations(page)) == []


def test_an_app_works_from_the_keyboard_alone(served_app, page: Page, screenshot) -> None:
    page.goto(served_app("concordance").url("/"), wait_until="commit")
    box = page.locator(".widget-text input").first
    expect(box).to_have_value("proletariat", timeout=PAGE_TIMEOUT_MS)
    presses = 0
    while not box.evaluate("(node) => node === document.activeElement") and presses < 15:
        page.keyboard.press("Tab")
        presses += 1
    expect(box).to_be_focused()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("Shipka")
    page.keyboard.press("Enter")
    output = page.locator(".jp-OutputArea-output")
    expect(output.get_by_text("IV.26").first).to_be_visible()
    expect(output.get_by_text("Intro.7")).to_have_count(0)
    screenshot("voila-concordance-keyboard")
