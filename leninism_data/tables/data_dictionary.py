"""What every column of every table means (used by ``leninism-study export`` and tests)."""

from __future__ import annotations

_CHAPTER = "chapter number: 0 = Introduction, 1–9 = Chapters I–IX"
_SECTION = "section number within the chapter: 0 = text before the first numbered section"
_PAGE = "printed page number in the edition"
_PID = "citable paragraph id, e.g. 'IV.27' (Chapter IV, paragraph 27) or 'Intro.3'"
N_WORDS = (
    "number of words (see leninism_data.corpus.words) outside references: every word token "
    "except those inside a parenthesised reference such as '(See Vol. XXV, p. 190.)' or the "
    "signature 'J. St.' (tokens.in_citation); the one size used by every table and statistic"
)
"""The one definition of ``n_words``, shared by chapters, sections, paragraphs, pages and
sentences (footnotes and quotations say what they count)."""

DATA_DICTIONARY: dict[str, dict[str, str]] = {
    "chapters": {
        "chapter": _CHAPTER,
        "numeral": "Roman numeral as printed ('' for the Introduction)",
        "label": "short label, ordered: 'Introduction', 'I' … 'IX'",
        "heading": "the chapter heading as printed ('Chapter IV', 'Introduction')",
        "title": "the chapter title",
        "first_page": "printed page on which the chapter opens",
        "last_page": "last printed page of the chapter's text",
        "n_sections": "number of numbered sections",
        "n_paragraphs": "number of paragraphs (all kinds)",
        "n_words": N_WORDS,
        "n_citation_words": "words inside references and signatures (tokens.in_citation); "
        "n_words + n_citation_words = every word of the chapter's paragraphs",
        "n_footnotes": "number of footnotes whose markers stand in the chapter",
        "n_citations": "number of in-text citations (see citations)",
        "n_quotations": "number of quotations, block and inline",
        "n_quoted_words": "quoted words (tokens.in_quotation), block and inline quotations",
    },
    "sections": {
        "chapter": _CHAPTER,
        "section": _SECTION,
        "label": "short label: 'III.1' for a numbered section, 'III' for section 0",
        "title": "run-in heading without its number and final period; section 0 is titled "
        "'Before section 1' in Chapters III–VIII and takes the chapter's title in "
        "the chapters without numbered sections (where it is the whole chapter)",
        "first_page": "printed page on which the section begins",
        "last_page": "last printed page of the section",
        "n_paragraphs": "number of paragraphs",
        "n_words": N_WORDS,
    },
    "paragraphs": {
        "paragraph_id": _PID,
        "chapter": _CHAPTER,
        "chapter_label": "ordered chapter label: 'Introduction', 'I' … 'IX'",
        "section": _SECTION,
        "position": "0-based position in reading order through the whole book",
        "number": "1-based position within the chapter (the number in paragraph_id)",
        "kind": "'prose', 'quotation' (block quotation), 'list_item' or 'front_matter'",
        "text": "clean text: lines joined, hyphenation undone, footnote markers removed",
        "page": "printed page on which the paragraph begins",
        "page_end": "printed page on which it ends",
        "footnotes": "numbers of the footnotes whose markers it carries",
        "footnote_markers": "(offset, footnote) pairs: where in text each footnote marker "
        "stood (the character it followed ends at offset)",
        "page_breaks": "(offset, page) pairs: the printed page that starts at each offset of "
        "text (the first pair is (0, page))",
        "n_words": N_WORDS,
        "n_citation_words": "words inside references and signatures (tokens.in_citation)",
        "quotation_id": "the block quotation it belongs to, if any (inline quotations: see "
        "quotations and tokens)",
        "speaker": "who is quoted, for quotation paragraphs",
    },
    "footnotes": {
        "footnote": "footnote number, 1–32",
        "text": "clean text of the note",
        "chapter": _CHAPTER,
        "paragraph_id": "paragraph carrying the note's marker",
        "page": _PAGE,
        "by_author": "True for Stalin's own notes (signed '—J. St.'), False for the editors'",
        "n_words": "number of words of the note, all of them (footnotes are not in tokens)",
    },
    "citations": {
        "citation_id": "1-based number of the reference in reading order",
        "paragraph_id": "paragraph containing the reference",
        "chapter": _CHAPTER,
        "section": _SECTION,
        "page": _PAGE,
        "raw": "text inside the parentheses, clean",
        "author": "whose work is cited: 'Lenin', 'Engels' or 'Marx and Engels'",
        "work": "title of the work cited, where the reference names one",
        "volume": "volume number (Roman numeral as integer); an Ibid. takes its referent's",
        "pages": "pages as printed ('190', '173 and 189', '282-83')",
        "ibid": "True for an Ibid. reference",
        "ibid_of": "citation_id an Ibid. refers back to",
        "edition": "'Lenin, Works, 3rd Russian edition' for volume references to Lenin",
        "quotation_id": "the quotation (block or inline) the reference closes, if any",
        "start": "character offset of '(' in the paragraph text",
        "end": "character offset after ')'",
    },
    "quotations": {
        "quotation_id": "1-based number of the quotation, block and inline together, in "
        "reading order",
        "form": "'block' (whole paragraphs set off in print) or 'inline' (a cited or attributed "
        "quotation inside a prose paragraph; see leninism_data.corpus.quoting)",
        "paragraph_id": "first paragraph of the quotation",
        "paragraph_ids": "all paragraphs it spans",
        "chapter": _CHAPTER,
        "section": _SECTION,
        "page": "printed page on which it begins",
        "speaker": "who is quoted: 'Lenin', 'Marx', 'Engels' or 'Marx and Engels'",
        "text": "block: the quotation's paragraphs joined by a space; inline: the quoted spans, "
        "quote marks included, joined by ' … '",
        "n_words": "number of quoted words (tokens with this quotation_id): the author's glosses "
        "and the reference are not counted",
        "citation_id": "the in-text citation that closes it, if any",
        "start": "offset of its first quote mark in its first paragraph's text",
        "end": "offset after its last quoted character in its last paragraph's text",
    },
    "sentences": {
        "sentence_id": "paragraph id and 1-based sentence number, e.g. 'IV.27.2'",
        "paragraph_id": _PID,
        "chapter": _CHAPTER,
        "section": _SECTION,
        "page": "printed page on which the sentence begins",
        "text": "the sentence",
        "n_words": N_WORDS,
    },
    "tokens": {
        "token_index": "0-based position of the word in the whole main text",
        "paragraph_id": _PID,
        "sentence_id": "sentence containing the word",
        "chapter": _CHAPTER,
        "section": _SECTION,
        "page": _PAGE,
        "offset": "character offset of the word in its paragraph's text",
        "token": "the word as printed ('i.e.' and 'e.g.' are one word each)",
        "lower": "the word in lower case",
        "term": "the form counted by frequency functions: lower case, possessive ’s removed "
        "(contractions such as 'let’s' kept whole)",
        "is_stopword": "True if the word is in the shipped stopword list",
        "in_quotation": "True for a quoted word of a block or inline quotation (not the "
        "author's glosses such as '(i.e., the Russian Marxists-J. St.)', not references)",
        "speaker": "who is quoted, for words in a quotation",
        "quotation_id": "the quotation the word belongs to, if in_quotation",
        "in_quote_marks": "True inside any “…” (quotations, run-in quotes, scare quotes)",
        "in_citation": "True inside a parenthesised reference ('(See Vol. XXV, p. 190.)', "
        "'(Ibid., p. 191.)') or the signature 'J. St.'; left out of every count by default",
    },
    "pages": {
        "page": _PAGE,
        "chapter": "chapter of the page's first word",
        "n_words": N_WORDS + " (main text on the page)",
        "first_paragraph_id": "paragraph in which the page's first word stands",
        "n_footnote_words": "words in the footnotes printed on the page",
    },
    "editorial_references": {
        "reference_id": "1-based number in footnote order",
        "footnote": "footnote containing the reference",
        "author": "'Lenin' (Works) or 'Marx and Engels' (Selected Works)",
        "work": "title of the work, where the note quotes one",
        "edition": "'Lenin, Works, 4th Russian edition' or "
        "'Marx and Engels, Selected Works, Moscow, 1951'",
        "volume": "volume number (Arabic or Roman numeral as integer)",
        "pages": "pages as printed",
    },
    "hyphenation": {
        "lineno": "line of the source file that ends in the hyphen",
        "left": "word part before the line end, hyphen included ('pet-')",
        "right": "word continuing the next line ('ty-bourgeois')",
        "result": "the word in the clean text ('petty-bourgeois')",
        "kept_hyphen": "True when the hyphen belongs to a real compound",
        "evidence": "how each spelling occurs elsewhere in the book, or the default rule",
    },
}
