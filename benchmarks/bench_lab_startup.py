"""How long from ``leninism-study lab`` to a usable JupyterLab page, measured in Chromium.

Usage: ``python benchmarks/bench_lab_startup.py [--runs N]``

Each run starts ``python -m leninism_data lab DIR`` (the same code as ``leninism-study
lab``) on a new folder, with Jupyter's folders isolated as in the browser tests, and
times, from the moment the command is started:

* ``server``: until JupyterLab's API answers;
* ``page``: until Chromium, sent to the address the command printed (as a user would
  open it), shows 00-start-here.ipynb with its kernel idle;

and then, on that page:

* ``run-all``: running every cell of 00-start-here.ipynb (target: at most 15 s);
* ``concordance``: keystroke -> updated concordance: in a Concordance on a probe notebook,
  from the last key of a query (and Enter, which searches) to its new lines on the page,
  median and slowest of several queries (target: median at most 0.1 s);
* ``keystroke``: from a key typed in a Text widget to the HTML widget it drives showing
  the change, on a probe notebook: the floor under any widget's response.

Needs Debian's Chromium (/usr/bin/chromium) and Playwright (the ``test`` extra).
"""

from __future__ import annotations

import argparse
import functools
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "browser"))

from lab_driver import (
    cell_output,
    code_cells,
    isolated_environment,
    keystroke_latencies,
    launch_chromium,
    open_notebook,
    printed_url,
    run_all_cells,
    seconds_until_part_changed,
    start_cli_server,
    wait_kernel_idle,
    write_echo_notebook,
    write_notebook,
)
from playwright.sync_api import sync_playwright

from leninism_data.cli import START_NOTEBOOK

#: Queries typed into the Concordance, each giving other lines than the one before.
CONCORDANCE_QUERIES = (
    "proletariat",
    "Shipka",
    "peasant*",
    "dictatorship",
    "the Party",
    "revolution",
)


#: The probe notebook's one cell: a Concordance showing lines.
CONCORDANCE_SOURCE = 'from leninism_data.widgets import Concordance\nConcordance("state")'
#: Time for the kernel to finish with a query's first letters before the last key is
#: timed (they may start a search as one types), in milliseconds.
SETTLE_MS = 1000


def type_last_key(box, key: str) -> None:
    """Type the last key of a query, then Enter (which searches in every version)."""
    box.press(key)
    box.press("Enter")


def one_run(playwright, base: Path) -> dict[str, float]:
    """Start the lab once in ``base`` and return its figures in seconds."""
    env = isolated_environment(base / "home")
    context = launch_chromium(playwright, base / "profile", env)
    folder = base / "notebooks"
    server = start_cli_server(["lab", str(folder)], env, base / "lab.log", token="benchmark-token")
    try:
        figures = {"server": server.wait_until_up("/api/status")}
        page = context.new_page()
        page.goto(printed_url(server), wait_until="domcontentloaded")
        wait_kernel_idle(page, START_NOTEBOOK)
        figures["page"] = time.perf_counter() - server.started

        began = time.perf_counter()
        run_all_cells(page, START_NOTEBOOK)
        figures["run-all"] = time.perf_counter() - began
        cells = code_cells(page)
        errors = [
            e for cell in cells if "raises-exception" not in cell["tags"] for e in cell["errors"]
        ]
        if errors or any(cell["execution_count"] is None for cell in cells):
            print(f"  warning: {START_NOTEBOOK} did not run cleanly: {errors}")

        write_notebook(folder / "bench" / "concordance.ipynb", [CONCORDANCE_SOURCE])
        open_notebook(page, server, "bench/concordance.ipynb")
        run_all_cells(page, "bench/concordance.ipynb")
        output = cell_output(page, "Concordance(")
        box = output.locator(".widget-text input").first
        latencies = []
        for query in CONCORDANCE_QUERIES:
            box.fill(query[:-1])
            page.wait_for_timeout(SETTLE_MS)
            latencies.append(
                seconds_until_part_changed(
                    page, output, ".ld-kwic", functools.partial(type_last_key, box, query[-1])
                )
            )
        figures["concordance"] = statistics.median(latencies)
        figures["concordance-max"] = max(latencies)

        write_echo_notebook(folder / "bench" / "echo.ipynb")
        open_notebook(page, server, "bench/echo.ipynb")
        run_all_cells(page, "bench/echo.ipynb")
        box, echo = page.locator(".widget-text input"), page.locator(".widget-html-content")
        latencies = keystroke_latencies(page, box, echo, "dictatorship")
        figures["keystroke"] = statistics.median(latencies)
        return figures
    finally:
        context.close()
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--runs", type=int, default=3, help="how many fresh starts to time (default 3)"
    )
    runs = parser.parse_args().runs
    results: list[dict[str, float]] = []
    with sync_playwright() as playwright:
        for number in range(1, runs + 1):
            with tempfile.TemporaryDirectory(prefix="bench-lab-") as tmp:
                figures = one_run(playwright, Path(tmp))
            results.append(figures)
            print(
                f"run {number}: "
                + ", ".join(f"{name} {value:.3f} s" for name, value in figures.items())
            )
    print(f"\nleninism-study lab, median of {runs} fresh starts (2 cores):")
    for name in results[0]:
        print(f"  {name:16} {statistics.median(r[name] for r in results):6.3f} s")


if __name__ == "__main__":
    main()
