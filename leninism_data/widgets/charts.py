"""Charts as inline SVG that follow JupyterLab's light and dark themes and work offline.

Every chart is a :class:`Chart`: its ``_repr_html_`` is one ``<svg>`` element (so it shows in
a notebook cell, in Voilà and inside an ``ipywidgets.HTML``), its :attr:`Chart.result` is
the DataFrame it was drawn from, and its ``repr`` is one stable line of text (what nbval
compares). The markup depends only on the data: no random ids, no script, no network.

* Colours are JupyterLab's CSS variables (``--jp-ui-font-color1``, ``--jp-brand-color1``,
  ``--jp-warn-color1`` …), each with a fallback for pages outside JupyterLab, so a chart
  is dark on light and light on dark.
* Every mark (bar, point, tick, cell) has a ``<title>``: hovering shows its value and the
  chapter, section or paragraph it stands for. The ``<svg>`` has ``role="img"``, an
  ``aria-label`` and a ``<desc>`` for screen readers.
* The ``viewBox`` scales the chart to the width of the output (``width:100%``), so it
  never adds a horizontal scrollbar.

Why SVG written here rather than Vega-Lite/Altair or matplotlib: a chart must show inside
an ``ipywidgets.HTML`` (where a widget redraws it on every change) as well as in a cell,
in JupyterLab and in Voilà, offline, in both themes. Vega-Lite output needs a renderer
extension (JupyterLab has one; a widget's HTML and Voilà's templates do not run it) and
Altair would be a new dependency; a matplotlib PNG cannot follow the theme or show a value
on hover. Five chart kinds in a few hundred lines of SVG need no dependency, no script and
no network, and their markup is stable text that nbval can compare.

>>> chart = bar_chart(pd.DataFrame({"chapter": ["IV", "V"], "count": [49, 46]}),
...                   "chapter", "count", title="proletariat")
>>> chart
Chart(bar, 'proletariat', 2 bars)
>>> "<title>IV: 49</title>" in chart.svg
True
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd

from leninism_data.widgets._html import escape

WIDTH = 720
FONT = 12
#: Series colours: JupyterLab theme variables, with the light theme's values as fallbacks.
PALETTE = (
    "var(--jp-brand-color1,#1976d2)",
    "var(--jp-warn-color1,#f57c00)",
    "var(--jp-success-color1,#388e3c)",
    "var(--jp-error-color1,#d32f2f)",
    "var(--jp-info-color1,#0097a7)",
    "var(--jp-brand-color3,#64b5f6)",
    "var(--jp-warn-color3,#ffb74d)",
    "var(--jp-success-color3,#81c784)",
)
STYLE = (
    (
        "<style>"
        "svg.ld-chart{width:100%;max-width:@WIDTH@px;height:auto;display:block;"
        "font-family:var(--jp-ui-font-family,sans-serif);font-size:@FONT@px;overflow:visible}"
        "svg.ld-chart text{fill:var(--jp-ui-font-color1,#212121)}"
        "svg.ld-chart text.ld-quiet{fill:var(--jp-ui-font-color2,#616161)}"
        "svg.ld-chart .ld-axis{stroke:var(--jp-ui-font-color2,#616161);stroke-width:1}"
        "svg.ld-chart .ld-grid{stroke:var(--jp-border-color2,#e0e0e0);stroke-width:1}"
        "svg.ld-chart .ld-rule{stroke:var(--jp-border-color1,#bdbdbd);stroke-dasharray:3 3}"
        "svg.ld-chart .ld-band{fill:var(--jp-layout-color2,#eeeeee)}"
        "svg.ld-chart .ld-mark:hover{stroke:var(--jp-ui-font-color0,#000);stroke-width:2}"
        "svg.ld-chart .ld-cell{fill:var(--jp-brand-color1,#1976d2)}"
        "</style>"
    )
    .replace("@WIDTH@", str(WIDTH))
    .replace("@FONT@", str(FONT))
)


@dataclass(frozen=True)
class Chart:
    """An SVG chart with the data behind it.

    Attributes
    ----------
    kind : str
        ``"bar"``, ``"grouped bar"``, ``"line"``, ``"dispersion"`` or ``"heatmap"``.
    title : str
        What the chart shows (its accessible name and its heading).
    svg : str
        The ``<svg>`` element.
    summary : str
        How many marks, for the repr (``"2 series × 10 points"``).
    """

    kind: str
    title: str
    svg: str
    summary: str
    data: pd.DataFrame = field(repr=False)

    @property
    def result(self) -> pd.DataFrame:
        """The data the chart was drawn from (a copy: change it freely)."""
        return self.data.copy()

    def __repr__(self) -> str:
        return f"Chart({self.kind}, {self.title!r}, {self.summary})"

    def _repr_html_(self) -> str:
        return STYLE + self.svg


def _fmt(value: float) -> str:
    """A coordinate or value as short text: no trailing zeros.

    >>> _fmt(12.0), _fmt(12.345), _fmt(0.3127)
    ('12', '12.3', '0.31')
    """
    if value == int(value):
        return str(int(value))
    return f"{value:.1f}" if abs(value) >= 1 else f"{value:.2f}"


def nice_ticks(top: float, n: int = 4) -> list[float]:
    """Round axis ticks from 0 to at least ``top`` (steps of 1, 2, 2.5 or 5 × 10ᵏ).

    >>> nice_ticks(49), nice_ticks(124.3), nice_ticks(0)
    ([0, 20, 40, 60], [0, 50, 100, 150], [0, 1])
    >>> nice_ticks(9), nice_ticks(0.7)
    ([0, 2.5, 5, 7.5, 10], [0, 0.2, 0.4, 0.6, 0.8])
    """
    if top <= 0:
        return [0, 1]
    raw = top / n
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    count = math.ceil(top / step - 1e-9)
    values = [round(i * step, 10) for i in range(count + 1)]
    return [int(value) if value == int(value) else value for value in values]


def _svg(title: str, description: str, height: float, body: Sequence[str]) -> str:
    return (
        f'<svg class="ld-chart" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {WIDTH} {_fmt(height)}" aria-label="{escape(title)}">'
        f"<title>{escape(title)}</title><desc>{escape(description)}</desc>"
        f"{''.join(body)}</svg>"
    )


def _mark(shape: str, tooltip: str, colour: str, **attributes: object) -> str:
    attrs = " ".join(f'{name.replace("_", "-")}="{value}"' for name, value in attributes.items())
    return (
        f'<{shape} class="ld-mark" style="fill:{colour}" {attrs}>'
        f"<title>{escape(tooltip)}</title></{shape}>"
    )


def _legend(names: Sequence[str], y: float, after: str = "") -> list[str]:
    """Coloured squares with the series names, in a row starting right of ``after``."""
    items, x = [], 24.0 + 7 * len(after)
    for index, name in enumerate(names):
        colour = PALETTE[index % len(PALETTE)]
        items.append(
            f'<rect x="{_fmt(x)}" y="{_fmt(y - 9)}" width="10" height="10" '
            f'style="fill:{colour}"/><text x="{_fmt(x + 14)}" y="{_fmt(y)}">{escape(name)}</text>'
        )
        x += 28 + 7 * len(name)
    return items


@dataclass(frozen=True)
class _Frame:
    """The plotting area of a chart with a category x axis and a value y axis."""

    n: int
    top: float
    left: float = 56
    right: float = WIDTH - 12
    y0: float = 26
    y1: float = 196

    @property
    def ticks(self) -> list[float]:
        return nice_ticks(self.top)

    def x(self, position: float) -> float:
        return self.left + (position + 0.5) * (self.right - self.left) / max(self.n, 1)

    def y(self, value: float) -> float:
        return self.y1 - (value / self.ticks[-1]) * (self.y1 - self.y0)

    def axes(self, y_label: str, labels: Sequence[str], rotate: bool = False) -> list[str]:
        body = []
        for tick in self.ticks:
            y = self.y(tick)
            body.append(
                f'<line class="ld-grid" x1="{self.left}" x2="{self.right}" '
                f'y1="{_fmt(y)}" y2="{_fmt(y)}"/><text class="ld-quiet" x="{self.left - 6}" '
                f'y="{_fmt(y + 4)}" text-anchor="end">{_fmt(tick)}</text>'
            )
        body.append(
            f'<line class="ld-axis" x1="{self.left}" x2="{self.right}" y1="{self.y1}" '
            f'y2="{self.y1}"/><text class="ld-quiet" x="4" y="{self.y0 - 12}">'
            f"{escape(y_label)}</text>"
        )
        row_ends = [-math.inf, -math.inf]  # labels too close to the last one go a row lower
        for position, label in enumerate(labels):
            if not label:
                continue
            x = _fmt(self.x(position))
            half = 0.35 * FONT * len(label)
            row = 0 if self.x(position) - half > row_ends[0] + 4 else 1
            row_ends[row] = self.x(position) + half
            if rotate:
                body.append(
                    f'<text x="{x}" y="{self.y1 + 12}" text-anchor="end" '
                    f'transform="rotate(-45 {x} {self.y1 + 12})">{escape(label)}</text>'
                )
            else:
                body.append(
                    f'<text x="{x}" y="{self.y1 + 16 + 14 * row}" text-anchor="middle">'
                    f"{escape(label)}</text>"
                )
        return body


def _labels(frame: pd.DataFrame, x: str, ticks: str | None) -> tuple[list[str], list[str]]:
    names = [str(value) for value in frame[x]]
    return names, names if ticks is None else [str(value) for value in frame[ticks]]


def bar_chart(
    frame: pd.DataFrame,
    x: str,
    y: str,
    *,
    title: str,
    y_label: str = "",
    horizontal: bool = False,
) -> Chart:
    """One bar per row of ``frame``: ``x`` names it, ``y`` is its height.

    Parameters
    ----------
    frame : pandas.DataFrame
    x, y : str
        Columns with the bar names and the values.
    title : str
        What the chart shows.
    y_label : str, optional
        The unit of ``y`` ("count", "per 10,000 words").
    horizontal : bool, default False
        Bars from left to right, one per line with its name beside it (long names,
        many bars).

    Examples
    --------
    >>> frame = pd.DataFrame({"term": ["peasantry", "peasant"], "g2": [109.0, 60.2]})
    >>> chart = bar_chart(frame, "term", "g2", title="Keywords of V", horizontal=True)
    >>> chart.svg.count("<rect"), "<title>peasantry: 109</title>" in chart.svg
    (2, True)
    """
    values = frame[y].astype(float).tolist()
    names = [str(value) for value in frame[x]]
    description = f"{y_label or y} of " + ", ".join(
        f"{name} {_fmt(value)}" for name, value in zip(names, values)
    )
    if horizontal:
        row, left = 20, 12 + min(7 * max((len(n) for n in names), default=0), 220)
        ticks = nice_ticks(max(values, default=0))
        scale = (WIDTH - left - 60) / ticks[-1]
        body = []
        for position, (name, value) in enumerate(zip(names, values)):
            top = 8 + position * row
            body.append(
                f'<text x="{left - 6}" y="{top + 13}" text-anchor="end">{escape(name)}</text>'
                + _mark(
                    "rect",
                    f"{name}: {_fmt(value)}",
                    PALETTE[0],
                    x=left,
                    y=top + 2,
                    width=_fmt(max(value, 0) * scale),
                    height=row - 5,
                )
                + f'<text class="ld-quiet" x="{_fmt(left + max(value, 0) * scale + 4)}" '
                f'y="{top + 13}">{_fmt(value)}</text>'
            )
        svg = _svg(title, description, 16 + len(names) * row, body)
    else:
        area = _Frame(len(names), max(values, default=0))
        width = 0.7 * (area.right - area.left) / max(len(names), 1)
        body = area.axes(y_label, names, rotate=len(names) > 12)
        for position, (name, value) in enumerate(zip(names, values)):
            body.append(
                _mark(
                    "rect",
                    f"{name}: {_fmt(value)}",
                    PALETTE[0],
                    x=_fmt(area.x(position) - width / 2),
                    y=_fmt(area.y(max(value, 0))),
                    width=_fmt(width),
                    height=_fmt(area.y1 - area.y(max(value, 0))),
                )
            )
        svg = _svg(title, description, area.y1 + (70 if len(names) > 12 else 26), body)
    return Chart("bar", title, svg, f"{len(names)} bars", frame.reset_index(drop=True))


def grouped_bar_chart(
    frame: pd.DataFrame, x: str, y: str, group: str, *, title: str, y_label: str = ""
) -> Chart:
    """Bars side by side: one group per value of ``x``, one bar per value of ``group``.

    ``frame`` is tidy (one row per ``x`` and ``group``), as
    :func:`leninism_data.term_frequencies` returns it.

    Examples
    --------
    >>> frame = pd.DataFrame({"chapter": ["IV", "IV", "V", "V"], "term": ["a", "b"] * 2,
    ...                       "count": [49, 3, 46, 51]})
    >>> chart = grouped_bar_chart(frame, "chapter", "count", "term", title="Counts")
    >>> chart, "<title>b · V: 51</title>" in chart.svg
    (Chart(grouped bar, 'Counts', 2 groups × 2 bars), True)
    """
    categories = list(dict.fromkeys(str(value) for value in frame[x]))
    groups = list(dict.fromkeys(str(value) for value in frame[group]))
    area = _Frame(len(categories), float(frame[y].max()) if len(frame) else 0)
    band = 0.8 * (area.right - area.left) / max(len(categories), 1)
    width = band / max(len(groups), 1)
    body = area.axes(y_label, categories, rotate=len(categories) > 12)
    for row in frame.itertuples(index=False):
        name, member, value = (
            str(getattr(row, x)),
            str(getattr(row, group)),
            float(getattr(row, y)),
        )
        index = groups.index(member)
        left = area.x(categories.index(name)) - band / 2 + index * width
        body.append(
            _mark(
                "rect",
                f"{member} · {name}: {_fmt(value)}",
                PALETTE[index % len(PALETTE)],
                x=_fmt(left),
                y=_fmt(area.y(max(value, 0))),
                width=_fmt(width * 0.92),
                height=_fmt(area.y1 - area.y(max(value, 0))),
            )
        )
    body += _legend(groups, 12, y_label)
    description = f"{y_label or y} by {x} for {', '.join(groups)}"
    svg = _svg(title, description, area.y1 + (70 if len(categories) > 12 else 26), body)
    summary = f"{len(categories)} groups × {len(groups)} bars"
    return Chart("grouped bar", title, svg, summary, frame.reset_index(drop=True))


def line_chart(
    frame: pd.DataFrame,
    x: str,
    y: str,
    series: str | None = None,
    *,
    title: str,
    y_label: str = "",
    ticks: str | None = None,
    bands: Sequence[tuple[int, int]] = (),
) -> Chart:
    """Lines over ordered parts (chapters, sections): one line per value of ``series``.

    Parameters
    ----------
    frame : pandas.DataFrame
        Tidy: one row per part (and series), in the order of the x axis.
    x : str
        Column naming each part in full (shown on hover: "Chapter IV").
    y : str
        Column of values.
    series : str, optional
        Column naming the lines (terms); one line if omitted.
    title, y_label : str
    ticks : str, optional
        Column with the short label under each part ("" for none); defaults to ``x``.
    bands : sequence of (int, int)
        Ranges of part positions to shade alternately (e.g. the sections of a chapter).

    Examples
    --------
    >>> frame = pd.DataFrame({"part": ["Chapter IV", "Chapter V"], "n": [49, 46]})
    >>> chart = line_chart(frame, "part", "n", title="proletariat", ticks=None)
    >>> chart, "<title>Chapter IV: 49</title>" in chart.svg
    (Chart(line, 'proletariat', 1 series × 2 points), True)
    """
    names = list(dict.fromkeys(str(v) for v in frame[series])) if series else [y_label or y]
    first = frame[frame[series] == frame[series].iloc[0]] if series and len(frame) else frame
    parts, tick_labels = _labels(first, x, ticks)
    area = _Frame(len(parts), float(frame[y].max()) if len(frame) else 0)
    body = []
    for start, stop in bands:
        left, right = area.x(start - 0.5), area.x(stop - 0.5)
        body.append(
            f'<rect class="ld-band" x="{_fmt(left)}" y="{area.y0}" '
            f'width="{_fmt(right - left)}" height="{_fmt(area.y1 - area.y0)}"/>'
        )
    body += area.axes(y_label, tick_labels)
    for index, name in enumerate(names):
        rows = frame[frame[series] == name] if series else frame
        colour = PALETTE[index % len(PALETTE)]
        values = rows[y].astype(float).tolist()
        points = " ".join(
            f"{_fmt(area.x(p))},{_fmt(area.y(value))}" for p, value in enumerate(values)
        )
        body.append(
            f'<polyline points="{points}" style="fill:none;stroke:{colour};stroke-width:2"/>'
        )
        prefix = f"{name} · " if series else ""
        for position, (part, value) in enumerate(zip(parts, values)):
            body.append(
                _mark(
                    "circle",
                    f"{prefix}{part}: {_fmt(value)}",
                    colour,
                    cx=_fmt(area.x(position)),
                    cy=_fmt(area.y(value)),
                    r=4,
                )
            )
    if series:
        body += _legend(names, 12, y_label)
    description = f"{y_label or y} across {len(parts)} parts for {', '.join(names)}"
    svg = _svg(title, description, area.y1 + 40, body)
    summary = f"{len(names)} series × {len(parts)} points"
    return Chart("line", title, svg, summary, frame.reset_index(drop=True))


def dispersion_chart(
    hits: pd.DataFrame,
    boundaries: Sequence[tuple[float, str]],
    *,
    title: str,
    rows: Sequence[str] | None = None,
) -> Chart:
    """A strip per term with one tick per occurrence at its place in the book (0–1).

    Like AntConc's concordance plot: chapter boundaries are dashed lines labelled with
    their numerals; hovering a tick shows the paragraph and page of the hit.

    Parameters
    ----------
    hits : pandas.DataFrame
        One row per occurrence: ``term``, ``position`` (0–1), ``paragraph_id``, ``page``,
        and optionally ``note`` (added to the tick's tooltip).
    boundaries : sequence of (float, str)
        Where each chapter starts (0–1) and its label ("" for none).
    title : str
    rows : sequence of str, optional
        The terms in display order (a term without hits keeps its empty strip).

    Examples
    --------
    >>> hits = pd.DataFrame({"term": ["Shipka"], "position": [0.4],
    ...                      "paragraph_id": ["IV.26"], "page": [40]})
    >>> chart = dispersion_chart(hits, [(0.0, "I")], title="Where Shipka falls")
    >>> chart, "<title>Shipka · ¶ IV.26, p. 40</title>" in chart.svg
    (Chart(dispersion, 'Where Shipka falls', 1 strip, 1 hit), True)
    """
    terms = list(rows) if rows is not None else list(dict.fromkeys(hits["term"]))
    longest = max((len(term) for term in terms), default=0)
    left, right, row = min(12.0 + 6.5 * longest, 260.0), WIDTH - 8.0, 26
    span = right - left
    top = 18
    body = []
    for start, label in boundaries:
        x = _fmt(left + start * span)
        body.append(
            f'<line class="ld-rule" x1="{x}" x2="{x}" y1="{top - 4}" '
            f'y2="{top + row * len(terms)}"/>'
        )
        if label:
            body.append(f'<text class="ld-quiet" x="{x}" y="{top - 6}">{escape(label)}</text>')
    for index, term in enumerate(terms):
        y = top + index * row
        colour = PALETTE[index % len(PALETTE)]
        found = hits[hits["term"] == term]
        body.append(
            f'<rect class="ld-band" x="{left}" y="{y + 3}" width="{span}" height="{row - 8}"/>'
            f'<text x="{left - 6}" y="{y + 16}" text-anchor="end">{escape(term)}</text>'
        )
        for hit in found.itertuples(index=False):
            x = _fmt(left + float(hit.position) * span - 1)
            body.append(
                _mark(
                    "rect",
                    f"{term} · ¶ {hit.paragraph_id}, p. {hit.page}"
                    + (f" · {hit.note}" if "note" in found.columns else ""),
                    colour,
                    x=x,
                    y=y + 3,
                    width=2,
                    height=row - 8,
                )
            )
    n_hits = len(hits)
    description = f"{n_hits} occurrences of {', '.join(terms)} through the book"
    svg = _svg(title, description, top + row * len(terms) + 4, body)
    summary = f"{len(terms)} strip{'s' if len(terms) != 1 else ''}, {n_hits:,} hit" + (
        "" if n_hits == 1 else "s"
    )
    return Chart("dispersion", title, svg, summary, hits.reset_index(drop=True))


def heatmap(matrix: pd.DataFrame, *, title: str, digits: int = 2) -> Chart:
    """Cells shaded by value (0 = none, the largest = full colour), e.g. similarities.

    Parameters
    ----------
    matrix : pandas.DataFrame
        Rows and columns named by their labels; values of 0 or more.
    title : str
    digits : int, default 2
        Decimals in the numbers printed in the cells.

    Examples
    --------
    >>> m = pd.DataFrame([[1.0, 0.31], [0.31, 1.0]], index=["V", "VI"], columns=["V", "VI"])
    >>> chart = heatmap(m, title="Similarity")
    >>> chart, "<title>V × VI: 0.31</title>" in chart.svg
    (Chart(heatmap, 'Similarity', 2 × 2 cells), True)
    """
    n_rows, n_columns = matrix.shape
    label_width = 12 + 7 * max((len(str(name)) for name in matrix.index), default=0)
    cell = min(48.0, (WIDTH - label_width) / max(n_columns, 1))
    largest = float(matrix.to_numpy().max()) if matrix.size else 0.0
    body = []
    for column, name in enumerate(matrix.columns):
        x = _fmt(label_width + (column + 0.5) * cell)
        body.append(f'<text x="{x}" y="14" text-anchor="middle">{escape(name)}</text>')
    for r, row_name in enumerate(matrix.index):
        y = 20 + r * cell
        body.append(
            f'<text x="{label_width - 6}" y="{_fmt(y + cell / 2 + 4)}" text-anchor="end">'
            f"{escape(row_name)}</text>"
        )
        for c, column_name in enumerate(matrix.columns):
            value = float(matrix.iat[r, c])
            share = value / largest if largest else 0.0
            x = label_width + c * cell
            body.append(
                f'<rect class="ld-cell ld-mark" x="{_fmt(x)}" y="{_fmt(y)}" '
                f'width="{_fmt(cell - 2)}" height="{_fmt(cell - 2)}" '
                f'style="fill-opacity:{share:.3f}"><title>{escape(row_name)} × '
                f"{escape(column_name)}: {value:.{digits}f}</title></rect>"
            )
            if cell >= 30:
                body.append(
                    f'<text class="ld-quiet" x="{_fmt(x + cell / 2 - 1)}" '
                    f'y="{_fmt(y + cell / 2 + 3)}" text-anchor="middle" '
                    f'style="font-size:{FONT - 2}px">{value:.{digits}f}</text>'
                )
    description = f"{n_rows} by {n_columns} table of values from 0 to {largest:.{digits}f}"
    svg = _svg(title, description, 24 + n_rows * cell, body)
    return Chart("heatmap", title, svg, f"{n_rows} × {n_columns} cells", matrix.copy())
