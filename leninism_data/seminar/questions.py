"""The self-check question bank: written, reviewed questions on what the book argues and how.

The bank is package data (``leninism_data/data/questions.toml``), checked by sha256 when it
is read, like the book's text: a changed file is refused rather than silently trusted, since
every question's answer and feedback were reviewed against the paragraphs it cites.

Examples
--------
>>> import leninism_data as ld
>>> bank = ld.questions("IV")
>>> bank.loc[bank["question_id"] == "IV-05", "paragraph_ids"].item()
('IV.28', 'IV.29')
"""

from __future__ import annotations

import functools
import tomllib

import pandas as pd

from leninism_data.corpus.naming import ChapterLike, resolve_chapter
from leninism_data.corpus.source import SourceTextError, read_data_file

__all__ = ["COLUMNS", "KINDS", "QuestionBankError", "questions"]

QUESTIONS_FILENAME = "questions.toml"

#: What a question asks for, from reasoning about the text to recognising a source.
KINDS = ("argument", "definition", "method", "close-reading", "context", "attribution")
KIND_DTYPE = pd.CategoricalDtype(list(KINDS), ordered=True)

COLUMNS = (
    "question_id",
    "chapter",
    "kind",
    "prompt",
    "choices",
    "answer",
    "answer_index",
    "feedback",
    "paragraph_ids",
)


class QuestionBankError(RuntimeError):
    """The shipped question bank is missing or is not the reviewed file."""


def _read_bank() -> str:
    """The bank's TOML text, verified like every shipped data file (its sha256)."""
    try:
        return read_data_file(QUESTIONS_FILENAME)
    except SourceTextError as error:
        raise QuestionBankError(str(error)) from None


@functools.lru_cache(maxsize=1)
def _bank() -> pd.DataFrame:
    records = tomllib.loads(_read_bank())["question"]
    frame = pd.DataFrame(
        {
            "question_id": pd.array([q["id"] for q in records], dtype="str"),
            "chapter": pd.array([resolve_chapter(q["chapter"]) for q in records], dtype="int64"),
            "kind": pd.Categorical([q["kind"] for q in records], dtype=KIND_DTYPE),
            "prompt": pd.array([q["prompt"].strip() for q in records], dtype="str"),
            "choices": pd.Series([tuple(q["choices"]) for q in records], dtype=object),
            "answer": pd.array([q["choices"][q["answer"]] for q in records], dtype="str"),
            "answer_index": pd.array([q["answer"] for q in records], dtype="int64"),
            "feedback": pd.array([q["feedback"].strip() for q in records], dtype="str"),
            "paragraph_ids": pd.Series([tuple(q["paragraph_ids"]) for q in records], dtype=object),
        },
        columns=list(COLUMNS),
    )
    return frame.sort_values(["chapter", "question_id"], ignore_index=True)


def questions(chapter: ChapterLike | None = None) -> pd.DataFrame:
    """The written self-check questions, for the whole book or one chapter.

    Parameters
    ----------
    chapter : int or str, optional
        ``4``, ``"IV"`` or ``"Introduction"``; all chapters when omitted.

    Returns
    -------
    pandas.DataFrame
        One row per question, in chapter order (a fresh copy):

        ============== ==========================================================
        question_id    ``"IV-03"``: chapter prefix and number
        chapter        0 (Introduction) to 9
        kind           ordered categorical: argument, definition, method,
                       close-reading, context, attribution
        prompt         the question
        choices        tuple of the possible answers (three or four)
        answer         the text of the right choice
        answer_index   its 0-based position in ``choices``
        feedback       why it is right and the others wrong, citing paragraph ids
        paragraph_ids  tuple of the paragraphs the question is about
        ============== ==========================================================

    Raises
    ------
    ValueError
        If ``chapter`` names no chapter (the message lists the valid choices).
    QuestionBankError
        If the shipped bank is missing or altered.

    Examples
    --------
    >>> import leninism_data as ld
    >>> len(ld.questions()), len(ld.questions("Introduction"))
    (100, 10)
    >>> ld.questions(8)["kind"].value_counts(sort=False).head(4).to_dict()
    {'argument': 5, 'definition': 1, 'method': 2, 'close-reading': 2}
    """
    bank = _bank()
    if chapter is not None:
        bank = bank[bank["chapter"] == resolve_chapter(chapter)].reset_index(drop=True)
    return bank.copy()
