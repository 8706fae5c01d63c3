"""The analysis verbs, checked against independent counts and hand-computed formulas."""

from __future__ import annotations

import math
import re

import pandas as pd
import pytest

import leninism_data as ld
from leninism_data.analysis.distinctive import _keyness_table


@pytest.mark.parametrize(
    "word", ["proletariat", "peasantry", "Party", "imperialism", "Kautsky", "Soviets"]
)
def test_kwic_hits_equal_a_plain_regex_count(word):
    # A hyphenated compound is one word; references are not words of the argument.
    texts = ld.paragraphs().set_index("paragraph_id")["text"].to_dict()
    for ref in ld.citations().sort_values("start", ascending=False).itertuples():
        texts[ref.paragraph_id] = (
            texts[ref.paragraph_id][: ref.start] + texts[ref.paragraph_id][ref.end :]
        )
    text = "\n\n".join(texts.values())
    expected = len(re.findall(rf"(?i)(?<![\w’'-])\b{word}\b(?!-\w)", text))
    assert len(ld.kwic(word)) == expected
    assert ld.search(word)["n_matches"].sum() == expected


def test_kwic_phrase_wildcard_regex_and_sorting():
    phrase = ld.kwic("dictatorship of the proletariat")
    assert len(phrase) == len(
        re.findall(r"(?i)\bdictatorship\s+of\s+the\s+proletariat\b", ld.text())
    )
    assert set(ld.kwic("proletar*")["match"].str.lower()) == {
        "proletariat",
        "proletarian",
        "proletarians",
        "proletarianised",
    }
    assert len(ld.kwic(r"Soviets?\b", regex=True, case=True)) > 0
    lines = ld.kwic("tactics", sort="right", window=2)
    keys = [re.findall(r"[\w’-]+", r.lower())[:1] for r in lines["right"]]
    assert keys == sorted(keys)  # by the first word, punctuation ignored (1R)
    second = ld.kwic("tactics", sort="2L", window=3)["left"]
    keys = [re.findall(r"[\w’.-]+", left.lower())[-2:-1] for left in second]
    assert keys == sorted(keys)
    lines = ld.kwic("proletariat", window=5)
    from leninism_data.corpus.words import words

    inside = lines[lines["right"].map(lambda r: len(words(r))) < 5]  # paragraph ends only
    assert len(inside) == 37 and (lines["right"].map(lambda r: len(words(r))) <= 5).all()
    first = ld.kwic("Shipka", window=3).iloc[0]
    assert (first["paragraph_id"], first["page"], first["match"]) == ("IV.26", 40, "Shipka")


def test_quotations_can_be_left_out():
    with_quotes = ld.kwic("proletariat", chapter="IV")
    without = ld.kwic("proletariat", chapter="IV", include_quotations=False)
    assert (len(with_quotes), len(without)) == (49, 43)
    assert not without["in_quotation"].any()
    f = ld.term_frequencies("proletariat", include_quotations=False).set_index("chapter")
    assert f.loc[4, "count"] == 43


def test_footnotes_only_when_asked():
    assert ld.search("Basle Congress")["footnote"].isna().all()
    with_notes = ld.search("Basle Congress", include_footnotes=True)
    assert 8 in set(with_notes["footnote"].dropna())


def test_lemma_matching_finds_every_form():
    lines = ld.kwic("peasant", lemma=True)
    assert set(lines["match"].str.lower()) == {"peasant", "peasants"}
    assert len(lines) == len(ld.kwic("peasant")) + len(ld.kwic("peasants"))


def test_term_frequencies_per_10k_and_by_section():
    f = ld.term_frequencies(["peasantry", "proletar*"]).set_index(["term", "chapter"])
    assert f.loc[("peasantry", 5), "count"] == 51
    assert f.loc[("peasantry", 5), "per_10k"] == pytest.approx(51 * 10_000 / 4470)
    keyed = ld.keyness("V").set_index("term").loc["peasantry", "per_10k_target"]
    assert keyed == pytest.approx(f.loc[("peasantry", 5), "per_10k"])  # one unit
    assert f.loc[("proletar*", 4), "count"] == len(ld.kwic("proletar*", chapter=4))
    s = ld.term_frequencies("peasantry", by="section")
    assert s.query("chapter == 5")["count"].sum() == len(ld.kwic("peasantry", chapter=5))
    # A hyphenated compound is one word, for counts and searches alike.
    party = ld.term_frequencies("party").set_index("chapter").loc[8, "count"]
    assert len(ld.kwic("party", chapter=8)) == party
    state = ld.term_frequencies("state")["count"].sum()
    assert len(ld.kwic("state")) == len(ld.dispersion("state").hits) == state == 59
    assert len(ld.kwic("state-regulated")) == 1
    vocabulary = set(ld.term_frequencies(top=200, stopwords=False)["term"])
    assert not {"vol", "see", "p", "i", "e"} & vocabulary  # references are not words
    with_refs = ld.term_frequencies(top=60, stopwords=False, include_citations=True)
    assert {"see", "vol"} <= set(with_refs["term"])
    content = ld.term_frequencies("the", stopwords=False)
    assert content["count"].sum() == 0


def test_kwic_search_dispersion_and_frequencies_agree_on_the_200_most_frequent_terms():
    totals = ld.term_frequencies(top=200).groupby("term")["count"].sum()
    assert len(totals) == 200
    for term, count in totals.items():
        query = term if "’" not in term else term.replace("’", "'")
        assert len(ld.kwic(query)) == count, term
        assert len(ld.dispersion(term).hits) == count, term
        assert ld.search(query)["n_matches"].sum() == count, term


def test_dispersion_measures_match_the_definition():
    d = ld.dispersion("peasantry")
    parts = d.by_part
    sizes = parts["n_words"] / parts["n_words"].sum()
    shares = parts["count"] / parts["count"].sum()
    assert d.dp == pytest.approx(0.5 * (shares - sizes).abs().sum())
    assert len(d.hits) == parts["count"].sum() == 82
    assert d.hits["position"].between(0, 1).all()


def test_keyness_of_a_constructed_example_equals_the_hand_computation():
    target = pd.Series({"soviet": 10, "party": 5, "the": 85})
    reference = pd.Series({"soviet": 20, "party": 80, "the": 800})
    table = _keyness_table(target, reference, 100, 900, measure="log_likelihood", min_freq=1)
    row = table.set_index("term").loc["soviet"]
    a, b, c, d = 10, 20, 100, 900
    e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
    g2 = 2 * (a * math.log(a / e1) + b * math.log(b / e2))
    assert row["g2"] == pytest.approx(g2)
    assert row["log_ratio"] == pytest.approx(math.log2((a / c) / (b / d)))
    assert table.iloc[0]["term"] == "soviet"
    assert table["p_adjusted"].tolist() == pytest.approx(
        sorted_bh(table["p_value"].tolist()), rel=1e-12
    )


def sorted_bh(p):
    """Benjamini–Hochberg by hand: m · p_(i) / i, made monotone from the largest p down."""
    m, order = len(p), sorted(range(len(p)), key=lambda i: p[i])
    adjusted, running = [0.0] * m, 1.0
    for rank in range(m, 0, -1):
        i = order[rank - 1]
        running = min(running, p[i] * m / rank)
        adjusted[i] = running
    return adjusted


def test_keyness_corrects_for_many_tests_and_flags_zero_reference_terms():
    k = ld.keyness("V")
    assert (k["p_value"] < 0.05).sum() == 161  # about 57 expected by chance among 1,142
    assert (k["p_adjusted"] < 0.05).sum() == 58 and k["bonferroni"].sum() == 22
    ratio = ld.keyness("V", measure="log_ratio")
    first_zero = ratio.index[ratio["zero_reference"]].min()
    assert not ratio.loc[: first_zero - 1, "zero_reference"].any()
    assert (ratio.loc[: first_zero - 1, "log_ratio"] > 0).all()
    strong = ld.keyness("V", min_log_ratio=2)
    assert (strong["log_ratio"].abs() >= 2).all() and "peasantry" in set(strong["term"])
    own = ld.keyness("VIII", include_quotations=False, reference_quotations=True)
    both = ld.keyness("VIII", include_quotations=False)
    party = own.set_index("term").loc["party"], both.set_index("term").loc["party"]
    assert party[0]["freq_target"] == party[1]["freq_target"]
    assert party[0]["freq_reference"] > party[1]["freq_reference"]  # reference keeps quotes


def test_keyness_of_chapters_on_the_book():
    k = ld.keyness("V").set_index("term")
    assert k.index[0] == "peasantry"
    assert k.loc["peasantry", "freq_target"] == 51
    assert k.loc["peasantry", "g2"] > 100 and k.loc["peasantry", "p_value"] < 1e-20
    assert "national" in set(ld.keyness("VI")["term"].head(5))
    own_words = ld.keyness("VIII", include_quotations=False).set_index("term")
    assert (
        own_words.loc["party", "freq_target"]
        == ld.term_frequencies("party", include_quotations=False)
        .set_index("chapter")
        .loc[8, "count"]
    )
    section = ld.keyness("III.2")
    assert "spontaneity" in set(section["term"].head(5))
    with pytest.raises(ValueError, match="choose one of 0–9"):
        ld.keyness("Chapter X")


def test_collocates_agree_with_a_manual_window_count():
    table = ld.collocates("dictatorship", window=5).set_index("collocate")
    tokens = ld.tokens()  # the window runs over every word outside references (AntConc)
    tokens = tokens[~tokens["in_citation"]].reset_index(drop=True)
    nodes = tokens.index[tokens["term"] == "dictatorship"]
    covered = set()
    for i in nodes:
        for j in range(i - 5, i + 6):
            if (
                0 <= j < len(tokens)
                and j != i
                and tokens.at[j, "paragraph_id"] == tokens.at[i, "paragraph_id"]
            ):
                covered.add(j)
    manual = sum(tokens.at[j, "term"] == "proletariat" for j in covered)
    row = table.loc["proletariat"]
    assert row["observed"] == manual
    f_node, f_coll = len(nodes), (tokens["term"] == "proletariat").sum()
    assert row["log_dice"] == pytest.approx(14 + math.log2(2 * manual / (f_node + f_coll)))
    expected = f_coll * len(covered - set(nodes)) / len(tokens)  # E from the real windows
    assert row["expected"] == pytest.approx(expected)
    assert row["mi"] == pytest.approx(math.log2(manual / expected))
    assert row["t_score"] == pytest.approx((manual - expected) / math.sqrt(manual))


def test_ngrams_count_repeated_phrases():
    grams = ld.ngrams(4).set_index("ngram")
    assert grams.loc["dictatorship of the proletariat", "count"] == len(
        ld.kwic("dictatorship of the proletariat")
    )
    content = ld.ngrams(3, stopwords=False)
    assert not content["ngram"].str.match(r"^(the|of|and) ").any()


def test_compare_two_chapters():
    c = ld.compare("V", "VI")
    assert c.distinctive_a["term"].iloc[0] == "peasantry"
    assert c.distinctive_b["term"].iloc[0] == "national"
    assert (c.distinctive_a["g2"] > 0).all() and (c.distinctive_b["g2"] > 0).all()
    assert 0 < c.similarity < 1
    assert set(c.passages_a["chapter"]) == {5} and set(c.passages_b["chapter"]) == {6}
    assert "revolution" in set(c.shared["term"])


def test_similar_passages_ranks_the_weakest_link_passages_first():
    hits = ld.similar_passages("the chain of imperialism breaks at its weakest link", k=3)
    assert hits["paragraph_id"].iloc[0].startswith("III.")
    assert "weakest link" in " ".join(hits["text"])
    assert hits["score"].is_monotonic_decreasing
    with pytest.raises(ld.QueryError, match="Type a sentence"):
        ld.similar_passages("the of and")


def test_people_and_works_index():
    people = ld.people_index().set_index("person")
    assert people.loc["Kugelmann", "paragraph_ids"] == ("IV.34",)
    assert "Trotsky" not in people.index  # alluded to, never named
    works = ld.works_index().set_index("work")
    assert works.loc["What Is To Be Done?", "mentions"] == 3
    assert works.loc["The Peasant Question in France and Germany", "V"] == 2


def test_index_counts_mentions_not_signatures_editions_or_the_enrollment():
    people = ld.people_index().set_index("person")
    stalin = people.loc["J. V. Stalin"]  # 14 before: 9 were "—J. St." signatures
    assert (stalin["mentions"], stalin["in_text"], stalin["in_footnotes"]) == (5, 1, 4)
    # "Karl Marx and Frederick Engels, Selected Works" names an edition, not the men.
    assert (people.loc["Karl Marx", "mentions"], people.loc["Frederick Engels", "mentions"]) == (
        44,
        28,
    )
    mentions = ld.people()
    lenin = mentions[mentions["person"] == "V. I. Lenin"]
    in_text = lenin[lenin["footnote"].isna()]
    assert "Intro.1" not in set(in_text["paragraph_id"])  # "Dedicated to the Lenin Enrollment"
    marx = people.loc["Karl Marx"]
    assert marx["in_text"] + marx["in_quotations"] + marx["in_footnotes"] == marx["mentions"]
    quoted = mentions.query("person == 'Karl Marx' and where == 'quotation'")
    assert quoted["paragraph_id"].tolist() == ["IV.36", "VII.81", "VII.81"]
    works = ld.works_index().set_index("work")
    footnote_16 = [
        "Social-Democracy and a Provisional Revolutionary Government",
        "The Revolutionary Democratic Dictatorship of the Proletariat and Peasantry",
        "On a Provisional Revolutionary Government",
    ]
    assert all(works.loc[footnote_16, "in_footnotes"] >= 1)
    for title, note_paragraph in [
        ("On Lenin and Leninism", "Intro.1"),
        ("Problems of Leninism", "Intro.1"),
        ("Letter to Engels of 16 April 1856", "II.19"),
        (
            "Resolutions and Decisions of C.P.S.U.(B.) Congresses, Conferences and Central "
            "Committee Plenums",
            "VIII.46",
        ),
    ]:
        assert works.loc[title, "paragraph_ids"] == (note_paragraph,)
        assert works.loc[title, "in_footnotes"] == 1


def test_ibid_resolved_volumes_feed_the_citation_index():
    c = ld.citations()
    by_volume = c.dropna(subset=["volume"]).query("author == 'Lenin'").groupby("volume").size()
    assert by_volume.loc[7] == 2  # "(See Vol. VII, p. 264.)" and the "(Ibid., p. 191.)" after it
    direct = c["raw"].str.contains(r"Vol\. XXV,").sum()
    via_ibid = (
        c[c["ibid"]]["ibid_of"]
        .map(c.set_index("citation_id")["raw"])
        .str.contains(r"Vol\. XXV,")
        .sum()
    )
    assert by_volume.loc[25] == direct + via_ibid == 16


def test_bad_input_gives_clear_errors_quickly():
    with pytest.raises(ld.QueryError, match="The query is empty"):
        ld.kwic("   ")
    with pytest.raises(ld.QueryError, match="not valid"):
        ld.search("(unclosed", regex=True)
    with pytest.raises(ValueError, match="is not a chapter of the book"):
        ld.search("party", chapter="XI")
    with pytest.raises(ld.QueryTimeout):
        ld.search(r"(.*)*x\d{9}", regex=True)  # nested repetition: would run for ages
    with pytest.raises(ValueError, match="sort must be"):
        ld.kwic("party", sort="random")


def test_dispersion_of_a_phrase_places_each_hit_where_it_begins():
    d = ld.dispersion("dictatorship of the proletariat")
    assert len(d.hits) == len(ld.kwic("dictatorship of the proletariat")) == 61
    assert (d.hits.merge(ld.tokens(), on="token_index")["term"] == "dictatorship").all()
    assert d.by_part["count"].sum() == 61


def test_references_stay_out_of_ngrams_and_collocates_unless_asked():
    trigrams = set(ld.ngrams(3)["ngram"])
    assert "see vol xxv" not in trigrams
    assert (
        ld.ngrams(3, include_citations=True).set_index("ngram").loc["see vol xxv", "count"] == 15
    )
    assert "vol" not in set(ld.collocates("proletariat")["collocate"])
    right_only = ld.collocates("dictatorship", left=0, right=3)
    assert (right_only["left"] == 0).all()
    assert right_only.set_index("collocate").loc["proletariat", "right"] == 61
