"""An index of the people named in the book and of the works it cites by title.

Both are small hand-made gazetteers (a name, how the book spells it, a pattern), matched
over the main text and the footnotes. Only people *named* in the text are listed: the
book alludes to others without naming them (the "permanentists" of Chapter III, for
instance), and those allusions are a matter for interpretation, not for an index.

>>> index = people_index()
>>> kautsky = index.set_index("person").loc["Kautsky"]
>>> int(kautsky["mentions"]), kautsky["chapters"]
(10, 'II, III, IV, VII, VIII')
"""

from __future__ import annotations

import functools

import pandas as pd
import regex

from leninism_data.analysis.textsearch import text_index
from leninism_data.corpus.naming import NUMERALS

# (person as indexed, pattern matched case-sensitively)
PEOPLE: tuple[tuple[str, str], ...] = (
    # Not the edition "Karl Marx and Frederick Engels, Selected Works" (footnotes 4, 12 …)
    (
        "Karl Marx",
        r"\b(?:Karl |K\. )?Marx(?![a-z])(?!\s+and\s+(?:Frederick |F\. )?Engels,\s+Selected Works)",
    ),
    ("Frederick Engels", r"\b(?:Frederick |F\. )?Engels\b(?!,\s+Selected Works)"),
    # Not "the Lenin Enrollment" (the recruitment campaign of 1924 the book is dedicated to)
    ("V. I. Lenin", r"\b(?:V\. I\. )?Lenin(?![a-z])(?!\s+Enrollment)"),
    # Not the signature "—J. St." of the author's notes and glosses: a signature is not a mention
    ("J. V. Stalin", r"\bJ\. ?V\. Stalin"),
    ("Kautsky", r"\b(?:K\. )?Kautsky"),
    ("Plekhanov", r"\bPlekhanov"),
    ("Martov", r"\bMartov\b"),
    ("Dan", r"\bDan\b"),
    ("Potresov", r"\bPotresov\b"),
    ("Axelrod", r"\bAxelrod\b"),
    ("Scheidemann", r"\bScheidemann"),
    ("Noske", r"\bNoske\b"),
    ("MacDonald", r"\bMacDonald"),
    ("Henderson", r"\bHenderson\b"),
    ("Clynes", r"\bClynes\b"),
    ("Renaudel", r"\bRenaudel\b"),
    ("Kerensky", r"\bKerensky\b"),
    ("Tsereteli", r"\bTsereteli\b"),
    ("Chernov", r"\bChernov\b"),
    ("Kornilov", r"\bKornilov\b"),
    ("Kolchak", r"\bKolchak\b"),
    ("Denikin", r"\bDenikin\b"),
    ("Kapp", r"\bKapp\b"),
    ("Kugelmann", r"\bKugelmann\b"),
    ("Turati", r"\bTuratists\b"),
    ("Bakunin", r"\bBakunin(?:ists|isten)\b"),
    ("Rothschild", r"\bRothschilds\b"),
    ("Stinnes", r"\bStinneses\b"),
    ("Rockefeller", r"\bRocke-?fellers\b"),
    ("Morgan", r"\bMorgans\b"),
    ("Nicholas II", r"\bNicholas II\b"),
    ("Wilhelm II", r"\bWilhelm(?: II)?\b"),
    ("George V", r"\bGeorge\b"),
    ("Poincaré", r"\bPoincare\b"),
    ("Ehrenburg", r"\b(?:I\. )?Ehrenburg\b"),
    ("Pilnyak", r"\b(?:B\. )?Pilnyak\b"),
    ("Gogol", r"\bGogol"),
)

# (title, author, pattern matched case-sensitively)
WORKS: tuple[tuple[str, str, str], ...] = (
    ("What Is To Be Done?", "Lenin", r"What Is To Be Done\?"),
    ("Two Tactics of Social-Democracy in the Democratic Revolution", "Lenin", r"\bTwo Tactics\b"),
    (
        "Imperialism, the Highest Stage of Capitalism",
        "Lenin",
        r"(?<=See Lenin, |see |Two Tactics, )Imperialism\b|Imperialism, the Highest Stage",
    ),
    ("The State and Revolution", "Lenin", r"The State and Revolution"),
    (
        "The Proletarian Revolution and the Renegade Kautsky",
        "Lenin",
        r"The Proletarian Revolution and the\s+Renegade Kautsky",
    ),
    ("“Left-Wing” Communism, an Infantile Disorder", "Lenin", r"Left-Wing[”’] Communism"),
    ("One Step Forward, Two Steps Back", "Lenin", r"One Step Forward"),
    ("Materialism and Empirio-Criticism", "Lenin", r"Materialism and Empirio-Criticism"),
    (
        "What the “Friends of the People” Are",
        "Lenin",
        r"What the [“‘]Friends of the People[”’] Are",
    ),
    (
        "On a Provisional Revolutionary Government",
        "Lenin",
        r"On a\s+Provisional (?:Revolutionary )?Government",
    ),
    ("Two Lines of the Revolution", "Lenin", r"Two Lines of the Revolution"),
    (
        "The Importance of Gold Now and After the Complete Victory of Socialism",
        "Lenin",
        r"The\s+Importance of Gold",
    ),
    (
        "Social-Democracy and a Provisional Revolutionary Government",
        "Lenin",
        r"Social-Democracy and a\s+Provisional",
    ),
    (
        "The Revolutionary Democratic Dictatorship of the Proletariat and Peasantry",
        "Lenin",
        r"The Revolutionary Democratic Dictatorship of the\s+Proletariat and\s+Peasantry",
    ),
    ("On Party Unity (resolution of the Tenth Congress)", "Lenin", r"On Party Unity"),
    (
        "Resolutions and Decisions of C.P.S.U.(B.) Congresses, Conferences and Central "
        "Committee Plenums",
        "C.P.S.U.(B.)",
        r"Resolutions and Decisions of C\.P\.S\.U\.",
    ),
    ("On Lenin and Leninism", "Stalin", r"On Lenin and Leninism"),
    ("Problems of Leninism", "Stalin", r"Problems of Leninism"),
    ("Letter to Engels of 16 April 1856", "Marx", r"letter to Frederick Engels of April 16, 1856"),
    (
        "Manifesto of the Communist Party",
        "Marx and Engels",
        r"Communist Manifesto|Manifesto of the Communist Party",
    ),
    (
        "Address of the Central Committee to the Communist League",
        "Marx and Engels",
        r"Address to the Communist League|Address of the Central Committee|\bhis Address\b",
    ),
    ("Capital", "Marx", r"First Volume of Capital"),
    ("Theses on Feuerbach", "Marx", r"Theses on Feuerbach"),
    ("Letter to Kugelmann (1871)", "Marx", r"letter to Kugelmann"),
    (
        "Ludwig Feuerbach and the End of Classical German Philosophy",
        "Engels",
        r"Ludwig Feuerbach and the End",
    ),
    ("The Peasant Question in France and Germany", "Engels", r"The Peasant Question"),
    ("The Bakuninists at Work", "Engels", r"The Bakuninists at Work"),
    ("The Percomman (The Perfect Communist Man)", "Ehrenburg", r"The Percomman"),
    ("The Barren Year", "Pilnyak", r"The\s+Barren Year"),
    ("Dead Souls", "Gogol", r"Dead Souls"),
)


def _mentions(entries: list[tuple[str, str]], key: str) -> pd.DataFrame:
    index = text_index(include_footnotes=True)
    rows = []
    for name, pattern in entries:
        for match in regex.finditer(pattern, index.text):
            doc = index.document(match.start())
            where = (
                "footnote"
                if index.footnote[doc] is not None
                else "quotation"
                if index.quoted[match.start()]
                else "text"
            )
            rows.append(
                {
                    key: name,
                    "as_printed": match.group(0),
                    "where": where,
                    "paragraph_id": index.paragraph_ids[doc],
                    "footnote": index.footnote[doc],
                    "chapter": int(index.chapter[doc]),
                    "page": index.page(doc, match.start() - index.starts[doc]),
                    "offset": match.start(),
                }
            )
    frame = pd.DataFrame(rows).sort_values(["offset", key], ignore_index=True)
    frame["footnote"] = frame["footnote"].astype("Int64")
    return frame.drop(columns="offset")


@functools.lru_cache(maxsize=1)
def _people() -> pd.DataFrame:
    return _mentions(list(PEOPLE), "person")


@functools.lru_cache(maxsize=1)
def _works() -> pd.DataFrame:
    frame = _mentions([(title, pattern) for title, _, pattern in WORKS], "work")
    author = {title: who for title, who, _ in WORKS}
    frame.insert(1, "author", frame["work"].map(author))
    return frame


def people() -> pd.DataFrame:
    """One row per mention of a person: ``person``, ``as_printed``, ``where`` ("text":
    the author's words, "quotation": inside a quoted passage, "footnote"), ``paragraph_id``,
    ``footnote`` (when the mention is in a footnote), ``chapter``, ``page``.

    >>> people().query("person == 'Kugelmann'")[["paragraph_id", "page"]].values.tolist()
    [['IV.34', 42]]
    """
    return _people().copy()


def works() -> pd.DataFrame:
    """One row per mention of a work by title: ``work``, ``author``, ``as_printed``,
    ``where`` (as in :func:`people`), ``paragraph_id``, ``footnote``, ``chapter``, ``page``.

    >>> works().query("work == 'What Is To Be Done?'")["paragraph_id"].tolist()
    ['I.29', 'III.16', 'VII.10']
    """
    return _works().copy()


def _index(mentions: pd.DataFrame, key: str, order: list[str]) -> pd.DataFrame:
    by_chapter = mentions.pivot_table(
        index=key, columns="chapter", values="page", aggfunc="size", fill_value=0
    )
    by_chapter = by_chapter.reindex(columns=range(10), fill_value=0)
    by_chapter.columns = [NUMERALS[c] for c in by_chapter.columns]
    summary = mentions.groupby(key).agg(
        mentions=("page", "size"),
        chapters=("chapter", lambda c: ", ".join(NUMERALS[x] for x in sorted(set(c)))),
        paragraph_ids=("paragraph_id", lambda p: tuple(dict.fromkeys(p))),
        pages=("page", lambda p: tuple(sorted(set(p)))),
        in_text=("where", lambda w: int((w == "text").sum())),
        in_quotations=("where", lambda w: int((w == "quotation").sum())),
        in_footnotes=("where", lambda w: int((w == "footnote").sum())),
    )
    frame = summary.join(by_chapter).reindex([o for o in order if o in summary.index])
    return frame.reset_index()


def people_index() -> pd.DataFrame:
    """One row per person: ``mentions``, ``chapters``, ``paragraph_ids`` (of the text or
    of the marker of the footnote), ``pages``, ``in_text``, ``in_quotations`` and
    ``in_footnotes`` (where the mentions stand: the author's words, quoted passages,
    footnotes), and a column of mention counts for each chapter ("Introduction" … "IX").

    The author's signature "—J. St." is not a mention of him, nor is the edition name
    "Karl Marx and Frederick Engels, Selected Works" a mention of Marx or Engels, nor the
    "Lenin Enrollment" a mention of Lenin.

    >>> stalin = people_index().set_index("person").loc["J. V. Stalin"]
    >>> int(stalin["mentions"]), int(stalin["in_footnotes"])
    (5, 4)
    """
    return _index(_people(), "person", [name for name, _ in PEOPLE])


def works_index() -> pd.DataFrame:
    """One row per work cited by title, as :func:`people_index`, with its ``author``."""
    frame = _index(_works(), "work", [title for title, _, _ in WORKS])
    frame.insert(1, "author", frame["work"].map({t: a for t, a, _ in WORKS}))
    return frame
