"""Tests of leninism_data.seminar.reading_plan: the book in N sessions, every section exactly once."""

from __future__ import annotations

import itertools
import math
import random
from pathlib import Path

import pandas as pd
import pytest

import leninism_data as ld
from leninism_data.seminar.reading_plan import (
    balanced_partition,
    reading_plan,
    reading_plan_handout,
)

SECTIONS = ld.sections()
LABELS = SECTIONS["label"].tolist()
PARAGRAPH_IDS = ld.paragraphs()["paragraph_id"].tolist()
N_SECTIONS = len(SECTIONS)
# A chapter's opening text (section 0 of a chapter with numbered sections): III … VIII.
OPENINGS = {"III", "IV", "V", "VI", "VII", "VIII"}


def test_the_book_has_the_sections_the_plan_counts_on() -> None:
    assert N_SECTIONS == 34 and int(SECTIONS["n_words"].sum()) == 33123
    assert (
        set(SECTIONS.loc[(SECTIONS["section"] == 0) & SECTIONS["chapter"].between(3, 8), "label"])
        == OPENINGS
    )


@pytest.mark.parametrize("n_sessions", range(1, N_SECTIONS + 1))
def test_sessions_cover_the_book_exactly_once_in_order(n_sessions: int) -> None:
    plan = reading_plan(n_sessions)
    assert plan["session"].tolist() == list(range(1, n_sessions + 1))
    assert [label for sections in plan["sections"] for label in sections] == LABELS
    assert all(len(sections) >= 1 for sections in plan["sections"])
    assert plan["first"].tolist() == [s[0] for s in plan["sections"]]
    assert plan["last"].tolist() == [s[-1] for s in plan["sections"]]
    assert int(plan["n_words"].sum()) == 33123
    # Paragraphs: each session starts right after the previous one ended.
    starts = [PARAGRAPH_IDS.index(pid) for pid in plan["first_paragraph"]]
    ends = [PARAGRAPH_IDS.index(pid) for pid in plan["last_paragraph"]]
    assert starts[0] == 0 and ends[-1] == len(PARAGRAPH_IDS) - 1
    assert all(start == end + 1 for start, end in zip(starts[1:], ends))
    # Words and pages agree with the sections table.
    by_label = SECTIONS.set_index("label")
    for row in plan.itertuples():
        assert row.n_words == int(by_label.loc[list(row.sections), "n_words"].sum())
        assert row.first_page == by_label.loc[row.first, "first_page"]
        assert row.last_page == by_label.loc[row.last, "last_page"]
        assert row.chapters == tuple(dict.fromkeys(label.split(".")[0] for label in row.sections))
    assert plan["first_page"].is_monotonic_increasing and plan["last_page"].is_monotonic_increasing


@pytest.mark.parametrize("n_sessions", range(1, 29))
def test_a_chapter_opening_stays_with_its_first_section(n_sessions: int) -> None:
    assert not set(reading_plan(n_sessions)["last"]) & OPENINGS


def test_more_sessions_than_units_split_openings_only_as_needed() -> None:
    plan = reading_plan(34)
    assert [s for (s,) in plan["sections"]] == LABELS
    assert len(set(reading_plan(29)["last"]) & OPENINGS) >= 1


def _brute_force(weights: list[int], k: int, starts: list[int]) -> tuple[int, int]:
    """(smallest largest run, smallest sum of squares among those) over every cut."""
    best: tuple[int, int] | None = None
    n = len(weights)
    for cuts in itertools.combinations(starts[1:], k - 1):
        bounds = [0, *cuts, n]
        runs = [sum(weights[a:b]) for a, b in itertools.pairwise(bounds)]
        score = (max(runs), sum(r * r for r in runs))
        best = score if best is None or score < best else best
    assert best is not None
    return best


@pytest.mark.parametrize("n_sessions", [2, 3, 4, 6])
def test_the_plan_is_the_most_even_cut_of_the_book(n_sessions: int) -> None:
    plan = reading_plan(n_sessions)
    weights = SECTIONS["n_words"].tolist()
    allowed = [i for i, label in enumerate(LABELS) if i == 0 or LABELS[i - 1] not in OPENINGS]
    largest, squares = _brute_force(weights, n_sessions, allowed)
    assert int(plan["n_words"].max()) == largest
    assert int((plan["n_words"] ** 2).sum()) == squares


def test_balanced_partition_against_brute_force() -> None:
    generator = random.Random(7)
    for _ in range(200):
        n = generator.randint(1, 9)
        weights = [generator.randint(0, 30) for _ in range(n)]
        k = generator.randint(1, n)
        bounds = balanced_partition(weights, k)
        assert bounds[0] == 0 and bounds[-1] == n and len(bounds) == k + 1
        assert all(a < b for a, b in itertools.pairwise(bounds))  # no empty run
        runs = [sum(weights[a:b]) for a, b in itertools.pairwise(bounds)]
        assert (max(runs), sum(r * r for r in runs)) == _brute_force(weights, k, list(range(n)))


def test_real_plans() -> None:
    six = reading_plan(6)
    assert six.loc[0, "sections"] == ("Introduction", "I", "II")
    assert six.loc[0, ["first_page", "last_page", "n_words", "minutes"]].tolist() == [
        1,
        18,
        5183,
        26,
    ]
    assert six["chapters"].tolist() == [
        ("Introduction", "I", "II"),
        ("III",),
        ("IV", "V"),
        ("V", "VI"),
        ("VII",),
        ("VIII", "IX"),
    ]
    eight = reading_plan(8)
    assert eight.loc[2, "sections"] == ("III.3", "IV", "IV.1")  # the longest section, 4075 words
    one = reading_plan(1)
    assert one.loc[0, ["first", "last", "first_paragraph", "last_paragraph"]].tolist() == [
        "Introduction",
        "IX",
        "Intro.1",
        "IX.16",
    ]


def test_minutes_follow_the_reading_speed() -> None:
    slow = reading_plan(6, words_per_minute=100)
    fast = reading_plan(6, words_per_minute=250.5)
    assert slow["minutes"].tolist() == [math.ceil(w / 100) for w in slow["n_words"]]
    assert fast["minutes"].tolist() == [math.ceil(w / 250.5) for w in fast["n_words"]]
    assert slow["sections"].tolist() == fast["sections"].tolist()


def test_column_types() -> None:
    plan = reading_plan(8)
    assert plan.columns.tolist() == [
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
    for column in ("session", "first_page", "last_page", "n_words", "minutes"):
        assert pd.api.types.is_integer_dtype(plan[column]), column
    plan.loc[0, "n_words"] = 0  # a fresh frame: changing it does not leak
    assert reading_plan(8).loc[0, "n_words"] == 2787


@pytest.mark.parametrize("n_sessions", [0, -1, 35, 100])
def test_impossible_numbers_of_sessions(n_sessions: int) -> None:
    with pytest.raises(
        ValueError, match=rf"between 1 and 34 \(the book has 34 sections.*not {n_sessions}\."
    ):
        reading_plan(n_sessions)


@pytest.mark.parametrize("n_sessions", [2.5, "6", True, None])
def test_sessions_must_be_a_whole_number(n_sessions: object) -> None:
    with pytest.raises(TypeError, match="whole number of sessions"):
        reading_plan(n_sessions)  # type: ignore[arg-type]


@pytest.mark.parametrize("speed", [0, -200, float("nan"), float("inf"), 1e-320, 10**400])
def test_reading_speed_must_be_a_human_pace(speed: object) -> None:
    with pytest.raises(ValueError, match="words_per_minute must be from 20 to 2,000, not"):
        reading_plan(6, words_per_minute=speed)  # type: ignore[arg-type]


@pytest.mark.parametrize("speed", ["fast", None, True])
def test_reading_speed_must_be_a_number(speed: object) -> None:
    with pytest.raises(TypeError, match="words_per_minute must be a number from 20 to 2,000"):
        reading_plan(6, words_per_minute=speed)  # type: ignore[arg-type]


# --- the plan as a handout -------------------------------------------------------------------


def test_plan_handout_lists_every_session_and_section() -> None:
    sheet = reading_plan_handout(8)
    plan = reading_plan(8)
    assert sheet.title == "The Foundations of Leninism in 8 sessions" and sheet.paragraph_ids == ()
    table = [line for line in sheet.markdown.splitlines() if line.startswith("| ")][1:]
    assert len(table) == 8
    assert table[2] == "| 3 | III.3 – IV.1 | III.23 – IV.25 | 23–39 | 5285 | 27 |"
    for row in plan.itertuples():
        assert (
            f"## Session {row.session} · pp. {row.first_page}–{row.last_page} · {row.n_words} words"
            f" · about {row.minutes} minutes" in sheet.markdown
        )
    for label in LABELS:
        assert f"<li><b>{label}</b>" in sheet.html
    assert "<li><b>III.1</b> The importance of theory <span" in sheet.html
    assert "<li><b>III</b> Theory (opening, before section 1) <span" in sheet.html
    assert "@media print" in sheet.html and '<table class="ld-table">' in sheet.html


def test_plan_handout_escapes_its_title(tmp_path: Path) -> None:
    sheet = reading_plan_handout(6, title="Spring <script>x</script> & co", format="markdown")
    assert (
        "<script>" not in sheet.html
        and "Spring &lt;script&gt;x&lt;/script&gt; &amp; co" in sheet.html
    )
    assert sheet.markdown.startswith("# Spring \\<script\\>x\\</script\\> \\& co\n")
    assert sheet._repr_markdown_() == sheet.markdown
    assert sheet.save(tmp_path / "plan.md").read_text(encoding="utf-8") == sheet.markdown
    with pytest.raises(ValueError, match="between 1 and 34"):
        reading_plan_handout(0)
