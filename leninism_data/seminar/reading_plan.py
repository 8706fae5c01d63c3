"""A reading plan: the book split into N seminar sessions of about equal length.

The book is cut only between sections (:func:`leninism_data.sections`, section 0 being a
chapter's text before its first numbered section), never inside one, and the sections stay
in book order. A chapter's opening text is read with its section 1 — a session never ends
on a chapter's first lines — unless more sessions are asked for than that allows (28 of
the 34 sections can start a session). Among all such cuts into ``n_sessions`` sessions,
:func:`reading_plan` takes

1. those whose longest session is as short as possible (the classic *linear partition*
   problem, solved exactly by dynamic programming), and among them
2. the one whose sessions are most even: the smallest sum of squared session lengths.

With 34 sections this takes well under a millisecond. Lengths are words of the main text
(``ld.sections().n_words``; footnotes are not counted).

Examples
--------
>>> from leninism_data.seminar.reading_plan import reading_plan
>>> plan = reading_plan(6)
>>> plan[["session", "first", "last", "first_page", "last_page", "n_words", "minutes"]]
   session         first   last  first_page  last_page  n_words  minutes
0        1  Introduction     II           1         18     5183       26
1        2           III  III.3          19         34     5362       27
2        3            IV    V.2          35         52     5851       30
3        4           V.3   VI.2          52         70     5653       29
4        5           VII  VII.6          71         86     5446       28
5        6          VIII     IX          87        103     5628       29
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Sequence
from itertools import accumulate, pairwise

import pandas as pd

from leninism_data import tables
from leninism_data.corpus.arguments import check_number
from leninism_data.corpus.book import book
from leninism_data.corpus.formatting import escape_html, page_range
from leninism_data.seminar.handouts import Format, Handout, md_escape, part_title

__all__ = ["reading_plan", "reading_plan_handout"]

COLUMNS = [
    "session",
    "first",
    "last",
    "sections",
    "chapters",
    "first_paragraph",
    "last_paragraph",
    "first_page",
    "last_page",
    "n_words",
    "minutes",
]


def reading_plan(n_sessions: int, *, words_per_minute: float = 200) -> pd.DataFrame:
    """Split the book into ``n_sessions`` sessions of about equal length, by whole sections.

    Parameters
    ----------
    n_sessions : int
        How many sessions: 1 to the number of sections (34).
    words_per_minute : float, default 200
        Reading speed for the time estimate (200 is an unhurried pace for careful
        reading of argumentative prose).

    Returns
    -------
    pandas.DataFrame
        One row per session, in book order:

        ===============  =================================================================
        session          int, 1 … n_sessions
        first, last      str, labels of the first and last section (``"III"`` is chapter
                         III's opening text before section 1, ``"III.2"`` its section 2,
                         ``"Intro"`` the Introduction)
        sections         tuple of str, every section label of the session, in order
        chapters         tuple of str, the chapters it touches (``"Introduction"``, ``"I"`` …)
        first_paragraph  str, id of the session's first paragraph (``"IV.1"``)
        last_paragraph   str, id of its last paragraph
        first_page       int, printed page it starts on
        last_page        int, printed page it ends on (two sessions may share a page)
        n_words          int, words of main text
        minutes          int, estimated reading time, ``ceil(n_words / words_per_minute)``
        ===============  =================================================================

        Every section of the book is in exactly one session.

    Raises
    ------
    ValueError
        If ``n_sessions`` is below 1 or above the number of sections, or
        ``words_per_minute`` is not a number from 20 to 2,000.
    TypeError
        If ``n_sessions`` is not an integer.

    Examples
    --------
    >>> plan = reading_plan(8)
    >>> int(plan["n_words"].sum()), int(plan["n_words"].max())
    (33123, 5285)
    >>> plan.loc[2, "sections"], plan.loc[2, "chapters"]
    (('III.3', 'IV', 'IV.1'), ('III', 'IV'))
    >>> reading_plan(40)
    Traceback (most recent call last):
    ...
    ValueError: n_sessions must be between 1 and 34 (the book has 34 sections, and a section is never split), not 40.
    """
    table = _section_table()
    n_sections = len(table)
    if isinstance(n_sessions, bool) or not isinstance(n_sessions, numbers.Integral):
        raise TypeError(f"n_sessions must be a whole number of sessions, not {n_sessions!r}.")
    if not 1 <= n_sessions <= n_sections:
        raise ValueError(
            f"n_sessions must be between 1 and {n_sections} (the book has "
            f"{n_sections} sections, and a section is never split), not {n_sessions}."
        )
    words_per_minute = check_number("words_per_minute", words_per_minute, 20, 2000)
    starts = _session_starts(table, int(n_sessions))
    weights = [
        int(table["n_words"].iloc[a:b].sum()) for a, b in zip(starts, starts[1:] + [n_sections])
    ]
    bounds = [starts[i] for i in balanced_partition(weights, int(n_sessions))[:-1]] + [n_sections]
    rows = []
    for session, (start, stop) in enumerate(pairwise(bounds), start=1):
        part = table.iloc[start:stop]
        n_words = int(part["n_words"].sum())
        rows.append(
            {
                "session": session,
                "first": part["label"].iloc[0],
                "last": part["label"].iloc[-1],
                "sections": tuple(part["label"]),
                "chapters": tuple(dict.fromkeys(part["chapter_label"])),
                "first_paragraph": part["first_paragraph"].iloc[0],
                "last_paragraph": part["last_paragraph"].iloc[-1],
                "first_page": int(part["first_page"].iloc[0]),
                "last_page": int(part["last_page"].iloc[-1]),
                "n_words": n_words,
                "minutes": math.ceil(n_words / words_per_minute),
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS)


def balanced_partition(weights: Sequence[int], k: int) -> list[int]:
    """Cut a sequence of weights into ``k`` non-empty runs, as evenly as possible.

    Minimises the largest run's total first, then, among the cuts that reach it, the sum
    of the squared run totals. Exact: two dynamic programmes over (runs, items), each
    O(k·n²).

    Parameters
    ----------
    weights : sequence of int
        Non-negative weights, in order.
    k : int
        Number of runs, 1 ≤ k ≤ len(weights).

    Returns
    -------
    list of int
        ``k + 1`` boundaries ``[0, b1, …, len(weights)]``; run ``i`` is
        ``weights[bounds[i]:bounds[i + 1]]``.

    Examples
    --------
    >>> balanced_partition([3, 1, 1, 1, 3], 3)
    [0, 1, 4, 5]
    """
    n = len(weights)
    if not 1 <= k <= n:
        raise ValueError(f"cannot cut {n} items into {k} non-empty runs.")
    prefix = list(accumulate(weights, initial=0))
    infinity = math.inf
    # largest[j][i]: the smallest possible largest run when the first i items form j runs
    largest = [[infinity] * (n + 1) for _ in range(k + 1)]
    largest[0][0] = 0
    for j in range(1, k + 1):
        for i in range(j, n + 1):
            largest[j][i] = min(
                max(largest[j - 1][m], prefix[i] - prefix[m]) for m in range(j - 1, i)
            )
    limit = largest[k][n]
    # squares[j][i]: the smallest sum of squared run totals, every run at most `limit`
    squares = [[infinity] * (n + 1) for _ in range(k + 1)]
    squares[0][0] = 0
    cut = [[0] * (n + 1) for _ in range(k + 1)]
    for j in range(1, k + 1):
        for i in range(j, n + 1):
            for m in range(j - 1, i):
                run = prefix[i] - prefix[m]
                if run <= limit and squares[j - 1][m] + run * run < squares[j][i]:
                    squares[j][i] = squares[j - 1][m] + run * run
                    cut[j][i] = m
    bounds = [n]
    for j in range(k, 0, -1):
        bounds.append(cut[j][bounds[-1]])
    return bounds[::-1]


def _session_starts(table: pd.DataFrame, n_sessions: int) -> list[int]:
    """Rows of the section table where a session may start: every section but a numbered
    section 1 whose chapter opens with text of its own (section 0), if that leaves enough."""
    opening = set(
        table.index[
            (table["section"] == 0)
            & table["chapter"].isin(table.loc[table["section"] > 0, "chapter"])
        ]
    )
    starts = [i for i in range(len(table)) if i - 1 not in opening]
    return starts if len(starts) >= n_sessions else list(range(len(table)))


def _section_table() -> pd.DataFrame:
    """Sections in book order with short labels and their first and last paragraph ids."""
    table = tables.sections()[
        ["chapter", "section", "label", "title", "first_page", "last_page", "n_words"]
    ].copy()
    table["chapter_label"] = [label.split(".")[0] for label in table["label"]]
    first: dict[tuple[int, int], str] = {}
    last: dict[tuple[int, int], str] = {}
    for p in book().paragraphs:
        first.setdefault((p.chapter, p.section), p.paragraph_id)
        last[(p.chapter, p.section)] = p.paragraph_id
    keys = list(zip(table["chapter"], table["section"]))
    table["first_paragraph"] = [first[key] for key in keys]
    table["last_paragraph"] = [last[key] for key in keys]
    return table.reset_index(drop=True)


def reading_plan_handout(
    n_sessions: int,
    *,
    words_per_minute: float = 200,
    title: str | None = None,
    format: Format = "html",
) -> Handout:
    """The reading plan as a printable handout: a summary table, then each session's sections.

    Parameters
    ----------
    n_sessions, words_per_minute
        As in :func:`reading_plan`.
    title : str, optional
        The heading; default "The Foundations of Leninism in N sessions".
    format : {"html", "markdown"}, default "html"
        How the handout displays in a notebook (both forms are always available).

    Returns
    -------
    leninism_data.seminar.handouts.Handout

    Examples
    --------
    >>> sheet = reading_plan_handout(6)
    >>> sheet
    Handout('The Foundations of Leninism in 6 sessions', passages=0, format='html')
    >>> print(sheet.markdown.splitlines()[6])
    | 1 | Introduction – II | Intro.1 – II.32 | 1–18 | 5183 | 26 |
    """
    if format not in ("html", "markdown"):
        raise ValueError(f"format must be 'html' or 'markdown', not {format!r}.")
    plan = reading_plan(n_sessions, words_per_minute=words_per_minute)
    sections = _section_table().set_index("label")
    title = (
        f"The Foundations of Leninism in {n_sessions} sessions" if title is None else str(title)
    )
    total_words, total_minutes = int(plan["n_words"].sum()), int(plan["minutes"].sum())
    subtitle = (
        f"A reading plan in {len(plan)} sessions of about equal length, cut between "
        f"sections · {total_words} words · about {total_minutes} minutes of reading "
        f"at {words_per_minute:g} words a minute"
    )
    rows = [_summary_row(session) for session in plan.itertuples(index=False)]
    details = [
        (
            session,
            [
                (
                    label,
                    _section_heading(sections.loc[label]),
                    _page_span(sections.loc[label]),
                    int(sections.loc[label, "n_words"]),
                )
                for label in session.sections
            ],
        )
        for session in plan.itertuples(index=False)
    ]
    return Handout(
        title=title,
        paragraph_ids=(),
        body_html=_plan_html(title, subtitle, rows, details),
        markdown=_plan_markdown(title, subtitle, rows, details),
        format=format,
    )


_SUMMARY_HEADER = ("Session", "Sections", "Paragraphs", "Pages", "Words", "Minutes")


def _summary_row(session) -> tuple[str, ...]:
    sections = (
        session.first if session.first == session.last else f"{session.first} – {session.last}"
    )
    return (
        str(session.session),
        sections,
        f"{session.first_paragraph} – {session.last_paragraph}",
        _span(session.first_page, session.last_page),
        str(session.n_words),
        str(session.minutes),
    )


def _section_heading(row: pd.Series) -> str:
    """What a section is called beside its label: its title, or its chapter's title."""
    chapter, section = int(row["chapter"]), int(row["section"])
    if section:
        return str(row["title"])
    if chapter == 0:
        return ""
    record = book().chapters[chapter]
    divided = part_title(chapter, 0) != part_title(chapter, None)
    return f"{record.title} (opening, before section 1)" if divided else record.title


def _page_span(row: pd.Series) -> str:
    return page_range(int(row["first_page"]), int(row["last_page"]))


def _span(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}–{last}"


def _plan_html(title: str, subtitle: str, rows: list[tuple[str, ...]], details) -> str:
    h = escape_html
    numeric = {0, 4, 5}

    def cell(tag: str, i: int, text: str) -> str:
        style = ' class="ld-number"' if i in numeric else ""
        return f"<{tag}{style}>{h(text)}</{tag}>"

    head = "".join(cell("th", i, c) for i, c in enumerate(_SUMMARY_HEADER))
    body = "".join(
        "<tr>" + "".join(cell("td", i, c) for i, c in enumerate(row)) + "</tr>" for row in rows
    )
    out = [
        '<div class="ld-handout">',
        f"<h1>{h(title)}</h1>",
        f'<p class="ld-source">{h(subtitle)}</p>',
        f'<table class="ld-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>',
    ]
    for session, sections in details:
        out.append(
            f'<h2>Session {session.session} <span class="ld-where">· '
            f"{h(page_range(session.first_page, session.last_page))} · {session.n_words} words"
            f" · about {session.minutes} minutes</span></h2>"
        )
        items = "".join(
            f"<li><b>{h(label)}</b>{' ' + h(heading) if heading else ''} "
            f'<span class="ld-where">· {h(pages)} · {n_words} words</span></li>'
            for label, heading, pages, n_words in sections
        )
        out.append(f"<ul>{items}</ul>")
    out.append("</div>")
    return "\n".join(out)


def _plan_markdown(title: str, subtitle: str, rows: list[tuple[str, ...]], details) -> str:
    table = "\n".join(
        ["| " + " | ".join(_SUMMARY_HEADER) + " |", "|---:|---|---|---|---:|---:|"]
        + ["| " + " | ".join(md_escape(c) for c in row) + " |" for row in rows]
    )
    out = [f"# {md_escape(title)}", f"*{md_escape(subtitle)}*", table]
    for session, sections in details:
        out.append(
            f"## Session {session.session} · {page_range(session.first_page, session.last_page)}"
            f" · {session.n_words} words · about {session.minutes} minutes"
        )
        out.append(
            "\n".join(
                f"- **{md_escape(label)}**{' ' + md_escape(heading) if heading else ''}"
                f" · {pages} · {n_words} words"
                for label, heading, pages, n_words in sections
            )
        )
    return "\n\n".join(out) + "\n"
