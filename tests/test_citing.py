"""References in every style, their Markdown display, and the source card (edition, licence)."""

from __future__ import annotations

import re

import pytest

import leninism_data as ld
from leninism_data.tables import citing

SECTION_IV_2 = (
    "The dictatorship of the proletariat as the rule of the proletariat over the bourgeoisie"
)


def test_the_default_reference_names_the_edition_and_the_page() -> None:
    reference = ld.cite("IV.27")
    assert "Foreign Languages Press, Paris, 2020" in reference
    assert reference.endswith("¶ IV.27, p. 40.")
    assert reference == (
        "J. V. Stalin, The Foundations of Leninism (1924), Foreign Languages Press, Paris, "
        f"2020, Chapter IV “The Dictatorship of the Proletariat”, section 2 “{SECTION_IV_2}”, "
        "¶ IV.27, p. 40."
    )
    # a paragraph over a page break, one before the first section, the Introduction
    assert ld.cite("IV.26").endswith("¶ IV.26, pp. 39–40.")
    assert ld.cite("IV.3").endswith(
        "Chapter IV “The Dictatorship of the Proletariat”, ¶ IV.3, p. 35."
    )
    assert ld.cite("Intro.3").endswith(", 2020, Introduction, ¶ Intro.3, p. 1.")


def test_a_reference_is_a_str_that_jupyter_shows_as_markdown() -> None:
    reference = ld.cite("IV.27")
    assert isinstance(reference, str)
    assert reference + "!" == str(reference) + "!"
    assert "“The Dictatorship" in reference and reference.startswith("J. V. Stalin")
    assert reference._repr_markdown_().startswith(
        "J. V. Stalin, *The Foundations of Leninism* (1924), Foreign Languages Press"
    )
    # IPython prints the text itself, not a quoted repr
    from IPython.lib.pretty import pretty

    assert pretty(reference) == str(reference)
    assert repr(reference) == repr(str(reference))


def test_chicago_and_mla() -> None:
    assert ld.cite("IV.27", style="chicago") == (
        "J. V. Stalin, The Foundations of Leninism (Paris: Foreign Languages Press, 2020), 40."
    )
    assert ld.cite("IV.26", style="chicago").endswith("2020), 39–40.")
    assert ld.cite("IV.27", style="mla") == (
        "Stalin, J. V. The Foundations of Leninism. Foreign Languages Press, 2020, p. 40."
    )
    assert ld.cite("IV.27", style="mla")._repr_markdown_() == (
        "Stalin, J. V. *The Foundations of Leninism*. Foreign Languages Press, 2020, p. 40."
    )


def test_bibtex_is_a_book_entry_with_pages_and_a_locating_note() -> None:
    entry = ld.cite("IV.26", style="bibtex")
    fields = dict(re.findall(r"^  (\w+) +=  ?\{(.*)\},$", entry, flags=re.MULTILINE))
    assert entry.startswith("@book{stalin2020foundations:IV.26,\n") and entry.endswith("\n}")
    assert fields["publisher"] == "Foreign Languages Press" and fields["address"] == "Paris"
    assert fields["year"] == "2020" and fields["isbn"] == "978-2-491182-16-8"
    assert fields["pages"] == "39--40"
    assert fields["note"].startswith("Chapter IV, section 2, paragraph 26 (IV.26). Reprint")
    assert "CC BY-SA 4.0" in fields["note"]
    assert entry._repr_markdown_() == f"```bibtex\n{entry}\n```"
    # the braces balance, so BibTeX reads the entry
    assert entry.count("{") == entry.count("}")


def test_the_locator_serves_readers_of_other_editions() -> None:
    assert ld.cite("IV.27", style="locator") == (
        f"Chapter IV, section 2 ({SECTION_IV_2}), paragraph 27"
    )
    assert ld.cite("IV.3", style="locator") == "Chapter IV, before section 1, paragraph 3"
    assert ld.cite("II.4", style="locator") == "Chapter II, paragraph 4"
    assert ld.cite("Intro.3", style="locator") == "Introduction, paragraph 3"
    for style in citing.STYLES:
        if style != "locator":
            assert re.search(r"\b40\b", ld.cite("IV.27", style=style))
    assert "40" not in ld.cite("IV.27", style="locator") and "Press" not in ld.cite(
        "IV.27", style="locator"
    )


def test_bad_style_and_bad_id_are_named() -> None:
    with pytest.raises(ValueError, match="'apa' is not a citation style; choose one of 'default'"):
        ld.cite("IV.27", style="apa")  # type: ignore[arg-type]
    with pytest.raises(ld.UnknownParagraphError, match=r"Did you mean 'IV\.27'"):
        ld.cite("IV.27x")


def test_markdown_escapes_what_it_would_interpret() -> None:
    assert citing.markdown_escape("<script>*x*</script> & [a](b)") == (
        r"&lt;script&gt;\*x\*&lt;/script&gt; &amp; \[a\](b)"
    )
    # section titles with quote marks come through escaped but readable
    locator = ld.cite("III.12", style="locator")
    assert locator._repr_markdown_() == citing.markdown_escape(locator)
    assert "Criticism of the “theory” of spontaneity" in locator


def test_the_source_card_names_edition_licence_and_attribution() -> None:
    card = ld.describe()
    assert isinstance(card, str) and card._repr_markdown_() == card
    assert "Foreign Languages Press, Paris, 2020" in card
    assert "ISBN 978-2-491182-16-8" in card
    assert "First Edition (Second Printing), Foreign\nLanguages Press, Peking, 1970" in card
    assert "MIT" in card and "CC BY-SA 4.0" in card
    assert "https://creativecommons.org/licenses/by-sa/4.0/" in card
    quoted = " ".join(line[2:] for line in card.splitlines() if line.startswith("> ")).replace(
        "*", ""
    )
    assert quoted == citing.ATTRIBUTION


def test_the_card_does_not_credit_the_author_with_the_editors_references() -> None:
    card = " ".join(ld.describe().split())
    assert "author's in-text references are to the 3rd" not in card
    assert (
        "3rd Russian edition (footnote 3), which appeared in 1925–32, after the lectures" in card
    )
    assert "set by later editors, not by the author" in card
    footnote_3 = ld.footnotes().set_index("footnote").loc[3, "text"]
    assert "third Russian edition" in footnote_3
    n_by_author = int(ld.footnotes()["by_author"].sum())
    assert f"{n_by_author} of the 32 footnotes are the author's" in card
