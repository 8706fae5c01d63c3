"""The shipped stopword list: its content, its file format and how users change it."""

from __future__ import annotations

from collections import Counter
from importlib.resources import files
from pathlib import Path

import pytest
import regex

from leninism_data.corpus.stopwords import (
    STOPWORDS,
    STOPWORDS_FILE,
    load_stopwords,
    parse_stopwords,
)

# Words that carry the book's argument and must stay countable.
CONTENT_WORDS = [
    "party",
    "power",
    "class",
    "classes",
    "masses",
    "revolution",
    "revolutionary",
    "state",
    "people",
    "struggle",
    "proletariat",
    "proletarian",
    "bourgeoisie",
    "peasantry",
    "dictatorship",
    "imperialism",
    "lenin",
    "leninism",
    "tactics",
    "one",
    "first",
    "second",
    "new",
    "general",
    "work",
    "country",
    "done",
]
FUNCTION_WORDS = [
    "the",
    "a",
    "an",
    "of",
    "and",
    "to",
    "in",
    "is",
    "was",
    "were",
    "be",
    "been",
    "it",
    "its",
    "they",
    "their",
    "we",
    "our",
    "which",
    "that",
    "this",
    "these",
    "not",
    "but",
    "or",
    "if",
    "must",
    "can",
    "would",
    "with",
    "by",
    "from",
    "against",
    "upon",
    "however",
    "therefore",
    "thus",
    "indeed",
    "only",
    "such",
]


def listed_words() -> list[str]:
    """The entries of the shipped file as written, without comments and blank lines."""
    text = STOPWORDS_FILE.read_text(encoding="utf-8")
    return [w for w in (line.split("#", 1)[0].strip() for line in text.splitlines()) if w]


def test_stopwords_is_a_frozenset_of_lower_case_words() -> None:
    assert isinstance(STOPWORDS, frozenset)
    assert all(word == word.lower() and word.strip() == word and word for word in STOPWORDS)


@pytest.mark.parametrize("word", FUNCTION_WORDS)
def test_function_words_are_stopwords(word: str) -> None:
    assert word in STOPWORDS


@pytest.mark.parametrize("word", CONTENT_WORDS)
def test_content_words_of_the_book_are_not_stopwords(word: str) -> None:
    assert word not in STOPWORDS


def test_contractions_are_listed_with_both_apostrophes() -> None:
    for word in ("don’t", "it’s", "let’s", "one’s", "won’t", "n’t", "’s"):
        assert word in STOPWORDS
        assert word.replace("’", "'") in STOPWORDS
    with_apostrophe = {word for word in STOPWORDS if "’" in word or "'" in word}
    assert {word.replace("'", "’") for word in with_apostrophe} <= STOPWORDS
    assert {word.replace("’", "'") for word in with_apostrophe} <= STOPWORDS


def test_the_shipped_file_is_a_documented_list_of_single_words() -> None:
    assert files("leninism_data") / "data" / "stopwords_en.txt" == STOPWORDS_FILE
    text = STOPWORDS_FILE.read_text(encoding="utf-8")
    assert text.startswith("# English stopwords")
    assert "load_stopwords" in text  # the header says how to edit the list

    words = listed_words()
    assert len(words) == len(set(words)), "a word is listed twice"
    assert all(" " not in word and word == word.lower() for word in words)
    function_words = [word for word in words if "’" not in word]
    assert 170 <= len(function_words) <= 250
    assert parse_stopwords(text) == STOPWORDS


def test_stopwords_cover_the_most_frequent_words_of_the_book_but_not_its_themes() -> None:
    source = files("leninism_data") / "data" / "foundations_of_leninism.txt"
    words = regex.findall(r"[^\W_]+(?:[-’'][^\W_]+)*", source.read_text(encoding="utf-8"))
    counts = Counter(word.lower() for word in words)

    assert counts.most_common(1)[0][0] == "the"
    stopword_share = sum(n for word, n in counts.items() if word in STOPWORDS) / counts.total()
    assert 0.45 < stopword_share < 0.60
    content = [word for word, _ in counts.most_common() if word not in STOPWORDS]
    assert content[:3] == ["revolution", "proletariat", "party"]


def test_parse_stopwords_ignores_comments_and_blank_lines() -> None:
    text = "# a header\n\nThe\n  of  \nwon’t   # a contraction\n#only a comment\n"
    assert parse_stopwords(text) == {"the", "of", "won’t", "won't"}


def test_load_stopwords_adds_and_removes_words() -> None:
    custom = load_stopwords(extra=["Viz", "ibid"], remove=["we", "our", "don't"])

    assert {"viz", "ibid"} <= custom
    assert not {"we", "our", "don't", "don’t"} & custom
    assert custom - {"viz", "ibid"} == STOPWORDS - {"we", "our", "don't", "don’t"}
    assert "we" in STOPWORDS  # the shipped list is untouched


def test_load_stopwords_reads_an_edited_copy(tmp_path: Path) -> None:
    copy = tmp_path / "my_stopwords.txt"
    copy.write_text("# my own list\nthe\nviz  # Latin\nthey’re\n", encoding="utf-8")

    assert load_stopwords(copy) == {"the", "viz", "they’re", "they're"}
    assert load_stopwords(str(copy), remove=["the"]) == {"viz", "they’re", "they're"}
