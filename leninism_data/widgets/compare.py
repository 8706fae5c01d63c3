"""Compare: two chapters or sections side by side — what sets each apart, what they share."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

import leninism_data as ld
from leninism_data.analysis.distinctive import Comparison
from leninism_data.analysis.parts import Part, PartLike, resolve_part
from leninism_data.corpus.naming import chapter_label
from leninism_data.widgets._base import LABEL_STYLE, StudyWidget
from leninism_data.widgets._html import escape, explanation, message, number, table, view
from leninism_data.widgets._measures import explain
from leninism_data.widgets._search_options import SearchControls, SearchOptions

TERM_COLUMNS = {
    "term": "term",
    "freq_target": "here",
    "freq_reference": "there",
    "per_10k_target": "per 10k here",
    "per_10k_reference": "per 10k there",
    "log_ratio": "Log Ratio",
    "g2": "G²",
}
FIELDS = ["lemma", "include_quotations", "include_citations"]
N_PASSAGES = 3
N_CANDIDATES = 15  # passages asked for, of which the first N_PASSAGES whole ones are shown
MIN_PASSAGE_WORDS = 30
INDENT = "\N{NO-BREAK SPACE}" * 3  # a <select> collapses ordinary spaces


def whole(passages: pd.DataFrame, n: int = N_PASSAGES) -> pd.DataFrame:
    """The first ``n`` passages that are whole prose paragraphs (not list items, quotations
    or fragments of a few words).

    >>> ids = whole(ld.compare("V", "VI", n_passages=N_CANDIDATES).passages_a)["paragraph_id"]
    >>> ld.paragraphs().set_index("paragraph_id").loc[ids, "kind"].unique().tolist()
    ['prose']
    """
    paragraphs = ld.paragraphs().set_index("paragraph_id")
    kinds = paragraphs.loc[passages["paragraph_id"], "kind"].to_numpy()
    sizes = paragraphs.loc[passages["paragraph_id"], "n_words"].to_numpy()
    keep = (kinds == "prose") & (sizes >= MIN_PASSAGE_WORDS)
    return passages[keep].head(n).reset_index(drop=True)


def part_name(part: Part) -> str:
    """The short name of a chapter or section, as the dropdowns and ``.result`` use it.

    >>> part_name(resolve_part("IV")), part_name(resolve_part((3, 2))), part_name(resolve_part(0))
    ('IV', 'III.2', 'Introduction')
    """
    if part.chapter is None:
        return part.label
    label = chapter_label(part.chapter)
    return label if part.section is None else f"{label}.{part.section}"


def part_options() -> list[tuple[str, str]]:
    """Dropdown options: every chapter, each followed by its numbered sections.

    >>> options = part_options()
    >>> options[3], options[4]
    (('III · Theory', 'III'), ('\\xa0\\xa0\\xa0III.0 · Before section 1', 'III.0'))
    """
    sections = ld.sections()
    options = []
    for chapter in ld.chapters().itertuples():
        name = str(chapter.label)
        options.append((name if name == chapter.title else f"{name} · {chapter.title}", name))
        parts = sections[sections["chapter"] == chapter.chapter]
        if len(parts) > 1:
            options += [
                (
                    f"{INDENT}{name}.{row.section} · {row.title or 'before section 1'}",
                    f"{name}.{row.section}",
                )
                for row in parts.itertuples()
            ]
    return options


class Compare(StudyWidget):
    """Two chapters or sections side by side.

    For each side: the terms distinctive of it against the other (keyness: log-likelihood
    G² for significance, log ratio for effect size — 1 means twice as frequent), then the
    vocabulary both use often, a similarity score (cosine of their content-word counts,
    0–1) and the passages that best represent each side (:func:`leninism_data.compare`),
    of which only whole prose paragraphs are shown. Each number is explained in a line
    under its table.

    Parameters
    ----------
    a, b : chapter or section
        ``4``, ``"IV"``, ``"Introduction"``, ``"III.2"`` or ``(3, 2)``.
    lemma : bool, default False
        Count every form of a word as one ("soviet" and "soviets").
    include_quotations : bool, default True
        False leaves out the words of block quotations, so the comparison is of
        Stalin's own words.

    Attributes
    ----------
    result : pandas.DataFrame
        The distinctive terms of both sides: ``side`` (``"IV"``, ``"III.2"`` …) and the
        columns of :func:`leninism_data.keyness` (``freq_target`` is the count on that
        side).
    comparison : leninism_data.analysis.distinctive.Comparison
        Everything :func:`leninism_data.compare` returned, shared terms and passages too.

    Examples
    --------
    >>> compare = Compare("V", "VI")
    >>> compare
    Compare(a='V', b='VI', similarity=0.30)
    >>> compare.result.groupby("side", sort=False)["term"].first().to_dict()
    {'V': 'peasantry', 'VI': 'national'}
    """

    def __init__(
        self,
        a: PartLike = "IV",
        b: PartLike = "VIII",
        *,
        lemma: bool = False,
        include_quotations: bool = True,
    ) -> None:
        name_a, name_b = part_name(resolve_part(a)), part_name(resolve_part(b))
        options = part_options()
        self._a = widgets.Dropdown(
            options=options, value=name_a, description="Compare", style=LABEL_STYLE
        )
        self._b = widgets.Dropdown(
            options=options, value=name_b, description="with", style=LABEL_STYLE
        )
        self._search = SearchControls(
            SearchOptions(lemma=lemma, include_quotations=include_quotations),
            FIELDS,
            analysis=ld.compare,
            on_change=self._refresh,
        )
        self._summary = widgets.HTML()
        self._sides = widgets.HTML(
            layout=widgets.Layout(max_height="48em", overflow="auto"), tabbable=True
        )
        super().__init__(
            [
                widgets.HBox([self._a, self._b]),
                self._search,
                self._summary,
                self._sides,
            ]
        )
        for control in (self._a, self._b):
            control.observe(self._on_option_change, "value")
        self._refresh()

    @property
    def comparison(self) -> Comparison | None:
        """The full :class:`~leninism_data.analysis.distinctive.Comparison` (None: same parts)."""
        return self._comparison

    def _repr_fields(self) -> list[str]:
        fields = [f"a={self._a.value!r}", f"b={self._b.value!r}"]
        if self._comparison is not None:
            fields.append(f"similarity={self._comparison.similarity:.2f}")
        return fields

    def _on_option_change(self, _change: dict) -> None:
        self._refresh()

    def _refresh(self) -> None:
        a, b = self._a.value, self._b.value
        if a == b:
            self._comparison = None
            self._result = pd.DataFrame(columns=["side", *TERM_COLUMNS, "p_value"])
            self._summary.value = view(
                message("Choose two different parts to compare.", "warning")
            )
            self._sides.value = ""
            return
        options = self._search.options.arguments(ld.compare)
        comparison = ld.compare(a, b, n_passages=N_CANDIDATES, **options)
        self._comparison = comparison
        self._result = pd.concat(
            [comparison.distinctive_a.assign(side=a), comparison.distinctive_b.assign(side=b)],
            ignore_index=True,
        )
        self._result.insert(0, "side", self._result.pop("side"))
        part_a, part_b = resolve_part(a), resolve_part(b)
        nested = part_a.chapter == part_b.chapter and None in (part_a.section, part_b.section)
        notes = (
            [message("One part lies inside the other, so they share those words.")]
            if nested
            else []
        )
        self._summary.value = view(
            f"<b>Similarity {comparison.similarity:.2f}</b>",
            explanation(explain("similarity")),
            *notes,
        )
        self._sides.value = view(
            '<div class="ld-columns">',
            self._side(comparison.a, comparison.distinctive_a, whole(comparison.passages_a)),
            self._side(comparison.b, comparison.distinctive_b, whole(comparison.passages_b)),
            "</div>",
            self._shared(comparison),
        )

    @staticmethod
    def _side(label: str, distinctive: pd.DataFrame, passages: pd.DataFrame) -> str:
        if distinctive.empty:
            terms = message(f"No term is significantly more frequent in {label}.")
        else:
            terms = table(
                distinctive,
                TERM_COLUMNS,
                formats={column: number for column in TERM_COLUMNS if column != "term"},
            )
        terms += explanation(explain("g2", "log_ratio"))
        cards = [
            f'<div class="ld-para"><div class="ld-margin">¶ <b>'
            f"{escape(row.paragraph_id)}</b><br>p. {row.page}<br>"
            f'score {number(row.score, 2)}</div><div class="ld-body">{escape(row.text)}'
            "</div></div>"
            for row in passages.itertuples()
        ]
        return (
            f'<div><div class="ld-heading">Distinctive of {escape(label)}</div>{terms}'
            f'<div class="ld-heading">Representative passages</div>{"".join(cards)}'
            "</div>"
        )

    @staticmethod
    def _shared(comparison: Comparison) -> str:
        shared = comparison.shared
        columns = {
            "term": "term",
            "per_10k_a": f"per 10k in {comparison.a}",
            "per_10k_b": f"per 10k in {comparison.b}",
        }
        return '<div class="ld-heading">Shared vocabulary (frequent on both sides)</div>' + table(
            shared, columns, formats={"per_10k_a": number, "per_10k_b": number}
        )
