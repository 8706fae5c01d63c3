"""Quiz: self-check questions made from the book, with immediate feedback and a score."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass

import ipywidgets as widgets
import pandas as pd

import leninism_data as ld
from leninism_data.corpus.arguments import check_options
from leninism_data.corpus.naming import ChapterLike, chapter_label
from leninism_data.widgets._base import (
    LABEL_STYLE,
    StudyWidget,
    has_sections,
    repr_chapter,
    resolve_optional_chapter,
    section_options,
)
from leninism_data.widgets._html import escape, message, plural, view

SPEAKERS = ("Lenin", "Marx", "Engels", "Marx and Engels")
N_CHOICES = 4
PASSAGE_WORDS = (40, 180)  # passages long enough to recognise, short enough to read
MAX_QUOTATION_WORDS = 150
N_KEYWORDS = 5


@dataclass(frozen=True)
class Question:
    """One multiple-choice question, with the answer and where it comes from."""

    kind: str
    prompt: str
    passage: str
    paragraph_id: str | None
    choices: tuple[str, ...]
    answer: str
    explanation: str


def make_questions(chapter: ChapterLike | None, n_questions: int, seed: int) -> list[Question]:
    """Questions drawn from the book (or one chapter): the same ``seed``, the same questions.

    Kinds, in turn: which chapter (or, within a chapter, which section) a passage is
    from; who is quoted in a block quotation (one that does not name its author); which
    term is most distinctive of a chapter (log-likelihood keyness against the rest of the
    book); on which printed page a paragraph begins.

    Examples
    --------
    >>> [q.kind for q in make_questions(None, 5, seed=0)]
    ['chapter', 'speaker', 'keyword', 'page', 'chapter']
    >>> make_questions(None, 5, seed=0) == make_questions(None, 5, seed=0)
    True
    """
    check_options(n_questions=n_questions)
    maker = _QuestionMaker(resolve_optional_chapter(chapter), random.Random(seed))
    kinds = maker.kinds()
    return [maker.make(kinds[number % len(kinds)]) for number in range(n_questions)]


class _QuestionMaker:
    """Draws questions of each kind without repeating a passage or a chapter."""

    def __init__(self, chapter: int | None, rng: random.Random) -> None:
        self.chapter, self.rng = chapter, rng
        self.chapters = ld.chapters().set_index("chapter")
        paragraphs = ld.paragraphs()
        low, high = PASSAGE_WORDS
        passages = paragraphs[
            (paragraphs["kind"] == "prose") & paragraphs["n_words"].between(low, high)
        ]
        quotations = ld.quotations()
        quotations = quotations[
            ~quotations["text"].str.contains("|".join(SPEAKERS))
            & (quotations["n_words"] <= MAX_QUOTATION_WORDS)
        ]
        if chapter is not None:
            passages = passages[passages["chapter"] == chapter]
            quotations = quotations[quotations["chapter"] == chapter]
        self.passages, self.quotations = passages, quotations
        self.used: set[object] = set()
        self.keyword_counts: Counter[int] = Counter()
        self.top_terms: dict[int, str] = {}

    def kinds(self) -> list[str]:
        first = "chapter"
        if self.chapter is not None:
            first = "section" if has_sections(self.chapter) else "page"
        kinds = [first]
        if not self.quotations.empty:
            kinds.append("speaker")
        return kinds + ["keyword", "page"]

    def make(self, kind: str) -> Question:
        return getattr(self, f"_{kind}_question")()

    def _fresh(self, frame: pd.DataFrame, key: str) -> pd.Series:
        """A random row not used before (or any row, once all have been used)."""
        unused = frame[~frame[key].isin(self.used)]
        row = (
            (unused if len(unused) else frame)
            .sample(1, random_state=self.rng.randrange(2**32))
            .iloc[0]
        )
        self.used.add(row[key])
        return row

    def _chapter_name(self, chapter: int) -> str:
        """A chapter as an answer: "IV · The Dictatorship of the Proletariat"."""
        title = self.chapters.loc[chapter, "title"]
        return title if chapter == 0 else f"{chapter_label(chapter)} · {title}"

    def _chapter_phrase(self, chapter: int) -> str:
        """A chapter in a sentence: "Chapter IV “The Dictatorship of the Proletariat”"."""
        if chapter == 0:
            return "the Introduction"
        return f"Chapter {chapter_label(chapter)} “{self.chapters.loc[chapter, 'title']}”"

    def _chapter_question(self) -> Question:
        row = self._fresh(self.passages, "paragraph_id")
        others = self.rng.sample(
            [c for c in self.chapters.index if c != row["chapter"]], N_CHOICES - 1
        )
        choices = tuple(self._chapter_name(c) for c in sorted([row["chapter"], *others]))
        return Question(
            "chapter",
            "Which chapter is this passage from?",
            row["text"],
            row["paragraph_id"],
            choices,
            self._chapter_name(row["chapter"]),
            ld.cite(row["paragraph_id"]),
        )

    def _section_question(self) -> Question:
        numbered = self.passages[self.passages["section"] > 0]
        row = self._fresh(numbered, "paragraph_id")
        by_number = {
            number: label  # the numbered sections: not "whole chapter", not 0
            for label, number in section_options(self.chapter, "")[2:]
        }
        others = self.rng.sample(
            [s for s in by_number if s != row["section"]], min(N_CHOICES - 1, len(by_number) - 1)
        )
        choices = tuple(by_number[s] for s in sorted([row["section"], *others]))
        return Question(
            "section",
            f"Which section of Chapter {chapter_label(self.chapter)} is this passage from?",
            row["text"],
            row["paragraph_id"],
            choices,
            by_number[row["section"]],
            ld.cite(row["paragraph_id"]),
        )

    def _speaker_question(self) -> Question:
        row = self._fresh(self.quotations, "quotation_id")
        first_paragraph = row["paragraph_ids"][0]
        return Question(
            "speaker",
            "Who is quoted here?",
            row["text"],
            first_paragraph,
            SPEAKERS,
            row["speaker"],
            ld.cite(first_paragraph),
        )

    def _keyword_question(self) -> Question:
        if self.chapter is not None:
            chapter = self.chapter
        else:
            not_asked = [c for c in self.chapters.index if not self.keyword_counts[c]]
            chapter = self.rng.choice(not_asked or list(self.chapters.index))
        rank = min(self.keyword_counts[chapter], N_KEYWORDS - 1)
        self.keyword_counts[chapter] += 1
        keyness = ld.keyness(chapter)
        top = keyness.iloc[rank]
        if not self.top_terms:
            self.top_terms.update({c: ld.keyness(c)["term"].iloc[0] for c in self.chapters.index})
        pool = sorted(
            {term for c, term in self.top_terms.items() if c != chapter}
            - set(keyness["term"].head(20))
        )
        choices = tuple(sorted([top["term"], *self.rng.sample(pool, N_CHOICES - 1)]))
        name = self._chapter_phrase(chapter)
        prompt = (
            f"Which term is most distinctive of {name}?"
            if rank == 0
            else f"Which of these terms is among the {N_KEYWORDS} most distinctive of {name}?"
        )
        explanation = (
            f"“{top['term']}” occurs {top['freq_target']} times in {name} "
            f"({top['per_10k_target']:.1f} per 10,000 words, against "
            f"{top['per_10k_reference']:.1f} in the rest of the book; "
            f"G² = {top['g2']:.1f})."
        )
        return Question(
            "keyword",
            prompt + " (keyness against the rest of the book)",
            "",
            None,
            choices,
            top["term"],
            explanation,
        )

    def _page_question(self) -> Question:
        row = self._fresh(self.passages, "paragraph_id")
        chapter = self.chapters.loc[row["chapter"]]
        pages = [
            p for p in range(chapter["first_page"], chapter["last_page"] + 1) if p != row["page"]
        ]
        others = self.rng.sample(pages, min(N_CHOICES - 1, len(pages)))
        choices = tuple(str(p) for p in sorted([row["page"], *others]))
        return Question(
            "page",
            f"On which printed page does ¶ {row['paragraph_id']} begin?",
            row["text"],
            row["paragraph_id"],
            choices,
            str(row["page"]),
            ld.cite(row["paragraph_id"]),
        )


class Quiz(StudyWidget):
    """Self-check questions from the book, with immediate feedback and a running score.

    Questions are made from the data (which chapter or section a passage is from, who is
    quoted, the most distinctive term of a chapter, the page of a paragraph) with a seeded
    random generator, so a notebook shows the same questions on every run. Pick an answer
    and press Check; feedback and the score appear at once (pure Python, no JavaScript).
    An answer, once checked, is final.

    Parameters
    ----------
    chapter : int or str, optional
        Ask only about this chapter.
    n_questions : int, default 5
    seed : int, default 0
        Another seed gives other questions.

    Attributes
    ----------
    score : int
        Questions answered correctly.
    answered : int
        Questions answered.
    result : pandas.DataFrame
        One row per question: ``number``, ``kind``, ``question``, ``paragraph_id``,
        ``choices``, ``chosen`` (None until answered), ``answer`` and ``correct``
        (missing until answered).

    Examples
    --------
    >>> quiz = Quiz(seed=0)
    >>> quiz
    Quiz(seed=0, 5 questions)
    >>> quiz.result.loc[0, "question"]
    'Which chapter is this passage from?'
    """

    def __init__(
        self, chapter: ChapterLike | None = None, *, n_questions: int = 5, seed: int = 0
    ) -> None:
        self._chapter = resolve_optional_chapter(chapter)
        if n_questions < 1:
            raise ValueError(f"n_questions must be at least 1, not {n_questions}.")
        self._seed = seed
        self._questions = make_questions(chapter, n_questions, seed)
        self._chosen: list[str | None] = [None] * n_questions
        self._current = 0
        self._progress = widgets.HTML()
        self._question = widgets.HTML(layout=widgets.Layout(max_height="24em", overflow="auto"))
        self._choices = widgets.RadioButtons(
            description="Answer", style=LABEL_STYLE, layout=widgets.Layout(width="auto")
        )
        self._check = widgets.Button(description="Check", button_style="primary")
        self._feedback = widgets.HTML()
        self._previous = widgets.Button(
            description="◀ Previous", layout=widgets.Layout(width="auto")
        )
        self._next = widgets.Button(description="Next ▶", layout=widgets.Layout(width="auto"))
        super().__init__(
            [
                self._progress,
                self._question,
                self._choices,
                widgets.HBox([self._check, self._previous, self._next]),
                self._feedback,
            ]
        )
        self._check.on_click(self._on_check_click)
        self._previous.on_click(self._on_previous_click)
        self._next.on_click(self._on_next_click)
        self._update_result()
        self._render()

    @property
    def score(self) -> int:
        """How many questions were answered correctly."""
        return sum(
            chosen == question.answer for chosen, question in zip(self._chosen, self._questions)
        )

    @property
    def answered(self) -> int:
        """How many questions were answered."""
        return sum(chosen is not None for chosen in self._chosen)

    def _repr_fields(self) -> list[str]:
        return repr_chapter(self._chapter) + [
            f"seed={self._seed}",
            plural(len(self._questions), "question"),
        ]

    def _on_check_click(self, _button: widgets.Button) -> None:
        if self._chosen[self._current] is not None:
            return
        if self._choices.value is None:
            self._feedback.value = view(message("Choose an answer first.", "warning"))
            return
        self._chosen[self._current] = self._choices.value
        self._update_result()
        self._render()

    def _on_previous_click(self, _button: widgets.Button) -> None:
        self._turn(-1)

    def _on_next_click(self, _button: widgets.Button) -> None:
        self._turn(+1)

    def _turn(self, step: int) -> None:
        self._current = min(max(self._current + step, 0), len(self._questions) - 1)
        self._render()

    def _update_result(self) -> None:
        self._result = pd.DataFrame(
            {
                "number": range(1, len(self._questions) + 1),
                "kind": [q.kind for q in self._questions],
                "question": [q.prompt for q in self._questions],
                "paragraph_id": [q.paragraph_id for q in self._questions],
                "choices": [q.choices for q in self._questions],
                "chosen": pd.Series(self._chosen, dtype=object),
                "answer": [q.answer for q in self._questions],
                "correct": pd.array(
                    [
                        None if chosen is None else chosen == q.answer
                        for chosen, q in zip(self._chosen, self._questions)
                    ],
                    dtype="boolean",
                ),
            }
        )

    def _render(self) -> None:
        question, chosen = self._questions[self._current], self._chosen[self._current]
        self._progress.value = view(
            f"<b>Question {self._current + 1} of {len(self._questions)}</b> · score "
            f"{self.score} of {self.answered} answered"
        )
        passage = f'<div class="ld-body">{escape(question.passage)}</div>'
        if question.kind == "speaker":
            passage = f'<div class="ld-quotation">{passage}</div>'
        elif not question.passage:
            passage = ""
        self._question.value = view(
            f'<div class="ld-heading">{escape(question.prompt)}</div>', passage
        )
        with self._quietly():
            self._choices.options = question.choices
            self._choices.value = chosen
        self._choices.disabled = self._check.disabled = chosen is not None
        self._previous.disabled = self._current == 0
        self._next.disabled = self._current == len(self._questions) - 1
        if chosen is None:
            self._feedback.value = ""
        elif chosen == question.answer:
            self._feedback.value = view(message(f"✓ Correct. {question.explanation}"))
        else:
            self._feedback.value = view(
                message(
                    f"✗ Not quite: the answer is “{question.answer}”. {question.explanation}",
                    "warning",
                )
            )
