"""Corpus statistics on plain counts: keyness, collocation, dispersion, ranking.

Every function here is pure and knows nothing about the book: it takes counts
(numbers or numpy arrays) and returns numbers. The analysis layer counts words
in the tables and calls these functions; the formulas live here, written out in
each docstring with a reference, so that a reader can check every figure a
notebook shows.

Keyness (is a word more frequent in one text than in another?)
    `log_likelihood`, `log_ratio`
Collocation (does a word keep company with another?)
    `expected_cooccurrence`, `mutual_information`, `t_score`, `log_dice`,
    `collocation_log_likelihood`
Many tests at once (a keyness list tests every term)
    `benjamini_hochberg`, `bonferroni`
Dispersion (is a word spread evenly over the parts of a text?)
    `gries_dp`, `gries_dp_norm`, `juilland_d`
Similarity and ranking
    `cosine_similarity`, `BM25Index`

Functions on counts accept scalars or numpy arrays (broadcast together, so one
call scores a whole vocabulary) and return a ``float`` for scalar input and a
``numpy.ndarray`` of floats otherwise.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import NamedTuple, TypeVar

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
FloatOrArray = float | FloatArray

__all__ = [
    "BM25Index",
    "LogLikelihoodResult",
    "benjamini_hochberg",
    "bonferroni",
    "collocation_log_likelihood",
    "cosine_similarity",
    "expected_cooccurrence",
    "gries_dp",
    "gries_dp_norm",
    "juilland_d",
    "log_dice",
    "log_likelihood",
    "log_ratio",
    "mutual_information",
    "t_score",
]


class LogLikelihoodResult(NamedTuple):
    """Dunning's G² with its p-value and direction.

    Attributes
    ----------
    g2 : float or numpy.ndarray
        The log-likelihood statistic G² (never negative).
    p_value : float or numpy.ndarray
        Probability of a G² at least this large if there were no difference,
        from the chi-square distribution with 1 degree of freedom.
    sign : float or numpy.ndarray
        ``+1.0`` when the observed count is above what is expected (a word
        over-used in the target text, or a collocate attracted to its node),
        ``-1.0`` when below, ``0.0`` when exactly as expected.
    """

    g2: FloatOrArray
    p_value: FloatOrArray
    sign: FloatOrArray

    @property
    def signed_g2(self) -> FloatOrArray:
        """G² carrying the sign of the difference: ``sign * g2``."""
        return _scalar_or_array(np.asarray(self.sign) * np.asarray(self.g2))


def _scalar_or_array(values: npt.ArrayLike) -> FloatOrArray:
    """Return a Python ``float`` for a 0-d result and a float array otherwise."""
    array = np.asarray(values, dtype=np.float64)
    return float(array) if array.ndim == 0 else array


def _first(mask: npt.NDArray[np.bool_], array: FloatArray) -> float:
    """The first value of ``array`` where ``mask`` holds, for error messages."""
    return float(array[mask].flat[0])


def _as_counts(**named: npt.ArrayLike) -> list[FloatArray]:
    """Broadcast count arguments to float arrays; reject negative or non-finite ones."""
    arrays = np.broadcast_arrays(*(np.asarray(v, dtype=np.float64) for v in named.values()))
    for name, array in zip(named, arrays):
        not_finite = ~np.isfinite(array)
        if np.any(not_finite):
            raise ValueError(f"{name} must be a finite number, found {_first(not_finite, array)}.")
        if np.any(array < 0):
            raise ValueError(
                f"{name} is a count and cannot be negative, found {_first(array < 0, array)}."
            )
    return [np.array(a) for a in arrays]


def _log_likelihood_from_cells(
    observed: Sequence[FloatArray], expected: Sequence[FloatArray]
) -> FloatArray:
    """G² = 2 · Σ O·ln(O/E), with 0·ln 0 taken as 0."""
    from scipy.special import xlogy  # imported on first use: scipy is slow to import

    total = sum(xlogy(o, o) - xlogy(o, e) for o, e in zip(observed, expected))
    # Rounding can leave a tiny negative value where observed equals expected.
    return np.maximum(2.0 * total, 0.0)


def _chi2_1df_sf(g2: FloatArray) -> FloatArray:
    """P(χ² ≥ g2) with 1 degree of freedom: a χ²₁ variable is a squared standard normal."""
    from scipy.special import erfc  # imported on first use: scipy is slow to import

    return erfc(np.sqrt(g2 / 2.0))


def log_likelihood(
    a: npt.ArrayLike, b: npt.ArrayLike, c: npt.ArrayLike, d: npt.ArrayLike
) -> LogLikelihoodResult:
    """Dunning's log-likelihood (G²) keyness of a word in a target text.

    Parameters
    ----------
    a : int or array_like
        Frequency of the word in the target text.
    b : int or array_like
        Frequency of the word in the reference text.
    c : int or array_like
        Size of the target text in tokens (``c >= a``, ``c > 0``).
    d : int or array_like
        Size of the reference text in tokens (``d >= b``, ``d > 0``).

    Returns
    -------
    LogLikelihoodResult
        ``g2``, ``p_value`` and ``sign`` (``+1.0`` when the word is relatively
        more frequent in the target, ``a/c > b/d``).

    Notes
    -----
    The formulation of Rayson & Garside (2000), used by Wmatrix and the UCREL
    log-likelihood calculator, which sums over the two cells that hold the
    word's frequencies::

        E1 = c · (a + b) / (c + d)        expected frequency in the target
        E2 = d · (a + b) / (c + d)        expected frequency in the reference
        G² = 2 · (a · ln(a / E1) + b · ln(b / E2))      with 0 · ln 0 = 0

    p-value = P(χ²₁ ≥ G²), the chi-square survival function with 1 degree of
    freedom (``scipy.stats.chi2.sf(G², 1)``), computed as the identical but
    faster ``erfc(√(G²/2))``; G² ≥ 3.84 corresponds to p < 0.05 and
    G² ≥ 15.13 to p < 0.0001.
    A word absent from both texts gets G² = 0 and p = 1.

    References
    ----------
    Dunning, T. (1993). Accurate methods for the statistics of surprise and
    coincidence. *Computational Linguistics* 19(1), 61–74.

    Rayson, P. & Garside, R. (2000). Comparing corpora using frequency
    profiling. *Proceedings of the Workshop on Comparing Corpora*, ACL 2000, 1–6.

    Examples
    --------
    A word seen 10 times in a 1,000-word chapter and 20 times in the other
    9,000 words of the book:

    >>> result = log_likelihood(10, 20, 1000, 9000)
    >>> round(result.g2, 4), round(result.p_value, 6), result.sign
    (12.0753, 0.000511, 1.0)

    Vectorised over a vocabulary:

    >>> log_likelihood([10, 1], [20, 90], 1000, 9000).sign
    array([ 1., -1.])
    """
    a, b, c, d = _as_counts(a=a, b=b, c=c, d=d)
    if np.any(c <= 0) or np.any(d <= 0):
        raise ValueError("The text sizes c and d must be positive numbers of tokens.")
    if np.any(a > c) or np.any(b > d):
        raise ValueError(
            "A word cannot occur more often than its text has tokens: "
            "check that a <= c and b <= d."
        )
    expected_target = c * (a + b) / (c + d)
    expected_reference = d * (a + b) / (c + d)
    g2 = _log_likelihood_from_cells((a, b), (expected_target, expected_reference))
    return LogLikelihoodResult(
        g2=_scalar_or_array(g2),
        p_value=_scalar_or_array(_chi2_1df_sf(g2)),
        sign=_scalar_or_array(np.sign(a * d - b * c)),
    )


def log_ratio(
    a: npt.ArrayLike, b: npt.ArrayLike, c: npt.ArrayLike, d: npt.ArrayLike
) -> FloatOrArray:
    """Hardie's Log Ratio: the binary log of the ratio of relative frequencies.

    Parameters
    ----------
    a, b : int or array_like
        Frequency of the word in the target and in the reference text.
    c, d : int or array_like
        Sizes of the target and the reference text in tokens (positive).

    Returns
    -------
    float or numpy.ndarray
        Log Ratio; NaN where the word is absent from both texts.

    Notes
    -----
    ::

        Log Ratio = log2( (a / c) / (b / d) )

    Each point is a doubling: 1 means twice as frequent in the target, 3 means
    eight times, −1 half as frequent. It measures the size of a difference;
    pair it with `log_likelihood` for its significance.

    Zero counts: a frequency of 0 is replaced by 0.5 before dividing (Hardie
    2014), so a word found only in the target gets a large but finite value
    that owes more to the 0.5 than to the data: report such words apart
    (:func:`leninism_data.keyness` flags them in ``zero_reference`` and lists
    them after the measured ratios). A word absent from both texts has no
    ratio and gets NaN.

    References
    ----------
    Hardie, A. (2014). Log Ratio – an informal introduction. ESRC Centre for
    Corpus Approaches to Social Science (CASS), Lancaster University.
    http://cass.lancs.ac.uk/log-ratio-an-informal-introduction/

    Examples
    --------
    Twice as frequent in the target (10 per 1,000 against 5 per 1,000):

    >>> log_ratio(10, 45, 1000, 9000)
    1.0

    A word missing from the reference counts as 0.5 there:

    >>> round(log_ratio(4, 0, 1000, 9000), 4)
    6.1699
    """
    a, b, c, d = _as_counts(a=a, b=b, c=c, d=d)
    if np.any(c <= 0) or np.any(d <= 0):
        raise ValueError("The text sizes c and d must be positive numbers of tokens.")
    absent_from_both = (a == 0) & (b == 0)
    smoothed_a = np.where(a == 0, 0.5, a)
    smoothed_b = np.where(b == 0, 0.5, b)
    ratio = np.log2((smoothed_a / c) / (smoothed_b / d))
    return _scalar_or_array(np.where(absent_from_both, np.nan, ratio))


_COOCCURRENCE_TERMS = """\
O (``observed``)
        Number of collocate tokens that lie inside at least one window around
        an occurrence of the node, each token counted once.
    f_node, f_coll
        Frequencies of the node and of the collocate in the whole corpus.
    N (``n_tokens``)
        Size of the corpus in tokens.
    span
        Number of token slots in one window around the node: 1 for adjacent
        pairs (bigrams), 10 for five words either side (L5–R5).
    E
        Expected co-occurrences if the collocate were scattered at random:
        ``E = f_node · f_coll · span / N``, the collocate's relative frequency
        ``f_coll / N`` times the ``f_node · span`` slots inside the windows."""

_Function = TypeVar("_Function", bound=Callable[..., object])


def _with_cooccurrence_terms(function: _Function) -> _Function:
    """Fill the ``{terms}`` slot of a collocation docstring with the shared glossary."""
    if function.__doc__:  # docstrings are stripped under ``python -OO``
        function.__doc__ = function.__doc__.format(terms=_COOCCURRENCE_TERMS)
    return function


def _as_cooccurrence(
    observed: npt.ArrayLike,
    f_node: npt.ArrayLike,
    f_coll: npt.ArrayLike,
    n_tokens: npt.ArrayLike,
    span: npt.ArrayLike,
) -> list[FloatArray]:
    """Validate co-occurrence counts and broadcast them to float arrays."""
    o, fn, fc, n, w = _as_counts(
        observed=observed, f_node=f_node, f_coll=f_coll, n_tokens=n_tokens, span=span
    )
    if np.any(n <= 0):
        raise ValueError("n_tokens, the size of the corpus, must be positive.")
    if np.any(w <= 0):
        # a mean over nodes: below 1 where nodes stand side by side and share slots
        raise ValueError("span, the mean number of window slots per node, must be positive.")
    if np.any(o > fc) or np.any(o > fn * w):
        raise ValueError(
            "observed co-occurrences cannot exceed the collocate's frequency f_coll "
            "nor the number of window slots f_node * span."
        )
    return [o, fn, fc, n, w]


@_with_cooccurrence_terms
def expected_cooccurrence(
    f_node: npt.ArrayLike,
    f_coll: npt.ArrayLike,
    n_tokens: npt.ArrayLike,
    *,
    span: npt.ArrayLike = 1,
) -> FloatOrArray:
    """Expected number of co-occurrences of a node and a collocate by chance.

    Parameters
    ----------
    f_node, f_coll : int or array_like
        Corpus frequencies of the node and of the collocate.
    n_tokens : int or array_like
        Corpus size N in tokens.
    span : int or array_like, default 1
        Token slots in one window around the node (10 for L5–R5).

    Returns
    -------
    float or numpy.ndarray
        ``E = f_node · f_coll · span / N``.

    Notes
    -----
    The terms are those used by every collocation measure in this module:

    {terms}

    References
    ----------
    Evert, S. (2008). Corpora and collocations. In A. Lüdeling & M. Kytö (eds.),
    *Corpus Linguistics: An International Handbook*, vol. 2, 1212–1248. Berlin:
    de Gruyter. (Section 3 on window-based co-occurrence.)

    Examples
    --------
    >>> expected_cooccurrence(20, 50, 10_000, span=10)
    1.0
    """
    _, fn, fc, n, w = _as_cooccurrence(0, f_node, f_coll, n_tokens, span)
    return _scalar_or_array(fn * fc * w / n)


@_with_cooccurrence_terms
def mutual_information(
    observed: npt.ArrayLike,
    f_node: npt.ArrayLike,
    f_coll: npt.ArrayLike,
    n_tokens: npt.ArrayLike,
    *,
    span: npt.ArrayLike = 1,
) -> FloatOrArray:
    """Pointwise mutual information (MI) of a node and a collocate.

    Parameters
    ----------
    observed : int or array_like
        O, co-occurrences of the collocate within the node's windows.
    f_node, f_coll : int or array_like
        Corpus frequencies of the node and of the collocate.
    n_tokens : int or array_like
        Corpus size N in tokens.
    span : int or array_like, default 1
        Token slots in one window around the node (10 for L5–R5).

    Returns
    -------
    float or numpy.ndarray
        MI in bits; ``-inf`` where the pair never co-occurs (O = 0).

    Notes
    -----
    The window-adjusted MI: observed against expected co-occurrences, ::

        MI = log2(O / E) = log2( O · N / (f_node · f_coll · span) )

    With ``span=1`` this is the classic ``log2(O · N / (f_node · f_coll))`` of
    Church & Hanks (1990) for adjacent pairs. Dividing by the span keeps MI
    comparable across window sizes: a collocate scattered at random gets MI ≈ 0
    whatever the window. MI favours rare pairs; read it with a minimum O
    (e.g. O ≥ 3) or next to `log_dice`.

    {terms}

    References
    ----------
    Church, K. W. & Hanks, P. (1990). Word association norms, mutual
    information, and lexicography. *Computational Linguistics* 16(1), 22–29.

    Evert, S. (2008). Corpora and collocations (see `expected_cooccurrence`).

    Examples
    --------
    8 co-occurrences where 1 is expected by chance is 2³ times the chance rate:

    >>> mutual_information(8, 20, 50, 10_000, span=10)
    3.0
    """
    o, fn, fc, n, w = _as_cooccurrence(observed, f_node, f_coll, n_tokens, span)
    with np.errstate(divide="ignore", invalid="ignore"):
        return _scalar_or_array(np.log2(o * n / (fn * fc * w)))


@_with_cooccurrence_terms
def t_score(
    observed: npt.ArrayLike,
    f_node: npt.ArrayLike,
    f_coll: npt.ArrayLike,
    n_tokens: npt.ArrayLike,
    *,
    span: npt.ArrayLike = 1,
) -> FloatOrArray:
    """T-score of a node and a collocate: how confidently O exceeds chance.

    Parameters
    ----------
    observed : int or array_like
        O, co-occurrences of the collocate within the node's windows.
    f_node, f_coll : int or array_like
        Corpus frequencies of the node and of the collocate.
    n_tokens : int or array_like
        Corpus size N in tokens.
    span : int or array_like, default 1
        Token slots in one window around the node (10 for L5–R5).

    Returns
    -------
    float or numpy.ndarray
        The t-score; ``-inf`` where the pair never co-occurs (O = 0).

    Notes
    -----
    ::

        t = (O − E) / √O          with E = f_node · f_coll · span / N

    Values above about 2 are conventionally read as a real collocation. The
    t-score favours frequent pairs (often function words), the opposite bias
    to `mutual_information`.

    {terms}

    References
    ----------
    Church, K. W., Gale, W., Hanks, P. & Hindle, D. (1991). Using statistics
    in lexical analysis. In U. Zernik (ed.), *Lexical Acquisition*, 115–164.
    Hillsdale, NJ: Lawrence Erlbaum.

    Examples
    --------
    >>> round(t_score(9, 20, 45, 10_000, span=10), 4)
    2.7
    """
    o, fn, fc, n, w = _as_cooccurrence(observed, f_node, f_coll, n_tokens, span)
    expected = fn * fc * w / n
    with np.errstate(divide="ignore", invalid="ignore"):
        return _scalar_or_array((o - expected) / np.sqrt(o))


@_with_cooccurrence_terms
def log_dice(
    observed: npt.ArrayLike, f_node: npt.ArrayLike, f_coll: npt.ArrayLike
) -> FloatOrArray:
    """Rychlý's logDice: how exclusively a node and a collocate go together.

    Parameters
    ----------
    observed : int or array_like
        O, co-occurrences of the collocate within the node's windows.
    f_node, f_coll : int or array_like
        Corpus frequencies of the node and of the collocate.

    Returns
    -------
    float or numpy.ndarray
        logDice; ``-inf`` where the pair never co-occurs (O = 0).

    Notes
    -----
    ::

        logDice = 14 + log2( 2 · O / (f_node + f_coll) )

    It is 14 when the two words only ever occur together (O = f_node = f_coll)
    and every point less halves the share of joint occurrences. It does not depend
    on the corpus size or the window span, so values compare across corpora.

    {terms}

    References
    ----------
    Rychlý, P. (2008). A lexicographer-friendly association score. In
    *Proceedings of Recent Advances in Slavonic Natural Language Processing
    (RASLAN 2008)*, 6–9. Brno: Masaryk University.

    Examples
    --------
    Two words that occur 12 and 20 times, 8 times together:

    >>> log_dice(8, 12, 20)
    13.0
    """
    o, fn, fc = _as_counts(observed=observed, f_node=f_node, f_coll=f_coll)
    if np.any(o > fc):
        raise ValueError("observed co-occurrences cannot exceed the collocate's frequency f_coll.")
    with np.errstate(divide="ignore"):
        return _scalar_or_array(14.0 + np.log2(2.0 * o / (fn + fc)))


@_with_cooccurrence_terms
def collocation_log_likelihood(
    observed: npt.ArrayLike,
    f_node: npt.ArrayLike,
    f_coll: npt.ArrayLike,
    n_tokens: npt.ArrayLike,
    *,
    span: npt.ArrayLike = 1,
) -> LogLikelihoodResult:
    """Dunning's G² for the co-occurrence of a node and a collocate.

    Parameters
    ----------
    observed : int or array_like
        O, co-occurrences of the collocate within the node's windows.
    f_node, f_coll : int or array_like
        Corpus frequencies of the node and of the collocate.
    n_tokens : int or array_like
        Corpus size N in tokens.
    span : int or array_like, default 1
        Token slots in one window around the node (10 for L5–R5).

    Returns
    -------
    LogLikelihoodResult
        ``g2``, ``p_value`` (χ², 1 df) and ``sign`` (``+1.0`` when the pair
        co-occurs more often than expected, i.e. attraction).

    Notes
    -----
    The full 2 × 2 table of the tokens inside the node's windows (``span ·
    f_node`` slots) against the rest of the corpus::

                          collocate          other words
        in windows        O11 = O            O12 = span·f_node − O
        outside           O21 = f_coll − O   O22 = N − span·f_node − f_coll + O

    Each expected cell is ``E_ij = R_i · C_j / N`` (row total times column
    total over N), so ``E11`` is the E defined below, and ::

        G² = 2 · Σ_ij O_ij · ln(O_ij / E_ij)        with 0 · ln 0 = 0

    Unlike `log_likelihood` for keyness, all four cells are summed
    (Dunning 1993; Evert 2008).

    {terms}

    References
    ----------
    Dunning, T. (1993). Accurate methods for the statistics of surprise and
    coincidence. *Computational Linguistics* 19(1), 61–74.

    Evert, S. (2008). Corpora and collocations (see `expected_cooccurrence`).

    Examples
    --------
    >>> result = collocation_log_likelihood(8, 20, 50, 10_000, span=10)
    >>> round(result.g2, 3), result.sign
    (20.577, 1.0)
    """
    o, fn, fc, n, w = _as_cooccurrence(observed, f_node, f_coll, n_tokens, span)
    window_slots = fn * w
    cells = (o, window_slots - o, fc - o, n - window_slots - fc + o)
    if np.any(cells[3] < 0):
        raise ValueError(
            "The windows and the collocate together need more tokens than the corpus "
            "holds: check that f_node * span + f_coll - observed <= n_tokens."
        )
    rows = (window_slots, n - window_slots)
    columns = (fc, n - fc)
    expected = [rows[i] * columns[j] / n for i in (0, 1) for j in (0, 1)]
    g2 = _log_likelihood_from_cells(cells, expected)
    return LogLikelihoodResult(
        g2=_scalar_or_array(g2),
        p_value=_scalar_or_array(_chi2_1df_sf(g2)),
        sign=_scalar_or_array(np.sign(o - expected[0])),
    )


def _as_parts(
    part_sizes: npt.ArrayLike, part_freqs: npt.ArrayLike
) -> tuple[FloatArray, FloatArray]:
    """Validate corpus-part sizes (n,) and a word's frequencies per part (..., n)."""
    sizes = np.asarray(part_sizes, dtype=np.float64)
    freqs = np.asarray(part_freqs, dtype=np.float64)
    if sizes.ndim != 1 or sizes.size < 2:
        raise ValueError("part_sizes must list the sizes of at least two corpus parts.")
    if freqs.shape[-1:] != sizes.shape:
        raise ValueError(
            f"part_freqs must have one frequency per part ({sizes.size}) in its last "
            f"dimension, got shape {freqs.shape}."
        )
    if not (np.all(np.isfinite(sizes)) and np.all(sizes > 0)):
        raise ValueError("Every corpus part must hold at least one token.")
    if not np.all(np.isfinite(freqs)) or np.any(freqs < 0) or np.any(freqs > sizes):
        raise ValueError("Frequencies must be counts between 0 and the size of their part.")
    return sizes, freqs


def gries_dp(part_sizes: npt.ArrayLike, part_freqs: npt.ArrayLike) -> FloatOrArray:
    """Gries' DP (deviation of proportions): how unevenly a word is dispersed.

    Parameters
    ----------
    part_sizes : array_like, shape (n_parts,)
        Size of each corpus part in tokens (e.g. the chapters).
    part_freqs : array_like, shape (n_parts,) or (n_words, n_parts)
        Frequency of the word in each part; one row per word to score many.

    Returns
    -------
    float or numpy.ndarray
        DP between 0 (spread exactly in proportion to the part sizes) and
        ``1 − min(s_i)`` (all occurrences in the smallest part); NaN for a word
        that does not occur.

    Notes
    -----
    With s_i the share of the corpus in part i and v_i the share of the word's
    occurrences in part i::

        s_i = size_i / Σ size        v_i = freq_i / Σ freq
        DP  = ½ · Σ_i |v_i − s_i|

    DP is the share of the word's occurrences that would have to move to
    another part for the word to be spread in proportion to the part sizes.

    References
    ----------
    Gries, S. Th. (2008). Dispersions and adjusted frequencies in corpora.
    *International Journal of Corpus Linguistics* 13(4), 403–437.

    Examples
    --------
    The worked example of Gries (2008): five parts of 9, 10, 10, 10 and 11
    tokens, in which the word *a* occurs 1, 2, 3, 4 and 5 times:

    >>> round(gries_dp([9, 10, 10, 10, 11], [1, 2, 3, 4, 5]), 4)
    0.18
    """
    sizes, freqs = _as_parts(part_sizes, part_freqs)
    size_shares = sizes / sizes.sum()
    totals = freqs.sum(axis=-1, keepdims=True)
    with np.errstate(invalid="ignore"):
        freq_shares = freqs / totals
    return _scalar_or_array(0.5 * np.abs(freq_shares - size_shares).sum(axis=-1))


def gries_dp_norm(part_sizes: npt.ArrayLike, part_freqs: npt.ArrayLike) -> FloatOrArray:
    """Gries' DP rescaled to run from 0 to 1 (DP_norm).

    Parameters
    ----------
    part_sizes : array_like, shape (n_parts,)
        Size of each corpus part in tokens.
    part_freqs : array_like, shape (n_parts,) or (n_words, n_parts)
        Frequency of the word in each part; one row per word to score many.

    Returns
    -------
    float or numpy.ndarray
        DP_norm between 0 (even) and 1 (all occurrences in the smallest part);
        NaN for a word that does not occur.

    Notes
    -----
    The largest possible DP is ``1 − min(s_i)``, reached when every occurrence
    falls in the smallest part; dividing by it makes values reach 1 whatever
    the number and sizes of the parts::

        DP_norm = DP / (1 − min_i s_i)

    See `gries_dp` for DP and s_i.

    References
    ----------
    Lijffijt, J. & Gries, S. Th. (2012). Correction to Stefan Th. Gries,
    "Dispersions and adjusted frequencies in corpora". *International Journal
    of Corpus Linguistics* 17(1), 147–149.

    Examples
    --------
    >>> round(gries_dp_norm([9, 10, 10, 10, 11], [1, 2, 3, 4, 5]), 4)
    0.2195
    """
    sizes, _ = _as_parts(part_sizes, part_freqs)
    smallest_share = sizes.min() / sizes.sum()
    return _scalar_or_array(np.asarray(gries_dp(part_sizes, part_freqs)) / (1 - smallest_share))


def juilland_d(part_sizes: npt.ArrayLike, part_freqs: npt.ArrayLike) -> FloatOrArray:
    """Juilland's D on relative frequencies: how evenly a word is dispersed.

    Parameters
    ----------
    part_sizes : array_like, shape (n_parts,)
        Size of each corpus part in tokens.
    part_freqs : array_like, shape (n_parts,) or (n_words, n_parts)
        Frequency of the word in each part; one row per word to score many.

    Returns
    -------
    float or numpy.ndarray
        D, 1 for a perfectly even spread and lower the more the word clusters
        (0 when it occurs in one part only); NaN for a word that does not occur.
        Note the direction is opposite to DP.

    Notes
    -----
    With n parts, the word's relative frequency ``p_i = freq_i / size_i`` in
    part i, their mean ``p̄`` and population standard deviation ``σ``::

        V = σ / p̄                  (coefficient of variation)
        D = 1 − V / √(n − 1)

    Using relative frequencies rather than raw counts makes D fair to parts of
    different sizes, as Gries (2008) recommends.

    References
    ----------
    Juilland, A. & Chang-Rodríguez, E. (1964). *Frequency Dictionary of Spanish
    Words*. The Hague: Mouton.

    Gries, S. Th. (2008). Dispersions and adjusted frequencies in corpora.
    *International Journal of Corpus Linguistics* 13(4), 403–437.

    Examples
    --------
    >>> juilland_d([100, 200], [1, 2])
    1.0
    >>> round(juilland_d([9, 10, 10, 10, 11], [1, 2, 3, 4, 5]), 4)
    0.7852
    """
    sizes, freqs = _as_parts(part_sizes, part_freqs)
    relative = freqs / sizes
    with np.errstate(invalid="ignore", divide="ignore"):
        variation = relative.std(axis=-1) / relative.mean(axis=-1)
    return _scalar_or_array(1.0 - variation / math.sqrt(sizes.size - 1))


def cosine_similarity(counts_a: Mapping[str, float], counts_b: Mapping[str, float]) -> float:
    """Cosine of the angle between two bags of words.

    Parameters
    ----------
    counts_a, counts_b : Mapping[str, float]
        Word counts (or weights) of two texts, e.g. ``collections.Counter``.

    Returns
    -------
    float
        Between 0 (no word in common) and 1 (same proportions) for counts;
        0.0 when either text is empty.

    Notes
    -----
    ::

        cos(A, B) = Σ_w A_w · B_w / ( √(Σ_w A_w²) · √(Σ_w B_w²) )

    Only the proportions matter, not the lengths: a text and the same text
    repeated twice have cosine 1.

    References
    ----------
    Salton, G., Wong, A. & Yang, C. S. (1975). A vector space model for
    automatic indexing. *Communications of the ACM* 18(11), 613–620.

    Examples
    --------
    >>> round(cosine_similarity({"party": 2, "class": 1}, {"party": 1, "masses": 2}), 4)
    0.4
    """
    smaller, larger = sorted((counts_a, counts_b), key=len)
    dot = math.fsum(value * larger[word] for word, value in smaller.items() if word in larger)
    norm_a = math.sqrt(math.fsum(value * value for value in counts_a.values()))
    norm_b = math.sqrt(math.fsum(value * value for value in counts_b.values()))
    if norm_a == 0 or norm_b == 0:
        return 0.0
    return dot / (norm_a * norm_b)


class BM25Index:
    """Okapi BM25 ranking over pre-tokenised documents.

    Parameters
    ----------
    documents : Iterable[Sequence[str]]
        One sequence of tokens per document (e.g. the lower-cased words of
        each paragraph). Tokens are used as given: normalise case and drop
        stopwords before indexing, and do the same to queries.
    k1 : float, default 1.5
        Term-frequency saturation: how quickly repeated occurrences of a word
        in a document stop adding to its score.
    b : float, default 0.75
        Length normalisation: 0 ignores document length, 1 divides fully by it.

    Attributes
    ----------
    n_documents : int
        Number of documents N.
    document_lengths : numpy.ndarray
        Length |D| of each document in tokens.
    average_length : float
        Mean document length avgdl.

    Notes
    -----
    The score of document D for a query Q::

        score(D, Q) = Σ_{t ∈ Q} idf(t) · tf(t, D) · (k1 + 1)
                                 / ( tf(t, D) + k1 · (1 − b + b · |D| / avgdl) )

        idf(t) = ln( 1 + (N − n(t) + 0.5) / (n(t) + 0.5) )

    where tf(t, D) is the count of t in D and n(t) the number of documents
    containing t. This idf is Lucene's: always positive, unlike Robertson's
    original ``ln((N − n + 0.5) / (n + 0.5))``. The ``(k1 + 1)`` factor of the
    Robertson–Zaragoza formula is kept; Lucene 8 and later drop it, which
    divides every score by ``k1 + 1`` and leaves the ranking unchanged.
    A word repeated in the query counts once per repetition, and query words
    absent from the index add nothing.

    The index is a sparse matrix of per-term, per-document weights computed
    once (compressed by column), so a query adds up one stored column per query word.

    References
    ----------
    Robertson, S. & Zaragoza, H. (2009). The probabilistic relevance framework:
    BM25 and beyond. *Foundations and Trends in Information Retrieval* 3(4),
    333–389.

    Apache Lucene, ``org.apache.lucene.search.similarities.BM25Similarity``.

    Examples
    --------
    >>> index = BM25Index([["party", "class"], ["masses"], ["party", "party"]])
    >>> [(doc, round(score, 4)) for doc, score in index.top(["party"], k=5)]
    [(2, 0.6309), (0, 0.4312)]
    >>> index.scores(["masses"]).round(4)
    array([0.    , 1.1961, 0.    ])
    """

    def __init__(
        self, documents: Iterable[Sequence[str]], *, k1: float = 1.5, b: float = 0.75
    ) -> None:
        if k1 < 0:
            raise ValueError(f"k1 must be zero or positive, got {k1}.")
        if not 0 <= b <= 1:
            raise ValueError(f"b must lie between 0 and 1, got {b}.")
        self.k1 = k1
        self.b = b
        self._term_ids: dict[str, int] = {}
        term_id = self._term_ids.setdefault
        doc_ids: list[int] = []
        token_term_ids: list[int] = []
        lengths: list[int] = []
        for doc_id, tokens in enumerate(documents):
            ids = [term_id(token, len(self._term_ids)) for token in tokens]
            token_term_ids.extend(ids)
            doc_ids.extend([doc_id] * len(ids))
            lengths.append(len(ids))

        self.n_documents = len(lengths)
        self.document_lengths = np.asarray(lengths, dtype=np.float64)
        self.average_length = float(self.document_lengths.mean()) if lengths else 0.0

        # Duplicate (document, term) pairs are summed into term frequencies.
        from scipy import sparse  # imported on first use: scipy is slow to import

        term_freqs = sparse.csc_matrix(
            (np.ones(len(token_term_ids)), (doc_ids, token_term_ids)),
            shape=(self.n_documents, len(self._term_ids)),
        )
        term_freqs.sum_duplicates()
        document_freqs = np.diff(term_freqs.indptr)
        self._idf = np.log(1 + (self.n_documents - document_freqs + 0.5) / (document_freqs + 0.5))
        relative_lengths = (
            self.document_lengths / self.average_length
            if self.average_length
            else np.ones(self.n_documents)
        )
        length_norm = k1 * (1 - b + b * relative_lengths)
        tf = term_freqs.data
        rows = term_freqs.indices
        columns = np.repeat(np.arange(len(self._term_ids)), document_freqs)
        term_freqs.data = self._idf[columns] * tf * (k1 + 1) / (tf + length_norm[rows])
        self._weights = term_freqs

    def idf(self, term: str) -> float:
        """Inverse document frequency of ``term``; 0.0 if it is not indexed.

        Examples
        --------
        >>> round(BM25Index([["a"], ["b"], ["a", "b"]]).idf("a"), 4)
        0.47
        """
        term_id = self._term_ids.get(term)
        return 0.0 if term_id is None else float(self._idf[term_id])

    def scores(self, query_tokens: Iterable[str]) -> FloatArray:
        """BM25 score of every document for a query, in document order.

        Parameters
        ----------
        query_tokens : Iterable[str]
            The query, tokenised and normalised like the documents.

        Returns
        -------
        numpy.ndarray, shape (n_documents,)
            One score per document; 0 for documents without any query word.

        Examples
        --------
        >>> BM25Index([["a"], ["b"]]).scores(["b", "zzz"]).round(4)
        array([0.    , 0.6931])
        """
        lookup = self._term_ids
        scores = np.zeros(self.n_documents)
        weights, rows, starts = self._weights.data, self._weights.indices, self._weights.indptr
        for token in query_tokens:
            term_id = lookup.get(token)
            if term_id is not None:  # one column of the sparse matrix: its documents
                begin, end = starts[term_id], starts[term_id + 1]
                scores[rows[begin:end]] += weights[begin:end]
        return scores

    def top(self, query_tokens: Iterable[str], k: int = 10) -> list[tuple[int, float]]:
        """The ``k`` best-scoring documents that contain a query word.

        Parameters
        ----------
        query_tokens : Iterable[str]
            The query, tokenised and normalised like the documents.
        k : int, default 10
            Largest number of documents to return.

        Returns
        -------
        list of (int, float)
            ``(document index, score)`` pairs, best first; ties keep document
            order. Documents scoring 0 (no query word) are left out, so the
            list may be shorter than ``k``.

        Examples
        --------
        >>> [(doc, round(score, 4)) for doc, score in
        ...  BM25Index([["a"], ["b"], ["b", "b"]]).top(["b"], k=1)]
        [(2, 0.5785)]
        """
        if k < 1:
            return []
        scores = self.scores(query_tokens)
        matching = np.flatnonzero(scores > 0)
        if matching.size > k:
            # Keep the k best before the full sort; ties broken by index below.
            candidates = np.argpartition(-scores[matching], k - 1)[:k]
            threshold = scores[matching[candidates]].min()
            matching = matching[scores[matching] >= threshold]
        order = np.lexsort((matching, -scores[matching]))[:k]
        return [(int(i), float(scores[i])) for i in matching[order]]


def benjamini_hochberg(p_values: npt.ArrayLike) -> FloatArray:
    """Benjamini–Hochberg adjusted p-values (false discovery rate) for many tests at once.

    Parameters
    ----------
    p_values : array_like
        One p-value per test (e.g. per term of a keyness list).

    Returns
    -------
    numpy.ndarray
        Adjusted p-values, in the input order: reject the tests with ``p_adjusted < q``
        to keep the expected share of false discoveries below ``q``.

    Notes
    -----
    With the m p-values sorted ascending, p_(1) ≤ … ≤ p_(m)::

        p_adj_(i) = min_{j ≥ i} min(1, m · p_(j) / j)

    the step-up procedure of Benjamini & Hochberg, as ``p.adjust(method = "BH")`` in R.

    References
    ----------
    Benjamini, Y. & Hochberg, Y. (1995). Controlling the false discovery rate: a practical
    and powerful approach to multiple testing. *Journal of the Royal Statistical Society,
    Series B* 57(1), 289–300.

    Examples
    --------
    >>> benjamini_hochberg([0.01, 0.04, 0.03, 0.2]).round(4)
    array([0.04  , 0.0533, 0.0533, 0.2   ])
    """
    p = np.asarray(p_values, dtype=np.float64)
    m = p.size
    if m == 0:
        return p.copy()
    order = np.argsort(p, kind="stable")
    scaled = p[order] * m / np.arange(1, m + 1)
    adjusted = np.minimum.accumulate(scaled[::-1])[::-1]
    result = np.empty(m)
    result[order] = np.minimum(adjusted, 1.0)
    return result


def bonferroni(p_values: npt.ArrayLike, alpha: float = 0.05) -> npt.NDArray[np.bool_]:
    """Which tests pass the Bonferroni correction: ``p < alpha / m`` for m tests.

    References
    ----------
    Dunn, O. J. (1961). Multiple comparisons among means. *Journal of the American
    Statistical Association* 56(293), 52–64.

    Examples
    --------
    >>> bonferroni([0.01, 0.001, 0.2], alpha=0.05)
    array([ True,  True, False])
    """
    p = np.asarray(p_values, dtype=np.float64)
    return p < alpha / max(p.size, 1)
