"""08 Chapter VII: Strategy and Tactics."""

from nbkit import ChapterSpec, Exercise, Stop, chapter_notebook

SPEC = ChapterSpec(
    stem="08-strategy-and-tactics",
    chapter="VII",
    title="Chapter VII: Strategy and Tactics",
    summary="strategy, tactics, reserves and the use of reforms, with 1917 as the model",
    learn=(
        "the chapter's definitions of strategy and tactics and how they relate;",
        "the three stages of the Russian revolution as the chapter sets them out;",
        "the conditions of strategic and tactical leadership, and the episodes of 1917–1921 "
        "chosen to illustrate them;",
        "the distinction between reformist and revolutionary uses of reforms, and how it "
        "changes after the seizure of power.",
    ),
    time="about 90 minutes",
    prerequisites="*04 Theory* (the stages of the revolution) and *06 The peasant "
    "question* (the peasantry as a reserve).",
    context="""
    Chapter VII is one of the longest chapters and the most practical: it turns the theory of
    the preceding chapters into rules of political leadership. Its vocabulary is military
    — main blow, reserves, manoeuvre, retreat — and its examples come from the party's
    own history.

    What a reader needs to know:

    - **Military thinking.** Lenin read Clausewitz's *On War* closely in 1915, and the
      language of strategy was common among Bolsheviks who had just fought a civil war.
      The chapter's definitions of strategy and tactics borrow the military distinction
      between winning a war and winning a battle.
    - **The stages.** The chapter divides the revolution into stages: 1903 (the party's
      Second Congress) to February 1917; March to October 1917; and after October.
    - **Episodes of 1917** used as examples: Lenin's return to Russia in April 1917 and his
      call to "patiently explain" the party's position to the masses; the Kornilov revolt
      (August 1917); the Democratic Conference (September 1917) and the Pre-parliament it
      set up; the October insurrection. The chapter refers to disagreements inside the
      party ("a section of our comrades", "our Party") without naming anyone.
    - **The Brest peace** (March 1918): the separate peace with Germany and its allies,
      accepted at the cost of large territories after a bitter dispute within the party.
    - **Retreats after 1921.** *The Importance of Gold* (November 1921), named in
      `VII.77` (footnote 28), is one of Lenin's articles explaining the New Economic Policy
      as a retreat.
    - **Otzovists** (`VII.54`): Bolsheviks who in 1908–09 demanded the recall (Russian
      *otozvat'*) of the party's deputies from the Duma. **Kapp** is explained in footnote
      27.

    The people the chapter names, computed from the text:
    """,
    glance_note="""
    Look at the number of sections and at the share of quoted words. Which volumes of
    Lenin's *Works* does the chapter cite? (Exercise 2 below counts them; notebook 12
    draws the chart for the whole book.) Volume XXV of the edition the book cites
    contains *"Left-Wing" Communism* (1920): the book itself cites that pamphlet there
    (`II.27`–`II.28`).
    """,
    reading_intro="""
    Seven steps, following the six sections: strategy and tactics as a science; the
    stages of the revolution; flow and ebb; the reserves; the conditions of strategic
    leadership; tactical leadership; reforms and revolution.
    """,
    stops=(
        Stop(
            heading="A science of leadership (section 1)",
            passages=("VII.8", "VII.9", "VII.10"),
            commentary="""
            Once more the Second International sets the contrast: in a period of peaceful,
            parliamentary development there could be no integral strategy or elaborated
            tactics. Its "mortal sin" was to treat parliamentary forms as the only ones.
            Only in the period of proletarian revolution could strategy and tactics be
            worked out — and Lenin is said to have restored the ideas of Marx and Engels on
            them and combined them into "a system of rules and guiding principles". The
            section ends with a definition: strategy and tactics are "the science of
            leadership in the revolutionary struggle of the proletariat".
            """,
            notice=(
                "The list of Lenin's pamphlets in `VII.10` as \"priceless contributions to the "
                'general treasury of Marxism" — the image of the Introduction (`Intro.4`).',
                "*Science*: the chapter presents rules of political action as knowledge.",
            ),
        ),
        Stop(
            heading="Stages of the revolution, and strategy (section 2)",
            passages=("VII.11", "VII.13", "VII.14", "VII.15", "VII.16"),
            commentary="""
            Strategy is defined as determining "the direction of the main blow" at a
            given stage and the plan for disposing the revolutionary forces. The three
            stages are then set out in a fixed schema — objective, main force, reserves,
            direction of the main blow, plan — like entries in a staff manual. The first
            two stages end with the Two Tactics passage also quoted in Chapter III (the
            cell above finds it); the third stage extends the schema to the world: the
            dictatorship in one country as a base, the colonies as a reserve.
            """,
            notice=(
                "The schema repeats its headings word for word: a text designed to be "
                "compared line by line.",
                "The third stage's objective — \"to consolidate the dictatorship of the "
                'proletariat in one country, using it as a base" — connects with `III.75`.',
                "The same passage of Lenin serves two chapters: quotations are reused as "
                "building blocks.",
            ),
            extra_code="""
            ld.search("carry to completion the democratic revolution")[["paragraph_id", "page", "kind"]]
            """,
        ),
        Stop(
            heading="Flow and ebb, and tactics (section 3)",
            passages=("VII.17", "VII.18", "VII.19", "VII.21"),
            commentary="""
            Tactics govern the "comparatively short period of the flow or ebb" and serve
            strategy as battles serve a war. The party's history between 1903 and 1917
            illustrates it: offensive tactics while the tide rose (1903–1905), with strikes,
            a boycott of the Duma and uprising; tactics of retreat in the years of reaction
            (1907–1912), with participation in the Duma and legal organisations.
            """,
            notice=(
                "The paired lists of *forms of struggle* and *forms of organisation* in "
                "`VII.18`–`VII.19`: tactics change both.",
                "Participation in the Duma, rejected in one period, is required in the "
                "next: the chapter defends changes of line as fidelity to one strategy.",
            ),
        ),
        Stop(
            heading="The reserves of the revolution (section 4)",
            passages=("VII.22", "VII.23", "VII.24", "VII.25", "VII.26"),
            commentary="""
            The reserves are *direct* — the peasantry, the proletariat of neighbouring
            countries, the colonial movements, and the gains of the dictatorship itself,
            which may be given up temporarily — and *indirect*: the conflicts among the
            revolution's enemies. The second kind is illustrated by the imperialist war,
            which kept the powers from concentrating against the young Soviet state, and by
            a prediction: "a new war among them is becoming inevitable".
            """,
            notice=(
                "The peasantry (Chapter V) and the colonies (Chapter VI) reappear here as "
                "items in a list of reserves.",
                "Concessions of the dictatorship's own gains count as a reserve: the "
                "ground is laid for the Brest peace and the NEP.",
            ),
        ),
        Stop(
            heading="Four conditions of strategic leadership",
            passages=("VII.29", "VII.36", "VII.39", "VII.40", "VII.41", "VII.44"),
            commentary="""
            Making "proper use of reserves" means four things: concentrating forces at the
            decisive point (the war as the enemy's most vulnerable spot in 1917, with Lenin's
            rules of insurrection quoted in `VII.31`–`VII.35`); choosing the moment (October
            as a model; an attempt in September 1917 as a "loss of tempo"); keeping to the
            course (the party's entry into the Pre-parliament as "losing one's bearings",
            corrected by withdrawal); and manoeuvring to retreat (the Brest peace as the
            model, with two quotations of Lenin).
            """,
            notice=(
                'Errors are the party\'s own and anonymous: "a section of our comrades", '
                '"our Party".',
                'Nautical and military metaphors: "losing one\'s bearings", "loss of '
                'tempo", the decisive blow.',
                "The Brest peace, a disputed concession in 1918, is presented as a model of "
                "strategy, confirmed by Lenin's later verdict (`VII.46`).",
            ),
        ),
        Stop(
            heading="Tactical leadership: the masses' own experience and the main link (section 5)",
            passages=("VII.51", "VII.52", "VII.55", "VII.58", "VII.62"),
            commentary="""
            Two conditions of tactical leadership. First, the forms of struggle must let
            "the masses … realise from their own experience" what the vanguard already
            knows; hence participation in the Duma against the Otzovists, and "patiently
            explaining" against those who wanted an uprising in April 1917. Second, the
            party must find "the particular link in the chain" which, grasped, lets it hold
            the whole chain: the all-Russian newspaper *Iskra* at the party's beginnings,
            trade under the NEP.
            """,
            notice=(
                "The chain image of Chapter III returns, now as a rule of tactics.",
                'The vanguard knows first; the masses must come to know "from their own '
                "experience\". How does this sit with Chapter VIII's vanguard party?",
            ),
        ),
        Stop(
            heading="Reformism and revolutionism (section 6)",
            passages=("VII.67", "VII.69", "VII.70", "VII.71", "VII.77", "VII.78", "VII.80"),
            commentary="""
            Leninism is not against reforms and compromises as such ("Some think" again
            introduces the view to be corrected); the difference lies in their use. For the
            reformist, reforms are everything; for the revolutionary, a by-product and a
            cover for illegal work. After the seizure of power the relation changes: the
            proletarian power may itself take a "reformist path" of concessions — the
            chapter's justification of the NEP — because the reform now strengthens that
            power. "Under such conditions a reform is thus transformed into its opposite."
            """,
            notice=(
                'Paired sentences: "To a reformist…" / "To a revolutionary…"; "That is '
                'the essence of…" twice.',
                "The same act — a reform — is judged by who carries it out and to what end.",
                "Lenin's mountain-climbing image in `VII.68`: zigzags and retreats on an "
                "unexplored ascent.",
            ),
        ),
    ),
    vocabulary_note="""
    *Tactics*, *reserves*, *strategy*, *reforms*, *forms*, *forces*, *vanguard*,
    *retreat*, *ebb*: the keywords are those of the chapter's definitions and its military
    imagery. Compare the lists: does *vanguard* keep its rank without the quotations?
    *Retreat*, prominent when Lenin's words are included, belongs largely to his voice.

    Two concordances follow: *reserves* and *link*.
    """,
    kwic_terms=("reserves", "link"),
    kwic_note="""
    The *reserves* lines show how one word joins the peasantry, the colonies, the
    proletariat of other countries and the gains of the revolution in a single category.
    The *link* lines gather the chain image of section 5.
    """,
    explorer_query="retreat",
    concordance_term="tactics",
    compare_note="""
    The stages of the revolution in section 2 rest on Chapter III's theory of the
    bourgeois revolution passing into the proletarian one, and quote the same passage of
    *Two Tactics*. Compare the two chapters: what happens to the theory's vocabulary when
    it becomes strategy?
    """,
    compare_with="III",
    exercises=(
        Exercise(
            prompt="How many words are in each section of Chapter VII? Build a Series indexed "
            "by section number with the total `n_words` of its paragraphs.",
            hint='`ld.paragraphs().query("chapter == 7").groupby("section").n_words.sum()`'
            " — or check your result against `ld.sections()`.",
            solution='ld.paragraphs().query("chapter == 7").groupby("section").n_words.sum()',
        ),
        Exercise(
            prompt="Count Chapter VII's references by volume of Lenin's *Works*: a Series "
            "indexed by volume number (ints, in increasing order) with the number of "
            "references to each.",
            hint='`ld.citations().query("chapter == 7").volume.dropna().astype(int)`, then '
            "`.value_counts().sort_index()`.",
            solution='ld.citations().query("chapter == 7").volume.dropna().astype(int).value_counts().sort_index()',
        ),
        Exercise(
            prompt="Which paragraphs of Chapter VII begin with *Firstly*, *Secondly*, "
            "*Thirdly* or *Fourthly*? Give their ids as a list or set. In which "
            "sections do they stand?",
            hint='`.text.str.match(r"(First|Second|Third|Fourth)ly")` on the chapter\'s '
            "paragraphs.",
            solution='set(ld.paragraphs().query("chapter == 7").loc[lambda p: p.text.str.match(r"(First|Second|Third|Fourth)ly"), "paragraph_id"])',
        ),
    ),
    discussion="""
    **The argument**

    1. Strategy is "the determination of the direction of the main blow" (`VII.11`). What
       does thinking of politics in military terms make visible, and what does it hide?
       Who, in this picture, are the soldiers and who the general staff?
    2. The third stage (`VII.15`) sets as its objective "to consolidate the dictatorship of
       the proletariat in one country, using it as a base". Read it next to `III.75`. Do the
       two passages say the same thing?
    3. Reforms are judged by their use and their author (`VII.70`–`VII.80`). Is the NEP, in
       the chapter's terms, a retreat, a reform, or both? What criterion would let an
       observer tell a revolutionary use of reforms from a reformist one?

    **How the text argues**

    4. The party's own errors of 1917 — a "loss of tempo", "losing one's bearings" — are
       described without names. Why might a text of 1924 leave these episodes unnamed?
       Historians have identified the people involved: what would you need to check before
       relying on such an identification?
    5. Lenin's rules of insurrection (`VII.31`–`VII.35`) are introduced as a paraphrase of
       "the well-known theses of Marx and Engels on insurrection". How does the chapter
       layer its authorities — Marx and Engels, Lenin, the author?
    6. The Brest peace and the NEP were both contested concessions. How does the chapter
       turn concessions into proofs of strategic skill? Compare the treatment of retreat
       in `VII.41`–`VII.46` with that of reforms in `VII.77`–`VII.81`.

    **Readings and receptions**

    7. Many of the chapter's quotations come from Lenin's *"Left-Wing" Communism* (1920),
       written against communists who rejected compromises and work in parliaments and
       trade unions. The Dutch communist Herman Gorter replied to it in an *Open Letter to
       Comrade Lenin* (1920). How might those on the receiving end of Lenin's pamphlet have
       answered `VII.67`–`VII.68`? Reconstruct their case before you judge it.
    8. How far does the chapter's military language reflect the civil war of 1918–1920,
       which the party had just fought? Collect the evidence from the text — the examples,
       the vocabulary (try the Concordance with `reserves`, `retreat`, `blow`) — and weigh
       it.
    """,
    further="""
    Lenin, *"Left-Wing" Communism, an Infantile Disorder* (1920) and *The Importance of
    Gold Now and After the Complete Victory of Socialism* (1921); Herman Gorter, *Open
    Letter to Comrade Lenin* (1920).
    """,
)


def build():
    return chapter_notebook(SPEC)
