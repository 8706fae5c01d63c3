"""Citations: the book's references to Lenin's Works (and others), by volume and chapter."""

from __future__ import annotations

import re
from collections.abc import Iterable

import ipywidgets as widgets
import pandas as pd

import leninism_data as ld
from leninism_data.corpus.naming import ChapterLike
from leninism_data.widgets._base import (
    ALL,
    LABEL_STYLE,
    StudyWidget,
    chapter_options,
    chosen,
    option_value,
    repr_chapter,
    resolve_optional_chapter,
)
from leninism_data.widgets._html import (
    Mark,
    escape,
    mark_up,
    message,
    plural,
    roman,
    table,
    view,
)
from leninism_data.widgets._search_options import chosen_number
from leninism_data.widgets.charts import STYLE as CHART_STYLE
from leninism_data.widgets.charts import dispersion_chart

BY_TITLE = "by title"
LIST_COLUMNS = {
    "citation_id": "#",
    "paragraph_id": "¶",
    "page": "p.",
    "raw": "reference",
    "volume_label": "volume",
    "pages": "pages",
    "speaker": "closes a quotation of",
}


def volume_label(citation) -> str | None:
    """The volume a citation refers to: "Vol. XXV" of Lenin's Works, or another author's.

    >>> rows = ld.citations().set_index("citation_id")
    >>> volume_label(rows.loc[6]), volume_label(rows.loc[32]), volume_label(rows.loc[3])
    ('Vol. XXV', 'Marx and Engels, Vol. VIII', None)
    """
    if pd.isna(citation.volume):
        return None
    volume = f"Vol. {roman(int(citation.volume))}"
    return volume if citation.author == "Lenin" else f"{citation.author}, {volume}"


def citation_title(citation) -> str:
    """What a citation refers to, in full (for a heading or a tooltip).

    >>> rows = ld.citations().set_index("citation_id")
    >>> citation_title(rows.loc[1])
    'Lenin, Works, 3rd Russian edition, Vol. IV, p. 382'
    >>> citation_title(rows.loc[32]), citation_title(rows.loc[3])
    ('Marx and Engels, Works, Vol. VIII, p. 506', '“Left-Wing” Communism')
    """
    if pd.isna(citation.volume):
        return str(citation.work) if pd.notna(citation.work) else str(citation.raw)
    works = citation.edition if pd.notna(citation.edition) else f"{citation.author}, Works"
    pages = f", p. {citation.pages}" if pd.notna(citation.pages) else ""
    return f"{works}, Vol. {roman(int(citation.volume))}{pages}"


def first_page_number(pages: str) -> int:
    """The first page of a page reference as printed, to sort by.

    >>> sorted(["248 and 247", "173", "13-14"], key=first_page_number)
    ['13-14', '173', '248 and 247']
    """
    match = re.match(r"\d+", pages)
    if match is None:
        raise ValueError(f"No page number in {pages!r}.")
    return int(match.group())


def page_list(references: Iterable[str]) -> str:
    """The pages of several references, each once, in numerical order.

    A reference may name several pages ("173 and 189") or a range ("282-83"), kept as
    printed.

    >>> page_list(["173", "173 and 189", "173 and 190", "248 and 247"])
    '173, 189, 190, 247, 248'
    >>> page_list(["13-14", "13"])
    '13, 13-14'
    """
    pages = {
        page.strip()
        for reference in references
        for page in re.split(r",|\band\b", reference)
        if page.strip()
    }
    return ", ".join(sorted(pages, key=lambda page: (first_page_number(page), len(page))))


class Citations(StudyWidget):
    """Browse the references in the text: Lenin's volumes and pages, chapter by chapter.

    A table of the volumes cited (with the pages of each) heads the list of references;
    choose one to see the quotation it closes, where in the book it falls (a strip over
    the printed pages, with every listed reference as a tick) and how to cite its
    paragraph. Volumes are those of the third Russian edition of Lenin's Works unless
    another author is named (one reference is to Marx and Engels' Works); an "Ibid."
    takes the volume it refers back to.

    Parameters
    ----------
    chapter : int or str, optional
        Only the references in this chapter.

    Attributes
    ----------
    result : pandas.DataFrame
        The references listed (rows of :func:`leninism_data.citations`, with the
        ``speaker`` of the quotation each closes).

    Examples
    --------
    >>> citations = Citations("IV")
    >>> citations
    Citations(chapter='IV', 17 references)
    >>> citations.result.loc[1, ["paragraph_id", "pages", "speaker"]].tolist()
    ['IV.11', '355', 'Lenin']
    """

    def __init__(self, chapter: ChapterLike | None = None) -> None:
        chapter_number = resolve_optional_chapter(chapter)
        speakers = ld.quotations().set_index("quotation_id")["speaker"]
        self._all = ld.citations()
        self._all["speaker"] = self._all["quotation_id"].map(speakers)
        self._all["volume_label"] = [volume_label(row) for row in self._all.itertuples()]
        self._quotation_texts = ld.quotations().set_index("quotation_id")["text"]
        self._paragraph_texts = ld.paragraphs().set_index("paragraph_id")["text"]
        self._chapters = ld.chapters()
        self._last_page = int(ld.pages()["page"].max())
        self._chapter = widgets.Dropdown(
            options=chapter_options("All chapters"),
            value=option_value(chapter_number),
            description="Chapter",
            style=LABEL_STYLE,
        )
        self._volume = widgets.Dropdown(description="Volume", style=LABEL_STYLE)
        self._citation = widgets.Dropdown(
            description="Reference", style=LABEL_STYLE, layout=widgets.Layout(width="40em")
        )
        self._volumes = widgets.HTML()
        self._list = widgets.HTML(
            layout=widgets.Layout(max_height="18em", overflow="auto"), tabbable=True
        )
        self._detail = widgets.HTML()
        super().__init__(
            [
                widgets.HBox([self._chapter, self._volume]),
                self._volumes,
                self._list,
                self._citation,
                self._detail,
            ]
        )
        self._update_volume_options()
        self._filter()
        self._chapter.observe(self._on_chapter_change, "value")
        self._volume.observe(self._on_volume_change, "value")
        self._citation.observe(self._on_citation_change, "value")
        self._render()

    def _repr_fields(self) -> list[str]:
        fields = repr_chapter(chosen_number(self._chapter))
        if self._volume.value != ALL:
            fields.append(f"volume={self._volume.value!r}")
        return fields + [plural(len(self._result), "reference")]

    def _in_chapter(self) -> pd.DataFrame:
        if chosen(self._chapter) is None:
            return self._all
        return self._all[self._all["chapter"] == self._chapter.value]

    def _update_volume_options(self) -> None:
        in_chapter = self._in_chapter()
        cited = in_chapter.dropna(subset=["volume"])
        counts = cited["volume_label"].value_counts()
        in_order = sorted(
            set(zip(cited["author"] != "Lenin", cited["volume"], cited["volume_label"]))
        )  # Lenin's volumes first
        options = [(f"All ({len(in_chapter)})", ALL)]
        options += [(f"{label} ({counts[label]})", label) for _, _, label in in_order]
        by_title = len(in_chapter) - len(cited)
        if by_title:
            options.append((f"Other works, by title ({by_title})", BY_TITLE))
        with self._quietly():
            self._volume.options = options
            self._volume.value = ALL

    def _filter(self) -> None:
        listed = self._in_chapter()
        if self._volume.value == BY_TITLE:
            listed = listed[listed["volume"].isna()]
        elif self._volume.value != ALL:
            listed = listed[listed["volume_label"] == self._volume.value]
        self._result = listed.reset_index(drop=True)
        with self._quietly():
            self._citation.options = [
                (f"{row.citation_id} · ¶ {row.paragraph_id}, p. {row.page}", int(row.citation_id))
                for row in self._result.itertuples()
            ]
            self._citation.value = (
                int(self._result["citation_id"].iloc[0]) if len(self._result) else None
            )

    def _on_chapter_change(self, _change: dict) -> None:
        self._update_volume_options()
        self._filter()
        self._render()

    def _on_volume_change(self, _change: dict) -> None:
        if self._is_quiet:
            return
        self._filter()
        self._render()

    def _on_citation_change(self, _change: dict) -> None:
        if self._is_quiet:
            return
        self._render()

    def _render(self) -> None:
        if self._result.empty:
            self._volumes.value = view(message("This chapter has no references."))
            self._list.value = self._detail.value = ""
            return
        self._volumes.value = view(self._volume_table())
        selected = self._result.index[self._result["citation_id"] == self._citation.value][0]
        self._list.value = view(table(self._result, LIST_COLUMNS, selected_row=int(selected)))
        self._detail.value = view(self._citation_detail(self._result.loc[selected]))

    def _volume_table(self) -> str:
        cited = self._in_chapter().dropna(subset=["volume"])
        if cited.empty:
            return message("No reference here names a volume of Lenin's Works.")
        rows = []
        for label in [value for _, value in self._volume.options[1:] if value != BY_TITLE]:
            group = cited[cited["volume_label"] == label]
            chapters = [
                str(self._chapters.loc[chapter, "label"])
                for chapter in sorted(group["chapter"].unique())
            ]
            rows.append(
                {
                    "volume": label,
                    "n": len(group),
                    "pages": page_list(group["pages"].dropna()),
                    "chapters": ", ".join(chapters),
                }
            )
        return (
            '<div class="ld-heading">Volumes cited (of Lenin\'s Works unless named)</div>'
            + table(
                pd.DataFrame(rows),
                {"volume": "volume", "n": "references", "pages": "pages", "chapters": "chapters"},
            )
        )

    def _citation_detail(self, citation: pd.Series) -> str:
        boundaries = [
            ((row.first_page - 1) / self._last_page, "" if row.chapter == 0 else str(row.label))
            for row in self._chapters.itertuples()
        ]
        listed = self._result.assign(term="references listed")
        this = self._result[self._result["citation_id"] == citation["citation_id"]]
        hits = pd.concat([listed, this.assign(term="this reference")], ignore_index=True)
        hits["position"] = (hits["page"] - 1) / self._last_page
        hits["note"] = [f"reference {number}" for number in hits["citation_id"]]
        strip = dispersion_chart(
            hits[["term", "position", "paragraph_id", "page", "note"]],
            boundaries,
            title="Where the references fall in the book",
            rows=["references listed", "this reference"],
        ).svg
        paragraph_id = citation["paragraph_id"]
        heading = (
            f'<div class="ld-heading">Reference {citation["citation_id"]}: '
            f"{escape(citation_title(citation))}</div>"
        )
        if pd.notna(citation["quotation_id"]):
            quoted = self._quotation_texts[citation["quotation_id"]]
            body = (
                f'<div class="ld-muted">It closes this quotation of '
                f"{escape(citation['speaker'])}:</div>"
                f'<div class="ld-para ld-quotation"><div class="ld-margin">¶ <b>'
                f"{escape(paragraph_id)}</b><br>p. {citation['page']}</div>"
                f'<div class="ld-body">{escape(quoted)} '
                f'<span class="ld-cite">({escape(citation["raw"])})</span></div></div>'
            )
        else:
            text = self._paragraph_texts[paragraph_id]
            marked = mark_up(text, [Mark(int(citation["start"]), int(citation["end"]))])
            body = (
                f'<div class="ld-muted">It does not close a block quotation; it stands '
                f'in this paragraph:</div><div class="ld-para"><div class="ld-margin">'
                f"¶ <b>{escape(paragraph_id)}</b><br>p. {citation['page']}</div>"
                f'<div class="ld-body">{marked}</div></div>'
            )
        return (
            heading + '<div class="ld-muted">Where it falls in the book (pages 1–'
            f"{self._last_page}; hover a tick for its reference):</div>"
            f"{CHART_STYLE}{strip}{body}"
            f'<div class="ld-muted">{escape(ld.cite(paragraph_id))}</div>'
        )
