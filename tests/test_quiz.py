"""The Quiz widget and the progress store: written questions, feedback, score, saved answers.

Headless: ipywidgets runs callbacks synchronously, so after ``Button.click()`` the HTML and
``.result`` are up to date. Persistence is checked from a new Python process.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path

import ipywidgets as widgets
import pandas as pd
import pytest

import leninism_data as ld
from leninism_data.widgets import Quiz
from leninism_data.widgets.quiz import readable_references

IV_05_RIGHT = (
    "It is alike as a machine of suppression, but differs as the rule of the exploited "
    "majority over an exploiting minority."
)


def descendants(widget: widgets.Widget) -> list[widgets.Widget]:
    found = [widget]
    for child in getattr(widget, "children", ()):
        found += descendants(child)
    return found


def rendered(widget: widgets.Widget) -> str:
    return "\n".join(w.value for w in descendants(widget) if isinstance(w, widgets.HTML))


def control(widget: widgets.Widget, description: str) -> widgets.Widget:
    matches = [
        w
        for w in descendants(widget)
        if isinstance(w, (widgets.Button, widgets.RadioButtons)) and w.description == description
    ]
    assert len(matches) == 1, description
    return matches[0]


def go_to(quiz: Quiz, question_id: str) -> None:
    """Turn the quiz to the question ``question_id`` of its current set."""
    position = quiz.result["question_id"].tolist().index(question_id)
    while f"Question {position + 1} of" not in rendered(quiz):
        control(quiz, "Next ▶").click()


def answer(quiz: Quiz, choice: int) -> None:
    control(quiz, "Answer").value = "ABCD"[choice]
    control(quiz, "Check").click()


@pytest.fixture
def store() -> ld.ProgressStore:
    with ld.ProgressStore(":memory:") as opened:
        yield opened


# --------------------------------------------------------------------------- the quiz


def test_a_set_is_drawn_from_the_written_bank(store: ld.ProgressStore) -> None:
    quiz = Quiz("IV", n_questions=3, seed=0, store=store)
    assert repr(quiz) == "Quiz(chapter='IV', seed=0, 3 questions)"
    result = quiz.result
    assert list(result.columns) == [
        "number",
        "question_id",
        "chapter",
        "kind",
        "prompt",
        "choices",
        "answer",
        "answer_index",
        "feedback",
        "paragraph_ids",
        "chosen_index",
        "chosen",
        "correct",
    ]
    bank = ld.questions("IV").set_index("question_id")
    for row in result.itertuples():
        assert row.chapter == 4 and row.prompt == bank.loc[row.question_id, "prompt"]
        assert row.choices[row.answer_index] == row.answer
    assert result["chosen_index"].isna().all() and result["correct"].isna().all()
    # the same seed, the same set; no seed gives a fresh set and leaves it out of the repr
    same = Quiz("IV", n_questions=3, seed=0, store=":memory:").result["question_id"]
    assert same.tolist() == result["question_id"].tolist()
    assert repr(Quiz(n_questions=2, store=store)) == "Quiz(2 questions)"


def test_a_chapter_offers_at_most_its_questions(store: ld.ProgressStore) -> None:
    quiz = Quiz("Introduction", n_questions=50, seed=1, store=store)
    assert sorted(quiz.result["question_id"]) == [f"Intro-{n:02d}" for n in range(1, 11)]
    assert len(Quiz(n_questions=50, seed=1, store=store).result) == 50


def test_the_question_and_its_choices_are_shown(store: ld.ProgressStore) -> None:
    quiz = Quiz("IV", n_questions=10, seed=0, store=store)
    go_to(quiz, "IV-05")
    html = rendered(quiz)
    assert "(IV-05, definition)" in html
    # the prompt's paragraph id carries its printed page; the choices are lettered
    assert '">IV.28 (p. 40)</span> defines the state as' in html
    assert f"<li><b>B.</b> {IV_05_RIGHT}</li>" in html
    assert control(quiz, "Answer").options == ("A", "B", "C", "D")


def test_feedback_follows_each_answer_and_the_score_ends_the_set(
    store: ld.ProgressStore,
) -> None:
    quiz = Quiz("IV", n_questions=2, seed=3, store=store)
    first, second = quiz.result.itertuples()
    control(quiz, "Check").click()
    assert "Choose an answer first." in rendered(quiz) and quiz.answered == 0
    answer(quiz, first.answer_index)
    html = rendered(quiz)
    assert "✓ Right." in html and control(quiz, "Answer").disabled
    assert (quiz.score, quiz.answered) == (1, 1)
    assert "You answered" not in html  # the set is not over yet
    control(quiz, "Next ▶").click()
    wrong = (second.answer_index + 1) % len(second.choices)
    answer(quiz, wrong)
    html = rendered(quiz)
    letter = "ABCD"[second.answer_index]
    assert f"✗ Not quite: the answer is {letter}. {second.answer}" in html
    assert "You answered 1 of 2 right." in html
    assert "So far you have answered 1 of the 10 questions on this chapter right" in html
    result = quiz.result
    assert result["chosen_index"].tolist() == [first.answer_index, wrong]
    assert result["chosen"].tolist() == [first.answer, second.choices[wrong]]
    assert result["correct"].tolist() == [True, False]
    # an answer, once checked, is final
    control(quiz, "◀ Previous").click()
    assert control(quiz, "Answer").value == "ABCD"[first.answer_index]
    control(quiz, "Check").click()
    assert (quiz.score, quiz.answered) == (1, 2)


def test_feedback_of_a_real_question(store: ld.ProgressStore) -> None:
    quiz = Quiz("IV", n_questions=10, seed=0, store=store)
    go_to(quiz, "IV-05")
    answer(quiz, 0)
    html = rendered(quiz)
    assert f"✗ Not quite: the answer is B. {IV_05_RIGHT}" in html
    # the feedback is escaped text, its paragraph ids readable references with the page
    assert ">IV.28 (p. 40)</span> says that &#x27;in this respect&#x27;" in html
    assert (
        'title="J. V. Stalin, The Foundations of Leninism (1924), Foreign Languages Press' in html
    )


def test_every_answer_is_recorded(store: ld.ProgressStore) -> None:
    quiz = Quiz("IV", n_questions=10, seed=0, store=store)
    before = datetime.now(UTC)
    go_to(quiz, "IV-05")
    answer(quiz, 0)
    answers = store.answers()
    assert answers[["question_id", "chapter", "chosen", "correct"]].values.tolist() == [
        ["IV-05", 4, 0, False]
    ]
    assert before <= answers.loc[0, "answered_at"] <= datetime.now(UTC)


def test_new_questions_come_before_those_already_answered_right(store: ld.ProgressStore) -> None:
    quiz = Quiz("IX", n_questions=5, seed=2, store=store)
    first_set = quiz.result
    for number, row in enumerate(first_set.itertuples()):
        answer(quiz, row.answer_index)
        if number < len(first_set) - 1:
            control(quiz, "Next ▶").click()
    control(quiz, "New questions").click()
    second_set = quiz.result
    assert not set(first_set["question_id"]) & set(second_set["question_id"])
    assert second_set["chosen_index"].isna().all() and quiz.answered == 0
    assert "Question 1 of 5" in rendered(quiz)


def test_a_wrong_answer_brings_the_question_back(store: ld.ProgressStore) -> None:
    """All ten of a chapter answered, one of them wrongly: the next set starts with it."""
    quiz = Quiz("VII", n_questions=10, seed=5, store=store)
    missed = quiz.result.loc[3, "question_id"]
    for row in quiz.result.itertuples():
        wrong = (row.answer_index + 1) % len(row.choices)
        answer(quiz, wrong if row.question_id == missed else row.answer_index)
        control(quiz, "Next ▶").click()
    control(quiz, "New questions").click()
    assert quiz.result.loc[0, "question_id"] == missed


@pytest.mark.parametrize("bad", [0, 51, 2.5, True, "5"])
def test_n_questions_is_checked(bad) -> None:
    with pytest.raises(ValueError, match="n_questions must be a whole number from 1 to 50"):
        Quiz(n_questions=bad, store=":memory:")


def test_an_unknown_chapter_names_the_choices() -> None:
    with pytest.raises(ValueError, match="choose one of 0–9, 'Introduction'"):
        Quiz("X", store=":memory:")


def test_a_closed_store_is_a_message_not_a_traceback() -> None:
    store = ld.ProgressStore(":memory:")
    store.close()
    quiz = Quiz("V", n_questions=1, seed=0, store=store)
    assert "Your answers are not being saved" in rendered(quiz)
    answer(quiz, 0)
    assert "You answered" in rendered(quiz)


def test_a_store_closed_during_the_quiz_is_a_message(store: ld.ProgressStore) -> None:
    quiz = Quiz("V", n_questions=2, seed=0, store=store)
    store.close()
    answer(quiz, 0)
    html = rendered(quiz)
    assert "Your answers are not being saved: the progress store :memory: is closed" in html
    assert quiz.answered == 1


def test_an_unusable_file_is_a_message(tmp_path: Path) -> None:
    not_a_database = tmp_path / "progress.sqlite3"
    not_a_database.write_text("my seminar notes", encoding="utf-8")
    quiz = Quiz("V", n_questions=1, seed=0, store=not_a_database)
    assert "Your answers are not being saved: cannot open the progress store" in rendered(quiz)


# --------------------------------------------------------------------------- the store


def test_readable_references_escape_the_text() -> None:
    html = readable_references("<script>alert(1)</script> IV.27")
    assert html.startswith("&lt;script&gt;alert(1)&lt;/script&gt; <span")
    assert html.endswith(">IV.27 (p. 40)</span>")
    assert readable_references("IX.99 & VII.3").startswith("IX.99 &amp; <span")


def test_progress_per_chapter(store: ld.ProgressStore) -> None:
    morning = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    evening = datetime(2026, 3, 2, 21, 0, tzinfo=UTC)
    assert store.record("IV-05", 0, when=morning) is False
    assert store.record("IV-05", 1, when=evening) is True
    wrong = (ld.questions("IV").set_index("question_id").loc["IV-01", "answer_index"] + 1) % 4
    assert store.record("IV-01", int(wrong), when=morning) is False
    assert store.record("Intro-04", 3, when=morning) is True
    table = ld.progress(store)
    assert table["chapter"].tolist() == list(range(10))
    assert table["n_questions"].tolist() == [10] * 10
    assert table.loc[4, ["answered", "answered_right"]].tolist() == [2, 1]
    assert table.loc[4, "last_answered"] == pd.Timestamp(evening)
    assert table.loc[0, ["answered", "answered_right"]].tolist() == [1, 1]
    assert (
        table.loc[[1, 2, 3], "answered"].sum() == 0
        and table.loc[1:3, "last_answered"].isna().all()
    )


def test_bad_answers_are_refused(store: ld.ProgressStore) -> None:
    with pytest.raises(ValueError, match="'IV-99' is not a question of the bank"):
        store.record("IV-99", 0)
    with pytest.raises(ValueError, match="question IV-05 has choices 0 to 3, not 4"):
        store.record("IV-05", 4)
    assert store.answers().empty


def test_the_file_is_private_and_answers_outlive_the_process(tmp_path: Path) -> None:
    path = tmp_path / "new-folder" / "progress.sqlite3"
    with ld.ProgressStore(path) as store:
        quiz = Quiz("VIII", n_questions=10, seed=0, store=store)
        go_to(quiz, "VIII-09")
        answer(quiz, int(quiz.result.set_index("question_id").loc["VIII-09", "answer_index"]))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    script = (
        "import json, sys, leninism_data as ld\n"
        "table = ld.progress(sys.argv[1])\n"
        "print(json.dumps(table.loc[8, ['answered', 'answered_right']].astype(int).tolist()))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [1, 1]


def test_the_default_store_is_beside_the_notes_or_where_the_environment_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from leninism_data.seminar.notes import default_notes_path
    from leninism_data.seminar.progress import default_progress_path

    monkeypatch.delenv("LENINISM_STUDY_PROGRESS", raising=False)
    monkeypatch.delenv("LENINISM_STUDY_NOTES", raising=False)
    assert default_progress_path().parent == default_notes_path().parent
    monkeypatch.setenv("LENINISM_STUDY_PROGRESS", str(tmp_path / "mine.sqlite3"))
    with ld.ProgressStore() as store:
        store.record("I-01", 0)
    assert ld.progress().loc[1, "answered"] == 1


def test_a_store_is_usable_from_another_thread(tmp_path: Path) -> None:
    with ld.ProgressStore(tmp_path / "progress.sqlite3") as store:
        errors: list[BaseException] = []

        def record() -> None:
            try:
                store.record("II-02", 1)
            except BaseException as error:  # pragma: no cover - reported below
                errors.append(error)

        workers = [threading.Thread(target=record) for _ in range(4)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        assert not errors
        assert len(store.answers()) == 4


def test_a_foreign_database_is_left_alone(tmp_path: Path) -> None:
    foreign = tmp_path / "other.sqlite3"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE songs (title TEXT)")
    connection.close()
    with pytest.raises(ld.ProgressError, match="SQLite file of another program"):
        ld.ProgressStore(foreign)
    with pytest.raises(ld.ProgressError, match="is closed; open a new ProgressStore"):
        store = ld.ProgressStore(":memory:")
        store.close()
        store.answers()
