"""10 Chapter IX: Style in Work."""

from nbkit import ChapterSpec, Exercise, Stop, chapter_notebook

SPEC = ChapterSpec(
    stem="10-style-in-work",
    chapter="IX",
    title="Chapter IX: Style in Work",
    summary='"Russian revolutionary sweep" and "American efficiency": the Leninist type of worker',
    learn=(
        'the two features of the "Leninist style in work" and the "disease" each is '
        "meant to cure in the other;",
        "how the chapter uses literary examples — Ehrenburg, Pilnyak, Gogol's Manilov — and "
        "short phrases of Lenin;",
        "what the book's ending tells you about its audience.",
    ),
    time="about 30 minutes",
    prerequisites="*09 The party*. The chapter is short and can be read on its own, but "
    "its meaning depends on the rest of the book.",
    context="""
    The last chapter is the shortest and the most unexpected: after theory, dictatorship,
    strategy and the party, it speaks of *style* — the way a party or state worker goes
    about his daily work. It addresses the reader not as a student of theory but as a
    future official.

    What a reader needs to know:

    - **"American efficiency."** In the 1920s many Soviet organisers admired American
      industrial methods — Frederick Taylor's *scientific management*, Henry Ford's
      assembly line. Lenin had urged learning from the Taylor system in 1918, and a Central
      Institute of Labour was set up in Moscow in 1920 to study the organisation of work.
    - **The writers named.** Ilya Ehrenburg (1891–1967) was a novelist and journalist;
      Boris Pilnyak (1894–1938) wrote one of the first novels of the revolution, *Golyi
      god* (1922), usually translated *The Naked Year* — *The Barren Year* in this
      edition. Pilnyak was arrested in 1937 and shot in 1938; Ehrenburg became one of the
      best-known Soviet writers.
    - **Manilovism** (footnote 30, in Chapter VIII): after Manilov, the dreamy landowner of
      Gogol's novel *Dead Souls* (1842).
    - **The NEP years.** In 1924 the Soviet state was rebuilding its economy under the New
      Economic Policy; its officials were many, often new, and much criticised for
      bureaucracy, a theme of Lenin's last writings.

    The people the chapter names, computed from the text:
    """,
    glance_note="""
    A short chapter with short quotations: look at the number of words inside block
    quotations. The chapter quotes Lenin for phrases rather than arguments.
    """,
    reading_intro="""
    Four steps: what "style" means; revolutionary sweep and its disease; American
    efficiency and its disease; the combination.
    """,
    stops=(
        Stop(
            heading="What style means",
            passages=("IX.1", "IX.2", "IX.3", "IX.4", "IX.5", "IX.6"),
            commentary="""
            The chapter first rules out literary style and then defines *style in work*: a
            "specific and peculiar feature in the practice of Leninism" that creates "the
            special type of Leninist worker". Leninism is called "a school of theory and
            practice" that trains such workers. Two features follow in a two-item list:
            "Russian revolutionary sweep" and "American efficiency".
            """,
            notice=(
                "The question-and-answer rhythm of the opening (`IX.2`–`IX.3`), familiar "
                "from the Introduction.",
                "National adjectives as names of virtues: *Russian*, *American*.",
            ),
        ),
        Stop(
            heading="Revolutionary sweep, and its disease",
            passages=("IX.7", "IX.8", "IX.9", "IX.10", "IX.11", "IX.12"),
            commentary="""
            Revolutionary sweep is an antidote to inertia and routine, "the life-giving
            force" without which no progress is possible. Without efficiency it degenerates
            into "“revolutionary” Manilovism": scheme concocting and the belief that decrees
            can arrange everything. Ehrenburg's story is given as a portrait of the
            disease — with a reservation ("a great exaggeration"). Lenin's phrase
            "communist vainglory" names it, and two short quotations contrast "pompous
            phrases" with "plain, everyday work".
            """,
            notice=(
                'Fiction as evidence: a story is accepted as giving "a correct likeness" '
                "despite its exaggeration.",
                "Quotations shrink to slogans here: look at the `n_words` of the chapter's "
                "quotations in the glance part.",
            ),
        ),
        Stop(
            heading="American efficiency, and its disease",
            passages=("IX.13", "IX.14"),
            commentary="""
            American efficiency is the antidote to Manilovism: a force that "neither knows
            nor recognises obstacles" and finishes what it starts. Without revolutionary
            sweep it degenerates into "narrow and unprincipled practicalism". Pilnyak's
            novel supplies the portrait of this second disease, Lenin's phrases —
            "narrow-minded empiricism", "brainless practicalism" — its names.
            """,
            notice=(
                '`IX.14` mirrors `IX.8` sentence by sentence: virtue, degeneration, "Who '
                "has not heard…\", a writer's portrait, Lenin's ridicule.",
                "The praise of American efficiency in a Soviet text of 1924: what is admired "
                "is a way of working, not American society.",
            ),
        ),
        Stop(
            heading="The combination",
            passages=("IX.15", "IX.16"),
            commentary="""
            The book ends in two sentences: the combination of the two features is "the
            essence of Leninism in Party and state work", and it alone produces "the
            finished type of Leninist worker". A book that began by defining Leninism as
            a theory ends by describing a kind of person.
            """,
            notice=(
                "The last word is *work*: compare the first paragraph of the book "
                "(`Intro.3`), which speaks of study.",
                "The ending addresses the members of the Lenin Enrollment (`Intro.1`) as "
                "future workers of party and state.",
            ),
        ),
    ),
    vocabulary_note="""
    *Disease*, *American*, *efficiency*, *style*, *concocting*, *practicalism*, *sweep*,
    *scheme*: a small, vivid vocabulary, much of it medical or moral. In so short a chapter
    a word used a few times reaches the top of the list; read the list as a description of
    the chapter's images rather than as statistics.

    Two concordances follow: *disease* and *efficiency*.
    """,
    kwic_terms=("disease", "efficiency"),
    kwic_note="""
    The *disease* lines pair the word with what it afflicts; the *efficiency* lines with
    *American*. Notice the symmetry the chapter builds between them.
    """,
    explorer_query="disease",
    concordance_term="revolutionary",
    compare_note="""
    The chapter's "special type of Party and state worker" is the member of the party
    described in Chapter VIII. Compare the two chapters: from organisation to conduct,
    what vocabulary changes?
    """,
    compare_with="VIII",
    exercises=(
        Exercise(
            prompt="How often do the words *sweep* and *efficiency* occur in Chapter IX? "
            "Build a Series indexed by the term (in alphabetical order).",
            hint="`ld.tokens().query(\"chapter == 9 and term in ['sweep', 'efficiency']\")`, "
            "then `.term.value_counts().sort_index()`.",
            solution="ld.tokens().query(\"chapter == 9 and term in ['sweep', 'efficiency']\").term.value_counts().sort_index()",
        ),
        Exercise(
            prompt="Which paragraphs of Chapter IX name Lenin? Give their ids as a list or set.",
            hint='`.text.str.contains("Lenin")` on the chapter\'s paragraphs.',
            solution='set(ld.paragraphs().query("chapter == 9").loc[lambda p: p.text.str.contains("Lenin"), "paragraph_id"])',
        ),
        Exercise(
            prompt="Are the paragraphs of Chapter IX shorter than the book's on average? "
            "Compute the ratio of the mean `n_words` of its paragraphs to the mean of "
            "all paragraphs, rounded to two decimals.",
            hint="`ld.paragraphs()`: the mean of `n_words` for `chapter == 9`, divided by "
            "the mean over all rows; `round(..., 2)`.",
            solution='round(float(ld.paragraphs().query("chapter == 9").n_words.mean() / ld.paragraphs().n_words.mean()), 2)',
        ),
    ),
    discussion="""
    **The argument**

    1. Why end a book on the foundations of Leninism with "style in work"? What does the
       ending tell you about the audience the book was written for (compare the dedication,
       `Intro.1`)?
    2. Each virtue has a disease, and the cure is their combination. Is this a dialectical
       argument, or an appeal to balance and moderation? Does it matter which?
    3. The chapter admires a way of working called "American efficiency". What is admired,
       and what is left out of the picture of America?

    **How the text argues**

    4. The chapter argues with fiction: Ehrenburg's story, Pilnyak's novel, Gogol's
       Manilov. What does a literary character provide that a quotation of Lenin does not?
       What does the reservation "The story contains a great exaggeration" concede?
    5. "Russian revolutionary sweep", "American efficiency": national types as names of
       virtues. How does that sit with the chapter on the national question (Chapter VI)?
    6. Lenin is quoted here in phrases — "communist vainglory", "brainless practicalism" —
       rather than in arguments. Compare with the long quotations of Chapters IV and VIII.
       What changes when quotations become labels?

    **Readings and receptions**

    7. Soviet writers and organisers of the 1920s argued over what to take from American
       industrial methods. How does this chapter position itself in that debate, judging by
       its own words?
    8. The two writers named in `IX.8` and `IX.14` had very different later lives: Pilnyak
       was shot in 1938, Ehrenburg became one of the best-known Soviet writers. What does it
       mean to be named, as a writer, in a text that became canonical? Is the later history
       part of what the chapter means today, or outside it?
    """,
    further="""
    Nikolai Gogol, *Dead Souls* (1842); Boris Pilnyak, *The Naked Year* (1922); on
    American methods in Soviet culture, Richard Stites, *Revolutionary Dreams: Utopian
    Vision and Experimental Life in the Russian Revolution* (1989).
    """,
)


def build():
    return chapter_notebook(SPEC)
