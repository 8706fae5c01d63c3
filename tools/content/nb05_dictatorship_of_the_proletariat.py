"""05 Chapter IV: The Dictatorship of the Proletariat."""

from nbkit import ChapterSpec, Exercise, Stop, chapter_notebook

SPEC = ChapterSpec(
    stem="05-dictatorship-of-the-proletariat",
    chapter="IV",
    title="Chapter IV: The Dictatorship of the Proletariat",
    summary="the book's central concept: its tasks, its definition, and the Soviets as its state form",
    learn=(
        "the three questions of the chapter and how its three sections answer them;",
        "the chapter's definitions of the dictatorship of the proletariat, and how they "
        "are assembled from quotations of Lenin, Marx and Engels;",
        'its polemic against "pure" democracy and against a peaceful, parliamentary '
        "road to socialism, and how it deals with an inconvenient remark of Marx;",
        "how it presents the Soviets as the state form of the dictatorship.",
    ),
    time="about 75 minutes",
    prerequisites="*00 Start here* and *01 Introduction*. *04 Theory* helps: this "
    "chapter continues its theory of the proletarian revolution.",
    context="""
    This is the centre of the book. The Introduction defined Leninism as the theory and
    tactics of the proletarian revolution in general and of "the dictatorship of the
    proletariat in particular"; this chapter expounds that concept, and Chapter V will call
    it "the fundamental question of Leninism" (`V.6`).

    What a reader needs to know:

    - **The term.** "Dictatorship of the proletariat" comes from Marx, who used it rarely
      but at important points — most famously in his *Critique of the Gotha Programme*
      (1875) — for the political rule of the working class during the transition from
      capitalism to communism. What the phrase implied about democracy was disputed among
      Marxists long before 1917.
    - **The Paris Commune** (March–May 1871): the revolutionary government of Paris after
      France's defeat in the war with Prussia, crushed by the French army. Marx treated it,
      in *The Civil War in France* (1871), as the first example of a workers' government;
      `IV.62` calls it the "embryo" of Soviet power.
    - **Lenin's texts on the state.** *The State and Revolution* (written in 1917,
      published in 1918) and *The Proletarian Revolution and the Renegade Kautsky* (1918).
      The second replied to Karl Kautsky's pamphlet *The Dictatorship of the Proletariat*
      (1918), which had criticised the Bolsheviks for ruling as a minority and for
      abandoning democracy.
    - **The Soviets** (*soviet* is Russian for *council*): councils of workers', soldiers' and peasants' deputies,
      first formed in the revolution of 1905 and again in 1917. After the October
      Revolution they became the formal basis of the new state: the Russian Soviet
      Republic (constitution of 1918) and, from December 1922, the Union of Soviet
      Socialist Republics.
    - **What the chapter does not mention.** The Constituent Assembly, elected in November
      1917, was dispersed by the Soviet government in January 1918 after a single session;
      the civil war of 1918–1920 followed, with foreign intervention. Both were part of
      the background of the debate about democracy and dictatorship that this chapter
      joins.
    - **Names in the polemic.** Philipp Scheidemann and Gustav Noske were German Social
      Democrats who held office after the revolution of November 1918; Ramsay MacDonald
      and Arthur Henderson were leaders of the British Labour Party. In January 1924, a few
      months before these lectures, MacDonald became prime minister of Britain's first
      Labour government.

    The people the chapter names, computed from the text:
    """,
    extra_glance_code="""
    # The chapters with the most block quotations and references
    book.set_index("label")[["n_quotations", "n_citations", "n_quoted_words"]].sort_values(
        "n_quotations", ascending=False).head(4)
    """,
    glance_note="""
    Compare the chapter with the others in the last two outputs: how many block quotations
    does it have, and what share of its words is quoted? The chapter's definitions are, to
    a large extent, built out of quotations — the guided reading shows how. Part 5 then
    asks what happens to the chapter's vocabulary when the quoted words are set aside.
    """,
    reading_intro="""
    The chapter announces three questions (`IV.2`–`IV.4`) and answers them in three
    sections. The reading follows them in six steps. The first step opens in the
    **Reader** widget: use its buttons to read on from there through section 1.
    """,
    stops=(
        Stop(
            heading="The instrument of the revolution (section 1)",
            passages=("IV.5", "IV.6", "IV.7", "IV.8", "IV.9"),
            reader=True,
            commentary="""
            Section 1 argues from a maxim to a necessity. It starts from a sentence of
            Lenin's set at the head of `IV.6` — the fundamental question of every
            revolution is the question of power — and adds that seizing power is only the
            beginning, because the overthrown bourgeoisie "remains for a long time
            stronger" than the class that has overthrown it. Hence a "special organ" is
            needed: the dictatorship of the proletariat, with three tasks (`IV.7`–`IV.9`):
            to break the resistance of the expropriated, to organise construction, and to
            build an army against foreign enemies.
            """,
            notice=(
                "The key word of the section title: *instrument*. The dictatorship is "
                "presented as a means with tasks, not as an end.",
                "The premise that the defeated remain stronger than the victors carries "
                "much of the argument. Where else does it return? (Search for "
                "`remains stronger` or `still remain stronger`.)",
                "The lettered list (`IV.7`–`IV.9`): the book's habit of enumerating "
                "(see notebook 11).",
            ),
        ),
        Stop(
            heading="The strength of the overthrown: an argument made of quotations",
            passages=("IV.14", "IV.15", "IV.16", "IV.17"),
            intro="""
            First, the run of paragraphs from `IV.11` to `IV.25`, with their kind and who
            is quoted:
            """,
            commentary="""
            `IV.14` asks wherein lies the strength of the overthrown bourgeoisie. The
            answer comes in three block quotations of Lenin, introduced only by "Firstly",
            "Secondly", "Thirdly": international capital; the practical advantages the
            exploiters keep (money, connections, education, military experience); and
            small production, which "engenders capitalism and the bourgeoisie
            continuously". The author's own voice shrinks to three ordinal words. The
            section goes on to make the dictatorship a long era rather than a brief
            emergency — "an entire historical era" (`IV.22`) — supported by Marx's
            "fifteen, twenty, fifty years" (`IV.23`).
            """,
            notice=(
                "Look at the table above: how much of this stretch of the chapter is in "
                "the words of others?",
                "A question in the author's voice, answered in Lenin's: the quotation is "
                "used not as evidence for a claim but as the claim itself.",
                "The third source of strength, small production, points forward to the "
                "peasant question (Chapter V): the peasantry is the largest body of small "
                "producers.",
            ),
            extra_code="""
            PARAGRAPHS.loc["IV.11":"IV.25", ["kind", "speaker", "n_words"]]
            """,
            code_first=True,
        ),
        Stop(
            heading="Rule over the bourgeoisie: the definition (section 2)",
            passages=("IV.26", "IV.27", "IV.28", "IV.29"),
            commentary="""
            Section 2 defines by contrast. The dictatorship is *not* a change of cabinet —
            and here the polemic names Social Democratic and Labour politicians who had
            taken office in Germany and Britain (`IV.26`) — but "a new state", "a
            revolutionary power based on the use of force against the bourgeoisie"
            (`IV.27`). Like every state it is a machine of suppression; unlike earlier
            states it is the rule of the exploited majority over the exploiting minority
            (`IV.28`). `IV.29` gathers this into one sentence, attributed in parentheses to
            *The State and Revolution*: rule "unrestricted by law and based on force".
            """,
            notice=(
                '"Briefly:" — the chapter often ends a run of argument with a summary '
                "formula that a student can learn.",
                "The inversion in `IV.28`: the same machine, with majority and minority "
                "exchanged. The argument rests on the claim that the proletarian state is "
                "the rule of a majority.",
                "Footnote 20 (on `IV.26`) is the editors' explanation of a Russian saying: "
                "editors' notes in this edition explain as well as cite.",
            ),
        ),
        Stop(
            heading='Against "pure" democracy',
            passages=("IV.31",),
            commentary="""
            The first conclusion from the definition is that the dictatorship cannot be
            democracy "for all". The argument is that formal equality between exploiters
            and exploited is impossible: under capitalism the means of exercising liberties
            (premises, printing plants, paper) belong to the propertied, and governments
            are made "by the Rothschilds and Stinneses". "Pure" democracy is therefore
            presented as a disguise of class rule, and proletarian democracy — with the
            rights of the exploiting minority restricted — as the only real democracy for
            the majority.
            """,
            notice=(
                "Scare quotes do much of the work: “pure” democracy, “perfect” "
                "democracy, “liberties”. Run the concordance of *democracy* in part 5 and "
                "look for them.",
                'The mirrored sentences at the end of the paragraph: "Democracy under '
                'capitalism is capitalist democracy…" / "Under the dictatorship of the '
                'proletariat, democracy is proletarian democracy…".',
                'Kautsky is named ("Kautsky and Co.") but his argument is not stated: the '
                "reader learns his conclusion, not his reasons.",
            ),
        ),
        Stop(
            heading="Smashing the state machine, and Marx's exception",
            passages=("IV.32", "IV.34", "IV.35", "IV.36", "IV.38"),
            commentary="""
            The second conclusion is that the dictatorship can only arise by smashing the
            bourgeois state machine. The chapter supports it with Marx and Engels
            (`IV.33`, `IV.34`) — and then faces a difficulty in its own quotation: Marx
            had limited the necessity of smashing the state to "the continent", leaving
            room for a peaceful path in Britain and America. `IV.35` concedes that Marx did
            allow this, explains it by the conditions of the 1870s, and declares the
            exception void since imperialism; Lenin's statement of 1917 (`IV.36`) confirms
            it. `IV.38` then reopens a "peaceful" path — but only in a remote future, once
            socialist states surround the remaining capitalist ones.
            """,
            notice=(
                "How an inconvenient authority is handled: conceded, placed in its time, "
                "declared superseded by a later authority.",
                "The same move as the Introduction's: a thesis true in Marx's period is no "
                "longer true in the era of imperialism.",
                'The "law of violent proletarian revolution" (`IV.37`): the chapter '
                "states a law, and allows one exception in the future.",
            ),
        ),
        Stop(
            heading="The Soviets as the state form (section 3)",
            passages=("IV.41", "IV.42", "IV.44", "IV.47", "IV.62", "IV.64"),
            commentary="""
            Section 3 asks what organisations can do this work, and answers: the Soviets.
            Their strength, and then the features of Soviet power, are set out in a long
            run of paragraphs beginning with the same words, "In that…" (the cell above
            lists them). The Paris Commune is named as the embryo of this form, and the
            chapter closes on Lenin: the Soviet republic is "the only form capable of
            ensuring the most painless transition to socialism" (`IV.64`).
            """,
            notice=(
                "Anaphora — the same opening repeated — turns an argument into a list of "
                "attributes to be learnt.",
                'The Soviets are called "the most democratic" organisations (`IV.47`, '
                '`IV.53`). How does this fit with the critique of "pure" democracy?',
                "The Party is almost absent from this section; the proletariat leads the "
                'Soviets as their "most united and most politically conscious core" '
                '(`IV.55`). Chapter VIII will call the Party "an instrument of the '
                'dictatorship" (`VIII.37`).',
            ),
            extra_code="""
            section_3 = PARAGRAPHS.query("chapter == 4 and section == 3")
            section_3[section_3.text.str.startswith("In that")].index.tolist()
            """,
        ),
    ),
    vocabulary_note="""
    *State*, *dictatorship*, *democracy*, *exploited* and *exploiters*, *machine* and
    *smashing*: the chapter's keywords are those of its definitions. Compare the two lists.
    Which words move up or down when the quotations are left out — that is, which belong
    more to the Lenin the chapter quotes than to the author's own prose? A word such as
    *law* may appear only in the author's own list: check where, with the concordance.

    Two concordances follow, of *dictatorship* and of *democracy*. The `in_quotation`
    column says whether a line stands inside a block quotation.
    """,
    kwic_terms=("dictatorship", "democracy"),
    kwic_note="""
    In the *democracy* lines, look at the words to the left: "pure", "perfect",
    "proletarian", "bourgeois", "capitalist". How often does the chapter use the word
    without a qualifier, and what does that tell you about its argument? Try `sort="left"` in the
    `ld.kwic` call to group the lines by the word before *democracy*.
    """,
    explorer_query="democracy",
    concordance_term="dictatorship",
    compare_note="""
    Chapter III ends with Lenin's theory of the proletarian revolution; this chapter begins
    by calling the dictatorship the revolution's “instrument”. Compare the two chapters:
    which vocabulary do they share, and which words mark the move from a theory of
    revolution to a theory of the state?
    """,
    compare_with="III",
    exercises=(
        Exercise(
            prompt="How many sentences of Chapter IV contain the phrase *dictatorship of "
            "the proletariat* (in any capitalisation)? Use `ld.sentences()`.",
            hint='Keep `chapter == 4`, then `.text.str.contains("dictatorship of the '
            'proletariat", case=False)` and `.sum()`.',
            solution='int(ld.sentences().query("chapter == 4").text.str.contains("dictatorship of the proletariat", case=False).sum())',
        ),
        Exercise(
            prompt="How many words does Chapter IV quote from each speaker? Build a Series "
            "indexed by `speaker`, holding the total `n_words` of the chapter's block "
            "quotations (`ld.quotations()`).",
            hint="Keep the chapter's rows of `ld.quotations()`, group them by `speaker` "
            "and add up `n_words`.",
            solution='ld.quotations().query("chapter == 4").groupby("speaker").n_words.sum()',
        ),
        Exercise(
            prompt="Which paragraphs of section 3 of Chapter IV begin with the words *In "
            "that*? Give their ids as a list or a set.",
            hint="Filter `ld.paragraphs()` on `chapter == 4 and section == 3`, then keep "
            'rows where `.text.str.startswith("In that")`, and take the '
            "`paragraph_id` column.",
            solution='set(ld.paragraphs().query("chapter == 4 and section == 3").loc[lambda p: p.text.str.startswith("In that"), "paragraph_id"])',
        ),
    ),
    discussion="""
    **The argument**

    1. Section 1 rests on the premise that the overthrown bourgeoisie "remains for a long
       time stronger" than the proletariat that overthrew it (`IV.6`, `IV.12`). What work
       does this premise do in justifying a dictatorship lasting "an entire historical
       era"? What evidence would weaken it?
    2. `IV.28` distinguishes the proletarian dictatorship from earlier ones by *who* rules
       over *whom* (majority over minority); `IV.29` defines it as rule "unrestricted by
       law". How do the two claims fit together?
    3. Section 3 calls the Soviets "the most democratic" organisations (`IV.47`, `IV.53`).
       How does the chapter reconcile this with its rejection of "pure" democracy in
       `IV.31`?

    **How the text argues**

    4. In section 1 the question of `IV.14` is answered entirely in Lenin's words. When is
       a quotation evidence, and when is it authority? Use your answer to exercise 2 and
       the glance table to describe the balance of voices in this chapter.
    5. Trace how the chapter handles Marx's "qualifying phrase about the continent"
       (`IV.35`). Is the move — a thesis true then, no longer true now — the same one the
       Introduction uses to define Leninism (`Intro.9`)?
    6. The opponents are "the Mensheviks and opportunists of all countries", "Kautsky and
       Co.", governments of "a MacDonald or a Scheidemann". How are they characterised? Are
       their arguments reported anywhere in the chapter?
    7. `IV.29` attributes its summary definition to *The State and Revolution*. Checking
       attributions is part of reading a text built on quotations: which works of Lenin
       does the chapter cite (`ld.citations()`, notebook 12), and where in Lenin's writings
       would you look for the phrase "unrestricted by law"?

    **Readings and receptions**

    8. Kautsky's *The Dictatorship of the Proletariat* (1918) argued that socialism
       required democracy and that the Bolsheviks ruled as a minority; Lenin answered in
       *The Proletarian Revolution and the Renegade Kautsky* (1918), which this chapter
       quotes. Rosa Luxemburg, who supported the October Revolution, criticised the
       Bolsheviks' restriction of democratic freedoms in a manuscript written in 1918 and
       published in 1922 as *The Russian Revolution*. Reconstruct how each of them might
       answer `IV.31`, fairly, before you judge between them.
    9. Historians debate how far the theory expounded here shaped Soviet practice, and how
       far the practice of the civil war years shaped the theory. Which passages of the
       chapter look back to recent experience, and which look forward as a programme?
    """,
    further="""
    The texts the chapter argues with and from: Marx, *The Civil War in France* (1871) and
    *Critique of the Gotha Programme* (1875); Lenin, *The State and Revolution* (1917) and
    *The Proletarian Revolution and the Renegade Kautsky* (1918); Karl Kautsky, *The
    Dictatorship of the Proletariat* (1918); Rosa Luxemburg, *The Russian Revolution*
    (1918, published 1922).
    """,
)


def build():
    return chapter_notebook(SPEC)
