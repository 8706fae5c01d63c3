"""A self-studier's progress through the question bank, kept in a small SQLite file.

:class:`ProgressStore` records every answer given in a :class:`~leninism_data.widgets.Quiz`
(question, chosen choice, right or wrong, when); :func:`progress` sums them up per chapter.
The answers outlive the kernel: ``ProgressStore()`` opens the per-user file returned by
:func:`default_progress_path` (``progress.sqlite3`` beside the notes store, or the path in
``$LENINISM_STUDY_PROGRESS``), created readable by its owner only.

A store may be used from any thread (a widget's callback can run on another thread than the
cell that built it): one connection, opened with ``check_same_thread=False``, is used under a
lock. Anything that goes wrong with the file is a :class:`ProgressError` naming the file.

Examples
--------
>>> import leninism_data as ld
>>> with ld.ProgressStore(":memory:") as store:
...     store.record("IV-05", 0), store.record("IV-05", 1)
...     ld.progress(store).loc[[3, 4], ["n_questions", "answered", "answered_right"]]
(False, True)
   n_questions  answered  answered_right
3           10         0               0
4           10         1               1
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

import pandas as pd
import platformdirs

from leninism_data.seminar.questions import questions

__all__ = [
    "PROGRESS_PATH_ENV",
    "ProgressError",
    "ProgressStore",
    "default_progress_path",
    "progress",
]

PROGRESS_PATH_ENV = "LENINISM_STUDY_PROGRESS"
"""Environment variable that, when set, names the file ``ProgressStore()`` opens."""

_APPLICATION_ID = 0x4C535051  # "LSPQ": Leninism Study Progress on Questions
_SCHEMA_VERSION = 1
_MEMORY = ":memory:"
_T = TypeVar("_T")


class ProgressError(RuntimeError):
    """The progress store cannot be opened, read or written; the message says why."""


def default_progress_path() -> Path:
    """The file ``ProgressStore()`` opens.

    Returns
    -------
    pathlib.Path
        ``$LENINISM_STUDY_PROGRESS`` if set and not empty, else ``progress.sqlite3`` in the
        per-user data folder of ``leninism-study`` (where the notes store lives too).

    Examples
    --------
    >>> import os
    >>> saved = os.environ.pop("LENINISM_STUDY_PROGRESS", None)
    >>> default_progress_path().name, default_progress_path().parent.name
    ('progress.sqlite3', 'leninism-study')
    >>> if saved is not None: os.environ["LENINISM_STUDY_PROGRESS"] = saved
    """
    from_environment = os.environ.get(PROGRESS_PATH_ENV, "").strip()
    if from_environment:
        return Path(from_environment).expanduser()
    return platformdirs.user_data_path("leninism-study") / "progress.sqlite3"


class ProgressStore:
    """Every answer given to the question bank, in an SQLite file that outlives the kernel.

    Parameters
    ----------
    path : str or os.PathLike, optional
        The file (created if missing, with its folder). Default: :func:`default_progress_path`.
        ``":memory:"`` keeps the answers for this store object only.

    Raises
    ------
    ProgressError
        If the file cannot be created or opened, is not an SQLite database, or belongs to
        another program.

    Examples
    --------
    >>> with ProgressStore(":memory:") as store:
    ...     store.record("Intro-01", 0)
    ...     store.answers()[["question_id", "chapter", "chosen", "correct"]]
    True
      question_id  chapter  chosen  correct
    0    Intro-01        0       0     True
    """

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = str(path) if path is not None else str(default_progress_path())
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None
        try:
            if self.path != _MEMORY:
                _create_privately(Path(self.path))
            self._connection = sqlite3.connect(
                self.path, check_same_thread=False, isolation_level=None, timeout=5.0
            )
            self._prepare()
        except (OSError, sqlite3.Error) as error:
            self.close()
            raise ProgressError(f"cannot open the progress store {self.path}: {error}.") from None

    def __repr__(self) -> str:
        state = "closed" if self.closed else "open"
        return f"ProgressStore({self.path!r}, {state})"

    def __enter__(self) -> ProgressStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def closed(self) -> bool:
        """True once :meth:`close` has been called."""
        return self._connection is None

    def close(self) -> None:
        """Close the file (answers already recorded are kept)."""
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    def record(self, question_id: str, chosen: int, *, when: datetime | None = None) -> bool:
        """Record an answer and say whether it was right.

        Parameters
        ----------
        question_id : str
            A ``question_id`` of :func:`leninism_data.questions`.
        chosen : int
            The 0-based position of the chosen answer in the question's ``choices``.
        when : datetime, optional
            When it was answered (default: now), stored in UTC.

        Returns
        -------
        bool
            Whether ``chosen`` is the right answer.

        Raises
        ------
        ValueError
            For an unknown question or a choice it does not have.
        ProgressError
            If the store is closed or the file cannot be written.
        """
        bank = questions().set_index("question_id")
        if question_id not in bank.index:
            raise ValueError(
                f"{question_id!r} is not a question of the bank; ids look like 'IV-05' "
                "(see leninism_data.questions())."
            )
        n_choices = len(bank.loc[question_id, "choices"])
        if isinstance(chosen, bool) or not isinstance(chosen, int) or not 0 <= chosen < n_choices:
            raise ValueError(
                f"question {question_id} has choices 0 to {n_choices - 1}, not {chosen!r}."
            )
        correct = chosen == int(bank.loc[question_id, "answer_index"])
        moment = (when or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="microseconds")
        self._run(
            lambda connection: connection.execute(
                "INSERT INTO answers (question_id, chosen, correct, answered_at) "
                "VALUES (?, ?, ?, ?)",
                (question_id, chosen, int(correct), moment),
            )
        )
        return correct

    def answers(self) -> pd.DataFrame:
        """Every answer recorded, oldest first.

        Returns
        -------
        pandas.DataFrame
            ``question_id``, ``chapter`` (0–9), ``chosen`` (0-based), ``correct`` (bool) and
            ``answered_at`` (UTC timestamp). Answers to questions no longer in the bank are
            left out.
        """
        rows = self._run(
            lambda connection: connection.execute(
                "SELECT question_id, chosen, correct, answered_at FROM answers ORDER BY rowid"
            ).fetchall()
        )
        chapter_of = questions().set_index("question_id")["chapter"]
        rows = [row for row in rows if row[0] in chapter_of.index]
        ids, chosen, correct, moments = zip(*rows) if rows else ((), (), (), ())
        return pd.DataFrame(
            {
                "question_id": pd.array(ids, dtype="str"),
                "chapter": pd.array([chapter_of[i] for i in ids], dtype="int64"),
                "chosen": pd.array(chosen, dtype="int64"),
                "correct": pd.array([bool(c) for c in correct], dtype="bool"),
                "answered_at": pd.to_datetime(
                    pd.Series(moments, dtype="str"), format="ISO8601", utc=True
                ),
            }
        )

    def _prepare(self) -> None:
        connection = self._connection
        assert connection is not None
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if tables and application_id != _APPLICATION_ID:
            raise ProgressError(
                f"{self.path} is an SQLite file of another program, not a progress store; "
                "choose another path."
            )
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version > _SCHEMA_VERSION:
            raise ProgressError(
                f"{self.path} was written by a newer leninism-study; upgrade the package."
            )
        if self.path != _MEMORY:  # one write is then one append to the log, not a rewrite
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = FULL")  # a recorded answer is on disk
        if not tables:
            connection.execute(f"PRAGMA application_id = {_APPLICATION_ID}")
            connection.execute(f"PRAGMA user_version = {_SCHEMA_VERSION}")
            connection.execute(
                """CREATE TABLE IF NOT EXISTS answers (
                       question_id TEXT NOT NULL,
                       chosen INTEGER NOT NULL,
                       correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
                       answered_at TEXT NOT NULL)"""
            )

    def _run(self, work: Callable[[sqlite3.Connection], _T]) -> _T:
        with self._lock:
            if self._connection is None:
                raise ProgressError(
                    f"the progress store {self.path} is closed; open a new ProgressStore."
                )
            try:
                return work(self._connection)
            except sqlite3.Error as error:
                raise ProgressError(
                    f"cannot use the progress store {self.path}: {error}."
                ) from None


def _create_privately(path: Path) -> None:
    """Create ``path`` (and its folder) readable by its owner only, if it does not exist."""
    if not path.parent.exists():
        path.parent.mkdir(mode=0o700, parents=True)
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))


def progress(store: ProgressStore | str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """How far the self-check questions have been worked through, chapter by chapter.

    Parameters
    ----------
    store : ProgressStore, str or os.PathLike, optional
        The store to read (or its file); default: ``ProgressStore()``, the per-user file the
        :class:`~leninism_data.widgets.Quiz` records into.

    Returns
    -------
    pandas.DataFrame
        One row per chapter, in book order (``chapter`` 0–9): ``n_questions`` in the
        bank, ``answered`` (questions answered at least once), ``answered_right``
        (questions answered right at least once), ``last_answered`` (UTC time, NaT if
        never).

    Examples
    --------
    >>> import leninism_data as ld
    >>> ld.progress(":memory:").head(2)
       chapter  n_questions  answered  answered_right last_answered
    0        0           10         0               0           NaT
    1        1           10         0               0           NaT
    """
    if isinstance(store, ProgressStore):
        answers = store.answers()
    else:
        with ProgressStore(store) as opened:
            answers = opened.answers()
    bank = questions()
    per_question = answers.groupby("question_id").agg(
        chapter=("chapter", "first"), right=("correct", "any"), last=("answered_at", "max")
    )
    by_chapter = per_question.groupby("chapter")
    chapters = pd.RangeIndex(10)
    frame = pd.DataFrame(
        {
            "chapter": chapters,
            "n_questions": bank.groupby("chapter").size().reindex(chapters, fill_value=0),
            "answered": by_chapter.size().reindex(chapters, fill_value=0),
            "answered_right": by_chapter["right"].sum().reindex(chapters, fill_value=0),
            "last_answered": pd.to_datetime(by_chapter["last"].max().reindex(chapters), utc=True),
        }
    )
    frame.index.name = None
    return frame.astype({"answered": "int64", "answered_right": "int64"})
