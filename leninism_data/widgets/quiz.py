"""Quiz: the written self-check questions, one at a time, with feedback, a score and progress."""

from __future__ import annotations

import functools
import os
import random
import re
from collections.abc import Mapping

import ipywidgets as widgets
import pandas as pd

import leninism_data as ld
from leninism_data.corpus.naming import ChapterLike
from leninism_data.seminar.questions import COLUMNS as QUESTION_COLUMNS
from leninism_data.widgets._base import (
    LABEL_STYLE,
    StudyWidget,
    repr_chapter,
    resolve_optional_chapter,
)
from leninism_data.widgets._html import escape, message, pages_label, plural, view

MAX_QUESTIONS = 50
LETTERS = "ABCDEFGH"
# A paragraph id as the questions write it ("IV.27", "Intro.3"), or a range of two.
_ID = r"\b(?:Intro|IX|VIII|VII|VI|IV|V|III|II|I)\.\d+\b"
_REFERENCE = re.compile(rf"({_ID})(?:–({_ID}))?")

Store = ld.ProgressStore | str | os.PathLike[str] | None


@functools.lru_cache(maxsize=1)
def _paragraph_pages() -> Mapping[str, tuple[int, int]]:
    paragraphs = ld.paragraphs()
    return {
        pid: (int(first), int(last))
        for pid, first, last in zip(
            paragraphs["paragraph_id"], paragraphs["page"], paragraphs["page_end"]
        )
    }


def readable_references(text: str) -> str:
    """``text`` as HTML, escaped, each paragraph id followed by its printed page.

    A reference keeps its id and gains the page (FLP Paris 2020), with the full
    reference of :func:`leninism_data.cite` as a tooltip; a range "IV.15–IV.17" is one
    reference.

    >>> print(readable_references("IV.27 & IV.15–IV.17").replace("</span>", "</span>\\n"))
    ... # doctest: +ELLIPSIS
    <span class="ld-cite" title="J. V. Stalin, ... ¶ IV.27, p. 40.">IV.27 (p. 40)</span>
     &amp; <span class="ld-cite" title="... ¶ IV.15, p. 37. (to IV.17)">IV.15–IV.17 (p. 37)</span>
    <BLANKLINE>
    """
    pages = _paragraph_pages()

    def reference(match: re.Match[str]) -> str:
        first, last = match[1], match[2] or match[1]
        if first not in pages or last not in pages:
            return escape(match[0])
        where = pages_label(pages[first][0], pages[last][1])
        title = ld.cite(first) if first == last else f"{ld.cite(first)} (to {last})"
        return f'<span class="ld-cite" title="{escape(title)}">{escape(match[0])} ({where})</span>'

    pieces, end = [], 0
    for match in _REFERENCE.finditer(text):
        pieces += [escape(text[end : match.start()]), reference(match)]
        end = match.end()
    return "".join(pieces + [escape(text[end:])])


def draw_questions(
    bank: pd.DataFrame, n_questions: int, rng: random.Random, *, mastered: set[str]
) -> pd.DataFrame:
    """``n_questions`` questions of ``bank``: those not yet answered right first.

    Within each group (not yet ``mastered``, then mastered) the order is random; the
    questions come back in the order drawn, at most all of ``bank``.

    >>> bank = ld.questions("IV")
    >>> drawn = draw_questions(bank, 3, random.Random(0), mastered=set(bank["question_id"][1:]))
    >>> drawn["question_id"].iloc[0], len(drawn)
    ('IV-01', 3)
    """
    ids = list(bank["question_id"])
    rng.shuffle(ids)
    ids.sort(key=lambda question_id: question_id in mastered)  # stable: keeps the shuffle
    return bank.set_index("question_id").loc[ids[:n_questions]].reset_index()


class Quiz(StudyWidget):
    """Written self-check questions, one at a time, with feedback, a score and progress.

    Questions come from :func:`leninism_data.questions` (what the text argues, how, and
    what its terms mean), questions not yet answered right coming first. Pick A, B, C or D
    and press Check: the feedback explains the answer, citing paragraphs with their
    printed pages. After the last question the score and your progress in the chapter
    are shown; "New questions" draws another set. Every answer is saved in a
    :class:`~leninism_data.ProgressStore`, so :func:`leninism_data.progress` shows,
    across sessions and kernel restarts, how far each chapter has been worked through.

    Parameters
    ----------
    chapter : int or str, optional
        Ask only about this chapter (``4``, ``"IV"``, ``"Introduction"``).
    n_questions : int, default 5
        Questions per set, 1 to 50 (a chapter has about ten: at most those are asked).
    seed : int, optional
        The same seed gives the same sets (given the same saved progress); by default
        each quiz is drawn afresh.
    store : ProgressStore, str or os.PathLike, optional
        Where answers are saved; default: the per-user store of ``ProgressStore()``.
        If it cannot be opened or written, the quiz still works and says so.

    Attributes
    ----------
    score, answered : int
        Questions of the current set answered right, and answered.
    result : pandas.DataFrame
        The current set: ``number``, ``question_id``, ``chapter``, ``kind``, ``prompt``,
        ``choices``, ``answer``, ``answer_index``, ``feedback``, ``paragraph_ids`` (as in
        :func:`leninism_data.questions`), then ``chosen_index`` (missing until answered),
        ``chosen`` (the chosen text) and ``correct``.

    Examples
    --------
    >>> quiz = Quiz("IV", n_questions=3, seed=0, store=":memory:")
    >>> quiz
    Quiz(chapter='IV', seed=0, 3 questions)
    >>> quiz.result["question_id"].tolist()
    ['IV-08', 'IV-09', 'IV-02']
    """

    def __init__(
        self,
        chapter: ChapterLike | None = None,
        n_questions: int = 5,
        seed: int | None = None,
        store: Store = None,
    ) -> None:
        self._chapter = resolve_optional_chapter(chapter)
        if (
            isinstance(n_questions, bool)
            or not isinstance(n_questions, int)
            or not 1 <= n_questions <= MAX_QUESTIONS
        ):
            raise ValueError(
                f"n_questions must be a whole number from 1 to {MAX_QUESTIONS}, "
                f"not {n_questions!r}."
            )
        self._n_questions, self._seed = n_questions, seed
        self._rng = random.Random(seed)
        self._bank = ld.questions(self._chapter)
        self._store, store_problem = _open_store(store)

        self._status = widgets.HTML()
        self._question = widgets.HTML()
        self._choices = widgets.RadioButtons(
            description="Answer", orientation="horizontal", style=LABEL_STYLE
        )
        self._check = widgets.Button(description="Check", button_style="primary")
        self._previous = widgets.Button(
            description="◀ Previous", layout=widgets.Layout(width="auto")
        )
        self._next = widgets.Button(description="Next ▶", layout=widgets.Layout(width="auto"))
        self._new = widgets.Button(
            description="New questions",
            tooltip="Draw another set, questions not yet answered right first",
            layout=widgets.Layout(width="auto"),
        )
        self._feedback = widgets.HTML()
        self._store_message = widgets.HTML(store_problem)
        super().__init__(
            [
                self._status,
                self._question,
                self._choices,
                widgets.HBox([self._check, self._previous, self._next, self._new]),
                self._feedback,
                self._store_message,
            ]
        )
        self._check.on_click(self._on_check_click)
        self._previous.on_click(self._on_previous_click)
        self._next.on_click(self._on_next_click)
        self._new.on_click(self._on_new_click)
        self._start_set()

    # -- state ----------------------------------------------------------------------

    @property
    def score(self) -> int:
        """Questions of the current set answered right."""
        return int(self._result["correct"].sum())

    @property
    def answered(self) -> int:
        """Questions of the current set answered."""
        return int(self._result["chosen_index"].notna().sum())

    def _repr_fields(self) -> list[str]:
        seed = [] if self._seed is None else [f"seed={self._seed}"]
        return repr_chapter(self._chapter) + seed + [plural(len(self._result), "question")]

    def _mastered(self) -> set[str]:
        """Questions answered right in the store (or, without a store, in this quiz)."""
        answers = self._answers()
        if answers is None:
            answers = getattr(self, "_result", pd.DataFrame({"question_id": [], "correct": []}))
            answers = answers.assign(correct=answers["correct"].fillna(False).astype(bool))
        return set(answers.loc[answers["correct"], "question_id"])

    def _answers(self) -> pd.DataFrame | None:
        if self._store is None:
            return None
        try:
            return self._store.answers()
        except ld.ProgressError as error:
            self._lose_store(error)
            return None

    def _start_set(self) -> None:
        drawn = draw_questions(self._bank, self._n_questions, self._rng, mastered=self._mastered())
        n = len(drawn)
        self._result = drawn.assign(
            number=range(1, n + 1),
            chosen_index=pd.array([None] * n, dtype="Int64"),
            chosen=pd.Series([None] * n, dtype=object),
            correct=pd.array([None] * n, dtype="boolean"),
        )[
            [
                "number",
                *QUESTION_COLUMNS,
                "chosen_index",
                "chosen",
                "correct",
            ]
        ]
        self._current = 0
        self._render()

    def _lose_store(self, error: Exception) -> None:
        self._store = None
        self._store_message.value = view(
            message(f"Your answers are not being saved: {error}", "warning")
        )

    # -- events ---------------------------------------------------------------------

    def _on_check_click(self, _button: widgets.Button) -> None:
        row = self._result.iloc[self._current]
        if pd.notna(row["chosen_index"]):
            return
        if self._choices.value is None:
            self._feedback.value = view(message("Choose an answer first.", "warning"))
            return
        chosen = LETTERS.index(self._choices.value)
        position = self._result.index[self._current]
        self._result.loc[position, "chosen_index"] = chosen
        self._result.at[position, "chosen"] = row["choices"][chosen]
        self._result.loc[position, "correct"] = chosen == row["answer_index"]
        if self._store is not None:
            try:
                self._store.record(row["question_id"], chosen)
            except ld.ProgressError as error:
                self._lose_store(error)
        self._render()

    def _on_previous_click(self, _button: widgets.Button) -> None:
        self._turn(-1)

    def _on_next_click(self, _button: widgets.Button) -> None:
        self._turn(+1)

    def _on_new_click(self, _button: widgets.Button) -> None:
        self._start_set()

    def _turn(self, step: int) -> None:
        self._current = min(max(self._current + step, 0), len(self._result) - 1)
        self._render()

    # -- view -----------------------------------------------------------------------

    def _render(self) -> None:
        row = self._result.iloc[self._current]
        answered = pd.notna(row["chosen_index"])
        self._status.value = view(
            f"<b>Question {self._current + 1} of {len(self._result)}</b> "
            f'<span class="ld-muted">({escape(row["question_id"])}, {escape(row["kind"])})</span>'
            f" · score {self.score} of {self.answered} answered"
        )
        choices = "".join(
            f"<li><b>{LETTERS[i]}.</b> {escape(choice)}</li>"
            for i, choice in enumerate(row["choices"])
        )
        self._question.value = view(
            f'<div class="ld-heading">{readable_references(row["prompt"])}</div>',
            f'<ul style="list-style:none;padding-left:0">{choices}</ul>',
        )
        with self._quietly():
            self._choices.options = list(LETTERS[: len(row["choices"])])
            self._choices.value = LETTERS[row["chosen_index"]] if answered else None
        self._choices.disabled = self._check.disabled = answered
        self._previous.disabled = self._current == 0
        self._next.disabled = self._current == len(self._result) - 1
        self._feedback.value = view(*self._feedback_parts(row)) if answered else ""

    def _feedback_parts(self, row: pd.Series) -> list[str]:
        right = f"{LETTERS[row['answer_index']]}. {row['answer']}"
        verdict = "✓ Right." if row["correct"] else f"✗ Not quite: the answer is {right}"
        parts = [
            f'<div class="ld-message{"" if row["correct"] else " ld-warning"}">'
            f"{escape(verdict)}<br>{readable_references(row['feedback'])}</div>"
        ]
        if self.answered == len(self._result):
            parts.append(self._summary())
        return parts

    def _summary(self) -> str:
        """The score of the set, and progress in its chapters from the store."""
        lines = [
            f"<b>You answered {self.score} of {len(self._result)} right.</b> "
            "Press “New questions” for another set."
        ]
        if self._store is not None:
            try:
                so_far = ld.progress(self._store)
            except ld.ProgressError as error:
                self._lose_store(error)
            else:
                chapters = sorted(set(self._result["chapter"]))
                so_far = so_far[so_far["chapter"].isin(chapters)]
                right, total = so_far["answered_right"].sum(), so_far["n_questions"].sum()
                where = "this chapter" if len(chapters) == 1 else f"these {len(chapters)} chapters"
                lines.append(
                    f"So far you have answered {right} of the {total} questions on {where} "
                    "right at least once (see <code>ld.progress()</code>)."
                )
        return f'<div class="ld-message">{"<br>".join(lines)}</div>'


def _open_store(store: Store) -> tuple[ld.ProgressStore | None, str]:
    """The store to record into, or None and a warning to show instead of a traceback."""
    if isinstance(store, ld.ProgressStore):
        if store.closed:
            problem = f"the progress store {store.path} is closed; open a new ProgressStore."
            return None, view(message(f"Your answers are not being saved: {problem}", "warning"))
        return store, ""
    try:
        return ld.ProgressStore(store), ""
    except ld.ProgressError as error:
        return None, view(message(f"Your answers are not being saved: {error}", "warning"))
