"""Building blocks for the study notebooks: cells, the shared setup cells, the chapter template.

Every notebook of the series is generated from Python data by ``tools/build_notebooks.py``;
this module holds what they share. Rules the builder enforces (and ``tests/test_notebooks.py``
checks on the committed files):

* cell ids are explicit, readable and unique within a notebook (``part-3``, ``reading-2-text``);
* a chapter notebook has exactly the eight parts of :data:`PART_HEADINGS`, in order;
* the first markdown cell after the navigation bar starts with the notebook's ``# title``;
* markdown never states a count, page or other number from the book: code computes them;
* the navigation cells (``nav-top``, ``nav-bottom`` and 00's ``contents``) are left empty
  here and written by ``tools/navigation.py``.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

#: The eight parts of every chapter notebook (issue 5), as level-2 headings.
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

NAV_TOP, NAV_BOTTOM, CONTENTS = "nav-top", "nav-bottom", "contents"
NAV_PLACEHOLDER = "<!-- navigation: written by tools/navigation.py -->"

#: Tags with a meaning for nbval/nbclient/Jupyter Book that the builder may set.
HIDE_CELL = "hide-cell"
RAISES = "raises-exception"

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def _clean(text: str) -> str:
    return textwrap.dedent(text).strip("\n")


def md(text: str, id: str) -> nbformat.NotebookNode:
    """A markdown cell (text is dedented)."""
    return new_markdown_cell(_clean(text), id=id)


def code(
    source: str, id: str, *, tags: tuple[str, ...] = (), hidden: bool = False
) -> nbformat.NotebookNode:
    """A code cell; ``hidden`` collapses its source (``source_hidden`` + ``hide-cell`` tag)."""
    cell = new_code_cell(_clean(source), id=id)
    tags = tuple(tags) + ((HIDE_CELL,) if hidden and HIDE_CELL not in tags else ())
    if tags:
        cell.metadata["tags"] = list(tags)
    if hidden:
        cell.metadata["jupyter"] = {"source_hidden": True}
    return cell


def nav(id: str) -> nbformat.NotebookNode:
    """An empty navigation cell, filled in by tools/navigation.py."""
    return new_markdown_cell(NAV_PLACEHOLDER, id=id)


def notebook(cells: list, *, summary: str) -> nbformat.NotebookNode:
    """A notebook with the series' metadata; ``summary`` feeds the contents list of 00."""
    ids = [c.id for c in cells]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ValueError(f"duplicate cell ids: {duplicates}")
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata["language_info"] = {"name": "python"}
    nb.metadata["leninism_study"] = {"summary": summary}
    nbformat.validate(nb)
    return nb


# --------------------------------------------------------------------------- shared code

SETUP = """
import html

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import HTML, display

import leninism_data as ld
from leninism_data.widgets import {widgets}

pd.set_option("display.max_colwidth", 100)
pd.set_option("display.max_rows", 40)
pd.set_option("display.precision", 2)
pd.set_option("display.width", 120)
plt.rcParams["figure.dpi"] = 80
"""

HELPERS = '''
# Two small helpers used below: show() prints paragraphs as the book has them, with
# their id, printed page(s), who is quoted and their footnotes; check() gives feedback on
# the exercises of "Check yourself".
PARAGRAPHS = ld.paragraphs().set_index("paragraph_id")
FOOTNOTES = ld.footnotes().set_index("footnote")["text"]


def show(*paragraph_ids):
    """Display paragraphs of the book by id, e.g. show("IV.27", "IV.28")."""
    blocks = []
    for pid in paragraph_ids:
        p = PARAGRAPHS.loc[pid]
        pages = f"p. {p.page}" if p.page == p.page_end else f"pp. {p.page}–{p.page_end}"
        quoted = f" · block quotation ({html.escape(p.speaker)})" if p.kind == "quotation" else ""
        notes = "".join(
            f'<p style="font-size:90%">Footnote {n}: {html.escape(FOOTNOTES[n])}</p>'
            for n in p.footnotes)
        blocks.append(f"<blockquote><p><b>{pid}</b> · {pages}{quoted}</p>"
                      f"<p>{html.escape(p.text)}</p>{notes}</blockquote>")
    display(HTML("\\n".join(blocks)))


def check(answer, expected):
    """Compare an exercise answer with the value computed from the tables."""
    if answer is None:
        print("Not answered yet: replace None with your code, run that cell, then this one.")
        return
    try:
        if isinstance(expected, pd.DataFrame):
            pd.testing.assert_frame_equal(answer.reset_index(drop=True),
                                          expected.reset_index(drop=True), check_dtype=False)
        elif isinstance(expected, pd.Series):
            pd.testing.assert_series_equal(answer, expected, check_dtype=False,
                                           check_names=False)
        elif isinstance(expected, (set, frozenset)):
            assert set(answer) == set(expected), (
                f"expected {len(expected)} items, you gave {len(set(answer))}; "
                f"missing {len(set(expected) - set(answer))}, "
                f"extra {len(set(answer) - set(expected))}")
        elif isinstance(expected, (list, tuple)):
            assert list(answer) == list(expected), (
                f"expected {len(expected)} items in this order, you gave {len(list(answer))}")
        elif isinstance(expected, float):
            assert abs(float(answer) - expected) < 0.005, "the value is not the expected one"
        else:
            assert answer == expected, "the value is not the expected one"
    except Exception as problem:  # a wrong type is feedback too, not a crash
        reason = str(problem).strip().splitlines()[0] if str(problem).strip() else type(problem).__name__
        print(f"Not quite: {reason}. Look at the hint, then try again.")
    else:
        print("Correct.")
'''


def setup_cells(widgets: tuple[str, ...]) -> list:
    """The first two code cells of every notebook: imports and options, then the helpers."""
    names = ", ".join(widgets)
    return [
        code(SETUP.format(widgets=names), id="setup"),
        code(HELPERS, id="helpers", hidden=True),
    ]


# --------------------------------------------------------------------------- chapter template


@dataclass(frozen=True)
class Stop:
    """One stop of the guided reading: passages by id, then commentary and what to notice."""

    heading: str
    passages: tuple[str, ...]
    commentary: str
    notice: tuple[str, ...]
    intro: str = ""
    extra_code: str = ""  # an optional computation that supports the commentary
    code_first: bool = False  # put extra_code before the passages (the intro announces it)
    reader: bool = False  # show the first passage in the Reader widget instead of show()


@dataclass(frozen=True)
class Exercise:
    """A pandas exercise: prompt, a hint, the hidden solution (assigned to ``expected_N``)."""

    prompt: str
    hint: str
    solution: str  # an expression computing the expected value from the tables


@dataclass(frozen=True)
class ChapterSpec:
    """Everything that differs between two chapter notebooks."""

    stem: str  # "05-dictatorship-of-the-proletariat"
    chapter: str  # "IV", or "Introduction"
    title: str  # "# " heading text
    summary: str  # one line for the contents list
    learn: tuple[str, ...]
    time: str
    prerequisites: str
    context: str
    glance_note: str
    reading_intro: str
    stops: tuple[Stop, ...]
    vocabulary_note: str
    kwic_terms: tuple[str, ...]
    kwic_note: str
    explorer_query: str
    concordance_term: str
    compare_with: str
    compare_note: str
    exercises: tuple[Exercise, ...]
    discussion: str
    extra_glance_code: str = ""
    further: str = ""
    widgets: tuple[str, ...] = field(default=("Explorer", "Concordance", "Compare", "Quiz"))


def chapter_notebook(spec: ChapterSpec) -> nbformat.NotebookNode:
    """The eight-part notebook of one chapter."""
    label = spec.chapter
    widgets = tuple(spec.widgets) + (
        ("Reader",) if any(s.reader for s in spec.stops) and "Reader" not in spec.widgets else ()
    )
    learn = "\n".join(f"- {item}" for item in spec.learn)
    cells = [
        nav(NAV_TOP),
        md(f"# {spec.title}\n\n{_clean(spec.summary)}", id="title"),
        md(
            _clean(f"""
        {PART_HEADINGS[0]}

        **What you will learn**

        @LEARN@

        **Time needed:** {spec.time}.

        **Prerequisites:** @PREREQUISITES@

        **How to use it:** run the cells from the top (*Run → Run All Cells*). Every number,
        passage and table below is computed from the `leninism_data` package when you run
        it; paragraph ids such as `IV.27` (chapter IV, paragraph 27) are the citable
        references used throughout the series (see *00 Start here*). The second code cell
        is collapsed: it defines the two helpers `show()` and `check()`.
        """)
            .replace("@LEARN@", learn)
            .replace("@PREREQUISITES@", _clean(spec.prerequisites)),
            id="part-1",
        ),
        *setup_cells(widgets),
        code(
            f'CHAPTER = "{label}"\nchapter = ld.chapters().query("label == @CHAPTER").iloc[0]\n'
            'N = int(chapter["chapter"])  # 0 = Introduction, 1–9 = Chapters I–IX',
            id="chapter",
        ),
        md(f"{PART_HEADINGS[1]}\n\n{_clean(spec.context)}", id="part-2"),
        code(
            """
        # Who is named in this chapter (main text and footnotes), and where
        named = ld.people().query("chapter == @N")
        named.groupby("person", sort=False).agg(
            mentions=("paragraph_id", "size"),
            paragraphs=("paragraph_id", lambda ids: ", ".join(dict.fromkeys(ids))))
        """,
            id="people",
        ),
        md(
            f"""
        {PART_HEADINGS[2]}

        The chapter's vital statistics, computed from `ld.chapters()`, `ld.sections()`,
        `ld.citations()` and `ld.quotations()`. "Quoted" means the words inside block
        quotations (Lenin, Marx, Engels), as opposed to the author's own prose.
        """,
            id="part-3",
        ),
        code(
            """
        book = ld.chapters()
        cites = ld.citations().query("chapter == @N")
        glance = pd.Series({
            "printed pages": f"{chapter.first_page}–{chapter.last_page}",
            "numbered sections": chapter.n_sections,
            "paragraphs": chapter.n_paragraphs,
            "words": chapter.n_words,
            "share of the book's words": f"{chapter.n_words / book.n_words.sum():.1%}",
            "footnotes": chapter.n_footnotes,
            "in-text references (citations)": len(cites),
            "  of which to Lenin": int((cites.author == "Lenin").sum()),
            "block quotations": chapter.n_quotations,
            "words inside block quotations": chapter.n_quoted_words,
            "share of the chapter that is quoted": f"{chapter.n_quoted_words / chapter.n_words:.1%}",
        }, name=f"{chapter.heading}: {chapter.title}")
        glance.to_frame()
        """,
            id="glance",
        ),
        code(
            """
        # Sections with their titles and printed pages (section 0 = text before section 1)
        ld.sections().query("chapter == @N")[
            ["label", "title", "first_page", "last_page", "n_paragraphs", "n_words"]]
        """,
            id="sections",
        ),
        code(
            """
        # The chapter among the others: length and how much of each chapter is quoted
        share = (book.n_quoted_words / book.n_words * 100).round(1)
        fig, ax = plt.subplots(figsize=(8, 3))
        ax.bar(book.label.astype(str), share,
               color=["tab:red" if c == N else "tab:gray" for c in book.chapter])
        ax.set_ylabel("% of words quoted")
        ax.set_title("Share of each chapter inside block quotations")
        plt.show()
        """,
            id="quoted-share",
        ),
        code(
            """
        # Footnotes of the chapter (editors' notes unless by_author)
        ld.footnotes().query("chapter == @N")[["footnote", "paragraph_id", "page", "by_author", "text"]]
        """,
            id="footnotes",
        ),
    ]
    if spec.extra_glance_code:
        cells.append(code(spec.extra_glance_code, id="glance-extra"))
    cells.append(md(spec.glance_note, id="glance-note"))
    cells.append(md(f"{PART_HEADINGS[3]}\n\n{_clean(spec.reading_intro)}", id="part-4"))
    for i, stop in enumerate(spec.stops, start=1):
        intro = f"\n\n{_clean(stop.intro)}" if stop.intro else ""
        cells.append(md(f"### 4.{i} {stop.heading}{intro}", id=f"reading-{i}"))
        if stop.extra_code and stop.code_first:
            cells.append(code(stop.extra_code, id=f"reading-{i}-code"))
        if stop.reader:
            cells.append(
                code(f'Reader(paragraph_id="{stop.passages[0]}")', id=f"reading-{i}-reader")
            )
            if len(stop.passages) > 1:
                cells.append(code(_show_call(stop.passages[1:]), id=f"reading-{i}-text"))
        else:
            cells.append(code(_show_call(stop.passages), id=f"reading-{i}-text"))
        if stop.extra_code and not stop.code_first:
            cells.append(code(stop.extra_code, id=f"reading-{i}-code"))
        notice = "\n".join(f"- {item}" for item in stop.notice)
        cells.append(
            md(
                f"{_clean(stop.commentary)}\n\n**What to notice**\n\n{notice}",
                id=f"reading-{i}-notes",
            )
        )
    cells += [
        md(
            f"""
        {PART_HEADINGS[4]}

        Which words does this chapter use far more than the rest of the book? *Keyness*
        compares each word's frequency here with its frequency in the other chapters
        (log-likelihood G², with Log Ratio as the effect size; formulas in notebook 13).
        We compute it twice: once over all the words of the chapter, and once without the
        words inside block quotations, so that the author's own vocabulary is separated
        from the Lenin (or Marx, or Engels) he quotes.
        """,
            id="part-5",
        ),
        code(
            """
        columns = ["term", "freq_target", "g2", "log_ratio"]
        with_quotes = ld.keyness(CHAPTER).head(15)[columns]
        own_words = ld.keyness(CHAPTER, include_quotations=False).head(15)[columns]
        pd.concat({"all words": with_quotes.round(1).reset_index(drop=True),
                   "without quotations": own_words.round(1).reset_index(drop=True)}, axis=1)
        """,
            id="keyness",
        ),
        code(
            """
        fig, axes = plt.subplots(1, 2, figsize=(9, 4), sharex=True)
        for ax, frame, name in zip(axes, (with_quotes, own_words), ("all words", "without quotations")):
            top = frame.head(12).iloc[::-1]
            ax.barh(top.term, top.g2, color="tab:blue" if name == "all words" else "tab:orange")
            ax.set_title(name)
            ax.set_xlabel("keyness (G²)")
        fig.suptitle(f"Most distinctive words of {chapter.heading} against the rest of the book")
        fig.tight_layout()
        plt.show()
        """,
            id="keyness-plot",
        ),
        md(spec.vocabulary_note, id="vocabulary-note"),
    ]
    for j, term in enumerate(spec.kwic_terms, start=1):
        cells.append(
            code(
                f'ld.kwic("{term}", chapter=CHAPTER, window=7)'
                f'[["paragraph_id", "page", "left", "match", "right", "in_quotation"]].head(15)',
                id=f"kwic-{j}",
            )
        )
    cells.append(md(spec.kwic_note, id="kwic-note"))
    cells += [
        md(
            f"""
        {PART_HEADINGS[5]}

        The widgets below are live once the notebook is running: type in them, change the
        filters, click the results. The **Explorer** searches the paragraphs of this
        chapter (clear the chapter filter to search the whole book); the **Concordance**
        lines up every occurrence of a word with its context, so that you can sort and
        compare uses.
        """,
            id="part-6",
        ),
        code(f'Explorer("{spec.explorer_query}", chapter=CHAPTER)', id="explorer"),
        code(f'Concordance("{spec.concordance_term}", chapter=CHAPTER)', id="concordance"),
        md(spec.compare_note, id="compare-note"),
        code(f'Compare(a=CHAPTER, b="{spec.compare_with}")', id="compare"),
        md(
            f"""
        {PART_HEADINGS[6]}

        First a short quiz generated from the chapter (change `seed` for new questions),
        then small exercises on the tables. Each exercise has a cell for your answer, a
        collapsed solution (click the ⋯ or the bar on its left to expand it — after you
        have tried) and a check that tells you whether your answer is right.
        """,
            id="part-7",
        ),
        code("Quiz(chapter=CHAPTER, n_questions=5, seed=0)", id="quiz"),
    ]
    for k, ex in enumerate(spec.exercises, start=1):
        cells += _exercise(k, ex)
    further = f"\n\n**Further reading.** {_clean(spec.further)}" if spec.further else ""
    cells += [
        md(f"{PART_HEADINGS[7]}\n\n{_clean(spec.discussion)}{further}", id="part-8"),
        nav(NAV_BOTTOM),
    ]
    return notebook(cells, summary=spec.summary)


def _show_call(ids: tuple[str, ...]) -> str:
    return "show(" + ", ".join(f'"{i}"' for i in ids) + ")"


# --------------------------------------------------------------------------- labs


def lab_header(
    title: str, summary: str, learn: tuple[str, ...], time: str, prerequisites: str
) -> list:
    """The navigation bar, title and "About this lab" cells of a thematic lab."""
    items = "\n".join(f"- {item}" for item in learn)
    about = (
        _clean("""
    ## About this lab

    **What you will learn**

    @LEARN@

    **Time needed:** @TIME@.

    **Prerequisites:** @PREREQUISITES@

    **How to use it:** run the cells from the top (*Run → Run All Cells*), then change the
    code: every table and chart is computed from `leninism_data` when you run it.
    """)
        .replace("@LEARN@", items)
        .replace("@TIME@", time)
        .replace("@PREREQUISITES@", _clean(prerequisites))
    )
    return [nav(NAV_TOP), md(f"# {title}\n\n{_clean(summary)}", id="title"), md(about, id="about")]


def exercise_cells(
    exercises: tuple[Exercise, ...], *, heading: str = "## Exercises", intro: str = ""
) -> list:
    """Prompt, answer cell, collapsed solution and check for each exercise."""
    text = heading + (f"\n\n{_clean(intro)}" if intro else "")
    cells = [md(text, id="exercises")]
    for k, ex in enumerate(exercises, start=1):
        cells += _exercise(k, ex)
    return cells


def _exercise(k: int, ex: Exercise) -> list:
    """Prompt and hint, an answer cell, the collapsed solution, and the check."""
    return [
        md(
            f"**Exercise {k}.** {_clean(ex.prompt)}\n\n*Hint:* {_clean(ex.hint)}",
            id=f"exercise-{k}",
        ),
        code(f"answer_{k} = None  # your code here", id=f"exercise-{k}-answer"),
        code(
            f"# Solution\nexpected_{k} = {_clean(ex.solution)}",
            id=f"exercise-{k}-solution",
            hidden=True,
        ),
        code(f"check(answer_{k}, expected_{k})", id=f"exercise-{k}-check"),
    ]
