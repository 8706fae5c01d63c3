"""Queries as readers type them: wildcards, whole words, errors and runaway patterns."""

from __future__ import annotations

import pytest

from leninism_data.analysis.query import (
    EMPTY_QUERY_MESSAGE,
    QueryError,
    QueryTimeout,
    compile_query,
    match_spans,
    wildcard_to_regex,
)

# Sentences in the book's own typography (’ for apostrophes, hyphenated compounds).
LENIN = "Lenin’s world outlook and the foundations of Leninism; Lenin was a Marxist."
PROLETARIANS = "the pro-letarians’ preparation, the proletarian revolution, the proletariat"


def found(query: str, text: str, **options: bool) -> list[str]:
    """The matched texts of ``query`` in ``text``."""
    return [text[a:b] for a, b in match_spans(compile_query(query, **options), text)]


# --- plain queries -----------------------------------------------------------


def test_star_matches_any_ending() -> None:
    assert found("proletar*", PROLETARIANS) == ["proletarian", "proletariat"]
    assert found("*ism", "Leninism and Marxism, not ism") == ["Leninism", "Marxism", "ism"]


def test_question_mark_matches_exactly_one_letter() -> None:
    assert found("wom?n", "woman, women, womn, womaan") == ["woman", "women"]


def test_a_star_standing_alone_is_any_one_word() -> None:
    text = "the dictatorship of the proletariat, the dictatorship of the bourgeoisie"
    assert found("dictatorship of the *", text) == [
        "dictatorship of the proletariat",
        "dictatorship of the bourgeoisie",
    ]


def test_a_phrase_matches_across_line_breaks_and_repeated_spaces() -> None:
    text = "the dictatorship of\nthe  proletariat"
    assert found("dictatorship of the proletariat", text) == ["dictatorship of\nthe  proletariat"]
    assert found("  dictatorship   of the proletariat ", text) == [
        "dictatorship of\nthe  proletariat"
    ]


def test_punctuation_in_a_plain_query_is_literal() -> None:
    text = "(See Vol. XXV, p. 190.) Volx"
    assert found("(See Vol.", text) == ["(See Vol."]
    assert found("Vol.", text) == ["Vol."]
    assert found("p. 190.)", text) == ["p. 190.)"]


def test_a_backslash_makes_a_wildcard_literal() -> None:
    assert found(r"Leninism\?", "And so, what is Leninism? Leninisms") == ["Leninism?"]
    assert found(r"5 \* 3", "5 * 3 and 5 x 3") == ["5 * 3"]


def test_wildcard_to_regex_translation() -> None:
    assert wildcard_to_regex("class*", whole_word=False) == r"class\w*"
    assert wildcard_to_regex("c?ass", whole_word=False) == r"c\wass"
    assert wildcard_to_regex("the *", whole_word=False) == r"the\s+\w+"
    assert wildcard_to_regex("a+b", whole_word=False) == r"a\+b"
    from leninism_data.corpus.words import WORD_END, WORD_START

    assert wildcard_to_regex("party") == f"{WORD_START}party{WORD_END}"
    # Edges that are punctuation get no boundary.
    assert wildcard_to_regex("’s") == r"['’ʼ]s" + WORD_END


# --- whole words, apostrophes and hyphens ---------------------------------------


def test_whole_word_lenin_is_not_found_inside_leninism() -> None:
    pattern = compile_query("Lenin")
    spans = match_spans(pattern, LENIN)

    assert [LENIN[start:end] for start, end in spans] == ["Lenin", "Lenin"]
    assert spans[0] == (0, 5)  # the "Lenin" of "Lenin’s"
    assert LENIN[spans[1][0] :].startswith("Lenin was")


def test_without_whole_word_lenin_is_found_inside_leninism() -> None:
    assert found("Lenin", LENIN, whole_word=False) == ["Lenin", "Lenin", "Lenin"]


def test_the_possessive_is_found_with_either_apostrophe() -> None:
    assert found("Lenin’s", LENIN) == ["Lenin’s"]
    assert found("Lenin's", LENIN) == ["Lenin’s"]
    assert found("’s", "Lenin’s and Marx’s; Engels’s") == ["’s", "’s", "’s"]


def test_a_match_does_not_start_after_an_apostrophe_inside_a_word() -> None:
    assert match_spans(compile_query("s"), "Lenin’s s") == [(8, 9)]
    assert found("etat", "a coup d’etat") == []
    assert found("d’etat", "a coup d’etat") == ["d’etat"]


def test_a_closing_quote_after_a_plural_does_not_hide_the_word() -> None:
    assert found("proletarians", "the ‘proletarians’ preparation") == ["proletarians"]
    assert found("workers", "the workers’ state") == ["workers"]


def test_a_hyphenated_compound_is_one_word() -> None:
    text = "the non-Party masses and the Party"
    assert found("Party", text) == ["Party"]
    assert found("non-Party", text) == ["non-Party"]
    assert found("petty-bourgeois", "petty-bourgeois and bourgeois") == ["petty-bourgeois"]


# --- case --------------------------------------------------------------------


def test_case_is_ignored_unless_asked_for() -> None:
    text = "The Party and the party"
    assert found("party", text) == ["Party", "party"]
    assert found("party", text, case=True) == ["party"]
    assert found("PARTY", text, case=True) == []


# --- regular expressions ---------------------------------------------------------


def test_regex_queries_are_compiled_as_given() -> None:
    text = "The dictatorship, dictatorships and the Dictator"
    assert found(r"dictator\w*", text, regex=True) == ["dictatorship", "dictatorships", "Dictator"]
    assert found(r"dictatorships?", text, regex=True, case=True) == [
        "dictatorship",
        "dictatorships",
    ]


def test_regex_queries_get_whole_word_boundaries_around_the_whole_expression() -> None:
    text = "class classes party parties"
    assert found("class|party", text, regex=True) == ["class", "party"]
    assert found("class|party", text, regex=True, whole_word=False) == [
        "class",
        "class",
        "party",
    ]


def test_leading_inline_flags_survive_the_word_boundaries() -> None:
    assert found("(?i)lenin", "LENIN Leninism", regex=True, case=True) == ["LENIN"]
    verbose = r"(?x) dictatorship \s+ of   # the famous formula"
    assert found(verbose, "the dictatorship of the proletariat", regex=True) == ["dictatorship of"]


# --- errors for learners -------------------------------------------------------


@pytest.mark.parametrize("query", ["", "   ", "\n\t "])
@pytest.mark.parametrize("as_regex", [False, True])
def test_an_empty_query_is_explained(query: str, as_regex: bool) -> None:
    with pytest.raises(QueryError) as caught:
        compile_query(query, regex=as_regex)

    assert str(caught.value) == "The query is empty: type a word or phrase to search for."
    assert str(caught.value) == EMPTY_QUERY_MESSAGE
    assert isinstance(caught.value, ValueError)


def test_an_invalid_regex_names_the_problem_and_points_at_it() -> None:
    with pytest.raises(QueryError) as caught:
        compile_query("(a+b", regex=True)

    message = str(caught.value)
    assert message.startswith("The regular expression is not valid: missing ) at position 4.")
    assert "\n    (a+b\n        ^\n" in message
    assert "regex=False" in message
    assert caught.value.position == 4
    assert caught.value.query == "(a+b"


@pytest.mark.parametrize(
    ("query", "problem", "position"),
    [
        ("*abc", "nothing to repeat", 0),
        ("[abc", "unterminated character set", 4),
        ("a{2,1}", "min repeat greater than max repeat", 2),
    ],
)
def test_invalid_regex_messages_pass_on_the_regex_module_message(
    query: str, problem: str, position: int
) -> None:
    with pytest.raises(QueryError, match=f"not valid: {problem} at position {position}"):
        compile_query(query, regex=True, whole_word=False)


def test_the_same_text_is_a_valid_plain_query() -> None:
    assert found("(a+b", "x (a+b) y") == ["(a+b"]


# --- runaway patterns ----------------------------------------------------------

CATASTROPHIC = "(a|aa)+$"  # every split of a run of a's is tried before failing on "b"
RUNAWAY_TEXT = "a" * 60 + "b"


@pytest.mark.timeout(10)
def test_a_runaway_regex_raises_query_timeout_instead_of_hanging() -> None:
    pattern = compile_query(CATASTROPHIC, regex=True, whole_word=False)

    with pytest.raises(QueryTimeout) as caught:
        match_spans(pattern, RUNAWAY_TEXT)

    assert isinstance(caught.value, QueryError)
    assert isinstance(caught.value, TimeoutError)
    assert str(caught.value).startswith("The pattern took longer than 1 s")
    assert "(a+)+" in str(caught.value)
    assert caught.value.seconds == 1.0


# --- spans and safe search ---------------------------------------------------------


def test_match_spans_gives_offsets_for_highlighting() -> None:
    text = "The Party, the party’s line, the non-Party masses"
    spans = match_spans(compile_query("party"), text)

    assert spans == [(4, 9), (15, 20)]  # "non-Party" is one word
    assert [text[start:end] for start, end in spans] == ["Party", "party"]


def test_match_spans_leaves_out_empty_matches() -> None:
    pattern = compile_query("x*", regex=True, whole_word=False)
    assert match_spans(pattern, "ab xx c") == [(3, 5)]
