"""Start JupyterLab or Voilà through ``leninism-study`` and drive them in Debian's Chromium.

Shared by the browser tests (``conftest.py``) and ``benchmarks/bench_lab_startup.py``.
The recipes and traps that work on Debian Chromium: isolated Jupyter folders, a random
port and token, SIGTERM to stop, and a timeout on every wait. Playwright is imported only
where a browser is started, so that collecting this module never needs it.
"""

from __future__ import annotations

import functools
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Locator, Page, Playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
START_TIMEOUT = 120  # seconds for a server to answer
STOP_TIMEOUT = 30  # seconds for a server to exit after SIGTERM
#: A page-wide wait (kernel start, run-all) may take this long, in milliseconds.
PAGE_TIMEOUT_MS = 120_000


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


#: JupyterLab settings for the browser tests: every cell of a notebook in the page (by
#: default JupyterLab 4 leaves the cells out of view out of it, hiding them from axe-core and
#: from locators).
TEST_LAB_SETTINGS: dict[str, dict[str, object]] = {
    "@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"},
}


def isolated_environment(
    base: Path, lab_settings: dict[str, dict[str, object]] | None = None
) -> dict[str, str]:
    """Environment variables giving Jupyter and Chromium their own folders under ``base``.

    JupyterLab gets its config, data, runtime and workspace folders there, with
    ``window.jupyterapp`` exposed (to run all cells from a test) and ``lab_settings``
    (plugin id -> settings) as the user's settings. Nothing else is configured: what
    ``leninism-study lab`` does on a first launch (the start notebook, no news pop-up) is
    its own doing.
    """
    folders = {name: base / name for name in ("config", "data", "runtime", "workspaces", "xdg")}
    for folder in folders.values():
        folder.mkdir(parents=True, exist_ok=True)
    (folders["config"] / "jupyter_server_config.json").write_text(
        json.dumps({"LabApp": {"expose_app_in_browser": True}}), encoding="utf-8"
    )
    for plugin, settings in (lab_settings or {}).items():
        package, name = plugin.split(":")
        path = (
            folders["config"] / "lab" / "user-settings" / package / f"{name}.jupyterlab-settings"
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(settings), encoding="utf-8")
    return {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(folders["config"]),
        "JUPYTER_DATA_DIR": str(folders["data"]),
        "JUPYTER_RUNTIME_DIR": str(folders["runtime"]),
        "JUPYTERLAB_WORKSPACES_DIR": str(folders["workspaces"]),
        "XDG_CONFIG_HOME": str(folders["xdg"]),
        "PYTHONUNBUFFERED": "1",
    }


@dataclass
class Server:
    """A JupyterLab or Voilà server started by ``leninism-study``, logging to ``log``."""

    process: subprocess.Popen[bytes]
    port: int
    log: Path
    token: str = ""
    started: float = field(default_factory=time.perf_counter)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str = "/") -> str:
        """The address of ``path`` on this server, with its token."""
        return f"{self.base_url}{path}" + (f"?token={self.token}" if self.token else "")

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(
            self.log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:]
        )

    def wait_until_up(self, path: str, timeout: float = START_TIMEOUT) -> float:
        """Poll ``path`` until the server answers at all; return the seconds since start."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"the server exited with status {self.process.returncode}:\n{self.log_tail()}"
                )
            try:
                with urllib.request.urlopen(self.url(path), timeout=5):
                    return time.perf_counter() - self.started
            except urllib.error.HTTPError:
                return (
                    time.perf_counter() - self.started
                )  # it answered (Voilà's /api/status says 403)
            except OSError:
                time.sleep(0.1)
        raise TimeoutError(
            f"no answer from {self.base_url}{path} within {timeout}s:\n{self.log_tail()}"
        )

    def stop(self) -> None:
        """SIGTERM (SIGINT would wait for a y/n), then SIGKILL the server's group if it hangs."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(STOP_TIMEOUT)


def start_cli_server(args: list[str], env: dict[str, str], log: Path, token: str = "") -> Server:
    """Run ``python -m leninism_data ARGS --no-browser --port P`` in its own process group."""
    port = free_port()
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "leninism_data", *args, "--no-browser", "--port", str(port)],
            env={**env, "JUPYTER_TOKEN": token} if token else env,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    return Server(process=process, port=port, log=log, token=token)


def start_lab(folder: Path, env: dict[str, str], log: Path) -> Server:
    """``leninism-study lab FOLDER`` with a random token; returns once its API answers."""
    server = start_cli_server(["lab", str(folder)], env, log, token=secrets.token_hex(16))
    server.wait_until_up("/api/status")
    return server


def start_voila(target: str, env: dict[str, str], log: Path, *options: str) -> Server:
    """``leninism-study app TARGET [OPTIONS]``; returns once Voilà answers."""
    server = start_cli_server(["app", target, *options], env, log)
    server.wait_until_up("/api/status")
    return server


def launch_chromium(playwright: Playwright, profile: Path, env: dict[str, str]) -> BrowserContext:
    """Debian's Chromium, headless, in a fresh persistent profile, with generous timeouts."""
    context = playwright.chromium.launch_persistent_context(
        str(profile),
        executable_path=str(CHROMIUM),
        headless=True,
        args=CHROMIUM_ARGS,
        env=dict(env),
        viewport={"width": 1400, "height": 1000},
        timeout=60_000,
    )
    context.set_default_timeout(30_000)
    return context


# --------------------------------------------------------------------------- a probe notebook

ECHO_SOURCE = """\
import html
import ipywidgets as widgets

query = widgets.Text(description="Query")
echo = widgets.HTML("<b>nothing typed yet</b>")

def show(change):
    echo.value = f"<b>{len(change['new'])} letters: {html.escape(change['new'].upper())}</b>"

query.observe(show, names="value")
widgets.VBox([query, echo])"""


def write_notebook(path: Path, sources: list[str], title: str = "Harness check") -> Path:
    """Write a notebook: a markdown cell ``# title``, then one code cell per source."""
    cells: list[dict[str, object]] = [
        {"cell_type": "markdown", "id": "title", "metadata": {}, "source": f"# {title}"}
    ]
    cells += [
        {
            "cell_type": "code",
            "id": f"cell{number}",
            "metadata": {},
            "execution_count": None,
            "outputs": [],
            "source": source,
        }
        for number, source in enumerate(sources, start=1)
    ]
    notebook = {
        "cells": cells,
        "metadata": {
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(notebook, indent=1), encoding="utf-8")
    return path


def write_echo_notebook(path: Path) -> Path:
    """Write a probe notebook: a markdown cell, a print, and the Text -> HTML widget pair."""
    return write_notebook(path, ['print("kernel ready")', ECHO_SOURCE])


# --------------------------------------------------------------------------- JupyterLab pages


def open_notebook(page: Page, server: Server, name: str) -> None:
    """Open notebook ``name`` alone in a new JupyterLab workspace; wait until its kernel is idle.

    A new workspace per page keeps JupyterLab from restoring the tabs of an earlier test.
    """
    workspace = f"test-{secrets.token_hex(4)}"
    page.goto(
        server.url(f"/lab/workspaces/{workspace}/tree/{name}"), wait_until="domcontentloaded"
    )
    wait_kernel_idle(page, name)


def wait_kernel_idle(page: Page, name: str) -> None:
    """Wait until notebook ``name`` is the current tab, its kernel connected and idle.

    (JupyterLab's toolbar says idle before the kernel is even connected.)
    """
    page.wait_for_function(
        """(name) => {
            const panel = window.jupyterapp?.shell.currentWidget;
            const session = panel?.sessionContext;
            return panel?.context?.path === name
                && session?.session?.kernel?.connectionStatus === 'connected'
                && session.kernelDisplayStatus === 'idle';
        }""",
        arg=name,
        timeout=PAGE_TIMEOUT_MS,
    )


def run_all_cells(page: Page, name: str) -> None:
    """Run every cell of the open notebook ``name``; wait until done and the kernel is idle.

    As in JupyterLab, cells tagged ``raises-exception`` may fail and the run goes on; see
    :func:`code_cells` for what ran and what failed.
    """
    page.evaluate(
        """() => {
            window.__runAllDone = false;
            window.jupyterapp.commands.execute('notebook:run-all-cells')
                .finally(() => { window.__runAllDone = true; });
        }"""
    )
    page.wait_for_function("() => window.__runAllDone", timeout=PAGE_TIMEOUT_MS)
    wait_kernel_idle(page, name)


class CodeCell(TypedDict):
    """A code cell as the page shows it: prompt number, errors ("Name: message"), tags."""

    execution_count: int | None
    errors: list[str]
    tags: list[str]


def code_cells(page: Page) -> list[CodeCell]:
    """The open notebook's code cells, in order."""
    cells: list[CodeCell] = page.evaluate(
        """() => window.jupyterapp.shell.currentWidget.content.widgets
            .filter(cell => cell.model.type === 'code')
            .map(cell => ({
                execution_count: cell.model.executionCount,
                errors: cell.model.outputs.toJSON()
                    .filter(output => output.output_type === 'error')
                    .map(output => `${output.ename}: ${output.evalue}`),
                tags: cell.model.getMetadata('tags') ?? [],
            }))"""
    )
    return cells


def keystroke_latencies(page: Page, box: Locator, results: Locator, text: str) -> list[float]:
    """Type ``text`` into ``box`` one key at a time; per key, seconds until ``results`` changed."""
    return [
        seconds_until_changed(page, results, functools.partial(box.press, key)) for key in text
    ]


def cell_output(page: Page, source: str) -> Locator:
    """The output area of the one code cell of the open notebook whose code contains ``source``."""
    editor = page.locator(".jp-InputArea-editor", has_text=source)
    return page.locator(".jp-CodeCell").filter(has=editor).locator(".jp-OutputArea")


def seconds_until_changed(page: Page, results: Locator, action: Callable[[], None]) -> float:
    """Do ``action`` and return the seconds until the text of ``results`` changes."""
    handle = results.element_handle()
    before = handle.inner_text()
    began = time.perf_counter()
    action()
    page.wait_for_function(
        "([node, before]) => node.innerText !== before",
        arg=[handle, before],
        polling="raf",
        timeout=PAGE_TIMEOUT_MS,
    )
    return time.perf_counter() - began


# --------------------------------------------------------------------------- launch, theme, axe


def printed_url(server: Server, timeout: float = 30) -> str:
    """The address that the server printed for the user to open, with its token.

    (Jupyter prints a token it was given, as here, as ``token=...``: it is put back.)
    """
    pattern = re.compile(rf"http://127\.0\.0\.1:{server.port}/\S*")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = pattern.findall(server.log.read_text(encoding="utf-8", errors="replace"))
        if found:
            return str(found[0]).replace("token=...", f"token={server.token}")
        time.sleep(0.1)
    raise TimeoutError(f"no address in the server's output:\n{server.log_tail()}")


def set_theme(page: Page, theme: str) -> None:
    """Switch JupyterLab to ``theme`` ("JupyterLab Light" or "JupyterLab Dark") and wait."""
    page.evaluate(
        "(theme) => window.jupyterapp.commands.execute('apputils:change-theme', {theme})", theme
    )
    page.wait_for_function(
        "(theme) => document.body.dataset.jpThemeName === theme",
        arg=theme,
        timeout=PAGE_TIMEOUT_MS,
    )


def record_requests(page: Page) -> list[str]:
    """Start recording the URL of every request ``page`` makes; return the growing list."""
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    return urls


class Violation(TypedDict):
    """An axe-core rule that failed: its id, impact, and where (CSS selectors)."""

    id: str
    impact: str
    help: str
    targets: list[str]


def axe_violations(page: Page, include: str | None = None) -> list[Violation]:
    """axe-core's violations on ``page`` (only inside elements matching ``include``)."""
    from axe_playwright_python.sync_playwright import Axe

    context = {"include": [[include]]} if include else None
    results = Axe().run(page, context=context)
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "targets": [" ".join(map(str, node["target"])) for node in violation["nodes"]],
        }
        for violation in results.response["violations"]
    ]


def serious(violations: list[Violation]) -> list[Violation]:
    """The violations of serious or critical impact."""
    return [v for v in violations if v["impact"] in ("serious", "critical")]


def seconds_until_part_changed(
    page: Page, scope: Locator, selector: str, action: Callable[[], None]
) -> float:
    """Do ``action`` and return the seconds until the text of ``selector`` inside ``scope``
    changes (looked up again on every frame: the widget may replace that element)."""
    handle = scope.element_handle()
    text = "([node, selector]) => node.querySelector(selector)?.innerText ?? ''"
    before = page.evaluate(text, [handle, selector])
    began = time.perf_counter()
    action()
    page.wait_for_function(
        f"([node, selector, before]) => ({text})([node, selector]) !== before",
        arg=[handle, selector, before],
        polling="raf",
        timeout=PAGE_TIMEOUT_MS,
    )
    return time.perf_counter() - began
