"""The study notebooks: executed, in sync with their sources, complete, and honest.

nbval (run over ``notebooks/`` by the test command) re-executes every notebook and compares
its outputs with the stored ones. These tests check what nbval cannot:

* every code cell is stored *executed* (nbval silently compares nothing for a cell with no
  stored output), in one top-to-bottom run, with no unexpected error;
* the navigation (00's contents, every prev/next bar) matches the notebooks present, and
  each notebook matches the content it is generated from (``tools/``);
* every chapter notebook has the shape of issue 5: a header, the eight parts, a widget, a
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
TOOLS = REPO / "tools"

#: The notebooks issue 5 asks for (others, such as a later 14-seminar-toolkit, may join).
SERIES = (
    "00-start-here",
    "01-introduction",
    "02-historical-roots",
    "03-method",
    "04-theory",
    "05-dictatorship-of-the-proletariat",
    "06-peasant-question",
    "07-national-question",
    "08-strategy-and-tactics",
    "09-the-party",
    "10-style-in-work",
    "11-comparing-chapters",
    "12-lenin-citations",
    "13-text-analysis-lab",
)

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
NUMBER_IN_PROSE = re.compile(
    r"\bpp?\.\s*\d|\b\d[\d,.]*\s*(?:%|per ?cent\b)|"
    r"(?<!per )(?<![\d,])\b\d[\d,]*\s+(?:words?|paragraphs?|sentences?|footnotes?|citations?|references?|"
    r"quotations?|pages?|sections?|times|occurrences|hits|mentions)\b"
)


def notebook_paths() -> list[Path]:
    return sorted(p for p in NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))


def chapter_paths() -> list[Path]:
    return [p for p in notebook_paths() if 1 <= int(p.name[:2]) <= 10]


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


def test_every_notebook_of_the_issue_exists():
    present = {p.stem for p in notebook_paths()}
    assert [s for s in SERIES if s not in present] == []


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
        assert hidden == ("hide-cell" in tags(cell)), f"cell {cell.id}: source_hidden ≠ hide-cell"
        if cell.cell_type == "code" and cell.source.startswith("# Solution"):
            assert hidden, f"solution cell {cell.id} is not collapsed"


def test_navigation_is_in_sync():
    done = subprocess.run(
        [sys.executable, str(TOOLS / "navigation.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_notebooks_match_the_content_they_are_built_from():
    done = subprocess.run(
        [sys.executable, str(TOOLS / "build_notebooks.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr


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


# --------------------------------------------------------------------------- chapter shape


@pytest.mark.parametrize("path", chapter_paths(), ids=ids(chapter_paths()))
def test_chapter_notebook_has_the_shape_of_the_series(path):
    nb = read(path)
    markdown = [c.source for c in nb.cells if c.cell_type == "markdown"]
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    headings = [line for text in markdown for line in text.splitlines() if line.startswith("## ")]
    assert headings == list(PART_HEADINGS)
    title = next(c.source for c in nb.cells if c.id == "title")
    assert title.startswith("# ")

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
    assert "ld.kwic(" in code and "plt." in code
    solutions = [
        c for c in nb.cells if c.cell_type == "code" and c.source.startswith("# Solution")
    ]
    checks = [c for c in nb.cells if c.cell_type == "code" and c.source.startswith("check(")]
    assert len(solutions) >= 2 and len(checks) == len(solutions)
    questions = re.findall(r"(?m)^\d+\. .*", part(8))
    assert len(questions) >= 5 and all("?" in q or "." in q for q in questions)
    assert "**How the text argues**" in part(8) and "**Readings and receptions**" in part(8)


@pytest.mark.parametrize("path", chapter_paths(), ids=ids(chapter_paths()))
def test_chapter_notebook_reads_its_own_chapter(path):
    nb = read(path)
    chapter_cell = next(c for c in nb.cells if c.id == "chapter")
    label = re.search(r'CHAPTER = "([^"]+)"', chapter_cell.source).group(1)
    number = ld.resolve_chapter(label)
    assert number == int(path.name[:2]) - 1
    shown = [
        pid
        for c in nb.cells
        if c.cell_type == "code" and c.id.startswith("reading-")
        for pid in re.findall(r"(?:show\(|paragraph_id=)([^)]*)", c.source)
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
