"""Headless tests of the study widgets: set control values, read the rendered HTML.

No browser and no kernel: ipywidgets runs ``observe`` callbacks synchronously, so after
setting ``.value`` (or ``Button.click()``) the HTML widgets and ``.result`` are up to
date. Expected values come from the book, through the analysis layer.
"""

from __future__ import annotations

import base64
import re

import ipywidgets as widgets
import pandas as pd
import pytest

import leninism_data as ld
from leninism_data.analysis.lemmas import lemma_pattern
from leninism_data.corpus.words import WORD
from leninism_data.widgets import (
    Citations,
    Clusters,
    Collocates,
    Compare,
    Concordance,
    Explorer,
    PassageFinder,
    Quiz,
    Reader,
    Trends,
    WordList,
)
from leninism_data.widgets._base import ALL
from leninism_data.widgets._html import STYLE, spreadsheet_safe
from leninism_data.widgets.citations import page_list
from leninism_data.widgets.concordance import Location, coloured_context
from leninism_data.widgets.explorer import PageRange

WIDGETS = [
    Explorer,
    Concordance,
    Trends,
    Compare,
    Reader,
    Citations,
    PassageFinder,
    Quiz,
    WordList,
    Collocates,
    Clusters,
]


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
        lambda text: Concordance(text, regex=True, whole_word=False),
        lambda text: WordList(filter=text),
        lambda text: Collocates(text),
        lambda text: Clusters(containing=text),
    ],
    ids=[
        "Explorer",
        "Explorer-regex",
        "Concordance",
        "Trends",
        "PassageFinder",
        "Concordance-regex",
        "WordList",
        "Collocates",
        "Clusters",
    ],
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


def test_explorer_page_range_follows_the_chapter() -> None:
    explorer = Explorer("masses")
    (pages,) = [w for w in descendants(explorer) if isinstance(w, PageRange)]
    assert [box.description for box in pages.children] == ["Pages from", "to"]
    assert (pages.min, pages.max) == (1, 103)
    control(explorer, "Chapter").value = 5
    first, last = ld.chapters().loc[5, ["first_page", "last_page"]]
    assert (pages.min, pages.max) == (first, last) == pages.value
    assert repr(explorer) == "Explorer(query='masses', chapter='V', 6 paragraphs)"
    pages.value = (first, first + 2)
    assert set(explorer.result["page"]) <= set(range(first, first + 3))
    pages.children[1].value = first + 1  # typing in the "to" box
    assert pages.value == (first, first + 1)
    assert set(explorer.result["page"]) <= {first, first + 1}
    control(explorer, "Chapter").value = ALL
    assert pages.value == (1, 103) and len(explorer.result) == len(ld.search("masses"))


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
    control(concordance, "Sort by").value = "match"
    pd.testing.assert_frame_equal(
        concordance.result, ld.kwic("proletariat", chapter="IV", sort="match")
    )
    control(concordance, "Window (words)").value = 3
    pd.testing.assert_frame_equal(
        concordance.result, ld.kwic("proletariat", chapter="IV", sort="match", window=3)
    )
    control(concordance, "Include quotations").value = False
    assert len(concordance.result) == len(
        ld.kwic("proletariat", chapter="IV", include_quotations=False)
    )
    control(concordance, "Chapter").value = 3
    control(concordance, "Section").value = 2
    assert len(concordance.result) == len(
        ld.kwic("proletariat", chapter=3, section=2, include_quotations=False)
    )


def test_concordance_has_column_headers_and_whole_page_numbers() -> None:
    concordance = Concordance("proletariat", chapter="IV")
    header = re.sub(r"<style>.*?</style>", "", concordance._header.value, flags=re.S)
    assert re.findall(r"<(?:th|div)[^>]*>([^<]+)</(?:th|div)>", header) == [
        "line",
        "left context",
        "keyword",
        "right context",
        "¶",
        "page",
    ]
    visible = [row for row in concordance._rows if row.layout.display != "none"]
    assert len(visible) == 20
    assert [b.description for b in concordance._buttons[:3]] == ["1", "2", "3"]
    # the page column is wide enough for three digits and never cut with an ellipsis
    assert ".ld-kwic-line td.ld-num,.ld-kwic-head th.ld-num{text-overflow:clip" in STYLE
    late = Concordance("party", chapter="IX")
    assert late.result["page"].max() >= 100
    assert f'<td class="ld-num">{late.result["page"].iloc[0]}</td>' in late._cells[0].value


def test_concordance_clicking_a_line_opens_it_and_tells_the_reader() -> None:
    concordance = Concordance("proletariat", chapter="IV")
    opened = []
    concordance.on_open(opened.append)
    control(concordance, "Next ▶").click()
    assert concordance._pager.label == "21–40 of 49 lines"
    assert concordance.selected == 21 and control(concordance, "Show line").value == 21
    concordance._buttons[9].click()  # the 10th line of the second page: line 30
    line = concordance.result.iloc[29]
    assert concordance.selected == 30 and control(concordance, "Show line").value == 30
    assert opened == [
        Location(line["paragraph_id"], int(line["start"]), int(line["end"]), line["page"], 30)
    ]
    assert '<tr class="ld-selected">' in concordance._cells[9].value
    assert concordance._buttons[9].button_style == "info"
    paragraph = concordance._paragraph.value
    assert f"¶ <b>{line['paragraph_id']}</b>" in paragraph
    assert ld.cite(line["paragraph_id"]) in paragraph
    assert paragraph.count('<mark class="ld-hit">') == 1
    control(concordance, "Show line").value = 45
    assert concordance._pager.label == "41–49 of 49 lines" and opened[-1].line == 45
    with pytest.raises(ValueError, match="line must be between 1 and 49, not 50"):
        concordance.open_line(50)


def test_concordance_sorts_by_words_around_the_hit_in_colour() -> None:
    concordance = Concordance("proletariat", chapter="IV", sort="1L")
    pd.testing.assert_frame_equal(
        concordance.result, ld.kwic("proletariat", chapter="IV", sort="1L")
    )  # the sort key goes straight to kwic
    lefts = [WORD.findall(left.lower())[::-1][:3] for left in concordance.result["left"]]
    assert lefts == sorted(lefts) and lefts[0] != lefts[-1]
    assert concordance._cells[0].value.count('class="ld-sort1"') == 1
    control(concordance, "Sort by").value = "1R"
    pd.testing.assert_frame_equal(
        concordance.result, ld.kwic("proletariat", chapter="IV", sort="1R")
    )
    keys = [WORD.findall(right.lower())[:3] for right in concordance.result["right"]]
    assert keys == sorted(keys)
    cell = concordance._cells[0].value
    assert re.search(r'<td><span class="ld-sort1">[^<]+</span>', cell) or keys[0] == []
    html = rendered(concordance)
    assert '<span class="ld-sort1">1R</span>, then <span class="ld-sort2">2R</span>' in html
    # sort words are coloured where they stand: "of" after the hit in "… of the proletariat"
    assert coloured_context(" of the people", "R", "2R") == (
        ' of <span class="ld-sort1">the</span> <span class="ld-sort2">people</span>'
    )
    assert Concordance("masses", sort="left")._sort.value == "1L"


def test_concordance_shows_only_the_lines_of_the_page() -> None:
    concordance = Concordance("Shipka")
    assert rendered(concordance).count('<table class="ld-table ld-kwic-line">') == 1
    assert concordance._cells[1].value == "" and concordance._rows[1].layout.display == "none"


def test_concordance_pages_long_results() -> None:
    concordance = Concordance("the")
    assert len(concordance.result) == len(ld.kwic("the")) > 1000
    assert sum(row.layout.display != "none" for row in concordance._rows) == 20
    control(concordance, "Next ▶").click()
    assert concordance._buttons[0].description == "21"


def test_concordance_exports_its_lines_safe_for_spreadsheets(tmp_path) -> None:
    concordance = Concordance("proletariat", chapter="IV")
    lines = concordance.lines()
    assert lines.columns.tolist() == [
        "line",
        "paragraph_id",
        "chapter",
        "section",
        "page",
        "left",
        "match",
        "right",
    ]
    assert lines.loc[0, ["line", "paragraph_id", "page"]].tolist() == [1, "IV.2", 35]
    path = concordance.to_csv(tmp_path / "lines.csv")
    saved = pd.read_csv(path, encoding="utf-8-sig")
    assert len(saved) == 49 and saved.loc[0, "match"] == "proletariat"
    control(concordance, "Download CSV").click()
    link = concordance._download.value
    assert 'download="concordance-proletariat.csv"' in link and "(49 lines)" in link
    payload = base64.b64decode(link.split("base64,")[1].split('"')[0]).decode("utf-8")
    assert payload.startswith("\ufeffline,paragraph_id") and "IV.2" in payload
    hostile = pd.DataFrame({"left": ["=1+1", "@SUM(A1)", "+7", "-2", "fine"]})
    assert spreadsheet_safe(hostile)["left"].tolist() == [
        "'=1+1",
        "'@SUM(A1)",
        "'+7",
        "'-2",
        "fine",
    ]


def test_concordance_says_how_to_search() -> None:
    concordance = Concordance()
    html = rendered(concordance)
    assert "press Enter to search" in html
    assert "press Enter to see every place it occurs" in html


def test_search_widgets_share_one_set_of_options() -> None:
    labels = {
        "Whole words",
        "Match case",
        "All forms (lemma)",
        "Regex",
        "Include quotations",
        "Include citations",
        "Chapter",
        "Section",
    }
    for widget in (Explorer(), Concordance()):
        found = {
            w.description
            for w in descendants(widget)
            if isinstance(w, (widgets.Checkbox, widgets.Dropdown))
        }
        assert labels <= found, type(widget).__name__
    explorer = Explorer("soviet", lemma=True)
    assert len(explorer.result) == len(ld.search(lemma_pattern("soviet"), regex=True))
    assert set(Concordance("soviet", lemma=True).result["match"].str.lower()) == {
        "soviet",
        "soviets",
    }


def test_regex_errors_speak_of_the_checkbox_not_the_argument() -> None:
    for widget in (Explorer("(a", regex=True), Concordance("(a", regex=True)):
        html = rendered(widget)
        assert "untick “Regex”" in html and "regex=False" not in html


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
    assert "<title>proletariat · Chapter IV: 127.1</title>" in html  # 49 of 3,854 words
    strip = trends.strip
    assert strip.result["term"].value_counts().to_dict() == {
        "proletariat": len(ld.dispersion("proletariat").hits),
        "peasantry": len(ld.dispersion("peasantry").hits),
    }
    assert (
        "<title>peasantry · ¶ V.3, p. 47</title>" in strip.svg or "peasantry · ¶ V." in strip.svg
    )
    assert "spread evenly" not in html and "0 = spread in proportion" in html


def test_trends_draws_theme_aware_svg_charts_that_fit_the_output() -> None:
    trends = Trends("proletariat", relative=False)
    svg = trends.chart.svg
    assert "<title>proletariat · Chapter IV: 49</title>" in svg
    assert 'role="img"' in svg and "<desc>" in svg and 'viewBox="0 0 720 ' in svg
    assert "image/png" not in str(trends._plot.value)
    html = rendered(trends)
    assert "svg.ld-chart{width:100%" in html and "var(--jp-ui-font-color1" in html
    # the y axis reaches past the largest value (66 in Chapter VIII) and no further than a step
    ticks = [int(t) for t in re.findall(r'text-anchor="end">(\d+)</text>', svg)]
    assert ticks == [0, 20, 40, 60, 80]


def test_trends_sections_view_reads_well() -> None:
    trends = Trends("proletariat, peasantry", by="section")
    assert len(trends.result) == 2 * len(ld.sections())
    html = rendered(trends)
    headers = re.findall(r"<t[hd]>([^<]+)</t[hd]>", html)
    assert not [h for h in headers if h.endswith(".0")] and "Introduction.0" not in html
    assert "<td>III.2</td>" in html and "<td>Introduction</td>" in html
    ticks = re.findall(
        r'<text x="[\d.]+" y="(\d+)" text-anchor="middle">([^<]+)</text>', trends.chart.svg
    )
    assert [label for _, label in ticks] == [
        "Intro",
        "I",
        "II",
        "III",
        "IV",
        "V",
        "VI",
        "VII",
        "VIII",
        "IX",
    ]
    assert len({y for y, _ in ticks}) == 2  # close labels are staggered, never overlapping
    assert (
        "<title>proletariat · III.1 The importance of theory: 18.2</title>"
    )  # 1 in 548 in trends.chart.svg


def test_trends_follows_its_controls() -> None:
    trends = Trends("proletariat, peasantry")
    control(trends, "Count").value = False
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
    without_quotations = len(ld.kwic("dictatorship of the proletariat", include_quotations=False))
    counts = trends.strip.result["term"].value_counts()
    assert counts["dictatorship of the proletariat"] == without_quotations
    assert "Not in the book with these options: zzz." in rendered(trends)
    assert repr(trends).startswith("Trends(terms='party, dictatorship of the proletariat")


def test_trends_asks_for_terms_and_recovers() -> None:
    trends = Trends("")
    assert "Type one or more terms" in rendered(trends)
    assert trends.chart is None and trends._plot.value == "" and trends.result.empty
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
    candidates = ld.compare("V", "VI", n_passages=15)
    shown = re.findall(r"¶ <b>([^<]+)</b>", html)
    assert shown == ["V.43", "V.17", "V.16", "VI.36", "VI.7", "VI.31"]
    paragraphs = ld.paragraphs().set_index("paragraph_id")
    assert set(paragraphs.loc[shown, "kind"]) == {"prose"}
    assert min(paragraphs.loc[shown, "n_words"]) >= 30
    assert set(shown) <= {
        *candidates.passages_a["paragraph_id"],
        *candidates.passages_b["paragraph_id"],
    }
    assert "G²: log-likelihood" in html and "Log Ratio: 1 = twice as frequent" in html
    assert "similarity: cosine of the content-word counts" in html
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


def test_compare_merges_the_forms_of_a_word_with_lemma() -> None:
    compare = Compare("IV", "VIII")
    side_iv = compare.result[compare.result["side"] == "IV"]
    assert {"soviet", "soviets"} <= set(side_iv["term"])
    control(compare, "All forms (lemma)").value = True
    side_iv = compare.result[compare.result["side"] == "IV"].set_index("term")
    assert "soviets" not in side_iv.index
    in_iv = ld.term_frequencies(["soviet", "soviets"])
    assert side_iv.loc["soviet", "freq_target"] == in_iv[in_iv["chapter"] == 4]["count"].sum()
    assert compare.comparison.similarity == pytest.approx(
        ld.compare("IV", "VIII", lemma=True).similarity
    )


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


def test_citations_list_each_reference_once_and_pages_in_order() -> None:
    citations = Citations("IV")
    html = rendered(citations)
    assert html.count("See Vol. XXIII, p. 355.") == 1  # the list only, not the dropdown
    assert control(citations, "Reference").options[1] == ("26 · ¶ IV.11, p. 36", 26)
    assert '<tr><td>Vol. XXV</td><td class="ld-num">4</td><td>173, 189, 190, 247, 248</td>' in html
    assert page_list(["282-83", "13-14", "13"]) == "13, 13-14, 282-83"


def test_citations_show_the_quotation_a_reference_closes() -> None:
    citations = Citations()
    closing = ld.citations().dropna(subset=["quotation_id"]).iloc[0]
    control(citations, "Reference").value = int(closing["citation_id"])
    quotation = ld.quotations().set_index("quotation_id").loc[closing["quotation_id"]]
    detail = citations._detail.value
    assert f"It closes this quotation of {quotation['speaker']}" in detail
    assert quotation["text"][:60] in detail
    assert ld.cite(closing["paragraph_id"]) in detail
    page = closing["page"]
    tooltip = f"this reference · ¶ {closing['paragraph_id']}, p. {page} · reference "
    assert f"<title>{tooltip}{closing['citation_id']}</title>" in detail


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
    assert "score: BM25 relevance" in html
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


def test_the_open_concordance_line_marks_and_opens_companion_entries() -> None:
    concordance = Concordance("Otzovist*")
    assert concordance.result["paragraph_id"].tolist() == ["VII.54"]
    # the hit itself keeps its highlight; its entry is a button beside the paragraph
    (button,) = [b for b in concordance._entries.buttons if "Otzovist" in b.description]
    button.click()
    card = concordance._entries.entry_view._card.value
    assert "Otzovists" in card and "<script" not in card
    # other words of the open line's paragraph that have an entry are marked
    concordance = Concordance("Pre-parliament")
    html = concordance._paragraph.value
    assert 'class="ld-entry"' in html and "Democratic Conference" in html
