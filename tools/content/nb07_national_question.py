"""07 Chapter VI: The National Question."""

from nbkit import ChapterSpec, Exercise, Stop, chapter_notebook

SPEC = ChapterSpec(
    stem="07-national-question",
    chapter="VI",
    title="Chapter VI: The National Question",
    summary="from the national question to the colonial question: self-determination, "
    "secession and a common front against imperialism",
    learn=(
        'the four contrasts, each opening with "Formerly", through which the chapter says '
        "Leninism transformed the national question;",
        "its criterion for supporting national movements — their effect on imperialism — "
        "and the examples it gives;",
        'the theses of section 2, the "two tendencies", and the two tasks of '
        "internationalist education;",
        "the historical setting: the author's own work on nationalities, and the colonial "
        "world of 1924.",
    ),
    time="about 60 minutes",
    prerequisites="*02 Historical roots* (the third contradiction of imperialism) and "
    "*06 The peasant question*, whose structure this chapter repeats.",
    context="""
    The national question was the author's own field. Stalin had written *Marxism and the
    National Question* (1913), and he was People's Commissar for
    Nationalities in the Soviet government from 1917 to 1923. This chapter links the
    national question in Europe to the colonial question in Asia and Africa, and both to
    the proletarian revolution.

    What a reader needs to know:

    - **Self-determination.** Lenin defended the right of nations to self-determination,
      including secession, in *The Right of Nations to Self-Determination* (1914) and
      wartime articles. In 1918 the American president Woodrow Wilson also championed national
      self-determination as a principle of the peace settlement — a rival version of the
      idea in the background of this chapter.
    - **Cultural autonomy.** Austrian Social Democrats, notably Otto Bauer and Karl
      Renner, proposed *national-cultural autonomy* for the peoples of the Habsburg
      Empire; Stalin had criticised the proposal in 1913. The chapter's reference to
      leaders who turned self-determination into "cultural autonomy" (`VI.6`) names no
      one.
    - **The Soviet state.** Kolchak and Denikin (`VI.34`) were commanders of the White armies in
      the civil war, much of which was fought on the periphery of the former empire,
      including non-Russian regions such as Ukraine and the Caucasus. The Union of
      Soviet Socialist Republics was founded in December 1922 (`VI.35`).
    - **The colonial world of 1924.** Afghanistan had won full independence from British
      control in 1919; Britain had declared Egypt nominally independent in 1922 while
      keeping control of defence and communications; in India, the non-cooperation
      movement led by Gandhi had been suspended in 1922; in China, the Guomindang and the
      Communist Party had just formed an alliance. The "British “Labour” Government" of
      `VI.15` is Ramsay MacDonald's, in office from January 1924.
    - **The Communist International** had adopted theses on the national and colonial
      questions, drafted by Lenin, at its Second Congress in 1920.

    The people the chapter names, computed from the text:
    """,
    glance_note="""
    The chapter has no footnotes. It quotes Lenin in a few long blocks — the last one runs
    over several paragraphs (look at `quotation_id` in the paragraphs table, or at
    `ld.quotations()`). Its section 2 is built around a lettered list of theses.
    """,
    reading_intro="""
    Six steps: four contrasts of past and present; the question and its answer; not every
    national movement; revolutionary "objectively"; the theses; and the two tasks of
    internationalist education.
    """,
    stops=(
        Stop(
            heading="Formerly … Now: four changes (section 1)",
            passages=("VI.4", "VI.5", "VI.6", "VI.7", "VI.8"),
            commentary="""
            Four paragraphs begin with "Formerly" and turn on "Now we can say": the
            national question used to concern a few European nationalities, now it
            concerns the colonial peoples; self-determination used to be narrowed to
            autonomy, now it means the right to secession; equality of nations used to be a
            juridical formula, now it means support for liberation struggles; the national
            question used to be treated in isolation, now it is part of the proletarian
            revolution. In each case the change is credited to Leninism.
            """,
            notice=(
                "The structure *Formerly … Now we can say … Leninism*: four times over.",
                '`VI.5` sets "white and black", "Europeans and Asiatics", "civilised" '
                'and "uncivilised" against each other — a frank statement for 1924 of what '
                "the socialist movement had ignored.",
                "The last sentence of `VI.8` places the national question inside the "
                "question of the dictatorship, as `V.8` did for the peasant question.",
            ),
        ),
        Stop(
            heading="The question and the answer",
            passages=("VI.9", "VI.10", "VI.11"),
            commentary="""
            The question, the affirmative answer and the practical conclusion repeat, almost
            word for word, those of the peasant question (`V.10`–`V.13`). The table above
            sets the two formulations side by side. The colonial and dependent countries
            take the place of the peasantry: a reserve to be won from the imperialist
            bourgeoisie for the proletariat.
            """,
            notice=(
                "The parallel is deliberate: the book treats the peasantry and the oppressed "
                "nations as the two great reserves of the proletariat.",
                '"Dominant" stands in quotation marks in `VI.11`: the chapter marks the '
                "term it uses.",
            ),
            extra_code="""
            PARAGRAPHS.loc[["V.10", "VI.9", "V.11", "VI.10"], ["page", "text"]]
            """,
        ),
        Stop(
            heading="Not every national movement",
            passages=("VI.12", "VI.13", "VI.14"),
            commentary="""
            Support is conditional: the right of nations "is not an isolated,
            self-sufficient question" but part of the proletarian revolution, "subordinate
            to the whole". The historical example is Marx's attitude in 1848 — support for
            Poles and Hungarians, opposition to Czechs and South Slavs, then regarded as
            outposts of tsarism. Lenin is quoted: self-determination is "not an absolute",
            and where the part contradicts the whole, "it must be rejected".
            """,
            notice=(
                "The principle of subordination — part to whole — which returns in "
                "Lenin's quotation at the end of the chapter (`VI.44`).",
                'The judgement is made "concretely, from the point of view of the interests '
                'of the revolutionary movement" (`VI.14`): who judges is not said.',
            ),
        ),
        Stop(
            heading='Revolutionary "objectively"',
            passages=("VI.15", "VI.16"),
            commentary="""
            The counterpart: a national movement may be revolutionary without proletarian
            members, a republican programme or a democratic basis, if it weakens
            imperialism. The examples are chosen for paradox: the Emir of Afghanistan and
            Egyptian merchants are "objectively" revolutionary; European socialists in
            government during the war — Kerensky, Scheidemann, Henderson and others — and
            the British Labour government of 1924 are "reactionary". The yardstick is the
            "general balance sheet of the struggle against imperialism".
            """,
            notice=(
                "*Objectively*: the word that allows actors' intentions and labels to be "
                "set aside.",
                "The paired names in `VI.15` — each a Russian, German, French or British "
                "socialist — make a single camp of the Second International's leaders.",
            ),
        ),
        Stop(
            heading="The theses (section 2)",
            passages=("VI.17", "VI.18", "VI.22", "VI.24", "VI.25", "VI.27", "VI.28"),
            commentary="""
            Section 2 states Leninism's theses in a lettered list (a–j): the world divided
            into two camps; the colonies a reserve of imperialism; liberation only by
            revolutionary struggle; a common front of the proletarian and national
            liberation movements; support by the proletariat of the oppressor nations, for
            "no nation can be free if it oppresses other nations" (Engels); the right of
            secession; and union, which "can only be voluntary". Lenin is then quoted on
            the "two historical tendencies" of capitalism: national states, and the
            breakdown of national barriers.
            """,
            notice=(
                "The theses move from analysis (a–d) to obligations (e–j).",
                "Secession and union are both affirmed: `VI.31`–`VI.32` explain why they "
                'are irreconcilable for imperialism but "two sides of a single cause" for '
                "communism.",
            ),
        ),
        Stop(
            heading="Two tasks of internationalist education",
            passages=("VI.33", "VI.34", "VI.35", "VI.36", "VI.43", "VI.44"),
            commentary="""
            Two struggles follow from the theses: against the "dominant-nation chauvinism"
            of socialists in the ruling nations, and against the "national isolationism" of
            socialists in the oppressed ones. The Russian revolution is offered as proof:
            it won because it freed the peoples of the former empire, and it created the
            USSR, "the living prototype of the future union of peoples". A long quotation
            of Lenin closes the chapter: workers of oppressing nations must stress the
            freedom of secession, those of oppressed nations the freedom of union.
            """,
            notice=(
                "Lenin's image of the two routes to one point on a page (`VI.42`): the same "
                "goal reached from opposite sides.",
                "`VI.43` calls a socialist of an oppressing nation who fails to advocate "
                'secession "an imperialist and a scoundrel": the quotation carries the '
                "chapter's sharpest words.",
            ),
        ),
    ),
    vocabulary_note="""
    *Nations*, *national*, *peoples*, *oppressed*, *liberation*, *colonies*,
    *self-determination*, *secession*, *internationalism*: the keywords are the
    chapter's subject, with little rhetoric among them. Compare the two lists: *secession*,
    *amalgamation* and *internationalism* rank higher when Lenin's quotations are
    included — the long closing quotation supplies much of that vocabulary.

    Two concordances follow: *secession* and *self-determination*.
    """,
    kwic_terms=("secession", "self-determination"),
    kwic_note="""
    *Secession* appears in the author's theses and in Lenin's words; the `in_quotation`
    column tells which. How is the right of secession qualified each time it appears?
    """,
    explorer_query="colonies",
    concordance_term="nations",
    compare_note="""
    The chapter repeats the structure of Chapter V — the question, the affirmative answer,
    conditional support — for the oppressed nations. Compare the two chapters: how similar
    is their vocabulary, and what do the distinctive words of each tell you?
    """,
    compare_with="V",
    exercises=(
        Exercise(
            prompt="How many list items does section 2 of Chapter VI contain?",
            hint="Filter `ld.paragraphs()` on `chapter == 6 and section == 2` and count the "
            'rows whose `kind` is `"list_item"`.',
            solution='int((ld.paragraphs().query("chapter == 6 and section == 2").kind == "list_item").sum())',
        ),
        Exercise(
            prompt="What share of Chapter VI's words stands inside block quotations of Lenin? "
            "Give a number between 0 and 1 (three decimals are enough).",
            hint='In `ld.tokens()` for `chapter == 6`, the `speaker` column is `"Lenin"` '
            'for words inside his block quotations; `.eq("Lenin")` gives True/False '
            "(fill missing values with False) and `.mean()` the share.",
            solution='round(float(ld.tokens().query("chapter == 6").speaker.eq("Lenin").fillna(False).mean()), 3)',
        ),
        Exercise(
            prompt="Which paragraphs of Chapter VI begin with the word *Formerly*? Give their "
            "ids as a list or set.",
            hint='`.text.str.startswith("Formerly")` on the chapter\'s paragraphs.',
            solution='set(ld.paragraphs().query("chapter == 6").loc[lambda p: p.text.str.startswith("Formerly"), "paragraph_id"])',
        ),
    ),
    discussion="""
    **The argument**

    1. Four contrasts (`VI.5`–`VI.8`): what is said to have changed — the world, or the way
       socialists looked at it? What does the chapter credit to Leninism, and what to the
       war and the revolution?
    2. National movements are judged by their results for the struggle against
       imperialism, not by their programmes or leaders (`VI.12`–`VI.16`). What follows for
       a right of self-determination that is "not an absolute"? Who, in the chapter's
       account, decides a given case?
    3. The chapter upholds the right of secession (`VI.25`) and calls for a union that "can
       only be voluntary" (`VI.27`). How does it reconcile the two? Does Lenin's image of
       two routes to one point (`VI.42`) settle the question?

    **How the text argues**

    4. The paradoxical examples of `VI.15` — an emir and merchants as revolutionaries,
       socialists and a Labour government as reactionaries. What does paradox do for the
       argument? Which readers in 1924 was it likely to persuade, and which to provoke?
    5. The chapter ends with its longest quotation of Lenin. Why end a chapter in someone
       else's words? Compare how Chapters IV and VIII end (`IV.64`, `VIII.52`).
    6. The parallel between `VI.9`–`VI.11` and `V.10`–`V.13` (4.2). Is the national question
       being thought through on its own terms, or fitted into a scheme?

    **Readings and receptions**

    7. In December 1922, in dictated notes on the question of *autonomisation*, Lenin
       criticised Stalin and Ordzhonikidze for their handling of the Georgian communists
       and warned against Great-Russian chauvinism. Historians often read this chapter
       beside that episode. How do `VI.33`–`VI.35` read in that light? What are the risks
       of reading a text through its author's biography?
    8. Ho Chi Minh later wrote (in *The Path Which Led Me to Leninism*, 1960) that reading
       Lenin's theses on the national and colonial questions had been decisive for him.
       Why might the chapter's linking of the national and colonial questions (`VI.5`)
       have appealed to anti-colonial movements, and what might they have made of the
       conditional support of `VI.12`–`VI.13`?
    """,
    further="""
    J. V. Stalin, *Marxism and the National Question* (1913); Lenin, *The Right of Nations
    to Self-Determination* (1914); Terry Martin, *The Affirmative Action Empire: Nations
    and Nationalism in the Soviet Union, 1923–1939* (2001).
    """,
)


def build():
    return chapter_notebook(SPEC)
