"""02 Chapter I: The Historical Roots of Leninism."""

from nbkit import ChapterSpec, Exercise, Stop, chapter_notebook

SPEC = ChapterSpec(
    stem="02-historical-roots",
    chapter="I",
    title="Chapter I: The Historical Roots of Leninism",
    summary="imperialism's three contradictions, and why Russia became the home of Leninism",
    learn=(
        "the three contradictions of imperialism the chapter sets out, and the conclusion "
        "it draws from them;",
        'its answer to the question why Russia — which "was not and could not be a '
        'classical land of imperialism" — became the home of Leninism;',
        "the analogy it builds between Germany in the 1840s and Russia at the beginning of "
        "the twentieth century, with a quotation of Marx and one of Lenin;",
        "to follow an argument that advances by questions it answers itself.",
    ),
    time="about 50 minutes",
    prerequisites="*00 Start here* and *01 Introduction*.",
    context="""
    The Introduction defined Leninism as Marxism of the era of imperialism. This chapter
    describes that era and explains why Russia became the birthplace of the theory. It
    has no numbered sections: it is one sweep of argument in two halves, first the
    international situation (`I.1`–`I.9`), then Russia (`I.10`–`I.34`).

    What a reader needs to know:

    - **The First World War** (1914–1918) is "the imperialist war which broke out ten
      years ago" (`I.7`), counted from 1924. Russia fought in alliance with Britain and
      France — the Entente — against Germany, Austria-Hungary and the Ottoman Empire.
    - **Tsarist Russia** was an autocracy under the Romanov dynasty until the February
      Revolution of 1917, when Nicholas II abdicated. Its rapid industrialisation from the
      1890s relied heavily on foreign capital and on loans raised abroad, above all in
      France; this is the background of `I.14`–`I.15`.
    - **Turkey, Persia, China** (`I.13`, `I.16`): formally independent states on which the
      great powers, Russia among them, imposed spheres of influence; Lenin's *Imperialism*
      counts them among the *semi-colonies*.
    - **Lenin's *Imperialism, the Highest Stage of Capitalism*** (written in 1916) is the
      source of the chapter's picture of imperialism: monopolies, finance capital, the
      export of capital, the struggle for colonies. The chapter's phrase "moribund
      capitalism" is Lenin's.
    - **The two texts quoted**: Marx and Engels's *Manifesto of the Communist Party*
      (1848), written on the eve of the revolutions of that year, and Lenin's *What Is To
      Be Done?* (1902), a pamphlet on the tasks and organisation of the Russian party.
    - **The Russian calendar.** Russia used the Julian calendar until 1918, so the
      February and October revolutions of 1917 fell in March and November by the Western
      calendar. The book keeps the Russian names.

    The people the chapter names, computed from the text:
    """,
    glance_note="""
    The chapter is short and, compared with the chapters on theory and on the
    dictatorship, quotes little: check the share of quoted words in the chart. Its
    argument rests on the author's own exposition, with one quotation of Marx and one of
    Lenin placed at the end, where the chapter turns from explanation to analogy.
    """,
    reading_intro="""
    The reading follows the chapter's two halves in five steps: the contradictions of
    imperialism, the war, the question why Russia, Russia's ties to Western
    imperialism, and the closing analogy with Germany.
    """,
    stops=(
        Stop(
            heading="The three contradictions",
            passages=("I.1", "I.2", "I.3", "I.4", "I.5"),
            commentary="""
            The chapter begins with the world, not with Russia. Imperialism, "moribund
            capitalism" in Lenin's phrase, is said to carry the contradictions of
            capitalism to their limit, and three are singled out: between labour and
            capital in the industrial countries; among the financial groups and imperialist
            Powers struggling to re-divide the world; and between the "civilised" ruling
            nations and the colonial and dependent peoples. Each paragraph moves from a
            contradiction to the same destination: revolution.
            """,
            notice=(
                'The parallel openings — "The first contradiction…", "The second…", '
                '"The third…" — and the parallel endings: each contradiction leads to '
                "revolution.",
                '`I.5` converts the colonies "from reserves of imperialism into reserves of '
                'the proletarian revolution": the vocabulary of *reserves* returns in '
                "Chapter VII's strategy.",
                "The scare quotes around “civilised” and “policy”: the text signals "
                "distance from other people's words without naming the people.",
            ),
        ),
        Stop(
            heading="The war ties the knot",
            passages=("I.6", "I.7", "I.8", "I.9"),
            commentary="""
            The war of 1914 is presented as the moment when the three contradictions were
            "into a single knot". The conclusion, in a paragraph of its own, is
            that this international situation "gave birth to Leninism" (`I.9`). The
            explanation is structural: a doctrine is derived from a situation, not from a
            person's ideas.
            """,
            notice=(
                'The verbs of causation: the war "gathered", "threw", "accelerating and '
                'facilitating"; imperialism "was instrumental".',
                '`I.8` names two effects: making revolution "a practical inevitability" '
                'and creating "favourable conditions" for it. Inevitability and '
                "opportunity are argued together.",
            ),
        ),
        Stop(
            heading="Why Russia?",
            passages=("I.10", "I.11", "I.12", "I.13"),
            commentary="""
            An objection is put in the mouth of an imagined reader ("Some may say"): Russia
            was not a classical land of imperialism, so why did Leninism arise there? The
            answer comes in two one-sentence paragraphs, each beginning "Because", and then
            in a description of tsarism as "the concentration of the worst features of
            imperialism". Lenin's phrase "military-feudal imperialism" names the combination
            of a modern economy with an old autocracy.
            """,
            notice=(
                '"Who does not know that…?": a question that presupposes the reader\'s '
                "agreement. The cell below counts this formula across the book.",
                "The metaphor of the *focus* (`I.11`): all the contradictions converge on one "
                "country.",
                '`I.12` says Russia alone was "in a position to solve those contradictions in '
                'a revolutionary way" — a claim the rest of the chapter sets out to support.',
            ),
            extra_code="""
            # "Who does not know…" and "Who has not heard…": questions that presuppose agreement
            ld.search(r"\\bWho (does not|has not)", regex=True)[["paragraph_id", "page", "n_matches"]]
            """,
        ),
        Stop(
            heading="Tsarism and Western imperialism",
            passages=("I.14", "I.15", "I.16", "I.17", "I.19", "I.22"),
            commentary="""
            The argument now ties Russia to the West: tsarism let in foreign capital,
            supplied soldiers to the Entente, raised loans "in Paris and London, Berlin and
            Brussels", and joined in dividing Turkey, Persia and China. Their interests
            "became merged". It follows, the chapter says, that a revolution against tsarism
            had to become a revolution against imperialism — a proletarian revolution with
            an international character from the start (`I.22`). This is the first statement
            of an idea developed at length in Chapter III: the bourgeois revolution passing
            into the proletarian one.
            """,
            notice=(
                'The enumeration "To proceed." — "Further." — "Finally,": the book likes '
                "to count its reasons.",
                'The vocabulary of necessity: "had to", "could not but", "was bound to". '
                "The cell below counts *could not but* by chapter.",
                'The step in `I.19` from "whoever wanted to strike at tsarism" to '
                '"proletarian revolution": a moral-political argument phrased as a logical '
                "consequence.",
            ),
            extra_code="""
            labels = ld.chapters().set_index("chapter").label
            necessity = ld.term_frequencies(["could not but", "bound to"])
            necessity.assign(chapter=necessity.chapter.map(labels)).pivot(
                index="term", columns="chapter", values="count")
            """,
        ),
        Stop(
            heading="The analogy with Germany, and a prediction",
            passages=("I.25", "I.26", "I.27", "I.29", "I.30", "I.31", "I.32"),
            commentary="""
            The chapter closes with an analogy. Germany in the 1840s, "pregnant with
            bourgeois revolution", became the birthplace of scientific socialism, and Marx
            and Engels its creators; Russia at the beginning of the twentieth century, in
            the same position "to a still greater degree", became the birthplace of
            Leninism, and Lenin its creator. Each half of the analogy is supported by one
            quotation: the *Communist Manifesto* on Germany, Lenin's *What Is To Be Done?*
            on Russia, the latter presented as "prophetic words" that the revolution "more
            than vindicated".

            A historical note the chapter does not make: the *Manifesto*'s expectation that
            the German bourgeois revolution would be the prelude to an immediately
            following proletarian revolution was not borne out in 1848–49, when the German
            revolutions were defeated.
            """,
            notice=(
                'The twin sentences `I.27` and `I.31`: "In other words, the centre of the '
                'revolutionary movement was shifting to Germany" / "was bound to shift to '
                'Russia".',
                "The scare quotes around “happened” in `I.25`: the text marks its own "
                "analogy as approximate.",
                "The argument from fulfilled prediction (`I.30`–`I.32`) and the two closing "
                'questions (`I.33`, `I.34`): "Is it surprising…?"',
            ),
        ),
    ),
    vocabulary_note="""
    *Russia*, *imperialism*, *tsarism*, *Western*, *contradictions*: the keywords are
    the chapter's subject matter. Look further down for *bound*, *birthplace* and *home*:
    the vocabulary of necessity and origin. Because the chapter quotes little, the two
    lists are nearly the same; any word that appears only in the first list is one the
    chapter owes to Marx or Lenin.

    Two concordances follow: *Russia*, and every form of *contradiction*.
    """,
    kwic_terms=("Russia", "contradiction*"),
    kwic_note="""
    In the *Russia* lines, read the verbs to the right: what is Russia said to *be*, to
    *have been*, to have been *bound* to do? The *contradiction* lines cluster in the first
    half of the chapter: the word does its work in setting up the argument and then
    disappears behind *Russia* and *tsarism*.
    """,
    explorer_query="tsarism",
    concordance_term="imperialism",
    compare_note="""
    Chapter III restates this chapter's three contradictions as the "three fundamental
    theses" of Lenin's theory of the proletarian revolution (`III.23`–`III.29`). Compare
    the two chapters: what changes when history becomes theory?
    """,
    compare_with="III",
    exercises=(
        Exercise(
            prompt="Which paragraphs of Chapter I mention *tsarism* (in any "
            "capitalisation)? Give their ids as a list or a set.",
            hint="Filter `ld.paragraphs()` on `chapter == 1`, keep rows where "
            '`.text.str.contains("tsarism", case=False)`, take `paragraph_id`.',
            solution='set(ld.paragraphs().query("chapter == 1").loc[lambda p: p.text.str.contains("tsarism", case=False), "paragraph_id"])',
        ),
        Exercise(
            prompt="Which printed page of Chapter I carries the most words of main text? "
            "Assign the page number (an int) to `answer_2`. Use `ld.pages()`.",
            hint="`ld.pages()` has one row per page with `chapter` and `n_words`; keep "
            "chapter 1, index by `page` and use `.idxmax()` on `n_words`.",
            solution='int(ld.pages().query("chapter == 1").set_index("page").n_words.idxmax())',
        ),
        Exercise(
            prompt="How many times does Chapter I use the phrase *could not but*? Use "
            "`ld.search`, which returns one row per matching paragraph with "
            "`n_matches`.",
            hint='`ld.search("could not but", chapter="I")` — then sum the `n_matches` column.',
            solution='int(ld.search("could not but", chapter="I").n_matches.sum())',
        ),
    ),
    discussion="""
    **The argument**

    1. The chapter explains the birth of Leninism by a situation: "Such was the
       international situation which gave birth to Leninism" (`I.9`). What role does
       that leave to Lenin himself? Compare `I.24` and `I.34`.
    2. List the reasons the chapter gives for Russia being "the focus of all these
       contradictions" (`I.13`–`I.21`). Which are economic, which political, which
       military? Which would a historian of late imperial Russia be most likely to
       question, and on what evidence?
    3. The *Manifesto*'s expectation for Germany (`I.26`) was not fulfilled in 1848–49.
       Does that weaken the analogy the chapter builds on it, or is the analogy about
       something else — the place where a theory is born rather than where a revolution
       succeeds?

    **How the text argues**

    4. Much of the chapter proceeds by questions it answers itself ("Why?", "Of course
       not."). What does a rhetorical question do that a statement does not? Count the
       chapter's questions: how many of its sentences end with a question mark?
    5. "Bound to", "could not but", "had to" (exercise 3 and the table in 4.4): is the
       chapter describing what happened, or showing that it could not have happened
       otherwise? What is the difference for an argument?
    6. `I.30` presents Lenin's words of 1902 as "prophetic" and `I.32` says the revolution
       "more than vindicated" them. What does an argument from fulfilled prediction add to
       the chapter's case, and what are its risks?

    **Readings and receptions**

    7. Historians of the Russian Revolution have long debated whether 1917 resulted
       chiefly from long-term structural causes, like those this chapter lists, or from
       the strains of the war and from contingent political decisions. Where does the
       chapter stand in that debate, and what kinds of evidence would each side bring?
    8. Lenin's *Imperialism* acknowledged its debts to the English economist J. A. Hobson
       (*Imperialism: A Study*, 1902) and the Austrian Marxist Rudolf Hilferding (*Finance
       Capital*, 1910). This chapter presents the analysis of imperialism as Lenin's
       without naming them. What does a textbook gain and lose by leaving out the
       genealogy of an idea?
    """,
    further="""
    Lenin, *Imperialism, the Highest Stage of Capitalism* (1916); J. A. Hobson,
    *Imperialism: A Study* (1902); Rudolf Hilferding, *Finance Capital* (1910).
    """,
)


def build():
    return chapter_notebook(SPEC)
