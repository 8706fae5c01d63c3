"""PassageFinder: paste a claim or an exam question, get the paragraphs that bear on it."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

import leninism_data as ld
from leninism_data.widgets._base import LABEL_STYLE, StudyWidget, repr_text
from leninism_data.widgets._html import (
    escape,
    explanation,
    mark_up,
    message,
    number,
    plural,
    stem_marks,
    view,
)
from leninism_data.widgets._measures import explain

MAX_PASSAGES = 20


class PassageFinder(StudyWidget):
    """Rank the paragraphs that best match a sentence you paste (BM25 over content words).

    Each passage comes with its rank, score, paragraph id, page and a ready-to-paste
    reference, the words it shares with your sentence highlighted. Search with the button
    (or by leaving the box: ``continuous_update=False``).

    Parameters
    ----------
    text : str, default ""
        A claim, a summary sentence or an exam question.
    k : int, default 5
        How many passages to show (1–20).

    Attributes
    ----------
    result : pandas.DataFrame
        :func:`leninism_data.similar_passages`: ``rank``, ``paragraph_id``, ``chapter``,
        ``section``, ``page``, ``score``, ``matched`` and ``text``, best first.

    Examples
    --------
    >>> finder = PassageFinder("Why did the revolution break out in a backward country "
    ...                        "where the chain of imperialism was weakest?", k=3)
    >>> finder.result["paragraph_id"].tolist()
    ['III.40', 'III.38', 'III.44']
    """

    def __init__(self, text: str = "", *, k: int = 5) -> None:
        if not 1 <= k <= MAX_PASSAGES:
            raise ValueError(f"k must be between 1 and {MAX_PASSAGES}, not {k}.")
        self._text = widgets.Textarea(
            value=text,
            description="Claim or question",
            placeholder="e.g. The peasantry is the reserve of the proletariat.",
            continuous_update=False,
            style=LABEL_STYLE,
            layout=widgets.Layout(width="40em", height="4.5em"),
        )
        self._k = widgets.BoundedIntText(
            value=k,
            min=1,
            max=MAX_PASSAGES,
            description="Passages",
            style=LABEL_STYLE,
            layout=widgets.Layout(width="9em"),
        )
        self._find = widgets.Button(
            description="Find passages", button_style="primary", icon="search"
        )
        self._passages = widgets.HTML(
            layout=widgets.Layout(max_height="40em", overflow="auto"), tabbable=True
        )
        super().__init__([self._text, widgets.HBox([self._k, self._find]), self._passages])
        self._text.observe(self._on_text_change, "value")
        self._k.observe(self._on_k_change, "value")
        self._find.on_click(self._on_find_click)
        self._refresh()

    def _repr_fields(self) -> list[str]:
        return (
            repr_text("text", self._text.value)
            + [f"k={self._k.value}"]
            + [plural(len(self._result), "passage")]
        )

    def _on_text_change(self, _change: dict) -> None:
        self._refresh()

    def _on_k_change(self, _change: dict) -> None:
        self._refresh()

    def _on_find_click(self, _button: widgets.Button) -> None:
        self._refresh()

    def _refresh(self) -> None:
        text = self._text.value.strip()
        self._result = pd.DataFrame(
            columns=[
                "rank",
                "paragraph_id",
                "chapter",
                "section",
                "page",
                "score",
                "matched",
                "text",
            ]
        )
        if not text:
            self._passages.value = view(
                message(
                    "Paste a sentence — a claim, a summary, an exam question — to find the "
                    "paragraphs that bear on it."
                )
            )
            return
        try:
            self._result = ld.similar_passages(text, k=self._k.value)
        except ValueError as error:  # QueryError: nothing to search for
            self._passages.value = view(message(str(error), "warning"))
            return
        if self._result.empty:
            self._passages.value = view(
                message(
                    "No paragraph shares a content word with that text; try other words.",
                    "warning",
                )
            )
            return
        self._passages.value = view(
            explanation(explain("bm25")),
            *(self._card(row) for row in self._result.itertuples()),
        )

    @staticmethod
    def _card(row) -> str:
        matched = ", ".join(row.matched)
        return (
            f'<div class="ld-para"><div class="ld-margin"><b>#{row.rank}</b><br>'
            f"¶ <b>{escape(row.paragraph_id)}</b><br>p. {row.page}<br>"
            f'score {number(row.score, 2)}</div><div class="ld-body">'
            f"{mark_up(row.text, stem_marks(row.text, row.matched))}"
            f'<div class="ld-muted">shared words: {escape(matched)}</div>'
            f'<div class="ld-muted">{escape(ld.cite(row.paragraph_id))}</div></div></div>'
        )
