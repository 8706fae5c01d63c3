"""The study companion: the reviewed data files, their checks, the mention finder, the
Companion widget and the handouts' glossary box. Expected values come from the book and
from the reviewed entries."""

from __future__ import annotations

import itertools
import re

import ipywidgets as widgets
import pandas as pd
import pytest

import leninism_data as ld
from leninism_data.tables import companion
from leninism_data.tables.companion import (
    CompanionDataError,
    date_conflicts,
    entry_by_id,
    entry_paragraphs,
    paragraph_entries,
    validate_entries,
)
from leninism_data.widgets import Companion
from leninism_data.widgets.companion import (
    COMPANION_STYLE,
    entry_html,
    mark_companion,
    timeline_svg,
)

TABLES = {
    "glossary": ld.glossary,
    "person": ld.biographies,
    "work": ld.bibliography,
    "event": ld.timeline,
}
HOSTILE = "<img src=x onerror=alert(1)>"


def every_entry() -> list[tuple[str, pd.Series]]:
    return [(kind, row) for kind, table in TABLES.items() for _, row in table().iterrows()]


# ------------------------------------------------------------------ the data


def test_counts_meet_the_issue() -> None:
    assert len(ld.glossary()) >= 60
    assert len(ld.timeline()) >= 30
    assert len(ld.biographies()) >= len(ld.people_index()) == 37
    assert len(ld.bibliography()) >= len(ld.works_index()) == 30


def test_every_paragraph_id_and_footnote_resolves() -> None:
    paragraph_ids = set(ld.paragraphs()["paragraph_id"])
    footnotes = set(ld.footnotes()["footnote"])
    for kind, row in every_entry():
        assert row["paragraph_ids"] or row["footnotes"], (kind, row["id"])
        assert set(row["paragraph_ids"]) <= paragraph_ids, (kind, row["id"])
        assert set(row["footnotes"]) <= footnotes, (kind, row["id"])


def test_every_entry_has_a_reference_and_a_unique_id() -> None:
    for _kind, row in every_entry():
        assert row["references"] and all(r.strip() for r in row["references"]), row["id"]
    for kind, table in TABLES.items():
        assert table()["id"].is_unique, kind


def test_every_person_of_the_people_index_has_a_biography() -> None:
    joined = ld.people_index().merge(
        ld.biographies(), left_on="person", right_on="index_name", how="left", indicator=True
    )
    assert (joined["_merge"] == "both").all(), joined.loc[joined["_merge"] != "both", "person"]
    kautsky = joined.set_index("person").loc["Kautsky"]
    assert (kautsky["born"], kautsky["died"], kautsky["presented"]) == (
        1854,
        1938,
        "polemicised against",
    )


def test_every_work_of_the_works_index_has_a_bibliography_entry() -> None:
    joined = ld.works_index().merge(
        ld.bibliography(), left_on="work", right_on="index_title", how="left", indicator=True
    )
    assert (joined["_merge"] == "both").all(), joined.loc[joined["_merge"] != "both", "work"]
    titles = set(ld.works_index()["work"])
    used = ld.bibliography().query("index_title != ''")["index_title"]
    assert set(used) <= titles  # no stale spelling
    assert joined.set_index("work").loc["The State and Revolution", "year"] == 1917


def test_cited_volumes_of_each_work_are_cited_in_its_paragraphs() -> None:
    citations = ld.citations().dropna(subset=["volume"])
    for row in ld.bibliography().itertuples():
        cited = set(citations[citations["paragraph_id"].isin(row.paragraph_ids)]["volume"])
        assert set(row.citation_volumes) <= {int(v) for v in cited}, row.id
    state = ld.bibliography().set_index("id").loc["state-and-revolution"]
    assert state["citation_volumes"] == (21,)


def test_the_book_s_own_error_on_kapp_is_recorded() -> None:
    kapp = ld.biographies().set_index("id").loc["kapp"]
    assert "Kapp (1868-1922)" in ld.footnotes().set_index("footnote").loc[27, "text"]
    assert (kapp["born"], kapp["died"]) == (1858, 1922)
    assert "1868" in kapp["book_error"] and "1858" in kapp["book_error"]


def test_events_lie_between_1848_and_1924_in_date_order() -> None:
    events = ld.timeline()
    assert events["year"].between(1848, 1924).all()
    assert events["date"].is_monotonic_increasing
    assert (events["year_end"] >= events["year"]).all()
    commune = events.set_index("id").loc["paris-commune"]
    assert (commune["date"], commune["date_end"]) == ("1871-03-18", "1871-05-28")


def test_tables_are_fresh_copies() -> None:
    frame = ld.glossary()
    frame.loc[0, "term"] = "scribbled"
    assert ld.glossary().loc[0, "term"] != "scribbled"


def test_chapters_follow_the_paragraphs_and_footnotes() -> None:
    otzovists = ld.glossary().set_index("id").loc["otzovists"]
    assert otzovists["chapters"] == (7,)
    kapp = ld.biographies().set_index("id").loc["kapp"]
    assert kapp["footnotes"] == (27,) and 7 in kapp["chapters"]


# ------------------------------------------------------------------ the checks


def test_no_two_entries_date_the_same_thing_differently() -> None:
    assert date_conflicts() == []


@pytest.fixture
def planted(monkeypatch):
    """Replace one entry of a file for the length of a test."""

    def plant(kind: str, entry_id: str, **changes: object) -> None:
        original = companion._entries

        def entries(wanted):
            rows = original(wanted)
            if wanted != kind:
                return rows
            return tuple({**r, **changes} if r["id"] == entry_id else r for r in rows)

        monkeypatch.setattr(companion, "_entries", entries)

    return plant


def test_date_check_catches_a_birth_year_against_the_timeline(planted) -> None:
    # The Kapp putsch event says he "was born on 24 July 1858".
    planted("person", "kapp", born=1868)
    problems = date_conflicts()
    assert "event kapp-putsch says Wolfgang Kapp born in 1858; people.toml says 1868" in problems


def test_date_check_catches_a_footnote_s_life_dates_without_book_error(planted) -> None:
    planted("person", "kapp", book_error="")
    assert (
        "footnote 27 gives Kapp 1868–1922; people.toml says 1858–1922 and no book_error "
        "explains it"
    ) in date_conflicts()


def test_date_check_catches_a_work_year_against_the_timeline(planted) -> None:
    planted("work", "left-wing-communism", year=1921, about="A pamphlet.", how_used="Quoted.")
    assert any(p.startswith("event left-wing-communism (1920-04) names") for p in date_conflicts())


def test_date_check_catches_a_glossary_day_against_the_timeline(planted) -> None:
    definition = entry_by_id("glossary", "paris-commune")["definition"]
    assert "28 May 1871" in definition
    planted("glossary", "paris-commune", definition=definition.replace("28 May", "29 May"))
    assert (
        "event paris-commune is dated 1871-03-18–1871-05-28; the glossary's 'Paris Commune' "
        "says 1871-05-29"
    ) in date_conflicts()


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"paragraph_ids": ["IV.299"]}, "unknown paragraph id 'IV.299'"),
        ({"footnotes": [33]}, "unknown footnote 33"),
        ({"references": []}, "at least one reference"),
        ({"paragraph_ids": [], "footnotes": []}, "no paragraph id and no footnote"),
        ({"date": "March 1920"}, "is not an ISO date"),
        ({"date": "1939"}, "lies outside 1848–1924"),
        ({"date_end": "1919"}, "comes before date"),
        ({"id": "Kapp Putsch"}, "lower-case slug"),
        ({"paragraph_ids": "VII.57"}, "paragraph_ids should be a list, not 'VII.57'"),
        ({"event": 1920}, "event should be str, not 1920"),
    ],
)
def test_bad_entries_are_refused_naming_file_and_entry(changes: dict, problem: str) -> None:
    entry = {
        "id": "kapp-putsch",
        "date": "1920-03-13",
        "date_end": "",
        "event": "Kapp putsch",
        "paragraph_ids": ["VII.57"],
        "footnotes": [27],
        "references": ["A reference"],
    }
    with pytest.raises(CompanionDataError, match=re.escape(problem)) as error:
        validate_entries("event", [{**entry, **changes}], "timeline.toml")
    assert str(error.value).startswith("timeline.toml, entry ")


def test_a_missing_field_and_a_repeated_id_are_refused() -> None:
    entry = dict(entry_by_id("glossary", "otzovists"))
    with pytest.raises(
        CompanionDataError, match=r"glossary\.toml, entry 'otzovists': missing forms"
    ):
        validate_entries(
            "glossary", [{k: v for k, v in entry.items() if k != "forms"}], "glossary.toml"
        )
    with pytest.raises(CompanionDataError, match="the id is used twice"):
        validate_entries("glossary", [entry, entry], "glossary.toml")


# ------------------------------------------------------------------ mentions


def test_mentions_are_whole_words_in_any_case_longest_first() -> None:
    text = "Marxism is not Marx; the second international and the Second International."
    found = [(text[s:e], kind, entry_id) for s, e, kind, entry_id in ld.companion_mentions(text)]
    assert ("Marx", "person", "marx") in found
    assert all(match != "Marxism" for match, *_ in found)  # whole words only
    assert ld.companion_mentions("Marxism") == []
    assert ("second international", "glossary", "second-international") in found
    assert ("Second International", "glossary", "second-international") in found


def test_mentions_never_overlap_and_prefer_the_longest_spelling() -> None:
    text = "Engels, Ludwig Feuerbach and the End of Classical German Philosophy"
    mentions = ld.companion_mentions(text)
    assert [(text[s:e], k) for s, e, k, _ in mentions] == [
        ("Engels", "person"),
        ("Ludwig Feuerbach and the End of Classical German Philosophy", "work"),
    ]
    for first, second in itertools.pairwise(mentions):
        assert first[1] <= second[0]


def test_a_paragraph_needs_the_entries_it_names_and_those_listing_it() -> None:
    needed = paragraph_entries("VII.57")
    assert ("person", "kapp") in needed and ("glossary", "kapp-putsch") in needed
    assert ("event", "kapp-putsch") in needed
    assert "VII.57" in entry_paragraphs("person", "kapp")
    people = ld.people().query("person == 'Kugelmann'")["paragraph_id"].tolist()
    assert entry_paragraphs("person", "kugelmann") == tuple(people) == ("IV.34",)


def test_mark_companion_escapes_and_marks() -> None:
    html = mark_companion(f"{HOSTILE} the Mensheviks")
    assert "<img" not in html
    assert html.endswith('<span class="ld-entry" title="Glossary: Mensheviks">Mensheviks</span>')


def test_entry_cards_are_escaped(monkeypatch) -> None:
    original = companion._entry_index()
    hostile = {**original[("glossary", "otzovists")], "definition": HOSTILE}
    monkeypatch.setattr(
        companion, "_entry_index", lambda: {**original, ("glossary", "otzovists"): hostile}
    )
    html = entry_html("glossary", "otzovists")
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_style_takes_every_colour_from_the_theme() -> None:
    colours = re.findall(
        r"(?:color|background|border[\w-]*|fill|stroke):([^;}]+)", COMPANION_STYLE
    )
    assert colours and all("var(--jp-" in value for value in colours)
    assert not re.search(r"#[0-9a-fA-F]{3}|rgba?\(|hsla?\(", COMPANION_STYLE)
    assert "#" not in timeline_svg(ld.timeline()).split("<title>")[0]


# ------------------------------------------------------------------ the Companion widget


def test_companion_searches_filters_and_opens_an_entry() -> None:
    browser = Companion("Otzov")
    assert ("glossary", "otzovists") in set(
        zip(browser.result["kind"], browser.result["entry_id"])
    )
    assert "Otzovists (Otzovism)" in browser.html
    browser.show_entry("glossary", "otzovists")
    assert browser.entry_view.entry == ("glossary", "otzovists")
    assert "VII.54" in browser.entry_view.paragraph_ids
    [button] = [b for b in browser.entry_view.buttons if b.description == "VII.54"]
    button.click()
    assert '“<span class="ld-entry ld-chosen"' in browser._passage.value
    assert "¶ VII.54, p. 80." in browser._passage.value


def test_companion_kind_and_chapter_filters() -> None:
    people_in_vii = Companion(kind="person", chapter="VII").result
    assert set(people_in_vii["kind"]) == {"person"}
    assert "kapp" in set(people_in_vii["entry_id"])
    assert all(7 in chapters for chapters in people_in_vii["chapters"])
    assert repr(Companion(kind="person", chapter="VII")).startswith(
        "Companion(kind='person', chapter='VII', "
    )
    with pytest.raises(ValueError, match="Unknown kind 'people'"):
        Companion(kind="people")  # type: ignore[arg-type]


def test_companion_timeline_places_events_with_their_chapters() -> None:
    browser = Companion(timeline=True)
    events = ld.timeline()
    assert repr(browser) == f"Companion(timeline=True, {len(events)} events)"
    html = browser.html
    assert '<svg class="ld-timeline"' in html and html.count("<title>") == len(events)
    assert "<title>1871-03-18 – 1871-05-28: The Paris Commune" in html
    assert "<dt>1871</dt>" in html and "· chapter IV · ¶ IV.62" in html
    browser._chapter.value = 7
    assert set(browser.result["kind"]) == {"event"} and len(browser.result) < len(events)


def test_companion_explains_an_empty_search_and_escapes_it() -> None:
    browser = Companion(HOSTILE)
    assert browser.result.empty
    assert "<img" not in browser.html and "No entry matches “&lt;img" in browser.html


def test_companion_is_a_study_widget_with_labelled_controls() -> None:
    browser = Companion()
    assert repr(browser) == repr(Companion()) and len(repr(browser)) <= 110
    frame = browser.result
    frame["scribbled"] = 1
    assert "scribbled" not in browser.result.columns
    stack = [browser]
    while stack:
        widget = stack.pop()
        stack += list(getattr(widget, "children", ()))
        if isinstance(widget, (widgets.Text, widgets.Dropdown, widgets.ToggleButtons)):
            assert widget.description.strip()
        if isinstance(widget, widgets.Text):
            assert widget.continuous_update is False


# ------------------------------------------------------------------ handouts


def test_handout_glossary_box_explains_what_the_passages_need() -> None:
    otzovists = entry_by_id("glossary", "otzovists")["definition"]
    sheet = ld.handout(["VII.54"], glossary=True)
    assert '<section class="ld-glossary"><h2>Glossary</h2><dl><dt>Otzovists (Otzovism)</dt>' in (
        sheet.html
    )
    assert otzovists.replace("'", "&#x27;") in sheet.html
    assert "## Glossary" in sheet.markdown and "**Otzovists (Otzovism).**" in sheet.markdown
    assert "ld-glossary" not in ld.handout(["VII.54"]).html
    kapp = ld.handout(["VII.57"], glossary=True).markdown
    assert "**Wolfgang Kapp (1858–1922).**" in kapp
