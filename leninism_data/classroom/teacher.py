"""Each student's folder and notes, and the teacher's two tools: hand out, collect.

Every student has, in their home folder:

- ``leninism-study-notebooks/``: their own copy of the notebooks, made on first login
  (or by the first handout) and never overwritten afterwards;
- their notes store at :func:`student_notes_path` (the path ``NoteStore()`` opens there).

The teacher (as root) copies a file into every student's folder with :func:`hand_out`, and
merges every student's notes into one Markdown or JSON file with :func:`collect_notes`;
each collected note gets a tag naming its student.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from leninism_data.classroom.roster import ClassroomError

#: A student's folder of notebooks, in their home.
NOTEBOOKS_FOLDER = "leninism-study-notebooks"
#: The notebook a student's browser opens first.
START_NOTEBOOK = "00-start-here.ipynb"
COLLECT_FORMATS = (".json", ".md")


@dataclass(frozen=True)
class Student:
    """Where a student's files are, and who owns them (None: whoever runs this)."""

    name: str
    home: Path
    uid: int | None = None
    gid: int | None = None

    @property
    def notebooks(self) -> Path:
        """The student's folder of notebooks."""
        return self.home / NOTEBOOKS_FOLDER

    @property
    def notes(self) -> Path:
        """The student's notes store."""
        return student_notes_path(self.home)


def student_notes_path(home: Path) -> Path:
    """The notes store of the student whose home is ``home`` (``NoteStore()``'s default there).

    >>> student_notes_path(Path("/home/anna")).as_posix()
    '/home/anna/.local/share/leninism-study/notes.sqlite3'
    """
    return home / ".local" / "share" / "leninism-study" / "notes.sqlite3"


def _give(student: Student, path: Path) -> None:
    """Make ``path`` (and everything under it) the student's."""
    if student.uid is None or student.gid is None:
        return
    for item in [path, *path.rglob("*")] if path.is_dir() else [path]:
        os.chown(item, student.uid, student.gid, follow_symlinks=False)


def provision_notebooks(student: Student, source: Path | None = None) -> list[Path]:
    """Copy the notebooks into the student's folder unless it exists; return what was copied.

    A folder that exists is left exactly as it is (the student's work is never
    overwritten), so this runs on every login and copies only on the first.
    """
    from leninism_data.cli import IGNORED_NAMES, notebooks_source

    if student.notebooks.exists():
        return []
    source = notebooks_source() if source is None else source
    shutil.copytree(source, student.notebooks, ignore=shutil.ignore_patterns(*IGNORED_NAMES))
    _give(student, student.notebooks)
    return sorted(p.relative_to(student.notebooks) for p in student.notebooks.rglob("*"))


#: JupyterLab's page settings for every student: no prompt to fetch news from the internet.
LAB_PAGE_CONFIG = {"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True}}


def provision_lab_config(student: Student) -> Path | None:
    """Write the student's JupyterLab page config (:data:`LAB_PAGE_CONFIG`) unless they have one.

    Returns the file written, or None if the student already had one (it is kept).
    """
    path = student.home / ".jupyter" / "labconfig" / "page_config.json"
    if path.exists():
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(LAB_PAGE_CONFIG, indent=1), encoding="utf-8")
    _give(student, student.home / ".jupyter")
    return path


def hand_out(handout: Path, students: Sequence[Student]) -> dict[str, str]:
    """Copy ``handout`` into every student's folder, owned by the student.

    A student who has not logged in yet gets the notebooks too. A student who already
    has a file of that name keeps it (nothing is overwritten).

    Returns
    -------
    dict
        Student name -> ``"copied"`` or ``"kept their own file"``.
    """
    if not handout.is_file():
        raise ClassroomError(f"there is no file {handout} to hand out")
    outcome = {}
    for student in students:
        provision_notebooks(student)
        target = student.notebooks / handout.name
        if target.exists():
            outcome[student.name] = "kept their own file"
            continue
        shutil.copyfile(handout, target)
        os.chmod(target, 0o644)
        _give(student, target)
        outcome[student.name] = "copied"
    return outcome


def collect_notes(students: Sequence[Student], out: Path) -> dict[str, int]:
    """Merge every student's notes into ``out`` (``.md`` or ``.json``), tagged with their names.

    The students' stores are read from copies, so no file in a student's home is
    touched. Notes of the same passage with the same text are kept once.

    Returns
    -------
    dict
        Student name -> number of notes found in their store (0 if they have none).
    """
    from leninism_data.seminar.notes import NoteStore

    if out.suffix not in COLLECT_FORMATS:
        raise ClassroomError(
            f"write the notes to a .md or .json file, not {out.name!r} "
            "(e.g. seminar-notes.md or seminar-notes.json)"
        )
    counts = {}
    with tempfile.TemporaryDirectory(prefix="leninism-study-collect-") as tmp:
        folder = Path(tmp)
        with NoteStore(folder / "merged.sqlite3") as merged:
            for student in students:
                export = _tagged_export(student, folder)
                if export is None:
                    counts[student.name] = 0
                    continue
                counts[student.name] = len(json.loads(export.read_text("utf-8"))["notes"])
                merged.import_file(export)
            if out.suffix == ".md":
                merged.export_markdown(out)
            else:
                merged.export_json(out)
    return counts


def _tagged_export(student: Student, folder: Path) -> Path | None:
    """A JSON export of a copy of the student's store, each note tagged with the name."""
    from leninism_data.seminar.notes import NoteStore

    if not student.notes.is_file():
        return None
    copy = folder / f"{student.name}.sqlite3"
    for suffix in ("", "-wal"):
        original = Path(f"{student.notes}{suffix}")
        if original.is_file():
            shutil.copyfile(original, f"{copy}{suffix}")
    with NoteStore(copy) as store:
        document = json.loads(store.export_json())
    for note in document["notes"]:
        note["tags"] = sorted({*note["tags"], student.name})
    export = folder / f"{student.name}.json"
    export.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return export
