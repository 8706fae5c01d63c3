"""09 Chapter VIII: The Party."""

from nbkit import ChapterSpec, Exercise, Stop, chapter_notebook

SPEC = ChapterSpec(
    stem="09-the-party",
    chapter="VIII",
    title="Chapter VIII: The Party",
    summary='the six features of the "new party", from vanguard to unity of will and purging',
    learn=(
        'why the chapter holds that the revolutionary period needs a "new party";',
        "the six features of that party, one per section, each summed up in a one-line formula;",
        "how the chapter treats discipline, unity of will and factions, and the sources it "
        "draws on: the dispute of 1903 over the party rules, and the Tenth Congress of 1921;",
        "how it argues that the party grows strong by purging itself — and what the word "
        "*purge* meant in 1924.",
    ),
    time="about 75 minutes",
    prerequisites="*04 Theory* (the critique of spontaneity), *05 The dictatorship of the "
    "proletariat* and *08 Strategy and tactics*.",
    context="""
    Chapter VIII draws together much of the book: the critique of spontaneity (Chapter
    III), the dictatorship (Chapter IV) and strategic leadership (Chapter VII) all require,
    in its account, a party of a new type. It was also the chapter closest to the party's
    conflicts in the winter of 1923–24.

    What a reader needs to know:

    - **1903.** At the Second Congress of the Russian Social-Democratic Labour Party, Lenin
      and Martov disagreed over paragraph 1 of the party rules: Lenin required a member to
      take part personally in one of the party's organisations, Martov asked only for
      regular personal assistance under an organisation's direction. Martov's wording was
      adopted; later votes on the party's central bodies gave Lenin's supporters a
      majority, and the two factions took their names from that vote — *Bolsheviks*
      (majority) and *Mensheviks* (minority). Lenin's account of the congress, *One Step
      Forward, Two Steps Back* (1904), is quoted in section 2.
    - **The Tenth Congress (March 1921)** met during the Kronstadt rising and at the end of
      a fierce debate on the trade unions. Besides introducing the NEP, it adopted Lenin's
      resolution *On Party Unity*, which banned factions (footnote 32; `VIII.46`–`VIII.47`).
      The same year the party carried out a general *purge* (*chistka*) of its membership:
      in the 1920s the word meant the review of members and the expulsion of those judged
      unworthy, not the mass arrests and executions of the Great Terror of 1936–38.
    - **1923–24.** In the autumn of 1923 a group of prominent Bolsheviks, and Trotsky in
      *The New Course*, criticised the party's internal regime and called for more
      inner-party democracy. The Thirteenth Party Conference of January 1924 condemned the
      opposition. The chapter does not mention this conflict; readers of 1924 knew it.
    - **The Lenin Enrollment.** `VIII.12` refers to the campaign to which the book is
      dedicated (`Intro.1`).
    - **Manilovism** and the **"gang"** are explained in footnotes 30 and 31; the second is
      one of the author's own notes.

    The people the chapter names, computed from the text:
    """,
    extra_glance_code="""
    # The chapter's references, in reading order
    ld.citations().query("chapter == @N")[["paragraph_id", "page", "raw", "volume", "pages"]]
    """,
    glance_note="""
    The chapter is among the longest and among the most quoted; look at the chart. Its
    quotations come from Lenin's writings of very different dates — from the polemics of
    1904 to the civil-war years — as the citations table shows (notebook 12 has the full
    chart).
    """,
    reading_intro="""
    Seven steps: why a new party, then the six sections in order — advanced detachment,
    organised detachment, highest form of class organisation, instrument of the
    dictatorship, unity of will, and purging. The computed cell in 4.2 lists the
    one-line formulas that close the sections.
    """,
    stops=(
        Stop(
            heading="Why a new party",
            passages=("VIII.1", "VIII.2", "VIII.3", "VIII.4", "VIII.5"),
            commentary="""
            The parties of the Second International are said to have been "election
            machines", fit for parliamentary struggle in peaceful times; Kautsky is quoted
            (in paraphrase) as conceding that they were "an instrument of peace and not of
            war". The new period of open class collisions demands "a new party, a militant
            party, a revolutionary party". `VIII.5` gives it its name.
            """,
            notice=(
                'Kautsky\'s remark is accepted ("That is quite true") and turned against '
                "him: a familiar move.",
                "The triple adjective in `VIII.3` and the short declarative paragraphs "
                "that follow.",
            ),
        ),
        Stop(
            heading="The advanced detachment (section 1)",
            passages=("VIII.7", "VIII.9", "VIII.11", "VIII.12"),
            intro="The formulas that sum up the sections, as the data finds them:",
            commentary="""
            The party must be "the advanced detachment of the working class", armed with
            theory, leading and not dragging "at the tail of the spontaneous movement" —
            the argument of Chapter III. It is the "General Staff of the proletariat". But
            it must also be part of the class, bound to the non-party masses by "moral
            threads". The Lenin Enrollment is cited as proof: new members "sent" by the
            non-party workers who approved their admission.
            """,
            notice=(
                "The short formulas standing as paragraphs (table above): the chapter can "
                "be reduced to them, and was meant to be memorable.",
                "The military image of the General Staff links this chapter with Chapter VII.",
                "`VIII.12` is one of the few places where the book speaks of events of 1924.",
            ),
            extra_code="""
            short = PARAGRAPHS.query("chapter == 8 and n_words <= 15")
            short[short.text.str.startswith("The Party")][["section", "page", "text"]]
            """,
            code_first=True,
        ),
        Stop(
            heading="The organised detachment (section 2)",
            passages=("VIII.15", "VIII.17", "VIII.18", "VIII.19", "VIII.20"),
            commentary="""
            The party must be an organised whole: the sum of its organisations, with
            members who belong to one of them — Lenin's formula of 1903 — and "a single
            system" with higher and lower bodies and the subordination of the minority to
            the majority. The Menshevik alternative is called a "system" of self-enrolment
            that would have flooded the party with "professors" and "high-school students".
            Two quotations of Lenin from 1904 support both points.
            """,
            notice=(
                "The chapter reports the Menshevik position only in its own paraphrase, "
                "with scare quotes; Martov is heard only through Lenin (`VIII.18`).",
                '"The transformation of the power of ideas into the power of authority" '
                "(`VIII.20`): a phrase worth pausing on.",
            ),
        ),
        Stop(
            heading="The highest form of class organisation (section 3)",
            passages=("VIII.25", "VIII.26", "VIII.27", "VIII.28", "VIII.29"),
            commentary="""
            The working class has many organisations — trade unions, co-operatives,
            Soviets, youth leagues. Who is to give them a single line? The party, because
            it gathers the best workers, trains leaders and has the experience and
            prestige to make every non-party organisation "an auxiliary body and
            transmission belt linking the Party with the class". `VIII.29` adds a
            qualification: not official subordination, but persuasion by party members
            inside those organisations.
            """,
            notice=(
                "The long question in `VIII.25` is answered by a single short sentence, `VIII.26`.",
                "*Transmission belt*: a mechanical image for the relation of party and "
                "class, next to the military images of other sections.",
            ),
        ),
        Stop(
            heading="Instrument of the dictatorship (section 4)",
            passages=("VIII.32", "VIII.33", "VIII.37", "VIII.38"),
            commentary="""
            The party is not an end in itself but "an instrument in the hands of the
            proletariat" for winning and then maintaining the dictatorship — needed "still
            more" to maintain it. Two quotations of Lenin on iron discipline support the
            claim. The section ends with a conclusion that looks far ahead: when classes
            disappear and the dictatorship withers away, the party will wither away too.
            """,
            notice=(
                "Chapter IV's word *instrument*, used there of the dictatorship, is used here "
                "of the party: a chain of instruments.",
                "`VIII.36` quotes the same Lenin sentence as `IV.21` and continues it: the "
                "book reuses its quotations.",
            ),
        ),
        Stop(
            heading="Unity of will and the ban on factions (section 5)",
            passages=("VIII.39", "VIII.44", "VIII.45", "VIII.46", "VIII.47"),
            commentary="""
            Iron discipline requires "unity of will". The chapter states that discipline
            "presupposes criticism and conflict of opinion" — but only until a decision is
            taken; after that, unity of action. From this it follows that factions, which
            create "a number of centres", are incompatible with the party's unity. The
            authority invoked is the Tenth Congress resolution *On Party Unity* (1921),
            quoted for its demands: dissolution of all groups formed on separate platforms,
            on pain of expulsion.
            """,
            notice=(
                "The sequence criticism → decision → unity: where, in the text, is the "
                "line between them drawn, and by whom?",
                'The contrast with the parties of the Second International, which "can '
                'afford such liberalism as freedom of factions" (`VIII.44`).',
                "In the winter of 1923–24 this resolution had been at the heart of the "
                "conflict with the opposition (see the context).",
            ),
        ),
        Stop(
            heading="Strength through purging (section 6)",
            passages=("VIII.48", "VIII.49", "VIII.50", "VIII.51"),
            commentary="""
            The source of factionalism is located in "opportunist elements" entering the
            party from other classes and from the "labour aristocracy" (Lenin quoted on the
            bourgeoisified upper stratum of workers). The theory of overcoming such elements
            by ideological struggle inside the party is called "a rotten and dangerous
            theory"; the party's success is attributed to having rid itself of Mensheviks
            and Liquidators — Martov, Dan, Potresov, Axelrod are named. The chapter ends on a
            long quotation of Lenin on removing reformists and even wavering "excellent
            Communists" from responsible posts.
            """,
            notice=(
                'The hygienic vocabulary: "opportunist pollution", "purging", "rid its ranks".',
                "Names return in section 6 — Martov, Dan, Potresov, Axelrod — after a book "
                "that mostly avoids naming Russian opponents.",
            ),
        ),
    ),
    vocabulary_note="""
    *Party*, *class*, *discipline*, *detachment*, *non-party*, *organisations*, *iron*,
    *unity*, *staff*, *factionalism*: the keywords are the chapter's definitions and its
    images. *Iron* — as in iron discipline — is worth following through the concordance.
    Compare the two lists: which words are Lenin's more than the author's?

    Two concordances follow: *discipline*, and every form of *faction*.
    """,
    kwic_terms=("discipline", "faction*"),
    kwic_note="""
    Read the adjectives to the left of *discipline* ("iron", "conscious", "blind",
    "military"). The *faction* lines show where the ban is argued, and in whose words.
    """,
    explorer_query="discipline",
    concordance_term="party",
    compare_note="""
    `VIII.9` opens by recalling the previous chapter ("I have already spoken of … strategy
    and tactics, of reserves and manoeuvring"). Compare the party chapter with Chapter
    VII: which vocabulary passes from the theory of leadership to the theory of the
    party?
    """,
    compare_with="VII",
    exercises=(
        Exercise(
            prompt="The chapter sums up features of the Party in short paragraphs that begin "
            "*The Party*. Give the ids of Chapter VIII's short paragraphs "
            "(`n_words <= 15`) that begin with those words (as a list or set).",
            hint="Filter on `chapter == 8 and n_words <= 15`, then "
            '`.text.str.startswith("The Party")`.',
            solution='set(ld.paragraphs().query("chapter == 8 and n_words <= 15").loc[lambda p: p.text.str.startswith("The Party"), "paragraph_id"])',
        ),
        Exercise(
            prompt="How many of Chapter VIII's block quotations are quotations of Lenin?",
            hint="`ld.quotations()` has a `speaker` column; keep `chapter == 8` and count "
            '`speaker == "Lenin"`.',
            solution='int((ld.quotations().query("chapter == 8").speaker == "Lenin").sum())',
        ),
        Exercise(
            prompt="Which section of Chapter VIII has the largest share of its words inside "
            "block quotations? Give the section number (an int).",
            hint="In `ld.tokens()` for chapter 8, `in_quotation` is True for quoted words: "
            '`.groupby("section").in_quotation.mean()` gives each section\'s share, '
            "`.idxmax()` the section.",
            solution='int(ld.tokens().query("chapter == 8").groupby("section").in_quotation.mean().idxmax())',
        ),
    ),
    discussion="""
    **The argument**

    1. Six features, six formulas. Do the sections form an argument — each step requiring
       the next — or a list? Could you reorder them without loss?
    2. The party must lead the class and yet not be "divorced from the non-Party masses"
       (`VIII.11`); non-party organisations become a "transmission belt" (`VIII.27`) yet are
       not "officially subordinated" (`VIII.29`). How does the chapter hold these claims
       together?
    3. Discipline "presupposes criticism and conflict of opinion" (`VIII.39`), but factions
       are banned (`VIII.44`–`VIII.47`). Where does legitimate criticism end and a faction
       begin? Compare the self-criticism of Chapter II (`II.27`–`II.30`).

    **How the text argues**

    4. In the dispute of 1903 the chapter quotes Lenin on Martov (`VIII.18`) but never
       Martov. Who speaks for the losing side in this chapter, and in the book as a whole?
    5. `VIII.24` quotes Lenin mocking his opponents in their own imagined voice ("You are a
       bureaucrat because…"); the author's footnote 31 names them. What does the footnote
       add, and what does it tell you about the author's position as an interpreter?
    6. "Opportunist pollution", "purging", "rid its ranks": how do the metaphors of section
       6 shape the argument? Rewrite `VIII.50` without them and compare.

    **Readings and receptions**

    7. Two contemporaries answered Lenin's *One Step Forward, Two Steps Back* — quoted in
       section 2 — in 1904: Rosa Luxemburg, in *Organizational Questions of the Russian
       Social Democracy*, criticised its centralism; Trotsky, in *Our Political Tasks*,
       warned that the party organisation might come to substitute itself for the class.
       How would each read sections 2 and 5 of this chapter? Present their views and the
       chapter's on equal terms before you judge.
    8. Historians disagree about how far the ban on factions of 1921, which this chapter
       treats as a principle, contributed to the later concentration of power in the party
       leadership: some stress the emergency of 1921, others a logic present in the
       party's organisational principles from the start. How does the chapter present the
       ban — as an emergency measure, or as a principle? Cite the paragraphs.
    9. In 1924 a *purge* meant the review and expulsion of members; a decade later the word
       was attached to mass terror. What does reading section 6 with hindsight help you
       see, and what does it risk distorting?
    """,
    further="""
    Lenin, *One Step Forward, Two Steps Back* (1904); Rosa Luxemburg, *Organizational
    Questions of the Russian Social Democracy* (1904); Trotsky, *Our Political Tasks*
    (1904) and *The New Course* (1923); Robert V. Daniels, *The Conscience of the
    Revolution: Communist Opposition in Soviet Russia* (1960).
    """,
)


def build():
    return chapter_notebook(SPEC)
