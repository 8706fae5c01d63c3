"""The students of a seminar: their names, checked, and their system users.

A name is a lower-case slug (a letter, then letters, digits or ``-``, at most 32
characters), the form JupyterHub and ``useradd`` both accept unchanged. When the hub
runs as root each student (and the teacher) is a system user of that name, created
here with a private home folder (mode 0700) and the comment :data:`GECOS_MARKER`, so
that an account of the machine that is not one of ours is never taken over.

>>> parse_names("anna, boris\\nclara")
['anna', 'boris', 'clara']
>>> check_name("Root")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
leninism_data.classroom.roster.ClassroomError: 'Root' is not a valid name: use a lower-case ...
"""

from __future__ import annotations

import contextlib
import os
import pwd
import re
import signal
import subprocess
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

#: The comment (GECOS field) of every system user this package creates.
GECOS_MARKER = "leninism-study classroom"
#: Names never given to a student, whether or not the machine has such an account.
RESERVED_NAMES = frozenset(
    {"root", "admin", "daemon", "bin", "sys", "nobody", "jupyterhub", "hub", "teacher-root"}
)
_NAME = re.compile(r"[a-z][a-z0-9-]{0,31}")
_NAME_RULE = (
    "use a lower-case letter, then lower-case letters, digits or '-' (at most 32 "
    "characters), e.g. 'anna' or 'boris-k'"
)


class ClassroomError(ValueError):
    """A classroom setting or command that cannot be used, with the reason and the fix."""


@dataclass(frozen=True)
class Account:
    """A student's (or the teacher's) system user: ids and home folder."""

    name: str
    uid: int
    gid: int
    home: Path


def check_name(name: str) -> str:
    """Return ``name`` if it can name a student; raise :class:`ClassroomError` if not.

    >>> check_name("boris-k")
    'boris-k'
    >>> check_name("root")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    leninism_data.classroom.roster.ClassroomError: 'root' is reserved for the system; ...
    """
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise ClassroomError(f"{name!r} is not a valid name: {_NAME_RULE}")
    if name in RESERVED_NAMES:
        raise ClassroomError(f"{name!r} is reserved for the system; choose another name")
    return name


def parse_names(text: str) -> list[str]:
    """Split names given on the command line or in a file (commas, spaces, lines; ``#`` comments).

    >>> parse_names("# seminar 3\\nanna\\nboris  # late\\n")
    ['anna', 'boris']
    """
    names: list[str] = []
    for line in text.splitlines():
        names.extend(re.split(r"[\s,]+", line.split("#", 1)[0].strip()))
    return [name for name in names if name]


def read_roster(students: str, teacher: str) -> list[str]:
    """Return the checked student names from ``students``: a file of names, or the names.

    Raises :class:`ClassroomError` for a bad or repeated name, no students, or a teacher
    who is also listed as a student.
    """
    path = Path(students)
    text = path.read_text(encoding="utf-8") if path.is_file() else students
    names = [check_name(name) for name in parse_names(text)]
    if not names:
        raise ClassroomError(f"no student names in {students!r}; give names or a file of names")
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise ClassroomError(f"these names are listed more than once: {', '.join(repeated)}")
    check_name(teacher)
    if teacher in names:
        raise ClassroomError(f"the teacher {teacher!r} is also listed as a student")
    return names


def classroom_account(name: str) -> Account | None:
    """The system user ``name`` if this package created it, None if there is no such user.

    Raises :class:`ClassroomError` if the machine has an account of that name that is not
    a classroom account (it is never used for a student).
    """
    try:
        entry = pwd.getpwnam(name)
    except KeyError:
        return None
    if entry.pw_gecos != GECOS_MARKER or entry.pw_uid == 0:
        raise ClassroomError(
            f"{name!r} is an existing account of this machine, not a classroom account; "
            "choose another name (e.g. with a suffix such as '-seminar')"
        )
    return Account(name, entry.pw_uid, entry.pw_gid, Path(entry.pw_dir))


def check_free_or_ours(names: Iterable[str]) -> None:
    """Raise :class:`ClassroomError` if any name is a system account that is not ours."""
    for name in names:
        classroom_account(name)


def ensure_account(name: str) -> Account:
    """Create the system user ``name`` (as root) unless it exists; its home is private (0700)."""
    account = classroom_account(check_name(name))
    if account is None:
        subprocess.run(
            ["useradd", "--create-home", "--shell", "/bin/bash", "--comment", GECOS_MARKER, name],
            check=True,
            capture_output=True,
        )
        account = classroom_account(name)
        assert account is not None
    os.chmod(account.home, 0o700)
    return account


def remove_account(name: str) -> bool:
    """Delete the classroom account ``name`` and its home (as root); False if there is none.

    Its processes are stopped first (SIGKILL, found by user id in ``/proc``). An account
    that this package did not create raises :class:`ClassroomError` and is left alone.
    """
    account = classroom_account(name)
    if account is None:
        return False
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            uid_line = next(line for line in status.read_text().splitlines() if line[:4] == "Uid:")
        except (OSError, StopIteration):
            continue
        if int(uid_line.split()[1]) == account.uid:
            with contextlib.suppress(ProcessLookupError):
                os.kill(int(status.parent.name), signal.SIGKILL)
    time.sleep(0.5)
    subprocess.run(["userdel", "--remove", name], check=True, capture_output=True)
    return True
