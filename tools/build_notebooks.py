"""Build the study notebooks from their text sources: convert, navigate, execute, write.

Each notebook is written as a MyST Markdown file, ``notebook-sources/NAME.md`` (see
``notebook-sources/README.md``). For each NAME this script

1. reads the source with jupytext and gives its cells stable ids (``cell-1``, ``cell-2``, …);
2. adds the navigation (``tools/navigation.py``): previous/next bars in every notebook,
   the contents list in ``00-start-here``;
3. executes it with nbclient in the current environment (kernel ``python3``, 120 s per
   cell, working folder ``notebooks/``), storing no widget state;
4. normalises the metadata (no widget state, timings or kernel versions) and writes
   ``notebooks/NAME.ipynb``.

Usage::

    python tools/build_notebooks.py                  # every notebook
    python tools/build_notebooks.py ch4 lab3         # some: a name or its prefix before "-"
    python tools/build_notebooks.py --check          # exit 1 if a .ipynb differs from its
                                                     # source (cells, tags) or has none;
                                                     # nothing is executed
"""

from __future__ import annotations

import argparse
import copy
import sys
import time
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

TOOLS = Path(__file__).resolve().parent
sys.path.insert(0, str(TOOLS))

import navigation  # noqa: E402

REPO = TOOLS.parent
SOURCES = REPO / "notebook-sources"
NOTEBOOKS = REPO / "notebooks"

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
CELL_TIMEOUT = 120
#: Cell metadata kept in the .ipynb (and compared by --check); everything else is dropped.
CELL_METADATA = ("tags", "jupyter")


def names() -> list[str]:
    """Every notebook of the series: the stems of ``notebook-sources/*.md``, in order."""
    return sorted(p.stem for p in SOURCES.glob("*.md") if p.stem != "README")


def select(wanted: list[str]) -> list[str]:
    """The notebooks named on the command line (all if none), by stem or prefix."""
    known = names()
    if not wanted:
        return known
    chosen = []
    for name in wanted:
        name = Path(name).stem
        matches = [s for s in known if s == name or s.startswith(f"{name}-")]
        if len(matches) != 1:
            raise SystemExit(f"unknown notebook {name!r}; choose from: {', '.join(known)}")
        chosen += matches
    return chosen


def read_source(stem: str) -> nbformat.NotebookNode:
    """The notebook as written in its source, with stable cell ids and clean metadata."""
    nb = jupytext.read(SOURCES / f"{stem}.md", fmt="md:myst")
    for number, cell in enumerate(nb.cells, start=1):
        cell.id = f"cell-{number}"
        cell.metadata = {k: cell.metadata[k] for k in CELL_METADATA if k in cell.metadata}
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    summary = nb.metadata.get("leninism_study", {}).get("summary", "")
    nb.metadata = {
        "kernelspec": dict(KERNELSPEC),
        "language_info": {"name": "python"},
        "leninism_study": {"summary": " ".join(summary.split())},
    }
    return nb


def assemble() -> dict[str, nbformat.NotebookNode]:
    """Every notebook built from its source, with its navigation, not executed."""
    notebooks = {stem: read_source(stem) for stem in names()}
    navigation.inject(notebooks)
    for stem, nb in notebooks.items():
        try:
            nbformat.validate(nb)
        except nbformat.ValidationError as error:
            raise SystemExit(f"{stem}: not a valid notebook: {error.message}") from error
    return notebooks


def execute(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Run every cell in a fresh kernel; return the notebook with outputs, metadata clean."""
    client = NotebookClient(
        nb,
        timeout=CELL_TIMEOUT,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOKS)}},
        store_widget_state=False,
        record_timing=False,
    )
    client.execute()
    nb.metadata.pop("widgets", None)
    nb.metadata["language_info"] = {"name": "python"}
    for cell in nb.cells:
        cell.metadata = {k: cell.metadata[k] for k in CELL_METADATA if k in cell.metadata}
    return nb


def _cell_key(cell: nbformat.NotebookNode) -> tuple:
    meta = {k: cell.metadata.get(k) for k in CELL_METADATA if k in cell.metadata}
    return cell.get("id"), cell.cell_type, cell.source, repr(sorted(meta.items()))


def drift(stem: str, built: nbformat.NotebookNode, path: Path | None = None) -> list[str]:
    """How ``path`` (default ``notebooks/STEM.ipynb``) differs from ``built``, the notebook
    its source builds: a line per difference, empty if none."""
    path = NOTEBOOKS / f"{stem}.ipynb" if path is None else path
    if not path.exists():
        return [f"{path.name} is missing"]
    committed = nbformat.read(path, as_version=4)
    old = [_cell_key(c) for c in committed.cells]
    new = [_cell_key(c) for c in built.cells]
    if len(old) != len(new):
        return [f"{path.name}: {len(old)} cells, its source builds {len(new)}"]
    problems = [
        f"{path.name}: cell {b[0]!r} differs from the source" for a, b in zip(old, new) if a != b
    ]
    if committed.metadata.get("leninism_study") != built.metadata.get("leninism_study"):
        problems.append(f"{path.name}: the summary differs from the source's")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="notebooks to build (default: all)")
    parser.add_argument(
        "--check",
        action="store_true",
        help="exit 1 if a notebook differs from its source; execute nothing",
    )
    args = parser.parse_args(argv)
    chosen = select(args.names)
    notebooks = assemble()

    if args.check:
        problems = [line for stem in chosen for line in drift(stem, notebooks[stem])]
        problems += [
            f"{path.name} has no source notebook-sources/{path.stem}.md (delete it?)"
            for path in sorted(NOTEBOOKS.glob("*.ipynb"))
            if path.stem not in notebooks and not args.names
        ]
        for line in problems:
            print(f"out of date: {line}")
        if problems:
            stale = sorted({line.split(".ipynb")[0] for line in problems} & set(notebooks))
            if stale:
                print(f"run: python tools/build_notebooks.py {' '.join(stale)}")
        return 1 if problems else 0

    NOTEBOOKS.mkdir(exist_ok=True)
    total = 0.0
    for stem in chosen:
        started = time.perf_counter()
        try:
            nb = execute(copy.deepcopy(notebooks[stem]))
        except CellExecutionError as error:
            print(str(error)[-3000:], file=sys.stderr)
            raise SystemExit(f"executing {stem} failed (see the error above)") from error
        nbformat.write(nb, NOTEBOOKS / f"{stem}.ipynb")
        seconds = time.perf_counter() - started
        total += seconds
        size = (NOTEBOOKS / f"{stem}.ipynb").stat().st_size / 1024
        print(f"  built {stem + '.ipynb':45s} {seconds:5.1f} s {size:6.0f} KB", flush=True)
    print(f"  {len(chosen)} notebooks in {total:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
