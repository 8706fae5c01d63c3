"""Headless tests of the corpus tools (WordList, Collocates, Clusters) and the SVG charts.

Expected values come from the book through the analysis layer (``ld.term_frequencies``,
``ld.collocates``, ``ld.ngrams``), never typed from a run of the widget itself.
"""

from __future__ import annotations

import re

import ipywidgets as widgets
import pandas as pd
import pytest

import leninism_data as ld
from leninism_data.widgets import (
    Clusters,
    Collocates,
    WordList,
    bar_chart,
    dispersion_chart,
    grouped_bar_chart,
    heatmap,
    line_chart,
)
from leninism_data.widgets._search_options import SearchOptions


def control(widget: widgets.Widget, description: str) -> widgets.Widget:
    """The one child control labelled ``description``."""
    found, stack = [], [widget]
    while stack:
        child = stack.pop()
        stack.extend(getattr(child, "children", ()))
        if getattr(child, "description", None) == description:
            found.append(child)
    assert len(found) == 1, description
    return found[0]


def shown(widget: widgets.Widget) -> str:
    """All HTML the widget shows."""
    found, stack = [], [widget]
    while stack:
        child = stack.pop()
        stack.extend(getattr(child, "children", ()))
        if isinstance(child, widgets.HTML):
            found.append(child.value)
    return "\n".join(found)


# --------------------------------------------------------------------------- WordList


def test_word_list_counts_are_term_frequencies() -> None:
    words = WordList()
    book = ld.term_frequencies(None, stopwords=False).groupby("term")["count"].sum()
    top = words.result.head(10)
    assert top["count"].tolist() == book.sort_values(ascending=False).head(10).tolist()
    assert top.loc[0, "term"] == "revolution" and top.loc[0, "count"] == 296
    proletariat = words.result.set_index("term").loc["proletariat"]
    assert proletariat["count"] == 278 and proletariat["range"] == 9
    assert proletariat["dp"] == round(ld.dispersion("proletariat").dp, 2)
    html = shown(words)
    assert "<td>revolution</td>" in html
    assert control(words, "Next ▶").disabled is False
    assert "range: in how many of the book's 10 chapters" in html.replace("&#x27;", "'")


def test_word_list_filters_sorts_and_counts_in_a_part() -> None:
    words = WordList(chapter="IV")
    in_iv = ld.term_frequencies(None, stopwords=False)
    in_iv = in_iv[in_iv["chapter"] == 4].set_index("term")["count"]
    assert words.result.set_index("term").loc["proletariat", "count"] == in_iv["proletariat"] == 49
    control(words, "Filter").value = "proletar*"
    assert set(words.result["term"]) == {
        t for t in in_iv[in_iv > 0].index if t.startswith("proletar")
    }
    control(words, "Sort by").value = "term"
    assert words.result["term"].tolist() == sorted(words.result["term"])
    control(words, "Filter").value = ""
    control(words, "Min. count").value = 10
    assert words.result["count"].min() >= 10
    control(words, "Section").value = 2
    in_iv2 = ld.term_frequencies("proletariat", by="section")
    expected = in_iv2[(in_iv2["chapter"] == 4) & (in_iv2["section"] == 2)]["count"].item()
    assert words.result.set_index("term").loc["proletariat", "count"] == expected
    control(words, "Include stopwords").value = True
    assert "the" in set(words.result["term"])


def test_word_list_counts_citation_words_only_when_asked() -> None:
    words = WordList()
    assert "vol" not in set(words.result["term"])
    control(words, "Include citations").value = True
    cited = ld.term_frequencies("vol", include_citations=True)["count"].sum()
    assert words.result.set_index("term").loc["vol", "count"] == cited
    tokens = ld.tokens()
    assert cited == ((tokens["term"] == "vol") & tokens["in_citation"]).sum() > 0


# --------------------------------------------------------------------------- Collocates


def test_collocates_equal_the_analysis_function() -> None:
    collocates = Collocates("dictatorship")
    pd.testing.assert_frame_equal(collocates.result, ld.collocates("dictatorship", window=5))
    assert len(collocates.result) == 7  # O >= 3 in L5-R5 running words: proletariat 63 …
    control(collocates, "Rank by").value = "mi"
    control(collocates, "Left span").value = 3
    control(collocates, "Right span").value = 1
    control(collocates, "Min. together").value = 2
    expected = ld.collocates("dictatorship", left=3, right=1, measure="mi", min_freq=2)
    pd.testing.assert_frame_equal(collocates.result, expected)
    assert not control(collocates, "Right span").disabled
    assert expected["right"].sum() < expected["left"].sum()  # R1 against L3
    html = shown(collocates)
    assert f"<td>{expected.loc[0, 'collocate']}</td>" in html
    assert "MI: mutual information" in html and "log-Dice: how exclusively" in html
    assert "t-score:" in html and "G²: log-likelihood of the pairing" in html
    control(collocates, "Right span").value = 3
    control(collocates, "Left span").value = 0  # R1-R3: "dictatorship of the proletariat"
    right_only = ld.collocates("dictatorship", left=0, right=3, measure="mi", min_freq=2)
    pd.testing.assert_frame_equal(collocates.result, right_only)
    assert right_only.set_index("collocate").loc["proletariat", ["left", "right"]].tolist() == [
        0,
        61,
    ]
    control(collocates, "Right span").value = 0
    assert "give left or right a span of at least 1" in shown(collocates)


def test_collocates_explain_a_word_not_in_the_book() -> None:
    collocates = Collocates("zzzz")
    assert "does not occur in the book" in shown(collocates) and collocates.result.empty
    control(collocates, "Node word").value = "peasant*"
    assert len(collocates.result) == len(ld.collocates("peasant*"))


# --------------------------------------------------------------------------- Clusters


def test_clusters_are_ngrams() -> None:
    found = Clusters(4, stopwords=False)
    pd.testing.assert_frame_equal(found.result, ld.ngrams(4, stopwords=False))
    assert found.result.loc[0, ["ngram", "count"]].tolist() == [
        "dictatorship of the proletariat",
        61,
    ]
    control(found, "Words (n)").value = 3
    control(found, "Containing").value = "peasant*"
    expected = ld.ngrams(3, stopwords=False)
    expected = expected[expected["ngram"].str.contains(r"\bpeasant", regex=True)]
    assert found.result["ngram"].tolist() == expected["ngram"].tolist()
    control(found, "Chapter").value = 5
    by_chapter = ld.ngrams(3, by="chapter", stopwords=False, min_freq=1)
    in_v = by_chapter[(by_chapter["chapter"] == 5) & (by_chapter["count"] >= 2)]
    in_v = in_v[in_v["ngram"].str.contains(r"\bpeasant", regex=True)]
    assert sorted(found.result["ngram"]) == sorted(in_v["ngram"])
    assert "chapters: in how many chapters the phrase occurs" in shown(found)


# --------------------------------------------------------------------------- options


def test_search_options_reach_only_the_functions_that_take_them() -> None:
    options = SearchOptions("party", chapter=8, include_quotations=False, include_citations=True)
    assert options.arguments(ld.collocates) == {
        "include_quotations": False,
        "include_citations": True,
    }
    assert options.arguments(ld.kwic)["chapter"] == 8
    assert options.unsupported(ld.collocates) == ["chapter"]
    lines = options.call(ld.kwic)
    pd.testing.assert_frame_equal(
        lines, ld.kwic("party", chapter=8, include_quotations=False, include_citations=True)
    )
    # the Include citations checkbox is live wherever the analysis takes the option
    for widget in (Collocates("party"), WordList(), Clusters(3)):
        assert not control(widget, "Include citations").disabled


# --------------------------------------------------------------------------- charts


def test_charts_have_a_tooltip_on_every_mark_with_a_real_value() -> None:
    counts = ld.term_frequencies("proletariat")
    counts["name"] = [f"Chapter {c}" for c in ld.chapters()["label"]]
    chart = bar_chart(counts, "name", "count", title="proletariat by chapter")
    assert "<title>Chapter IV: 49</title>" in chart.svg
    assert chart.svg.count('class="ld-mark"') == chart.svg.count("<title>") - 1 == 10
    pd.testing.assert_frame_equal(chart.result, counts)
    assert repr(chart) == "Chart(bar, 'proletariat by chapter', 10 bars)"
    assert chart._repr_html_().startswith("<style>") and "<script" not in chart._repr_html_()
    line = line_chart(counts, "name", "count", title="proletariat")
    assert "<title>Chapter VIII: 66</title>" in line.svg
    horizontal = bar_chart(counts, "name", "count", title="t", horizontal=True)
    assert "<title>Chapter V: 46</title>" in horizontal.svg


def test_charts_follow_the_theme_and_are_accessible() -> None:
    both = ld.term_frequencies(["proletariat", "peasantry"])
    chart = grouped_bar_chart(both, "chapter", "count", "term", title="Two terms")
    assert "<title>peasantry · 5: 51</title>" in chart.svg
    html = chart._repr_html_()
    colours = re.findall(r"(?:fill|stroke):([^;}\"]+)", html)
    assert colours and all(c.startswith("var(--jp-") or c == "none" for c in colours)
    assert 'role="img"' in chart.svg and 'aria-label="Two terms"' in chart.svg
    assert "<desc>count by chapter for proletariat, peasantry</desc>" in chart.svg


def test_dispersion_chart_and_heatmap() -> None:
    hits = ld.dispersion("Shipka").hits.assign(term="Shipka")
    strip = dispersion_chart(hits, [(0.0, "I"), (0.5, "V")], title="Shipka")
    assert "<title>Shipka · ¶ IV.26, p. 40</title>" in strip.svg
    assert repr(strip) == "Chart(dispersion, 'Shipka', 1 strip, 1 hit)"
    similarity = ld.compare("V", "VI").similarity
    matrix = pd.DataFrame(
        [[1.0, similarity], [similarity, 1.0]], index=["V", "VI"], columns=["V", "VI"]
    )
    cells = heatmap(matrix, title="Similarity of chapters")
    assert "<title>V × VI: 0.30</title>" in cells.svg  # cosine 0.3034
    pd.testing.assert_frame_equal(cells.result, matrix)


@pytest.mark.parametrize("hostile", ["<img src=x onerror=alert(1)>"])
def test_chart_labels_are_escaped(hostile: str) -> None:
    frame = pd.DataFrame({"name": [hostile], "n": [1]})
    for chart in (
        bar_chart(frame, "name", "n", title=hostile),
        line_chart(frame, "name", "n", title=hostile),
    ):
        assert "<img" not in chart.svg and "&lt;img src=x onerror=alert(1)&gt;" in chart.svg
