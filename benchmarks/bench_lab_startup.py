"""How long from ``leninism-study lab`` to a usable JupyterLab page, measured in Chromium.

Usage: ``python benchmarks/bench_lab_startup.py [--runs N]``

Each run starts ``python -m leninism_data lab DIR`` (the same code as ``leninism-study
lab``) on a new folder, with Jupyter's folders isolated as in the browser tests, and
times, from the moment the command is started:

* ``server``: until JupyterLab's API answers;
* ``page``: until Chromium shows JupyterLab with 00-start-here.ipynb open and its kernel
  idle (or, while the notebooks are not written yet, the file browser);
* ``run-all``: running every cell of 00-start-here.ipynb (target: at most 15 s);
* ``keystroke``: median time from a key typed in a Text widget to the HTML widget it
  drives showing the change, on a probe notebook: the floor under any widget's response
  (the Concordance's target is at most 0.3 s).

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

from lab_driver import (  # noqa: E402  (the helpers live beside the browser tests)
    PAGE_TIMEOUT_MS,
    code_cells,
    isolated_environment,
    keystroke_latencies,
    launch_chromium,
    open_notebook,
    run_all_cells,
    start_cli_server,
    write_echo_notebook,
)
from playwright.sync_api import sync_playwright  # noqa: E402

from leninism_data.cli import START_NOTEBOOK  # noqa: E402


def one_run(playwright, base: Path) -> dict[str, float]:
    """Start the lab once in ``base`` and return its figures in seconds."""
    env = isolated_environment(base / "home")
    context = launch_chromium(playwright, base / "profile", env)
    folder = base / "notebooks"
    server = start_cli_server(["lab", str(folder)], env, base / "lab.log", token="benchmark-token")
    try:
        figures = {"server": server.wait_until_up("/api/status")}
        page = context.new_page()
        if (folder / START_NOTEBOOK).is_file():
            open_notebook(page, server, START_NOTEBOOK)
        else:
            page.goto(server.url("/lab"), wait_until="domcontentloaded")
            page.locator(".jp-DirListing-content").wait_for(timeout=PAGE_TIMEOUT_MS)
        figures["page"] = time.perf_counter() - server.started
        if (folder / START_NOTEBOOK).is_file():
            began = time.perf_counter()
            finished = run_all_cells(page)
            figures["run-all"] = time.perf_counter() - began
            errors = [error for cell in code_cells(page) for error in cell["errors"]]
            if not finished or errors:
                print(f"  warning: {START_NOTEBOOK} did not run cleanly: {errors}")
        write_echo_notebook(folder / "bench" / "echo.ipynb")
        open_notebook(page, server, "bench/echo.ipynb")
        run_all_cells(page)
        latencies = keystroke_latencies(page, ".widget-text input", ".widget-html-content", "dictatorship")
        figures["keystroke"] = statistics.median(latencies)
        return figures
    finally:
        context.close()
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="how many fresh starts to time (default 3)")
    runs = parser.parse_args().runs
    results: list[dict[str, float]] = []
    with sync_playwright() as playwright:
        for number in range(1, runs + 1):
            with tempfile.TemporaryDirectory(prefix="bench-lab-") as tmp:
                figures = one_run(playwright, Path(tmp))
            results.append(figures)
            print(f"run {number}: " + ", ".join(f"{name} {value:.3f} s" for name, value in figures.items()))
    print(f"\nleninism-study lab, median of {runs} fresh starts (2 cores):")
    for name in results[0]:
        print(f"  {name:10} {statistics.median(r[name] for r in results):6.3f} s")


if __name__ == "__main__":
    main()
