"""The written question bank: its shape, every answer and reference checked against the book."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import leninism_data as ld
from leninism_data.seminar import questions as bank_module

# A paragraph id as the bank writes it: "IV.27", "Intro.3" (ranges are two ids: "IV.15–IV.17").
ID_TOKEN = re.compile(r"\b(?:Intro|IX|VIII|VII|VI|IV|V|III|II|I)\.\d+\b")
TRIVIA_KINDS = {"attribution"}  # who is quoted / which source (no page-number kind exists)


@pytest.fixture(scope="module")
def bank() -> pd.DataFrame:
    return ld.questions()


@pytest.fixture(scope="module")
def paragraph_ids() -> set[str]:
    return set(ld.paragraphs()["paragraph_id"])


def test_columns_and_types_follow_the_contract(bank: pd.DataFrame) -> None:
    assert list(bank.columns) == list(bank_module.COLUMNS)
    assert bank["question_id"].is_unique
    assert bank["chapter"].dtype == "int64" and set(bank["chapter"]) == set(range(10))
    assert bank["kind"].cat.ordered
    assert list(bank["kind"].cat.categories) == list(bank_module.KINDS)
    assert all(
        isinstance(c, tuple) and all(isinstance(s, str) for s in c) for c in bank["choices"]
    )
    assert all(isinstance(p, tuple) and p for p in bank["paragraph_ids"])


def test_the_bank_is_large_enough_in_every_chapter(bank: pd.DataFrame) -> None:
    assert len(bank) >= 80
    assert bank.groupby("chapter").size().min() >= 8


def test_recall_trivia_is_at_most_one_in_ten(bank: pd.DataFrame) -> None:
    trivia = bank[bank["kind"].isin(TRIVIA_KINDS)]
    assert len(trivia) <= len(bank) / 10
    assert not bank["prompt"].str.contains(r"which (?:printed )?page", case=False).any()
    # the reviewers' rule: at most one "which source is quoted" question per chapter
    assert trivia.groupby("chapter").size().max() == 1


def test_answers_are_among_distinct_choices(bank: pd.DataFrame) -> None:
    for row in bank.itertuples():
        assert 3 <= len(row.choices) <= 4, row.question_id
        normalised = {choice.strip().casefold() for choice in row.choices}
        assert len(normalised) == len(row.choices), row.question_id
        assert row.choices[row.answer_index] == row.answer, row.question_id
    # the right answer is not always in the same place
    assert bank["answer_index"].nunique() >= 3


def test_every_paragraph_id_resolves(bank: pd.DataFrame, paragraph_ids: set[str]) -> None:
    unknown = {
        (row.question_id, field, token)
        for row in bank.itertuples()
        for field in ("prompt", "feedback")
        for token in ID_TOKEN.findall(getattr(row, field))
        if token not in paragraph_ids
    }
    unknown |= {
        (row.question_id, "paragraph_ids", pid)
        for row in bank.itertuples()
        for pid in row.paragraph_ids
        if pid not in paragraph_ids
    }
    assert not unknown


def test_every_feedback_cites_a_paragraph(bank: pd.DataFrame) -> None:
    for row in bank.itertuples():
        assert ID_TOKEN.search(row.feedback), row.question_id


def test_every_question_is_about_its_own_chapter(bank: pd.DataFrame) -> None:
    """Questions may draw on other chapters (II-08 sets II.24 beside III.19), but each is
    anchored in at least one paragraph of the chapter it belongs to."""
    chapter_of = ld.paragraphs().set_index("paragraph_id")["chapter"]
    for row in bank.itertuples():
        assert row.chapter in {chapter_of[pid] for pid in row.paragraph_ids}, row.question_id


def test_question_ids_name_their_chapter(bank: pd.DataFrame) -> None:
    prefixes = ("Intro", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX")
    for row in bank.itertuples():
        assert row.question_id == f"{prefixes[row.chapter]}-{row.question_id[-2:]}"


def test_real_questions_from_the_book(bank: pd.DataFrame) -> None:
    by_id = bank.set_index("question_id")
    state = by_id.loc["IV-05"]
    assert state["paragraph_ids"] == ("IV.28", "IV.29")
    assert state["answer"] == (
        "It is alike as a machine of suppression, but differs as the rule of the exploited "
        "majority over an exploiting minority."
    )
    # IV.28 really defines the state that way
    text = ld.paragraphs().set_index("paragraph_id").loc["IV.28", "text"]
    assert "a machine in the hands of the ruling class" in text
    # the attribution question on the Communist Manifesto is honest about Marx and Engels
    manifesto = by_id.loc["I-09"]
    assert manifesto["kind"] == "attribution"
    assert "Engels" in manifesto["answer"]


def test_quotation_share_feedback_matches_the_data(bank: pd.DataFrame) -> None:
    """IV-10 reports what the tables give for section IV.1, caveat included."""
    feedback = bank.set_index("question_id").loc["IV-10", "feedback"]
    paragraphs = ld.paragraphs()
    section = paragraphs[(paragraphs["chapter"] == 4) & (paragraphs["section"] == 1)]
    quoted = section.loc[section["kind"] == "quotation", "n_words"].sum()
    assert quoted / section["n_words"].sum() > 0.5  # "more than half of the words"
    # IV.15–IV.17 are quotation paragraphs that open with the author's own ordinals
    opening = section.set_index("paragraph_id").loc[["IV.15", "IV.16", "IV.17"]]
    assert set(opening["kind"]) == {"quotation"}
    assert [t.split(",")[0] for t in opening["text"]] == ["Firstly", "Secondly", "Thirdly"]
    words = ld.tokens().query("not in_citation")  # the n_words unit
    in_section = words[(words["chapter"] == 4) & (words["section"] == 1)]
    share = in_section["in_quotation"].mean()  # 659 of 1,247 words
    assert round(100 * share) == 53
    assert "the quoted words are 53% of the section" in feedback
    assert round(share / words["in_quotation"].mean()) == 3  # "about three times"
    assert "author's own 'Firstly', 'Secondly', 'Thirdly'" in feedback


@pytest.mark.parametrize("chapter", [4, "IV", "iv", "Chapter IV"])
def test_any_chapter_form_selects_the_same_questions(chapter) -> None:
    chosen = ld.questions(chapter)
    assert len(chosen) == 10 and set(chosen["chapter"]) == {4}
    assert chosen["question_id"].iloc[0] == "IV-01"


def test_introduction_by_name() -> None:
    assert ld.questions("Introduction")["question_id"].tolist()[:2] == ["Intro-01", "Intro-02"]


@pytest.mark.parametrize("bad", ["X", 10, "Chapter Ten"])
def test_an_unknown_chapter_lists_the_choices(bad) -> None:
    with pytest.raises(ValueError, match="choose one of 0–9, 'Introduction', 'I'"):
        ld.questions(bad)


def test_results_are_copies() -> None:
    first = ld.questions()
    first.loc[0, "prompt"] = "changed"
    assert ld.questions().loc[0, "prompt"] != "changed"


def test_an_altered_bank_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from leninism_data.corpus import source

    monkeypatch.setitem(source.DATA_SHA256, "questions.toml", "0" * 64)
    with pytest.raises(bank_module.QuestionBankError, match="has been altered: its sha256 is"):
        bank_module._read_bank()
