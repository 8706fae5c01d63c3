"""ld.show() and ld.check(): the two helpers every notebook calls in one line."""

from __future__ import annotations

import pandas as pd
import pytest

import leninism_data as ld


def feedback(capsys: pytest.CaptureFixture[str], answer: object, expected: object) -> str:
    ld.check(answer, expected)
    return capsys.readouterr().out.strip()


# --------------------------------------------------------------------------- show


def test_show_gives_the_passage_with_its_page_and_text():
    passages = ld.show("IV.27")
    assert passages.paragraph_ids == ("IV.27",)
    first, text = passages.text.splitlines()
    assert first == "¶ IV.27 · p. 40"
    assert text.startswith("The dictatorship of the proletariat arises not on the basis")
    assert '<h3>¶ IV.27 <span class="ld-where">· p. 40</span></h3>' in passages.html
    assert repr(passages) == "Passages('IV.27')"


def test_show_keeps_the_order_given_and_names_who_is_quoted():
    passages = ld.show("I.30", "I.29")
    assert passages.paragraph_ids == ("I.30", "I.29")
    heads = [line for line in passages.text.splitlines() if line.startswith("¶")]
    assert heads == ["¶ I.30 · p. 10 · block quotation (Lenin)", "¶ I.29 · pp. 9–10"]


def test_show_puts_the_footnote_marker_in_the_text_and_the_footnote_under_it():
    passages = ld.show("I.30")
    assert '(See Vol. IV, p. 382.)<sup class="ld-fn">3</sup></blockquote>' in passages.html
    note = ld.footnotes().set_index("footnote").loc[3, "text"]
    assert f"Footnote 3: {note}" in passages.text
    assert "Lenin, Works (3rd Russian ed.), Vol. 4, p. 382" in passages.html


def test_show_html_carries_the_text_and_a_scoped_style():
    passages = ld.show("Intro.9")
    raw = ld.paragraphs().set_index("paragraph_id").loc["Intro.9", "text"]
    assert '<p class="ld-text">' + raw[:60] in passages.html
    assert passages.html.startswith('<div class="ld-handout">')
    assert passages._repr_html_().startswith("<style>.ld-handout{")
    assert str(passages) == passages.text


def test_show_explains_bad_ids():
    with pytest.raises(ld.UnknownParagraphError, match=r"Did you mean 'IV\.9'"):
        ld.show("IV.99")
    with pytest.raises(TypeError, match=r"strings such as 'IV\.27', not int 27"):
        ld.show(27)
    with pytest.raises(TypeError, match="at least one paragraph id"):
        ld.show()


# --------------------------------------------------------------------------- check


def test_check_accepts_a_whole_word_and_rejects_a_longer_one(capsys):
    # The old key of Chapter IX's exercise used .str.contains("Lenin"), which also matches
    # "Leninism"; the word itself is right, the longer word is not.
    assert feedback(capsys, "Lenin", "lenin") == "Correct."
    assert feedback(capsys, " “Marx and Engels” ", "Marx and Engels") == "Correct."
    assert feedback(capsys, "Leninism", "Lenin") == (
        "Not quite: you answered 'Leninism', which is not the expected word or phrase. "
        "Look at the hint, then try again."
    )


def test_check_compares_paragraph_sets_from_the_tables(capsys):
    p = ld.paragraphs()
    expected = set(p.loc[(p.chapter == 9) & p.text.str.contains(r"\bLenin\b"), "paragraph_id"])
    assert feedback(capsys, sorted(expected), expected) == "Correct."
    assert feedback(capsys, set(list(expected)[1:]), expected) == (
        f"Not quite: expected {len(expected)} items, you gave {len(expected) - 1}; "
        "missing 1, extra 0. Look at the hint, then try again."
    )


def test_check_compares_tables_by_value(capsys):
    sections = ld.sections().query("chapter == 4")[["label", "n_words"]]
    assert feedback(capsys, sections.reset_index(drop=True), sections) == "Correct."
    assert feedback(capsys, sections.head(2), sections).startswith(
        "Not quite: expected a DataFrame of shape (4, 2), you gave one of (2, 2)"
    )
    counts = ld.paragraphs().groupby("chapter").size()
    assert feedback(capsys, counts.astype(float), counts) == "Correct."


def test_check_numbers(capsys):
    share = float(ld.chapters().set_index("chapter").loc[4, "n_quoted_words"]) / float(
        ld.chapters().set_index("chapter").loc[4, "n_words"]
    )
    assert feedback(capsys, round(share, 3), share) == "Correct."
    assert feedback(capsys, 64, 64) == "Correct."
    assert feedback(capsys, 63, 64).startswith("Not quite: the value is not the expected one")


@pytest.mark.parametrize(
    ("answer", "expected", "message"),
    [
        (None, {"IV.27"}, "Not answered yet: replace None with your code"),
        (3, {"IV.27"}, "Not quite: expected a collection of 1 items, you gave int 3."),
        ("IV.27", {"IV.27"}, "Not quite: expected a collection of 1 items, you gave str"),
        (["IV.27"], "IV.27", "Not quite: expected text (a str), you gave list ['IV.27']."),
        ("64", 64, "Not quite: expected a number, you gave str '64'."),
        (True, 1, "Not quite: expected a number, you gave bool True."),
        ([1, 2], pd.Series([1, 2]), "Not quite: expected a pandas Series, you gave list"),
        (1, True, "Not quite: expected True or False, you gave int 1."),
    ],
)
def test_check_answers_a_wrong_type_with_feedback_not_a_traceback(
    capsys, answer, expected, message
):
    assert feedback(capsys, answer, expected).startswith(message)


def test_the_helpers_are_exported_lazily():
    assert {"show", "check", "Passages"} <= set(ld.__all__)
    assert ld.show.__module__ == "leninism_data.seminar.study"


# --------------------------------------------------------------------------- glance and chart


def test_glance_sums_up_chapter_iv_from_the_tables():
    table = ld.glance("IV")
    assert list(table.columns) == ["Chapter IV: The Dictatorship of the Proletariat"]
    column = table.iloc[:, 0]
    assert column["printed pages"] == "35–46"  # the printed edition's contents page: IV 35
    assert int(column["numbered sections"]) == 3
    cites = ld.citations().query("chapter == 4")
    assert column["in-text references (citations)"] == len(cites)
    assert column["  of which to Lenin"] == (cites.author == "Lenin").sum() == 16
    quotations = ld.quotations().query("chapter == 4")
    assert column["quotations (block and inline)"] == len(quotations) == 19
    assert set(quotations["form"]) == {"block", "inline"}
    tokens = ld.tokens().query("chapter == 4 and not in_citation")
    assert column["words inside quotations"] == tokens["in_quotation"].sum() == 1042
    chapter = ld.chapters().set_index("chapter").loc[4]
    assert column["share of the chapter that is quoted"] == (
        f"{chapter.n_quoted_words / chapter.n_words:.1%}"
    )
    assert ld.glance(4).equals(table)


def test_glance_explains_an_unknown_chapter():
    with pytest.raises(ValueError, match="choose one of 0–9"):
        ld.glance("X")
