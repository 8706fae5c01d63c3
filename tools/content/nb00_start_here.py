"""00 Start here: the book, the series, a tour of the tables and widgets, how to cite."""

from nbkit import CONTENTS, NAV_BOTTOM, NAV_TOP, code, md, nav, notebook, setup_cells

SUMMARY = (
    "what the book is and why it was written, how the series works, a five-minute "
    "tour of the tables and widgets, how to cite a paragraph"
)

WIDGETS = (
    "Explorer",
    "Concordance",
    "Trends",
    "Compare",
    "Reader",
    "Citations",
    "PassageFinder",
    "Quiz",
)


def build():
    cells = [
        nav(NAV_TOP),
        md(
            """
        # Start here: studying *The Foundations of Leninism*

        This series of notebooks is a guided study of one short book: J. V. Stalin's
        *The Foundations of Leninism* (1924). You read it closely, chapter by chapter, with
        the whole text available as data — so that every claim you make about the book can
        be checked against it, counted, and cited to the paragraph.

        The notebooks describe what the text claims and how it argues. They neither endorse
        nor condemn it: where they report how others have read it, they say who, and where
        something is a matter of interpretation, they say so.
        """,
            id="title",
        ),
        md(
            """
        ## The book: what it is, when and why it was written

        *The Foundations of Leninism* began as a course of lectures that Stalin gave at the
        Sverdlov Communist University in Moscow, a school for party officials, in April 1924.
        They were printed in *Pravda* in April and May 1924 and then as a pamphlet; the
        editors' first footnote, shown below, gives this history. The lectures were later
        included in every edition of Stalin's collection *Problems of Leninism*, which
        became a standard text of political education in the Soviet Union during his
        lifetime.

        **The moment.** Lenin had died on 21 January 1924, after more than a year of
        illness that had removed him from political life. The party he had led was now
        governed collectively by its Politburo, and its leaders were divided. Through the
        winter of 1923–24 the majority of the leadership — Zinoviev, Kamenev and Stalin
        among them — had been in open conflict with an opposition associated with Trotsky
        over the party's internal regime and its economic policy. Stalin had been General
        Secretary of the Central Committee since 1922. Whoever could speak with authority
        about what Lenin had taught held a strong position in this contest, and in the
        months after his death the leadership set about establishing "Leninism" as the
        party's doctrine.

        **The audience.** The lectures are dedicated to the *Lenin Enrollment* (paragraph
        `Intro.1`): the recruitment campaign of 1924 that brought a large number of
        industrial workers into the party in the months after Lenin's death. The book was
        written to be learnt from. It proceeds by definitions, numbered theses and
        questions put and answered, and it leans constantly on quotations from Lenin, each
        with a reference to a volume of his *Works*.

        **The shape of the argument.** An introduction defines Leninism; nine chapters
        follow: the historical roots of Leninism (I), its method (II) and theory (III), the
        dictatorship of the proletariat (IV), the peasant question (V), the national
        question (VI), strategy and tactics (VII), the party (VIII) and "style in work" (IX).

        **This edition.** The text is an English translation whose editors' footnotes cite
        Soviet editions of the early 1950s, while the author's own references are to the
        third Russian edition of Lenin's *Works*. The source card
        below (computed by the package) says what was cleaned and counts what is there.
        Some passages of the book were reworded in later editions; notebook 04 looks at
        the best-known case.
        """,
            id="book",
        ),
        *setup_cells(WIDGETS),
        code('show("Intro.1")', id="dedication"),
        code("print(ld.describe())", id="describe"),
        md(
            """
        ## How the series is organised

        There is one notebook per chapter, all with the same eight parts — *About this
        notebook*, *Context*, *The chapter at a glance*, *Guided reading*, *The chapter's
        vocabulary*, *Interactive exploration*, *Check yourself* and *For discussion* — and
        three thematic labs. Every notebook has links to the previous and next one at its
        top and bottom.
        """,
            id="organisation",
        ),
        md("<!-- contents: written by tools/navigation.py -->", id=CONTENTS),
        md(
            """
        ### Three ways through the series

        **Self-study path** (roughly an hour per chapter). Work through 01 to 10 in order.
        In each notebook read the context, run the guided reading and write down, in a
        sentence or two, what each passage contributes before you read the commentary. Do
        the exercises of *Check yourself* before opening the solutions. Finish with 11,
        which looks at how the chapters fit together.

        **Seminar path** (seven meetings). Before each meeting, students work through parts
        1–5 and 7 of the notebooks for that meeting; in the meeting, the group uses the
        widgets of part 6 together (on a projector: `leninism-study app explorer`) and
        takes up the questions of part 8.

        | meeting | notebooks |
        |---|---|
        | 1 | 00 Start here, 01 Introduction, 02 Historical roots |
        | 2 | 03 Method, 04 Theory |
        | 3 | 05 The dictatorship of the proletariat |
        | 4 | 06 The peasant question, 07 The national question |
        | 5 | 08 Strategy and tactics |
        | 6 | 09 The party, 10 Style in work |
        | 7 | 11 Comparing chapters, 12 Lenin citations |

        **Text-analysis path.** Start with 13 (concordances, collocations, keyness, n-grams
        and dispersion, with their formulas, taught on this book), then 12 (how the book
        cites and quotes Lenin) and 11 (comparing chapters). Then take parts 3, 5 and 6 of
        any chapter notebook as case studies.

        ### Working in a notebook

        - Run everything with *Run → Run All Cells*; then change what you like. Nothing you
          do can damage the data: every table function returns a fresh copy.
        - The widgets (search boxes, concordances, the quiz) work while the notebook is
          running. In a notebook that has not been run, they show a one-line summary.
        - Solutions are collapsed: expand a cell with the ⋯ or the bar to its left.
        - Every number, passage and citation in the notebooks is computed from the package
          when you run them. If the prose seems to say something the data does not show,
          trust the data — and tell us.
        """,
            id="paths",
        ),
        md(
            """
        ## A five-minute tour of the tables

        `import leninism_data as ld` gives the whole book as tidy
        [pandas](https://pandas.pydata.org) tables: one row per chapter, section,
        paragraph, footnote, citation, quotation, sentence, word (token) or printed page.
        The ids join them: `chapter` → `section` → `paragraph_id` → `sentence_id`. The
        first two code cells of every notebook (above) import the package and define two
        helpers: `show()`, which prints paragraphs as the book has them, and `check()`,
        which gives feedback on exercises. The second cell is collapsed; click its bar to
        see the code.

        **Chapters** — one row each, with their printed pages and counts:
        """,
            id="tour-tables",
        ),
        code("ld.chapters()", id="tour-chapters"),
        md(
            """
        **Sections** — some chapters are divided into numbered sections, some are not;
        section 0 is the text of a chapter before its first numbered section:
        """,
            id="tour-sections-note",
        ),
        code('ld.sections().query("chapter == 4")', id="tour-sections"),
        md(
            """
        **Paragraphs** — the unit you cite. `kind` tells prose from block quotations
        (with `speaker`, who is quoted), list items and front matter; `page` and
        `page_end` are printed pages; `footnotes` lists the footnote markers a paragraph
        carries:
        """,
            id="tour-paragraphs-note",
        ),
        code(
            """
        paragraphs = ld.paragraphs()
        paragraphs[["paragraph_id", "section", "kind", "page", "page_end", "footnotes",
                    "n_words", "speaker", "text"]].query("paragraph_id.str.startswith('IV.1')")
        """,
            id="tour-paragraphs",
        ),
        md(
            """
        **Footnotes, citations and quotations.** The footnotes are mostly the editors'; a
        few are the author's own (`by_author`). *citations* are the book's parenthesised
        references to a volume and page of Lenin's *Works*, with the volume as a number;
        *quotations* are the block quotations, with who is quoted:
        """,
            id="tour-notes-note",
        ),
        code("ld.footnotes().head()", id="tour-footnotes"),
        code(
            'ld.citations()[["citation_id", "paragraph_id", "page", "raw", "author", "volume", "pages", "ibid"]].head()',
            id="tour-citations",
        ),
        code(
            'ld.quotations().groupby("speaker").agg(quotations=("quotation_id", "size"), words=("n_words", "sum"))',
            id="tour-quotations",
        ),
        md(
            """
        **Words.** `ld.tokens()` has one row per word of the main text, with its sentence,
        paragraph and page, and whether it stands inside a block quotation. Counting is
        then ordinary pandas:
        """,
            id="tour-tokens-note",
        ),
        code(
            """
        tokens = ld.tokens()
        content_words = tokens[~tokens.is_stopword]
        content_words.term.value_counts().head(12)
        """,
            id="tour-tokens",
        ),
        md(
            """
        Every column is described in `ld.DATA_DICTIONARY`, for instance:
        """,
            id="tour-dictionary-note",
        ),
        code(
            'pd.Series(ld.DATA_DICTIONARY["citations"], name="meaning").to_frame()',
            id="tour-dictionary",
        ),
        md(
            """
        ## A five-minute tour of the widgets

        Eight small interactive tools recur in the notebooks. Each also keeps its current
        result as a table in `.result`, so that you can go on working with it in pandas.

        **Explorer** — search the paragraphs (words, phrases, `*` wildcards, or regular
        expressions), filter by chapter, section or kind, and page through the hits with
        their ids and printed pages.
        """,
            id="tour-widgets",
        ),
        code('Explorer("vanguard")', id="tour-explorer"),
        md(
            """
        **Concordance** — keyword in context: every occurrence of a word lined up with the
        words to its left and right. Sort by the left or right context to see patterns of
        use.
        """,
            id="tour-concordance-note",
        ),
        code('Concordance("peasantry", window=6)', id="tour-concordance"),
        md(
            """
        **Trends** — how often words occur in each chapter, per 10,000 words, so that long
        and short chapters can be compared.
        """,
            id="tour-trends-note",
        ),
        code(
            'Trends(terms=("proletariat", "peasantry", "party", "imperialism"))', id="tour-trends"
        ),
        md(
            """
        **Compare** — two chapters side by side: the words that distinguish each from the
        other, the vocabulary they share, and their most characteristic passages.
        """,
            id="tour-compare-note",
        ),
        code('Compare(a="V", b="VI")', id="tour-compare"),
        md(
            """
        **Reader** — read the book paragraph by paragraph, with ids, pages and footnotes;
        open it at a chapter, a section or a paragraph id.
        """,
            id="tour-reader-note",
        ),
        code('Reader(chapter="Introduction")', id="tour-reader"),
        md(
            """
        **Citations** — the book's references to Lenin's *Works* (and to Marx and Engels),
        by chapter and volume, with the passage each reference supports.
        """,
            id="tour-citations-widget-note",
        ),
        code("Citations()", id="tour-citations-widget"),
        md(
            """
        **PassageFinder** — paste a sentence (a claim, an exam question, a summary) and it
        finds the paragraphs that best match it.
        """,
            id="tour-finder-note",
        ),
        code(
            'PassageFinder("Why did the revolution begin in a backward country?", k=3)',
            id="tour-finder",
        ),
        md(
            """
        **Quiz** — questions generated from the text, with feedback; each chapter notebook
        has one for its chapter.
        """,
            id="tour-quiz-note",
        ),
        code("Quiz(n_questions=3, seed=0)", id="tour-quiz"),
        md(
            """
        ## How to cite a paragraph

        Cite the book by **paragraph id** and **printed page**. A paragraph id is the
        chapter's numeral (or `Intro`) and the paragraph's number within the chapter:
        `IV.27` is the twenty-seventh paragraph of Chapter IV. The ids are stable: they are
        derived from the text shipped with the package, which does not change. Page numbers
        are those of the printed edition. `ld.cite()` writes a full reference for you:
        """,
            id="cite",
        ),
        code('ld.cite("IV.27")', id="cite-example"),
        code('show("IV.27")', id="cite-show"),
        md(
            """
        In your own writing, a short form is enough once the edition has been named: the
        paragraph id and the page, taken from the data rather than from memory. For
        example, quoting the second sentence of `IV.27`:
        """,
            id="cite-short",
        ),
        code(
            """
        sentence = ld.sentences().set_index("sentence_id").loc["IV.27.2"]
        print(f"The text states: “{sentence.text}” ({sentence.paragraph_id}, p. {sentence.page}).")
        """,
            id="cite-short-example",
        ),
        md("A mistyped id is caught, with suggestions:", id="cite-error-note"),
        code(
            """
        try:
            ld.cite("IV.99")
        except ld.UnknownParagraphError as error:
            print(error)
        """,
            id="cite-error",
        ),
        md(
            """
        Footnotes are cited by number (*footnote 1*); say whether a note is the author's or
        the editors' (the `by_author` column). When you quote a passage that is itself a
        quotation of Lenin, cite both: the paragraph of this book, and the volume and page
        of Lenin's *Works* that the book gives.

        **Now begin with the Introduction.**
        """,
            id="cite-more",
        ),
        nav(NAV_BOTTOM),
    ]
    return notebook(cells, summary=SUMMARY)
