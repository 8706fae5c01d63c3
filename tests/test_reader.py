"""Headless tests of the Reader: set control values or click, read the rendered HTML.

(Moved here from tests/test_widgets.py when the Reader gained the study companion; the
checks every widget shares stay there.)
"""

from __future__ import annotations

import ipywidgets as widgets
import pytest

import leninism_data as ld
from leninism_data.tables.companion import entry_by_id
from leninism_data.widgets import Reader
from leninism_data.widgets._base import ALL
from leninism_data.widgets.reader import resolve_paragraph


def descendants(widget: widgets.Widget) -> list[widgets.Widget]:
    found = [widget]
    for child in getattr(widget, "children", ()):
        found += descendants(child)
    return found


def control(widget: widgets.Widget, description: str) -> widgets.Widget:
    matches = [
        w
        for w in descendants(widget)
        if isinstance(w, (widgets.Text, widgets.Dropdown, widgets.Button))
        and w.description == description
    ]
    assert len(matches) == 1, f"no single control labelled {description!r}"
    return matches[0]


def text_of(paragraph_id: str) -> str:
    return ld.paragraphs().set_index("paragraph_id").loc[paragraph_id, "text"]


def footnote_text(number: int) -> str:
    return ld.footnotes().set_index("footnote").loc[number, "text"]


# ------------------------------------------------------------------ the text on view


def test_footnote_20_opens_in_place_at_its_marker_in_iv_26() -> None:
    html = Reader("IV").html
    assert "¶ <b>IV.26</b><br>pp. 39–40" in html
    assert (
        'Pass”<details class="ld-fn"><summary title="Footnote 20">20</summary>'
        f'<span class="ld-fn-text">{footnote_text(20)}</span></details>; nevertheless'
    ) in html
    assert '<span class="ld-pagebreak">[p. 40]</span>course' in html
    assert 'class="ld-para ld-with-notes' not in html  # no column of notes: no blank gap


def test_reader_marks_quotations_and_citations() -> None:
    html = Reader("VIII").html
    assert 'class="ld-para ld-quotation"' in html
    assert "quoting Lenin" in html
    assert (
        '<span class="ld-cite" title="Lenin, Works, 3rd Russian edition, Vol. XXV, '
        'p. 190">(See Vol. XXV, p. 190.)</span>'
    ) in html


def test_words_with_a_companion_entry_are_marked() -> None:
    reader = Reader(paragraph_id="VII.54")
    assert (
        '“<span class="ld-entry" title="Glossary: Otzovists (Otzovism)">Otzovist</span>” tactics'
        in reader.html
    )
    assert (
        '<span class="ld-entry" title="Person: Karl Kautsky">Kautsky</span>' in Reader("IV").html
    )


def test_no_scroll_area_inside_the_reader() -> None:
    reader = Reader("VII", notes=ld.NoteStore(":memory:"))
    for widget in descendants(reader):
        layout = widget.layout
        assert layout.max_height is None and layout.overflow in (None, "visible"), widget
    assert "max-height" not in reader.html and "overflow:auto" not in reader.html


def test_dropdowns_show_whole_labels() -> None:
    reader = Reader("IV")
    chapter = control(reader, "Chapter")
    assert chapter.label == "IV · The Dictatorship of the Proletariat"
    assert chapter.layout.width == "auto" and control(reader, "Section").layout.width == "auto"
    reader.go_to("IV.27")
    assert control(reader, "Section").label == (
        "2 · The dictatorship of the proletariat as the rule of the proletariat over the "
        "bourgeoisie"
    )


# ------------------------------------------------------------------ navigation


def test_reader_steps_through_chapters_and_sections() -> None:
    reader = Reader()
    assert (
        reader.result["paragraph_id"].tolist()
        == ld.paragraphs().query("chapter == 0")["paragraph_id"].tolist()
    )
    assert control(reader, "◀ Previous").disabled
    control(reader, "Next ▶").click()
    assert repr(reader) == "Reader(chapter='I', 34 paragraphs)"
    control(reader, "Chapter").value = 3
    control(reader, "Section").value = 3
    control(reader, "Next ▶").click()
    assert repr(reader) == "Reader(chapter='IV', section=0, 4 paragraphs)"
    control(reader, "◀ Previous").click()
    assert repr(reader) == "Reader(chapter='III', section=3, 55 paragraphs)"
    control(reader, "Section").value = ALL
    control(reader, "Next ▶").click()
    assert repr(reader) == "Reader(chapter='IV', 64 paragraphs)"


def test_go_to_iv_27_in_lower_case_shows_its_text_and_page() -> None:
    reader = Reader("IV")
    reader.go_to("iv.27")
    assert reader.studied == "IV.27"
    assert repr(reader) == "Reader(chapter='IV', section=2, paragraph_id='IV.27', 15 paragraphs)"
    studied = reader._studied.value
    assert "¶ <b>IV.27</b><br>p. 40</div>" in studied
    assert "is a revolutionary power based on the use of force against the bourgeoisie." in studied
    assert text_of("IV.27").startswith("The dictatorship of the proletariat arises not")


def test_reader_goes_to_a_paragraph_or_a_page_from_the_box() -> None:
    reader = Reader()
    control(reader, "Go to").value = "¶ iv.30"
    assert repr(reader) == "Reader(chapter='IV', section=2, paragraph_id='IV.30', 15 paragraphs)"
    html = reader.html
    assert "<details><summary>¶ IV.26–IV.29 (4 paragraphs before ¶ IV.30)</summary>" in html
    assert 'class="ld-para ld-focus"><div class="ld-margin">¶ <b>IV.30</b>' in html
    control(reader, "Go to").value = "p. 88"  # VIII.2 runs from page 87 onto page 88
    assert reader.studied == "VIII.2"
    control(reader, "Go to").value = "IV.299"
    assert reader.studied == "VIII.2"
    assert (
        "Chapter IV has paragraphs IV.1–IV.64. Did you mean &#x27;IV.64&#x27;, "
        "&#x27;IV.63&#x27;, &#x27;IV.62&#x27;?"
    ) in reader._message.value
    control(reader, "Go to").value = "200"
    assert "No paragraph is printed on page 200" in reader._message.value


def test_an_error_message_is_cleared_by_the_next_success() -> None:
    reader = Reader()
    control(reader, "Go to").value = "IV.299"
    assert "Did you mean" in reader._message.value
    control(reader, "Go to").value = "iv.28"
    assert reader._message.value == "" and reader.studied == "IV.28"


def test_paragraph_ids_in_any_case_and_suggestions_from_the_same_chapter() -> None:
    assert resolve_paragraph("iv.28").paragraph_id == "IV.28"
    assert resolve_paragraph(" Intro.3 ").paragraph_id == "Intro.3"
    assert resolve_paragraph("viii . 2").paragraph_id == "VIII.2"
    with pytest.raises(ld.UnknownParagraphError, match=r"Did you mean 'V\.58', 'V\.57', 'V\.56'"):
        resolve_paragraph("v.99")
    with pytest.raises(ld.UnknownParagraphError, match=r"Use a paragraph id \('IV\.27'"):
        resolve_paragraph("Chapter four")
    # the one resolver: a sentence id or a footnote opens its paragraph
    assert resolve_paragraph("IV.27.2").paragraph_id == "IV.27"
    assert resolve_paragraph("Footnote 3").paragraph_id == "I.30"


def test_hostile_go_to_is_shown_as_text() -> None:
    reader = Reader("IV")
    control(reader, "Go to").value = "<img src=x onerror=alert(1)>"
    assert "<img" not in reader._message.value
    assert "&#x27;&lt;img src=x onerror=alert(1)&gt;&#x27; is not in the book" in (
        reader._message.value
    )


def test_reader_opens_at_a_paragraph_and_rejects_unknown_ones() -> None:
    assert Reader(paragraph_id="i.3").studied == "I.3"
    assert repr(Reader("I", section=0)) == "Reader(chapter='I', 34 paragraphs)"
    with pytest.raises(ld.UnknownParagraphError, match="Did you mean"):
        Reader(paragraph_id="IV.299")
    with pytest.raises(ValueError, match="is not a chapter of the book"):
        Reader("X")


def test_studying_the_next_and_previous_paragraph() -> None:
    reader = Reader("IX")
    assert reader.studied == "IX.1" and control(reader, "◀ Previous ¶").disabled
    control(reader, "Next ¶ ▶").click()
    assert reader.studied == "IX.2"
    assert "<details><summary>¶ IX.1–IX.1 (1 paragraph before ¶ IX.2)</summary>" in reader.html
    control(reader, "◀ Previous ¶").click()
    assert reader.studied == "IX.1"


# ------------------------------------------------------------------ footnotes and entries


def test_footnote_10_toggle_opens_its_note_at_the_marker() -> None:
    reader = Reader(paragraph_id="III.7")
    [toggle] = reader.footnote_buttons
    assert toggle.description == "Footnote 10" and footnote_text(10) == "My italics.—J. St."
    closed = '<details class="ld-fn"><summary title="Footnote 10">10</summary>'
    assert closed in reader._studied.value
    toggle.value = True
    assert (
        '<details class="ld-fn" open><summary title="Footnote 10">10</summary>'
        '<span class="ld-fn-text">My italics.—J. St.</span></details>'
    ) in reader._studied.value
    toggle.value = False
    assert closed in reader._studied.value


def test_clicking_otzovists_shows_its_entry_beside_the_paragraph() -> None:
    reader = Reader(paragraph_id="VII.54")
    [button] = [b for b in reader.entry_buttons if b.description.startswith("Otzovists")]
    assert reader.entry_view.entry is None
    button.click()
    definition = entry_by_id("glossary", "otzovists")["definition"]
    assert reader.entry_view.entry == ("glossary", "otzovists")
    assert definition[:60].replace("'", "&#x27;") in reader.entry_view.html
    assert 'class="ld-entry ld-chosen"' in reader._studied.value
    others = reader.entry_view.paragraph_ids
    assert "VII.54" not in others and others  # links to the *other* paragraphs
    reader.entry_view.buttons[0].click()
    assert reader.studied == others[0] and reader.entry_view.entry is None


def test_entry_buttons_list_people_works_and_events_of_the_paragraph() -> None:
    reader = Reader(paragraph_id="VII.57")
    tips = [b.tooltip for b in reader.entry_buttons]
    assert "Person: Wolfgang Kapp" in tips
    assert any(tip.startswith("Event: ") for tip in tips)
    [kapp] = [b for b in reader.entry_buttons if b.tooltip == "Person: Wolfgang Kapp"]
    kapp.click()
    assert "The book’s error:" in reader.entry_view.html and "1858" in reader.entry_view.html
