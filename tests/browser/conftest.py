"""Fixtures for end-to-end tests in Debian's Chromium, driven by Playwright for Python.

``lab`` is one JupyterLab started by ``leninism-study lab`` (random port and token,
isolated Jupyter folders) in a temporary folder that the command fills with a fresh copy
of the notebooks; ``voila_app`` starts ``leninism-study app``. ``page`` is a new tab in a
shared headless Chromium; when a test fails, a screenshot of it goes to test-artifacts/.

Without Chromium these tests are skipped with the install hint, except in CI (CI=true),
where a missing browser is a failure.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from lab_driver import (
    CHROMIUM,
    PAGE_TIMEOUT_MS,
    TEST_LAB_SETTINGS,
    Server,
    isolated_environment,
    launch_chromium,
    start_lab,
    start_voila,
)

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page

FAILED = pytest.StashKey[bool]()
#: How long ``expect(...)`` retries (Playwright's default, 5 s, is too short on a busy
#: 2-core machine while a kernel starts).
EXPECT_TIMEOUT_MS = 60_000


def pytest_configure(config: pytest.Config) -> None:
    from playwright.sync_api import expect

    expect.set_options(timeout=EXPECT_TIMEOUT_MS)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    if report.when == "call" and report.failed:
        item.stash[FAILED] = True
    return report


@pytest.fixture(scope="session")
def browser_environment(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Isolated folders for Jupyter and Chromium, shared by every server and the browser."""
    return isolated_environment(tmp_path_factory.mktemp("jupyter-home"), TEST_LAB_SETTINGS)


@pytest.fixture(scope="session")
def browser_context(
    browser_environment: dict[str, str], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[BrowserContext]:
    """Headless Debian Chromium (one for the session); skipped or failed when it is missing."""
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing; install it with: apt-get install chromium"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"browser tests cannot run in CI: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = launch_chromium(
            playwright, tmp_path_factory.mktemp("chromium-profile"), browser_environment
        )
        yield context
        context.close()


@pytest.fixture
def page(browser_context: BrowserContext, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A new tab; its screenshot is saved in test-artifacts/ if the test fails."""
    tab = browser_context.new_page()
    yield tab
    if request.node.stash.get(FAILED, False):
        artifacts = request.config.rootpath / "test-artifacts"
        artifacts.mkdir(exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.nodeid)
        tab.screenshot(
            path=str(artifacts / f"{name}.png"), full_page=True, timeout=PAGE_TIMEOUT_MS
        )
    tab.close()


#: Viewport height for a screenshot of a whole notebook (JupyterLab scrolls inside the page,
#: so a full-page screenshot shows only what fits the viewport).
TALL_VIEWPORT = 9000


@pytest.fixture
def screenshot(page: Page, request: pytest.FixtureRequest) -> Callable[..., Path]:
    """Save a screenshot of ``page`` as test-artifacts/NAME.png (a test artifact).

    ``tall=True`` first makes the viewport tall enough for a whole JupyterLab notebook.
    """

    def save(name: str, tall: bool = False) -> Path:
        artifacts = request.config.rootpath / "test-artifacts"
        artifacts.mkdir(exist_ok=True)
        path = artifacts / f"{name}.png"
        viewport = page.viewport_size
        if tall and viewport:
            page.set_viewport_size({"width": viewport["width"], "height": TALL_VIEWPORT})
            page.wait_for_timeout(500)  # JupyterLab lays out the cells again
        page.screenshot(path=str(path), full_page=True, timeout=PAGE_TIMEOUT_MS)
        if tall and viewport:
            page.set_viewport_size(viewport)
        return path

    return save


def _stop(server: Server, request: pytest.FixtureRequest, name: str) -> None:
    """Stop ``server``; keep its log in test-artifacts/ if a test failed."""
    server.stop()
    if request.session.testsfailed:
        artifacts = request.config.rootpath / "test-artifacts"
        artifacts.mkdir(exist_ok=True)
        (artifacts / f"{name}.log").write_bytes(server.log.read_bytes())


@pytest.fixture(scope="session")
def lab_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where ``leninism-study lab`` copies the notebooks (it does not exist before)."""
    return tmp_path_factory.mktemp("lab") / "leninism-study-notebooks"


@pytest.fixture(scope="session")
def lab(
    lab_folder: Path,
    browser_environment: dict[str, str],
    browser_context: BrowserContext,
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Server]:
    """``leninism-study lab`` on 127.0.0.1 with a random token, stopped with SIGTERM at the end."""
    server = start_lab(
        lab_folder, browser_environment, tmp_path_factory.mktemp("logs") / "jupyterlab.log"
    )
    yield server
    _stop(server, request, "jupyterlab")


@pytest.fixture
def voila_app(
    browser_environment: dict[str, str],
    browser_context: BrowserContext,
    request: pytest.FixtureRequest,
    tmp_path: Path,
) -> Iterator[Callable[[str], Server]]:
    """Start ``leninism-study app TARGET`` (an app name or a notebook path), stopped after the
    test."""
    servers: list[Server] = []

    def start(target: str) -> Server:
        servers.append(
            start_voila(target, browser_environment, tmp_path / f"voila-{len(servers)}.log")
        )
        return servers[-1]

    yield start
    for number, server in enumerate(servers):
        _stop(server, request, f"voila-{number}")


@pytest.fixture(scope="session")
def served_app(
    browser_environment: dict[str, str],
    browser_context: BrowserContext,
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Callable[..., Server]]:
    """``leninism-study app NAME [OPTIONS]``, started once per session for each NAME and OPTIONS.

    Every page load of a Voilà app starts its own kernel, so tests can share a server.
    """
    servers: dict[tuple[str, ...], Server] = {}
    logs = tmp_path_factory.mktemp("voila-logs")

    def start(name: str, *options: str) -> Server:
        key = (name, *options)
        if key not in servers:
            log = logs / ("-".join(key).replace("--", "") + ".log")
            servers[key] = start_voila(name, browser_environment, log, *options)
        return servers[key]

    yield start
    for key, server in servers.items():
        _stop(server, request, "voila-" + "-".join(key).replace("--", ""))
