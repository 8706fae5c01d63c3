"""11 Lab: comparing chapters — how the argument is built across the book."""

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
    "how the argument is built across the book: proportions, recurring moves, "
    "reused passages, shared vocabulary"
)

EXERCISES = (
    Exercise(
        prompt="In which chapter is the share of sentences ending with a question mark "
        'highest? Give the chapter\'s label (`"Introduction"`, `"I"` … `"IX"`) '
        "as a string.",
        hint="Use the `questions` table of section 2, or start again from "
        '`ld.sentences()`: `.text.str.rstrip().str.endswith("?")`, '
        '`.groupby("chapter").mean()`, `.idxmax()`, then look the number up in '
        "`labels`.",
        solution='labels[ld.sentences().assign(q=lambda s: s.text.str.rstrip().str.endswith("?")).groupby("chapter").q.mean().idxmax()]',
    ),
    Exercise(
        prompt="How many paragraphs of each chapter begin with the words *That is why*? "
        "Build a Series indexed by chapter number (chapters with none may be left "
        "out).",
        hint='`ld.paragraphs()`, keep rows where `.text.str.startswith("That is why")`, '
        'then `.groupby("chapter").size()`.',
        solution='ld.paragraphs().loc[lambda p: p.text.str.startswith("That is why")].groupby("chapter").size()',
    ),
    Exercise(
        prompt="Which two *different* chapters are most alike by the similarity table of "
        "section 5? Give their labels as a tuple in book order, e.g. "
        '`("II", "VII")`.',
        hint="Set the diagonal of `similarity` aside (for example with "
        "`similarity.where(~np.eye(10, dtype=bool))`), then `.stack().idxmax()` "
        "gives the pair.",
        solution="tuple(similarity.where(~np.eye(len(similarity), dtype=bool)).stack().idxmax())",
    ),
)


def build():
    cells = [
        *lab_header(
            "Lab: comparing chapters — how the argument is built",
            SUMMARY,
            learn=(
                "how the book distributes its weight: which chapters are long, which are "
                "quoted, which argue in questions;",
                "the small set of argumentative moves the book repeats from chapter to "
                "chapter, and where each is used;",
                "where the book reuses its own passages and formulas — and what that tells "
                "you about how it was built;",
                "how to compare chapters by their vocabulary, and the limits of doing so.",
            ),
            time="about 60 minutes",
            prerequisites="*00 Start here*. The lab is most useful after a few chapter "
            "notebooks; *13 Text-analysis lab* explains the measures.",
        ),
        *setup_cells(("Trends", "Compare")),
        code(
            """
        import numpy as np
        from collections import Counter
        from itertools import combinations

        book = ld.chapters()
        labels = book.set_index("chapter").label.astype(str)
        """,
            id="lab-setup",
        ),
        md(
            """
        ## 1. The shape of the book

        Start with proportions. How long is each chapter, how much of it is quoted, and how
        is it divided? The chart separates the author's own words from the words inside
        block quotations.
        """,
            id="shape",
        ),
        code(
            """
        shape = book.set_index("label")[["first_page", "last_page", "n_sections", "n_paragraphs", "n_words",
                                         "n_quotations", "n_quoted_words"]]
        shape.assign(quoted_share=(shape.n_quoted_words / shape.n_words).round(3))
        """,
            id="shape-table",
        ),
        code(
            """
        fig, ax = plt.subplots(figsize=(9, 3.5))
        own = book.n_words - book.n_quoted_words
        ax.bar(labels, own, label="the author's words", color="tab:gray")
        ax.bar(labels, book.n_quoted_words, bottom=own, label="inside block quotations", color="tab:red")
        ax.set_ylabel("words")
        ax.set_title("Length of each chapter, and how much of it is quoted")
        ax.legend()
        plt.show()
        """,
            id="shape-chart",
        ),
        md(
            """
        Three chapters — on theory, on strategy and tactics, and on the party — are much
        longer than the others, and the chapters on the dictatorship, on strategy and on
        the party quote most. The Introduction and the last chapter frame the book in the
        author's own voice. As you read the chapter notebooks, keep these proportions in mind: a
        chapter's length says something about what the book thought needed most
        explaining in 1924.
        """,
            id="shape-note",
        ),
        md(
            """
        ## 2. Recurring moves

        The book argues with a small repertoire of moves, repeated across chapters: a view
        attributed to unnamed others and then corrected ("Some think…"); a contrast of then
        and now ("Formerly… Now…"); a claim declared beyond argument ("It scarcely needs
        proof"); a question that presupposes agreement ("Who does not know…?"); numbered
        reasons; conclusions drawn with "That is why" and "Hence". The table counts each
        move in each chapter with `ld.search` (regular expressions, case-sensitive).
        """,
            id="moves",
        ),
        code(
            """
        MOVES = {
            "view to correct (Some say/think…)": r"\\b(Some|Others) (say|think|believe)\\b",
            "Formerly … Now": r"\\bFormerly\\b",
            "It scarcely needs proof": r"\\bscarcely needs proof\\b",
            "Is it not clear": r"\\bIs it not clear\\b",
            "Who does not know / has not heard": r"\\bWho (does not|has not)\\b",
            "Firstly … Fourthly": r"\\b(Firstly|Secondly|Thirdly|Fourthly)\\b",
            "That is why": r"\\bThat is why\\b",
            "Hence": r"\\bHence\\b",
        }
        counts = {}
        for move, pattern in MOVES.items():
            hits = ld.search(pattern, regex=True, case=True)
            counts[move] = hits.groupby("chapter").n_matches.sum().reindex(range(10), fill_value=0)
        moves = pd.DataFrame(counts).T.set_axis(labels, axis=1)
        moves
        """,
            id="moves-table",
        ),
        code(
            """
        fig, ax = plt.subplots(figsize=(9, 3.8))
        ax.imshow(moves.to_numpy(), cmap="Greys", aspect="auto")
        ax.set_xticks(range(10), labels)
        ax.set_yticks(range(len(moves)), moves.index)
        for (i, j), value in np.ndenumerate(moves.to_numpy()):
            if value:
                ax.text(j, i, value, ha="center", va="center",
                        color="white" if value > moves.to_numpy().max() / 2 else "black")
        ax.set_title("Argumentative moves by chapter (counts)")
        plt.show()
        """,
            id="moves-chart",
        ),
        md(
            """
        Some moves belong to particular chapters — the ordinal lists to the chapters that
        set out requirements and conditions (method, strategy and tactics), "It scarcely
        needs proof" to the chapters on theory and on the party, "Formerly … Now" to the
        chapters on theory and on the national question.
        Others run through the whole book. Counts of a phrase are a crude measure of a
        habit; open the paragraphs with the Explorer before you draw conclusions.

        Questions are another habit. The table gives, per chapter, how many sentences end
        with a question mark and what share of all sentences they are:
        """,
            id="moves-note",
        ),
        code(
            """
        sentences = ld.sentences()
        questions = (sentences.assign(question=sentences.text.str.rstrip().str.endswith("?"))
                     .groupby("chapter").question.agg(questions="sum", share="mean"))
        questions.set_axis(labels).round(3)
        """,
            id="questions",
        ),
        md(
            """
        ## 3. How the chapters announce their plan

        From Chapter III on, most chapters open with the same sentence, announcing how
        many questions they will take from their theme, followed by a lettered list. The
        announcement makes each chapter a short treatise with numbered parts — and makes
        the book easy to outline and to examine.
        """,
            id="plans",
        ),
        code(
            """
        paragraphs = ld.paragraphs()
        paragraphs[paragraphs.text.str.startswith("From this theme")][["paragraph_id", "page", "text"]]
        """,
            id="plans-table",
        ),
        md(
            """
        ## 4. Key terms across the argument

        Where does each of the book's central terms live? The **Trends** widget shows
        their frequency per 10,000 words in each chapter; the dispersion plot below marks
        every occurrence along the book, with the chapter boundaries. A term concentrated
        in one chapter (a high DP, see notebook 13) is that chapter's subject; a term
        spread evenly is part of the book's common vocabulary.
        """,
            id="terms",
        ),
        code(
            'Trends(terms=("imperialism", "dictatorship", "peasantry", "national", "party", "theory"))',
            id="terms-trends",
        ),
        code(
            """
        TERMS = ["imperialism", "dictatorship", "peasantry", "national", "party", "theory"]
        spreads = {term: ld.dispersion(term) for term in TERMS}
        starts = ld.tokens().groupby("chapter").token_index.min() / len(ld.tokens())
        fig, ax = plt.subplots(figsize=(9, 3.2))
        for row, term in enumerate(TERMS):
            ax.vlines(spreads[term].hits.position, row - 0.4, row + 0.4, linewidth=0.6)
        for start in starts:
            ax.axvline(start, color="tab:red", linewidth=0.8)
        ax.set_yticks(range(len(TERMS)), TERMS)
        ax.set_xticks(starts, labels, fontsize=8)
        ax.set_title("Where each term occurs (red lines: chapter openings)")
        plt.show()
        pd.DataFrame([{"term": term, "occurrences": len(d.hits), "DP": round(d.dp, 2)}
                      for term, d in spreads.items()]).set_index("term")
        """,
            id="terms-dispersion",
        ),
        md(
            """
        ## 5. Which chapters are alike?

        A simple measure of likeness: treat each chapter as a list of counts of its content
        words (stopwords left out) and compute the cosine of the angle between two such
        lists — 1 for identical proportions, 0 for no shared words. Long chapters on
        related subjects score high; short chapters score low against everything, because
        they use fewer words. Read the table as a map of shared vocabulary, not of shared
        ideas.
        """,
            id="similarity",
        ),
        code(
            """
        counts = ld.term_frequencies(stopwords=False).pivot(index="term", columns="chapter", values="count").fillna(0)
        vectors = counts.to_numpy(float) / np.linalg.norm(counts.to_numpy(float), axis=0)
        similarity = pd.DataFrame(vectors.T @ vectors, index=labels, columns=labels).round(2)
        similarity
        """,
            id="similarity-table",
        ),
        code(
            """
        fig, ax = plt.subplots(figsize=(5.5, 4.5))
        image = ax.imshow(similarity.to_numpy(), cmap="Blues", vmin=0, vmax=1)
        ax.set_xticks(range(10), labels, rotation=90)
        ax.set_yticks(range(10), labels)
        fig.colorbar(image, label="cosine similarity")
        ax.set_title("Shared vocabulary between chapters")
        plt.show()
        """,
            id="similarity-chart",
        ),
        md(
            """
        ## 6. Passages the book reuses

        A book built for study repeats itself on purpose. To find where, the cell below
        takes every run of eight consecutive words in every paragraph and lists the pairs
        of paragraphs, in different chapters, that share such runs. It finds quotations
        used twice, and the author's own formulas carried from one chapter to another.
        """,
            id="reuse",
        ),
        code(
            """
        tokens = ld.tokens()
        grams = {}
        for pid, words in tokens.groupby("paragraph_id", sort=False).lower:
            words = words.tolist()
            grams[pid] = {" ".join(words[i:i + 8]) for i in range(len(words) - 7)}
        order = {pid: n for n, pid in enumerate(grams)}
        owners = {}
        for pid, found in grams.items():
            for gram in found:
                owners.setdefault(gram, []).append(pid)
        chapter_of = paragraphs.set_index("paragraph_id").chapter
        shared = Counter()
        for pids in owners.values():
            for a, b in combinations(sorted(pids, key=order.get), 2):
                if chapter_of[a] != chapter_of[b]:
                    shared[a, b] += 1
        reuse = pd.DataFrame([(a, b, n) for (a, b), n in shared.items()],
                             columns=["paragraph", "again_in", "shared_8_word_runs"])
        reuse.sort_values(["shared_8_word_runs", "paragraph"], ascending=[False, True],
                          ignore_index=True).head(8)
        """,
            id="reuse-table",
        ),
        md(
            """
        The top pairs tell the story of the book's construction:

        - a passage of Lenin's *Two Tactics* quoted in the chapter on theory is quoted
          again to define the first two stages of the revolution in the chapter on strategy;
        - the peasant question and the national question are posed in the same words, with
          the same answer and the same qualification;
        - a definition of the dictatorship quoted in Chapter IV returns, at greater length,
          in the chapter on the party;
        - Chapter II opens by repeating the last paragraph of the Introduction.

        Compare the two chapters that share a formula with the **Compare** widget — here
        Chapters V and VI:
        """,
            id="reuse-note",
        ),
        code('show("V.10", "VI.9")', id="reuse-example"),
        code('Compare(a="V", b="VI")', id="compare"),
        *exercise_cells(
            EXERCISES,
            heading="## 7. Exercises",
            intro="""
        Each exercise has a cell for your answer, a collapsed solution and a check.
        """,
        ),
        md(
            """
        ## 8. For discussion

        **The argument**

        1. The book moves from definitions (Introduction), to history (I), method (II) and
           theory (III), to the central concept (IV), its allies (V, VI), its practice (VII),
           its organisation (VIII) and its conduct (IX). Is this order logical, pedagogical,
           or political? What would change if the chapter on the party came first?
        2. The chapters on the peasantry and on the nations are built on one template
           (section 6). What does the shared template claim about the two questions? What
           might it hide about their differences?

        **How the text argues**

        3. Look at the table of moves. Which moves establish authority (quotations of
           Lenin, "It scarcely needs proof"), which simulate a dialogue (questions, views
           to correct), which organise (ordinals, announcements)? Which chapters rely most
           on which?
        4. The book repeats formulas and quotations across chapters. In a text meant to be
           studied by new party members, what does repetition do? When does repetition
           become a substitute for argument?
        5. Counting phrases measures habits of the English translation as well as of the
           original. Which of the moves above could be artefacts of translation, and how
           would you check?

        **Readings and receptions**

        6. The book was reprinted, studied and examined for decades as part of *Problems of
           Leninism*. Which features you have measured here — numbered plans, short
           formulas, repeated definitions — suit a text that is taught and examined? Does
           suitability for teaching tell you anything about the truth of what is taught?
        7. Readers sympathetic to the book have praised its clarity and system; critics have
           called the same features schematic and dogmatic. Use the evidence of this lab to
           state each judgement as precisely as you can, attributing each to a kind of
           reader rather than adopting it.
        """,
            id="discussion",
        ),
        nav(NAV_BOTTOM),
    ]
    return notebook(cells, summary=SUMMARY)
