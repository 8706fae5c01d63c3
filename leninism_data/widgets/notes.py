"""Notes: write, edit and delete your notes beside a paragraph of the book."""

from __future__ import annotations

import os
from collections.abc import Callable

import ipywidgets as widgets

import leninism_data as ld
from leninism_data.seminar.notes import Note, NoteError, NoteStore, check_anchor
from leninism_data.tables.citing import UnknownParagraphError, find_paragraph
from leninism_data.widgets._base import LABEL_STYLE, StudyWidget, problem_text
from leninism_data.widgets._html import (
    Tone,
    escape,
    mark_up,
    message,
    pages_label,
    plural,
    shorten,
    view,
)

__all__ = ["Notes"]

#: The value of the Note list's first option, "New note". (An option whose value is None
#: would leave the dropdown showing no selection at all.)
NEW = "new"
OPTION_TEXT_LIMIT = 48


class Notes(StudyWidget):
    """A paragraph of the book with your notes on it, and a box to write one more.

    The paragraph is shown with its id, printed pages and footnote markers; under it come
    the notes already attached to it, then the editor: a text box, a tags box
    (comma-separated: ``state, party``) and Save / Delete. Choose a note in the list to
    edit it (Save) or delete it (Delete: its text stays in the box, so Save brings it back).
    Type another id (``VII.30``) in the Paragraph box and press Enter to move there.
    Problems — an empty note, an unknown id, a notes file that cannot be written, a
    store that was closed or whose file was deleted — are explained in a message under
    the buttons, never as an error, and the widget keeps working.

    Notes are kept by a :class:`leninism_data.NoteStore`: every change is written at once,
    so nothing is lost when the notebook or the kernel closes. The store may be used from
    any thread, as a real kernel runs widget callbacks on threads of its own.

    Parameters
    ----------
    paragraph_id : str, default "IV.27"
        The paragraph to annotate, as in ``ld.paragraphs().paragraph_id``.
    store : NoteStore, str or os.PathLike, optional
        Where the notes live: a store, or the path of a notes file. Default: the store
        :class:`~leninism_data.NoteStore` opens (``$LENINISM_STUDY_NOTES``, else the
        per-user notes file).

    Attributes
    ----------
    result : pandas.DataFrame
        The notes on view: the rows of :meth:`NoteStore.list` for this paragraph.

    Examples
    --------
    >>> import leninism_data as ld
    >>> store = ld.NoteStore(":memory:")
    >>> _ = store.add("IV.27", "Force against the bourgeoisie.", tags="state")
    >>> notes = Notes("IV.27", store=store)
    >>> notes
    Notes(paragraph_id='IV.27', 1 note)
    >>> notes.result[["note_id", "text", "tags"]]
       note_id                            text      tags
    0        1  Force against the bourgeoisie.  (state,)
    """

    _owns_store = False  # True when the widget opened the notes file, so closes it too

    def __init__(
        self,
        paragraph_id: str = "IV.27",
        *,
        store: NoteStore | str | os.PathLike[str] | None = None,
    ) -> None:
        self._paragraph_id = _paragraph(paragraph_id)
        if isinstance(store, NoteStore):
            self._store = store
        else:
            self._store, self._owns_store = NoteStore(store), True
        self._paragraph = widgets.Text(
            value=self._paragraph_id,
            description="Paragraph",
            placeholder="IV.27",
            continuous_update=False,
            style=LABEL_STYLE,
            layout=widgets.Layout(width="14em"),
        )
        self._passage = widgets.HTML()
        self._list = widgets.HTML()
        self._note = widgets.Dropdown(
            description="Note", style=LABEL_STYLE, layout=widgets.Layout(width="32em")
        )
        # The text and tags reach the kernel as they are typed (nothing observes them, so
        # this costs nothing): with updates only on blur, a click on Save sent right after
        # typing can overtake the text in a real browser and save an "empty" note.
        self._text = widgets.Textarea(
            description="Text",
            placeholder="Write your note here …",
            rows=4,
            continuous_update=True,
            style=LABEL_STYLE,
            layout=widgets.Layout(width="46em", max_width="100%"),
        )
        self._tags = widgets.Text(
            description="Tags",
            placeholder="comma-separated: state, party",
            continuous_update=True,
            style=LABEL_STYLE,
            layout=widgets.Layout(width="32em"),
        )
        self._save = widgets.Button(
            description="Save",
            button_style="primary",
            tooltip="Save the note (a new one, or the one chosen)",
        )
        self._delete = widgets.Button(description="Delete", tooltip="Delete the note chosen")
        self._status = widgets.HTML()
        self._message = ""
        self._on_saved: list[Callable[[], None]] = []
        super().__init__(
            [
                self._paragraph,
                self._passage,
                self._list,
                self._note,
                self._text,
                self._tags,
                widgets.HBox([self._save, self._delete]),
                self._status,
            ]
        )
        self._paragraph.observe(self._on_paragraph_change, "value")
        self._note.observe(self._on_note_change, "value")
        self._save.on_click(self._on_save_click)
        self._delete.on_click(self._on_delete_click)
        self._load_paragraph()

    @property
    def paragraph_id(self) -> str:
        """The paragraph on view."""
        return self._paragraph_id

    @property
    def message(self) -> str:
        """The last message under the buttons, as plain text ("" if none)."""
        return self._message

    @property
    def html(self) -> str:
        """The HTML of the paragraph and of the notes on it."""
        return self._passage.value + self._list.value

    @property
    def store(self) -> NoteStore:
        """The notes store this widget reads and writes."""
        return self._store

    def observe_saved(self, callback: Callable[[], None]) -> None:
        """Call ``callback()`` after every note saved or deleted here."""
        self._on_saved.append(callback)

    def show(self, paragraph_id: str) -> None:
        """Move to another paragraph (as typing its id in the Paragraph box does).

        >>> notes = Notes("IV.27", store=NoteStore(":memory:"))
        >>> notes.show("IV.28")
        >>> notes.paragraph_id
        'IV.28'
        """
        self._paragraph_id = _paragraph(paragraph_id)
        self._load_paragraph()

    def close(self) -> None:
        """Close the widget, and the notes file if the widget opened it (not a store given)."""
        if self._owns_store:
            self._store.close()
        super().close()

    def _repr_fields(self) -> list[str]:
        return [f"paragraph_id={self._paragraph_id!r}", plural(len(self._result), "note")]

    # ------------------------------------------------------------------ events

    def _on_paragraph_change(self, _change: dict) -> None:
        if self._is_quiet:
            return
        typed = self._paragraph.value.strip().removeprefix("¶").strip()
        if not typed or typed == self._paragraph_id:
            return
        self._paragraph_id = _paragraph(typed)
        self._load_paragraph()

    def _on_note_change(self, _change: dict) -> None:
        if self._is_quiet:
            return
        note_id = self._note.value
        if note_id == NEW:
            self._text.value, self._tags.value = "", ""
        else:
            row = self._result[self._result["note_id"] == note_id].iloc[0]
            self._text.value, self._tags.value = row["text"], ", ".join(row["tags"])
        self._say("")

    def _on_save_click(self, _button: widgets.Button) -> None:
        note_id = self._note.value
        if note_id == NEW:
            note = self._store.add(self._paragraph_id, self._text.value, tags=self._tags.value)
            done = f"Saved note {note.note_id} on ¶ {note.anchor}."
        else:
            note = self._store.edit(note_id, text=self._text.value, tags=self._tags.value)
            done = f"Updated note {note.note_id}."
        self._refresh()
        self._say(done)
        for callback in self._on_saved:
            callback()

    def _on_delete_click(self, _button: widgets.Button) -> None:
        note_id = self._note.value
        if note_id == NEW:
            self._say("Choose a note in the Note list to delete it.", "warning")
            return
        note: Note = self._store.delete(note_id)
        self._refresh()
        # The deleted text stays in the editor: Save adds it back.
        self._text.value, self._tags.value = note.text, ", ".join(note.tags)
        self._say(
            f"Deleted note {note.note_id}. Its text is still in the box: "
            "press Save to keep it after all."
        )
        for callback in self._on_saved:
            callback()

    # --------------------------------------------------------------- rendering

    def _load_paragraph(self) -> None:
        """Show the paragraph on view and its notes, with an empty editor."""
        with self._quietly():
            self._paragraph.value = self._paragraph_id
        self._passage.value = view(self._passage_html())
        self._text.placeholder = f"Write your note on ¶ {self._paragraph_id} here …"
        self._refresh()
        self._say("")

    def _refresh(self) -> None:
        """Re-read the notes of the paragraph from the store, list them, empty the editor."""
        self._result = self._store.list(anchor=self._paragraph_id)
        options: list[tuple[str, int | str]] = [("New note", NEW)]
        options += [
            (
                f"Note {row.note_id} · {shorten(' '.join(row.text.split()), OPTION_TEXT_LIMIT)}",
                int(row.note_id),
            )
            for row in self._result.itertuples()
        ]
        with self._quietly():
            self._note.options = options
            self._note.value = NEW
            self._text.value, self._tags.value = "", ""
        self._list.value = view(self._notes_html())

    def _passage_html(self) -> str:
        paragraph = ld.paragraphs().set_index("paragraph_id").loc[self._paragraph_id]
        inserts = [
            (offset, f'<sup class="ld-fn" title="Footnote {number}">{number}</sup>')
            for offset, number in paragraph["footnote_markers"]
        ]
        return (
            f'<div class="ld-heading">¶ {escape(self._paragraph_id)} · '
            f"{pages_label(paragraph['page'], paragraph['page_end'])}</div>"
            f'<div class="ld-para" style="display:block">'
            f"{mark_up(paragraph['text'], (), inserts)}</div>"
        )

    def _notes_html(self) -> str:
        if self._result.empty:
            return message(f"No notes on ¶ {self._paragraph_id} yet.")
        items = []
        for row in self._result.itertuples():
            tags = (
                f' <span class="ld-muted">· {escape(", ".join(row.tags))}</span>'
                if row.tags
                else ""
            )
            items.append(
                f'<div class="ld-footnote"><b>Note {row.note_id}</b>{tags}'
                f'<div style="white-space:pre-wrap">{escape(row.text)}</div></div>'
            )
        return (
            f'<div class="ld-heading">{plural(len(self._result), "note")} on '
            f"¶ {escape(self._paragraph_id)}</div>{''.join(items)}"
        )

    def _say(self, text: str, tone: Tone = "info") -> None:
        self._message = text
        self._status.value = view(message(text, tone)) if text else ""

    def _show_problem(self, error: BaseException) -> None:
        """Any failure of a callback (an empty note, a closed store …) under the buttons."""
        self._say(problem_text(error), "warning")

    def _clear_problem(self) -> None:
        """A callback that succeeds has said what it did; nothing to clear."""


def _paragraph(typed: object) -> str:
    """The paragraph id ``typed`` stands for (``"iv 28"`` is IV.28), or why there is none."""
    try:
        anchor = check_anchor(typed)  # type: ignore[arg-type]
    except NoteError as error:
        raise UnknownParagraphError(str(error)) from None
    if anchor.startswith("fn:"):
        raise UnknownParagraphError(
            f"{anchor} is a footnote; notes here are on paragraphs such as 'IV.27'."
        )
    return find_paragraph(anchor).paragraph_id
