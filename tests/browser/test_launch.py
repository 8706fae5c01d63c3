"""A first launch and the classroom apps, as a student and a teacher meet them.

``leninism-study lab`` prints an address; opened as it is, it must show 00-start-here with
its kernel idle, with no "Jupyter news" pop-up, and the file browser must show the
notebooks' whole names. ``leninism-study app NAME`` must show a title, one line of
instructions and a first result, and no request of the page may leave the machine (Voilà's
own template fetches Font Awesome from a CDN). ``--large`` draws the app 1.5 times larger
for a projector. A screenshot of each state goes to test-artifacts/.
"""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

import pytest
from lab_driver import PAGE_TIMEOUT_MS, Server, printed_url, record_requests, wait_kernel_idle
from playwright.sync_api import Page, expect

from leninism_data.cli import APP_PAGES, BOOK_TITLE, LARGE_TYPE_SCALE, START_NOTEBOOK

pytestmark = pytest.mark.browser

NEWS_EXTENSION = "@jupyterlab/apputils-extension:announcements"

#: Each app's first query and a passage of its first result (the book's text and ids).
FIRST_RESULTS = {
    "explorer": ("proletariat", "Intro.7"),
    "concordance": ("proletariat", "Intro.7"),
    "compare": (None, "democracy"),
    "reader": (None, "Dedicated to the Lenin Enrollment"),
}


def settings_schema(server: Server, plugin: str) -> dict:
    """The schema of ``plugin``'s settings as the server hands it to JupyterLab."""
    with urllib.request.urlopen(server.url(f"/lab/api/settings/{plugin}"), timeout=30) as reply:
        return json.load(reply)["schema"]


def test_the_printed_address_opens_start_here_without_the_news_pop_up(
    lab: Server, page: Page, browser_environment: dict[str, str], screenshot
) -> None:
    url = printed_url(lab)
    assert url.startswith(f"{lab.base_url}/lab/tree/{START_NOTEBOOK}?token=")
    page.goto(url, wait_until="domcontentloaded")
    wait_kernel_idle(page, START_NOTEBOOK)
    expect(page.locator(".jp-NotebookPanel:visible h1").first).to_contain_text(
        "The Foundations of Leninism"
    )
    assert page.evaluate("(id) => window.jupyterapp.hasPlugin(id)", NEWS_EXTENSION) is False
    expect(page.get_by_text("Jupyter news")).to_have_count(0)
    # JupyterLab asks the internet for nothing: news and update checks are off by default.
    properties = settings_schema(lab, "@jupyterlab/apputils-extension:notification")["properties"]
    assert (properties["fetchNews"]["default"], properties["checkForUpdates"]["default"]) == (
        "false",
        False,
    )
    # ... and none of it was written into the user's Jupyter configuration.
    config = Path(browser_environment["JUPYTER_CONFIG_DIR"])
    assert not (config / "labconfig").exists()
    user_settings = config / "lab" / "user-settings" / "@jupyterlab" / "apputils-extension"
    assert not (user_settings / "notification.jupyterlab-settings").exists()
    screenshot("launch-start-here")


def test_the_file_browser_shows_the_notebooks_whole_names_on_a_laptop_screen(
    lab: Server, lab_folder: Path, page: Page, screenshot
) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(printed_url(lab), wait_until="domcontentloaded")
    wait_kernel_idle(page, START_NOTEBOOK)
    names = page.locator(".jp-DirListing-content .jp-DirListing-itemText")
    shipped = sorted(path.name for path in lab_folder.glob("*.ipynb"))
    expect(names.filter(has_text=START_NOTEBOOK)).to_have_count(1)
    listed = sorted(name for name in names.all_inner_texts() if name.endswith(".ipynb"))
    assert listed == shipped
    cut = names.evaluate_all(
        """(items) => items.filter(item => {
            // the laid-out text (an ellipsis is only painted over it) against the box that
            // clips it: the nearest ancestor that hides its overflow
            const range = document.createRange();
            range.selectNodeContents(item);
            const text = range.getBoundingClientRect();
            let clip = item;
            while (clip && getComputedStyle(clip).overflowX === 'visible') {
                clip = clip.parentElement;
            }
            return text.right > clip.getBoundingClientRect().right + 0.5;
        }).map(item => item.textContent)"""
    )
    assert cut == []
    screenshot("launch-file-browser-1280px")


@pytest.mark.parametrize("name", list(APP_PAGES))
def test_each_app_has_a_title_instructions_a_first_result_and_stays_on_this_computer(
    name: str, served_app, page: Page, screenshot
) -> None:
    app = served_app(name)
    requests = record_requests(page)
    page.goto(app.url("/"), wait_until="commit")
    about = APP_PAGES[name]
    expect(page).to_have_title(f"{about.title} · {BOOK_TITLE}", timeout=PAGE_TIMEOUT_MS)
    expect(page.get_by_role("heading", level=1, name=about.title)).to_be_visible()
    expect(page.get_by_text(about.instructions)).to_be_visible()
    query, passage = FIRST_RESULTS[name]
    if query is not None:
        expect(page.locator(".widget-text input").first).to_have_value(
            query, timeout=PAGE_TIMEOUT_MS
        )
    expect(page.locator(".jp-OutputArea-output").get_by_text(passage).first).to_be_visible(
        timeout=PAGE_TIMEOUT_MS
    )
    expect(
        page.locator(".jp-OutputArea-output [data-mime-type='application/vnd.jupyter.stderr']")
    ).to_have_count(0)
    page.wait_for_load_state("networkidle", timeout=PAGE_TIMEOUT_MS)
    elsewhere = [
        url for url in requests if not url.startswith((f"{app.base_url}/", "data:", "blob:"))
    ]
    assert elsewhere == []
    assert len(requests) > 10  # the page, Voilà's scripts, styles and fonts: all recorded
    screenshot(f"voila-{name}")


def test_large_type_mode_draws_an_app_larger_for_a_projector(
    served_app, page: Page, screenshot
) -> None:
    heights = []
    for options in ((), ("--large",)):
        app = served_app("concordance", *options)
        page.goto(app.url("/"), wait_until="commit")
        box = page.locator(".widget-text input").first
        expect(box).to_have_value("proletariat", timeout=PAGE_TIMEOUT_MS)
        title = page.locator("h1")
        heights.append((title.bounding_box()["height"], box.bounding_box()["height"]))
    (title_normal, box_normal), (title_large, box_large) = heights
    assert title_large / title_normal == pytest.approx(LARGE_TYPE_SCALE, rel=0.05)
    assert box_large / box_normal == pytest.approx(LARGE_TYPE_SCALE, rel=0.05)
    screenshot("voila-concordance-large")
