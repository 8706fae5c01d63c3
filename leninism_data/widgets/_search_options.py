"""One search model for every widget: the options, their controls, and how they reach analysis.

:class:`SearchOptions` holds what a student chooses (how to read the query, where to look,
what to count); :class:`SearchControls` is the row of labelled controls that edits it, the
same in the Explorer, Concordance, Trends, Compare, WordList, Collocates and Clusters.
:meth:`SearchOptions.arguments` passes an analysis function exactly the options it
accepts, found from its signature (``include_citations`` reaches every function that
takes it): when an analysis function gains an option, the widgets pass it on and its
checkbox becomes available with no change here. A control whose option the widget's
analysis function does not take is shown disabled, with a tooltip saying so.
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import ipywidgets as widgets

from leninism_data.analysis.lemmas import lemma_pattern
from leninism_data.widgets._base import (
    ALL,
    LABEL_STYLE,
    chapter_options,
    checkbox,
    chosen,
    option_value,
    section_options,
)

#: Option name -> checkbox label (the same words in every widget and in messages).
CHECKBOX_LABELS = {
    "whole_word": "Whole words",
    "case": "Match case",
    "lemma": "All forms (lemma)",
    "regex": "Regex",
    "include_quotations": "Include quotations",
    "include_citations": "Include citations",
}
CHECKBOX_TOOLTIPS = {
    "whole_word": "Match whole words only: 'class' does not find 'classes'",
    "case": "Tell capitals from small letters: 'Party' does not find 'party'",
    "lemma": "Find every form of one word: 'peasant' finds 'peasants'",
    "regex": "Read the query as a regular expression",
    "include_quotations": "Count the words the book quotes (Lenin, Marx, Engels)",
    "include_citations": "Count the words of references such as '(See Vol. XXV, p. 190.)'",
}
ENTER_HINT = "press Enter to search"


@dataclass(frozen=True)
class SearchOptions:
    """What to search for and where, as one value shared by the widgets.

    Attributes
    ----------
    query : str
        A word, phrase, wildcard (``proletar*``) or regular expression.
    whole_word, case, lemma, regex : bool
        How to read the query (see :func:`leninism_data.search` and :func:`leninism_data.kwic`).
    chapter, section : int, optional
        Where to look (None: everywhere).
    include_quotations : bool
        Count the words the book quotes (block and inline quotations).
    include_citations : bool
        Count the words of parenthesised references.

    Examples
    --------
    >>> import leninism_data as ld
    >>> options = SearchOptions("proletariat", chapter=4, lemma=True)
    >>> sorted(options.arguments(ld.search))  # doctest: +NORMALIZE_WHITESPACE
    ['case', 'chapter', 'include_citations', 'include_quotations', 'regex', 'section',
     'whole_word']
    >>> options.unsupported(ld.term_frequencies)
    ['lemma', 'chapter']
    """

    query: str = ""
    whole_word: bool = True
    case: bool = False
    lemma: bool = False
    regex: bool = False
    chapter: int | None = None
    section: int | None = None
    include_quotations: bool = True
    include_citations: bool = False

    def arguments(self, function: Callable[..., Any]) -> dict[str, Any]:
        """The options ``function`` accepts, by name (the query excluded)."""
        accepted = accepted_options(function)
        return {
            name: value
            for name, value in dataclasses.asdict(self).items()
            if name != "query" and name in accepted
        }

    def call(self, function: Callable[..., Any], **extra: Any) -> Any:
        """``function(query, **options, **extra)`` with the options it accepts.

        Where ``function`` has a ``regex`` option but no ``lemma`` option, "all forms" is
        passed as a regular expression of the word's forms (as :func:`leninism_data.kwic`
        does itself).

        >>> import leninism_data as ld
        >>> found = SearchOptions("soviet", lemma=True).call(ld.search)
        >>> int(found["n_matches"].sum()) > int(ld.search("soviet")["n_matches"].sum())
        True
        """
        arguments = self.arguments(function)
        query = self.query
        if self.lemma and "lemma" not in arguments and "regex" in arguments:
            query, arguments["regex"] = lemma_pattern(query), True
        return function(query, **arguments, **extra)

    def unsupported(self, function: Callable[..., Any]) -> list[str]:
        """Options set away from their default that ``function`` cannot honour."""
        accepted = accepted_options(function)
        return [
            option.name
            for option in dataclasses.fields(self)
            if option.name != "query"
            and option.name not in accepted
            and getattr(self, option.name) != option.default
        ]


@functools.cache
def accepted_options(function: Callable[..., Any]) -> frozenset[str]:
    """The keyword parameters of ``function`` that are search options.

    >>> import leninism_data as ld
    >>> sorted(accepted_options(ld.term_frequencies))
    ['include_citations', 'include_quotations']
    """
    names = {field.name for field in dataclasses.fields(SearchOptions)} - {"query"}
    return frozenset(names & set(inspect.signature(function).parameters))


def chosen_number(dropdown: widgets.Dropdown) -> int | None:
    """A chapter or section dropdown's number, None for its "All …" option.

    >>> chosen_number(widgets.Dropdown(options=chapter_options("All chapters"), value=4))
    4
    """
    value = chosen(dropdown)
    return None if value is None else int(str(value))


def widget_message(error: Exception) -> str:
    """An analysis error as a widget user should read it: controls, not arguments.

    >>> widget_message(ValueError("... or turn regular expressions off (regex=False) to ..."))
    '... or untick “Regex” to ...'
    """
    return str(error).replace(
        "turn regular expressions off (regex=False)", f"untick “{CHECKBOX_LABELS['regex']}”"
    )


class SearchControls(widgets.VBox):
    """The controls of :class:`SearchOptions` a widget needs, labelled the same everywhere.

    Parameters
    ----------
    options : SearchOptions
        The starting values.
    fields : sequence of str
        Which options to show: ``"query"``, ``"chapter"``, ``"section"`` and the names of
        :data:`CHECKBOX_LABELS`, in display order.
    analysis : callable, optional
        The analysis function the widget calls: options it does not accept are shown
        disabled (everything but the query and the scope).
    query_label, placeholder : str
        The query box's label and hint.
    on_change : callable
        Called with no argument after any control changes.

    Examples
    --------
    >>> import leninism_data as ld
    >>> controls = SearchControls(SearchOptions("masses"), ["query", "lemma", "regex"],
    ...                           analysis=ld.search, on_change=lambda: None)
    >>> controls.options.query, controls.checkboxes["lemma"].disabled
    ('masses', False)
    >>> SearchControls(SearchOptions(), ["lemma"], analysis=ld.term_frequencies,
    ...                on_change=lambda: None).checkboxes["lemma"].disabled
    True
    """

    def __init__(
        self,
        options: SearchOptions,
        fields: Sequence[str],
        *,
        on_change: Callable[[], None],
        analysis: Callable[..., Any] | None = None,
        query_label: str = "Search",
        placeholder: str = "a word, a phrase, proletar* or a regex",
    ) -> None:
        self._fields, self._on_change, self._quiet = tuple(fields), on_change, False
        self._options = options
        self.query = widgets.Text(
            value=options.query,
            description=query_label,
            placeholder=placeholder,
            continuous_update=False,
            style=LABEL_STYLE,
            layout=widgets.Layout(width="26em"),
        )
        self.hint = widgets.HTML(
            f'<span style="color:var(--jp-ui-font-color2)">↵ {ENTER_HINT}</span>'
        )
        accepted = accepted_options(analysis) if analysis else None
        self.checkboxes: dict[str, widgets.Checkbox] = {}
        for name in (field for field in fields if field in CHECKBOX_LABELS):
            box = checkbox(CHECKBOX_LABELS[name], getattr(options, name))
            box.tooltip = CHECKBOX_TOOLTIPS[name]
            lemma_by_regex = name == "lemma" and accepted is not None and "regex" in accepted
            if accepted is not None and name not in accepted and not lemma_by_regex:
                box.disabled = True
                box.tooltip = "Not available in this view"
            self.checkboxes[name] = box
        self.chapter = widgets.Dropdown(
            options=chapter_options("All chapters"),
            value=option_value(options.chapter),
            description="Chapter",
            style=LABEL_STYLE,
            layout=widgets.Layout(width="auto"),
        )
        self.section = widgets.Dropdown(
            options=section_options(options.chapter, "All sections"),
            value=option_value(options.section),
            description="Section",
            style=LABEL_STYLE,
            layout=widgets.Layout(width="auto"),
        )
        self.section.disabled = len(self.section.options) < 2
        rows: list[widgets.Widget] = []
        if "query" in fields:
            rows.append(widgets.HBox([self.query, self.hint]))
        row = [self.chapter] if "chapter" in fields else []
        row += [self.section] if "section" in fields else []
        row += list(self.checkboxes.values())
        rows.append(widgets.HBox(row, layout=widgets.Layout(flex_flow="row wrap")))
        super().__init__(rows)
        for control in (self.query, self.section, *self.checkboxes.values()):
            control.observe(self._on_control_change, "value")
        self.chapter.observe(self._on_chapter_change, "value")

    @property
    def options(self) -> SearchOptions:
        """The options as the controls show them."""
        values = {name: box.value for name, box in self.checkboxes.items()}
        if "query" in self._fields:
            values["query"] = self.query.value.strip()
        if "chapter" in self._fields:
            values["chapter"] = chosen_number(self.chapter)
            values["section"] = chosen_number(self.section)
        return dataclasses.replace(self._options, **values)

    def _on_control_change(self, _change: dict) -> None:
        if not self._quiet:
            self._on_change()

    def _on_chapter_change(self, _change: dict) -> None:
        self._quiet = True
        try:
            self.section.options = section_options(chosen_number(self.chapter), "All sections")
            self.section.value = ALL
            self.section.disabled = len(self.section.options) < 2
        finally:
            self._quiet = False
        self._on_change()
