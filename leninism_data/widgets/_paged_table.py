"""A long table shown a page at a time, with a plain-language note on its numbers."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import ipywidgets as widgets
import pandas as pd

from leninism_data.widgets._base import Pager
from leninism_data.widgets._html import explanation, table, view


class PagedTable(widgets.VBox):
    """Rows of a DataFrame, ``page_size`` at a time, every cell escaped.

    Parameters
    ----------
    page_size : int
    noun : str
        What a row is ("terms", "collocates"), for the pager's label.

    Examples
    --------
    >>> paged = PagedTable(2, "terms")
    >>> paged.show(pd.DataFrame({"term": ["a", "b", "c"]}), {"term": "term"}, note="n")
    >>> paged.pager.label, paged.html.value.count("<tr>")
    ('1–2 of 3 terms', 3)
    """

    def __init__(self, page_size: int, noun: str) -> None:
        self.pager = Pager(page_size, noun, on_page=self._render)
        self.html = widgets.HTML()
        self._frame = pd.DataFrame()
        self._columns: Mapping[str, str] = {}
        self._formats: Mapping[str, Callable[[object], str]] = {}
        self._note = ""
        super().__init__([self.pager, self.html])

    def show(
        self,
        frame: pd.DataFrame,
        columns: Mapping[str, str],
        *,
        formats: Mapping[str, Callable[[object], str]] | None = None,
        note: str = "",
    ) -> None:
        """Show the first page of ``frame`` (``columns``: name → header)."""
        self._frame, self._columns, self._formats = frame, columns, formats or {}
        self._note = note
        self.pager.reset(len(frame))
        self._render()

    def clear(self) -> None:
        """Show nothing."""
        self.show(pd.DataFrame(), {})

    def _render(self) -> None:
        if self._frame.empty:
            self.html.value = ""
            return
        start, stop = self.pager.bounds
        self.html.value = view(
            table(self._frame.iloc[start:stop], self._columns, formats=self._formats),
            explanation(self._note) if self._note else "",
        )
