"""04 Chapter III: Theory."""

from nbkit import ChapterSpec, Exercise, Stop, chapter_notebook

SPEC = ChapterSpec(
    stem="04-theory",
    chapter="III",
    title="Chapter III: Theory",
    summary='the importance of theory, the critique of "spontaneity", and Lenin\'s theory '
    "of the proletarian revolution",
    learn=(
        "why the chapter insists on the importance of theory, and against whom;",
        'the critique of the "theory" of spontaneity, which prepares Chapter VIII\'s idea of '
        "the party;",
        'the three theses on imperialism, the "weakest link", and the bourgeois revolution '
        "passing into the proletarian one;",
        'the polemic against "permanent" revolution and the passage on the victory of '
        "socialism in one country — including how that passage was reworded after 1924.",
    ),
    time="about 90 minutes",
    prerequisites="*02 Historical roots* (the three contradictions of imperialism) and "
    "*03 Method*.",
    context="""
    Chapter III is one of the longest in the book, and the one in which its arguments were
    most contested in the years after 1924. It has three sections: the importance of
    theory, the critique of "spontaneity", and Lenin's theory of the proletarian
    revolution — by far the longest.

    What a reader needs to know:

    - **Economism and *Iskra*.** Around 1897–1902 a current among Russian
      Social-Democrats, called "Economism" by its critics, held that workers should
      concentrate on economic struggles and leave politics to the liberals. The newspaper
      *Iskra* (founded in 1900 by Lenin, Martov, Plekhanov and others) and Lenin's *What Is
      To Be Done?* (1902) attacked it. `III.15`–`III.16` refer to this fight.
    - **Plekhanov** (1856–1918), the founder of Russian Marxism and Lenin's early mentor,
      later a Menshevik. **Materialism and Empirio-Criticism** (1909) is Lenin's
      philosophical polemic against Marxists influenced by Ernst Mach.
    - **Permanent revolution.** The phrase comes from Marx's Address to the Communist
      League of 1850 (footnote 18). In 1905–06 Trotsky, together with Parvus, gave it a new
      form: in Russia the democratic revolution would bring the working class to power and
      pass without interruption into a socialist one, which could only be secured by
      revolution in Western Europe. The chapter attacks the "permanentists" without naming
      anyone. Readers have long identified the target with Trotsky: the chapter dates the
      theory to ten years before a Lenin article of 1915 (`III.69`), and that article, *On
      the Two Lines of the Revolution*, quoted in `III.70`, was a polemic with Trotsky. This
      identification is an interpretation; the text itself does not make it.
    - **Socialism in one country.** In the months after these lectures the party
      leadership adopted the thesis that socialism could be built in the Soviet Union by
      its own efforts; it became the central issue between the party majority and the
      oppositions in 1925–27. **This edition's text of `III.75` is not the text of April
      1924.** In the first version, the author had written that for the final victory of
      socialism — the organisation of socialist production — the efforts of one country,
      particularly a peasant country like Russia, were insufficient. Later editions, from
      which this translation was made, replaced that passage with the wording you will
      read below, which distinguishes *building* a socialist society in one country from
      its *complete and final victory*. Both the author and his opponents quoted the
      original wording in the controversies of the following years.

    The people the chapter names, computed from the text:
    """,
    glance_note="""
    Compare the chapter's footnotes and references with those of the other chapters
    (`ld.chapters()`, shown in *00 Start here*). Several of its
    footnotes are the author's own ("My italics"): they mark emphasis he added to the
    quotations, which the clean text does not show. The third section is much longer than
    the other two together — look at `n_words` in the sections table.
    """,
    reading_intro="""
    Six steps, following the three sections: the importance of theory, the "theory" of
    spontaneity at home and abroad, the three theses and the weakest link, permanent
    revolution, and the victory of socialism in one country.
    """,
    stops=(
        Stop(
            heading="Why theory matters (section 1)",
            passages=("III.5", "III.6", "III.7", "III.8", "III.11"),
            commentary="""
            The section opens against two targets: the view that Leninism puts practice
            before theory — Plekhanov's jibes about Lenin's "unconcern" for theory — and
            the impatience with theory of "present-day Leninist practical workers". Theory
            is defined as "the experience of the working-class movement in all countries
            taken in its general aspect", and Lenin's maxim, "Without a revolutionary theory
            there can be no revolutionary movement", is quoted with the author's emphasis
            (footnote 10). *Materialism and Empirio-Criticism* stands as the proof of
            Lenin's theoretical seriousness.
            """,
            notice=(
                'The audience: in 1924, the "practical workers" include the new members of '
                "the Lenin Enrollment to whom the book is dedicated.",
                'Footnote 10 is the author\'s ("My italics"); the data keeps it, though the '
                "italics themselves are lost in the plain text.",
                'Plekhanov appears only as the critic who "chaffed" Lenin about theory and '
                "philosophy.",
            ),
        ),
        Stop(
            heading='The "theory" of spontaneity (section 2)',
            passages=("III.12", "III.13", "III.14", "III.15", "III.16"),
            commentary="""
            The "theory" of spontaneity — in quotation marks, because the chapter denies it
            the name — is defined in a cascade of predicates: a theory of opportunism, of
            worshipping the spontaneity of the labour movement, of denying the leading role
            of the party; "the ideology of trade unionism"; "the ideology of
            “khvostism”", the logical basis of all opportunism. (*Khvost* is Russian for
            *tail*: khvostism is *tailism*, following behind the movement.) Historically it
            is identified with the Russian "Economists", defeated by *Iskra* and *What Is To
            Be Done?*.
            """,
            notice=(
                'This section founds Chapter VIII: the party must lead, not "drag at the '
                'tail of" the movement (`III.14`, `VIII.7`).',
                'Stacked definitions: "is a theory of…, a theory of…, a theory which…".',
            ),
        ),
        Stop(
            heading='Kautsky\'s "productive forces"',
            passages=("III.18", "III.19", "III.21", "III.22"),
            commentary="""
            The same error is found in the West, in the "productive forces" theory
            attributed to Kautsky. `III.19` is written in irony: the author adopts the
            opponent's voice ("Not at all! Everything happened as it should have
            happened.") to let the argument condemn itself — the International voted for war
            because the level of the productive forces left no choice. The refutation rests
            on Marx's remark that philosophers must change the world, not only explain it
            (footnote 13: *Theses on Feuerbach*).
            """,
            notice=(
                "Irony: the sentences in `III.19` are not the author's opinion but a mocking "
                "paraphrase — read them aloud.",
                '"It is said", "It scarcely needs proof": formulas that carry much of the '
                "book's argument. Notebook 11 counts them.",
            ),
        ),
        Stop(
            heading="Three theses, a world economy, the weakest link (section 3)",
            passages=(
                "III.24",
                "III.26",
                "III.28",
                "III.30",
                "III.32",
                "III.38",
                "III.39",
                "III.40",
            ),
            commentary="""
            Section 3 restates Chapter I's contradictions as three theses about imperialism
            and draws a general conclusion from Lenin: "imperialism is the eve of the
            socialist revolution". A series of paragraphs opening with "Formerly" (the cell
            above lists them) shows how the approach changes: from single countries to the
            world economy as a whole, "a single chain". Hence the central image: the front
            of capital breaks where the chain of imperialism is *weakest*, not where
            capitalism is most developed — as in Russia in 1917. The chapter then names
            where the chain might break next: India, or Germany.
            """,
            notice=(
                'The chain metaphor: "links in a single chain", "weakest link". Run '
                "the *chain* concordance in part 5.",
                "The predictions of `III.40`–`III.41` are those of April 1924.",
                'Parenthetical references "(see Imperialism)" at the end of each thesis: '
                "citation as a seal of authority.",
            ),
            extra_code="""
            ld.search("Formerly", chapter="III", case=True)[["paragraph_id", "page"]].T
            """,
        ),
        Stop(
            heading='"Permanent" revolution',
            passages=("III.58", "III.59", "III.60", "III.61", "III.62", "III.69", "III.70"),
            intro="""
            The section first argues, against the "Chinese Wall" between the two
            revolutions, that the bourgeois-democratic revolution passes into the
            proletarian one (`III.46`), and supports this with Lenin's writings from 1905
            to 1918 (`III.47`–`III.56`). Then comes an objection:
            """,
            commentary="""
            If Lenin held that the revolution must pass from one stage to the next, why did
            he combat "permanent (uninterrupted) revolution"? The answer: not over
            uninterruptedness — Lenin himself "maintained the point of view of
            uninterrupted revolution" — but because the "permanentists" underestimated the
            peasantry and wanted to begin at once with the power of the proletariat. The
            idea is traced to Marx's Address of 1850, which the "permanentists" are said to
            have "spoilt"; Lenin restored it. The chapter thus claims the idea for Lenin
            while rejecting its name and its supposed holders. Who they were is not said:
            see the context above for the widely shared reading, and treat it as an
            interpretation.
            """,
            notice=(
                "The opponents are never named, and their theory is always in quotation marks.",
                "The argument turns on the peasantry: the question of Chapter V appears "
                "here as the decisive test of a theory of revolution.",
                "`III.69` supplies a date (\"Lenin's article was written in 1915, ten years "
                'after the appearance of the theory"): the kind of detail a historian uses '
                "to identify an unnamed target.",
            ),
            extra_code="""
            # Every use of "permanent" and "permanentists" in the book
            ld.kwic("permanent*", window=5)[["paragraph_id", "page", "left", "match", "right"]]
            """,
        ),
        Stop(
            heading="Victory in one country",
            passages=("III.72", "III.75", "III.76"),
            commentary="""
            "Formerly", the victory of the revolution in one country was thought
            impossible; now, because of the uneven development of capitalism under
            imperialism, it is said to be possible and even necessary (`III.72`). `III.75`
            then distinguishes: the proletariat of the victorious country "can and must
            build a socialist society", but the "complete and final victory of socialism"
            — a guarantee against intervention and restoration — needs the victory of the
            revolution in several countries. The chapter ends on Lenin: the victorious
            revolution must do the utmost for the revolution in all countries.

            Remember the note in the context: the wording of `III.75` is that of later
            editions. Read it as a text with a history.
            """,
            notice=(
                "The distinction between building socialism and its complete and final "
                "victory carries the whole passage; it was at the centre of the party "
                "controversies of 1925–27.",
                'Lenin\'s "fundamental law of revolution" (`III.74`) sets conditions before '
                "any seizure of power; the chapter quotes it at length.",
            ),
        ),
    ),
    vocabulary_note="""
    *Theory*, *revolution*, *front*, *chain*, *spontaneity*, *world*, *permanentists*,
    *uninterrupted*: the chapter's keywords mark its three subjects. Notice *front* and
    *chain* — the two images of section 3 — and *permanentists*, a word used of people the
    chapter does not name.

    Two concordances follow: *chain*, and every form of *permanent*.
    """,
    kwic_terms=("chain", "permanent*"),
    kwic_note="""
    The *chain* lines show how one metaphor organises an argument: "a single chain called
    world economy", "the chain of the world imperialist front", "weakest link". In
    the *permanent* lines, count how often the word stands inside quotation marks.
    """,
    explorer_query="permanent",
    concordance_term="theory",
    compare_note="""
    Chapter I set out the three contradictions of imperialism as history; section 3 of
    this chapter turns them into the theses of a theory. Compare the two chapters: what
    vocabulary do they share, and what is new in the theory?
    """,
    compare_with="I",
    exercises=(
        Exercise(
            prompt="How many words are in each section of Chapter III? Build a Series "
            "indexed by section number with the total `n_words` of its paragraphs.",
            hint='`ld.paragraphs().query("chapter == 3")`, then `.groupby("section")` '
            "and `.n_words.sum()`. Compare your result with `ld.sections()`.",
            solution='ld.paragraphs().query("chapter == 3").groupby("section").n_words.sum()',
        ),
        Exercise(
            prompt="Which volumes of Lenin's *Works* does Chapter III cite? Give a sorted "
            "list of the distinct volume numbers, as ints.",
            hint='`ld.citations().query("chapter == 3").volume` — drop the missing values '
            "(`.dropna()`), take `.unique()`, convert each to `int` and sort.",
            solution='sorted(int(v) for v in ld.citations().query("chapter == 3").volume.dropna().unique())',
        ),
        Exercise(
            prompt="In how many paragraphs of Chapter III does a word beginning with "
            "*permanent* occur (in any capitalisation)?",
            hint='`.text.str.contains(r"\\bpermanent", case=False)` on the chapter\'s '
            "paragraphs, then `.sum()`.",
            solution='int(ld.paragraphs().query("chapter == 3").text.str.contains(r"\\bpermanent", case=False).sum())',
        ),
    ),
    discussion="""
    **The argument**

    1. Theory is defined as "the experience of the working-class movement in all countries
       taken in its general aspect" (`III.6`). What follows from defining theory as
       generalised experience? Who is entitled to generalise?
    2. The "weakest link" (`III.38`): the revolution breaks where the chain is weakest,
       not where capitalism is most developed. How does this revise the expectation the
       chapter attributes to Marxists "formerly" (`III.37`)? The chapter names India and
       Germany as possible next breaks (`III.40`–`III.41`): how would you test its
       predictions against what happened?
    3. `III.75` distinguishes building a socialist society in one country from the
       "complete and final victory of socialism". How clear is the distinction in the text?
       Why could a change in this one passage matter so much in 1925–27?

    **How the text argues**

    4. The "permanentists" are never named and their theory always appears in quotation
       marks. Reconstruct the view the chapter attacks from `III.58`–`III.61` alone. What
       would a fair summary of that view need that the chapter does not give? What in the
       text supports the usual identification of the target (the dates in `III.69`, the
       article quoted in `III.70`), and what would you need to confirm it?
    5. `III.46`–`III.56` quote Lenin from 1905, 1915 and 1918 to show that he held the idea
       of the revolution passing from one stage to the next "as far back as 1905". How
       does a chain of dated quotations work as an argument about someone's consistency?
       What might it leave out?
    6. Irony in `III.19`, scorn in `III.21` ("this spurious “Marxism”"). How does tone work
       in the chapter's polemic with Kautsky, whose own words are never quoted?

    **Readings and receptions**

    7. Trotsky answered the charge that his theory "underestimated" the peasantry at length
       in *The Permanent Revolution* (1930). Set out, fairly, how he and this chapter each
       describe the role of the peasantry in the Russian revolution, before you weigh them.
    8. The doctrine of socialism in one country became the central issue of the party
       struggles of 1925–27; E. H. Carr's *Socialism in One Country, 1924–1926* is the
       classic account of its emergence. Using the context note above, compare the two
       versions of the one-country passage: what exactly changed, and what stayed the
       same? What does the existence of two versions mean for how you cite this text?
    """,
    further="""
    Lenin, *What Is To Be Done?* (1902) and *Two Tactics of Social-Democracy in the
    Democratic Revolution* (1905); Trotsky, *Results and Prospects* (1906) and *The
    Permanent Revolution* (1930); E. H. Carr, *Socialism in One Country, 1924–1926*.
    """,
)


def build():
    return chapter_notebook(SPEC)
