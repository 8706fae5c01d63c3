"""How long from ``leninism-study lab`` to a usable JupyterLab page, measured in Chromium.

Usage: ``python benchmarks/bench_lab_startup.py [--runs N]``

Each run starts ``python -m leninism_data lab DIR`` (the same code as ``leninism-study
lab``) on a new folder, with Jupyter's folders isolated as in the browser tests, and
times, from the moment the command is started:

* ``server``: until JupyterLab's API answers;
* ``page``: until Chromium shows JupyterLab with 00-start-here.ipynb open and its kernel
  idle;

and then, on that page:

* ``run-all``: running every cell of 00-start-here.ipynb (target: at most 15 s);
* ``concordance``: from pressing Enter after a query in 00-start-here's Concordance to
  its new lines on the page, median and slowest of several queries (target: at most 0.3 s);
* ``keystroke``: from a key typed in a Text widget to the HTML widget it drives showing
  the change, on a probe notebook: the floor under any widget's response.

Needs Debian's Chromium (/usr/bin/chromium) and Playwright (the ``test`` extra).
"""

from __future__ import annotations

import argparse
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
    run_all_cells,
    seconds_until_changed,
    start_cli_server,
    write_echo_notebook,
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


def one_run(playwright, base: Path) -> dict[str, float]:
    """Start the lab once in ``base`` and return its figures in seconds."""
    env = isolated_environment(base / "home")
    context = launch_chromium(playwright, base / "profile", env)
    folder = base / "notebooks"
    server = start_cli_server(["lab", str(folder)], env, base / "lab.log", token="benchmark-token")
    try:
        figures = {"server": server.wait_until_up("/api/status")}
        page = context.new_page()
        open_notebook(page, server, START_NOTEBOOK)
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

        concordance = cell_output(page, "Concordance(")
        box = concordance.get_by_placeholder("a word, a phrase, proletar* or a regex")
        lines = concordance.locator(".widget-html-content", has=page.locator(".ld-kwic"))
        latencies = []
        for query in CONCORDANCE_QUERIES:
            box.fill(query)
            latencies.append(seconds_until_changed(page, lines, lambda: box.press("Enter")))
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
