"""Headless tests of the study widgets: set control values, read the rendered HTML.

No browser and no kernel: ipywidgets runs ``observe`` callbacks synchronously, so after
setting ``.value`` (or ``Button.click()``) the HTML widgets and ``.result`` are up to
date. Expected values come from the book, through the analysis layer.
"""

from __future__ import annotations

import re

import ipywidgets as widgets
import pandas as pd
import pytest

import leninism_data as ld
from leninism_data.widgets import (
    Citations,
    Compare,
    Concordance,
    Explorer,
    PassageFinder,
    Quiz,
    Reader,
    Trends,
)
from leninism_data.widgets._base import ALL
from leninism_data.widgets._html import STYLE

WIDGETS = [Explorer, Concordance, Trends, Compare, Reader, Citations, PassageFinder, Quiz]


@pytest.fixture(autouse=True)
def private_progress_store(tmp_path, monkeypatch) -> None:
    """Quiz() records answers in ``$LENINISM_STUDY_PROGRESS``: a temporary file here."""
    monkeypatch.setenv("LENINISM_STUDY_PROGRESS", str(tmp_path / "progress.sqlite3"))
HOSTILE = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"]
CONTROLS = (
    widgets.Text,
    widgets.Textarea,
    widgets.Dropdown,
    widgets.Checkbox,
    widgets.IntRangeSlider,
    widgets.BoundedIntText,
    widgets.ToggleButtons,
    widgets.RadioButtons,
    widgets.Button,
)


def descendants(widget: widgets.Widget) -> list[widgets.Widget]:
    """The widget and every widget inside it."""
    found = [widget]
    for child in getattr(widget, "children", ()):
        found += descendants(child)
    return found


def rendered(widget: widgets.Widget) -> str:
    """All the HTML the widget shows, concatenated."""
    return "\n".join(w.value for w in descendants(widget) if isinstance(w, widgets.HTML))


def control(widget: widgets.Widget, description: str) -> widgets.Widget:
    """The child control labelled ``description``."""
    matches = [
        w for w in descendants(widget) if isinstance(w, CONTROLS) and w.description == description
    ]
    assert len(matches) == 1, f"no single control labelled {description!r}"
    return matches[0]


def card_ids(html: str) -> list[str]:
    """Paragraph ids in the margins of the rendered paragraphs, in order."""
    return re.findall(r'<div class="ld-margin">(?:<b>#\d+</b><br>)?¶ <b>([^<]+)</b>', html)


# --------------------------------------------------------------------------- common


@pytest.mark.parametrize("widget_class", WIDGETS, ids=lambda cls: cls.__name__)
def test_every_widget_has_a_result_frame_and_a_stable_short_repr(widget_class) -> None:
    widget = widget_class()
    assert isinstance(widget, widgets.VBox)
    assert isinstance(widget.result, pd.DataFrame)
    assert repr(widget) == repr(widget_class())
    assert repr(widget).startswith(f"{widget_class.__name__}(")
    assert widget._repr_mimebundle_()["text/plain"] == repr(widget)
    assert len(repr(widget)) <= 110  # ipywidgets cuts longer text/plain


@pytest.mark.parametrize("widget_class", WIDGETS, ids=lambda cls: cls.__name__)
def test_result_is_a_copy(widget_class) -> None:
    widget = widget_class()
    frame = widget.result
    frame["scribbled"] = 1
    assert "scribbled" not in widget.result.columns


@pytest.mark.parametrize("widget_class", WIDGETS, ids=lambda cls: cls.__name__)
def test_every_control_has_a_label(widget_class) -> None:
    for child in descendants(widget_class()):
        if isinstance(child, CONTROLS):
            assert child.description.strip(), f"unlabelled {type(child).__name__}"


@pytest.mark.parametrize("widget_class", WIDGETS, ids=lambda cls: cls.__name__)
def test_every_dropdown_shows_its_choice(widget_class) -> None:
    # A dropdown whose value is None shows an empty box: "All …" options have a value.
    for child in descendants(widget_class()):
        if isinstance(child, widgets.Dropdown) and child.options:
            assert child.index is not None, child.description


@pytest.mark.parametrize("widget_class", WIDGETS, ids=lambda cls: cls.__name__)
def test_text_boxes_update_on_enter_not_on_every_keystroke(widget_class) -> None:
    for child in descendants(widget_class()):
        if isinstance(child, (widgets.Text, widgets.Textarea)):
            assert child.continuous_update is False


def test_style_sheet_takes_every_colour_from_the_jupyterlab_theme() -> None:
    colours = re.findall(r"(?:color|background|border[\w-]*|outline):([^;}]+)", STYLE)
    assert colours
    for value in colours:
        assert not re.search(r"#[0-9a-fA-F]{3}|rgba?\(|hsla?\(", value), value
    assert "var(--jp-content-font-color1)" in STYLE and "var(--jp-warn-color0)" in STYLE


@pytest.mark.parametrize("hostile", HOSTILE)
@pytest.mark.parametrize(
    "make",
    [
        lambda text: Explorer(query=text),
        lambda text: Explorer(query=text, regex=True, whole_word=False),
        lambda text: Concordance(text),
        lambda text: Trends(text),
        lambda text: PassageFinder(text + " peasants"),
    ],
    ids=["Explorer", "Explorer-regex", "Concordance", "Trends", "PassageFinder"],
)
def test_user_text_is_shown_as_text_never_as_markup(make, hostile: str) -> None:
    html = rendered(make(hostile))
    assert "<script" not in html and "<img" not in html
    assert "onerror=alert" not in html.replace("onerror=alert(1)&gt;", "")


def test_hostile_text_is_escaped_where_it_is_shown() -> None:
    html = rendered(Explorer(query="<script>alert(1)</script>"))
    assert "“&lt;script&gt;alert(1)&lt;/script&gt;”" in html
    assert "No paragraph matches" in html


def test_hostile_go_to_in_the_reader_is_escaped() -> None:
    reader = Reader("IV")
    control(reader, "Go to").value = "<img src=x onerror=alert(1)>"
    html = rendered(reader)
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


# --------------------------------------------------------------------------- Explorer


def test_explorer_finds_masses_in_chapter_viii() -> None:
    explorer = Explorer(query="masses", chapter="VIII")
    expected = ld.search("masses", chapter="VIII")
    assert explorer.result["paragraph_id"].tolist() == expected["paragraph_id"].tolist()
    assert len(explorer.result) == 8 and explorer.result["paragraph_id"].iloc[0] == "VIII.7"
    html = rendered(explorer)
    assert "<b>16 matches</b> of “masses” in <b>8 paragraphs</b>" in html
    assert card_ids(html)[0] == "VIII.7"
    assert html.count('<mark class="ld-hit">masses</mark>') == 16
    assert repr(explorer) == "Explorer(query='masses', chapter='VIII', 8 paragraphs)"


def test_explorer_without_filters_pages_through_every_paragraph() -> None:
    explorer = Explorer()
    paragraphs = ld.paragraphs()
    assert len(explorer.result) == len(paragraphs) == 470
    html = explorer._paragraphs.value
    assert card_ids(html) == paragraphs["paragraph_id"].head(10).tolist()
    control(explorer, "Next ▶").click()
    assert card_ids(explorer._paragraphs.value) == paragraphs["paragraph_id"][10:20].tolist()
    assert explorer._pager.label == "11–20 of 470 paragraphs"
    control(explorer, "◀ Previous").click()
    assert card_ids(explorer._paragraphs.value)[0] == "Intro.1"


def test_explorer_filters_by_kind_pages_section_and_quotations() -> None:
    paragraphs = ld.paragraphs()
    explorer = Explorer(kind="list_item")
    assert len(explorer.result) == (paragraphs["kind"] == "list_item").sum() == 43
    on_page_40 = Explorer(pages=(40, 40)).result["paragraph_id"].tolist()
    assert on_page_40[:2] == ["IV.26", "IV.27"]
    explorer = Explorer(chapter="IV")
    control(explorer, "Section").value = 2
    assert explorer.result["paragraph_id"].iloc[0] == "IV.26"
    assert set(explorer.result["section"]) == {2}
    control(explorer, "Include quotations").value = False
    assert "quotation" not in set(explorer.result["kind"])
    control(explorer, "Chapter").value = 8
    assert control(explorer, "Section").value == ALL
    assert set(explorer.result["chapter"]) == {8}


def test_explorer_matches_options_of_search() -> None:
    explorer = Explorer(query="party")
    control(explorer, "Match case").value = True
    assert len(explorer.result) == len(ld.search("party", case=True))
    control(explorer, "Whole words").value = False
    assert len(explorer.result) == len(ld.search("party", case=True, whole_word=False))


def test_explorer_shows_footnotes_of_matching_paragraphs() -> None:
    html = rendered(Explorer(query="Shipka"))
    assert '<sup class="ld-fn">20</sup>' in html
    assert "A Russian saying carried over from the Russo-Turkish War" in html


def test_explorer_explains_an_invalid_regex_then_works_again() -> None:
    explorer = Explorer(regex=True)
    control(explorer, "Search").value = "("
    html = rendered(explorer)
    assert "The regular expression is not valid: missing )" in html
    assert explorer.result.empty and "Traceback" not in html
    control(explorer, "Search").value = "dictatorships?"
    assert len(explorer.result) == len(ld.search("dictatorships?", regex=True)) > 0


def test_explorer_stops_a_runaway_regex_with_a_message() -> None:
    explorer = Explorer(query="(.*)*!$", regex=True)
    assert "took longer than 1 s to search the text and was stopped" in rendered(explorer)
    control(explorer, "Search").value = "masses"
    assert len(explorer.result) > 0
    # The `regex` module does not backtrack catastrophically on (a|aa)+$ in this text:
    # it is answered at once, with no match.
    control(explorer, "Search").value = "(a|aa)+$"
    assert explorer.result.empty and "No paragraph matches" in rendered(explorer)


@pytest.mark.parametrize(
    "arguments, message",
    [
        ({"chapter": "X"}, "'X' is not a chapter of the book; choose one of"),
        ({"kind": "poem"}, "Unknown kind 'poem'; choose from"),
        ({"pages": (0, 500)}, "pages must be (first, last)"),
        ({"section": 2}, "A section needs its chapter"),
        ({"chapter": "III", "section": 9}, "Chapter III has no section 9"),
    ],
)
def test_explorer_rejects_bad_arguments_clearly(arguments: dict, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        Explorer(**arguments)


# --------------------------------------------------------------------------- Concordance


def test_concordance_of_shipka_is_one_line_on_page_40() -> None:
    concordance = Concordance("Shipka", window=3)
    assert concordance.result[["paragraph_id", "page"]].values.tolist() == [["IV.26", 40]]
    html = rendered(concordance)
    assert "<bdi>quiet “at the </bdi>" in html
    assert '<mark class="ld-hit">Shipka</mark>' in html
    assert ld.cite("IV.26") in html
    assert repr(concordance) == "Concordance(query='Shipka', 1 line)"


def test_concordance_result_is_kwic_and_follows_the_controls() -> None:
    concordance = Concordance("proletariat", chapter="IV")
    pd.testing.assert_frame_equal(concordance.result, ld.kwic("proletariat", chapter="IV"))
    assert len(concordance.result) == 49
    control(concordance, "Sort by").value = "left"
    pd.testing.assert_frame_equal(
        concordance.result, ld.kwic("proletariat", chapter="IV", sort="left")
    )
    control(concordance, "Window (words)").value = 3
    pd.testing.assert_frame_equal(
        concordance.result, ld.kwic("proletariat", chapter="IV", sort="left", window=3)
    )
    control(concordance, "Include quotations").value = False
    assert len(concordance.result) == len(
        ld.kwic("proletariat", chapter="IV", include_quotations=False)
    )


def test_concordance_selecting_a_line_shows_its_paragraph_and_reference() -> None:
    concordance = Concordance("proletariat", chapter="IV")
    control(concordance, "Show line").value = 30
    line = concordance.result.iloc[29]
    assert concordance._pager.label == "21–40 of 49 lines"
    assert '<tr class="ld-selected"><td class="ld-num">30</td>' in concordance._lines.value
    paragraph = concordance._paragraph.value
    assert f"¶ <b>{line['paragraph_id']}</b>" in paragraph
    assert ld.cite(line["paragraph_id"]) in paragraph
    assert paragraph.count('<mark class="ld-hit">') == 1


def test_concordance_pages_long_results() -> None:
    concordance = Concordance("the")
    assert len(concordance.result) == len(ld.kwic("the")) > 1000
    assert concordance._lines.value.count("<tr") == 20
    control(concordance, "Next ▶").click()
    assert '<td class="ld-num">21</td>' in concordance._lines.value


def test_concordance_lemma_and_messages() -> None:
    concordance = Concordance("peasant", lemma=True)
    assert len(concordance.result) == len(ld.kwic("peasant", lemma=True))
    assert set(concordance.result["match"].str.lower()) == {"peasant", "peasants"}
    control(concordance, "Search").value = "peasant class"
    assert "Lemma matching takes a single word" in rendered(concordance)
    control(concordance, "Search").value = ""
    assert "Type a word or phrase" in rendered(concordance)
    assert control(concordance, "Show line").disabled


# --------------------------------------------------------------------------- Trends


def test_trends_result_is_term_frequencies_per_10k() -> None:
    trends = Trends(("proletariat", "peasantry"))
    pd.testing.assert_frame_equal(trends.result, ld.term_frequencies(["proletariat", "peasantry"]))
    html = rendered(trends)
    assert '<td class="ld-num">127.1</td>' in html  # proletariat per 10k in Chapter IV
    assert f"proletariat · {len(ld.dispersion('proletariat').hits)} hits" in html
    (figure,) = trends._plot.outputs
    assert figure["data"]["image/png"]


def test_trends_follows_its_controls() -> None:
    trends = Trends("proletariat, peasantry")
    control(trends, "Across").value = "section"
    assert len(trends.result) == 2 * len(ld.sections())
    control(trends, "Count").value = False
    assert '<td class="ld-num">49</td>' not in rendered(trends)  # by section now
    control(trends, "Across").value = "chapter"
    assert '<td class="ld-num">49</td>' in rendered(trends)  # proletariat in IV
    control(trends, "Include quotations").value = False
    pd.testing.assert_frame_equal(
        trends.result, ld.term_frequencies(["proletariat", "peasantry"], include_quotations=False)
    )
    control(trends, "Terms").value = "party, dictatorship of the proletariat, zzz"
    assert trends.result["term"].unique().tolist() == [
        "party",
        "dictatorship of the proletariat",
        "zzz",
    ]
    html = rendered(trends)
    without_quotations = len(ld.kwic("dictatorship of the proletariat", include_quotations=False))
    assert f"dictatorship of the proletariat · {without_quotations} hits" in html
    assert "Not in the book with these options: zzz." in html
    assert repr(trends).startswith("Trends(terms='party, dictatorship of the proletariat")


def test_trends_asks_for_terms_and_recovers() -> None:
    trends = Trends("")
    assert "Type one or more terms" in rendered(trends)
    assert trends._plot.outputs == () and trends.result.empty
    control(trends, "Terms").value = ", ".join(f"t{i}" for i in range(9))
    assert "at most 8 terms" in rendered(trends)
    control(trends, "Terms").value = "masses"
    assert trends.result["count"].sum() == ld.term_frequencies("masses")["count"].sum()


def test_trends_rejects_an_unknown_grouping() -> None:
    with pytest.raises(ValueError, match="Unknown by 'page'; choose from"):
        Trends(by="page")


# --------------------------------------------------------------------------- Compare


def test_compare_v_and_vi_sets_peasantry_against_national() -> None:
    compare = Compare("V", "VI")
    expected = ld.compare("V", "VI")
    side_v = compare.result[compare.result["side"] == "V"]["term"].tolist()
    side_vi = compare.result[compare.result["side"] == "VI"]["term"].tolist()
    assert side_v == expected.distinctive_a["term"].tolist() and side_v[0] == "peasantry"
    assert side_vi == expected.distinctive_b["term"].tolist() and side_vi[0] == "national"
    html = rendered(compare)
    left, right = html.split("Distinctive of Chapter VI")
    assert "<td>peasantry</td>" in left.split("Distinctive of Chapter V")[1]
    assert "<td>national</td>" in right
    assert "<b>Similarity 0.30</b>" in html
    passages = [*expected.passages_a["paragraph_id"], *expected.passages_b["paragraph_id"]]
    assert all(f"¶ <b>{paragraph_id}</b>" in html for paragraph_id in passages)
    assert repr(compare) == "Compare(a='V', b='VI', similarity=0.30)"


def test_compare_sections_and_same_part() -> None:
    compare = Compare("IV", "VIII")
    control(compare, "with").value = "IV"
    assert "Choose two different parts" in rendered(compare)
    assert compare.result.empty and compare.comparison is None
    control(compare, "with").value = "III.2"
    assert compare.comparison.b == "Chapter III, section 2"
    control(compare, "Include quotations").value = False
    expected = ld.compare("IV", "III.2", include_quotations=False)
    assert compare.comparison.similarity == pytest.approx(expected.similarity)


def test_compare_accepts_the_ways_of_naming_a_part() -> None:
    assert repr(Compare(4, (3, 2))).startswith("Compare(a='IV', b='III.2'")
    with pytest.raises(ValueError, match="Chapter III has no section 9"):
        Compare("III.9", "IV")


# --------------------------------------------------------------------------- Citations


def test_citations_of_chapter_iv() -> None:
    citations = Citations("IV")
    expected = ld.citations().query("chapter == 4")
    assert citations.result["citation_id"].tolist() == expected["citation_id"].tolist()
    assert len(citations.result) == ld.chapters().loc[4, "n_citations"] == 17
    html = rendered(citations)
    assert "<td>Vol. XXV</td>" in html and "173 and 189" in html
    assert "<td>Marx and Engels, Vol. VIII</td>" in html  # not Lenin's Vol. VIII
    control(citations, "Volume").value = "Vol. XXV"
    assert set(citations.result["volume"]) == {25} and set(citations.result["author"]) == {"Lenin"}
    assert repr(citations) == "Citations(chapter='IV', volume='Vol. XXV', 4 references)"


def test_citations_show_the_quotation_a_reference_closes() -> None:
    citations = Citations()
    closing = ld.citations().dropna(subset=["quotation_id"]).iloc[0]
    control(citations, "Reference").value = int(closing["citation_id"])
    quotation = ld.quotations().set_index("quotation_id").loc[closing["quotation_id"]]
    detail = citations._detail.value
    assert f"It closes this quotation of {quotation['speaker']}" in detail
    assert quotation["text"][:60] in detail
    assert ld.cite(closing["paragraph_id"]) in detail
    assert 'class="ld-tick ld-selected"' in detail


def test_citations_by_title_and_an_empty_chapter() -> None:
    citations = Citations()
    control(citations, "Volume").value = "by title"
    assert citations.result["volume"].isna().all() and len(citations.result) == 13
    assert "It does not close a block quotation" in citations._detail.value
    control(citations, "Chapter").value = 0
    assert citations.result.empty
    assert "This chapter has no references." in rendered(citations)


# --------------------------------------------------------------------------- PassageFinder


def test_passage_finder_ranks_supporting_paragraphs() -> None:
    question = (
        "Why did the revolution break out in a backward country where the chain of "
        "imperialism was weakest?"
    )
    finder = PassageFinder(question, k=3)
    expected = ld.similar_passages(question, k=3)
    pd.testing.assert_frame_equal(finder.result, expected)
    html = rendered(finder)
    assert card_ids(html) == expected["paragraph_id"].tolist() == ["III.40", "III.38", "III.44"]
    assert "<b>#1</b>" in html and '<mark class="ld-hit">chain</mark>' in html
    control(finder, "Passages").value = 5
    assert finder.result["rank"].tolist() == [1, 2, 3, 4, 5]


def test_passage_finder_messages() -> None:
    finder = PassageFinder()
    assert "Paste a sentence" in rendered(finder)
    control(finder, "Claim or question").value = "the of and"
    assert "Type a sentence or some words" in rendered(finder)
    control(finder, "Claim or question").value = "zzzz qqqq"
    assert "No paragraph shares a content word" in rendered(finder)
    control(finder, "Claim or question").value = "the alliance of workers and peasants"
    control(finder, "Find passages").click()
    assert len(finder.result) == 5


# --------------------------------------------------------------------------- Quiz
# The Quiz (written questions, feedback, saved progress) is tested in tests/test_quiz.py.
