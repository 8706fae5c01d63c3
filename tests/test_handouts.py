"""Tests of leninism_data.seminar.handouts: printable handouts of passages, escaped and complete."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

import leninism_data as ld
from leninism_data.corpus.book import book
from leninism_data.seminar.handouts import CSS, Handout, handout, md_escape

PARAGRAPHS = ld.paragraphs().set_index("paragraph_id")
FOOTNOTES = ld.footnotes().set_index("footnote")
CITATIONS = ld.citations()
ATTACK = "<script>alert(1)</script> & <img src=x onerror=alert(2)>"


class _Page(HTMLParser):
    """Reads a handout's HTML: the tags used, the text of each passage and of each block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.passage_text: list[str] = []  # text of each .ld-text, without markers
        self.blocks: dict[str, list[str]] = {}  # class -> text of each element with it
        self._open: list[tuple[str, str]] = []  # (tag, class) of open elements

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        cls = dict(attrs).get("class") or ""
        self._open.append((tag, cls))
        if "ld-text" in cls.split():
            self.passage_text.append("")
        if cls:
            self.blocks.setdefault(cls, []).append("")

    def handle_endtag(self, tag: str) -> None:
        while self._open:
            if self._open.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        classes = [cls for _, cls in self._open]
        if "ld-text" in classes and not {"ld-fn", "ld-page"} & set(classes):
            self.passage_text[-1] += data
        for cls in dict.fromkeys(c for c in classes if c):
            self.blocks[cls][-1] += data


def read(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


def without_page_marks(text: str) -> str:
    """A passage's text as the reader sees it, minus the [p. N] marks (one space each)."""
    return " ".join(text.split())


@pytest.fixture
def store(tmp_path: Path) -> ld.NoteStore:
    with ld.NoteStore(tmp_path / "notes.sqlite3") as notes:
        notes.add("III.7", f"Theory first. {ATTACK}\nSecond line & more.", tags=["theory", "a&b"])
        notes.add("fn:10", "Whose italics? <b>Stalin's</b>.")
        notes.add("IV.27", "Not on this handout.")
        yield notes


# --- escaping ---------------------------------------------------------------------------


def test_html_escapes_title_questions_notes_and_tags(store: ld.NoteStore) -> None:
    sheet = handout(
        ["III.7", "III.9"], title=f"Week 3 {ATTACK}", questions=[ATTACK, "Why & how?"], notes=store
    )
    page = read(sheet.html)
    assert "script" not in page.tags and "img" not in page.tags
    assert "<script>" not in sheet.html and "<img" not in sheet.html
    assert (
        "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(2)&gt;"
        in sheet.html
    )
    assert f"<title>Week 3 {html.escape(ATTACK)}</title>" in sheet.html
    assert page.blocks["ld-questions"][0].endswith(f"{ATTACK}Why & how?")
    notes_text = page.blocks["ld-notes"][0]
    assert f"Theory first. {ATTACK}\nSecond line & more. (a&b, theory)" in notes_text
    assert "On footnote 10: Whose italics? <b>Stalin's</b>." in notes_text
    # The only <b> elements are the handout's own labels, never a note's.
    assert "<b>Stalin" not in sheet.html


def test_markdown_escapes_everything_a_renderer_could_read_as_markup(store: ld.NoteStore) -> None:
    mistune = pytest.importorskip("mistune")
    title = f"# Week *3* {ATTACK}"
    sheet = handout(["III.7"], title=title, questions=[ATTACK, "1. not a list"], notes=store)
    assert "<script>" not in sheet.markdown and "&" not in sheet.markdown.replace("\\&", "")
    rendered = mistune.create_markdown(escape=False)(sheet.markdown)  # raw HTML would pass
    assert "script" not in read(rendered).tags and "img" not in read(rendered).tags
    heading = re.search(r"<h1>(.*?)</h1>", rendered)
    assert heading is not None and "".join(_texts(heading.group(1))) == title
    questions = re.search(r"<ol>(.*?)</ol>", rendered, re.DOTALL)
    assert questions is not None
    assert "".join(_texts(questions.group(1))).split("\n") == ["", ATTACK, "1. not a list", ""]


def test_md_escape_is_undone_exactly_by_a_commonmark_renderer() -> None:
    mistune = pytest.importorskip("mistune")
    render = mistune.create_markdown(escape=False)
    for text in (
        ATTACK,
        "*a* _b_ `c` [d](e) ![f](g) #h |i| ~j~ \\k",
        "- item",
        "+ item",
        "1) one",
        "12. twelve",
        "---",
        "===",
    ):
        html_out = render(md_escape(text)).strip()
        assert html_out.startswith("<p>") and html_out.endswith("</p>"), (text, html_out)
        assert read(html_out).tags == ["p"]
        assert "".join(_texts(html_out)) == text


def _texts(fragment: str) -> list[str]:
    found: list[str] = []

    class Collect(HTMLParser):
        def handle_data(self, data: str) -> None:
            found.append(data)

    Collect(convert_charrefs=True).feed(fragment)
    return found


def test_book_text_survives_escaping_word_for_word() -> None:
    sheet = handout("IV")
    page = read(sheet.html)
    expected = PARAGRAPHS.loc[list(sheet.paragraph_ids), "text"].tolist()
    # Page marks are inserted as " [p. N]" at a space: removing them restores the text.
    assert [without_page_marks(t) for t in page.passage_text] == [
        " ".join(t.split()) for t in expected
    ]


# --- what a passage carries --------------------------------------------------------------


def test_footnote_markers_stand_at_their_offsets() -> None:
    sheet = handout(["II.23", "III.7"])
    assert '(“Left-Wing” Communism)<sup class="ld-fn">6</sup>; for theory' in sheet.html
    assert 'Are)<sup class="ld-fn">7</sup>, for it must be tested' in sheet.html
    assert 'movement.”<sup class="ld-fn">10</sup> (See Vol. IV, p. 380.)' in sheet.html
    assert "movement.”¹⁰ (See Vol. IV, p. 380.)" in sheet.markdown
    assert "(“Left-Wing” Communism)⁶; for theory" in sheet.markdown


def test_page_breaks_fall_between_words() -> None:
    sheet = handout(["III.7", "I.4", "Intro.6"])
    assert 'revolutionary <span class="ld-page">[p. 20]</span> movement' in sheet.html
    assert "revolutionary \\[p. 20\\] movement" in sheet.markdown
    # I.4's page break splits "weakening" in the print: the mark waits for the word's end.
    assert 'weakening <span class="ld-page">[p. 6]</span> of the' in sheet.html
    # Page 2 opens with "rooted": the mark stands before it, not after.
    assert 'phenomenon <span class="ld-page">[p. 2]</span> rooted in' in sheet.html
    assert "phenomenon \\[p. 2\\] rooted in" in sheet.markdown


def test_every_page_mark_of_the_book_stands_between_whole_words() -> None:
    sheet = handout("book")
    marks = re.findall(r'(.{0,12}) <span class="ld-page">\[p\. (\d+)\]</span>(.?)', sheet.html)
    n_breaks = sum(len(p.page_breaks) - 1 for p in book().paragraphs)
    assert len(marks) == n_breaks == 72
    for before, _, after in marks:
        assert before and not before[-1].isspace(), before
        assert after in (" ", "<"), (before, after)


def test_footnotes_are_printed_under_their_passage() -> None:
    sheet = handout(["III.7"])
    page = read(sheet.html)
    assert page.blocks["ld-footnotes"] == [f"10 {FOOTNOTES.loc[10, 'text']}"]
    assert f"*Footnote 10.* {md_escape(FOOTNOTES.loc[10, 'text'])}" in sheet.markdown


def test_every_footnote_and_citation_of_a_chapter_is_on_its_handout() -> None:
    sheet = handout(4)
    page = read(sheet.html)
    footnotes = FOOTNOTES[FOOTNOTES["chapter"] == 4]
    shown = "\n".join(page.blocks["ld-footnotes"])
    for number, text in footnotes["text"].items():
        assert f"{number} {text}" in shown
    references = "\n".join(page.blocks["ld-references"])
    cited = CITATIONS[CITATIONS["chapter"] == 4]
    assert references.count(" — ") == len(cited) == 17
    for raw in cited["raw"]:
        assert f"({raw}) — " in references


def test_references_spell_out_volume_and_resolve_ibid() -> None:
    sheet = handout(["III.7", "III.52", "IV.21"])
    assert "(See Vol. IV, p. 380.) — Lenin, Works (3rd Russian ed.), Vol. 4, p. 380" in sheet.html
    assert (
        "(Ibid., p. 191.) — Lenin, Works (3rd Russian ed.), Vol. 7, p. 191 (Ibid.)" in sheet.html
    )
    assert "pp. 173 and 190" in sheet.html


def test_block_quotations_name_who_is_quoted() -> None:
    sheet = handout(["III.7"])
    assert '<blockquote class="ld-text">' in sheet.html
    assert "block quotation (Lenin)" in sheet.html
    assert "### ¶ III.7 · pp. 19–20 · block quotation (Lenin)" in sheet.markdown


# --- notes ---------------------------------------------------------------------------------


def test_notes_from_a_store_or_its_frame_give_the_same_handout(store: ld.NoteStore) -> None:
    from_store = handout(["III.7", "III.8"], notes=store)
    from_frame = handout(["III.7", "III.8"], notes=store.list())
    assert from_store == from_frame
    assert "Not on this handout." not in from_store.html  # IV.27 is not on it
    assert "- *On footnote 10:* Whose italics? \\<b\\>Stalin's\\</b\\>." in from_store.markdown
    assert "Second line \\& more. *(a\\&b, theory)*" in from_store.markdown


def test_a_plain_frame_of_notes_is_enough() -> None:
    frame = pd.DataFrame(
        {"anchor": ["IV.27"], "text": ["A plain note."], "tags": ["state, power"]}
    )
    sheet = handout(["IV.27"], notes=frame)
    assert (
        '<span class="ld-note-text">A plain note.</span> <span class="ld-tags">(state, power)</span>'
        in sheet.html
    )


def test_bad_notes_are_refused_clearly() -> None:
    with pytest.raises(ValueError, match="no anchor column"):
        handout(["IV.27"], notes=pd.DataFrame({"text": ["x"]}))
    with pytest.raises(TypeError, match="NoteStore or a DataFrame"):
        handout(["IV.27"], notes=["a note"])


# --- selections ------------------------------------------------------------------------------


@pytest.mark.parametrize("chapter", [4, "IV", "Chapter IV"])
def test_a_chapter_is_all_its_paragraphs_in_order(chapter: object) -> None:
    sheet = handout(chapter)
    assert list(sheet.paragraph_ids) == PARAGRAPHS.index[PARAGRAPHS["chapter"] == 4].tolist()
    assert sheet.title == "Chapter IV: The Dictatorship of the Proletariat"
    headings = read(sheet.html).blocks
    assert (
        "<h2>Chapter IV, section 2: The dictatorship of the proletariat as the rule of the "
        "proletariat over the bourgeoisie</h2>" in sheet.html
    )
    assert headings["ld-source"] == [
        "J. V. Stalin, The Foundations of Leninism (1924), Foreign Languages Press, Paris, 2020 "
        "· ¶ IV.1–IV.64 · pp. 35–46"
    ]


def test_a_section_by_label_or_pair() -> None:
    sheet = handout("III.2")
    expected = PARAGRAPHS.index[
        (PARAGRAPHS["chapter"] == 3) & (PARAGRAPHS["section"] == 2)
    ].tolist()
    assert list(sheet.paragraph_ids) == expected and expected[0] == "III.12"
    assert handout((3, 2)) == sheet
    assert sheet.title.startswith(
        "Chapter III, section 2: Criticism of the “theory” of spontaneity"
    )
    assert "<h2>" not in sheet.html.split('class="ld-questions"')[0]  # one section: no subheadings


def test_introduction_and_a_chapter_without_sections() -> None:
    assert handout("Introduction").title == "Introduction"
    assert handout("II").title == "Chapter II: Method"
    assert "<h2>" not in handout("II").html


def test_paragraph_ids_keep_their_order_once_each() -> None:
    ids = pd.Series(["VII.30", "IV.27", " VII.30 "])
    sheet = handout(ids)
    assert sheet.paragraph_ids == ("VII.30", "IV.27")
    assert sheet.title == "Selected passages: VII.30, IV.27"
    assert sheet.html.index("¶ VII.30") < sheet.html.index("¶ IV.27")


def test_learner_errors() -> None:
    with pytest.raises(ValueError, match=r"pass a list: handout\(\['IV.27'\]\)"):
        handout("IV.27")
    with pytest.raises(ld.UnknownParagraphError, match=r"Did you mean 'IV\.27'"):
        handout(["IV.27", "IV.270"])
    with pytest.raises(ValueError, match="no paragraphs"):
        handout([])
    with pytest.raises(ValueError, match="not a chapter of the book"):
        handout("X")
    with pytest.raises(ValueError, match="format must be one of 'html' or 'markdown'"):
        handout(["IV.27"], format="pdf")


def test_one_question_as_a_string_is_one_question() -> None:
    sheet = handout(["IV.27"], questions="Who rules whom?")
    assert read(sheet.html).blocks["ld-questions"] == ["Questions for discussionWho rules whom?"]
    assert "1. Who rules whom?" in sheet.markdown


# --- the object ---------------------------------------------------------------------------------


def test_print_css_and_standalone_document() -> None:
    sheet = handout(["IV.27"])
    assert sheet.html.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in sheet.html
    for rule in ("@media print", "@page", "serif", "break-inside: avoid", "break-after: avoid"):
        assert rule in sheet.html
    # In a notebook the style is scoped to the handout and sets no page margins.
    shown = sheet._repr_html_()
    assert shown is not None and "@page" not in shown and "<html" not in shown
    rules = [line for line in CSS.splitlines() if line.endswith("{") and not line.startswith("@")]
    assert rules and all(line.lstrip().startswith(".ld-handout") for line in rules)


def test_format_decides_the_display() -> None:
    as_html = handout(["IV.27"])
    as_markdown = handout(["IV.27"], format="markdown")
    assert (
        as_markdown._repr_html_() is None and as_markdown._repr_markdown_() == as_markdown.markdown
    )
    assert as_html._repr_markdown_() is None
    assert str(as_markdown) == as_markdown.markdown and str(as_html) == as_html.html
    assert as_html.markdown == as_markdown.markdown
    assert (
        repr(as_markdown) == "Handout('Selected passages: IV.27', passages=1, format='markdown')"
    )


def test_save_by_suffix(tmp_path: Path) -> None:
    sheet = handout(["IV.27"], questions=["Who rules whom?"])
    assert sheet.save(tmp_path / "a" / "week.html").read_text(encoding="utf-8") == sheet.html
    assert sheet.save(tmp_path / "week.md").read_text(encoding="utf-8") == sheet.markdown
    with pytest.raises(ValueError, match=r"\.html \(to print\) or \.md"):
        sheet.save(tmp_path / "week.pdf")


def test_handout_is_a_value() -> None:
    sheet = handout(["IV.27"])
    assert isinstance(sheet, Handout) and sheet == handout(["IV.27"])
    with pytest.raises(AttributeError):
        sheet.title = "changed"  # type: ignore[misc]
