"""The series' navigation: 00's contents list and every notebook's previous/next bars.

Pure functions over notebooks in memory; ``tools/build_notebooks.py`` calls :func:`inject`
on every notebook it builds, so the navigation is always made from the sources present:

* the order of the series is the order of the file names (``00-start-here``,
  ``ch0-…`` to ``ch9-…``, ``lab1-…`` to ``lab4-…``);
* a notebook's title is its first level-1 heading (``# Chapter IV · …``), its one-line
  summary ``leninism_study.summary`` in the source's front matter;
* each notebook gets a first cell ``nav-top`` and a last cell ``nav-bottom`` with links
  to the previous notebook, the contents and the next notebook;
* in ``00-start-here`` the markdown cell that holds only :data:`CONTENTS_PLACEHOLDER`
  becomes the contents list, grouped as in :data:`GROUPS`.
"""

from __future__ import annotations

from collections.abc import Mapping

import nbformat
from nbformat.v4 import new_markdown_cell

START = "00-start-here"
NAV_TOP, NAV_BOTTOM, CONTENTS = "nav-top", "nav-bottom", "contents"
NAV_MARK = "<!-- navigation: written by tools/build_notebooks.py -->"
CONTENTS_PLACEHOLDER = "<!-- contents: written by tools/build_notebooks.py -->"

#: How the contents list groups notebooks: file-name prefix -> heading.
GROUPS = (
    ("00-", "Start"),
    ("ch", "The book, chapter by chapter"),
    ("lab", "Thematic labs and tools"),
)


def title_of(nb: nbformat.NotebookNode, stem: str) -> str:
    """The notebook's first level-1 heading, without the ``# ``."""
    for cell in nb.cells:
        if cell.cell_type == "markdown" and cell.get("id") not in (NAV_TOP, NAV_BOTTOM):
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    raise ValueError(f"{stem} has no level-1 heading ('# Title') to use as its title")


def summary_of(nb: nbformat.NotebookNode) -> str:
    """The one-line summary from the metadata (empty if there is none)."""
    return " ".join(nb.metadata.get("leninism_study", {}).get("summary", "").split())


def _escape(text: str) -> str:
    return text.replace("[", r"\[").replace("]", r"\]")


def _link(stem: str, title: str) -> str:
    return f"[{_escape(title)}]({stem}.ipynb)"


def nav_source(previous: tuple[str, str] | None, following: tuple[str, str] | None) -> str:
    """The bar ``« previous | Contents | next »``; each neighbour is ``(stem, title)``."""
    parts = []
    if previous is not None:
        parts.append(_link(previous[0], f"« {previous[1]}"))
    parts.append(f"[Contents]({START}.ipynb)")
    if following is not None:
        parts.append(_link(following[0], f"{following[1]} »"))
    return f"{NAV_MARK}\n" + " | ".join(parts)


def contents_source(notebooks: Mapping[str, nbformat.NotebookNode]) -> str:
    """The contents list of 00: every notebook's title as a link, with its summary."""
    lines = ["## Contents", "", CONTENTS_PLACEHOLDER, ""]
    for prefix, heading in GROUPS:
        group = [stem for stem in notebooks if stem.startswith(prefix)]
        if not group:
            continue
        lines += [f"**{heading}**", ""]
        for stem in group:
            summary = summary_of(notebooks[stem])
            lines.append(
                f"- {_link(stem, title_of(notebooks[stem], stem))}"
                + (f" — {summary}" if summary else "")
            )
        lines.append("")
    return "\n".join(lines).rstrip("\n")


def inject(notebooks: Mapping[str, nbformat.NotebookNode]) -> None:
    """Add the navigation bars to every notebook and the contents list to 00, in place.

    ``notebooks`` maps every stem of the series to its notebook, in any order.
    """
    order = sorted(notebooks)
    titled = [(stem, title_of(notebooks[stem], stem)) for stem in order]
    for i, stem in enumerate(order):
        nb = notebooks[stem]
        bar = nav_source(
            titled[i - 1] if i else None, titled[i + 1] if i + 1 < len(order) else None
        )
        nb.cells.insert(0, new_markdown_cell(bar, id=NAV_TOP))
        nb.cells.append(new_markdown_cell(bar, id=NAV_BOTTOM))
        if stem == START:
            holders = [c for c in nb.cells if c.source.strip() == CONTENTS_PLACEHOLDER]
            if len(holders) != 1:
                raise ValueError(
                    f"{START} needs exactly one markdown cell holding only "
                    f"{CONTENTS_PLACEHOLDER!r} (found {len(holders)})"
                )
            holders[0].source = contents_source({s: notebooks[s] for s in order})
            holders[0].id = CONTENTS
