"""Keep the series' navigation in sync: 00's contents cell and every notebook's prev/next bars.

The list of notebooks is whatever ``notebooks/NN-*.ipynb`` holds, in file-name order, so a
new notebook (say ``14-seminar-toolkit.ipynb``) joins the contents and the chain of links
the next time this runs. For each notebook:

* its title is the first level-1 heading (``# …``) of its markdown cells;
* its one-line summary, when it has one, is ``metadata["leninism_study"]["summary"]``;
* the markdown cells with ids ``nav-top`` (first cell) and ``nav-bottom`` (last cell) hold
  the links to the previous notebook, the contents and the next notebook — they are
  inserted if missing;
* in ``00-start-here.ipynb`` the cell with id ``contents`` lists every notebook.

Only those cells are rewritten (outputs and other cells are left as they are), and a file
is written only when something changed, so running it twice changes nothing.

Usage::

    python tools/navigation.py            # rewrite what drifted, print what changed
    python tools/navigation.py --check    # exit 1 and list the drift, write nothing
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbformat.v4 import new_markdown_cell

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
START = "00-start-here.ipynb"
NAV_TOP, NAV_BOTTOM, CONTENTS = "nav-top", "nav-bottom", "contents"
MARK = "<!-- navigation: written by tools/navigation.py -->"
CONTENTS_MARK = (
    "<!-- contents: written by tools/navigation.py from the notebooks present; "
    "edit the notebooks' titles, not this list -->"
)
NAME = re.compile(r"^(\d\d)-[\w-]+\.ipynb$")

#: How the contents list groups notebooks by number.
GROUPS = (
    (0, 0, "Start"),
    (1, 10, "The book, chapter by chapter"),
    (11, 99, "Thematic labs and tools"),
)


@dataclass(frozen=True)
class Entry:
    path: Path
    number: str
    title: str
    summary: str

    @property
    def link_text(self) -> str:
        return f"{self.number} · {self.title}"


def notebook_paths(folder: Path = NOTEBOOKS) -> list[Path]:
    """The series' notebooks in order (``NN-name.ipynb``; checkpoints and others ignored)."""
    return sorted(p for p in folder.glob("*.ipynb") if NAME.match(p.name))


def title_of(nb: nbformat.NotebookNode, path: Path) -> str:
    for cell in nb.cells:
        if cell.cell_type != "markdown" or cell.get("id") in (NAV_TOP, NAV_BOTTOM):
            continue
        for line in cell.source.splitlines():
            if line.startswith("# "):
                return line[2:].strip()
    raise ValueError(f"{path.name} has no level-1 heading ('# Title') to use as its title")


def entries(folder: Path = NOTEBOOKS) -> list[tuple[Entry, nbformat.NotebookNode]]:
    found = []
    for path in notebook_paths(folder):
        nb = nbformat.read(path, as_version=4)
        summary = nb.metadata.get("leninism_study", {}).get("summary", "")
        found.append(
            (Entry(path, path.name[:2], title_of(nb, path), " ".join(summary.split())), nb)
        )
    return found


def _escape(text: str) -> str:
    return text.replace("[", r"\[").replace("]", r"\]")


def nav_source(previous: Entry | None, following: Entry | None) -> str:
    """The navigation bar: ``« previous · Contents · next »`` as relative links."""
    parts = []
    if previous is not None:
        parts.append(f"[« {_escape(previous.link_text)}]({previous.path.name})")
    parts.append(f"[Contents]({START})")
    if following is not None:
        parts.append(f"[{_escape(following.link_text)} »]({following.path.name})")
    return f"{MARK}\n" + " | ".join(parts)


def contents_source(all_entries: list[Entry]) -> str:
    lines = ["## Contents", "", CONTENTS_MARK, ""]
    for low, high, heading in GROUPS:
        group = [e for e in all_entries if low <= int(e.number) <= high]
        if not group:
            continue
        lines.append(f"**{heading}**")
        lines.append("")
        for e in group:
            summary = f" — {e.summary}" if e.summary else ""
            lines.append(f"- [{_escape(e.link_text)}]({e.path.name}){summary}")
        lines.append("")
    return "\n".join(lines).rstrip("\n")


def _set_cell(nb: nbformat.NotebookNode, cell_id: str, source: str, where: str) -> bool:
    """Give the markdown cell ``cell_id`` this source (insert it if missing); True if changed."""
    for cell in nb.cells:
        if cell.get("id") == cell_id:
            if cell.cell_type == "markdown" and cell.source == source:
                return False
            cell.cell_type, cell.source = "markdown", source
            for key in ("outputs", "execution_count"):
                cell.pop(key, None)
            return True
    new = new_markdown_cell(source, id=cell_id)
    if where == "top":
        nb.cells.insert(0, new)
    else:
        nb.cells.append(new)
    return True


def sync(folder: Path = NOTEBOOKS, *, write: bool = True) -> list[str]:
    """Bring every notebook's navigation up to date; return a line per drifted cell."""
    found = entries(folder)
    listing = [e for e, _ in found]
    drift = []
    for i, (entry, nb) in enumerate(found):
        previous = listing[i - 1] if i > 0 else None
        following = listing[i + 1] if i + 1 < len(listing) else None
        bar = nav_source(previous, following)
        changed = [
            name
            for name, cell_id, where in (
                ("top bar", NAV_TOP, "top"),
                ("bottom bar", NAV_BOTTOM, "bottom"),
            )
            if _set_cell(nb, cell_id, bar, where)
        ]
        if entry.path.name == START:
            if not any(c.get("id") == CONTENTS for c in nb.cells):
                raise ValueError(f"{START} needs a markdown cell with id '{CONTENTS}'")
            if _set_cell(nb, CONTENTS, contents_source(listing), "bottom"):
                changed.append("contents")
        drift += [f"{entry.path.name}: {name}" for name in changed]
        if changed and write:
            nbformat.write(nb, entry.path)
    if not any(e.path.name == START for e in listing):
        drift.append(f"{START} is missing")
    return drift


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="report drift and exit 1 instead of rewriting"
    )
    parser.add_argument("--folder", type=Path, default=NOTEBOOKS)
    args = parser.parse_args(argv)
    drift = sync(args.folder, write=not args.check)
    if args.check:
        for line in drift:
            print(f"out of sync: {line}")
        if drift:
            print("run: python tools/navigation.py")
        return 1 if drift else 0
    for line in drift:
        print(f"updated: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
