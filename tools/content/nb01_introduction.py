"""01 The Introduction: what is Leninism?"""

from nbkit import ChapterSpec, Exercise, Stop, chapter_notebook

SPEC = ChapterSpec(
    stem="01-introduction",
    chapter="Introduction",
    title="The Introduction: what is Leninism?",
    summary="the lectures' aim and the definition of Leninism they start from",
    learn=(
        "what the lectures set out to do, and what they deliberately leave aside;",
        "the definition of Leninism the book starts from, and how it is reached by setting "
        "two rival definitions aside;",
        "why the Second International appears on the first pages, and what it was;",
        "how to read a definition closely and cite it by paragraph id and page.",
    ),
    time="about 45 minutes",
    prerequisites="*00 Start here* (the tables, the widgets, how to cite). No knowledge "
    "of Marxism is assumed: the context below gives what you need.",
    context="""
    The Introduction is the shortest part of the book and does two things: it says what
    the lectures will expound, and it defines their subject. Everything that follows
    depends on the definition given here, so it is worth reading slowly.

    What a reader needs to know:

    - **Marx and Engels.** Karl Marx (1818–1883) and Friedrich Engels (1820–1895)
      founded the body of socialist theory their followers called Marxism. When the
      Introduction speaks of "the forties of the nineteenth century" it means the 1840s,
      the decade of their *Manifesto of the Communist Party* (1848) and of the European
      revolutions of 1848.
    - **Lenin.** Vladimir Ilyich Lenin (1870–1924) led the Bolshevik wing of the Russian
      Social-Democratic Labour Party from its split at the party's Second Congress in
      1903, then the October Revolution of 1917 and the Soviet government, until illness
      removed him from work in 1923. He died in January 1924, a few months before these
      lectures.
    - **The Second International.** The international federation of socialist and labour
      parties founded in 1889. Its strongest member was the German Social Democratic
      Party, and its most authoritative theorist for many years was Karl Kautsky
      (1854–1938). When war broke out in 1914, most of its parties supported their own
      governments' war efforts and the International broke apart in practice. Lenin
      denounced this as a betrayal of socialism and called for a new International; the
      Communist International was founded in Moscow in 1919. In this book, "the
      opportunism of the Second International" names everything Leninism is said to have
      broken with.
    - **Imperialism.** In Lenin's usage — set out in *Imperialism, the Highest Stage of
      Capitalism*, written in 1916 — the stage of capitalism dominated by monopolies and
      finance capital and by the great powers' struggle for colonies and spheres of
      influence. Chapter I takes it up.
    - **"Triumphed in one country."** When `Intro.9` says that the proletarian revolution
      had already triumphed in one country, it means the October Revolution of 1917 in
      Russia.

    The people the Introduction names, computed from the text:
    """,
    glance_note="""
    Read the two tables before the text. How long is the Introduction compared with the
    chapters (the `share of the book's words`)? Does it quote anyone, or cite any
    volume of Lenin's *Works*? Whatever the answer, it tells you what kind of text the
    Introduction is: the author speaking in his own voice before the apparatus of
    quotation begins. The one footnote is the editors' note on the publication history,
    attached to the dedication.
    """,
    reading_intro="""
    The Introduction is read here in four steps. Each step shows paragraphs by id, with
    their printed pages and footnotes, then a short commentary and what to notice. Read
    the passage before the commentary, and try to say in one sentence what it contributes
    to the argument.
    """,
    stops=(
        Stop(
            heading="What the lectures will and will not do",
            passages=("Intro.3", "Intro.4"),
            reader=True,
            commentary="""
            The lectures open with a modest claim — a "concise synopsis", not an
            exhaustive exposition — and then make a decision that shapes the whole book.
            `Intro.4` separates *Lenin's world outlook*, which is Marxism, from *the
            foundations of Leninism*, which are only what is "distinctive and new" in
            Lenin. The book will therefore not expound Marxism at all: it takes Marxism as
            given and describes what Lenin is said to have added to it.
            """,
            notice=(
                "The modesty of `Intro.3` sits beside a strong claim: that these are the "
                '*foundations*, the "basic points of departure" for any study of Leninism.',
                "The image of a common store to which Lenin contributed: “the general "
                "treasury of Marxism”. The cell above finds every use of *treasury* in the "
                "book — where else does the image return?",
                "Nothing in these paragraphs is argued from a quotation: the author "
                'speaks in the first person ("my lectures", "I consider").',
            ),
            extra_code='ld.kwic("treasury", window=6)[["paragraph_id", "page", "left", "match", "right"]]',
        ),
        Stop(
            heading="Two definitions set aside",
            passages=("Intro.5", "Intro.6", "Intro.7"),
            commentary="""
            The question is posed in a paragraph of its own (`Intro.5`) and two answers,
            attributed to unnamed speakers, are examined. The first (`Intro.6`) makes
            Leninism the application of Marxism to Russian conditions; it is granted "a
            particle of truth" and rejected as one-sided, because Leninism is said to be
            international. The second (`Intro.7`) makes Leninism a return to the
            revolutionary Marxism of the 1840s; it is called "foolish and vulgar", granted a
            particle of truth too, and corrected: Leninism is said not only to have
            restored Marxism but to have developed it.

            The text does not say who held these views. Identifying them is a task for the
            historian, not something the text supplies; the discussion questions return to
            this.
            """,
            notice=(
                'The pattern *concede, then correct*: each rival definition receives "a '
                'particle of truth" before it is judged partial.',
                'The speakers are anonymous ("Some say", "Others say"). The cell above '
                "lists the book's paragraphs that open their argument this way: the device "
                "recurs in later chapters.",
                'The evaluative words: "foolish and vulgar", "totally inadequate and '
                'unsatisfactory". The text judges as it defines.',
            ),
            extra_code="""
            # Paragraphs in which unnamed others are given a view to correct
            foils = ld.search(r"\\b(Some|Others) (say|think|believe)", regex=True, case=True)
            foils[["paragraph_id", "page", "n_matches"]]
            """,
        ),
        Stop(
            heading="The definition",
            passages=("Intro.8", "Intro.9", "Intro.10"),
            commentary="""
            `Intro.9` gives the definition in two steps. First: Leninism is “Marxism of
            the era of imperialism and the proletarian revolution”. Then, "to be more
            exact", it is the theory and tactics of the proletarian revolution in general,
            and of the dictatorship of the proletariat in particular. The justification is
            a periodisation: Marx and Engels worked before developed imperialism and before
            any proletarian revolution had won; Lenin worked when both had arrived. The
            conclusion stands alone in `Intro.10`.

            Two consequences run through the book. The definition makes the dictatorship
            of the proletariat the core of Leninism — Chapter V will say so outright
            (`V.6`). And it makes Leninism new because its *era* is new, which allows the
            book to present Lenin as both faithful to Marx and beyond him.
            """,
            notice=(
                'Definition by narrowing: a broad formula, then "to be more exact".',
                "The argument is from historical period rather than from doctrine: what is "
                "new in Leninism is derived from what is new in the world.",
                "Short paragraphs carry the steps of the argument (`Intro.5`, `Intro.8`, "
                "`Intro.10`): a question, a question, a conclusion. The cell above lists the "
                "Introduction's shortest paragraphs.",
            ),
            extra_code="""
            # The Introduction's paragraphs by length: questions and conclusions stand alone
            PARAGRAPHS.query("chapter == 0 and kind == 'prose'")[["n_words", "text"]].sort_values("n_words").head(4)
            """,
        ),
        Stop(
            heading="Why Leninism is militant: the Second International",
            passages=("Intro.11",),
            commentary="""
            The last paragraph explains the "exceptionally militant" character of Leninism
            by two causes: it emerged from the proletarian revolution, and it grew up in
            struggle against the opportunism of the Second International. The second cause
            turns socialist history between Engels's death and Lenin into a single period
            of "undivided domination" of opportunism. Chapter II begins by repeating this
            claim (`II.1`), and the Second International is the book's most constant
            opponent: the table above counts the phrase in every chapter.
            """,
            notice=(
                'Again a common opinion ("It is usual to point to…") is accepted and then '
                "re-explained.",
                'The fight against opportunism is called "an essential preliminary '
                'condition" for the fight against capitalism: the enemy within comes first.',
                'Compare `Intro.11` with `II.1` in the Reader or with `show("II.1")`: how '
                "does the later chapter pick up this paragraph?",
            ),
            extra_code="""
            # How often each chapter names the Second International
            labels = ld.chapters().set_index("chapter").label
            mentions = ld.term_frequencies("Second International")
            mentions.assign(chapter=mentions.chapter.map(labels))[["chapter", "count", "per_10k"]].round(1)
            """,
        ),
    ),
    vocabulary_note="""
    The Introduction is short, so keyness has little to work with: a word used a handful
    of times can reach the top of the list. Treat these words as pointers for reading, not
    as results. Still, the list is telling: it is the vocabulary of a definition
    (*definition*, *exposition*, *foundations*) and of its concession (*truth*,
    *particle*). Are the two lists — with and without quotations — different? Look back at
    the glance table to see why.

    Two concordances follow: *Leninism*, the subject of almost every sentence, and *truth*,
    the word of the concessions.
    """,
    kwic_terms=("Leninism", "truth"),
    kwic_note="""
    Read the *Leninism* lines down the `right` column: what is Leninism said to *be*
    and to *do*? The *truth* lines show the concessive formula ("a particle of truth",
    "the whole truth") that structures `Intro.6`–`Intro.7`.
    """,
    explorer_query="Leninism",
    concordance_term="Marxism",
    compare_note="""
    The definition speaks of “the era of imperialism”; Chapter I explains what that era
    was and why it made Russia the home of Leninism. Compare the Introduction with
    Chapter I: which words belong to the definition and which to the history?
    """,
    compare_with="I",
    exercises=(
        Exercise(
            prompt="How many paragraphs of the Introduction end with a question mark? "
            "Assign the number to `answer_1`.",
            hint="Keep the rows of `ld.paragraphs()` with `chapter == 0`; "
            '`.text.str.endswith("?")` gives True or False for each; `.sum()` '
            "counts the True values.",
            solution='int(ld.paragraphs().query("chapter == 0").text.str.endswith("?").sum())',
        ),
        Exercise(
            prompt="Which paragraph of the Introduction has the most words? Assign its "
            '`paragraph_id` (a string such as `"Intro.3"`) to `answer_2`.',
            hint="Index the Introduction's paragraphs by `paragraph_id` "
            '(`.set_index("paragraph_id")`), take the `n_words` column and use '
            "`.idxmax()`.",
            solution='ld.paragraphs().query("chapter == 0").set_index("paragraph_id").n_words.idxmax()',
        ),
        Exercise(
            prompt="How many times does the word *truth* occur in the Introduction? Use "
            "`ld.tokens()`, whose `term` column holds each word in lower case.",
            hint="Filter `ld.tokens()` with `.query(\"chapter == 0 and term == 'truth'\")` "
            "and count the rows with `len(...)`.",
            solution="len(ld.tokens().query(\"chapter == 0 and term == 'truth'\"))",
        ),
    ),
    discussion="""
    **The argument**

    1. `Intro.4` separates "Lenin's world outlook" from "the foundations of Leninism".
       What does the book gain by leaving Marxism itself aside? What might a reader who
       knows no Marxism miss as a result?
    2. `Intro.9` defines Leninism by the era in which Lenin worked. Is a definition by
       historical period a definition of a doctrine? What kind of evidence could count
       against it?
    3. If Leninism is "an international phenomenon" (`Intro.6`), why does Chapter I spend
       itself explaining why Russia was its home? Is there a tension, or do the two claims
       support each other?

    **How the text argues**

    4. The rival definitions are given to unnamed speakers and each receives "a particle of
       truth". How does *concede, then correct* shape the reader's sense of the author's
       authority? Find the device in later chapters with the Explorer (try `Some think`).
    5. Does the Introduction quote anyone? The rest of the book quotes Lenin constantly
       (notebook 12). Why might a text that claims to expound Lenin begin in its author's
       own voice?
    6. "Foolish and vulgar", "opportunism", "ruthless struggle": the Introduction defines
       and judges at once. Rewrite `Intro.7` in a neutral register. What changes, and what
       does the original gain from its tone?

    **Readings and receptions**

    7. The definition of `Intro.9` became a standard formula of Soviet political
       education. What happens to a definition when it is learnt by heart? Search the book
       for the words `era of imperialism` and see how the formula is reused.
    8. Many biographers of Stalin read these lectures as part of the contest, after
       Lenin's death, over who could speak for him; others stress that they were a
       teaching text for new party members. Which features of the Introduction — the
       dedication, the first person, the claims to exactness — support each reading? Make
       the case for both before you choose.
    9. Later critics from within the Marxist tradition, Trotsky most prominently, argued
       that Stalin's exposition of Leninism departed from Lenin on decisive points, above
       all on building socialism in one country (notebook 04). What would you need to know
       — about Lenin's writings, and about how this book selects from them (notebook 12) —
       to assess a claim of that kind?
    """,
    further="""
    On the period: E. H. Carr, *Socialism in One Country, 1924–1926* (part of his *History
    of Soviet Russia*). Biographies that discuss the lectures in their political setting
    include Robert C. Tucker, *Stalin as Revolutionary, 1879–1929* (1973), Robert Service,
    *Stalin: A Biography* (2004), and Stephen Kotkin, *Stalin: Paradoxes of Power,
    1878–1928* (2014). They differ in their judgements; read them against each other.
    """,
)


def build():
    return chapter_notebook(SPEC)
