"""A classroom hub: one JupyterHub on this machine for a seminar, and the teacher's tools.

The hub itself is JupyterHub (from PyPI, with its proxy from npm), run as a child
process with a configuration written here; nothing of JupyterHub is reimplemented.

- :mod:`~leninism_data.classroom.roster`: the students' names, checked, and (as root)
  one system user each, so that no student can read another's files.
- :mod:`~leninism_data.classroom.limits`: what each student's processes may use.
- :mod:`~leninism_data.classroom.hub`: the hub's settings, its configuration, and
  starting it.
- :mod:`~leninism_data.classroom.spawner`: the JupyterHub spawner (imports JupyterHub).
- :mod:`~leninism_data.classroom.teacher`: each student's folder of notebooks, handing
  out a file to every student, and collecting everyone's notes into one file.
"""

from __future__ import annotations

from leninism_data.classroom.roster import ClassroomError

__all__ = ["ClassroomError"]
