"""12 Lab: Lenin citations — which works and volumes are cited where, and how quotation is used."""

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
    "which works and volumes of Lenin are cited where, a volume × chapter chart, and "
    "how the book quotes: lead-ins, cuts, glosses and endings"
)

EXERCISES = (
    Exercise(
        prompt="How many of the book's in-text references give a volume of Lenin's *Works* "
        "(including those an *Ibid.* refers back to)?",
        hint='In `ld.citations()`, keep `author == "Lenin"` and count the rows whose '
        "`volume` is not missing (`.notna()`).",
        solution="int(ld.citations().query(\"author == 'Lenin'\").volume.notna().sum())",
    ),
    Exercise(
        prompt="Which volume is referred to most often? Assign its number (an int).",
        hint="`ld.citations().volume.value_counts()` and `.idxmax()`; convert to `int`.",
        solution="int(ld.citations().volume.value_counts().idxmax())",
    ),
    Exercise(
        prompt="In how many different chapters is that volume cited?",
        hint="Keep the rows of `ld.citations()` with that volume and count the distinct "
        "values of `chapter` (`.nunique()`).",
        solution='int(ld.citations().loc[lambda c: c.volume == c.volume.value_counts().idxmax(), "chapter"].nunique())',
    ),
    Exercise(
        prompt="What share of the book's block quotations contains a cut — an ellipsis, "
        "printed as three dots? Give a number between 0 and 1 (three decimals are "
        "enough).",
        hint='`ld.quotations().text.str.contains(r"\\.\\.\\.|…")` and `.mean()`.',
        solution='round(float(ld.quotations().text.str.contains(r"\\.\\.\\.|…").mean()), 3)',
    ),
)


def build():
    cells = [
        *lab_header(
            "Lab: Lenin citations — who is cited, where, and how",
            SUMMARY,
            learn=(
                "the three kinds of reference in this edition: the author's references to "
                "volumes of Lenin's *Works*, works named in the text, and the editors' "
                "footnotes;",
                "which volumes and works are cited in which chapters, with a volume × "
                "chapter chart;",
                "how the book introduces, cuts, glosses and places its quotations;",
                "how to check a quotation, and what the tables cannot tell you.",
            ),
            time="about 60 minutes",
            prerequisites="*00 Start here*. Any two chapter notebooks (05 and 09 quote "
            "most) will give you examples to test the tables against.",
        ),
        *setup_cells(("Citations",)),
        code(
            """
        import numpy as np

        labels = ld.chapters().set_index("chapter").label.astype(str)
        citations = ld.citations()
        quotations = ld.quotations()
        """,
            id="lab-setup",
        ),
        md(
            """
        ## 1. Three kinds of reference

        The book points to its sources in three ways, and the package keeps them apart:

        - **In-text references** (`ld.citations()`): the author's parenthesised references,
          mostly to a volume and page of Lenin's *Works* (in the form "See Vol." with a
          Roman numeral and a page), sometimes only to a title or an author. The volumes are those of the *third* Russian edition
          of Lenin's *Works*: the editors say so in footnote 3, shown below.
        - **Works named in the text** (`ld.works_index()`): titles the text mentions, cited
          or not.
        - **The editors' footnotes** (`ld.editorial_references()`): references added by the
          Moscow editors of this translation, to the *fourth* Russian edition of Lenin's
          *Works* and to a Moscow edition of Marx and Engels's *Selected Works*.
        """,
            id="kinds",
        ),
        code('show("I.30")', id="footnote-3"),
        code(
            """
        kind = pd.Series("title only", index=citations.index, name="reference")
        kind[citations.volume.notna()] = "volume and page"
        kind[citations.ibid] = "Ibid."
        pd.crosstab(citations.author, kind, margins=True, margins_name="all")
        """,
            id="kinds-table",
        ),
        md(
            """
        Nearly all references are to Lenin, most of them by volume and page. The few
        others mostly name only a work or an author: the book cites Lenin by chapter and
        verse, the founders more loosely.
        """,
            id="kinds-note",
        ),
        md(
            """
        ## 2. Which volumes, in which chapters

        The chart counts references to each volume of Lenin's *Works* (rows) in each
        chapter (columns). An *Ibid.* counts for the volume it refers back to.
        """,
            id="volumes",
        ),
        code(
            """
        lenin = citations[(citations.author == "Lenin") & citations.volume.notna()]
        by_volume = (pd.crosstab(lenin.volume.astype(int), lenin.chapter.map(labels))
                     .reindex(columns=list(labels), fill_value=0))
        by_volume
        """,
            id="volumes-table",
        ),
        code(
            """
        fig, ax = plt.subplots(figsize=(8, 5))
        ax.imshow(by_volume.to_numpy(), cmap="Reds", aspect="auto")
        ax.set_xticks(range(len(by_volume.columns)), by_volume.columns)
        ax.set_yticks(range(len(by_volume)), [f"Vol. {v}" for v in by_volume.index])
        for (i, j), value in np.ndenumerate(by_volume.to_numpy()):
            if value:
                ax.text(j, i, value, ha="center", va="center")
        ax.set_xlabel("chapter")
        ax.set_title("References to volumes of Lenin's Works (3rd Russian edition)")
        plt.show()
        """,
            id="volumes-chart",
        ),
        md(
            """
        Read the chart by rows and by columns. By rows: a few volumes supply many of the
        references, and one of them is cited across several chapters (exercises 2 and 3).
        By columns: the chapters on theory, the dictatorship, strategy and the party draw
        on several volumes each; the Introduction cites none. What the
        volumes contain is not in the data — but the text often names the work it quotes
        just before the reference. Open a cell of the chart with the **Citations** widget
        (section 6) and read the paragraphs around it: `II.25`–`II.28`, for example, name
        the pamphlets quoted from two of the volumes.
        """,
            id="volumes-note",
        ),
        md(
            """
        ## 3. Works named in the text

        The index of works counts every mention of a title, in the text and in the
        footnotes, by chapter. Some works are named without being quoted, some quoted
        without being named.
        """,
            id="works",
        ),
        code(
            """
        works = ld.works_index()
        works[["work", "author", "mentions", "chapters", "paragraph_ids"]]
        """,
            id="works-table",
        ),
        code(
            """
        editors = ld.editorial_references()
        editors[["footnote", "author", "work", "edition", "volume", "pages"]]
        """,
            id="editors-table",
        ),
        md(
            """
        The editors' notes refer to a different edition from the author's, so the same
        work can carry two volume numbers in this book (the author's third-edition volume
        in the text, the editors' fourth-edition volume in a footnote). When you cite a
        passage of Lenin *through* this book, cite the book's paragraph and the volume and
        page it gives, and say which edition that is.
        """,
            id="editors-note",
        ),
        md(
            """
        ## 4. How the book quotes

        The block quotations by speaker and chapter, with the number of words each chapter
        quotes:
        """,
            id="quoting",
        ),
        code(
            """
        by_speaker = (pd.crosstab(quotations.speaker, quotations.chapter.map(labels))
                      .reindex(columns=list(labels), fill_value=0))
        by_speaker.loc["words quoted"] = (quotations.groupby(quotations.chapter.map(labels)).n_words.sum()
                                          .reindex(list(labels), fill_value=0))
        by_speaker
        """,
            id="quoting-table",
        ),
        md(
            """
        **Lead-ins.** How is a quotation introduced? The book has a few fixed formulas, and
        they differ in what they claim: "says Lenin" reports, "Lenin is right in saying"
        endorses, "That is why Lenin says" draws a conclusion the quotation then confirms.
        """,
            id="leadins",
        ),
        code(
            """
        LEAD_INS = ["says Lenin", "Lenin says", "said Lenin", "Lenin said", "writes Lenin",
                    "Lenin wrote", "Lenin is right", "Lenin was right", "Lenin rightly",
                    "That is why Lenin"]
        lead_ins = pd.DataFrame({formula: ld.search(formula, case=True).groupby("chapter").n_matches.sum()
                                 for formula in LEAD_INS}).T.reindex(columns=range(10)).fillna(0).astype(int)
        lead_ins.set_axis(labels, axis=1)
        """,
            id="leadins-table",
        ),
        md(
            """
        **Where quotations stand.** Several sections end on a quotation: the last word goes
        to Lenin. The cell lists the sections whose last paragraph is a block quotation.
        """,
            id="endings",
        ),
        code(
            """
        paragraphs = ld.paragraphs()
        last = paragraphs.groupby(["chapter", "section"]).tail(1)
        endings = last[last.kind == "quotation"][["paragraph_id", "page", "speaker", "n_words"]]
        print(f"{len(endings)} of {len(last)} sections end on a block quotation")
        endings
        """,
            id="endings-table",
        ),
        md(
            """
        ## 5. Cuts, glosses and emphasis

        A quotation is shaped by its quoter. Three traces of that shaping are visible in
        the data:

        - **cuts**, marked by an ellipsis (three dots) inside the quotation;
        - **glosses**, the author's words inserted in brackets and signed "J. St.";
        - **emphasis**, which the clean text cannot show but the author's footnotes record
          ("My italics").
        """,
            id="shaping",
        ),
        code(
            """
        shaping = pd.DataFrame({
            "block quotations": quotations.groupby("chapter").size(),
            "with a cut (…)": quotations[quotations.text.str.contains(r"\\.\\.\\.|…")].groupby("chapter").size(),
            "with a gloss (J. St.)": quotations[quotations.text.str.contains("J. St")].groupby("chapter").size(),
        }).reindex(range(10)).fillna(0).astype(int).set_axis(labels)
        emphasis = ld.footnotes().query("by_author").groupby("chapter").size()
        shaping["author's own footnotes"] = emphasis.reindex(range(10), fill_value=0).to_numpy()
        shaping.T
        """,
            id="shaping-table",
        ),
        code(
            """
        # The quotations with a gloss by the author, where the gloss stands
        for row in quotations[quotations.text.str.contains("J. St")].itertuples():
            start = row.text.find("J. St")
            print(f"{row.paragraph_id}: …{row.text[max(0, start - 70):start + 8]}…")
        """,
            id="glosses",
        ),
        md(
            """
        ## 6. Explore the references

        The **Citations** widget lists every reference with the passage it supports; filter
        it by chapter, or by volume, and read the context of the quotations that interest
        you.
        """,
            id="explore",
        ),
        code("Citations()", id="citations-widget"),
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

        **How the text argues**

        1. The book cites Lenin by volume and page, Marx and Engels mostly by title. What
           does a precise reference claim? What does it allow a reader to do — and how many
           of the book's first readers in 1924 could have done it?
        2. Compare the lead-in formulas. When the text says "Lenin is right in saying", who
           is judging whom? What is the effect of an endorsement of Lenin by his expositor?
        3. Several sections end on a quotation. Why give the last word to Lenin? Compare with
           sections that end on a short formula of the author's own (for example `VIII.51`).
        4. Many block quotations carry cuts (exercise 4 measures how many). A cut can remove
           what is irrelevant or what is inconvenient. How would you find out which, for a
           given quotation? What would you need besides this package?

        **Readings and receptions**

        5. Soviet editions presented these quotations as faithful renderings of Lenin;
           Trotsky, in *The Stalin School of Falsification* (1932), accused Stalin of
           selective and misleading use of documents and quotations. Without taking either
           side on trust, choose one quotation with a cut from the table of section 5 and
           describe the steps by which a historian would test it.
        6. Soviet publishers issued Lenin's *Works* in five Russian editions with different
           volume numbers, and this edition already mixes two of them. What does the history of editions mean for the authority a reference
           confers?
        7. Quotation turns a living writer's words into a canon. Using the volume × chapter
           chart, describe the "Lenin" this book constructs: which periods of his work,
           which kinds of writing (polemics, speeches, programmes)? What is missing?
        """,
            id="discussion",
        ),
        nav(NAV_BOTTOM),
    ]
    return notebook(cells, summary=SUMMARY)
