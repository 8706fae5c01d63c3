"""Layer 1: read and verify the shipped source text and parse it, once, into immutable
records (chapters, sections, paragraphs, footnotes, references, hyphenation), plus the
naming of chapters, paragraph ids and the stopword list.

Each private stage undoes one artifact of the PDF extraction: :mod:`.source` checks the
file's sha256, :mod:`.layout` finds pages and footnotes, :mod:`.joining` rejoins lines
and hyphens, :mod:`.structure` finds sections, paragraphs and quotations,
:mod:`.references` the in-text references; :func:`.book.book` runs them all.
"""
