"""The parser against the book: every artifact of the extraction undone, nothing lost."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from importlib.resources import files

import pytest

import leninism_data as ld
from leninism_data.corpus import source as _source
from leninism_data.corpus.book import book

PIECES = re.compile(r"[^\W\d_]+|\d+")


def test_source_is_shipped_byte_for_byte_and_verified():
    shipped = (files("leninism_data") / "data" / "foundations_of_leninism.txt").read_bytes()
    # the published checksum of the corpus: the file is shipped byte for byte
    assert hashlib.sha256(shipped).hexdigest() == _source.SOURCE_SHA256
    assert _source.SOURCE_SHA256 == (
        "bedb89506b6c461ee3c29efb550fd853e913677591d2c77806b129b0db3bb54e"
    )


def test_altered_or_missing_source_raises_a_clear_error(monkeypatch, tmp_path):
    altered = tmp_path / "leninism_data" / "data"
    altered.mkdir(parents=True)
    (altered / _source.SOURCE_FILENAME).write_text("The foundations of Leninism is small.")
    monkeypatch.setattr(_source, "files", lambda package: tmp_path / "leninism_data")
    with pytest.raises(_source.SourceTextError, match="has been altered: its sha256 is"):
        _source.read_source()
    (altered / _source.SOURCE_FILENAME).unlink()
    with pytest.raises(_source.SourceTextError, match="is missing from the installed package"):
        _source.read_source()


def _pieces(text: str) -> Counter:
    """Runs of letters and runs of digits, hyphens inside words closed up."""
    return Counter(PIECES.findall(re.sub(r"(?<=\w)-(?=\w)", "", text)))


def _source_pieces() -> Counter:
    """Word pieces of the raw file, apart from running heads and page numbers.

    Independent of the parser: running heads are the lines two after a bare page number;
    footnote blocks (a blank line, then a line opening with the note's number, up to the
    next page start) are moved aside; line-end hyphens are simply closed up; and words are
    cut into runs of letters and digits, so hyphen and marker decisions do not matter.
    """
    lines = _source.read_source().split("\n")
    skip = set()
    for i, line in enumerate(lines):
        if re.fullmatch(r"\d{2,3}", line.strip()):
            skip.update({i, i + 2})  # the printed page number and the running head
    kept = [line for i, line in enumerate(lines) if i not in skip]
    text = "\n".join(kept)
    notes = re.compile(r"\n\n(\d{1,2}(?:\.|\s{2})[^\n]*\n(?:[^ \n][^\n]*\n)*)(?= )")
    moved = notes.findall(text)
    text = notes.sub("\n", text)
    return _pieces(re.sub(r"-[ \t]*\n\s*", "", text + "\n" + "\n".join(moved)))


def _parsed_pieces() -> Counter:
    b = book()
    parts = []
    for chapter in b.chapters:
        parts += [chapter.heading, chapter.title]
    parts += [f"{s.section} {s.title}" for s in b.sections if s.section]
    parts += [p.text for p in b.paragraphs]
    parts += [f"{n.number} {n.text}" for n in b.footnotes]
    parts += [str(n.number) for n in b.footnotes]  # the markers taken out of the text
    return _pieces(" ".join(parts))


def test_nothing_is_lost_or_added():
    source, parsed = _source_pieces(), _parsed_pieces()
    assert source - parsed == Counter()
    assert parsed - source == Counter()
    assert sum(parsed.values()) == 34_683


def test_printed_pages_agree_with_the_leaked_page_numbers():
    assert [(page, head) for _, page, head in book().running_heads] == [
        (40, "The Foundations of Leninism"),
        (45, "4. The Dictatorship of the Proletariat"),
        (62, "The Foundations of Leninism"),
        (90, "The Foundations of Leninism"),
    ]
    p = ld.paragraphs().set_index("paragraph_id")
    # "Of" / [page 40] / "course, the appearance of such governments …"
    assert (p.loc["IV.26", "page"], p.loc["IV.26", "page_end"]) == (39, 40)
    assert (
        "Capital needs such governments as a screen when it finds it inconvenient"
        in p.loc["IV.26", "text"]
    )
    assert (
        "without the aid of a screen. Of course, the appearance of such governments"
        in p.loc["IV.26", "text"]
    )
    assert "The Foundations of Leninism" not in p.loc["IV.26", "text"]


def test_chapters_open_on_odd_pages_and_pages_increase_in_reading_order():
    c = ld.chapters()
    assert c["first_page"].tolist() == [1, 5, 11, 19, 35, 47, 61, 71, 87, 101]
    assert (c["first_page"] % 2 == 1).all()
    p = ld.paragraphs()
    assert p["page"].is_monotonic_increasing
    assert (p["page_end"] >= p["page"]).all()
    assert ld.tokens()["page"].is_monotonic_increasing


def test_chapter_titles_numerals_and_section_titles_of_chapter_three():
    c = ld.chapters()
    assert c["numeral"].tolist() == ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
    assert c["title"].tolist() == [
        "Introduction",
        "The Historical Roots of Leninism",
        "Method",
        "Theory",
        "The Dictatorship of the Proletariat",
        "The Peasant Question",
        "The National Question",
        "Strategy and Tactics",
        "The Party",
        "Style in Work",
    ]
    s = ld.sections()
    assert s.query("chapter == 3")["title"].tolist() == [
        "Before section 1",
        "The importance of theory",
        "Criticism of the “theory” of spontaneity, or the role of the vanguard in the movement",
        "The theory of the proletarian revolution",
    ]
    assert s.query("section > 0").groupby("chapter").size().to_dict() == {
        3: 3,
        4: 3,
        5: 4,
        6: 2,
        7: 6,
        8: 6,
    }
    p = ld.paragraphs().set_index("paragraph_id")
    assert p.loc["III.5", "text"].startswith("Some think that Leninism is the precedence of")
    assert p.loc["VII.33", "text"].startswith(
        "“3) Once the insurrection has begun"
    )  # not a heading


def test_footnotes_are_taken_out_linked_both_ways_and_complete():
    f = ld.footnotes()
    assert f["footnote"].tolist() == list(range(1, 33))
    assert f.loc[7, "text"] == (
        "The Basle Congress of the Second International was held on November 24-25, 1912. "
        "It was convened in connection with the Balkan War and the impending threat of a world "
        "war. Only one question was discussed: the international situation and joint action "
        "against war. The congress adopted a manifesto calling upon the workers to utilise "
        "their proletarian organisation and might to wage a revolutionary struggle against the "
        "danger of war, to declare “war against war.”"
    )
    assert f.loc[19, "text"] == (
        "A Russian saying carried over from the Russo-Turkish War of 1877-78. There was heavy "
        "fighting at the Shipka Pass, but tsarist Headquarters in their communiques reported: "
        "“All quiet at the Shipka Pass.”"
    )
    assert f.loc[25, "text"] == (
        "Selskosoyuz — the All-Russian Union of Rural Co-operatives "
        "— existed from August 1921 to June 1929."
    )
    assert f.loc[2, "text"] == (
        "The reference here, as in other citations from the works of "
        "V. I. Lenin, is to the third Russian edition of the Works of "
        "V. I. Lenin."
    )
    assert f.set_index("footnote").loc[[10, 23, 29], "by_author"].tolist() == [True] * 3
    assert not f.set_index("footnote").loc[8, "by_author"]
    # Both ways: each note names its paragraph, the paragraph lists the note; once each.
    p = ld.paragraphs().set_index("paragraph_id")
    carried = [n for notes in p["footnotes"] for n in notes]
    assert sorted(carried) == list(range(1, 33))
    for number, pid in zip(f["footnote"], f["paragraph_id"]):
        assert number in p.loc[pid, "footnotes"]
    assert p.loc["II.23", "footnotes"] == (6, 7)
    texts = " ".join(p["text"])
    assert "Enrollment1" not in texts and "Anarchists 5in" not in texts
    assert p.loc["Intro.1", "text"] == "Dedicated to the Lenin Enrollment"
    assert (
        "economic general strike advocated by the Anarchists in place of the political"
        in p.loc["II.21", "text"]
    )
    assert (
        "“theory must answer the questions raised by practice” (What the “Friends of the "
        "People” Are), for it" in p.loc["II.23", "text"]
    )


def test_paragraph_that_spans_a_footnote_block():
    text = ld.paragraphs().set_index("paragraph_id").loc["I.29", "text"]
    assert (
        "more developed than that of Germany in the forties of the nineteenth century "
        "(let alone Britain and France); moreover" in text
    )
    assert "Manifesto of the Communist Party" not in text


def test_paragraph_breaks_with_and_without_blank_lines():
    p = ld.paragraphs().set_index("paragraph_id")
    # No blank line at all between these one-sentence paragraphs:
    assert p.loc["V.55", "text"] == "What do all these facts prove?"
    assert p.loc["V.56", "text"] == "That the sceptics are wrong."
    # The blank line displaced after a paragraph's first line is not a break:
    assert (
        p.loc["I.11", "text"] == "Because Russia was the focus of all these "
        "contradictions of imperialism."
    )
    assert p.loc["I.12", "text"] == (
        "Because Russia, more than any other country, was pregnant with revolution, and she "
        "alone, therefore, was in a position to solve those contradictions in a revolutionary "
        "way."
    )
    assert p.loc["II.16", "text"] == "Such is the basis and substance of the method of Leninism."
    assert p.loc["II.17", "text"] == "How was this method applied in practice?"
    assert p.loc["V.44", "text"].startswith(
        "Engels said that “the conquest of political power by the Socialist Party has become"
    )


def test_hyphenation_undone_and_real_compounds_kept():
    h = ld.hyphenation()
    decided = dict(zip(h["left"] + "|" + h["right"], h["result"]))
    assert decided["expo-|sition"] == "exposition"
    assert decided["prece-|dence"] == "precedence"
    assert decided["well-|known"] == "well-known"  # 'well-known' ×9 elsewhere in the book
    assert decided["high-|school"] == "high-school"
    assert decided["pet-|ty-bourgeois"] == "petty-bourgeois"  # broken inside a compound
    assert decided["Social-|ist-Revolutionaries"] == "Socialist-Revolutionaries"
    assert h["kept_hyphen"].sum() == 3
    text = ld.text()
    assert "Lenin was a Marxist, and Marxism is" in text
    assert "exposition of Leninism" in text and "expo-" not in text


def test_kinds_lists_quotations_and_front_matter():
    p = ld.paragraphs()
    assert p["kind"].value_counts().to_dict() == {
        "prose": 359,
        "quotation": 66,
        "list_item": 43,
        "front_matter": 2,
    }
    by_id = p.set_index("paragraph_id")
    assert by_id.loc["III.2", ["kind", "text"]].tolist() == [
        "list_item",
        "a) the importance of theory for the proletarian movement;",
    ]
    assert by_id.loc["VII.23", "text"].startswith("direct: a) the peasantry")
    assert by_id.loc["Intro.2", ["kind", "text"]].tolist() == ["front_matter", "J.V. Stalin"]


def test_quotations_grouped_with_speaker_and_closing_citation():
    everything = ld.quotations()
    assert everything["form"].value_counts().to_dict() == {"block": 57, "inline": 21}
    q = everything[everything["form"] == "block"].set_index("paragraph_id")
    national = q.loc["VI.41"]
    assert national["paragraph_ids"] == ("VI.41", "VI.42", "VI.43", "VI.44", "VI.45")
    assert national["speaker"] == "Lenin"
    assert q.loc["V.46", "speaker"] == "Engels"
    assert q.loc["IV.33", "speaker"] == "Marx and Engels"
    c = ld.citations().set_index("citation_id")
    assert c.loc[national["citation_id"], ["volume", "pages"]].tolist() == [19, "261-62"]
    assert q.loc["I.26", "speaker"] == "Marx and Engels" and q.loc["I.26", "text"].startswith(
        "“The Communists turn their attention chiefly to Germany"
    )
    # Quoted from the first word to the closing reference, though set a little wider:
    assert q.loc["III.47", "speaker"] == "Lenin"
    assert c.loc[q.loc["V.52", "citation_id"], ["volume", "pages"]].tolist() == [27, "392"]


def test_citations_volumes_pages_and_ibid():
    c = ld.citations()
    assert len(c) == 75
    first = c.iloc[0]
    assert (first["raw"], first["volume"], first["pages"]) == ("See Vol. IV, p. 382.", 4, "382")
    row = c.set_index("raw").loc["See Vol. XXV, pp. 173 and 189."]
    assert (row["volume"], row["pages"]) == (25, "173 and 189")
    # Parentheses broken across lines: "(See Vol. " / "XXIII, p. 377.)"
    assert c.query("paragraph_id == 'II.26'")[["volume", "pages"]].values.tolist() == [[23, "377"]]
    ibid = c.query("raw == 'Ibid., p. 191.'").iloc[0]
    assert (ibid["volume"], ibid["ibid"], ibid["ibid_of"]) == (7, True, 17)
    assert c.query("raw == 'Ibid.' and chapter == 5").iloc[0]["author"] == "Engels"
    assert c.query("raw == 'See Vol. XXV, pp. 282-83.'")["pages"].item() == "282-83"
    assert c["volume"].dtype == "Int64"
    assert c.query("author == 'Lenin' and volume.notna()")["edition"].unique().tolist() == [
        "Lenin, Works, 3rd Russian edition"
    ]


def test_editorial_references_kept_apart_from_in_text_citations():
    e = ld.editorial_references()
    assert set(e["footnote"]) <= set(range(1, 33))
    fn14 = e.query("footnote == 14").iloc[0]
    assert (fn14["edition"], fn14["volume"], fn14["pages"]) == (
        "Lenin, Works, 4th Russian edition",
        22,
        "173-290",
    )
    assert e.query("footnote == 22")["volume"].tolist() == [1, 2]


def test_counts_are_consistent_across_tables():
    c, p, t = ld.chapters(), ld.paragraphs(), ld.tokens()
    counted = int((~t["in_citation"]).sum())
    assert c["n_words"].sum() == p["n_words"].sum() == counted == ld.pages()["n_words"].sum()
    assert c["n_paragraphs"].sum() == len(p) == 470
    assert c["n_footnotes"].sum() == 32 and c["n_citations"].sum() == len(ld.citations())
    assert c["n_quotations"].sum() == len(ld.quotations())
    assert ld.sentences()["n_words"].sum() == counted == 33_123
    s = ld.sections()
    assert s.groupby("chapter")["n_words"].sum().tolist() == c["n_words"].tolist()


def test_tokens_flag_quoted_words_and_their_speaker():
    t = ld.tokens()
    prol = t.query("chapter == 4 and term == 'proletariat'")
    assert len(prol) == 49 == len(re.findall(r"(?i)\bproletariat\b", ld.text(4)))
    assert int((~prol["in_quotation"]).sum()) == 43  # IV.49 is Lenin's too
    quoted = t[t["in_quotation"]]
    assert set(quoted["speaker"].dropna()) == {"Lenin", "Marx", "Engels", "Marx and Engels"}
    says = t.query("paragraph_id == 'IV.11' and token in ['says', 'Lenin']")
    assert not says["in_quotation"].any()  # the framing words are Stalin's


def test_inline_quotations_are_cited_or_attributed_and_carry_their_speaker():
    q = ld.quotations().query("form == 'inline'").set_index("paragraph_id")
    c = ld.citations().set_index("citation_id")
    assert q.loc["VII.13", "speaker"] == "Lenin" and q.loc["VII.13", "text"].startswith(
        "“The proletariat must carry to completion the democratic revolution"
    )
    assert c.loc[q.loc["VII.13", "citation_id"], ["volume", "pages"]].tolist() == [8, "96"]
    assert q.loc["VIII.48", "speaker"] == "Lenin"
    assert "bourgeoisified workers" in q.loc["VIII.48", "text"]
    assert q.loc["IV.49", "text"].count("“") == 3  # three quoted spans, one quotation
    assert q.loc["V.44", "speaker"] == "Engels"
    assert (
        c.loc[q.loc["V.44", "citation_id"], "raw"] == "See Engels, The Peasant Question, 1911 ed."
    )
    t = ld.tokens()
    quoted = (
        t[t["in_quotation"]].groupby("paragraph_id")["speaker"].agg(lambda s: "/".join(s.unique()))
    )
    assert quoted["VII.13"] == quoted["VIII.48"] == quoted["IV.49"] == "Lenin"
    assert quoted["V.44"] == "Engels"
    said = t.query("paragraph_id == 'VIII.48' and token in ['says', 'Lenin']")
    assert not said["in_quotation"].any()  # "says Lenin" interrupts the quotation
    # Quoted words per chapter, Introduction to IX (block quotations only before inline
    # ones were found: 0, 143, 266, 817, 866, 494, 549, 1041, 981, 56).
    assert t.groupby("chapter")["in_quotation"].sum().tolist() == [
        0, 137, 292, 900, 1042, 536, 569, 1121, 1092, 56
    ]  # fmt: skip
    # A scare quote is only in quote marks: “pure” democracy (IV.31).
    pure = t.query("paragraph_id == 'IV.31' and token == 'pure'")
    assert pure["in_quote_marks"].all() and not pure["in_quotation"].any()


def test_the_authors_glosses_inside_quotations_are_his_and_signatures_are_apparatus():
    t = ld.tokens().set_index("token_index")
    gloss = t[t["paragraph_id"] == "I.30"].head(11)
    assert gloss["token"].tolist() == [
        "History", "has", "now", "confronted", "us", "i.e.", "the", "Russian", "Marxists",
        "J", "St",
    ]  # fmt: skip
    assert gloss["in_quotation"].tolist() == [True] * 5 + [False] * 6
    assert gloss["in_citation"].tolist() == [False] * 9 + [True] * 2
    assert not ld.tokens()["token"].str.contains("-J$").any()  # no "Marxists-J"
    ii30 = t[t["paragraph_id"] == "II.30"]
    assert ii30.loc[ii30["token"] == "opponents", "speaker"].isna().all()


def test_references_are_apparatus_not_words_yet_nothing_is_lost():
    t, c = ld.tokens(), ld.chapters()
    cited = t[t["in_citation"]]
    assert len(cited) == 381 == c["n_citation_words"].sum()
    assert len(t) == c["n_words"].sum() + c["n_citation_words"].sum() == 33_504
    ref = t.query("paragraph_id == 'VII.13' and in_citation")["token"].tolist()
    assert ref == ["See", "Lenin", "Vol", "VIII", "p", "96"]
    assert int((t["token"] == "i.e.").sum()) == 12  # "i.e." is one word, not "i" and "e"
    letters = t[t["token"].isin(["i", "e", "g"])]
    assert (letters["offset"] == 0).all()  # only the labels of lettered lists, "e) …"
    assert t.loc[t["token"] == "Let’s", "term"].tolist() == ["let’s"]


def test_printed_slips_read_as_meant():
    t = ld.tokens()
    iii50 = t[t["paragraph_id"] == "III.50"].set_index("token")
    assert not iii50.loc[["but", "as"], "in_quote_marks"].any()  # “ printed for ”
    assert iii50.loc["war", "in_quote_marks"]
    s = ld.sentences().set_index("sentence_id")["text"]
    assert s["V.44.1"].endswith("(See Engels, The Peasant Question, 1911 ed.)")
    assert s["V.44.2"].startswith("He wrote this in the nineties")
    sections = ld.sections()
    assert (sections["title"] != "").all()
    assert sections.query("chapter == 9 and section == 0")["title"].item() == "Style in Work"
    from leninism_data.corpus.stopwords import STOPWORDS

    assert {"firstly", "secondly", "thirdly", "fourthly", "fifthly"} <= STOPWORDS


def test_sentences_respect_the_books_abbreviations():
    s = ld.sentences().set_index("sentence_id")["text"]
    assert s["I.30.2"].endswith("proletariat.” (See Vol. IV, p. 382.)")
    assert s["Intro.2.1"] == "J.V. Stalin"
    assert any(
        text.startswith(
            "“History has now confronted us (i.e., the Russian "
            "Marxists-J. St.) with an immediate task"
        )
        for text in s
    )


def test_text_and_cite():
    assert (
        ld.text(4) == ld.text("IV") == "\n\n".join(ld.paragraphs().query("chapter == 4")["text"])
    )
    assert ld.text("Introduction").startswith("Dedicated to the Lenin Enrollment")
    assert ld.cite("IV.26").endswith("¶ IV.26, pp. 39–40.")
    with pytest.raises(ld.UnknownParagraphError, match=r"'IV\.999' is not a paragraph"):
        ld.cite("IV.999")


@pytest.mark.parametrize("bad", ["X", 10, -1, "Chapter Ten", None, 3.0])
def test_unknown_chapter_names_the_valid_choices(bad):
    with pytest.raises(ValueError, match="choose one of 0–9, 'Introduction', 'I'"):
        ld.text(bad) if bad is not None else ld.resolve_chapter(bad)


def test_describe_card_counts_match_the_tables():
    card = " ".join(ld.describe().split())
    assert "33123 words of main text (and 381 more inside references" in card
    assert "78 quotations (57 block quotations, 21 cited or attributed" in card
    assert "32 footnotes" in card and "75 in-text" in card


@pytest.mark.parametrize(
    ("anchor", "label", "kind"),
    [
        ("IV.27", "IV.27", "paragraph"),
        ("iv.27", "IV.27", "paragraph"),
        (" intro.3 ", "Intro.3", "paragraph"),
        ("IV.27.2", "IV.27.2", "sentence"),
        ("viii.48.3", "VIII.48.3", "sentence"),
        ("fn3", "fn3", "footnote"),
        ("Footnote 16", "fn16", "footnote"),
        ("note 32", "fn32", "footnote"),
    ],
)
def test_anchors_name_paragraphs_sentences_and_footnotes_in_any_case(anchor, label, kind):
    from leninism_data.corpus.naming import resolve_anchor

    found = resolve_anchor(anchor)
    assert (found.label, found.kind) == (label, kind)


def test_cite_a_sentence_and_a_footnote_and_refuse_what_is_not_there():
    from leninism_data.corpus.naming import resolve_anchor

    assert (
        resolve_anchor("fn16").paragraph_id
        == ld.footnotes().set_index("footnote").loc[16, "paragraph_id"]
    )
    assert ld.cite("V.44.2") == ld.cite("v.44.2")
    assert ld.cite("V.44.2").endswith("¶ V.44, sentence 2, p. 55.")
    assert ", note 16, p. " in ld.cite("footnote 16")
    with pytest.raises(ld.UnknownParagraphError, match="sentences 1–"):
        ld.cite("IV.27.99")
    with pytest.raises(ValueError, match="footnotes 1–32, not 40"):
        ld.cite("fn40")
    with pytest.raises(TypeError, match="not int"):
        ld.cite(27)
