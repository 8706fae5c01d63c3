"""The JupyterHub spawner of the classroom: one local server per student, limited.

Imported by the hub process only (it needs JupyterHub). As root, each student's server
runs as the student's system user (JupyterHub's ``LocalProcessSpawner``); with
``same_os_user`` (not root, a trial with one account) it runs as whoever started the
hub, with the student's own home folder under the hub's data folder. Either way the
student's processes get the limits of :mod:`leninism_data.classroom.limits` and the
notes store :func:`~leninism_data.classroom.teacher.student_notes_path` of their home.
"""

from __future__ import annotations

import pwd
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jupyterhub.spawner import LocalProcessSpawner
from traitlets import Bool, Int, Unicode

from leninism_data.classroom.limits import Limits, apply_limits
from leninism_data.classroom.teacher import (
    Student,
    provision_lab_config,
    provision_notebooks,
    student_notes_path,
)


class ClassroomSpawner(LocalProcessSpawner):
    """``LocalProcessSpawner`` with real per-process limits and a private home per student."""

    address_space = Int(2**30, help="RLIMIT_AS of every process of a student, in bytes").tag(
        config=True
    )
    niceness = Int(5, help="added to the scheduling priority of a student's processes").tag(
        config=True
    )
    same_os_user = Bool(
        False, help="run every student as the hub's own user, each with a home of their own"
    ).tag(config=True)
    homes = Unicode("", help="folder of the students' homes when same_os_user is set").tag(
        config=True
    )

    def student(self) -> Student:
        """Where this spawner's student keeps their files, and who owns them."""
        if self.same_os_user:
            return Student(self.user.name, Path(self.homes) / self.user.name)
        entry = pwd.getpwnam(self.user.name)
        return Student(self.user.name, Path(entry.pw_dir), entry.pw_uid, entry.pw_gid)

    def make_preexec_fn(self, name: str) -> Callable[[], None]:
        limit = apply_limits(Limits(self.address_space, self.niceness))
        if self.same_os_user:
            return limit
        become_student = super().make_preexec_fn(name)

        def preexec() -> None:
            limit()
            become_student()

        return preexec

    def user_env(self, env: dict[str, Any]) -> dict[str, Any]:
        if self.same_os_user:
            env["USER"] = self.user.name
            env["HOME"] = str(self.student().home)
        else:
            env = super().user_env(env)
        env["LENINISM_STUDY_NOTES"] = str(student_notes_path(Path(env["HOME"])))
        return env


def provision_hook(spawner: ClassroomSpawner) -> None:
    """``pre_spawn_hook``: on a student's first login, give them their copy of the notebooks."""
    student = spawner.student()
    student.home.mkdir(mode=0o700, parents=True, exist_ok=True)
    provision_notebooks(student)
    provision_lab_config(student)
