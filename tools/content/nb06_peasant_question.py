"""06 Chapter V: The Peasant Question."""

from nbkit import ChapterSpec, Exercise, Stop, chapter_notebook

SPEC = ChapterSpec(
    stem="06-peasant-question",
    chapter="V",
    title="Chapter V: The Peasant Question",
    summary="the peasantry as ally and reserve of the proletariat, from 1905 to the NEP",
    learn=(
        'why the chapter calls the peasant question "a derivative question", and what it '
        "derives from;",
        "its history of the peasantry in three periods: 1905 to February 1917, February to "
        "October 1917, and after the civil war;",
        'how it answers the "sceptics" who doubted that a peasant country could build '
        "socialism, with Engels and Lenin as witnesses;",
        "enough about the New Economic Policy to read section 4.",
    ),
    time="about 75 minutes",
    prerequisites="*05 The dictatorship of the proletariat*, from which this chapter "
    "derives its question.",
    context="""
    The chapter opens by fixing the peasant question's rank: it is not the point of
    departure of Leninism but part of the question of the dictatorship of the proletariat
    — the question of the proletariat's allies. It then tells the history of the Russian
    revolution as a struggle for the peasantry.

    What a reader needs to know:

    - **The Russian peasantry** made up the great majority of the population of the
      Russian Empire. Serfdom had been abolished in 1861, but land hunger and the
      power of the landlords remained the central grievances of the countryside.
    - **1905 and the Dumas.** The revolution of 1905 forced the tsar to concede an elected
      assembly, the State Duma, with limited powers; four Dumas sat between 1906 and 1917.
      The **Cadets** (Constitutional Democrats) were the main liberal party; the
      **Socialist-Revolutionaries** (SRs), heirs of the populist tradition, were the party
      most peasants supported.
    - **1917.** After the February Revolution the Provisional Government, from May a
      coalition of liberals and moderate socialists (SRs and Mensheviks), kept Russia in
      the war; Alexander Kerensky headed it from July. The chapter's "coalition period" or
      "Kerensky period" runs to the Bolshevik seizure of power in October, whose first
      decrees gave land to the peasants and called for peace.
    - **From requisitioning to the NEP.** During the civil war the Soviet government
      requisitioned grain (the "surplus-appropriation system" of `V.40`). In March 1921 the
      Tenth Party Congress replaced requisitioning with a tax in kind, the first measure of
      the **New Economic Policy** (NEP), which allowed private trade and small enterprise
      under state control of large industry.
    - **Lenin on co-operation.** `V.52`–`V.54` quote Lenin's articles *On Co-operation*,
      dictated in January 1923, among his last writings.
    - **The Selskosoyuz** is explained in footnote 26.

    The people the chapter names, computed from the text:
    """,
    extra_glance_code="""
    # The chapter's block quotations: who is quoted, where, at what length
    ld.quotations().query("chapter == @N")[["quotation_id", "paragraph_id", "page", "speaker", "n_words"]]
    """,
    glance_note="""
    Compare the share of quoted words with the other chapters, then look at the last
    table: who is quoted at the greatest length here? The sections follow a chronology —
    read the section titles and their pages.
    """,
    reading_intro="""
    Six steps: the rank of the question; the question and Leninism's answer; the
    peasantry from 1905 to February 1917; from February to October; after the civil war;
    and the witnesses — Engels and Lenin — called against the sceptics.
    """,
    stops=(
        Stop(
            heading="A derivative question (section 1)",
            passages=("V.6", "V.7", "V.8", "V.9"),
            commentary="""
            Again a rival view is set up to be corrected ("Some think"): that the peasant
            question is the fundamental thing in Leninism. The chapter's reply fixes the
            order of questions: the fundamental question is the dictatorship of the
            proletariat; the peasant question, "the question of the ally", is derived from
            it — and, for that very reason, vital. The parties of the Second International
            are said to neglect the peasantry because they do not intend to take power at
            all.
            """,
            notice=(
                "The ranking of questions is itself an argument: importance follows from "
                "the dictatorship, not from the size or suffering of the peasantry.",
                "The chain of inferences in `V.9`: indifference to the peasantry → "
                'repudiation of the dictatorship → "downright betrayal of Marxism".',
            ),
        ),
        Stop(
            heading="The question and Leninism's answer",
            passages=("V.10", "V.11", "V.13"),
            commentary="""
            The question is put as a formula: are the peasantry's revolutionary
            potentialities "already exhausted, or not", and can the peasantry be turned
            from a reserve of the bourgeoisie into a reserve of the proletariat? Leninism
            answers yes — with a qualification: the proletariat supports only those peasant
            movements that serve the proletarian revolution.

            Chapter VI puts the national question in almost the same words. The cell above
            sets `V.10` beside its twin, found by the package's passage finder.
            """,
            notice=(
                "*Reserve*: the peasantry is treated as a force to be won and used; Chapter "
                "VII makes *reserves* a term of strategy.",
                'The conditional support of `V.13` ("This does not mean, of course…") '
                "returns, in the same form, for national movements in `VI.12`.",
            ),
            extra_code="""
            # The passage most similar to V.10 elsewhere in the book
            twins = ld.similar_passages(PARAGRAPHS.loc["V.10", "text"], k=3)
            twins[["rank", "paragraph_id", "page", "score", "text"]].round(1)
            """,
        ),
        Stop(
            heading="1905 to February 1917: the hegemony of the proletariat (section 2)",
            passages=("V.14", "V.15", "V.17", "V.20", "V.22"),
            commentary="""
            The first period is told as a contest between the Cadets and the Bolsheviks for
            the peasantry, decided by the "object lessons" of the Duma years and the war.
            Russia is contrasted with the West: there the peasantry followed the liberal
            bourgeoisie; in Russia, the bourgeois revolution weakened the bourgeoisie and
            brought "the hegemony (leadership) of the proletariat". The reasons are
            listed, beginning with the concentration of industry, supported with
            percentages (`V.22`).
            """,
            notice=(
                '"Object lessons": the peasants learn from experience what the party '
                "already knows. The same phrase returns for 1917.",
                '`V.22` introduces its percentages with "It is known, for instance" and '
                "gives no source.",
                "*Hegemony* is glossed as *leadership* in `V.15`: a key term of the book.",
            ),
        ),
        Stop(
            heading="February to October 1917 (section 3)",
            passages=("V.32", "V.33", "V.35", "V.37"),
            commentary="""
            The eight months of 1917 are said to equal "whole decades of ordinary
            constitutional development". The contest is now between the SRs and the
            Bolsheviks; the list of the coalition's failures (no land confiscation, the
            continuing war, the June offensive, capital punishment at the front, the
            Kornilov revolt) explains the peasants' turn. The war is the pivot: ending it
            required overthrowing the bourgeoisie, so the peasants supported the
            proletarian revolution.
            """,
            notice=(
                'The parallel sentences closing sections 2 and 3: "Without the object '
                'lessons of the Duma period…" / "Without the object lessons of the '
                'coalition period…".',
                'The SRs and Mensheviks are presented as differing from the Cadets "only in '
                'their honeyed phrases": a polemical compression worth testing against a '
                "history of 1917.",
            ),
        ),
        Stop(
            heading="After the civil war: the NEP and co-operation (section 4)",
            passages=("V.40", "V.41", "V.43", "V.48", "V.49"),
            commentary="""
            With the civil war over, economic construction comes first: `V.40` lists the
            NEP's measures as Lenin outlined them. To "sceptics" who think a peasant
            country cannot build socialism, the chapter answers with two circumstances: the
            Soviet peasantry, schooled in three revolutions, differs from the Western; and
            Soviet agriculture, with the land nationalised, can develop through
            co-operatives supported by state credit rather than through capitalist
            differentiation. The Flax Centre (`V.49`) is offered as a first example, which
            the author names, "by analogy", a domestic system of state-socialist
            production.
            """,
            notice=(
                '"Firstly." / "Secondly.": the sceptics are answered point by point.',
                'The author\'s own voice: "In my opinion" (`V.49`) — rare in this book.',
                'The path sketched is gradual and voluntary: co-operation "first in the '
                'sphere of marketing and later in the sphere of production" (`V.48`).',
            ),
        ),
        Stop(
            heading="Engels and Lenin as witnesses",
            passages=("V.45", "V.46", "V.47", "V.54", "V.55", "V.56", "V.57", "V.58"),
            commentary="""
            Engels's words about the Western small peasant (1894) are quoted at length —
            the longest quotation in the chapter — and then turned: what Engels hoped for in
            the West "can nowhere be realised so easily" as in the land of the
            dictatorship. Lenin's articles on co-operation follow. The chapter ends in a
            catechism: a question and three one-sentence answers, each beginning "That".
            """,
            notice=(
                "Engels is quoted about the *Western* peasantry and applied to Soviet "
                "Russia: is this an extension or a reversal of his argument?",
                "The closing catechism (`V.55`–`V.58`): question, then answers to be learnt.",
            ),
        ),
    ),
    vocabulary_note="""
    *Peasantry*, *peasant*, *agriculture*, *tsar*, *Socialist-Revolutionaries*,
    *liberal*, *land*, *countryside*: the keywords are the chapter's actors and their
    world. Note *flax*, a single example that is enough to make the list in a short
    stretch of text, and *explained* — the chapter's habit of asking how a peculiarity
    "is to be explained".

    Two concordances follow: *peasantry*, and every form of *co-operative*.
    """,
    kwic_terms=("peasantry", "co-operative*"),
    kwic_note="""
    In the *peasantry* lines, read the verbs: the peasantry turns, deserts, learns,
    submits, supports; how often is it the grammatical subject of an action, and how often
    the object of someone else's? The *co-operative* lines are concentrated in the last
    section: check the `paragraph_id` column.
    """,
    explorer_query="peasantry",
    concordance_term="reserve",
    compare_note="""
    `V.6` makes the peasant question part of the question of the dictatorship of the
    proletariat, the subject of Chapter IV. Compare the two chapters: what do they share,
    and which words belong to the peasant question alone?
    """,
    compare_with="IV",
    exercises=(
        Exercise(
            prompt="How often does the word *peasantry* occur in each section of Chapter V? "
            "Build a Series indexed by section number (sections where it does not "
            "occur may be left out).",
            hint="`ld.tokens().query(\"chapter == 5 and term == 'peasantry'\")`, then "
            '`.groupby("section").size()`.',
            solution='ld.tokens().query("chapter == 5 and term == \'peasantry\'").groupby("section").size()',
        ),
        Exercise(
            prompt="Which paragraphs of section 2 of Chapter V are list items? Give their ids "
            "as a list or set.",
            hint='`ld.paragraphs().query("chapter == 5 and section == 2 and kind == '
            "'list_item'\")`, then the `paragraph_id` column.",
            solution="set(ld.paragraphs().query(\"chapter == 5 and section == 2 and kind == 'list_item'\").paragraph_id)",
        ),
        Exercise(
            prompt="On which printed page does each numbered section of Chapter V begin? "
            "Build a Series indexed by section number (1 and up) from "
            "`ld.sections()`.",
            hint='`ld.sections().query("chapter == 5 and section > 0")`, '
            '`.set_index("section")`, then the `first_page` column.',
            solution='ld.sections().query("chapter == 5 and section > 0").set_index("section").first_page',
        ),
    ),
    discussion="""
    **The argument**

    1. `V.6` rejects the view that the peasant question is "the fundamental thing in
       Leninism". Why does the chapter insist on the order of questions? What would
       change in the argument if the peasant question were the point of departure?
    2. The periods are defined by what the peasantry learnt from "object lessons". How
       does the chapter explain changes of peasant allegiance? Whose agency is in the
       foreground — the peasants', the proletariat's, the party's?
    3. `V.41`–`V.50` answer "sceptics" who doubted that a peasant country could build the
       foundations of socialism. Which of the chapter's arguments concern Russia's
       particular situation, and which are general?

    **How the text argues**

    4. The figures in `V.22` are introduced with "It is known, for instance" and no source.
       How does the chapter otherwise establish its facts? What would a reader need in
       order to check them?
    5. Engels is quoted at length about the Western small peasant (`V.46`) and then
       applied to Soviet Russia (`V.47`). Is the application an extension or a reversal of
       Engels's argument?
    6. `V.10`–`V.13` and `VI.9`–`VI.11` put the peasant question and the national question
       in almost the same words (see 4.2). What does the reuse of a formula across chapters
       suggest about how the book was composed and how it was meant to be learnt?

    **Readings and receptions**

    7. The chapter describes a voluntary, gradual movement of the peasants into
       co-operatives supported by state credit. From 1929–30 the Soviet leadership, with
       Stalin at its head, imposed the collectivisation of agriculture by force; it met
       mass peasant resistance and was followed by the famine of 1932–33. Historians
       disagree about how to explain that turn: some stress continuities with the
       Bolsheviks' earlier views of the peasantry, others the crises of the late 1920s.
       How could this chapter be used as evidence in that debate, and what are the limits
       of a text of 1924 as evidence for 1929?
    8. In 1925–28 Nikolai Bukharin became the leading defender of a gradual development
       of the NEP through peasant prosperity and co-operation. Which passages of section 4
       could a supporter of that course have cited, and which a critic of it?
    """,
    further="""
    Engels, *The Peasant Question in France and Germany* (1894); Lenin, *On Co-operation*
    (1923); on the NEP and the peasantry, E. H. Carr's *Socialism in One Country,
    1924–1926* and Moshe Lewin, *Russian Peasants and Soviet Power* (1968).
    """,
)


def build():
    return chapter_notebook(SPEC)
