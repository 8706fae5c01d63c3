"""Interactive views of the book for JupyterLab and Voilà (ipywidgets).

Each widget is a small composite ``VBox`` that wires its controls to the analysis
functions of :mod:`leninism_data` and renders their results; ``.result`` holds the data
behind the current view as a DataFrame.

========================  ==========================================================
:class:`Explorer`         filter and search the paragraphs, a page of results at a time
:class:`Concordance`      keyword in context, with the paragraph and reference of a line
:class:`Trends`           frequency of terms across chapters or sections, dispersion
:class:`Compare`          two chapters or sections: distinctive and shared words
:class:`WordList`         every term with its frequency, range and dispersion
:class:`Collocates`       the words that keep company with a node word
:class:`Clusters`         repeated phrases of n words
:class:`Reader`           read chapter by chapter or section by section, with footnotes
:class:`Citations`        references to Lenin's Works by volume, page and chapter
:class:`PassageFinder`    the paragraphs that bear on a claim or a question
:class:`Quiz`             written self-check questions: feedback, score, saved progress
:class:`Companion`        glossary, people, works and timeline of events, with search
========================  ==========================================================

Charts (:mod:`leninism_data.widgets.charts`, inline SVG in the theme's colours, each with
its data as ``.result``): :func:`bar_chart`, :func:`grouped_bar_chart`,
:func:`line_chart`, :func:`dispersion_chart`, :func:`heatmap`.

>>> from leninism_data.widgets import Concordance
>>> Concordance("Shipka", window=3).result[["paragraph_id", "page"]].values.tolist()
[['IV.26', 40]]
"""

from leninism_data.widgets.charts import (
    Chart,
    bar_chart,
    dispersion_chart,
    grouped_bar_chart,
    heatmap,
    line_chart,
)
from leninism_data.widgets.citations import Citations
from leninism_data.widgets.clusters import Clusters
from leninism_data.widgets.collocates import Collocates
from leninism_data.widgets.companion import Companion
from leninism_data.widgets.compare import Compare
from leninism_data.widgets.concordance import Concordance, Location
from leninism_data.widgets.explorer import Explorer
from leninism_data.widgets.notes import Notes
from leninism_data.widgets.passage_finder import PassageFinder
from leninism_data.widgets.quiz import Quiz
from leninism_data.widgets.reader import Reader
from leninism_data.widgets.trends import Trends
from leninism_data.widgets.wordlist import WordList

__all__ = [
    "Chart",
    "Citations",
    "Clusters",
    "Collocates",
    "Companion",
    "Compare",
    "Concordance",
    "Explorer",
    "Location",
    "Notes",
    "PassageFinder",
    "Quiz",
    "Reader",
    "Trends",
    "WordList",
    "bar_chart",
    "dispersion_chart",
    "grouped_bar_chart",
    "heatmap",
    "line_chart",
]
