"""Collocates: the words that keep company with a node word, ranked by a chosen measure."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
import pandas as pd

import leninism_data as ld
from leninism_data.widgets._base import LABEL_STYLE, StudyWidget, check_choice, checkbox, repr_text
from leninism_data.widgets._html import escape, message, number, plural, view
from leninism_data.widgets._measures import explain, header
from leninism_data.widgets._paged_table import PagedTable
from leninism_data.widgets._search_options import (
    SearchControls,
    SearchOptions,
    widget_message,
)

MEASURE_OPTIONS = [
    ("log-Dice", "log_dice"),
    ("MI", "mi"),
    ("t-score", "t_score"),
    ("log-likelihood (G²)", "log_likelihood"),
]
FIELDS = ["query", "include_quotations", "include_citations"]
MAX_SPAN = 10
PAGE_SIZE = 20


class Collocates(StudyWidget):
    """Words found near a node word more often than chance (AntConc's Collocates).

    Choose the node word, how many words to look at on its left and right, the measure
    to rank by and the least number of times a pair must occur. Every measure is shown,
    each explained in one line under the table. Type the node word and press Enter.

    Parameters
    ----------
    node : str, default "dictatorship"
        A word or a wildcard (``proletar*``).
    left, right : int, default 5
        Span in running words before and after the node (0–10), as AntConc's L5–R5;
        the two may differ, and 0 looks on one side only.
    measure : {"log_dice", "mi", "t_score", "log_likelihood"}
    min_freq : int, default 3
        Least number of times together.
    stopwords : bool, default False
        Also count stopwords as collocates.
    include_quotations : bool, default True
    include_citations : bool, default False
        Keep the words of references in the running text.

    Attributes
    ----------
    result : pandas.DataFrame
        :func:`leninism_data.collocates` for these options.

    Examples
    --------
    >>> collocates = Collocates("dictatorship")
    >>> collocates
    Collocates(node='dictatorship', log_dice, 7 collocates)
    >>> collocates.result["collocate"].head(2).tolist()
    ['proletariat', 'achieving']
    """

    def __init__(
        self,
        node: str = "dictatorship",
        *,
        left: int = 5,
        right: int = 5,
        measure: str = "log_dice",
        min_freq: int = 3,
        stopwords: bool = False,
        include_quotations: bool = True,
        include_citations: bool = False,
    ) -> None:
        check_choice("measure", measure, [value for _, value in MEASURE_OPTIONS])
        for name, value in (("left", left), ("right", right)):
            if not 0 <= value <= MAX_SPAN:
                raise ValueError(f"{name} must be between 0 and {MAX_SPAN} words, not {value}.")
        if min_freq < 1:
            raise ValueError(f"min_freq must be at least 1, not {min_freq}.")
        self._search = SearchControls(
            SearchOptions(
                node, include_quotations=include_quotations, include_citations=include_citations
            ),
            FIELDS,
            analysis=ld.collocates,
            on_change=self._refresh,
            query_label="Node word",
            placeholder="dictatorship, peasant* …",
        )
        span = {"min": 0, "max": MAX_SPAN, "style": LABEL_STYLE}
        self._left = widgets.BoundedIntText(
            value=left, description="Left span", layout=widgets.Layout(width="9em"), **span
        )
        self._right = widgets.BoundedIntText(
            value=right, description="Right span", layout=widgets.Layout(width="9em"), **span
        )
        self._measure = widgets.Dropdown(
            options=MEASURE_OPTIONS, value=measure, description="Rank by", style=LABEL_STYLE
        )
        self._min_freq = widgets.BoundedIntText(
            value=min_freq,
            min=1,
            max=100,
            description="Min. together",
            style=LABEL_STYLE,
            layout=widgets.Layout(width="11em"),
        )
        self._stopwords = checkbox("Include stopwords", stopwords)
        self._summary = widgets.HTML()
        self._table = PagedTable(PAGE_SIZE, "collocates")
        super().__init__(
            [
                self._search,
                widgets.HBox(
                    [self._left, self._right, self._measure, self._min_freq, self._stopwords]
                ),
                self._summary,
                self._table,
            ]
        )
        for control in (self._left, self._right, self._measure, self._min_freq, self._stopwords):
            control.observe(self._on_option_change, "value")
        self._refresh()

    def _repr_fields(self) -> list[str]:
        return repr_text("node", self._search.options.query) + [
            self._measure.value,
            plural(len(self._result), "collocate"),
        ]

    def _on_option_change(self, _change: dict) -> None:
        self._refresh()

    def arguments(self) -> dict[str, Any]:
        """The keyword arguments of :func:`leninism_data.collocates` behind the table."""
        return {
            **self._search.options.arguments(ld.collocates),
            "left": self._left.value,
            "right": self._right.value,
            "measure": self._measure.value,
            "min_freq": self._min_freq.value,
            "stopwords": self._stopwords.value,
        }

    def _refresh(self) -> None:
        node = self._search.options.query
        self._result = pd.DataFrame(columns=["collocate", "observed"])
        if not node:
            self._summary.value = view(message("Type a node word and press Enter."))
            self._table.clear()
            return
        try:
            self._result = ld.collocates(node, **self.arguments())
        except ValueError as error:
            self._summary.value = view(message(widget_message(error), "warning"))
            self._table.clear()
            return
        measure = self._measure.value
        self._summary.value = view(
            f"<b>{plural(len(self._result), 'collocate')}</b> of “{escape(node)}” "
            f"within {self._left.value} words left and {self._right.value} right, "
            f"ranked by {header(measure)}"
            if len(self._result)
            else message("No word occurs that often near it: lower “Min. together”.")
        )
        measures = [value for _, value in MEASURE_OPTIONS]
        ordered = [measure] + [m for m in measures if m != measure]
        self._table.show(
            self._result,
            {
                "collocate": "collocate",
                "observed": "together",
                "left": "left",
                "right": "right",
                "f_coll": "in the book",
                **{m: header(m) for m in ordered},
            },
            formats={m: lambda v: number(v, 2) for m in measures},
            note=explain("observed", *ordered),
        )
