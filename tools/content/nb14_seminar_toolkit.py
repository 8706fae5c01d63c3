"""14 Seminar toolkit: notes anchored to paragraph ids, handouts, and a reading plan."""

from nbkit import (
    NAV_BOTTOM,
    Exercise,
    code,
    exercise_cells,
    lab_header,
    md,
    nav,
    notebook,
    setup_cells,
)

SUMMARY = (
    "notes anchored to paragraph ids that are never lost, printable handouts for a "
    "session, and a reading plan that splits the book into sessions of equal length"
)

EXERCISES = (
    Exercise(
        prompt="Make a reading plan for a five-session reading group. Which session is the "
        "longest? Assign its number (an int).",
        hint="`reading_plan(5)` has a `session` and an `n_words` column: "
        '`.set_index("session")["n_words"].idxmax()`.',
        solution='int(reading_plan(5).set_index("session")["n_words"].idxmax())',
    ),
    Exercise(
        prompt="Make a handout of every paragraph that contains the word *vanguard*, and "
        "assign the paragraph ids it holds, in the order it shows them.",
        hint='`ld.search("vanguard")["paragraph_id"]` gives the ids; a handout keeps '
        "them in `.paragraph_ids`.",
        solution='handout(ld.search("vanguard")["paragraph_id"]).paragraph_ids',
    ),
    Exercise(
        prompt="How many notes in the demonstration store carry the tag *definitions*? "
        "(Tags are stored in lower case.)",
        hint='`store.list(tag="definitions")` is a DataFrame with one row per note.',
        solution='len(store.list(tag="definitions"))',
    ),
)


def build():
    cells = [
        *lab_header(
            "Seminar toolkit: notes, handouts and a reading plan",
            """
            The other notebooks help you read the book; this one helps you *work* with it
            over several weeks, alone or in a seminar: a notes store that keeps your notes
            attached to the book's paragraph ids, handouts that put chosen passages on a
            page you can print, and a reading plan that cuts the book into sessions of
            about equal length.
            """,
            learn=(
                "how to attach notes and tags to a paragraph (`IV.27`) or a footnote "
                "(`fn:10`), find them again and export them as a Markdown study sheet;",
                "how to write notes in the `Notes` widget, beside the paragraph they are about;",
                "how to make a handout for a session: the passages with their ids and "
                "printed pages, footnotes, references, your notes and discussion questions, "
                "as a page to print or a Markdown file;",
                "how to plan a seminar: the book in six or eight sessions of about equal "
                "length, with pages, words and an estimate of reading time.",
            ),
            time="about 40 minutes",
            prerequisites="*00 Start here* (paragraph ids, the tables). The chapter "
            "notebooks are not needed, though the examples come from Chapters "
            "III and IV. This notebook writes its example notes to a temporary "
            "file, so running it never touches your own notes; section 5 says "
            "how to use your own.",
        ),
        *setup_cells(("Notes", "Reader")),
        code(
            """
        from leninism_data.seminar.handouts import handout
        from leninism_data.seminar.reading_plan import reading_plan, reading_plan_handout
        """,
            id="imports",
        ),
        md(
            """
        ## 1. Notes anchored to paragraph ids

        A note is only as useful as your ability to find the passage it was about. The
        notes store therefore attaches each note to a *paragraph id* — `III.7` is the
        seventh paragraph of Chapter III — or to a footnote, written `fn:10`. These ids are
        the ones every table and notebook of the series uses, so a note can be joined to
        `ld.paragraphs()`, quoted with `ld.cite()` and found again from any notebook.

        The notes live in a small SQLite file. Each change is written to disk as one
        transaction the moment you make it: a crashed kernel or a closed browser tab loses
        nothing, and two notebooks can write to the same file at once. `ld.NoteStore()`
        opens the file named by the environment variable `LENINISM_STUDY_NOTES` if it is
        set, and otherwise a per-user file that stays in place between sessions.

        For this demonstration we point that variable at a file in a new temporary
        folder:
        """,
            id="notes-intro",
        ),
        code(
            """
        import os
        import shutil
        import tempfile
        from pathlib import Path

        # A throwaway notes file for this notebook only (see "Your own notes" at the end).
        workspace = Path(tempfile.mkdtemp(prefix="leninism-seminar-"))
        os.environ["LENINISM_STUDY_NOTES"] = str(workspace / "notes.sqlite3")

        store = ld.NoteStore()
        print(f"The demonstration store holds {len(store)} notes.")
        """,
            id="notes-store",
        ),
        md(
            """
        `add` attaches a note to an anchor and returns it with its number. Tags are
        optional; they are folded to lower case, so `Theory` and `theory` are one tag. An
        anchor the book does not have is refused with a suggestion, so a typing slip
        cannot leave a note attached to nothing.
        """,
            id="notes-add-intro",
        ),
        code(
            """
        store.add("III.6", "Theory is defined as generalised experience; practice and theory "
                  "are then presented as needing each other.", tags=["definitions", "theory"])
        store.add("III.7", "The first Lenin quotation of the chapter, placed right after the "
                  "definition in III.6. The italics are the author's (footnote 10).",
                  tags=["Theory", "quotations"])
        store.add("fn:10", "Signed J. St.: one of the author's own notes, not the editors'. "
                  "Compare ld.footnotes().by_author.", tags=["sources"])
        store.add("IV.27", "Two criteria in one paragraph: how the dictatorship arises (in the "
                  "breaking up of the old order) and what it rests on (force).",
                  tags=["definitions", "dictatorship"])
        store.list()[["note_id", "anchor", "chapter", "tags", "text"]]
        """,
            id="notes-add",
        ),
        code(
            """
        for anchor, text in [("III.7", "   "), ("iii.7", "A note on the quotation.")]:
            try:
                store.add(anchor, text)
            except ld.NoteError as problem:
                print(f"{anchor!r}: {problem}")
        """,
            id="notes-errors",
        ),
        md(
            """
        Notes are found again by chapter, by tag, by anchor, or by searching their text
        and tags. Every result is a DataFrame with the columns of `store.list()`, so it
        joins the tables of the book on `paragraph_id`:
        """,
            id="notes-find-intro",
        ),
        code(
            """
        definitions = store.list(tag="definitions")
        definitions[["anchor", "text"]].merge(
            ld.paragraphs()[["paragraph_id", "page", "n_words"]],
            left_on="anchor", right_on="paragraph_id")
        """,
            id="notes-find",
        ),
        code(
            """
        store.search("quotation")[["anchor", "tags", "text"]]
        """,
            id="notes-search",
        ),
        md(
            """
        ### Writing notes beside the text: the `Notes` widget

        The widget shows a paragraph with its id, printed pages and footnote markers, the
        notes already attached to it, and a box for a new one. Type a note and its tags and
        press *Save*; choose an earlier note in the list to change it or delete it (its
        text stays in the box, so *Save* brings it back). Type another id in the
        *Paragraph* box and press Enter to move on. The widget writes to the same store,
        so what you save appears at once in `store.list()` — and in the handouts below.
        """,
            id="widget-intro",
        ),
        code('Notes("III.7", store=store)', id="widget"),
        md(
            """
        The **Reader** carries the same panel: `Reader(..., notes=store)` opens the text
        with the notes panel under it. The panel follows the paragraph you go to (type an
        id or a page in *Go to*), and the margin shows how many notes each paragraph has.
        """,
            id="reader-notes-intro",
        ),
        code('Reader(paragraph_id="III.7", notes=store)', id="reader-notes"),
        md(
            """
        ### Exporting notes

        `export_markdown` turns the notes into a study sheet: one heading per chapter in
        book order, each passage quoted with its id and printed pages, and the notes on it
        with their tags. Anything in a note that would break the sheet's layout is
        escaped. `export_csv` and `export_json` write files a classmate can bring into
        their own store with `import_file`, which skips notes it already has.
        """,
            id="export-intro",
        ),
        code(
            """
        sheet = store.export_markdown()
        print(sheet)
        """,
            id="export",
        ),
        code(
            """
        written = store.export_markdown(workspace / "my-notes.md")
        shared = store.export_json(workspace / "my-notes.json")
        with ld.NoteStore(":memory:") as classmate:
            print("a classmate imports", classmate.import_file(workspace / "my-notes.json"),
                  "notes, then again:", classmate.import_file(workspace / "my-notes.json"))
        """,
            id="export-files",
        ),
        md(
            """
        ## 2. A handout for a session

        `handout` puts passages on one page. Give it a chapter (`"IV"` or `4`), a section
        (`"III.1"`) or a list of paragraph ids; add a title, discussion questions and a
        notes store if you like. Each passage comes with:

        - its paragraph id and printed page(s), and the page breaks of the printed edition
          where they fall in the text, so that page references can be checked;
        - the footnote markers at their place in the text and the footnotes under it;
        - the references it makes, with the volume spelled out and *Ibid.* resolved;
        - your notes on the passage and on its footnotes.

        The questions come last; printed, they start a page of their own with room to
        write. Here is a handout for section 1 of Chapter III, with the notes above:
        """,
            id="handout-intro",
        ),
        code(
            """
        questions = [
            "How does III.6 define theory, and what does the definition let the author "
            "argue in the rest of the section?",
            "What does the quotation in III.7 add to the author's own claims? Why quote "
            "rather than paraphrase?",
            "Whose views does III.5 describe, and how are they characterised?",
            "Why might a section on the importance of theory end with Lenin's work in "
            "philosophy (III.11)?",
        ]
        session_sheet = handout("III.1", questions=questions, notes=store)
        session_sheet
        """,
            id="handout-section",
        ),
        md(
            """
        The same handout exists as a standalone HTML page (`.html`, with its own print
        style: a serif text face, footnotes and notes kept together with their passage,
        headings kept with what follows) and as Markdown (`.markdown`). `save` picks the
        form from the file name. Open the HTML file in a browser and print it, or share
        the Markdown file; both are plain files that need nothing from this package.
        """,
            id="handout-save-intro",
        ),
        code(
            """
        for name in ("session-handout.html", "session-handout.md"):
            path = session_sheet.save(workspace / name)
            print(f"{path.name}: {path.stat().st_size:,} bytes")
        """,
            id="handout-save",
        ),
        md(
            """
        A handout of chosen passages keeps the order you give. With `format="markdown"`
        it displays as Markdown in the notebook — the form to paste into a shared
        document. Everything from the book, from a note or from you (a title, a question)
        is escaped, so a note containing markup is printed as written:
        """,
            id="handout-pick-intro",
        ),
        code(
            """
        store.add("IV.27", "Compare with <VII.30> & the chapter on the Party.")
        handout(["IV.27", "III.7"], title="Two definitions: the dictatorship and theory",
                questions=["Which of the two passages argues, and which asserts?"],
                notes=store, format="markdown")
        """,
            id="handout-pick",
        ),
        md(
            """
        A whole chapter makes a longer handout, built in the same way and in a few
        milliseconds; here we only look at its size:
        """,
            id="handout-chapter-intro",
        ),
        code(
            """
        chapter_sheet = handout("IV", notes=store)
        print(repr(chapter_sheet))
        print(f"{len(chapter_sheet.html):,} characters of HTML, {len(chapter_sheet.markdown):,} of Markdown")
        """,
            id="handout-chapter",
        ),
        md(
            """
        ## 3. A reading plan

        How should a seminar divide the book between its meetings? Chapters differ a great
        deal in length, so one chapter per meeting gives very uneven loads. `reading_plan`
        splits the book into the number of sessions you ask for, following three rules:

        1. the book is cut only between sections, never inside one, and read in order;
        2. a chapter's opening text (its section 0, before section 1) is read with its
           first section, so no session ends on a chapter's first lines;
        3. among all such plans, it takes the one whose longest session is shortest, and,
           among those, the one whose sessions are most even (smallest sum of squared
           lengths).

        The third rule is solved exactly by dynamic programming (the *linear partition*
        problem), so the plan is the best possible under the first two rules, not an
        approximation. Lengths are words of the main text; reading time is estimated at a
        speed you can change with `words_per_minute`.

        An eight-session plan:
        """,
            id="plan-intro",
        ),
        code(
            """
        plan = reading_plan(8)
        plan[["session", "first", "last", "first_paragraph", "last_paragraph",
              "first_page", "last_page", "n_words", "minutes"]]
        """,
            id="plan-8",
        ),
        code(
            """
        fig, ax = plt.subplots(figsize=(8, 3))
        ax.bar(plan["session"].astype(str), plan["n_words"], color="tab:blue")
        ax.axhline(plan["n_words"].mean(), color="tab:gray", linestyle="--", label="mean")
        ax.set_xlabel("session")
        ax.set_ylabel("words")
        ax.set_title("Words per session in an eight-session plan")
        ax.legend()
        plt.show()
        """,
            id="plan-8-chart",
        ),
        md(
            """
        Why are the sessions not exactly equal? Because a section is never split, the
        longest section puts a floor under the longest session, and the remaining
        sections must fit around it. The longest sections of the book:
        """,
            id="plan-floor-intro",
        ),
        code(
            """
        # A chapter without numbered sections is one section (0), titled by its chapter.
        chapter_titles = ld.chapters().set_index("chapter")["title"]
        sections = ld.sections()
        sections["title"] = sections["title"].where(sections["title"] != "",
                                                    sections["chapter"].map(chapter_titles))
        sections.nlargest(3, "n_words")[["label", "title", "first_page", "last_page", "n_words"]]
        """,
            id="plan-floor",
        ),
        code(
            """
        # How even are plans of different sizes? Longest and shortest session, in words.
        rows = []
        for n_sessions in (4, 6, 8, 10, 12):
            words = reading_plan(n_sessions)["n_words"]
            rows.append({"sessions": n_sessions, "longest": words.max(), "shortest": words.min(),
                         "longest / shortest": round(words.max() / words.min(), 2)})
        pd.DataFrame(rows)
        """,
            id="plan-evenness",
        ),
        md(
            """
        Read the table from top to bottom. Up to a point, more sessions make every
        session shorter. Past it, the longest session is a single section that cannot be
        cut, and further sessions only make the short ones shorter: a plan of that size
        is uneven because of how the book is divided, not because of the method.

        A six-session plan at a slower reading speed, as a handout for the first meeting:
        the table of sessions, then each session's sections with their titles, pages and
        length.
        """,
            id="plan-handout-intro",
        ),
        code(
            """
        plan_sheet = reading_plan_handout(6, words_per_minute=150,
                                          title="The Foundations of Leninism: a six-session seminar")
        plan_sheet.save(workspace / "reading-plan.html")
        plan_sheet
        """,
            id="plan-handout",
        ),
        *exercise_cells(
            EXERCISES,
            heading="## 4. Exercises",
            intro="""
        Each exercise has a cell for your answer, a collapsed solution and a check.
        """,
        ),
        md(
            """
        ## 5. Your own notes, and a seminar routine

        **Your own notes.** The notes above went to a temporary file. To keep notes for
        real, restart the kernel (or do not run the cell that sets `LENINISM_STUDY_NOTES`):
        `ld.NoteStore()` and `Notes()` then use your personal notes file, which stays where
        it is from one session to the next. To keep a seminar's notes apart, give the
        path of a file of your own: `ld.NoteStore("~/seminar/notes.sqlite3")`.

        **A routine for a seminar** that uses these tools:

        1. At the first meeting, agree on a plan (`reading_plan_handout`) and hand it out.
        2. Before each meeting, the convenor makes a handout of the passages to discuss,
           with questions.
        3. While reading, each participant writes notes in the `Notes` widget or with
           `store.add`, tagging them by theme.
        4. After the meeting, participants export their notes (`export_json`) and import
           each other's (`import_file`); a handout made with everyone's notes becomes the
           record of the discussion.

        The next cell closes the demonstration store and removes its temporary folder.
        """,
            id="routine",
        ),
        code(
            """
        store.close()
        shutil.rmtree(workspace)
        del os.environ["LENINISM_STUDY_NOTES"]
        """,
            id="cleanup",
        ),
        md(
            """
        ## 6. For discussion

        1. A paragraph id names a unit of this edition; a page number names a place in a
           printed copy. What does each make easy to check, and what does each hide? When
           would you cite both?
        2. A handout lifts passages out of their surroundings. Which of the passages in the
           section handout above change their meaning least, and which most, when read
           alone? What would you add to the page to limit the loss?
        3. The reading plan divides the book by length. Where does that division cut
           across the book's own structure of argument, and would you move a boundary for
           the sake of the argument even if the sessions became less even?
        4. Your notes are kept apart from the text but tied to it by an id. How does the
           way you annotate (tags, short glosses, questions to the text) shape what you
           will later find in the book?
        """,
            id="discussion",
        ),
        nav(NAV_BOTTOM),
    ]
    return notebook(cells, summary=SUMMARY)
