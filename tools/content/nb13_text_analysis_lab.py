"""13 Lab: text analysis on this book — KWIC, frequency, dispersion, keyness, collocation, n-grams."""

from nbkit import (
    NAV_BOTTOM,
    Exercise,
    code,
    exercise_cells,
    lab_header,
    md,
    nav,
    notebook,
    setup_cells,
)

SUMMARY = (
    "concordance, frequency, dispersion, keyness, collocation and n-grams taught on "
    "this book, with the formulas computed by hand"
)

EXERCISES = (
    Exercise(
        prompt="How many concordance lines does *vanguard* have in the whole book, and how "
        "many of them stand inside block quotations? Give a tuple `(all, quoted)`.",
        hint='`lines = ld.kwic("vanguard")`; `len(lines)` and `int(lines.in_quotation.sum())`.',
        solution='(len(ld.kwic("vanguard")), int(ld.kwic("vanguard").in_quotation.sum()))',
    ),
    Exercise(
        prompt="What is the relative frequency of *party* in Chapter VIII, per 10,000 "
        "words (all words counted, as `ld.term_frequencies` does by default)? Round "
        "to one decimal.",
        hint='Count the term in `ld.tokens().query("chapter == 8")`, divide by the '
        "number of tokens of that chapter and multiply by ten thousand — then compare "
        'with `ld.term_frequencies("party")`.',
        solution='round(float(ld.term_frequencies("party").query("chapter == 8").per_10k.item()), 1)',
    ),
    Exercise(
        prompt="Compute by hand the keyness (G²) of *party* in Chapter VIII against the rest "
        "of the book, counting content words only as `ld.keyness` does. Round to one "
        "decimal.",
        hint='Reuse the cell of section 5 with `5` replaced by `8` and `"peasantry"` by '
        '`"party"`; check against `ld.keyness("VIII")`.',
        solution='round(float(ld.keyness("VIII").query("term == \'party\'").g2.item()), 1)',
    ),
    Exercise(
        prompt="How evenly is *national* spread over the chapters? Compute its DP (Gries) "
        "and round to two decimals.",
        hint='Reuse the cell of section 4 with `"national"`, or call '
        '`ld.dispersion("national").dp`.',
        solution='round(float(ld.dispersion("national").dp), 2)',
    ),
)


def build():
    cells = [
        *lab_header(
            "Lab: text analysis on this book",
            SUMMARY,
            learn=(
                "what a *token*, a *term* and a *stopword* are in this package, and why it "
                "matters that the text is a translation;",
                "how to read a concordance (keyword in context) and sort it;",
                "relative frequency, dispersion (Gries' DP, Juilland's D), keyness "
                "(log-likelihood G², Log Ratio), collocation (MI, t-score, log-Dice) and "
                "n-grams — each with its formula, computed by hand and checked against the "
                "package;",
                "what these measures can and cannot tell you about a political text.",
            ),
            time="about 90 minutes",
            prerequisites="*00 Start here*. Some pandas (filtering, `groupby`). No "
            "statistics beyond school algebra: every formula is explained.",
        ),
        *setup_cells(("Concordance", "Trends", "PassageFinder")),
        code(
            """
        import numpy as np

        tokens = ld.tokens()
        content = tokens[~tokens.is_stopword]   # content words: stopwords left out
        """,
            id="lab-setup",
        ),
        md(
            """
        ## 1. Words, tokens and terms

        Counting starts with a decision about what a word is. Here a **token** is a run of
        letters or digits, possibly joined by internal hyphens or apostrophes
        (*petty-bourgeois*, *Lenin's*); its **term** is the form that is counted: lower
        case, possessive *'s* removed. A **stopword** is a very common word (*the*, *of*,
        *is*) that most measures leave out. Each row of `ld.tokens()` is one token, with its
        place in the book and whether it stands inside a block quotation:
        """,
            id="tokens",
        ),
        code(
            'tokens[["token_index", "paragraph_id", "page", "token", "term", "is_stopword", "in_quotation", "speaker"]].iloc[2005:2015]',
            id="tokens-table",
        ),
        code(
            """
        pd.Series({
            "tokens": len(tokens),
            "distinct terms (types)": tokens.term.nunique(),
            "content tokens (stopwords left out)": len(content),
            "stopwords in the list": len(ld.STOPWORDS),
            "tokens inside block quotations": int(tokens.in_quotation.sum()),
        }).to_frame("count")
        """,
            id="tokens-summary",
        ),
        md(
            """
        **A caution that applies to everything below.** This is an English translation of a
        Russian text. Every count measures the translator's choices as well as the author's:
        one Russian word may be rendered by several English ones, and the reverse. Counts
        are good at showing *where* and *how often* a translated word occurs in this
        edition; conclusions about the author's vocabulary need the Russian original.
        """,
            id="caution",
        ),
        md(
            """
        ## 2. Concordance: keyword in context

        A concordance (KWIC) lists every occurrence of a word with a few words of context
        on each side, one line per occurrence. Sorting the lines by the word just to the
        right (or left) of the keyword groups the recurring patterns — this is how
        lexicographers find a word's typical uses.
        """,
            id="kwic",
        ),
        code(
            """
        lines = ld.kwic("vanguard", window=6, sort="right")
        lines[["paragraph_id", "page", "left", "match", "right", "in_quotation"]].head(12)
        """,
            id="kwic-table",
        ),
        md(
            """
        Sorted to the right, lines with the same continuation stand together (punctuation
        sorts first): scan the `right` column for what typically follows *vanguard*, and
        the `in_quotation` column for whose words they are. `sort="left"` sorts by the
        words before the keyword, read outwards (the nearest word first). `lemma=True` finds every inflected
        form of a word. The **Concordance** widget does the same interactively:
        """,
            id="kwic-note",
        ),
        code('Concordance("vanguard", window=6, sort="right")', id="concordance"),
        md(
            """
        ## 3. Frequency and relative frequency

        A raw count $f$ depends on the length of the text. To compare parts of different
        length, divide by the number of tokens $N$ of the part and scale to a convenient
        base:

        $$ f_{\\text{per 10k}} = \\frac{f}{N} \\times 10\\,000 $$

        By hand for *peasantry* in Chapter V, then with the package:
        """,
            id="frequency",
        ),
        code(
            """
        f = int(((tokens.chapter == 5) & (tokens.term == "peasantry")).sum())
        N = int((tokens.chapter == 5).sum())
        print(f"f = {f}, N = {N}, per 10,000 words = {f / N * 10_000:.1f}")
        ld.term_frequencies("peasantry").query("chapter == 5").round(1)
        """,
            id="frequency-by-hand",
        ),
        code(
            'Trends(terms=("peasantry", "proletariat", "bourgeoisie"), by="chapter")', id="trends"
        ),
        md(
            """
        ## 4. Dispersion: how evenly is a word spread?

        Two words with the same frequency can behave very differently: one used a little
        in every chapter, the other concentrated in one. **Gries' DP** compares each
        part's share of the book, $s_i$, with its share of the word's occurrences, $v_i$:

        $$ DP = \\tfrac{1}{2} \\sum_i \\lvert v_i - s_i \\rvert $$

        DP is 0 when the word is spread exactly like the text, and close to 1 when it is
        all in one small part. **Juilland's D** uses the coefficient of variation $CV$ of
        the word's relative frequencies in the $n$ parts:

        $$ D = 1 - \\frac{CV}{\\sqrt{n - 1}} $$

        (1 = perfectly even). Here the parts are the ten chapters (counting the
        Introduction):
        """,
            id="dispersion",
        ),
        code(
            """
        sizes = tokens.groupby("chapter").size()
        hits = tokens[tokens.term == "peasantry"].groupby("chapter").size().reindex(sizes.index, fill_value=0)
        s, v = sizes / sizes.sum(), hits / hits.sum()
        DP = 0.5 * (v - s).abs().sum()
        relative = hits / sizes
        D = 1 - (relative.std(ddof=0) / relative.mean()) / np.sqrt(len(relative) - 1)
        spread = ld.dispersion("peasantry")
        pd.DataFrame({"by hand": [DP, D], "ld.dispersion": [spread.dp, spread.juilland_d]},
                     index=["DP", "Juilland's D"]).round(4)
        """,
            id="dispersion-by-hand",
        ),
        code(
            """
        TERMS = ["peasantry", "dictatorship", "party", "revolution"]
        starts = tokens.groupby("chapter").token_index.min() / len(tokens)
        labels = ld.chapters().label.astype(str)
        fig, ax = plt.subplots(figsize=(9, 2.8))
        for row, term in enumerate(TERMS):
            ax.vlines(ld.dispersion(term).hits.position, row - 0.4, row + 0.4, linewidth=0.6)
        for start in starts:
            ax.axvline(start, color="tab:red", linewidth=0.8)
        ax.set_yticks(range(len(TERMS)), [f"{t} (DP {ld.dispersion(t).dp:.2f})" for t in TERMS])
        ax.set_xticks(starts, labels, fontsize=8)
        ax.set_title("Dispersion plot: every occurrence, through the book")
        plt.show()
        """,
            id="dispersion-plot",
        ),
        md(
            """
        ## 5. Keyness: what is distinctive of a part?

        Keyness compares a word's frequency in a *target* (a chapter) with its frequency in
        a *reference* (the rest of the book). With $a$ and $b$ the word's counts in target
        and reference, and $c$ and $d$ their sizes in tokens, the counts expected if the word
        were used at the same rate in both are

        $$ E_1 = \\frac{c\\,(a+b)}{c+d}, \\qquad E_2 = \\frac{d\\,(a+b)}{c+d} $$

        and the **log-likelihood** statistic (Dunning 1993) measures how far the observed
        counts are from the expected ones:

        $$ G^2 = 2 \\left( a \\ln\\frac{a}{E_1} + b \\ln\\frac{b}{E_2} \\right) $$

        $G^2$ above 3.84 corresponds to $p < 0.05$, above 6.63 to $p < 0.01$, above 10.83 to
        $p < 0.001$ (χ² with one degree of freedom). $G^2$ says how *sure* we can be that a
        difference is not chance; the **Log Ratio** (Hardie 2014) says how *big* it is:

        $$ \\text{Log Ratio} = \\log_2 \\frac{a / c}{b / d} $$

        — 1 means twice as frequent in the target, 2 four times. By hand for *peasantry* in
        Chapter V (content words only, as `ld.keyness` counts them):
        """,
            id="keyness",
        ),
        code(
            """
        in_target = content.chapter == 5
        is_word = content.term == "peasantry"
        a, b = int((in_target & is_word).sum()), int((~in_target & is_word).sum())
        c, d = int(in_target.sum()), int((~in_target).sum())
        E1, E2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
        G2 = 2 * (a * np.log(a / E1) + b * np.log(b / E2))
        log_ratio = np.log2((a / c) / (b / d))
        print(f"a = {a}, b = {b}, c = {c}, d = {d}")
        print(f"E1 = {E1:.2f}, E2 = {E2:.2f}, G² = {G2:.2f}, Log Ratio = {log_ratio:.2f}")
        ld.keyness("V").query("term == 'peasantry'")[["term", "freq_target", "freq_reference", "g2", "p_value", "log_ratio"]].round(2)
        """,
            id="keyness-by-hand",
        ),
        md(
            """
        Keyness over all words mixes the author's prose with the words he quotes. Setting
        the block quotations aside (`include_quotations=False`) separates the two voices.
        For the chapter on the party:
        """,
            id="keyness-voices",
        ),
        code(
            """
        voices = pd.concat({
            "all words": ld.keyness("VIII").head(12)[["term", "g2", "log_ratio"]].reset_index(drop=True),
            "author's own words": ld.keyness("VIII", include_quotations=False).head(12)[["term", "g2", "log_ratio"]].reset_index(drop=True),
        }, axis=1)
        voices.round(1)
        """,
            id="keyness-voices-table",
        ),
        md(
            """
        ## 6. Collocation: the company a word keeps

        Collocates are words that occur near a *node* word more often than chance would
        predict. Count, within a window of $w$ words on each side (never crossing a
        paragraph), how often each other word occurs: that is the observed count $O$. If the
        node occurs $f_n$ times, a candidate $f_c$ times, and the text has $N$ tokens, the
        count expected by chance in the $2w$ slots around each node is

        $$ E = \\frac{f_n \\, f_c \\, 2w}{N} $$

        Three common measures, each favouring something different:

        - **MI** (mutual information), $\\log_2 (O / E)$: how much more often than chance —
          it rewards rare, exclusive partners;
        - **t-score**, $(O - E) / \\sqrt{O}$: how confident we are — it rewards frequent
          partners;
        - **log-Dice** (Rychlý 2008), $14 + \\log_2 \\frac{2O}{f_n + f_c}$: a balance between
          the two, comparable across texts of different size (14 at most).

        By hand for the strongest collocate of *dictatorship* (window 5, stopwords left
        out):
        """,
            id="collocation",
        ),
        code(
            """
        collocates = ld.collocates("dictatorship", window=5)
        best = collocates.iloc[0]
        N, f_node, span = len(content), int((content.term == "dictatorship").sum()), 2 * 5
        O, f_coll = int(best.observed), int(best.f_coll)
        E = f_node * f_coll * span / N
        print(f"collocate: {best.collocate}; O = {O}, f_node = {f_node}, f_coll = {f_coll}, N = {N}")
        pd.DataFrame({
            "by hand": [E, np.log2(O / E), (O - E) / np.sqrt(O), 14 + np.log2(2 * O / (f_node + f_coll))],
            "ld.collocates": [best.expected, best.mi, best.t_score, best.log_dice],
        }, index=["E", "MI", "t-score", "log-Dice"]).round(3)
        """,
            id="collocation-by-hand",
        ),
        md(
            """
        The measures rank collocates differently. Compare the top of each list:
        """,
            id="collocation-measures",
        ),
        code(
            """
        pd.DataFrame({measure: ld.collocates("dictatorship", measure=measure).collocate.head(8).tolist()
                      for measure in ("log_dice", "mi", "t_score", "log_likelihood")})
        """,
            id="collocation-measures-table",
        ),
        md(
            """
        MI brings up words that occur only a few times, but almost always near
        *dictatorship*; the t-score prefers frequent words; log-Dice and log-likelihood sit
        between. Always look at $O$ before trusting a high MI.

        ## 7. N-grams: repeated phrases

        An n-gram is a run of $n$ consecutive words (within a sentence). Frequent n-grams are
        a text's formulas. With `stopwords=False`, n-grams that begin or end with a stopword
        are left out, which removes fragments like *of the* and keeps phrases like
        *dictatorship of the proletariat*.
        """,
            id="ngrams",
        ),
        code("ld.ngrams(3, stopwords=False).head(12)", id="ngrams-3"),
        code("ld.ngrams(4).head(12)", id="ngrams-4"),
        md(
            """
        The `n_parts` column says in how many chapters each n-gram occurs — a quick
        dispersion measure for phrases. Notice that some of the most frequent trigrams are
        made of the book's references themselves (*see vol xxv*): a reminder to decide
        what you count before you count it. Notebook 11 uses eight-word n-grams to find the
        passages the book repeats.

        ## 8. From counting back to reading

        Counting finds places; reading decides what they mean. The **PassageFinder** goes
        the other way from a concordance: give it a sentence, and it ranks the paragraphs
        by how well they match its content words (Okapi BM25, a standard ranking of search
        engines that discounts repeated words and long paragraphs).
        """,
            id="reading",
        ),
        code(
            'PassageFinder("Why must the party purge itself of opportunists?", k=3)', id="finder"
        ),
        *exercise_cells(
            EXERCISES,
            heading="## 9. Exercises",
            intro="""
        Each exercise has a cell for your answer, a collapsed solution and a check.
        """,
        ),
        md(
            """
        ## 10. For discussion

        1. Every count in this lab is a count of an English translation. Pick one keyword of
           a chapter and say what you would need to know about the Russian original before
           drawing a conclusion about the author's vocabulary.
        2. Keyness shows what is *distinctive* of a chapter, not what is *important* in it.
           Find a word that is central to a chapter's argument but not among its keywords.
           Why does keyness miss it?
        3. Setting aside the block quotations changes a chapter's keywords (section 5). What
           does the difference tell you about the division of labour between the author's
           voice and Lenin's?
        4. With a single book of modest length, many counts are small. When is a difference
           between two chapters worth mentioning? Use $G^2$, the Log Ratio and $O$ in your
           answer.
        5. Statistics can themselves become rhetoric — *the text uses this word so many times*.
           How would you present a count in an essay so that it supports a reading without
           replacing it?
        6. Which of the book's features that matter most to historians — its allusions, its
           silences, the changes between editions — can counting not see at all?
        """,
            id="discussion",
        ),
        nav(NAV_BOTTOM),
    ]
    return notebook(cells, summary=SUMMARY)
