"""What the study widgets share: `.result`, a stable repr, chapter options, a pager, and
one guard around every callback.

Widgets render through the kernel-side API only (an ``HTML`` widget's ``.value``, or
``Output.outputs`` / ``Output.append_display_data``), never ``with output:`` inside a
callback, so they behave the same in JupyterLab, Voilà, nbval and headless pytest.

Every method named ``_on_<control>_<event>`` of a :class:`StudyWidget` or a
:class:`Pager` is wrapped, when the class is defined, by :func:`guarded`: whatever it
raises is shown as a message inside the widget (an ipywidgets callback's exception
would otherwise reach only JupyterLab's Log Console), and the widget keeps working.
"""

from __future__ import annotations

import contextlib
import functools
import math
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import ipywidgets as widgets
import pandas as pd
from traitlets import TraitError

import leninism_data as ld
from leninism_data.analysis.parts import resolve_part
from leninism_data.corpus.naming import ChapterLike, chapter_label
from leninism_data.widgets._html import message, view

#: Descriptions of controls are shown in full rather than cut to a fixed width.
LABEL_STYLE = {"description_width": "initial"}
#: The value of a dropdown's "All chapters", "Whole chapter" … option. (An option whose
#: value is None would leave the dropdown showing no selection at all.)
ALL = "all"
REPR_QUERY_LIMIT = 30


def problem_text(error: BaseException) -> str:
    """What a widget says when a callback fails: the message of a mistake the reader can
    correct (`ValueError`, `TypeError`), or a plain account of an unexpected fault.

    >>> problem_text(ValueError("'X' is not a chapter of the book."))
    "'X' is not a chapter of the book."
    >>> problem_text(KeyError("spans"))[:45]
    "Something went wrong here (KeyError: 'spans')"
    """
    if isinstance(error, (ValueError, TypeError)) and str(error):
        text = str(error)
        return text[:1].upper() + text[1:]
    return (
        f"Something went wrong here ({type(error).__name__}: {error}). "
        "The widget still works: change a control to try again."
    )


def guarded(handler: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a widget callback so that an exception becomes a message in the widget.

    The widget's ``_show_problem(error)`` shows the message; a later call that succeeds
    clears it (``_clear_problem()``). Applied by :class:`_Guarded` to every ``_on_*``.
    """
    if getattr(handler, "__guarded__", False):
        return handler

    @functools.wraps(handler)
    def run(self: _Guarded, *args: Any, **kwargs: Any) -> Any:
        try:
            result = handler(self, *args, **kwargs)
        except Exception as error:  # shown to the reader, never lost
            self._show_problem(error)
            return None
        self._clear_problem()
        return result

    run.__guarded__ = True  # type: ignore[attr-defined]
    return run


def _typed_init(init: Callable[..., None]) -> Callable[..., None]:
    """Report an argument a control cannot hold (``regex=-1``) as a TypeError, not a
    ``traitlets.TraitError`` from deep inside ipywidgets."""
    if getattr(init, "__guarded__", False):
        return init

    @functools.wraps(init)
    def run(self: _Guarded, *args: Any, **kwargs: Any) -> None:
        try:
            init(self, *args, **kwargs)
        except TraitError as error:
            raise TypeError(
                f"{type(self).__name__}: an argument has the wrong type ({error}). "
                f"See help({type(self).__name__}) for what each argument accepts."
            ) from None

    run.__guarded__ = True  # type: ignore[attr-defined]
    return run


class _Guarded(widgets.Box):
    """A box whose ``_on_*`` callbacks are wrapped by :func:`guarded`.

    A problem is shown in an ``HTML`` child added at the end of the box on first need.
    """

    _problem: widgets.HTML | None = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for name, attribute in list(vars(cls).items()):
            if name.startswith("_on_") and callable(attribute):
                setattr(cls, name, guarded(attribute))
        if "__init__" in vars(cls):
            setattr(cls, "__init__", _typed_init(vars(cls)["__init__"]))  # noqa: B010

    def _show_problem(self, error: BaseException) -> None:
        if self._problem is None:
            self._problem = widgets.HTML()
            self.children = (*tuple(self.children), self._problem)  # type: ignore[has-type]
        self._problem.value = view(message(problem_text(error), "warning"))

    def _clear_problem(self) -> None:
        if self._problem is not None and self._problem.value:
            self._problem.value = ""


class StudyWidget(_Guarded, widgets.VBox):
    """A composite widget over the analysis layer, its current data in :attr:`result`.

    Subclasses build private child controls, observe them with ``_on_<control>_<event>``
    handlers, keep their current table in ``self._result`` and name the fields of their
    repr in :meth:`_repr_fields`. The repr is what ipywidgets puts in the ``text/plain``
    of the widget's mimebundle (what nbval compares), so it is short and depends only on
    the widget's state.
    """

    _result: pd.DataFrame
    _is_quiet: bool = False

    @property
    def result(self) -> pd.DataFrame:
        """The data behind the current view, as a DataFrame (a copy: change it freely)."""
        return self._result.copy()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(self._repr_fields())})"

    def _repr_fields(self) -> list[str]:
        raise NotImplementedError

    @contextlib.contextmanager
    def _quietly(self) -> Iterator[None]:
        """Change several controls while their handlers stay silent; render once after."""
        previous, self._is_quiet = self._is_quiet, True
        try:
            yield
        finally:
            self._is_quiet = previous


class Pager(_Guarded, widgets.HBox):
    """Previous / Next buttons and "1–10 of 470 paragraphs", over a list of items.

    Parameters
    ----------
    page_size : int
        Items per page.
    noun : str
        What the items are ("paragraphs", "lines"), for the label.
    on_page : callable
        Called with no argument after the reader turns the page.

    Examples
    --------
    >>> pager = Pager(10, "paragraphs", on_page=lambda: None)
    >>> pager.reset(25)
    >>> pager.bounds, pager.label
    ((0, 10), '1–10 of 25 paragraphs')
    >>> pager.show_item(21)
    >>> pager.bounds
    (20, 25)
    """

    def __init__(self, page_size: int, noun: str, on_page: Callable[[], None]) -> None:
        self._page_size, self._noun, self._on_page = page_size, noun, on_page
        self._n_items, self._page = 0, 0
        self._previous = widgets.Button(
            description="◀ Previous", tooltip="Previous page", layout=widgets.Layout(width="auto")
        )
        self._next = widgets.Button(
            description="Next ▶", tooltip="Next page", layout=widgets.Layout(width="auto")
        )
        self._position = widgets.Label()
        super().__init__([self._previous, self._position, self._next])
        self._previous.on_click(self._on_previous_click)
        self._next.on_click(self._on_next_click)
        self._update_controls()

    @property
    def bounds(self) -> tuple[int, int]:
        """Positions of the first item on the page and one past the last."""
        start = self._page * self._page_size
        return start, min(start + self._page_size, self._n_items)

    @property
    def label(self) -> str:
        """What the page shows, e.g. ``"11–20 of 470 paragraphs"``."""
        return self._position.value

    @property
    def n_pages(self) -> int:
        return max(1, math.ceil(self._n_items / self._page_size))

    def reset(self, n_items: int) -> None:
        """Show the first page of ``n_items`` items (does not call ``on_page``)."""
        self._n_items, self._page = n_items, 0
        self._update_controls()

    def show_item(self, position: int) -> None:
        """Turn to the page holding the item at ``position`` (does not call ``on_page``)."""
        self._page = min(max(position, 0) // self._page_size, self.n_pages - 1)
        self._update_controls()

    def _turn(self, step: int) -> None:
        page = min(max(self._page + step, 0), self.n_pages - 1)
        if page == self._page:  # the first or last page already (a disabled button)
            return
        self._page = page
        self._update_controls()
        self._on_page()

    def _on_previous_click(self, _button: widgets.Button) -> None:
        self._turn(-1)

    def _on_next_click(self, _button: widgets.Button) -> None:
        self._turn(+1)

    def _update_controls(self) -> None:
        start, stop = self.bounds
        self._position.value = (
            f"{start + 1:,}–{stop:,} of {self._n_items:,} {self._noun}"
            if self._n_items
            else f"no {self._noun}"
        )
        self._previous.disabled = self._page == 0
        self._next.disabled = self._page >= self.n_pages - 1
        self.layout.display = None if self.n_pages > 1 else "none"


def chosen(dropdown: widgets.Dropdown) -> object:
    """A dropdown's value for the analysis functions: None for its :data:`ALL` option.

    >>> chosen(widgets.Dropdown(options=chapter_options("All chapters")))
    >>> chosen(widgets.Dropdown(options=chapter_options("All chapters"), value=4))
    4
    """
    return None if dropdown.value == ALL else dropdown.value


def option_value(value: object) -> object:
    """The dropdown value standing for an argument: :data:`ALL` for None.

    >>> option_value(None), option_value(4)
    ('all', 4)
    """
    return ALL if value is None else value


def checkbox(description: str, value: bool) -> widgets.Checkbox:
    """A checkbox labelled on its right, as wide as its label.

    >>> checkbox("Include quotations", True).description
    'Include quotations'
    """
    return widgets.Checkbox(
        value=value, description=description, indent=False, layout=widgets.Layout(width="auto")
    )


def chapter_options(any_label: str | None = None) -> list[tuple[str, int | str]]:
    """Dropdown options for the chapters, labelled from :func:`leninism_data.chapters`.

    >>> chapter_options("All chapters")[:2]
    [('All chapters', 'all'), ('Introduction', 0)]
    >>> chapter_options()[4]
    ('IV · The Dictatorship of the Proletariat', 4)
    """
    options: list[tuple[str, int | str]] = [] if any_label is None else [(any_label, ALL)]
    for row in ld.chapters().itertuples():
        label = str(row.label)
        options.append(
            (label if label == row.title else f"{label} · {row.title}", int(row.chapter))
        )
    return options


def section_options(chapter: int | None, whole_label: str) -> list[tuple[str, int | str]]:
    """Dropdown options for the numbered sections of ``chapter`` (after ``whole_label``).

    Section 0, a chapter's text before its first numbered section, is offered only in
    chapters that have numbered sections.

    >>> section_options(3, "Whole chapter")[:3]
    [('Whole chapter', 'all'), ('0 · Before section 1', 0), ('1 · The importance of theory', 1)]
    >>> section_options(1, "Whole chapter")
    [('Whole chapter', 'all')]
    """
    options: list[tuple[str, int | str]] = [(whole_label, ALL)]
    if chapter is None or not has_sections(chapter):
        return options
    sections = ld.sections()
    for row in sections[sections["chapter"] == chapter].itertuples():
        title = row.title or "Before section 1"
        options.append((f"{row.section} · {title}", int(row.section)))
    return options


def has_sections(chapter: int) -> bool:
    """Is the chapter divided into numbered sections?

    >>> has_sections(3), has_sections(1)
    (True, False)
    """
    return bool(ld.chapters().loc[chapter, "n_sections"])


def resolve_optional_chapter(chapter: ChapterLike | None) -> int | None:
    """The chapter number, or None; unknown chapters raise the analysis layer's error.

    >>> resolve_optional_chapter("VIII"), resolve_optional_chapter(None)
    (8, None)
    """
    return None if chapter is None else ld.resolve_chapter(chapter)


def resolve_section(chapter: int | None, section: int | None) -> int | None:
    """Check that ``section`` is a section of ``chapter``.

    Section 0 of a chapter without numbered sections is the whole chapter (None).

    >>> resolve_section(3, 2), resolve_section(1, 0)
    (2, None)
    >>> resolve_section(3, 9)
    Traceback (most recent call last):
    ...
    ValueError: Chapter III has no section 9; its sections are 0–3.
    """
    if section is None:
        return None
    if chapter is None:
        raise ValueError("A section needs its chapter: pass chapter= as well as section=.")
    section = resolve_part((chapter, section)).section
    return section if has_sections(chapter) else None


def check_choice(name: str, value: object, choices: Sequence[object]) -> None:
    """Raise a learner-friendly ValueError unless ``value`` is one of ``choices``.

    >>> check_choice("sort", "middle", ("position", "left", "right"))
    Traceback (most recent call last):
    ...
    ValueError: Unknown sort 'middle'; choose from ['position', 'left', 'right'].
    """
    if value not in choices:
        raise ValueError(f"Unknown {name} {value!r}; choose from {list(choices)}.")


def repr_chapter(chapter: int | None) -> list[str]:
    """The ``chapter='IV'`` field of a widget's repr, if a chapter is chosen.

    >>> repr_chapter(4), repr_chapter(None)
    (["chapter='IV'"], [])
    """
    return [] if chapter is None else [f"chapter={chapter_label(chapter)!r}"]


def repr_text(name: str, value: str) -> list[str]:
    """The ``query='…'`` field of a widget's repr, shortened, if the text is not empty.

    >>> repr_text("query", "masses"), repr_text("query", "")
    (["query='masses'"], [])
    """
    if not value:
        return []
    if len(value) > REPR_QUERY_LIMIT:
        value = value[: REPR_QUERY_LIMIT - 1] + "…"
    return [f"{name}={value!r}"]
