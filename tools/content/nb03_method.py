"""03 Chapter II: Method."""

from nbkit import ChapterSpec, Exercise, Stop, chapter_notebook

SPEC = ChapterSpec(
    stem="03-method",
    chapter="II",
    title="Chapter II: Method",
    summary="the Second International's \"dogmas\" and the four requirements of Lenin's method",
    learn=(
        "the chapter's portrait of the Second International, against which the method of "
        "Leninism is defined;",
        "the four requirements of that method, and what *method* means here;",
        'how three "dogmas" of the opportunists are refuted by an appeal to revolutionary '
        "practice;",
        "the place of self-criticism in the chapter, and its claim about Lenin's method "
        "and Marx's.",
    ),
    time="about 50 minutes",
    prerequisites="*01 Introduction* (which introduces the Second International).",
    context="""
    Chapter II begins by recalling the Introduction's claim (`II.1` picks up `Intro.11`):
    between Marx and Engels and Lenin lay a whole period dominated by the opportunism of
    the Second International. The method of Leninism is then defined against that period.

    What a reader needs to know:

    - **The Second International, 1889–1914.** Its parties grew rapidly in the decades
      before the First World War. By the elections of 1912 the German Social Democratic
      Party had become the largest party in the German parliament. The chapter calls this
      "the period of the relatively peaceful development of capitalism" (`II.2`).
    - **"Orthodox" and revisionists.** Around 1900 Eduard Bernstein argued that Marxism
      should be revised towards gradual reform; Karl Kautsky led the defence of Marxist
      orthodoxy against him. When `II.1` puts "orthodox" in quotation marks and names
      Kautsky, it is turning the orthodox against themselves: they are said to have
      adapted to the opportunists they claimed to oppose.
    - **The general strike.** After the Russian revolution of 1905, socialists across
      Europe debated whether a political mass strike could be a weapon of the workers'
      movement; Rosa Luxemburg argued for it in *The Mass Strike, the Political Party and
      the Trade Unions* (1906), against the caution of trade-union leaders. The third
      "dogma" of `II.21` belongs to this debate. Footnote 5 identifies the essay by Engels
      on the anarchists' general strike to which the chapter alludes.
    - **"War against war."** The Basle congress of 1912 (footnote 8) called on socialists
      to oppose a European war. In August 1914 most of the large socialist parties of the
      countries at war, the German party among them, voted for their governments' war
      credits.
    - **Method.** In the Marxist tradition, *method* usually means materialist
      dialectics. The chapter uses the word differently, for a set of practical
      requirements of party work; dialectics appears only in its last sentence (`II.32`).

    The people the chapter names, computed from the text:
    """,
    glance_note="""
    Count the chapter's footnotes in the table and read them: they are the editors'
    identifications of the sources the chapter alludes to (Marx's letter, Engels's
    essay, Lenin's pamphlets) and a note on the Basle congress. The chapter's block
    quotations of Lenin all stand in its second half, where the subject becomes the party's attitude
    to slogans and mistakes.
    """,
    reading_intro="""
    Six steps: the portrait of the Second International, the four requirements of the
    method, three "dogmas" refuted, theory and slogans tested by deeds, self-criticism,
    and the relation of Lenin's method to Marx's.
    """,
    stops=(
        Stop(
            heading="A portrait of the Second International",
            passages=("II.1", "II.2", "II.3", "II.4", "II.5", "II.6"),
            commentary="""
            The chapter distinguishes the *formal* domination of the "orthodox" from the
            *actual* domination of the opportunists: the opportunists adapted to the
            bourgeoisie, the orthodox adapted to the opportunists to "preserve
            unity" — so opportunism reigned. Three paragraphs then set what there was
            against what there should have been, each opening with "Instead of" and each
            turning on "For the sake of appearances": theory became dogma, policy became
            bargaining, mistakes were glossed over. `II.6` sums it up as the
            International's "physiognomy".
            """,
            notice=(
                'The triple anaphora "Instead of…" (`II.3`–`II.5`): a portrait built by '
                "repetition.",
                "No document of the Second International is cited in the portrait: it "
                "characterises a period rather than quoting it.",
                "The scare quotes: “faithful” Marxists, the “orthodox”, “normally”, "
                "“dizzying” successes, “killed” by legal means.",
            ),
        ),
        Stop(
            heading="The four requirements",
            passages=("II.7", "II.8", "II.9", "II.12", "II.13", "II.14", "II.15", "II.16"),
            commentary="""
            A new period of wars and revolutionary battles makes the old methods
            inadequate; the arsenal must be overhauled, and this "cleansing of the Augean
            stables" fell to Leninism. The method is then stated as four requirements:
            test the dogmas in practice; judge parties by deeds, not by slogans and
            resolutions; reorganise all party work on revolutionary lines; practise
            self-criticism. Each ends with the same justification: "for only in this way
            can…".
            """,
            notice=(
                'The ordinal list ("Firstly" … "Fourthly"), each item closed by "for '
                'only in this way": requirement and justification in one sentence.',
                "What *method* means here: rules for a party's conduct, not a procedure of "
                "thought.",
                "The imagery of war (arsenal, weapons, unarmed) and of cleaning (Augean "
                "stables, cleansing).",
            ),
        ),
        Stop(
            heading="Three dogmas refuted",
            passages=("II.18", "II.19", "II.20", "II.21", "II.22"),
            intro="""
            First, the references in these paragraphs, as the citations table has them:
            """,
            commentary="""
            Three "theoretical dogmas" of the opportunists are taken up: that the
            proletariat should not take power unless it is a majority of the population;
            that it cannot keep power without cadres trained under capitalism; that the
            political general strike is unsound. Each is answered in the same pattern: a
            concession for argument's sake ("Let us assume that this is so, replies
            Lenin"), an appeal to Russian experience, and a closing question: "Is it not
            clear that the practical experience … smashes this dogma?" `II.22` declares
            the list open: "And so on and so forth."
            """,
            notice=(
                "Lenin's replies are paraphrased, not quoted: look at the table above for "
                "what these paragraphs cite.",
                "The refrain at the end of `II.19`, `II.20` and `II.21`.",
                "The first dogma concerns majorities; compare Chapter IV's claim that the "
                "dictatorship is the rule of the majority (`IV.28`).",
            ),
            extra_code="""
            ld.citations().query("paragraph_id in ['II.19', 'II.20', 'II.21']")[
                ["paragraph_id", "page", "raw", "author", "work", "volume"]]
            """,
            code_first=True,
        ),
        Stop(
            heading="Theory, slogans and deeds",
            passages=("II.23", "II.24", "II.25", "II.26"),
            commentary="""
            Theory must serve practice: two phrases of Lenin are set in the text with
            their titles (`II.23`; footnotes 6 and 7 give the editors' references). The
            story of the Basle slogan "war against war", pigeonholed at the outbreak of war,
            serves as the proof that slogans "are not worth a farthing unless backed by
            deeds". A passage of Lenin against Kautsky then states the principle: test
            sincerity by comparing words with deeds.
            """,
            notice=(
                '"We all remember", "who does not remember": an appeal to a shared '
                "memory of 1912–1914.",
                'The contrast of "the utter baseness of the opportunist politicians" with '
                '"the full grandeur of the method of Leninism" (`II.24`).',
                "`II.25` introduces the quotation before it comes: the author tells the "
                'reader how to read Lenin ("severely castigates").',
            ),
        ),
        Stop(
            heading="Self-criticism",
            passages=("II.27", "II.28", "II.29", "II.30"),
            commentary="""
            The parties of the Second International are said to fear self-criticism; two
            quotations of Lenin make admitting and analysing one's mistakes "the earmark of
            a serious party". An objection — that enemies will use self-criticism against
            the party — is answered with a passage Lenin wrote in 1904, "when our Party was
            still weak and small".
            """,
            notice=(
                'Inside the quotation of `II.30` the author inserts a gloss: "(i.e., the '
                'opponents of the Marxists-J. St.)". Look for the other places where the '
                "author speaks inside a quotation (search for `J. St.`).",
                'The objection is anonymous ("Some say"): the same device as in the Introduction.',
            ),
        ),
        Stop(
            heading="Lenin's method and Marx's",
            passages=("II.31", "II.32"),
            commentary="""
            The chapter ends on its relation to Marx: Lenin's method was "in the main"
            contained in Marx's, which Marx himself called "critical and revolutionary"
            (footnote 9); but it is "not only the restoration, but also the concretisation
            and further development" of it. The formula repeats the Introduction's verdict
            on Leninism as a whole (`Intro.7`): restoration, and a step forward.
            """,
            notice=(
                'Only here, in the last sentence, does the chapter name "materialist dialectics".',
                "The same two-step formula as `Intro.7`: restoration and development.",
            ),
        ),
    ),
    vocabulary_note="""
    *Method*, *dogma*, *Second* (International), *strike*, *cadres*, *self-criticism*,
    *mistakes*, *slogans*, *deeds*, *resolutions*: the chapter's distinctive words name
    what it criticises as much as what it proposes. The Second International is itself
    one of the chapter's keywords: the method is defined negatively, against it.

    Two concordances follow: every form of *dogma*, and *practice*.
    """,
    kwic_terms=("dogma*", "practice"),
    kwic_note="""
    Which adjectives go with *dogma* ("obsolete", "theoretical", "favourite")? And with
    *practice*: "living practice", "revolutionary practice", "practical experience"?
    The chapter's whole case is the opposition of these two words.
    """,
    explorer_query="self-criticism",
    concordance_term="theory",
    compare_note="""
    `II.1` begins by repeating the Introduction's last paragraph. Compare the two: the
    Introduction names the Second International as Leninism's opponent; this chapter
    turns the opponent into a method. Which vocabulary do they share?
    """,
    compare_with="Introduction",
    exercises=(
        Exercise(
            prompt="Which paragraphs of Chapter II begin with an ordinal word — *Firstly*, "
            "*Secondly*, *Thirdly* or *Fourthly*? Give their ids as a list or set.",
            hint='`.text.str.match(r"(First|Second|Third|Fourth)ly")` tests the start of '
            "each paragraph's text.",
            solution='set(ld.paragraphs().query("chapter == 2").loc[lambda p: p.text.str.match(r"(First|Second|Third|Fourth)ly"), "paragraph_id"])',
        ),
        Exercise(
            prompt="How many words of Chapter II are a form of *dogma* (*dogma*, *dogmas*)? "
            "Use `ld.tokens()` and its `term` column.",
            hint='Keep `chapter == 2`, then `.term.str.startswith("dogma")` and `.sum()`.',
            solution='int(ld.tokens().query("chapter == 2").term.str.startswith("dogma").sum())',
        ),
        Exercise(
            prompt="How many of Chapter II's footnotes refer to the Moscow *Selected Works* "
            "of Marx and Engels?",
            hint="`ld.footnotes()` for `chapter == 2`, then "
            '`.text.str.contains("Selected Works")`.',
            solution='int(ld.footnotes().query("chapter == 2").text.str.contains("Selected Works").sum())',
        ),
    ),
    discussion="""
    **The argument**

    1. The chapter's method is four practical requirements (`II.12`–`II.15`). Is this a
       method of thought, a method of politics, or a set of rules for party organisation?
       How does it relate to the "materialist dialectics" named in `II.32`?
    2. Each dogma is refuted by Russian experience. What does it mean to test a theory "in
       the crucible of living practice"? Who decides what practice has shown?
    3. The first dogma (`II.19`) is answered by the case of a proletariat that is a
       minority of the population. How does this fit with Chapter IV's definition of the
       dictatorship as the rule of the majority (`IV.28`)?

    **How the text argues**

    4. The opponents' positions are given in the author's words, Lenin's answers in
       paraphrase ("replies Lenin", "reply the Leninists"). What does paraphrase allow
       that quotation does not? Use the table in 4.3.
    5. The refrain "Is it not clear that…" closes every refutation. What is the effect of
       such repetition in a text meant to be learnt?
    6. Apart from the Basle manifesto (footnote 8), the portrait of the Second
       International cites none of its documents. Is the portrait an argument or a
       characterisation? What would a historian need to test it?

    **Readings and receptions**

    7. Defenders of the pre-war socialist parties, Kautsky among them, argued that
       parliamentary work and trade unions had built up the strength of the working class,
       and that revolutionary adventures would squander it. Reconstruct that case from
       the chapter's own description of it (`II.2`, `II.21`), then consider how the
       chapter answers it.
    8. *Criticism and self-criticism* later became an official slogan of Soviet party
       life; a campaign under that name was launched in 1928. Read `II.27`–`II.30` next to
       Chapter VIII's sections on unity of will and factions (`VIII.39`–`VIII.47`). How do
       the two chapters fit together? Historians have described the later practice in
       very different terms — what would you need to know to connect a text of 1924 with
       a practice of the 1930s?
    """,
    further="""
    Rosa Luxemburg, *The Mass Strike, the Political Party and the Trade Unions* (1906);
    Eduard Bernstein, *The Preconditions of Socialism* (1899, also translated as
    *Evolutionary Socialism*); Lenin, *"Left-Wing" Communism, an Infantile Disorder*
    (1920).
    """,
)


def build():
    return chapter_notebook(SPEC)
