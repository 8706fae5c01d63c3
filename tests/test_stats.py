"""Hand-computed checks of the corpus statistics in `leninism_data.analysis.stats`."""

from __future__ import annotations

import math
import statistics
from collections import Counter

import numpy as np
import pytest
from scipy.stats import chi2

from leninism_data.analysis.stats import (
    BM25Index,
    collocation_log_likelihood,
    cosine_similarity,
    expected_cooccurrence,
    gries_dp,
    gries_dp_norm,
    juilland_d,
    log_dice,
    log_likelihood,
    log_ratio,
    mutual_information,
    t_score,
)

# --- keyness -----------------------------------------------------------------


def test_log_likelihood_matches_rayson_garside_by_hand() -> None:
    # 10 hits in a 1,000-token target, 20 in a 9,000-token reference.
    e1 = 1000 * (10 + 20) / (1000 + 9000)  # 3.0
    e2 = 9000 * (10 + 20) / (1000 + 9000)  # 27.0
    g2_by_hand = 2 * (10 * math.log(10 / e1) + 20 * math.log(20 / e2))

    result = log_likelihood(10, 20, 1000, 9000)

    assert (e1, e2) == (3.0, 27.0)
    assert g2_by_hand == pytest.approx(12.07527, abs=1e-5)
    assert result.g2 == pytest.approx(g2_by_hand, rel=1e-12)
    # Survival function of chi-square with 1 df: P(Z² ≥ G²) = erfc(√(G²/2)).
    assert result.p_value == pytest.approx(math.erfc(math.sqrt(g2_by_hand / 2)), rel=1e-9)
    assert result.p_value == pytest.approx(chi2.sf(g2_by_hand, df=1), rel=1e-9)
    assert result.sign == 1.0
    assert result.signed_g2 == pytest.approx(g2_by_hand)


def test_log_likelihood_sign_is_negative_for_an_under_used_word() -> None:
    # Same counts, roles swapped: 20 per 9,000 in the target is under-use.
    result = log_likelihood(20, 10, 9000, 1000)

    assert result.sign == -1.0
    assert result.signed_g2 == pytest.approx(-log_likelihood(10, 20, 1000, 9000).g2)


def test_log_likelihood_takes_zero_log_zero_as_zero() -> None:
    # Absent from the target: only the reference term remains.
    e2 = 9000 * 20 / 10_000  # 18.0
    g2_by_hand = 2 * (20 * math.log(20 / e2))

    assert log_likelihood(0, 20, 1000, 9000).g2 == pytest.approx(g2_by_hand)
    assert log_likelihood(0, 0, 1000, 9000) == (0.0, 1.0, 0.0)


def test_log_likelihood_is_zero_for_equal_relative_frequencies() -> None:
    result = log_likelihood(5, 45, 1000, 9000)

    assert result.g2 == 0.0
    assert result.p_value == 1.0
    assert result.sign == 0.0


def test_log_likelihood_is_vectorised_elementwise() -> None:
    a = np.array([10, 0, 5, 30])
    b = np.array([20, 20, 45, 3])

    result = log_likelihood(a, b, 1000, 9000)

    assert isinstance(result.g2, np.ndarray)
    assert result.g2.shape == (4,)
    for i in range(4):
        single = log_likelihood(int(a[i]), int(b[i]), 1000, 9000)
        assert result.g2[i] == pytest.approx(single.g2)
        assert result.p_value[i] == pytest.approx(single.p_value)
        assert result.sign[i] == single.sign
    np.testing.assert_array_equal(result.sign, [1.0, -1.0, 0.0, 1.0])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((11, 0, 10, 100), "cannot occur more often"),
        ((1, 0, 0, 100), "must be positive"),
        ((-1, 0, 10, 100), "cannot be negative"),
        ((float("nan"), 0, 10, 100), "finite"),
    ],
)
def test_log_likelihood_rejects_impossible_counts(args: tuple, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        log_likelihood(*args)


def test_log_ratio_by_hand() -> None:
    # 10 per 1,000 against 5 per 1,000: twice as frequent, one doubling.
    assert log_ratio(10, 45, 1000, 9000) == pytest.approx(math.log2((10 / 1000) / (45 / 9000)))
    assert log_ratio(10, 45, 1000, 9000) == pytest.approx(1.0)
    assert log_ratio(45, 10, 9000, 1000) == pytest.approx(-1.0)


def test_log_ratio_replaces_a_zero_count_by_one_half() -> None:
    assert log_ratio(4, 0, 1000, 9000) == pytest.approx(math.log2((4 / 1000) / (0.5 / 9000)))
    assert log_ratio(0, 4, 1000, 9000) == pytest.approx(math.log2((0.5 / 1000) / (4 / 9000)))


def test_log_ratio_is_undefined_for_a_word_absent_from_both_texts() -> None:
    assert math.isnan(log_ratio(0, 0, 1000, 9000))
    ratios = log_ratio([0, 2], [0, 1], 100, 100)
    assert math.isnan(ratios[0])
    assert ratios[1] == pytest.approx(1.0)


# --- collocation -------------------------------------------------------------

TOY_TEXT = "the dictatorship of the proletariat is the power of the proletariat"


def test_collocation_measures_on_a_toy_corpus_counted_by_hand() -> None:
    # Node "of", collocate "the" immediately to its right (span = 1).
    tokens = TOY_TEXT.split()
    n_tokens = len(tokens)
    f_node = tokens.count("of")
    f_coll = tokens.count("the")
    observed = sum(
        1 for i, token in enumerate(tokens[:-1]) if token == "of" and tokens[i + 1] == "the"
    )
    assert (n_tokens, f_node, f_coll, observed) == (11, 2, 4, 2)

    expected = 2 * 4 * 1 / 11  # E = f_node · f_coll · span / N
    assert expected_cooccurrence(2, 4, 11) == pytest.approx(expected)
    assert mutual_information(2, 2, 4, 11) == pytest.approx(math.log2(2 * 11 / (2 * 4)))
    assert t_score(2, 2, 4, 11) == pytest.approx((2 - expected) / math.sqrt(2))
    assert log_dice(2, 2, 4) == pytest.approx(14 + math.log2(2 * 2 / (2 + 4)))

    # 2 × 2 table: after "of" / elsewhere  ×  "the" / other word.
    observed_cells = [2, 2 - 2, 4 - 2, 11 - 2 - 4 + 2]  # [2, 0, 2, 7]
    expected_cells = [2 * 4 / 11, 2 * 7 / 11, 9 * 4 / 11, 9 * 7 / 11]
    g2_by_hand = 2 * sum(o * math.log(o / e) for o, e in zip(observed_cells, expected_cells) if o)
    result = collocation_log_likelihood(2, 2, 4, 11)
    assert result.g2 == pytest.approx(g2_by_hand)
    assert result.sign == 1.0
    assert result.p_value == pytest.approx(math.erfc(math.sqrt(g2_by_hand / 2)))


def test_window_span_scales_the_expected_count() -> None:
    # Five words either side: 10 slots per node occurrence.
    assert expected_cooccurrence(20, 50, 10_000, span=10) == pytest.approx(20 * 50 * 10 / 10_000)
    assert mutual_information(8, 20, 50, 10_000, span=10) == pytest.approx(math.log2(8 / 1.0))
    assert mutual_information(8, 20, 50, 10_000) == pytest.approx(math.log2(8 * 10_000 / 1000))


def test_log_dice_is_14_for_words_that_only_occur_together() -> None:
    assert log_dice(7, 7, 7) == 14.0
    assert log_dice([7, 7], 7, [7, 21]).tolist() == [14.0, 13.0]


def test_collocation_measures_for_a_pair_that_never_co_occurs() -> None:
    assert mutual_information(0, 5, 5, 100) == -math.inf
    assert t_score(0, 5, 5, 100) == -math.inf
    assert log_dice(0, 5, 5) == -math.inf
    result = collocation_log_likelihood(0, 5, 5, 100)
    assert result.sign == -1.0
    assert result.g2 > 0


def test_collocation_log_likelihood_with_a_window_by_hand() -> None:
    # 200 window slots (20 nodes × span 10), 50 collocates, 8 inside windows.
    cells = [8, 192, 42, 9758]
    expected = [200 * 50 / 10_000, 200 * 9950 / 10_000, 9800 * 50 / 10_000, 9800 * 9950 / 10_000]
    g2_by_hand = 2 * sum(o * math.log(o / e) for o, e in zip(cells, expected))

    result = collocation_log_likelihood(8, 20, 50, 10_000, span=10)

    assert result.g2 == pytest.approx(g2_by_hand)
    assert result.g2 == pytest.approx(20.577, abs=1e-3)


@pytest.mark.parametrize(
    "args",
    [
        (6, 10, 5, 100),  # more co-occurrences than collocate tokens
        (3, 2, 5, 100),  # more co-occurrences than window slots (2 × span 1)
        (1, 5, 5, 0),  # empty corpus
    ],
)
def test_collocation_measures_reject_impossible_counts(args: tuple) -> None:
    with pytest.raises(ValueError):
        mutual_information(*args)
    with pytest.raises(ValueError):
        collocation_log_likelihood(*args)


def test_collocation_log_likelihood_rejects_windows_larger_than_the_corpus() -> None:
    with pytest.raises(ValueError, match="more tokens than the corpus"):
        collocation_log_likelihood(1, 10, 5, 50, span=10)


# --- dispersion --------------------------------------------------------------

# Gries (2008: 411): a 50-token corpus in five parts; the word "a" occurs
# 1, 2, 3, 4 and 5 times in parts of 9, 10, 10, 10 and 11 tokens.
GRIES_2008_PARTS = [
    "b a m n i b e u p",
    "b a s a t b e w q n",
    "b c a g a b e s t a",
    "b a g h a b e a a t",
    "b a h a a b e a x a t",
]


def test_gries_dp_reproduces_the_worked_example_of_gries_2008() -> None:
    parts = [part.split() for part in GRIES_2008_PARTS]
    sizes = [len(part) for part in parts]
    freqs = [part.count("a") for part in parts]
    assert sizes == [9, 10, 10, 10, 11]
    assert freqs == [1, 2, 3, 4, 5]

    expected_shares = [9 / 50, 10 / 50, 10 / 50, 10 / 50, 11 / 50]
    observed_shares = [1 / 15, 2 / 15, 3 / 15, 4 / 15, 5 / 15]
    dp_by_hand = 0.5 * sum(abs(v - s) for v, s in zip(observed_shares, expected_shares))

    assert dp_by_hand == pytest.approx(0.18)
    assert gries_dp(sizes, freqs) == pytest.approx(dp_by_hand)
    assert gries_dp_norm(sizes, freqs) == pytest.approx(0.18 / (1 - 9 / 50))
    assert gries_dp_norm(sizes, freqs) == pytest.approx(0.2195, abs=1e-4)


def test_juilland_d_on_relative_frequencies_by_hand() -> None:
    relative = [1 / 9, 2 / 10, 3 / 10, 4 / 10, 5 / 11]
    variation = statistics.pstdev(relative) / statistics.fmean(relative)
    d_by_hand = 1 - variation / math.sqrt(5 - 1)

    assert juilland_d([9, 10, 10, 10, 11], [1, 2, 3, 4, 5]) == pytest.approx(d_by_hand)
    assert d_by_hand == pytest.approx(0.7852, abs=1e-4)


def test_dispersion_extremes() -> None:
    sizes = [100, 100, 100, 100]
    # Spread in proportion to the parts: perfectly even.
    assert gries_dp(sizes, [3, 3, 3, 3]) == 0.0
    assert juilland_d(sizes, [3, 3, 3, 3]) == 1.0
    # All in one part: DP reaches 1 − min(s) = 0.75, DP_norm reaches 1, D reaches 0.
    assert gries_dp(sizes, [12, 0, 0, 0]) == pytest.approx(0.75)
    assert gries_dp_norm(sizes, [12, 0, 0, 0]) == pytest.approx(1.0)
    assert juilland_d(sizes, [12, 0, 0, 0]) == pytest.approx(0.0)


def test_dispersion_scores_one_word_per_row() -> None:
    sizes = [9, 10, 10, 10, 11]
    freqs = np.array([[1, 2, 3, 4, 5], [2, 0, 0, 0, 0], [0, 0, 0, 0, 0]])

    dp = gries_dp(sizes, freqs)
    d = juilland_d(sizes, freqs)

    assert dp.shape == d.shape == (3,)
    assert dp[0] == pytest.approx(0.18)
    assert dp[1] == pytest.approx(0.5 * (abs(1 - 9 / 50) + (10 + 10 + 10 + 11) / 50))
    assert math.isnan(dp[2]) and math.isnan(d[2])  # a word that never occurs


@pytest.mark.parametrize(
    ("sizes", "freqs", "message"),
    [
        ([10], [1], "at least two"),
        ([10, 10], [1, 2, 3], "one frequency per part"),
        ([10, 0], [1, 0], "at least one token"),
        ([10, 10], [11, 0], "between 0 and the size"),
    ],
)
def test_dispersion_rejects_inconsistent_parts(sizes: list, freqs: list, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        gries_dp(sizes, freqs)


# --- similarity --------------------------------------------------------------


def test_cosine_similarity_by_hand() -> None:
    a = {"party": 2, "class": 1}
    b = {"party": 1, "masses": 2}
    # dot = 2·1; |a| = √(4 + 1); |b| = √(1 + 4)
    assert cosine_similarity(a, b) == pytest.approx(2 / (math.sqrt(5) * math.sqrt(5)))
    assert cosine_similarity(a, b) == cosine_similarity(b, a)


def test_cosine_similarity_ignores_length_and_handles_empty_texts() -> None:
    words = Counter(["the", "party", "leads", "the", "class"])
    doubled = Counter({word: 2 * count for word, count in words.items()})

    assert cosine_similarity(words, doubled) == pytest.approx(1.0)
    assert cosine_similarity(words, {"tsarism": 3}) == 0.0
    assert cosine_similarity(words, {}) == 0.0


# --- BM25 --------------------------------------------------------------------

TOY_DOCUMENTS = [
    ["the", "proletariat", "party"],
    ["the", "party", "the", "party", "masses"],
    ["peasants", "the"],
]


def bm25_by_hand(tf: int, doc_length: int, n_containing: int) -> float:
    """One term's BM25 contribution in TOY_DOCUMENTS (N = 3, avgdl = 10/3)."""
    k1, b, n_docs, avgdl = 1.5, 0.75, 3, 10 / 3
    idf = math.log(1 + (n_docs - n_containing + 0.5) / (n_containing + 0.5))
    return idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * doc_length / avgdl))


def test_bm25_scores_match_the_formula_by_hand() -> None:
    index = BM25Index(TOY_DOCUMENTS)

    party = [bm25_by_hand(1, 3, 2), bm25_by_hand(2, 5, 2), 0.0]
    masses = [0.0, bm25_by_hand(1, 5, 1), 0.0]
    the = [bm25_by_hand(1, 3, 3), bm25_by_hand(2, 5, 3), bm25_by_hand(1, 2, 3)]

    # Written out for "party" in document 0: idf = ln(1 + 1.5/2.5) = ln 1.6,
    # length factor 1 − 0.75 + 0.75 · 3 / (10/3) = 0.925.
    assert party[0] == pytest.approx(math.log(1.6) * 2.5 / (1 + 1.5 * 0.925))
    np.testing.assert_allclose(index.scores(["party"]), party)
    np.testing.assert_allclose(index.scores(["masses"]), masses)
    np.testing.assert_allclose(index.scores(["the"]), the)
    np.testing.assert_allclose(index.scores(["party", "masses"]), np.add(party, masses))
    assert index.idf("party") == pytest.approx(math.log(1.6))
    assert index.idf("tsarism") == 0.0
    assert index.n_documents == 3
    assert index.average_length == pytest.approx(10 / 3)
    np.testing.assert_array_equal(index.document_lengths, [3, 5, 2])


def test_bm25_counts_repeated_query_words_and_ignores_unknown_ones() -> None:
    index = BM25Index(TOY_DOCUMENTS)

    np.testing.assert_allclose(index.scores(["party", "party"]), 2 * index.scores(["party"]))
    np.testing.assert_allclose(index.scores(["party", "tsarism"]), index.scores(["party"]))
    np.testing.assert_array_equal(index.scores(["tsarism"]), [0.0, 0.0, 0.0])
    np.testing.assert_array_equal(index.scores([]), [0.0, 0.0, 0.0])


def test_bm25_top_ranks_best_first_and_leaves_out_non_matching_documents() -> None:
    index = BM25Index(TOY_DOCUMENTS)

    top = index.top(["party"], k=10)

    assert [doc for doc, _ in top] == [1, 0]
    assert top[0][1] == pytest.approx(bm25_by_hand(2, 5, 2))
    assert index.top(["party"], k=1) == top[:1]
    assert index.top(["tsarism"], k=3) == []
    assert index.top(["party"], k=0) == []


def test_bm25_top_breaks_ties_by_document_order() -> None:
    index = BM25Index([["a"], ["b"], ["b"], ["b"], ["c"]])

    assert [doc for doc, _ in index.top(["b"], k=2)] == [1, 2]
    assert [doc for doc, _ in index.top(["b"], k=5)] == [1, 2, 3]


def test_bm25_without_length_normalisation() -> None:
    # b = 0: a long document is not penalised; tf saturates with k1 alone.
    index = BM25Index(TOY_DOCUMENTS, k1=1.2, b=0.0)
    idf = math.log(1.6)
    np.testing.assert_allclose(
        index.scores(["party"]), [idf * 2.2 / (1 + 1.2), idf * 2 * 2.2 / (2 + 1.2), 0.0]
    )


def test_bm25_accepts_an_empty_collection_and_rejects_bad_parameters() -> None:
    assert BM25Index([]).scores(["party"]).shape == (0,)
    assert BM25Index([]).top(["party"]) == []
    with pytest.raises(ValueError, match="b must lie between 0 and 1"):
        BM25Index(TOY_DOCUMENTS, b=1.5)
    with pytest.raises(ValueError, match="k1"):
        BM25Index(TOY_DOCUMENTS, k1=-1)
