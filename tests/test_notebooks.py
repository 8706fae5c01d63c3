"""The study notebooks: executed, in sync with their sources, complete, and honest.

nbval (run over ``notebooks/`` by the test command) re-executes every notebook and compares
its outputs with the stored ones. These tests check what nbval cannot:

* every code cell is stored *executed* (nbval silently compares nothing for a cell with no
  stored output), in one top-to-bottom run, with no unexpected error, no stored widget
  state, no function or class defined in a notebook, and under :data:`MAX_BYTES`;
* each ``notebooks/NAME.ipynb`` is what ``notebook-sources/NAME.md`` builds (cells, tags,
  navigation: ``tools/build_notebooks.py --check``), so a source edited but not rebuilt, or
  a notebook edited by hand, fails;
* every chapter notebook has the shape of notebook-sources/README.md: a header, the eight parts, a widget, a
  quiz, exercises with collapsed solutions, discussion questions, working links;
* the prose types no number from the book, and everything it presents as the book's words
  or references exists in the book: paragraph ids, footnote numbers, quoted phrases.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

import leninism_data as ld

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = REPO / "notebooks"
SOURCES = REPO / "notebook-sources"
TOOLS = REPO / "tools"

#: The series: a chapter notebook's name carries the chapter's numeral (ch4 = Chapter IV).
SERIES = (
    "00-start-here",
    "ch0-introduction",
    "ch1-historical-roots",
    "ch2-method",
    "ch3-theory",
    "ch4-dictatorship-of-the-proletariat",
    "ch5-peasant-question",
    "ch6-national-question",
    "ch7-strategy-and-tactics",
    "ch8-the-party",
    "ch9-style-in-work",
    "lab1-comparing-chapters",
    "lab2-lenin-citations",
    "lab3-text-analysis",
    "lab4-seminar-toolkit",
)

#: Largest size of a committed notebook, outputs included.
MAX_BYTES = 150 * 1024

#: The eight parts of a chapter notebook, as level-2 headings, in this order.
PART_HEADINGS = (
    "## 1. About this notebook",
    "## 2. Context",
    "## 3. The chapter at a glance",
    "## 4. Guided reading",
    "## 5. The chapter's vocabulary",
    "## 6. Interactive exploration",
    "## 7. Check yourself",
    "## 8. For discussion",
)

WIDGETS = (
    "Explorer",
    "Concordance",
    "Trends",
    "Compare",
    "Reader",
    "Citations",
    "PassageFinder",
    "Quiz",
)

#: Cells allowed to carry ``nbval-ignore-output`` (notebook, cell id) -> why. Keep it short.
IGNORED_OUTPUTS: dict[tuple[str, str], str] = {}

NAV_IDS = ("nav-top", "nav-bottom", "contents")
PARAGRAPH_ID = re.compile(r"\b(?:Intro|VIII|VII|VI|IV|IX|V|III|II|I)\.\d+\b")
FOOTNOTE_REF = re.compile(r"\b[Ff]ootnotes? (\d+)")
LINK = re.compile(r"\]\(([^)\s]+)\)")
DEFINITION = re.compile(r"^\s*(?:async\s+def|def|class)\s", re.MULTILINE)
#: How the series named notebooks before the chapter numerals: "*04 Theory*", "notebook 13".
OLD_NOTEBOOK_NAME = re.compile(
    r"\*\d\d [A-Z][^*]*\*|\b[Nn]otebooks? \d\d\b|\b(?!00-start-here)\d\d-[a-z]+-[a-z-]+"
    r"|\b(?:0\d|1[0-4]) to (?:0\d|1[0-4])\b|^\| \d \| 0\d ",
    re.MULTILINE,
)
NUMBER_IN_PROSE = re.compile(
    r"\bpp?\.\s*\d|\b\d[\d,.]*\s*(?:%|per ?cent\b)|"
    r"(?<!per )(?<![\d,])\b\d[\d,]*\s+"
    r"(?:words?|paragraphs?|sentences?|footnotes?|citations?|references?|"
    r"quotations?|pages?|sections?|times|occurrences|hits|mentions)\b"
)


def notebook_paths() -> list[Path]:
    return sorted(NOTEBOOKS.glob("*.ipynb"))


def chapter_paths() -> list[Path]:
    return [p for p in notebook_paths() if re.match(r"ch\d-", p.name)]


def build_tool():
    """tools/build_notebooks.py, imported as a module."""
    sys.path.insert(0, str(TOOLS))
    try:
        import build_notebooks
    finally:
        sys.path.remove(str(TOOLS))
    return build_notebooks


def read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def tags(cell) -> list[str]:
    return list(cell.metadata.get("tags", []))


def prose_cells(nb) -> list:
    """Markdown cells written by the authors (navigation is generated from file names)."""
    return [c for c in nb.cells if c.cell_type == "markdown" and c.get("id") not in NAV_IDS]


def prose(cell) -> str:
    """Markdown text without code spans, HTML comments and link targets."""
    text = re.sub(r"<!--.*?-->", " ", cell.source, flags=re.S)
    text = re.sub(r"`[^`]*`", " ", text)
    return LINK.sub("]", text)


def ids(paths):
    return [p.name for p in paths]


@pytest.fixture(scope="module")
def book_text() -> str:
    """All the words of the book (text, footnotes, titles), normalised for matching."""
    parts = [
        *ld.paragraphs().text,
        *ld.footnotes().text,
        *ld.sections().title,
        *ld.chapters().title,
    ]
    return normalise(" ".join(parts))


def normalise(text: str) -> str:
    table = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "—": "-", "–": "-"})
    return re.sub(r"\s+", " ", text.translate(table)).lower()


# --------------------------------------------------------------------------- the series


def test_every_notebook_of_the_series_exists_with_its_source():
    assert [p.stem for p in notebook_paths()] == list(SERIES)
    assert sorted(p.stem for p in SOURCES.glob("*.md") if p.stem != "README") == list(SERIES)


@pytest.mark.parametrize("path", notebook_paths(), ids=ids(notebook_paths()))
def test_notebook_is_small_and_stores_no_widget_state(path):
    assert path.stat().st_size < MAX_BYTES, f"{path.name}: {path.stat().st_size:,} bytes"
    nb = read(path)
    assert "widgets" not in nb.metadata
    assert set(nb.metadata) == {"kernelspec", "language_info", "leninism_study"}


@pytest.mark.parametrize("path", notebook_paths(), ids=ids(notebook_paths()))
def test_notebook_defines_no_function_or_class(path):
    """Helpers live in the package (``ld.show``, ``ld.check``), tested and documented."""
    for cell in read(path).cells:
        if cell.cell_type == "code":
            assert not DEFINITION.search(cell.source), f"cell {cell.id} defines a function"


@pytest.mark.parametrize("path", notebook_paths(), ids=ids(notebook_paths()))
def test_notebook_is_stored_executed_in_one_run(path):
    nb = read(path)
    nbformat.validate(nb)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    counts = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        if "skip-execution" in tags(cell):
            continue
        assert cell.execution_count is not None, f"cell {cell.id} is stored unexecuted"
        counts.append(cell.execution_count)
        for output in cell.outputs:
            if output.output_type == "error":
                assert "raises-exception" in tags(cell), (
                    f"cell {cell.id} stored an error: {output.ename}: {output.evalue}"
                )
    assert counts == list(range(1, len(counts) + 1)), "not executed top to bottom in one run"


@pytest.mark.parametrize("path", notebook_paths(), ids=ids(notebook_paths()))
def test_outputs_are_compared_for_real(path):
    nb = read(path)
    assert "nbval-lax" not in str(nb.metadata)
    for cell in nb.cells:
        if "nbval-ignore-output" in tags(cell) or "nbval-skip" in tags(cell):
            assert (path.stem, cell.id) in IGNORED_OUTPUTS, (
                f"cell {cell.id} escapes nbval; list it in IGNORED_OUTPUTS with a reason"
            )


@pytest.mark.parametrize("path", notebook_paths(), ids=ids(notebook_paths()))
def test_solutions_are_collapsed(path):
    for cell in read(path).cells:
        hidden = cell.metadata.get("jupyter", {}).get("source_hidden", False)
        hide_tagged = bool({"hide-cell", "hide-input"} & set(tags(cell)))
        assert hidden == hide_tagged, f"cell {cell.id}: source_hidden without a hide-* tag"
        if cell.cell_type == "code" and cell.source.startswith("# Solution"):
            assert hidden, f"solution cell {cell.id} is not collapsed"


def test_notebooks_match_the_sources_they_are_built_from():
    done = subprocess.run(
        [sys.executable, str(TOOLS / "build_notebooks.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_drift_check_catches_a_source_edit_and_a_hand_edit(tmp_path):
    tool = build_tool()
    stem = "ch4-dictatorship-of-the-proletariat"
    built = tool.assemble()[stem]
    committed = NOTEBOOKS / f"{stem}.ipynb"
    assert tool.drift(stem, built, committed) == []

    edited_source = nbformat.from_dict(built)  # as if the .md changed and was not rebuilt
    title = next(c for c in edited_source.cells if c.source.startswith("# "))
    title.source = title.source.replace("Chapter IV", "Chapter 4")
    assert tool.drift(stem, edited_source, committed) == [
        f"{stem}.ipynb: cell {title.id!r} differs from the source"
    ]

    by_hand = read(committed)  # as if someone collapsed a cell in JupyterLab and saved
    cell = next(c for c in by_hand.cells if c.cell_type == "code")
    cell.metadata["tags"] = ["hide-input"]
    nbformat.write(by_hand, tmp_path / committed.name)
    assert tool.drift(stem, built, tmp_path / committed.name) == [
        f"{stem}.ipynb: cell {cell.id!r} differs from the source"
    ]
    assert tool.drift(stem, built, tmp_path / "missing.ipynb") == ["missing.ipynb is missing"]


@pytest.mark.parametrize("path", notebook_paths(), ids=ids(notebook_paths()))
def test_navigation_links_resolve_in_order(path):
    nb = read(path)
    order = [p.name for p in notebook_paths()]
    here = order.index(path.name)
    expected = (
        ([order[here - 1]] if here else [])
        + ["00-start-here.ipynb"]
        + ([order[here + 1]] if here + 1 < len(order) else [])
    )
    first, last = nb.cells[0], nb.cells[-1]
    assert (first.id, last.id) == ("nav-top", "nav-bottom")
    for cell in (first, last):
        assert LINK.findall(cell.source) == expected
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for target in LINK.findall(cell.source):
                if not re.match(r"[a-z]+://", target):
                    assert (NOTEBOOKS / target.split("#")[0]).exists(), f"broken link {target}"


def test_contents_lists_every_notebook():
    contents = next(c for c in read(NOTEBOOKS / "00-start-here.ipynb").cells if c.id == "contents")
    assert LINK.findall(contents.source) == [p.name for p in notebook_paths()]
    assert "- [Chapter IV · The Dictatorship of the Proletariat](" in contents.source


@pytest.mark.parametrize("path", chapter_paths(), ids=ids(chapter_paths()))
def test_chapter_title_carries_the_chapter_numeral(path):
    number = int(path.name[2])
    title = next(c.source for c in read(path).cells if c.source.startswith("# "))
    heading = title.splitlines()[0]
    chapter = ld.chapters().set_index("chapter").loc[number]
    expected = "# Introduction" if number == 0 else f"# {chapter.heading} · {chapter.title}"
    assert heading == expected


@pytest.mark.parametrize("path", notebook_paths(), ids=ids(notebook_paths()))
def test_prose_names_notebooks_by_their_new_names(path):
    for cell in prose_cells(read(path)):
        found = OLD_NOTEBOOK_NAME.findall(prose(cell))
        assert not found, f"cell {cell.id} names a notebook the old way: {found}"


# --------------------------------------------------------------------------- chapter shape


CHART_CALL = r"\b(?:bar_chart|grouped_bar_chart|line_chart|dispersion_chart|heatmap)\("


@pytest.mark.parametrize("path", chapter_paths(), ids=ids(chapter_paths()))
def test_chapter_notebook_has_the_shape_of_the_series(path):
    nb = read(path)
    markdown = [c.source for c in nb.cells if c.cell_type == "markdown"]
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    headings = [line for text in markdown for line in text.splitlines() if line.startswith("## ")]
    assert headings == list(PART_HEADINGS)
    assert [c for c in nb.cells if c.source.startswith("# ")], "a '# Title' cell"

    def part(n: int) -> str:
        """The markdown of part n (its heading cell up to the next part's)."""
        start = next(i for i, t in enumerate(markdown) if t.startswith(PART_HEADINGS[n - 1]))
        end = next(
            (i for i, t in enumerate(markdown) if n < 8 and t.startswith(PART_HEADINGS[n])),
            len(markdown),
        )
        return "\n".join(markdown[start:end])

    header = part(1)
    for label in ("What you will learn", "Time needed", "Prerequisites"):
        assert label in header
    assert len(re.findall(r"(?m)^- ", header)) >= 2, "the header lists what you will learn"
    assert len(part(2).split()) >= 150, "the context is more than a sentence or two"
    assert re.search(r"(?m)^### 4\.1 ", part(4)) and re.search(r"(?m)^### 4\.3 ", part(4))
    assert part(4).count("**What to notice**") >= 3
    assert re.search(r"\b(?:Explorer|Concordance)\(", code) and "Compare(" in code
    assert "Quiz(" in code
    assert "ld.keyness(CHAPTER)" in code and "include_quotations=False" in code
    assert "ld.kwic(" in code
    assert re.search(CHART_CALL, code), "the notebook draws a chart (an SVG chart of the package)"
    model_answers = [
        c
        for c in nb.cells
        if c.metadata.get("jupyter", {}).get("source_hidden")
        or (c.cell_type == "markdown" and "<details>" in c.source)
    ]
    assert model_answers, "exercises come with a collapsed model answer"
    questions = re.findall(r"(?m)^\d+\. .*", part(8))
    assert len(questions) >= 5 and all("?" in q or "." in q for q in questions)
    assert "**How the text argues**" in part(8) and "**Readings and receptions**" in part(8)


@pytest.mark.parametrize("path", chapter_paths(), ids=ids(chapter_paths()))
def test_chapter_notebook_reads_its_own_chapter(path):
    nb = read(path)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    label = re.search(r'^CHAPTER = "([^"]+)"', code, re.MULTILINE).group(1)
    number = ld.resolve_chapter(label)
    assert number == int(path.name[2])
    part, reading = "", []
    for cell in nb.cells:
        if cell.cell_type == "markdown" and cell.source.startswith("## "):
            part = cell.source[3:5]
        elif cell.cell_type == "code" and part == "4.":
            reading.append(cell.source)
    shown = [
        pid
        for source in reading
        for pid in re.findall(r"(?:show\(|paragraph_id=)([^)]*)", source)
        for pid in re.findall(r'"([^"]+)"', pid)
    ]
    chapters = ld.paragraphs().set_index("paragraph_id").chapter
    assert shown and all(chapters[pid] == number for pid in shown)


# --------------------------------------------------------------------------- honest prose


@pytest.mark.parametrize("path", notebook_paths(), ids=ids(notebook_paths()))
def test_paragraph_ids_and_footnotes_named_in_prose_exist(path):
    known = set(ld.paragraphs().paragraph_id)
    notes = set(ld.footnotes().footnote)
    for cell in prose_cells(read(path)):
        for pid in PARAGRAPH_ID.findall(cell.source):
            assert pid in known, f"cell {cell.id} names {pid}, which is not a paragraph"
        for number in FOOTNOTE_REF.findall(cell.source):
            assert int(number) in notes, f"cell {cell.id} names footnote {number}"


@pytest.mark.parametrize("path", notebook_paths(), ids=ids(notebook_paths()))
def test_prose_types_no_number_from_the_book(path):
    for cell in prose_cells(read(path)):
        found = NUMBER_IN_PROSE.findall(prose(cell))
        assert not found, f"cell {cell.id} types {found}: compute it in a code cell instead"


@pytest.mark.parametrize("path", notebook_paths(), ids=ids(notebook_paths()))
def test_words_quoted_in_prose_are_the_books(path, book_text):
    """Double quotes in the prose mark the book's words: each quoted phrase must occur."""
    for cell in prose_cells(read(path)):
        text = prose(cell)
        for phrase in re.findall(r'“([^”]+)”|"([^"]+)"', text):
            phrase = phrase[0] or phrase[1]
            for fragment in re.split(r"…|\.\.\.", phrase):
                fragment = normalise(fragment).strip(" .,;:!?'\"-()")
                if fragment:
                    assert fragment in book_text, (
                        f"cell {cell.id}: “{fragment}” is not in the book"
                    )
