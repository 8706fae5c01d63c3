"""Build the study notebooks from their content (one source of truth), then execute them.

Each notebook's content is Python data in ``tools/content/nbNN_name.py`` (a ``build()``
function returning the notebook ``notebooks/NN-name.ipynb``; underscores in the module name
become hyphens in the file name); the shared cells and the chapter template are in
``tools/nbkit.py``. This script writes ``notebooks/NN-name.ipynb`` without outputs, brings
the navigation up to date (``tools/navigation.py``) and, with ``--execute``, runs each
notebook in place with nbconvert (as CI does through nbval) and prints the time each took.

Usage::

    python tools/build_notebooks.py --execute             # every notebook this script knows
    python tools/build_notebooks.py 05 13 --execute       # some, by number or file stem
    python tools/build_notebooks.py --execute-only        # re-run the committed notebooks
    python tools/build_notebooks.py --check               # exit 1 if a committed notebook's
                                                          # cells differ from its content

Only notebooks with a content module are built; others in ``notebooks/`` (written by hand)
are left alone, though ``--execute-only`` runs them too and navigation covers them.
"""

from __future__ import annotations

import argparse
import importlib
import re
import subprocess
import sys
import time
from pathlib import Path

import nbformat

TOOLS = Path(__file__).resolve().parent
sys.path.insert(0, str(TOOLS))

import navigation  # noqa: E402
from nbkit import CONTENTS, NAV_BOTTOM, NAV_TOP  # noqa: E402

NOTEBOOKS = TOOLS.parent / "notebooks"

#: Content modules are found by name: tools/content/nb05_dictatorship_of_the_proletariat.py
#: builds notebooks/05-dictatorship-of-the-proletariat.ipynb.
CONTENT_MODULE = re.compile(r"^nb(\d\d)_(\w+)\.py$")


EXECUTE = [
    "jupyter",
    "nbconvert",
    "--to",
    "notebook",
    "--execute",
    "--inplace",
    "--ExecutePreprocessor.timeout=120",
    "--ExecutePreprocessor.kernel_name=python3",
    "--ExecutePreprocessor.record_timing=False",
]

NAVIGATION_IDS = {NAV_TOP, NAV_BOTTOM, CONTENTS}


def available() -> dict[str, str]:
    """Notebook stem -> content module, for every module in tools/content, in order."""
    found = {}
    for path in sorted((TOOLS / "content").glob("nb*.py")):
        match = CONTENT_MODULE.match(path.name)
        if match:
            found[f"{match[1]}-{match[2].replace('_', '-')}"] = path.stem
    return found


def build(stem: str) -> nbformat.NotebookNode:
    module = importlib.import_module(f"content.{available()[stem]}")
    return module.build()


def select(names: list[str]) -> list[str]:
    known = available()
    if not names:
        return list(known)
    chosen = []
    for name in names:
        matches = [
            s
            for s in known
            if s == name or s.startswith(f"{name}-") or s == name.removesuffix(".ipynb")
        ]
        if len(matches) != 1:
            raise SystemExit(f"unknown notebook {name!r}; choose from: {', '.join(known)}")
        chosen += matches
    return chosen


def _cell_key(cell) -> tuple:
    meta = {k: cell.metadata.get(k) for k in ("tags", "jupyter") if k in cell.metadata}
    return cell.get("id"), cell.cell_type, cell.source, repr(sorted(meta.items()))


def drift(stem: str) -> list[str]:
    """Differences between the committed notebook and what its content builds."""
    path = NOTEBOOKS / f"{stem}.ipynb"
    if not path.exists():
        return [f"{path.name} is missing"]
    committed = nbformat.read(path, as_version=4)
    fresh = build(stem)
    old = [_cell_key(c) for c in committed.cells if c.get("id") not in NAVIGATION_IDS]
    new = [_cell_key(c) for c in fresh.cells if c.get("id") not in NAVIGATION_IDS]
    problems = []
    if [k[0] for k in old] != [k[0] for k in new]:
        problems.append(
            f"{path.name}: cells differ (ids {len(old)} committed vs {len(new)} built)"
        )
    else:
        problems += [f"{path.name}: cell {a[0]!r} differs" for a, b in zip(old, new) if a != b]
    if committed.metadata.get("leninism_study") != fresh.metadata.get("leninism_study"):
        problems.append(f"{path.name}: metadata 'leninism_study' differs")
    return problems


def execute(paths: list[Path]) -> list[tuple[str, float]]:
    timings = []
    for path in paths:
        started = time.perf_counter()
        done = subprocess.run([*EXECUTE, str(path)], capture_output=True, text=True, timeout=600)
        seconds = time.perf_counter() - started
        if done.returncode:
            print(done.stderr[-3000:], file=sys.stderr)
            raise SystemExit(f"executing {path.name} failed")
        timings.append((path.name, seconds))
        print(f"  executed {path.name:45s} {seconds:5.1f} s", flush=True)
    total = sum(s for _, s in timings)
    print(f"  total {len(timings)} notebooks: {total:.1f} s")
    return timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="notebook numbers or stems (default: all)")
    parser.add_argument("--execute", action="store_true", help="execute what was built")
    parser.add_argument(
        "--execute-only",
        action="store_true",
        help="execute the notebooks as they are (default: every notebook)",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="exit 1 if a committed notebook differs from its content",
    )
    args = parser.parse_args(argv)

    if args.check:
        stale = {stem: drift(stem) for stem in select(args.names)}
        stale = {stem: problems for stem, problems in stale.items() if problems}
        for line in (line for problems in stale.values() for line in problems):
            print(f"out of date: {line}")
        if stale:
            print(
                f"run: python tools/build_notebooks.py {' '.join(s[:2] for s in stale)} --execute"
            )
        return 1 if stale else 0

    if args.execute_only:
        paths = (
            [NOTEBOOKS / f"{s}.ipynb" for s in select(args.names)]
            if args.names
            else navigation.notebook_paths()
        )
        execute(paths)
        return 0

    stems = select(args.names)
    NOTEBOOKS.mkdir(exist_ok=True)
    for stem in stems:
        nbformat.write(build(stem), NOTEBOOKS / f"{stem}.ipynb")
        print(f"  built {stem}.ipynb")
    for line in navigation.sync():
        print(f"  navigation: {line}")
    if args.execute:
        execute([NOTEBOOKS / f"{s}.ipynb" for s in stems])
    return 0


if __name__ == "__main__":
    sys.exit(main())
